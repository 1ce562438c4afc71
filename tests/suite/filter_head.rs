//! A keystroke's filter scores only the best rows of a big book (`State::refilter`); the rest
//! of the list comes behind, and nothing a person does can tell, save the list's title.

use fieldbook::demo::{self, DemoSize};
use fieldbook::repository::Repository;
use fieldbook::tui::action::Action;
use fieldbook::tui::state::State;
use fieldbook::tui::ui;
use ratatui::{Terminal, backend::TestBackend};

use crate::common::{now, run, state_for, typed};

fn big_book() -> (Repository, State) {
    let mut repo = Repository::open_in_memory().unwrap();
    let size = DemoSize {
        customers: 1_500,
        interactions: 1_500,
        follow_ups: 500,
    };
    demo::generate(&mut repo, size, now()).unwrap();
    let state = state_for(&repo);
    (repo, state)
}

/// The whole list, as the event loop completes it while no key waits.
fn whole(state: &mut State) -> Vec<usize> {
    state.complete_visible();
    state.visible.clone()
}

fn screen(state: &mut State) -> String {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| ui::draw(f, state)).unwrap();
    terminal.backend().to_string()
}

#[test]
fn a_keystroke_shows_the_best_rows_then_the_rest_in_the_same_order() {
    let (mut repo, mut state) = big_book();
    screen(&mut state);
    let page = state.page_height;
    assert!(
        page > 20,
        "the list window's height is known once drawn: {page}"
    );
    run(&mut state, &mut repo, [Action::StartFilter]);
    run(&mut state, &mut repo, typed("a"));
    assert!(
        !state.visible_complete,
        "'a' matches most of 1,500 customers"
    );
    let head = state.visible.clone();
    assert!(
        head.len() >= 2 * page,
        "two pages: {} < {}",
        head.len(),
        2 * page
    );
    assert!(screen(&mut state).contains(&format!("best {}, more coming", head.len())));
    let all = whole(&mut state);
    assert!(state.visible_complete);
    assert!(all.len() > head.len());
    assert_eq!(
        all[..head.len()],
        head[..],
        "the best rows keep their places"
    );
    assert!(!screen(&mut state).contains("more coming"));
}

#[test]
fn moving_past_the_best_rows_brings_the_rest_first() {
    let (mut repo, mut state) = big_book();
    run(&mut state, &mut repo, [Action::StartFilter]);
    run(&mut state, &mut repo, typed("a"));
    run(&mut state, &mut repo, [Action::KeepFilter]);
    assert!(!state.visible_complete);
    run(&mut state, &mut repo, [Action::MoveLast]);
    assert!(state.visible_complete, "End reads the whole list");
    assert_eq!(state.list.selected, state.visible.len() - 1);
}

#[test]
fn paging_down_through_the_best_rows_finds_the_rest_in_place() {
    let (mut repo, mut state) = big_book();
    let mut other = state_for(&repo);
    screen(&mut state);
    for state in [&mut state, &mut other] {
        run(state, &mut repo, [Action::StartFilter]);
        run(state, &mut repo, typed("a"));
        run(state, &mut repo, [Action::KeepFilter]);
    }
    let all = whole(&mut other);
    let head = state.visible.len();
    assert!(!state.visible_complete);
    // Page by page to past the best rows: each page is the whole list's at that place.
    for _ in 0..head / state.page_height + 2 {
        run(&mut state, &mut repo, [Action::PageDown]);
        let at = state.list.selected;
        assert_eq!(state.visible[at], all[at], "row {at}");
    }
    assert!(
        state.visible_complete,
        "the rest was read before the cursor reached it"
    );
    assert_eq!(state.visible, all);
}

#[test]
fn a_customer_beyond_the_best_rows_can_still_be_selected() {
    let (mut repo, mut state) = big_book();
    let mut other = state_for(&repo);
    for state in [&mut state, &mut other] {
        run(state, &mut repo, [Action::StartFilter]);
        run(state, &mut repo, typed("a"));
    }
    let all = whole(&mut other);
    let last = other.rows[*all.last().unwrap()].id;
    assert!(!state.visible_complete);
    assert!(state.visible.iter().all(|&i| state.rows[i].id != last));
    assert!(state.select_customer(last), "found in the rest of the list");
    assert_eq!(state.selected_id(), Some(last));
}
