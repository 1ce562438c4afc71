//! Searching summaries and notes (FTS5): CJK inside longer text, Latin prefixes, and an index
//! that follows every write, undo included.

use chrono::NaiveDateTime;
use fieldbook::book::ids::{CustomerId, InteractionId};
use fieldbook::book::model::{Channel, ContactDraft, CustomerDraft, InteractionDraft};
use fieldbook::repository::Repository;

fn at(s: &str) -> NaiveDateTime {
    s.parse().unwrap()
}

fn log(repo: &mut Repository, customer_id: CustomerId, when: &str, summary: &str) -> InteractionId {
    repo.log_interaction(
        &InteractionDraft {
            customer_id,
            contact_id: None,
            at: at(when),
            channel: Channel::Call,
            summary: summary.into(),
            outcome: None,
        },
        None,
    )
    .unwrap()
    .0
}

fn ids(repo: &Repository, typed: &str) -> Vec<(CustomerId, Option<InteractionId>)> {
    repo.search_notes(typed, 50)
        .unwrap()
        .into_iter()
        .map(|h| (h.customer_id, h.interaction_id))
        .collect()
}

#[test]
fn finds_chinese_inside_sentences_latin_by_prefix_and_notes() {
    let mut repo = Repository::open_in_memory().unwrap();
    let xinghe = repo
        .add_customer(&CustomerDraft {
            name: "星河科技".into(),
            notes: "喜欢喝茶，周一上午不方便".into(),
            ..Default::default()
        })
        .unwrap();
    let acme = repo
        .add_customer(&CustomerDraft {
            name: "Acme".into(),
            ..Default::default()
        })
        .unwrap();
    let first = log(
        &mut repo,
        xinghe,
        "2026-11-01T10:00:00",
        "电话沟通Q1订单，客户要求下周报价",
    );
    let second = log(
        &mut repo,
        acme,
        "2026-11-20T10:00:00",
        "Sent the quotation for Q1",
    );
    let third = log(&mut repo, xinghe, "2026-11-25T10:00:00", "报价单已发");

    assert_eq!(
        ids(&repo, "报价"),
        [(xinghe, Some(third)), (xinghe, Some(first))]
    );
    assert_eq!(
        ids(&repo, "q1"),
        [(acme, Some(second)), (xinghe, Some(first))]
    );
    assert_eq!(
        ids(&repo, "quot"),
        [(acme, Some(second))],
        "prefix while typing"
    );
    assert_eq!(
        ids(&repo, "q1 报价"),
        [(xinghe, Some(first))],
        "every word must appear"
    );
    assert_eq!(ids(&repo, "喝茶"), [(xinghe, None)], "customer notes");
    assert!(
        ids(&repo, "价报").is_empty(),
        "characters in order, not scattered"
    );

    // A person's notes are the customer's too.
    repo.add_contact(
        acme,
        &ContactDraft {
            name: "Wile".into(),
            notes: "prefers WeChat voice messages".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(ids(&repo, "voice"), [(acme, None)]);

    // Undo takes the log out of the index; archiving hides the customer.
    repo.undo().unwrap(); // the contact
    assert!(ids(&repo, "voice").is_empty());
    repo.undo().unwrap(); // the third log
    assert_eq!(ids(&repo, "报价"), [(xinghe, Some(first))]);
    repo.set_archived(xinghe, true).unwrap();
    assert!(ids(&repo, "报价").is_empty());
}

#[test]
fn a_book_written_before_search_existed_is_indexed_on_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    {
        let mut repo = Repository::open(&path).unwrap();
        let id = repo
            .add_customer(&CustomerDraft {
                name: "Old".into(),
                ..Default::default()
            })
            .unwrap();
        log(&mut repo, id, "2026-10-01T10:00:00", "样品已寄出");
    }
    // Take the book back to version 4, as an older fieldbook left it.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "DROP TRIGGER interaction_fts_insert; DROP TRIGGER interaction_fts_update;
         DROP TRIGGER interaction_fts_delete; DROP TRIGGER customer_notes_fts_insert;
         DROP TRIGGER customer_notes_fts_update; DROP TRIGGER customer_notes_fts_delete;
         DROP TRIGGER contact_notes_fts; DROP TRIGGER contact_notes_fts_update;
         DROP TRIGGER contact_notes_fts_delete;
         DROP TABLE interaction_fts; DROP TABLE customer_notes_fts;
         DROP INDEX customer_by_next_follow_up;
         DROP INDEX undo_step_by_stack; ALTER TABLE undo_step DROP COLUMN redo;
         ALTER TABLE undo_step DROP COLUMN run;
         DROP TRIGGER deal_last_order_insert; DROP TRIGGER deal_last_order_update;
         DROP TRIGGER deal_last_order_delete; DROP INDEX customer_cold_by_own_cadence;
         DROP INDEX customer_quiet_by_tier_cadence; ALTER TABLE customer DROP COLUMN last_order_on;
         PRAGMA user_version = 4;",
    )
    .unwrap();
    drop(conn);
    let repo = Repository::open(&path).unwrap();
    assert_eq!(repo.search_notes("样品", 10).unwrap().len(), 1);
}
