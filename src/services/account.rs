//! What the profile (and `fieldbook show`) says about an account's value and health: deals
//! and revenue, the tier (computed, or set by hand and why), the lifecycle stage with its
//! reason, complaints and the satisfaction trend. Read for one customer at a time.

use chrono::NaiveDate;

use crate::book::complaints::{Complaint, Trend, satisfaction_trend};
use crate::book::deals::{self, Deal};
use crate::book::lifecycle::{LifecycleFacts, StageVerdict, derive_stage};
use crate::book::model::Overrides;
use crate::book::model::{Customer, Stage, Tier};
use crate::config::Config;
use crate::repository::{Repository, Result};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub deals: Vec<Deal>,
    pub revenue_12m: i64,
    pub revenue_all: i64,
    pub currency: String,
    /// From the book's revenue ranking; `None` when the book records no revenue at all.
    pub computed_tier: Option<Tier>,
    pub overrides: Overrides,
    /// What the facts say; a hand-set stage in `overrides` wins.
    pub verdict: StageVerdict,
    pub complaints: Vec<Complaint>,
    pub satisfaction: Vec<(NaiveDate, u8)>,
    pub trend: Option<Trend>,
}

impl Account {
    pub fn load(
        repo: &Repository,
        customer: &Customer,
        computed_tier: Option<Tier>,
        config: &Config,
        today: NaiveDate,
    ) -> Result<Account> {
        let id = customer.id;
        let deals = repo.deals_of(id)?;
        let complaints = repo.complaints(Some(id))?;
        let satisfaction = repo.satisfaction_scores(id)?;
        let overrides = repo.overrides(id)?;
        let (from, to) = deals::last_12_months(today);
        let currency = config.currency.clone();
        let order_dates = deals
            .iter()
            .filter(|d| d.draft.stage == deals::DealStage::Won)
            .filter_map(|d| d.draft.closed_on)
            .collect();
        let tier = overrides.tier.or(computed_tier);
        let facts = LifecycleFacts {
            order_dates,
            last_contact: customer.last_contact_at.map(|t| t.date()),
            cadence_days: crate::book::care::cadence(
                customer.draft.cadence_days,
                config.cadence.for_tier(tier),
            ),
            open_complaints: complaints
                .iter()
                .filter(|c| c.draft.status.is_open())
                .count(),
            marked_lost: overrides.stage == Some(Stage::Lost),
        };
        Ok(Account {
            revenue_12m: deals::revenue(&deals, id, &currency, from, to),
            revenue_all: deals::revenue(&deals, id, &currency, NaiveDate::MIN, today),
            verdict: derive_stage(&facts, today),
            trend: satisfaction_trend(&satisfaction),
            deals,
            currency,
            computed_tier,
            overrides,
            complaints,
            satisfaction,
        })
    }

    /// The tier that applies (none in a book without revenue) and whether it was set by hand.
    pub fn tier(&self) -> (Option<Tier>, bool) {
        match self.computed_tier {
            Some(computed) => {
                let (tier, by_hand) =
                    crate::book::tiers::effective_tier(computed, self.overrides.tier);
                (Some(tier), by_hand)
            }
            None => (self.overrides.tier, self.overrides.tier.is_some()),
        }
    }

    pub fn stage(&self) -> (Stage, bool) {
        crate::book::lifecycle::effective_stage(&self.verdict, self.overrides.stage)
    }
}
