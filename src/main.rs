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
    // Two allocator settings, for speed and memory (glibc):
    // - Big buffers (the list, its search keys, the loader's working set) are mapped on their
    //   own and go back to the system when freed: by default the threshold climbs after the
    //   first big free, and later ones stay in the heap, counted against the app.
    // - The heap is not given back for less than a megabyte: each list row SQLite reads sets
    //   up and frees a small sorter (people's names in order), and giving that back every
    //   time made each row cost page faults, three times the read itself.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only tunes the allocator; called before any thread starts.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 256 * 1024);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 1024 * 1024);
    }
    fieldbook::app::main()
}
