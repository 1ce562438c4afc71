//! The dashboard's numbers, and the visit planner: pure aggregates over what the repository
//! reads, with today as a parameter.

use std::collections::HashMap;

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::Serialize;

use super::deals::{Deal, DealStage};
use super::lifecycle::StageVerdict;
use super::model::{Channel, CustomerId, CustomerRow, Stage, Tier};

/// The Monday of the week `day` falls in (weeks run Monday to Sunday).
pub fn week_start(day: NaiveDate) -> NaiveDate {
    let back = u64::from(day.weekday().num_days_from_monday());
    day.checked_sub_days(Days::new(back)).unwrap_or(day)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ChannelWeek {
    pub channel: Channel,
    pub this_week: usize,
    pub last_week: usize,
}

/// Contacts per channel in this week and the last (Monday to Sunday), one entry per channel in
/// `Channel::ALL` order, zeros included.
pub fn contacts_by_channel(
    contacts: &[(NaiveDate, Channel)],
    today: NaiveDate,
) -> Vec<ChannelWeek> {
    let this_monday = week_start(today);
    let last_monday = this_monday
        .checked_sub_days(Days::new(7))
        .unwrap_or(this_monday);
    let next_monday = this_monday
        .checked_add_days(Days::new(7))
        .unwrap_or(NaiveDate::MAX);
    Channel::ALL
        .iter()
        .map(|&channel| {
            let of = |on: &NaiveDate, c: &Channel| {
                *c == channel && *on >= last_monday && *on < next_monday
            };
            let (this_week, last_week) = contacts.iter().filter(|(on, c)| of(on, c)).fold(
                (0, 0),
                |(this, last), (on, _)| {
                    if *on >= this_monday {
                        (this + 1, last)
                    } else {
                        (this, last + 1)
                    }
                },
            );
            ChannelWeek {
                channel,
                this_week,
                last_week,
            }
        })
        .collect()
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Timeliness {
    pub on_time: usize,
    pub late: usize,
}

/// Done follow-ups as (due on, done on): done on or before the due day is on time.
pub fn follow_up_timeliness(done: &[(NaiveDate, NaiveDate)]) -> Timeliness {
    done.iter()
        .fold(Timeliness::default(), |mut t, (due, done)| {
            if done <= due {
                t.on_time += 1;
            } else {
                t.late += 1;
            }
            t
        })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MonthRevenue {
    /// The first day of the month.
    pub month: NaiveDate,
    /// Minor units of the book currency.
    pub total: i64,
}

/// Won revenue in the book currency for each of the 12 months ending with this one, oldest
/// first, zeros included.
pub fn revenue_by_month(
    deals: &[Deal],
    book_currency: &str,
    today: NaiveDate,
) -> Vec<MonthRevenue> {
    let this_month = today.with_day(1).unwrap_or(today);
    let mut months: Vec<MonthRevenue> = (0..12u32)
        .rev()
        .filter_map(|back| this_month.checked_sub_months(Months::new(back)))
        .map(|month| MonthRevenue { month, total: 0 })
        .collect();
    for deal in deals.iter().map(|d| &d.draft) {
        let in_currency = deal
            .currency
            .trim()
            .eq_ignore_ascii_case(book_currency.trim());
        let Some(on) = deal
            .closed_on
            .filter(|_| deal.stage == DealStage::Won && in_currency)
        else {
            continue;
        };
        if let Some(m) = months
            .iter_mut()
            .find(|m| m.month.year() == on.year() && m.month.month() == on.month())
        {
            m.total = m.total.saturating_add(deal.amount);
        }
    }
    months
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TierShare {
    pub tier: Tier,
    pub customers: usize,
    pub revenue: i64,
    /// Share of all revenue, in whole percent (rounded; the three may not add to 100).
    pub share_pct: u8,
}

/// Customers and revenue per tier (A, B, C), from (tier that applies, trailing revenue).
pub fn tier_distribution(customers: &[(Tier, i64)]) -> Vec<TierShare> {
    let total: i128 = customers.iter().map(|(_, r)| i128::from((*r).max(0))).sum();
    Tier::ALL
        .iter()
        .map(|&tier| {
            let mine = customers.iter().filter(|(t, _)| *t == tier);
            let revenue: i128 = mine.clone().map(|(_, r)| i128::from((*r).max(0))).sum();
            let share = if total == 0 {
                0
            } else {
                (revenue * 100 + total / 2) / total
            };
            TierShare {
                tier,
                customers: mine.count(),
                revenue: i64::try_from(revenue).unwrap_or(i64::MAX),
                share_pct: u8::try_from(share).unwrap_or(100),
            }
        })
        .collect()
}

/// How many customers are at each stage, in `Stage::ALL` order, zeros included.
pub fn lifecycle_counts(stages: &[Stage]) -> Vec<(Stage, usize)> {
    Stage::ALL
        .iter()
        .map(|&s| (s, stages.iter().filter(|x| **x == s).count()))
        .collect()
}

/// The at-risk customers, riskiest first (equal risk: lower id first).
pub fn at_risk(verdicts: &[(CustomerId, StageVerdict)]) -> Vec<&(CustomerId, StageVerdict)> {
    let mut list: Vec<_> = verdicts
        .iter()
        .filter(|(_, v)| v.stage == Stage::AtRisk)
        .collect();
    list.sort_by(|(a, va), (b, vb)| vb.risk.cmp(&va.risk).then(a.cmp(b)));
    list
}

// ---- The visit planner --------------------------------------------------------------------

/// Why a customer is worth seeing, most pressing first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VisitReason {
    /// A follow-up was due this many days ago.
    Overdue { days: i64 },
    /// A follow-up is due on this day (today or within the days ahead).
    Due { on: NaiveDate },
    /// This many days past the stay-in-touch cadence.
    Cold { days: i64 },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Visit {
    pub customer_id: CustomerId,
    pub name: String,
    pub tier: Option<Tier>,
    /// The most pressing first; a customer overdue and cold has both.
    pub reasons: Vec<VisitReason>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CityPlan {
    /// The city as most of its customers spell it; empty for customers without one.
    pub city: String,
    pub visits: Vec<Visit>,
}

/// How cities are compared: trimmed, inner spaces collapsed, lower case (`" Shanghai "`,
/// `"SHANGHAI"` and `"shanghai"` are one city). Chinese names are compared as written.
pub fn city_key(city: &str) -> String {
    city.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Customers worth seeing (a follow-up overdue or due within `days_ahead` days, or going cold:
/// `cold_by` filled in by `care::mark_cold`), grouped by city. Cities with the most customers
/// worth seeing come first (then the most A customers, then the most overdue, then by name);
/// customers without a city come last. Within a city: overdue (longest first), then due
/// (soonest first), then cold (coldest first); equal ones A before B before C, then by name.
pub fn visit_plan(rows: &[CustomerRow], today: NaiveDate, days_ahead: u32) -> Vec<CityPlan> {
    let horizon = today
        .checked_add_days(Days::new(days_ahead.into()))
        .unwrap_or(NaiveDate::MAX);
    // key -> (spellings with their counts among all customers, visits)
    let mut cities: HashMap<String, (HashMap<String, usize>, Vec<Visit>)> = HashMap::new();
    for row in rows {
        let spelling = row.city.split_whitespace().collect::<Vec<_>>().join(" ");
        let (spellings, _) = cities.entry(city_key(&row.city)).or_default();
        *spellings.entry(spelling).or_default() += 1;
    }
    for row in rows {
        let mut reasons = Vec::new();
        if let Some(due) = row.next_follow_up_on {
            if due < today {
                reasons.push(VisitReason::Overdue {
                    days: (today - due).num_days(),
                });
            } else if due <= horizon {
                reasons.push(VisitReason::Due { on: due });
            }
        }
        if let Some(days) = row.cold_by {
            reasons.push(VisitReason::Cold { days: days.into() });
        }
        if reasons.is_empty() {
            continue;
        }
        let (_, visits) = cities.entry(city_key(&row.city)).or_default();
        visits.push(Visit {
            customer_id: row.id,
            name: row.name.to_string(),
            tier: row.tier,
            reasons,
        });
    }
    let mut plans: Vec<(String, CityPlan)> = cities
        .into_iter()
        .filter(|(_, (_, visits))| !visits.is_empty())
        .map(|(key, (spellings, mut visits))| {
            visits.sort_by(|a, b| {
                urgency(a)
                    .cmp(&urgency(b))
                    .then(tier_rank(a.tier).cmp(&tier_rank(b.tier)))
                    .then(a.name.cmp(&b.name))
                    .then(a.customer_id.cmp(&b.customer_id))
            });
            let city = spellings
                .into_iter()
                .max_by(|(a, na), (b, nb)| na.cmp(nb).then(b.cmp(a)))
                .map(|(s, _)| s)
                .unwrap_or_default();
            (key, CityPlan { city, visits })
        })
        .collect();
    plans.sort_by(|(ka, a), (kb, b)| {
        let count =
            |p: &CityPlan, f: &dyn Fn(&Visit) -> bool| p.visits.iter().filter(|v| f(v)).count();
        let is_a = |v: &Visit| v.tier == Some(Tier::A);
        let overdue = |v: &Visit| matches!(v.reasons.first(), Some(VisitReason::Overdue { .. }));
        ka.is_empty()
            .cmp(&kb.is_empty())
            .then(b.visits.len().cmp(&a.visits.len()))
            .then(count(b, &is_a).cmp(&count(a, &is_a)))
            .then(count(b, &overdue).cmp(&count(a, &overdue)))
            .then(ka.cmp(kb))
    });
    plans.into_iter().map(|(_, plan)| plan).collect()
}

/// Sort key of a visit's most pressing reason: overdue longest first, due soonest, coldest.
fn urgency(v: &Visit) -> (u8, i64) {
    match v.reasons.first() {
        Some(VisitReason::Overdue { days }) => (0, -days),
        Some(VisitReason::Due { on }) => (1, i64::from(on.num_days_from_ce())),
        Some(VisitReason::Cold { days }) => (2, -days),
        None => (3, 0),
    }
}

fn tier_rank(tier: Option<Tier>) -> u8 {
    match tier {
        Some(Tier::A) => 0,
        Some(Tier::B) => 1,
        Some(Tier::C) => 2,
        None => 3,
    }
}

#[cfg(test)]
mod tests;
