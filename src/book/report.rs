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
            reasons.push(VisitReason::Cold { days });
        }
        if reasons.is_empty() {
            continue;
        }
        let (_, visits) = cities.entry(city_key(&row.city)).or_default();
        visits.push(Visit {
            customer_id: row.id,
            name: row.name.clone(),
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
mod tests {
    use super::*;
    use crate::book::deals::DealDraft;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    // 2026-11-28 is a Saturday: this week is 23-29 November, last week 16-22.
    const TODAY: &str = "2026-11-28";

    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(week_start(d("2026-11-28")), d("2026-11-23"));
        assert_eq!(week_start(d("2026-11-23")), d("2026-11-23"));
        assert_eq!(
            week_start(d("2026-11-29")),
            d("2026-11-23"),
            "Sunday ends the week"
        );
        assert_eq!(week_start(d("2026-11-30")), d("2026-11-30"));
    }

    #[test]
    fn contacts_this_week_and_last_by_channel() {
        let contacts = vec![
            (d("2026-11-23"), Channel::Visit),
            (d("2026-11-29"), Channel::Visit),
            (d("2026-11-22"), Channel::Visit),
            (d("2026-11-16"), Channel::Call),
            (d("2026-11-15"), Channel::Call), // the week before last
            (d("2026-11-30"), Channel::Call), // next week
            (d("2026-11-25"), Channel::WeChat),
        ];
        let weeks = contacts_by_channel(&contacts, d(TODAY));
        assert_eq!(weeks.len(), Channel::ALL.len());
        let of = |c: Channel| {
            weeks
                .iter()
                .find(|w| w.channel == c)
                .map(|w| (w.this_week, w.last_week))
        };
        assert_eq!(of(Channel::Visit), Some((2, 1)));
        assert_eq!(of(Channel::Call), Some((0, 1)));
        assert_eq!(of(Channel::WeChat), Some((1, 0)));
        assert_eq!(of(Channel::Email), Some((0, 0)));
        assert_eq!(weeks[0].channel, Channel::ALL[0]);
    }

    #[test]
    fn on_time_is_done_by_the_due_day() {
        let done = [
            (d("2026-11-20"), d("2026-11-19")),
            (d("2026-11-20"), d("2026-11-20")),
            (d("2026-11-20"), d("2026-11-21")),
        ];
        assert_eq!(
            follow_up_timeliness(&done),
            Timeliness {
                on_time: 2,
                late: 1
            }
        );
        assert_eq!(follow_up_timeliness(&[]), Timeliness::default());
    }

    fn won(on: &str, amount: i64, currency: &str, stage: DealStage) -> Deal {
        Deal {
            id: 1,
            draft: DealDraft {
                customer_id: 1,
                title: "order".into(),
                amount,
                currency: currency.into(),
                stage,
                expected_close: None,
                closed_on: Some(d(on)),
            },
        }
    }

    #[test]
    fn revenue_for_the_twelve_months_ending_this_one() {
        let deals = vec![
            won("2025-12-01", 100, "CNY", DealStage::Won),
            won("2025-12-31", 200, "CNY", DealStage::Won),
            won("2025-11-30", 400, "CNY", DealStage::Won), // 13 months back
            won("2026-11-30", 800, "cny", DealStage::Won), // later this month still counts
            won("2026-06-15", 1_600, "USD", DealStage::Won),
            won("2026-06-15", 3_200, "CNY", DealStage::Lost),
        ];
        let months = revenue_by_month(&deals, "CNY", d(TODAY));
        assert_eq!(months.len(), 12);
        assert_eq!(
            months[0],
            MonthRevenue {
                month: d("2025-12-01"),
                total: 300
            }
        );
        assert_eq!(
            months[11],
            MonthRevenue {
                month: d("2026-11-01"),
                total: 800
            }
        );
        assert_eq!(months.iter().map(|m| m.total).sum::<i64>(), 1_100);
        let jan = revenue_by_month(&[], "CNY", d("2026-01-31"));
        assert_eq!(
            (jan[0].month, jan[11].month),
            (d("2025-02-01"), d("2026-01-01"))
        );
    }

    #[test]
    fn tiers_with_their_share_of_revenue() {
        let customers = [
            (Tier::A, 700),
            (Tier::A, 100),
            (Tier::B, 150),
            (Tier::C, 50),
            (Tier::C, 0),
        ];
        let got = tier_distribution(&customers);
        let rows: Vec<_> = got
            .iter()
            .map(|t| (t.tier, t.customers, t.revenue, t.share_pct))
            .collect();
        assert_eq!(
            rows,
            vec![
                (Tier::A, 2, 800, 80),
                (Tier::B, 1, 150, 15),
                (Tier::C, 2, 50, 5)
            ]
        );
        let none = tier_distribution(&[(Tier::C, 0)]);
        assert_eq!((none[2].customers, none[2].share_pct), (1, 0));
        // Thirds round to 33 each.
        let thirds = tier_distribution(&[(Tier::A, 1), (Tier::B, 1), (Tier::C, 1)]);
        assert!(thirds.iter().all(|t| t.share_pct == 33));
    }

    #[test]
    fn lifecycle_counts_every_stage() {
        let stages = [Stage::New, Stage::AtRisk, Stage::New, Stage::Lost];
        let counts = lifecycle_counts(&stages);
        assert_eq!(counts.len(), Stage::ALL.len());
        assert!(counts.contains(&(Stage::New, 2)));
        assert!(counts.contains(&(Stage::Prospect, 0)));
        assert_eq!(counts.iter().map(|(_, n)| n).sum::<usize>(), 4);
    }

    #[test]
    fn at_risk_riskiest_first() {
        let v = |stage, risk| StageVerdict {
            stage,
            reason: String::new(),
            risk,
        };
        let verdicts = vec![
            (1, v(Stage::AtRisk, 80)),
            (2, v(Stage::Repeat, 95)),
            (3, v(Stage::AtRisk, 99)),
            (0, v(Stage::AtRisk, 80)),
        ];
        let ids: Vec<_> = at_risk(&verdicts).iter().map(|(id, _)| *id).collect();
        assert_eq!(ids, vec![3, 0, 1]);
    }

    fn row(
        id: CustomerId,
        name: &str,
        city: &str,
        tier: Option<Tier>,
        due: Option<&str>,
        cold: Option<i64>,
    ) -> CustomerRow {
        let created = d("2026-01-01").and_hms_opt(9, 0, 0).unwrap();
        CustomerRow {
            id,
            name: name.into(),
            city: city.into(),
            tier,
            tier_by_hand: false,
            tags: String::new(),
            phone: String::new(),
            email: String::new(),
            people: String::new(),
            cadence_days: None,
            created_at: created,
            last_contact_at: None,
            next_follow_up_on: due.map(d),
            cold_by: cold,
        }
    }

    #[test]
    fn city_names_compare_trimmed_and_case_folded() {
        assert_eq!(city_key("  New   York "), "new york");
        assert_eq!(city_key("SHANGHAI"), city_key("Shanghai"));
        assert_eq!(city_key(" 上海 "), "上海");
        assert_ne!(city_key("上海"), city_key("上海市"), "CJK as written");
    }

    #[test]
    fn the_visit_planner_groups_by_city_most_worth_seeing_first() {
        use Tier::*;
        let rows = vec![
            row(1, "Acme", "Shanghai", Some(C), Some("2026-11-20"), None),
            row(2, "Bolt", " shanghai", Some(A), None, Some(3)),
            row(
                3,
                "Crane",
                "SHANGHAI ",
                Some(B),
                Some("2026-11-28"),
                Some(40),
            ),
            row(4, "Delta", "Shanghai", Some(A), Some("2026-12-15"), None), // too far ahead
            row(5, "Echo", "苏州", Some(A), Some("2026-11-29"), None),
            row(6, "Fox", "苏州", Some(C), None, Some(1)),
            row(7, "Gale", "", Some(A), Some("2026-11-01"), None),
            row(8, "Hive", "Hangzhou", Some(C), Some("2026-11-27"), None),
            row(9, "Iris", "Hangzhou", Some(B), Some("2026-11-27"), None),
            row(10, "Jade", "Ningbo", Some(B), Some("2026-10-27"), None),
            row(11, "Kite", "Ningbo", None, None, Some(9)),
        ];
        let plan = visit_plan(&rows, d(TODAY), 3);
        let cities: Vec<_> = plan.iter().map(|p| p.city.as_str()).collect();
        // Shanghai 3; then three cities of 2: 苏州 has an A customer, Hangzhou two overdue and
        // Ningbo one. No city last. Shanghai is spelt as most of its customers spell it.
        assert_eq!(cities, vec!["Shanghai", "苏州", "Hangzhou", "Ningbo", ""]);
        let shanghai: Vec<_> = plan[0].visits.iter().map(|v| v.customer_id).collect();
        assert_eq!(shanghai, vec![1, 3, 2], "overdue, due today, cold");
        assert_eq!(
            plan[0].visits[1].reasons,
            vec![
                VisitReason::Due { on: d(TODAY) },
                VisitReason::Cold { days: 40 }
            ]
        );
        assert_eq!(
            plan[0].visits[0].reasons,
            vec![VisitReason::Overdue { days: 8 }]
        );
        // Equally overdue: B before C.
        let hangzhou: Vec<_> = plan[2].visits.iter().map(|v| v.customer_id).collect();
        assert_eq!(hangzhou, vec![9, 8]);
        assert!(visit_plan(&[], d(TODAY), 3).is_empty());
    }
}
