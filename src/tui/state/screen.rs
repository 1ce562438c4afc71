//! What has the screen: one `Screen`, owning the data only it shows, and at most one
//! `Overlay` on top of it. Closing an overlay uncovers the screen as it was, so nothing has
//! to remember where to go back to.

use super::{ArchivedList, Question};
use crate::services::dashboard::Dashboard;
use crate::tui::form::Form;
use crate::tui::importing::ImportPreview;
use crate::tui::review::Review;

#[derive(Debug, Clone)]
pub enum Screen {
    /// The four panes of the book; `filtering` while keys go to the filter line.
    Book { filtering: bool },
    /// Today's review, walking what is due and who is going cold.
    Review(Box<Review>),
    /// The archived customers, to look through and restore.
    Archived(ArchivedList),
    /// The dashboard (`D`), and how far it is scrolled (clamped when drawn).
    Dashboard {
        dashboard: Box<Dashboard>,
        scroll: usize,
    },
    /// An import previewed, waiting for a yes.
    ImportPreview(Box<ImportPreview>),
}

impl Default for Screen {
    fn default() -> Self {
        Screen::BOOK
    }
}

impl Screen {
    /// The book with the keys on the panes.
    pub const BOOK: Screen = Screen::Book { filtering: false };

    pub fn is_book(&self) -> bool {
        matches!(self, Screen::Book { filtering: false })
    }

    pub fn is_filtering(&self) -> bool {
        matches!(self, Screen::Book { filtering: true })
    }
}

/// Drawn over the screen and given the keys until it closes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Form(Box<Form>),
    /// A question waiting for y/n.
    Confirm(Question),
    /// Every key, scrolled to where the person was.
    Help(Box<crate::tui::help::HelpView>),
}
