//! The only code that speaks SQL. Every user action is one transaction; reads return domain types.

mod accounts;
pub mod backup;
pub mod bulk;
mod care;
mod check;
mod customer_columns;
mod customers;
mod due_sections;
mod edits;
mod first_screen;
mod follow_ups;
mod gate;
mod history;
mod ids;
pub mod import;
mod migrations;
mod morning_reads;
pub mod notes;
mod opening;
mod other_writers;
mod read_back;
mod report_reads;
pub mod restore;
mod revenue;
mod rotation;
mod search_index;
mod sql_text;
mod twins;
mod undo;

pub use due_sections::DuePage;
pub use edits::Guarded;
pub use migrations::{LATEST_VERSION, MIGRATIONS};
pub use morning_reads::{Quiet, revenue_of};
pub use opening::APPLICATION_ID;
pub use other_writers::{GAVE_UP, WAIT_FOR_WRITER, WAITING};
pub use revenue::RevenueRanking;
pub use search_index::{Among, Standing as StandingFacts};
pub use undo::UndoStep;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{Local, NaiveDateTime, Timelike};
use rusqlite::{Connection, ErrorCode};

/// Why the book could not do what was asked.
#[derive(Debug)]
pub enum BookError {
    Sqlite(rusqlite::Error),
    Io(std::io::Error),
    /// The book was written by a newer fieldbook; it is left untouched.
    TooNew {
        path: String,
        found: i64,
        supported: i64,
    },
    /// A rule the book keeps (an empty name, a missing row).
    Invalid(String),
}

impl BookError {
    /// The disk being written (the book's, or a copy's) is full.
    pub fn is_disk_full(&self) -> bool {
        match self {
            BookError::Sqlite(e) => e.sqlite_error_code() == Some(ErrorCode::DiskFull),
            BookError::Io(e) => e.kind() == std::io::ErrorKind::StorageFull,
            _ => false,
        }
    }

    /// Another fieldbook kept the book busy past the wait.
    pub fn is_busy(&self) -> bool {
        matches!(self, BookError::Sqlite(e) if other_writers::is_busy(e))
    }
}

impl std::fmt::Display for BookError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            // In the language spoken; the English is DISK_FULL's and GAVE_UP's word for word.
            _ if self.is_disk_full() => f.write_str(&crate::t!("error-disk-full")),
            BookError::Sqlite(e) if other_writers::is_busy(e) => {
                f.write_str(&crate::t!("error-book-busy"))
            }
            BookError::Sqlite(e) => {
                let why = e.to_string();
                f.write_str(&crate::t!("error-book-unreadable", why = why))
            }
            BookError::Io(e) => f.write_str(&crate::i18n::io_error(e)),
            BookError::TooNew {
                path,
                found,
                supported,
            } => f.write_str(&crate::t!(
                "error-book-too-new",
                path = path.as_str(),
                found = *found,
                supported = *supported
            )),
            BookError::Invalid(why) => f.write_str(why),
        }
    }
}

/// See `Repository::keep_app_page_cache`.
pub const APP_PAGE_CACHE_KIB: u32 = 512;

/// What a full disk means for the person at the keyboard; the command line adds the space left.
pub const DISK_FULL: &str =
    "disk full: nothing of this change was written; free some space and try again";

impl std::error::Error for BookError {}

impl From<rusqlite::Error> for BookError {
    fn from(e: rusqlite::Error) -> Self {
        BookError::Sqlite(e)
    }
}

impl From<std::io::Error> for BookError {
    fn from(e: std::io::Error) -> Self {
        BookError::Io(e)
    }
}

pub type Result<T, E = BookError> = std::result::Result<T, E>;

/// A customer book on disk (or in memory for tests).
pub struct Repository {
    conn: Connection,
    path: Option<PathBuf>,
    clock: fn() -> NaiveDateTime,
    /// Undo's recording on this connection: set by the first write a person does (a step).
    undo: Option<undo::Undo>,
}

fn local_now() -> NaiveDateTime {
    let now = Local::now().naive_local();
    now.with_nanosecond(0).unwrap_or(now)
}

impl Repository {
    /// Opens (creating if needed) the book at `path`, private to this user, and brings its schema
    /// up to date. A book from a newer fieldbook, another program's database, a file that is
    /// not SQLite, or an emptied book with backups beside it is refused unchanged.
    pub fn open(path: &Path) -> Result<Self> {
        // Several fieldbooks opening one new book at once: switching it to WAL can meet another
        // opener mid-switch and hear "busy" without waiting. A moment later it settles.
        let mut tries = 0;
        loop {
            match Self::open_once(path) {
                Err(BookError::Sqlite(e)) if other_writers::is_busy(&e) && tries < 40 => {
                    tries += 1;
                    std::thread::sleep(Duration::from_millis(50));
                }
                result => return result,
            }
        }
    }

    fn open_once(path: &Path) -> Result<Self> {
        opening::refuse_foreign(path)?;
        crate::paths::create_private_file(path)?;
        let conn = Connection::open(path)?;
        // Before anything writes (even switching to WAL changes the header): refuse a newer book.
        migrations::refuse_newer(&conn, &path.display().to_string())?;
        Self::configure(&conn)?;
        let mut repo = Repository {
            conn,
            path: Some(path.to_path_buf()),
            clock: local_now,
            undo: None,
        };
        migrations::migrate(&mut repo.conn, &path.display().to_string())?;
        Ok(repo)
    }

    /// Opens the book only to read it, for commands that only read (`today`, `show`, `find`,
    /// `export`, `backup`) when `open` fails because the book cannot be written: a full disk,
    /// a read-only folder or file. Nothing is created, switched to WAL or upgraded: a book
    /// that needs upgrading is refused.
    pub fn open_to_read(path: &Path) -> Result<Self> {
        opening::refuse_foreign(path)?;
        if !path.is_file() {
            let path = path.display().to_string();
            return Err(BookError::Invalid(crate::t!(
                "book-does-not-exist",
                path = path
            )));
        }
        let conn = opening::open_read_only(path)?;
        let version = migrations::refuse_newer(&conn, &path.display().to_string())?;
        if version != LATEST_VERSION {
            let path = path.display().to_string();
            return Err(BookError::Invalid(crate::t!(
                "book-older-needs-writable",
                path = path
            )));
        }
        conn.busy_timeout(Duration::from_secs(5))?;
        notes::register(&conn)?;
        Ok(Repository {
            conn,
            path: Some(path.to_path_buf()),
            clock: local_now,
            undo: None,
        })
    }

    /// A second, read-only connection to a book already opened (and migrated) by `open`: for
    /// reading the whole book on a thread while the app draws and takes keys.
    pub fn open_reader(path: &Path) -> Result<Self> {
        let conn = Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(Duration::from_secs(5))?;
        // It reads the book once, front to back: SQLite's 2 MB page cache would save it nothing
        // and sit full at the app's peak, beside every list row.
        conn.execute_batch("PRAGMA cache_size = -256")?;
        notes::register(&conn)?;
        Ok(Repository {
            conn,
            path: Some(path.to_path_buf()),
            clock: local_now,
            undo: None,
        })
    }

    /// An empty book that lives only as long as the value: for tests and benchmarks.
    pub fn open_in_memory() -> Result<Self> {
        let conn = Connection::open_in_memory()?;
        Self::configure(&conn)?;
        let mut repo = Repository {
            conn,
            path: None,
            clock: local_now,
            undo: None,
        };
        migrations::migrate(&mut repo.conn, ":memory:")?;
        Ok(repo)
    }

    fn configure(conn: &Connection) -> Result<()> {
        conn.busy_timeout(Duration::from_secs(5))?;
        notes::register(conn)?;
        // WAL keeps readers and the writer apart; FULL makes a logged call survive a power cut.
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")?;
        Ok(())
    }

    /// Makes timestamps (created/updated) come from `clock`: tests pin it.
    pub fn set_clock(&mut self, clock: fn() -> NaiveDateTime) {
        self.clock = clock;
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The app's connection keeps a page cache of `APP_PAGE_CACHE_KIB` rather than SQLite's
    /// 2 MB: the app holds its whole list in memory, and what it reads from the book (a
    /// customer's history, a page of notes search) is a few pages an action, which the
    /// system's file cache serves again at once when they were dropped here.
    pub fn keep_app_page_cache(&self) -> Result<()> {
        self.conn
            .execute_batch(&format!("PRAGMA cache_size = -{APP_PAGE_CACHE_KIB}"))?;
        Ok(())
    }

    fn now(&self) -> NaiveDateTime {
        (self.clock)()
    }

    /// The schema version of the open book.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Runs SQLite's own integrity check; `Ok(())` when the book is sound.
    pub fn integrity_check(&self) -> Result<()> {
        let verdict: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if verdict == "ok" {
            Ok(())
        } else {
            Err(BookError::Invalid(format!(
                "integrity check failed: {verdict}"
            )))
        }
    }
}

#[cfg(test)]
mod page_cache_tests {
    use super::*;

    #[test]
    fn the_apps_connection_keeps_a_small_page_cache() {
        let dir = tempfile::tempdir().expect("a folder");
        let repo = Repository::open(&dir.path().join("book.sqlite3")).expect("a book");
        let size = |repo: &Repository| -> i64 {
            repo.conn
                .query_row("PRAGMA cache_size", [], |r| r.get(0))
                .expect("cache_size")
        };
        assert_eq!(size(&repo), -2000, "SQLite's default until the app asks");
        repo.keep_app_page_cache().expect("set");
        assert_eq!(size(&repo), -i64::from(APP_PAGE_CACHE_KIB));
    }
}
