//! The call and the morning through the real binary: dates for later lean ahead and a past one
//! asks for --past, a contact still to come is refused, a log closes the follow-up it answers,
//! and `today` lists follow-ups (timed first, with their time) before complaints and going cold.
//! The binary reads the real clock, so dates here are built from it.

use chrono::{Datelike, Days, Local, NaiveDate, NaiveTime};

use crate::common::CliBook as Book;
use fieldbook::book::complaints::{ComplaintDraft, ComplaintStatus, Severity};
use fieldbook::book::ids::CustomerId;
use fieldbook::book::model::{Channel, CustomerDraft, FollowUpDraft, InteractionDraft};
use fieldbook::repository::Repository;

fn today() -> NaiveDate {
    Local::now().date_naive()
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A book with Acme, and what `plan` adds to it.
fn acme(plan: impl FnOnce(&mut Repository, CustomerId)) -> Book {
    let book = Book::new();
    let mut repo = Repository::open(&book.path()).unwrap();
    let id = repo
        .add_customer(&CustomerDraft {
            name: "Acme".into(),
            ..Default::default()
        })
        .unwrap();
    plan(&mut repo, id);
    book
}

fn follow_up(
    repo: &mut Repository,
    customer: CustomerId,
    due: NaiveDate,
    time: Option<u32>,
    task: &str,
) {
    repo.add_follow_up(&FollowUpDraft {
        customer_id: customer,
        due_on: due,
        due_time: time.and_then(|h| NaiveTime::from_hms_opt(h, 0, 0)),
        task: task.into(),
        repeat: None,
    })
    .unwrap();
}

fn interactions(book: &Book) -> i64 {
    Repository::open(&book.path())
        .unwrap()
        .interaction_count(CustomerId(1))
        .unwrap()
}

#[test]
fn a_past_follow_up_is_refused_by_name_until_past_is_given() {
    let book = acme(|_, _| {});
    let (code, _, err) = book.run(&["log", "acme", "called", "--next", "2020-01-05"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("2020-01-05 is "), "{err}");
    assert!(err.contains("days ago: a follow-up is for later"), "{err}");
    assert!(err.contains("add --past to set it anyway"), "{err}");
    assert_eq!(interactions(&book), 0, "nothing written");
    let out = book.ok(&["log", "acme", "called", "--next", "2020-01-05", "--past"]);
    assert!(out.contains("(2020-01-05)"), "{out}");
}

#[test]
fn a_date_without_a_year_is_the_next_one_for_next_and_snooze() {
    let book = acme(|_, _| {});
    let yesterday = today() - Days::new(1);
    let month_day = yesterday.format("%m-%d").to_string();
    let next_year = yesterday
        .with_year(yesterday.year() + 1)
        .unwrap_or(yesterday);
    let out = book.ok(&["log", "acme", "called", "--next", &month_day]);
    assert!(out.contains(&iso(next_year)), "{month_day}: {out}");
    let snoozed = book.ok(&["snooze", "1", "12月31日"]);
    let dec31 = NaiveDate::from_ymd_opt(today().year(), 12, 31).unwrap();
    assert!(snoozed.contains(&iso(dec31)), "{snoozed}");
    let (code, _, err) = book.run(&["snooze", "1", "2020-01-05"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("2020-01-05 is ") && err.contains("--past"),
        "{err}"
    );
    assert!(
        book.ok(&["snooze", "1", "2020-01-05", "--past"])
            .contains("2020-01-05")
    );
}

#[test]
fn a_contact_still_to_come_is_refused_with_the_offer_of_next() {
    let book = acme(|_, _| {});
    let (code, _, err) = book.run(&["log", "acme", "meeting", "--at", "tomorrow 10:00"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("--at: "), "{err}");
    assert!(err.contains("make it a follow-up instead"), "{err}");
    assert!(err.contains("--next \"tomorrow 10:00\""), "{err}");
    assert_eq!(interactions(&book), 0);
}

#[test]
fn a_log_closes_the_earliest_due_follow_up_and_says_which() {
    let book = acme(|repo, id| {
        follow_up(repo, id, today() - Days::new(3), None, "发报价单");
        follow_up(repo, id, today(), None, "call back");
        follow_up(repo, id, today() + Days::new(2), None, "visit");
    });
    let out = book.ok(&["log", "acme", "sent the quote"]);
    assert!(out.contains("closed #1 发报价单 (3d overdue)"), "{out}");
    let kept = book.ok(&["log", "acme", "just chatting", "--closes", "none"]);
    assert!(!kept.contains("closed"), "{kept}");
    let chosen = book.ok(&["log", "acme", "visited", "--closes", "#3"]);
    assert!(chosen.contains("closed #3 visit (in 2d)"), "{chosen}");
    let json: serde_json::Value =
        serde_json::from_str(&book.ok(&["log", "acme", "called back", "--json"])).unwrap();
    assert_eq!(json["closed"], 2);
    let (code, _, err) = book.run(&["log", "acme", "x", "--closes", "soon"]);
    assert_eq!(code, 1, "{err}");
    let (code, _, err) = book.run(&["log", "acme", "x", "--closes", "1"]);
    assert_eq!(code, 1, "already closed: {err}");
    let undo = Repository::open(&book.path())
        .unwrap()
        .undo_history(20)
        .unwrap();
    assert_eq!(
        undo.len(),
        1 + 3 + 4,
        "each log one step, its close included"
    );
}

#[test]
fn today_lists_follow_ups_first_timed_ones_first_then_complaints_then_going_cold() {
    let tomorrow = today() + Days::new(1);
    let book = acme(|repo, id| {
        follow_up(repo, id, tomorrow, None, "untimed task");
        follow_up(repo, id, tomorrow, Some(9), "timed task");
        follow_up(repo, id, today() - Days::new(2), None, "overdue task");
        repo.add_complaint(&ComplaintDraft {
            customer_id: id,
            opened_on: today(),
            what: "late delivery".into(),
            severity: Severity::High,
            status: ComplaintStatus::Open,
            resolved_on: None,
            resolution: String::new(),
            satisfaction: None,
        })
        .unwrap();
        let cold = repo
            .add_customer(&CustomerDraft {
                name: "Quiet Co".into(),
                ..Default::default()
            })
            .unwrap();
        let long_ago = (today() - Days::new(200)).and_hms_opt(10, 0, 0).unwrap();
        let call = InteractionDraft {
            customer_id: cold,
            contact_id: None,
            at: long_ago,
            channel: Channel::Call,
            summary: "last heard of".into(),
            outcome: None,
        };
        repo.log_closing(&call, None, None, None).unwrap();
    });
    let out = book.ok(&["today"]);
    let at = |text: &str| out.find(text).unwrap_or_else(|| panic!("{text}: {out}"));
    assert!(at("Overdue (1)") < at("Next 7 days (2)"), "{out}");
    assert!(at("timed task") < at("untimed task"), "{out}");
    assert!(at("untimed task") < at("Open complaints (1)"), "{out}");
    assert!(at("Open complaints (1)") < at("Going cold (1)"), "{out}");
    assert!(out.contains("tomorrow 09:00"), "{out}");
    let show = book.ok(&["show", "acme"]);
    assert!(show.contains("tomorrow 09:00"), "{show}");
}

/// The follow-up form (tests' clock: Saturday 2026-11-28 10:15) reads its date as the logging
/// service does: the next 5 January, a time of day kept, yesterday refused by name.
#[test]
fn the_follow_up_form_leans_ahead_keeps_a_time_and_refuses_the_past() {
    use crate::common::{self, driving::*};
    use fieldbook::tui::action::Action;
    let mut repo = common::empty_book();
    let id = repo
        .add_customer(&CustomerDraft {
            name: "Acme".into(),
            ..Default::default()
        })
        .unwrap();
    let mut state = common::state_for(&repo);
    let mut plan = |due: &str| {
        run(&mut state, &mut repo, [Action::AddFollowUp]);
        fill(&mut state, &mut repo, "Task", "call");
        fill(&mut state, &mut repo, "Due", due);
        run(&mut state, &mut repo, [Action::SaveForm]);
        let error = state.form().and_then(|f| f.focused().error.clone());
        // A refused form stays open with what was typed; put it away for the next.
        state.overlay = None;
        error
    };
    assert_eq!(plan("01-05"), None);
    assert_eq!(plan("周五下午3点"), None);
    let refused = plan("yesterday").expect("refused");
    assert_eq!(
        refused,
        "2026-11-27 is 1 day ago: a follow-up is for later; Ctrl-S again keeps it"
    );
    let open = repo.open_follow_ups(Some(id)).unwrap();
    let dues: Vec<String> = open
        .iter()
        .map(|f| format!("{} {:?}", f.draft.due_on, f.draft.due_time))
        .collect();
    assert_eq!(dues, ["2026-12-04 Some(15:00:00)", "2027-01-05 None"]);
}

/// At 10:15 a follow-up due at 09:00 today is overdue in the header and the follow-ups pane.
#[test]
fn the_screen_counts_a_follow_up_whose_time_has_passed_as_overdue() {
    use crate::common;
    use ratatui::{Terminal, backend::TestBackend};
    let mut repo = common::empty_book();
    let id = repo
        .add_customer(&CustomerDraft {
            name: "Acme".into(),
            ..Default::default()
        })
        .unwrap();
    follow_up(&mut repo, id, common::today(), Some(9), "morning call");
    follow_up(&mut repo, id, common::today(), None, "any time today");
    let mut state = common::state_for(&repo);
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).unwrap();
    terminal
        .draw(|f| fieldbook::tui::ui::draw(f, &mut state))
        .unwrap();
    let text = terminal.backend().to_string();
    assert!(text.contains("1 overdue · 1 due today"), "{text}");
    assert!(text.contains("overdue 09:00"), "{text}");
}
