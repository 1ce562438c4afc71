//! The table itself: every binding of every context, in the order the footer and help show.

use ratatui::crossterm::event::KeyCode;

use ratatui::crossterm::event::KeyModifiers as M;

use super::{Binding, Context, MAKE_FOLLOW_UP, RELOAD, SAVE, bind, ch, ctrl, key, with};
use crate::tui::action::{Action, Pane};
use crate::tui::review::QuickDate;
use crate::tui::text_input::TextEdit as E;

use Context as C;
use KeyCode as K;

const fn ch_alt(c: char) -> super::Key {
    with(K::Char(c), M::ALT)
}

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    // The customer list.
    bind(C::Customers, &[ch('/')], Action::StartFilter, "key-hint-filter", "key-filter-customers-by"),
    bind(C::Customers, &[ch('a')], Action::AddCustomer, "key-hint-add", "key-add-a-customer"),
    bind(C::Customers, &[ch('e')], Action::EditCustomer, "key-hint-edit", "key-edit-the-selected"),
    bind(C::Customers, &[ch('l')], Action::LogInteraction, "key-hint-log", "key-log-a-call"),
    bind(C::Customers, &[ch('f')], Action::AddFollowUp, "key-hint-follow-up", "key-add-a-follow"),
    bind(C::Customers, &[ch('o')], Action::EditDeals, "", "key-add-a-deal"),
    bind(C::Customers, &[ch('!')], Action::EditComplaints, "", "key-record-a-complaint"),
    bind(C::Customers, &[ch('W')], Action::RecordGreeting, "", "key-record-that-you"),
    bind(C::Customers, &[ch('p')], Action::AddPerson, "", "key-add-a-person"),
    bind(C::Customers, &[ch('X')], Action::ArchiveCustomer, "", "key-archive-the-selected"),
    bind(C::Customers, &[ch('s')], Action::CycleSort, "key-hint-sort", "key-sort-by-attention"),
    bind(C::Customers, &[key(K::Enter)], Action::Open, "", "key-open-the-customer"),
    // The profile scrolls; it never moves to another customer.
    bind(C::Profile, &[key(K::Down), ch('j')], Action::MoveDown, "", "key-scroll-profile-down"),
    bind(C::Profile, &[key(K::Up), ch('k')], Action::MoveUp, "", "key-scroll-profile-up"),
    bind(C::Profile, &[key(K::PageDown)], Action::PageDown, "", "key-a-page-down"),
    bind(C::Profile, &[key(K::PageUp)], Action::PageUp, "", "key-a-page-up"),
    bind(C::Profile, &[key(K::Home), ch('g')], Action::MoveFirst, "", "key-profile-top"),
    bind(C::Profile, &[key(K::End), ch('G')], Action::MoveLast, "", "key-profile-end"),
    // Follow-ups.
    bind(C::FollowUps, &[ch('d')], Action::CompleteFollowUp, "key-hint-done", "key-mark-the-follow"),
    bind(C::FollowUps, &[ch('s')], Action::SnoozeFollowUp, "key-hint-snooze", "key-snooze-the-follow"),
    bind(C::FollowUps, &[ch('c')], Action::ToggleFollowUpScope, "key-hint-this-customer", "key-show-all-follow"),
    bind(C::FollowUps, &[key(K::Enter)], Action::Open, "", "key-select-the-follow"),
    bind(C::FollowUps, &[ch('l')], Action::LogInteraction, "key-hint-log", "key-log-a-contact"),
    bind(C::FollowUps, &[ch('f')], Action::AddFollowUp, "", "key-add-a-follow"),
    // History.
    bind(C::History, &[ch('l')], Action::LogInteraction, "key-hint-log", "key-log-a-contact-with"),
    bind(C::History, &[ch('f')], Action::AddFollowUp, "", "key-add-a-follow"),
    bind(C::History, &[ch('o')], Action::EditDeals, "", "key-add-or-edit"),
    bind(C::History, &[ch('!')], Action::EditComplaints, "", "key-record-or-resolve"),
    // Today's review.
    bind(C::Review, &[ch('d')], Action::CompleteFollowUp, "key-hint-done", "key-mark-the-follow"),
    bind(C::Review, &[ch('s')], Action::SnoozeFollowUp, "key-hint-snooze", "key-snooze-to-tomorrow"),
    bind(C::Review, &[ch('l')], Action::LogInteraction, "key-hint-log", "key-log-a-contact-closes"),
    bind(C::Review, &[ch('f')], Action::AddFollowUp, "", "key-add-another-follow"),
    bind(C::Review, &[ch(' '), ch('n')], Action::Skip, "key-hint-skip", "key-leave-this-one"),
    bind(C::Review, &[key(K::Down), key(K::Right), ch('j')], Action::MoveDown, "", "key-next-item-without"),
    bind(C::Review, &[key(K::Up), key(K::Left), ch('k')], Action::MoveUp, "", "key-previous-item"),
    bind(C::Review, &[key(K::Enter)], Action::Open, "key-hint-open", "key-open-the-customer-in"),
    bind(C::Review, &[key(K::Esc)], Action::Back, "key-hint-back", "key-back-to-book"),
    bind(C::Review, &[ch('J')], Action::SkipGoingCold, "key-hint-skip-cold", "key-skip-the-rest"),
    bind(C::Review, &[ch('?')], Action::ShowHelp, "key-hint-help", "key-show-this-help"),
    bind(C::Review, &[ch('q')], Action::Quit, "", "key-quit"),
    bind(C::ReviewDate, &[ch('t'), ch('1')], Action::QuickSnooze(QuickDate::Tomorrow), "key-hint-tomorrow", "key-tomorrow"),
    bind(C::ReviewDate, &[ch('3')], Action::QuickSnooze(QuickDate::InThreeDays), "key-hint-in-three-days", "key-in-three-days"),
    bind(C::ReviewDate, &[ch('w')], Action::QuickSnooze(QuickDate::NextWeek), "key-hint-next-week", "key-next-monday"),
    bind(C::ReviewDate, &[ch('o')], Action::QuickSnooze(QuickDate::Typed), "key-hint-other-date", "key-type-a-date"),
    bind(C::ReviewDate, &[key(K::Esc)], Action::Back, "key-hint-cancel", "key-back-to-the-item"),
    bind(C::ReviewDate, &[ch('?')], Action::ShowHelp, "", "key-show-this-help"),
    // The dashboard.
    bind(C::Dashboard, &[key(K::Down), ch('j')], Action::MoveDown, "", "key-scroll-down"),
    bind(C::Dashboard, &[key(K::Up), ch('k')], Action::MoveUp, "", "key-scroll-up"),
    bind(C::Dashboard, &[key(K::PageDown), ch(' ')], Action::PageDown, "", "key-page-down"),
    bind(C::Dashboard, &[key(K::PageUp)], Action::PageUp, "", "key-page-up"),
    bind(C::Dashboard, &[key(K::Esc), ch('D')], Action::Back, "key-hint-back", "key-back-to-book"),
    bind(C::Dashboard, &[ch('?')], Action::ShowHelp, "key-hint-help", "key-show-this-help"),
    bind(C::Dashboard, &[ch('q')], Action::Quit, "", "key-quit"),
    // The import preview.
    bind(C::ImportPreview, &[ch('y'), key(K::Enter)], Action::ConfirmImport, "key-hint-import", "key-write-the-import"),
    bind(C::ImportPreview, &[key(K::Down), ch('j')], Action::MoveDown, "", "key-scroll-down"),
    bind(C::ImportPreview, &[key(K::Up), ch('k')], Action::MoveUp, "", "key-scroll-up"),
    bind(C::ImportPreview, &[key(K::PageDown), ch(' ')], Action::PageDown, "", "key-page-down"),
    bind(C::ImportPreview, &[key(K::PageUp)], Action::PageUp, "", "key-page-up"),
    bind(C::ImportPreview, &[key(K::Esc), ch('n')], Action::Back, "key-hint-back", "key-back-to-the-import"),
    bind(C::ImportPreview, &[ch('?')], Action::ShowHelp, "", "key-show-this-help"),
    // The archived view.
    bind(C::Archived, &[key(K::Up), ch('k')], Action::MoveUp, "", "key-move-up"),
    bind(C::Archived, &[key(K::Down), ch('j')], Action::MoveDown, "", "key-move-down"),
    bind(C::Archived, &[ch('r')], Action::Unarchive, "key-hint-restore", "key-restore-the-customer"),
    bind(C::Archived, &[ch('u')], Action::Undo, "key-hint-undo", "key-undo-the-last"),
    bind(C::Archived, &[ch('U')], Action::Redo, "", "key-redo-the-change"),
    bind(C::Archived, &[key(K::Esc), ch('A')], Action::Back, "key-hint-back", "key-back-to-book"),
    bind(C::Archived, &[ch('?')], Action::ShowHelp, "", "key-show-this-help"),
    bind(C::Archived, &[ch('q')], Action::Quit, "", "key-quit"),
    // Every pane.
    bind(C::Panes, &[ch('/')], Action::StartFilter, "", "key-filter-from-any"),
    bind(C::Panes, &[key(K::Up), ch('k')], Action::MoveUp, "", "key-move-up"),
    bind(C::Panes, &[key(K::Down), ch('j')], Action::MoveDown, "", "key-move-down"),
    bind(C::Panes, &[key(K::PageUp)], Action::PageUp, "", "key-page-up"),
    bind(C::Panes, &[key(K::PageDown)], Action::PageDown, "", "key-page-down"),
    bind(C::Panes, &[key(K::Home), ch('g')], Action::MoveFirst, "", "key-first-row"),
    bind(C::Panes, &[key(K::End), ch('G')], Action::MoveLast, "", "key-last-row"),
    bind(C::Panes, &[key(K::Tab)], Action::NextPane, "", "key-next-pane"),
    bind(C::Panes, &[key(K::BackTab)], Action::PreviousPane, "", "key-previous-pane"),
    bind(C::Panes, &[ch('1')], Action::FocusPane(Pane::Customers), "", "key-focus-customers"),
    bind(C::Panes, &[ch('2')], Action::FocusPane(Pane::Profile), "", "key-focus-profile"),
    bind(C::Panes, &[ch('3')], Action::FocusPane(Pane::History), "", "key-focus-history"),
    bind(C::Panes, &[ch('4')], Action::FocusPane(Pane::FollowUps), "", "key-focus-follow-ups"),
    bind(C::Panes, &[key(K::Esc)], Action::Back, "", "key-clear-the-filter"),
    bind(C::Panes, &[ch('u')], Action::Undo, "key-hint-undo", "key-undo-the-last-change"),
    bind(C::Panes, &[ch('U')], Action::Redo, "", "key-redo-do-again"),
    bind(C::Panes, &[ch('i')], Action::StartImport, "", "key-import-customers-from"),
    bind(C::Panes, &[ch('D')], Action::ShowDashboard, "key-hint-dashboard", "key-the-dashboard-contacts"),
    bind(C::Panes, &[ch('A')], Action::ShowArchived, "", "key-archived-customers-restore"),
    bind(C::Panes, &[ch('t')], Action::OpenReview, "key-hint-today", "key-todays-review"),
    bind(C::Panes, &[ch('?')], Action::ShowHelp, "key-hint-help", "key-show-this-help"),
    bind(C::Panes, &[ch('q')], Action::Quit, "key-hint-quit", "key-quit-ctrl-c"),
    // The filter line.
    bind(C::Filter, &[key(K::Enter)], Action::KeepFilter, "key-hint-keep", "key-keep-the-filter"),
    bind(C::Filter, &[key(K::Esc)], Action::Back, "key-hint-clear", "key-clear-the-filter"),
    bind(C::Filter, &[key(K::Tab)], Action::ToggleSearchScope, "key-hint-names-notes", "key-search-names-or"),
    bind(C::Filter, &[key(K::Up)], Action::MoveUp, "", "key-move-up-the"),
    bind(C::Filter, &[key(K::Down)], Action::MoveDown, "", "key-move-down-the"),
    bind(C::Filter, &[key(K::F(1))], Action::ShowHelp, "", "key-show-this-help-is"),
    // Forms.
    bind(C::Form, &[SAVE], Action::SaveForm, "key-hint-save", "key-save-the-form"),
    bind(C::Form, &[key(K::Tab)], Action::NextField, "key-hint-next-field", "key-next-field"),
    bind(C::Form, &[key(K::BackTab)], Action::PreviousField, "", "key-previous-field"),
    bind(C::Form, &[key(K::Enter)], Action::SubmitField, "", "key-new-line-in"),
    bind(C::Form, &[key(K::Esc)], Action::Back, "key-hint-cancel", "key-cancel-asks-before"),
    bind(C::Form, &[RELOAD], Action::ReloadForm, "", "key-when-a-save"),
    bind(C::Form, &[key(K::F(1))], Action::ShowHelp, "", "key-show-this-help-closing"),
    bind(C::Form, &[MAKE_FOLLOW_UP], Action::WhenToFollowUp, "", "key-log-form-a"),
    // Editing text, in forms and on the filter line alike.
    bind(C::Form, &[key(K::Home)], Action::Edit(E::Home), "", "key-to-the-start"),
    bind(C::Form, &[key(K::End)], Action::Edit(E::End), "", "key-to-the-end-of"),
    bind(C::Form, &[with(K::Left, M::CONTROL), ch_alt('b')], Action::Edit(E::WordLeft), "", "key-a-word-left"),
    bind(C::Form, &[with(K::Right, M::CONTROL), ch_alt('f')], Action::Edit(E::WordRight), "", "key-a-word-right"),
    bind(C::Form, &[ctrl('w')], Action::Edit(E::DeleteWordBack), "", "key-delete-the-word"),
    bind(C::Form, &[ctrl('u')], Action::Edit(E::ClearToStart), "", "key-delete-back-to"),
    // Questions.
    bind(C::Confirm, &[ch('y')], Action::Answer(true), "key-hint-yes", "key-yes"),
    bind(C::Confirm, &[ch('n'), key(K::Esc)], Action::Answer(false), "key-hint-no", "key-no"),
    bind(C::Confirm, &[key(K::F(1))], Action::ShowHelp, "", "key-show-this-help-the"),
    // Adding a name already in the book.
    bind(C::Duplicate, &[ch('o')], Action::OpenExisting, "key-hint-open-it", "key-open-the-customer-already"),
    bind(C::Duplicate, &[ch('m')], Action::MergeIntoExisting, "key-hint-merge", "key-merge-into-it"),
    bind(C::Duplicate, &[ch('a')], Action::AddAnyway, "key-hint-add-anyway", "key-add-the-new"),
    bind(C::Duplicate, &[key(K::Esc)], Action::Back, "key-hint-back-to-form", "key-back-to-the-form"),
    bind(C::Duplicate, &[key(K::F(1))], Action::ShowHelp, "", "key-show-this-help-the"),
    // Undoing a change from before this session.
    bind(C::Reverse, &[ch('y')], Action::Answer(true), "key-hint-yes", "key-yes-undo-it"),
    bind(C::Reverse, &[ch('u')], Action::Undo, "", "key-u-again-undo"),
    bind(C::Reverse, &[ch('U')], Action::Redo, "", "key-u-again-redo"),
    bind(C::Reverse, &[ch('n'), key(K::Esc)], Action::Answer(false), "key-hint-keep-it", "key-no-leave-the"),
    bind(C::Reverse, &[key(K::F(1))], Action::ShowHelp, "", "key-show-this-help-the"),
    // Help.
    bind(C::Help, &[key(K::Esc), ch('?'), ch('q'), key(K::F(1))], Action::Back, "key-hint-close", "key-close-help"),
    bind(C::Help, &[key(K::Down), ch('j')], Action::MoveDown, "key-hint-scroll", "key-scroll-down"),
    bind(C::Help, &[key(K::Up), ch('k')], Action::MoveUp, "", "key-scroll-up"),
    bind(C::Help, &[key(K::PageDown), ch(' ')], Action::PageDown, "", "key-a-page-down"),
    bind(C::Help, &[key(K::PageUp)], Action::PageUp, "", "key-a-page-up"),
    bind(C::Help, &[key(K::Home), ch('g')], Action::MoveFirst, "", "key-help-top"),
    bind(C::Help, &[key(K::End), ch('G')], Action::MoveLast, "", "key-help-end"),
];
