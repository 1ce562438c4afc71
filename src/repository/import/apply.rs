//! The book receives a prepared import (`stage`) in one short write: the copy is attached, the
//! book checked to still be as the import saw it, and the import's rows copied over by one
//! statement per table. Only these statements hold the write lock, so another fieldbook's
//! `log` waits for them alone, never for the reading, matching and checking before.
//!
//! Writes made meanwhile that the import never read (a call logged, a follow-up done) are no
//! reason to prepare it again: the rows it adds (customers and people) got ids above the
//! book's, and the book has gained none of those since. Anything else is.

use rusqlite::Connection;

use super::copy::table_shape;
use super::stage::{Seen, Staged, fingerprint};
use crate::repository::customer_columns::DRAFT_COLUMNS;
use crate::repository::{BookError, Repository, Result};

/// The columns a merge into a person writes, in the order `merge_contact` binds them.
pub(super) const MERGED_CONTACT_COLUMNS: [&str; 6] =
    ["title", "phone", "email", "wechat", "birthday", "notes"];

/// Whether the book took the import, or had changed in a way that makes it stale (another
/// fieldbook added or edited customers or people meanwhile): then it must be prepared again.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Applied {
    Done,
    Stale,
}

impl Repository {
    /// Writes the staged import into the book as one transaction (one undo step, `label`).
    pub(super) fn apply_import(&mut self, staged: &Staged, label: &str) -> Result<Applied> {
        let copy = staged
            .copy
            .to_str()
            .ok_or_else(|| BookError::Invalid(crate::t!("import-temp-not-utf8")))?;
        self.conn
            .execute("ATTACH DATABASE ?1 AS import_stage", [copy])?;
        let applied = self.apply_attached(staged, label);
        let detached = self.conn.execute_batch("DETACH DATABASE import_stage");
        let applied = applied?;
        detached?;
        Ok(applied)
    }

    fn apply_attached(&mut self, staged: &Staged, label: &str) -> Result<Applied> {
        // The write lock is taken here, by the step's first statement.
        let tx = self.step(label)?;
        tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
        if !still_as_seen(&tx, &staged.seen)? {
            return Ok(Applied::Stale);
        }
        for table in &staged.written.tables {
            let then = staged.seen.max_ids.get(table).copied().unwrap_or(0);
            if max_id(&tx, table)? != then {
                return Ok(Applied::Stale);
            }
        }
        merge_rows(&tx)?;
        for table in &staged.written.tables {
            insert_rows(&tx, table)?;
        }
        tx.commit()?;
        Ok(Applied::Done)
    }
}

/// No other connection has written since the copy, or only in ways the import did not read
/// (contacts logged, follow-ups done): customers and people are as they were.
fn still_as_seen(tx: &Connection, seen: &Seen) -> Result<bool> {
    let version: i64 = tx.query_row("PRAGMA main.data_version", [], |r| r.get(0))?;
    if version == seen.data_version {
        return Ok(true);
    }
    // An export's history is matched row by row against the book's: any write may matter.
    if seen.history {
        return Ok(false);
    }
    Ok(fingerprint(tx)? == seen.people)
}

pub(super) fn max_id(conn: &Connection, table: &str) -> Result<i64> {
    Ok(conn.query_row(
        &format!("SELECT coalesce(max(rowid), 0) FROM main.\"{table}\""),
        [],
        |r| r.get(0),
    )?)
}

/// `'name'` as an SQL string: table names come from the live schema, quoted all the same.
fn literal(name: &str) -> String {
    format!("'{}'", name.replace('\'', "''"))
}

/// The import's rows of `table` as of one table of the copy: `kind` is `insert` or `merge`.
fn rows_of(kind: &str, table: &str) -> String {
    format!(
        "SELECT rid FROM import_stage.import_rows WHERE kind = '{kind}' AND tbl = {}",
        literal(table)
    )
}

/// Customers and people of the book that the import merged into: the merged columns only, so
/// a roll-up moved meanwhile (a contact logged) stays as the book has it.
fn merge_rows(tx: &Connection) -> Result<()> {
    let customer: Vec<&str> = DRAFT_COLUMNS
        .iter()
        .copied()
        .chain(["updated_at"])
        .collect();
    for (table, columns) in [
        ("customer", customer),
        ("contact", MERGED_CONTACT_COLUMNS.to_vec()),
    ] {
        let set: Vec<String> = columns
            .iter()
            .map(|c| format!("\"{c}\" = s.\"{c}\""))
            .collect();
        tx.execute(
            &format!(
                "UPDATE main.\"{table}\" AS t SET {} FROM import_stage.\"{table}\" AS s
                  WHERE s.rowid = t.rowid AND t.rowid IN ({})",
                set.join(", "),
                rows_of("merge", table)
            ),
            [],
        )?;
    }
    Ok(())
}

/// The import's new rows of `table` as the copy has them, ids and all, in the order written.
fn insert_rows(tx: &Connection, table: &str) -> Result<()> {
    let shape = table_shape(tx, table)?
        .ok_or_else(|| BookError::Invalid(format!("the book has no table {table}")))?;
    let columns: Vec<String> = shape.columns.iter().map(|c| format!("\"{c}\"")).collect();
    let columns = columns.join(", ");
    tx.execute(
        &format!(
            "INSERT INTO main.\"{table}\" ({columns}) SELECT {columns} FROM import_stage.\"{table}\"
              WHERE rowid IN ({}) ORDER BY rowid",
            rows_of("insert", table)
        ),
        [],
    )?;
    Ok(())
}
