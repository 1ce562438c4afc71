use std::process::ExitCode;

fn main() -> ExitCode {
    // Rust ignores SIGPIPE, so `fieldbook today | head` would panic on the first write after
    // head has gone. Like every command-line tool, just stop quietly instead.
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition before any thread starts has no data races.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    fieldbook::app::main()
}
