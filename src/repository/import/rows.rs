//! The rows an import writes into the prepared copy: a customer or person inserted, or the
//! blanks of one already there filled from the file.

use rusqlite::params;
use rusqlite::types::Value as Sql;

use super::reads::{contact_draft, customer_draft};
use super::{Run, apply};
use crate::book::model::{ContactDraft, ContactId, CustomerDraft, CustomerId};
use crate::book::validate;
use crate::interop::Record;
use crate::interop::dedup;
use crate::repository::Result;
use crate::repository::{customer_columns, customers, gate};

impl Run<'_> {
    pub(super) fn insert_customer(&mut self, record: &Record) -> Result<CustomerId> {
        let id = match &record.kept {
            Some(k) => CustomerId(self.insert_row("customer", &k.customer, &[])?),
            None => customers::insert_customer(self.tx, &record.customer, &self.now, "")?,
        };
        self.written.inserted("customer", id.get(), record.place);
        Ok(id)
    }

    /// Merges `new` into customer `id`; true when that changed it.
    pub(super) fn merge_customer(&mut self, id: CustomerId, new: &CustomerDraft) -> Result<bool> {
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
        gate::gate(
            gate::Subject::Named(&merged.name),
            validate::customer(&merged),
        )?;
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
        self.written.merged("customer", id.get());
        Ok(true)
    }

    pub(super) fn insert_contact(
        &mut self,
        record: &Record,
        customer: CustomerId,
        p: &ContactDraft,
    ) -> Result<ContactId> {
        if let Some((_, row)) = record.kept.as_ref().and_then(|k| k.contact.as_ref()) {
            let id = self.insert_row(
                "contact",
                row,
                &[("customer_id", Sql::Integer(customer.get()))],
            )?;
            self.written.inserted("contact", id, record.place);
            return Ok(ContactId(id));
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
        let id = self.tx.last_insert_rowid();
        self.written.inserted("contact", id, record.place);
        Ok(ContactId(id))
    }

    pub(super) fn merge_contact(
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
        gate::gate(
            gate::Subject::Named(&merged.name),
            validate::contact(&merged),
        )?;
        self.tx
            .prepare_cached(&format!(
                "UPDATE contact SET {} WHERE id = ?1",
                apply::MERGED_CONTACT_COLUMNS
                    .iter()
                    .enumerate()
                    .map(|(i, c)| format!("{c} = ?{}", i + 2))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))?
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
        self.written.merged("contact", id.get());
        Ok(true)
    }
}
