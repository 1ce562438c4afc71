//! Today's review keeps its place for the day: leaving it and coming back resumes it with its
//! marks, the book's changes meanwhile show, and the customers going cold it walks are today's
//! most valuable few, never the lost or the already planned.

use crate::common;

use chrono::{NaiveDate, NaiveDateTime};
use common::{Sample, now, run, sample_book, today, typed};
use fieldbook::book::deals::{DealDraft, DealStage};
use fieldbook::book::model::{CustomerDraft, CustomerId, FollowUpDraft, Stage, Tier};
use fieldbook::config::Config;
use fieldbook::repository::Repository;
use fieldbook::services::morning;
use fieldbook::tui::action::{Action, Pane};
use fieldbook::tui::review::{Handled, Review, ReviewItem};
use fieldbook::tui::state::State;
use fieldbook::tui::update::reading;

/// The sample book as the review tests see it: 星河 overdue, Northwind due today, then the
/// hostile-named customer going cold (its planned follow-up done).
fn setup() -> (Repository, State, Sample) {
    let (mut repo, sample) = sample_book();
    let planned = repo.open_follow_ups(Some(sample.hostile)).unwrap();
    repo.complete_follow_up(planned[0].id, today()).unwrap();
    let mut config = Config::default();
    config.cadence.unranked = 30;
    let state = reading::load_with(&repo, now(), "test book", config).unwrap();
    (repo, state, sample)
}

fn review(state: &State) -> &Review {
    state.review().expect("the review is open")
}

fn status(state: &State) -> String {
    state
        .status
        .as_ref()
        .map_or(String::new(), |s| s.text.clone())
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn the_review_resumes_after_esc_at_the_same_item_with_its_marks() {
    let (mut repo, mut state, s) = setup();
    run(
        &mut state,
        &mut repo,
        [Action::OpenReview, Action::CompleteFollowUp, Action::Skip],
    );
    assert_eq!(review(&state).at, 2);
    run(&mut state, &mut repo, [Action::Back]);
    assert!(state.screen.is_book() && state.review().is_none());

    run(&mut state, &mut repo, [Action::OpenReview]);
    let r = review(&state);
    assert_eq!(r.at, 2, "where it was left");
    assert_eq!(
        r.handled,
        [Some(Handled::Done), Some(Handled::Skipped), None]
    );
    assert_eq!(r.customer.as_ref().map(|c| c.id), Some(s.hostile));
    assert_eq!(status(&state), "review resumed at 3 of 3");
}

#[test]
fn the_review_resumes_after_enter_then_t() {
    let (mut repo, mut state, s) = setup();
    run(
        &mut state,
        &mut repo,
        [Action::OpenReview, Action::Skip, Action::Open],
    );
    assert_eq!(state.selected_id(), Some(s.northwind), "Enter opened it");
    run(&mut state, &mut repo, [Action::OpenReview]);
    let r = review(&state);
    assert_eq!(r.at, 1, "back on the customer that was opened");
    assert_eq!(r.handled, [Some(Handled::Skipped), None, None]);
    assert_eq!(r.items.len(), 3, "the same list, not rebuilt");
}

#[test]
fn what_was_done_in_the_book_meanwhile_shows_in_the_resumed_review() {
    let (mut repo, mut state, s) = setup();
    run(
        &mut state,
        &mut repo,
        [Action::OpenReview, Action::Skip, Action::Skip, Action::Back],
    );
    // Another fieldbook closes 星河's follow-up...
    let xinghe = repo.open_follow_ups(Some(s.xinghe)).unwrap();
    repo.complete_follow_up(xinghe[0].id, today()).unwrap();
    run(&mut state, &mut repo, [Action::BookChanged]);
    // ...and here a call with the customer going cold is logged from the book.
    assert!(state.select_customer(s.hostile));
    reading::load_detail(&mut state, &repo).unwrap();
    run(&mut state, &mut repo, [Action::FocusPane(Pane::History)]);
    run(&mut state, &mut repo, [Action::LogInteraction]);
    run(&mut state, &mut repo, typed("called back, all fine"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    assert!(state.overlay.is_none(), "{:?}", state.overlay);

    run(&mut state, &mut repo, [Action::OpenReview]);
    let r = review(&state);
    assert_eq!(
        r.handled,
        [
            Some(Handled::Done),
            Some(Handled::Skipped),
            Some(Handled::Logged)
        ],
        "done elsewhere reads done; the skip stays a skip"
    );
    assert_eq!(r.at, 2);
}

#[test]
fn a_follow_up_moved_by_another_fieldbook_shows_snoozed_in_the_open_review() {
    let (mut repo, mut state, s) = setup();
    run(&mut state, &mut repo, [Action::OpenReview]);
    let northwind = repo.open_follow_ups(Some(s.northwind)).unwrap();
    repo.snooze_follow_up(northwind[0].id, d("2026-12-01"))
        .unwrap();
    run(&mut state, &mut repo, [Action::BookChanged]);
    let r = review(&state);
    assert_eq!(r.handled[1], Some(Handled::Snoozed(d("2026-12-01"))));
    assert_eq!(r.at, 0, "the item on screen stays");
}

#[test]
fn a_new_day_starts_the_review_afresh() {
    let (mut repo, mut state, _) = setup();
    run(
        &mut state,
        &mut repo,
        [Action::OpenReview, Action::Skip, Action::Skip, Action::Back],
    );
    let tomorrow: NaiveDateTime = "2026-11-29T08:00:00".parse().unwrap();
    state.now = tomorrow;
    state.today = tomorrow.date();
    run(&mut state, &mut repo, [Action::OpenReview]);
    let r = review(&state);
    assert_eq!((r.day, r.at), (tomorrow.date(), 0));
    assert!(r.handled.iter().all(Option::is_none), "{:?}", r.handled);
    assert!(!status(&state).contains("resumed"));
}

/// Six customers silent since June, on hand-set tiers: who goes cold, who is worth a call.
fn cold_book() -> (Repository, Vec<CustomerId>) {
    fn june() -> NaiveDateTime {
        "2026-06-01T09:00:00".parse().unwrap()
    }
    let mut repo = Repository::open_in_memory().unwrap();
    repo.set_clock(june);
    let mut add = |name: &str, tier: Option<Tier>, stage: Option<Stage>| {
        repo.add_customer(&CustomerDraft {
            name: name.into(),
            tier,
            stage,
            ..Default::default()
        })
        .unwrap()
    };
    let ids = vec![
        add("Unranked", None, None),
        add("C quiet", Some(Tier::C), None),
        add("B quiet", Some(Tier::B), None),
        add("B with a deal", Some(Tier::B), None),
        add("A quiet", Some(Tier::A), None),
        add("A lost", Some(Tier::A), Some(Stage::Lost)),
        add("A planned", Some(Tier::A), None),
    ];
    repo.add_deal(&DealDraft {
        customer_id: ids[3],
        title: "second line".into(),
        amount: 500_000,
        currency: "CNY".into(),
        stage: DealStage::Proposal,
        expected_close: Some(d("2026-12-20")),
        closed_on: None,
    })
    .unwrap();
    repo.add_follow_up(&FollowUpDraft {
        customer_id: ids[6],
        due_on: d("2026-12-03"),
        due_time: None,
        task: "visit".into(),
        repeat: None,
    })
    .unwrap();
    (repo, ids)
}

fn cold_walk(state: &State) -> Vec<CustomerId> {
    review(state)
        .items
        .iter()
        .filter(|i| matches!(i, ReviewItem::Cold(_)))
        .map(ReviewItem::customer_id)
        .collect()
}

#[test]
fn the_cold_list_is_capped_ranked_by_worth_and_without_planned_or_lost_customers() {
    let (mut repo, ids) = cold_book();
    let mut config = Config {
        review_cold_per_day: 3,
        ..Config::default()
    };
    let mut state = reading::load_with(&repo, now(), "cold", config.clone()).unwrap();
    run(&mut state, &mut repo, [Action::OpenReview]);
    assert_eq!(
        cold_walk(&state),
        [ids[4], ids[3], ids[2]],
        "A, B with a deal, B"
    );
    let everyone_cold = morning::read_whole_book(&repo, &config, now(), 0)
        .unwrap()
        .agenda
        .cold
        .len();
    assert_eq!(everyone_cold, 5, "all but the lost and the planned");
    assert_eq!(review(&state).cold_total, everyone_cold, "counted in full");

    config.review_cold_per_day = 10;
    let mut state = reading::load_with(&repo, now(), "cold", config).unwrap();
    run(&mut state, &mut repo, [Action::OpenReview]);
    let walked = cold_walk(&state);
    assert_eq!(walked, [ids[4], ids[3], ids[2], ids[1], ids[0]]);
    assert!(!walked.contains(&ids[5]) && !walked.contains(&ids[6]));

    let mut state = reading::load_with(
        &repo,
        now(),
        "cold",
        Config {
            review_cold_per_day: 0,
            ..Config::default()
        },
    )
    .unwrap();
    run(&mut state, &mut repo, [Action::OpenReview]);
    assert!(state.review().is_none(), "nothing to walk");
    assert_eq!(
        status(&state),
        "nothing due; 5 going cold, and review_cold_per_day = 0 leaves them out"
    );
}

#[test]
fn a_review_opened_while_the_book_loads_gets_its_going_cold_part_once_it_is_in() {
    use fieldbook::tui::loader;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    let mut repo = Repository::open(&path).unwrap();
    fieldbook::demo::generate(
        &mut repo,
        fieldbook::demo::DemoSize::with_customers(300),
        now(),
    )
    .unwrap();
    let config = Config::default();
    let mut state = reading::first_screen(&repo, now(), "demo", config.clone()).unwrap();
    run(&mut state, &mut repo, [Action::OpenReview, Action::Skip]);
    assert!(
        cold_walk(&state).is_empty(),
        "not chosen from a part of the book"
    );
    let loaded = loader::load(&Repository::open_reader(&path).unwrap(), &config, today()).unwrap();
    reading::install(&mut state, loaded, &repo).unwrap();
    assert_eq!(cold_walk(&state).len(), 10);
    let r = review(&state);
    assert_eq!(
        (r.at, r.handled[0]),
        (1, Some(Handled::Skipped)),
        "still in place"
    );
    assert!(r.cold_total > 10);
}

#[test]
fn j_skips_the_rest_of_the_going_cold_list() {
    let (mut repo, _) = cold_book();
    let mut state = reading::load_with(&repo, now(), "cold", Config::default()).unwrap();
    run(
        &mut state,
        &mut repo,
        [Action::OpenReview, Action::Skip, Action::SkipGoingCold],
    );
    let r = review(&state);
    assert!(r.is_finished(), "past the going-cold part: the summary");
    assert!(r.handled.iter().all(|h| *h == Some(Handled::Skipped)));
    assert_eq!(status(&state), "4 customers going cold skipped for today");
    // Nothing was written: they are still going cold, for tomorrow.
    assert_eq!(
        morning::read_whole_book(&repo, &Config::default(), now(), 0)
            .unwrap()
            .agenda
            .cold
            .len(),
        5
    );
}
