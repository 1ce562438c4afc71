//! Messages that say what happened and what to do: a full disk says so with the space left;
//! `check` names the damage and the restore command; a damaged book can be restored.

use std::path::Path;

use assert_cmd::Command;
use fieldbook::repository::BookError;

fn fieldbook(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("fieldbook")
        .unwrap()
        .env("FIELDBOOK_DB", dir.join("book.sqlite3"))
        .env("FIELDBOOK_CONFIG", dir.join("config.toml"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A book of 300 customers with one backup; returns the backup's path.
fn book_with_backup(dir: &Path) -> String {
    let book = dir.join("book.sqlite3");
    let mut repo = fieldbook::repository::Repository::open(&book).unwrap();
    for i in 0..300 {
        repo.add_customer(&fieldbook::book::model::CustomerDraft {
            name: format!("Customer {i} with a longer name to fill the pages"),
            ..Default::default()
        })
        .unwrap();
    }
    drop(repo);
    let (code, out, err) = fieldbook(dir, &["backup", "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    v["backup"].as_str().unwrap().to_string()
}

#[test]
fn a_full_disk_says_disk_full_with_the_space_left() {
    let full = BookError::Sqlite(rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL),
        Some("database or disk is full".into()),
    ));
    let text = full.to_string();
    assert!(text.starts_with("disk full"), "{text}");
    assert!(
        text.contains("nothing of this change was written"),
        "{text}"
    );
    let io = BookError::Io(std::io::Error::from(std::io::ErrorKind::StorageFull));
    assert!(io.to_string().starts_with("disk full"));

    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.sqlite3");
    let told = fieldbook::cli::explain_disk_full(text, &book);
    assert!(told.starts_with("disk full ("), "{told}");
    assert!(told.contains(" KB free on "), "{told}");
    assert!(told.contains(&dir.path().display().to_string()), "{told}");
    let other = fieldbook::cli::explain_disk_full("no such customer".into(), &book);
    assert_eq!(other, "no such customer");
}

#[test]
fn check_names_a_truncated_book_and_the_restore_that_mends_it() {
    let dir = tempfile::tempdir().unwrap();
    let backup = book_with_backup(dir.path());
    let book = dir.path().join("book.sqlite3");
    let bytes = std::fs::read(&book).unwrap();
    std::fs::write(&book, &bytes[..bytes.len() / 2]).unwrap();
    let (code, _, err) = fieldbook(dir.path(), &["check"]);
    assert_eq!(code, 1);
    assert!(err.contains("truncated"), "{err}");
    assert!(err.contains(&format!("restore {backup}")), "{err}");
    // The book cannot be opened, and the command check names mends it.
    let (code, out, err) = fieldbook(dir.path(), &["restore", &backup, "--yes"]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, _) = fieldbook(dir.path(), &["check"]);
    assert_eq!(code, 0);
    assert!(out.contains("300 customers"), "{out}");
}

#[test]
fn check_names_damaged_pages_and_broken_references() {
    let dir = tempfile::tempdir().unwrap();
    book_with_backup(dir.path());
    let book = dir.path().join("book.sqlite3");
    let mut bytes = std::fs::read(&book).unwrap();
    let len = bytes.len();
    for b in &mut bytes[len - 3 * 4096..len - 4096] {
        *b = 0xAB;
    }
    let damaged = dir.path().join("damaged.sqlite3");
    std::fs::write(&damaged, &bytes).unwrap();
    let (code, _, err) = fieldbook(dir.path(), &["--db", damaged.to_str().unwrap(), "check"]);
    assert_eq!(code, 1);
    assert!(err.contains("damaged pages"), "{err}");

    {
        let conn = rusqlite::Connection::open(&book).unwrap();
        fieldbook::repository::notes::register(&conn).unwrap();
        conn.execute_batch(
            "PRAGMA foreign_keys = OFF;
             INSERT INTO contact (customer_id, name, created_at) VALUES (99999, 'Nobody', '2026-01-01T00:00:00');",
        )
        .unwrap();
    }
    let (code, _, err) = fieldbook(dir.path(), &["check"]);
    assert_eq!(code, 1);
    assert!(err.contains("foreign keys: 1 row(s)"), "{err}");
    assert!(err.contains("missing customer"), "{err}");
    assert!(err.contains("fieldbook --db"), "{err}");
}
