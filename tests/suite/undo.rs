//! Undo puts the book back exactly, step by step, and remembers across a restart.

use chrono::{NaiveDate, NaiveDateTime};
use fieldbook::book::ids::CustomerId;
use fieldbook::book::model::{Channel, CustomerDraft, FollowUpDraft, InteractionDraft};
use fieldbook::book::recurrence::Recurrence;
use fieldbook::repository::Repository;

fn now() -> NaiveDateTime {
    "2026-11-28T09:30:00".parse().unwrap()
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Everything a person could see of the book, to compare before and after.
fn snapshot(repo: &Repository) -> String {
    let mut out = String::new();
    for row in repo.customer_rows().unwrap() {
        let c = repo.customer(row.id).unwrap().unwrap();
        out += &format!("{c:?}\n{:?}\n", repo.contacts(row.id).unwrap());
        out += &format!("{:?}\n", repo.history(row.id, 100, 0).unwrap());
    }
    out += &format!("{:?}", repo.open_follow_ups(None).unwrap());
    out
}

fn call(customer_id: CustomerId, summary: &str) -> InteractionDraft {
    InteractionDraft {
        customer_id,
        contact_id: None,
        at: now(),
        channel: Channel::Call,
        summary: summary.into(),
        outcome: None,
    }
}

#[test]
fn every_kind_of_change_is_undone_in_reverse_order() {
    let mut repo = Repository::open_in_memory().unwrap();
    repo.set_clock(now);
    assert_eq!(repo.undo().unwrap(), None, "nothing to undo in a new book");

    let mut states = vec![snapshot(&repo)];
    let id = repo.as_before_the_gate(|repo| {
        repo.add_customer(&CustomerDraft {
            name: "星河科技".into(),
            notes: "it's \"quoted\"\nsecond line \x1b[31m".into(),
            ..Default::default()
        })
        .unwrap()
    });
    states.push(snapshot(&repo));
    let (_, follow) = repo
        .log_interaction(
            &call(id, "报价单已发"),
            Some(&FollowUpDraft {
                customer_id: id,
                due_on: d("2026-11-30"),
                due_time: None,
                task: "check the quote".into(),
                repeat: Recurrence::parse("weekly"),
            }),
        )
        .unwrap();
    states.push(snapshot(&repo));
    let next = repo
        .complete_follow_up(follow.unwrap(), d("2026-11-28"))
        .unwrap()
        .unwrap();
    states.push(snapshot(&repo));
    repo.snooze_follow_up(next, d("2026-12-24")).unwrap();
    states.push(snapshot(&repo));
    let mut edited = repo.customer(id).unwrap().unwrap().draft;
    edited.notes = "replaced".into();
    edited.city = "北京".into();
    repo.update_customer(id, &edited).unwrap();
    states.push(snapshot(&repo));
    repo.set_archived(id, true).unwrap();
    states.push(snapshot(&repo));

    let labels = repo.undo_history(10).unwrap();
    assert_eq!(
        labels,
        [
            "archive customer 星河科技",
            "edit customer 星河科技",
            "snooze: check the quote",
            "done: check the quote",
            "log call with 星河科技",
            "add customer 星河科技",
        ]
    );
    states.pop();
    while let Some(expected) = states.pop() {
        assert!(repo.undo().unwrap().is_some());
        assert_eq!(snapshot(&repo), expected);
    }
    assert_eq!(repo.undo().unwrap(), None);
    assert!(repo.customer_rows().unwrap().is_empty());
}

#[test]
fn the_last_change_can_be_undone_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    let id = {
        let mut repo = Repository::open(&path).unwrap();
        let id = repo
            .add_customer(&CustomerDraft {
                name: "Northwind".into(),
                ..Default::default()
            })
            .unwrap();
        repo.log_interaction(&call(id, "left a message"), None)
            .unwrap();
        id
    };
    let mut repo = Repository::open(&path).unwrap();
    assert_eq!(repo.interaction_count(id).unwrap(), 1);
    assert_eq!(
        repo.undo().unwrap().as_deref(),
        Some("log call with Northwind")
    );
    assert_eq!(repo.interaction_count(id).unwrap(), 0);
    let row = &repo.customer_rows().unwrap()[0];
    assert_eq!(row.last_contact_at, None, "the roll-up follows the undo");
}

#[test]
fn a_failed_write_leaves_no_undo_step() {
    let mut repo = Repository::open_in_memory().unwrap();
    assert!(
        repo.add_customer(&CustomerDraft::default()).is_err(),
        "an empty name is refused"
    );
    let id = repo
        .add_customer(&CustomerDraft {
            name: "Acme".into(),
            ..Default::default()
        })
        .unwrap();
    let bad = FollowUpDraft {
        customer_id: id,
        due_on: d("2026-11-30"),
        due_time: None,
        task: "   ".into(),
        repeat: None,
    };
    assert!(repo.log_interaction(&call(id, "x"), Some(&bad)).is_err());
    assert_eq!(repo.undo_history(10).unwrap(), ["add customer Acme"]);
}
