//! The one table of key bindings. Key handling, the footer hints and the `?` help screen all
//! read it, so they cannot drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, Pane};
use super::review::QuickDate;
use super::text_input::TextEdit;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Any pane, when no form or overlay is open.
    Panes,
    Customers,
    FollowUps,
    History,
    Filter,
    Review,
    Archived,
    Dashboard,
    ImportPreview,
    /// The review's quick snooze choices, after `s`.
    ReviewDate,
    Form,
    Confirm,
    Help,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Panes => "Everywhere",
            Context::Customers => "Customer list",
            Context::FollowUps => "Follow-ups",
            Context::History => "History",
            Context::Filter => "Filtering (/)",
            Context::Review => "Today's review (t)",
            Context::Archived => "Archived customers (A)",
            Context::Dashboard => "Dashboard (D)",
            Context::ImportPreview => "Import preview (i)",
            Context::ReviewDate => "Review: snooze to",
            Context::Form => "Forms",
            Context::Confirm => "Questions",
            Context::Help => "Help",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// A word or two for the footer; empty keeps it out of the footer (still in help).
    pub hint: &'static str,
    pub help: &'static str,
}

const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    hint: &'static str,
    help: &'static str,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        hint,
        help,
    }
}

use Context as C;
use KeyCode as K;

/// The save key of every form.
pub const SAVE: Key = ctrl('s');

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
    bind(C::Review, &[ch('?')], Action::ShowHelp, "help", "show this help"),
    bind(C::Review, &[ch('q')], Action::Quit, "", "quit"),
    bind(C::ReviewDate, &[ch('t'), ch('1')], Action::QuickSnooze(QuickDate::Tomorrow), "tomorrow", "tomorrow"),
    bind(C::ReviewDate, &[ch('3')], Action::QuickSnooze(QuickDate::InThreeDays), "+3 days", "in three days"),
    bind(C::ReviewDate, &[ch('w')], Action::QuickSnooze(QuickDate::NextWeek), "next week", "next Monday"),
    bind(C::ReviewDate, &[ch('o')], Action::QuickSnooze(QuickDate::Typed), "other date", "type a date (fri, +2w, 12-01, 下周一, ...)"),
    bind(C::ReviewDate, &[key(K::Esc)], Action::Back, "cancel", "back to the item"),
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
    // The archived view.
    bind(C::Archived, &[key(K::Up), ch('k')], Action::MoveUp, "", "move up"),
    bind(C::Archived, &[key(K::Down), ch('j')], Action::MoveDown, "", "move down"),
    bind(C::Archived, &[ch('r')], Action::Unarchive, "restore", "restore the customer to the list"),
    bind(C::Archived, &[ch('u')], Action::Undo, "undo", "undo the last change"),
    bind(C::Archived, &[key(K::Esc), ch('A')], Action::Back, "back", "back to the book"),
    bind(C::Archived, &[ch('q')], Action::Quit, "", "quit"),
    // Every pane.
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
    bind(C::Panes, &[ch('u')], Action::Undo, "undo", "undo the last change (add, edit, log, done, snooze, archive, import); again for the one before"),
    bind(C::Panes, &[ch('i')], Action::StartImport, "", "import customers from a CSV, vCard or fieldbook JSON file (previewed first)"),
    bind(C::Panes, &[ch('D')], Action::ShowDashboard, "dashboard", "the dashboard: contacts, revenue, tiers, stages, at risk, complaints, opportunities, visit plan"),
    bind(C::Panes, &[ch('A')], Action::ShowArchived, "", "archived customers (restore them with r)"),
    bind(C::Panes, &[ch('t')], Action::OpenReview, "today", "today's review: what is due, then who is going cold"),
    bind(C::Panes, &[ch('?')], Action::ShowHelp, "help", "show this help"),
    bind(C::Panes, &[ch('q')], Action::Quit, "quit", "quit (Ctrl-C quits from anywhere)"),
    // The filter line.
    bind(C::Filter, &[key(K::Enter)], Action::KeepFilter, "keep", "keep the filter and return to the list; in notes: open the customer at that contact"),
    bind(C::Filter, &[key(K::Esc)], Action::Back, "clear", "clear the filter"),
    bind(C::Filter, &[key(K::Tab)], Action::ToggleSearchScope, "names/notes", "search names, or call summaries and notes (full text)"),
    bind(C::Filter, &[key(K::Up)], Action::MoveUp, "", "move up the matches"),
    bind(C::Filter, &[key(K::Down)], Action::MoveDown, "", "move down the matches"),
    // Forms.
    bind(C::Form, &[SAVE], Action::SaveForm, "save", "save the form from any field"),
    bind(C::Form, &[key(K::Tab)], Action::NextField, "next field", "next field"),
    bind(C::Form, &[key(K::BackTab)], Action::PreviousField, "", "previous field"),
    bind(C::Form, &[key(K::Enter)], Action::SubmitField, "", "new line in Summary/Notes; next field; save on the last field"),
    bind(C::Form, &[key(K::Esc)], Action::Back, "cancel", "cancel (asks before discarding typed text)"),
    // Questions.
    bind(C::Confirm, &[ch('y')], Action::Answer(true), "yes", "yes"),
    bind(C::Confirm, &[ch('n'), key(K::Esc)], Action::Answer(false), "no", "no"),
    // Help.
    bind(C::Help, &[key(K::Esc), ch('?'), ch('q')], Action::Back, "close", "close help"),
];

/// Act on presses only (Windows also reports releases) and fold Shift into the character, so
/// `G` is `G` whatever the terminal says about modifiers.
pub fn normalize(event: KeyEvent) -> Option<Key> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let mut mods =
        event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    if matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
        mods.remove(KeyModifiers::SHIFT);
    }
    Some(Key {
        code: event.code,
        mods,
    })
}

/// Looks `key` up in the first context that binds it.
pub fn lookup(contexts: &[Context], key: Key) -> Option<Action> {
    contexts.iter().find_map(|ctx| {
        BINDINGS
            .iter()
            .find(|b| b.context == *ctx && b.keys.contains(&key))
            .map(|b| b.action)
    })
}

/// Keys that edit text wherever text is typed (forms, the filter line).
pub fn text_edit(key: Key) -> Option<TextEdit> {
    let plain = key.mods.is_empty();
    Some(match key.code {
        KeyCode::Char('u') if key.mods == KeyModifiers::CONTROL => TextEdit::ClearToStart,
        KeyCode::Char(c) if plain => TextEdit::Insert(c),
        KeyCode::Backspace => TextEdit::Backspace,
        KeyCode::Delete => TextEdit::Delete,
        KeyCode::Left => TextEdit::Left,
        KeyCode::Right => TextEdit::Right,
        KeyCode::Home => TextEdit::Home,
        KeyCode::End => TextEdit::End,
        _ => return None,
    })
}

pub fn key_name(key: Key) -> String {
    let base = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "Up".into(),
        KeyCode::Down => "Down".into(),
        KeyCode::Left => "Left".into(),
        KeyCode::Right => "Right".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        other => format!("{other:?}"),
    };
    if key.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{}", base.to_uppercase())
    } else {
        base
    }
}

/// "j/Down"-style names for all keys of a binding.
pub fn keys_label(binding: &Binding) -> String {
    binding
        .keys
        .iter()
        .map(|k| key_name(*k))
        .collect::<Vec<_>>()
        .join("/")
}

/// The footer: hinted bindings of the given contexts, in table order.
pub fn hints(contexts: &[Context]) -> Vec<(String, &'static str)> {
    contexts
        .iter()
        .flat_map(|ctx| BINDINGS.iter().filter(move |b| b.context == *ctx))
        .filter(|b| !b.hint.is_empty())
        .map(|b| (keys_label(b), b.hint))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> Key {
        normalize(KeyEvent::new(code, mods)).unwrap()
    }

    #[test]
    fn table_of_contract_keys() {
        let panes = [Context::Customers, Context::Panes];
        let cases = [
            (press(K::Char('j'), KeyModifiers::NONE), Action::MoveDown),
            (press(K::Down, KeyModifiers::NONE), Action::MoveDown),
            (press(K::Char('k'), KeyModifiers::NONE), Action::MoveUp),
            (press(K::Char('G'), KeyModifiers::SHIFT), Action::MoveLast),
            (press(K::Char('g'), KeyModifiers::NONE), Action::MoveFirst),
            (press(K::PageDown, KeyModifiers::NONE), Action::PageDown),
            (press(K::Tab, KeyModifiers::NONE), Action::NextPane),
            (press(K::BackTab, KeyModifiers::SHIFT), Action::PreviousPane),
            (
                press(K::Char('3'), KeyModifiers::NONE),
                Action::FocusPane(Pane::History),
            ),
            (press(K::Char('/'), KeyModifiers::NONE), Action::StartFilter),
            (press(K::Char('a'), KeyModifiers::NONE), Action::AddCustomer),
            (
                press(K::Char('e'), KeyModifiers::NONE),
                Action::EditCustomer,
            ),
            (
                press(K::Char('X'), KeyModifiers::SHIFT),
                Action::ArchiveCustomer,
            ),
            (
                press(K::Char('l'), KeyModifiers::NONE),
                Action::LogInteraction,
            ),
            (press(K::Char('f'), KeyModifiers::NONE), Action::AddFollowUp),
            (press(K::Char('?'), KeyModifiers::NONE), Action::ShowHelp),
            (press(K::Char('q'), KeyModifiers::NONE), Action::Quit),
            (press(K::Enter, KeyModifiers::NONE), Action::Open),
        ];
        for (key, want) in cases {
            assert_eq!(lookup(&panes, key), Some(want), "{key:?}");
        }
        let follow_ups = [Context::FollowUps, Context::Panes];
        assert_eq!(
            lookup(&follow_ups, press(K::Char('d'), KeyModifiers::NONE)),
            Some(Action::CompleteFollowUp)
        );
        assert_eq!(
            lookup(&follow_ups, press(K::Char('s'), KeyModifiers::NONE)),
            Some(Action::SnoozeFollowUp)
        );
        assert_eq!(
            lookup(&[Context::Form], press(K::Char('s'), KeyModifiers::CONTROL)),
            Some(Action::SaveForm)
        );
        assert_eq!(
            lookup(&[Context::Form], press(K::Char('s'), KeyModifiers::NONE)),
            None,
            "plain s is text"
        );
        assert_eq!(
            lookup(&[Context::Confirm], press(K::Char('y'), KeyModifiers::NONE)),
            Some(Action::Answer(true))
        );
    }

    #[test]
    fn releases_are_ignored() {
        let mut e = KeyEvent::new(K::Char('q'), KeyModifiers::NONE);
        e.kind = KeyEventKind::Release;
        assert_eq!(normalize(e), None);
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.context == b.context {
                    for k in a.keys {
                        assert!(!b.keys.contains(k), "{k:?} bound twice in {:?}", a.context);
                    }
                }
            }
        }
    }

    #[test]
    fn hints_come_from_the_table() {
        let hints = hints(&[Context::Form]);
        assert!(hints.contains(&("Ctrl-S".to_string(), "save")));
        assert!(hints.contains(&("Esc".to_string(), "cancel")));
    }
}
