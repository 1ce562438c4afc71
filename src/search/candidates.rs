//! Which rows a pass visits.

use chrono::NaiveDate;

use super::CustomerSearch;
use super::query::Query;
use super::sort_key::rank_of;

impl CustomerSearch {
    /// The rows a pass for `query` visits: those a kept result for a shorter query found (a
    /// query that extends it can only match those), else all; in row order, so the row keys
    /// are read front to back.
    pub(super) fn candidates(&self, query: &Query, today: NaiveDate, order: &[usize]) -> Vec<u32> {
        let narrower = self
            .recent
            .iter()
            .filter(|r| r.today == today && query.narrows(&r.query))
            .max_by_key(|r| r.query.text.len());
        match narrower {
            Some(r) => {
                let mut rows: Vec<u32> = r
                    .keys
                    .iter()
                    .map(|&k| order[rank_of(k) as usize] as u32)
                    .collect();
                rows.sort_unstable();
                rows
            }
            None => (0..self.keys.rows.len() as u32).collect(),
        }
    }
}
