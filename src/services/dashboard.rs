//! What the dashboard (`D`) and `fieldbook report` show, computed once from the book for one
//! day, as plain data: `report --json` serializes it as it is, the pane only draws it.
//!
//! Tiers and going cold come from `services::customer_list`, as the customer list shows them:
//! computed from 12-month revenue, a tier set by hand wins, the tier that applies picks the
//! stay-in-touch cadence, and `book::care::going_cold` decides who is cold (never the lost,
//! never anyone with a follow-up planned), so the dashboard, the report, `today` and the review
//! count the same customers. Stages are derived per customer, a stage set by hand wins
//! (hand-set lost is "marked lost"). Lost customers are not greeted.

mod parts;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::book::complaints::{ComplaintId, ComplaintStatus, Severity};
use crate::book::deals::{self, DealId, DealStage};
use crate::book::holidays::Holiday;
use crate::book::model::{CustomerId, Stage, Tier};
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
    pub(crate) fn top(mut all: Vec<T>, limit: usize) -> Self {
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
    /// In English, as `--json` carries it; `why` is the same for the interface to say.
    pub reason: String,
    #[serde(skip)]
    pub why: Vec<crate::book::lifecycle::Why>,
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

impl Dashboard {
    /// Reads the book and computes the dashboard as it stands on `today`.
    pub fn load(repo: &Repository, today: NaiveDate, config: &Config) -> Result<Dashboard> {
        let currency = match config.currency.trim() {
            "" => BOOK_CURRENCY.to_string(),
            code => code.to_uppercase(),
        };
        // Tiers and going cold as the customer list shows them (hand-set tiers win).
        let mut rows = customer_list::customer_rows(repo, config, today)?;
        rows.sort_by_key(|r| r.id);
        let all_deals = repo.all_deals()?;
        let (from, to) = deals::last_12_months(today);
        let revenue: HashMap<CustomerId, i64> =
            deals::revenue_by_customer(&all_deals, &currency, from, to)
                .into_iter()
                .collect();
        let book = parts::Book {
            rows: &rows,
            revenue,
            config,
            today,
        };
        let by_hand = repo.hand_set_stages()?;
        let verdicts = book.verdicts(&all_deals, &repo.open_complaint_counts()?, &by_hand);
        let stages: Vec<Stage> = verdicts.iter().map(|(_, v)| v.stage).collect();
        let this_monday = week_start(today);
        let last_monday = this_monday
            .checked_sub_days(Days::new(7))
            .unwrap_or(this_monday);
        let this_sunday = this_monday.checked_add_days(Days::new(6)).unwrap_or(today);
        let done_from = today
            .checked_sub_days(Days::new(u64::from(FOLLOW_UP_DAYS.saturating_sub(1))))
            .unwrap_or(today);
        let (top_opportunities, open_pipeline) = book.opportunities(&all_deals, &currency);
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
            revenue_by_month: report::revenue_by_month(&all_deals, &currency, today),
            revenue_12_months: rows
                .iter()
                .fold(0i64, |s, r| s.saturating_add(book.revenue_of(r.id))),
            tiers: report::tier_distribution(&book.tier_input()),
            tiers_set_by_hand: rows.iter().filter(|r| r.tier_by_hand).count(),
            stages: report::lifecycle_counts(&stages)
                .into_iter()
                .map(|(stage, customers)| StageCount { stage, customers })
                .collect(),
            stages_set_by_hand: rows.iter().filter(|r| by_hand.contains_key(&r.id)).count(),
            going_cold: Listing::top(book.going_cold(), LIST_LIMIT),
            at_risk: Listing::top(book.at_risk(&verdicts, &by_hand), LIST_LIMIT),
            open_complaints: Listing::top(book.open_complaints(repo.complaints(None)?), LIST_LIMIT),
            top_opportunities,
            open_pipeline,
            visit_plan: book.visit_plan(),
            greetings: book.greetings(&verdicts, |year| repo.greeted_in(year))?,
            currency,
        })
    }
}
