use super::*;
use crate::book::model::{
    Channel, CustomerDraft, CustomerId, FollowUpDraft, FollowUpId, InteractionDraft, InteractionId,
};
use crate::book::recurrence::{Basis, Recurrence, Unit};
use chrono::NaiveTime;

fn at(s: &str) -> NaiveDateTime {
    s.parse().unwrap()
}

fn customer(id: CustomerId, name: &str) -> BulkCustomer {
    BulkCustomer {
        id,
        draft: CustomerDraft {
            name: name.into(),
            ..CustomerDraft::default()
        },
        created_at: at("2026-01-01T09:00:00"),
        updated_at: at("2026-01-02T09:00:00"),
        archived: false,
    }
}

fn interaction(id: InteractionId, customer_id: CustomerId, when: &str) -> BulkInteraction {
    BulkInteraction {
        id,
        draft: InteractionDraft {
            customer_id,
            contact_id: None,
            at: at(when),
            channel: Channel::Call,
            summary: format!("call {id}"),
            outcome: None,
        },
        created_at: at(when),
    }
}

fn follow_up(id: FollowUpId, customer_id: CustomerId, due: &str, done: bool) -> BulkFollowUp {
    BulkFollowUp {
        id,
        draft: FollowUpDraft {
            customer_id,
            due_on: due.parse().unwrap(),
            due_time: None,
            task: format!("task {id}").into(),
            repeat: None,
        },
        interaction_id: None,
        created_at: at("2026-03-01T09:00:00"),
        done_at: done.then(|| at("2026-03-02T09:00:00")),
    }
}

/// Newest contacts first and last, open and done follow-ups: the roll-ups must come out as
/// if a person had logged each row by hand.
fn sample() -> BulkBook {
    let mut quoted = interaction(InteractionId(3), CustomerId(1), "2026-04-01T16:30:00");
    quoted.draft.outcome = Some("quote_sent".into());
    let mut monthly = follow_up(FollowUpId(2), CustomerId(1), "2026-04-10", false);
    monthly.draft.repeat = Some(Recurrence {
        every: 1,
        unit: Unit::Month,
        basis: Basis::Schedule,
    });
    monthly.draft.due_time = NaiveTime::from_hms_opt(9, 30, 0);
    monthly.interaction_id = Some(InteractionId(3));
    BulkBook {
        customers: vec![
            customer(CustomerId(1), "星河科技"),
            customer(CustomerId(2), "Bluefin Analytics"),
            customer(CustomerId(3), "Quiet"),
        ],
        contacts: vec![],
        interactions: vec![
            interaction(InteractionId(1), CustomerId(1), "2026-03-05T10:00:00"),
            interaction(InteractionId(2), CustomerId(1), "2026-02-01T10:00:00"),
            quoted,
            interaction(InteractionId(4), CustomerId(2), "2026-01-10T11:00:00"),
        ],
        follow_ups: vec![
            follow_up(FollowUpId(1), CustomerId(1), "2026-04-20", false),
            monthly,
            follow_up(FollowUpId(3), CustomerId(1), "2026-04-01", true),
            follow_up(FollowUpId(4), CustomerId(2), "2026-05-01", true),
        ],
        ..BulkBook::default()
    }
}

#[test]
fn roll_ups_match_the_one_row_at_a_time_path() {
    let book = sample();
    let mut bulk = Repository::open_in_memory().unwrap();
    let counts = bulk.insert_bulk(&book).unwrap();
    assert_eq!(
        (counts.customers, counts.interactions, counts.follow_ups),
        (3, 4, 4)
    );

    let mut by_hand = Repository::open_in_memory().unwrap();
    for c in &book.customers {
        by_hand.add_customer(&c.draft).unwrap();
    }
    for i in &book.interactions {
        by_hand.log_interaction(&i.draft, None).unwrap();
    }
    for f in &book.follow_ups {
        let id = by_hand.add_follow_up(&f.draft).unwrap();
        if f.done_at.is_some() {
            by_hand.complete_follow_up(id, f.draft.due_on).unwrap();
        }
    }
    for id in (1..=3).map(CustomerId) {
        let (a, b) = (
            bulk.customer(id).unwrap().unwrap(),
            by_hand.customer(id).unwrap().unwrap(),
        );
        assert_eq!(
            (a.last_contact_at, a.next_follow_up_on),
            (b.last_contact_at, b.next_follow_up_on)
        );
    }
    let first = bulk.customer(CustomerId(1)).unwrap().unwrap();
    assert_eq!(first.last_contact_at, Some(at("2026-04-01T16:30:00")));
    assert_eq!(first.next_follow_up_on, Some("2026-04-10".parse().unwrap()));
    assert_eq!(first.created_at, at("2026-01-01T09:00:00"));
    assert_eq!(first.updated_at, at("2026-01-02T09:00:00"));
    let second = bulk.customer(CustomerId(2)).unwrap().unwrap();
    assert_eq!(
        second.next_follow_up_on, None,
        "a done follow-up is not next"
    );
    assert_eq!(
        bulk.follow_up(FollowUpId(4)).unwrap().done_at,
        Some(at("2026-03-02T09:00:00"))
    );
    assert_eq!(
        bulk.customer(CustomerId(3))
            .unwrap()
            .unwrap()
            .last_contact_at,
        None
    );

    let newest = &bulk.history(CustomerId(1), 1, 0).unwrap()[0];
    assert_eq!(
        (newest.id, &newest.draft),
        (InteractionId(3), &book.interactions[2].draft)
    );
    let monthly = bulk.follow_up(FollowUpId(2)).unwrap();
    assert_eq!(monthly.draft, book.follow_ups[1].draft);
    assert_eq!(monthly.interaction_id, Some(InteractionId(3)));
}

#[test]
fn chunks_share_one_transaction_and_fail_as_one() {
    let mut repo = Repository::open_in_memory().unwrap();
    let mut step = 0;
    let result = repo.insert_bulk_chunks(|book| {
        step += 1;
        match step {
            1 => book
                .customers
                .push(customer(CustomerId(1), "Kept only if all is kept")),
            2 => {
                book.interactions.push(interaction(
                    InteractionId(1),
                    CustomerId(1),
                    "2026-03-05T10:00:00",
                ));
                book.customers.push(customer(CustomerId(2), "  "));
            }
            _ => return false,
        }
        true
    });
    assert!(matches!(result, Err(BookError::Invalid(_))), "{result:?}");
    assert_eq!(repo.customer_count().unwrap(), 0);

    let mut step = 0;
    let counts = repo
        .insert_bulk_chunks(|book| {
            step += 1;
            match step {
                1 => book.customers.push(customer(CustomerId(1), "First chunk")),
                2 => book.interactions.push(interaction(
                    InteractionId(1),
                    CustomerId(1),
                    "2026-03-05T10:00:00",
                )),
                _ => return false,
            }
            true
        })
        .unwrap();
    assert_eq!((counts.customers, counts.interactions), (1, 1));
    let c = repo.customer(CustomerId(1)).unwrap().unwrap();
    assert_eq!(c.last_contact_at, Some(at("2026-03-05T10:00:00")));
}

#[test]
fn stamps_spell_dates_as_the_book_does() {
    let mut stamp = Stamp::default();
    for s in [
        "2026-02-28T23:59:59",
        "2024-02-29T00:00:00",
        "0999-01-01T08:05:09",
        "9999-12-31T12:00:00",
    ] {
        let dt = at(s);
        assert_eq!(stamp.datetime(dt), text::datetime(dt));
        assert_eq!(stamp.date(dt.date()), text::date(dt.date()));
    }
    let far = NaiveDate::from_ymd_opt(12_345, 6, 7).unwrap();
    assert_eq!(stamp.date(far), text::date(far));
}
