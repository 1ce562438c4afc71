//! Deals, complaints, overrides, greetings and care reminders in a real book.

use chrono::{NaiveDate, NaiveDateTime};
use fieldbook::book::complaints::{ComplaintDraft, ComplaintStatus, Severity};
use fieldbook::book::deals::{DealDraft, DealStage};
use fieldbook::book::ids::CustomerId;
use fieldbook::book::model::Overrides;
use fieldbook::book::model::{CustomerDraft, FollowUpDraft, Stage, Tier};
use fieldbook::repository::Repository;

fn now() -> NaiveDateTime {
    "2026-11-28T09:30:00".parse().unwrap()
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn book_with(names: &[&str]) -> (Repository, Vec<CustomerId>) {
    let mut repo = Repository::open_in_memory().unwrap();
    repo.set_clock(now);
    let ids = names
        .iter()
        .map(|n| {
            repo.add_customer(&CustomerDraft {
                name: (*n).into(),
                ..Default::default()
            })
            .unwrap()
        })
        .collect();
    (repo, ids)
}

fn won(customer_id: CustomerId, on: &str, amount: i64) -> DealDraft {
    DealDraft {
        customer_id,
        title: format!("order {on}"),
        amount,
        currency: "CNY".into(),
        stage: DealStage::Won,
        expected_close: None,
        closed_on: Some(d(on)),
    }
}

#[test]
fn deals_are_checked_summed_and_ordered() {
    let (mut repo, ids) = book_with(&["星河科技", "Northwind"]);
    repo.add_deal(&won(ids[0], "2026-10-01", 1_000_000))
        .unwrap();
    repo.add_deal(&won(ids[0], "2025-06-01", 500_000)).unwrap();
    repo.add_deal(&won(ids[1], "2026-11-01", 250_000)).unwrap();
    let open = DealDraft {
        stage: DealStage::Negotiation,
        closed_on: None,
        expected_close: Some(d("2026-12-15")),
        title: "second line".into(),
        ..won(ids[0], "2026-01-01", 800_000)
    };
    let open_id = repo.add_deal(&open).unwrap();

    let bad = DealDraft {
        closed_on: None,
        ..won(ids[0], "2026-01-01", 1)
    };
    let err = repo.add_deal(&bad).unwrap_err().to_string();
    assert!(err.contains("closed_on") || err.contains("date"), "{err}");

    let mut revenue = repo
        .revenue_between(d("2025-11-29"), d("2026-11-28"), "cny")
        .unwrap();
    revenue.sort();
    assert_eq!(revenue, [(ids[0], 1_000_000), (ids[1], 250_000)]);
    // Open deals are what a silent customer may cost: only the open one, in the currency asked.
    let open_values = repo.open_deal_values("cny").unwrap();
    assert_eq!(
        open_values.into_iter().collect::<Vec<_>>(),
        [(ids[0], 800_000)]
    );
    assert!(repo.open_deal_values("USD").unwrap().is_empty());

    let mine = repo.deals_of(ids[0]).unwrap();
    let titles: Vec<&str> = mine.iter().map(|d| d.draft.title.as_str()).collect();
    assert_eq!(
        titles,
        ["second line", "order 2026-10-01", "order 2025-06-01"],
        "open first, then newest orders"
    );
    let mut moved = mine[0].draft.clone();
    moved.stage = DealStage::Won;
    moved.closed_on = Some(d("2026-11-27"));
    repo.update_deal(open_id, &moved).unwrap();
    assert_eq!(repo.order_dates().unwrap()[&ids[0]].len(), 3);
    assert!(
        repo.open_deal_values("CNY").unwrap().is_empty(),
        "won: no longer open"
    );
    assert_eq!(repo.all_deals().unwrap().len(), 4);

    assert_eq!(
        repo.undo().unwrap().as_deref(),
        Some("edit deal: second line")
    );
    assert_eq!(repo.order_dates().unwrap()[&ids[0]].len(), 2);
}

#[test]
fn complaints_count_while_open_and_scores_are_read_back() {
    let (mut repo, ids) = book_with(&["王芳"]);
    let mut c = ComplaintDraft {
        customer_id: ids[0],
        opened_on: d("2026-11-20"),
        what: "交货晚了一周".into(),
        severity: Severity::High,
        status: ComplaintStatus::Open,
        resolved_on: None,
        resolution: String::new(),
        satisfaction: None,
    };
    let id = repo.add_complaint(&c).unwrap();
    assert_eq!(repo.open_complaint_counts().unwrap()[&ids[0]], 1);
    c.status = ComplaintStatus::Resolved;
    c.satisfaction = Some(4);
    assert!(
        repo.update_complaint(id, &c).is_err(),
        "resolved needs a resolution date"
    );
    c.resolved_on = Some(d("2026-11-25"));
    c.resolution = "补发并赔偿运费".into();
    repo.update_complaint(id, &c).unwrap();
    assert!(repo.open_complaint_counts().unwrap().is_empty());
    assert_eq!(repo.complaints(Some(ids[0])).unwrap()[0].draft, c);
    assert_eq!(
        repo.satisfaction_scores(ids[0]).unwrap(),
        [(d("2026-11-25"), 4)]
    );
}

#[test]
fn overrides_greetings_and_care_reminders() {
    let (mut repo, ids) = book_with(&["Acme"]);
    let o = Overrides {
        tier: Some(Tier::A),
        tier_reason: "potential: new plant opening".into(),
        stage: Some(Stage::Lost),
        stage_reason: "moved to a competitor".into(),
    };
    repo.set_overrides(ids[0], &o).unwrap();
    assert_eq!(repo.overrides(ids[0]).unwrap(), o);
    repo.set_overrides(ids[0], &Overrides::default()).unwrap();
    assert_eq!(repo.overrides(ids[0]).unwrap(), Overrides::default());

    repo.record_greeting(ids[0], "spring_festival", 2027, d("2027-02-05"))
        .unwrap();
    repo.record_greeting(ids[0], "spring_festival", 2027, d("2027-02-06"))
        .unwrap();
    assert_eq!(
        repo.greeted_in(2027).unwrap(),
        [(ids[0], "spring_festival".to_string())]
    );

    let reminder = (
        ids[0],
        "张伟".to_string(),
        d("2026-12-02"),
        FollowUpDraft {
            customer_id: ids[0],
            due_on: d("2026-11-29"),
            due_time: None,
            task: "Birthday: 张伟 (12-02)".into(),
            repeat: None,
        },
    );
    assert_eq!(
        repo.create_care_reminders(std::slice::from_ref(&reminder))
            .unwrap(),
        1
    );
    assert_eq!(
        repo.create_care_reminders(&[reminder]).unwrap(),
        0,
        "once per occurrence"
    );
    assert_eq!(repo.open_follow_ups(Some(ids[0])).unwrap().len(), 1);
}
