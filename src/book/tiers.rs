//! A/B/C tiers computed from revenue: the few customers that bring most of it are A.
//!
//! Customers are ranked by their trailing-12-month revenue, highest first (equal revenue: the
//! lower id first, so the result never changes between runs). Walking down the ranking and
//! adding up revenue: a customer is A while the total *before* them is under 70% of all revenue
//! (so the one who crosses the line is still A), B while it is under 90%, and C after that.
//! Customers with no revenue are always C.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::model::{CustomerId, Tier};

/// Cumulative revenue shares, in percent, that end the A and B tiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TierThresholds {
    pub a_share: u8,
    /// Cumulative: A and B together.
    pub b_share: u8,
}

impl Default for TierThresholds {
    fn default() -> Self {
        Self {
            a_share: 70,
            b_share: 90,
        }
    }
}

impl TierThresholds {
    /// For the config: `0 < a_share <= b_share <= 100`.
    pub fn check(self) -> Result<(), String> {
        if self.a_share == 0 || self.a_share > self.b_share || self.b_share > 100 {
            return Err(format!(
                "tier thresholds must satisfy 0 < A ({}) <= B ({}) <= 100",
                self.a_share, self.b_share
            ));
        }
        Ok(())
    }
}

/// The computed tier of every customer in `revenue` (minor units; an id listed twice is summed,
/// negative revenue counts as none). Thresholds outside the rule of `check` are clamped.
pub fn compute_tiers(
    revenue: &[(CustomerId, i64)],
    t: TierThresholds,
) -> HashMap<CustomerId, Tier> {
    let mut sums: HashMap<CustomerId, i128> = HashMap::new();
    for (id, amount) in revenue {
        *sums.entry(*id).or_default() += i128::from((*amount).max(0));
    }
    let mut ranked: Vec<(CustomerId, i128)> = sums.into_iter().collect();
    ranked.sort_by(|(a_id, a), (b_id, b)| b.cmp(a).then(a_id.cmp(b_id)));
    let total: i128 = ranked.iter().map(|(_, r)| r).sum();
    let cut = cutoffs(ranked.iter().copied(), total, t);
    ranked
        .into_iter()
        .map(|(id, amount)| (id, cut.tier_of(id, amount)))
        .collect()
}

/// Where the tiers end in the ranking: the last A customer and the last A or B one, each as
/// (revenue, id). With these, one customer's tier is known from its own revenue alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cutoffs {
    pub last_a: Option<(i128, CustomerId)>,
    pub last_b: Option<(i128, CustomerId)>,
}

/// The cut-offs of a ranking: `ranked` is every customer's revenue (none negative), highest
/// first, equal revenue by the lower id first; `total` their sum. Walks only as far as B goes.
pub fn cutoffs(
    ranked: impl IntoIterator<Item = (CustomerId, i128)>,
    total: i128,
    t: TierThresholds,
) -> Cutoffs {
    let b_share = i128::from(t.b_share.min(100));
    let a_share = i128::from(t.a_share).min(b_share);
    let mut before = 0i128;
    let mut cut = Cutoffs::default();
    for (id, amount) in ranked {
        let amount = amount.max(0);
        // Past here everyone is C: no revenue, or the line of B crossed by those before.
        if amount == 0 || before * 100 >= b_share * total {
            break;
        }
        if before * 100 < a_share * total {
            cut.last_a = Some((amount, id));
        }
        cut.last_b = Some((amount, id));
        before += amount;
    }
    cut
}

impl Cutoffs {
    /// The tier of customer `id` with `revenue` in the ranking these cut-offs came from.
    pub fn tier_of(&self, id: CustomerId, revenue: i128) -> Tier {
        let place = |(amount, id): (i128, CustomerId)| (std::cmp::Reverse(amount), id);
        let at_or_before = |last: Option<(i128, CustomerId)>| {
            last.is_some_and(|l| place((revenue, id)) <= place(l))
        };
        if revenue <= 0 {
            Tier::C
        } else if at_or_before(self.last_a) {
            Tier::A
        } else if at_or_before(self.last_b) {
            Tier::B
        } else {
            Tier::C
        }
    }
}

/// The tier that applies and whether it was set by hand. A manual tier always wins (even when
/// it agrees with the computed one, so it keeps winning when revenue changes); the computed
/// tier stays available to show beside it.
pub fn effective_tier(computed: Tier, manual_override: Option<Tier>) -> (Tier, bool) {
    match manual_override {
        Some(manual) => (manual, true),
        None => (computed, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Revenue by customer number, as the book's ids.
    fn revenue(numbers: &[(i64, i64)]) -> Vec<(CustomerId, i64)> {
        numbers.iter().map(|&(id, r)| (CustomerId(id), r)).collect()
    }

    fn tiers(numbers: &[(i64, i64)]) -> Vec<(i64, Tier)> {
        let mut out: Vec<_> = compute_tiers(&revenue(numbers), TierThresholds::default())
            .into_iter()
            .map(|(id, tier)| (id.get(), tier))
            .collect();
        out.sort_by_key(|(id, _)| *id);
        out
    }

    #[test]
    fn the_customer_crossing_the_line_is_still_a() {
        // 50 + 30 = 80% (crosses 70: A), then 10 + 5 + 5.
        let got = tiers(&[(1, 500), (2, 300), (3, 100), (4, 50), (5, 50), (6, 0)]);
        use Tier::*;
        assert_eq!(got, vec![(1, A), (2, A), (3, B), (4, C), (5, C), (6, C)]);
    }

    #[test]
    fn ranking_not_input_order_decides() {
        let got = tiers(&[(6, 0), (5, 50), (3, 100), (2, 300), (4, 50), (1, 500)]);
        use Tier::*;
        assert_eq!(got, vec![(1, A), (2, A), (3, B), (4, C), (5, C), (6, C)]);
    }

    #[test]
    fn no_revenue_at_all_is_all_c() {
        let got = tiers(&[(1, 0), (2, 0), (3, 0)]);
        assert!(got.iter().all(|(_, t)| *t == Tier::C), "{got:?}");
        assert!(tiers(&[]).is_empty());
    }

    #[test]
    fn one_customer_is_a() {
        assert_eq!(tiers(&[(9, 1)]), vec![(9, Tier::A)]);
    }

    #[test]
    fn equal_revenue_splits_by_id() {
        // Ten at 10% each: the 7th reaches 70% (A), the 8th and 9th reach 90% (B).
        let revenue: Vec<_> = (1..=10).rev().map(|id| (id, 1_000)).collect();
        let got = tiers(&revenue);
        let a: Vec<_> = got
            .iter()
            .filter(|(_, t)| *t == Tier::A)
            .map(|(i, _)| *i)
            .collect();
        let b: Vec<_> = got
            .iter()
            .filter(|(_, t)| *t == Tier::B)
            .map(|(i, _)| *i)
            .collect();
        assert_eq!(a, vec![1, 2, 3, 4, 5, 6, 7]);
        assert_eq!(b, vec![8, 9]);
        assert_eq!(got.last(), Some(&(10, Tier::C)));
        // Three equal: they start at 0%, 33% and 67%, all under 70%, so all A.
        let three = tiers(&[(3, 5), (1, 5), (2, 5)]);
        assert!(three.iter().all(|(_, t)| *t == Tier::A), "{three:?}");
    }

    #[test]
    fn a_single_huge_customer_leaves_the_rest_c() {
        use Tier::*;
        let got = tiers(&[(1, 1_000_000), (2, 10), (3, 5)]);
        assert_eq!(got, vec![(1, A), (2, C), (3, C)]);
    }

    #[test]
    fn duplicates_sum_and_negatives_count_as_nothing() {
        use Tier::*;
        let got = tiers(&[(1, 40), (2, 50), (1, 20), (3, -500), (4, 5)]);
        // 1 = 60, 2 = 50: 60 of 115 (52%) then 2 crosses: both A; 4 starts at 96%: C.
        assert_eq!(got, vec![(1, A), (2, A), (3, C), (4, C)]);
    }

    #[test]
    fn thresholds_are_configurable_and_checked() {
        let t = TierThresholds {
            a_share: 50,
            b_share: 80,
        };
        let got = compute_tiers(&revenue(&[(1, 60), (2, 25), (3, 15)]), t);
        assert_eq!(got[&CustomerId(1)], Tier::A);
        assert_eq!(
            got[&CustomerId(2)],
            Tier::B,
            "starts at 60%: past A, under 80%"
        );
        assert_eq!(got[&CustomerId(3)], Tier::C, "starts at 85%");
        assert!(TierThresholds::default().check().is_ok());
        for (a, b) in [(0, 90), (91, 90), (70, 101)] {
            let bad = TierThresholds {
                a_share: a,
                b_share: b,
            };
            assert!(bad.check().is_err(), "{a}/{b}");
        }
        // Out-of-rule thresholds are clamped rather than trusted: A cannot exceed B.
        let odd = TierThresholds {
            a_share: 95,
            b_share: 50,
        };
        let got = compute_tiers(&revenue(&[(1, 40), (2, 30), (3, 30)]), odd);
        assert_eq!(
            (
                got[&CustomerId(1)],
                got[&CustomerId(2)],
                got[&CustomerId(3)]
            ),
            (Tier::A, Tier::A, Tier::C)
        );
    }

    /// The ranking walked customer by customer, as tiers were computed before cut-offs.
    fn walked(revenue: &[(CustomerId, i64)], t: TierThresholds) -> HashMap<CustomerId, Tier> {
        let mut sums: HashMap<CustomerId, i128> = HashMap::new();
        for (id, amount) in revenue {
            *sums.entry(*id).or_default() += i128::from((*amount).max(0));
        }
        let mut ranked: Vec<(CustomerId, i128)> = sums.into_iter().collect();
        ranked.sort_by(|(a_id, a), (b_id, b)| b.cmp(a).then(a_id.cmp(b_id)));
        let total: i128 = ranked.iter().map(|(_, r)| r).sum();
        let b_share = i128::from(t.b_share.min(100));
        let a_share = i128::from(t.a_share).min(b_share);
        let mut before = 0i128;
        ranked
            .into_iter()
            .map(|(id, amount)| {
                let tier = if amount == 0 {
                    Tier::C
                } else if before * 100 < a_share * total {
                    Tier::A
                } else if before * 100 < b_share * total {
                    Tier::B
                } else {
                    Tier::C
                };
                before += amount;
                (id, tier)
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn cutoffs_give_every_customer_the_walks_tier(
            revenue in proptest::collection::vec((1i64..40, -5i64..60), 0..40),
            a in 0u8..110,
            b in 0u8..110,
        ) {
            let t = TierThresholds { a_share: a, b_share: b };
            let revenue: Vec<(CustomerId, i64)> =
                revenue.into_iter().map(|(id, r)| (CustomerId(id), r)).collect();
            proptest::prop_assert_eq!(compute_tiers(&revenue, t), walked(&revenue, t));
        }
    }

    #[test]
    fn a_manual_tier_wins_and_says_so() {
        assert_eq!(effective_tier(Tier::C, Some(Tier::A)), (Tier::A, true));
        assert_eq!(effective_tier(Tier::B, None), (Tier::B, false));
        assert_eq!(effective_tier(Tier::B, Some(Tier::B)), (Tier::B, true));
    }
}
