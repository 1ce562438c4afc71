use std::process::ExitCode;

fn main() -> ExitCode {
    // Rust ignores SIGPIPE, so `fieldbook today | head` would panic on the first write after
    // head has gone. Like every command-line tool, just stop quietly instead.
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition before any thread starts has no data races.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    // Everything fieldbook (and SQLite, for its journals) creates holds customer data: private
    // to this user whatever the shell's umask, before anything is opened.
    #[cfg(unix)]
    // SAFETY: umask only sets this process's file-creation mask; no memory is involved.
    unsafe {
        libc::umask(0o077);
    }
    fieldbook::app::main()
}
