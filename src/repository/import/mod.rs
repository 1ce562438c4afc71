//! Imports: a whole import in ONE transaction (an undo step: `u` takes it back), each record
//! matched against the book first so nothing is doubled, merged or skipped as asked; a fieldbook
//! JSON export's other tables copied too (`copy`). And what the exports read (`reads`). The
//! only SQL of import and export is in this module.

mod copy;
mod reads;

use std::collections::{HashMap, HashSet};

use rusqlite::types::Value as Sql;
use rusqlite::{Connection, params};

use super::customer_columns;
use super::customers::{self, check_name};
use super::sql_text as text;
use super::{BookError, Repository, Result};
use crate::book::model::{ContactDraft, ContactId, CustomerDraft, CustomerId, CustomerKind};
use crate::book::validate;
use crate::interop::dedup::{self, Index};
use crate::interop::{
    Action, Batch, Commit, Duplicates, ImportPolicy, ImportReport, Match, Outcome, Record, Step,
};
use copy::TableShape;
use reads::{contact_draft, customer_draft};

impl Repository {
    /// Imports `batch` in one transaction: each record matched against the book (and the
    /// records before it) so duplicates are merged or skipped per `policy`, never doubled.
    /// `Commit::No` does it all and rolls back: an exact preview. Bad records refuse the whole
    /// import unless `policy.skip_bad`. `progress(done, total)` is called now and then.
    pub fn import(
        &mut self,
        batch: &Batch,
        policy: &ImportPolicy,
        commit: Commit,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<ImportReport> {
        if commit == Commit::Yes && batch.has_bad() && !policy.skip_bad {
            return Err(BookError::Invalid(format!(
                "{} bad record(s) in {}: nothing was written. Fix them, or import the rest with --skip-bad",
                batch.bad_records(),
                batch.source
            )));
        }
        let now = text::datetime(self.now());
        let label = format!(
            "import {}",
            std::path::Path::new(&batch.source)
                .file_name()
                .map_or(batch.source.clone(), |n| n.to_string_lossy().into_owned())
        );
        let tx = self.step(&label)?;
        // A copied book's rows may refer forward; the keys are checked at commit.
        tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
        let keep_ids = tx.query_row("SELECT NOT EXISTS (SELECT 1 FROM customer)", [], |r| {
            r.get(0)
        })?;
        let mut run = Run {
            tx: &tx,
            index: load_index(&tx)?,
            policy: *policy,
            now,
            keep_ids,
            customers: HashMap::new(),
            ids: HashMap::new(),
            shapes: HashMap::new(),
            merged: HashSet::new(),
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
        drop(run);
        if commit == Commit::Yes {
            tx.commit()?;
            report.written = true;
        }
        Ok(report)
    }
}

/// Indexes a book customer from a row of `id, name, kind, city, phone, email`.
pub(super) fn put_customer_row(index: &mut Index, r: &rusqlite::Row<'_>) -> Result<()> {
    let kind: String = r.get(2)?;
    let draft = CustomerDraft {
        name: r.get(1)?,
        kind: CustomerKind::parse(&kind),
        city: r.get(3)?,
        phone: r.get(4)?,
        email: r.get(5)?,
        ..CustomerDraft::default()
    };
    index.put_customer(r.get(0)?, &draft, None);
    Ok(())
}

fn load_index(tx: &Connection) -> Result<Index> {
    let mut index = Index::default();
    let mut stmt = tx.prepare("SELECT id, name, kind, city, phone, email FROM customer")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        put_customer_row(&mut index, r)?;
    }
    let mut stmt = tx.prepare("SELECT id, customer_id, name, phone, email FROM contact")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let draft = ContactDraft {
            name: r.get(2)?,
            phone: r.get(3)?,
            email: r.get(4)?,
            ..ContactDraft::default()
        };
        index.put_contact(r.get(1)?, r.get(0)?, &draft, None);
    }
    Ok(index)
}

impl Repository {
    /// `likely_duplicate` from every customer of the book: what the indexed one answers like.
    pub fn likely_duplicate_whole_book(
        &self,
        d: &CustomerDraft,
    ) -> Result<Option<crate::interop::dedup::Likely>> {
        Ok(load_index(&self.conn)?.book_twin(d))
    }
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
        check_name(&d.name, "a customer")?;
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
                    .map(|l| (l.customer, Match::Book(l.customer)))
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
        check_name(&p.name, "a person")?;
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
                .insert(*source, id);
        }
        Ok(Step {
            name: p.name.trim().to_string(),
            action,
            matched,
            likely: None,
        })
    }

    fn insert_customer(&mut self, record: &Record) -> Result<CustomerId> {
        if let Some(k) = &record.kept {
            return self.insert_row("customer", &k.customer, &[]);
        }
        customers::insert_customer(self.tx, &record.customer, &self.now, "")
    }

    /// Merges `new` into customer `id`; true when that changed it.
    fn merge_customer(&mut self, id: CustomerId, new: &CustomerDraft) -> Result<bool> {
        let sql = format!(
            "SELECT {} FROM customer WHERE id = ?1",
            customer_columns::stored()
        );
        let old = self
            .tx
            .prepare_cached(&sql)?
            .query_row([id], customer_draft)?;
        let merged = dedup::merge_customer(&old, new);
        if merged == old {
            return Ok(false);
        }
        // Each file's values passed the gate; what merging adds up (phone lists) must too.
        super::gate::gate(&merged.name, validate::customer(&merged))?;
        // The name stays as the book has it: the merge matched on it.
        let mut stmt = self.tx.prepare_cached(&format!(
            "UPDATE customer SET {}, updated_at = ?17 WHERE id = ?1",
            customer_columns::assignments(1, 2),
        ))?;
        stmt.raw_bind_parameter(1, id)?;
        customer_columns::bind_draft(&mut stmt, &merged, 1, 2)?;
        stmt.raw_bind_parameter(17, &self.now)?;
        stmt.raw_execute()?;
        self.index.put_customer(id, &merged, None);
        Ok(true)
    }

    fn insert_contact(
        &mut self,
        record: &Record,
        customer: CustomerId,
        p: &ContactDraft,
    ) -> Result<ContactId> {
        if let Some((_, row)) = record.kept.as_ref().and_then(|k| k.contact.as_ref()) {
            return self.insert_row("contact", row, &[("customer_id", Sql::Integer(customer))]);
        }
        self.tx
            .prepare_cached(
                "INSERT INTO contact (customer_id, name, title, phone, email, wechat, birthday,
                    notes, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                customer,
                p.name.trim(),
                p.title,
                p.phone,
                p.email,
                p.wechat,
                p.birthday.map(|b| b.to_text()),
                p.notes,
                self.now,
            ])?;
        Ok(self.tx.last_insert_rowid())
    }

    fn merge_contact(
        &mut self,
        customer: CustomerId,
        id: ContactId,
        new: &ContactDraft,
    ) -> Result<bool> {
        let old = self
            .tx
            .prepare_cached(
                "SELECT name, title, phone, email, wechat, birthday, notes FROM contact WHERE id = ?1",
            )?
            .query_row([id], contact_draft)?;
        let merged = dedup::merge_contact(&old, new);
        if merged == old {
            return Ok(false);
        }
        super::gate::gate(&merged.name, validate::contact(&merged))?;
        self.tx
            .prepare_cached(
                "UPDATE contact SET title = ?2, phone = ?3, email = ?4, wechat = ?5, birthday = ?6,
                    notes = ?7
                 WHERE id = ?1",
            )?
            .execute(params![
                id,
                merged.title,
                merged.phone,
                merged.email,
                merged.wechat,
                merged.birthday.map(|b| b.to_text()),
                merged.notes,
            ])?;
        self.index.put_contact(customer, id, &merged, None);
        Ok(true)
    }
}
