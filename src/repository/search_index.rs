//! The customer search's index (migration 0008): the functions its triggers call, and the reads
//! a command narrows a search with and finishes its few rows from.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;

use super::sql_text as text;
use super::{Repository, Result};
use crate::book::model::{CustomerId, CustomerRow, RowWays, Stage};
use crate::search::index::{char_token, indexed_chars, indexed_digits};

/// Registers what the triggers of migration 0008 call: `search_chars` (the characters a
/// customer's text holds), `search_digits` (its phone numbers' digits) and `match_keys` (what
/// a new customer is compared on, hashed, as a JSON array).
pub fn register(conn: &Connection) -> Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    conn.create_scalar_function("search_chars", 7, flags, |ctx| {
        let texts = (0..7)
            .map(|i| Ok(ctx.get::<Option<String>>(i)?.unwrap_or_default()))
            .collect::<rusqlite::Result<Vec<String>>>()?;
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        Ok(indexed_chars(&texts))
    })?;
    conn.create_scalar_function("search_digits", 2, flags, |ctx| {
        let phone: Option<String> = ctx.get(0)?;
        let reach: Option<String> = ctx.get(1)?;
        Ok(indexed_digits(
            phone.as_deref().unwrap_or(""),
            reach.as_deref().unwrap_or(""),
        ))
    })?;
    conn.create_scalar_function("match_keys", 3, flags, |ctx| {
        let field = |i| -> rusqlite::Result<String> {
            Ok(ctx.get::<Option<String>>(i)?.unwrap_or_default())
        };
        Ok(super::twins::hashed_keys(
            &field(0)?,
            &field(1)?,
            &field(2)?,
        ))
    })?;
    Ok(())
}

/// Which customers a search is among.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Among {
    Active,
    Archived,
    /// Both: a command's customer may be archived (it then says so).
    Both,
}

impl Among {
    fn archived_in(self) -> &'static str {
        match self {
            Among::Active => "(0)",
            Among::Archived => "(1)",
            Among::Both => "(0, 1)",
        }
    }
}

/// Ids as the JSON array `json_each` reads.
pub(super) fn id_list(ids: &[CustomerId]) -> String {
    let listed: Vec<String> = ids.iter().map(CustomerId::to_string).collect();
    format!("[{}]", listed.join(","))
}

/// What the standing of a customer (its effective tier, whether it is lost) is read from,
/// besides its row: the stage set by hand, the revenue of the window the roll-up holds
/// (`None`: none in it), and the last order on or before the day asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Standing {
    pub stage_by_hand: Option<Stage>,
    pub revenue: Option<i64>,
    pub last_order: Option<NaiveDate>,
}

impl Repository {
    /// Customers (archived too) whose text holds every one of `chars`, by id.
    pub fn customers_with_chars(&self, chars: &[char]) -> Result<Vec<CustomerId>> {
        let query = chars
            .iter()
            .map(|c| format!("\"{}\"", char_token(*c)))
            .collect::<Vec<_>>()
            .join(" AND ");
        let mut stmt = self.conn.prepare_cached(
            "SELECT rowid FROM customer_search_chars WHERE customer_search_chars MATCH ?1
              ORDER BY rowid",
        )?;
        let rows = stmt.query_map([query], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Customers (archived too) with a phone number holding one of `digits`, by id.
    pub fn customers_with_digits(&self, digits: &[String]) -> Result<Vec<CustomerId>> {
        let query = digits
            .iter()
            .filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
            .map(|d| format!("\"{d}\""))
            .collect::<Vec<_>>()
            .join(" OR ");
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT rowid FROM customer_search_digits WHERE customer_search_digits MATCH ?1
              ORDER BY rowid",
        )?;
        let rows = stmt.query_map([query], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The book's distinct cities (archived customers' too), one index step each.
    pub fn cities(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT city FROM customer WHERE city > ?1 ORDER BY city LIMIT 1")?;
        let mut cities: Vec<String> = Vec::new();
        // The empty city is one too: a word never names it, so it is not asked for.
        let mut after = String::new();
        while let Some(city) = stmt
            .query_map([&after], |r| r.get::<_, String>(0))?
            .next()
            .transpose()?
        {
            cities.push(city.clone());
            after = city;
        }
        Ok(cities)
    }

    /// Customers (archived too) in one of `cities`, by id.
    pub fn customers_in_cities(&self, cities: &[String]) -> Result<Vec<CustomerId>> {
        let list =
            serde_json::to_string(cities).map_err(|e| super::BookError::Invalid(e.to_string()))?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM customer WHERE city IN (SELECT value FROM json_each(?1)) ORDER BY id",
        )?;
        let rows = stmt.query_map([list], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The text a search reads of each customer (`ids`, or all) `among`, by id: list rows with
    /// their text only (no dates, tier or marks), and whether each is archived. Streamed to
    /// `each`, so a scan of the book holds one row at a time.
    pub fn search_rows(
        &self,
        among: Among,
        ids: Option<&[CustomerId]>,
        each: &mut dyn FnMut(CustomerRow, bool),
    ) -> Result<()> {
        let which = match ids {
            Some(_) => "customer_id IN (SELECT value FROM json_each(?1))",
            None => "?1 IS NULL",
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT customer_id, name, city, tags, phone, email, people, reach, archived
               FROM customer_search
              WHERE {which} AND archived IN {} ORDER BY customer_id",
            among.archived_in()
        ))?;
        let mut rows = stmt.query([ids.map(id_list)])?;
        while let Some(r) = rows.next()? {
            let row = CustomerRow {
                id: r.get(0)?,
                name: r.get::<_, String>(1)?.into(),
                city: r.get::<_, String>(2)?.into(),
                tags: r.get::<_, String>(3)?.into(),
                ways: RowWays::new(
                    r.get::<_, String>(4)?.into(),
                    r.get::<_, String>(5)?.into(),
                    r.get::<_, String>(7)?.into(),
                ),
                people: r.get::<_, String>(6)?.into(),
                tier: None,
                tier_by_hand: false,
                cadence_days: None,
                created_at: chrono::NaiveDateTime::MIN,
                last_contact_at: None,
                next_follow_up_on: None,
                cold_by: None,
            };
            each(row, r.get(8)?);
        }
        Ok(())
    }

    /// The list rows of `ids` as `customer_rows` reads them (archived ones too: the flag says),
    /// by id.
    pub fn rows_of(&self, ids: &[CustomerId]) -> Result<Vec<(CustomerRow, bool)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.name, c.city, c.tier, c.tags, c.phone, c.email, s.people,
                    c.last_contact_at, c.next_follow_up_on, c.cadence_days, c.created_at, s.reach,
                    c.archived
               FROM customer c JOIN customer_search s ON s.customer_id = c.id
              WHERE c.id IN (SELECT value FROM json_each(?1))
              ORDER BY c.id",
        )?;
        let rows = stmt.query_map([id_list(ids)], |r| {
            Ok((super::customers::list_row(r)?, r.get(13)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The names of the customers of `ids` (sorted) that are not archived.
    pub fn names_not_archived(&self, ids: &[CustomerId]) -> Result<HashMap<CustomerId, String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT customer_id, name FROM customer_search
              WHERE customer_id IN (SELECT value FROM json_each(?1)) AND archived = 0",
        )?;
        let rows = stmt.query_map([id_list(ids)], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The standing facts of `ids` on `today` (see `Standing`); the revenue is the window's
    /// that `revenue_ranking` last brought the roll-up to.
    pub fn standing_of(
        &self,
        ids: &[CustomerId],
        today: NaiveDate,
    ) -> Result<HashMap<CustomerId, Standing>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.stage, r.amount,
                    (SELECT max(d.closed_on) FROM deal d
                      WHERE d.customer_id = c.id AND d.stage = 'won' AND d.closed_on <= ?2)
               FROM customer c LEFT JOIN revenue_12m r ON r.customer_id = c.id
              WHERE c.id IN (SELECT value FROM json_each(?1))",
        )?;
        let rows = stmt.query_map(rusqlite::params![id_list(ids), text::date(today)], |r| {
            let stage: Option<String> = r.get(1)?;
            Ok((
                r.get(0)?,
                Standing {
                    stage_by_hand: stage.as_deref().and_then(Stage::parse),
                    revenue: r.get(2)?,
                    last_order: text::opt("closed_on", r.get(3)?, text::parse_date)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
