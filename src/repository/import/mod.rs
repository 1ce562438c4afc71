//! Imports: a whole import in ONE transaction (an undo step: `u` takes it back), each record
//! matched against the book first so nothing is doubled, merged or skipped as asked; a fieldbook
//! JSON export's other tables copied too (`copy`). And what the exports read (`reads`). The
//! only SQL of import and export is in this module.

mod apply;
mod book_index;
mod copy;
mod reads;
mod rows;
pub mod said;
mod stage;
mod twins;
mod written;

use std::collections::{HashMap, HashSet};

use rusqlite::Connection;

use super::customers::check_name;
use super::{BookError, Repository, Result};
use crate::book::model::{ContactDraft, CustomerId};
use crate::interop::dedup::Index;
use crate::interop::{
    Action, Batch, Commit, Duplicates, ImportPolicy, ImportReport, Match, Outcome, Record, Step,
};
use book_index::load_index;
pub(super) use book_index::put_customer_row;
use copy::TableShape;
use written::Written;

/// How many times an import is prepared again when another fieldbook changed customers or
/// people while it was being prepared.
const TRIES: usize = 3;

impl Repository {
    /// Imports `batch` as one transaction (one undo step): each record matched against the book
    /// (and the records before it) so duplicates are merged or skipped per `policy`, never
    /// doubled. The import is run and checked in a copy of the book first (`stage`), so the
    /// book is written only by the short copy of its rows (`apply`), and a file the checks
    /// refuse leaves it untouched. `Commit::No` stops after the copy: an exact preview that
    /// takes no write lock. Bad records refuse the whole import unless `policy.skip_bad`.
    /// `progress(done, total)` is called now and then.
    pub fn import(
        &mut self,
        batch: &Batch,
        policy: &ImportPolicy,
        commit: Commit,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<ImportReport> {
        if commit == Commit::Yes && batch.has_bad() && !policy.skip_bad {
            return Err(BookError::Invalid(t!(
                "import-bad-records-in",
                n = batch.bad_records(),
                file = batch.source.as_str()
            )));
        }
        let label = format!(
            "import {}",
            std::path::Path::new(&batch.source)
                .file_name()
                .map_or(batch.source.clone(), |n| n.to_string_lossy().into_owned())
        );
        for _ in 0..TRIES {
            let staged = self.stage_import(batch, policy, progress)?;
            if commit == Commit::No {
                return Ok(staged.report);
            }
            if self.apply_import(&staged, &label)? == apply::Applied::Done {
                let mut report = staged.report;
                report.written = true;
                return Ok(report);
            }
        }
        Err(BookError::Invalid(format!(
            "another fieldbook kept changing customers while {} was being imported; nothing \
             was written. Import it again.",
            batch.source
        )))
    }
}

/// Runs the whole import inside `tx` (the prepared copy's transaction): each record matched
/// against the book and the records before it, then the export's other tables. Returns what it
/// would report and every row it wrote.
fn run(
    tx: &Connection,
    now: String,
    batch: &Batch,
    policy: &ImportPolicy,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(ImportReport, Written)> {
    // A copied book's rows may refer forward; the keys are checked before the copy commits.
    tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
    let keep_ids = tx.query_row("SELECT NOT EXISTS (SELECT 1 FROM customer)", [], |r| {
        r.get(0)
    })?;
    let mut run = Run {
        tx,
        index: load_index(tx)?,
        policy: *policy,
        now,
        keep_ids,
        customers: HashMap::new(),
        ids: HashMap::new(),
        shapes: HashMap::new(),
        merged: HashSet::new(),
        written: Written::default(),
    };
    let mut report = ImportReport {
        bad_left_out: batch.bad_records(),
        ..ImportReport::default()
    };
    let total = batch.records.len();
    for (done, record) in batch.records.iter().enumerate() {
        if done % 256 == 0 {
            progress(done, total);
        }
        report.record(run.record(record)?);
    }
    report.rows = run.history(batch)?;
    progress(total, total);
    Ok((report, run.written))
}

/// Where a customer of a fieldbook JSON export went.
#[derive(Clone, Copy)]
struct Landed {
    id: CustomerId,
    matched: Option<Match>,
    /// Its other rows may be written: it was created, or merged into.
    history: bool,
    /// Created by this import: its other rows can't already be in the book.
    fresh: bool,
}

struct Run<'t> {
    tx: &'t Connection,
    index: Index,
    policy: ImportPolicy,
    now: String,
    /// The book was empty: a fieldbook JSON export keeps its ids.
    keep_ids: bool,
    /// Customers of a fieldbook JSON export, by the export's id.
    customers: HashMap<CustomerId, Landed>,
    /// Other rows of the export, by table and the export's id: the id they got here.
    ids: HashMap<String, HashMap<i64, i64>>,
    shapes: HashMap<String, TableShape>,
    /// Customers of the book merged into so far, each counted once.
    merged: HashSet<CustomerId>,
    /// Every row written, for the book to receive and for naming a row a check refuses.
    written: Written,
}

impl Run<'_> {
    fn record(&mut self, record: &Record) -> Result<Outcome> {
        let (customer_id, customer) = self.customer(record)?;
        let person = match &record.person {
            Some(p) => Some(self.person(record, customer_id, p)?),
            None => None,
        };
        Ok(Outcome {
            place: record.place,
            customer,
            person,
        })
    }

    fn customer(&mut self, record: &Record) -> Result<(CustomerId, Step)> {
        let d = &record.customer;
        check_name(&d.name, crate::repository::gate::Subject::ACustomer)?;
        let mut likely = None;
        let step = |action, matched, likely| Step {
            name: d.name.trim().to_string(),
            action,
            matched,
            likely,
        };
        if let Some(landed) = record
            .kept
            .as_ref()
            .and_then(|k| self.customers.get(&k.customer_id))
        {
            return Ok((landed.id, step(Action::Again, landed.matched, None)));
        }
        let found = self
            .index
            .find_customer(d, record.kept.is_some())
            .or_else(|| {
                // Not the same by the strict rule, but probably: shown, then treated as one.
                likely = self.index.likely_customer(d);
                likely
                    .as_ref()
                    .map(|l| (l.customer, Match::Book(l.customer.get())))
            });
        let keep_both = self.policy.duplicates == Duplicates::KeepBoth;
        let (id, action, matched) = match found {
            Some((_, Match::Book(_))) if keep_both => {
                let id = self.insert_customer(record)?;
                self.index.put_customer(id, d, Some(record.place));
                (id, Action::Create, None)
            }
            None => {
                let id = self.insert_customer(record)?;
                self.index.put_customer(id, d, Some(record.place));
                (id, Action::Create, None)
            }
            Some((id, m @ Match::Earlier(_))) => {
                self.merge_customer(id, d)?;
                (id, Action::Again, Some(m))
            }
            Some((id, m @ Match::Book(_))) => {
                // Counted once: later rows naming it again are "again", merged all the same.
                let again = self.index.was_seen(id);
                let action = match self.policy.duplicates {
                    Duplicates::Skip | Duplicates::KeepBoth => Action::Skip,
                    Duplicates::Merge => {
                        if self.merge_customer(id, d)? {
                            Action::Merge
                        } else {
                            Action::Unchanged
                        }
                    }
                };
                let first_merge = action == Action::Merge && self.merged.insert(id);
                let action = if again && !first_merge {
                    Action::Again
                } else {
                    action
                };
                (id, action, Some(m))
            }
        };
        self.index.seen(id);
        self.written.touched(id, record.place);
        if let Some(k) = &record.kept {
            let landed = Landed {
                id,
                matched: Some(matched.unwrap_or(Match::Earlier(record.place))),
                history: action == Action::Create || self.policy.duplicates == Duplicates::Merge,
                fresh: action == Action::Create,
            };
            self.customers.insert(k.customer_id, landed);
        }
        Ok((id, step(action, matched, likely)))
    }

    fn person(&mut self, record: &Record, customer: CustomerId, p: &ContactDraft) -> Result<Step> {
        check_name(&p.name, crate::repository::gate::Subject::APerson)?;
        let found = self.index.find_contact(customer, p, record.kept.is_some());
        let (id, action, matched) = match found {
            None => {
                let id = self.insert_contact(record, customer, p)?;
                self.index.put_contact(customer, id, p, Some(record.place));
                (id, Action::Create, None)
            }
            Some((id, m)) => match self.policy.duplicates {
                Duplicates::Skip | Duplicates::KeepBoth => (id, Action::Skip, Some(m)),
                Duplicates::Merge => {
                    let changed = self.merge_contact(customer, id, p)?;
                    let action = if changed {
                        Action::Merge
                    } else {
                        Action::Unchanged
                    };
                    (id, action, Some(m))
                }
            },
        };
        if let Some((source, _)) = record.kept.as_ref().and_then(|k| k.contact.as_ref()) {
            self.ids
                .entry("contact".into())
                .or_default()
                .insert(source.get(), id.get());
        }
        Ok(Step {
            name: p.name.trim().to_string(),
            action,
            matched,
            likely: None,
        })
    }
}
