//! Which customers going cold are worth the morning's few calls. A book can have dozens going
//! cold at once; the review walks only so many a day, so the ones that matter most come first.

use std::cmp::Reverse;

use super::model::Tier;

/// What a customer going cold is worth a call for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColdWorth {
    pub tier: Option<Tier>,
    /// The expected value of the customer's open deals (minor units): what silence may cost.
    pub open_deals: i64,
    /// Days past the stay-in-touch cadence (`care::going_cold`).
    pub days_past: i64,
    /// The cadence that applies; silence counts against it.
    pub cadence_days: Option<u32>,
}

impl ColdWorth {
    /// Days of silence in thousandths of the cadence: 40 days on a 14-day cadence (2857) is
    /// colder than 120 days on a 90-day one (1333), though fewer days.
    pub fn silence_per_mille(&self) -> i64 {
        let cadence = i64::from(self.cadence_days.unwrap_or(0).max(1));
        self.days_past.saturating_add(cadence).saturating_mul(1000) / cadence
    }

    fn tier_rank(&self) -> usize {
        self.tier
            .and_then(|t| Tier::ALL.iter().position(|x| *x == t))
            .unwrap_or(Tier::ALL.len())
    }
}

/// Orders `items` most worth a call first: A before B before C before no tier; within a tier
/// the larger open deals first; then the colder for its cadence. Equals keep their order.
pub fn rank_by_worth<T>(items: &mut [T], worth: impl Fn(&T) -> ColdWorth) {
    items.sort_by_cached_key(|item| {
        let w = worth(item);
        (
            w.tier_rank(),
            Reverse(w.open_deals),
            Reverse(w.silence_per_mille()),
        )
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn worth(tier: Option<Tier>, open_deals: i64, days_past: i64, cadence: u32) -> ColdWorth {
        ColdWorth {
            tier,
            open_deals,
            days_past,
            cadence_days: Some(cadence),
        }
    }

    fn ranked(mut items: Vec<(&'static str, ColdWorth)>) -> Vec<&'static str> {
        rank_by_worth(&mut items, |(_, w)| *w);
        items.into_iter().map(|(name, _)| name).collect()
    }

    #[test]
    fn tier_first_then_open_deals_then_how_cold_for_the_cadence() {
        let items = vec![
            ("no tier, very cold", worth(None, 0, 900, 90)),
            ("C with a big deal", worth(Some(Tier::C), 9_000_000, 0, 60)),
            ("B barely cold", worth(Some(Tier::B), 0, 0, 30)),
            ("B with a deal", worth(Some(Tier::B), 50_000, 0, 30)),
            ("B very cold", worth(Some(Tier::B), 0, 60, 30)),
            ("A", worth(Some(Tier::A), 0, 0, 14)),
        ];
        assert_eq!(
            ranked(items),
            [
                "A",
                "B with a deal",
                "B very cold",
                "B barely cold",
                "C with a big deal",
                "no tier, very cold"
            ]
        );
    }

    #[test]
    fn cold_is_measured_against_the_cadence_not_in_days() {
        // 26 days past a 14-day cadence (40 silent) beats 30 past a 90-day one (120 silent).
        let short = worth(Some(Tier::C), 0, 26, 14);
        let long = worth(Some(Tier::C), 0, 30, 90);
        assert_eq!(short.silence_per_mille(), 2857);
        assert_eq!(long.silence_per_mille(), 1333);
        assert_eq!(
            ranked(vec![("long", long), ("short", short)]),
            ["short", "long"]
        );
    }

    #[test]
    fn equals_keep_their_order_and_nothing_overflows() {
        let same = worth(Some(Tier::A), 0, 3, 14);
        assert_eq!(
            ranked(vec![("first", same), ("second", same), ("third", same)]),
            ["first", "second", "third"]
        );
        let huge = ColdWorth {
            tier: None,
            open_deals: i64::MAX,
            days_past: i64::MAX,
            cadence_days: None,
        };
        assert_eq!(huge.silence_per_mille(), i64::MAX);
        assert_eq!(
            ranked(vec![("small", worth(None, 1, 1, 1)), ("huge", huge)]),
            ["huge", "small"]
        );
    }
}
