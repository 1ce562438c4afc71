use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::*;
use crate::book::model::{Channel, ContactId};
use crate::book::model::{ContactDraft, CustomerDraft};
use crate::book::recurrence::Recurrence;
use crate::book::recurrence::{Basis, Unit};

fn now() -> NaiveDateTime {
    "2026-11-28T10:15:00".parse().unwrap()
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

struct Book {
    repo: Repository,
    acme: CustomerId,
    other: CustomerId,
    michael: ContactId,
}

fn book() -> Book {
    let mut repo = Repository::open_in_memory().unwrap();
    repo.set_clock(now);
    let customer = |repo: &mut Repository, name: &str| {
        repo.add_customer(&CustomerDraft {
            name: name.into(),
            ..Default::default()
        })
        .unwrap()
    };
    let acme = customer(&mut repo, "Acme");
    let other = customer(&mut repo, "Other");
    let person = |repo: &mut Repository, name: &str| {
        repo.add_contact(
            acme,
            &ContactDraft {
                name: name.into(),
                ..Default::default()
            },
        )
        .unwrap()
    };
    let michael = person(&mut repo, "Michael Chen");
    person(&mut repo, "Michael Chen Jr");
    person(&mut repo, "张伟");
    Book {
        repo,
        acme,
        other,
        michael,
    }
}

fn request(book: &Book, summary: &str) -> LogRequest {
    LogRequest {
        customer_id: book.acme,
        summary: summary.into(),
        ..Default::default()
    }
}

fn due(text: &str) -> Option<FollowUpRequest> {
    Some(FollowUpRequest {
        due: Some(text.into()),
        ..Default::default()
    })
}

fn check(book: &Book, request: &LogRequest) -> std::result::Result<PreparedLog, FieldErrors> {
    check_with(book, request, &Config::default())
}

fn check_with(
    book: &Book,
    request: &LogRequest,
    config: &Config,
) -> std::result::Result<PreparedLog, FieldErrors> {
    validate(request, &book.repo, config, now()).unwrap()
}

fn fields(errors: &FieldErrors) -> Vec<LogField> {
    errors.iter().map(|(f, _)| f).collect()
}

#[test]
fn every_bad_field_is_named_with_its_own_message() {
    let b = book();
    let r = LogRequest {
        summary: "  ".into(),
        channel: "pigeon".into(),
        outcome: Some("no_such_outcome".into()),
        with: Some("nobody".into()),
        when: "the other day".into(),
        follow_up: Some(FollowUpRequest {
            due: Some("someday".into()),
            task: String::new(),
            repeat: "now and then".into(),
            past_ok: false,
        }),
        satisfaction: Some(9),
        ..request(&b, "")
    };
    let errors = check(&b, &r).unwrap_err();
    assert_eq!(
        fields(&errors),
        [
            LogField::Summary,
            LogField::Channel,
            LogField::Outcome,
            LogField::With,
            LogField::When,
            LogField::FollowUpDate,
            LogField::Repeat,
            LogField::Satisfaction,
        ]
    );
    let date = errors.get(LogField::FollowUpDate).unwrap();
    assert!(date.contains("can't read \"someday\" as a date"), "{date}");
    let outcome = errors.get(LogField::Outcome).unwrap();
    assert!(outcome.contains("quote_sent"), "lists the keys: {outcome}");
    assert!(errors.get(LogField::With).unwrap().contains("nobody"));
    assert!(errors.get(LogField::Repeat).unwrap().contains("weekly"));
}

#[test]
fn a_task_or_repeat_without_a_date_asks_when() {
    let b = book();
    let r = LogRequest {
        follow_up: Some(FollowUpRequest {
            due: Some(String::new()),
            task: "send the quote".into(),
            repeat: String::new(),
            past_ok: false,
        }),
        ..request(&b, "called")
    };
    let errors = check(&b, &r).unwrap_err();
    assert_eq!(fields(&errors), [LogField::FollowUpDate]);
    let nothing_typed = LogRequest {
        follow_up: due(""),
        ..request(&b, "called")
    };
    assert_eq!(check(&b, &nothing_typed).unwrap().follow_up, None);
}

#[test]
fn with_matches_a_whole_name_in_any_case_or_a_part_only_one_name_has() {
    let b = book();
    let contact = |name: &str| {
        let r = LogRequest {
            with: Some(name.into()),
            ..request(&b, "hello")
        };
        check(&b, &r).map(|p| p.interaction.contact_id)
    };
    // Both "Michael Chen" and "Michael Chen Jr" contain it: only the whole name decides.
    assert_eq!(contact("michael chen"), Ok(Some(b.michael)));
    assert_eq!(contact("  MICHAEL CHEN "), Ok(Some(b.michael)));
    assert!(contact("jr").unwrap().is_some());
    assert!(contact("张").unwrap().is_some());
    assert!(contact("michael").is_err(), "two people contain it");
    assert!(contact("nobody").is_err());
    assert_eq!(contact("  "), Ok(None), "blank is nobody in particular");
}

#[test]
fn the_outcome_is_found_by_key_and_proposes_the_next_step() {
    let b = book();
    let r = LogRequest {
        outcome: Some("quote_sent".into()),
        follow_up: Some(FollowUpRequest::default()),
        ..request(&b, "sent the quote\nfor 200 units")
    };
    let p = check(&b, &r).unwrap();
    assert_eq!(p.interaction.outcome.as_deref(), Some("quote_sent"));
    let f = p.follow_up.unwrap();
    assert_eq!(f.due_on, d("2026-12-01"), "+3d");
    assert_eq!(f.task, "Chase the quote");
    let none_proposed = LogRequest {
        outcome: Some("meeting_booked".into()),
        follow_up: Some(FollowUpRequest::default()),
        ..request(&b, "booked")
    };
    assert_eq!(check(&b, &none_proposed).unwrap().follow_up, None);
}

#[test]
fn the_task_is_what_was_typed_else_the_outcomes_else_the_summary() {
    let b = book();
    let task = |outcome: Option<&str>, typed: &str| {
        let r = LogRequest {
            outcome: outcome.map(Into::into),
            follow_up: Some(FollowUpRequest {
                due: Some("fri".into()),
                task: typed.into(),
                repeat: String::new(),
                past_ok: false,
            }),
            ..request(&b, "电话沟通Q1订单\n客户要求下周报价")
        };
        check(&b, &r).unwrap().follow_up.unwrap().task
    };
    assert_eq!(task(Some("quote_sent"), " 发报价单 "), "发报价单");
    assert_eq!(task(Some("quote_sent"), ""), "Chase the quote");
    assert_eq!(
        task(Some("meeting_booked"), ""),
        "Follow up: 电话沟通Q1订单"
    );
    assert_eq!(task(None, ""), "Follow up: 电话沟通Q1订单");
}

#[test]
fn a_follow_up_keeps_its_time_of_day_and_its_repeat() {
    let b = book();
    let r = LogRequest {
        channel: "Visit".into(),
        when: "yesterday 14:30".into(),
        follow_up: Some(FollowUpRequest {
            due: Some("fri 10:00".into()),
            task: String::new(),
            repeat: "monthly after done".into(),
            past_ok: false,
        }),
        ..request(&b, "visited")
    };
    let p = check(&b, &r).unwrap();
    assert_eq!(p.interaction.channel, Channel::Visit);
    assert_eq!(
        p.interaction.at,
        d("2026-11-27").and_hms_opt(14, 30, 0).unwrap()
    );
    let f = p.follow_up.unwrap();
    assert_eq!(f.due_on, d("2026-12-04"));
    assert_eq!(f.due_time, NaiveTime::from_hms_opt(10, 0, 0));
    assert_eq!(
        f.repeat,
        Some(Recurrence {
            every: 1,
            unit: Unit::Month,
            basis: Basis::Done,
        })
    );
    let plain = check(&b, &request(&b, "called")).unwrap();
    assert_eq!(plain.interaction.at, now(), "empty When is now");
    assert_eq!(plain.interaction.channel, Channel::Call);
}

#[test]
fn each_warning_is_given_once() {
    let mut b = book();
    b.repo
        .add_follow_up(&FollowUpDraft {
            customer_id: b.acme,
            due_on: d("2026-11-29"),
            due_time: None,
            task: "visit".into(),
            repeat: None,
        })
        .unwrap();
    let mut config = Config::default();
    config.frequency.min_days_between = 3;
    config.frequency.max_per_30_days = 0;
    // The contact today and its follow-up the day after tomorrow are both close to the 29th:
    // the same warning from two dates is shown once.
    let r = LogRequest {
        follow_up: due("2026-11-30"),
        ..request(&b, "called")
    };
    let p = check_with(&b, &r, &config).unwrap();
    assert_eq!(p.warnings.len(), 1, "{:?}", p.warnings);
    let said = p.warnings[0].to_string();
    assert!(said.contains("within 1 day"), "{said}");
}

#[test]
fn closing_leaves_that_plan_out_of_the_warnings_and_commits_in_one_step() {
    let mut b = book();
    let plan = b
        .repo
        .add_follow_up(&FollowUpDraft {
            customer_id: b.acme,
            due_on: d("2026-11-28"),
            due_time: None,
            task: "call back".into(),
            repeat: None,
        })
        .unwrap();
    let r = LogRequest {
        closes: Closes::This(plan),
        follow_up: due("+7d"),
        satisfaction: Some(4),
        ..request(&b, "called back")
    };
    let p = check(&b, &r).unwrap();
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    let before = b.repo.undo_history(10).unwrap().len();
    let done = p.commit(&mut b.repo).unwrap();
    assert_eq!(b.repo.undo_history(10).unwrap().len(), before + 1);
    assert!(b.repo.follow_up(plan).unwrap().done_at.is_some());
    let next = b.repo.follow_up(done.follow_up_id.unwrap()).unwrap();
    assert_eq!(next.interaction_id, Some(done.interaction_id));
    assert_eq!(b.repo.satisfaction_scores(b.acme).unwrap().len(), 1);

    let again = check(&b, &r).unwrap_err();
    assert_eq!(fields(&again), [LogField::Closes], "already done");
    let theirs = LogRequest {
        customer_id: b.other,
        ..r
    };
    assert!(check(&b, &theirs).is_err(), "another customer's follow-up");
}

#[test]
fn a_follow_up_without_a_year_is_the_next_one_and_a_past_one_asks_first() {
    let b = book();
    let on = |text: &str| {
        let r = LogRequest {
            follow_up: due(text),
            ..request(&b, "called")
        };
        check(&b, &r).map(|p| p.follow_up.unwrap().due_on)
    };
    assert_eq!(on("01-05"), Ok(d("2027-01-05")), "next January, not last");
    assert_eq!(on("1月5日"), Ok(d("2027-01-05")));
    let past = on("2026-01-05").unwrap_err();
    assert_eq!(
        past.get(LogField::FollowUpDate),
        Some("2026-01-05 is 327 days ago: a follow-up is for later")
    );
    assert_eq!(
        past.remedy(LogField::FollowUpDate),
        Some(Remedy::ConfirmPast)
    );
    let confirmed = LogRequest {
        follow_up: Some(FollowUpRequest {
            due: Some("2026-01-05".into()),
            past_ok: true,
            ..Default::default()
        }),
        ..request(&b, "called")
    };
    let f = check(&b, &confirmed).unwrap().follow_up.unwrap();
    assert_eq!(f.due_on, d("2026-01-05"));
    // Now is 10:15: an hour ago today is past too, later today is not.
    assert!(on("today 9:00").is_err());
    assert_eq!(on("today 15:00"), Ok(d("2026-11-28")));
}

#[test]
fn a_contact_still_to_come_is_refused_with_the_offer_of_a_follow_up() {
    let b = book();
    let at = |when: &str| {
        let r = LogRequest {
            when: when.into(),
            ..request(&b, "called")
        };
        check(&b, &r).map(|p| p.interaction.at)
    };
    let errors = at("tomorrow 9:00").unwrap_err();
    let message = errors.get(LogField::When).unwrap();
    assert!(message.contains("2026-11-29 09:00"), "{message}");
    assert!(message.contains("make it a follow-up"), "{message}");
    assert_eq!(errors.remedy(LogField::When), Some(Remedy::MakeFollowUp));
    assert!(at("10:40").is_err(), "25 minutes ahead");
    assert_eq!(
        at("10:20"),
        Ok(d("2026-11-28").and_hms_opt(10, 20, 0).unwrap()),
        "a few minutes ahead is a clock running fast"
    );
    assert_eq!(
        at("12-01"),
        Ok(d("2025-12-01").and_hms_opt(9, 0, 0).unwrap())
    );
}

#[test]
fn a_log_closes_the_earliest_due_follow_up_unless_told_otherwise() {
    let mut b = book();
    let plan = |repo: &mut Repository, customer, due: &str, task: &str| {
        repo.add_follow_up(&FollowUpDraft {
            customer_id: customer,
            due_on: d(due),
            due_time: None,
            task: task.into(),
            repeat: None,
        })
        .unwrap()
    };
    let later = plan(&mut b.repo, b.acme, "2026-12-01", "not yet");
    let today = plan(&mut b.repo, b.acme, "2026-11-28", "today's");
    let overdue = plan(&mut b.repo, b.acme, "2026-11-25", "发报价单");
    plan(&mut b.repo, b.other, "2026-11-20", "someone else's");
    let closes = |b: &Book, closes| {
        let r = LogRequest {
            closes,
            ..request(b, "called")
        };
        check(b, &r).unwrap().closes.map(|f| f.id)
    };
    assert_eq!(closes(&b, Closes::EarliestDue), Some(overdue));
    assert_eq!(closes(&b, Closes::Nothing), None);
    assert_eq!(closes(&b, Closes::This(today)), Some(today));
    let p = check(&b, &request(&b, "called")).unwrap();
    let before = b.repo.undo_history(10).unwrap().len();
    p.commit(&mut b.repo).unwrap();
    assert_eq!(b.repo.undo_history(10).unwrap().len(), before + 1);
    assert!(b.repo.follow_up(overdue).unwrap().done_at.is_some());
    assert_eq!(closes(&b, Closes::EarliestDue), Some(today));
    b.repo.complete_follow_up(today, d("2026-11-28")).unwrap();
    assert_eq!(closes(&b, Closes::EarliestDue), None, "{later} is not due");
}
