//! The automatic backups: when one is due, and which to keep. Kept are the newest copy of each
//! of the last few days, weeks and months (like `restic forget --keep-daily/weekly/monthly`),
//! never at the cost of the last copy that still had customers.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::{Datelike, NaiveDateTime};
use rusqlite::{Connection, OpenFlags};

use super::Result;
use super::backup::{backup_dir, backup_name, copy_to, list_backups, taken_at};

/// How many automatic backups to keep: the newest of each of the last `daily` days, `weekly`
/// weeks and `monthly` months that have one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    pub daily: usize,
    pub weekly: usize,
    pub monthly: usize,
}

/// A half-written copy older than this belongs to a process that was killed.
const STALE: Duration = Duration::from_secs(10 * 60);

/// Takes a backup of `book` when the newest is older than `every_days` (0 = never), then
/// keeps the newest `keep` days' copies. See [`rotate_with`].
pub fn rotate(
    book: &Path,
    now: NaiveDateTime,
    every_days: u32,
    keep: usize,
) -> Result<Option<PathBuf>> {
    let keep = Retention {
        daily: keep,
        weekly: 0,
        monthly: 0,
    };
    rotate_with(book, now, every_days, keep)
}

/// Takes a backup of `book` into its backups folder when the newest is older than `every_days`
/// (0 = never), then deletes what `keep` does not hold. Opens its own read-only connection, so
/// it can run on a thread beside the app. A backup named in the future (the clock was wrong
/// when it was taken) neither delays the next one nor is deleted. Returns the new backup.
pub fn rotate_with(
    book: &Path,
    now: NaiveDateTime,
    every_days: u32,
    keep: Retention,
) -> Result<Option<PathBuf>> {
    if every_days == 0 || !book.exists() {
        return Ok(None);
    }
    let dir = backup_dir(book);
    let newest = past_backups(&dir, book, now).first().map(|(at, _)| *at);
    let due = newest.is_none_or(|t| (now - t).num_hours() >= i64::from(every_days) * 24);
    if !due {
        return Ok(None);
    }
    crate::paths::create_private_dir(&dir)?;
    let conn = Connection::open_with_flags(book, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let dest = backup_name(&dir, book, now);
    copy_to(&conn, &dest)?;
    for old in to_delete(&past_backups(&dir, book, now), keep) {
        fs::remove_file(&old)?;
        // Left beside copies taken before they were made self-contained (see `copy_to`).
        for side in ["-wal", "-shm"] {
            let mut name = old.clone().into_os_string();
            name.push(side);
            let _ = fs::remove_file(name);
        }
    }
    Ok(Some(dest))
}

/// The backups taken up to `now`, newest first.
fn past_backups(dir: &Path, book: &Path, now: NaiveDateTime) -> Vec<(NaiveDateTime, PathBuf)> {
    let mut past: Vec<(NaiveDateTime, PathBuf)> = list_backups(dir, book)
        .into_iter()
        .filter_map(|p| Some((taken_at(&p, book)?.0, p)))
        .filter(|(at, _)| *at <= now)
        .collect();
    past.reverse();
    past
}

/// The day, week or month a backup falls in.
type Period = fn(&NaiveDateTime) -> (i32, u32);

/// Of `backups` (newest first), those `keep` does not hold.
fn to_delete(backups: &[(NaiveDateTime, PathBuf)], keep: Retention) -> Vec<PathBuf> {
    let mut kept = vec![false; backups.len()];
    let periods: [(usize, Period); 3] = [
        (keep.daily.max(1), |t| (t.year(), t.ordinal())),
        (keep.weekly, |t| (t.iso_week().year(), t.iso_week().week())),
        (keep.monthly, |t| (t.year(), t.month())),
    ];
    for (count, period) in periods {
        let mut seen = HashSet::new();
        for (i, (at, _)) in backups.iter().enumerate() {
            if seen.len() < count && seen.insert(period(at)) {
                kept[i] = true;
            }
        }
    }
    let holds_customers = |p: &Path| customers_in(p) > 0;
    let any_kept_with_customers = backups
        .iter()
        .zip(&kept)
        .any(|((_, p), k)| *k && holds_customers(p));
    if !any_kept_with_customers {
        // Days of an emptied book must not push out the last copy of the customers.
        if let Some(i) = (0..backups.len()).find(|&i| !kept[i] && holds_customers(&backups[i].1)) {
            kept[i] = true;
        }
    }
    backups
        .iter()
        .zip(kept)
        .filter(|(_, k)| !k)
        .map(|((_, p), _)| p.clone())
        .collect()
}

fn customers_in(backup: &Path) -> i64 {
    Connection::open_with_flags(backup, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .and_then(|c| c.query_row("SELECT count(*) FROM customer", [], |r| r.get(0)))
        .unwrap_or(0)
}

/// How the copies an import is prepared in are named beside the book (`.book.sqlite3.import-
/// XXXXXX.partial`): hidden, and found again by `remove_stale_partials` after a kill.
pub(super) fn import_copy_prefix(book: &Path) -> String {
    let name = book
        .file_name()
        .map_or("book".into(), |n| n.to_string_lossy().into_owned());
    format!(".{name}.import-")
}

/// Removes half-written copies left by a killed backup, restore or import (`*.partial` in the
/// backups folder, the book's `.restore.partial`, an import's copy beside the book). Young
/// ones may belong to a fieldbook running now.
pub fn remove_stale_partials(book: &Path) {
    let dir = backup_dir(book);
    // Only names this book's copies get: a backups folder may hold other things.
    let ours = |p: &Path| {
        p.extension().is_some_and(|e| e == "partial")
            && taken_at(&p.with_extension("sqlite3"), book).is_some()
    };
    let partials = fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| ours(p))
        .chain([super::restore::partial_path(book)])
        .chain(import_copies(book));
    for partial in partials {
        let age = fs::metadata(&partial)
            .and_then(|m| m.modified())
            .map(|t| SystemTime::now().duration_since(t).unwrap_or_default());
        if age.is_ok_and(|a| a >= STALE) {
            let _ = fs::remove_file(&partial);
        }
    }
}

/// The copies imports were prepared in beside `book`.
fn import_copies(book: &Path) -> Vec<PathBuf> {
    let prefix = import_copy_prefix(book);
    let dir = match book.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".partial"))
        })
        .collect()
}
