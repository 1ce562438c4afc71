//! The sections of `today` (overdue, due today, coming up) read a page at a time from the
//! index of open follow-ups in their order (migration 0010), with how many each holds: a book
//! of 100,000 customers has thousands due this week, and a person reads the first of them.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use super::follow_ups::{COLUMNS, follow_up_by_place};
use super::sql_text as text;
use super::{Repository, Result};
use crate::book::due::Bucket;
use crate::book::follow_ups::order_key;
use crate::book::model::FollowUp;

/// Which part of the agenda, as `book::due::Bucket` splits it: a follow-up with a time of
/// day is overdue once that time has passed, today included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DueSection {
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
    /// The overdue, due-today and upcoming sections on `now` (`horizon` ends the upcoming
    /// days): each one's first `limit` open follow-ups of customers not archived, earliest
    /// first as `follow_ups::order_key`, and its size.
    pub fn due_sections(
        &self,
        now: NaiveDateTime,
        horizon: NaiveDate,
        limit: usize,
    ) -> Result<[DuePage; 3]> {
        let today = text::date(now.date());
        let time = now.format("%H:%M:%S%.3f").to_string();
        // Past the ISO calendar (a window of years), every open follow-up is due by it.
        let horizon = match horizon.year() > 9999 {
            true => "9999-99-99".to_string(),
            false => text::date(horizon),
        };
        // The day, the time and the horizon are written into the statements, not bound: bound
        // values that decide whether the partial index holds a condition make SQLite prepare
        // each statement a second time when they are bound (a fifth of a small book's `today`).
        // They are digits and dashes this function formats itself, quoted all the same. Each
        // call's text differs (the time), so they stay out of the statement cache.
        let literal = |value: &str| format!("'{}'", value.replace('\'', "''"));
        let values = [
            (":today", literal(&today)),
            (":time", literal(&time)),
            (":horizon", literal(&horizon)),
            (
                ":limit",
                i64::try_from(limit).unwrap_or(i64::MAX).to_string(),
            ),
        ];
        let written = |sql: String| -> String {
            values
                .iter()
                .fold(sql, |sql, (name, value)| sql.replace(name, value))
        };
        let count = |condition: &str| -> Result<usize> {
            let sql = written(format!(
                "SELECT count(*) FROM follow_up f INDEXED BY follow_up_open_in_order
                  WHERE f.done_at IS NULL AND {condition}"
            ));
            let n: i64 = self
                .conn
                .prepare_cached(&sql)?
                .query_row([], |r| r.get(0))?;
            Ok(usize::try_from(n).unwrap_or(0))
        };
        // Counted from the index without reading a row where the day alone decides (only
        // today's rows are read, for their time), less the archived customers' follow-ups
        // (few; they stay open in the book but off every list), read once from those customers.
        let passed = count(PASSED_TODAY)?;
        let archived = self.archived_due(now, &horizon)?;
        let totals = [
            (count("f.due_on < :today")? + passed).saturating_sub(archived[0]),
            count("f.due_on = :today")?.saturating_sub(passed + archived[1]),
            count(DueSection::Upcoming.condition())?.saturating_sub(archived[2]),
        ];
        let page = |section: DueSection, total: usize| -> Result<DuePage> {
            // The section's rows ordered and cut first, names joined to those only; the index
            // holds the order (and each customer), so the first rows are read and no more.
            // Put back in order here: a page is short, and a sort in SQL costs more per row.
            let read = written(format!(
                "SELECT {COLUMNS}
                   FROM (SELECT * FROM follow_up f INDEXED BY follow_up_open_in_order
                          WHERE f.done_at IS NULL AND {}
                            AND f.customer_id NOT IN (SELECT id FROM customer WHERE archived = 1)
                          ORDER BY f.due_on, f.due_time IS NULL, f.due_time, f.id
                          LIMIT :limit) f
                  CROSS JOIN customer c ON c.id = f.customer_id",
                section.condition()
            ));
            let mut shown: Vec<FollowUp> = self
                .conn
                .prepare(&read)?
                .query_map([], follow_up_by_place)?
                .collect::<rusqlite::Result<_>>()?;
            shown.sort_by_key(order_key);
            Ok(DuePage { shown, total })
        };
        Ok([
            page(DueSection::Overdue, totals[0])?,
            page(DueSection::Today, totals[1])?,
            page(DueSection::Upcoming, totals[2])?,
        ])
    }

    /// How many open follow-ups of archived customers fall in each section, as
    /// `book::due::Bucket` places them.
    fn archived_due(&self, now: NaiveDateTime, horizon: &str) -> Result<[usize; 3]> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.due_on, f.due_time FROM follow_up f INDEXED BY follow_up_open_by_customer
              WHERE f.done_at IS NULL AND f.due_on <= ?1
                AND f.customer_id IN (SELECT id FROM customer WHERE archived = 1)",
        )?;
        let mut rows = stmt.query([horizon])?;
        let mut counts = [0; 3];
        while let Some(r) = rows.next()? {
            let on = text::parse_date("due_on", &r.get::<_, String>(0)?)?;
            let at = text::opt("due_time", r.get(1)?, text::parse_time)?;
            let i = match Bucket::of(on, at, now) {
                Bucket::Overdue => 0,
                Bucket::Today => 1,
                _ => 2,
            };
            counts[i] += 1;
        }
        Ok(counts)
    }
}
