//! Backups: names that never collide, half-written copies cleaned up, rotation that keeps
//! days, weeks and months and never the empty book over the last one with customers, and a
//! clock that was wrong once does not stop the backups.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::common::fieldbook;
use chrono::NaiveDateTime;
use fieldbook::book::model::CustomerDraft;
use fieldbook::repository::Repository;
use fieldbook::repository::backup::{
    self, Retention, backup_dir, list_backups, rotate, rotate_with,
};

fn at(s: &str) -> NaiveDateTime {
    s.parse().unwrap()
}

fn book(dir: &Path, customers: usize) -> PathBuf {
    let path = dir.join("book.sqlite3");
    let mut repo = Repository::open(&path).unwrap();
    for i in 0..customers {
        repo.add_customer(&CustomerDraft {
            name: format!("Customer {i}"),
            ..Default::default()
        })
        .unwrap();
    }
    path
}

fn kept(path: &Path) -> Vec<String> {
    list_backups(&backup_dir(path), path)
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy()[5..20].to_string())
        .collect()
}

#[test]
fn copies_taken_in_the_same_second_get_their_own_names() {
    let dir = tempfile::tempdir().unwrap();
    let path = book(dir.path(), 1);
    let repo = Repository::open(&path).unwrap();
    let folder = backup_dir(&path);
    std::fs::create_dir_all(&folder).unwrap();
    let now = at("2026-11-28T09:15:00");
    let mut taken = Vec::new();
    for _ in 0..3 {
        let name = backup::backup_name(&folder, &path, now);
        repo.backup_to(&name).unwrap();
        taken.push(name);
        let safety = backup::before_restore_name(&folder, &path, now);
        repo.backup_to(&safety).unwrap();
    }
    assert_eq!(list_backups(&folder, &path), taken, "all listed, in order");
    // Two restores in a row (within a second, as a script does) both keep the book they replace.
    let copy = taken[0].to_str().unwrap();
    fieldbook(dir.path(), &["restore", copy, "--yes"])
        .assert()
        .success();
    fieldbook(dir.path(), &["restore", copy, "--yes"])
        .assert()
        .success();
}

#[test]
fn stale_half_written_copies_are_removed_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let path = book(dir.path(), 1);
    let folder = backup_dir(&path);
    std::fs::create_dir_all(&folder).unwrap();
    let stale = [
        folder.join("book-20261120-080000.partial"),
        fieldbook::repository::restore::partial_path(&path),
    ];
    let young = folder.join("book-20261128-080000.partial");
    let not_ours = folder.join("holiday photos.partial");
    for f in stale.iter().chain([&young, &not_ours]) {
        std::fs::write(f, b"half a copy").unwrap();
    }
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    for f in stale.iter().chain([&not_ours]) {
        let file = std::fs::File::options().write(true).open(f).unwrap();
        file.set_modified(hour_ago).unwrap();
    }
    fieldbook(dir.path(), &["today"]).assert().success();
    for f in &stale {
        assert!(!f.exists(), "{}", f.display());
    }
    assert!(young.exists(), "may belong to a fieldbook running now");
    assert!(not_ours.exists(), "not a name fieldbook gives");
}

#[test]
fn rotation_keeps_days_weeks_and_months() {
    let dir = tempfile::tempdir().unwrap();
    let path = book(dir.path(), 1);
    let keep = Retention {
        daily: 7,
        weekly: 4,
        monthly: 6,
    };
    let start = at("2026-01-01T08:00:00");
    for day in 0..300 {
        let now = start + chrono::Days::new(day);
        assert!(rotate_with(&path, now, 1, keep).unwrap().is_some());
    }
    let kept = kept(&path);
    let last = start + chrono::Days::new(299); // 2026-10-27, a Tuesday
    assert_eq!(last.format("%Y%m%d").to_string(), "20261027");
    let expected = [
        // the newest of each month, May to September (October's is today's)
        "20260531", "20260630", "20260731", "20260831", "20260930",
        // the newest of each of 4 weeks: this one (today's), then Sundays (the 25th is a day's)
        "20261011", "20261018", // the last 7 days
        "20261021", "20261022", "20261023", "20261024", "20261025", "20261026", "20261027",
    ];
    let days: Vec<&str> = kept.iter().map(|k| &k[..8]).collect();
    assert_eq!(days, expected);
}

#[test]
fn the_last_copy_with_customers_is_never_rotated_out_for_an_empty_book() {
    let dir = tempfile::tempdir().unwrap();
    let path = book(dir.path(), 3);
    rotate(&path, at("2026-11-01T08:00:00"), 1, 3).unwrap();
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        fieldbook::repository::notes::register(&conn).unwrap();
        conn.execute_batch("PRAGMA foreign_keys = ON; DELETE FROM customer;")
            .unwrap();
    }
    for day in 2..=9 {
        rotate(&path, at(&format!("2026-11-0{day}T08:00:00")), 1, 3).unwrap();
    }
    assert_eq!(
        kept(&path),
        [
            "20261101-080000",
            "20261107-080000",
            "20261108-080000",
            "20261109-080000"
        ]
    );
}

#[test]
fn a_backup_named_in_the_future_does_not_stop_the_backups() {
    let dir = tempfile::tempdir().unwrap();
    let path = book(dir.path(), 1);
    let future = backup_dir(&path).join("book-20300101-000000.sqlite3");
    std::fs::create_dir_all(backup_dir(&path)).unwrap();
    Repository::open(&path).unwrap().backup_to(&future).unwrap();
    for day in 20..=25 {
        let now = at(&format!("2026-11-{day}T08:00:00"));
        assert!(rotate(&path, now, 1, 2).unwrap().is_some(), "day {day}");
    }
    assert_eq!(
        kept(&path),
        ["20261124-080000", "20261125-080000", "20300101-000000"],
        "the future one is neither counted nor deleted"
    );
}
