//! Reversing a step: undo (`u`) takes the newest step of the undo stack back, redo (`U`) the
//! newest of the redo stack. Either way the rows are put back newest first, in one transaction,
//! while the recorder notes what that changes as a step on the other stack: undoing a change
//! is itself undoable, and that is all redo is. Rows only, never statements, either way.

use chrono::NaiveDateTime;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};

use super::{TRACKED, Undo};
use crate::repository::sql_text as text;
use crate::repository::{BookError, Repository, Result};

/// A step as `u` or `U` would reverse it: what it was, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UndoStep {
    pub id: i64,
    /// What the person did: "log call with 星河科技".
    pub label: String,
    /// When it was done (on the redo stack: when it was undone).
    pub at: NaiveDateTime,
    /// Made by this run of fieldbook, on this open book: not before it, not by another one.
    pub this_run: bool,
    /// On the redo stack: reversing it does the change again.
    pub redo: bool,
}

impl Repository {
    /// What `u` would undo, if anything.
    pub fn next_undo(&self) -> Result<Option<UndoStep>> {
        newest(&self.conn, false, self.undo_run())
    }

    /// What `U` would redo, if anything.
    pub fn next_redo(&self) -> Result<Option<UndoStep>> {
        newest(&self.conn, true, self.undo_run())
    }

    /// Reverses the newest step, in one transaction; returns its label, or `None` when there is
    /// nothing left to undo.
    pub fn undo(&mut self) -> Result<Option<String>> {
        self.reverse_newest(false, None)
    }

    /// Does the newest undone step again; `None` when nothing was undone since the last change.
    pub fn redo(&mut self) -> Result<Option<String>> {
        self.reverse_newest(true, None)
    }

    /// Reverses `step`, which must still be the newest of its stack: a person who was asked
    /// about one step never gets another one reversed (another fieldbook may have written).
    pub fn reverse(&mut self, step: &UndoStep) -> Result<()> {
        self.reverse_newest(step.redo, Some(step.id)).map(drop)
    }

    fn reverse_newest(&mut self, redo: bool, expected: Option<i64>) -> Result<Option<String>> {
        let at = text::datetime(self.now());
        let Undo { recorder, run } = self.make_undo_ready()?;
        let (recorder, run) = (recorder.clone(), run.clone());
        let tx = self.conn.transaction()?;
        // Rows go back newest first, so a person may come back before their company does.
        tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
        let Some(step) = newest(&tx, redo, Some(&run))? else {
            return Ok(None);
        };
        if expected.is_some_and(|id| id != step.id) {
            return Err(BookError::Invalid(crate::t!("undo-changed-meanwhile")));
        }
        let changes: Vec<Change> = tx
            .prepare(
                "SELECT tbl, change, row_id, old FROM undo_log WHERE step = ?1 ORDER BY id DESC",
            )?
            .query_map([step.id], |r| {
                Ok(Change {
                    table: r.get(0)?,
                    change: r.get(1)?,
                    row_id: r.get(2)?,
                    old: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        // What is put back is recorded as a step on the other stack, so it can be reversed too.
        tx.execute(
            "INSERT INTO undo_step (label, at, redo, run) VALUES (?1, ?2, ?3, ?4)",
            params![step.label, at, !redo, run],
        )?;
        let recording = recorder.start(tx.last_insert_rowid());
        for change in &changes {
            put_back(&tx, change)?;
        }
        recording.write(&tx)?;
        tx.execute("DELETE FROM undo_step WHERE id = ?1", [step.id])?;
        tx.commit()?;
        Ok(Some(step.label))
    }
}

/// The newest step of the undo stack, or of the redo stack. Before the connection's first
/// write (`run` is `None`) it has no run of its own, so no step can be this run's.
fn newest(conn: &Connection, redo: bool, run: Option<&str>) -> Result<Option<UndoStep>> {
    let found = conn
        .prepare_cached(
            "SELECT id, label, at, coalesce(run = ?2, 0)
               FROM undo_step WHERE redo = ?1 ORDER BY id DESC LIMIT 1",
        )?
        .query_row(params![redo, run], |r| {
            Ok(UndoStep {
                id: r.get(0)?,
                label: r.get(1)?,
                at: text::parse_datetime("undo_step.at", &r.get::<_, String>(2)?)?,
                this_run: r.get(3)?,
                redo,
            })
        })
        .optional()?;
    Ok(found)
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
    // A row noted as deleted that is still there (its statement failed and was taken back)
    // is set to its old values: the same end, where inserting it again would refuse the undo.
    let still_there = c.change == "delete"
        && tx
            .prepare_cached(&format!("SELECT 1 FROM main.\"{table}\" WHERE rowid = ?1"))?
            .exists([c.row_id])?;
    let change = if still_there {
        "update"
    } else {
        c.change.as_str()
    };
    let sql = match change {
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
