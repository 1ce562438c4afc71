//! The repository on real books: every query and write, roll-ups, migrations, file safety.

use chrono::{NaiveDate, NaiveDateTime};
use fieldbook::book::ids::{CustomerId, FollowUpId};
use fieldbook::book::model::{
    Birthday, Channel, ContactDraft, CustomerDraft, CustomerKind, FollowUpDraft, InteractionDraft,
    Stage, Tier,
};
use fieldbook::repository::{BookError, LATEST_VERSION, Repository};

fn dt(s: &str) -> NaiveDateTime {
    s.parse().unwrap()
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn fixed_now() -> NaiveDateTime {
    dt("2026-11-28T09:30:00")
}

fn book() -> Repository {
    let mut repo = Repository::open_in_memory().unwrap();
    repo.set_clock(fixed_now);
    repo
}

fn customer(name: &str) -> CustomerDraft {
    CustomerDraft {
        name: name.into(),
        ..Default::default()
    }
}

fn call(customer_id: CustomerId, at: &str, summary: &str) -> InteractionDraft {
    InteractionDraft {
        customer_id,
        contact_id: None,
        at: dt(at),
        channel: Channel::Call,
        summary: summary.into(),
        outcome: None,
    }
}

fn follow_up(customer_id: CustomerId, due: &str, task: &str) -> FollowUpDraft {
    FollowUpDraft {
        customer_id,
        due_on: d(due),
        due_time: None,
        task: task.into(),
        repeat: None,
    }
}

#[test]
fn a_customer_round_trips_every_field() {
    let mut repo = book();
    let draft = CustomerDraft {
        name: "北京星河科技有限公司".into(),
        kind: Some(CustomerKind::Company),
        industry: "软件".into(),
        city: "北京".into(),
        address: "海淀区中关村大街1号".into(),
        phone: "010-62345678".into(),
        email: "info@xhtech.example".into(),
        wechat: "xinghe_tech".into(),
        website: "https://xhtech.example".into(),
        tags: vec!["重点客户".into(), "vip".into()],
        tier: Some(Tier::A),
        stage: Some(Stage::Repeat),
        lead_source: "展会".into(),
        birthday: Birthday::parse("--04-15"),
        notes: "喜欢喝茶\n周一上午不方便".into(),
        cadence_days: Some(14),
    };
    let id = repo.add_customer(&draft).unwrap();
    let got = repo.customer(id).unwrap().unwrap();
    assert_eq!(got.draft, draft);
    assert_eq!(got.created_at, fixed_now());
    assert!(!got.archived);
    assert_eq!(got.last_contact_at, None);

    let mut edited = draft.clone();
    edited.name = "北京星河科技".into();
    edited.tier = None;
    edited.tags = vec![];
    repo.update_customer(id, &edited).unwrap();
    assert_eq!(repo.customer(id).unwrap().unwrap().draft, edited);
}

#[test]
fn an_empty_name_is_refused_and_nothing_is_written() {
    let mut repo = book();
    let err = repo.add_customer(&customer("   ")).unwrap_err();
    assert!(err.to_string().contains("name"), "{err}");
    assert_eq!(repo.customer_count().unwrap(), 0);
    let id = repo.add_customer(&customer("Acme")).unwrap();
    assert!(repo.update_customer(id, &customer("")).is_err());
    assert_eq!(repo.customer(id).unwrap().unwrap().draft.name, "Acme");
    assert!(
        repo.update_customer(CustomerId(9999), &customer("Ghost"))
            .is_err()
    );
}

#[test]
fn list_rows_carry_people_and_hide_archived() {
    let mut repo = book();
    let a = repo
        .add_customer(&customer("Northwind Pacific Trading"))
        .unwrap();
    let b = repo
        .add_customer(&customer("上海浦江贸易有限公司"))
        .unwrap();
    repo.add_contact(
        a,
        &ContactDraft {
            name: "Michael Chen".into(),
            title: "Purchasing Manager".into(),
            ..Default::default()
        },
    )
    .unwrap();
    repo.add_contact(
        a,
        &ContactDraft {
            name: "陈志明".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(
        repo.add_contact(a, &ContactDraft::default()).is_err(),
        "a person needs a name"
    );
    let rows = repo.customer_rows().unwrap();
    assert_eq!(rows.len(), 2);
    let row = rows.iter().find(|r| r.id == a).unwrap();
    // One person a line, so a search can say which person it found.
    assert_eq!(row.people, "Michael Chen\n陈志明");
    assert_eq!(
        repo.contacts(a).unwrap()[0].draft.title,
        "Purchasing Manager"
    );

    repo.set_archived(b, true).unwrap();
    let rows = repo.customer_rows().unwrap();
    assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), vec![a]);
    assert!(
        repo.customer(b).unwrap().unwrap().archived,
        "archived, not deleted"
    );
    repo.set_archived(b, false).unwrap();
    assert_eq!(repo.customer_rows().unwrap().len(), 2);
}

#[test]
fn last_contact_and_next_follow_up_follow_every_write() {
    let mut repo = book();
    let id = repo.add_customer(&customer("Acme")).unwrap();
    let (i1, f1) = repo
        .log_interaction(
            &call(id, "2026-11-20T10:00:00", "first"),
            Some(&follow_up(id, "2026-12-05", "send quote")),
        )
        .unwrap();
    assert!(f1.is_some());
    let c = repo.customer(id).unwrap().unwrap();
    assert_eq!(c.last_contact_at, Some(dt("2026-11-20T10:00:00")));
    assert_eq!(c.next_follow_up_on, Some(d("2026-12-05")));

    // An older contact logged later does not move "last contacted" back.
    repo.log_interaction(&call(id, "2026-10-01T10:00:00", "older"), None)
        .unwrap();
    assert_eq!(
        repo.customer(id).unwrap().unwrap().last_contact_at,
        Some(dt("2026-11-20T10:00:00"))
    );

    let f2 = repo
        .add_follow_up(&follow_up(id, "2026-11-30", "call back"))
        .unwrap();
    assert_eq!(
        repo.customer(id).unwrap().unwrap().next_follow_up_on,
        Some(d("2026-11-30"))
    );
    repo.complete_follow_up(f2, d("2026-11-28")).unwrap();
    assert_eq!(
        repo.customer(id).unwrap().unwrap().next_follow_up_on,
        Some(d("2026-12-05"))
    );
    repo.snooze_follow_up(f1.unwrap(), d("2026-12-10")).unwrap();
    assert_eq!(
        repo.customer(id).unwrap().unwrap().next_follow_up_on,
        Some(d("2026-12-10"))
    );
    repo.complete_follow_up(f1.unwrap(), d("2026-11-28"))
        .unwrap();
    assert_eq!(repo.customer(id).unwrap().unwrap().next_follow_up_on, None);
    assert!(
        repo.complete_follow_up(f2, d("2026-11-28")).is_err(),
        "done twice"
    );
    assert!(
        repo.snooze_follow_up(f2, d("2026-12-01")).is_err(),
        "a done follow-up does not snooze"
    );

    let history = repo.history(id, 10, 0).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].id, i1, "newest first");
    assert_eq!(repo.interaction_count(id).unwrap(), 2);
}

#[test]
fn a_log_with_a_bad_follow_up_writes_nothing() {
    let mut repo = book();
    let id = repo.add_customer(&customer("Acme")).unwrap();
    let err = repo
        .log_interaction(
            &call(id, "2026-11-20T10:00:00", "talked"),
            Some(&follow_up(id, "2026-12-01", "  ")),
        )
        .unwrap_err();
    assert!(matches!(err, BookError::Invalid(_)));
    assert_eq!(
        repo.interaction_count(id).unwrap(),
        0,
        "the interaction rolled back with the follow-up"
    );
    assert_eq!(repo.customer(id).unwrap().unwrap().last_contact_at, None);
    let err = repo
        .log_interaction(
            &call(CustomerId(9999), "2026-11-20T10:00:00", "ghost"),
            None,
        )
        .unwrap_err();
    assert!(matches!(err, BookError::Sqlite(_)), "foreign keys are on");
}

#[test]
fn history_pages_newest_first_with_the_person_spoken_with() {
    let mut repo = book();
    let id = repo.add_customer(&customer("Acme")).unwrap();
    let p = repo
        .add_contact(
            id,
            &ContactDraft {
                name: "张伟".into(),
                ..Default::default()
            },
        )
        .unwrap();
    for day in 1..=25 {
        let mut i = call(
            id,
            &format!("2026-10-{day:02}T10:00:00"),
            &format!("call {day}"),
        );
        i.contact_id = (day % 2 == 0).then_some(p);
        repo.log_interaction(&i, None).unwrap();
    }
    let first = repo.history(id, 10, 0).unwrap();
    let second = repo.history(id, 10, 10).unwrap();
    assert_eq!(first[0].draft.summary, "call 25");
    assert_eq!(first[0].contact_name, None);
    assert_eq!(first[1].contact_name.as_deref(), Some("张伟"));
    assert_eq!(second[0].draft.summary, "call 15");
    assert_eq!(repo.history(id, 10, 20).unwrap().len(), 5);
}

#[test]
fn open_follow_ups_for_the_book_or_one_customer() {
    let mut repo = book();
    let a = repo.add_customer(&customer("Acme")).unwrap();
    let b = repo.add_customer(&customer("Bolt")).unwrap();
    repo.add_follow_up(&follow_up(a, "2026-12-03", "later"))
        .unwrap();
    repo.add_follow_up(&follow_up(b, "2026-11-20", "overdue"))
        .unwrap();
    let mut timed = follow_up(a, "2026-11-20", "timed");
    timed.due_time = Some("14:30".parse().unwrap());
    let timed = repo.add_follow_up(&timed).unwrap();
    let all = repo.open_follow_ups(None).unwrap();
    let tasks: Vec<&str> = all.iter().map(|f| f.draft.task.as_str()).collect();
    assert_eq!(
        tasks,
        ["timed", "overdue", "later"],
        "by date, timed first within a day (an appointment), by time"
    );
    assert_eq!(all[1].customer_name, "Bolt");
    assert_eq!(
        repo.follow_up(timed).unwrap().draft.due_time,
        Some("14:30".parse().unwrap())
    );
    assert_eq!(repo.open_follow_ups(Some(a)).unwrap().len(), 2);
    repo.set_archived(b, true).unwrap();
    assert_eq!(
        repo.open_follow_ups(None).unwrap().len(),
        2,
        "archived customers' follow-ups leave the list"
    );
    assert!(repo.follow_up(FollowUpId(9999)).is_err());
}

#[test]
fn a_new_book_is_private_and_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/folder/book.sqlite3");
    let repo = Repository::open(&path).unwrap();
    assert_eq!(repo.schema_version().unwrap(), LATEST_VERSION);
    repo.integrity_check().unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "book file");
        let mode = std::fs::metadata(path.parent().unwrap())
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o700, "book folder");
        for side in ["book.sqlite3-wal", "book.sqlite3-shm"] {
            let side = path.with_file_name(side);
            if side.exists() {
                let mode = std::fs::metadata(&side).unwrap().permissions().mode() & 0o777;
                assert_eq!(mode, 0o600, "{}", side.display());
            }
        }
    }
    let journal: String = rusqlite_pragma(&path, "journal_mode");
    assert_eq!(journal, "wal");
}

fn rusqlite_pragma(path: &std::path::Path, pragma: &str) -> String {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row(&format!("PRAGMA {pragma}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn data_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    {
        let mut repo = Repository::open(&path).unwrap();
        let id = repo.add_customer(&customer("张伟")).unwrap();
        repo.log_interaction(
            &call(id, "2026-11-20T10:00:00", "电话沟通"),
            Some(&follow_up(id, "2026-12-01", "报价")),
        )
        .unwrap();
    }
    let repo = Repository::open(&path).unwrap();
    let rows = repo.customer_rows().unwrap();
    assert_eq!(rows[0].name, "张伟");
    assert_eq!(rows[0].next_follow_up_on, Some(d("2026-12-01")));
    assert_eq!(
        repo.history(rows[0].id, 10, 0).unwrap()[0].draft.summary,
        "电话沟通"
    );
}

#[test]
fn a_book_from_a_newer_fieldbook_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        // A newer fieldbook stamps its books; without the stamp this would be another
        // program's database, refused all the same but with another message.
        conn.execute_batch(&format!(
            "CREATE TABLE future (x); PRAGMA user_version = {}; PRAGMA application_id = {};",
            LATEST_VERSION + 1,
            fieldbook::repository::APPLICATION_ID
        ))
        .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Repository::open(&path).err().expect("refused");
    assert!(matches!(err, BookError::TooNew { .. }));
    assert!(err.to_string().contains("newer fieldbook"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "not modified");
}

/// Every earlier schema version migrates to the latest with its data intact. Version 0 is the
/// empty file; each later version is built by applying the migrations up to it.
#[test]
fn migrates_from_every_earlier_version() {
    use fieldbook::repository::MIGRATIONS;
    for from in 0..LATEST_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("book.sqlite3");
        {
            let conn = rusqlite::Connection::open(&path).unwrap();
            // Books from version 5 on carry triggers that call fieldbook's fts_fold().
            fieldbook::repository::notes::register(&conn).unwrap();
            for sql in &MIGRATIONS[..from as usize] {
                conn.execute_batch(sql).unwrap();
            }
            conn.pragma_update(None, "user_version", from).unwrap();
            if from >= 1 {
                conn.execute(
                    "INSERT INTO customer (name, created_at, updated_at) VALUES ('老客户', '2025-01-01T00:00:00', '2025-01-01T00:00:00')",
                    [],
                )
                .unwrap();
            }
            if from >= 1 {
                // Follow-ups with a time of day were written as 'HH:MM' from the first schema.
                conn.execute(
                    "INSERT INTO follow_up (customer_id, due_on, due_time, task, created_at)
                     VALUES (1, '2026-12-01', '15:00', '发报价单', '2025-01-01T00:00:00')",
                    [],
                )
                .unwrap();
            }
        }
        let repo = Repository::open(&path).unwrap();
        assert_eq!(
            repo.schema_version().unwrap(),
            LATEST_VERSION,
            "from version {from}"
        );
        if from >= 1 {
            assert_eq!(
                repo.customer_rows().unwrap()[0].name,
                "老客户",
                "data kept from version {from}"
            );
            let kept = repo.open_follow_ups(None).unwrap();
            assert_eq!(kept.len(), 1, "follow-ups kept from version {from}");
            assert_eq!(
                kept[0].draft.due_time,
                chrono::NaiveTime::from_hms_opt(15, 0, 0)
            );
        }
    }
}

#[test]
fn completing_a_repeating_follow_up_schedules_the_next_in_the_same_write() {
    use fieldbook::book::recurrence::Recurrence;
    let mut repo = book();
    let id = repo.add_customer(&customer("Acme")).unwrap();
    let mut monthly = follow_up(id, "2026-11-01", "monthly report");
    monthly.repeat = Recurrence::parse("monthly");
    let first = repo.add_follow_up(&monthly).unwrap();
    let next = repo
        .complete_follow_up(first, d("2026-11-04"))
        .unwrap()
        .expect("a next one");
    let next = repo.follow_up(next).unwrap();
    assert_eq!(
        next.draft.due_on,
        d("2026-12-01"),
        "fixed schedule: still on the 1st"
    );
    assert_eq!(next.draft.repeat, monthly.repeat, "the rule carries over");
    assert_eq!(next.draft.task, "monthly report");
    assert_eq!(
        repo.customer(id).unwrap().unwrap().next_follow_up_on,
        Some(d("2026-12-01"))
    );

    let mut gap = follow_up(id, "2026-11-01", "call again");
    gap.repeat = Recurrence::parse("every 2 weeks after done");
    let g = repo.add_follow_up(&gap).unwrap();
    let n = repo
        .complete_follow_up(g, d("2026-11-10"))
        .unwrap()
        .unwrap();
    assert_eq!(
        repo.follow_up(n).unwrap().draft.due_on,
        d("2026-11-24"),
        "counted from the day done"
    );

    let once = repo
        .add_follow_up(&follow_up(id, "2026-11-01", "once"))
        .unwrap();
    assert_eq!(
        repo.complete_follow_up(once, d("2026-11-28")).unwrap(),
        None
    );
}

#[test]
fn outcomes_birthdays_and_contact_dates_are_read_back() {
    let mut repo = book();
    let id = repo
        .add_customer(&CustomerDraft {
            birthday: Birthday::parse("--12-01"),
            ..customer("王芳")
        })
        .unwrap();
    repo.add_contact(
        id,
        &ContactDraft {
            name: "张伟".into(),
            birthday: Birthday::parse("1985-06-20"),
            ..Default::default()
        },
    )
    .unwrap();
    let mut i = call(id, "2026-11-20T10:00:00", "no answer");
    i.outcome = Some("no_answer".into());
    repo.log_interaction(&i, Some(&follow_up(id, "2026-11-21", "try again")))
        .unwrap();
    assert_eq!(
        repo.history(id, 1, 0).unwrap()[0].draft.outcome.as_deref(),
        Some("no_answer")
    );
    let mut birthdays = repo.birthdays().unwrap();
    birthdays.sort_by_key(|b| b.2.clone());
    assert_eq!(birthdays.len(), 2);
    assert_eq!(birthdays[0].2, None, "the customer's own");
    assert_eq!(birthdays[1].2.as_deref(), Some("张伟"));
    let dates = repo
        .contact_dates(id, d("2026-11-01"), d("2026-11-30"))
        .unwrap();
    assert_eq!(dates, vec![d("2026-11-20"), d("2026-11-21")]);
    assert!(
        repo.contact_dates(id, d("2026-11-21"), d("2026-11-30"))
            .unwrap()
            == vec![d("2026-11-21")]
    );
}
