//! Care kept in the book: holiday greetings sent, and the birthday follow-ups made once per
//! occurrence.

use chrono::NaiveDate;
use rusqlite::params;

use super::sql_text as text;
use super::{Repository, Result};
use crate::book::model::{CustomerId, FollowUpDraft};

impl Repository {
    /// Records that `customer` was greeted for `holiday` in `year` (idempotent).
    pub fn record_greeting(
        &mut self,
        customer_id: CustomerId,
        holiday: &str,
        year: i32,
        on: NaiveDate,
    ) -> Result<()> {
        let tx = self.step(&format!("greeted for {holiday}"))?;
        tx.execute(
            "INSERT OR IGNORE INTO greeting (customer_id, holiday, year, greeted_on) VALUES (?1, ?2, ?3, ?4)",
            params![customer_id, holiday, year, text::date(on)],
        )?;
        tx.commit()
    }

    /// (customer, holiday key) pairs greeted in `year`.
    pub fn greeted_in(&self, year: i32) -> Result<Vec<(CustomerId, String)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT customer_id, holiday FROM greeting WHERE year = ?1")?;
        let rows = stmt.query_map([year], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Whether the reminder of `person` (empty: the customer itself) at `customer_id` for the
    /// birthday `on` was made already (done or deleted since, it still was).
    pub fn care_reminder_made(
        &self,
        customer_id: CustomerId,
        person: &str,
        on: NaiveDate,
    ) -> Result<bool> {
        made(&self.conn, customer_id, person, on)
    }

    /// Creates the birthday follow-ups that are due, once per occurrence: a system write, not an
    /// undo step (undo is for what the person did). Returns how many were created.
    pub fn create_care_reminders(
        &mut self,
        items: &[(CustomerId, String, NaiveDate, FollowUpDraft)],
    ) -> Result<usize> {
        let now = text::datetime(self.now());
        let tx = self.conn.transaction()?;
        let mut created = 0;
        for (customer_id, person, on, draft) in items {
            if made(&tx, *customer_id, person, *on)? {
                continue;
            }
            let id = super::follow_ups::insert(&tx, draft, None, &now)?;
            tx.prepare_cached(
                "INSERT INTO care_reminder (customer_id, person, on_date, follow_up_id) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![customer_id, person, text::date(*on), id])?;
            created += 1;
        }
        if created > 0 {
            // Not undoable, yet a change all the same: a redo could not put rows back over it.
            super::undo::forget_redo(&tx)?;
        }
        tx.commit()?;
        Ok(created)
    }
}

fn made(
    conn: &rusqlite::Connection,
    customer_id: CustomerId,
    person: &str,
    on: NaiveDate,
) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT 1 FROM care_reminder WHERE customer_id = ?1 AND person = ?2 AND on_date = ?3",
        )?
        .exists(params![customer_id, person, text::date(on)])?)
}
