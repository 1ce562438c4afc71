//! A big import never keeps other writers out for long: it is read, matched and checked in a
//! copy of the book, and the book is written only by one short transaction at the end. A dry
//! run and the app's preview take no write lock at all. Writes made meanwhile are kept, and an
//! import whose matching they would change is prepared again rather than doubling a customer.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use fieldbook::book::model::{Channel, InteractionDraft};
use fieldbook::interop::{self, Commit, Duplicates, ImportPolicy, ReadOptions};
use fieldbook::repository::Repository;

use crate::common::{CliBook, customer, now};

/// `rows` customers with a person each, every one new to the book.
fn write_csv(path: &Path, rows: usize) {
    let mut text = String::from("Company,Name,Phone,Email,City\n");
    for i in 0..rows {
        text.push_str(&format!(
            "Firm {i} Trading,Person {i},+86 138{i:08},p{i}@firm{i}.example,City {}\n",
            i % 40
        ));
    }
    std::fs::write(path, text).unwrap();
}

fn batch(path: &Path) -> interop::Batch {
    let options = ReadOptions {
        newest_schema: Some(fieldbook::repository::LATEST_VERSION),
        ..ReadOptions::default()
    };
    interop::read_file(path, &options).unwrap()
}

const SKIP: ImportPolicy = ImportPolicy {
    duplicates: Duplicates::Skip,
    skip_bad: false,
};

#[test]
fn a_log_from_a_shell_gets_through_while_a_50k_row_import_runs() {
    let book = CliBook::new();
    book.ok(&["add", "Acme Trading"]);
    let file = book.dir.path().join("big.csv");
    write_csv(&file, 50_000);
    let started = Instant::now();
    let mut import = Command::new(env!("CARGO_BIN_EXE_fieldbook"))
        .env("FIELDBOOK_DB", book.path())
        .env("FIELDBOOK_CONFIG", book.dir.path().join("config.toml"))
        .args(["import", file.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Calls logged one after another for as long as the import runs (at least ten), so some
    // meet it reading, matching and checking, and one meets its write.
    let (mut slowest, mut calls) = (Duration::ZERO, 0);
    while calls < 10 || (import.try_wait().unwrap().is_none() && calls < 300) {
        let call = Instant::now();
        let said = format!("call {calls} during the import");
        let (code, out, err) = book.run(&["log", "acme", &said]);
        assert_eq!(code, 0, "log {calls} failed: {out}{err}");
        slowest = slowest.max(call.elapsed());
        calls += 1;
    }
    let done = import.wait_with_output().unwrap();
    let took = started.elapsed();
    assert!(
        done.status.success(),
        "the import: {}",
        String::from_utf8_lossy(&done.stderr)
    );
    // No fixed time (the machine running the tests is shared): an import that held the lock
    // while reading and matching made a log wait most of its run; its write alone is a
    // small part of it.
    assert!(
        slowest < took / 3,
        "a log waited {slowest:?} of the import's {took:?}"
    );

    let repo = Repository::open(&book.path()).unwrap();
    assert_eq!(repo.customer_count().unwrap(), 50_001, "the import landed");
    let rows = repo.customer_rows().unwrap();
    let acme = rows.iter().find(|r| r.name == "Acme Trading").unwrap();
    assert_eq!(repo.interaction_count(acme.id).unwrap(), calls as i64);
    let said: Vec<String> = repo
        .history(acme.id, calls, 0)
        .unwrap()
        .into_iter()
        .map(|i| i.draft.summary)
        .collect();
    for i in 0..calls {
        let call = format!("call {i} during the import");
        assert!(said.contains(&call), "{call} landed");
    }
}

#[test]
fn a_dry_run_and_the_apps_preview_go_through_while_another_fieldbook_holds_the_write_lock() {
    let book = CliBook::new();
    book.ok(&["add", "Acme Trading"]);
    let file = book.dir.path().join("some.csv");
    write_csv(&file, 300);
    let holder = rusqlite::Connection::open(book.path()).unwrap();
    holder
        // BEGIN IMMEDIATE takes the write lock by itself (a raw connection can't fire the
        // book's search triggers, which call fieldbook's own SQL functions).
        .execute_batch("BEGIN IMMEDIATE;")
        .unwrap();

    let started = Instant::now();
    let (code, out, err) = book.run(&["import", file.to_str().unwrap(), "--dry-run"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("would import: customers 300 new"), "{out}");
    assert!(
        !err.contains("busy"),
        "a dry run never waits for the lock: {err}"
    );

    let mut repo = Repository::open(&book.path()).unwrap();
    let mut form = fieldbook::tui::importing::import_form();
    form.set_value(
        fieldbook::tui::form::ImportField::File,
        file.to_str().unwrap(),
    );
    let preview = fieldbook::tui::importing::preview(&mut form, &mut repo, Default::default())
        .unwrap()
        .expect("a preview");
    assert_eq!(preview.report.customers.created, 300);
    assert!(!preview.report.written);
    // The app's own busy wait is 5 s: a preview that needed the lock would have failed.
    assert!(started.elapsed() < Duration::from_secs(5 * 4));

    holder.execute_batch("ROLLBACK").unwrap();
    assert_eq!(
        repo.customer_count().unwrap(),
        1,
        "a preview writes nothing"
    );
}

#[test]
fn a_call_logged_while_the_import_is_prepared_is_kept_and_undo_takes_back_only_the_import() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    let mut repo = Repository::open(&path).unwrap();
    let acme = repo.add_customer(&customer("Acme Trading")).unwrap();
    let file = dir.path().join("some.csv");
    write_csv(&file, 600);
    let mut logged = false;
    let mut log_meanwhile = |_: usize, _: usize| {
        if !std::mem::replace(&mut logged, true) {
            let mut other = Repository::open(&path).unwrap();
            let call = InteractionDraft {
                customer_id: acme,
                contact_id: None,
                at: now(),
                channel: Channel::Call,
                summary: "logged while the import was prepared".into(),
                outcome: None,
            };
            other.log_interaction(&call, None).unwrap();
        }
    };
    let report = repo
        .import(&batch(&file), &SKIP, Commit::Yes, &mut log_meanwhile)
        .unwrap();
    assert!(report.written);
    assert_eq!(report.customers.created, 600);
    assert_eq!(repo.customer_count().unwrap(), 601);
    assert_eq!(repo.interaction_count(acme).unwrap(), 1, "the call is kept");

    assert_eq!(repo.undo().unwrap().as_deref(), Some("import some.csv"));
    assert_eq!(repo.customer_count().unwrap(), 1);
    assert_eq!(
        repo.interaction_count(acme).unwrap(),
        1,
        "undo left the call"
    );
}

#[test]
fn a_customer_added_while_the_import_is_prepared_is_not_doubled() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    let mut repo = Repository::open(&path).unwrap();
    repo.add_customer(&customer("Acme Trading")).unwrap();
    let file = dir.path().join("some.csv");
    write_csv(&file, 600);
    let mut prepared = 0;
    let mut add_meanwhile = |done: usize, _: usize| {
        if done == 0 {
            prepared += 1;
            if prepared == 1 {
                // Someone types in one of the file's customers from a shell.
                let mut other = Repository::open(&path).unwrap();
                let mut firm = customer("Firm 7 Trading");
                firm.city = "City 7".into();
                other.add_customer(&firm).unwrap();
            }
        }
    };
    let report = repo
        .import(&batch(&file), &SKIP, Commit::Yes, &mut add_meanwhile)
        .unwrap();
    assert_eq!(prepared, 2, "prepared again once the book had changed");
    assert_eq!(report.customers.created, 599);
    assert_eq!(report.customers.skipped, 1);
    let firms = repo
        .customer_rows()
        .unwrap()
        .into_iter()
        .filter(|r| r.name == "Firm 7 Trading")
        .count();
    assert_eq!(firms, 1, "never doubled");
    assert_eq!(repo.customer_count().unwrap(), 601);
}
