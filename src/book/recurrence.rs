//! Follow-ups that come back: every N days, weeks, months or years, either on a fixed schedule
//! or counted from the day the last one was done.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

impl Unit {
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Year => "year",
        }
    }

    pub fn parse(text: &str) -> Option<Unit> {
        Some(match text {
            "d" | "day" | "days" | "天" | "日" => Unit::Day,
            "w" | "wk" | "week" | "weeks" | "周" | "星期" => Unit::Week,
            "m" | "mo" | "month" | "months" | "月" | "个月" => Unit::Month,
            "y" | "yr" | "year" | "years" | "年" => Unit::Year,
            _ => return None,
        })
    }
}

/// Where the next occurrence is counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// A fixed rhythm: the next one is due one interval after the previous due date
    /// (a monthly report stays on the 1st even if done late).
    Schedule,
    /// A gap: the next one is due one interval after the day it was done
    /// (call every two weeks, counting from the last call).
    Done,
}

impl Basis {
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Schedule => "schedule",
            Basis::Done => "done",
        }
    }

    pub fn parse(text: &str) -> Option<Basis> {
        match text {
            "schedule" => Some(Basis::Schedule),
            "done" => Some(Basis::Done),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recurrence {
    pub every: u32,
    pub unit: Unit,
    pub basis: Basis,
}

impl Recurrence {
    /// Reads `weekly`, `every 2 weeks`, `2w`, `monthly after done`, `every 3m from done`, `每周`,
    /// `每2周`, `每月`, `每年`. "after done"/"from done" counts from completion; otherwise the
    /// schedule is fixed.
    pub fn parse(text: &str) -> Option<Recurrence> {
        let lower = text.trim().to_lowercase();
        let (body, basis) = ["after done", "from done", "after completion", "完成后"]
            .iter()
            .find_map(|suffix| {
                lower
                    .strip_suffix(suffix)
                    .map(|b| (b.trim().to_string(), Basis::Done))
            })
            .unwrap_or((lower.clone(), Basis::Schedule));
        let (every, unit) = match body.as_str() {
            "daily" => (1, Unit::Day),
            "weekly" => (1, Unit::Week),
            "fortnightly" | "biweekly" => (2, Unit::Week),
            "monthly" => (1, Unit::Month),
            "quarterly" => (3, Unit::Month),
            "yearly" | "annually" => (1, Unit::Year),
            other => {
                let rest = other
                    .strip_prefix("every")
                    .or_else(|| other.strip_prefix('每'))
                    .unwrap_or(other)
                    .trim();
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                let unit_text = rest[digits.len()..].trim();
                let every = if digits.is_empty() {
                    1
                } else {
                    digits.parse().ok()?
                };
                (every, Unit::parse(unit_text)?)
            }
        };
        // Beyond ten years is a typo, not a rhythm; zero would repeat forever on the same day.
        let limit = match unit {
            Unit::Day => 3650,
            Unit::Week => 520,
            Unit::Month => 120,
            Unit::Year => 10,
        };
        (1..=limit)
            .contains(&every)
            .then_some(Recurrence { every, unit, basis })
    }

    /// When the next occurrence is due, given the one just completed.
    pub fn next_due(&self, due_on: NaiveDate, done_on: NaiveDate) -> Option<NaiveDate> {
        let from = match self.basis {
            Basis::Schedule => due_on,
            Basis::Done => done_on,
        };
        let mut next = add(from, self.every, self.unit)?;
        // A fixed schedule done very late skips the occurrences already in the past rather than
        // piling up a queue of overdue copies.
        while self.basis == Basis::Schedule && next <= done_on {
            next = add(next, self.every, self.unit)?;
        }
        Some(next)
    }

    /// "every 2 weeks", "monthly after done": how the rule reads back.
    pub fn describe(&self) -> String {
        let unit = self.unit.as_str();
        let base = match (self.every, self.unit) {
            (1, Unit::Day) => "daily".to_string(),
            (1, Unit::Week) => "weekly".to_string(),
            (1, Unit::Month) => "monthly".to_string(),
            (1, Unit::Year) => "yearly".to_string(),
            (n, _) => format!("every {n} {unit}s"),
        };
        match self.basis {
            Basis::Schedule => base,
            Basis::Done => format!("{base} after done"),
        }
    }
}

fn add(date: NaiveDate, n: u32, unit: Unit) -> Option<NaiveDate> {
    match unit {
        Unit::Day => date.checked_add_days(Days::new(n.into())),
        Unit::Week => date.checked_add_days(Days::new(u64::from(n) * 7)),
        Unit::Month => date.checked_add_months(Months::new(n)),
        Unit::Year => date.checked_add_months(Months::new(n * 12)),
    }
    .filter(|d| d.year() <= 9999)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn reads_rules_people_write() {
        let cases = [
            ("weekly", 1, Unit::Week, Basis::Schedule),
            ("every 2 weeks", 2, Unit::Week, Basis::Schedule),
            ("2w", 2, Unit::Week, Basis::Schedule),
            ("Monthly after done", 1, Unit::Month, Basis::Done),
            ("every 3m from done", 3, Unit::Month, Basis::Done),
            ("quarterly", 3, Unit::Month, Basis::Schedule),
            ("every day", 1, Unit::Day, Basis::Schedule),
            ("每周", 1, Unit::Week, Basis::Schedule),
            ("每2周", 2, Unit::Week, Basis::Schedule),
            ("每月完成后", 1, Unit::Month, Basis::Done),
            ("每年", 1, Unit::Year, Basis::Schedule),
        ];
        for (text, every, unit, basis) in cases {
            assert_eq!(
                Recurrence::parse(text),
                Some(Recurrence { every, unit, basis }),
                "{text}"
            );
        }
        for bad in [
            "",
            "every",
            "every 0 days",
            "sometimes",
            "every 11 years",
            "2x",
            "every -1 d",
        ] {
            assert_eq!(Recurrence::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn fixed_schedule_keeps_its_rhythm() {
        let monthly = Recurrence::parse("monthly").unwrap();
        // Done three days late, the next is still on the 1st.
        assert_eq!(
            monthly.next_due(d("2026-11-01"), d("2026-11-04")),
            Some(d("2026-12-01"))
        );
        // Done two months late: skip to the next one still ahead, no backlog of copies.
        assert_eq!(
            monthly.next_due(d("2026-09-01"), d("2026-11-04")),
            Some(d("2026-12-01"))
        );
        // Month ends clamp.
        assert_eq!(
            monthly.next_due(d("2026-01-31"), d("2026-01-31")),
            Some(d("2026-02-28"))
        );
    }

    #[test]
    fn after_done_counts_from_completion() {
        let r = Recurrence::parse("every 2 weeks after done").unwrap();
        assert_eq!(
            r.next_due(d("2026-11-01"), d("2026-11-10")),
            Some(d("2026-11-24"))
        );
        let y = Recurrence::parse("yearly after done").unwrap();
        assert_eq!(
            y.next_due(d("2024-02-29"), d("2024-02-29")),
            Some(d("2025-02-28"))
        );
    }

    #[test]
    fn describes_itself_so_it_reads_back() {
        for text in [
            "weekly",
            "every 2 weeks",
            "monthly after done",
            "every 3 days after done",
            "yearly",
        ] {
            let r = Recurrence::parse(text).unwrap();
            assert_eq!(r.describe(), text);
            assert_eq!(Recurrence::parse(&r.describe()), Some(r));
        }
    }
}
