//! Reads the dashboard, `fieldbook report` and the ranked list need: recent contacts by
//! channel, how follow-ups were kept, the stages set by hand and the last order days.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::params;

use super::sql_text as text;
use super::{Repository, Result};
use crate::book::model::{Channel, CustomerId, Stage};

impl Repository {
    /// (day, channel) of every contact logged from `from` to `to`, both days included, with
    /// customers not archived.
    pub fn contacts_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(NaiveDate, Channel)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT substr(i.at, 1, 10), i.channel FROM interaction i
               JOIN customer c ON c.id = i.customer_id
              WHERE c.archived = 0 AND i.at >= ?1 AND i.at < ?2 || 'T99'",
        )?;
        let rows = stmt.query_map(params![text::date(from), text::date(to)], |r| {
            let channel: String = r.get(1)?;
            Ok((
                text::parse_date("at", &r.get::<_, String>(0)?)?,
                Channel::parse(&channel).unwrap_or(Channel::Other),
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// (due on, done on) of every follow-up marked done from `from` to `to`, both days
    /// included, with customers not archived.
    pub fn follow_ups_done_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(NaiveDate, NaiveDate)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.due_on, substr(f.done_at, 1, 10) FROM follow_up f
               JOIN customer c ON c.id = f.customer_id
              WHERE c.archived = 0 AND f.done_at >= ?1 AND f.done_at < ?2 || 'T99'",
        )?;
        let rows = stmt.query_map(params![text::date(from), text::date(to)], |r| {
            Ok((
                text::parse_date("due_on", &r.get::<_, String>(0)?)?,
                text::parse_date("done_at", &r.get::<_, String>(1)?)?,
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The stage set by hand, and why, of every customer not archived that has one.
    pub fn hand_set_stages(&self) -> Result<HashMap<CustomerId, (Stage, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, stage, stage_reason FROM customer
              WHERE archived = 0 AND stage IS NOT NULL AND stage != ''",
        )?;
        let rows = stmt.query_map([], |r| {
            let stage: String = r.get(1)?;
            Ok((r.get(0)?, Stage::parse(&stage), r.get::<_, String>(2)?))
        })?;
        let mut out = HashMap::new();
        for row in rows {
            let (id, stage, why) = row?;
            if let Some(stage) = stage {
                out.insert(id, (stage, why));
            }
        }
        Ok(out)
    }

    /// Each customer's last won order on or before `today`: what "lost" is judged on. One row
    /// per customer, where `order_dates` reads every order.
    pub fn last_orders(&self, today: NaiveDate) -> Result<HashMap<CustomerId, NaiveDate>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT customer_id, max(closed_on) FROM deal
              WHERE stage = 'won' AND closed_on IS NOT NULL AND closed_on <= ?1
              GROUP BY customer_id",
        )?;
        let rows = stmt.query_map([text::date(today)], |r| {
            Ok((
                r.get(0)?,
                text::parse_date("closed_on", &r.get::<_, String>(1)?)?,
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
