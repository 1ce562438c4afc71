//! Undo, several steps deep and kept in the book so it survives a restart.
//!
//! Every user action runs as a [`Step`]: a transaction that first names itself in `undo_step`.
//! While a step is open, triggers write the inverse of each row change (a DELETE for an insert,
//! an UPDATE back to the old values, an INSERT of the deleted row) into `undo_log`. Undoing runs a
//! step's inverses newest first, in one transaction, with recording off. The triggers are
//! TEMP (per connection) and generated from the live schema, so new columns are always covered.

use std::ops::Deref;

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::sql_text as text;
use super::{Repository, Result};

/// The tables whose rows an undo puts back. Roll-up columns are restored too, and the roll-up
/// triggers recompute them anyway as the inverses run.
const TRACKED: &[&str] = &[
    "customer",
    "contact",
    "interaction",
    "follow_up",
    "deal",
    "complaint",
    "greeting",
];

/// How many steps are kept; older ones are forgotten.
const KEEP_STEPS: i64 = 200;

/// An open write: derefs to its transaction; `commit` ends the recording.
pub struct Step<'a> {
    tx: Transaction<'a>,
}

impl<'a> Deref for Step<'a> {
    type Target = Transaction<'a>;
    fn deref(&self) -> &Self::Target {
        &self.tx
    }
}

impl Step<'_> {
    pub fn commit(self) -> Result<()> {
        self.tx
            .execute("UPDATE temp.undo_recording SET step = NULL", [])?;
        self.tx.execute(
            "DELETE FROM undo_step WHERE id <= (SELECT max(id) FROM undo_step) - ?1",
            [KEEP_STEPS],
        )?;
        self.tx.commit()?;
        Ok(())
    }
}

/// Creates the per-connection recording triggers for every tracked table.
pub(super) fn install(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS undo_recording (step INTEGER);
         DELETE FROM temp.undo_recording;
         INSERT INTO temp.undo_recording VALUES (NULL);",
    )?;
    for table in TRACKED {
        let columns: Vec<String> = conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        conn.execute_batch(&triggers(table, &columns))?;
    }
    Ok(())
}

/// The three triggers for `table`: each appends one inverse statement, built with quote() so any
/// text (quotes, newlines, escape sequences) round-trips exactly.
fn triggers(table: &str, columns: &[String]) -> String {
    let recording = "(SELECT step FROM temp.undo_recording)";
    let set_old = columns
        .iter()
        .map(|c| format!("'\"{c}\" = ' || quote(OLD.\"{c}\")"))
        .collect::<Vec<_>>()
        .join(" || ', ' || ");
    let names = columns
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let old_values = columns
        .iter()
        .map(|c| format!("quote(OLD.\"{c}\")"))
        .collect::<Vec<_>>()
        .join(" || ', ' || ");
    format!(
        "DROP TRIGGER IF EXISTS temp.undo_{table}_insert;
         CREATE TEMP TRIGGER undo_{table}_insert AFTER INSERT ON main.{table}
         WHEN {recording} IS NOT NULL BEGIN
           INSERT INTO main.undo_log (step, sql) VALUES ({recording},
             'DELETE FROM {table} WHERE rowid = ' || NEW.rowid);
         END;
         DROP TRIGGER IF EXISTS temp.undo_{table}_update;
         CREATE TEMP TRIGGER undo_{table}_update AFTER UPDATE ON main.{table}
         WHEN {recording} IS NOT NULL BEGIN
           INSERT INTO main.undo_log (step, sql) VALUES ({recording},
             'UPDATE {table} SET ' || {set_old} || ' WHERE rowid = ' || OLD.rowid);
         END;
         DROP TRIGGER IF EXISTS temp.undo_{table}_delete;
         CREATE TEMP TRIGGER undo_{table}_delete AFTER DELETE ON main.{table}
         WHEN {recording} IS NOT NULL BEGIN
           INSERT INTO main.undo_log (step, sql) VALUES ({recording},
             'INSERT INTO {table} (rowid, {names}) VALUES (' || OLD.rowid || ', ' || {old_values} || ')');
         END;"
    )
}

impl Repository {
    /// Opens a write named `label` (what the undo will say it reverses).
    pub(super) fn step(&mut self, label: &str) -> Result<Step<'_>> {
        let at = text::datetime(self.now());
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO undo_step (label, at) VALUES (?1, ?2)",
            params![label, at],
        )?;
        tx.execute(
            "UPDATE temp.undo_recording SET step = last_insert_rowid()",
            [],
        )?;
        Ok(Step { tx })
    }

    /// The newest undo step's id (0 in a fresh book): it moves with every change a person makes.
    pub fn last_step_id(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT coalesce(max(id), 0) FROM undo_step", [], |r| {
                r.get(0)
            })?)
    }

    /// What `undo` would reverse, newest first, up to `limit`.
    pub fn undo_history(&self, limit: usize) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT label FROM undo_step ORDER BY id DESC LIMIT ?1")?;
        let rows = stmt.query_map([limit as i64], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Reverses the newest step, in one transaction; returns its label, or `None` when there is
    /// nothing left to undo.
    pub fn undo(&mut self) -> Result<Option<String>> {
        let tx = self.conn.transaction()?;
        let newest: Option<(i64, String)> = tx
            .query_row(
                "SELECT id, label FROM undo_step ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((id, label)) = newest else {
            return Ok(None);
        };
        let inverses: Vec<String> = tx
            .prepare("SELECT sql FROM undo_log WHERE step = ?1 ORDER BY id DESC")?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for sql in &inverses {
            tx.execute_batch(sql)?;
        }
        tx.execute("DELETE FROM undo_step WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(Some(label))
    }
}
