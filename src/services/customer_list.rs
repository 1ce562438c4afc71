//! The customer list as a salesperson sees it, shared by the TUI and the CLI: each row's tier is
//! the hand-set one where there is one, else the one computed from 12-month revenue; and rows
//! going cold (past the stay-in-touch cadence of that tier, not lost, nothing planned) are
//! marked by `book::care::going_cold`, the rule every other screen counts by.

use chrono::NaiveDate;

use crate::book::care;
use crate::book::deals::{DealStage, last_12_months};
use crate::book::due::{self, SortOrder};
use crate::book::lifecycle;
use crate::book::model::{CustomerId, CustomerRow, Tier};
use crate::book::tiers::compute_tiers;
use crate::config::Config;
use crate::repository::{Repository, Result};

/// What the list reads besides the rows: the revenue ranking and whose stage is lost. Kept
/// for the whole session, as sorted vectors: a third of the room of hash maps at 100,000
/// customers, and looked up only when a row is finished.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ranking {
    /// Tiers of the customers with revenue in the 12 months to the day it was read, by id.
    computed: Vec<(CustomerId, Tier)>,
    /// Customers whose stage that applies is lost (by hand, or no order for a year), sorted.
    lost: Vec<CustomerId>,
}

impl Ranking {
    pub fn read(repo: &Repository, config: &Config, today: NaiveDate) -> Result<Ranking> {
        let (from, to) = last_12_months(today);
        let revenue = repo.revenue_between(from, to, &config.currency)?;
        let by_hand = repo.hand_set_stages()?;
        let last_orders = repo.last_orders(today)?;
        let mut lost: Vec<CustomerId> = by_hand
            .keys()
            .chain(last_orders.keys())
            .copied()
            .filter(|id| {
                let stage = by_hand.get(id).map(|(stage, _)| *stage);
                let last = last_orders.get(id).map_or(&[][..], std::slice::from_ref);
                lifecycle::is_lost(stage, last, today)
            })
            .collect();
        lost.sort_unstable();
        lost.dedup();
        let mut computed: Vec<_> = compute_tiers(&revenue, config.tiers).into_iter().collect();
        computed.sort_unstable_by_key(|(id, _)| *id);
        Ok(Ranking { computed, lost })
    }

    /// Reads again whether one customer is lost (after a save that may have set its stage by
    /// hand), without ranking the whole book again.
    pub fn reread_stage(
        &mut self,
        repo: &Repository,
        id: CustomerId,
        today: NaiveDate,
    ) -> Result<()> {
        let by_hand = repo.overrides(id)?.stage;
        let orders: Vec<NaiveDate> = repo
            .deals_of(id)?
            .iter()
            .filter(|d| d.draft.stage == DealStage::Won)
            .filter_map(|d| d.draft.closed_on)
            .collect();
        match (
            lifecycle::is_lost(by_hand, &orders, today),
            self.lost.binary_search(&id),
        ) {
            (true, Err(at)) => self.lost.insert(at, id),
            (false, Ok(at)) => {
                self.lost.remove(at);
            }
            _ => {}
        }
        Ok(())
    }

    /// The tier the revenue gives a customer: anyone without revenue is C. `None` when the
    /// book records no revenue at all (one that does not track deals ranks nobody).
    pub fn computed_tier(&self, id: CustomerId) -> Option<Tier> {
        (!self.computed.is_empty()).then(|| {
            self.computed
                .binary_search_by_key(&id, |(id, _)| *id)
                .map_or(Tier::C, |at| self.computed[at].1)
        })
    }

    pub fn is_lost(&self, id: CustomerId) -> bool {
        self.lost.binary_search(&id).is_ok()
    }
}

/// Fills each row's effective tier (hand-set wins; the list row's `tier` read from the book is
/// the hand-set one) and marks who is going cold.
pub fn finish_rows(rows: &mut [CustomerRow], ranking: &Ranking, config: &Config, today: NaiveDate) {
    for row in rows.iter_mut() {
        row.tier_by_hand = row.tier.is_some();
        if row.tier.is_none() {
            row.tier = ranking.computed_tier(row.id);
        }
    }
    mark_cold(rows, ranking, config, today);
}

/// Puts fresh computed tiers on rows already finished (after a deal changed the ranking),
/// leaving hand-set tiers alone, and marks going cold again (cadence follows the tier).
pub fn reapply_tiers(
    rows: &mut [CustomerRow],
    ranking: &Ranking,
    config: &Config,
    today: NaiveDate,
) {
    for row in rows.iter_mut().filter(|r| !r.tier_by_hand) {
        row.tier = ranking.computed_tier(row.id);
    }
    mark_cold(rows, ranking, config, today);
}

fn mark_cold(rows: &mut [CustomerRow], ranking: &Ranking, config: &Config, today: NaiveDate) {
    let cadence = config.cadence;
    care::mark_cold(
        rows,
        |t| cadence.for_tier(t),
        |id| ranking.is_lost(id),
        today,
    );
}

/// Indices of `rows` in `order` (`due::compare`'s). Each row's key is made once and holds no
/// text: the lead key packed in a number, and the first bytes of the name as a number. The
/// names themselves are read only on a tie, and sorting 100,000 rows allocates one small
/// vector (2.4 MB), not a string each.
pub fn order(rows: &[CustomerRow], order: SortOrder, today: NaiveDate) -> Vec<usize> {
    let mut keyed: Vec<(u64, u64, u32)> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            (
                due::packed_lead_key(order, r, today),
                due::name_prefix(&r.name),
                i as u32,
            )
        })
        .collect();
    keyed.sort_unstable_by(|a, b| {
        let (ra, rb) = (&rows[a.2 as usize], &rows[b.2 as usize]);
        a.0.cmp(&b.0)
            // Keys a number cannot tell apart (see `packed_lead_key`) are compared whole.
            .then_with(|| due::lead_key(order, ra, today).cmp(&due::lead_key(order, rb, today)))
            .then(a.1.cmp(&b.1))
            .then_with(|| due::name_order(&ra.name, &rb.name).then(ra.id.cmp(&rb.id)))
    });
    // Not `into_iter().map().collect()`: that reuses `keyed`'s buffer, three times the size,
    // for as long as the list's order is kept.
    keyed.iter().map(|k| k.2 as usize).collect()
}

/// What a list row no longer needs once its search keys are built: its own and its people's
/// phones, e-mails and WeChat ids, which the list never shows and the search reads from the
/// keys (`CustomerSearch::matched_person_at`). A third of a row's text, 16 MB at 100,000
/// customers. Keys must never be built again from rows kept this way.
pub fn keep_listed(rows: &mut [CustomerRow]) {
    for row in rows {
        row.ways = Default::default();
    }
}

/// Every customer not archived, with effective tiers and going-cold marks.
pub fn customer_rows(
    repo: &Repository,
    config: &Config,
    today: NaiveDate,
) -> Result<Vec<CustomerRow>> {
    Ok(read(repo, config, today)?.0)
}

/// The list and the ranking it was finished with, which a front end keeps to finish rows it
/// reads again later (one customer after a save) the same way.
pub fn read(
    repo: &Repository,
    config: &Config,
    today: NaiveDate,
) -> Result<(Vec<CustomerRow>, Ranking)> {
    let ranking = Ranking::read(repo, config, today)?;
    let mut rows = repo.customer_rows()?;
    finish_rows(&mut rows, &ranking, config, today);
    Ok((rows, ranking))
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
        finish_rows(&mut rows, &Ranking::default(), &Config::default(), today);
        let tiers: Vec<_> = rows.iter().map(|r| r.tier).collect();
        assert_eq!(
            tiers,
            [None, None, None, Some(Tier::B)],
            "no revenue: unranked"
        );
    }

    proptest::proptest! {
        #[test]
        fn order_is_the_order_compare_gives(
            rows in proptest::collection::vec((
                "[a-cA-C北京 ]{0,4}",
                proptest::option::of(-3i64..4),
                proptest::option::of(0i32..3),
                proptest::option::of((-3i64..1, 0u32..2, 0u32..2)),
            ), 0..40),
        ) {
            use crate::book::due::{SortOrder, compare};
            let today: NaiveDate = "2026-11-28".parse().unwrap();
            let rows: Vec<CustomerRow> = rows
                .into_iter()
                .enumerate()
                .map(|(i, (name, next, cold, last))| {
                    CustomerRow::placed(i as i64 + 1, &name, today, (next, cold, last))
                })
                .collect();
            for sort in [SortOrder::Attention, SortOrder::Name, SortOrder::LastContact] {
                let mut want: Vec<usize> = (0..rows.len()).collect();
                want.sort_by(|&a, &b| compare(sort, &rows[a], &rows[b], today));
                proptest::prop_assert_eq!(order(&rows, sort, today), want);
            }
        }
    }

    #[test]
    fn the_lost_are_never_going_cold_whether_by_hand_or_by_their_orders() {
        fn long_ago() -> chrono::NaiveDateTime {
            "2025-01-01T09:00:00".parse().unwrap()
        }
        let mut repo = Repository::open_in_memory().unwrap();
        repo.set_clock(long_ago);
        let mut add = |name: &str| {
            repo.add_customer(&CustomerDraft {
                name: name.into(),
                ..Default::default()
            })
            .unwrap()
        };
        let (quiet, lapsed, marked) = (add("Quiet"), add("Lapsed"), add("Marked"));
        repo.add_deal(&DealDraft {
            customer_id: lapsed,
            title: "order".into(),
            amount: 100,
            currency: "CNY".into(),
            stage: DealStage::Won,
            expected_close: None,
            closed_on: Some("2025-06-01".parse().unwrap()),
        })
        .unwrap();
        let marked_lost = crate::book::model::Overrides {
            stage: Some(crate::book::model::Stage::Lost),
            ..Default::default()
        };
        repo.set_overrides(marked, &marked_lost).unwrap();
        let mut config = Config::default();
        config.cadence.unranked = 30;
        let today: NaiveDate = "2026-11-28".parse().unwrap();
        let (rows, mut ranking) = read(&repo, &config, today).unwrap();
        let cold: Vec<_> = rows
            .iter()
            .filter(|r| r.cold_by.is_some())
            .map(|r| r.id)
            .collect();
        assert_eq!(cold, [quiet]);

        // Setting a stage by hand is seen for that one customer without ranking the book again.
        repo.set_overrides(marked, &Default::default()).unwrap();
        ranking.reread_stage(&repo, marked, today).unwrap();
        assert!(!ranking.is_lost(marked) && ranking.is_lost(lapsed));
    }
}
