//! The interactive book: key -> Action -> update(state, repository) -> draw.

pub mod account_forms;
pub mod action;
pub mod book_forms;
pub mod customer_forms;
pub mod following;
pub mod form;
pub mod hang_up;
pub mod help;
pub mod importing;
pub mod keymap;
pub mod loader;
pub mod panes;
pub mod review;
pub mod state;
pub mod terminal;
pub mod text_input;
pub mod theme;
pub mod ui;
pub mod update;

use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

use chrono::NaiveDateTime;
use ratatui::crossterm::event::{self, Event};

use crate::config::Config;
use crate::repository::Repository;
use crate::services::day_start::DayStart;
use loader::Progress;
use state::State;

/// Runs the TUI until the person quits, the process is told to stop (SIGTERM, SIGHUP, SIGINT:
/// exit status 128 + the signal) or its terminal hangs up (129). The terminal is restored on
/// every way out, panics included. Nothing book-wide runs before the first frame: `day` (the
/// birthday reminders, the backup) waits for it, and for the whole list.
pub fn run(
    repo: &mut Repository,
    config: &Config,
    clock: fn() -> NaiveDateTime,
    book_name: &str,
    mut day: DayStart,
) -> io::Result<()> {
    let busy = hang_up::watch()?;
    repo.keep_app_page_cache().map_err(io::Error::other)?;
    // A book on disk is read on a thread after a first screen drawn from indexed queries; an
    // in-memory one (tests) is small and read at once.
    let now = clock();
    let mut loading = match repo.path().map(Path::to_path_buf) {
        Some(path) => Loading::Waiting {
            path,
            care: day.care,
        },
        None => Loading::Done,
    };
    let mut state = match loading {
        Loading::Waiting { .. } => {
            update::reading::first_screen(repo, now, book_name, config.clone())
        }
        _ => update::reading::load_with(repo, now, book_name, config.clone()),
    }
    .map_err(io::Error::other)?;
    if let Loading::Done = loading {
        open_review_if_due(&mut state, repo);
        day.start_then();
    }
    // Panic hooks restore the terminal (and paste mode) before the message prints.
    let mut terminal = terminal::enter()?;
    let mut app = App {
        repo,
        state: &mut state,
        loading: &mut loading,
        day: &mut day,
        clock,
    };
    let result = event_loop(&mut terminal, &mut app, &busy);
    terminal::leave()?;
    result
}

/// Opens on today's review when something is due (config `review_on_start`), unless the person
/// has already started doing something else.
fn open_review_if_due(state: &mut State, repo: &mut Repository) {
    if state.config.review_on_start
        && !state.touched
        && update::reviewing::anything_due(state)
        && let Err(e) = update::reviewing::open(state, repo)
    {
        state.error(crate::safe_text::line(&update::said(&e)).into_owned());
    }
}

/// Reading the whole book: waiting for the first frame to be drawn, on its thread, or done.
enum Loading {
    Waiting {
        path: PathBuf,
        care: bool,
    },
    Reading {
        rx: Receiver<Progress>,
        path: PathBuf,
        care: bool,
    },
    Done,
}

/// What the event loop works on.
struct App<'a> {
    repo: &'a mut Repository,
    state: &'a mut State,
    loading: &'a mut Loading,
    day: &'a mut DayStart,
    clock: fn() -> NaiveDateTime,
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    busy: &hang_up::Busy,
) -> io::Result<()> {
    let mut follower = following::Follower::new(app.repo);
    loop {
        // Held while drawing and carrying out keys, so the hang-up watch ends the process
        // between two pieces of work, never inside a write or a half-drawn frame.
        let mut working = busy.hold();
        // The steps that move the follow-ups' selection read what it comes near; this covers
        // any that did not (a merge after a save shifting the list under it).
        update::update_with(app.state, app.repo, update::reading::fill_follow_ups);
        terminal.draw(|f| ui::draw(f, app.state))?;
        if app.state.quit {
            return Ok(());
        }
        if let Loading::Waiting { path, care } = app.loading {
            // Only now that the first screen is up: the read competes for the same cores.
            let rx = loader::spawn(
                path.clone(),
                app.state.config.clone(),
                app.state.today,
                *care,
            );
            *app.loading = Loading::Reading {
                rx,
                path: path.clone(),
                care: *care,
            };
        }
        if !matches!(app.loading, Loading::Done) {
            if take_loaded(app) {
                continue;
            }
        } else {
            // An app left open overnight moves to the new day before it reads the book again.
            keep_time(app.state, app.clock);
            if follower.tick(app.repo, app.state) {
                // Another fieldbook wrote the book and it was read again: draw it now.
                continue;
            }
        }
        // The rest of a filtered list, scored while no key waits: dropped for a key.
        if !app.state.visible_complete
            && app
                .state
                .complete_watched(&|| event::poll(Duration::ZERO).unwrap_or(false))
        {
            continue;
        }
        // Wake up now and then to notice the loaded book, or a write by another fieldbook,
        // even when no key comes.
        let wait = if !matches!(app.loading, Loading::Done) || follower.reading() {
            15
        } else {
            following::LOOK_EVERY.as_millis() as u64
        };
        drop(working);
        if !event::poll(Duration::from_millis(wait))? {
            continue;
        }
        working = busy.hold();
        take_keys(app)?;
        drop(working);
    }
}

/// Carries out the keys waiting. Draws once per burst of events (a paste, a held key, fast
/// typing), not once per key; and filters once per burst, after it, scored beside this
/// thread: a pass for a query already typed past is never run, and one overtaken by a key is
/// dropped.
fn take_keys(app: &mut App) -> io::Result<()> {
    let (repo, state) = (&mut *app.repo, &mut *app.state);
    loop {
        let event = event::read()?;
        let more = event::poll(Duration::ZERO)?;
        state.defer_refilter = true;
        handle(event, repo, state, app.clock);
        if state.quit || !more {
            break;
        }
    }
    state.defer_refilter = false;
    if state.refilter_pending {
        // One pass for the newest query, and only for its best rows: the loop finds the
        // rest while no key waits (`complete_watched`).
        update::update_with(state, repo, update::refilter_now);
    }
    Ok(())
}

/// Takes in what the reading thread sent: the ranking (the first screen's tiers), then the
/// whole book. True when something changed on screen.
fn take_loaded(app: &mut App) -> bool {
    let Loading::Reading { rx, path, care } = app.loading else {
        return false;
    };
    let (path, care) = (path.clone(), *care);
    let (repo, state) = (&mut *app.repo, &mut *app.state);
    match rx.try_recv() {
        Ok(Progress::Ranked(ranking)) => {
            update::update_with(state, repo, |s, r| update::reading::ranked(s, ranking, r));
            true
        }
        Ok(Progress::Loaded(Ok(loaded))) if repo.last_step_id().ok() != Some(loaded.as_of_step) => {
            // This app wrote while the book was read: read it again rather than show the
            // older rows, still off the input path.
            drop(loaded);
            *app.loading = Loading::Waiting { path, care };
            false
        }
        Ok(Progress::Loaded(loaded)) => {
            *app.loading = Loading::Done;
            let installed = loaded.map_err(|e| e.to_string()).and_then(|l| {
                update::reading::install_all(state, *l, repo).map_err(|e| update::said(&e))
            });
            match installed {
                Ok(()) => open_review_if_due(state, repo),
                Err(e) => {
                    state.loading = false;
                    state.error(t!(
                        "status-read-failed",
                        why = crate::safe_text::line(&e).into_owned()
                    ));
                }
            }
            give_back_memory();
            // The backup copies the whole book: only now, not while it was being read.
            app.day.start_then();
            true
        }
        Err(TryRecvError::Empty) => false,
        Err(TryRecvError::Disconnected) => {
            // The reading thread died without a word: say so rather than wait forever.
            *app.loading = Loading::Done;
            state.loading = false;
            state.error(t!("status-read-died"));
            app.day.start_then();
            true
        }
    }
}

/// Returns the memory freed by the read (the loader's working set, the first screen's rows)
/// to the system, so it does not stay counted against the app.
fn give_back_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free heap pages; it touches no live allocation.
    unsafe {
        libc::malloc_trim(0);
    }
}

fn handle(event: Event, repo: &mut Repository, state: &mut State, clock: fn() -> NaiveDateTime) {
    match event {
        Event::Key(key) => {
            let Some(key) = keymap::normalize(key) else {
                return;
            };
            if let Some(action) = keymap::action_for_key(state, key) {
                state.touched = true;
                keep_time(state, clock);
                update::update(state, repo, action);
            }
        }
        Event::Paste(text) => {
            state.touched = true;
            keep_time(state, clock);
            update::paste(state, repo, &text);
        }
        _ => {} // Resize and the rest: the next draw adapts.
    }
}

fn keep_time(state: &mut State, clock: fn() -> NaiveDateTime) {
    let now = clock();
    state.now = now;
    if state.today != now.date() {
        // Past midnight: "today" moves on and so does what is due; the cursor stays put.
        state.today = now.date();
        let keep = state.selected_id();
        state.resort();
        keep.map(|id| state.select_customer(id));
    }
}
