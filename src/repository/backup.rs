//! Copies of the book: on demand, rotating at start-up, restoring one, and checking a book.
//! Copies go through SQLite's online backup API, so they are consistent even while the book is
//! open elsewhere, and land under a temporary name first: a half-written copy is never mistaken
//! for a backup.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::{Connection, MAIN_DB};

pub use super::check::{CheckReport, check_file};
pub use super::rotation::{Retention, remove_stale_partials, rotate, rotate_with};

use super::migrations;
use super::{BookError, Repository, Result};

/// Copies the open database behind `conn` to `dest` (0600), atomically.
pub(super) fn copy_to(conn: &Connection, dest: &Path) -> Result<()> {
    let partial = dest.with_extension("partial");
    let _ = fs::remove_file(&partial);
    crate::paths::create_private_file(&partial)?;
    let copied = conn.backup(MAIN_DB, &partial, None::<fn(rusqlite::backup::Progress)>);
    // The copy has the book's write-ahead-log mode, and a read-only open of a file in that
    // mode (rotation counting its customers, `check`, `restore`) leaves `-wal` and `-shm`
    // files beside it that nothing removes: a copy is one self-contained file instead.
    let copied = copied.and_then(|()| {
        let copy = Connection::open(&partial)?;
        let _mode: String = copy.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
        copy.close().map_err(|(_, e)| e)
    });
    if let Err(e) = copied {
        let _ = fs::remove_file(&partial);
        return Err(e.into());
    }
    fs::rename(&partial, dest)?;
    Ok(())
}

/// `DIR/STEM-YYYYMMDD-HHMMSS.sqlite3` (`...-HHMMSS-2.sqlite3` and on for more in the same
/// second): names that sort in time order and never overwrite a copy.
pub fn backup_name(dir: &Path, book: &Path, at: NaiveDateTime) -> PathBuf {
    unused(dir, &stamped(book, at), ".sqlite3")
}

/// The copy of the current book a restore saves first, named like a backup but never rotated.
pub fn before_restore_name(dir: &Path, book: &Path, at: NaiveDateTime) -> PathBuf {
    unused(dir, &stamped(book, at), ".before-restore.sqlite3")
}

fn stamped(book: &Path, at: NaiveDateTime) -> String {
    format!("{}-{}", stem(book), at.format("%Y%m%d-%H%M%S"))
}

fn stem(book: &Path) -> String {
    book.file_stem()
        .map_or("book".into(), |s| s.to_string_lossy().into_owned())
}

fn unused(dir: &Path, base: &str, suffix: &str) -> PathBuf {
    let first = dir.join(format!("{base}{suffix}"));
    if !first.exists() {
        return first;
    }
    (2u32..)
        .map(|n| dir.join(format!("{base}-{n}{suffix}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

/// The backups folder that goes with a book: `backups/` beside it.
pub fn backup_dir(book: &Path) -> PathBuf {
    book.parent()
        .unwrap_or_else(|| Path::new("."))
        .join("backups")
}

/// When the backup at `path` (of `book`) was taken, and its place among those of that second.
pub fn taken_at(path: &Path, book: &Path) -> Option<(NaiveDateTime, u32)> {
    let name = path.file_name()?.to_str()?;
    let middle = name
        .strip_prefix(&format!("{}-", stem(book)))?
        .strip_suffix(".sqlite3")?;
    let at = NaiveDateTime::parse_from_str(middle.get(..15)?, "%Y%m%d-%H%M%S").ok()?;
    let nth = match middle.get(15..)? {
        "" => 1,
        rest => rest.strip_prefix('-')?.parse().ok()?,
    };
    Some((at, nth))
}

/// The backups of `book` in `dir`, oldest first.
pub fn list_backups(dir: &Path, book: &Path) -> Vec<PathBuf> {
    let mut found: Vec<((NaiveDateTime, u32), PathBuf)> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter_map(|p| Some((taken_at(&p, book)?, p)))
        .collect();
    found.sort();
    found.into_iter().map(|(_, p)| p).collect()
}

impl Repository {
    /// Writes a consistent copy of the book to `dest` (0600), refusing to overwrite a file.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        if dest.exists() {
            return Err(BookError::Invalid(format!(
                "{} already exists; choose a new name",
                dest.display()
            )));
        }
        copy_to(&self.conn, dest)
    }

    /// Replaces the whole book with the copy at `source`, after checking it is a sound fieldbook
    /// book this version can read. On disk the book is closed, the copy prepared beside it and
    /// renamed into place (see `restore`), and the book opened again: on any failure it is
    /// still the book it was. The caller takes a safety backup first.
    pub fn restore_from(&mut self, source: &Path) -> Result<()> {
        let Some(book) = self.path.clone() else {
            return self.restore_in_memory(source);
        };
        let undo_of = super::restore::book_id(&self.conn);
        // Closing folds the write-ahead log into the file, so no log outlives the rename.
        let open = std::mem::replace(&mut self.conn, Connection::open_in_memory()?);
        if let Err((conn, e)) = open.close() {
            self.conn = conn;
            return Err(e.into());
        }
        // A new connection: undo's recording is set again by the next step.
        self.undo = None;
        let restored = super::restore::restore_book(&book, source, undo_of.as_deref());
        // Should even the reopen fail, the connection stays the empty in-memory one: every
        // later read or write then fails instead of landing anywhere but the book.
        self.conn = Repository::open(&book)?.conn;
        restored.map(drop)
    }

    fn restore_in_memory(&mut self, source: &Path) -> Result<()> {
        let report = check_file(source)?;
        if !report.problems.is_empty() {
            return Err(BookError::Invalid(format!(
                "{} was not restored: {}",
                source.display(),
                report.problems.join("; ")
            )));
        }
        self.conn
            .restore(MAIN_DB, source, None::<fn(rusqlite::backup::Progress)>)?;
        migrations::migrate(&mut self.conn, ":memory:")?;
        self.conn
            .execute_batch("DELETE FROM undo_log; DELETE FROM undo_step;")?;
        // The schema is the backup's now: the next step reads its columns anew.
        self.undo = None;
        Ok(())
    }
}
