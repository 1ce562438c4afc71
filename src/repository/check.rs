//! `fieldbook check`: what is wrong with a book file, named so a person knows what happened
//! (cut off, damaged pages, rows pointing at nothing), found without writing a byte. Said in
//! the language spoken; `check --json` asks in English.

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
        let path = path.display().to_string();
        return Err(BookError::Invalid(t!("check-not-a-file", path = path)));
    }
    let mut header = Vec::with_capacity(100);
    fs::File::open(path)?.take(100).read_to_end(&mut header)?;
    if header.is_empty() {
        return Ok(CheckReport::refused(0, t!("check-empty")));
    }
    if header.len() < 100 || !header.starts_with(b"SQLite format 3\0") {
        return Ok(CheckReport::refused(0, t!("check-not-sqlite")));
    }
    let app_id = i32::from_be_bytes([header[68], header[69], header[70], header[71]]);
    if app_id != 0 && app_id != APPLICATION_ID {
        return Ok(CheckReport::refused(0, t!("check-foreign")));
    }
    if let Some(cut) = truncation(path, &header)? {
        let mut report = CheckReport::refused(0, cut);
        report.damaged = true;
        return Ok(report);
    }
    // Read only, creating nothing beside it: a full disk or a read-only folder still checks.
    let shown = path.display().to_string();
    let conn = super::opening::open_read_only(path).map_err(|e| {
        let error = e.to_string();
        BookError::Invalid(t!("check-unreadable", path = shown.as_str(), error = error))
    })?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|_| BookError::Invalid(t!("check-not-sqlite-book", path = shown.as_str())))?;
    if version > LATEST_VERSION {
        let why = t!(
            "check-newer",
            version = version.to_string(),
            latest = LATEST_VERSION.to_string()
        );
        return Ok(CheckReport::refused(version, why));
    }
    let has_customers: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'customer'",
        [],
        |r| r.get(0),
    )?;
    if version == 0 || !has_customers {
        return Ok(CheckReport::refused(version, t!("check-not-fieldbook")));
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
        t!(
            "check-truncated",
            len = len.to_string(),
            needed = needed.to_string()
        )
    }))
}

fn damaged_pages(conn: &Connection) -> Vec<String> {
    let lines: rusqlite::Result<Vec<String>> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect());
    match lines {
        Ok(lines) if lines.iter().all(|l| l == "ok") => Vec::new(),
        Ok(lines) => vec![t!(
            "check-damaged",
            count = lines.len().to_string(),
            first = lines[0].as_str()
        )],
        Err(e) => vec![t!("check-damaged-unreadable", error = e.to_string())],
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
            vec![t!(
                "check-dangling",
                count = rows.len().to_string(),
                table = table.as_str(),
                rowid = rowid.to_string(),
                parent = parent.as_str()
            )]
        }
        Err(e) => vec![t!("check-keys-unchecked", error = e.to_string())],
    }
}
