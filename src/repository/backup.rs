//! Copies of the book: on demand, rotating at start-up, restoring one, and checking a book.
//! Copies go through SQLite's online backup API, so they are consistent even while the book is
//! open elsewhere, and land under a temporary name first: a half-written copy is never mistaken
//! for a backup.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::{Connection, MAIN_DB, OpenFlags};

use super::migrations::{self, LATEST_VERSION};
use super::{BookError, Repository, Result};

/// What `fieldbook check` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    pub version: i64,
    pub customers: i64,
    pub interactions: i64,
    pub open_follow_ups: i64,
    /// Empty when the book is sound.
    pub problems: Vec<String>,
}

/// Copies the open database behind `conn` to `dest` (0600), atomically.
fn copy_to(conn: &Connection, dest: &Path) -> Result<()> {
    let partial = dest.with_extension("partial");
    let _ = fs::remove_file(&partial);
    crate::paths::create_private_file(&partial)?;
    let copied = conn.backup(MAIN_DB, &partial, None::<fn(rusqlite::backup::Progress)>);
    if let Err(e) = copied {
        let _ = fs::remove_file(&partial);
        return Err(e.into());
    }
    fs::rename(&partial, dest)?;
    Ok(())
}

/// `DIR/STEM-YYYYMMDD-HHMMSS.sqlite3`: names that sort in time order.
pub fn backup_name(dir: &Path, book: &Path, at: NaiveDateTime) -> PathBuf {
    let stem = book
        .file_stem()
        .map_or("book".into(), |s| s.to_string_lossy().into_owned());
    dir.join(format!("{stem}-{}.sqlite3", at.format("%Y%m%d-%H%M%S")))
}

/// The backups folder that goes with a book: `backups/` beside it.
pub fn backup_dir(book: &Path) -> PathBuf {
    book.parent()
        .unwrap_or_else(|| Path::new("."))
        .join("backups")
}

/// The automatic backups of `book` in `dir`, oldest first.
pub fn list_backups(dir: &Path, book: &Path) -> Vec<PathBuf> {
    let stem = book
        .file_stem()
        .map_or("book".into(), |s| s.to_string_lossy().into_owned());
    let prefix = format!("{stem}-");
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().is_some_and(|n| {
                let n = n.to_string_lossy();
                n.starts_with(&prefix) && n.ends_with(".sqlite3") && n.len() == prefix.len() + 23
            })
        })
        .collect();
    found.sort();
    found
}

/// Takes a backup of `book` into its backups folder when the newest is older than `every_days`
/// (0 = never), then keeps only the newest `keep`. Opens its own read-only connection, so it can
/// run on a thread beside the app. Returns the new backup, if one was taken.
pub fn rotate(
    book: &Path,
    now: NaiveDateTime,
    every_days: u32,
    keep: usize,
) -> Result<Option<PathBuf>> {
    if every_days == 0 || !book.exists() {
        return Ok(None);
    }
    let dir = backup_dir(book);
    let existing = list_backups(&dir, book);
    let newest = existing.last().and_then(|p| {
        let name = p.file_stem()?.to_string_lossy().into_owned();
        let stamp = name.get(name.len().checked_sub(15)?..)?.to_string();
        NaiveDateTime::parse_from_str(&stamp, "%Y%m%d-%H%M%S").ok()
    });
    let due = newest.is_none_or(|t| (now - t).num_hours() >= i64::from(every_days) * 24);
    if !due {
        return Ok(None);
    }
    crate::paths::create_private_dir(&dir)?;
    let conn = Connection::open_with_flags(book, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let dest = backup_name(&dir, book, now);
    copy_to(&conn, &dest)?;
    let all = list_backups(&dir, book);
    for old in all.iter().take(all.len().saturating_sub(keep.max(1))) {
        fs::remove_file(old)?;
    }
    Ok(Some(dest))
}

/// Checks a book file without changing it: SQLite's integrity and foreign-key checks, and that
/// it is a fieldbook book this version can read.
pub fn check_file(path: &Path) -> Result<CheckReport> {
    if !path.is_file() {
        return Err(BookError::Invalid(format!(
            "{} is not a file",
            path.display()
        )));
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|_| BookError::Invalid(format!("{} is not a SQLite book", path.display())))?;
    let mut problems = Vec::new();
    if version > LATEST_VERSION {
        problems.push(format!(
            "written by a newer fieldbook (book version {version}, this one reads up to {LATEST_VERSION})"
        ));
    }
    let has_customers: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'customer'",
        [],
        |r| r.get(0),
    )?;
    if version == 0 || !has_customers {
        problems.push("not a fieldbook book (no customer table)".into());
        return Ok(CheckReport {
            version,
            customers: 0,
            interactions: 0,
            open_follow_ups: 0,
            problems,
        });
    }
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    for row in stmt.query_map([], |r| r.get::<_, String>(0))? {
        let line = row?;
        if line != "ok" {
            problems.push(format!("integrity: {line}"));
        }
    }
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let dangling = stmt.query_map([], |r| {
        Ok(format!(
            "a row of {} (rowid {}) points at a missing {}",
            r.get::<_, String>(0)?,
            r.get::<_, Option<i64>>(1)?.unwrap_or(0),
            r.get::<_, String>(2)?
        ))
    })?;
    for d in dangling {
        problems.push(d?);
    }
    let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0));
    Ok(CheckReport {
        version,
        customers: count("SELECT count(*) FROM customer")?,
        interactions: count("SELECT count(*) FROM interaction")?,
        open_follow_ups: count("SELECT count(*) FROM follow_up WHERE done_at IS NULL")?,
        problems,
    })
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
    /// book this version can read. The caller takes a safety backup first.
    pub fn restore_from(&mut self, source: &Path) -> Result<()> {
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
        let name = self
            .path
            .as_ref()
            .map_or(":memory:".to_string(), |p| p.display().to_string());
        migrations::migrate(&mut self.conn, &name)?;
        super::undo::install(&self.conn)
    }
}
