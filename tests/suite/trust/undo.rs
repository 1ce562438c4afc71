//! Undo holds data, not code: an import cannot plant undo steps, and nothing read from the
//! book is ever run as SQL.

use crate::common;

use fieldbook::interop::{self, Commit, Duplicates, Format, ImportPolicy, ReadOptions};
use fieldbook::repository::Repository;
use serde_json::{Value, json};

fn export(repo: &Repository) -> Value {
    let text = interop::json::write(
        &repo.book_tables().unwrap(),
        repo.schema_version().unwrap(),
        common::now(),
    );
    serde_json::from_str(&text).unwrap()
}

/// A fieldbook JSON export doctored with an undo step whose log deletes every interaction,
/// labelled like an ordinary change, in the old (SQL text) and the new (row data) shapes.
fn crafted(mut file: Value) -> String {
    let tables = file["tables"].as_object_mut().unwrap();
    tables.insert(
        "undo_step".into(),
        json!([{"id": 900_000, "label": "log call with X", "at": "2026-11-28T10:00:00"}]),
    );
    let mut log = vec![
        json!({"id": 900_000, "step": 900_000, "sql": "DELETE FROM interaction; DELETE FROM customer"}),
    ];
    for id in 1..=20 {
        log.push(json!({"id": 900_000 + id, "step": 900_000, "tbl": "interaction", "change": "insert", "row_id": id}));
    }
    tables.insert("undo_log".into(), Value::Array(log));
    file.to_string()
}

fn import(repo: &mut Repository, text: &str) {
    let options = ReadOptions {
        format: Some(Format::Json),
        ..ReadOptions::default()
    };
    let batch = interop::read_bytes(text.as_bytes(), "crafted.json", &options).unwrap();
    // The gate may refuse the crafted rows outright; the rest goes in, as `--skip-bad` would.
    let policy = ImportPolicy {
        duplicates: Duplicates::Skip,
        skip_bad: true,
    };
    repo.import(&batch, &policy, Commit::Yes, &mut |_, _| {})
        .expect("the import itself is fine");
}

fn interactions(repo: &Repository) -> usize {
    repo.customer_rows()
        .unwrap()
        .iter()
        .map(|c| repo.interaction_count(c.id).unwrap() as usize)
        .sum()
}

#[test]
fn an_imported_undo_step_is_never_planted_nor_run() {
    let (source, _) = common::sample_book();
    let text = crafted(export(&source));
    // Into a book that has history of its own, and into an empty one (ids kept).
    for mut repo in [common::sample_book().0, common::empty_book()] {
        let had = interactions(&repo);
        import(&mut repo, &text);
        let history = repo.undo_history(5).unwrap();
        assert!(
            !history.iter().any(|l| l == "log call with X"),
            "planted: {history:?}"
        );
        assert!(history[0].starts_with("import"), "{history:?}");
        assert_eq!(repo.undo().unwrap().as_deref(), Some(history[0].as_str()));
        assert_eq!(interactions(&repo), had, "undo took back the import only");
        while repo.undo().unwrap().is_some() {}
        assert!(interactions(&repo) <= had);
    }
}

/// Even a log row that reached the book some other way only names rows; it can't run SQL,
/// and a table undo does not track is refused with the book unchanged.
#[test]
fn a_doctored_undo_log_names_rows_and_runs_nothing() {
    let (repo, _) = common::sample_book();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    repo.backup_to(&path).unwrap();
    drop(repo);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "INSERT INTO undo_step (id, label, at) VALUES (900000, 'log call with X', '2026-11-28T10:00:00');
             INSERT INTO undo_log (step, tbl, change, row_id, old)
                 VALUES (900000, 'sqlite_master; DROP TABLE interaction', 'insert', 1, NULL);",
        )
        .unwrap();
    }
    let mut repo = Repository::open(&path).unwrap();
    let had = interactions(&repo);
    assert!(repo.undo().is_err(), "refused");
    assert_eq!(interactions(&repo), had);
    assert_eq!(repo.undo_history(1).unwrap(), ["log call with X"]);
}

/// Old values go through JSON and come back with their type and text exactly: a phone of
/// digits stays text, text that looks like JSON stays text.
#[test]
fn undo_gives_back_values_exactly_through_json() {
    let mut repo = common::empty_book();
    let draft = fieldbook::book::model::CustomerDraft {
        name: "零零七 \"Bond\" \\ '".into(),
        phone: "007".into(),
        // Text that looks like JSON or an escape, not the characters themselves (the gate
        // refuses those at the door).
        notes: "{\"a\": 1} [1, 2] null true \\u0000 \\u202e".into(),
        cadence_days: Some(14),
        ..Default::default()
    };
    let id = repo.add_customer(&draft).unwrap();
    let before = format!("{:?}", repo.customer(id).unwrap());
    let mut edited = draft.clone();
    edited.phone = "7".into();
    edited.notes = String::new();
    edited.cadence_days = None;
    repo.update_customer(id, &edited).unwrap();
    repo.set_archived(id, true).unwrap();
    repo.undo().unwrap();
    repo.undo().unwrap();
    assert_eq!(format!("{:?}", repo.customer(id).unwrap()), before);
}

/// A book from before undo held data: its SQL-text steps are dropped by the upgrade, never run.
#[test]
fn an_old_books_sql_undo_steps_are_dropped_on_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        fieldbook::repository::notes::register(&conn).unwrap();
        for sql in &fieldbook::repository::MIGRATIONS[..6] {
            conn.execute_batch(sql).unwrap();
        }
        conn.execute_batch(
            "PRAGMA user_version = 6;
             INSERT INTO customer (name, created_at, updated_at) VALUES ('Kept', '2025-01-01T00:00:00', '2025-01-01T00:00:00');
             INSERT INTO undo_step (id, label, at) VALUES (1, 'log call with X', '2025-01-01T00:00:00');
             INSERT INTO undo_log (step, sql) VALUES (1, 'DELETE FROM customer');",
        )
        .unwrap();
    }
    let mut repo = Repository::open(&path).unwrap();
    assert_eq!(repo.undo_history(5).unwrap(), Vec::<String>::new());
    assert_eq!(repo.undo().unwrap(), None);
    assert_eq!(repo.customer_rows().unwrap().len(), 1);
}
