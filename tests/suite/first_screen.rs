//! The first screen of a big book, drawn before the whole book is read, against the screen once
//! it is: the same top rows, follow-ups and selected customer. And saves that move rows, one
//! row re-placed at a time, against ranking the whole book again.

use crate::common;

use common::{now, run, typed};
use fieldbook::book::model::CustomerRow;
use fieldbook::config::Config;
use fieldbook::repository::Repository;
use fieldbook::services::customer_list::Ranking;
use fieldbook::tui::action::Action;
use fieldbook::tui::state::State;
use fieldbook::tui::text_input::TextEdit;
use fieldbook::tui::update::reading;

/// A demo book of `customers` on disk (the first screen is for books on disk).
fn demo_book(customers: usize) -> (tempfile::TempDir, Repository) {
    let dir = tempfile::tempdir().unwrap();
    let mut repo = Repository::open(&dir.path().join("book.sqlite3")).unwrap();
    repo.set_clock(now);
    fieldbook::demo::generate(
        &mut repo,
        fieldbook::demo::DemoSize::with_customers(customers),
        now(),
    )
    .unwrap();
    (dir, repo)
}

fn shown(state: &State) -> Vec<CustomerRow> {
    state
        .visible
        .iter()
        .map(|&i| state.rows[i].clone())
        .collect()
}

/// What the list shows of a row before the ranking is read: all but the computed tier.
fn without_computed_tier(rows: &[CustomerRow]) -> Vec<CustomerRow> {
    rows.iter()
        .cloned()
        .map(|mut r| {
            if !r.tier_by_hand {
                r.tier = None;
            }
            r
        })
        .collect()
}

/// The lines of a 200x50 frame that are the same whether the book is read or not: the header
/// says "reading the whole book…" and the pane titles count what is read so far.
fn frame_body(state: &mut State) -> Vec<String> {
    let text = crate::snapshots::screen(state, 200, 50);
    text.lines()
        .skip(1)
        .filter(|l| !l.contains("Customers (") && !l.contains("Follow-ups"))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_first_screen_is_the_top_of_the_whole_ranking() {
    // Enough customers that more are overdue or due today than the first screen reads.
    let (_dir, repo) = demo_book(3000);
    let config = Config::default();
    let mut full = reading::load_with(&repo, now(), "demo", config.clone()).unwrap();
    let mut first = reading::first_screen(&repo, now(), "demo", config.clone()).unwrap();
    assert!(first.loading);
    let n = first.visible.len();
    assert!(
        (200..full.visible.len()).contains(&n),
        "{n} rows on the first screen, a part of the book"
    );
    let top = shown(&full)[..n].to_vec();
    assert_eq!(shown(&first), without_computed_tier(&top));
    assert_eq!(first.selected_id(), full.selected_id());
    let detail = |s: &State| {
        let d = s.detail.as_ref().unwrap();
        (d.customer.clone(), d.contacts.clone(), d.history.clone())
    };
    assert_eq!(detail(&first), detail(&full));
    let m = first.follow_ups.len();
    assert!(m >= 200 && m < full.follow_ups.len());
    assert_eq!(first.follow_ups.keys(), &full.follow_ups.keys()[..m]);
    for i in 0..m {
        let whole = first
            .follow_ups
            .get(i)
            .expect("the first screen's are whole");
        if let Some(f) = full.follow_ups.get(i) {
            assert_eq!(whole, f);
        }
    }

    // What the screen says meanwhile: the top is read, not the book.
    let text = crate::snapshots::screen(&mut first, 200, 50);
    assert!(
        text.lines()
            .next()
            .unwrap()
            .contains("reading the whole book…")
    );
    assert!(text.contains(&format!("Customers (first {n}…)")), "{text}");

    // The ranking comes ahead of the rows: then the rows are the same in full, and so is what
    // the screen shows of them, tier column and profile included.
    reading::ranked(
        &mut first,
        Ranking::read(&repo, &config, common::today()).unwrap(),
        &repo,
    )
    .unwrap();
    assert_eq!(shown(&first), top);
    assert_eq!(
        first.detail.as_ref().unwrap().account,
        full.detail.as_ref().unwrap().account
    );
    assert_eq!(frame_body(&mut first), frame_body(&mut full));

    // Then the whole book, in the order the reading thread sorted it.
    let loaded = fieldbook::tui::loader::load(&repo, &config, common::today()).unwrap();
    reading::install(&mut first, loaded, &repo).unwrap();
    assert!(!first.loading);
    assert_eq!(shown(&first), shown(&full));
    common::assert_same_follow_ups(&first, &full);
}

fn focus(state: &mut State, repo: &mut Repository, label: &str) {
    for _ in 0..20 {
        if state.form().unwrap().focused().label == label {
            return;
        }
        run(state, repo, [Action::NextField]);
    }
    panic!("no field {label}");
}

fn select(state: &mut State, repo: &mut Repository, at: usize) -> fieldbook::book::ids::CustomerId {
    state.list.selected = at;
    reading::load_detail(state, repo).unwrap();
    state.selected_id().unwrap()
}

/// The list as saving left it is the list ranked again from the book.
fn same_as_whole_new_ranking(state: &State, repo: &Repository) {
    let fresh = reading::load_with(repo, now(), "demo", Config::default()).unwrap();
    assert_eq!(shown(state), shown(&fresh));
    common::assert_same_follow_ups(state, &fresh);
}

#[test]
fn saves_that_move_rows_leave_the_order_of_a_whole_new_ranking() {
    let (_dir, mut repo) = demo_book(300);
    let mut state = reading::load_with(&repo, now(), "demo", Config::default()).unwrap();
    let rows = state.rows.len();

    // The most overdue customer is called: its follow-up closes and it drops down the list.
    let called = select(&mut state, &mut repo, 0);
    run(&mut state, &mut repo, [Action::LogInteraction]);
    run(&mut state, &mut repo, typed("called back"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    assert_ne!(
        state.visible.first().map(|&i| state.rows[i].id),
        Some(called)
    );
    same_as_whole_new_ranking(&state, &repo);

    // One near the end gets a follow-up for today: it climbs to the due-today part.
    let planned = select(&mut state, &mut repo, rows - 2);
    run(&mut state, &mut repo, [Action::AddFollowUp]);
    run(&mut state, &mut repo, typed("send the catalogue"));
    focus(&mut state, &mut repo, "Due");
    run(&mut state, &mut repo, typed("today"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    assert!(
        state
            .visible
            .iter()
            .position(|&i| state.rows[i].id == planned)
            < Some(rows / 2)
    );
    same_as_whole_new_ranking(&state, &repo);

    // One in the middle is renamed: its place among equals follows the name, and the search
    // finds it by the new name only.
    let renamed = select(&mut state, &mut repo, rows / 2);
    let old_name = state.selected_row().unwrap().name.clone();
    run(&mut state, &mut repo, [Action::EditCustomer]);
    focus(&mut state, &mut repo, "Name");
    run(
        &mut state,
        &mut repo,
        [Action::Edit(TextEdit::ClearToStart)],
    );
    run(&mut state, &mut repo, typed("Aardvark Zymurgy Trading"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    same_as_whole_new_ranking(&state, &repo);

    // A new customer, and one archived.
    run(&mut state, &mut repo, [Action::AddCustomer]);
    run(&mut state, &mut repo, typed("Brand New Customer"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    let added = state.selected_id().unwrap();
    assert_eq!(state.selected_row().unwrap().name, "Brand New Customer");
    same_as_whole_new_ranking(&state, &repo);
    select(&mut state, &mut repo, 3);
    run(
        &mut state,
        &mut repo,
        [Action::ArchiveCustomer, Action::Answer(true)],
    );
    assert_eq!(state.rows.len(), rows);
    same_as_whole_new_ranking(&state, &repo);

    let found = |state: &mut State, repo: &mut Repository, query: &str| {
        run(state, repo, [Action::StartFilter]);
        run(state, repo, [Action::Edit(TextEdit::ClearToStart)]);
        run(state, repo, typed(query));
        let ids: Vec<_> = state.visible.iter().map(|&i| state.rows[i].id).collect();
        ids
    };
    assert_eq!(
        found(&mut state, &mut repo, "aardvark zymurgy").first(),
        Some(&renamed)
    );
    assert!(!found(&mut state, &mut repo, &old_name).contains(&renamed));
    assert_eq!(
        found(&mut state, &mut repo, "brand new customer").first(),
        Some(&added)
    );
}

#[test]
fn birthday_reminders_are_made_once_the_book_is_in_and_shown_as_a_whole_read_shows_them() {
    use fieldbook::book::model::{Birthday, ContactDraft, CustomerDraft};
    use fieldbook::services::day_start;
    let (_dir, mut repo) = demo_book(50);
    let id = repo
        .add_customer(&CustomerDraft {
            name: "生日快乐有限公司".into(),
            ..Default::default()
        })
        .unwrap();
    repo.add_contact(
        id,
        &ContactDraft {
            name: "王芳".into(),
            // Two days from the pinned today: inside the three days' lead.
            birthday: Birthday::parse("1990-11-30"),
            ..Default::default()
        },
    )
    .unwrap();
    let config = Config::default();
    let mut state = reading::first_screen(&repo, now(), "demo", config.clone()).unwrap();
    let mut loaded = fieldbook::tui::loader::load(&repo, &config, common::today()).unwrap();
    loaded.care = day_start::care_reminders(&repo, &config, common::today()).unwrap();
    assert!(loaded.care.iter().any(|(c, ..)| *c == id));
    reading::install_all(&mut state, loaded, &mut repo).unwrap();

    let birthday = repo.open_follow_ups(Some(id)).unwrap();
    assert_eq!(birthday.len(), 1, "made once: {birthday:?}");
    assert_eq!(birthday[0].draft.due_on, common::today());
    let fresh = reading::load_with(&repo, now(), "demo", config.clone()).unwrap();
    assert_eq!(shown(&state), shown(&fresh));
    common::assert_same_follow_ups(&state, &fresh);
    assert_eq!(
        day_start::schedule_care(&mut repo, &config, common::today()).unwrap(),
        0,
        "nothing left to make"
    );
}
