//! Coming back to the review later the same day. The list stays as it was, item for item, so
//! "5 of 20" still means the same customer; only the marks follow the book, which may have
//! changed meanwhile (a call logged from the book, another fieldbook, an undo).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDateTime;

use super::{Handled, Review, ReviewItem};
use crate::book::due::Bucket;
use crate::book::model::{CustomerId, CustomerRow, FollowUp, FollowUpId};

/// True when a follow-up belongs in today's walk: overdue or due today.
fn is_due(f: &FollowUp, now: NaiveDateTime) -> bool {
    matches!(
        Bucket::of(f.draft.due_on, f.draft.due_time, now),
        Bucket::Overdue | Bucket::Today
    )
}

impl Review {
    /// Brings the marks up to date with the book as it is `now`: `open` is every open
    /// follow-up, `rows` every customer in the list. A follow-up item closed elsewhere reads
    /// done, one moved on reads snoozed, one open and due again (undone) is to do again; a
    /// customer going cold who was contacted or planned elsewhere reads so. Follow-ups that
    /// fell due since are added after the others; the customer on screen stays on screen.
    /// Returns how many were added.
    pub fn reconcile(
        &mut self,
        open: &[FollowUp],
        rows: &[CustomerRow],
        now: NaiveDateTime,
    ) -> usize {
        let open_by_id: HashMap<FollowUpId, &FollowUp> = open.iter().map(|f| (f.id, f)).collect();
        let row_by_id: HashMap<CustomerId, &CustomerRow> = rows.iter().map(|r| (r.id, r)).collect();
        for (item, mark) in self.items.iter_mut().zip(self.handled.iter_mut()) {
            match item {
                ReviewItem::FollowUp(f) => {
                    let now_open = open_by_id.get(&f.id).copied();
                    *mark = follow_up_mark(*mark, now_open, now);
                    if let Some(fresh) = now_open {
                        *f = fresh.clone();
                    }
                }
                ReviewItem::Cold(row) => {
                    let fresh = row_by_id.get(&row.id).copied();
                    *mark = cold_mark(*mark, fresh, now);
                    if let Some(fresh) = fresh {
                        *row = fresh.clone();
                    }
                }
            }
        }
        self.add_newly_due(open, now)
    }

    /// Inserts follow-ups due now but not in the walk at the end of the due part.
    fn add_newly_due(&mut self, open: &[FollowUp], now: NaiveDateTime) -> usize {
        let known: HashSet<FollowUpId> = self
            .items
            .iter()
            .filter_map(|i| match i {
                ReviewItem::FollowUp(f) => Some(f.id),
                ReviewItem::Cold(_) => None,
            })
            .collect();
        let mut new: Vec<&FollowUp> = open
            .iter()
            .filter(|f| is_due(f, now) && !known.contains(&f.id))
            .collect();
        new.sort_by_key(|f| crate::book::follow_ups::order_key(f));
        let at = self.due_items();
        let added = new.len();
        self.items
            .splice(at..at, new.into_iter().cloned().map(ReviewItem::FollowUp));
        self.handled
            .splice(at..at, std::iter::repeat_n(None, added));
        if self.at >= at {
            self.at += added;
        }
        added
    }
}

/// What a follow-up item's mark is, given the follow-up as the book now has it (`None`:
/// no longer open).
fn follow_up_mark(
    mark: Option<Handled>,
    now_open: Option<&FollowUp>,
    now: NaiveDateTime,
) -> Option<Handled> {
    match now_open {
        None => match mark {
            Some(Handled::Logged) => mark,
            _ => Some(Handled::Done),
        },
        Some(f) if is_due(f, now) => match mark {
            None | Some(Handled::Skipped) => mark,
            // Open and due again: what closed or moved it was undone.
            Some(_) => None,
        },
        Some(f) => Some(Handled::Snoozed(f.draft.due_on)),
    }
}

/// What a going-cold item's mark is, given the customer's row as the list now has it
/// (`None`: archived).
fn cold_mark(
    mark: Option<Handled>,
    row: Option<&CustomerRow>,
    now: NaiveDateTime,
) -> Option<Handled> {
    let settled = mark.filter(|h| *h != Handled::Skipped);
    match row {
        // Still (or again) going cold: a contact or plan recorded here was taken back.
        Some(r) if r.cold_by.is_some() => mark.filter(|h| *h == Handled::Skipped),
        _ if settled.is_some() => settled,
        Some(r) if r.last_contact_at.is_some_and(|t| t.date() == now.date()) => {
            Some(Handled::Logged)
        }
        Some(r) => Some(match r.next_follow_up_on {
            Some(on) => Handled::Planned(on),
            None => Handled::NoLongerCold,
        }),
        None => Some(Handled::NoLongerCold),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{cold, d, follow_up, review};
    use super::*;

    fn now() -> NaiveDateTime {
        "2026-11-28T10:00:00".parse().unwrap()
    }

    /// The book as the review left it: both follow-ups open, customer 30 still cold.
    fn book() -> (Vec<FollowUp>, Vec<CustomerRow>) {
        (vec![follow_up(1, 10), follow_up(2, 20)], vec![cold(30)])
    }

    #[test]
    fn nothing_changed_nothing_moves() {
        let mut r = review();
        r.settle(Handled::Skipped);
        let (open, rows) = book();
        assert_eq!(r.reconcile(&open, &rows, now()), 0);
        assert_eq!(r.handled, [Some(Handled::Skipped), None, None]);
        assert_eq!(r.at, 1);
    }

    #[test]
    fn closed_moved_or_undone_elsewhere_shows_as_it_is_in_the_book() {
        let mut r = review();
        r.settle(Handled::Snoozed(d("2026-11-29")));
        let (mut open, rows) = book();
        // The snooze was undone (due again), and the other follow-up was done from the book.
        open[0].draft.due_on = d("2026-11-27");
        open.pop();
        r.reconcile(&open, &rows, now());
        assert_eq!(r.handled[..2], [None, Some(Handled::Done)]);

        // Moved to next week from the book, and edited: the item shows the new task.
        open[0].draft.due_on = d("2026-12-03");
        open[0].draft.task = "new words".into();
        r.reconcile(&open, &rows, now());
        assert_eq!(r.handled[0], Some(Handled::Snoozed(d("2026-12-03"))));
        let ReviewItem::FollowUp(f) = &r.items[0] else {
            panic!("a follow-up")
        };
        assert_eq!(f.draft.task, "new words");
    }

    #[test]
    fn a_customer_contacted_planned_or_gone_elsewhere_is_marked_so() {
        let (open, mut rows) = book();
        let at = |rows: &[CustomerRow]| {
            let mut r = review();
            r.reconcile(&open, rows, now());
            r.handled[2]
        };
        rows[0].cold_by = None;
        rows[0].last_contact_at = Some(now());
        assert_eq!(at(&rows), Some(Handled::Logged));
        rows[0].last_contact_at = None;
        rows[0].next_follow_up_on = Some(d("2026-12-01"));
        assert_eq!(at(&rows), Some(Handled::Planned(d("2026-12-01"))));
        rows[0].next_follow_up_on = None;
        assert_eq!(at(&rows), Some(Handled::NoLongerCold), "stage set to lost");
        assert_eq!(at(&[]), Some(Handled::NoLongerCold), "archived");

        // Planned in the review, then the plan undone: going cold again, to do again.
        let mut r = review();
        r.step(2);
        r.settle(Handled::Planned(d("2026-11-30")));
        r.reconcile(&open, &[cold(30)], now());
        assert_eq!(r.handled[2], None);
    }

    #[test]
    fn follow_ups_due_since_join_the_due_part_and_the_item_on_screen_stays() {
        let mut r = review();
        r.step(2);
        let (mut open, rows) = book();
        let mut later = follow_up(7, 40);
        later.draft.due_on = d("2026-12-10");
        open.extend([follow_up(9, 50), follow_up(8, 60), later]);
        assert_eq!(r.reconcile(&open, &rows, now()), 2);
        let ids: Vec<_> = r.items.iter().map(|i| i.customer_id().get()).collect();
        assert_eq!(
            ids,
            [10, 20, 60, 50, 30],
            "the new ones after the others due, in due order"
        );
        assert_eq!(r.handled.len(), 5);
        assert_eq!(r.current().map(|i| i.customer_id().get()), Some(30));
    }
}
