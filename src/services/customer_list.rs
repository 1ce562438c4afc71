//! The customer list as a salesperson sees it, shared by the TUI and the CLI: each row's tier is
//! the hand-set one where there is one, else the one computed from 12-month revenue; and rows
//! past their stay-in-touch cadence (which depends on that tier) are marked going cold.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::book::care;
use crate::book::deals::last_12_months;
use crate::book::model::{CustomerId, CustomerRow, Tier};
use crate::book::tiers::compute_tiers;
use crate::config::Config;
use crate::repository::{Repository, Result};

/// Computed tiers for every customer with revenue in the 12 months to `today`; anyone absent
/// is C.
pub fn computed_tiers(
    repo: &Repository,
    config: &Config,
    today: NaiveDate,
) -> Result<HashMap<CustomerId, Tier>> {
    let (from, to) = last_12_months(today);
    let revenue = repo.revenue_between(from, to, &config.currency)?;
    Ok(compute_tiers(&revenue, config.tiers))
}

/// Fills each row's effective tier (hand-set wins; the list row's `tier` read from the book is
/// the hand-set one) and marks who is going cold. A book with no revenue at all (one that does
/// not track deals) ranks nobody: its customers stay unranked rather than all C.
pub fn finish_rows(
    rows: &mut [CustomerRow],
    computed: &HashMap<CustomerId, Tier>,
    config: &Config,
    today: NaiveDate,
) {
    for row in rows.iter_mut() {
        row.tier_by_hand = row.tier.is_some();
        if row.tier.is_none() && !computed.is_empty() {
            row.tier = Some(computed.get(&row.id).copied().unwrap_or(Tier::C));
        }
    }
    let cadence = config.cadence;
    care::mark_cold(rows, |t| cadence.for_tier(t), today);
}

/// Puts fresh computed tiers on rows already finished (after a deal changed the ranking),
/// leaving hand-set tiers alone, and marks going cold again (cadence follows the tier).
pub fn reapply_tiers(
    rows: &mut [CustomerRow],
    computed: &HashMap<CustomerId, Tier>,
    config: &Config,
    today: NaiveDate,
) {
    for row in rows.iter_mut().filter(|r| !r.tier_by_hand) {
        row.tier = if computed.is_empty() {
            None
        } else {
            Some(computed.get(&row.id).copied().unwrap_or(Tier::C))
        };
    }
    let cadence = config.cadence;
    care::mark_cold(rows, |t| cadence.for_tier(t), today);
}

/// Every customer not archived, with effective tiers and going-cold marks.
pub fn customer_rows(
    repo: &Repository,
    config: &Config,
    today: NaiveDate,
) -> Result<Vec<CustomerRow>> {
    let mut rows = repo.customer_rows()?;
    let computed = computed_tiers(repo, config, today)?;
    finish_rows(&mut rows, &computed, config, today);
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::book::deals::{DealDraft, DealStage};
    use crate::book::model::CustomerDraft;

    #[test]
    fn revenue_ranks_tiers_and_a_hand_set_tier_wins() {
        let mut repo = Repository::open_in_memory().unwrap();
        let mut add = |name: &str, tier: Option<Tier>, revenue: i64| {
            let id = repo
                .add_customer(&CustomerDraft {
                    name: name.into(),
                    tier,
                    ..Default::default()
                })
                .unwrap();
            if revenue > 0 {
                repo.add_deal(&DealDraft {
                    customer_id: id,
                    title: "order".into(),
                    amount: revenue,
                    currency: "CNY".into(),
                    stage: DealStage::Won,
                    expected_close: None,
                    closed_on: Some("2026-10-01".parse().unwrap()),
                })
                .unwrap();
            }
            id
        };
        let big = add("Big", None, 700_000);
        let mid = add("Mid", None, 200_000);
        let small = add("Small", None, 100_000);
        let promising = add("Promising", Some(Tier::A), 0);
        let today: NaiveDate = "2026-11-28".parse().unwrap();
        let rows = customer_rows(&repo, &Config::default(), today).unwrap();
        let tier = |id| {
            let r = rows.iter().find(|r| r.id == id).unwrap();
            (r.tier, r.tier_by_hand)
        };
        assert_eq!(tier(big), (Some(Tier::A), false));
        assert_eq!(tier(mid), (Some(Tier::B), false));
        assert_eq!(tier(small), (Some(Tier::C), false));
        assert_eq!(tier(promising), (Some(Tier::A), true));
        // A-tier cadence (14 days) applies to the hand-set A customer added today: not cold.
        assert!(rows.iter().all(|r| r.cold_by.is_none()));

        let mut rows = rows;
        for r in &mut rows {
            r.tier = None;
        }
        rows[3].tier = Some(Tier::B);
        finish_rows(&mut rows, &HashMap::new(), &Config::default(), today);
        let tiers: Vec<_> = rows.iter().map(|r| r.tier).collect();
        assert_eq!(
            tiers,
            [None, None, None, Some(Tier::B)],
            "no revenue: unranked"
        );
    }
}
