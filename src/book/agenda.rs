//! The morning's list: what is overdue, due today and coming up, whose birthday it is, and who
//! is going cold. Shared by `fieldbook today` and the review screen.

use std::borrow::Borrow;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::due::{Bucket, SortOrder, sort_key};
use super::model::{Birthday, BirthdayOf, CustomerId, CustomerRow, FollowUp};

/// A birthday (or yearly date) of a customer or one of its people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BirthdayItem {
    pub customer_id: CustomerId,
    pub customer_name: String,
    /// The person at the customer, or `None` for the customer itself.
    pub person: Option<String>,
    pub on: NaiveDate,
    /// How old they turn, when the year of birth is known.
    pub turns: Option<i32>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Agenda {
    pub overdue: Vec<FollowUp>,
    pub today: Vec<FollowUp>,
    pub upcoming: Vec<FollowUp>,
    pub birthdays: Vec<BirthdayItem>,
    /// Customers past their stay-in-touch cadence, coldest first.
    pub cold: Vec<CustomerRow>,
}

/// The next time `birthday` comes round, today included. 29 February is kept on 28 February in
/// other years so it is never skipped.
pub fn next_birthday(birthday: Birthday, today: NaiveDate) -> NaiveDate {
    let on = |year: i32| {
        NaiveDate::from_ymd_opt(year, birthday.month, birthday.day)
            .or_else(|| NaiveDate::from_ymd_opt(year, birthday.month, birthday.day - 1))
            .unwrap_or(today)
    };
    let this_year = on(today.year());
    if this_year >= today {
        this_year
    } else {
        on(today.year() + 1)
    }
}

/// Customers going cold in the order the morning lists them: coldest first, then in attention
/// order.
pub fn order_cold<R: Borrow<CustomerRow>>(cold: &mut [R], today: NaiveDate) {
    // Stable sorts: attention order is kept among equals. One key per row, not two per
    // comparison: a big book has thousands going cold.
    cold.sort_by_cached_key(|r| sort_key(SortOrder::Attention, r.borrow(), today));
    cold.sort_by_key(|r| std::cmp::Reverse(r.borrow().cold_by));
}

/// The customers of `rows` going cold, in the order the morning lists them (`order_cold`),
/// without copying them: the review keeps only its share of a big book's thousands.
pub fn cold_rows(rows: &[CustomerRow], today: NaiveDate) -> Vec<&CustomerRow> {
    let mut cold: Vec<&CustomerRow> = rows.iter().filter(|r| r.cold_by.is_some()).collect();
    order_cold(&mut cold, today);
    cold
}

impl Agenda {
    /// `follow_ups` are the open ones (any order), split by `now` (a follow-up at 15:00 is
    /// overdue from 15:00); `rows` have `cold_by` filled in;
    /// `birthdays` are (customer, person, birthday) for everyone with one.
    pub fn build(
        follow_ups: Vec<FollowUp>,
        rows: &[CustomerRow],
        birthdays: &[BirthdayOf],
        now: NaiveDateTime,
        days: u32,
    ) -> Agenda {
        let today = now.date();
        let mut agenda = Agenda::default();
        // Saturating: a window past the calendar's end shows everything, never panics.
        let horizon = today
            .checked_add_days(chrono::Days::new(days.into()))
            .unwrap_or(NaiveDate::MAX);
        for f in follow_ups {
            match Bucket::of(f.draft.due_on, f.draft.due_time, now) {
                Bucket::Overdue => agenda.overdue.push(f),
                Bucket::Today => agenda.today.push(f),
                _ if f.draft.due_on <= horizon => agenda.upcoming.push(f),
                _ => {}
            }
        }
        for list in [&mut agenda.overdue, &mut agenda.today, &mut agenda.upcoming] {
            list.sort_by_key(super::follow_ups::order_key);
        }
        let week_end = today + chrono::Days::new(6);
        agenda.birthdays = birthdays
            .iter()
            .filter_map(|(id, name, person, b)| {
                let on = next_birthday(*b, today);
                (on <= week_end).then(|| BirthdayItem {
                    customer_id: *id,
                    customer_name: name.clone(),
                    person: person.clone(),
                    on,
                    turns: b.year.map(|y| on.year() - y),
                })
            })
            .collect();
        agenda
            .birthdays
            .sort_by(|a, b| (a.on, &a.customer_name).cmp(&(b.on, &b.customer_name)));
        agenda.cold = rows
            .iter()
            .filter(|r| r.cold_by.is_some())
            .cloned()
            .collect();
        order_cold(&mut agenda.cold, today);
        agenda
    }

    pub fn is_empty(&self) -> bool {
        self.overdue.is_empty()
            && self.today.is_empty()
            && self.upcoming.is_empty()
            && self.birthdays.is_empty()
            && self.cold.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::book::model::{CustomerId, FollowUpDraft, FollowUpId};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn follow_up(id: i64, due: &str) -> FollowUp {
        FollowUp {
            id: FollowUpId(id),
            draft: FollowUpDraft {
                customer_id: CustomerId(1),
                due_on: d(due),
                due_time: None,
                task: format!("task {id}").into(),
                repeat: None,
            },
            interaction_id: None,
            customer_name: "Acme".into(),
            done_at: None,
        }
    }

    #[test]
    fn birthdays_come_round_including_leap_days() {
        let b = |t: &str| Birthday::parse(t).unwrap();
        let today = d("2026-11-28");
        assert_eq!(next_birthday(b("1985-11-28"), today), d("2026-11-28"));
        assert_eq!(next_birthday(b("--11-27"), today), d("2027-11-27"));
        assert_eq!(next_birthday(b("--12-01"), today), d("2026-12-01"));
        assert_eq!(next_birthday(b("2000-02-29"), today), d("2027-02-28"));
        assert_eq!(
            next_birthday(b("2000-02-29"), d("2028-01-01")),
            d("2028-02-29")
        );
    }

    #[test]
    fn splits_follow_ups_and_finds_birthdays_this_week() {
        let today = d("2026-11-28");
        let fs = vec![
            follow_up(1, "2026-12-10"),
            follow_up(2, "2026-11-28"),
            follow_up(3, "2026-11-01"),
            follow_up(4, "2026-12-03"),
        ];
        let birthdays = vec![
            (
                CustomerId(1),
                "Acme".to_string(),
                Some("张伟".to_string()),
                Birthday::parse("1985-12-02").unwrap(),
            ),
            (
                CustomerId(2),
                "王芳".to_string(),
                None,
                Birthday::parse("--04-15").unwrap(),
            ),
        ];
        let a = Agenda::build(fs, &[], &birthdays, today.and_hms_opt(9, 0, 0).unwrap(), 7);
        let ids = |v: &[FollowUp]| v.iter().map(|f| f.id.get()).collect::<Vec<_>>();
        assert_eq!(ids(&a.overdue), [3]);
        assert_eq!(ids(&a.today), [2]);
        assert_eq!(ids(&a.upcoming), [4], "12-10 is past the 7-day horizon");
        assert_eq!(a.birthdays.len(), 1);
        assert_eq!(a.birthdays[0].person.as_deref(), Some("张伟"));
        assert_eq!(a.birthdays[0].turns, Some(41));
        assert!(!a.is_empty());
    }

    #[test]
    fn the_due_lead_and_the_cold_refs_give_the_whole_lists_review() {
        let today = d("2026-11-28");
        let now = today.and_hms_opt(16, 0, 0).unwrap();
        let mut fs = vec![
            follow_up(5, "2026-11-29"),
            follow_up(2, "2026-11-28"),
            follow_up(3, "2026-11-01"),
            follow_up(4, "2026-12-03"),
            follow_up(1, "2026-11-28"),
        ];
        fs[1].draft.due_time = chrono::NaiveTime::from_hms_opt(15, 0, 0);
        fs.sort_by_key(crate::book::follow_ups::order_key);
        // What the review reads from the book (`open_follow_ups_due_by`): those due by today.
        let due: Vec<FollowUp> = fs
            .iter()
            .filter(|f| f.draft.due_on <= today)
            .cloned()
            .collect();
        assert_eq!(due.len(), 3, "today's follow-ups are in it, timed or not");
        let whole = Agenda::build(fs.clone(), &[], &[], now, 0);
        let lead = Agenda::build(due, &[], &[], now, 0);
        assert_eq!((&lead.overdue, &lead.today), (&whole.overdue, &whole.today));
        assert_eq!(whole.overdue.len() + whole.today.len(), 3);

        let row = |id: i64, name: &str, cold_by: Option<i32>| CustomerRow {
            cold_by,
            ..CustomerRow::named(id, name)
        };
        let rows = [
            row(1, "甲", Some(3)),
            row(2, "乙", None),
            row(3, "丙", Some(40)),
            row(4, "丁", Some(3)),
        ];
        let copied = Agenda::build(Vec::new(), &rows, &[], now, 0).cold;
        let refs: Vec<i64> = cold_rows(&rows, today).iter().map(|r| r.id.get()).collect();
        let ids: Vec<i64> = copied.iter().map(|r| r.id.get()).collect();
        assert_eq!(refs, ids);
        assert_eq!(refs[0], 3, "coldest first");
    }

    #[test]
    fn a_timed_follow_up_moves_to_overdue_when_its_time_passes_and_leads_its_day() {
        let today = d("2026-11-28");
        let at = |h, m| today.and_hms_opt(h, m, 0).unwrap();
        let mut three = follow_up(1, "2026-11-28");
        three.draft.due_time = chrono::NaiveTime::from_hms_opt(15, 0, 0);
        let mut nine = follow_up(2, "2026-11-28");
        nine.draft.due_time = chrono::NaiveTime::from_hms_opt(9, 0, 0);
        let untimed = follow_up(3, "2026-11-28");
        let fs = vec![untimed, three, nine];
        let ids = |v: &[FollowUp]| v.iter().map(|f| f.id.get()).collect::<Vec<_>>();
        let before = Agenda::build(fs.clone(), &[], &[], at(8, 0), 7);
        assert_eq!(ids(&before.today), [2, 1, 3], "timed first, by time");
        let after = Agenda::build(fs, &[], &[], at(15, 1), 7);
        assert_eq!(ids(&after.overdue), [2, 1]);
        assert_eq!(ids(&after.today), [3]);
    }

    #[test]
    fn a_window_past_the_calendar_end_shows_everything_without_panicking() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let fs = vec![follow_up(4, "2200-12-31")];
        let a = Agenda::build(fs, &[], &[], today.and_hms_opt(9, 0, 0).unwrap(), u32::MAX);
        assert_eq!(a.upcoming.len(), 1);
    }
}
