//! The root above both front ends: the only module that knows the TUI and the command line, so
//! neither has to know the other. The command line decides what was asked; when that is the
//! interactive app, it runs the one handed in here.

use std::process::ExitCode;

pub fn main() -> ExitCode {
    crate::cli::main(crate::tui::run)
}
