//! A fieldbook book says so: what is not one is refused without a byte written, and many
//! first opens of one new book at once all succeed.

use std::path::Path;

use assert_cmd::Command;
use fieldbook::repository::{APPLICATION_ID, LATEST_VERSION, MIGRATIONS, Repository};

fn fieldbook(dir: &Path, db: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::cargo_bin("fieldbook")
        .unwrap()
        .env("FIELDBOOK_CONFIG", dir.join("config.toml"))
        .env("NO_COLOR", "1")
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "config.toml")
        .collect();
    names.sort();
    names
}

#[test]
fn another_programs_database_is_refused_untouched() {
    for version in [0, 42, 3] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("places.sqlite");
        {
            let conn = rusqlite::Connection::open(&db).unwrap();
            conn.execute_batch(
                "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);
                 INSERT INTO moz_places (url) VALUES ('https://example.com');",
            )
            .unwrap();
            conn.pragma_update(None, "user_version", version).unwrap();
        }
        let before = std::fs::read(&db).unwrap();
        let files = listing(dir.path());
        for args in [&["today"][..], &["add", "Acme"][..]] {
            let (code, err) = fieldbook(dir.path(), &db, args);
            assert_ne!(code, 0, "version {version} {args:?}");
            assert!(err.contains("another program's database"), "{err}");
            assert!(err.contains("not opened or changed"), "{err}");
            assert_eq!(std::fs::read(&db).unwrap(), before, "version {version}");
            assert_eq!(listing(dir.path()), files, "nothing beside it either");
        }
    }
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("notes.txt");
    std::fs::write(&db, "my shopping list\n").unwrap();
    let (code, err) = fieldbook(dir.path(), &db, &["today"]);
    assert_ne!(code, 0);
    assert!(err.contains("not a SQLite database"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), b"my shopping list\n");
}

#[test]
fn an_emptied_book_with_backups_names_the_restore_command() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.sqlite3");
    fieldbook(dir.path(), &db, &["add", "Acme"]);
    let (code, _) = fieldbook(dir.path(), &db, &["backup"]);
    assert_eq!(code, 0);
    std::fs::write(&db, b"").unwrap();
    let (code, err) = fieldbook(dir.path(), &db, &["today"]);
    assert_ne!(code, 0);
    assert!(err.contains("fieldbook --db"), "{err}");
    assert!(err.contains(" restore "), "{err}");
    assert!(err.contains("backups"), "{err}");
    assert_eq!(std::fs::metadata(&db).unwrap().len(), 0, "left as it was");

    // Without backups, a 0-byte file is simply a new book.
    let fresh = tempfile::tempdir().unwrap();
    let db = fresh.path().join("book.sqlite3");
    std::fs::write(&db, b"").unwrap();
    assert_eq!(fieldbook(fresh.path(), &db, &["add", "Acme"]).0, 0);
}

#[test]
fn books_new_and_old_carry_fieldbooks_application_id() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.sqlite3");
    {
        let conn = rusqlite::Connection::open(&old).unwrap();
        fieldbook::repository::notes::register(&conn).unwrap();
        for sql in &MIGRATIONS[..6] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 6).unwrap();
    }
    let new = dir.path().join("new.sqlite3");
    for path in [&old, &new] {
        drop(Repository::open(path).unwrap());
        let conn = rusqlite::Connection::open(path).unwrap();
        let id: i32 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .unwrap();
        assert_eq!(id, APPLICATION_ID, "{}", path.display());
    }
}

#[test]
fn twenty_first_opens_of_one_new_book_at_once_all_succeed() {
    for _ in 0..3 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("book.sqlite3");
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(20));
        let opens: Vec<_> = (0..20)
            .map(|_| {
                let (path, barrier) = (path.clone(), barrier.clone());
                std::thread::spawn(move || {
                    barrier.wait();
                    Repository::open(&path).map(|r| r.schema_version().unwrap())
                })
            })
            .collect();
        let failures: Vec<String> = opens
            .into_iter()
            .filter_map(|t| match t.join().unwrap() {
                Ok(LATEST_VERSION) => None,
                Ok(v) => Some(format!("version {v}")),
                Err(e) => Some(e.to_string()),
            })
            .collect();
        assert_eq!(failures, Vec::<String>::new());
    }
}

/// A new book whose fieldbook died before its write-ahead log was folded in has fieldbook's id
/// and tables only in `-wal`, not yet in the file's header: it is still recognised.
#[test]
fn a_new_book_killed_before_its_log_was_folded_in_still_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    let mut repo = Repository::open(&path).unwrap();
    repo.add_customer(&fieldbook::book::model::CustomerDraft {
        name: "Only in the log".into(),
        ..Default::default()
    })
    .unwrap();
    let backups = fieldbook::repository::backup::backup_dir(&path);
    std::fs::create_dir_all(&backups).unwrap();
    repo.backup_to(&backups.join("book-20261128-090000.sqlite3"))
        .unwrap();
    // As if killed: the connection is never closed, so the log is never folded in.
    std::mem::forget(repo);
    let mut header = [0u8; 72];
    std::io::Read::read_exact(&mut std::fs::File::open(&path).unwrap(), &mut header).unwrap();
    assert_eq!(&header[68..72], &[0, 0, 0, 0], "the id is only in the log");
    let repo = Repository::open(&path).unwrap();
    assert_eq!(repo.customer_rows().unwrap()[0].name, "Only in the log");
}
