//! Restoring a backup atomically: the replacement is prepared completely beside the book (copied,
//! migrated, checked, read back through the app's own readers) and only then renamed over it.
//! Any failure, or a kill at any moment, leaves the current book as it was.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, MAIN_DB, OpenFlags, OptionalExtension};

use super::backup::{CheckReport, check_file};
use super::{BookError, Repository, Result, migrations, notes};

/// Where the replacement is prepared: beside the book, so the rename stays on one file system.
pub fn partial_path(book: &Path) -> PathBuf {
    let name = book
        .file_name()
        .map_or("book".into(), |n| n.to_string_lossy().into_owned());
    book.with_file_name(format!("{name}.restore.partial"))
}

/// Replaces the (closed) book at `book` with `source`. `undo_of` is the id of the book being
/// replaced: the copy's undo steps are kept only when it is a copy of that same book, since
/// another book's steps name rows that mean something else here.
pub fn restore_book(book: &Path, source: &Path, undo_of: Option<&str>) -> Result<CheckReport> {
    let report = check_file(source)?;
    if !report.problems.is_empty() {
        return Err(BookError::Invalid(format!(
            "{} was not restored: {}",
            source.display(),
            report.problems.join("; ")
        )));
    }
    let partial = partial_path(book);
    let done = prepare(source, &partial, undo_of).and_then(|()| swap_in(&partial, book));
    if done.is_err() {
        let _ = fs::remove_file(&partial);
        let _ = fs::remove_file(partial.with_extension("partial-journal"));
    }
    done.map(|()| report)
}

/// The id `book_meta` gives this book (books from before it have none).
pub(super) fn book_id(conn: &Connection) -> Option<String> {
    conn.query_row(
        "SELECT value FROM book_meta WHERE key = 'book_id'",
        [],
        |r| r.get(0),
    )
    .optional()
    .ok()
    .flatten()
}

fn prepare(source: &Path, partial: &Path, undo_of: Option<&str>) -> Result<()> {
    let _ = fs::remove_file(partial);
    crate::paths::create_private_file(partial)?;
    {
        let from = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        from.backup(MAIN_DB, partial, None::<fn(rusqlite::backup::Progress)>)?;
    }
    let mut conn = Connection::open(partial)?;
    notes::register(&conn)?;
    // One self-contained file: a write-ahead log beside it would be left behind by the rename.
    let _mode: String = conn.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
    conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")?;
    migrations::migrate(&mut conn, &source.display().to_string())?;
    if undo_of.is_none() || book_id(&conn).as_deref() != undo_of {
        conn.execute_batch("DELETE FROM undo_log; DELETE FROM undo_step;")?;
    }
    conn.close().map_err(|(_, e)| e)?;
    let checked = check_file(partial)?;
    if !checked.problems.is_empty() {
        return Err(BookError::Invalid(format!(
            "{} was not restored: after upgrading it, {}",
            source.display(),
            checked.problems.join("; ")
        )));
    }
    read_back(partial).map_err(|e| {
        BookError::Invalid(format!(
            "{} was not restored: fieldbook cannot read it back ({e})",
            source.display()
        ))
    })?;
    fs::File::open(partial)?.sync_all()?;
    Ok(())
}

/// Reads the whole replacement the way the app will (`read_back`), and every customer's own
/// screens. A value the app cannot read fails here, not on the first screen.
fn read_back(partial: &Path) -> Result<()> {
    let repo = Repository::open_reader(partial)?;
    repo.read_back().map_err(BookError::Invalid)?;
    let mut rows = repo.customer_rows()?;
    rows.extend(repo.archived_rows()?);
    for row in &rows {
        repo.customer(row.id)?;
        repo.contacts(row.id)?;
        repo.history(row.id, usize::MAX >> 1, 0)?;
    }
    repo.open_follow_ups(None)?;
    Ok(())
}

fn swap_in(partial: &Path, book: &Path) -> Result<()> {
    let wal = sidecar(book, "-wal");
    // A log left by a fieldbook that still has the book open would be replayed onto the new
    // file: refuse rather than mix two books.
    if fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        return Err(BookError::Invalid(format!(
            "{} is open in another fieldbook: close it, then restore again",
            book.display()
        )));
    }
    fs::rename(partial, book)?;
    if let Some(dir) = book.parent().filter(|d| !d.as_os_str().is_empty()) {
        // The rename itself must survive a power cut.
        fs::File::open(dir)?.sync_all()?;
    }
    Ok(())
}

fn sidecar(book: &Path, suffix: &str) -> PathBuf {
    let mut name = book.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
