//! The one table of key bindings. Key handling, the footer hints and the `?` help screen all
//! read it, so they cannot drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, Pane};
use super::state::{Overlay, Question, Screen, State};
use super::text_input::TextEdit;

mod bindings;
pub use bindings::BINDINGS;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Any pane, when no form or overlay is open.
    Panes,
    Customers,
    /// The profile pane: it scrolls, and the customer list's keys act on its customer.
    Profile,
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
    /// Adding a customer the book probably has already.
    Duplicate,
    /// Undoing or redoing a change made before this session.
    Reverse,
    Help,
}

impl Context {
    /// Every context, in the order help lists them: the book as it opens, then the views,
    /// then what opens over them.
    pub const ALL: [Context; 16] = [
        Context::Panes,
        Context::Customers,
        Context::Profile,
        Context::History,
        Context::FollowUps,
        Context::Filter,
        Context::Review,
        Context::ReviewDate,
        Context::Dashboard,
        Context::ImportPreview,
        Context::Archived,
        Context::Form,
        Context::Confirm,
        Context::Duplicate,
        Context::Reverse,
        Context::Help,
    ];

    /// The heading of the context's section in the help.
    pub fn title(self) -> String {
        match self {
            Context::Panes => t!("context-panes"),
            Context::Customers => t!("context-customers"),
            Context::Profile => t!("context-profile"),
            Context::FollowUps => t!("context-follow-ups"),
            Context::History => t!("context-history"),
            Context::Filter => t!("context-filter"),
            Context::Review => t!("context-review"),
            Context::Archived => t!("context-archived"),
            Context::Dashboard => t!("context-dashboard"),
            Context::ImportPreview => t!("context-import-preview"),
            Context::ReviewDate => t!("context-review-date"),
            Context::Form => t!("context-form"),
            Context::Confirm => t!("context-confirm"),
            Context::Duplicate => t!("context-duplicate"),
            Context::Reverse => t!("context-reverse"),
            Context::Help => t!("context-help"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

pub(crate) const fn key(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

pub(crate) const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

pub(crate) const fn ctrl(c: char) -> Key {
    with(KeyCode::Char(c), KeyModifiers::CONTROL)
}

pub(crate) const fn with(code: KeyCode, mods: KeyModifiers) -> Key {
    Key { code, mods }
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// The message id of a word or two for the footer; empty keeps it out of the footer
    /// (still in help). Ids, not text, so the footer and help speak the user's language; the
    /// catalogue tests read them from the table.
    pub hint: &'static str,
    /// The message id of the help line.
    pub help: &'static str,
}

impl Binding {
    /// The footer's word or two, in the current language; `None` when the binding is left out.
    pub fn hint_text(&self) -> Option<String> {
        (!self.hint.is_empty()).then(|| said(self.hint))
    }

    /// The help line, in the current language.
    pub fn help_text(&self) -> String {
        said(self.help)
    }
}

fn said(id: &str) -> String {
    crate::i18n::message(crate::i18n::current(), id, None)
}

/// One hint of the footer: the keys, what they do, and whether they open the help (the hint
/// kept when the footer has no room for the others).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub keys: String,
    pub text: String,
    pub opens_help: bool,
}

pub(crate) const fn bind(
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

/// The save key of every form.
pub const SAVE: Key = ctrl('s');

/// Loads a form again from the book after a save found its row changed elsewhere.
pub const RELOAD: Key = ctrl('r');

/// In the log form: a When still to come becomes the follow-up date.
pub const MAKE_FOLLOW_UP: Key = ctrl('f');

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

/// The contexts whose bindings apply now, most specific first: an overlay's, else the
/// screen's.
pub fn contexts(state: &State) -> Vec<Context> {
    match &state.overlay {
        Some(Overlay::Form(form)) if form.confirm_discard => return vec![Context::Confirm],
        Some(Overlay::Form(_)) => return vec![Context::Form],
        Some(Overlay::Confirm(Question::Duplicate { .. })) => return vec![Context::Duplicate],
        Some(Overlay::Confirm(Question::Reverse(_))) => return vec![Context::Reverse],
        Some(Overlay::Confirm(_)) => return vec![Context::Confirm],
        Some(Overlay::Help(_)) => return vec![Context::Help],
        None => {}
    }
    match &state.screen {
        Screen::Review(review) if review.choosing_date => vec![Context::ReviewDate],
        Screen::Review(_) => vec![Context::Review],
        Screen::Archived(_) => vec![Context::Archived],
        Screen::Dashboard { .. } => vec![Context::Dashboard],
        Screen::ImportPreview(_) => vec![Context::ImportPreview],
        Screen::Book { filtering: true } => vec![Context::Filter],
        Screen::Book { filtering: false } => {
            match state.focus {
                // The profile scrolls with its own keys; the list's act on its customer.
                Pane::Profile => vec![Context::Profile, Context::Customers, Context::Panes],
                Pane::Customers => vec![Context::Customers, Context::Panes],
                Pane::History => vec![Context::History, Context::Panes],
                Pane::FollowUps => vec![Context::FollowUps, Context::Panes],
            }
        }
    }
}

/// Turns a key into an Action for what is on screen: the keymap first, then text editing where
/// text is being typed. Ctrl-C quits from anywhere.
pub fn action_for_key(state: &State, key: Key) -> Option<Action> {
    if key == ctrl('c') {
        return Some(Action::Quit);
    }
    if let Some(action) = lookup(&contexts(state), key) {
        return Some(action);
    }
    let typing = match &state.overlay {
        Some(Overlay::Form(form)) => !form.confirm_discard,
        Some(_) => false,
        None => state.screen.is_filtering(),
    };
    if typing {
        return text_edit(key).map(Action::Edit);
    }
    None
}

/// Keys that edit text wherever text is typed (forms, the filter line).
pub fn text_edit(key: Key) -> Option<TextEdit> {
    let plain = key.mods.is_empty();
    let ctrl = key.mods == KeyModifiers::CONTROL;
    let alt = key.mods == KeyModifiers::ALT;
    Some(match key.code {
        KeyCode::Char('u') if ctrl => TextEdit::ClearToStart,
        KeyCode::Char('w') if ctrl => TextEdit::DeleteWordBack,
        KeyCode::Char('b') if alt => TextEdit::WordLeft,
        KeyCode::Char('f') if alt => TextEdit::WordRight,
        KeyCode::Left if ctrl || alt => TextEdit::WordLeft,
        KeyCode::Right if ctrl || alt => TextEdit::WordRight,
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
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    // Ctrl-S reads as on the keycap; Ctrl-Left keeps its case.
    if key.mods.contains(KeyModifiers::CONTROL) {
        let base = match key.code {
            KeyCode::Char(_) => base.to_uppercase(),
            _ => base,
        };
        format!("Ctrl-{base}")
    } else if key.mods.contains(KeyModifiers::ALT) {
        format!("Alt-{base}")
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
pub fn hints(contexts: &[Context]) -> Vec<Hint> {
    contexts
        .iter()
        .flat_map(|ctx| BINDINGS.iter().filter(move |b| b.context == *ctx))
        .filter_map(|b| {
            Some(Hint {
                keys: keys_label(b),
                text: b.hint_text()?,
                opens_help: b.action == Action::ShowHelp,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
