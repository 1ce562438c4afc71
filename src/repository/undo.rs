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

use std::ops::Deref;

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Transaction, params, params_from_iter};

use super::sql_text as text;
use super::{BookError, Repository, Result};

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

/// One noted row change, as read from `undo_log`.
struct Change {
    table: String,
    change: String,
    row_id: i64,
    old: Option<String>,
}

/// Puts one row back as it was before `c`. The table must be one undo tracks and only columns
/// the live table has are written; anything else refuses the whole undo.
fn put_back(tx: &Connection, c: &Change) -> Result<()> {
    let Some(table) = TRACKED.iter().find(|t| **t == c.table) else {
        return Err(refused("a table undo does not track"));
    };
    if c.change == "insert" {
        tx.prepare_cached(&format!("DELETE FROM main.\"{table}\" WHERE rowid = ?1"))?
            .execute([c.row_id])?;
        return Ok(());
    }
    let columns: Vec<String> = tx
        .prepare_cached("SELECT name FROM pragma_table_info(?1)")?
        .query_map([table], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut values: Vec<(String, Value)> = Vec::new();
    let old = c
        .old
        .as_deref()
        .ok_or_else(|| refused("a change without its old row"))?;
    let mut stmt = tx.prepare_cached("SELECT key, value FROM json_each(?1)")?;
    let mut rows = stmt.query([old])?;
    while let Some(r) = rows.next()? {
        let column: String = r.get(0)?;
        if !columns.contains(&column) {
            return Err(refused("a column the book does not have"));
        }
        values.push((column, r.get(1)?));
    }
    let names: Vec<String> = values.iter().map(|(c, _)| format!("\"{c}\"")).collect();
    let sql = match c.change.as_str() {
        "update" => {
            let set: Vec<String> = names
                .iter()
                .enumerate()
                .map(|(i, n)| format!("{n} = ?{}", i + 2))
                .collect();
            format!(
                "UPDATE main.\"{table}\" SET {} WHERE rowid = ?1",
                set.join(", ")
            )
        }
        "delete" => {
            let marks: Vec<String> = (2..=values.len() + 1).map(|i| format!("?{i}")).collect();
            format!(
                "INSERT INTO main.\"{table}\" (rowid, {}) VALUES (?1, {})",
                names.join(", "),
                marks.join(", ")
            )
        }
        _ => return Err(refused("an unknown kind of change")),
    };
    let params =
        std::iter::once(Value::Integer(c.row_id)).chain(values.into_iter().map(|(_, v)| v));
    tx.prepare_cached(&sql)?.execute(params_from_iter(params))?;
    Ok(())
}

fn refused(why: &str) -> BookError {
    BookError::Invalid(format!(
        "the undo step names {why}; it was not undone and the book is unchanged"
    ))
}

impl Repository {
    /// Opens a write named `label` (what the undo will say it reverses).
    pub(super) fn step(&mut self, label: &str) -> Result<Step<'_>> {
        if !self.undo_ready {
            install(&self.conn)?;
            self.undo_ready = true;
        }
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
        let changes: Vec<Change> = tx
            .prepare(
                "SELECT tbl, change, row_id, old FROM undo_log WHERE step = ?1 ORDER BY id DESC",
            )?
            .query_map([id], |r| {
                Ok(Change {
                    table: r.get(0)?,
                    change: r.get(1)?,
                    row_id: r.get(2)?,
                    old: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        for change in &changes {
            put_back(&tx, change)?;
        }
        tx.execute("DELETE FROM undo_step WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(Some(label))
    }
}
