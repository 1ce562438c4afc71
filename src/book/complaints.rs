//! Complaints and satisfaction: what went wrong, how fast it was put right, and whether the
//! customer is getting happier or less so.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::deals::FieldErrors;
use super::model::{CustomerId, vocabulary};

pub use super::ids::ComplaintId;

vocabulary!(
    Severity {
        Low => "low", "low";
        Medium => "medium", "medium";
        High => "high", "high";
    }
);

vocabulary!(
    ComplaintStatus {
        Open => "open", "open";
        InProgress => "in_progress", "in progress";
        Resolved => "resolved", "resolved";
    }
);

vocabulary!(
    /// Which way satisfaction scores are going.
    Trend {
        Up => "up", "up";
        Flat => "flat", "flat";
        Down => "down", "down";
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintDraft {
    pub customer_id: CustomerId,
    pub opened_on: NaiveDate,
    /// What happened.
    pub what: String,
    pub severity: Severity,
    pub status: ComplaintStatus,
    pub resolved_on: Option<NaiveDate>,
    /// How it was put right.
    pub resolution: String,
    /// 1 (unhappy) to 5 (delighted), asked once it is resolved.
    pub satisfaction: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Complaint {
    pub id: ComplaintId,
    pub draft: ComplaintDraft,
}

impl ComplaintStatus {
    /// Open and in-progress complaints put the customer at risk.
    pub fn is_open(self) -> bool {
        self != ComplaintStatus::Resolved
    }
}

/// A complaint is saved only when its dates and score fit its status.
pub fn check(c: &ComplaintDraft) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    if c.what.trim().is_empty() {
        errors.push(("what", "say what went wrong".into()));
    }
    let resolved = c.status == ComplaintStatus::Resolved;
    match c.resolved_on {
        None if resolved => {
            errors.push((
                "resolved_on",
                "a resolved complaint needs the day it was resolved".into(),
            ));
        }
        Some(on) if resolved && on < c.opened_on => errors.push((
            "resolved_on",
            format!("resolved on {on}, before it was opened ({})", c.opened_on),
        )),
        Some(_) if !resolved => errors.push((
            "resolved_on",
            format!(
                "a complaint still {} has no resolved date",
                c.status.label()
            ),
        )),
        _ => {}
    }
    match c.satisfaction {
        Some(score) if !is_score(score) => {
            errors.push((
                "satisfaction",
                format!("satisfaction is 1 to 5, not {score}"),
            ));
        }
        Some(_) if !resolved => errors.push((
            "satisfaction",
            "satisfaction is recorded once the complaint is resolved".into(),
        )),
        _ => {}
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// A satisfaction score is 1 (unhappy) to 5 (delighted).
pub fn is_score(score: u8) -> bool {
    (1..=5).contains(&score)
}

/// A score to record, if any, is one.
pub fn check_score(score: Option<u8>) -> Result<(), String> {
    match score {
        Some(s) if !is_score(s) => Err("satisfaction is 1 to 5".into()),
        _ => Ok(()),
    }
}

/// Days from opening to resolution (0 = the same day), once resolved.
pub fn days_to_resolve(c: &ComplaintDraft) -> Option<i64> {
    let resolved_on = c
        .resolved_on
        .filter(|_| c.status == ComplaintStatus::Resolved)?;
    Some((resolved_on - c.opened_on).num_days())
}

/// Days a complaint has been open, for the ones still open.
pub fn days_open(c: &ComplaintDraft, today: NaiveDate) -> Option<i64> {
    c.status
        .is_open()
        .then(|| (today - c.opened_on).num_days().max(0))
}

/// How many of the latest scores the trend looks at.
pub const TREND_WINDOW: usize = 6;

/// The direction of the last `TREND_WINDOW` scores (1-5, from complaints and interactions;
/// others ignored): the mean of the newer half against the mean of the older half (the middle
/// score of an odd count is left out). Half a point or more is up or down; less is flat.
/// `None` with fewer than two scores.
pub fn satisfaction_trend(scores: &[(NaiveDate, u8)]) -> Option<Trend> {
    let mut valid: Vec<(NaiveDate, u8)> = scores
        .iter()
        .copied()
        .filter(|(_, s)| is_score(*s))
        .collect();
    // Stable: scores of the same day keep the order given.
    valid.sort_by_key(|(on, _)| *on);
    let latest = &valid[valid.len().saturating_sub(TREND_WINDOW)..];
    if latest.len() < 2 {
        return None;
    }
    let half = latest.len() / 2;
    let sum = |part: &[(NaiveDate, u8)]| part.iter().map(|(_, s)| i64::from(*s)).sum::<i64>();
    let older = sum(&latest[..half]);
    let newer = sum(&latest[latest.len() - half..]);
    // newer/half - older/half >= 1/2  <=>  2 × (newer - older) >= half
    let diff = 2 * (newer - older);
    let half = i64::try_from(half).unwrap_or(i64::MAX);
    Some(if diff >= half {
        Trend::Up
    } else if -diff >= half {
        Trend::Down
    } else {
        Trend::Flat
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn complaint(status: ComplaintStatus) -> ComplaintDraft {
        ComplaintDraft {
            customer_id: CustomerId(1),
            opened_on: d("2026-11-02"),
            what: "late delivery".into(),
            severity: Severity::High,
            status,
            resolved_on: None,
            resolution: String::new(),
            satisfaction: None,
        }
    }

    fn fields(c: &ComplaintDraft) -> Vec<&'static str> {
        check(c)
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|(f, _)| f)
            .collect()
    }

    #[test]
    fn vocabularies_read_their_text() {
        assert_eq!(
            ComplaintStatus::parse("in progress"),
            Some(ComplaintStatus::InProgress)
        );
        assert_eq!(
            ComplaintStatus::parse("in_progress"),
            Some(ComplaintStatus::InProgress)
        );
        assert_eq!(Severity::parse("HIGH"), Some(Severity::High));
        assert!(ComplaintStatus::InProgress.is_open());
        assert!(!ComplaintStatus::Resolved.is_open());
    }

    #[test]
    fn resolved_needs_a_date_not_before_opening() {
        let mut c = complaint(ComplaintStatus::Resolved);
        assert_eq!(fields(&c), vec!["resolved_on"]);
        c.resolved_on = Some(d("2026-11-01"));
        assert_eq!(fields(&c), vec!["resolved_on"]);
        c.resolved_on = Some(d("2026-11-02"));
        assert_eq!(check(&c), Ok(()));
        assert_eq!(days_to_resolve(&c), Some(0));
        c.resolved_on = Some(d("2026-11-09"));
        assert_eq!(days_to_resolve(&c), Some(7));
        assert_eq!(days_open(&c, d("2026-11-28")), None);
    }

    #[test]
    fn open_has_no_resolved_date_or_score() {
        let mut c = complaint(ComplaintStatus::InProgress);
        assert_eq!(check(&c), Ok(()));
        assert_eq!(days_to_resolve(&c), None);
        assert_eq!(days_open(&c, d("2026-11-28")), Some(26));
        c.resolved_on = Some(d("2026-11-09"));
        c.satisfaction = Some(4);
        assert_eq!(fields(&c), vec!["resolved_on", "satisfaction"]);
        c.what = " ".into();
        assert_eq!(fields(&c)[0], "what");
    }

    #[test]
    fn satisfaction_is_one_to_five() {
        let mut c = complaint(ComplaintStatus::Resolved);
        c.resolved_on = Some(d("2026-11-09"));
        for (score, ok) in [(0, false), (1, true), (5, true), (6, false)] {
            c.satisfaction = Some(score);
            assert_eq!(check(&c).is_ok(), ok, "{score}");
        }
    }

    fn scores(list: &[(&str, u8)]) -> Vec<(NaiveDate, u8)> {
        list.iter().map(|(on, s)| (d(on), *s)).collect()
    }

    #[test]
    fn trend_compares_newer_scores_with_older_ones() {
        assert_eq!(satisfaction_trend(&[]), None);
        assert_eq!(satisfaction_trend(&scores(&[("2026-01-01", 4)])), None);
        let up = scores(&[("2026-01-01", 2), ("2026-02-01", 3)]);
        assert_eq!(satisfaction_trend(&up), Some(Trend::Up));
        // Given out of order: sorted by date first.
        let down = scores(&[("2026-03-01", 2), ("2026-01-01", 5), ("2026-02-01", 4)]);
        assert_eq!(satisfaction_trend(&down), Some(Trend::Down));
        let flat = scores(&[
            ("2026-01-01", 4),
            ("2026-02-01", 3),
            ("2026-03-01", 4),
            ("2026-04-01", 4),
        ]);
        // older 4+3 = 7, newer 4+4 = 8: half a point exactly is up.
        assert_eq!(satisfaction_trend(&flat), Some(Trend::Up));
        let flat = scores(&[
            ("2026-01-01", 4),
            ("2026-02-01", 4),
            ("2026-03-01", 4),
            ("2026-04-01", 4),
        ]);
        assert_eq!(satisfaction_trend(&flat), Some(Trend::Flat));
        let wobble = scores(&[
            ("2026-01-01", 4),
            ("2026-02-01", 3),
            ("2026-03-01", 4),
            ("2026-04-01", 4),
            ("2026-05-01", 3),
            ("2026-06-01", 4),
        ]);
        assert_eq!(satisfaction_trend(&wobble), Some(Trend::Flat));
    }

    #[test]
    fn trend_looks_at_the_latest_scores_only() {
        // Old ones were bad; the last six are steady at 5: flat, not up.
        let mut list = scores(&[("2025-01-01", 1), ("2025-02-01", 1), ("2025-03-01", 1)]);
        for m in 1..=6 {
            list.push((d(&format!("2026-0{m}-01")), 5));
        }
        assert_eq!(satisfaction_trend(&list), Some(Trend::Flat));
        // Scores outside 1-5 are ignored.
        let odd = scores(&[("2026-01-01", 0), ("2026-02-01", 9), ("2026-03-01", 3)]);
        assert_eq!(satisfaction_trend(&odd), None);
    }
}
