//! Ending the TUI when its terminal goes away or it is told to stop.
//!
//! The event loop cannot do this itself: once the terminal is gone, crossterm's reader spins on
//! end-of-file and `event::poll` never returns, timeout or not (crossterm issue #793), so a flag
//! the loop checks is never seen. A small thread watches instead, for SIGHUP, SIGTERM or SIGINT
//! and for a hang-up on the terminal, and ends the process itself. It first takes the `busy`
//! lock, which the event loop holds while it draws or carries out keys, so a write in flight
//! commits (each write is one transaction) and no new one starts.

use std::io;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

/// How often the watcher looks: well inside the second the process has to end.
const EVERY: Duration = Duration::from_millis(100);

/// The exit status for a terminal that hung up without a signal, as if SIGHUP had come.
const HUNG_UP: i32 = 128 + 1;

/// Held by the event loop around everything that draws or writes.
#[derive(Clone, Default)]
pub struct Busy(Arc<Mutex<()>>);

impl Busy {
    pub fn hold(&self) -> MutexGuard<'_, ()> {
        // A panic while holding it already restored the terminal; carrying on is safe.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Starts the watcher; returns the lock the event loop must hold while it works.
pub fn watch() -> io::Result<Busy> {
    let caught = Arc::new(AtomicUsize::new(0));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register_usize(signal, Arc::clone(&caught), signal as usize)?;
    }
    let terminals = terminal_fds();
    let busy = Busy::default();
    let held = busy.clone();
    std::thread::Builder::new()
        .name("hang-up watch".into())
        .spawn(move || {
            let status = loop {
                match caught.load(Ordering::Relaxed) {
                    0 if hung_up(&terminals) => break HUNG_UP,
                    0 => std::thread::sleep(EVERY),
                    signal => break 128 + signal as i32,
                }
            };
            let _quiet = held.hold();
            // The terminal may be gone: restoring it is best effort.
            let _ = super::terminal::leave();
            std::process::exit(status);
        })?;
    Ok(busy)
}

/// Standard input and output, where they are a terminal. Read once at start: a terminal that
/// has hung up may no longer say it is one.
#[cfg(unix)]
fn terminal_fds() -> Vec<i32> {
    [libc::STDIN_FILENO, libc::STDOUT_FILENO]
        .into_iter()
        // SAFETY: isatty only reads the descriptor's state.
        .filter(|&fd| unsafe { libc::isatty(fd) } == 1)
        .collect()
}

/// Whether any of the terminals has hung up (its other end closed).
#[cfg(unix)]
fn hung_up(terminals: &[i32]) -> bool {
    terminals.iter().any(|&fd| {
        let mut watched = libc::pollfd {
            fd,
            events: 0,
            revents: 0,
        };
        // SAFETY: one valid pollfd; `events: 0` asks for nothing, so the terminal's input is
        // left for crossterm to read and only hang-ups and errors are reported.
        let ready = unsafe { libc::poll(&mut watched, 1, 0) };
        ready > 0 && watched.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
    })
}

#[cfg(not(unix))]
fn terminal_fds() -> Vec<i32> {
    Vec::new()
}

#[cfg(not(unix))]
fn hung_up(_: &[i32]) -> bool {
    false
}
