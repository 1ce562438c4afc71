//! Backups, restore and the integrity check, on real files.

use std::os::unix::fs::PermissionsExt;

use crate::common::{customer, names};
use chrono::NaiveDateTime;
use fieldbook::repository::Repository;
use fieldbook::repository::backup::{self, check_file, list_backups, rotate};

fn at(s: &str) -> NaiveDateTime {
    s.parse().unwrap()
}

#[test]
fn a_backup_is_a_private_sound_copy_and_restore_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    let mut repo = Repository::open(&path).unwrap();
    repo.add_customer(&customer("星河科技")).unwrap();
    let copy = dir.path().join("copy.sqlite3");
    repo.backup_to(&copy).unwrap();
    assert_eq!(
        std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert!(repo.backup_to(&copy).is_err(), "never overwrites");
    let report = check_file(&copy).unwrap();
    assert_eq!(report.problems, Vec::<String>::new());
    assert_eq!(report.customers, 1);

    repo.add_customer(&customer("Northwind")).unwrap();
    assert_eq!(names(&repo), ["Northwind", "星河科技"]);
    repo.restore_from(&copy).unwrap();
    assert_eq!(names(&repo), ["星河科技"], "back to the copy");
    drop(repo);
    let reopened = Repository::open(&path).unwrap();
    assert_eq!(
        names(&reopened),
        ["星河科技"],
        "and it stays after reopening"
    );
}

#[test]
fn restore_refuses_what_is_not_a_sound_book() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    let mut repo = Repository::open(&path).unwrap();
    repo.add_customer(&customer("Keep me")).unwrap();

    let junk = dir.path().join("junk.sqlite3");
    std::fs::write(&junk, b"not a database at all, just text").unwrap();
    assert!(repo.restore_from(&junk).is_err());

    let other = dir.path().join("other.sqlite3");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE notes (x TEXT)")
        .unwrap();
    let err = repo.restore_from(&other).unwrap_err().to_string();
    assert!(err.contains("not a fieldbook book"), "{err}");
    assert_eq!(names(&repo), ["Keep me"], "the book is untouched");
}

#[test]
fn check_reports_damage_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    {
        let mut repo = Repository::open(&path).unwrap();
        for i in 0..200 {
            repo.add_customer(&customer(&format!(
                "Customer {i} with a longer name to fill pages"
            )))
            .unwrap();
        }
    }
    assert!(check_file(&path).unwrap().problems.is_empty());
    // Scribble over every page after the first (the schema), where the tables live.
    let mut bytes = std::fs::read(&path).unwrap();
    let page = 4096.min(bytes.len() / 2);
    for b in &mut bytes[page..] {
        *b = 0xAB;
    }
    let damaged = dir.path().join("damaged.sqlite3");
    std::fs::write(&damaged, bytes).unwrap();
    let verdict = check_file(&damaged);
    match verdict {
        Ok(report) => assert!(!report.problems.is_empty(), "{report:?}"),
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

#[test]
fn rotation_takes_one_a_day_and_keeps_the_newest() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    Repository::open(&path).unwrap();
    let first = rotate(&path, at("2026-11-20T08:00:00"), 1, 3).unwrap();
    assert!(first.is_some());
    assert_eq!(
        rotate(&path, at("2026-11-20T20:00:00"), 1, 3).unwrap(),
        None,
        "not again the same day"
    );
    for day in 21..=25 {
        let now = at(&format!("2026-11-{day}T08:00:00"));
        assert!(rotate(&path, now, 1, 3).unwrap().is_some());
    }
    let kept = list_backups(&backup::backup_dir(&path), &path);
    let kept: Vec<String> = kept
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        kept,
        [
            "book-20261123-080000.sqlite3",
            "book-20261124-080000.sqlite3",
            "book-20261125-080000.sqlite3"
        ]
    );
    assert_eq!(
        rotate(&path, at("2026-11-30T08:00:00"), 0, 3).unwrap(),
        None,
        "0 = off"
    );
    // Rotation opened every copy to count its customers: nothing is left beside them.
    let mut all: Vec<String> = std::fs::read_dir(backup::backup_dir(&path))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    all.sort();
    assert_eq!(all, kept);
}

#[test]
fn a_rotated_copy_goes_with_the_files_an_older_fieldbook_left_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    Repository::open(&path).unwrap();
    let first = rotate(&path, at("2026-11-20T08:00:00"), 1, 1)
        .unwrap()
        .unwrap();
    let side = |s: &str| {
        let mut name = first.clone().into_os_string();
        name.push(s);
        std::path::PathBuf::from(name)
    };
    for s in ["-wal", "-shm"] {
        std::fs::write(side(s), b"").unwrap();
    }
    rotate(&path, at("2026-11-21T08:00:00"), 1, 1).unwrap();
    assert!(!first.exists(), "rotated away");
    assert!(!side("-wal").exists() && !side("-shm").exists());
}
