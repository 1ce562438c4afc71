//! The dashboard's parts, each computed from the rows and deals read once by `Dashboard::load`.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};

use super::{
    CityVisits, ColdCustomer, Greetee, Greetings, LIST_LIMIT, Listing, OpenComplaint, Opportunity,
    RiskyCustomer, VISIT_DAYS_AHEAD, VISITS_PER_CITY, VisitPlan,
};
use crate::book::care;
use crate::book::care_dates::greeting_list;
use crate::book::complaints::{self, Complaint, Severity};
use crate::book::deals::{self, Deal, DealStage};
use crate::book::holidays;
use crate::book::lifecycle::{self, LifecycleFacts, StageVerdict, Why};
use crate::book::model::{CustomerId, CustomerRow, Stage, Tier};
use crate::book::report;
use crate::config::Config;
use crate::repository::Result;

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
    let typed = by_hand.map_or("", |(_, why)| why.trim());
    let typed = if typed.eq_ignore_ascii_case("set by hand") {
        ""
    } else {
        typed
    };
    let mut why = vec![Why::SetByHand { why: typed.into() }];
    if derived.why != [Why::MarkedLost] {
        why.extend(derived.why);
    }
    let verdict = StageVerdict {
        stage,
        reason: lifecycle::english(&why),
        why,
        risk: derived.risk,
    };
    (verdict, true)
}

/// The customers (not archived, by id, tiers and going cold applied) and their revenue.
pub(super) struct Book<'a> {
    pub rows: &'a [CustomerRow],
    /// Won revenue of the trailing 12 months, by customer.
    pub revenue: HashMap<CustomerId, i64>,
    pub config: &'a Config,
    pub today: NaiveDate,
}

impl Book<'_> {
    fn row(&self, id: CustomerId) -> Option<&CustomerRow> {
        let at = self.rows.binary_search_by_key(&id, |r| r.id).ok()?;
        self.rows.get(at)
    }

    fn name_of(&self, id: CustomerId) -> String {
        self.row(id).map_or(String::new(), |r| r.name.to_string())
    }

    fn tier_of(&self, id: CustomerId) -> Option<Tier> {
        self.row(id).and_then(|r| r.tier)
    }

    pub fn revenue_of(&self, id: CustomerId) -> i64 {
        self.revenue.get(&id).copied().unwrap_or(0).max(0)
    }

    /// Each customer's stage, from order days, contacts, complaints, and by hand.
    pub fn verdicts(
        &self,
        all_deals: &[Deal],
        open_complaints: &HashMap<CustomerId, usize>,
        by_hand: &HashMap<CustomerId, (Stage, String)>,
    ) -> Vec<(CustomerId, StageVerdict)> {
        let mut orders: HashMap<CustomerId, Vec<NaiveDate>> = HashMap::new();
        for deal in all_deals.iter().map(|d| &d.draft) {
            if let Some(on) = deal.closed_on.filter(|_| deal.stage == DealStage::Won) {
                orders.entry(deal.customer_id).or_default().push(on);
            }
        }
        let cadence = self.config.cadence;
        self.rows
            .iter()
            .map(|r| {
                let hand = by_hand.get(&r.id);
                let facts = LifecycleFacts {
                    order_dates: orders.remove(&r.id).unwrap_or_default(),
                    last_contact: r.last_contact_at.map(|t| t.date()),
                    cadence_days: care::cadence(r.cadence_days, cadence.for_tier(r.tier)),
                    open_complaints: open_complaints.get(&r.id).copied().unwrap_or(0),
                    marked_lost: hand.is_some_and(|(s, _)| *s == Stage::Lost),
                };
                let (verdict, _) = applied(lifecycle::derive_stage(&facts, self.today), hand);
                (r.id, verdict)
            })
            .collect()
    }

    /// The riskiest first; equally risky, the more valuable first (then by id).
    pub fn at_risk(
        &self,
        verdicts: &[(CustomerId, StageVerdict)],
        by_hand: &HashMap<CustomerId, (Stage, String)>,
    ) -> Vec<RiskyCustomer> {
        let mut at_risk: Vec<RiskyCustomer> = report::at_risk(verdicts)
            .into_iter()
            .map(|(id, v)| RiskyCustomer {
                customer_id: *id,
                name: self.name_of(*id),
                tier: self.tier_of(*id),
                risk: v.risk,
                reason: v.reason.clone(),
                why: v.why.clone(),
                set_by_hand: by_hand.contains_key(id),
            })
            .collect();
        at_risk.sort_by_key(|r| (std::cmp::Reverse(r.risk), tier_rank(r.tier)));
        at_risk
    }

    /// Going cold as the list marks it: A before B before C, the coldest first.
    pub fn going_cold(&self) -> Vec<ColdCustomer> {
        let cadence = self.config.cadence;
        let mut cold: Vec<ColdCustomer> = self
            .rows
            .iter()
            .filter_map(|r| {
                Some(ColdCustomer {
                    customer_id: r.id,
                    name: r.name.to_string(),
                    city: r.city.to_string(),
                    tier: r.tier,
                    days_past: r.cold_by?.into(),
                    cadence_days: care::cadence(r.cadence_days, cadence.for_tier(r.tier)),
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
        cold
    }

    /// The open ones: the most severe first, then the oldest.
    pub fn open_complaints(&self, all: Vec<Complaint>) -> Vec<OpenComplaint> {
        let mut open: Vec<OpenComplaint> = all
            .into_iter()
            .filter(|c| c.draft.status.is_open())
            .map(|c| OpenComplaint {
                complaint_id: c.id,
                customer_id: c.draft.customer_id,
                customer: self.name_of(c.draft.customer_id),
                days_open: complaints::days_open(&c.draft, self.today).unwrap_or(0),
                what: c.draft.what,
                severity: c.draft.severity,
                status: c.draft.status,
                opened_on: c.draft.opened_on,
            })
            .collect();
        open.sort_by(|a, b| {
            (severity_rank(b.severity), a.opened_on, a.complaint_id).cmp(&(
                severity_rank(a.severity),
                b.opened_on,
                b.complaint_id,
            ))
        });
        open
    }

    /// The best open deals in the book currency, and the expected value of them all.
    pub fn opportunities(&self, all_deals: &[Deal], currency: &str) -> (Listing<Opportunity>, i64) {
        let in_currency = |d: &&Deal| {
            d.draft.stage.is_open() && d.draft.currency.trim().eq_ignore_ascii_case(currency)
        };
        let open_deals = all_deals.iter().filter(in_currency).count();
        let open_pipeline = all_deals
            .iter()
            .filter(in_currency)
            .fold(0i64, |sum, d| sum.saturating_add(d.draft.amount.max(0)));
        let items = deals::top_opportunities(all_deals, currency, self.today, LIST_LIMIT)
            .into_iter()
            .map(|(d, score)| Opportunity {
                deal_id: d.id,
                customer_id: d.draft.customer_id,
                customer: self.name_of(d.draft.customer_id),
                title: d.draft.title.clone(),
                stage: d.draft.stage,
                amount: d.draft.amount,
                expected_close: d.draft.expected_close,
                score,
            })
            .collect();
        let listing = Listing {
            total: open_deals,
            items,
        };
        (listing, open_pipeline)
    }

    pub fn visit_plan(&self) -> VisitPlan {
        let plan = report::visit_plan(self.rows, self.today, VISIT_DAYS_AHEAD);
        VisitPlan {
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
        }
    }

    /// The next holiday greeted, and who still to greet: the most valuable first, never the lost.
    pub fn greetings(
        &self,
        verdicts: &[(CustomerId, StageVerdict)],
        greeted_in: impl FnOnce(i32) -> Result<Vec<(CustomerId, String)>>,
    ) -> Result<Option<Greetings>> {
        let Some(holiday) = holidays::next_holidays(self.today, 366)
            .into_iter()
            .find(|h| self.config.greetings.iter().any(|g| g == h.key))
        else {
            return Ok(None);
        };
        let lost: HashSet<CustomerId> = verdicts
            .iter()
            .filter(|(_, v)| v.stage == Stage::Lost)
            .map(|(id, _)| *id)
            .collect();
        let mut greetable: Vec<&CustomerRow> =
            self.rows.iter().filter(|r| !lost.contains(&r.id)).collect();
        greetable.sort_by_key(|r| (std::cmp::Reverse(self.revenue_of(r.id)), r.id));
        let greetable: Vec<(CustomerId, Option<Tier>)> =
            greetable.iter().map(|r| (r.id, r.tier)).collect();
        let greeted = greeted_in(holiday.on.year())?;
        let greeted: HashSet<(CustomerId, &str)> = greeted
            .iter()
            .map(|(id, key)| (*id, key.as_str()))
            .collect();
        let list: Vec<Greetee> = greeting_list(&greetable, &greeted, &holiday)
            .into_iter()
            .map(|id| Greetee {
                customer_id: id,
                name: self.name_of(id),
                tier: self.tier_of(id),
            })
            .collect();
        Ok(Some(Greetings {
            holiday,
            days_until: (holiday.on - self.today).num_days(),
            to_greet: Listing::top(list, LIST_LIMIT),
        }))
    }

    /// Tier and revenue of each customer; unranked (a book without revenue) counts as C here.
    pub fn tier_input(&self) -> Vec<(Tier, i64)> {
        self.rows
            .iter()
            .map(|r| (r.tier.unwrap_or(Tier::C), self.revenue_of(r.id)))
            .collect()
    }
}
