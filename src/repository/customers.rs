//! Customers and the people at them.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::customer_columns as columns;
use super::gate::{Subject, gate};
use super::sql_text as text;
use super::{BookError, Repository, Result};
use crate::book::model::{
    BirthdayOf, Contact, ContactDraft, ContactId, Customer, CustomerDraft, CustomerId,
    CustomerKind, CustomerRow, RowWays, Stage, Tier, kept_reason,
};
use crate::book::validate::{self, Shape};

/// Every column `customer_from_row` reads.
pub(super) fn customer_columns() -> String {
    format!("{}, last_contact_at, next_follow_up_on", columns::stored())
}

/// A customer's own fields, as stored: shared with the import's reads.
pub(super) fn customer_draft(r: &Row<'_>) -> rusqlite::Result<CustomerDraft> {
    let kind: String = r.get("kind")?;
    let tier: Option<String> = r.get("tier")?;
    let stage: Option<String> = r.get("stage")?;
    Ok(CustomerDraft {
        name: r.get("name")?,
        kind: CustomerKind::parse(&kind),
        industry: r.get("industry")?,
        city: r.get("city")?,
        address: r.get("address")?,
        phone: r.get("phone")?,
        email: r.get("email")?,
        wechat: r.get("wechat")?,
        website: r.get("website")?,
        tags: text::split_tags(&r.get::<_, String>("tags")?),
        tier: tier.as_deref().and_then(Tier::parse),
        stage: stage.as_deref().and_then(Stage::parse),
        lead_source: r.get("lead_source")?,
        birthday: text::opt("birthday", r.get("birthday")?, text::parse_birthday)?,
        notes: r.get("notes")?,
        cadence_days: r.get("cadence_days")?,
    })
}

pub(super) fn customer_from_row(r: &Row<'_>) -> rusqlite::Result<Customer> {
    Ok(Customer {
        id: r.get("id")?,
        draft: customer_draft(r)?,
        created_at: text::parse_datetime("created_at", &r.get::<_, String>("created_at")?)?,
        updated_at: text::parse_datetime("updated_at", &r.get::<_, String>("updated_at")?)?,
        archived: r.get("archived")?,
        last_contact_at: text::opt(
            "last_contact_at",
            r.get("last_contact_at")?,
            text::parse_datetime,
        )?,
        next_follow_up_on: text::opt(
            "next_follow_up_on",
            r.get("next_follow_up_on")?,
            text::parse_date,
        )?,
    })
}

/// A person's own fields, as stored: shared with the import's reads.
pub(super) fn contact_draft(r: &Row<'_>) -> rusqlite::Result<ContactDraft> {
    Ok(ContactDraft {
        name: r.get("name")?,
        title: r.get("title")?,
        phone: r.get("phone")?,
        email: r.get("email")?,
        wechat: r.get("wechat")?,
        birthday: text::opt("birthday", r.get("birthday")?, text::parse_birthday)?,
        notes: r.get("notes")?,
    })
}

pub(super) fn contact_from_row(r: &Row<'_>) -> rusqlite::Result<Contact> {
    Ok(Contact {
        id: r.get("id")?,
        customer_id: r.get("customer_id")?,
        draft: contact_draft(r)?,
    })
}

/// Writes a new customer in `conn`'s open transaction (the form's add, an import): `why` is
/// kept as the reason of a hand-set tier or stage.
pub(super) fn insert_customer(
    conn: &Connection,
    draft: &CustomerDraft,
    now: &str,
    why: &str,
) -> Result<CustomerId> {
    let mut stmt = conn.prepare_cached(&format!(
        "INSERT INTO customer ({}, created_at, updated_at, tier_reason, stage_reason)
         VALUES ({}, ?17, ?17, ?18, ?19)",
        columns::column_list(0),
        columns::placeholders(0, 1),
    ))?;
    columns::bind_draft(&mut stmt, draft, 0, 1)?;
    stmt.raw_bind_parameter(17, now)?;
    let (tier_why, stage_why) = reasons(draft, why);
    stmt.raw_bind_parameter(18, tier_why)?;
    stmt.raw_bind_parameter(19, stage_why)?;
    stmt.raw_execute()?;
    Ok(CustomerId(conn.last_insert_rowid()))
}

/// Writes a customer's own fields over row `id` in `conn`'s open transaction; how many rows
/// were written (0: no such customer).
pub(super) fn write_customer(
    conn: &Connection,
    id: CustomerId,
    draft: &CustomerDraft,
    now: &str,
    why: &str,
) -> Result<usize> {
    let mut stmt = conn.prepare_cached(&format!(
        "UPDATE customer SET {}, updated_at = ?18, tier_reason = ?19, stage_reason = ?20
         WHERE id = ?1",
        columns::assignments(0, 2),
    ))?;
    stmt.raw_bind_parameter(1, id)?;
    columns::bind_draft(&mut stmt, draft, 0, 2)?;
    stmt.raw_bind_parameter(18, now)?;
    let (tier_why, stage_why) = reasons(draft, why);
    stmt.raw_bind_parameter(19, tier_why)?;
    stmt.raw_bind_parameter(20, stage_why)?;
    Ok(stmt.raw_execute()?)
}

/// `why` as the reason of a hand-set tier and of a hand-set stage.
fn reasons<'a>(draft: &CustomerDraft, why: &'a str) -> (&'a str, &'a str) {
    (kept_reason(draft.tier, why), kept_reason(draft.stage, why))
}

/// A list row from a statement selecting, in order: id, name, city, tier, tags, phone, email,
/// people, last contact, next follow-up, cadence, created, reach (see `rows_sql`).
pub(super) fn list_row(r: &Row<'_>) -> rusqlite::Result<CustomerRow> {
    let tier: Option<String> = r.get(3)?;
    Ok(CustomerRow {
        id: r.get(0)?,
        name: r.get::<_, String>(1)?.into(),
        city: r.get::<_, String>(2)?.into(),
        tier: tier.as_deref().and_then(Tier::parse),
        tier_by_hand: false,
        tags: r.get::<_, String>(4)?.into(),
        ways: RowWays::new(
            r.get::<_, String>(5)?.into(),
            r.get::<_, String>(6)?.into(),
            r.get::<_, String>(12)?.into(),
        ),
        people: r.get::<_, String>(7)?.into(),
        cadence_days: r.get(10)?,
        created_at: text::parse_datetime("created_at", &r.get::<_, String>(11)?)?,
        last_contact_at: text::opt("last_contact_at", r.get(8)?, text::parse_datetime)?,
        next_follow_up_on: text::opt("next_follow_up_on", r.get(9)?, text::parse_date)?,
        cold_by: None,
    })
}

pub(super) fn check_name(name: &str, what: Subject<'_>) -> Result<()> {
    if name.trim().is_empty() {
        let what = what.said();
        return Err(BookError::Invalid(crate::t!(
            "gate-needs-a-name",
            what = what
        )));
    }
    let checked = validate::text(name, Shape::Name).map_err(|why| vec![("name", why)]);
    super::gate::gate(what, checked)
}

impl Repository {
    /// Every customer that is not archived, as list rows.
    pub fn customer_rows(&self) -> Result<Vec<CustomerRow>> {
        self.rows_where(false)
    }

    /// The archived customers (the "Archived" view), most recently archived first.
    pub fn archived_rows(&self) -> Result<Vec<CustomerRow>> {
        self.rows_where(true)
    }

    /// One customer's list row, if it is in the book and not archived.
    pub fn customer_row(&self, id: CustomerId) -> Result<Option<CustomerRow>> {
        Ok(self
            .rows_sql("WHERE c.id = ?1 AND c.archived = 0", [id])?
            .pop())
    }

    /// The top of the attention order without reading the whole book: customers with a
    /// follow-up overdue or due by `today`, earliest first, at most `limit`. Enough to draw the
    /// first screen while the rest loads.
    pub fn first_rows(&self, today: chrono::NaiveDate, limit: usize) -> Result<Vec<CustomerRow>> {
        self.rows_sql(
            // Index order only, so the scan stops at `limit`; the list sorts what it gets.
            "WHERE c.archived = 0 AND c.next_follow_up_on <= ?1
             ORDER BY c.next_follow_up_on LIMIT ?2",
            rusqlite::params![text::date(today), limit as i64],
        )
    }

    fn rows_where(&self, archived: bool) -> Result<Vec<CustomerRow>> {
        // The list sorts in memory; only the archived view wants the book's order.
        let order = if archived {
            "ORDER BY c.updated_at DESC, c.id DESC"
        } else {
            ""
        };
        self.rows_sql(&format!("WHERE c.archived = ?1 {order}"), [archived])
    }

    fn rows_sql(&self, tail: &str, params: impl rusqlite::Params) -> Result<Vec<CustomerRow>> {
        let mut rows = Vec::new();
        self.each_row_sql(tail, params, |row| rows.push(row))?;
        Ok(rows)
    }

    /// `customer_rows`, each handed to `each` as it is read rather than all returned at once:
    /// a caller that keeps less of a row than it reads never holds the whole book's worth.
    pub fn each_customer_row(&self, each: impl FnMut(CustomerRow)) -> Result<()> {
        self.each_row_sql("WHERE c.archived = ?1", [false], each)
    }

    fn each_row_sql(
        &self,
        tail: &str,
        params: impl rusqlite::Params,
        mut each: impl FnMut(CustomerRow),
    ) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT c.id, c.name, c.city, c.tier, c.tags, c.phone, c.email,
                    coalesce((SELECT group_concat(p.name, char(10) ORDER BY p.id)
                                FROM contact p WHERE p.customer_id = c.id), ''),
                    c.last_contact_at, c.next_follow_up_on, c.cadence_days, c.created_at,
                    c.wechat || coalesce((SELECT group_concat(char(10) || p.phone || char(9) || p.email
                                                  || char(9) || p.wechat, '' ORDER BY p.id)
                                FROM contact p WHERE p.customer_id = c.id), '')
               FROM customer c {tail}"
        ))?;
        for row in stmt.query_map(params, list_row)? {
            each(row?);
        }
        Ok(())
    }

    pub fn customer(&self, id: CustomerId) -> Result<Option<Customer>> {
        let sql = format!("SELECT {} FROM customer WHERE id = ?1", customer_columns());
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row([id], customer_from_row)
            .optional()?)
    }

    pub fn customer_count(&self) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM customer WHERE archived = 0",
            [],
            |r| r.get(0),
        )?)
    }

    pub fn add_customer(&mut self, draft: &CustomerDraft) -> Result<CustomerId> {
        self.add_customer_why(draft, "")
    }

    /// Adds a customer; `why` is the reason for a tier or stage set by hand (ignored without).
    pub fn add_customer_why(&mut self, draft: &CustomerDraft, why: &str) -> Result<CustomerId> {
        check_name(&draft.name, Subject::ACustomer)?;
        gate(Subject::TheCustomer, validate::customer(draft))?;
        let now = text::datetime(self.now());
        let tx = self.step(&format!("add customer {}", draft.name.trim()))?;
        let id = insert_customer(&tx, draft, &now, why)?;
        tx.commit()?;
        Ok(id)
    }

    pub fn update_customer(&mut self, id: CustomerId, draft: &CustomerDraft) -> Result<()> {
        let why = self.overrides(id).map(|o| {
            if o.tier_reason.is_empty() {
                o.stage_reason
            } else {
                o.tier_reason
            }
        })?;
        self.update_customer_why(id, draft, &why)
    }

    /// Saves a customer; `why` is the reason for a tier or stage set by hand, kept with each.
    pub fn update_customer_why(
        &mut self,
        id: CustomerId,
        draft: &CustomerDraft,
        why: &str,
    ) -> Result<()> {
        check_name(&draft.name, Subject::ACustomer)?;
        gate(Subject::TheCustomer, validate::customer(draft))?;
        let now = text::datetime(self.now());
        let tx = self.step(&format!("edit customer {}", draft.name.trim()))?;
        let changed = write_customer(&tx, id, draft, &now, why)?;
        if changed == 0 {
            return Err(BookError::Invalid(format!(
                "customer #{id} is not in the book"
            )));
        }
        tx.commit()?;
        Ok(())
    }

    /// Archiving hides a customer from the list; nothing is deleted.
    pub fn set_archived(&mut self, id: CustomerId, archived: bool) -> Result<()> {
        let now = text::datetime(self.now());
        let name = self
            .customer(id)?
            .map_or(format!("#{id}"), |c| c.draft.name);
        let verb = if archived { "archive" } else { "restore" };
        let tx = self.step(&format!("{verb} customer {name}"))?;
        let changed = tx.execute(
            "UPDATE customer SET archived = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, archived, now],
        )?;
        if changed == 0 {
            return Err(BookError::Invalid(format!(
                "customer #{id} is not in the book"
            )));
        }
        tx.commit()?;
        Ok(())
    }

    /// Every birthday in the book: (customer, its name, the person or None for the customer
    /// itself, the date).
    pub fn birthdays(&self) -> Result<Vec<BirthdayOf>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.name, NULL, c.birthday FROM customer c
              WHERE c.archived = 0 AND c.birthday IS NOT NULL
             UNION ALL
             SELECT c.id, c.name, p.name, p.birthday FROM contact p JOIN customer c ON c.id = p.customer_id
              WHERE c.archived = 0 AND p.birthday IS NOT NULL",
        )?;
        let rows = stmt.query_map([], birthday_of)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn contacts(&self, customer_id: CustomerId) -> Result<Vec<Contact>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, customer_id, name, title, phone, email, wechat, birthday, notes
               FROM contact WHERE customer_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([customer_id], contact_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn add_contact(
        &mut self,
        customer_id: CustomerId,
        draft: &ContactDraft,
    ) -> Result<ContactId> {
        check_name(&draft.name, Subject::APerson)?;
        gate(Subject::ThePerson, validate::contact(draft))?;
        let now = text::datetime(self.now());
        let tx = self.step(&format!("add person {}", draft.name.trim()))?;
        tx.execute(
            "INSERT INTO contact (customer_id, name, title, phone, email, wechat, birthday, notes, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                customer_id,
                draft.name.trim(),
                draft.title,
                draft.phone,
                draft.email,
                draft.wechat,
                draft.birthday.map(|b| b.to_text()),
                draft.notes,
                now,
            ],
        )?;
        let id = ContactId(tx.last_insert_rowid());
        tx.commit()?;
        Ok(id)
    }
}

/// A birthday row as `birthdays` reads it: customer id and name, the person's name (none for
/// the customer's own), the birthday.
pub(super) fn birthday_of(r: &rusqlite::Row<'_>) -> rusqlite::Result<BirthdayOf> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        text::parse_birthday("birthday", &r.get::<_, String>(3)?)?,
    ))
}
