//! Driving the app by Actions, as a person at the keyboard would.

use fieldbook::repository::Repository;
use fieldbook::tui::action::Action;
use fieldbook::tui::form::Form;
use fieldbook::tui::state::State;

pub use super::{run, typed};

pub fn form(state: &State) -> &Form {
    match state.form() {
        Some(f) => f,
        None => panic!("expected a form, got {:?}", state.overlay),
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
