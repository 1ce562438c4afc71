//! What matching reads of the book: every customer and person, keyed by the import's rule
//! for "the same one" (`interop::dedup`).

use rusqlite::Connection;

use crate::book::model::{ContactDraft, CustomerDraft, CustomerKind};
use crate::interop::dedup::{Index, Likely};
use crate::repository::{Repository, Result};

/// Indexes a book customer from a row of `id, name, kind, city, phone, email`.
pub(in crate::repository) fn put_customer_row(
    index: &mut Index,
    r: &rusqlite::Row<'_>,
) -> Result<()> {
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

pub(super) fn load_index(tx: &Connection) -> Result<Index> {
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
    pub fn likely_duplicate_whole_book(&self, d: &CustomerDraft) -> Result<Option<Likely>> {
        Ok(load_index(&self.conn)?.book_twin(d))
    }
}
