//! Going cold read through the indexes (migration 0010) as the whole book judges it, while
//! tiers, orders, archiving and contacts change.

use fieldbook::book::model::{Channel, CustomerDraft, InteractionDraft};
use fieldbook::config::Config;

use crate::common::morning::{at, demo_book, same_cold, same_first_pages, won_order};

#[test]
fn going_cold_follows_tiers_orders_archiving_and_contacts_as_the_whole_book_judges_it() {
    let mut repo = demo_book();
    let config = Config::default();
    let now = at("2026-11-20");
    let cold = same_cold(&mut repo, &config, now);
    // A new customer without orders (C) on the tier's cadence, last heard from 30 days ago:
    // not cold as C (60 days), cold as A (14 days).
    let c = repo
        .add_customer(&CustomerDraft {
            name: "Quiet Harbour Trading".into(),
            ..Default::default()
        })
        .unwrap();
    let call = |customer_id, at| InteractionDraft {
        customer_id,
        contact_id: None,
        at,
        channel: Channel::Call,
        summary: "caught up".into(),
        outcome: None,
    };
    repo.log_interaction(&call(c, now - chrono::Days::new(30)), None)
        .unwrap();
    assert!(!cold.contains(&c));
    let order = |amount, on: &str| won_order(c, amount, on);
    // A big order makes it A: going cold at once; moved past today, out of the window: C again.
    let deal = repo.add_deal(&order(900_000_000, "2026-11-01")).unwrap();
    assert!(same_cold(&mut repo, &config, now).contains(&c), "A now");
    repo.update_deal(deal, &order(900_000_000, "2027-01-05"))
        .unwrap();
    assert!(!same_cold(&mut repo, &config, now).contains(&c), "C again");
    // Its only order over a year before: lost, never going cold, even with one dated after
    // today beside it (the last order on or before today decides).
    repo.update_deal(deal, &order(100, "2025-06-01")).unwrap();
    let lost_on = at("2027-02-01");
    let before = same_cold(&mut repo, &config, lost_on);
    assert!(!before.contains(&c), "lost");
    repo.add_deal(&order(100, "2027-06-01")).unwrap();
    assert_eq!(same_cold(&mut repo, &config, lost_on), before);
    repo.undo().unwrap();
    repo.update_deal(deal, &order(900_000_000, "2026-11-01"))
        .unwrap();
    assert!(same_cold(&mut repo, &config, now).contains(&c), "A again");
    // Undone step by step: past today (C), the big order (A), no order at all (C).
    repo.undo().unwrap();
    repo.undo().unwrap();
    assert!(
        !same_cold(&mut repo, &config, now).contains(&c),
        "past today"
    );
    repo.undo().unwrap();
    assert!(
        same_cold(&mut repo, &config, now).contains(&c),
        "the big order"
    );
    repo.undo().unwrap();
    assert!(!same_cold(&mut repo, &config, now).contains(&c), "no order");
    // Someone going cold archived is off the list; then contacted, off it too.
    let cold = same_cold(&mut repo, &config, now);
    let (first, second) = (cold[0], cold[1]);
    repo.set_archived(first, true).unwrap();
    repo.log_interaction(&call(second, now), None).unwrap();
    let after = same_cold(&mut repo, &config, now);
    assert!(!after.contains(&first) && !after.contains(&second));
    assert_eq!(after.len(), cold.len() - 2);
}

/// On a generated book of 2,000 customers, days and months apart and with other cadences (a
/// tier without one too): every list's first page and size are the whole book's.
#[test]
fn the_morning_is_the_whole_books_on_a_generated_book_as_days_pass() {
    use fieldbook::demo::{self, DemoSize};
    use fieldbook::repository::Repository;
    use fieldbook::services::morning::{self, Shown};
    let mut repo = Repository::open_in_memory().unwrap();
    demo::generate(&mut repo, DemoSize::with_customers(2_000), at("2026-11-20")).unwrap();
    let mut other = Config::default();
    (other.cadence.a, other.cadence.b, other.cadence.c) = (7, 0, 45);
    for config in [Config::default(), other] {
        for day in ["2026-11-20", "2026-12-31", "2027-03-01", "2027-11-25"] {
            let now = at(day);
            let cold = same_cold(&mut repo, &config, now);
            assert!(cold.len() > 100, "{} going cold on {day}", cold.len());
            let whole = morning::read_whole_book(&repo, &config, now, 7).unwrap();
            let shown = Shown {
                each: 100,
                cold: 20,
            };
            let first = morning::read(&mut repo, &config, now, 7, Some(shown)).unwrap();
            assert_eq!(first.totals, whole.totals, "on {day}");
            same_first_pages(&first, &whole, 100, day);
            assert_eq!(first.agenda.birthdays, whole.agenda.birthdays, "on {day}");
        }
    }
}
