//! Reading the whole book off the input path. The first frame is drawn from an indexed query of
//! the first screenful; this thread then ranks tiers (sent ahead, so the first screen's tier
//! column fills in early), reads every list row, builds the search keys, reads the follow-ups
//! and, at the start of a session, works out the birthday reminders due, on its own read-only
//! connection, and hands the result to the event loop. Keys keep flowing meanwhile.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};

use chrono::NaiveDate;

use crate::book::due::SortOrder;
use crate::book::follow_ups::FollowUpKey;
use crate::book::model::{CustomerRow, Interner};
use crate::config::Config;
use crate::repository::{Repository, Result};
use crate::search::CustomerSearch;
use crate::services::customer_list::{self, Ranking};
use crate::services::day_start::{self, CareReminder};

/// The whole book as the list needs it.
pub struct Loaded {
    pub rows: Vec<CustomerRow>,
    /// The rows in attention order on `today` (the list's first order), sorted here rather
    /// than on the input path, and before the follow-ups are read, when there is room for it.
    pub attention: Vec<usize>,
    pub today: NaiveDate,
    pub computed_tiers: Ranking,
    /// The whole book's open follow-ups, each as its place in the list.
    pub follow_ups: Vec<FollowUpKey>,
    pub search: CustomerSearch,
    /// The newest undo step when the read began: a write after it makes the read stale.
    pub as_of_step: i64,
    /// Birthday reminders due to be created (read when asked for; the app writes them).
    pub care: Vec<CareReminder>,
}

/// What the reading thread sends, in this order.
pub enum Progress {
    /// The revenue ranking, read first (a few hundred milliseconds at 100,000 customers, where
    /// the rows take seconds).
    Ranked(Ranking),
    /// The whole book, or why it could not be read.
    Loaded(std::result::Result<Box<Loaded>, String>),
}

pub fn load(repo: &Repository, config: &Config, today: NaiveDate) -> Result<Loaded> {
    load_with(repo, config, today, false, |_| {})
}

/// `load`, telling `ranked` the ranking as soon as it is read, and with the birthday reminders
/// due when `care` asks for them.
fn load_with(
    repo: &Repository,
    config: &Config,
    today: NaiveDate,
    care: bool,
    ranked: impl FnOnce(&Ranking) + Send,
) -> Result<Loaded> {
    let as_of_step = repo.last_step_id()?;
    let mut search = CustomerSearch::default();
    let (computed_tiers, care, mut rows) = std::thread::scope(|s| {
        // The ranking reads every won deal: on a connection of its own, beside the rows (a
        // book in memory has only the one connection, and is small).
        let beside = match repo.path() {
            Some(path) => Ok(s.spawn(move || {
                let ranking = Ranking::read(&Repository::open_reader(path)?, config, today)?;
                ranked(&ranking);
                Ok::<_, crate::repository::BookError>(ranking)
            })),
            None => Err(ranked),
        };
        // Before the rows: every birthday is read, and that costs less room now.
        let care = match care {
            true => day_start::care_reminders(repo, config, today)?,
            false => Vec::new(),
        };
        // Each row's search keys are built as it is read, and then the row drops what only
        // the keys need: the book's phones and e-mails are never all held twice.
        let mut rows = Vec::new();
        let mut interner = Interner::default();
        repo.each_customer_row(|mut row| {
            search.add_row(&row);
            customer_list::keep_listed(std::slice::from_mut(&mut row));
            row.share_repeated(&mut interner);
            rows.push(row);
        })?;
        drop(interner);
        search.finish_adding(&rows);
        let ranking = match beside {
            Ok(thread) => thread.join().expect("the ranking thread")?,
            Err(ranked) => {
                let ranking = Ranking::read(repo, config, today)?;
                ranked(&ranking);
                ranking
            }
        };
        Ok::<_, crate::repository::BookError>((ranking, care, rows))
    })?;
    // What the ranking thread and the row reader freed: glibc keeps it for reuse, but the
    // ranking thread's arena is reused by no one, and the reader's lies in holes below the
    // rows (about 4 MB of the peak at 100,000 customers, for half a millisecond).
    super::give_back_memory();
    customer_list::finish_rows(&mut rows, &computed_tiers, config, today);
    // Collected vectors grow by doubling: give back the slack, a few MB at 100,000 rows.
    rows.shrink_to_fit();
    let attention = customer_list::order(&rows, SortOrder::Attention, today);
    let follow_ups = repo.open_follow_up_keys(None)?;
    Ok(Loaded {
        rows,
        attention,
        today,
        computed_tiers,
        follow_ups,
        search,
        as_of_step,
        care,
    })
}

/// Starts the read on a thread; the receiver gets `Ranked`, then `Loaded` (or only `Loaded`
/// when the read failed before ranking). `care`: work out the birthday reminders due too.
pub fn spawn(path: PathBuf, config: Config, today: NaiveDate, care: bool) -> Receiver<Progress> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let loaded = Repository::open_reader(&path)
            .and_then(|repo| {
                load_with(&repo, &config, today, care, |ranking| {
                    // The app may have quit before the book was read: nobody to tell.
                    let _ = tx.send(Progress::Ranked(ranking.clone()));
                })
            })
            .map(Box::new)
            .map_err(|e| crate::tui::update::said(&e));
        let _ = tx.send(Progress::Loaded(loaded));
    });
    rx
}
