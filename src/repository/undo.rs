//! Undo, several steps deep and kept in the book so it survives a restart.
//!
//! Every user action runs as a [`Step`]: a transaction that first names itself in `undo_step`.
//! While a step is open, each row change is noted (see [`record`]) and written to `undo_log`
//! as data as the step commits: the table, the row and, for an update or delete, the old
//! column values as a JSON object. Undoing puts a step's rows back newest first, in one
//! transaction, through prepared statements whose table comes from [`TRACKED`] and whose
//! columns from the live schema: nothing read from the book is ever run as SQL, so a planted
//! log row can at worst name a row of a tracked table, never run a statement. Every column of
//! the live table is noted, so new columns are always covered.
//!
//! Undoing is recorded the same way, as a step on the redo stack (see [`reverse`]), so `U`
//! puts back what an undo took away; a new change empties the redo stack. Each step names the
//! run of fieldbook that made it, so a change from before this session can be asked about.

mod record;
mod reverse;
pub use reverse::UndoStep;

pub(super) use record::Recorder;

use std::ops::Deref;

use rusqlite::{Connection, Transaction, params};

use record::Recording;

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
    recording: Recording,
}

impl<'a> Deref for Step<'a> {
    type Target = Transaction<'a>;
    fn deref(&self) -> &Self::Target {
        &self.tx
    }
}

impl Step<'_> {
    pub fn commit(self) -> Result<()> {
        let Step { tx, recording } = self;
        recording.write(&tx)?;
        tx.execute(
            "DELETE FROM undo_step WHERE id <= (SELECT max(id) FROM undo_step) - ?1",
            [KEEP_STEPS],
        )?;
        tx.commit()?;
        Ok(())
    }
}

/// This connection's undo: its recorder, and the id naming this run of fieldbook in the steps
/// it makes.
pub(super) struct Undo {
    recorder: Recorder,
    run: String,
}

impl Repository {
    /// The recording, set by the connection's first write rather than at open: a command that
    /// only reads never needs it.
    pub(super) fn make_undo_ready(&mut self) -> Result<&Undo> {
        if self.undo.is_none() {
            let run: String = self
                .conn
                .query_row("SELECT lower(hex(randomblob(8)))", [], |r| r.get(0))?;
            let recorder = Recorder::attach(&mut self.conn)?;
            self.undo = Some(Undo { recorder, run });
        }
        Ok(self.undo.as_ref().expect("set just above"))
    }

    /// The id of this run's steps, once it has written.
    pub(super) fn undo_run(&self) -> Option<&str> {
        self.undo.as_ref().map(|u| u.run.as_str())
    }

    /// Opens a write named `label` (what the undo will say it reverses). A new change empties
    /// the redo stack, as in every editor: what was undone no longer fits on top of it.
    pub(super) fn step(&mut self, label: &str) -> Result<Step<'_>> {
        let at = text::datetime(self.now());
        let Undo { recorder, run } = self.make_undo_ready()?;
        let (recorder, run) = (recorder.clone(), run.clone());
        let tx = self.conn.transaction()?;
        forget_redo(&tx)?;
        tx.execute(
            "INSERT INTO undo_step (label, at, run) VALUES (?1, ?2, ?3)",
            params![label, at, run],
        )?;
        let recording = recorder.start(tx.last_insert_rowid());
        Ok(Step { tx, recording })
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

#[cfg(test)]
mod tests;
