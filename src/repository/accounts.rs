//! Deals and complaints, the hand-set tier and stage: what account intelligence reads and
//! writes. The rules themselves (tiers, stages, scores) are pure functions in `book`.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Row, params};

use super::sql_text as text;
use super::{BookError, Repository, Result};
use crate::book::complaints::{
    self, Complaint, ComplaintDraft, ComplaintId, ComplaintStatus, Severity,
};
use crate::book::deals::{Deal, DealDraft, DealId, DealStage};
use crate::book::model::{CustomerId, Overrides, Stage, Tier, kept_reason};

const DEAL_COLUMNS: &str =
    "id, customer_id, title, amount, currency, stage, expected_close, closed_on";
pub(super) const COMPLAINT_COLUMNS: &str =
    "id, customer_id, opened_on, what, severity, status, resolved_on, resolution, satisfaction";

fn bad_word(column: &str, text: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("column {column} holds {text:?}").into(),
    )
}

fn opt_date(column: &str, value: Option<String>) -> rusqlite::Result<Option<NaiveDate>> {
    value.map(|t| text::parse_date(column, &t)).transpose()
}

fn deal_from_row(r: &Row<'_>) -> rusqlite::Result<Deal> {
    let stage: String = r.get("stage")?;
    Ok(Deal {
        id: r.get("id")?,
        draft: DealDraft {
            customer_id: r.get("customer_id")?,
            title: r.get("title")?,
            amount: r.get("amount")?,
            currency: r.get("currency")?,
            stage: DealStage::parse(&stage).ok_or_else(|| bad_word("stage", &stage))?,
            expected_close: opt_date("expected_close", r.get("expected_close")?)?,
            closed_on: opt_date("closed_on", r.get("closed_on")?)?,
        },
    })
}

/// A complaint from a row that starts with `COMPLAINT_COLUMNS`, read by place: by name, each
/// column is a search through the row's names (a third of `today`'s complaint read).
pub(super) fn complaint_from_row(r: &Row<'_>) -> rusqlite::Result<Complaint> {
    let severity: String = r.get(4)?;
    let status: String = r.get(5)?;
    Ok(Complaint {
        id: r.get(0)?,
        draft: ComplaintDraft {
            customer_id: r.get(1)?,
            opened_on: text::parse_date("opened_on", &r.get::<_, String>(2)?)?,
            what: r.get(3)?,
            severity: Severity::parse(&severity).ok_or_else(|| bad_word("severity", &severity))?,
            status: ComplaintStatus::parse(&status).ok_or_else(|| bad_word("status", &status))?,
            resolved_on: opt_date("resolved_on", r.get(6)?)?,
            resolution: r.get(7)?,
            satisfaction: r.get(8)?,
        },
    })
}

impl Repository {
    pub fn add_deal(&mut self, draft: &DealDraft) -> Result<DealId> {
        super::gate::deal(draft)?;
        let now = text::datetime(self.now());
        let tx = self.step(&format!("add deal: {}", draft.title.trim()))?;
        tx.execute(
            "INSERT INTO deal (customer_id, title, amount, currency, stage, expected_close, closed_on,
                               created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            params![
                draft.customer_id,
                draft.title.trim(),
                draft.amount,
                draft.currency.trim().to_uppercase(),
                draft.stage.as_str(),
                draft.expected_close.map(text::date),
                draft.closed_on.map(text::date),
                now,
            ],
        )?;
        let id = DealId(tx.last_insert_rowid());
        tx.commit()?;
        Ok(id)
    }

    pub fn update_deal(&mut self, id: DealId, draft: &DealDraft) -> Result<()> {
        super::gate::deal(draft)?;
        let now = text::datetime(self.now());
        let tx = self.step(&format!("edit deal: {}", draft.title.trim()))?;
        let changed = tx.execute(
            "UPDATE deal SET title = ?2, amount = ?3, currency = ?4, stage = ?5,
                             expected_close = ?6, closed_on = ?7, updated_at = ?8
              WHERE id = ?1",
            params![
                id,
                draft.title.trim(),
                draft.amount,
                draft.currency.trim().to_uppercase(),
                draft.stage.as_str(),
                draft.expected_close.map(text::date),
                draft.closed_on.map(text::date),
                now,
            ],
        )?;
        if changed == 0 {
            return Err(BookError::Invalid(format!("deal #{id} is not in the book")));
        }
        tx.commit()?;
        Ok(())
    }

    /// One customer's deals: open ones first (by expected close), then won and lost, newest first.
    pub fn deals_of(&self, customer_id: CustomerId) -> Result<Vec<Deal>> {
        let sql = format!(
            "SELECT {DEAL_COLUMNS} FROM deal WHERE customer_id = ?1
              ORDER BY stage IN ('won', 'lost'), coalesce(closed_on, expected_close, '9999') DESC, id DESC"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([customer_id], deal_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every deal of customers not archived: for the dashboard and the report.
    pub fn all_deals(&self) -> Result<Vec<Deal>> {
        let sql = format!(
            "SELECT {DEAL_COLUMNS} FROM deal d
              WHERE EXISTS (SELECT 1 FROM customer c WHERE c.id = d.customer_id AND c.archived = 0)
              ORDER BY id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], deal_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Won revenue per customer with an order date in `from ..= to`, in `currency`: the input of
    /// the tier ranking, summed by SQLite over the won-deal index.
    pub fn revenue_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        currency: &str,
    ) -> Result<Vec<(CustomerId, i64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT customer_id, sum(amount) FROM deal
              WHERE stage = 'won' AND closed_on BETWEEN ?1 AND ?2 AND currency = ?3
              GROUP BY customer_id",
        )?;
        let rows = stmt.query_map(
            params![text::date(from), text::date(to), currency.to_uppercase()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The value of each customer's open deals in `currency`: what a silent customer may cost,
    /// which ranks who is going cold in the review.
    pub fn open_deal_values(&self, currency: &str) -> Result<HashMap<CustomerId, i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT customer_id, sum(amount) FROM deal
              WHERE stage NOT IN ('won', 'lost') AND currency = ?1
              GROUP BY customer_id",
        )?;
        let rows = stmt.query_map([currency.to_uppercase()], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Order days of every customer's won deals, for the lifecycle rules.
    pub fn order_dates(&self) -> Result<HashMap<CustomerId, Vec<NaiveDate>>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT customer_id, closed_on FROM deal WHERE stage = 'won' AND closed_on IS NOT NULL",
        )?;
        let mut out: HashMap<CustomerId, Vec<NaiveDate>> = HashMap::new();
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, CustomerId>(0)?,
                text::parse_date("closed_on", &r.get::<_, String>(1)?)?,
            ))
        })?;
        for row in rows {
            let (id, on) = row?;
            out.entry(id).or_default().push(on);
        }
        Ok(out)
    }

    pub fn add_complaint(&mut self, draft: &ComplaintDraft) -> Result<ComplaintId> {
        super::gate::complaint(draft)?;
        let now = text::datetime(self.now());
        let tx = self.step(&format!("add complaint: {}", draft.what.trim()))?;
        tx.execute(
            "INSERT INTO complaint (customer_id, opened_on, what, severity, status, resolved_on,
                                    resolution, satisfaction, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            params![
                draft.customer_id,
                text::date(draft.opened_on),
                draft.what.trim(),
                draft.severity.as_str(),
                draft.status.as_str(),
                draft.resolved_on.map(text::date),
                draft.resolution,
                draft.satisfaction,
                now,
            ],
        )?;
        let id = ComplaintId(tx.last_insert_rowid());
        tx.commit()?;
        Ok(id)
    }

    pub fn update_complaint(&mut self, id: ComplaintId, draft: &ComplaintDraft) -> Result<()> {
        super::gate::complaint(draft)?;
        let now = text::datetime(self.now());
        let tx = self.step(&format!("edit complaint: {}", draft.what.trim()))?;
        let changed = tx.execute(
            "UPDATE complaint SET opened_on = ?2, what = ?3, severity = ?4, status = ?5,
                   resolved_on = ?6, resolution = ?7, satisfaction = ?8, updated_at = ?9
             WHERE id = ?1",
            params![
                id,
                text::date(draft.opened_on),
                draft.what.trim(),
                draft.severity.as_str(),
                draft.status.as_str(),
                draft.resolved_on.map(text::date),
                draft.resolution,
                draft.satisfaction,
                now,
            ],
        )?;
        if changed == 0 {
            return Err(BookError::Invalid(format!(
                "complaint #{id} is not in the book"
            )));
        }
        tx.commit()?;
        Ok(())
    }

    /// One customer's complaints (`Some`), or every complaint of customers not archived; open
    /// ones first, newest first.
    pub fn complaints(&self, customer: Option<CustomerId>) -> Result<Vec<Complaint>> {
        let filter = match customer {
            Some(_) => "customer_id = ?1",
            None => {
                "?1 IS NULL AND EXISTS (SELECT 1 FROM customer c WHERE c.id = customer_id AND c.archived = 0)"
            }
        };
        let sql = format!(
            "SELECT {COMPLAINT_COLUMNS} FROM complaint WHERE {filter}
              ORDER BY status = 'resolved', opened_on DESC, id DESC"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([customer], complaint_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Open complaints per customer, for the lifecycle rules and `today`.
    pub fn open_complaint_counts(&self) -> Result<HashMap<CustomerId, usize>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT customer_id, count(*) FROM complaint WHERE status != 'resolved' GROUP BY customer_id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as usize)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Satisfaction scores given after contacts and on resolved complaints, oldest first.
    pub fn satisfaction_scores(&self, customer_id: CustomerId) -> Result<Vec<(NaiveDate, u8)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT substr(at, 1, 10), satisfaction FROM interaction
              WHERE customer_id = ?1 AND satisfaction IS NOT NULL
             UNION ALL
             SELECT resolved_on, satisfaction FROM complaint
              WHERE customer_id = ?1 AND satisfaction IS NOT NULL AND resolved_on IS NOT NULL
             ORDER BY 1",
        )?;
        let rows = stmt.query_map([customer_id], |r| {
            Ok((
                text::parse_date("at", &r.get::<_, String>(0)?)?,
                r.get::<_, u8>(1)?,
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records a satisfaction score (1-5) on a logged contact.
    pub fn set_interaction_satisfaction(
        &mut self,
        interaction: i64,
        score: Option<u8>,
    ) -> Result<()> {
        complaints::check_score(score).map_err(BookError::Invalid)?;
        let tx = self.step("satisfaction score")?;
        tx.execute(
            "UPDATE interaction SET satisfaction = ?2 WHERE id = ?1",
            params![interaction, score],
        )?;
        tx.commit()
    }

    pub fn overrides(&self, customer_id: CustomerId) -> Result<Overrides> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT tier, tier_reason, stage, stage_reason FROM customer WHERE id = ?1",
            )?
            .query_row([customer_id], |r| {
                Ok(Overrides {
                    tier: r
                        .get::<_, Option<String>>(0)?
                        .as_deref()
                        .and_then(Tier::parse),
                    tier_reason: r.get(1)?,
                    stage: r
                        .get::<_, Option<String>>(2)?
                        .as_deref()
                        .and_then(Stage::parse),
                    stage_reason: r.get(3)?,
                })
            })?)
    }

    /// Sets or clears the hand-set tier and stage, each with its reason.
    pub fn set_overrides(&mut self, customer_id: CustomerId, o: &Overrides) -> Result<()> {
        let now = text::datetime(self.now());
        let tx = self.step("tier and stage set by hand")?;
        let changed = tx.execute(
            "UPDATE customer SET tier = ?2, tier_reason = ?3, stage = ?4, stage_reason = ?5,
                                 updated_at = ?6
              WHERE id = ?1",
            params![
                customer_id,
                o.tier.map(Tier::as_str),
                kept_reason(o.tier, &o.tier_reason),
                o.stage.map(Stage::as_str),
                kept_reason(o.stage, &o.stage_reason),
                now,
            ],
        )?;
        if changed == 0 {
            return Err(BookError::Invalid(format!(
                "customer #{customer_id} is not in the book"
            )));
        }
        tx.commit()
    }
}
