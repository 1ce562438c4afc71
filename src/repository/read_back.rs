//! Reading a prepared book back the way the app will, before it replaces the book (a restore)
//! or joins it (an import): the list, the agenda, the accounts, the report's sums and the
//! exports, each over the whole book. A value the app cannot read (or a sum it cannot make)
//! fails here, in the copy, instead of on the first screen of the real book.

use chrono::NaiveDate;

use super::{BookError, Repository, Result};
use crate::book::model::CustomerId;

/// The widest span the gate lets a date into: every window the app sums over lies inside it.
fn all_time() -> (NaiveDate, NaiveDate) {
    let first = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default();
    let last = NaiveDate::from_ymd_opt(2200, 12, 31).unwrap_or_default();
    (first, last)
}

/// What SQLite (or a parser) said, without the "could not be written or read" wrapping.
fn plain(e: BookError) -> String {
    match e {
        BookError::Sqlite(e) => e.to_string(),
        other => other.to_string(),
    }
}

impl Repository {
    /// Every whole-book reader of the app; the error names the one that failed and why.
    pub(super) fn read_back(&self) -> std::result::Result<(), String> {
        let read = |what: &str, done: Result<()>| done.map_err(|e| format!("{what}: {}", plain(e)));
        read("the customer list", self.customer_rows().map(drop))?;
        read("archived customers", self.archived_rows().map(drop))?;
        read("follow-ups", self.open_follow_ups(None).map(drop))?;
        read("deals", self.all_deals().map(drop))?;
        let (first, last) = all_time();
        for currency in self.currencies().map_err(plain)? {
            let sums = self.revenue_between(first, last, &currency);
            read("won revenue", sums.map(drop))?;
        }
        read("order dates", self.order_dates().map(drop))?;
        read("last orders", self.last_orders(last).map(drop))?;
        read("complaints", self.complaints(None).map(drop))?;
        read("open complaints", self.open_complaint_counts().map(drop))?;
        read("birthdays", self.birthdays().map(drop))?;
        read("hand-set stages", self.hand_set_stages().map(drop))?;
        read("exports", self.export_rows().map(drop))?;
        Ok(())
    }

    /// One customer's readers (profile, people, history, follow-ups, deals and their sum,
    /// complaints): which customer a whole-book reader tripped on. The error names the field
    /// (table and column where known) and why.
    pub(super) fn read_back_customer(&self, id: CustomerId) -> std::result::Result<(), String> {
        let read = |what: &str, done: Result<()>| done.map_err(|e| format!("{what}: {}", plain(e)));
        read("customer", self.customer(id).map(drop))?;
        read("contact", self.contacts(id).map(drop))?;
        read(
            "interaction",
            self.history(id, usize::MAX >> 1, 0).map(drop),
        )?;
        read("follow_up", self.open_follow_ups(Some(id)).map(drop))?;
        read("deal", self.deals_of(id).map(drop))?;
        read("deal.amount, its won deals summed", self.won_sums(id))?;
        read("complaint", self.complaints(Some(id)).map(drop))?;
        read("satisfaction", self.satisfaction_scores(id).map(drop))?;
        Ok(())
    }

    /// The currencies deals are in: revenue is summed per currency.
    fn currencies(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT DISTINCT upper(currency) FROM deal")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The customer's won deals summed per currency, as `revenue_between` sums the book's.
    fn won_sums(&self, id: CustomerId) -> Result<()> {
        let mut stmt = self.conn.prepare(
            "SELECT sum(amount) FROM deal WHERE customer_id = ?1 AND stage = 'won'
              GROUP BY upper(currency)",
        )?;
        let sums = stmt.query_map([id], |r| r.get::<_, Option<i64>>(0))?;
        sums.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(())
    }
}
