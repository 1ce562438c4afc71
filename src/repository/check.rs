//! `fieldbook check`: what is wrong with a book file, named so a person knows what happened
//! (cut off, damaged pages, rows pointing at nothing), found without writing a byte.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::migrations::LATEST_VERSION;
use super::opening::APPLICATION_ID;
use super::{BookError, Result};

/// What `fieldbook check` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    pub version: i64,
    pub customers: i64,
    pub interactions: i64,
    pub open_follow_ups: i64,
    /// Empty when the book is sound.
    pub problems: Vec<String>,
    /// A fieldbook book that is cut off, has damaged pages or rows pointing at nothing: one
    /// that restore may replace even though it cannot be opened.
    pub damaged: bool,
}

impl CheckReport {
    fn refused(version: i64, problem: String) -> Self {
        CheckReport {
            version,
            customers: 0,
            interactions: 0,
            open_follow_ups: 0,
            problems: vec![problem],
            damaged: false,
        }
    }
}

/// Checks a book file without changing it: that it is a whole fieldbook book this version can
/// read, then SQLite's integrity and foreign-key checks.
pub fn check_file(path: &Path) -> Result<CheckReport> {
    if !path.is_file() {
        return Err(BookError::Invalid(format!(
            "{} is not a file",
            path.display()
        )));
    }
    let mut header = Vec::with_capacity(100);
    fs::File::open(path)?.take(100).read_to_end(&mut header)?;
    if header.is_empty() {
        let why = "the file is empty (0 bytes): the book was lost (a sync tool, a full disk)";
        return Ok(CheckReport::refused(0, why.into()));
    }
    if header.len() < 100 || !header.starts_with(b"SQLite format 3\0") {
        return Ok(CheckReport::refused(0, "not a SQLite database".into()));
    }
    let app_id = i32::from_be_bytes([header[68], header[69], header[70], header[71]]);
    if app_id != 0 && app_id != APPLICATION_ID {
        let why = "another program's database, not a fieldbook book";
        return Ok(CheckReport::refused(0, why.into()));
    }
    if let Some(cut) = truncation(path, &header)? {
        let mut report = CheckReport::refused(0, cut);
        report.damaged = true;
        return Ok(report);
    }
    // Read only, creating nothing beside it: a full disk or a read-only folder still checks.
    let conn = super::opening::open_read_only(path)
        .map_err(|e| BookError::Invalid(format!("{} could not be read: {e}", path.display())))?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|_| BookError::Invalid(format!("{} is not a SQLite book", path.display())))?;
    if version > LATEST_VERSION {
        let why = format!(
            "written by a newer fieldbook (book version {version}, this one reads up to {LATEST_VERSION})"
        );
        return Ok(CheckReport::refused(version, why));
    }
    let has_customers: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'customer'",
        [],
        |r| r.get(0),
    )?;
    if version == 0 || !has_customers {
        let why = "not a fieldbook book (no customer table)";
        return Ok(CheckReport::refused(version, why.into()));
    }
    let mut problems = damaged_pages(&conn);
    problems.extend(dangling_rows(&conn));
    let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap_or(0);
    Ok(CheckReport {
        version,
        customers: count("SELECT count(*) FROM customer"),
        interactions: count("SELECT count(*) FROM interaction"),
        open_follow_ups: count("SELECT count(*) FROM follow_up WHERE done_at IS NULL"),
        damaged: !problems.is_empty(),
        problems,
    })
}

/// A file shorter than its header says: its end was cut off. Only judged when no write-ahead
/// log holds pages the file has not received yet.
fn truncation(path: &Path, header: &[u8]) -> Result<Option<String>> {
    let wal = PathBuf::from(format!("{}-wal", path.display()));
    if fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        return Ok(None);
    }
    let word = |at: usize| {
        u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    // The page count in the header is only valid when written by a recent SQLite.
    let (pages, counter, valid_for) = (word(28), word(24), word(92));
    if pages == 0 || counter != valid_for {
        return Ok(None);
    }
    let needed = u64::from(pages) * page_size;
    let len = fs::metadata(path)?.len();
    Ok((len < needed).then(|| {
        format!(
            "truncated: the file is {len} bytes but the book needs {needed}; its end was cut off (a full disk, an interrupted copy)"
        )
    }))
}

fn damaged_pages(conn: &Connection) -> Vec<String> {
    let lines: rusqlite::Result<Vec<String>> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect());
    match lines {
        Ok(lines) if lines.iter().all(|l| l == "ok") => Vec::new(),
        Ok(lines) => vec![format!(
            "damaged pages: SQLite's integrity check found {} problem(s), the first: {}",
            lines.len(),
            lines[0]
        )],
        Err(e) => vec![format!("damaged pages: SQLite cannot read the book ({e})")],
    }
}

fn dangling_rows(conn: &Connection) -> Vec<String> {
    let rows: rusqlite::Result<Vec<(String, i64, String)>> =
        conn.prepare("PRAGMA foreign_key_check").and_then(|mut s| {
            s.query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get::<_, Option<i64>>(1)?.unwrap_or(0),
                    r.get(2)?,
                ))
            })?
            .collect()
        });
    match rows {
        Ok(rows) if rows.is_empty() => Vec::new(),
        Ok(rows) => {
            let (table, rowid, parent) = &rows[0];
            vec![format!(
                "foreign keys: {} row(s) point at rows that are gone, e.g. a row of {table} (rowid {rowid}) points at a missing {parent}",
                rows.len()
            )]
        }
        Err(e) => vec![format!("foreign keys could not be checked ({e})")],
    }
}
