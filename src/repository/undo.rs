//! Undo, several steps deep and kept in the book so it survives a restart.
//!
//! Every user action runs as a [`Step`]: a transaction that first names itself in `undo_step`.
//! While a step is open, triggers note each row change in `undo_log` as data: the table, the
//! row and, for an update or delete, the old column values as a JSON object. Undoing puts a
//! step's rows back newest first, in one transaction, with recording off, through prepared
//! statements whose table comes from [`TRACKED`] and whose columns from the live schema:
//! nothing read from the book is ever run as SQL, so a planted log row can at worst name a row
//! of a tracked table, never run a statement. The triggers are TEMP (per connection) and
//! generated from the live schema, so new columns are always covered.
//!
//! Undoing is recorded the same way, as a step on the redo stack (see [`reverse`]), so `U`
//! puts back what an undo took away; a new change empties the redo stack. Each step names the
//! run of fieldbook that made it, so a change from before this session can be asked about.

mod reverse;
pub use reverse::UndoStep;

use std::ops::Deref;

use rusqlite::{Connection, Transaction, params};

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

/// Creates the per-connection recording triggers for every tracked table, and names this run
/// (a random id, kept if the connection already has one).
pub(super) fn install(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS undo_recording (step INTEGER);
         DELETE FROM temp.undo_recording;
         INSERT INTO temp.undo_recording VALUES (NULL);
         CREATE TEMP TABLE IF NOT EXISTS undo_run (id TEXT NOT NULL);
         INSERT INTO temp.undo_run SELECT lower(hex(randomblob(8)))
          WHERE NOT EXISTS (SELECT 1 FROM temp.undo_run);",
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

/// The three triggers for `table`: each notes one row change; the old values go through
/// json_object, which keeps any text (quotes, newlines, escape sequences) exactly.
fn triggers(table: &str, columns: &[String]) -> String {
    let recording = "(SELECT step FROM temp.undo_recording)";
    let old_values = columns
        .iter()
        .map(|c| format!("'{c}', OLD.\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let log = "INSERT INTO main.undo_log (step, tbl, change, row_id, old)";
    format!(
        "DROP TRIGGER IF EXISTS temp.undo_{table}_insert;
         CREATE TEMP TRIGGER undo_{table}_insert AFTER INSERT ON main.{table}
         WHEN {recording} IS NOT NULL BEGIN
           {log} VALUES ({recording}, '{table}', 'insert', NEW.rowid, NULL);
         END;
         DROP TRIGGER IF EXISTS temp.undo_{table}_update;
         CREATE TEMP TRIGGER undo_{table}_update AFTER UPDATE ON main.{table}
         WHEN {recording} IS NOT NULL BEGIN
           {log} VALUES ({recording}, '{table}', 'update', OLD.rowid, json_object({old_values}));
         END;
         DROP TRIGGER IF EXISTS temp.undo_{table}_delete;
         CREATE TEMP TRIGGER undo_{table}_delete AFTER DELETE ON main.{table}
         WHEN {recording} IS NOT NULL BEGIN
           {log} VALUES ({recording}, '{table}', 'delete', OLD.rowid, json_object({old_values}));
         END;"
    )
}

impl Repository {
    /// The recording triggers, made by the connection's first write rather than at open: a
    /// command that only reads never parses them.
    pub(super) fn make_undo_ready(&mut self) -> Result<()> {
        if !self.undo_ready {
            install(&self.conn)?;
            self.undo_ready = true;
        }
        Ok(())
    }

    /// Opens a write named `label` (what the undo will say it reverses). A new change empties
    /// the redo stack, as in every editor: what was undone no longer fits on top of it.
    pub(super) fn step(&mut self, label: &str) -> Result<Step<'_>> {
        self.make_undo_ready()?;
        let at = text::datetime(self.now());
        let tx = self.conn.transaction()?;
        forget_redo(&tx)?;
        tx.execute(
            "INSERT INTO undo_step (label, at, run) VALUES (?1, ?2, (SELECT id FROM temp.undo_run))",
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
        let mut stmt = self.conn.prepare_cached(
            "SELECT label FROM undo_step WHERE redo = 0 ORDER BY id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit as i64], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Empties the redo stack: inside every write that is not itself an undo or a redo, since a
/// redo puts rows back by their ids, which a newer write may have taken.
pub(super) fn forget_redo(tx: &Connection) -> Result<()> {
    tx.execute("DELETE FROM undo_step WHERE redo = 1", [])?;
    Ok(())
}
