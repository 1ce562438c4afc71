//! Where the book lives, and creating it private to this user before SQLite touches it.

use std::fs::{self, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

/// The environment variable that points fieldbook at another book.
pub const BOOK_ENV: &str = "FIELDBOOK_DB";

/// `--db PATH` wins, then `FIELDBOOK_DB`, then the platform data dir
/// (`~/.local/share/fieldbook/book.sqlite3` on Linux).
pub fn book_path(flag: Option<PathBuf>) -> io::Result<PathBuf> {
    if let Some(p) = flag {
        return Ok(p);
    }
    if let Some(p) = std::env::var_os(BOOK_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    let dirs = directories::ProjectDirs::from("", "", "fieldbook").ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::NotFound,
            "no home directory: pass --db PATH or set FIELDBOOK_DB",
        )
    })?;
    Ok(dirs.data_dir().join("book.sqlite3"))
}

/// Creates `path` (and missing parent folders, 0700) as an empty 0600 file if it does not exist,
/// so the customer data is never world-readable, not even for an instant.
pub fn create_private_file(path: &Path) -> io::Result<()> {
    if let Some(dir) = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty() && !d.exists())
    {
        create_private_dir(dir)?;
    }
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map(drop)
}

pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}
