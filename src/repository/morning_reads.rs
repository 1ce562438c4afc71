//! What `today` reads, through indexes (migrations 0009 and 0010): open complaints with their
//! customer's name, the birthdays of a few days, and the customers quiet long enough to be
//! going cold with what the rule needs of them.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use rusqlite::params;

use super::accounts::{COMPLAINT_COLUMNS, complaint_from_row};
use super::search_index::id_list;
use super::sql_text as text;
use super::{Repository, Result};
use crate::book::complaints::Complaint;
use crate::book::model::{BirthdayOf, CustomerId, Stage, Tier};

/// A birthday's month and day as the indexes of migration 0008 hold it: `?` for a spelling
/// fieldbook does not write (always read, and checked by the rule).
const MONTH_DAY: &str = "CASE WHEN birthday GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
           OR birthday GLOB '--[0-9][0-9]-[0-9][0-9]' THEN substr(birthday, -5) ELSE '?' END";

/// A customer with nothing planned, quiet for a while: what going cold is judged on, as the
/// going-cold indexes hold it (migration 0010).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quiet {
    pub id: CustomerId,
    /// Last contacted, else added: the silence counts from here.
    pub since: NaiveDateTime,
    /// Set by hand.
    pub tier: Option<Tier>,
    pub cadence_days: Option<u32>,
    pub stage_by_hand: Option<Stage>,
    /// The day of the last order, after `today` too (migration 0010's roll-up).
    pub last_order: Option<NaiveDate>,
}

impl Repository {
    /// The first `limit` open complaints of customers not archived, newest first, each with
    /// its customer's name; and how many there are.
    pub fn open_complaints_named(&self, limit: usize) -> Result<(Vec<(Complaint, String)>, usize)> {
        let columns: Vec<String> = COMPLAINT_COLUMNS
            .split(", ")
            .map(|c| format!("k.{c}"))
            .collect();
        // From the open ones' index, newest first: the planner, knowing nothing of the book,
        // would walk every customer for their complaints.
        let from = "FROM complaint k INDEXED BY complaint_open
              CROSS JOIN customer_search c ON c.customer_id = k.customer_id
              WHERE k.status != 'resolved' AND c.archived = 0";
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {}, c.name AS customer_name {from}
              ORDER BY k.opened_on DESC, k.id DESC LIMIT ?1",
            columns.join(", ")
        ))?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = stmt.query_map([limit], |r| Ok((complaint_from_row(r)?, r.get(9)?)))?;
        let shown: Vec<(Complaint, String)> = rows.collect::<rusqlite::Result<_>>()?;
        // Counted from the index, less the archived customers' (found from those customers),
        // without a name looked up for each.
        let count = |among: &str| -> Result<i64> {
            let sql =
                format!("SELECT count(*) FROM complaint k WHERE k.status != 'resolved' {among}");
            Ok(self
                .conn
                .prepare_cached(&sql)?
                .query_row([], |r| r.get(0))?)
        };
        let total = count("")?
            - count("AND k.customer_id IN (SELECT id FROM customer WHERE archived = 1)")?;
        Ok((shown, usize::try_from(total).unwrap_or(0)))
    }

    /// The birthdays (as `birthdays` gives them) that can come round from `from` to `days`
    /// later: those on one of those days of the year, 29 February always, a spelling fieldbook
    /// does not write always. Every one when the days cover a year.
    pub fn birthdays_within(&self, from: NaiveDate, days: u32) -> Result<Vec<BirthdayOf>> {
        if days >= 365 {
            return self.birthdays();
        }
        let mut month_days: Vec<String> = (0..=days)
            .filter_map(|n| from.checked_add_days(chrono::Days::new(n.into())))
            .map(|d| format!("{:02}-{:02}", d.month(), d.day()))
            .collect();
        month_days.extend(["02-29".to_string(), "?".to_string()]);
        let list = serde_json::to_string(&month_days)
            .map_err(|e| super::BookError::Invalid(e.to_string()))?;
        let mut stmt = self.conn.prepare_cached(&format!(
            // The planner, knowing nothing of the book, would walk every customer instead.
            "SELECT c.id, c.name, NULL, c.birthday, 0, c.id
               FROM customer c INDEXED BY customer_birthday_by_day
              WHERE c.birthday IS NOT NULL AND c.archived = 0
                AND {MONTH_DAY} IN (SELECT value FROM json_each(?1))
             UNION ALL
             SELECT c.id, c.name, p.name, p.birthday, 1, p.id
               FROM contact p INDEXED BY contact_birthday_by_day
               JOIN customer c ON c.id = p.customer_id
              WHERE p.birthday IS NOT NULL AND c.archived = 0
                AND {} IN (SELECT value FROM json_each(?1))
             ORDER BY 5, 6",
            MONTH_DAY.replace("birthday", "p.birthday")
        ))?;
        let rows = stmt.query_map([list], super::customers::birthday_of)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Customers not archived with nothing planned who may be going cold on `today`: those
    /// with a cadence of their own that has run out, and those without one quiet since before
    /// `quiet_before` (the day the shortest cadence a tier can give began, or `None` for no
    /// tier cadence at all). The rule decides; this only leaves out who cannot be cold. Read
    /// from the indexes alone, no customer row, and handed to `each` in turn: a book of a
    /// million customers has a hundred thousand of them, and the caller keeps only a little
    /// of each.
    pub fn quiet_customers(
        &self,
        today: NaiveDate,
        quiet_before: Option<NaiveDate>,
        mut each: impl FnMut(Quiet),
    ) -> Result<()> {
        self.quiet_from(
            "customer_cold_by_own_cadence",
            "c.cadence_days IS NOT NULL
                AND date(coalesce(c.last_contact_at, c.created_at),
                         '+' || c.cadence_days || ' days') <= ?1",
            "NULL, c.cadence_days",
            &text::date(today),
            &mut each,
        )?;
        if let Some(before) = quiet_before {
            // Quiet since before the day after: a contact at any time that day counts.
            let bound = before
                .succ_opt()
                .map_or("9999-99-99".to_string(), text::date);
            self.quiet_from(
                "customer_quiet_by_tier_cadence",
                "c.cadence_days IS NULL AND coalesce(c.last_contact_at, c.created_at) < ?1",
                "c.tier, NULL",
                &bound,
                &mut each,
            )?;
        }
        Ok(())
    }

    /// The quiet customers of one going-cold `index`, found by `condition` on `?1`;
    /// `tier_and_cadence` are the two columns the index holds of those (or NULL).
    fn quiet_from(
        &self,
        index: &str,
        condition: &str,
        tier_and_cadence: &str,
        bound: &str,
        each: &mut dyn FnMut(Quiet),
    ) -> Result<()> {
        // The index named: the planner, knowing nothing of the book, would walk everyone with
        // nothing planned.
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT c.id, coalesce(c.last_contact_at, c.created_at), {tier_and_cadence}, c.stage,
                    c.last_order_on
               FROM customer c INDEXED BY {index}
              WHERE c.archived = 0 AND c.next_follow_up_on IS NULL AND {condition}"
        ))?;
        let mut rows = stmt.query([bound])?;
        while let Some(r) = rows.next()? {
            let tier: Option<String> = r.get(2)?;
            let stage: Option<String> = r.get(4)?;
            each(Quiet {
                id: r.get(0)?,
                since: text::parse_datetime("last_contact_at", &r.get::<_, String>(1)?)?,
                tier: tier.as_deref().and_then(Tier::parse),
                cadence_days: r.get(3)?,
                stage_by_hand: stage.as_deref().and_then(Stage::parse),
                last_order: text::opt("last_order_on", r.get(5)?, text::parse_date)?,
            });
        }
        Ok(())
    }

    /// The revenue of the window the roll-up holds, from the top of the ranking down while
    /// `more` says so (it is given each customer and revenue in turn), sorted by customer for
    /// [`revenue_of`]: a tenth of a big book's customers, held in a third of a map's memory.
    pub fn revenue_from_the_top(
        &self,
        mut more: impl FnMut(CustomerId, i64) -> bool,
    ) -> Result<Vec<(CustomerId, i64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT customer_id, amount FROM revenue_12m INDEXED BY revenue_12m_ranked
              ORDER BY amount DESC, customer_id",
        )?;
        let mut rows = stmt.query([])?;
        let mut top = Vec::new();
        while let Some(r) = rows.next()? {
            let (id, amount) = (r.get(0)?, r.get(1)?);
            if !more(id, amount) {
                break;
            }
            top.push((id, amount));
        }
        top.sort_unstable();
        top.shrink_to_fit();
        Ok(top)
    }

    /// The last order (won deal) on or before `today` of each of `ids` that has one.
    pub fn last_orders_of(
        &self,
        ids: &[CustomerId],
        today: NaiveDate,
    ) -> Result<HashMap<CustomerId, NaiveDate>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.customer_id, max(d.closed_on) FROM deal d INDEXED BY deal_won_by_customer
              WHERE d.stage = 'won' AND d.closed_on <= ?2
                AND d.customer_id IN (SELECT value FROM json_each(?1))
              GROUP BY d.customer_id",
        )?;
        let rows = stmt.query_map(params![id_list(ids), text::date(today)], |r| {
            Ok((
                r.get(0)?,
                text::parse_date("closed_on", &r.get::<_, String>(1)?)?,
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// A customer's revenue in what [`Repository::revenue_from_the_top`] read, if it is there.
pub fn revenue_of(top: &[(CustomerId, i64)], id: CustomerId) -> Option<i64> {
    top.binary_search_by_key(&id, |&(id, _)| id)
        .ok()
        .map(|i| top[i].1)
}
