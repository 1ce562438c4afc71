//! Following the book while other fieldbooks write it: `fieldbook log` from a shell shows up in
//! the open app within a second, without a key.
//!
//! SQLite's `data_version` moves whenever another connection commits; the event loop asks for
//! it when it wakes, at most every [`LOOK_EVERY`]. A change starts the same read the app makes
//! at start, on the loader thread with its own connection, so even at 100,000 customers keys
//! keep flowing while it runs; the result is installed keeping the selection, the filter and
//! whatever is open. One read at a time: writes that land during it are caught by the next
//! look. Reading only the rows that changed would need every writer to mark them (a logged
//! call moves no `updated_at`, a follow-up touches no customer); one background read is
//! simpler and always right.

use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

use super::action::Action;
use super::loader::{self, Loaded, Progress};
use super::state::State;
use super::update;
use crate::repository::Repository;

/// How often the book is asked whether another fieldbook wrote it: a query of a few
/// microseconds, so four times a second costs nothing and feels immediate.
pub const LOOK_EVERY: Duration = Duration::from_millis(250);

/// The book's `data_version` as last read in, and a read in flight.
pub struct Follower {
    seen: Option<i64>,
    looked: Instant,
    reading: Option<Receiver<Progress>>,
}

impl Follower {
    pub fn new(repo: &Repository) -> Self {
        Follower {
            seen: repo.data_version().ok(),
            looked: Instant::now(),
            reading: None,
        }
    }

    /// A read is in flight: the event loop wakes often to take it in.
    pub fn reading(&self) -> bool {
        self.reading.is_some()
    }

    /// Takes in a finished read, or looks whether the book changed and starts one. True when
    /// the screen changed and wants drawing.
    pub fn tick(&mut self, repo: &mut Repository, state: &mut State) -> bool {
        if let Some(rx) = &self.reading {
            return match rx.try_recv() {
                Err(TryRecvError::Empty) => false,
                Err(TryRecvError::Disconnected) => {
                    // The read died without a word: wait for the next write rather than try
                    // again and again.
                    self.reading = None;
                    false
                }
                // Tiers come with the whole read; nothing to show before it.
                Ok(Progress::Ranked(_)) => false,
                Ok(Progress::Loaded(read)) => {
                    self.reading = None;
                    self.take_in(read.map(|l| *l), repo, state)
                }
            };
        }
        if self.looked.elapsed() < LOOK_EVERY {
            return false;
        }
        self.looked = Instant::now();
        let version = repo.data_version().ok();
        if version.is_none() || version == self.seen {
            return false;
        }
        self.seen = version;
        match repo.path() {
            Some(path) => {
                let path = path.to_path_buf();
                self.reading = Some(loader::spawn(
                    path,
                    state.config.clone(),
                    state.today,
                    false,
                ));
                false
            }
            None => {
                update::update(state, repo, Action::BookChanged);
                true
            }
        }
    }

    fn take_in(
        &mut self,
        read: Result<Loaded, String>,
        repo: &mut Repository,
        state: &mut State,
    ) -> bool {
        match read {
            // This app wrote while the read ran: what it shows is newer than the read. Read
            // again at the next look rather than show the older rows.
            Ok(loaded) if repo.last_step_id().ok() != Some(loaded.as_of_step) => {
                self.seen = None;
                false
            }
            Ok(loaded) => {
                update::update_with(state, repo, |s, r| update::reading::follow(s, loaded, r));
                true
            }
            Err(e) => {
                state.error(t!(
                    "status-reread-failed",
                    why = crate::safe_text::line(&e).into_owned()
                ));
                true
            }
        }
    }
}
