//! How a step's row changes are noted: SQLite's pre-update hook sees every row a statement
//! changes in a tracked table (through the book's own triggers and foreign-key actions too),
//! in the order they change, with the old values. They are kept in memory while the step is
//! open and written to `undo_log` just before it commits, in the same transaction.
//!
//! This replaced 21 temporary triggers per connection: making them was 40% of a `log` run on
//! a small book (each one is parsed twice and changes the schema), while a hook costs nothing
//! to set and nothing for a command that only reads.
//!
//! A statement that fails inside a step that goes on (none does today) would leave notes of
//! changes SQLite took back: an insert or an update noted that way is harmless to reverse, and
//! a delete is put back as an update when its row is still there (see `reverse::put_back`).

use std::collections::HashMap;
use std::ffi::{CStr, c_char, c_int, c_void};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use rusqlite::Connection;
use rusqlite::ffi;
use rusqlite::types::Value;

use super::TRACKED;
use crate::repository::{BookError, Result};

/// What the hook has noted of the open step, shared between the connection's hook and the
/// repository.
#[derive(Default)]
struct Notes {
    /// The open step's id while it records; `None` between steps.
    step: Option<i64>,
    changes: Vec<Noted>,
    /// A change the hook could not note (a value JSON cannot hold): the step is refused.
    refused: Option<&'static str>,
}

struct Noted {
    table: &'static str,
    change: &'static str,
    row_id: i64,
    old: Option<Vec<Value>>,
}

/// The recording of one connection: its hook's notes, and the tracked tables' column names.
#[derive(Clone, Default)]
pub(in crate::repository) struct Recorder {
    notes: Arc<Mutex<Notes>>,
    columns: Arc<Mutex<HashMap<&'static str, Vec<String>>>>,
}

impl Recorder {
    /// Sets the hook on `conn`; from now on every change inside a started step is noted.
    pub fn attach(conn: &mut Connection) -> Result<Self> {
        let recorder = Recorder::default();
        let shared = Arc::into_raw(Arc::clone(&recorder.notes)) as *mut c_void;
        // SAFETY: the handle is the open connection's; the hook's context is one reference to
        // the notes, which the connection itself owns as client data and releases when it
        // closes, or when a later `attach` has replaced the hook.
        let set = unsafe {
            let db = conn.handle();
            ffi::sqlite3_preupdate_hook(db, Some(on_change), shared);
            let name = c"fieldbook.undo".as_ptr();
            let rc = ffi::sqlite3_set_clientdata(db, name, shared, Some(release));
            if rc != ffi::SQLITE_OK {
                // SQLite released the reference as it failed: the hook must not keep it.
                ffi::sqlite3_preupdate_hook(db, None, std::ptr::null_mut());
            }
            rc
        };
        if set != ffi::SQLITE_OK {
            return Err(BookError::Invalid(
                "undo could not be set up on this book (out of memory)".to_string(),
            ));
        }
        Ok(recorder)
    }

    /// Starts noting changes for `step`, until the recording is written or dropped.
    pub fn start(&self, step: i64) -> Recording {
        *lock(&self.notes) = Notes {
            step: Some(step),
            ..Notes::default()
        };
        Recording(self.clone())
    }

    /// Stops noting and writes what was noted into `undo_log`, oldest first, inside `tx`.
    fn write(&self, tx: &Connection) -> Result<()> {
        let notes = std::mem::take(&mut *lock(&self.notes));
        let Some(step) = notes.step else {
            return Ok(());
        };
        if let Some(why) = notes.refused {
            return Err(BookError::Invalid(format!(
                "this change could not be recorded for undo ({why}); the book is unchanged"
            )));
        }
        let mut insert = tx.prepare_cached(
            "INSERT INTO main.undo_log (step, tbl, change, row_id, old) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for noted in &notes.changes {
            let old = match &noted.old {
                Some(values) => Some(self.as_json(tx, noted.table, values)?),
                None => None,
            };
            insert.execute(rusqlite::params![
                step,
                noted.table,
                noted.change,
                noted.row_id,
                old
            ])?;
        }
        Ok(())
    }

    /// The old row as a JSON object of column name to value, as `reverse` reads it back.
    fn as_json(&self, tx: &Connection, table: &'static str, values: &[Value]) -> Result<String> {
        let mut columns = lock(&self.columns);
        if !columns.contains_key(table) {
            let names: Vec<String> = tx
                .prepare_cached("SELECT name FROM pragma_table_info(?1)")?
                .query_map([table], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            columns.insert(table, names);
        }
        let names = &columns[table];
        if names.len() != values.len() {
            return Err(BookError::Invalid(format!(
                "undo saw {} columns of {table}, the book has {}",
                values.len(),
                names.len()
            )));
        }
        let mut json = String::from("{");
        for (i, (name, value)) in names.iter().zip(values).enumerate() {
            if i > 0 {
                json.push(',');
            }
            json.push_str(&serde_json::Value::from(name.as_str()).to_string());
            json.push(':');
            push_json(&mut json, value);
        }
        json.push('}');
        Ok(json)
    }
}

/// One step being noted: written into its transaction by `write`; dropped unwritten (the
/// transaction rolled back), its notes are forgotten.
pub(in crate::repository) struct Recording(Recorder);

impl Recording {
    pub fn write(self, tx: &Connection) -> Result<()> {
        self.0.write(tx)
    }
}

impl Drop for Recording {
    fn drop(&mut self) {
        *lock(&self.0.notes) = Notes::default();
    }
}

/// The pre-update hook: notes a change to a tracked table of the book while a step records.
unsafe extern "C" fn on_change(
    shared: *mut c_void,
    db: *mut ffi::sqlite3,
    op: c_int,
    db_name: *const c_char,
    table: *const c_char,
    old_row: i64,
    new_row: i64,
) {
    // Never unwind into SQLite.
    let _ = std::panic::catch_unwind(|| {
        // SAFETY: SQLite passes the context given in `attach`, alive while the hook is set,
        // and names that are valid C strings for the call.
        let (notes, db_name, table) = unsafe {
            (
                &*(shared as *const Mutex<Notes>),
                CStr::from_ptr(db_name).to_bytes(),
                CStr::from_ptr(table).to_bytes(),
            )
        };
        if db_name != b"main" {
            return;
        }
        let Some(table) = TRACKED.iter().copied().find(|t| t.as_bytes() == table) else {
            return;
        };
        let mut notes = lock(notes);
        if notes.step.is_none() {
            return;
        }
        let (change, row_id) = match op {
            ffi::SQLITE_INSERT => ("insert", new_row),
            ffi::SQLITE_UPDATE => ("update", old_row),
            ffi::SQLITE_DELETE => ("delete", old_row),
            _ => return notes.refused = Some("a change SQLite did not name"),
        };
        let old = match change {
            "insert" => None,
            // SAFETY: inside the pre-update callback of `db`, as these calls require.
            _ => match unsafe { old_values(db) } {
                Ok(values) => Some(values),
                Err(why) => return notes.refused = Some(why),
            },
        };
        notes.changes.push(Noted {
            table,
            change,
            row_id,
            old,
        });
    });
}

/// The row's values before an update or delete, column by column.
///
/// # Safety
/// Only inside a pre-update callback of `db`.
unsafe fn old_values(db: *mut ffi::sqlite3) -> std::result::Result<Vec<Value>, &'static str> {
    let count = unsafe { ffi::sqlite3_preupdate_count(db) };
    let mut values = Vec::with_capacity(usize::try_from(count).unwrap_or(0));
    for i in 0..count {
        let mut value: *mut ffi::sqlite3_value = std::ptr::null_mut();
        if unsafe { ffi::sqlite3_preupdate_old(db, i, &mut value) } != ffi::SQLITE_OK {
            return Err("a value SQLite could not give");
        }
        values.push(match unsafe { ffi::sqlite3_value_type(value) } {
            ffi::SQLITE_NULL => Value::Null,
            ffi::SQLITE_INTEGER => Value::Integer(unsafe { ffi::sqlite3_value_int64(value) }),
            ffi::SQLITE_FLOAT => Value::Real(unsafe { ffi::sqlite3_value_double(value) }),
            ffi::SQLITE_TEXT => {
                let text = unsafe { ffi::sqlite3_value_text(value) };
                let len = unsafe { ffi::sqlite3_value_bytes(value) };
                let bytes = match (text.is_null(), usize::try_from(len)) {
                    (false, Ok(len)) => unsafe { std::slice::from_raw_parts(text, len) },
                    _ => &[][..],
                };
                Value::Text(String::from_utf8_lossy(bytes).into_owned())
            }
            // The book's tables hold no blobs, and JSON cannot.
            _ => return Err("a value undo cannot hold"),
        });
    }
    Ok(values)
}

/// Releases the connection's reference to the notes (SQLite's client-data destructor).
unsafe extern "C" fn release(shared: *mut c_void) {
    // SAFETY: `shared` came from `Arc::into_raw` in `attach`, and SQLite releases it once.
    drop(unsafe { Arc::from_raw(shared as *const Mutex<Notes>) });
}

fn push_json(json: &mut String, value: &Value) {
    match value {
        Value::Null | Value::Blob(_) => json.push_str("null"),
        Value::Integer(i) => json.push_str(&i.to_string()),
        Value::Real(r) if r.is_finite() => json.push_str(&serde_json::Value::from(*r).to_string()),
        // How SQLite's own JSON spells an infinity, and reads one back.
        Value::Real(r) if *r > 0.0 => json.push_str("9e999"),
        Value::Real(_) => json.push_str("-9e999"),
        Value::Text(s) => json.push_str(&serde_json::Value::from(s.as_str()).to_string()),
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}
