//! The interactive book: key -> Action -> update(state, repository) -> draw.

pub mod account;
pub mod account_forms;
pub mod action;
pub mod book_forms;
pub mod dashboard;
pub mod form;
pub mod importing;
pub mod keymap;
pub mod panes;
pub mod review;
pub mod state;
pub mod text_input;
pub mod theme;
pub mod ui;
pub mod update;

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::NaiveDateTime;
use ratatui::crossterm::event::{self, Event};

use crate::config::Config;
use crate::repository::Repository;
use state::State;

/// Runs the TUI until the person quits or the process is told to stop (SIGTERM, SIGHUP, SIGINT).
/// The terminal is restored on every way out, panics included.
pub fn run(
    repo: &mut Repository,
    config: &Config,
    clock: fn() -> NaiveDateTime,
    book_name: &str,
) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let mut state =
        State::load_with(repo, clock(), book_name, config.clone()).map_err(io::Error::other)?;
    if config.review_on_start && update::reviewing::anything_due(&state) {
        update::reviewing::open(&mut state, repo).map_err(io::Error::other)?;
    }
    // try_init installs a panic hook that restores the terminal before the message prints.
    let mut terminal = ratatui::try_init()?;
    let result = event_loop(&mut terminal, repo, &mut state, clock, &stop);
    ratatui::try_restore()?;
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    repo: &mut Repository,
    state: &mut State,
    clock: fn() -> NaiveDateTime,
    stop: &AtomicBool,
) -> io::Result<()> {
    loop {
        terminal.draw(|f| ui::draw(f, state))?;
        if state.quit || stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        // Wake up now and then to notice a stop signal even when no key comes.
        if !event::poll(Duration::from_millis(250))? {
            continue;
        }
        // Draw once per burst of events (a paste, a held key), not once per key.
        loop {
            handle(event::read()?, repo, state, clock);
            if state.quit || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
}

fn handle(event: Event, repo: &mut Repository, state: &mut State, clock: fn() -> NaiveDateTime) {
    let Event::Key(key) = event else {
        return; // Resize and the rest: the next draw adapts.
    };
    let Some(key) = keymap::normalize(key) else {
        return;
    };
    if let Some(action) = update::action_for_key(state, key) {
        let now = clock();
        state.now = now;
        if state.today != now.date() {
            // Past midnight: "today" moves on and so does what is due.
            state.today = now.date();
            state.resort();
        }
        update::update(state, repo, action);
    }
}
