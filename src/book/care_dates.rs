//! Care without harassment: yearly dates to remember a few days ahead, and who still to greet
//! for a holiday.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::agenda::next_birthday;
use super::holidays::Holiday;
use super::model::{Birthday, CustomerId, Tier};

/// A birthday or important date coming round, and when to be reminded of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CareItem {
    pub customer_id: CustomerId,
    /// The person at the customer, or `None` for the customer itself.
    pub person: Option<String>,
    /// The next occurrence, today included (29 February falls on 28 February in other years).
    pub on: NaiveDate,
    /// `lead_days` before `on`, but never before today: the due date of the follow-up. When
    /// `care_due` runs every day this is today; after days away, missed reminders are due today.
    pub remind_on: NaiveDate,
    /// How old they turn (or how many years it has been), when the year is known.
    pub turns: Option<i32>,
}

/// The yearly dates whose next occurrence is within `lead_days` of today (today included),
/// by date, then customer, then person.
pub fn care_due(
    dates: &[(CustomerId, Option<String>, Birthday)],
    today: NaiveDate,
    lead_days: u32,
) -> Vec<CareItem> {
    let lead = chrono::Days::new(lead_days.into());
    let horizon = today.checked_add_days(lead).unwrap_or(NaiveDate::MAX);
    let mut items: Vec<CareItem> = dates
        .iter()
        .filter_map(|(customer_id, person, date)| {
            let on = next_birthday(*date, today);
            (on <= horizon).then(|| CareItem {
                customer_id: *customer_id,
                person: person.clone(),
                on,
                remind_on: on.checked_sub_days(lead).unwrap_or(today).max(today),
                turns: date.year.map(|y| on.year().saturating_sub(y)),
            })
        })
        .collect();
    items.sort_by(|a, b| (a.on, a.customer_id, &a.person).cmp(&(b.on, b.customer_id, &b.person)));
    items
}

/// Whether a customer of this tier is greeted for this holiday: A and B customers for every
/// greeted holiday; everyone (C and not yet tiered too) for Spring Festival, the one greeting
/// every business contact in China expects. Fewer messages to C customers is care, not neglect.
pub fn greets(tier: Option<Tier>, holiday_key: &str) -> bool {
    matches!(tier, Some(Tier::A | Tier::B)) || holiday_key == "spring_festival"
}

/// Who still to greet for `holiday`: customers `greets` picks, less those already greeted for
/// it this year (`greeted_this_year` holds (customer, holiday key) for the holiday's year).
/// A customers first, then B, then the rest, each in the order given. The caller leaves out
/// archived and lost customers.
pub fn greeting_list(
    customers: &[(CustomerId, Option<Tier>)],
    greeted_this_year: &HashSet<(CustomerId, &str)>,
    holiday: &Holiday,
) -> Vec<CustomerId> {
    let mut list: Vec<(CustomerId, Option<Tier>)> = customers
        .iter()
        .copied()
        .filter(|(id, tier)| {
            greets(*tier, holiday.key) && !greeted_this_year.contains(&(*id, holiday.key))
        })
        .collect();
    list.sort_by_key(|(_, tier)| match tier {
        Some(Tier::A) => 0,
        Some(Tier::B) => 1,
        _ => 2,
    });
    let mut seen = HashSet::new();
    list.into_iter()
        .map(|(id, _)| id)
        .filter(|id| seen.insert(*id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::book::holidays::find;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn b(s: &str) -> Birthday {
        Birthday::parse(s).unwrap()
    }

    #[test]
    fn dates_within_the_lead_come_with_a_reminder_day() {
        let dates = vec![
            (CustomerId(1), None, b("1980-12-05")),
            (CustomerId(2), Some("Li Wei".to_string()), b("--12-01")),
            (CustomerId(3), None, b("--12-06")),
            (CustomerId(4), Some("Zhang".to_string()), b("--11-28")),
            (CustomerId(5), None, b("--11-27")),
        ];
        let due = care_due(&dates, d("2026-11-28"), 7);
        let got: Vec<_> = due
            .iter()
            .map(|c| (c.customer_id.get(), c.on, c.remind_on, c.turns))
            .collect();
        assert_eq!(
            got,
            vec![
                (4, d("2026-11-28"), d("2026-11-28"), None),
                (2, d("2026-12-01"), d("2026-11-28"), None),
                (1, d("2026-12-05"), d("2026-11-28"), Some(46)),
            ],
            "12-06 is 8 days out; 11-27 comes round next year"
        );
        assert_eq!(due[1].person.as_deref(), Some("Li Wei"));
        let later = care_due(&dates, d("2026-11-20"), 7);
        let first = &later[0];
        assert_eq!(
            (first.customer_id, first.remind_on),
            (CustomerId(5), d("2026-11-20"))
        );
        // Called every day, each date shows up (and is due) exactly `lead_days` ahead; after
        // days away, what was missed is due today rather than in the past.
        let lead_30 = care_due(&dates, d("2026-11-05"), 30);
        assert_eq!(lead_30.len(), 4);
        let one = lead_30
            .iter()
            .find(|c| c.customer_id == CustomerId(1))
            .unwrap();
        assert_eq!(one.remind_on, d("2026-11-05"), "30 days before 12-05");
        assert!(lead_30.iter().all(|c| c.remind_on == d("2026-11-05")));
        assert!(
            care_due(&dates, d("2026-11-04"), 30)
                .iter()
                .all(|c| c.customer_id != CustomerId(1))
        );
        assert!(
            care_due(&dates, d("2026-11-28"), 0)
                .iter()
                .all(|c| c.on == d("2026-11-28"))
        );
    }

    #[test]
    fn leap_day_dates_fall_on_28_february_in_other_years() {
        let dates = vec![
            (CustomerId(1), None, b("2000-02-29")),
            (CustomerId(2), None, b("--02-29")),
        ];
        let due = care_due(&dates, d("2027-02-25"), 5);
        assert_eq!(due.len(), 2);
        assert_eq!(due[0].on, d("2027-02-28"));
        assert_eq!(due[0].remind_on, d("2027-02-25"));
        assert_eq!(due[0].turns, Some(27));
        let leap = care_due(&dates, d("2028-02-25"), 5);
        assert_eq!(leap[0].on, d("2028-02-29"));
        assert_eq!(leap[0].remind_on, d("2028-02-25"));
    }

    #[test]
    fn greets_a_and_b_and_everyone_at_spring_festival() {
        let customers = vec![
            (CustomerId(1), Some(Tier::C)),
            (CustomerId(2), Some(Tier::B)),
            (CustomerId(3), Some(Tier::A)),
            (CustomerId(4), None),
            (CustomerId(5), Some(Tier::A)),
            (CustomerId(3), Some(Tier::A)),
        ];
        let mid_autumn = find("mid_autumn", 2026).unwrap();
        let spring = find("spring_festival", 2026).unwrap();
        let mut greeted = HashSet::new();
        greeted.insert((CustomerId(5), "mid_autumn"));
        greeted.insert((CustomerId(2), "spring_festival"));
        assert_eq!(
            greeting_list(&customers, &greeted, &mid_autumn),
            [3, 2].map(CustomerId)
        );
        assert_eq!(
            greeting_list(&customers, &greeted, &spring),
            [3, 5, 1, 4].map(CustomerId)
        );
        assert!(greeting_list(&[], &greeted, &spring).is_empty());
    }
}
