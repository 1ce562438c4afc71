//! Follow-ups: the next step promised after a contact, some of them repeating.

use chrono::{Datelike, NaiveDate};
use rusqlite::{Row, RowIndex, Transaction, params};

use super::sql_text as text;
use super::{BookError, Repository, Result};
use crate::book::care::{self, Ceiling};
use crate::book::follow_ups::{self, FollowUpKey};
use crate::book::model::{CustomerId, FollowUp, FollowUpDraft, FollowUpId, InteractionId};
use crate::book::recurrence::{Basis, Recurrence, Unit};
use crate::book::validate;

pub(super) const COLUMNS: &str =
    "f.id, f.customer_id, f.interaction_id, f.due_on, f.due_time, f.task, f.done_at,
     f.repeat_every, f.repeat_unit, f.repeat_basis, c.name AS customer_name";

/// Where a follow-up's columns are in a row: by name, or by place for a read of thousands.
struct Columns<I> {
    id: I,
    customer_id: I,
    interaction_id: I,
    due_on: I,
    due_time: I,
    task: I,
    done_at: I,
    every: I,
    unit: I,
    basis: I,
    customer_name: I,
}

const BY_NAME: Columns<&str> = Columns {
    id: "id",
    customer_id: "customer_id",
    interaction_id: "interaction_id",
    due_on: "due_on",
    due_time: "due_time",
    task: "task",
    done_at: "done_at",
    every: "repeat_every",
    unit: "repeat_unit",
    basis: "repeat_basis",
    customer_name: "customer_name",
};

/// `COLUMNS` in order: looking a name up costs more than the rest of a row.
const BY_PLACE: Columns<usize> = Columns {
    id: 0,
    customer_id: 1,
    interaction_id: 2,
    due_on: 3,
    due_time: 4,
    task: 5,
    done_at: 6,
    every: 7,
    unit: 8,
    basis: 9,
    customer_name: 10,
};

fn draft_at<I: RowIndex + Copy>(r: &Row<'_>, c: &Columns<I>) -> rusqlite::Result<FollowUpDraft> {
    let every: Option<u32> = r.get(c.every)?;
    let unit: Option<String> = r.get(c.unit)?;
    let basis: Option<String> = r.get(c.basis)?;
    let repeat = match (
        every,
        unit.as_deref().and_then(Unit::parse),
        basis.as_deref().and_then(Basis::parse),
    ) {
        (Some(every), Some(unit), Some(basis)) => Some(Recurrence { every, unit, basis }),
        _ => None,
    };
    Ok(FollowUpDraft {
        customer_id: r.get(c.customer_id)?,
        due_on: text::parse_date("due_on", &r.get::<_, String>(c.due_on)?)?,
        due_time: text::opt("due_time", r.get(c.due_time)?, text::parse_time)?,
        task: r.get::<_, String>(c.task)?.into(),
        repeat,
    })
}

fn follow_up_at<I: RowIndex + Copy>(r: &Row<'_>, c: &Columns<I>) -> rusqlite::Result<FollowUp> {
    Ok(FollowUp {
        id: r.get(c.id)?,
        draft: draft_at(r, c)?,
        interaction_id: r.get(c.interaction_id)?,
        customer_name: r.get::<_, String>(c.customer_name)?.into(),
        done_at: text::opt("done_at", r.get(c.done_at)?, text::parse_datetime)?,
    })
}

/// A follow-up's own fields (repeat rule included), as stored: shared with the import's reads.
pub(super) fn follow_up_draft(r: &Row<'_>) -> rusqlite::Result<FollowUpDraft> {
    draft_at(r, &BY_NAME)
}

/// A row of `COLUMNS` read by place: for reads of many rows.
pub(super) fn follow_up_by_place(r: &Row<'_>) -> rusqlite::Result<FollowUp> {
    follow_up_at(r, &BY_PLACE)
}

pub(super) fn follow_up_from_row(r: &Row<'_>) -> rusqlite::Result<FollowUp> {
    follow_up_at(r, &BY_NAME)
}

pub(super) fn insert(
    tx: &Transaction<'_>,
    f: &FollowUpDraft,
    interaction_id: Option<InteractionId>,
    now: &str,
) -> Result<FollowUpId> {
    follow_ups::check(f).map_err(BookError::Invalid)?;
    super::gate::gate(super::gate::Subject::TheFollowUp, validate::follow_up(f))?;
    tx.execute(
        "INSERT INTO follow_up (customer_id, interaction_id, due_on, due_time, task, created_at,
                                repeat_every, repeat_unit, repeat_basis)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            f.customer_id,
            interaction_id,
            text::date(f.due_on),
            f.due_time.map(text::time),
            f.task.trim(),
            now,
            f.repeat.map(|r| r.every),
            f.repeat.map(|r| r.unit.as_str()),
            f.repeat.map(|r| r.basis.as_str()),
        ],
    )?;
    Ok(FollowUpId(tx.last_insert_rowid()))
}

/// Closes `current` inside `tx`; a repeating one gets its next occurrence, whose id is returned.
pub(super) fn complete_in(
    tx: &Transaction<'_>,
    current: &FollowUp,
    today: NaiveDate,
    now: &str,
) -> Result<Option<FollowUpId>> {
    let closed = tx.execute(
        "UPDATE follow_up SET done_at = ?2 WHERE id = ?1 AND done_at IS NULL",
        params![current.id, now],
    )?;
    if closed == 0 {
        return Err(BookError::Invalid(format!(
            "follow-up #{} is already done",
            current.id
        )));
    }
    match follow_ups::next_occurrence(&current.draft, today).map_err(BookError::Invalid)? {
        Some(next) => Ok(Some(insert(tx, &next, current.interaction_id, now)?)),
        None => Ok(None),
    }
}

/// The open follow-ups of customers not archived (the whole book's, or customer `?1`'s),
/// earliest due first, as `columns`: one statement for the whole follow-ups and their keys.
fn open_list_sql(columns: &str, customer: Option<CustomerId>) -> String {
    // Two statements, not `?1 IS NULL OR ...`: that form hides the per-customer index from
    // the planner and turned one customer's list into a scan of every open follow-up.
    let (filter, join) = match customer {
        Some(_) => ("f.customer_id = ?1", "JOIN"),
        // The whole book: walk the open-by-due index (CROSS JOIN keeps it first), so only
        // ties on the day are sorted.
        None => ("?1 IS NULL", "CROSS JOIN"),
    };
    format!(
        "SELECT {columns}
           FROM follow_up f {join} customer c ON c.id = f.customer_id
          WHERE f.done_at IS NULL AND c.archived = 0 AND {filter}
          ORDER BY f.due_on, f.due_time IS NULL, f.due_time, f.id"
    )
}

impl Repository {
    /// The earliest open follow-ups of the book, for the first screen: at least `limit` when
    /// there are that many, and the last day read whole (a day orders by time, then id), so
    /// they are exactly the first ones of `open_follow_ups(None)`.
    pub fn first_follow_ups(&self, limit: usize) -> Result<Vec<FollowUp>> {
        // Walk the open-by-due index and stop at `limit` (CROSS JOIN keeps that order: the
        // planner otherwise sorted all open follow-ups first); the few read are then put in
        // the full order here.
        let sql = format!(
            "SELECT {COLUMNS}
               FROM follow_up f CROSS JOIN customer c ON c.id = f.customer_id
              WHERE f.done_at IS NULL AND c.archived = 0
              ORDER BY f.due_on LIMIT ?1"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([limit as i64], follow_up_from_row)?;
        let mut first: Vec<FollowUp> = rows.collect::<rusqlite::Result<_>>()?;
        if let Some(last_day) = first.last().filter(|_| first.len() == limit) {
            let last_day = last_day.draft.due_on;
            first.retain(|f| f.draft.due_on != last_day);
            first.extend(self.open_follow_ups_on(last_day)?);
        }
        first.sort_by_key(follow_ups::order_key);
        Ok(first)
    }

    fn open_follow_ups_on(&self, day: NaiveDate) -> Result<Vec<FollowUp>> {
        let sql = format!(
            "SELECT {COLUMNS}
               FROM follow_up f CROSS JOIN customer c ON c.id = f.customer_id
              WHERE f.done_at IS NULL AND c.archived = 0 AND f.due_on = ?1"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([text::date(day)], follow_up_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Open follow-ups of customers not archived (the whole book, or one customer's), earliest
    /// due first.
    pub fn open_follow_ups(&self, customer: Option<CustomerId>) -> Result<Vec<FollowUp>> {
        let sql = open_list_sql(COLUMNS, customer);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([customer], follow_up_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// `open_follow_ups`, each as its place in the list (`FollowUpKey`): what the app keeps
    /// of the whole book's.
    pub fn open_follow_up_keys(&self, customer: Option<CustomerId>) -> Result<Vec<FollowUpKey>> {
        let sql = open_list_sql("f.id, f.customer_id, f.due_on, f.due_time", customer);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([customer], |r| {
            Ok(FollowUpKey {
                id: r.get(0)?,
                customer_id: r.get(1)?,
                due_on: text::parse_date("due_on", &r.get::<_, String>(2)?)?,
                due_time: text::opt("due_time", r.get(3)?, text::parse_time)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Those of `ids` still open, of customers not archived, earliest first (as
    /// `follow_ups::order_key`): the whole follow-ups behind keys the app holds.
    pub fn open_follow_ups_among(&self, ids: &[FollowUpId]) -> Result<Vec<FollowUp>> {
        let sql = format!(
            "SELECT {COLUMNS}
               FROM follow_up f JOIN customer c ON c.id = f.customer_id
              WHERE f.id IN (SELECT value FROM json_each(?1))
                AND f.done_at IS NULL AND c.archived = 0"
        );
        let listed: Vec<String> = ids.iter().map(FollowUpId::to_string).collect();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([format!("[{}]", listed.join(","))], follow_up_by_place)?;
        let mut found: Vec<FollowUp> = rows.collect::<rusqlite::Result<_>>()?;
        found.sort_by_key(follow_ups::order_key);
        Ok(found)
    }

    /// Open follow-ups of customers not archived due by `horizon`, earliest first (as
    /// `follow_ups::order_key`): what `today` lists, read from the open-by-due index.
    pub fn open_follow_ups_due_by(&self, horizon: NaiveDate) -> Result<Vec<FollowUp>> {
        // Past the ISO calendar (a window of years), every open follow-up is due by it.
        let bound = if horizon.year() > 9999 {
            "9999-99-99".to_string()
        } else {
            text::date(horizon)
        };
        // The follow-ups by id, then their customers' names by id: two passes in the order
        // the rows lie, where a join in due order would jump around the book.
        let sql = format!(
            "SELECT {}, '' AS customer_name FROM follow_up f
              WHERE f.id IN (SELECT id FROM follow_up INDEXED BY follow_up_open_by_due
                              WHERE done_at IS NULL AND due_on <= ?1)",
            COLUMNS.replace(", c.name AS customer_name", "")
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([bound], |r| follow_up_at(r, &BY_PLACE))?;
        let mut due: Vec<FollowUp> = rows.collect::<rusqlite::Result<_>>()?;
        let mut customers: Vec<CustomerId> = due.iter().map(|f| f.draft.customer_id).collect();
        customers.sort_unstable();
        customers.dedup();
        let names = self.names_not_archived(&customers)?;
        due.retain_mut(|f| match names.get(&f.draft.customer_id) {
            Some(name) => {
                f.customer_name = name.as_str().into();
                true
            }
            None => false,
        });
        due.sort_by_key(follow_ups::order_key);
        Ok(due)
    }

    pub fn follow_up(&self, id: FollowUpId) -> Result<FollowUp> {
        let sql = format!(
            "SELECT {COLUMNS} FROM follow_up f JOIN customer c ON c.id = f.customer_id WHERE f.id = ?1"
        );
        self.conn
            .prepare_cached(&sql)?
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
        let tx = self.step(&format!("add follow-up: {}", draft.task.trim()))?;
        let id = insert(&tx, draft, None, &now)?;
        tx.commit()?;
        Ok(id)
    }

    /// Marks a follow-up done on `today`; a repeating one gets its next occurrence in the same
    /// transaction, whose id is returned.
    pub fn complete_follow_up(
        &mut self,
        id: FollowUpId,
        today: NaiveDate,
    ) -> Result<Option<FollowUpId>> {
        let current = self.follow_up(id)?;
        if current.done_at.is_some() {
            return Err(BookError::Invalid(format!(
                "follow-up #{id} is already done"
            )));
        }
        let now = text::datetime(self.now());
        let tx = self.step(&format!("done: {}", current.draft.task))?;
        let next = complete_in(&tx, &current, today, &now)?;
        tx.commit()?;
        Ok(next)
    }

    pub fn snooze_follow_up(&mut self, id: FollowUpId, until: NaiveDate) -> Result<()> {
        validate::date(until).map_err(|why| {
            let why = crate::i18n::refusal::refusal(&why);
            BookError::Invalid(crate::t!("refusal-snooze", why = why))
        })?;
        let task = self.follow_up(id)?.draft.task;
        let tx = self.step(&format!("snooze: {task}"))?;
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

    /// Days a customer was contacted or has a follow-up planned, between `from` and `to`: what
    /// the "not too often" check weighs a new contact against.
    pub fn contact_dates(
        &self,
        customer_id: CustomerId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<NaiveDate>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT substr(at, 1, 10) FROM interaction
              WHERE customer_id = ?1 AND at >= ?2 AND at < ?3 || 'T99'
             UNION ALL
             SELECT due_on FROM follow_up
              WHERE customer_id = ?1 AND done_at IS NULL AND due_on BETWEEN ?2 AND ?3",
        )?;
        let rows = stmt.query_map(
            params![customer_id, text::date(from), text::date(to)],
            |r| text::parse_date("at", &r.get::<_, String>(0)?),
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// "Not too often" warnings for a contact with `customer` on `planned`, weighed against the
    /// contacts and plans around it; `handled` leaves out one planned date (the due follow-up
    /// this very contact closes).
    pub fn frequency_warnings(
        &self,
        customer_id: CustomerId,
        planned: NaiveDate,
        ceiling: Ceiling,
        handled: Option<NaiveDate>,
    ) -> Result<Vec<care::TooOften>> {
        let around = self.contact_dates(
            customer_id,
            planned - chrono::Days::new(30),
            planned + chrono::Days::new(30),
        )?;
        Ok(care::too_often_closing(planned, around, ceiling, handled))
    }
}
