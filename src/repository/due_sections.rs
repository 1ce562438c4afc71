//! The sections of `today` (overdue, due today, coming up) read a page at a time from the
//! open-by-due index, with how many each holds: a book of 100,000 customers has thousands
//! due this week, and a person reads the first of them.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use rusqlite::ToSql;

use super::follow_ups::{COLUMNS, follow_up_by_place};
use super::sql_text as text;
use super::{Repository, Result};
use crate::book::model::FollowUp;

/// Which part of the agenda, as `book::due::Bucket` splits it: a follow-up with a time of
/// day is overdue once that time has passed, today included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueSection {
    Overdue,
    Today,
    /// After today, up to the horizon.
    Upcoming,
}

/// The first follow-ups of a section, in order, and how many it holds in all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DuePage {
    pub shown: Vec<FollowUp>,
    pub total: usize,
}

/// Due today at a time of day already passed: overdue.
const PASSED_TODAY: &str = "f.due_on = :today AND f.due_time IS NOT NULL
    AND strftime('%H:%M:%f', f.due_time) < :time";

impl DueSection {
    /// The section's condition on `f`, over the named parameters `:today`, `:time`, `:horizon`.
    fn condition(self) -> &'static str {
        // Times as `strftime` spells them on both sides, so 09:00 and 09:00:00 compare alike.
        match self {
            DueSection::Overdue => {
                "f.due_on <= :today AND (f.due_on < :today OR (f.due_time IS NOT NULL
                   AND strftime('%H:%M:%f', f.due_time) < :time))"
            }
            DueSection::Today => {
                "f.due_on = :today AND NOT (f.due_time IS NOT NULL
                   AND strftime('%H:%M:%f', f.due_time) < :time)"
            }
            DueSection::Upcoming => "f.due_on > :today AND f.due_on <= :horizon",
        }
    }
}

impl Repository {
    /// The first `limit` open follow-ups of customers not archived in `section` on `now`
    /// (`horizon` ends the upcoming days), earliest first as `follow_ups::order_key`, and the
    /// section's size.
    pub fn due_section(
        &self,
        section: DueSection,
        now: NaiveDateTime,
        horizon: NaiveDate,
        limit: usize,
    ) -> Result<DuePage> {
        let today = text::date(now.date());
        let time = now.format("%H:%M:%S%.3f").to_string();
        // Past the ISO calendar (a window of years), every open follow-up is due by it.
        let horizon = match horizon.year() > 9999 {
            true => "9999-99-99".to_string(),
            false => text::date(horizon),
        };
        let condition = section.condition();
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        // Only the parameters the section's condition names: SQLite refuses the others.
        let values: [(&str, &dyn ToSql); 4] = [
            (":today", &today),
            (":time", &time),
            (":horizon", &horizon),
            (":limit", &limit),
        ];
        let named = |sql: &str| -> Vec<(&str, &dyn ToSql)> {
            values
                .iter()
                .filter(|(name, _)| sql.contains(name))
                .copied()
                .collect()
        };
        let read = format!(
            "SELECT {COLUMNS}
               FROM follow_up f INDEXED BY follow_up_open_by_due
              CROSS JOIN customer c ON c.id = f.customer_id
              WHERE f.done_at IS NULL AND c.archived = 0 AND {condition}
              ORDER BY f.due_on, f.due_time IS NULL, f.due_time, f.id
              LIMIT :limit"
        );
        let shown: Vec<FollowUp> = self
            .conn
            .prepare_cached(&read)?
            .query_map(named(&read).as_slice(), follow_up_by_place)?
            .collect::<rusqlite::Result<_>>()?;
        // Counted from the index without reading a row where the day alone decides (only
        // today's rows are read, for their time), less the archived customers' follow-ups
        // (few; they stay open in the book but off every list), found from those customers.
        let count = |condition: &str| -> Result<usize> {
            let mut n = 0i64;
            for among in [
                "",
                "AND f.customer_id IN (SELECT id FROM customer WHERE archived = 1)",
            ] {
                let sql = format!(
                    "SELECT count(*) FROM follow_up f WHERE f.done_at IS NULL AND {condition} {among}"
                );
                let found: i64 = self
                    .conn
                    .prepare_cached(&sql)?
                    .query_row(named(&sql).as_slice(), |r| r.get(0))?;
                n = if among.is_empty() { found } else { n - found };
            }
            Ok(usize::try_from(n).unwrap_or(0))
        };
        let total = match section {
            DueSection::Overdue => count("f.due_on < :today")? + count(PASSED_TODAY)?,
            DueSection::Today => count("f.due_on = :today")? - count(PASSED_TODAY)?,
            DueSection::Upcoming => count(condition)?,
        };
        Ok(DuePage { shown, total })
    }
}
