//! Reading the book for the screen: the first view, the first screen of a big book, the whole
//! book read on the loader thread, everything again after a broad write, just the one customer
//! a save touched, the selected customer in full. Each reads through the repository and hands
//! the data to `State`, which does no I/O of its own.

use chrono::NaiveDateTime;

use crate::book::model::CustomerId;
use crate::config::Config;
use crate::repository::{Repository, Result};
use crate::services::account::Account;
use crate::services::customer_list::{self, Ranking};
use crate::services::day_start::CareReminder;
use crate::tui::loader::Loaded;
use crate::tui::state::{Detail, FollowUpScope, HISTORY_PAGE, State};

/// Loads the book's first view with the default settings.
pub fn load(repo: &Repository, now: NaiveDateTime, book_name: &str) -> Result<State> {
    load_with(repo, now, book_name, Config::default())
}

/// Loads the book's first view: all customers, attention order, the first one selected.
pub fn load_with(
    repo: &Repository,
    now: NaiveDateTime,
    book_name: &str,
    config: Config,
) -> Result<State> {
    let mut state = State::new(now, book_name, config);
    reload(&mut state, repo)?;
    Ok(state)
}

/// How many rows and follow-ups the first screen reads (at least; a day is never cut):
/// a few screenfuls, so paging down works before the whole book is in.
const FIRST_ROWS: usize = 200;
const FIRST_FOLLOW_UPS: usize = 200;

/// The first screen of a big book, from indexed queries only: what is overdue and due
/// today, the earliest follow-ups, and the first customer. `ranked` brings in the tiers,
/// `install` the rest.
pub fn first_screen(
    repo: &Repository,
    now: NaiveDateTime,
    book_name: &str,
    config: Config,
) -> Result<State> {
    let mut state = State::new(now, book_name, config);
    let rows = repo.attention_top(state.today, FIRST_ROWS)?;
    state.put_first_rows(rows, repo.first_follow_ups(FIRST_FOLLOW_UPS)?);
    load_detail(&mut state, repo)?;
    Ok(state)
}

/// The revenue ranking, read ahead of the rows: the first screen's rows get their computed
/// tiers, and the selected customer's profile its tier and stage.
pub fn ranked(state: &mut State, ranking: Ranking, repo: &Repository) -> Result<()> {
    state.put_ranking(ranking);
    load_detail(state, repo)
}

/// `install`, then the birthday reminders the read found due are written (here, on the
/// app's own connection: a write from the reading thread would look like another
/// fieldbook's) and the customers they are for read again. A failed reminder only says so.
pub fn install_all(state: &mut State, mut loaded: Loaded, repo: &mut Repository) -> Result<()> {
    let care = std::mem::take(&mut loaded.care);
    install(state, loaded, repo)?;
    if let Err(e) = add_care(state, repo, &care) {
        state.error(t!(
            "status-birthday-reminders-failed",
            why = crate::safe_text::line(&super::said(&e)).into_owned()
        ));
    }
    Ok(())
}

fn add_care(state: &mut State, repo: &mut Repository, care: &[CareReminder]) -> Result<()> {
    if care.is_empty() || repo.create_care_reminders(care)? == 0 {
        return Ok(());
    }
    let mut ids: Vec<CustomerId> = care.iter().map(|(id, ..)| *id).collect();
    ids.sort_unstable();
    ids.dedup();
    refresh_customers(state, repo, &ids)
}

/// Several customers' rows and follow-ups read again at once (a day's birthday reminders),
/// with one sort of the list rather than one per customer.
fn refresh_customers(state: &mut State, repo: &Repository, ids: &[CustomerId]) -> Result<()> {
    let mut rows = Vec::with_capacity(ids.len());
    let mut follow_ups = Vec::new();
    for &id in ids {
        rows.extend(repo.customer_row(id)?);
        if state.follow_up_scope == FollowUpScope::WholeBook {
            follow_ups.extend(repo.open_follow_ups(Some(id))?);
        }
    }
    state.put_changed_rows(rows);
    match state.follow_up_scope {
        FollowUpScope::WholeBook => state.put_customers_follow_ups(ids, follow_ups),
        FollowUpScope::SelectedCustomer => load_follow_ups(state, repo)?,
    }
    load_detail(state, repo)
}

/// Brings in the whole book read by the loader, keeping the filter, the selection, the
/// focus and whatever is open. A write made while it was read makes it stale: then the
/// book is read again here.
pub fn install(state: &mut State, loaded: Loaded, repo: &Repository) -> Result<()> {
    state.loading = false;
    if loaded.as_of_step != repo.last_step_id()? {
        reload(state, repo)?;
    } else {
        state.put_loaded(loaded);
        fill_follow_ups(state, repo)?;
        load_detail(state, repo)?;
    }
    // A review opened while the book was read has its going-cold part to choose.
    super::reviewing::follow_book(state, repo).map(drop)
}

/// The book read again after another fieldbook wrote it (`loaded` from the loader thread, as
/// at start): the rows, the header's counts, the follow-ups, the selected customer in full and
/// the review's marks and item on screen. The selection, the filter, the focus, the screen and any open
/// form stay as they are; an edit form checks for changes made meanwhile when it saves.
pub fn follow(state: &mut State, loaded: Loaded, repo: &Repository) -> Result<()> {
    state.put_loaded(loaded);
    fill_follow_ups(state, repo)?;
    load_detail(state, repo)?;
    load_more_history(state, repo)?;
    super::reviewing::follow_book(state, repo).map(drop)
}

/// `follow`, reading the book here rather than on a thread: for a book the app cannot hand to
/// the loader (in memory) and for tests.
pub fn follow_now(state: &mut State, repo: &Repository) -> Result<()> {
    let loaded = crate::tui::loader::load(repo, &state.config, state.today)?;
    follow(state, loaded, repo)
}

/// Re-reads the list, the selected customer and follow-ups, keeping the selection on the same
/// customer where it still exists.
pub fn reload(state: &mut State, repo: &Repository) -> Result<()> {
    let (rows, ranking) = customer_list::read(repo, &state.config, state.today)?;
    state.put_rows(rows, ranking);
    load_detail(state, repo)?;
    load_follow_ups(state, repo)
}

/// After a write that touched one customer (a log, a follow-up, a deal, an edit): that
/// customer's row and follow-ups are read again, not the whole book, so saving stays quick
/// in a book of 100,000. `ranking` says deals changed, so tiers are ranked again.
pub fn refresh_customer(
    state: &mut State,
    repo: &Repository,
    id: CustomerId,
    ranking: bool,
) -> Result<()> {
    let tiers = match ranking {
        true => Some(Ranking::read(repo, &state.config, state.today)?),
        false => {
            // A stage set by hand changes who is lost, and the lost are never going cold.
            state.computed_tiers.reread_stage(repo, id, state.today)?;
            None
        }
    };
    match repo.customer_row(id)? {
        Some(row) => state.put_row(row, tiers),
        // Archived: out of the list.
        None => {
            state.remove_row(id);
            if let Some(tiers) = tiers {
                state.put_ranking(tiers);
            }
        }
    }
    load_detail(state, repo)?;
    match state.follow_up_scope {
        FollowUpScope::WholeBook => {
            state.put_customer_follow_ups(id, repo.open_follow_ups(Some(id))?);
            Ok(())
        }
        FollowUpScope::SelectedCustomer => load_follow_ups(state, repo),
    }
}

/// Reads the selected customer in full (and, when the follow-ups pane shows only theirs, their
/// follow-ups).
pub fn load_detail(state: &mut State, repo: &Repository) -> Result<()> {
    let Some(id) = state.selected_id() else {
        state.detail = None;
        return Ok(());
    };
    if state.detail.as_ref().is_none_or(|d| d.customer.id != id) {
        state.history_scroll = 0;
        state.profile_scroll.offset = 0;
        state.found_at = None;
    }
    state.detail = read_detail(state, repo, id)?;
    if state.follow_up_scope == FollowUpScope::SelectedCustomer {
        load_follow_ups(state, repo)?;
    }
    Ok(())
}

fn read_detail(state: &State, repo: &Repository, id: CustomerId) -> Result<Option<Detail>> {
    let Some(customer) = repo.customer(id)? else {
        return Ok(None);
    };
    Ok(Some(Detail {
        account: Account::load(
            repo,
            &customer,
            state.computed_tiers.computed_tier(id),
            &state.config,
            state.today,
        )?,
        contacts: repo.contacts(id)?,
        follow_ups: repo.open_follow_ups(Some(id))?,
        history: repo.history(id, HISTORY_PAGE, 0)?,
        history_total: repo.interaction_count(id)? as usize,
        customer,
    }))
}

/// Reads the next page of history when the pane has scrolled near the end of what is loaded.
pub fn load_more_history(state: &mut State, repo: &Repository) -> Result<()> {
    let scroll = state.history_scroll;
    if let Some(d) = state.detail.as_mut() {
        while d.history.len() < d.history_total && scroll + 10 >= d.history.len() {
            let more = repo.history(d.customer.id, HISTORY_PAGE, d.history.len())?;
            if more.is_empty() {
                break;
            }
            d.history.extend(more);
        }
    }
    Ok(())
}

/// Reads the open follow-ups the pane shows: the whole book's places (those near the
/// selection whole), or the selected customer's, whole.
pub fn load_follow_ups(state: &mut State, repo: &Repository) -> Result<()> {
    match state.follow_up_scope {
        FollowUpScope::WholeBook => {
            state.put_follow_up_keys(repo.open_follow_up_keys(None)?);
            fill_follow_ups(state, repo)
        }
        FollowUpScope::SelectedCustomer => {
            let id = state.selected_id().unwrap_or(CustomerId(-1));
            state.put_follow_ups(repo.open_follow_ups(Some(id))?);
            Ok(())
        }
    }
}

/// Reads whole the open follow-ups near the pane's selection that are not yet (the app holds
/// every one's place, and the whole ones only around what is on screen: `OpenFollowUps`).
pub fn fill_follow_ups(state: &mut State, repo: &Repository) -> Result<()> {
    let selected = state.follow_up_list.selected;
    let Some(ids) = state.follow_ups.wanted(selected) else {
        return Ok(());
    };
    let found = repo.open_follow_ups_among(&ids)?;
    state.follow_ups.put_whole(&ids, found, selected);
    Ok(())
}
