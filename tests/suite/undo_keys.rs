//! `u` says what it undoes and when; a change from before this session is asked about first;
//! `U` redoes, until a new change is made.

use crate::common;

use common::{customer, run, state_for, typed};
use fieldbook::repository::{Repository, UndoStep};
use fieldbook::tui::action::Action;
use fieldbook::tui::keymap::{Key, action_for_key};
use fieldbook::tui::state::{Overlay, Question, State};
use fieldbook::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// Yesterday evening, when the last session imported its customers.
fn yesterday() -> chrono::NaiveDateTime {
    "2026-11-27T17:05:00".parse().unwrap()
}

/// A book on disk with two customers added yesterday, in an earlier session, and the app
/// opened on it now.
fn book_from_yesterday() -> (tempfile::TempDir, Repository, State) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    {
        let mut before = Repository::open(&path).unwrap();
        before.set_clock(yesterday);
        before.add_customer(&customer("Northwind Trading")).unwrap();
        before.add_customer(&customer("星河科技")).unwrap();
    }
    let mut repo = Repository::open(&path).unwrap();
    repo.set_clock(common::now);
    let state = state_for(&repo);
    (dir, repo, state)
}

fn asked(state: &State) -> Option<&UndoStep> {
    match &state.overlay {
        Some(Overlay::Confirm(Question::Reverse(step))) => Some(step),
        _ => None,
    }
}

fn status(state: &State) -> String {
    state
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// Presses the key `c` as the app would: looked up in the keymap for what is on screen.
fn press(state: &mut State, repo: &mut Repository, c: char) {
    let key = Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    };
    let action = action_for_key(state, key).unwrap_or_else(|| panic!("{c} is not bound"));
    run(state, repo, [action]);
}

fn screen(state: &mut State, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| ui::draw(f, state)).unwrap();
    terminal.backend().to_string()
}

#[test]
fn u_on_a_change_from_before_this_session_asks_first_and_esc_keeps_it() {
    let (_dir, mut repo, mut state) = book_from_yesterday();
    press(&mut state, &mut repo, 'u');
    let step = asked(&state).expect("u asks about yesterday's change");
    assert_eq!(step.label, "add customer 星河科技");
    assert!(!step.this_run && !step.redo);
    assert_eq!(
        repo.customer_count().unwrap(),
        2,
        "nothing undone while asked"
    );
    let shown = screen(&mut state, 100, 30);
    assert!(
        shown.contains("Undo 'add customer 星河科技' from yesterday 17:05?"),
        "{shown}"
    );
    insta::assert_snapshot!(shown);

    press(&mut state, &mut repo, 'n');
    assert!(state.overlay.is_none());
    assert_eq!(repo.customer_count().unwrap(), 2);
    assert_eq!(status(&state), "kept: 'add customer 星河科技'");
}

#[test]
fn u_again_or_y_undoes_the_change_from_before_and_u_redoes_it() {
    let (_dir, mut repo, mut state) = book_from_yesterday();
    press(&mut state, &mut repo, 'u');
    press(&mut state, &mut repo, 'u');
    assert!(state.overlay.is_none());
    assert_eq!(common::names(&repo), ["Northwind Trading"]);
    assert!(
        !state.rows.iter().any(|r| r.name == "星河科技"),
        "the list follows"
    );
    assert_eq!(
        status(&state),
        "undone: 'add customer 星河科技' (done yesterday 17:05) · U redoes it"
    );

    // The one before is from yesterday too: asked again, and y says yes.
    press(&mut state, &mut repo, 'u');
    assert_eq!(
        asked(&state).unwrap().label,
        "add customer Northwind Trading"
    );
    press(&mut state, &mut repo, 'y');
    assert!(common::names(&repo).is_empty());

    // Undone now, in this session: U redoes at once, newest undone first.
    press(&mut state, &mut repo, 'U');
    assert!(
        state.overlay.is_none(),
        "undone in this session: no question"
    );
    assert_eq!(common::names(&repo), ["Northwind Trading"]);
    assert_eq!(
        status(&state),
        "redone: 'add customer Northwind Trading' (undone 10:15) · u undoes it again"
    );
    press(&mut state, &mut repo, 'U');
    assert_eq!(common::names(&repo), ["Northwind Trading", "星河科技"]);
    assert!(state.rows.iter().any(|r| r.name == "星河科技"));
    press(&mut state, &mut repo, 'U');
    assert_eq!(status(&state), "nothing to redo");

    // Redone in this session: u now takes it back without asking.
    press(&mut state, &mut repo, 'u');
    assert!(state.overlay.is_none());
    assert_eq!(common::names(&repo), ["Northwind Trading"]);
}

#[test]
fn u_on_a_change_made_in_this_session_undoes_at_once_and_a_new_change_clears_redo() {
    let (_dir, mut repo, mut state) = book_from_yesterday();
    run(&mut state, &mut repo, [Action::LogInteraction]);
    run(&mut state, &mut repo, typed("电话：客户确认订单"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    let id = state.selected_id().unwrap();
    let name = state.detail.as_ref().unwrap().customer.draft.name.clone();
    assert_eq!(repo.interaction_count(id).unwrap(), 1);

    press(&mut state, &mut repo, 'u');
    assert!(asked(&state).is_none(), "made in this session: no question");
    assert_eq!(repo.interaction_count(id).unwrap(), 0);
    assert_eq!(
        status(&state),
        format!("undone: 'log call with {name}' (done 10:15) · U redoes it")
    );
    press(&mut state, &mut repo, 'U');
    assert_eq!(repo.interaction_count(id).unwrap(), 1);
    assert_eq!(state.detail.as_ref().unwrap().history_total, 1);

    press(&mut state, &mut repo, 'u');
    run(&mut state, &mut repo, [Action::AddFollowUp]);
    run(&mut state, &mut repo, typed("call back"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    press(&mut state, &mut repo, 'U');
    assert_eq!(
        status(&state),
        "nothing to redo",
        "the new follow-up cleared it"
    );
    assert_eq!(repo.interaction_count(id).unwrap(), 0);
}

#[test]
fn a_redo_from_before_this_session_asks_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    {
        let mut before = Repository::open(&path).unwrap();
        before.set_clock(yesterday);
        before.add_customer(&customer("Bluefin")).unwrap();
        before.undo().unwrap();
    }
    let mut repo = Repository::open(&path).unwrap();
    repo.set_clock(common::now);
    let mut state = state_for(&repo);
    press(&mut state, &mut repo, 'u');
    assert_eq!(status(&state), "nothing to undo");
    press(&mut state, &mut repo, 'U');
    let step = asked(&state).expect("a redo from yesterday is asked about");
    assert!(step.redo);
    let shown = screen(&mut state, 80, 24);
    assert!(
        shown.contains("Redo 'add customer Bluefin' from yesterday"),
        "{shown}"
    );
    press(&mut state, &mut repo, 'u');
    assert!(asked(&state).is_some(), "u does not answer a redo question");
    press(&mut state, &mut repo, 'U');
    assert_eq!(common::names(&repo), ["Bluefin"]);
}
