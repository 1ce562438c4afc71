//! A book that cannot be written (a full disk, a read-only folder or file) can still be read:
//! the commands that only read open it read-only, say so in one line, and work. And a copy
//! that meets a full disk says where, with the space left, not "disk I/O error".

use std::path::Path;

use super::Failure;
use super::accounts::DealCommand;
use super::args::Command;
use super::output::safe;
use crate::repository::{BookError, Repository};

/// The commands that never write the book (`check` reads it on its own, before any open).
pub(super) fn only_reads(command: &Option<Command>) -> bool {
    matches!(
        command,
        Some(
            Command::Today { .. }
                | Command::Find { .. }
                | Command::Show { .. }
                | Command::Export(_)
                | Command::Backup { .. }
                | Command::Report
                | Command::Greetings { .. }
                | Command::Deal(DealCommand::List { .. })
        )
    )
}

/// Opens the book for `command`: as usual, or, when that fails for a command that only reads
/// because the book cannot be written, read-only with a one-line notice. The flag says which.
pub(super) fn open_book(
    path: &Path,
    command: &Option<Command>,
) -> Result<(Repository, bool), Failure> {
    let error = match Repository::open(path) {
        Ok(repo) => return Ok((repo, false)),
        Err(e) => e,
    };
    // A refusal (another program's file, a newer book) is a decision, not the disk's doing.
    let could_read =
        matches!(error, BookError::Sqlite(_) | BookError::Io(_)) && only_reads(command);
    let why = why_not_writable(&error, path);
    match could_read.then(|| Repository::open_to_read(path)) {
        Some(Ok(repo)) => {
            eprintln!(
                "fieldbook: {}",
                t!(
                    "cli-reading-only",
                    book = safe(&path.display().to_string()),
                    why = why
                )
            );
            Ok((repo, true))
        }
        _ => Err(Failure::input(error.to_string())),
    }
}

fn folder(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Why the book could not be opened to write: the disk full, with the space left, else what
/// the system said.
fn why_not_writable(error: &BookError, book: &Path) -> String {
    let dir = folder(book);
    if error.is_disk_full() || error.to_string().contains("disk I/O error") {
        #[cfg(unix)]
        if let Some(kb) = crate::paths::free_kb(dir).filter(|kb| *kb < 1024) {
            return t!(
                "cli-disk-full-free",
                kb = kb,
                dir = dir.display().to_string()
            );
        }
    }
    error.to_string()
}

/// A copy (a backup, an export) that met a full disk at `dest`: said with the space left on
/// the destination's disk; the book was only read, so it is as it was. None for any other
/// failure, which the caller words.
pub(super) fn disk_full(dest: &Path, error: &BookError) -> Option<Failure> {
    if !error.is_disk_full() {
        return None;
    }
    let dir = folder(dest);
    let dir_shown = safe(&dir.display().to_string());
    #[cfg(unix)]
    let place = crate::paths::free_kb(dir).map_or(dir_shown.clone(), |kb| {
        t!("cli-kb-free-on", kb = kb, dir = dir_shown.as_str())
    });
    #[cfg(not(unix))]
    let place = dir_shown;
    Some(Failure::input(t!(
        "cli-copy-disk-full",
        place = place,
        dest = safe(&dest.display().to_string())
    )))
}
