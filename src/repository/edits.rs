//! Saving an edit only over what the editor saw: optimistic concurrency for forms that stay
//! open while another fieldbook (the CLI, an import) may write the same row.
//!
//! The row's version is its content. The form keeps the customer as it opened; the save checks,
//! inside its own write transaction, that the fields the form writes are still as they were,
//! and writes only then. A `version` column would also flag writes the form never overwrites
//! (a contact logged moves `last_contact_at`) and would need a migration; comparing the fields
//! flags exactly what a save would clobber and names each one.

use rusqlite::OptionalExtension;

use super::customers::{check_name, customer_from_row, write_customer};
use super::sql_text as text;
use super::{BookError, Repository, Result};
use crate::book::model::{Customer, CustomerDraft, CustomerId};

/// What became of a guarded save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Guarded {
    Saved,
    /// The book's row differs from what the form opened with; nothing was written. The row
    /// as it is now.
    ChangedMeanwhile(Box<Customer>),
}

impl Repository {
    /// Saves customer `id` as `draft` only if its fields in the book are still `opened` (what
    /// the form showed); otherwise writes nothing and returns the row as it is now. The check
    /// and the write are one transaction, which holds the write lock from its first statement,
    /// so no other writer can slip in between.
    pub fn update_customer_if_unchanged(
        &mut self,
        id: CustomerId,
        opened: &CustomerDraft,
        draft: &CustomerDraft,
        why: &str,
    ) -> Result<Guarded> {
        check_name(&draft.name, super::gate::Subject::ACustomer)?;
        let now = text::datetime(self.now());
        let tx = self.step(&format!("edit customer {}", draft.name.trim()))?;
        let current = tx
            .prepare_cached(&format!(
                "SELECT {} FROM customer WHERE id = ?1",
                super::customers::customer_columns()
            ))?
            .query_row([id], customer_from_row)
            .optional()?;
        let Some(current) = current else {
            return Err(BookError::Invalid(format!(
                "customer #{id} is not in the book"
            )));
        };
        if current.draft != *opened {
            // Dropping the step rolls it back: not even an undo entry is left.
            return Ok(Guarded::ChangedMeanwhile(Box::new(current)));
        }
        write_customer(&tx, id, draft, &now, why)?;
        tx.commit()?;
        Ok(Guarded::Saved)
    }
}
