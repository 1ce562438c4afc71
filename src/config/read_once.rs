//! The config file parsed once per start: `Config::language_in` reads it before the command
//! line is parsed (so `--help` speaks its language) and keeps the parse; `Config::load` takes
//! it when the file has not changed since. A command would otherwise parse it twice.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::SystemTime;

use super::Config;
use super::problem::Problem;

/// The file parsed, as it was then (path, modification time and length), and its parse.
type Parsed = (PathBuf, Option<(SystemTime, u64)>, Result<Config, Problem>);

static PARSED: Mutex<Option<Parsed>> = Mutex::new(None);

fn lock() -> MutexGuard<'static, Option<Parsed>> {
    PARSED.lock().unwrap_or_else(PoisonError::into_inner)
}

fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let meta = fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// Keeps the parse of `path` for the load that follows.
pub(super) fn keep(path: &Path, parsed: Result<Config, Problem>) {
    *lock() = Some((path.to_path_buf(), stamp(path), parsed));
}

/// The parse kept of `path`, once, if the file has not changed since.
pub(super) fn take(path: &Path) -> Option<Result<Config, Problem>> {
    let (kept, when, parsed) = lock().take()?;
    let stamp = stamp(path);
    (kept == path && stamp.is_some() && when == stamp).then_some(parsed)
}
