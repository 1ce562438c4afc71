//! Merging a customer typed in the app into its likely twin in the book, as an import's
//! `--merge` does.

use crate::book::model::{CustomerDraft, CustomerId};
use crate::repository::{BookError, Repository, Result};

impl Repository {
    /// Fills the blanks of book customer `id` from `new` (and joins their tags), as an import's
    /// `--merge` does: one write, one undo step.
    pub fn merge_into(&mut self, id: CustomerId, new: &CustomerDraft) -> Result<()> {
        let old = self
            .customer(id)?
            .ok_or_else(|| BookError::Invalid(format!("no customer c{id}")))?;
        let merged = crate::interop::dedup::merge_customer(&old.draft, new);
        self.update_customer(id, &merged)
    }
}
