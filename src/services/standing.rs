//! A customer's standing for a command, read for the few rows it answers: the tier that applies
//! (set by hand, else computed from the revenue ranking) and going cold. The same rules as the
//! list's `customer_list::finish_rows`, from the book's roll-ups instead of the whole book.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::book::care;
use crate::book::deals::last_12_months;
use crate::book::lifecycle;
use crate::book::model::{CustomerId, CustomerRow, Tier};
use crate::config::Config;
use crate::repository::{Repository, Result, RevenueRanking, StandingFacts};

/// The ranking of the day and the settings the rules read.
#[derive(Debug, Clone)]
pub struct Standing {
    ranking: RevenueRanking,
    cadence: crate::config::Cadence,
    today: NaiveDate,
}

impl Standing {
    /// The revenue ranking of `today` (moving the book's window to it when needed).
    pub fn read(repo: &mut Repository, config: &Config, today: NaiveDate) -> Result<Standing> {
        let (from, to) = last_12_months(today);
        let ranking = repo.revenue_ranking(from, to, &config.currency, config.tiers)?;
        Ok(Standing {
            ranking,
            cadence: config.cadence,
            today,
        })
    }

    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// The tier the revenue gives customer `id` with `revenue` in the window (`None`: no
    /// order in it): C without revenue; `None` when the book records no revenue at all.
    pub fn computed_tier(&self, id: CustomerId, revenue: Option<i64>) -> Option<Tier> {
        self.ranking.ranked.then(|| match revenue {
            Some(amount) => self.ranking.cutoffs.tier_of(id, i128::from(amount)),
            None => Tier::C,
        })
    }

    /// The cadence that applies to a customer of `tier` (its own wins).
    pub fn cadence(&self, own: Option<u32>, tier: Option<Tier>) -> Option<u32> {
        care::cadence(own, self.cadence.for_tier(tier))
    }

    /// Whether the stage that applies is lost.
    pub fn is_lost(&self, facts: &StandingFacts) -> bool {
        let last = facts.last_order.as_slice();
        lifecycle::is_lost(facts.stage_by_hand, last, self.today)
    }

    /// Finishes rows read from the book (not archived) as `finish_rows` does: the effective
    /// tier and whether it was set by hand, and going cold.
    pub fn finish(&self, repo: &Repository, rows: &mut [CustomerRow]) -> Result<()> {
        let ids: Vec<CustomerId> = rows.iter().map(|r| r.id).collect();
        let facts = repo.standing_of(&ids, self.today)?;
        self.finish_with(rows, &facts);
        Ok(())
    }

    fn finish_with(&self, rows: &mut [CustomerRow], facts: &HashMap<CustomerId, StandingFacts>) {
        let none = StandingFacts::default();
        for row in rows.iter_mut() {
            row.tier_by_hand = row.tier.is_some();
            if row.tier.is_none() {
                let revenue = facts.get(&row.id).unwrap_or(&none).revenue;
                row.tier = self.computed_tier(row.id, revenue);
            }
        }
        let cadence = self.cadence;
        care::mark_cold(
            rows,
            |t| cadence.for_tier(t),
            |id| self.is_lost(facts.get(&id).unwrap_or(&none)),
            self.today,
        );
    }
}
