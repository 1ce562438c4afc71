//! Where a customer is in its life with us, derived from its orders and contacts, with a
//! one-line reason a salesperson can check.
//!
//! - **lost**: marked lost, or no order for 365 days;
//! - **at risk**: an open complaint, or contact silence beyond the stay-in-touch cadence, or the
//!   gap since the last order beyond their own rhythm: 1.5× the median gap between their orders
//!   (and at least a week past it);
//! - **prospect**: no order yet;
//! - **new**: first order within the last 90 days;
//! - **repeat**: two or more orders (on different days), ordering within their rhythm;
//! - **active**: one order, more than 90 days ago and less than a year: their rhythm is not
//!   known yet, so only the year rule and the risk score watch them.
//!
//! Repeat is a stage of its own (not a flavour of active) because it is the only one where
//! the customer has shown a rhythm: "active" means "bought, still within the year".
//! Prospects keep their stage whatever the signals (they cannot churn before buying), but the
//! reason and risk still mention a complaint or silence.
//!
//! Risk (0-100) is the strongest signal: the order gap as a share of the at-risk line (75 at
//! the line), or of a year when the rhythm is unknown; silence as a share of the cadence (60
//! at the cadence); an open complaint 80 (+5 for each further one); +5 for each further at-risk
//! signal; 100 only for lost.

use chrono::NaiveDate;
use serde::Serialize;

use super::model::Stage;

/// A first order this recent makes the customer new.
pub const NEW_DAYS: i64 = 90;
/// No order for this long and the customer is lost.
pub const LOST_DAYS: i64 = 365;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LifecycleFacts {
    /// Order dates of the customer's won deals, any order; days after today are ignored.
    pub order_dates: Vec<NaiveDate>,
    pub last_contact: Option<NaiveDate>,
    /// The stay-in-touch cadence that applies (see `care::cadence`).
    pub cadence_days: Option<u32>,
    pub open_complaints: usize,
    pub marked_lost: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StageVerdict {
    pub stage: Stage,
    /// One line: "no order for 74 days; usually every 30" ([`english`] of `why`): what
    /// `--json` carries, the same in every language.
    pub reason: String,
    /// The reasons as data, for the interface to say in its language.
    #[serde(skip)]
    pub why: Vec<Why>,
    /// Churn risk, 0 (none) to 100 (lost).
    pub risk: u8,
}

/// One reason for a stage or a risk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    MarkedLost,
    NoOrderYet,
    NoOrderFor {
        days: i64,
    },
    /// No order for `days`, beyond the customer's own rhythm of one every `usual` days.
    OrderGap {
        days: i64,
        usual: i64,
    },
    OpenComplaints {
        n: usize,
    },
    Silent {
        days: i64,
        cadence: i64,
    },
    /// The first order `ago` days back, `orders` order days so far.
    FirstOrder {
        ago: i64,
        orders: usize,
    },
    LastOrder {
        ago: i64,
        usual: i64,
    },
    OneOrder {
        ago: i64,
    },
    /// A stage set by hand, with the reason typed (empty: none).
    SetByHand {
        why: String,
    },
}

impl Why {
    /// The reason in English, as `reason` and `--json` carry it.
    pub fn english(&self) -> String {
        match self {
            Why::MarkedLost => "marked lost".into(),
            Why::NoOrderYet => "no order yet".into(),
            Why::NoOrderFor { days: d } => format!("no order for {}", days(*d)),
            Why::OrderGap { days: d, usual } => {
                format!("no order for {}; usually every {usual}", days(*d))
            }
            Why::OpenComplaints { n: 1 } => "open complaint".into(),
            Why::OpenComplaints { n } => format!("{n} open complaints"),
            Why::Silent { days: d, cadence } => format!("silent {} (cadence {cadence})", days(*d)),
            Why::FirstOrder { ago, orders: 1 } => format!("first order {} ago", days(*ago)),
            Why::FirstOrder { ago, orders } => {
                format!("first order {} ago; {orders} orders so far", days(*ago))
            }
            Why::LastOrder { ago, usual } => {
                format!("last order {} ago; usually every {usual}", days(*ago))
            }
            Why::OneOrder { ago } => format!("one order, {} ago; rhythm not known yet", days(*ago)),
            Why::SetByHand { why } if why.is_empty() => "set by hand".into(),
            Why::SetByHand { why } => format!("set by hand: {why}"),
        }
    }
}

/// The reasons in English, one line.
pub fn english(whys: &[Why]) -> String {
    whys.iter().map(Why::english).collect::<Vec<_>>().join("; ")
}

/// The median number of days between distinct order days (the lower of the two middle gaps
/// when their count is even); `None` with fewer than two order days.
pub fn median_gap(order_dates: &[NaiveDate]) -> Option<i64> {
    let days = distinct_sorted(order_dates);
    let mut gaps: Vec<i64> = days.windows(2).map(|w| (w[1] - w[0]).num_days()).collect();
    gaps.sort_unstable();
    let middle = gaps.len().checked_sub(1)? / 2;
    gaps.get(middle).copied()
}

/// Days since the last order beyond which a customer with this usual gap is at risk.
pub fn at_risk_after(usual_gap: i64) -> i64 {
    ((usual_gap * 3 + 1) / 2).max(usual_gap + 7)
}

fn distinct_sorted(dates: &[NaiveDate]) -> Vec<NaiveDate> {
    let mut days = dates.to_vec();
    days.sort_unstable();
    days.dedup();
    days
}

fn days(n: i64) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

fn pct(part: i64, whole: i64, at_whole: i64) -> u8 {
    let value = if whole <= 0 {
        99
    } else {
        (part.max(0).saturating_mul(at_whole) / whole).min(99)
    };
    u8::try_from(value).unwrap_or(99)
}

/// No order for `LOST_DAYS` since the last one (days after today ignored): the orders say lost.
/// A customer who never ordered is a prospect, not lost.
pub fn lapsed(order_dates: &[NaiveDate], today: NaiveDate) -> bool {
    order_dates
        .iter()
        .filter(|d| **d <= today)
        .max()
        .is_some_and(|last| (today - *last).num_days() >= LOST_DAYS)
}

/// The stage that applies is lost: set so by hand, or no stage set by hand and the orders
/// lapsed. What `effective_stage(derive_stage(..))` says, without deriving everything else.
pub fn is_lost(by_hand: Option<Stage>, order_dates: &[NaiveDate], today: NaiveDate) -> bool {
    by_hand.map_or_else(|| lapsed(order_dates, today), |stage| stage == Stage::Lost)
}

/// Signals apart from orders that put a buying customer at risk, as (reason, risk): open
/// complaints, and silence beyond the cadence; with the silence's own risk however short.
fn contact_alarms(facts: &LifecycleFacts, today: NaiveDate) -> (Vec<(Why, u8)>, u8) {
    let mut alarms: Vec<(Why, u8)> = Vec::new();
    if facts.open_complaints > 0 {
        let n = facts.open_complaints;
        let extra = u8::try_from((n - 1).min(3) * 5).unwrap_or(15);
        alarms.push((Why::OpenComplaints { n }, 80 + extra));
    }
    let mut silence_risk = 0;
    if let (Some(last), Some(cadence)) = (facts.last_contact, facts.cadence_days.filter(|c| *c > 0))
    {
        let silent = (today - last).num_days().max(0);
        let cadence = i64::from(cadence);
        silence_risk = pct(silent, cadence, 60);
        if silent > cadence {
            let why = Why::Silent {
                days: silent,
                cadence,
            };
            alarms.push((why, silence_risk));
        }
    }
    (alarms, silence_risk)
}

/// The stage the facts point to, why, and how likely the customer is to slip away.
pub fn derive_stage(facts: &LifecycleFacts, today: NaiveDate) -> StageVerdict {
    if facts.marked_lost {
        return verdict(Stage::Lost, vec![Why::MarkedLost], 100);
    }
    let (mut alarms, silence_risk) = contact_alarms(facts, today);
    let orders: Vec<NaiveDate> = distinct_sorted(&facts.order_dates)
        .into_iter()
        .filter(|d| *d <= today)
        .collect();
    let (Some(first), Some(last)) = (orders.first().copied(), orders.last().copied()) else {
        let mut why = vec![Why::NoOrderYet];
        why.extend(alarms.iter().map(|(what, _)| what.clone()));
        return verdict(Stage::Prospect, why, combined(&alarms, silence_risk));
    };
    let since = (today - last).num_days();
    if lapsed(&orders, today) {
        return verdict(Stage::Lost, vec![Why::NoOrderFor { days: since }], 100);
    }

    let usual = median_gap(&orders);
    let order_risk = match usual {
        Some(usual) => {
            let line = at_risk_after(usual);
            let risk = pct(since, line, 75);
            if since > line {
                let what = Why::OrderGap { days: since, usual };
                // The order gap is the salesperson's first question: put it before silence.
                let at = alarms.len().min(usize::from(facts.open_complaints > 0));
                alarms.insert(at, (what, risk));
            }
            risk
        }
        None => pct(since, LOST_DAYS, 100),
    };
    if !alarms.is_empty() {
        let why = alarms.iter().map(|(what, _)| what.clone()).collect();
        return verdict(Stage::AtRisk, why, combined(&alarms, 0));
    }

    let quiet_risk = order_risk.max(silence_risk);
    let since_first = (today - first).num_days();
    if since_first <= NEW_DAYS {
        let why = Why::FirstOrder {
            ago: since_first,
            orders: orders.len(),
        };
        return verdict(Stage::New, vec![why], quiet_risk);
    }
    match usual {
        Some(usual) => verdict(
            Stage::Repeat,
            vec![Why::LastOrder { ago: since, usual }],
            quiet_risk,
        ),
        None => verdict(
            Stage::Active,
            vec![Why::OneOrder { ago: since }],
            quiet_risk,
        ),
    }
}

/// The strongest alarm, +5 for each further one, below 100 (kept for lost); `floor` when none.
fn combined(alarms: &[(Why, u8)], floor: u8) -> u8 {
    let strongest = alarms.iter().map(|(_, r)| *r).max().unwrap_or(floor);
    let extra = alarms.len().saturating_sub(1).min(4) * 5;
    u8::try_from((usize::from(strongest) + extra).min(99)).unwrap_or(99)
}

fn verdict(stage: Stage, why: Vec<Why>, risk: u8) -> StageVerdict {
    StageVerdict {
        stage,
        reason: english(&why),
        why,
        risk,
    }
}

/// The stage that applies and whether it was set by hand: a manual stage always wins, and the
/// derived verdict stays available to show beside it.
pub fn effective_stage(verdict: &StageVerdict, manual: Option<Stage>) -> (Stage, bool) {
    match manual {
        Some(stage) => (stage, true),
        None => (verdict.stage, false),
    }
}

#[cfg(test)]
mod tests;
