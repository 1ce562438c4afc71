//! The roll-ups commands read instead of the whole book (migration 0008) give what the whole
//! book gives: the morning's list, tiers as days pass and orders change, a new customer's
//! likely twin; and books of every earlier version get them on upgrade.

use chrono::NaiveDate;
use fieldbook::book::care_dates::care_due;
use fieldbook::book::deals::DealDraft;
use fieldbook::book::model::{CustomerDraft, CustomerId, CustomerKind};
use fieldbook::config::Config;
use fieldbook::demo::{self, DemoSize};
use fieldbook::repository::{Among, LATEST_VERSION, MIGRATIONS, Repository};
use fieldbook::services::customer_list::Ranking;
use fieldbook::services::finder::{self, Resolved, Want};
use fieldbook::services::morning;
use fieldbook::services::standing::Standing;

use crate::common::morning::{at, demo_book, same_cold, won_order};

/// Every customer's computed tier by the roll-up equals the whole book's ranking.
fn same_tiers(repo: &mut Repository, config: &Config, today: NaiveDate) {
    let ranking = Ranking::read(repo, config, today).unwrap();
    let standing = Standing::read(repo, config, today).unwrap();
    let ids: Vec<CustomerId> = repo
        .customer_rows()
        .unwrap()
        .iter()
        .chain(&repo.archived_rows().unwrap())
        .map(|r| r.id)
        .collect();
    let mut seen = [0; 4];
    for id in ids {
        let rolled = standing.computed_tier(id, repo.revenue_in_window(id).unwrap());
        assert_eq!(rolled, ranking.computed_tier(id), "c{id} on {today}");
        seen[rolled.map_or(3, |t| t as usize)] += 1;
    }
    assert!(
        seen[0] > 0 && seen[2] > 0,
        "A and C customers on {today}: {seen:?}"
    );
}

#[test]
fn tiers_follow_the_days_and_the_orders_as_the_whole_book_ranks_them() {
    let mut repo = demo_book();
    let mut config = Config::default();
    let days = [
        "2026-11-20",
        "2026-11-21",
        "2026-12-20",
        "2026-12-19",
        "2027-06-01",
        "2027-06-30",
    ];
    for day in days {
        same_tiers(&mut repo, &config, day.parse().unwrap());
    }
    let today: NaiveDate = "2026-11-20".parse().unwrap();
    // A new big order, moved to another customer, then out of the window, then undone.
    let id = repo
        .add_deal(&won_order(CustomerId(5), 90_000_000, "2026-10-01"))
        .unwrap();
    same_tiers(&mut repo, &config, today);
    repo.update_deal(id, &won_order(CustomerId(7), 90_000_000, "2026-10-01"))
        .unwrap();
    same_tiers(&mut repo, &config, today);
    repo.update_deal(id, &won_order(CustomerId(7), 90_000_000, "2024-10-01"))
        .unwrap();
    same_tiers(&mut repo, &config, today);
    repo.update_deal(id, &won_order(CustomerId(9), 1, "2026-11-01"))
        .unwrap();
    same_tiers(&mut repo, &config, today);
    repo.undo().unwrap();
    same_tiers(&mut repo, &config, today);
    // Other shares and another currency are ranked afresh.
    config.tiers.a_share = 50;
    config.tiers.b_share = 60;
    same_tiers(&mut repo, &config, today);
    config.currency = "usd".into();
    repo.add_deal(&DealDraft {
        currency: "USD".into(),
        ..won_order(CustomerId(11), 100, "2026-09-01")
    })
    .unwrap();
    repo.add_deal(&DealDraft {
        currency: "USD".into(),
        ..won_order(CustomerId(12), 300, "2026-09-01")
    })
    .unwrap();
    same_tiers(&mut repo, &config, today);
}

#[test]
fn the_morning_is_the_whole_books_on_the_demo_book() {
    let mut repo = demo_book();
    // Each day's follow-ups at a time before, at, and after the hours read: overdue once past;
    // the same for a customer archived, whose follow-ups stay in the book but off the lists.
    for customer in [CustomerId(1), CustomerId(2)] {
        for day in [
            "2026-11-19",
            "2026-11-20",
            "2026-11-23",
            "2026-12-01",
            "2027-02-25",
        ] {
            for time in ["09:29", "09:30", "12:00", "15:45", "15:46"] {
                repo.add_follow_up(&fieldbook::book::model::FollowUpDraft {
                    customer_id: customer,
                    due_on: day.parse().unwrap(),
                    due_time: Some(time.parse().unwrap()),
                    task: format!("call at {time}").into(),
                    repeat: None,
                })
                .unwrap();
            }
        }
    }
    // And an open complaint of the customer archived: off the morning's count too.
    repo.add_complaint(&fieldbook::book::complaints::ComplaintDraft {
        customer_id: CustomerId(2),
        opened_on: "2026-11-19".parse().unwrap(),
        what: "late delivery".into(),
        severity: fieldbook::book::complaints::Severity::High,
        status: fieldbook::book::complaints::ComplaintStatus::Open,
        resolved_on: None,
        resolution: String::new(),
        satisfaction: None,
    })
    .unwrap();
    repo.set_archived(CustomerId(2), true).unwrap();
    let mut config = Config::default();
    for (day, days) in [("2026-11-20", 7), ("2026-12-01", 0), ("2027-02-25", 30)] {
        for cadence in [14, 0] {
            config.cadence.a = cadence;
            // Mid-afternoon too: a follow-up at a time of day is overdue once it has passed.
            let now = match cadence {
                0 => format!("{day}T15:45:30").parse().unwrap(),
                _ => at(day),
            };
            let whole = morning::read_whole_book(&repo, &config, now, days).unwrap();
            let read = morning::read(&mut repo, &config, now, days, None).unwrap();
            assert_eq!(
                serde_json::to_value(&read.agenda).unwrap(),
                serde_json::to_value(&whole.agenda).unwrap(),
                "agenda on {day}"
            );
            assert!(!whole.agenda.cold.is_empty() && !whole.agenda.overdue.is_empty());
            assert_eq!(read.cold_total, whole.cold_total);
            assert_eq!(read.open_complaints, whole.open_complaints);
            assert_eq!(read.complaint_customers, whole.complaint_customers);
            assert_eq!(read.totals, whole.totals);
            let shown = morning::Shown { each: 3, cold: 20 };
            let first = morning::read(&mut repo, &config, now, days, Some(shown)).unwrap();
            assert_eq!(first.agenda.cold[..], whole.agenda.cold[..20]);
            assert_eq!(first.cold_total, whole.cold_total);
            // Each list cut to its first three, counted in full.
            assert_eq!(first.totals, whole.totals);
            crate::common::morning::same_first_pages(&first, &whole, 3, day);
            assert_eq!(
                first.open_complaints[..],
                whole.open_complaints[..whole.open_complaints.len().min(3)]
            );
            assert_eq!(first.agenda.birthdays, whole.agenda.birthdays);
        }
    }
}

#[test]
fn birthday_reminders_read_only_the_days_ahead_and_find_what_the_whole_book_does() {
    let repo = demo_book();
    let mut day: NaiveDate = "2026-01-01".parse().unwrap();
    let mut found = 0;
    while day < "2028-03-05".parse().unwrap() {
        for lead in [0, 3, 6, 40] {
            let all = repo.birthdays().unwrap();
            let some = repo.birthdays_within(day, lead).unwrap();
            let dates = |b: &[fieldbook::book::model::BirthdayOf]| {
                let d: Vec<_> = b.iter().map(|(id, _, p, b)| (*id, p.clone(), *b)).collect();
                care_due(&d, day, lead)
            };
            assert_eq!(dates(&some), dates(&all), "{day} +{lead}");
            found += dates(&all).len();
        }
        day = day + chrono::Days::new(9);
    }
    assert!(found > 100, "{found}");
}

#[test]
fn a_new_customers_likely_twin_is_the_whole_books() {
    let repo = demo_book();
    let rows = repo.customer_rows().unwrap();
    let mut asked = 0;
    for r in rows.iter().step_by(7) {
        let people = r.people.lines().next().unwrap_or("").to_string();
        for draft in [
            CustomerDraft {
                name: format!("{} Ltd.", r.name),
                ..Default::default()
            },
            CustomerDraft {
                name: "Someone New".into(),
                email: r.ways.email.to_uppercase(),
                ..Default::default()
            },
            CustomerDraft {
                name: people.clone(),
                kind: Some(CustomerKind::Person),
                city: r.city.to_string(),
                phone: format!("+86 {}", r.ways.phone),
                ..Default::default()
            },
            CustomerDraft {
                name: r.name.to_string(),
                city: "Elsewhere".into(),
                ..Default::default()
            },
        ] {
            let twin = repo.likely_duplicate(&draft).unwrap();
            assert_eq!(
                twin,
                repo.likely_duplicate_whole_book(&draft).unwrap(),
                "{draft:?}"
            );
            asked += usize::from(twin.is_some());
        }
    }
    assert!(asked > 40, "{asked}");
}

/// A book as fieldbook `version` left it: a Chinese company with a person and a phone, an
/// archived one, and an order (from the version that has deals).
fn old_book(path: &std::path::Path, version: usize) {
    let conn = rusqlite::Connection::open(path).unwrap();
    fieldbook::repository::notes::register(&conn).unwrap();
    for sql in &MIGRATIONS[..version] {
        conn.execute_batch(sql).unwrap();
    }
    conn.pragma_update(None, "user_version", version as i64)
        .unwrap();
    conn.execute_batch(
        "INSERT INTO customer (id, name, city, phone, created_at, updated_at)
             VALUES (1, '北京星河科技有限公司', '北京', '010-6234 5678', '2025-01-01T00:00:00', '2025-01-01T00:00:00');
         INSERT INTO customer (id, name, city, archived, created_at, updated_at)
             VALUES (2, '星河旧账', 'Shanghai', 1, '2025-01-01T00:00:00', '2025-01-01T00:00:00');
         INSERT INTO contact (customer_id, name, phone, created_at)
             VALUES (1, '张伟', '138 0013 8000', '2025-01-01T00:00:00');",
    )
    .unwrap();
    if version >= 4 {
        conn.execute_batch(
            "INSERT INTO deal (customer_id, title, amount, currency, stage, closed_on, created_at, updated_at)
                 VALUES (1, 'order', 500, 'CNY', 'won', '2026-10-01', '2026-10-01T00:00:00', '2026-10-01T00:00:00');",
        )
        .unwrap();
    }
}

#[test]
fn a_book_of_every_earlier_version_is_indexed_on_upgrade() {
    let config = Config::default();
    let today: NaiveDate = "2026-11-20".parse().unwrap();
    for version in 1..LATEST_VERSION as usize {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("book.sqlite3");
        old_book(&path, version);
        let mut repo = Repository::open(&path).unwrap();
        let ids = |hits: finder::Hits| {
            hits.rows
                .iter()
                .map(|(r, _, _)| r.id.get())
                .collect::<Vec<_>>()
        };
        for (query, among, want) in [
            ("星河", Among::Active, vec![1]),
            ("8000", Among::Active, vec![1]),
            ("张伟", Among::Active, vec![1]),
            ("上海", Among::Archived, vec![2]),
        ] {
            let hits = finder::find(&mut repo, &config, today, query, among, Want::All).unwrap();
            assert_eq!(ids(hits), want, "{query} from version {version}");
        }
        assert!(matches!(
            finder::resolve(&mut repo, &config, today, "星河旧账").unwrap(),
            Resolved::Archived(r) if r.id == CustomerId(2)
        ));
        let twin = repo
            .likely_duplicate(&CustomerDraft {
                name: "北京星河科技".into(),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(
            twin.map(|t| t.customer),
            Some(CustomerId(1)),
            "from version {version}"
        );
        let tier = Standing::read(&mut repo, &config, today)
            .unwrap()
            .computed_tier(
                CustomerId(1),
                repo.revenue_in_window(CustomerId(1)).unwrap(),
            );
        let ranked = version >= 4;
        assert_eq!(tier.is_some(), ranked, "from version {version}");
        // Its order (from version 4) over a year old: lost, so not going cold; the day of the
        // last order is filled in on upgrade.
        let cold = same_cold(&mut repo, &config, at("2027-11-01"));
        assert_eq!(
            cold.contains(&CustomerId(1)),
            !ranked,
            "from version {version}"
        );
    }
}

/// The index holds what the book holds: each customer's text as the list reads it, findable
/// by its own characters and phone digits, and its match keys.
fn index_follows_the_book(repo: &Repository) {
    let mut book: Vec<(fieldbook::book::model::CustomerRow, bool)> = repo
        .customer_rows()
        .unwrap()
        .into_iter()
        .map(|r| (r, false))
        .chain(repo.archived_rows().unwrap().into_iter().map(|r| (r, true)))
        .collect();
    book.sort_by_key(|(r, _)| r.id);
    let ids: Vec<CustomerId> = book.iter().map(|(r, _)| r.id).collect();
    assert_eq!(repo.rows_of(&ids).unwrap(), book);
    for (r, _) in &book {
        let text = [
            &*r.name,
            &r.people,
            &r.city,
            &r.tags,
            &r.ways.phone,
            &r.ways.email,
            &r.ways.reach,
        ];
        let mut chars = fieldbook::search::index::chars_of(&text);
        chars.truncate(6);
        if !chars.is_empty() {
            let found = repo.customers_with_chars(&chars).unwrap();
            assert!(found.contains(&r.id), "c{} by {chars:?}", r.id);
        }
        let digits = fieldbook::search::index::indexed_digits(&r.ways.phone, &r.ways.reach);
        for number in digits.split_whitespace() {
            let found = repo.customers_with_digits(&[number.to_string()]).unwrap();
            assert!(found.contains(&r.id), "c{} by {number}", r.id);
        }
        let same = CustomerDraft {
            name: r.name.to_string(),
            ..Default::default()
        };
        let twin = repo.likely_duplicate(&same).unwrap();
        assert_eq!(twin, repo.likely_duplicate_whole_book(&same).unwrap());
    }
}

#[test]
fn the_index_follows_every_write_undo_and_import() {
    use fieldbook::book::model::ContactDraft;
    use fieldbook::interop::{self, Commit, Duplicates, ImportPolicy, ReadOptions};
    let mut repo = Repository::open_in_memory().unwrap();
    demo::generate(&mut repo, DemoSize::with_customers(60), at("2026-11-20")).unwrap();
    let first = repo.customer_rows().unwrap()[0].id;
    let mut draft = repo.customer(first).unwrap().unwrap().draft;
    draft.name = "华南电子 Renamed".into();
    draft.phone = "+86 755 8888 1234".into();
    repo.update_customer(first, &draft).unwrap();
    let person = ContactDraft {
        name: "曾小红".into(),
        phone: "139-1111-2222".into(),
        ..Default::default()
    };
    repo.add_contact(first, &person).unwrap();
    repo.set_archived(CustomerId(first.get() + 1), true)
        .unwrap();
    index_follows_the_book(&repo);
    repo.undo().unwrap();
    repo.undo().unwrap();
    index_follows_the_book(&repo);
    let policy = ImportPolicy {
        duplicates: Duplicates::Merge,
        skip_bad: true,
    };
    for name in ["contacts.vcf", "kehu-gbk.csv", "contacts.vcf"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/interop")
            .join(name);
        let batch = interop::read_file(&path, &ReadOptions::default()).unwrap();
        repo.import(&batch, &policy, Commit::Yes, &mut |_, _| {})
            .unwrap();
    }
    index_follows_the_book(&repo);
    repo.undo().unwrap();
    index_follows_the_book(&repo);
}
