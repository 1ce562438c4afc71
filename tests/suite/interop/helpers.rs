//! Reading fixtures, importing them, and looking at the book afterwards.

#![allow(dead_code)]

use std::path::PathBuf;

use fieldbook::book::model::{ContactDraft, CustomerDraft};
use fieldbook::interop::json::TableRows;
use fieldbook::interop::{
    self, Batch, Commit, Duplicates, ImportPolicy, ImportReport, ReadOptions, Severity,
};
use fieldbook::repository::Repository;

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/interop")
        .join(name)
}

pub fn read(path: &std::path::Path) -> Batch {
    interop::read_file(path, &ReadOptions::default()).unwrap()
}

pub fn read_own(name: &str) -> Batch {
    read(&fixture(name))
}

pub fn import(repo: &mut Repository, batch: &Batch, duplicates: Duplicates) -> ImportReport {
    let policy = ImportPolicy {
        duplicates,
        skip_bad: true,
    };
    repo.import(batch, &policy, Commit::Yes, &mut |_, _| {})
        .unwrap()
}

pub fn book() -> Repository {
    crate::common::empty_book()
}

/// Every table but the undo log: what "the same book" means.
pub fn tables(repo: &Repository) -> Vec<TableRows> {
    repo.book_tables().unwrap()
}

/// (customer, its people by name) for every customer not archived, by name.
pub fn customers(repo: &Repository) -> Vec<(CustomerDraft, Vec<ContactDraft>)> {
    let book = repo.export_rows().unwrap();
    let mut out: Vec<(CustomerDraft, Vec<ContactDraft>)> = book
        .customers
        .iter()
        .filter(|c| !c.archived)
        .map(|c| {
            let mut people: Vec<ContactDraft> = book
                .contacts
                .iter()
                .filter(|p| p.customer_id == c.id)
                .map(|p| p.draft.clone())
                .collect();
            people.sort_by(|a, b| a.name.cmp(&b.name));
            (c.draft.clone(), people)
        })
        .collect();
    out.sort_by(|a, b| (&a.0.name, &a.0.city).cmp(&(&b.0.name, &b.0.city)));
    out
}

pub fn customer(repo: &Repository, name: &str) -> (CustomerDraft, Vec<ContactDraft>) {
    let all = customers(repo);
    let found: Vec<_> = all.into_iter().filter(|(c, _)| c.name == name).collect();
    assert_eq!(found.len(), 1, "exactly one customer {name}");
    found.into_iter().next().unwrap()
}

pub fn person(repo: &Repository, company: &str, name: &str) -> ContactDraft {
    let (_, people) = customer(repo, company);
    people
        .into_iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("{name} at {company}"))
}

pub fn notices(batch: &Batch, severity: Severity) -> Vec<String> {
    batch
        .notices
        .iter()
        .filter(|n| n.severity == severity)
        .map(fieldbook::services::import_words::notice)
        .collect()
}
