//! Taking the terminal and giving it back. Bracketed paste is switched on with the alternate
//! screen so pasted text arrives as one piece, not as keys (a Tab in a pasted message would
//! otherwise move to the next field); every way out switches it off again, or the shell after
//! us would see pastes wrapped in `ESC[200~`.

use std::io::{self, Write};

use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;

/// Starts the TUI: the panic hook first (ratatui's own hook, installed by `try_init`, restores
/// the screen and then calls this one), then the terminal, then bracketed paste.
pub fn enter() -> io::Result<ratatui::DefaultTerminal> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = stop_paste();
        previous(info);
    }));
    let terminal = ratatui::try_init()?;
    if let Err(e) = execute!(io::stdout(), EnableBracketedPaste) {
        let _ = leave();
        return Err(e);
    }
    Ok(terminal)
}

/// Gives the terminal back as it was found. Best effort on every step: the terminal may be
/// gone already (a hang-up).
pub fn leave() -> io::Result<()> {
    let paste = stop_paste();
    ratatui::try_restore()?;
    paste
}

fn stop_paste() -> io::Result<()> {
    let mut out = io::stdout();
    execute!(out, DisableBracketedPaste)?;
    out.flush()
}
