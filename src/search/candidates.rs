//! Which rows a pass visits, and in which order.

use chrono::NaiveDate;

use super::CustomerSearch;
use super::query::Query;
use super::sort_key::rank_of;

/// The order a pass visits its candidates in (see `CustomerSearch::candidates`).
#[derive(Clone, Copy)]
pub(super) enum Candidates {
    ByRow,
    ByRank,
}

impl CustomerSearch {
    /// The rows a pass for `query` visits: those a kept result for a shorter query found (a
    /// query that extends it can only match those), else all; in row order, so the row keys
    /// are read front to back, or in list order.
    pub(super) fn candidates(
        &self,
        query: &Query,
        today: NaiveDate,
        order: &[usize],
        visit: Candidates,
    ) -> Vec<u32> {
        let narrower = self
            .recent
            .iter()
            .filter(|r| r.today == today && query.narrows(&r.query))
            .max_by_key(|r| r.query.text.len());
        match (narrower, visit) {
            (Some(r), Candidates::ByRow) => {
                let mut rows: Vec<u32> = r
                    .keys
                    .iter()
                    .map(|&k| order[rank_of(k) as usize] as u32)
                    .collect();
                rows.sort_unstable();
                rows
            }
            (Some(r), Candidates::ByRank) => {
                let mut ranks: Vec<u32> = r.keys.iter().map(|&k| rank_of(k)).collect();
                ranks.sort_unstable();
                ranks
                    .into_iter()
                    .map(|rank| order[rank as usize] as u32)
                    .collect()
            }
            (None, Candidates::ByRow) => (0..self.keys.rows.len() as u32).collect(),
            (None, Candidates::ByRank) => order.iter().map(|&row| row as u32).collect(),
        }
    }
}
