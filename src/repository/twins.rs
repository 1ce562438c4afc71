//! A new customer's likely twin already in the book, found through the match keys of migration
//! 0008: only the customers sharing a name, company name, e-mail or phone with it are read.

use super::import::put_customer_row;
use super::{BookError, Repository, Result};
use crate::book::model::CustomerDraft;
use crate::interop::dedup::{Index, Likely, match_keys};

impl Repository {
    /// The customer already in the book that `d` probably is, by the import's rule.
    pub fn likely_duplicate(&self, d: &CustomerDraft) -> Result<Option<Likely>> {
        let keys = match_keys(&d.name, &d.email, &d.phone);
        let keys = serde_json::to_string(&keys).map_err(|e| BookError::Invalid(e.to_string()))?;
        // In id order, as the import's index of the whole book holds them: the first wins.
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, kind, city, phone, email FROM customer
              WHERE id IN (SELECT customer_id FROM customer_match_key
                            WHERE key IN (SELECT value FROM json_each(?1)))
              ORDER BY id",
        )?;
        let mut rows = stmt.query([keys])?;
        let mut index = Index::default();
        while let Some(r) = rows.next()? {
            put_customer_row(&mut index, r)?;
        }
        Ok(index.book_twin(d))
    }
}
