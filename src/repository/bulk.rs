//! Writing a whole book at once (the demo generator, imports): rows with their ids already
//! chosen, all in one transaction, through cached statements.
//!
//! The roll-up triggers stay on: each interaction costs them one primary-key lookup, which is
//! cheaper than dropping and recreating them, and it keeps the roll-ups correct by construction.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use rusqlite::{Transaction, params};

use super::customer_columns as columns;
use super::customers::check_name;
use super::sql_text as text;
use super::{BookError, Repository, Result};
pub use crate::book::bulk::{
    BulkBook, BulkContact, BulkCounts, BulkCustomer, BulkDeal, BulkFollowUp, BulkInteraction,
};

impl Repository {
    /// Writes `book` in one transaction: all of it or, on any error, none of it.
    pub fn insert_bulk(&mut self, book: &BulkBook) -> Result<BulkCounts> {
        let tx = self.conn.transaction()?;
        let mut counts = BulkCounts::default();
        write_chunk(&tx, book, &mut counts)?;
        tx.commit()?;
        Ok(counts)
    }

    /// Writes a book handed out in chunks, still in ONE transaction, so memory stays at one
    /// chunk however big the book. `fill` gets an emptied book (its buffers reused) and returns
    /// false once there is nothing more to write.
    pub fn insert_bulk_chunks(
        &mut self,
        mut fill: impl FnMut(&mut BulkBook) -> bool,
    ) -> Result<BulkCounts> {
        let tx = self.conn.transaction()?;
        let mut counts = BulkCounts::default();
        let mut chunk = BulkBook::default();
        while fill(&mut chunk) {
            write_chunk(&tx, &chunk, &mut counts)?;
            chunk.clear();
        }
        tx.commit()?;
        Ok(counts)
    }
}

/// Writes one chunk: each table in the order rows refer to each other.
fn write_chunk(tx: &Transaction<'_>, book: &BulkBook, counts: &mut BulkCounts) -> Result<()> {
    write_people(tx, book, counts)?;
    write_history(tx, book, counts)?;
    write_accounts(tx, book, counts)
}

/// Customers and the people at them.
fn write_people(tx: &Transaction<'_>, book: &BulkBook, counts: &mut BulkCounts) -> Result<()> {
    let mut stamp = Stamp::default();
    let mut stamp2 = Stamp::default();
    let mut insert = tx.prepare_cached(&format!(
        "INSERT INTO customer (id, {}, created_at, updated_at, archived)
         VALUES (?1, {}, ?18, ?19, ?20)",
        columns::column_list(0),
        columns::placeholders(0, 2),
    ))?;
    for c in &book.customers {
        check_name(&c.draft.name, super::gate::Subject::ACustomer)?;
        insert.raw_bind_parameter(1, c.id)?;
        columns::bind_draft(&mut insert, &c.draft, 0, 2)?;
        insert.raw_bind_parameter(18, stamp.datetime(c.created_at))?;
        insert.raw_bind_parameter(19, stamp2.datetime(c.updated_at))?;
        insert.raw_bind_parameter(20, c.archived)?;
        insert.raw_execute()?;
    }
    counts.customers += book.customers.len();

    let mut insert = tx.prepare_cached(
        "INSERT INTO contact (id, customer_id, name, title, phone, email, wechat, birthday, notes,
            created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for p in &book.contacts {
        let d = &p.draft;
        check_name(&d.name, super::gate::Subject::APerson)?;
        insert.execute(params![
            p.id,
            p.customer_id,
            d.name.trim(),
            d.title,
            d.phone,
            d.email,
            d.wechat,
            d.birthday.map(|b| b.to_text()),
            d.notes,
            stamp.datetime(p.created_at),
        ])?;
    }
    counts.contacts += book.contacts.len();
    Ok(())
}

/// Contacts and the follow-ups they set.
fn write_history(tx: &Transaction<'_>, book: &BulkBook, counts: &mut BulkCounts) -> Result<()> {
    let mut stamp = Stamp::default();
    let mut stamp2 = Stamp::default();
    let mut insert = tx.prepare_cached(
        "INSERT INTO interaction (id, customer_id, contact_id, at, channel, summary, created_at, outcome)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for i in &book.interactions {
        let d = &i.draft;
        insert.execute(params![
            i.id,
            d.customer_id,
            d.contact_id,
            stamp.datetime(d.at),
            d.channel.as_str(),
            d.summary,
            stamp2.datetime(i.created_at),
            d.outcome,
        ])?;
    }
    counts.interactions += book.interactions.len();

    let mut insert = tx.prepare_cached(
        "INSERT INTO follow_up (id, customer_id, interaction_id, due_on, due_time, task, done_at,
            created_at, repeat_every, repeat_unit, repeat_basis)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for f in &book.follow_ups {
        let d = &f.draft;
        crate::book::follow_ups::check(d).map_err(BookError::Invalid)?;
        insert.execute(params![
            f.id,
            d.customer_id,
            f.interaction_id,
            stamp.date(d.due_on),
            d.due_time.map(text::time),
            d.task.trim(),
            f.done_at.map(text::datetime),
            stamp2.datetime(f.created_at),
            d.repeat.map(|r| r.every),
            d.repeat.map(|r| r.unit.as_str()),
            d.repeat.map(|r| r.basis.as_str()),
        ])?;
    }
    counts.follow_ups += book.follow_ups.len();
    Ok(())
}

/// Deals, complaints and the reasons of hand-set tiers and stages.
fn write_accounts(tx: &Transaction<'_>, book: &BulkBook, counts: &mut BulkCounts) -> Result<()> {
    let mut stamp = Stamp::default();
    let mut insert = tx.prepare_cached(
        "INSERT INTO deal (customer_id, title, amount, currency, stage, expected_close, closed_on,
            created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
    )?;
    for deal in &book.deals {
        let d = &deal.draft;
        crate::book::deals::check(d).map_err(|e| BookError::Invalid(format!("{e:?}")))?;
        insert.execute(params![
            d.customer_id,
            d.title.trim(),
            d.amount,
            d.currency,
            d.stage.as_str(),
            d.expected_close.map(text::date),
            d.closed_on.map(text::date),
            stamp.datetime(deal.created_at),
        ])?;
    }
    counts.deals += book.deals.len();

    let mut insert = tx.prepare_cached(
        "INSERT INTO complaint (customer_id, opened_on, what, severity, status, resolved_on,
            resolution, satisfaction, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
    )?;
    for c in &book.complaints {
        crate::book::complaints::check(c).map_err(|e| BookError::Invalid(format!("{e:?}")))?;
        insert.execute(params![
            c.customer_id,
            text::date(c.opened_on),
            c.what.trim(),
            c.severity.as_str(),
            c.status.as_str(),
            c.resolved_on.map(text::date),
            c.resolution,
            c.satisfaction,
            text::datetime(c.opened_on.and_hms_opt(10, 0, 0).unwrap_or_default()),
        ])?;
    }
    counts.complaints += book.complaints.len();

    let mut update =
        tx.prepare_cached("UPDATE customer SET tier_reason = ?2, stage_reason = ?3 WHERE id = ?1")?;
    for (id, tier_reason, stage_reason) in &book.reasons {
        update.execute(params![id, tier_reason, stage_reason])?;
    }
    Ok(())
}

/// The book's date-time spelling (`sql_text::datetime`) written into a reused buffer: chrono's
/// formatter allocates and interprets a pattern, which shows at a million rows.
#[derive(Default)]
struct Stamp {
    digits: [u8; 19],
    /// Years outside 0..=9999 are spelled by chrono (sign, more digits); never seen in practice.
    odd: String,
}

impl Stamp {
    fn datetime(&mut self, dt: NaiveDateTime) -> &str {
        if !(0..=9999).contains(&dt.year()) {
            self.odd = text::datetime(dt);
            return &self.odd;
        }
        self.put_date(dt.date());
        let b = &mut self.digits;
        b[10] = b'T';
        put2(&mut b[11..13], dt.hour());
        b[13] = b':';
        put2(&mut b[14..16], dt.minute());
        b[16] = b':';
        put2(&mut b[17..19], dt.second());
        std::str::from_utf8(b).expect("digits are ASCII")
    }

    fn date(&mut self, d: NaiveDate) -> &str {
        if !(0..=9999).contains(&d.year()) {
            self.odd = text::date(d);
            return &self.odd;
        }
        self.put_date(d);
        std::str::from_utf8(&self.digits[..10]).expect("digits are ASCII")
    }

    fn put_date(&mut self, d: NaiveDate) {
        let b = &mut self.digits;
        let year = d.year() as u32;
        put2(&mut b[0..2], year / 100);
        put2(&mut b[2..4], year % 100);
        b[4] = b'-';
        put2(&mut b[5..7], d.month());
        b[7] = b'-';
        put2(&mut b[8..10], d.day());
    }
}

fn put2(out: &mut [u8], n: u32) {
    out[0] = b'0' + (n / 10) as u8;
    out[1] = b'0' + (n % 10) as u8;
}

#[cfg(test)]
mod tests;
