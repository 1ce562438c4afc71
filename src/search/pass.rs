//! One query's pass over candidate rows: filters, then the text against each field's keys,
//! giving sort keys (class, score, rank) that order the result.

use chrono::NaiveDate;
use std::sync::atomic::{AtomicBool, Ordering};

use super::keys::{self, FIELDS, Keys, NAME, is_subsequence, mask};
use super::pinyin::{self, Reading};
use super::query::{Filter, Query, city_matches};
use super::scorer::Scorer;
use super::{CustomerSearch, NOT_IN_ORDER};
use crate::book::model::CustomerRow;

pub const RANK_BITS: u32 = 30;

/// One query's pass over candidate rows; shared read-only by the threads that run it.
pub struct Pass<'a> {
    rows: &'a [CustomerRow],
    rank_of_row: &'a [u32],
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
    pub fn new(
        search: &'a CustomerSearch,
        rows: &'a [CustomerRow],
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
            rank_of_row: &search.rank_of_row,
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

    /// Sort keys of the matching candidate rows, in result order, on up to `threads` threads.
    pub fn run_split(&self, candidates: &[u32], threads: usize, parallel_from: usize) -> Vec<u64> {
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

    /// Like `run_split`, but every part runs on a thread of its own while the calling thread
    /// watches `interrupted` (a key waiting): then the pass stops early and gives `None`, so a
    /// query already typed past is never finished.
    pub fn run_watched(
        &self,
        candidates: &[u32],
        threads: usize,
        interrupted: &dyn Fn() -> bool,
    ) -> Option<Vec<u64>> {
        if interrupted() {
            return None;
        }
        let cancel = AtomicBool::new(false);
        let chunk = candidates.len().div_ceil(threads.max(1)).max(1);
        let parts: Vec<Option<Vec<u64>>> = std::thread::scope(|s| {
            let handles: Vec<_> = candidates
                .chunks(chunk)
                .map(|part| {
                    let cancel = &cancel;
                    s.spawn(move || self.run_until(part, cancel))
                })
                .collect();
            while !handles.iter().all(|h| h.is_finished()) {
                if interrupted() {
                    cancel.store(true, Ordering::Relaxed);
                    break;
                }
                std::thread::sleep(std::time::Duration::from_micros(500));
            }
            handles
                .into_iter()
                .map(|h| h.join().expect("search thread"))
                .collect()
        });
        let parts: Option<Vec<Vec<u64>>> = parts.into_iter().collect();
        Some(parts?.into_iter().reduce(merge).unwrap_or_default())
    }

    /// `run`, checking `cancel` every few thousand rows.
    fn run_until(&self, candidates: &[u32], cancel: &AtomicBool) -> Option<Vec<u64>> {
        let mut scorer = Scorer::new(&self.query.text);
        let mut keys = Vec::new();
        for block in candidates.chunks(2048) {
            if cancel.load(Ordering::Relaxed) {
                return None;
            }
            keys.extend(
                block
                    .iter()
                    .filter_map(|&row| self.sort_key(row, &mut scorer)),
            );
        }
        keys.sort_unstable();
        Some(keys)
    }

    fn run(&self, candidates: &[u32]) -> Vec<u64> {
        let mut scorer = Scorer::new(&self.query.text);
        let mut keys: Vec<u64> = candidates
            .iter()
            .filter_map(|&row| self.sort_key(row, &mut scorer))
            .collect();
        keys.sort_unstable();
        keys
    }

    fn sort_key(&self, row: u32, scorer: &mut Scorer) -> Option<u64> {
        let rank = self.rank_of_row[row as usize];
        if rank == NOT_IN_ORDER {
            return None;
        }
        let row = row as usize;
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
            // Spelling a name from its first character on is what people do: it outweighs a
            // shorter gap further in, so `hz` puts 杭州 (hang zhou) before 武汉中联 (wu han zhong).
            Some(Reading::Common) => scorer.score(key).map_or(Hit::Miss, |score| {
                let first_reading = key.strip_prefix(pinyin::START).unwrap_or(key);
                let from_start = chars.first().is_some_and(|c| first_reading.starts_with(*c));
                Hit::Common(score + if from_start { FROM_FIRST_CHAR } else { 0 })
            }),
            Some(Reading::Rare) => Hit::Rare,
            None => Hit::Miss,
        }
    }
}

/// What starting at a name's first character is worth, against nucleo's gap penalties
/// (a few points per skipped character).
const FROM_FIRST_CHAR: i64 = 16;

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

pub fn rank_of(key: u64) -> u32 {
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
