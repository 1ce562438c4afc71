//! Customer data is private to its user: fieldbook runs under a 077 umask, and a book (with its
//! journals and folders) that others could read is tightened, with a notice.

#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use assert_cmd::Command;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// fieldbook with its default book, under `home`.
fn fieldbook(home: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::cargo_bin("fieldbook")
        .unwrap()
        .env_remove("FIELDBOOK_DB")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("FIELDBOOK_CONFIG", home.join("config.toml"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_book_others_can_read_is_made_private_with_a_notice() {
    let home = tempfile::tempdir().unwrap();
    let folder = home.path().join("data/fieldbook");
    let book = folder.join("book.sqlite3");
    assert_eq!(fieldbook(home.path(), &["add", "Acme"]).0, 0);
    assert_eq!(fieldbook(home.path(), &["backup"]).0, 0);
    assert!(book.exists());
    set_mode(&book, 0o644);
    set_mode(&folder, 0o755);
    set_mode(&folder.join("backups"), 0o755);
    let (code, err) = fieldbook(home.path(), &["today"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(
        err.contains("made private") && err.contains("0644"),
        "{err}"
    );
    assert_eq!(mode(&book), 0o600);
    assert_eq!(mode(&folder), 0o700);
    assert_eq!(mode(&folder.join("backups")), 0o700);
    let (_, err) = fieldbook(home.path(), &["today"]);
    assert!(!err.contains("made private"), "said once: {err}");
}

/// A folder chosen with --db is the user's: only the book and its backups are tightened.
#[test]
fn a_folder_chosen_with_db_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.sqlite3");
    let db = book.to_str().unwrap();
    assert_eq!(fieldbook(dir.path(), &["--db", db, "add", "Acme"]).0, 0);
    set_mode(&book, 0o664);
    set_mode(dir.path(), 0o755);
    let (code, err) = fieldbook(dir.path(), &["--db", db, "today"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(mode(&book), 0o600);
    assert_eq!(mode(dir.path()), 0o755);
}

#[test]
fn fieldbook_runs_under_a_private_umask() {
    let dir = tempfile::tempdir().unwrap();
    let demo = dir.path().join("demo.sqlite3");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("fieldbook"))
        .env("FIELDBOOK_CONFIG", dir.path().join("config.toml"))
        .args(["demo", demo.to_str().unwrap(), "--customers", "3000"])
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let status = format!("/proc/{}/status", child.id());
    // Read until it is set (the first reads may come before main runs) or the process ends.
    let mut umask = None;
    while umask.as_deref() != Some("0077") && child.try_wait().unwrap().is_none() {
        let text = std::fs::read_to_string(&status).unwrap_or_default();
        umask = text
            .lines()
            .find_map(|l| l.strip_prefix("Umask:"))
            .map(|u| u.trim().to_string())
            .or(umask);
    }
    let _ = child.kill();
    child.wait().unwrap();
    assert_eq!(umask.as_deref(), Some("0077"));
}
