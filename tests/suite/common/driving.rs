//! Driving the app by Actions, as a person at the keyboard would.

use fieldbook::repository::Repository;
use fieldbook::tui::action::Action;
use fieldbook::tui::form::Form;
use fieldbook::tui::state::{Mode, State};

pub use super::{run, typed};

pub fn form(state: &State) -> &Form {
    match &state.mode {
        Mode::Form(f) => f,
        other => panic!("expected a form, got {other:?}"),
    }
}

/// Tabs to the field named `label`.
pub fn focus(state: &mut State, repo: &mut Repository, label: &str) {
    for _ in 0..20 {
        if form(state).focused().label == label {
            return;
        }
        run(state, repo, [Action::NextField]);
    }
    panic!("no field {label}");
}

/// Tabs to `label` and types `text` into it.
pub fn fill(state: &mut State, repo: &mut Repository, label: &str, text: &str) {
    focus(state, repo, label);
    run(state, repo, typed(text));
}
