//! The recorder's corners: changes made by foreign-key actions, statements that fail inside a
//! step, steps that never commit, and values that must come back exactly.

use super::*;
use crate::book::model::{CustomerDraft, CustomerId};

fn book() -> (Repository, CustomerId) {
    let mut repo = Repository::open_in_memory().unwrap();
    let id = repo
        .add_customer(&CustomerDraft {
            name: "星河科技".into(),
            ..Default::default()
        })
        .unwrap();
    for (name, phone) in [("王伟", "13800138000"), ("李娜", "13900139000")] {
        repo.conn
            .execute(
                "INSERT INTO contact (customer_id, name, phone, created_at)
                 VALUES (?1, ?2, ?3, '2026-12-01 09:00:00')",
                params![id.0, name, phone],
            )
            .unwrap();
    }
    (repo, id)
}

fn tables(repo: &Repository) -> String {
    format!("{:?}", repo.book_tables().unwrap())
}

/// Runs `sql` as one step named `label`, as a person's action would.
fn in_step(repo: &mut Repository, label: &str, sql: &str) {
    let step = repo.step(label).unwrap();
    step.execute_batch(sql).unwrap();
    step.commit().unwrap();
}

#[test]
fn rows_a_cascade_deleted_come_back_with_their_company() {
    let (mut repo, id) = book();
    let before = tables(&repo);
    in_step(
        &mut repo,
        "delete",
        &format!("DELETE FROM customer WHERE id = {}", id.0),
    );
    let logged: Vec<String> = repo
        .conn
        .prepare("SELECT tbl || ' ' || change FROM undo_log ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(
        logged.iter().filter(|l| *l == "contact delete").count(),
        2,
        "the people the cascade took are noted too: {logged:?}"
    );
    let after = tables(&repo);
    assert_eq!(repo.undo().unwrap().as_deref(), Some("delete"));
    assert_eq!(
        tables(&repo),
        before,
        "the people come back before or after the company"
    );
    assert_eq!(repo.redo().unwrap().as_deref(), Some("delete"));
    assert_eq!(tables(&repo), after);
    assert!(repo.undo().unwrap().is_some());
    assert_eq!(tables(&repo), before);
}

#[test]
fn a_statement_taken_back_inside_a_step_is_undone_as_nothing() {
    let (mut repo, id) = book();
    // The second person's delete fails: SQLite takes back the whole statement, the first
    // person's delete too, after the recorder has seen both.
    repo.conn
        .execute_batch(
            "CREATE TEMP TRIGGER refuse AFTER DELETE ON main.contact WHEN OLD.name = '李娜'
             BEGIN SELECT RAISE(ABORT, 'refused'); END;",
        )
        .unwrap();
    let before = tables(&repo);
    let step = repo.step("edit").unwrap();
    let failed = step.execute("DELETE FROM contact WHERE customer_id = ?1", [id.0]);
    assert!(failed.is_err());
    step.execute("UPDATE customer SET city = '武汉' WHERE id = ?1", [id.0])
        .unwrap();
    step.commit().unwrap();
    assert_ne!(tables(&repo), before);
    assert_eq!(repo.undo().unwrap().as_deref(), Some("edit"));
    assert_eq!(tables(&repo), before);
}

#[test]
fn a_step_that_never_commits_leaves_no_notes_behind() {
    let (mut repo, id) = book();
    {
        let step = repo.step("dropped").unwrap();
        step.execute("UPDATE customer SET city = '北京' WHERE id = ?1", [id.0])
            .unwrap();
    }
    // Outside any step: a migration or a restore writes like this, and is not a person's step.
    repo.conn
        .execute("UPDATE customer SET city = '上海' WHERE id = ?1", [id.0])
        .unwrap();
    in_step(
        &mut repo,
        "kept",
        &format!("UPDATE customer SET industry = '软件' WHERE id = {}", id.0),
    );
    // The dropped step's id was taken back too, so the kept step may have the same one.
    let kept = repo.last_step_id().unwrap();
    let notes: Vec<(i64, String)> = repo
        .conn
        .prepare(
            "SELECT step, json_extract(old, '$.city') FROM undo_log
              WHERE tbl = 'customer' AND change = 'update' AND step >= ?1",
        )
        .unwrap()
        .query_map([kept], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert!(!notes.is_empty());
    assert!(
        notes
            .iter()
            .all(|(step, city)| *step == kept && city == "上海"),
        "{notes:?}"
    );
}

#[test]
fn every_kind_of_value_comes_back_exactly() {
    let (mut repo, id) = book();
    let odd = "it's \"quoted\"\\ \n\t\u{1b}[31m 🙂 \u{0}end";
    for real in [2.5, 1.5e300, f64::INFINITY] {
        repo.conn
            .execute(
                "UPDATE customer SET notes = ?2, cadence_days = ?3 WHERE id = ?1",
                params![id.0, odd, real],
            )
            .unwrap();
        let before = tables(&repo);
        in_step(
            &mut repo,
            "edit",
            &format!(
                "UPDATE customer SET notes = 'x', cadence_days = 7 WHERE id = {}",
                id.0
            ),
        );
        assert!(repo.undo().unwrap().is_some());
        assert_eq!(tables(&repo), before);
        let back: (String, f64) = repo
            .conn
            .query_row(
                "SELECT notes, cadence_days FROM customer WHERE id = ?1",
                [id.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(back, (odd.to_string(), real));
    }
}
