//! A new customer's likely twin already in the book, found through the match keys of migration
//! 0008: only the customers sharing a name, company name, e-mail or phone with it are read.

use super::import::put_customer_row;
use super::{Repository, Result};
use crate::book::model::CustomerDraft;
use crate::interop::dedup::{Index, Likely, match_keys};

/// A match key as the book stores it: its 64-bit FNV-1a hash, stable across versions and
/// machines. Two keys that share a hash only bring one more customer to compare.
fn key_hash(key: &str) -> i64 {
    let hash = key.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    hash as i64
}

/// The hashed match keys of a customer, as the JSON array the book's triggers read.
pub(super) fn hashed_keys(name: &str, email: &str, phone: &str) -> String {
    let hashes: Vec<String> = match_keys(name, email, phone)
        .iter()
        .map(|k| key_hash(k).to_string())
        .collect();
    format!("[{}]", hashes.join(","))
}

impl Repository {
    /// The customer already in the book that `d` probably is, by the import's rule.
    pub fn likely_duplicate(&self, d: &CustomerDraft) -> Result<Option<Likely>> {
        let keys = hashed_keys(&d.name, &d.email, &d.phone);
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
