//! Staying in touch without harassing: who is going cold, and when a new contact would come too
//! soon or too often.

use chrono::{NaiveDate, NaiveDateTime};

use super::model::{CustomerId, CustomerRow, Tier};

/// The stay-in-touch interval that applies: the customer's own, else its tier's default.
pub fn cadence(own: Option<u32>, tier_default: Option<u32>) -> Option<u32> {
    own.or(tier_default).filter(|d| *d > 0)
}

/// What going cold is judged on, for one customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColdFacts {
    pub last_contact: Option<NaiveDateTime>,
    /// When the customer was added: silence counts from here while nobody has been contacted.
    pub created: NaiveDateTime,
    /// The cadence that applies (see `cadence`): the customer's own, else its tier's default.
    pub cadence_days: Option<u32>,
    /// The stage that applies is lost: a lost customer is not "going" anywhere any more.
    pub lost: bool,
    /// An open follow-up is planned: the next contact is already on the calendar.
    pub follow_up_planned: bool,
}

/// Going cold, the one rule every screen and command counts by: days past the cadence (0 =
/// due today), counted from the last contact, or from when the customer was added if never
/// contacted; `None` when not cold, no cadence applies, the customer is lost, or a follow-up
/// is already planned.
pub fn going_cold(facts: &ColdFacts, today: NaiveDate) -> Option<i64> {
    if facts.lost || facts.follow_up_planned {
        return None;
    }
    cold_by(facts.last_contact, facts.created, facts.cadence_days, today)
}

/// Days past the cadence (0 = due today) of a customer quiet since `since` (its last contact,
/// else when it was added), as `going_cold` counts them before asking whether the customer is
/// lost or has a follow-up planned: a book's quiet customers are ranked by this, and only
/// those past their cadence are then asked whether they are lost.
pub fn past_cadence(
    since: NaiveDateTime,
    cadence_days: Option<u32>,
    today: NaiveDate,
) -> Option<i64> {
    cold_by(Some(since), since, cadence_days, today)
}

fn cold_by(
    last_contact: Option<NaiveDateTime>,
    created: NaiveDateTime,
    cadence_days: Option<u32>,
    today: NaiveDate,
) -> Option<i64> {
    let cadence = i64::from(cadence_days?);
    let since = last_contact.unwrap_or(created).date();
    let over = (today - since).num_days() - cadence;
    (over >= 0).then_some(over)
}

/// Fills in `cold_by` on every row by `going_cold`, with `tier_default` giving the cadence for
/// a tier and `lost` saying whose stage is lost; the row's own next follow-up says whether one
/// is planned.
pub fn mark_cold(
    rows: &mut [CustomerRow],
    tier_default: impl Fn(Option<Tier>) -> Option<u32>,
    lost: impl Fn(CustomerId) -> bool,
    today: NaiveDate,
) {
    for row in rows {
        let facts = ColdFacts {
            last_contact: row.last_contact_at,
            created: row.created_at,
            cadence_days: cadence(row.cadence_days, tier_default(row.tier)),
            lost: lost(row.id),
            follow_up_planned: row.next_follow_up_on.is_some(),
        };
        row.cold_by =
            going_cold(&facts, today).map(|d| d.clamp(i32::MIN.into(), i32::MAX.into()) as i32);
    }
}

/// `too_often`, leaving out one planned date of `around`: `handled`, the due follow-up this
/// very contact closes, is not another contact.
pub fn too_often_closing(
    planned: NaiveDate,
    mut around: Vec<NaiveDate>,
    ceiling: Ceiling,
    handled: Option<NaiveDate>,
) -> Vec<TooOften> {
    if let Some(pos) = handled.and_then(|h| around.iter().position(|d| *d == h)) {
        around.swap_remove(pos);
    }
    too_often(planned, &around, ceiling)
}

/// Limits on how often one customer is contacted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ceiling {
    pub min_days_between: u32,
    pub max_per_30_days: u32,
}

/// Why a planned contact may be too much for the customer (the front ends say it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TooOften {
    /// Another contact `gap` days from this one (0: the same day), closer than `min_days`.
    TooClose { gap: i64, min_days: u32 },
    /// `count` contacts within 30 days, above `ceiling`.
    TooMany { count: usize, ceiling: u32 },
}

/// Warnings (never refusals) for a planned contact on `planned`, given the customer's contact
/// and follow-up dates around it.
pub fn too_often(planned: NaiveDate, others: &[NaiveDate], ceiling: Ceiling) -> Vec<TooOften> {
    let mut warnings = Vec::new();
    if ceiling.min_days_between > 0 {
        let closest = others.iter().map(|d| (*d - planned).num_days().abs()).min();
        if let Some(gap) = closest.filter(|g| *g < i64::from(ceiling.min_days_between)) {
            warnings.push(TooOften::TooClose {
                gap,
                min_days: ceiling.min_days_between,
            });
        }
    }
    if ceiling.max_per_30_days > 0 {
        // The busiest 30-day window that contains the planned date.
        let busiest = (0..30)
            .map(|shift| {
                let start = planned - chrono::Days::new(shift);
                let end = start + chrono::Days::new(29);
                1 + others.iter().filter(|d| **d >= start && **d <= end).count()
            })
            .max()
            .unwrap_or(1);
        if busiest > ceiling.max_per_30_days as usize {
            warnings.push(TooOften::TooMany {
                count: busiest,
                ceiling: ceiling.max_per_30_days,
            });
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn dt(s: &str) -> NaiveDateTime {
        format!("{s}T10:00:00").parse().unwrap()
    }

    #[test]
    fn own_cadence_wins_over_the_tier_default() {
        assert_eq!(cadence(Some(7), Some(30)), Some(7));
        assert_eq!(cadence(None, Some(30)), Some(30));
        assert_eq!(cadence(None, None), None);
        assert_eq!(cadence(None, Some(0)), None, "0 means no cadence");
    }

    #[test]
    fn cold_counts_from_the_last_contact_or_from_creation() {
        let today = d("2026-11-28");
        let created = dt("2026-01-01");
        assert_eq!(
            cold_by(Some(dt("2026-11-14")), created, Some(14), today),
            Some(0),
            "due today"
        );
        assert_eq!(
            cold_by(Some(dt("2026-11-15")), created, Some(14), today),
            None,
            "not yet"
        );
        assert_eq!(
            cold_by(Some(dt("2026-10-29")), created, Some(14), today),
            Some(16)
        );
        assert_eq!(
            cold_by(None, dt("2026-11-20"), Some(14), today),
            None,
            "new, never contacted"
        );
        assert_eq!(cold_by(None, created, Some(14), today), Some(317));
        assert_eq!(
            cold_by(Some(dt("2025-01-01")), created, None, today),
            None,
            "no cadence"
        );
    }

    #[test]
    fn past_the_cadence_counts_from_the_silence_as_going_cold_does() {
        let today = d("2026-11-28");
        for (since, every) in [("2026-11-14", 14), ("2026-11-15", 14), ("2025-03-01", 0)] {
            for contacted in [true, false] {
                let facts = ColdFacts {
                    last_contact: contacted.then(|| dt(since)),
                    created: if contacted {
                        dt("2024-01-01")
                    } else {
                        dt(since)
                    },
                    cadence_days: cadence(None, Some(every)),
                    lost: false,
                    follow_up_planned: false,
                };
                assert_eq!(
                    past_cadence(dt(since), facts.cadence_days, today),
                    going_cold(&facts, today),
                    "{since} every {every} days"
                );
            }
        }
        assert_eq!(past_cadence(dt("2026-11-14"), Some(14), today), Some(0));
        assert_eq!(past_cadence(dt("2026-11-15"), Some(14), today), None);
    }

    #[test]
    fn lost_customers_and_planned_follow_ups_are_never_cold() {
        let today = d("2026-11-28");
        let silent = ColdFacts {
            last_contact: Some(dt("2026-01-01")),
            created: dt("2025-01-01"),
            cadence_days: Some(30),
            lost: false,
            follow_up_planned: false,
        };
        assert_eq!(going_cold(&silent, today), Some(301));
        let lost = ColdFacts {
            lost: true,
            ..silent
        };
        assert_eq!(going_cold(&lost, today), None, "lost");
        let planned = ColdFacts {
            follow_up_planned: true,
            ..silent
        };
        assert_eq!(going_cold(&planned, today), None, "a follow-up is planned");
    }

    #[test]
    fn warns_when_too_close_or_too_many() {
        let ceiling = Ceiling {
            min_days_between: 2,
            max_per_30_days: 3,
        };
        assert!(too_often(d("2026-11-28"), &[d("2026-11-20")], ceiling).is_empty());
        let w = too_often(d("2026-11-28"), &[d("2026-11-27")], ceiling);
        assert_eq!(
            w,
            vec![TooOften::TooClose {
                gap: 1,
                min_days: 2
            }]
        );
        let busy = [d("2026-11-01"), d("2026-11-10"), d("2026-11-20")];
        let w = too_often(d("2026-11-28"), &busy, ceiling);
        assert_eq!(
            w,
            vec![TooOften::TooMany {
                count: 4,
                ceiling: 3
            }]
        );
        // Outside the window does not count.
        assert!(too_often(d("2026-12-25"), &busy, ceiling).is_empty());
        let off = Ceiling {
            min_days_between: 0,
            max_per_30_days: 0,
        };
        assert!(too_often(d("2026-11-28"), &[d("2026-11-28")], off).is_empty());
        // The follow-up a contact closes is not another contact; a second one that day is.
        let due = d("2026-11-28");
        assert!(too_often_closing(due, vec![due], ceiling, Some(due)).is_empty());
        assert_eq!(
            too_often_closing(due, vec![due, due], ceiling, Some(due)).len(),
            1
        );
    }
}
