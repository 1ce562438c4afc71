//! The first screen of a big book, read through indexes before anything book-wide: the top of
//! the attention order, which is everyone with a follow-up overdue or due today, earliest day
//! first. The whole list is read later, on a thread.

use chrono::NaiveDate;

use super::sql_text as text;
use super::{Repository, Result};
use crate::book::model::{CustomerId, CustomerRow};

impl Repository {
    /// The rows at the top of the attention order: customers with a follow-up due by `today`,
    /// earliest day first, at least `limit` of them when there are that many. The last day read
    /// is read whole, since the list orders a day's customers by name: the rows returned are
    /// exactly the first ones of the full ranking, in some order (the list sorts them).
    pub fn attention_top(&self, today: NaiveDate, limit: usize) -> Result<Vec<CustomerRow>> {
        let ids = self.attention_top_ids(today, limit)?;
        let mut rows = Vec::with_capacity(ids.len());
        for id in ids {
            rows.extend(self.customer_row(id)?);
        }
        Ok(rows)
    }

    fn attention_top_ids(&self, today: NaiveDate, limit: usize) -> Result<Vec<CustomerId>> {
        // Index order (archived, next_follow_up_on): the scan stops at `limit`.
        let mut first = self.conn.prepare_cached(
            "SELECT id, next_follow_up_on FROM customer
              WHERE archived = 0 AND next_follow_up_on <= ?1
              ORDER BY next_follow_up_on LIMIT ?2",
        )?;
        let read: Vec<(CustomerId, String)> = first
            .query_map(rusqlite::params![text::date(today), limit as i64], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let Some((_, last_day)) = read.last().filter(|_| read.len() == limit) else {
            return Ok(read.into_iter().map(|(id, _)| id).collect());
        };
        // The limit may have cut the last day short: read that day again, whole.
        let mut day = self.conn.prepare_cached(
            "SELECT id FROM customer WHERE archived = 0 AND next_follow_up_on = ?1",
        )?;
        let whole_day: Vec<CustomerId> = day
            .query_map([last_day], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut ids: Vec<CustomerId> = read
            .iter()
            .filter(|(_, on)| on != last_day)
            .map(|(id, _)| *id)
            .collect();
        ids.extend(whole_day);
        Ok(ids)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::book::model::{CustomerDraft, FollowUpDraft};

    #[test]
    fn a_day_cut_by_the_limit_is_read_whole() {
        let mut repo = Repository::open_in_memory().unwrap();
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        let mut add = |name: &str, due: Option<&str>| {
            let id = repo
                .add_customer(&CustomerDraft {
                    name: name.into(),
                    ..Default::default()
                })
                .unwrap();
            if let Some(due) = due {
                repo.add_follow_up(&FollowUpDraft {
                    customer_id: id,
                    due_on: day(due),
                    due_time: None,
                    task: "call".into(),
                    repeat: None,
                })
                .unwrap();
            }
            id
        };
        let oldest = add("Oldest", Some("2026-11-01"));
        let same_day: Vec<_> = ["Zeta", "Alpha", "Mid"]
            .iter()
            .map(|n| add(n, Some("2026-11-20")))
            .collect();
        add("Later", Some("2026-12-20"));
        add("Nothing planned", None);
        let today = day("2026-11-28");
        let ids = |rows: Vec<CustomerRow>| {
            let mut ids: Vec<_> = rows.into_iter().map(|r| r.id).collect();
            ids.sort();
            ids
        };
        let mut whole = vec![oldest];
        whole.extend(&same_day);
        // Two asked for: the 20th is cut after one customer, so the day comes whole.
        assert_eq!(ids(repo.attention_top(today, 2).unwrap()), whole);
        assert_eq!(ids(repo.attention_top(today, 1).unwrap()), [oldest]);
        assert_eq!(ids(repo.attention_top(today, 10).unwrap()), whole);
    }
}
