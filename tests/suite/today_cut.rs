//! `fieldbook today` on a big morning: the first of each list, counted in full, `--all` and
//! JSON for every one.

use crate::common::{CliBook, customer};
use fieldbook::book::model::FollowUpDraft;
use fieldbook::repository::Repository;

const NOW: &str = "2026-12-07T10:00:00";

fn book_with_overdue(n: usize) -> CliBook {
    let book = CliBook::new();
    let mut repo = Repository::open(&book.path()).unwrap();
    let id = repo.add_customer(&customer("Acme Trading")).unwrap();
    for i in 0..n {
        repo.add_follow_up(&FollowUpDraft {
            customer_id: id,
            due_on: "2026-11-30".parse().unwrap(),
            due_time: None,
            task: format!("task {i}").into(),
            repeat: None,
        })
        .unwrap();
    }
    book
}

/// What `fieldbook ARGS` prints at `NOW`.
fn run(book: &CliBook, args: &[&str]) -> String {
    let out = book.cmd(args).env("FIELDBOOK_NOW", NOW).output().unwrap();
    assert!(out.status.success(), "{args:?}");
    String::from_utf8(out.stdout).unwrap()
}

fn listed(out: &str) -> usize {
    out.lines()
        .filter(|l| l.trim_start().starts_with('#'))
        .count()
}

#[test]
fn today_shows_the_first_hundred_of_a_section_and_counts_the_rest() {
    let book = book_with_overdue(105);
    let out = run(&book, &["today"]);
    assert!(out.contains("Overdue (105)"), "{out}");
    assert_eq!(listed(&out), 100, "{out}");
    assert!(out.contains("… and 5 more (fieldbook today --all"), "{out}");
    let all = run(&book, &["today", "--all"]);
    assert_eq!(listed(&all), 105, "{all}");
    assert!(!all.contains("more (fieldbook today --all"), "{all}");
    let value: serde_json::Value = serde_json::from_str(&run(&book, &["today", "--json"])).unwrap();
    assert_eq!(value["overdue"].as_array().unwrap().len(), 105);
}

#[test]
fn a_section_of_a_hundred_is_shown_whole() {
    let book = book_with_overdue(100);
    let out = run(&book, &["today"]);
    assert_eq!(listed(&out), 100, "{out}");
    assert!(!out.contains("more (fieldbook"), "{out}");
}
