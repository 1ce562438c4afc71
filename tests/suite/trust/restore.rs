//! Restore is atomic: the replacement is prepared beside the book and renamed into place, so a
//! failure or a kill at any moment leaves a book that opens and checks ok.

use std::path::Path;

use crate::common::{customer, fieldbook, names};
use fieldbook::repository::backup::check_file;
use fieldbook::repository::restore::partial_path;
use fieldbook::repository::{LATEST_VERSION, MIGRATIONS, Repository};

fn book_with(path: &Path, name: &str) -> Repository {
    let mut repo = Repository::open(path).unwrap();
    repo.add_customer(&customer(name)).unwrap();
    repo
}

/// A book as fieldbook `version` left it, with one customer.
fn old_book(path: &Path, version: usize) {
    let conn = rusqlite::Connection::open(path).unwrap();
    fieldbook::repository::notes::register(&conn).unwrap();
    for sql in &MIGRATIONS[..version] {
        conn.execute_batch(sql).unwrap();
    }
    conn.pragma_update(None, "user_version", version as i64)
        .unwrap();
    conn.execute(
        "INSERT INTO customer (name, created_at, updated_at) VALUES ('老客户', '2025-01-01T00:00:00', '2025-01-01T00:00:00')",
        [],
    )
    .unwrap();
}

#[test]
fn a_backup_from_any_older_version_is_restored_and_upgraded() {
    for version in 1..LATEST_VERSION as usize {
        let dir = tempfile::tempdir().unwrap();
        let backup = dir.path().join(format!("v{version}.sqlite3"));
        old_book(&backup, version);
        let path = dir.path().join("book.sqlite3");
        let mut repo = book_with(&path, "Current");
        repo.restore_from(&backup).unwrap();
        assert_eq!(names(&repo), ["老客户"], "from version {version}");
        assert_eq!(repo.schema_version().unwrap(), LATEST_VERSION);
        drop(repo);
        assert!(check_file(&path).unwrap().problems.is_empty());
        assert!(!partial_path(&path).exists());
    }
}

#[test]
fn a_restore_that_fails_half_way_leaves_the_book_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    let mut repo = book_with(&path, "Keep me");
    // Sound to SQLite (integrity and keys are fine), unreadable to fieldbook: it fails only
    // when read back, after the copy and the upgrade.
    let unreadable = dir.path().join("unreadable.sqlite3");
    repo.backup_to(&unreadable).unwrap();
    rusqlite::Connection::open(&unreadable)
        .unwrap()
        .execute_batch("UPDATE customer SET created_at = 'the day we met'")
        .unwrap();
    assert!(check_file(&unreadable).unwrap().problems.is_empty());
    let err = repo.restore_from(&unreadable).unwrap_err().to_string();
    assert!(err.contains("was not restored"), "{err}");
    assert_eq!(names(&repo), ["Keep me"], "the open book still works");
    repo.add_customer(&customer("And more")).unwrap();
    drop(repo);
    assert!(!partial_path(&path).exists(), "nothing left beside it");
    let repo = Repository::open(&path).unwrap();
    assert_eq!(names(&repo), ["And more", "Keep me"]);
    assert!(check_file(&path).unwrap().problems.is_empty());
}

#[test]
fn undo_steps_survive_a_restore_only_from_the_same_book() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    let mut repo = book_with(&path, "Mine");
    let own = dir.path().join("own.sqlite3");
    repo.backup_to(&own).unwrap();
    let other = dir.path().join("other.sqlite3");
    book_with(&dir.path().join("other-book.sqlite3"), "Theirs")
        .backup_to(&other)
        .unwrap();

    repo.restore_from(&own).unwrap();
    assert_eq!(repo.undo_history(5).unwrap(), ["add customer Mine"]);
    repo.restore_from(&other).unwrap();
    assert_eq!(names(&repo), ["Theirs"]);
    assert_eq!(repo.undo_history(5).unwrap(), Vec::<String>::new());
    assert_eq!(repo.undo().unwrap(), None);
}

#[test]
fn an_emptied_book_is_mended_by_the_restore_it_names() {
    let dir = tempfile::tempdir().unwrap();
    fieldbook(dir.path(), &["add", "Acme"]).assert().success();
    fieldbook(dir.path(), &["backup"]).assert().success();
    std::fs::write(dir.path().join("book.sqlite3"), b"").unwrap();
    let out = fieldbook(dir.path(), &["today"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    let command = err
        .lines()
        .find(|l| l.trim_start().starts_with("fieldbook --db"))
        .expect("the command to run");
    let backup = command.rsplit(' ').next().unwrap();
    fieldbook(dir.path(), &["restore", backup, "--yes"])
        .assert()
        .success();
    let out = fieldbook(dir.path(), &["find", "Acme"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Acme"));
}

/// SIGKILL while the replacement is being prepared: the book is the old one, whole.
#[cfg(unix)]
#[test]
fn a_killed_restore_leaves_a_book_that_opens_and_checks() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.sqlite3");
    fieldbook(
        dir.path(),
        &["demo", big.to_str().unwrap(), "--customers", "3000"],
    )
    .assert()
    .success();
    fieldbook(dir.path(), &["add", "Before the restore"])
        .assert()
        .success();
    let book = dir.path().join("book.sqlite3");
    let partial = partial_path(&book);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("fieldbook"))
        .env("FIELDBOOK_DB", &book)
        .env("FIELDBOOK_CONFIG", dir.path().join("config.toml"))
        .args(["restore", big.to_str().unwrap(), "--yes"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    let caught = loop {
        if partial.exists() {
            break true;
        }
        if child.try_wait().unwrap().is_some() || start.elapsed().as_secs() > 60 {
            break false;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    };
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        caught,
        "the restore must be caught preparing, not before or after"
    );
    let report = check_file(&book).unwrap();
    assert!(report.problems.is_empty(), "{report:?}");
    assert_eq!(report.customers, 1, "the book as it was");
    let repo = Repository::open(&book).unwrap();
    assert_eq!(names(&repo), ["Before the restore"]);
}
