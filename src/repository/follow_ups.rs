//! Follow-ups: the next step promised after a contact.

use chrono::NaiveDate;
use rusqlite::{Row, Transaction, params};

use super::sql_text as text;
use super::{BookError, Repository, Result};
use crate::book::model::{CustomerId, FollowUp, FollowUpDraft, FollowUpId, InteractionId};

fn follow_up_from_row(r: &Row<'_>) -> rusqlite::Result<FollowUp> {
    Ok(FollowUp {
        id: r.get("id")?,
        draft: FollowUpDraft {
            customer_id: r.get("customer_id")?,
            due_on: text::parse_date("due_on", &r.get::<_, String>("due_on")?)?,
            due_time: text::opt("due_time", r.get("due_time")?, text::parse_time)?,
            task: r.get("task")?,
        },
        interaction_id: r.get("interaction_id")?,
        customer_name: r.get("customer_name")?,
        done_at: text::opt("done_at", r.get("done_at")?, text::parse_datetime)?,
    })
}

pub(super) fn insert(
    tx: &Transaction<'_>,
    f: &FollowUpDraft,
    interaction_id: Option<InteractionId>,
    now: &str,
) -> Result<FollowUpId> {
    if f.task.trim().is_empty() {
        return Err(BookError::Invalid(
            "a follow-up needs something to do".into(),
        ));
    }
    tx.execute(
        "INSERT INTO follow_up (customer_id, interaction_id, due_on, due_time, task, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            f.customer_id,
            interaction_id,
            text::date(f.due_on),
            f.due_time.map(text::time),
            f.task.trim(),
            now,
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

impl Repository {
    /// Open follow-ups of customers not archived (the whole book, or one customer's), earliest
    /// due first.
    pub fn open_follow_ups(&self, customer: Option<CustomerId>) -> Result<Vec<FollowUp>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.id, f.customer_id, f.interaction_id, f.due_on, f.due_time, f.task, f.done_at,
                    c.name AS customer_name
               FROM follow_up f JOIN customer c ON c.id = f.customer_id
              WHERE f.done_at IS NULL AND c.archived = 0 AND (?1 IS NULL OR f.customer_id = ?1)
              ORDER BY f.due_on, f.due_time IS NOT NULL, f.due_time, f.id",
        )?;
        let rows = stmt.query_map([customer], follow_up_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn follow_up(&self, id: FollowUpId) -> Result<FollowUp> {
        self.conn
            .prepare_cached(
                "SELECT f.id, f.customer_id, f.interaction_id, f.due_on, f.due_time, f.task, f.done_at,
                        c.name AS customer_name
                   FROM follow_up f JOIN customer c ON c.id = f.customer_id WHERE f.id = ?1",
            )?
            .query_row([id], follow_up_from_row)
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => {
                    BookError::Invalid(format!("follow-up #{id} is not in the book"))
                }
                e => e.into(),
            })
    }

    pub fn add_follow_up(&mut self, draft: &FollowUpDraft) -> Result<FollowUpId> {
        let now = text::datetime(self.now());
        let tx = self.conn.transaction()?;
        let id = insert(&tx, draft, None, &now)?;
        tx.commit()?;
        Ok(id)
    }

    pub fn complete_follow_up(&mut self, id: FollowUpId) -> Result<()> {
        let now = text::datetime(self.now());
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            "UPDATE follow_up SET done_at = ?2 WHERE id = ?1 AND done_at IS NULL",
            params![id, now],
        )?;
        if changed == 0 {
            return Err(BookError::Invalid(format!("follow-up #{id} is not open")));
        }
        tx.commit()?;
        Ok(())
    }

    pub fn snooze_follow_up(&mut self, id: FollowUpId, until: NaiveDate) -> Result<()> {
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            "UPDATE follow_up SET due_on = ?2 WHERE id = ?1 AND done_at IS NULL",
            params![id, text::date(until)],
        )?;
        if changed == 0 {
            return Err(BookError::Invalid(format!("follow-up #{id} is not open")));
        }
        tx.commit()?;
        Ok(())
    }
}
