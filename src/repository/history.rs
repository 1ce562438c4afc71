//! Contact history: every call, visit, message, with the follow-up it set.

use rusqlite::{Row, params};

use super::sql_text as text;
use super::{Repository, Result};
use crate::book::model::{
    Channel, CustomerId, FollowUpDraft, FollowUpId, Interaction, InteractionDraft, InteractionId,
};

pub(super) fn interaction_from_row(r: &Row<'_>) -> rusqlite::Result<Interaction> {
    let channel: String = r.get("channel")?;
    Ok(Interaction {
        id: r.get("id")?,
        draft: InteractionDraft {
            customer_id: r.get("customer_id")?,
            contact_id: r.get("contact_id")?,
            at: text::parse_datetime("at", &r.get::<_, String>("at")?)?,
            channel: Channel::parse(&channel).unwrap_or(Channel::Other),
            summary: r.get("summary")?,
            outcome: r.get("outcome")?,
        },
        contact_name: r.get("contact_name")?,
        created_at: text::parse_datetime("created_at", &r.get::<_, String>("created_at")?)?,
    })
}

impl Repository {
    /// A page of a customer's history, newest first.
    pub fn history(
        &self,
        customer_id: CustomerId,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<Interaction>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.id, i.customer_id, i.contact_id, i.at, i.channel, i.summary, i.outcome, i.created_at,
                    p.name AS contact_name
               FROM interaction i LEFT JOIN contact p ON p.id = i.contact_id
              WHERE i.customer_id = ?1
              ORDER BY i.at DESC, i.id DESC
              LIMIT ?2 OFFSET ?3",
        )?;
        let rows = stmt.query_map(
            params![customer_id, limit as i64, offset as i64],
            interaction_from_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Where interaction `id` sits in the customer's history (0 = newest): to scroll to it.
    pub fn history_position(&self, customer_id: CustomerId, id: InteractionId) -> Result<usize> {
        let n: i64 = self.conn.prepare_cached(
            "SELECT count(*) FROM interaction i, (SELECT at, id FROM interaction WHERE id = ?2) x
              WHERE i.customer_id = ?1 AND (i.at > x.at OR (i.at = x.at AND i.id > x.id))",
        )?
        .query_row(params![customer_id, id], |r| r.get(0))?;
        Ok(n as usize)
    }

    pub fn interaction_count(&self, customer_id: CustomerId) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached("SELECT count(*) FROM interaction WHERE customer_id = ?1")?
            .query_row([customer_id], |r| r.get(0))?)
    }

    /// Records a contact and, when given, the follow-up it set: both or neither.
    pub fn log_interaction(
        &mut self,
        draft: &InteractionDraft,
        follow_up: Option<&FollowUpDraft>,
    ) -> Result<(InteractionId, Option<FollowUpId>)> {
        self.log_closing(draft, follow_up, None, None)
    }

    /// Logs a contact (with how satisfied the customer sounded, 1-5, when asked) that also
    /// closes the follow-up `closes` (a due task handled by this very
    /// call), all in one transaction: the log, its new follow-up, the close and, for a repeating
    /// task, its next occurrence.
    pub fn log_closing(
        &mut self,
        draft: &InteractionDraft,
        follow_up: Option<&FollowUpDraft>,
        closes: Option<FollowUpId>,
        satisfaction: Option<u8>,
    ) -> Result<(InteractionId, Option<FollowUpId>)> {
        crate::book::complaints::check_score(satisfaction).map_err(super::BookError::Invalid)?;
        super::gate::gate(
            super::gate::Subject::TheContact,
            crate::book::validate::interaction(draft),
        )?;
        let closing = closes.map(|id| self.follow_up(id)).transpose()?;
        let now_at = self.now();
        let now = text::datetime(now_at);
        let customer = self
            .customer(draft.customer_id)?
            .map_or(format!("#{}", draft.customer_id), |c| c.draft.name);
        let tx = self.step(&format!("log {} with {customer}", draft.channel))?;
        tx.execute(
            "INSERT INTO interaction (customer_id, contact_id, at, channel, summary, outcome, created_at,
                                      satisfaction)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                draft.customer_id,
                draft.contact_id,
                text::datetime(draft.at),
                draft.channel.as_str(),
                draft.summary,
                draft.outcome,
                now,
                satisfaction,
            ],
        )?;
        let interaction_id = InteractionId(tx.last_insert_rowid());
        let follow_up_id = match follow_up {
            Some(f) => Some(super::follow_ups::insert(
                &tx,
                f,
                Some(interaction_id),
                &now,
            )?),
            None => None,
        };
        if let Some(current) = &closing {
            super::follow_ups::complete_in(&tx, current, now_at.date(), &now)?;
        }
        tx.commit()?;
        Ok((interaction_id, follow_up_id))
    }
}
