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
mod pinyin;
mod query;
mod scorer;
#[cfg(test)]
mod tests;

use std::sync::Mutex;

use chrono::NaiveDate;

use crate::book::model::CustomerRow;
use keys::{FIELDS, Keys, NAME, fold, is_subsequence, mask};
use pinyin::{Reading, has_han};
use query::{Filter, Query, city_matches};
use scorer::Scorer;

/// Results kept for narrowing and for going back (backspace).
const RECENT: usize = 8;
/// Below this many candidates a pass runs on the calling thread.
const PARALLEL_FROM: usize = 4_096;
const RANK_BITS: u32 = 30;

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
        if self.keys.rows.len() != rows.len() {
            self.rebuild(rows);
        }
        let query = Query::parse(query);
        if query.filters.is_empty() && query.text.is_empty() {
            return order.to_vec();
        }
        assert!(order.len() < 1 << RANK_BITS, "too many rows to rank");
        let print = fingerprint(order);
        if print != self.order_print {
            self.recent.clear();
            self.order_print = print;
        }
        let to_rows = |ranks: &[u32]| ranks.iter().map(|&r| order[r as usize]).collect();
        if let Some(seen) = self
            .recent
            .iter()
            .find(|r| r.today == today && r.query == query)
        {
            return to_rows(&seen.ranks);
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
        let all: Vec<u32>;
        let candidates = match narrower {
            Some(r) => &r.ranks,
            None => {
                all = (0..order.len() as u32).collect();
                &all
            }
        };
        let pass = Pass::new(self, rows, order, &query, today);
        let keys = pass.run_split(candidates, self.threads, self.parallel_from);
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
        found
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

/// One query's pass over candidate rows; shared read-only by the threads that run it.
struct Pass<'a> {
    rows: &'a [CustomerRow],
    order: &'a [usize],
    keys: &'a Keys,
    query: &'a Query,
    today: NaiveDate,
    text_mask: u64,
    /// The text's chars, when it has Latin letters and so pinyin keys can match it.
    pinyin: Option<Vec<char>>,
    /// `char_bit` of the text's first char (`narrow`ed): a pinyin match must start with it.
    first_bit: u32,
    /// Per distinct city: whether every `city:` filter keeps it.
    city_ok: Vec<bool>,
}

impl<'a> Pass<'a> {
    fn new(
        search: &'a CustomerSearch,
        rows: &'a [CustomerRow],
        order: &'a [usize],
        query: &'a Query,
        today: NaiveDate,
    ) -> Self {
        let city_filters: Vec<&str> = query
            .filters
            .iter()
            .filter_map(|f| match f {
                Filter::City(c) => Some(c.as_str()),
                _ => None,
            })
            .collect();
        let city_ok = if city_filters.is_empty() {
            Vec::new()
        } else {
            let cities = &search.keys.cities;
            cities
                .iter()
                .map(|city| city_filters.iter().all(|v| city_matches(city, v)))
                .collect()
        };
        Pass {
            rows,
            order,
            keys: &search.keys,
            query,
            today,
            text_mask: mask(&query.text),
            first_bit: query
                .text
                .chars()
                .next()
                .map_or(0, |c| keys::narrow(keys::char_bit(c))),
            pinyin: query
                .text
                .bytes()
                .any(|b| b.is_ascii_alphabetic())
                .then(|| query.text.chars().collect()),
            city_ok,
        }
    }

    /// Sort keys of the matching candidates, in result order, on up to `threads` threads.
    fn run_split(&self, candidates: &[u32], threads: usize, parallel_from: usize) -> Vec<u64> {
        if threads < 2 || candidates.len() < parallel_from {
            return self.run(candidates);
        }
        let chunk = candidates.len().div_ceil(threads);
        let parts: Vec<Vec<u64>> = std::thread::scope(|s| {
            let others: Vec<_> = candidates
                .chunks(chunk)
                .skip(1)
                .map(|part| s.spawn(move || self.run(part)))
                .collect();
            let mut parts = vec![self.run(&candidates[..chunk])];
            parts.extend(others.into_iter().map(|h| h.join().expect("search thread")));
            parts
        });
        parts.into_iter().reduce(merge).unwrap_or_default()
    }

    fn run(&self, candidates: &[u32]) -> Vec<u64> {
        let mut scorer = Scorer::new(&self.query.text);
        let mut keys: Vec<u64> = candidates
            .iter()
            .filter_map(|&rank| self.sort_key(rank, &mut scorer))
            .collect();
        keys.sort_unstable();
        keys
    }

    fn sort_key(&self, rank: u32, scorer: &mut Scorer) -> Option<u64> {
        let row = self.order[rank as usize];
        let r = &self.rows[row];
        let city_ok = || self.city_ok[self.keys.city_of[row] as usize];
        if !self
            .query
            .filters
            .iter()
            .all(|f| f.keeps(r, self.today, city_ok))
        {
            return None;
        }
        if self.query.text.is_empty() {
            return Some(u64::from(rank));
        }
        let (class, score) = self.score(row, scorer)?;
        Some(sort_key(class, score, rank))
    }

    /// How the text matched the row, and the best score of that kind.
    fn score(&self, row: usize, scorer: &mut Scorer) -> Option<(Class, i64)> {
        let k = &self.keys.rows[row];
        let m = self.text_mask;
        if k.mask & m != m {
            return None;
        }
        let fields = keys::fields(&self.rows[row]);
        let mut rare = [false; FIELDS];
        let field_mask = keys::narrow(m);
        let holds = |f: usize| k.masks[f] & field_mask == field_mask;
        if holds(NAME) {
            match self.field(&fields, row, NAME, k.name_starts, scorer) {
                Hit::Common(score) => return Some((Class::Name, score)),
                Hit::Rare => rare[NAME] = true,
                Hit::Miss => {}
            }
        }
        // Elsewhere, the first field that matches (people, city, tags, phone, email) decides.
        for f in (NAME + 1..FIELDS).filter(|&f| holds(f)) {
            match self.field(&fields, row, f, k.starts, scorer) {
                Hit::Common(score) => return Some((Class::Elsewhere, score)),
                Hit::Rare => rare[f] = true,
                Hit::Miss => {}
            }
        }
        // Rare readings are scored only when nothing matched by common ones.
        let mut by_rare = |f: usize| {
            rare[f]
                .then(|| scorer.score(self.keys.pinyin(row, f)))
                .flatten()
        };
        if let Some(score) = by_rare(NAME) {
            return Some((Class::NameByRareReading, score));
        }
        (NAME + 1..FIELDS)
            .filter_map(by_rare)
            .max()
            .map(|score| (Class::ElsewhereByRareReading, score))
    }

    /// How the text matches field `f` of the row: its folded text, else its pinyin key.
    /// `starts` is what a pinyin match there can start with.
    fn field(
        &self,
        fields: &[&str; FIELDS],
        row: usize,
        f: usize,
        starts: u32,
        scorer: &mut Scorer,
    ) -> Hit {
        let q = &self.query.text;
        let plain = self.keys.plain(fields, row, f);
        if is_subsequence(plain, q)
            && let Some(score) = scorer.score(plain)
        {
            return Hit::Common(score);
        }
        let Some(chars) = self
            .pinyin
            .as_ref()
            .filter(|_| starts & self.first_bit != 0)
        else {
            return Hit::Miss;
        };
        // No in-order test here: the pinyin match skips ahead to what it needs by itself.
        let key = self.keys.pinyin(row, f);
        if key.is_empty() {
            return Hit::Miss;
        }
        match pinyin::matches(key, chars) {
            Some(Reading::Common) => scorer.score(key).map_or(Hit::Miss, Hit::Common),
            Some(Reading::Rare) => Hit::Rare,
            None => Hit::Miss,
        }
    }
}

enum Hit {
    /// Matched, by common readings where pinyin was used, with this score.
    Common(i64),
    /// Matched only by a rare reading of a polyphone; scored later if nothing better matched.
    Rare,
    Miss,
}

/// How a row matched, best first: its name above its people, city, tags, phone and email;
/// and any of those above a match that needs a rare reading of a polyphone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    Name,
    Elsewhere,
    NameByRareReading,
    ElsewhereByRareReading,
}

/// Orders by class, then by score (higher first), then by rank in `order`.
fn sort_key(class: Class, score: i64, rank: u32) -> u64 {
    let score = score.clamp(i64::from(i32::MIN) + 1, i64::from(i32::MAX));
    let below_best = (i64::from(i32::MAX) - score) as u64; // < 2^32
    ((class as u64) << 62) | (below_best << RANK_BITS) | u64::from(rank)
}

fn rank_of(key: u64) -> u32 {
    (key & ((1 << RANK_BITS) - 1)) as u32
}

fn merge(a: Vec<u64>, b: Vec<u64>) -> Vec<u64> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] <= b[j] {
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// A cheap fingerprint of a row order, to notice when kept results no longer apply.
fn fingerprint(order: &[usize]) -> u64 {
    order.iter().fold(order.len() as u64, |h, &i| {
        (h ^ i as u64).wrapping_mul(0x0100_0000_01B3).rotate_left(5)
    })
}
