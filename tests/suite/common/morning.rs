//! The morning's list read through the book's indexes, held to the whole book's.

use chrono::NaiveDateTime;
use fieldbook::book::deals::{DealDraft, DealStage};
use fieldbook::book::ids::CustomerId;
use fieldbook::config::Config;
use fieldbook::demo::{self, DemoSize};
use fieldbook::repository::Repository;
use fieldbook::services::morning;

/// `day` at half past nine.
pub fn at(day: &str) -> NaiveDateTime {
    format!("{day}T09:30:00").parse().unwrap()
}

/// A won order of `amount` (CNY) for `customer_id`, closed `on`: what moves a tier and a
/// customer's last order.
pub fn won_order(customer_id: CustomerId, amount: i64, on: &str) -> DealDraft {
    DealDraft {
        customer_id,
        title: "order".into(),
        amount,
        currency: "CNY".into(),
        stage: DealStage::Won,
        expected_close: None,
        closed_on: Some(on.parse().unwrap()),
    }
}

/// The demo book of 300 customers, made on 20 November 2026.
pub fn demo_book() -> Repository {
    let mut repo = Repository::open_in_memory().unwrap();
    demo::generate(&mut repo, DemoSize::with_customers(300), at("2026-11-20")).unwrap();
    repo
}

/// `today`'s going-cold list (all of it, and its first 20 with the count) is the whole book's
/// at `now`; the ids going cold.
pub fn same_cold(repo: &mut Repository, config: &Config, now: NaiveDateTime) -> Vec<CustomerId> {
    let whole = morning::read_whole_book(repo, config, now, 7).unwrap();
    let read = morning::read(repo, config, now, 7, None).unwrap();
    assert_eq!(read.agenda.cold, whole.agenda.cold, "going cold at {now}");
    assert_eq!(read.cold_total, whole.cold_total);
    let shown = morning::Shown { each: 3, cold: 20 };
    let first = morning::read(repo, config, now, 7, Some(shown)).unwrap();
    let n = whole.agenda.cold.len().min(20);
    assert_eq!(
        first.agenda.cold[..],
        whole.agenda.cold[..n],
        "first at {now}"
    );
    assert_eq!(first.cold_total, whole.cold_total);
    whole.agenda.cold.iter().map(|r| r.id).collect()
}

/// Each due list of `first` (read a page at a time) is the start of `whole`'s: at most `each`.
pub fn same_first_pages(
    first: &morning::Morning,
    whole: &morning::Morning,
    each: usize,
    day: &str,
) {
    let (a, w) = (&first.agenda, &whole.agenda);
    for (cut, full) in [
        (&a.overdue, &w.overdue),
        (&a.today, &w.today),
        (&a.upcoming, &w.upcoming),
    ] {
        assert_eq!(cut[..], full[..full.len().min(each)], "on {day}");
    }
}
