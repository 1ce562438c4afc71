//! Finding customers by what a person remembers: part of a name (in pinyin too: `zw` finds
//! 张伟), a person there, a city, a tag, a phone number or an email, narrowed by filters
//! (`#vip tier:a due:week cold city:上海`, see `query.rs`). The TUI filter and the CLI use the
//! same search.
//!
//! Speed at 100,000 customers comes from what surrounds the scorer (nucleo-matcher, see
//! `scorer.rs`): keys folded once when the rows are loaded, a character mask and an in-order
//! test before a row is scored, the last few results kept so a query that grows only rescores
//! what the shorter one found, and both cores for big passes.

mod keys;
mod pass;
mod pinyin;
mod query;
mod scorer;
#[cfg(test)]
mod tests;

use std::sync::Mutex;

use chrono::NaiveDate;

use crate::book::model::CustomerRow;
use keys::{Keys, fold};
use pass::{Pass, rank_of};
use pinyin::{Reading, has_han};
use query::Query;
use scorer::Scorer;

/// Results kept for narrowing and for going back (backspace).
const RECENT: usize = 8;
/// Below this many candidates a pass runs on the calling thread.
const PARALLEL_FROM: usize = 4_096;
const NOT_IN_ORDER: u32 = u32::MAX;

/// A search index over customer rows. Build it with [`CustomerSearch::rebuild`] whenever the
/// rows are (re)loaded; matching ignores case.
pub struct CustomerSearch {
    /// For highlights, kept between calls: a scorer holds a big matrix.
    highlighter: Mutex<Scorer>,
    keys: Keys,
    threads: usize,
    parallel_from: usize,
    /// Recent results, oldest first, valid for `order_print`.
    recent: Vec<Recent>,
    order_print: u64,
    /// Each row's position in that order (`NOT_IN_ORDER` if absent).
    rank_of_row: Vec<u32>,
}

struct Recent {
    query: Query,
    today: NaiveDate,
    /// Positions in `order` of the matching rows, best first.
    ranks: Vec<u32>,
}

impl Default for CustomerSearch {
    fn default() -> Self {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        Self {
            highlighter: Mutex::new(Scorer::new("")),
            keys: Keys::default(),
            threads,
            parallel_from: PARALLEL_FROM,
            recent: Vec::new(),
            order_print: 0,
            rank_of_row: Vec::new(),
        }
    }
}

impl CustomerSearch {
    pub fn new(rows: &[CustomerRow]) -> Self {
        let mut search = Self::default();
        search.rebuild(rows);
        search
    }

    /// Folds the rows' search keys. Call whenever the rows change.
    pub fn rebuild(&mut self, rows: &[CustomerRow]) {
        self.keys = Keys::build(rows, self.threads);
        self.recent.clear();
    }

    /// Indices of the rows that match `query`: in `order` when the query has no text, best
    /// first otherwise (name matches above matches elsewhere, ties in `order`). `today`
    /// decides `due:`. Rebuilds the index first if it was built for another number of rows.
    pub fn filter(
        &mut self,
        rows: &[CustomerRow],
        order: &[usize],
        query: &str,
        today: NaiveDate,
    ) -> Vec<usize> {
        let (threads, from) = (self.threads, self.parallel_from);
        self.filter_with(rows, order, query, today, |pass, candidates| {
            Some(pass.run_split(candidates, threads, from))
        })
        .unwrap_or_default()
    }

    /// `filter`, scored on worker threads while this thread watches `interrupted` (a key
    /// waiting): `None` when the pass was dropped for a newer query.
    pub fn filter_watched(
        &mut self,
        rows: &[CustomerRow],
        order: &[usize],
        query: &str,
        today: NaiveDate,
        interrupted: &dyn Fn() -> bool,
    ) -> Option<Vec<usize>> {
        let threads = self.threads;
        self.filter_with(rows, order, query, today, |pass, candidates| {
            pass.run_watched(candidates, threads, interrupted)
        })
    }

    fn filter_with(
        &mut self,
        rows: &[CustomerRow],
        order: &[usize],
        query: &str,
        today: NaiveDate,
        run: impl FnOnce(&Pass, &[u32]) -> Option<Vec<u64>>,
    ) -> Option<Vec<usize>> {
        if self.keys.rows.len() != rows.len() {
            self.rebuild(rows);
        }
        let query = Query::parse(query);
        if query.filters.is_empty() && query.text.is_empty() {
            return Some(order.to_vec());
        }
        assert!(order.len() < 1 << pass::RANK_BITS, "too many rows to rank");
        let print = fingerprint(order);
        if print != self.order_print || self.rank_of_row.len() != rows.len() {
            self.recent.clear();
            self.order_print = print;
            self.rank_of_row = vec![NOT_IN_ORDER; rows.len()];
            for (rank, &row) in order.iter().enumerate() {
                self.rank_of_row[row] = rank as u32;
            }
        }
        let to_rows = |ranks: &[u32]| ranks.iter().map(|&r| order[r as usize]).collect();
        if let Some(seen) = self
            .recent
            .iter()
            .find(|r| r.today == today && r.query == query)
        {
            return Some(to_rows(&seen.ranks));
        }
        // A query that extends an earlier one can only match what that one matched.
        let narrower = self
            .recent
            .iter()
            .filter(|r| {
                r.today == today
                    && r.query.filters == query.filters
                    && query.text.starts_with(&r.query.text)
            })
            .max_by_key(|r| r.query.text.len());
        // Candidates are visited in row order, so the row keys are read front to back.
        let candidates: Vec<u32> = match narrower {
            Some(r) => {
                let mut rows: Vec<u32> = r
                    .ranks
                    .iter()
                    .map(|&rank| order[rank as usize] as u32)
                    .collect();
                rows.sort_unstable();
                rows
            }
            None => (0..rows.len() as u32).collect(),
        };
        let pass = Pass::new(self, rows, &query, today);
        let keys = run(&pass, &candidates)?;
        let ranks: Vec<u32> = keys.iter().map(|&k| rank_of(k)).collect();
        let found = to_rows(&ranks);
        if self.recent.len() == RECENT {
            self.recent.remove(0);
        }
        self.recent.push(Recent {
            query,
            today,
            ranks,
        });
        Some(found)
    }

    /// Char indices (not byte offsets) of `text` that the text part of `query` matched, for
    /// highlighting: a pinyin match lights the Chinese characters it stands for.
    pub fn highlights(&self, text: &str, query: &str) -> Vec<usize> {
        let query = Query::parse(query);
        let q = query.text.as_str();
        if q.is_empty() {
            return Vec::new();
        }
        let mut scorer = self
            .highlighter
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        scorer.set_query(q);
        // Folding keeps one char for one, so the folded text's indices are the text's.
        let mut best = scorer.indices(&fold(text));
        if q.bytes().any(|b| b.is_ascii_alphabetic()) && has_han(text) {
            let mut key = String::new();
            pinyin::push_key(text, &mut key);
            let chars: Vec<char> = q.chars().collect();
            // As in `filter`: a rare reading counts only when nothing else matched.
            let take = match pinyin::matches(&key, &chars) {
                Some(Reading::Common) => true,
                Some(Reading::Rare) => best.is_none(),
                None => false,
            };
            if take
                && let Some(at) = pinyin::positions(&key, &chars)
                && let Some(score) = scorer.score(&key)
                && best.as_ref().is_none_or(|(b, _)| score > *b)
            {
                best = Some((score, at));
            }
        }
        best.map(|(_, at)| at).unwrap_or_default()
    }
}

/// A cheap fingerprint of a row order, to notice when kept results no longer apply.
fn fingerprint(order: &[usize]) -> u64 {
    order.iter().fold(order.len() as u64, |h, &i| {
        (h ^ i as u64).wrapping_mul(0x0100_0000_01B3).rotate_left(5)
    })
}
