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
    bind(C::Customers, &[ch('/')], Action::StartFilter, "filter", "filter customers by name, person, city, tag, phone, email"),
    bind(C::Customers, &[ch('a')], Action::AddCustomer, "add", "add a customer"),
    bind(C::Customers, &[ch('e')], Action::EditCustomer, "edit", "edit the selected customer"),
    bind(C::Customers, &[ch('l')], Action::LogInteraction, "log", "log a call, visit or message with the selected customer"),
    bind(C::Customers, &[ch('f')], Action::AddFollowUp, "follow-up", "add a follow-up for the selected customer"),
    bind(C::Customers, &[ch('o')], Action::EditDeals, "", "add a deal (won order or opportunity) or edit one"),
    bind(C::Customers, &[ch('!')], Action::EditComplaints, "", "record a complaint, or move one on to resolved with a satisfaction score"),
    bind(C::Customers, &[ch('W')], Action::RecordGreeting, "", "record that you greeted the customer for the next holiday (春节, 中秋...)"),
    bind(C::Customers, &[ch('p')], Action::AddPerson, "", "add a person (contact) at the selected customer"),
    bind(C::Customers, &[ch('X')], Action::ArchiveCustomer, "", "archive the selected customer (asks first)"),
    bind(C::Customers, &[ch('s')], Action::CycleSort, "sort", "sort by attention / name / last contact"),
    bind(C::Customers, &[key(K::Enter)], Action::Open, "", "open the customer's history"),
    // The profile scrolls; it never moves to another customer.
    bind(C::Profile, &[key(K::Down), ch('j')], Action::MoveDown, "", "scroll the profile down (notes, people, deals, follow-ups)"),
    bind(C::Profile, &[key(K::Up), ch('k')], Action::MoveUp, "", "scroll the profile up"),
    bind(C::Profile, &[key(K::PageDown)], Action::PageDown, "", "a page down"),
    bind(C::Profile, &[key(K::PageUp)], Action::PageUp, "", "a page up"),
    bind(C::Profile, &[key(K::Home), ch('g')], Action::MoveFirst, "", "to the top of the profile"),
    bind(C::Profile, &[key(K::End), ch('G')], Action::MoveLast, "", "to the end of the profile"),
    // Follow-ups.
    bind(C::FollowUps, &[ch('d')], Action::CompleteFollowUp, "done", "mark the follow-up done"),
    bind(C::FollowUps, &[ch('s')], Action::SnoozeFollowUp, "snooze", "snooze the follow-up to a new date"),
    bind(C::FollowUps, &[ch('c')], Action::ToggleFollowUpScope, "this customer", "show all follow-ups or only the selected customer's"),
    bind(C::FollowUps, &[key(K::Enter)], Action::Open, "", "select the follow-up's customer"),
    bind(C::FollowUps, &[ch('l')], Action::LogInteraction, "log", "log a contact with the follow-up's customer"),
    bind(C::FollowUps, &[ch('f')], Action::AddFollowUp, "", "add a follow-up for the selected customer"),
    // History.
    bind(C::History, &[ch('l')], Action::LogInteraction, "log", "log a contact with the selected customer"),
    bind(C::History, &[ch('f')], Action::AddFollowUp, "", "add a follow-up for the selected customer"),
    bind(C::History, &[ch('o')], Action::EditDeals, "", "add or edit a deal"),
    bind(C::History, &[ch('!')], Action::EditComplaints, "", "record or resolve a complaint"),
    // Today's review.
    bind(C::Review, &[ch('d')], Action::CompleteFollowUp, "done", "mark the follow-up done"),
    bind(C::Review, &[ch('s')], Action::SnoozeFollowUp, "snooze", "snooze to tomorrow, +3 days, next week or a typed date (going cold: plan a follow-up)"),
    bind(C::Review, &[ch('l')], Action::LogInteraction, "log", "log a contact (closes the follow-up on save)"),
    bind(C::Review, &[ch('f')], Action::AddFollowUp, "", "add another follow-up for this customer"),
    bind(C::Review, &[ch(' '), ch('n')], Action::Skip, "skip", "leave this one for now and go to the next"),
    bind(C::Review, &[key(K::Down), key(K::Right), ch('j')], Action::MoveDown, "", "next item (without marking it)"),
    bind(C::Review, &[key(K::Up), key(K::Left), ch('k')], Action::MoveUp, "", "previous item"),
    bind(C::Review, &[key(K::Enter)], Action::Open, "open", "open the customer in the book"),
    bind(C::Review, &[key(K::Esc)], Action::Back, "back", "back to the book"),
    bind(C::Review, &[ch('J')], Action::SkipGoingCold, "skip cold", "skip the rest of today's customers going cold, on to what is left"),
    bind(C::Review, &[ch('?')], Action::ShowHelp, "help", "show this help"),
    bind(C::Review, &[ch('q')], Action::Quit, "", "quit"),
    bind(C::ReviewDate, &[ch('t'), ch('1')], Action::QuickSnooze(QuickDate::Tomorrow), "tomorrow", "tomorrow"),
    bind(C::ReviewDate, &[ch('3')], Action::QuickSnooze(QuickDate::InThreeDays), "+3 days", "in three days"),
    bind(C::ReviewDate, &[ch('w')], Action::QuickSnooze(QuickDate::NextWeek), "next week", "next Monday"),
    bind(C::ReviewDate, &[ch('o')], Action::QuickSnooze(QuickDate::Typed), "other date", "type a date (fri, +2w, 12-01, 下周一, ...)"),
    bind(C::ReviewDate, &[key(K::Esc)], Action::Back, "cancel", "back to the item"),
    bind(C::ReviewDate, &[ch('?')], Action::ShowHelp, "", "show this help"),
    // The dashboard.
    bind(C::Dashboard, &[key(K::Down), ch('j')], Action::MoveDown, "", "scroll down"),
    bind(C::Dashboard, &[key(K::Up), ch('k')], Action::MoveUp, "", "scroll up"),
    bind(C::Dashboard, &[key(K::PageDown), ch(' ')], Action::PageDown, "", "page down"),
    bind(C::Dashboard, &[key(K::PageUp)], Action::PageUp, "", "page up"),
    bind(C::Dashboard, &[key(K::Esc), ch('D')], Action::Back, "back", "back to the book"),
    bind(C::Dashboard, &[ch('?')], Action::ShowHelp, "help", "show this help"),
    bind(C::Dashboard, &[ch('q')], Action::Quit, "", "quit"),
    // The import preview.
    bind(C::ImportPreview, &[ch('y'), key(K::Enter)], Action::ConfirmImport, "import", "write the import (one step: u undoes it)"),
    bind(C::ImportPreview, &[key(K::Down), ch('j')], Action::MoveDown, "", "scroll down"),
    bind(C::ImportPreview, &[key(K::Up), ch('k')], Action::MoveUp, "", "scroll up"),
    bind(C::ImportPreview, &[key(K::PageDown), ch(' ')], Action::PageDown, "", "page down"),
    bind(C::ImportPreview, &[key(K::PageUp)], Action::PageUp, "", "page up"),
    bind(C::ImportPreview, &[key(K::Esc), ch('n')], Action::Back, "back", "back to the import form; nothing is written"),
    bind(C::ImportPreview, &[ch('?')], Action::ShowHelp, "", "show this help"),
    // The archived view.
    bind(C::Archived, &[key(K::Up), ch('k')], Action::MoveUp, "", "move up"),
    bind(C::Archived, &[key(K::Down), ch('j')], Action::MoveDown, "", "move down"),
    bind(C::Archived, &[ch('r')], Action::Unarchive, "restore", "restore the customer to the list"),
    bind(C::Archived, &[ch('u')], Action::Undo, "undo", "undo the last change"),
    bind(C::Archived, &[ch('U')], Action::Redo, "", "redo the change undone last"),
    bind(C::Archived, &[key(K::Esc), ch('A')], Action::Back, "back", "back to the book"),
    bind(C::Archived, &[ch('?')], Action::ShowHelp, "", "show this help"),
    bind(C::Archived, &[ch('q')], Action::Quit, "", "quit"),
    // Every pane.
    bind(C::Panes, &[ch('/')], Action::StartFilter, "", "filter from any pane: the list takes focus"),
    bind(C::Panes, &[key(K::Up), ch('k')], Action::MoveUp, "", "move up"),
    bind(C::Panes, &[key(K::Down), ch('j')], Action::MoveDown, "", "move down"),
    bind(C::Panes, &[key(K::PageUp)], Action::PageUp, "", "page up"),
    bind(C::Panes, &[key(K::PageDown)], Action::PageDown, "", "page down"),
    bind(C::Panes, &[key(K::Home), ch('g')], Action::MoveFirst, "", "go to the first row"),
    bind(C::Panes, &[key(K::End), ch('G')], Action::MoveLast, "", "go to the last row"),
    bind(C::Panes, &[key(K::Tab)], Action::NextPane, "", "next pane"),
    bind(C::Panes, &[key(K::BackTab)], Action::PreviousPane, "", "previous pane"),
    bind(C::Panes, &[ch('1')], Action::FocusPane(Pane::Customers), "", "focus Customers"),
    bind(C::Panes, &[ch('2')], Action::FocusPane(Pane::Profile), "", "focus Profile"),
    bind(C::Panes, &[ch('3')], Action::FocusPane(Pane::History), "", "focus History"),
    bind(C::Panes, &[ch('4')], Action::FocusPane(Pane::FollowUps), "", "focus Follow-ups"),
    bind(C::Panes, &[key(K::Esc)], Action::Back, "", "clear the filter"),
    bind(C::Panes, &[ch('u')], Action::Undo, "undo", "undo the last change, saying what and when; again for the one before"),
    bind(C::Panes, &[ch('U')], Action::Redo, "", "redo: do again the change undone last (until a new change is made)"),
    bind(C::Panes, &[ch('i')], Action::StartImport, "", "import customers from a CSV, vCard or fieldbook JSON file (previewed first)"),
    bind(C::Panes, &[ch('D')], Action::ShowDashboard, "dashboard", "the dashboard: contacts, revenue, tiers, stages, at risk, complaints, opportunities, visit plan"),
    bind(C::Panes, &[ch('A')], Action::ShowArchived, "", "archived customers (restore them with r)"),
    bind(C::Panes, &[ch('t')], Action::OpenReview, "today", "today's review: what is due, then who is going cold"),
    bind(C::Panes, &[ch('?')], Action::ShowHelp, "help", "show this help"),
    bind(C::Panes, &[ch('q')], Action::Quit, "quit", "quit (Ctrl-C quits from anywhere)"),
    // The filter line.
    bind(C::Filter, &[key(K::Enter)], Action::KeepFilter, "keep", "keep the filter and return to the list; in notes: open the customer where the words are"),
    bind(C::Filter, &[key(K::Esc)], Action::Back, "clear", "clear the filter"),
    bind(C::Filter, &[key(K::Tab)], Action::ToggleSearchScope, "names/notes", "search names, or call summaries and notes (full text)"),
    bind(C::Filter, &[key(K::Up)], Action::MoveUp, "", "move up the matches"),
    bind(C::Filter, &[key(K::Down)], Action::MoveDown, "", "move down the matches"),
    bind(C::Filter, &[key(K::F(1))], Action::ShowHelp, "", "show this help (? is typed)"),
    // Forms.
    bind(C::Form, &[SAVE], Action::SaveForm, "save", "save the form from any field"),
    bind(C::Form, &[key(K::Tab)], Action::NextField, "next field", "next field"),
    bind(C::Form, &[key(K::BackTab)], Action::PreviousField, "", "previous field"),
    bind(C::Form, &[key(K::Enter)], Action::SubmitField, "", "new line in Summary/Notes; next field; save on the last field"),
    bind(C::Form, &[key(K::Esc)], Action::Back, "cancel", "cancel (asks before discarding typed text)"),
    bind(C::Form, &[RELOAD], Action::ReloadForm, "", "when a save finds the customer changed elsewhere: load the book's values (what you typed stays)"),
    bind(C::Form, &[key(K::F(1))], Action::ShowHelp, "", "show this help; closing it goes back to the form as typed"),
    bind(C::Form, &[MAKE_FOLLOW_UP], Action::WhenToFollowUp, "", "log form: a When still to come becomes the follow-up date (When: now)"),
    // Editing text, in forms and on the filter line alike.
    bind(C::Form, &[key(K::Home)], Action::Edit(E::Home), "", "to the start of the field"),
    bind(C::Form, &[key(K::End)], Action::Edit(E::End), "", "to the end of the field"),
    bind(C::Form, &[with(K::Left, M::CONTROL), ch_alt('b')], Action::Edit(E::WordLeft), "", "a word left"),
    bind(C::Form, &[with(K::Right, M::CONTROL), ch_alt('f')], Action::Edit(E::WordRight), "", "a word right"),
    bind(C::Form, &[ctrl('w')], Action::Edit(E::DeleteWordBack), "", "delete the word before the cursor"),
    bind(C::Form, &[ctrl('u')], Action::Edit(E::ClearToStart), "", "delete back to the start of the field"),
    // Questions.
    bind(C::Confirm, &[ch('y')], Action::Answer(true), "yes", "yes"),
    bind(C::Confirm, &[ch('n'), key(K::Esc)], Action::Answer(false), "no", "no"),
    bind(C::Confirm, &[key(K::F(1))], Action::ShowHelp, "", "show this help; the question waits"),
    // Adding a name already in the book.
    bind(C::Duplicate, &[ch('o')], Action::OpenExisting, "open it", "open the customer already in the book; the form is dropped"),
    bind(C::Duplicate, &[ch('m')], Action::MergeIntoExisting, "merge", "merge into it: fill its blank fields from the form"),
    bind(C::Duplicate, &[ch('a')], Action::AddAnyway, "add anyway", "add the new customer all the same"),
    bind(C::Duplicate, &[key(K::Esc)], Action::Back, "back to the form", "back to the form, as typed"),
    bind(C::Duplicate, &[key(K::F(1))], Action::ShowHelp, "", "show this help; the question waits"),
    // Undoing a change from before this session.
    bind(C::Reverse, &[ch('y')], Action::Answer(true), "yes", "yes: undo it (or redo it)"),
    bind(C::Reverse, &[ch('u')], Action::Undo, "", "u again: undo it"),
    bind(C::Reverse, &[ch('U')], Action::Redo, "", "U again: redo it"),
    bind(C::Reverse, &[ch('n'), key(K::Esc)], Action::Answer(false), "keep it", "no: leave the book as it is"),
    bind(C::Reverse, &[key(K::F(1))], Action::ShowHelp, "", "show this help; the question waits"),
    // Help.
    bind(C::Help, &[key(K::Esc), ch('?'), ch('q'), key(K::F(1))], Action::Back, "close", "close help"),
    bind(C::Help, &[key(K::Down), ch('j')], Action::MoveDown, "scroll", "scroll down"),
    bind(C::Help, &[key(K::Up), ch('k')], Action::MoveUp, "", "scroll up"),
    bind(C::Help, &[key(K::PageDown), ch(' ')], Action::PageDown, "", "a page down"),
    bind(C::Help, &[key(K::PageUp)], Action::PageUp, "", "a page up"),
    bind(C::Help, &[key(K::Home), ch('g')], Action::MoveFirst, "", "to the top"),
    bind(C::Help, &[key(K::End), ch('G')], Action::MoveLast, "", "to the end"),
];
