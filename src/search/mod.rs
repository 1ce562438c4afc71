//! Finding customers by what a person remembers: part of a name (in pinyin too: `zw` finds
//! 张伟), a person there, a city, a tag, a phone number or an email, narrowed by filters
//! (`#vip tier:a due:week cold city:上海`, see `query.rs`). The TUI filter and the CLI use the
//! same search.
//!
//! Speed at 100,000 customers comes from what surrounds the scorer (nucleo-matcher, see
//! `scorer.rs`): keys folded once when the rows are loaded, a character mask and an in-order
//! test before a row is scored, the last few results kept so a query that grows only rescores
//! what the shorter one found, and both cores for big passes.

mod candidates;
mod city;
mod field_hit;
mod fold;
#[cfg(test)]
mod head_tests;
pub mod index;
mod keys;
#[cfg(test)]
mod keys_tests;
mod masks;
#[cfg(test)]
mod masks_tests;
mod pass;
mod pinyin;
mod query;
mod rank;
#[cfg(test)]
mod rank_tests;
mod scorer;
mod shown;
mod snippet;
mod sort_key;
mod starts;
#[cfg(test)]
mod tests;
mod triples;
mod values;
mod word;

use std::sync::Mutex;

use chrono::NaiveDate;

use crate::book::model::CustomerRow;
use keys::Keys;
use pass::Pass;
use query::Query;
pub use rank::{Group, Tier};
use scorer::Scorer;
pub use snippet::snippet;
use sort_key::{class_of, rank_of};
use starts::RowStarts;

/// Results kept for narrowing, for going back (backspace) and for a query typed again: enough
/// for the prefixes of a long query (fewer, and typing it again would find each prefix just
/// pushed out by a longer one), within `RECENT_KEYS` sort keys (8 bytes each) in all.
const RECENT: usize = 24;
const RECENT_KEYS: usize = 640_000;
/// Below this many candidates a pass runs on the calling thread. Scoring a row costs about
/// a microsecond, against some tens for a scoped thread: from a few hundred rows, two cores
/// pay (measured: a 5,000-customer book's worst keystroke 4.7 -> 3.1 ms at 512, no slower at
/// 100,000).
const PARALLEL_FROM: usize = 512;
const NOT_IN_ORDER: u32 = u32::MAX;
/// From this many rows, the rows' starts are made on two threads.
const STARTS_ON_TWO_FROM: usize = 20_000;

/// A search index over customer rows. Build it with [`CustomerSearch::rebuild`] whenever the
/// rows are (re)loaded; matching ignores case.
pub struct CustomerSearch {
    /// For highlights, kept between calls: a scorer holds a big matrix.
    highlighter: Mutex<Scorer>,
    keys: Keys,
    /// Per row, what a glance can promise about a match (`starts.rs`), for `filter_head`.
    starts: Vec<RowStarts>,
    threads: usize,
    parallel_from: usize,
    /// Recent results, oldest first, valid for `order_print`.
    recent: Vec<Recent>,
    order_print: u64,
    /// Each row's position in that order (`NOT_IN_ORDER` if absent).
    rank_of_row: Vec<u32>,
    /// Skip work that cannot change a result (off only to test that it does not).
    prune: bool,
}

struct Recent {
    query: Query,
    today: NaiveDate,
    /// Sort keys of the matching rows, best first (positions in `order`, see `rank_of`).
    keys: Vec<u64>,
}

/// How a row was found: by how much of a name, and whose (see `rank.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub tier: Tier,
    pub group: Group,
}

impl Found {
    /// Where this way of matching ranks: lower is better.
    pub fn rank(self) -> u8 {
        rank::class(self.tier, self.group)
    }
}

impl Default for CustomerSearch {
    fn default() -> Self {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        Self {
            highlighter: Mutex::new(Scorer::new("")),
            keys: Keys::default(),
            starts: Vec::new(),
            threads,
            parallel_from: PARALLEL_FROM,
            recent: Vec::new(),
            order_print: 0,
            rank_of_row: Vec::new(),
            prune: true,
        }
    }
}

impl CustomerSearch {
    pub fn new(rows: &[CustomerRow]) -> Self {
        let mut search = Self::default();
        search.rebuild(rows);
        search
    }

    /// Adds the keys of one more row, as a reader streams them in: `finish_adding` once the
    /// last is in. The row may then drop what only the keys need (see
    /// `customer_list::keep_listed`), so the whole book's phones and e-mails are never held
    /// twice over.
    pub fn add_row(&mut self, row: &CustomerRow) {
        self.keys.push(row);
        let i = self.keys.rows.len() - 1;
        self.starts.push(RowStarts::of(&self.keys, i, row));
    }

    /// Ends `add_row`: `rows` are the rows added, in order, listed or whole.
    pub fn finish_adding(&mut self, rows: &[CustomerRow]) {
        self.keys.finish(rows);
        self.starts.shrink_to_fit();
        self.recent.clear();
    }

    /// Folds the rows' search keys. Call whenever the rows change.
    pub fn rebuild(&mut self, rows: &[CustomerRow]) {
        self.keys = Keys::build(rows, self.threads);
        self.starts.clear();
        self.ensure_starts(rows);
        self.recent.clear();
    }

    /// A search for whole results only (`ranked`, `filter`), as a command makes one: the keys
    /// without the starts a keystroke's first screens need (`filter_head` makes them then).
    pub fn for_ranking(rows: &[CustomerRow]) -> Self {
        let mut search = Self::default();
        search.keys = Keys::build(rows, search.threads);
        search
    }

    /// Drops the results kept for narrowing and repeats: the next queries are scored as if
    /// typed for the first time (a benchmark's rounds).
    pub fn forget_results(&mut self) {
        self.recent.clear();
    }

    /// Row `i`'s keys built again from `row` (renamed, a new phone...), or added when `i` is
    /// the number of rows: one row's work, not the book's. Results kept for narrowing are
    /// forgotten, as the row may no longer match them.
    pub fn put_row(&mut self, i: usize, row: &CustomerRow) {
        let had_all = self.starts.len() == self.keys.rows.len();
        self.keys.put(i, row);
        // Kept up only while every row has them (else `filter_head` makes them all).
        if had_all {
            let starts = RowStarts::of(&self.keys, i, row);
            match self.starts.get_mut(i) {
                Some(old) => *old = starts,
                None => self.starts.push(starts),
            }
        }
        self.recent.clear();
    }

    /// Row `i` taken out as `Vec::swap_remove` takes it: the last row's keys move to `i`.
    pub fn remove_row(&mut self, i: usize) {
        self.keys.swap_remove(i);
        if i < self.starts.len() {
            self.starts.swap_remove(i);
        }
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
        self.ranked(rows, order, query, today)
            .into_iter()
            .map(|(row, _)| row)
            .collect()
    }

    /// `filter`, with how each row was found (all `Exact` in `Name` when the query has no text).
    pub fn ranked(
        &mut self,
        rows: &[CustomerRow],
        order: &[usize],
        query: &str,
        today: NaiveDate,
    ) -> Vec<(usize, Found)> {
        let (threads, from) = (self.threads, self.parallel_from);
        let run = |pass: &Pass, candidates: &[u32]| {
            Some((pass.run_split(candidates, threads, from), true))
        };
        self.filter_with(rows, order, (query, today), run)
            .map(|(found, _)| found)
            .unwrap_or_default()
    }

    /// The first `want` rows (or more) of what `filter` gives, exactly those, and whether they
    /// are all: only as much of the book is scored as it takes to be sure of them (see
    /// `pass/head.rs`). A keystroke's frame needs no more; `filter` gives the rest.
    pub fn filter_head(
        &mut self,
        rows: &[CustomerRow],
        order: &[usize],
        (query, today): (&str, NaiveDate),
        want: usize,
    ) -> (Vec<usize>, bool) {
        self.ensure_starts(rows);
        let (threads, from) = (self.threads, self.parallel_from);
        let run = |pass: &Pass, by_row: &[u32]| {
            let head = pass.run_head((by_row, order), want, threads, from);
            Some((head.keys, head.complete))
        };
        let (found, complete) = self
            .filter_with(rows, order, (query, today), run)
            .unwrap_or_default();
        (found.into_iter().map(|(row, _)| row).collect(), complete)
    }

    /// Every row's starts (`starts.rs`), made now if a row lacks them.
    fn ensure_starts(&mut self, rows: &[CustomerRow]) {
        if self.keys.rows.len() != rows.len() {
            self.rebuild(rows);
        }
        if self.starts.len() != self.keys.rows.len() {
            let keys = &self.keys;
            let of = |from: usize, part: &[CustomerRow]| -> Vec<RowStarts> {
                (part.iter().enumerate())
                    .map(|(i, row)| RowStarts::of(keys, from + i, row))
                    .collect()
            };
            // Made as the book loads, behind the first screen: both cores from a big book.
            self.starts = if self.threads < 2 || rows.len() < STARTS_ON_TWO_FROM {
                of(0, rows)
            } else {
                let half = rows.len() / 2;
                let (front, back) = rows.split_at(half);
                let (mut starts, later) = std::thread::scope(|s| {
                    let later = s.spawn(|| of(half, back));
                    (of(0, front), later.join().expect("starts thread"))
                });
                starts.extend(later);
                starts
            };
        }
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
        let run = |pass: &Pass, candidates: &[u32]| {
            Some((pass.run_watched(candidates, threads, interrupted)?, true))
        };
        let (found, _) = self.filter_with(rows, order, (query, today), run)?;
        Some(found.into_iter().map(|(row, _)| row).collect())
    }

    /// Runs `run` over the rows that can match `query`, unless its result is kept; keeps a
    /// complete result for narrowing. `run` gives sort keys, and whether they are all.
    fn filter_with(
        &mut self,
        rows: &[CustomerRow],
        order: &[usize],
        (query, today): (&str, NaiveDate),
        run: impl FnOnce(&Pass, &[u32]) -> Option<(Vec<u64>, bool)>,
    ) -> Option<(Vec<(usize, Found)>, bool)> {
        if self.keys.rows.len() != rows.len() {
            self.rebuild(rows);
        }
        let query = Query::parse(query);
        if query.filters.is_empty() && query.words.is_empty() {
            let all = Found {
                tier: Tier::Exact,
                group: Group::Name,
            };
            return Some((order.iter().map(|&row| (row, all)).collect(), true));
        }
        assert!(
            order.len() < 1 << sort_key::RANK_BITS,
            "too many rows to rank"
        );
        self.follow_order(order, rows.len());
        let to_rows = |keys: &[u64]| {
            keys.iter()
                .map(|&k| {
                    let (tier, group) = class_of(k);
                    (order[rank_of(k) as usize], Found { tier, group })
                })
                .collect()
        };
        if let Some(seen) = self
            .recent
            .iter()
            .find(|r| r.today == today && r.query == query)
        {
            return Some((to_rows(&seen.keys), true));
        }
        let candidates = self.candidates(&query, today, order);
        let pass = Pass::new(self, rows, &query, today);
        let (keys, complete) = run(&pass, &candidates)?;
        let found = to_rows(&keys);
        if complete {
            self.keep(query, today, keys);
        }
        Some((found, complete))
    }

    fn keep(&mut self, query: Query, today: NaiveDate, keys: Vec<u64>) {
        self.recent.push(Recent { query, today, keys });
        let mut held: usize = self.recent.iter().map(|r| r.keys.len()).sum();
        while self.recent.len() > RECENT || (held > RECENT_KEYS && self.recent.len() > 1) {
            held -= self.recent.remove(0).keys.len();
        }
    }

    /// How each row matches the text of `query`, its filters aside: the rows that match, each
    /// with where its match ranks (lower first; equal ones go by the order a caller gives).
    /// Every row, all equal, when the query has no text. Rows are scored on their own, so
    /// part of a book gives each of its rows what the whole book would.
    pub fn text_hits(rows: &[CustomerRow], query: &str) -> Vec<(usize, u64)> {
        let mut text = Query::parse(query);
        text.filters.clear();
        if text.words.is_empty() {
            return (0..rows.len()).map(|row| (row, 0)).collect();
        }
        let mut search = CustomerSearch::new(rows);
        let order: Vec<usize> = (0..rows.len()).collect();
        search.follow_order(&order, rows.len());
        let all: Vec<u32> = (0..rows.len() as u32).collect();
        // The day only decides `due:` filters, and there are none here.
        let pass = Pass::new(&search, rows, &text, NaiveDate::MIN);
        pass.run_split(&all, search.threads, search.parallel_from)
            .into_iter()
            .map(|key| (rank_of(key) as usize, sort_key::without_rank(key)))
            .collect()
    }

    /// Whether `query` holds a filter (`#tag`, `tier:`, `city:`, `due:`, `cold`).
    pub fn has_filters(query: &str) -> bool {
        !Query::parse(query).filters.is_empty()
    }

    /// Forgets kept results when the order changed, and notes each row's rank in it.
    fn follow_order(&mut self, order: &[usize], rows: usize) {
        let print = fingerprint(order);
        if print != self.order_print || self.rank_of_row.len() != rows {
            self.recent.clear();
            self.order_print = print;
            self.rank_of_row = vec![NOT_IN_ORDER; rows];
            for (rank, &row) in order.iter().enumerate() {
                self.rank_of_row[row] = rank as u32;
            }
        }
    }
}

/// A cheap fingerprint of a row order, to notice when kept results no longer apply.
fn fingerprint(order: &[usize]) -> u64 {
    order.iter().fold(order.len() as u64, |h, &i| {
        (h ^ i as u64).wrapping_mul(0x0100_0000_01B3).rotate_left(5)
    })
}
