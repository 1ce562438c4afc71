//! Everything a person can ask of fieldbook, named for the intent rather than the key.

use super::review::QuickDate;
use super::text_input::TextEdit;

/// The four panes of the customer book.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    Customers,
    Profile,
    History,
    FollowUps,
}

impl Pane {
    pub const ALL: [Pane; 4] = [
        Pane::Customers,
        Pane::Profile,
        Pane::History,
        Pane::FollowUps,
    ];

    /// The pane's name on the narrow screen's tabs.
    pub fn title(self) -> String {
        match self {
            Pane::Customers => crate::t!("tab-customers"),
            Pane::Profile => crate::t!("tab-profile"),
            Pane::History => crate::t!("tab-history"),
            Pane::FollowUps => crate::t!("tab-follow-ups"),
        }
    }

    fn index(self) -> usize {
        Self::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    pub fn next(self) -> Pane {
        Self::ALL[(self.index() + 1) % Self::ALL.len()]
    }

    pub fn previous(self) -> Pane {
        Self::ALL[(self.index() + Self::ALL.len() - 1) % Self::ALL.len()]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    ShowHelp,
    /// Esc: close the overlay or form, clear the filter.
    Back,
    MoveUp,
    MoveDown,
    PageUp,
    PageDown,
    MoveFirst,
    MoveLast,
    NextPane,
    PreviousPane,
    FocusPane(Pane),
    /// Enter: a customer opens its history, a follow-up selects its customer.
    Open,
    StartFilter,
    /// Enter while filtering: keep the filter and go back to the list (in the notes scope: open
    /// the customer at the interaction found).
    KeepFilter,
    /// Tab while filtering: search names, or what was said and noted.
    ToggleSearchScope,
    CycleSort,
    AddCustomer,
    EditCustomer,
    AddPerson,
    ArchiveCustomer,
    LogInteraction,
    AddFollowUp,
    CompleteFollowUp,
    SnoozeFollowUp,
    ToggleFollowUpScope,
    /// `u`: reverse the newest change to the book (kept in the book, several steps deep); a
    /// change from before this session is asked about first.
    Undo,
    /// `U`: do again the change undone last.
    Redo,
    /// `o`: add or edit a deal of the selected customer.
    EditDeals,
    /// `!`: record or resolve a complaint of the selected customer.
    EditComplaints,
    /// `W`: record that the selected customer was greeted for the next holiday.
    RecordGreeting,
    /// `D`: the dashboard: where time is worth most and who is slipping away.
    ShowDashboard,
    /// `i`: import a file (previewed before anything is written).
    StartImport,
    /// On the import preview: write it.
    ConfirmImport,
    /// `A`: the archived customers.
    ShowArchived,
    /// In the archived view: bring the customer back to the list.
    Unarchive,
    /// `t`: walk through today's due items and customers going cold.
    OpenReview,
    /// In the review: leave this item as it is and go to the next.
    Skip,
    /// In the review: skip the rest of today's customers going cold, on to what is left.
    SkipGoingCold,
    /// In the review, after `s`: snooze (or, for a customer going cold, plan a follow-up) to a
    /// quick date, or ask for one.
    QuickSnooze(QuickDate),
    NextField,
    PreviousField,
    /// Enter in a form: a new line in a multi-line field, the next field, or save on the last.
    SubmitField,
    SaveForm,
    /// After a save found the customer changed elsewhere: the form again from the book as it
    /// is now, keeping what was typed.
    ReloadForm,
    /// In the log form: a When still to come is a plan, so it becomes the follow-up date and
    /// When goes back to now.
    WhenToFollowUp,
    Answer(bool),
    /// Asked about a customer probably in the book already: open the one there.
    OpenExisting,
    /// Asked about a customer probably in the book already: fill its blanks from the form.
    MergeIntoExisting,
    /// Asked about a customer probably in the book already: add this one all the same.
    AddAnyway,
    Edit(TextEdit),
    /// Another fieldbook wrote the book: read it again, keeping the selection, the filter and
    /// whatever is open. Sent by the event loop, never by a key.
    BookChanged,
}
