//! Living beside other fieldbooks on the same book: a command waits while another one writes
//! instead of failing, and the app notices when another one has written.
//!
//! SQLite lets one writer at a time into a book. `open` sets a 5 s busy timeout, enough for
//! the app, which must not sit frozen for long; a command (`fieldbook log` while an import runs)
//! can afford to wait longer, and says so on stderr so nobody thinks it hung.

use std::time::{Duration, Instant};

use super::{Repository, Result};

/// How long a command waits for another writer before it gives up: longer than any import or
/// restore of a real book takes, short enough that a stuck process gets noticed.
pub const WAIT_FOR_WRITER: Duration = Duration::from_secs(30);

/// Said once on stderr when a command starts waiting.
pub const WAITING: &str =
    "fieldbook: the book is busy (another fieldbook is writing); waiting up to 30 s…";

/// Said when the wait ran out; nothing was written.
pub const GAVE_UP: &str = "the book stayed busy (another fieldbook kept writing); nothing was \
     written. Try again when it has finished.";

/// How long to sleep between two looks at the lock: short enough that the wait ends soon
/// after the other writer commits.
const NAP: Duration = Duration::from_millis(25);

impl Repository {
    /// For commands: when another process holds the write lock, say so once on stderr and wait
    /// up to [`WAIT_FOR_WRITER`] before the write fails with [`GAVE_UP`]. Replaces the busy
    /// timeout `open` set.
    pub fn wait_for_other_writers(&mut self) -> Result<()> {
        let mut started: Option<Instant> = None;
        let mut said = false;
        self.conn.busy_handler(Some(move |tries: i32| {
            // SQLite counts the tries of each new wait from zero: a new wait starts the clock.
            // One message per command is enough, however many of its writes wait.
            if tries == 0 || started.is_none() {
                started = Some(Instant::now());
                if !std::mem::replace(&mut said, true) {
                    eprintln!("{WAITING}");
                }
            }
            if started.is_some_and(|s| s.elapsed() >= WAIT_FOR_WRITER) {
                return false;
            }
            std::thread::sleep(NAP);
            true
        }))?;
        Ok(())
    }

    /// A number that changes whenever another connection (another fieldbook, the CLI) has
    /// committed to the book since this one last looked; never for this connection's own writes.
    /// Cheap: no table is read.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }
}

/// Whether `e` is SQLite saying another writer held the book too long.
pub(super) fn is_busy(e: &rusqlite::Error) -> bool {
    e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
}
