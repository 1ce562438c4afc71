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
    /// One line: "no order for 74 days; usually every 30".
    pub reason: String,
    /// Churn risk, 0 (none) to 100 (lost).
    pub risk: u8,
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

/// The stage the facts point to, why, and how likely the customer is to slip away.
pub fn derive_stage(facts: &LifecycleFacts, today: NaiveDate) -> StageVerdict {
    if facts.marked_lost {
        return verdict(Stage::Lost, "marked lost".into(), 100);
    }
    // Signals that put a buying customer at risk: (reason, risk).
    let mut alarms: Vec<(String, u8)> = Vec::new();
    if facts.open_complaints > 0 {
        let n = facts.open_complaints;
        let extra = u8::try_from((n - 1).min(3) * 5).unwrap_or(15);
        let what = if n == 1 {
            "open complaint".to_string()
        } else {
            format!("{n} open complaints")
        };
        alarms.push((what, 80 + extra));
    }
    let mut silence_risk = 0;
    if let (Some(last), Some(cadence)) = (facts.last_contact, facts.cadence_days.filter(|c| *c > 0))
    {
        let silent = (today - last).num_days().max(0);
        let cadence = i64::from(cadence);
        silence_risk = pct(silent, cadence, 60);
        if silent > cadence {
            alarms.push((
                format!("silent {} (cadence {cadence})", days(silent)),
                silence_risk,
            ));
        }
    }

    let orders: Vec<NaiveDate> = distinct_sorted(&facts.order_dates)
        .into_iter()
        .filter(|d| *d <= today)
        .collect();
    let (Some(first), Some(last)) = (orders.first().copied(), orders.last().copied()) else {
        let mut reason = "no order yet".to_string();
        for (what, _) in &alarms {
            reason = format!("{reason}; {what}");
        }
        return verdict(Stage::Prospect, reason, combined(&alarms, silence_risk));
    };
    let since = (today - last).num_days();
    if since >= LOST_DAYS {
        return verdict(Stage::Lost, format!("no order for {}", days(since)), 100);
    }

    let usual = median_gap(&orders);
    let order_risk = match usual {
        Some(usual) => {
            let line = at_risk_after(usual);
            let risk = pct(since, line, 75);
            if since > line {
                let what = format!("no order for {}; usually every {usual}", days(since));
                // The order gap is the salesperson's first question: put it before silence.
                let at = alarms.len().min(usize::from(facts.open_complaints > 0));
                alarms.insert(at, (what, risk));
            }
            risk
        }
        None => pct(since, LOST_DAYS, 100),
    };
    if !alarms.is_empty() {
        let reason = alarms
            .iter()
            .map(|(what, _)| what.as_str())
            .collect::<Vec<_>>()
            .join("; ");
        return verdict(Stage::AtRisk, reason, combined(&alarms, 0));
    }

    let quiet_risk = order_risk.max(silence_risk);
    let since_first = (today - first).num_days();
    if since_first <= NEW_DAYS {
        let reason = match orders.len() {
            1 => format!("first order {} ago", days(since_first)),
            n => format!("first order {} ago; {n} orders so far", days(since_first)),
        };
        return verdict(Stage::New, reason, quiet_risk);
    }
    match usual {
        Some(usual) => verdict(
            Stage::Repeat,
            format!("last order {} ago; usually every {usual}", days(since)),
            quiet_risk,
        ),
        None => verdict(
            Stage::Active,
            format!("one order, {} ago; rhythm not known yet", days(since)),
            quiet_risk,
        ),
    }
}

/// The strongest alarm, +5 for each further one, below 100 (kept for lost); `floor` when none.
fn combined(alarms: &[(String, u8)], floor: u8) -> u8 {
    let strongest = alarms.iter().map(|(_, r)| *r).max().unwrap_or(floor);
    let extra = alarms.len().saturating_sub(1).min(4) * 5;
    u8::try_from((usize::from(strongest) + extra).min(99)).unwrap_or(99)
}

fn verdict(stage: Stage, reason: String, risk: u8) -> StageVerdict {
    StageVerdict {
        stage,
        reason,
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
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    const TODAY: &str = "2026-11-28";

    fn orders(dates: &[&str]) -> LifecycleFacts {
        LifecycleFacts {
            order_dates: dates.iter().map(|s| d(s)).collect(),
            ..LifecycleFacts::default()
        }
    }

    fn stage(facts: &LifecycleFacts) -> StageVerdict {
        derive_stage(facts, d(TODAY))
    }

    /// Monthly orders ending `last`.
    fn monthly(last: &str) -> LifecycleFacts {
        let last = d(last);
        let dates = (0..6).map(|i| last - chrono::Days::new(30 * i)).collect();
        LifecycleFacts {
            order_dates: dates,
            ..LifecycleFacts::default()
        }
    }

    #[test]
    fn no_order_is_a_prospect() {
        let v = stage(&LifecycleFacts::default());
        assert_eq!(
            (v.stage, v.reason.as_str(), v.risk),
            (Stage::Prospect, "no order yet", 0)
        );
        // Future-dated orders do not count yet.
        assert_eq!(stage(&orders(&["2026-12-01"])).stage, Stage::Prospect);
        let with_complaint = LifecycleFacts {
            open_complaints: 1,
            ..LifecycleFacts::default()
        };
        let v = stage(&with_complaint);
        assert_eq!(v.stage, Stage::Prospect);
        assert_eq!(v.reason, "no order yet; open complaint");
        assert_eq!(v.risk, 80);
    }

    #[test]
    fn a_first_order_within_90_days_is_new() {
        let v = stage(&orders(&["2026-11-16"]));
        assert_eq!(
            (v.stage, v.reason.as_str()),
            (Stage::New, "first order 12 days ago")
        );
        assert_eq!(stage(&orders(&["2026-08-30"])).stage, Stage::New, "90 days");
        assert_eq!(
            stage(&orders(&["2026-08-29"])).stage,
            Stage::Active,
            "91 days"
        );
        let v = stage(&orders(&["2026-10-01", "2026-11-01", "2026-11-01"]));
        assert_eq!(v.reason, "first order 58 days ago; 2 orders so far");
        let v = stage(&orders(&["2026-11-27"]));
        assert_eq!(v.reason, "first order 1 day ago");
    }

    #[test]
    fn one_old_order_is_active_with_rhythm_unknown() {
        let v = stage(&orders(&["2026-06-01"]));
        assert_eq!(v.stage, Stage::Active);
        assert_eq!(v.reason, "one order, 180 days ago; rhythm not known yet");
        assert_eq!(v.risk, 49, "180 of 365 days");
    }

    #[test]
    fn ordering_within_rhythm_is_repeat() {
        let v = stage(&monthly("2026-11-18"));
        assert_eq!(v.stage, Stage::Repeat);
        assert_eq!(v.reason, "last order 10 days ago; usually every 30");
        assert_eq!(v.risk, 16, "10 of the 45-day line, at 75");
        // Exactly on the line (45 days) is still within rhythm.
        assert_eq!(stage(&monthly("2026-10-14")).stage, Stage::Repeat);
    }

    #[test]
    fn a_gap_beyond_their_own_rhythm_is_at_risk() {
        let v = stage(&monthly("2026-09-15"));
        assert_eq!(v.stage, Stage::AtRisk);
        assert_eq!(v.reason, "no order for 74 days; usually every 30");
        assert_eq!(v.risk, 99);
        let v = stage(&monthly("2026-10-13"));
        assert_eq!(v.stage, Stage::AtRisk, "46 days, line 45");
        assert_eq!(v.risk, 76);
        // A weekly buyer is late after 14 days (1.5 × 7 = 10.5, but at least a week late).
        let weekly = orders(&["2026-07-01", "2026-07-08", "2026-07-15", "2026-11-14"]);
        assert_eq!(median_gap(&weekly.order_dates), Some(7));
        assert_eq!(stage(&weekly).stage, Stage::Repeat, "14 days");
        let weekly = orders(&["2026-07-01", "2026-07-08", "2026-07-15", "2026-11-13"]);
        assert_eq!(
            stage(&weekly).reason,
            "no order for 15 days; usually every 7"
        );
    }

    #[test]
    fn the_rhythm_is_the_median_gap() {
        let dates: Vec<_> = ["2026-01-01", "2026-01-11", "2026-03-02", "2026-03-12"]
            .iter()
            .map(|s| d(s))
            .collect();
        // Gaps 10, 50, 10: median 10, one slow month does not stretch the rhythm.
        assert_eq!(median_gap(&dates), Some(10));
        assert_eq!(median_gap(&dates[..2]), Some(10));
        assert_eq!(median_gap(&dates[..1]), None);
        assert_eq!(median_gap(&[]), None);
        assert_eq!(at_risk_after(30), 45);
        assert_eq!(at_risk_after(7), 14);
        assert_eq!(at_risk_after(31), 47);
    }

    #[test]
    fn contact_silence_beyond_cadence_is_at_risk() {
        let mut facts = monthly("2026-11-18");
        facts.last_contact = Some(d("2026-10-14"));
        facts.cadence_days = Some(30);
        let v = stage(&facts);
        assert_eq!(v.stage, Stage::AtRisk);
        assert_eq!(v.reason, "silent 45 days (cadence 30)");
        assert_eq!(v.risk, 90);
        facts.last_contact = Some(d("2026-10-29"));
        let v = stage(&facts);
        assert_eq!(v.stage, Stage::Repeat, "30 days is on cadence, not beyond");
        assert_eq!(v.risk, 60);
        facts.cadence_days = None;
        assert_eq!(stage(&facts).risk, 16, "no cadence, no silence signal");
    }

    #[test]
    fn an_open_complaint_is_at_risk_and_signals_add_up() {
        let mut facts = orders(&["2026-11-20"]);
        facts.open_complaints = 1;
        let v = stage(&facts);
        assert_eq!(
            (v.stage, v.reason.as_str(), v.risk),
            (Stage::AtRisk, "open complaint", 80)
        );
        let mut facts = monthly("2026-09-15");
        facts.open_complaints = 2;
        facts.last_contact = Some(d("2026-10-14"));
        facts.cadence_days = Some(30);
        let v = stage(&facts);
        assert_eq!(
            v.reason,
            "2 open complaints; no order for 74 days; usually every 30; silent 45 days (cadence 30)"
        );
        assert_eq!(v.risk, 99);
    }

    #[test]
    fn a_year_without_orders_or_a_mark_is_lost() {
        let v = stage(&orders(&["2025-11-28"]));
        assert_eq!(
            (v.stage, v.reason.as_str(), v.risk),
            (Stage::Lost, "no order for 365 days", 100)
        );
        assert_eq!(stage(&orders(&["2025-11-29"])).stage, Stage::Active);
        let mut facts = orders(&["2026-11-20"]);
        facts.marked_lost = true;
        let v = stage(&facts);
        assert_eq!((v.stage, v.reason.as_str()), (Stage::Lost, "marked lost"));
    }

    #[test]
    fn a_manual_stage_wins() {
        let v = stage(&orders(&["2026-11-20"]));
        assert_eq!(effective_stage(&v, None), (Stage::New, false));
        assert_eq!(
            effective_stage(&v, Some(Stage::Active)),
            (Stage::Active, true)
        );
    }
}
