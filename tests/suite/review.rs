//! Today's review, driven by Actions against the sample book: what it walks, and what each key
//! writes.

use crate::common;

use common::{Sample, now, run, sample_book, today, typed};
use fieldbook::book::ids::CustomerId;
use fieldbook::config::Config;
use fieldbook::repository::Repository;
use fieldbook::tui::action::Action;
use fieldbook::tui::form::FollowUpField;
use fieldbook::tui::review::{Handled, QuickDate, ReviewItem};
use fieldbook::tui::state::{Screen, State};
use fieldbook::tui::update::{reading, reviewing};

fn cadence_30() -> Config {
    let mut config = Config::default();
    config.cadence.unranked = 30;
    config
}

/// The sample book with unranked customers going cold after 30 days, so the hostile-named
/// customer (last contact 60 days ago, its planned follow-up done) is cold while 星河
/// (overdue) and Northwind (due today) have follow-ups.
fn setup() -> (Repository, State, Sample) {
    let (mut repo, sample) = sample_book();
    let planned = repo.open_follow_ups(Some(sample.hostile)).unwrap();
    repo.complete_follow_up(planned[0].id, today()).unwrap();
    let state = reading::load_with(&repo, now(), "test book", cadence_30()).unwrap();
    (repo, state, sample)
}

#[test]
fn a_customer_with_a_follow_up_planned_is_not_going_cold() {
    let (mut repo, _) = sample_book();
    let mut state = reading::load_with(&repo, now(), "test book", cadence_30()).unwrap();
    run(&mut state, &mut repo, [Action::OpenReview]);
    let walked: Vec<CustomerId> = review(&state)
        .items
        .iter()
        .map(|i| i.customer_id())
        .collect();
    assert_eq!(walked.len(), 2, "only the two follow-ups due: {walked:?}");
}

/// The review has the screen and nothing is open over it.
fn on_the_review(state: &State) -> bool {
    matches!(state.screen, Screen::Review(_)) && state.overlay.is_none()
}

fn review(state: &State) -> &fieldbook::tui::review::Review {
    state.review().expect("the review is open")
}

fn open_tasks(repo: &Repository, customer: CustomerId) -> Vec<(String, chrono::NaiveDate)> {
    repo.open_follow_ups(Some(customer))
        .unwrap()
        .into_iter()
        .map(|f| (f.draft.task.into(), f.draft.due_on))
        .collect()
}

fn d(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

#[test]
fn walks_overdue_then_due_today_then_going_cold_with_the_latest_interactions() {
    let (mut repo, mut state, s) = setup();
    assert!(reviewing::anything_due(&state));
    run(&mut state, &mut repo, [Action::OpenReview]);
    assert!(on_the_review(&state));
    let r = review(&state);
    let order: Vec<(bool, CustomerId)> = r
        .items
        .iter()
        .map(|i| (matches!(i, ReviewItem::FollowUp(_)), i.customer_id()))
        .collect();
    assert_eq!(
        order,
        [(true, s.xinghe), (true, s.northwind), (false, s.hostile)]
    );
    assert_eq!(r.customer.as_ref().unwrap().id, s.xinghe);
    assert_eq!(r.recent.len(), 3);
    assert_eq!(
        r.recent[0].draft.summary,
        "电话沟通Q1订单，客户要求下周报价"
    );
    assert_eq!(r.left(), 3);
}

#[test]
fn done_snooze_and_plan_write_the_book_and_move_on() {
    let (mut repo, mut state, s) = setup();
    run(
        &mut state,
        &mut repo,
        [Action::OpenReview, Action::CompleteFollowUp],
    );
    assert!(open_tasks(&repo, s.xinghe).is_empty(), "closed in the book");
    assert_eq!(review(&state).at, 1);
    assert_eq!(review(&state).customer.as_ref().unwrap().id, s.northwind);

    run(&mut state, &mut repo, [Action::SnoozeFollowUp]);
    assert!(review(&state).choosing_date);
    run(
        &mut state,
        &mut repo,
        [Action::QuickSnooze(QuickDate::Tomorrow)],
    );
    assert_eq!(
        open_tasks(&repo, s.northwind),
        [(
            "Call Michael about payment terms".to_string(),
            d("2026-11-29")
        )]
    );

    // The customer going cold has nothing to close: `d` says so and writes nothing.
    run(&mut state, &mut repo, [Action::CompleteFollowUp]);
    assert_eq!(review(&state).at, 2);
    assert!(state.status.as_ref().unwrap().text.contains("going cold"));
    run(
        &mut state,
        &mut repo,
        [
            Action::SnoozeFollowUp,
            Action::QuickSnooze(QuickDate::NextWeek),
        ],
    );
    let planned = open_tasks(&repo, s.hostile);
    assert!(
        planned.contains(&(reviewing::reconnect_task(), d("2026-11-30"))),
        "{planned:?}"
    );
    let r = review(&state);
    assert!(r.is_finished());
    assert_eq!(r.left(), 0);
    assert_eq!(
        r.handled,
        [
            Some(Handled::Done),
            Some(Handled::Snoozed(d("2026-11-29"))),
            Some(Handled::Planned(d("2026-11-30")))
        ]
    );
    run(&mut state, &mut repo, [Action::Back]);
    assert!(state.screen.is_book() && state.overlay.is_none());
    assert!(state.review().is_none());
    assert!(
        !state.follow_ups.keys().iter().any(|f| f.due_on <= today()),
        "the book shows nothing due any more"
    );
}

#[test]
fn logging_from_the_review_closes_the_follow_up_in_the_same_save() {
    let (mut repo, mut state, s) = setup();
    let before = repo.interaction_count(s.xinghe).unwrap();
    run(
        &mut state,
        &mut repo,
        [Action::OpenReview, Action::LogInteraction],
    );
    match state.form() {
        Some(f) => assert!(f.title.contains("closes: 发报价单"), "{}", f.title),
        None => panic!("expected the log form, got {:?}", state.overlay),
    }
    run(&mut state, &mut repo, typed("报价单已发，客户下周回复"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    assert!(on_the_review(&state), "back to the review, not the book");
    assert_eq!(repo.interaction_count(s.xinghe).unwrap(), before + 1);
    assert!(open_tasks(&repo, s.xinghe).is_empty());
    assert_eq!(review(&state).handled[0], Some(Handled::Logged));
    assert_eq!(review(&state).at, 1);
}

#[test]
fn a_typed_snooze_date_and_a_cancelled_form_return_to_the_review() {
    let (mut repo, mut state, s) = setup();
    run(
        &mut state,
        &mut repo,
        [
            Action::OpenReview,
            Action::MoveDown,
            Action::SnoozeFollowUp,
            Action::QuickSnooze(QuickDate::Typed),
        ],
    );
    assert!(state.form().is_some());
    run(&mut state, &mut repo, typed("下周三"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    assert!(on_the_review(&state));
    assert_eq!(open_tasks(&repo, s.northwind)[0].1, d("2026-12-02"));
    assert_eq!(
        review(&state).handled[1],
        Some(Handled::Snoozed(d("2026-12-02")))
    );

    // Next comes the customer going cold: a typed date plans a follow-up, and a bad date
    // keeps the form and what was typed.
    run(
        &mut state,
        &mut repo,
        [
            Action::SnoozeFollowUp,
            Action::QuickSnooze(QuickDate::Typed),
        ],
    );
    run(&mut state, &mut repo, typed("someday"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    match state.form() {
        Some(f) => {
            assert_eq!(f.value(FollowUpField::Due), "someday");
            assert_eq!(f.value(FollowUpField::Task), reviewing::reconnect_task());
            assert!(f.fields.iter().any(|f| f.error.is_some()));
        }
        None => panic!("expected the form to stay, got {:?}", state.overlay),
    }
    run(&mut state, &mut repo, [Action::Back, Action::Answer(true)]);
    assert!(on_the_review(&state), "discarding returns to the review");
}

#[test]
fn skip_keeps_the_item_open_and_enter_jumps_to_the_customer() {
    let (mut repo, mut state, s) = setup();
    run(&mut state, &mut repo, [Action::OpenReview, Action::Skip]);
    assert_eq!(review(&state).handled[0], Some(Handled::Skipped));
    assert_eq!(open_tasks(&repo, s.xinghe).len(), 1, "skip writes nothing");
    run(&mut state, &mut repo, [Action::Open]);
    assert!(state.review().is_none());
    assert_eq!(state.selected_id(), Some(s.northwind));
    assert_eq!(state.focus, fieldbook::tui::action::Pane::History);
}

#[test]
fn a_clear_day_does_not_open_an_empty_review() {
    let (mut repo, _, s) = setup();
    for id in [s.xinghe, s.northwind] {
        let f = repo.open_follow_ups(Some(id)).unwrap();
        repo.complete_follow_up(f[0].id, today()).unwrap();
    }
    let mut state = reading::load(&repo, now(), "test book").unwrap();
    assert!(!reviewing::anything_due(&state));
    run(&mut state, &mut repo, [Action::OpenReview]);
    assert!(state.screen.is_book() && state.overlay.is_none());
    assert!(state.status.as_ref().unwrap().text.contains("clear day"));
}

#[test]
fn too_frequent_contact_is_warned_about_but_written() {
    let (mut repo, mut state, s) = setup();
    state.select_customer(s.northwind);
    reading::load_detail(&mut state, &repo).unwrap();
    // Northwind already has a call planned today; another follow-up tomorrow is too soon.
    run(&mut state, &mut repo, [Action::AddFollowUp]);
    run(&mut state, &mut repo, typed("Send the contract"));
    run(&mut state, &mut repo, [Action::NextField]);
    run(&mut state, &mut repo, typed("tomorrow"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    let status = state.status.clone().unwrap();
    assert!(!status.is_error);
    assert!(status.text.contains("Careful"), "{}", status.text);
    assert!(status.text.contains("within 1 day"), "{}", status.text);
    assert_eq!(
        open_tasks(&repo, s.northwind).len(),
        2,
        "warned, not refused"
    );
}
