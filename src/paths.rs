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
    let dir = data_dir().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::NotFound,
            "no home directory: pass --db PATH or set FIELDBOOK_DB",
        )
    })?;
    Ok(dir.join("book.sqlite3"))
}

/// fieldbook's own folder in the platform data dir.
fn data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "fieldbook").map(|d| d.data_dir().to_path_buf())
}

/// Makes an existing book private again: the file, its `-wal` and `-shm` to 0600, its backups
/// folder to 0700, and its folder too when that is fieldbook's own data folder (a folder chosen
/// with `--db` may hold other things and is left as it is). Returns what was changed, with the
/// mode it had, for a notice: a book copied in or made under a loose umask was readable by others.
#[cfg(unix)]
pub fn make_private(book: &Path) -> io::Result<Vec<(PathBuf, u32)>> {
    use std::os::unix::fs::PermissionsExt;
    let mut targets: Vec<(PathBuf, u32)> = ["", "-wal", "-shm"]
        .iter()
        .map(|suffix| {
            let mut name = book.as_os_str().to_owned();
            name.push(suffix);
            (PathBuf::from(name), 0o600)
        })
        .collect();
    let dir = book.parent().filter(|d| !d.as_os_str().is_empty());
    let dir = dir.unwrap_or(Path::new("."));
    targets.push((dir.join("backups"), 0o700));
    if data_dir().is_some_and(|own| same_place(&own, dir)) {
        targets.push((dir.to_path_buf(), 0o700));
    }
    let mut changed = Vec::new();
    for (path, private) in targets {
        let Ok(meta) = fs::symlink_metadata(&path) else {
            continue;
        };
        let mode = meta.permissions().mode() & 0o777;
        if meta.file_type().is_symlink() || mode & 0o077 == 0 {
            continue;
        }
        fs::set_permissions(&path, fs::Permissions::from_mode(mode & private))?;
        changed.push((path, mode));
    }
    Ok(changed)
}

fn same_place(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
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

/// Free space, in KB, on the file system holding `dir` (for a "disk full" message).
#[cfg(unix)]
pub fn free_kb(dir: &Path) -> Option<u64> {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::CString::new(dir.as_os_str().as_bytes()).ok()?;
    let mut stat = std::mem::MaybeUninit::<libc::statvfs>::uninit();
    // SAFETY: `name` is a valid C string and `stat` is written by statvfs before it is read.
    let stat = unsafe {
        if libc::statvfs(name.as_ptr(), stat.as_mut_ptr()) != 0 {
            return None;
        }
        stat.assume_init()
    };
    // The field types differ between platforms (u64 on Linux, u32 on macOS).
    #[allow(clippy::unnecessary_cast, clippy::useless_conversion)]
    Some(stat.f_bavail as u64 * stat.f_frsize as u64 / 1024)
}
