//! Reading a prepared book back the way the app will, before it replaces the book (a restore)
//! or joins it (an import): the list, the agenda, the accounts, the report's sums, and every
//! row of every table through the readers' own row functions. A value the app cannot read (or a sum it cannot make)
//! fails here, in the copy, instead of on the first screen of the real book.

use chrono::NaiveDate;
use rusqlite::Row;

use super::{BookError, Repository, Result, customers, follow_ups, history};
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
        let read =
            |what: String, done: Result<()>| done.map_err(|e| format!("{what}: {}", plain(e)));
        read(
            t!("read-back-customer-list"),
            self.customer_rows().map(drop),
        )?;
        read(t!("read-back-archived"), self.archived_rows().map(drop))?;
        read(
            t!("read-back-follow-ups"),
            self.open_follow_ups(None).map(drop),
        )?;
        read(t!("read-back-deals"), self.all_deals().map(drop))?;
        let (first, last) = all_time();
        for currency in self.currencies().map_err(plain)? {
            let sums = self.revenue_between(first, last, &currency);
            read(t!("read-back-won-revenue"), sums.map(drop))?;
        }
        read(t!("read-back-order-dates"), self.order_dates().map(drop))?;
        read(
            t!("read-back-last-orders"),
            self.last_orders(last).map(drop),
        )?;
        read(t!("read-back-complaints"), self.complaints(None).map(drop))?;
        read(
            t!("read-back-open-complaints"),
            self.open_complaint_counts().map(drop),
        )?;
        read(t!("read-back-birthdays"), self.birthdays().map(drop))?;
        read(
            t!("read-back-hand-set-stages"),
            self.hand_set_stages().map(drop),
        )?;
        // Every row of the other tables through the readers' own row functions (what the
        // profile, the history and the exports read), one row at a time: a book of a million
        // contacts is not held in memory for this.
        let customers = format!("SELECT {} FROM customer", customers::customer_columns());
        read(
            t!("read-back-customers"),
            self.each(&customers, customers::customer_from_row),
        )?;
        let people = "SELECT id, customer_id, name, title, phone, email, wechat, birthday, notes
                        FROM contact";
        read(
            t!("read-back-people"),
            self.each(people, customers::contact_from_row),
        )?;
        let history = "SELECT i.id, i.customer_id, i.contact_id, i.at, i.channel, i.summary,
                              i.outcome, i.created_at, p.name AS contact_name
                         FROM interaction i LEFT JOIN contact p ON p.id = i.contact_id";
        read(
            t!("read-back-history"),
            self.each(history, history::interaction_from_row),
        )?;
        let follow_ups = format!(
            "SELECT {} FROM follow_up f JOIN customer c ON c.id = f.customer_id",
            follow_ups::COLUMNS
        );
        read(
            t!("read-back-every-follow-up"),
            self.each(&follow_ups, follow_ups::follow_up_from_row),
        )?;
        Ok(())
    }

    /// Reads every row `sql` gives through `row`, keeping none.
    fn each<T>(&self, sql: &str, row: fn(&Row<'_>) -> rusqlite::Result<T>) -> Result<()> {
        let mut stmt = self.conn.prepare(sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            row(r)?;
        }
        Ok(())
    }

    /// One customer's readers (profile, people, history, follow-ups, deals and their sum,
    /// complaints): which customer a whole-book reader tripped on. The error names the field
    /// (table and column where known) and why.
    pub(super) fn read_back_customer(&self, id: CustomerId) -> std::result::Result<(), String> {
        let read =
            |what: String, done: Result<()>| done.map_err(|e| format!("{what}: {}", plain(e)));
        read("customer".to_string(), self.customer(id).map(drop))?;
        read("contact".to_string(), self.contacts(id).map(drop))?;
        read(
            "interaction".to_string(),
            self.history(id, usize::MAX >> 1, 0).map(drop),
        )?;
        read(
            "follow_up".to_string(),
            self.open_follow_ups(Some(id)).map(drop),
        )?;
        read("deal".to_string(), self.deals_of(id).map(drop))?;
        read(t!("read-back-won-sums"), self.won_sums(id))?;
        read("complaint".to_string(), self.complaints(Some(id)).map(drop))?;
        read(
            "satisfaction".to_string(),
            self.satisfaction_scores(id).map(drop),
        )?;
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
