//! Numbered SQL files applied above `PRAGMA user_version`, all pending ones in one transaction.

use rusqlite::{Connection, TransactionBehavior};

use super::opening::APPLICATION_ID;
use super::{BookError, Result};

/// Every migration in order; migration N brings the book to version N.
pub const MIGRATIONS: &[&str] = &[
    include_str!("../../assets/migrations/0001_book.sql"),
    include_str!("../../assets/migrations/0002_outcomes_and_repeats.sql"),
    include_str!("../../assets/migrations/0003_undo.sql"),
    include_str!("../../assets/migrations/0004_accounts.sql"),
    include_str!("../../assets/migrations/0005_notes_search.sql"),
    include_str!("../../assets/migrations/0006_first_screen.sql"),
    include_str!("../../assets/migrations/0007_undo_as_data.sql"),
    include_str!("../../assets/migrations/0008_redo.sql"),
    include_str!("../../assets/migrations/0009_command_indexes.sql"),
    include_str!("../../assets/migrations/0010_cold_from_indexes.sql"),
];

pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

/// A book written by a newer fieldbook is refused before it is touched.
pub(super) fn refuse_newer(conn: &Connection, name: &str) -> Result<i64> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > LATEST_VERSION {
        return Err(BookError::TooNew {
            path: name.to_string(),
            found,
            supported: LATEST_VERSION,
        });
    }
    Ok(found)
}

/// Brings the book up to date and stamps it as fieldbook's. The version is read again inside
/// a `BEGIN IMMEDIATE` transaction: two processes creating the same new book take turns (the
/// busy timeout makes the second wait), and the second finds nothing left to do.
pub(super) fn migrate(conn: &mut Connection, name: &str) -> Result<()> {
    if refuse_newer(conn, name)? == LATEST_VERSION && stamped(conn)? {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found = refuse_newer(&tx, name)?;
    for sql in &MIGRATIONS[found as usize..] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", LATEST_VERSION)?;
    tx.commit()?;
    Ok(())
}

fn stamped(conn: &Connection) -> Result<bool> {
    let id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    Ok(id == APPLICATION_ID)
}
