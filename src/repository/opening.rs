//! What is at the book's path, decided before fieldbook writes a byte: a fieldbook book (or
//! nothing yet) is opened; another program's database, a file that is not SQLite at all, or an
//! emptied book that has backups beside it is refused and left exactly as it was.

use std::fs;
use std::io::Read;
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::backup::{backup_dir, list_backups};
use super::{BookError, Result};

/// `PRAGMA application_id` of every fieldbook book: "FBK1". Books made before it was set have
/// 0 and are recognised by their tables instead (the migration stamps them).
pub const APPLICATION_ID: i32 = 0x4642_4B31;

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Refuses, without writing anything, what must not be opened as a book at `path`.
pub(super) fn refuse_foreign(path: &Path) -> Result<()> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    if !meta.is_file() {
        return Err(refusal(path, &crate::t!("opening-not-a-file")));
    }
    if meta.len() == 0 {
        return refuse_emptied(path);
    }
    let mut header = [0u8; 100];
    let read = fs::File::open(path)?.read(&mut header)?;
    if read < header.len() || &header[..16] != SQLITE_MAGIC {
        return Err(refusal(path, &crate::t!("opening-not-sqlite")));
    }
    let app_id = i32::from_be_bytes([header[68], header[69], header[70], header[71]]);
    match app_id {
        APPLICATION_ID => Ok(()),
        0 => refuse_unless_old_book(path),
        _ => Err(refusal(path, &crate::t!("opening-foreign"))),
    }
}

/// A book from before the application id: it has fieldbook's tables and a schema version. A
/// database with no tables at all is a first open that was interrupted, and is taken as new.
fn refuse_unless_old_book(path: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    // Another process may be creating this very book: wait for its write to end.
    conn.busy_timeout(Duration::from_secs(10))?;
    // One statement, so one snapshot: read apart, the version could come from before that
    // process's first write and the tables from after it (a book refused as foreign).
    let (version, tables, ours): (i64, i64, i64) = conn.query_row(
        "SELECT (SELECT user_version FROM pragma_user_version), count(*),
                count(*) FILTER (WHERE name IN ('customer', 'interaction'))
           FROM sqlite_master WHERE type = 'table'",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    if (version > 0 && ours == 2) || (version == 0 && tables == 0) {
        Ok(())
    } else {
        Err(refusal(path, &crate::t!("opening-foreign")))
    }
}

/// A 0-byte book is new, unless backups sit beside it: then the book was most likely lost (a
/// sync tool, a full disk), and starting an empty one over it would bury the way back.
fn refuse_emptied(path: &Path) -> Result<()> {
    let backups = list_backups(&backup_dir(path), path);
    let Some(newest) = backups.last() else {
        return Ok(());
    };
    let listed: Vec<String> = backups
        .iter()
        .rev()
        .take(3)
        .map(|b| format!("  {}", b.display()))
        .collect();
    Err(BookError::Invalid(crate::t!(
        "opening-emptied",
        path = path.display().to_string(),
        backups = listed.join("\n"),
        newest = newest.display().to_string()
    )))
}

/// `what` is said already: `opening-foreign`...
fn refusal(path: &Path, what: &str) -> BookError {
    let path = path.display().to_string();
    BookError::Invalid(crate::t!("opening-refused", path = path, what = what))
}

/// `path` as a `file:` URI SQLite reads back to the same path.
fn file_uri(path: &Path, query: &str) -> Result<String> {
    let text = path.to_str().ok_or_else(|| {
        let path = path.display().to_string();
        BookError::Invalid(crate::t!("path-not-utf8", path = path))
    })?;
    let escaped = text
        .replace('%', "%25")
        .replace('?', "%3f")
        .replace('#', "%23");
    Ok(format!("file:{escaped}?{query}"))
}

/// Opens the file at `path` only to read it, creating nothing beside it. Through SQLite's
/// read-only mode first, which reads the write-ahead log too; that needs the log's index
/// (`-shm`), which a full disk or a read-only folder may not let SQLite create. Then as an
/// immutable file, which reads the file alone: the whole book, unless a log holds changes
/// not yet in it, in which case this refuses rather than show an older book.
pub(super) fn open_read_only(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    // SQLite opens lazily: a first read says whether it can.
    let opened = |query: &str| -> Result<Connection> {
        let conn = Connection::open_with_flags(file_uri(path, query)?, flags)?;
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))?;
        Ok(conn)
    };
    let first = match opened("mode=ro") {
        Ok(conn) => return Ok(conn),
        Err(e) => e,
    };
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    if fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        return Err(first);
    }
    opened("mode=ro&immutable=1")
}
