//! Today's review: every overdue and due follow-up, then today's share of the customers going
//! cold, one at a time, each with what was said last. The list is fixed when the review opens,
//! so handling an item never reshuffles what is still to come; it is kept for the day, so
//! leaving and coming back resumes it (see `resume`).

use chrono::NaiveDate;

use crate::book::model::{Contact, Customer, CustomerId, CustomerRow, FollowUp, Interaction};

mod resume;

/// How many of the customer's latest interactions sit beside the item.
pub const RECENT: usize = 5;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewItem {
    FollowUp(FollowUp),
    Cold(CustomerRow),
}

impl ReviewItem {
    pub fn customer_id(&self) -> CustomerId {
        match self {
            ReviewItem::FollowUp(f) => f.draft.customer_id,
            ReviewItem::Cold(r) => r.id,
        }
    }
}

/// What became of an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handled {
    Done,
    Snoozed(NaiveDate),
    /// A contact was logged (for a follow-up, that also closed it).
    Logged,
    /// A follow-up was planned for a customer going cold.
    Planned(NaiveDate),
    /// Left for now: the follow-up is still open, the customer still going cold.
    Skipped,
    /// The customer stopped going cold by a change made outside the review (a stage, a
    /// cadence, archived).
    NoLongerCold,
}

impl Handled {
    /// The mark on the card: a tick for what is dealt with, an arrow for a snooze, a dot for
    /// a skip, so a skipped item never reads as done.
    pub fn mark(self) -> String {
        let date = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        match self {
            Handled::Done => crate::t!("review-mark-done"),
            Handled::Snoozed(d) => crate::t!("review-mark-snoozed", date = date(d)),
            Handled::Logged => crate::t!("review-mark-logged"),
            Handled::Planned(d) => crate::t!("review-mark-planned", date = date(d)),
            Handled::Skipped => crate::t!("review-mark-skipped"),
            Handled::NoLongerCold => crate::t!("review-mark-no-longer-cold"),
        }
    }
}

/// The quick snooze choices offered after `s`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuickDate {
    Tomorrow,
    InThreeDays,
    NextWeek,
    /// Ask for a date in any form the date parser reads.
    Typed,
}

impl QuickDate {
    /// The date a quick choice stands for (`None` for Typed). "Next week" is next Monday, as a
    /// salesperson planning the week means it.
    pub fn resolve(self, today: NaiveDate) -> Option<NaiveDate> {
        use chrono::Datelike;
        let days = match self {
            QuickDate::Tomorrow => 1,
            QuickDate::InThreeDays => 3,
            QuickDate::NextWeek => 7 - u64::from(today.weekday().num_days_from_monday()),
            QuickDate::Typed => return None,
        };
        Some(today + chrono::Days::new(days))
    }
}

#[derive(Debug, Clone, Default)]
pub struct Review {
    /// The day the list was made for: on another day the review starts afresh.
    pub day: NaiveDate,
    pub items: Vec<ReviewItem>,
    pub handled: Vec<Option<Handled>>,
    /// The item on screen; `items.len()` once the walk is over.
    pub at: usize,
    /// `s` was pressed: the quick snooze choices are showing.
    pub choosing_date: bool,
    /// Customers going cold in all today, of whom the review walks its share.
    pub cold_total: usize,
    /// The going-cold part was chosen from the whole book; not yet when the review opened
    /// while the book was still being read.
    pub cold_chosen: bool,
    /// The current item's customer and latest interactions.
    pub customer: Option<Customer>,
    /// Its tier and stage as the profile shows them (computed, or set by hand).
    pub account: Option<crate::services::account::Account>,
    pub recent: Vec<Interaction>,
    pub recent_total: usize,
    /// The current item's people: whom to ask for, and their numbers, before dialling.
    pub people: Vec<Contact>,
}

impl Review {
    /// The overdue then due-today follow-ups, in the agenda's order, for `day`.
    pub fn new(day: NaiveDate, due: Vec<FollowUp>) -> Review {
        let items: Vec<ReviewItem> = due.into_iter().map(ReviewItem::FollowUp).collect();
        Review {
            day,
            handled: vec![None; items.len()],
            items,
            ..Review::default()
        }
    }

    /// Appends today's share of the customers going cold (`cold`, ranked and capped, of
    /// `total`), leaving out any already in the walk with a due follow-up: handling it is the
    /// contact they need.
    pub fn add_cold(&mut self, cold: Vec<CustomerRow>, total: usize) {
        let present: std::collections::HashSet<CustomerId> =
            self.items.iter().map(ReviewItem::customer_id).collect();
        for row in cold.into_iter().filter(|r| !present.contains(&r.id)) {
            self.items.push(ReviewItem::Cold(row));
            self.handled.push(None);
        }
        self.cold_total = total;
        self.cold_chosen = true;
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn current(&self) -> Option<&ReviewItem> {
        self.items.get(self.at)
    }

    pub fn current_handled(&self) -> Option<Handled> {
        self.handled.get(self.at).copied().flatten()
    }

    pub fn is_finished(&self) -> bool {
        self.at >= self.items.len()
    }

    /// Items nobody has dealt with yet (skipped ones count as dealt with).
    pub fn left(&self) -> usize {
        self.handled.iter().filter(|h| h.is_none()).count()
    }

    pub fn count(&self, pred: impl Fn(Handled) -> bool) -> usize {
        self.handled.iter().flatten().filter(|h| pred(**h)).count()
    }

    pub fn due_items(&self) -> usize {
        self.items
            .iter()
            .filter(|i| matches!(i, ReviewItem::FollowUp(_)))
            .count()
    }

    /// Records what became of the current item and moves on to the next.
    pub fn settle(&mut self, handled: Handled) {
        if let Some(slot) = self.handled.get_mut(self.at) {
            // Skipping something already handled keeps what was done.
            if !(handled == Handled::Skipped && slot.is_some()) {
                *slot = Some(handled);
            }
        }
        self.step(1);
    }

    pub fn cold_items(&self) -> usize {
        self.items.len() - self.due_items()
    }

    /// `J`: every customer going cold not dealt with yet is skipped, and the walk goes on to
    /// the first item not dealt with, or the summary. Returns how many were skipped.
    pub fn skip_going_cold(&mut self) -> usize {
        let mut skipped = 0;
        for (item, slot) in self.items.iter().zip(self.handled.iter_mut()) {
            if matches!(item, ReviewItem::Cold(_)) && slot.is_none() {
                *slot = Some(Handled::Skipped);
                skipped += 1;
            }
        }
        self.choosing_date = false;
        self.at = self
            .handled
            .iter()
            .position(Option::is_none)
            .unwrap_or(self.items.len());
        skipped
    }

    /// Moves by `delta` items, stopping one past the last (the summary) or at the first.
    pub fn step(&mut self, delta: isize) {
        self.at = self.at.saturating_add_signed(delta).min(self.items.len());
        self.choosing_date = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::book::model::{FollowUpDraft, FollowUpId};

    pub(super) fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// An open follow-up of `customer_id`, due the day before the tests' today (2026-11-28).
    pub(super) fn follow_up(id: i64, customer_id: i64) -> FollowUp {
        FollowUp {
            id: FollowUpId(id),
            draft: FollowUpDraft {
                customer_id: CustomerId(customer_id),
                due_on: d("2026-11-27"),
                due_time: None,
                task: format!("task {id}").into(),
                repeat: None,
            },
            interaction_id: None,
            customer_name: format!("customer {customer_id}").into(),
            done_at: None,
        }
    }

    /// A customer 10 days past its cadence.
    pub(super) fn cold(id: i64) -> CustomerRow {
        CustomerRow {
            created_at: d("2026-01-01").and_hms_opt(9, 0, 0).unwrap(),
            cold_by: Some(10),
            ..CustomerRow::named(id, &format!("customer {id}"))
        }
    }

    /// The review the tests walk: two follow-ups due (customers 10 and 20), then customers
    /// 10 (already in the walk) and 30 going cold.
    pub(super) fn review() -> Review {
        let mut review = Review::new(d("2026-11-28"), vec![follow_up(1, 10), follow_up(2, 20)]);
        review.add_cold(vec![cold(10), cold(30)], 5);
        review
    }

    #[test]
    fn due_items_come_first_and_cold_customers_with_a_due_item_are_not_repeated() {
        let review = review();
        let ids: Vec<_> = review.items.iter().map(|i| i.customer_id().get()).collect();
        assert_eq!(ids, [10, 20, 30]);
        assert_eq!((review.due_items(), review.cold_items()), (2, 1));
        assert_eq!(review.left(), 3);
        assert_eq!(review.cold_total, 5);
    }

    #[test]
    fn settling_moves_on_and_counts_what_is_left() {
        let mut review = review();
        review.settle(Handled::Done);
        assert_eq!((review.at, review.left()), (1, 2));
        review.settle(Handled::Skipped);
        review.step(-1);
        review.settle(Handled::Snoozed(d("2026-11-29")));
        assert_eq!(review.left(), 1, "a skipped item handled later counts once");
        review.step(-2);
        review.settle(Handled::Skipped);
        assert_eq!(review.handled[0], Some(Handled::Done), "skip keeps done");
        review.step(5);
        assert!(review.is_finished());
        assert_eq!(review.count(|h| h == Handled::Done), 1);
    }

    #[test]
    fn skipping_the_going_cold_part_goes_to_what_is_left() {
        let mut review = review();
        review.add_cold(vec![cold(40), cold(50)], 5);
        review.settle(Handled::Done);
        review.step(2);
        review.settle(Handled::Planned(d("2026-11-30")));
        assert_eq!(review.at, 4, "on customer 50");
        assert_eq!(review.skip_going_cold(), 2, "the two not dealt with");
        assert_eq!(review.handled[2], Some(Handled::Skipped));
        assert_eq!(review.handled[3], Some(Handled::Planned(d("2026-11-30"))));
        assert_eq!(review.handled[4], Some(Handled::Skipped));
        assert_eq!(review.at, 1, "the follow-up passed over is still to do");
        review.settle(Handled::Skipped);
        assert_eq!(review.skip_going_cold(), 0);
        assert!(review.is_finished(), "nothing left: the summary");
    }

    #[test]
    fn marks_read_differently_and_a_skip_never_reads_as_done() {
        let marks: Vec<String> = [
            Handled::Done,
            Handled::Snoozed(d("2026-11-29")),
            Handled::Skipped,
        ]
        .into_iter()
        .map(Handled::mark)
        .collect();
        assert_eq!(
            marks,
            ["✓ done", "→ snoozed to 2026-11-29", "· skipped, still open"]
        );
    }

    #[test]
    fn quick_dates() {
        let sat = d("2026-11-28");
        assert_eq!(QuickDate::Tomorrow.resolve(sat), Some(d("2026-11-29")));
        assert_eq!(QuickDate::InThreeDays.resolve(sat), Some(d("2026-12-01")));
        assert_eq!(QuickDate::NextWeek.resolve(sat), Some(d("2026-11-30")));
        let mon = d("2026-11-30");
        assert_eq!(QuickDate::NextWeek.resolve(mon), Some(d("2026-12-07")));
        assert_eq!(QuickDate::Typed.resolve(sat), None);
    }
}
