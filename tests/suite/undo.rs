//! Undo puts the book back exactly, step by step, and remembers across a restart.

use chrono::{NaiveDate, NaiveDateTime};
use fieldbook::book::ids::CustomerId;
use fieldbook::book::model::{Channel, CustomerDraft, FollowUpDraft, InteractionDraft};
use fieldbook::book::recurrence::Recurrence;
use fieldbook::repository::Repository;

use crate::common::customer;

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

/// Every row of every table but the undo log's own, as a string to compare exactly.
fn rows(repo: &Repository) -> String {
    format!("{:?}", repo.book_tables().unwrap())
}

#[test]
fn redo_puts_back_exactly_the_rows_each_undo_took_away() {
    let mut repo = Repository::open_in_memory().unwrap();
    repo.set_clock(now);
    assert_eq!(repo.redo().unwrap(), None, "nothing to redo in a new book");
    let mut states = vec![rows(&repo)];
    let id = repo
        .add_customer(&CustomerDraft {
            name: "星河科技".into(),
            city: "北京".into(),
            ..Default::default()
        })
        .unwrap();
    states.push(rows(&repo));
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
    states.push(rows(&repo));
    repo.complete_follow_up(follow.unwrap(), d("2026-11-28"))
        .unwrap();
    states.push(rows(&repo));
    let mut edited = repo.customer(id).unwrap().unwrap().draft;
    edited.notes = "prefers WeChat".into();
    repo.update_customer(id, &edited).unwrap();
    states.push(rows(&repo));

    // All the way down, then all the way up again: each state comes back as it was.
    for expected in states.iter().rev().skip(1) {
        assert!(repo.undo().unwrap().is_some());
        assert_eq!(&rows(&repo), expected);
    }
    assert_eq!(repo.undo().unwrap(), None);
    for expected in states.iter().skip(1) {
        assert!(repo.redo().unwrap().is_some());
        assert_eq!(&rows(&repo), expected, "redo restores the exact rows");
    }
    assert_eq!(repo.redo().unwrap(), None, "everything undone was redone");
    assert_eq!(
        repo.undo().unwrap().as_deref(),
        Some("edit customer 星河科技"),
        "a redone change can be undone again"
    );
    assert_eq!(
        repo.redo().unwrap().as_deref(),
        Some("edit customer 星河科技")
    );
    assert_eq!(rows(&repo), states[4]);
}

#[test]
fn a_new_change_empties_the_redo_stack() {
    let mut repo = Repository::open_in_memory().unwrap();
    repo.set_clock(now);
    let id = repo.add_customer(&customer("Acme")).unwrap();
    repo.log_interaction(&call(id, "first call"), None).unwrap();
    assert_eq!(repo.undo().unwrap().as_deref(), Some("log call with Acme"));
    let waiting = repo
        .next_redo()
        .unwrap()
        .expect("the undone log waits for U");
    assert_eq!(waiting.label, "log call with Acme");
    assert!(waiting.redo && waiting.this_run);

    repo.log_interaction(&call(id, "second call"), None)
        .unwrap();
    assert_eq!(repo.next_redo().unwrap(), None, "a new write clears redo");
    assert_eq!(repo.redo().unwrap(), None);
    let summaries: Vec<String> = repo
        .history(id, 10, 0)
        .unwrap()
        .into_iter()
        .map(|i| i.draft.summary)
        .collect();
    assert_eq!(summaries, ["second call"]);
    assert_eq!(
        repo.undo_history(10).unwrap(),
        ["log call with Acme", "add customer Acme"],
        "undo's own records never show as changes to undo"
    );
}

#[test]
fn a_step_knows_whether_this_run_made_it_and_redo_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    {
        let mut repo = Repository::open(&path).unwrap();
        repo.set_clock(now);
        repo.add_customer(&customer("Northwind")).unwrap();
        repo.add_customer(&customer("Bluefin")).unwrap();
        let step = repo.next_undo().unwrap().unwrap();
        assert_eq!(step.label, "add customer Bluefin");
        assert_eq!((step.at, step.this_run, step.redo), (now(), true, false));
        repo.undo().unwrap();
    }
    let mut repo = Repository::open(&path).unwrap();
    let before = repo.next_undo().unwrap().unwrap();
    assert_eq!(before.label, "add customer Northwind");
    assert!(!before.this_run, "made before this run");
    let redo = repo.next_redo().unwrap().expect("redo is kept in the book");
    assert!(!redo.this_run);
    repo.reverse(&redo).unwrap();
    assert_eq!(repo.customer_rows().unwrap().len(), 2);
    let again = repo.next_undo().unwrap().unwrap();
    assert_eq!(again.label, "add customer Bluefin");
    assert!(again.this_run, "redone in this run");
    assert!(
        repo.reverse(&before).is_err(),
        "a step that is no longer the newest is never reversed"
    );
    assert_eq!(repo.customer_rows().unwrap().len(), 2);
}

/// Books of every earlier version get the redo stack empty and their undo steps as made
/// before this run; undo and redo then work on them.
#[test]
fn redo_comes_to_books_of_every_earlier_version() {
    use fieldbook::repository::{LATEST_VERSION, MIGRATIONS};
    for from in 0..LATEST_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("book.sqlite3");
        {
            let conn = rusqlite::Connection::open(&path).unwrap();
            fieldbook::repository::notes::register(&conn).unwrap();
            for sql in &MIGRATIONS[..from as usize] {
                conn.execute_batch(sql).unwrap();
            }
            conn.pragma_update(None, "user_version", from).unwrap();
            if from >= 7 {
                // A customer added, and its undo step, as version 7 wrote them.
                conn.execute_batch(
                    "INSERT INTO customer (id, name, created_at, updated_at)
                       VALUES (1, 'Old Co', '2026-11-01T09:00:00', '2026-11-01T09:00:00');
                     INSERT INTO undo_step (id, label, at)
                       VALUES (1, 'add customer Old Co', '2026-11-01T09:00:00');
                     INSERT INTO undo_log (step, tbl, change, row_id, old)
                       VALUES (1, 'customer', 'insert', 1, NULL);",
                )
                .unwrap();
            }
        }
        let mut repo = Repository::open(&path).unwrap();
        assert_eq!(repo.schema_version().unwrap(), LATEST_VERSION);
        assert_eq!(repo.next_redo().unwrap(), None, "from version {from}");
        if from >= 7 {
            let old = repo.next_undo().unwrap().unwrap();
            assert_eq!(old.label, "add customer Old Co");
            assert!(!old.this_run, "from version {from}: made before this run");
            repo.reverse(&old).unwrap();
            assert!(repo.customer_rows().unwrap().is_empty());
            assert_eq!(repo.redo().unwrap().as_deref(), Some("add customer Old Co"));
            assert_eq!(repo.customer_rows().unwrap()[0].name, "Old Co");
        }
        repo.add_customer(&customer("New Co")).unwrap();
        assert_eq!(repo.undo().unwrap().as_deref(), Some("add customer New Co"));
        assert_eq!(repo.redo().unwrap().as_deref(), Some("add customer New Co"));
        assert!(
            names_of(&repo).contains(&"New Co".to_string()),
            "from version {from}"
        );
    }
}

fn names_of(repo: &Repository) -> Vec<String> {
    repo.customer_rows()
        .unwrap()
        .into_iter()
        .map(|r| r.name.into())
        .collect()
}
