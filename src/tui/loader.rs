//! Reading the whole book off the input path. The first frame is drawn from an indexed query of
//! the first screenful; this thread then reads every list row, ranks tiers, builds the search
//! keys and reads the follow-ups, on its own read-only connection, and hands the result to the
//! event loop. Keys keep flowing meanwhile.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};

use chrono::NaiveDate;

use crate::book::model::{CustomerRow, FollowUp};
use crate::config::Config;
use crate::repository::{Repository, Result};
use crate::search::CustomerSearch;
use crate::services::customer_list::Ranking;

/// The whole book as the list needs it.
pub struct Loaded {
    pub rows: Vec<CustomerRow>,
    pub computed_tiers: Ranking,
    pub follow_ups: Vec<FollowUp>,
    pub search: CustomerSearch,
    /// The newest undo step when the read began: a write after it makes the read stale.
    pub as_of_step: i64,
}

pub fn load(repo: &Repository, config: &Config, today: NaiveDate) -> Result<Loaded> {
    let as_of_step = repo.last_step_id()?;
    let (mut rows, computed_tiers) = crate::services::customer_list::read(repo, config, today)?;
    let mut follow_ups = repo.open_follow_ups(None)?;
    // Collected vectors grow by doubling: give back the slack, a few MB at 100,000 rows.
    rows.shrink_to_fit();
    follow_ups.shrink_to_fit();
    let search = CustomerSearch::new(&rows);
    Ok(Loaded {
        rows,
        computed_tiers,
        follow_ups,
        search,
        as_of_step,
    })
}

/// Starts the read on a thread; the receiver gets one message.
pub fn spawn(
    path: PathBuf,
    config: Config,
    today: NaiveDate,
) -> Receiver<std::result::Result<Loaded, String>> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let loaded = Repository::open_reader(&path)
            .and_then(|repo| load(&repo, &config, today))
            .map_err(|e| e.to_string());
        // The app may have quit before the book was read: nobody to tell.
        let _ = tx.send(loaded);
    });
    rx
}
