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
use std::path::Path;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

use chrono::NaiveDateTime;
use ratatui::crossterm::event::{self, Event};

use crate::config::Config;
use crate::repository::Repository;
use state::State;

/// Runs the TUI until the person quits, the process is told to stop (SIGTERM, SIGHUP, SIGINT:
/// exit status 128 + the signal) or its terminal hangs up (129). The terminal is restored on
/// every way out, panics included.
pub fn run(
    repo: &mut Repository,
    config: &Config,
    clock: fn() -> NaiveDateTime,
    book_name: &str,
) -> io::Result<()> {
    let busy = hang_up::watch()?;
    // A book on disk is read on a thread after a first screen drawn from indexed queries; an
    // in-memory one (tests) is small and read at once.
    let now = clock();
    let (mut state, mut loading) = match repo.path().map(Path::to_path_buf) {
        Some(path) => (
            update::reading::first_screen(repo, now, book_name, config.clone())
                .map_err(io::Error::other)?,
            Some(loader::spawn(path, config.clone(), now.date())),
        ),
        None => (
            update::reading::load_with(repo, now, book_name, config.clone())
                .map_err(io::Error::other)?,
            None,
        ),
    };
    if loading.is_none() {
        open_review_if_due(&mut state, repo);
    }
    // Panic hooks restore the terminal (and paste mode) before the message prints.
    let mut terminal = terminal::enter()?;
    let result = event_loop(&mut terminal, repo, &mut state, clock, &busy, &mut loading);
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
        state.error(crate::safe_text::line(&e.to_string()).into_owned());
    }
}

type Loading = Option<Receiver<Result<loader::Loaded, String>>>;

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    repo: &mut Repository,
    state: &mut State,
    clock: fn() -> NaiveDateTime,
    busy: &hang_up::Busy,
    loading: &mut Loading,
) -> io::Result<()> {
    let mut follower = following::Follower::new(repo);
    loop {
        // Held while drawing and carrying out keys, so the hang-up watch ends the process
        // between two pieces of work, never inside a write or a half-drawn frame.
        let mut working = busy.hold();
        terminal.draw(|f| ui::draw(f, state))?;
        if state.quit {
            return Ok(());
        }
        if loading.is_some() {
            if take_loaded(loading, repo, state) {
                continue;
            }
        } else {
            // An app left open overnight moves to the new day before it reads the book again.
            keep_time(state, clock);
            if follower.tick(repo, state) {
                // Another fieldbook wrote the book and it was read again: draw it now.
                continue;
            }
        }
        // Wake up now and then to notice the loaded book, or a write by another fieldbook,
        // even when no key comes.
        let wait = if loading.is_some() || follower.reading() {
            15
        } else {
            following::LOOK_EVERY.as_millis() as u64
        };
        drop(working);
        if !event::poll(Duration::from_millis(wait))? {
            continue;
        }
        working = busy.hold();
        // Draw once per burst of events (a paste, a held key, fast typing), not once per key;
        // and filter once per burst, after it, scored beside this thread: a pass for a query
        // already typed past is never run, and one overtaken by a key is dropped.
        loop {
            let event = event::read()?;
            let more = event::poll(Duration::ZERO)?;
            state.defer_refilter = true;
            handle(event, repo, state, clock);
            if state.quit || !more {
                break;
            }
        }
        state.defer_refilter = false;
        if state.refilter_pending
            && state.refilter_watched(&|| event::poll(Duration::ZERO).unwrap_or(false))
        {
            // The pass finished before another key came: show its first match. Otherwise it
            // was dropped, the list stays as it was, and the loop reads the newer keys first.
            state.refilter_pending = false;
            state.list.selected = 0;
            update::update_with(state, repo, update::reading::load_detail);
        }
        drop(working);
    }
}

/// Takes in the whole book once the loader has read it; true when something changed on
/// screen.
fn take_loaded(loading: &mut Loading, repo: &mut Repository, state: &mut State) -> bool {
    let Some(rx) = loading.as_ref() else {
        return false;
    };
    match rx.try_recv() {
        Ok(loaded) => {
            *loading = None;
            let installed = loaded
                .map_err(|e| e.to_string())
                .and_then(|l| update::reading::install(state, l, repo).map_err(|e| e.to_string()));
            match installed {
                Ok(()) => open_review_if_due(state, repo),
                Err(e) => {
                    state.loading = false;
                    state.error(format!(
                        "the book could not be read: {}",
                        crate::safe_text::line(&e)
                    ));
                }
            }
            true
        }
        Err(TryRecvError::Empty) => false,
        Err(TryRecvError::Disconnected) => {
            // The reading thread died without a word: say so rather than wait forever.
            *loading = None;
            state.loading = false;
            state.error("the book could not be read in full; restart fieldbook");
            true
        }
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
