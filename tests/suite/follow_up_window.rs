//! A book with more open follow-ups than the app holds whole: the pane still shows every one
//! as the book has it, wherever the selection goes, and a save merges in its place.

use crate::common;

use common::{now, run, sample_book, state_for, today};
use fieldbook::book::model::{FollowUp, FollowUpDraft};
use fieldbook::repository::Repository;
use fieldbook::tui::action::{Action, Pane};
use fieldbook::tui::state::State;

const MANY: i64 = 900;

/// The sample book with `MANY` more open follow-ups, spread over a year and its customers.
fn big_book() -> (Repository, State) {
    let (mut repo, s) = sample_book();
    let customers = [s.xinghe, s.northwind, s.hostile, s.quiet];
    for i in 0..MANY {
        repo.add_follow_up(&FollowUpDraft {
            customer_id: customers[i as usize % customers.len()],
            due_on: today() + chrono::Duration::days(i * 37 % 365 - 30),
            due_time: None,
            task: format!("任务 {i}: 寄样品").into(),
            repeat: None,
        })
        .unwrap();
    }
    let state = state_for(&repo);
    (repo, state)
}

/// The selected follow-up and those on the screen are whole, and are what the book has.
fn check_near_selection(state: &State, book: &[FollowUp]) {
    let at = state.follow_up_list.selected;
    assert_eq!(state.selected_follow_up(), Some(&book[at]), "selected {at}");
    let near = at.saturating_sub(40)..(at + 40).min(book.len());
    for (i, f) in book.iter().enumerate().take(near.end).skip(near.start) {
        assert_eq!(state.follow_ups.get(i), Some(f), "{i} near {at}");
    }
}

#[test]
fn the_pane_shows_the_books_follow_ups_wherever_the_selection_goes() {
    let (mut repo, mut state) = big_book();
    let book = repo.open_follow_ups(None).unwrap();
    assert!(book.len() > MANY as usize);
    let keys: Vec<_> = book
        .iter()
        .map(fieldbook::book::follow_ups::FollowUpKey::of)
        .collect();
    assert_eq!(state.follow_ups.keys(), keys, "every one's place is held");
    assert!(
        state.follow_ups.held().count() < book.len() / 2,
        "not every one whole"
    );
    run(
        &mut state,
        &mut repo,
        [Action::FocusPane(Pane::FollowUps), Action::MoveLast],
    );
    assert_eq!(state.follow_up_list.selected, book.len() - 1);
    check_near_selection(&state, &book);
    let text = crate::snapshots::screen(&mut state, 120, 60);
    assert!(!text.contains("│  … "), "no gaps on screen:\n{text}");
    assert!(text.contains(&book[book.len() - 1].draft.task.to_string()));
    for _ in 0..7 {
        run(&mut state, &mut repo, [Action::PageUp]);
        check_near_selection(&state, &book);
    }
    run(&mut state, &mut repo, [Action::MoveFirst]);
    check_near_selection(&state, &book);
    for _ in 0..300 {
        run(&mut state, &mut repo, [Action::MoveDown]);
    }
    check_near_selection(&state, &book);
    let text = crate::snapshots::screen(&mut state, 120, 60);
    assert!(!text.contains("│  … "), "no gaps on screen:\n{text}");
}

#[test]
fn completing_one_far_down_the_list_merges_the_customers_in_their_place() {
    let (mut repo, mut state) = big_book();
    run(
        &mut state,
        &mut repo,
        [Action::FocusPane(Pane::FollowUps), Action::MoveLast],
    );
    for _ in 0..3 {
        run(&mut state, &mut repo, [Action::PageUp]);
    }
    let done = state.selected_follow_up().expect("one selected").id;
    run(&mut state, &mut repo, [Action::CompleteFollowUp]);
    let book = repo.open_follow_ups(None).unwrap();
    assert!(!book.iter().any(|f| f.id == done), "done in the book");
    let fresh = state_for(&repo);
    assert_eq!(state.follow_ups.keys(), fresh.follow_ups.keys());
    check_near_selection(&state, &book);
    assert_eq!(state.now, now());
}
