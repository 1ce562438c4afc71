//! Everything the screen shows, as data. `update` changes it; drawing only reads it (and keeps
//! scroll offsets). It does no I/O: `update::reading` reads the book and hands the data over,
//! so a test can build any screen without a book.

use chrono::{NaiveDate, NaiveDateTime};

use super::action::Pane;

mod open_follow_ups;
mod rows;
mod screen;
mod scroll;

pub use open_follow_ups::OpenFollowUps;
pub use screen::{Overlay, Screen};
pub use scroll::TextScroll;

use super::form::Form;
use super::review::Review;
use super::text_input::TextInput;
use crate::book::due::{self, SortOrder};
use crate::book::model::{
    Contact, Customer, CustomerId, CustomerRow, FollowUp, FollowUpId, Interaction,
};
use crate::config::Config;
use crate::search::CustomerSearch;
use crate::services::account::Account;

/// Rows a keystroke's filter is sure of (`refilter`): two pages of the list window, within
/// these bounds; moving near their end completes the list first (`update::move_by`). Where
/// few match well, the rest are fuzzy matches, each scored: fewer rows, a cheaper keystroke.
const HEAD_ROWS: usize = 200;
const HEAD_ROWS_FEWEST: usize = 60;

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

/// Where in the selected customer a notes-search hit was opened, for the panes to show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoundAt {
    /// The customer's own notes: the profile scrolled to them.
    Notes,
    /// A person's notes: the person marked in the profile, scrolled into view.
    Person(crate::book::model::ContactId),
    /// A contact logged: its entry marked at the top of the history.
    Entry(crate::book::model::InteractionId),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FollowUpScope {
    #[default]
    WholeBook,
    SelectedCustomer,
}

/// A question waiting for an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// Undo (or redo) a change made before this session: asked before it is reversed.
    Reverse(crate::repository::UndoStep),
    Archive {
        id: CustomerId,
        name: String,
    },
    /// The customer being added is probably one already in the book, by the import's rule
    /// (the same name once case, punctuation and legal forms are ignored, or a shared phone or
    /// e-mail): open that one, merge into it, add anyway, or go back. The form waits here, as
    /// typed.
    Duplicate {
        existing: Box<Customer>,
        typed: Box<crate::book::model::CustomerDraft>,
        /// Why it is probably the same: "the same phone 13800138000".
        why: String,
        form: Box<Form>,
    },
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

/// Grouped as a newcomer reads it: what has the screen, the book as read, the list's order
/// and filter, where each cursor is, and the run loop's own flags.
pub struct State {
    // What has the screen, and what is open over it.
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub focus: Pane,
    pub status: Option<Status>,
    /// Today's review while another screen has the keys (Esc, Enter): `t` resumes it where
    /// it was, marks and all, until the day is over.
    pub paused_review: Option<Box<Review>>,

    // Fixed for the session (time moves on only past midnight).
    pub config: Config,
    pub today: NaiveDate,
    pub now: NaiveDateTime,
    pub book_name: String,

    // The book as read: every list row, the selected customer in full, open follow-ups.
    /// As `customer_list::keep_listed` leaves them: phones, e-mails and WeChat ids are only
    /// in `search`'s keys, so `search` is given a row's keys as it is read (`put_row`), never
    /// built again from these.
    pub rows: Vec<CustomerRow>,
    /// Tiers from the revenue ranking, before hand-set ones (the profile shows both), and who
    /// is lost: what rows read again later are finished with.
    pub computed_tiers: crate::services::customer_list::Ranking,
    pub detail: Option<Detail>,
    pub follow_ups: OpenFollowUps,
    pub follow_up_scope: FollowUpScope,

    // The list's order and filter.
    pub order: SortOrder,
    /// Rows in sort order, before filtering.
    sorted: Vec<usize>,
    /// What the list shows: indices into `rows`, filtered and ordered.
    pub visible: Vec<usize>,
    /// Whether `visible` is every match, or only the best (a keystroke's first screens: the
    /// event loop completes it when no key waits, a move past them at once).
    pub visible_complete: bool,
    pub filter: TextInput,
    pub search: CustomerSearch,
    /// The filter searches what was said and noted rather than names (Tab while filtering).
    pub notes_scope: bool,
    pub note_hits: Vec<crate::book::model::NoteHit>,
    /// The notes hit the selected customer was opened at (cleared when another is selected).
    pub found_at: Option<FoundAt>,

    // Cursors.
    pub list: ListCursor,
    pub note_list: ListCursor,
    pub follow_up_list: ListCursor,
    pub history_scroll: usize,
    pub profile_scroll: TextScroll,
    /// Rows in the list window at the last draw, for PgUp/PgDn.
    pub page_height: usize,

    // The run loop's flags.
    pub quit: bool,
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
    /// Nothing read yet: `update::reading` fills it from the book.
    pub fn new(now: NaiveDateTime, book_name: impl Into<String>, config: Config) -> Self {
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
            visible_complete: true,
            filter: TextInput::default(),
            search: CustomerSearch::default(),
            notes_scope: false,
            note_hits: Vec::new(),
            found_at: None,
            note_list: ListCursor::default(),
            list: ListCursor::default(),
            focus: Pane::Customers,
            detail: None,
            history_scroll: 0,
            profile_scroll: TextScroll::default(),
            follow_ups: OpenFollowUps::default(),
            follow_up_scope: FollowUpScope::default(),
            follow_up_list: ListCursor::default(),
            screen: Screen::BOOK,
            overlay: None,
            status: None,
            paused_review: None,
            quit: false,
            page_height: 10,
            loading: false,
            touched: false,
            defer_refilter: false,
            refilter_pending: false,
        }
    }

    /// Sorts every row again (`customer_list::order`).
    pub fn resort(&mut self) {
        self.sorted = crate::services::customer_list::order(&self.rows, self.order, self.today);
        self.refilter();
    }

    /// The rows in `order` as sorted elsewhere (the loader's thread), for `self.order`.
    pub fn put_sorted(&mut self, sorted: Vec<usize>) {
        self.sorted = sorted;
        self.refilter();
    }

    /// Puts row `i`, just changed or added, in its place in the order: found by a binary
    /// search among the other rows, which keep theirs (`resort` would give the same order).
    pub fn replace_in_order(&mut self, i: usize) {
        if let Some(at) = self.sorted.iter().position(|&j| j == i) {
            self.sorted.remove(at);
        }
        let (rows, today, order) = (&self.rows, self.today, self.order);
        let at = self
            .sorted
            .partition_point(|&j| due::compare(order, &rows[j], &rows[i], today).is_lt());
        self.sorted.insert(at, i);
        self.refilter();
    }

    /// The rest of a filtered list after `refilter` gave its best rows, for the event loop:
    /// scored beside the input thread and dropped (false) when a key arrives first. The rows
    /// shown keep their places (the best ones are the start of the whole result).
    pub fn complete_watched(&mut self, interrupted: &dyn Fn() -> bool) -> bool {
        if self.visible_complete {
            return true;
        }
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
                self.visible_complete = true;
                self.list.step(0, self.visible.len());
                true
            }
            None => false,
        }
    }

    /// `complete_watched` at once: the list is about to be read past its best rows.
    pub fn complete_visible(&mut self) {
        self.complete_watched(&|| false);
    }

    /// Filters the list for the query as it stands: only its best rows (`HEAD_ROWS`) are sure
    /// to be scored, whatever the book's size; `complete_watched` finds the rest.
    pub fn refilter(&mut self) {
        if self.filter.text().is_empty() {
            // Everyone, in order: a copy, not a pass of the search (a save's frame at 100,000).
            self.visible.clone_from(&self.sorted);
            self.visible_complete = true;
        } else {
            let query = (self.filter.text(), self.today);
            let want = (2 * self.page_height).clamp(HEAD_ROWS_FEWEST, HEAD_ROWS);
            (self.visible, self.visible_complete) =
                self.search
                    .filter_head(&self.rows, &self.sorted, query, want);
        }
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
        let at = |s: &Self| s.visible.iter().position(|&i| s.rows[i].id == id);
        let found = at(self).or_else(|| {
            self.complete_visible();
            at(self)
        });
        match found {
            Some(pos) => {
                self.list.selected = pos;
                true
            }
            None => false,
        }
    }

    pub fn selected_follow_up(&self) -> Option<&FollowUp> {
        self.follow_ups.get(self.follow_up_list.selected)
    }

    pub fn selected_follow_up_id(&self) -> Option<FollowUpId> {
        self.selected_follow_up().map(|f| f.id)
    }

    /// Today's review, when it has the screen.
    pub fn review(&self) -> Option<&Review> {
        match &self.screen {
            Screen::Review(review) => Some(review),
            _ => None,
        }
    }

    pub fn review_mut(&mut self) -> Option<&mut Review> {
        match &mut self.screen {
            Screen::Review(review) => Some(review),
            _ => None,
        }
    }

    /// The form being filled in, if one is open.
    pub fn form(&self) -> Option<&Form> {
        match &self.overlay {
            Some(Overlay::Form(form)) => Some(form),
            _ => None,
        }
    }

    pub fn form_mut(&mut self) -> Option<&mut Form> {
        match &mut self.overlay {
            Some(Overlay::Form(form)) => Some(form),
            _ => None,
        }
    }

    /// Puts a form over whatever has the screen.
    pub fn open_form(&mut self, form: Form) {
        self.overlay = Some(Overlay::Form(Box::new(form)));
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
