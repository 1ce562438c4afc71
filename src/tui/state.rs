//! Everything the screen shows, as data. `update` changes it; drawing only reads it (and keeps
//! scroll offsets).

use chrono::{NaiveDate, NaiveDateTime};

use super::action::Pane;

mod reading;

use super::form::Form;
use super::review::Review;
use super::text_input::TextInput;
use crate::book::due::{self, SortOrder};
use crate::book::model::{
    Contact, Customer, CustomerId, CustomerRow, FollowUp, FollowUpId, Interaction,
};
use crate::config::Config;
use crate::repository::{Repository, Result};
use crate::search::CustomerSearch;
use crate::services::account::Account;

/// How many history entries are read at a time; more are read as the pane scrolls.
pub const HISTORY_PAGE: usize = 50;

/// The selected customer, in full.
#[derive(Debug, Clone)]
pub struct Detail {
    pub customer: Customer,
    pub account: Account,
    pub contacts: Vec<Contact>,
    pub follow_ups: Vec<FollowUp>,
    pub history: Vec<Interaction>,
    pub history_total: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FollowUpScope {
    #[default]
    WholeBook,
    SelectedCustomer,
}

/// A question waiting for y/n.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    Archive { id: CustomerId, name: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Browse,
    Filter,
    Form(Box<Form>),
    Confirm(Question),
    Help,
    /// Today's review is on screen (its data is `State::review`).
    Review,
    /// The archived customers, to look through and restore.
    Archived,
    /// The dashboard (`D`): its data is `State::dashboard`.
    Dashboard,
    /// An import previewed, waiting for a yes: its data is `State::import`.
    ImportPreview,
}

/// The "Archived" view: soft-deleted customers, restorable.
#[derive(Debug, Clone, Default)]
pub struct ArchivedList {
    pub rows: Vec<CustomerRow>,
    pub cursor: ListCursor,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub is_error: bool,
}

/// A scrolled list: which row is selected and which is at the top of the window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    pub selected: usize,
    pub offset: usize,
}

impl ListCursor {
    /// Moves by `delta` rows within `len`, clamped.
    pub fn step(&mut self, delta: isize, len: usize) {
        if len == 0 {
            self.selected = 0;
            return;
        }
        self.selected = self.selected.saturating_add_signed(delta).min(len - 1);
    }

    /// Keeps the selection inside a window of `height` rows; returns the first row to draw.
    pub fn window(&mut self, height: usize, len: usize) -> usize {
        self.selected = self.selected.min(len.saturating_sub(1));
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if height > 0 && self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height.max(1)));
        if self.selected < self.offset {
            self.offset = self.selected;
        }
        self.offset
    }
}

pub struct State {
    pub config: Config,
    pub today: NaiveDate,
    pub now: NaiveDateTime,
    pub book_name: String,
    pub rows: Vec<CustomerRow>,
    /// Tiers from the revenue ranking, before hand-set ones (the profile shows both), and who
    /// is lost: what rows read again later are finished with.
    pub computed_tiers: crate::services::customer_list::Ranking,
    pub order: SortOrder,
    /// Rows in sort order, before filtering.
    sorted: Vec<usize>,
    /// What the list shows: indices into `rows`, filtered and ordered.
    pub visible: Vec<usize>,
    pub filter: TextInput,
    pub search: CustomerSearch,
    /// The filter searches what was said and noted rather than names (Tab while filtering).
    pub notes_scope: bool,
    pub note_hits: Vec<crate::book::model::NoteHit>,
    pub note_list: ListCursor,
    pub list: ListCursor,
    pub focus: Pane,
    pub detail: Option<Detail>,
    pub history_scroll: usize,
    pub follow_ups: Vec<FollowUp>,
    pub follow_up_scope: FollowUpScope,
    pub follow_up_list: ListCursor,
    pub mode: Mode,
    /// Today's review while it is open; forms and help opened from it return to it.
    pub review: Option<Review>,
    pub archived: ArchivedList,
    /// The dashboard while it is open, and how far it is scrolled.
    pub dashboard: Option<(Box<crate::services::dashboard::Dashboard>, usize)>,
    pub import: Option<Box<super::importing::ImportPreview>>,
    pub status: Option<Status>,
    pub quit: bool,
    /// Rows in the list window at the last draw, for PgUp/PgDn.
    pub page_height: usize,
    /// The first screen is showing while the whole book is read on a thread.
    pub loading: bool,
    /// A key was pressed: the review no longer opens on its own once loading ends.
    pub touched: bool,
    /// More keys are already waiting: a filter edit only records that the list needs
    /// filtering, and one pass runs for the newest query once the burst is in.
    pub defer_refilter: bool,
    pub refilter_pending: bool,
}

impl State {
    /// Loads the book's first view with the default settings.
    pub fn load(
        repo: &Repository,
        now: NaiveDateTime,
        book_name: impl Into<String>,
    ) -> Result<Self> {
        Self::load_with(repo, now, book_name, Config::default())
    }

    /// Loads the book's first view: all customers, attention order, the first one selected.
    pub fn load_with(
        repo: &Repository,
        now: NaiveDateTime,
        book_name: impl Into<String>,
        config: Config,
    ) -> Result<Self> {
        let mut state = Self::empty(now, book_name, config);
        state.reload(repo)?;
        Ok(state)
    }

    /// Nothing read yet.
    fn empty(now: NaiveDateTime, book_name: impl Into<String>, config: Config) -> Self {
        State {
            config,
            today: now.date(),
            now,
            book_name: book_name.into(),
            rows: Vec::new(),
            computed_tiers: Default::default(),
            order: SortOrder::default(),
            sorted: Vec::new(),
            visible: Vec::new(),
            filter: TextInput::default(),
            search: CustomerSearch::default(),
            notes_scope: false,
            note_hits: Vec::new(),
            note_list: ListCursor::default(),
            list: ListCursor::default(),
            focus: Pane::Customers,
            detail: None,
            history_scroll: 0,
            follow_ups: Vec::new(),
            follow_up_scope: FollowUpScope::default(),
            follow_up_list: ListCursor::default(),
            mode: Mode::Browse,
            review: None,
            archived: ArchivedList::default(),
            dashboard: None,
            import: None,
            status: None,
            quit: false,
            page_height: 10,
            loading: false,
            touched: false,
            defer_refilter: false,
            refilter_pending: false,
        }
    }

    pub fn resort(&mut self) {
        let (rows, today, order) = (&self.rows, self.today, self.order);
        let mut sorted: Vec<usize> = (0..rows.len()).collect();
        sorted.sort_by_cached_key(|&i| due::sort_key(order, &rows[i], today));
        self.sorted = sorted;
        self.refilter();
    }

    /// `refilter` for the event loop: scored beside the input thread, and dropped (false) when
    /// a key arrives first, leaving the list as it was until the newer query is filtered.
    pub fn refilter_watched(&mut self, interrupted: &dyn Fn() -> bool) -> bool {
        let found = self.search.filter_watched(
            &self.rows,
            &self.sorted,
            self.filter.text(),
            self.today,
            interrupted,
        );
        match found {
            Some(visible) => {
                self.visible = visible;
                self.list.step(0, self.visible.len());
                true
            }
            None => false,
        }
    }

    pub fn refilter(&mut self) {
        self.visible = self
            .search
            .filter(&self.rows, &self.sorted, self.filter.text(), self.today);
        self.list.step(0, self.visible.len());
    }

    pub fn selected_row(&self) -> Option<&CustomerRow> {
        self.visible.get(self.list.selected).map(|&i| &self.rows[i])
    }

    pub fn selected_id(&self) -> Option<CustomerId> {
        self.selected_row().map(|r| r.id)
    }

    /// Puts the cursor on customer `id` if the list shows it.
    pub fn select_customer(&mut self, id: CustomerId) -> bool {
        match self.visible.iter().position(|&i| self.rows[i].id == id) {
            Some(pos) => {
                self.list.selected = pos;
                true
            }
            None => false,
        }
    }

    pub fn load_detail(&mut self, repo: &Repository) -> Result<()> {
        let Some(id) = self.selected_id() else {
            self.detail = None;
            return Ok(());
        };
        if self.detail.as_ref().is_none_or(|d| d.customer.id != id) {
            self.history_scroll = 0;
        }
        self.detail = match repo.customer(id)? {
            Some(customer) => Some(Detail {
                account: Account::load(
                    repo,
                    &customer,
                    self.computed_tiers.computed_tier(id),
                    &self.config,
                    self.today,
                )?,
                contacts: repo.contacts(id)?,
                follow_ups: repo.open_follow_ups(Some(id))?,
                history: repo.history(id, HISTORY_PAGE, 0)?,
                history_total: repo.interaction_count(id)? as usize,
                customer,
            }),
            None => None,
        };
        if self.follow_up_scope == FollowUpScope::SelectedCustomer {
            self.load_follow_ups(repo)?;
        }
        Ok(())
    }

    /// Reads the next page of history when the pane has scrolled near the end of what is loaded.
    pub fn load_more_history(&mut self, repo: &Repository) -> Result<()> {
        if let Some(d) = self.detail.as_mut() {
            while d.history.len() < d.history_total && self.history_scroll + 10 >= d.history.len() {
                let more = repo.history(d.customer.id, HISTORY_PAGE, d.history.len())?;
                if more.is_empty() {
                    break;
                }
                d.history.extend(more);
            }
        }
        Ok(())
    }

    pub fn load_follow_ups(&mut self, repo: &Repository) -> Result<()> {
        let scope = match self.follow_up_scope {
            FollowUpScope::WholeBook => None,
            FollowUpScope::SelectedCustomer => Some(self.selected_id().unwrap_or(-1)),
        };
        self.follow_ups = repo.open_follow_ups(scope)?;
        self.follow_up_list.step(0, self.follow_ups.len());
        Ok(())
    }

    pub fn selected_follow_up(&self) -> Option<&FollowUp> {
        self.follow_ups.get(self.follow_up_list.selected)
    }

    pub fn selected_follow_up_id(&self) -> Option<FollowUpId> {
        self.selected_follow_up().map(|f| f.id)
    }

    /// Where closing a form, question or help lands: the dashboard or review when one is open.
    pub fn rest_mode(&self) -> Mode {
        if self.dashboard.is_some() {
            Mode::Dashboard
        } else if self.review.is_some() {
            Mode::Review
        } else {
            Mode::Browse
        }
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            is_error: false,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            is_error: true,
        });
    }

    /// True when the book has no customers at all (not merely none matching the filter).
    pub fn book_is_empty(&self) -> bool {
        self.rows.is_empty() && !self.loading
    }
}
