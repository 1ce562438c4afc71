//! What the dashboard (`D`) and `fieldbook report` show, computed once from the book for one
//! day, as plain data: `report --json` serializes it as it is, the pane only draws it.
//!
//! Tiers and going cold come from `services::customer_list`, as the customer list shows them: computed
//! from 12-month revenue, a tier set by hand wins, and the tier that applies picks the
//! stay-in-touch cadence. Stages are derived per customer, a stage set by hand
//! wins (hand-set lost is "marked lost"). Lost customers are not "going cold", not planned
//! for a visit because of silence, and not greeted.

#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use crate::book::care;
use crate::book::care_dates::greeting_list;
use crate::book::complaints::{self, ComplaintId, ComplaintStatus, Severity};
use crate::book::deals::{self, DealId, DealStage};
use crate::book::holidays::{self, Holiday};
use crate::book::lifecycle::{self, LifecycleFacts, StageVerdict};
use crate::book::model::{CustomerId, CustomerRow, Stage, Tier};
use crate::book::report::{
    self, ChannelWeek, MonthRevenue, TierShare, Timeliness, Visit, week_start,
};
use crate::config::Config;
use crate::repository::{Repository, Result};
use crate::services::customer_list;

/// The currency revenue is counted in when the config names none.
pub const BOOK_CURRENCY: &str = "CNY";
/// How many entries each list keeps (the totals count them all).
pub const LIST_LIMIT: usize = 10;
/// Follow-ups done in this many days (today included) count for on time vs late.
pub const FOLLOW_UP_DAYS: u32 = 30;
/// The visit planner takes follow-ups due up to this many days ahead.
pub const VISIT_DAYS_AHEAD: u32 = 7;
/// Visits kept per city in the planner.
pub const VISITS_PER_CITY: usize = 8;

/// A bounded list and how many there are in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Listing<T> {
    pub total: usize,
    pub items: Vec<T>,
}

impl<T> Listing<T> {
    fn top(mut all: Vec<T>, limit: usize) -> Self {
        let total = all.len();
        all.truncate(limit);
        Listing { total, items: all }
    }

    /// How many are not in `items`.
    pub fn more(&self) -> usize {
        self.total.saturating_sub(self.items.len())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StageCount {
    pub stage: Stage,
    pub customers: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColdCustomer {
    pub customer_id: CustomerId,
    pub name: String,
    pub city: String,
    /// `None`: unranked (a book without revenue ranks nobody).
    pub tier: Option<Tier>,
    /// Days past the stay-in-touch cadence (0 = due today).
    pub days_past: i64,
    pub cadence_days: Option<u32>,
    pub last_contact: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RiskyCustomer {
    pub customer_id: CustomerId,
    pub name: String,
    /// `None`: unranked (a book without revenue ranks nobody).
    pub tier: Option<Tier>,
    /// 0-100, see `book::lifecycle`.
    pub risk: u8,
    pub reason: String,
    pub set_by_hand: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpenComplaint {
    pub complaint_id: ComplaintId,
    pub customer_id: CustomerId,
    pub customer: String,
    pub what: String,
    pub severity: Severity,
    pub status: ComplaintStatus,
    pub opened_on: NaiveDate,
    pub days_open: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Opportunity {
    pub deal_id: DealId,
    pub customer_id: CustomerId,
    pub customer: String,
    pub title: String,
    pub stage: DealStage,
    /// Expected value, minor units of the book currency.
    pub amount: i64,
    pub expected_close: Option<NaiveDate>,
    /// Value × stage × timing, see `deals::open_pipeline_score`.
    pub score: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CityVisits {
    /// Empty for customers without a city.
    pub city: String,
    pub total: usize,
    /// The most pressing first, at most `VISITS_PER_CITY`.
    pub visits: Vec<Visit>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VisitPlan {
    /// Customers worth seeing, over all cities.
    pub customers: usize,
    pub days_ahead: u32,
    /// Cities with the most worth seeing first; `total` counts the cities.
    pub cities: Listing<CityVisits>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Greetee {
    pub customer_id: CustomerId,
    pub name: String,
    /// `None`: unranked (a book without revenue ranks nobody).
    pub tier: Option<Tier>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Greetings {
    pub holiday: Holiday,
    pub days_until: i64,
    /// Who still to greet: A first, then B, then the rest, highest revenue first.
    pub to_greet: Listing<Greetee>,
}

/// Everything the dashboard shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dashboard {
    pub today: NaiveDate,
    pub currency: String,
    /// Customers not archived.
    pub customers: usize,
    /// This week and last (Monday to Sunday), one entry per channel.
    pub contacts: Vec<ChannelWeek>,
    /// Follow-ups done in the last `follow_up_days` days, on time or late.
    pub follow_ups: Timeliness,
    pub follow_up_days: u32,
    /// The 12 months ending with this one, oldest first.
    pub revenue_by_month: Vec<MonthRevenue>,
    /// Won revenue of the trailing 12 months (what tiers rank).
    pub revenue_12_months: i64,
    /// A, B, C: customers and revenue share, with tiers set by hand applied.
    pub tiers: Vec<TierShare>,
    pub tiers_set_by_hand: usize,
    /// Every stage, zeros included, with stages set by hand applied.
    pub stages: Vec<StageCount>,
    pub stages_set_by_hand: usize,
    /// Past their stay-in-touch cadence: A before B before C, the coldest first.
    pub going_cold: Listing<ColdCustomer>,
    /// The riskiest first (equal risk: A before B before C), each with why.
    pub at_risk: Listing<RiskyCustomer>,
    /// The most severe first, then the oldest.
    pub open_complaints: Listing<OpenComplaint>,
    /// Open deals in the book currency, the best score first.
    pub top_opportunities: Listing<Opportunity>,
    /// Expected value of every open deal in the book currency.
    pub open_pipeline: i64,
    pub visit_plan: VisitPlan,
    /// The next holiday greeted, and who still to greet; `None` when none is in sight.
    pub greetings: Option<Greetings>,
}

/// A, B, C, then unranked.
fn tier_rank(tier: Option<Tier>) -> usize {
    tier.and_then(|tier| Tier::ALL.iter().position(|t| *t == tier))
        .unwrap_or(Tier::ALL.len())
}

fn severity_rank(s: Severity) -> usize {
    Severity::ALL.iter().position(|x| *x == s).unwrap_or(0)
}

/// The stage that applies: one set by hand wins and says so in the reason.
fn applied(derived: StageVerdict, by_hand: Option<&(Stage, String)>) -> (StageVerdict, bool) {
    let (stage, set_by_hand) =
        lifecycle::effective_stage(&derived, by_hand.map(|(stage, _)| *stage));
    if !set_by_hand {
        return (derived, false);
    }
    let why = by_hand.map_or("", |(_, why)| why.trim());
    let mut reason = if why.is_empty() || why.eq_ignore_ascii_case("set by hand") {
        "set by hand".to_string()
    } else {
        format!("set by hand: {why}")
    };
    if derived.reason != "marked lost" {
        reason = format!("{reason}; {}", derived.reason);
    }
    let verdict = StageVerdict {
        stage,
        reason,
        risk: derived.risk,
    };
    (verdict, true)
}

impl Dashboard {
    /// Reads the book and computes the dashboard as it stands on `today`.
    pub fn load(repo: &Repository, today: NaiveDate, config: &Config) -> Result<Dashboard> {
        let currency = match config.currency.trim() {
            "" => BOOK_CURRENCY.to_string(),
            code => code.to_uppercase(),
        };
        let mut rows = repo.customer_rows()?;
        rows.sort_by_key(|r| r.id);

        // Tiers and going cold as the customer list shows them (hand-set tiers win).
        let computed = customer_list::computed_tiers(repo, config, today)?;
        customer_list::finish_rows(&mut rows, &computed, config, today);
        let tiers_set_by_hand = rows.iter().filter(|r| r.tier_by_hand).count();
        let all_deals = repo.all_deals()?;
        let (from, to) = deals::last_12_months(today);
        let revenue: HashMap<CustomerId, i64> =
            deals::revenue_by_customer(&all_deals, &currency, from, to)
                .into_iter()
                .collect();
        let revenue_of = |id: CustomerId| revenue.get(&id).copied().unwrap_or(0).max(0);

        // Stages, from order days (of the deals already read), contacts, complaints, by hand.
        let mut orders: HashMap<CustomerId, Vec<NaiveDate>> = HashMap::new();
        for deal in all_deals.iter().map(|d| &d.draft) {
            if let Some(on) = deal.closed_on.filter(|_| deal.stage == DealStage::Won) {
                orders.entry(deal.customer_id).or_default().push(on);
            }
        }
        let open = repo.open_complaint_counts()?;
        let by_hand = repo.hand_set_stages()?;
        let verdicts: Vec<(CustomerId, StageVerdict)> = rows
            .iter()
            .map(|r| {
                let hand = by_hand.get(&r.id);
                let facts = LifecycleFacts {
                    order_dates: orders.remove(&r.id).unwrap_or_default(),
                    last_contact: r.last_contact_at.map(|t| t.date()),
                    cadence_days: care::cadence(r.cadence_days, config.cadence.for_tier(r.tier)),
                    open_complaints: open.get(&r.id).copied().unwrap_or(0),
                    marked_lost: hand.is_some_and(|(s, _)| *s == Stage::Lost),
                };
                let (verdict, _) = applied(lifecycle::derive_stage(&facts, today), hand);
                (r.id, verdict)
            })
            .collect();
        let stage_of: HashMap<CustomerId, Stage> =
            verdicts.iter().map(|(id, v)| (*id, v.stage)).collect();
        let is_lost = |id: CustomerId| stage_of.get(&id) == Some(&Stage::Lost);
        for row in &mut rows {
            if is_lost(row.id) {
                row.cold_by = None;
            }
        }
        let by_id: HashMap<CustomerId, &CustomerRow> = rows.iter().map(|r| (r.id, r)).collect();
        let name_of = |id: CustomerId| by_id.get(&id).map_or(String::new(), |r| r.name.clone());

        let stages: Vec<Stage> = verdicts.iter().map(|(_, v)| v.stage).collect();
        let stages_set_by_hand = rows.iter().filter(|r| by_hand.contains_key(&r.id)).count();
        let mut at_risk: Vec<RiskyCustomer> = report::at_risk(&verdicts)
            .into_iter()
            .map(|(id, v)| RiskyCustomer {
                customer_id: *id,
                name: name_of(*id),
                tier: by_id.get(id).and_then(|r| r.tier),
                risk: v.risk,
                reason: v.reason.clone(),
                set_by_hand: by_hand.contains_key(id),
            })
            .collect();
        // Equally risky: the more valuable first (the sort is stable: then by id).
        at_risk.sort_by_key(|r| (std::cmp::Reverse(r.risk), tier_rank(r.tier)));

        let mut cold: Vec<ColdCustomer> = rows
            .iter()
            .filter_map(|r| {
                Some(ColdCustomer {
                    customer_id: r.id,
                    name: r.name.clone(),
                    city: r.city.clone(),
                    tier: r.tier,
                    days_past: r.cold_by?,
                    cadence_days: care::cadence(r.cadence_days, config.cadence.for_tier(r.tier)),
                    last_contact: r.last_contact_at.map(|t| t.date()),
                })
            })
            .collect();
        cold.sort_by(|a, b| {
            (tier_rank(a.tier), b.days_past, &a.name, a.customer_id).cmp(&(
                tier_rank(b.tier),
                a.days_past,
                &b.name,
                b.customer_id,
            ))
        });

        let mut complaints: Vec<OpenComplaint> = repo
            .complaints(None)?
            .into_iter()
            .filter(|c| c.draft.status.is_open())
            .map(|c| OpenComplaint {
                complaint_id: c.id,
                customer_id: c.draft.customer_id,
                customer: name_of(c.draft.customer_id),
                days_open: complaints::days_open(&c.draft, today).unwrap_or(0),
                what: c.draft.what,
                severity: c.draft.severity,
                status: c.draft.status,
                opened_on: c.draft.opened_on,
            })
            .collect();
        complaints.sort_by(|a, b| {
            (severity_rank(b.severity), a.opened_on, a.complaint_id).cmp(&(
                severity_rank(a.severity),
                b.opened_on,
                b.complaint_id,
            ))
        });

        let in_currency = |d: &&deals::Deal| {
            d.draft.stage.is_open() && d.draft.currency.trim().eq_ignore_ascii_case(&currency)
        };
        let open_deals = all_deals.iter().filter(in_currency).count();
        let open_pipeline = all_deals
            .iter()
            .filter(in_currency)
            .fold(0i64, |sum, d| sum.saturating_add(d.draft.amount.max(0)));
        let opportunities: Vec<Opportunity> =
            deals::top_opportunities(&all_deals, &currency, today, LIST_LIMIT)
                .into_iter()
                .map(|(d, score)| Opportunity {
                    deal_id: d.id,
                    customer_id: d.draft.customer_id,
                    customer: name_of(d.draft.customer_id),
                    title: d.draft.title.clone(),
                    stage: d.draft.stage,
                    amount: d.draft.amount,
                    expected_close: d.draft.expected_close,
                    score,
                })
                .collect();

        let plan = report::visit_plan(&rows, today, VISIT_DAYS_AHEAD);
        let visit_plan = VisitPlan {
            customers: plan.iter().map(|c| c.visits.len()).sum(),
            days_ahead: VISIT_DAYS_AHEAD,
            cities: Listing::top(
                plan.into_iter()
                    .map(|c| CityVisits {
                        city: c.city,
                        total: c.visits.len(),
                        visits: c.visits.into_iter().take(VISITS_PER_CITY).collect(),
                    })
                    .collect(),
                LIST_LIMIT,
            ),
        };

        // Greetings for the next holiday greeted, most valuable customers first.
        let mut greetable: Vec<&CustomerRow> = rows.iter().filter(|r| !is_lost(r.id)).collect();
        greetable.sort_by_key(|r| (std::cmp::Reverse(revenue_of(r.id)), r.id));
        let greetable: Vec<(CustomerId, Option<Tier>)> =
            greetable.iter().map(|r| (r.id, r.tier)).collect();
        let greetings = match holidays::next_holidays(today, 366)
            .into_iter()
            .find(|h| config.greetings.iter().any(|g| g == h.key))
        {
            Some(holiday) => {
                let greeted = repo.greeted_in(holiday.on.year())?;
                let greeted: HashSet<(CustomerId, &str)> = greeted
                    .iter()
                    .map(|(id, key)| (*id, key.as_str()))
                    .collect();
                let list: Vec<Greetee> = greeting_list(&greetable, &greeted, &holiday)
                    .into_iter()
                    .map(|id| Greetee {
                        customer_id: id,
                        name: name_of(id),
                        tier: by_id.get(&id).and_then(|r| r.tier),
                    })
                    .collect();
                Some(Greetings {
                    holiday,
                    days_until: (holiday.on - today).num_days(),
                    to_greet: Listing::top(list, LIST_LIMIT),
                })
            }
            None => None,
        };

        // Unranked (a book without revenue) counts as C here.
        let tier_input: Vec<(Tier, i64)> = rows
            .iter()
            .map(|r| (r.tier.unwrap_or(Tier::C), revenue_of(r.id)))
            .collect();
        let this_monday = week_start(today);
        let last_monday = this_monday
            .checked_sub_days(Days::new(7))
            .unwrap_or(this_monday);
        let this_sunday = this_monday.checked_add_days(Days::new(6)).unwrap_or(today);
        let done_from = today
            .checked_sub_days(Days::new(u64::from(FOLLOW_UP_DAYS.saturating_sub(1))))
            .unwrap_or(today);
        let revenue_by_month = report::revenue_by_month(&all_deals, &currency, today);
        Ok(Dashboard {
            today,
            customers: rows.len(),
            contacts: report::contacts_by_channel(
                &repo.contacts_between(last_monday, this_sunday)?,
                today,
            ),
            follow_ups: report::follow_up_timeliness(
                &repo.follow_ups_done_between(done_from, today)?,
            ),
            follow_up_days: FOLLOW_UP_DAYS,
            revenue_by_month,
            revenue_12_months: rows
                .iter()
                .fold(0i64, |s, r| s.saturating_add(revenue_of(r.id))),
            tiers: report::tier_distribution(&tier_input),
            tiers_set_by_hand,
            stages: report::lifecycle_counts(&stages)
                .into_iter()
                .map(|(stage, customers)| StageCount { stage, customers })
                .collect(),
            stages_set_by_hand,
            going_cold: Listing::top(cold, LIST_LIMIT),
            at_risk: Listing::top(at_risk, LIST_LIMIT),
            open_complaints: Listing::top(complaints, LIST_LIMIT),
            top_opportunities: Listing {
                total: open_deals,
                items: opportunities,
            },
            open_pipeline,
            visit_plan,
            greetings,
            currency,
        })
    }
}
