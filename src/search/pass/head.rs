//! The first screens of a result without the whole of it: rows are put in buckets by the
//! best class they could reach (`starts.rs`, a glance at a few masks), and buckets are scored
//! best first until enough rows are known to come before any row not yet scored. Among whole
//! names, starts and word starts the score counts for nothing (`field_hit::tier_score`), so
//! such a bucket is scored in list order and left as soon as it has given enough rows.

use super::{NO_CEILING, Pass};
use crate::search::NOT_IN_ORDER;
use crate::search::candidates::in_row_order;
use crate::search::masks::narrow;
use crate::search::rank::{Group, Tier, class, unclass};
use crate::search::sort_key::{class_of, rank_of};

/// One more than the worst class (`rank::class`).
const CLASSES: usize = 20;
/// Rows scored at a time in a bucket left early: a share for each core.
const CHUNK: usize = 4_096;
/// The first chunk of such a bucket.
const FIRST_CHUNK: usize = 1_024;

/// The best rows of a pass, in result order.
pub struct Head {
    pub keys: Vec<u64>,
    /// Whether these are all the matching rows (else more match, after these).
    pub complete: bool,
}

fn class_u8(key: u64) -> u8 {
    let (tier, group) = class_of(key);
    class(tier, group)
}

impl Pass<'_> {
    /// At least `want` of the best matching rows among `by_row` (candidate rows in row
    /// order), in result order: exactly what the whole pass would give first.
    pub fn run_head(
        &self,
        (by_row, order): (&[u32], &[usize]),
        want: usize,
        threads: usize,
        from: usize,
    ) -> Head {
        let buckets = self.buckets((by_row, order), threads, from);
        let mut found: Vec<u64> = Vec::new();
        // Rows left out for matching only above their bucket's ceiling, with that ceiling.
        let mut dropped: Vec<(u32, u8)> = Vec::new();
        let before = |found: &[u64], limit: usize| {
            found
                .iter()
                .filter(|&&k| usize::from(class_u8(k)) < limit)
                .count()
        };
        for b in (0..CLASSES).filter(|&b| !buckets[b].is_empty()) {
            let ceiling = self.ceiling(b);
            // Rows left out below this bucket's class may be of it: scored again.
            let left_out: Vec<usize> = dropped
                .extract_if(.., |&mut (_, c)| usize::from(c) < b)
                .map(|(row, _)| row as usize)
                .collect();
            let again = in_row_order(left_out.into_iter(), self.rank_of_row.len());
            // One word: a row left out of the names is read on to people's fuzzy matches at
            // once, as those mostly fill the screens when names did not (read block by block,
            // a row costs more), but not to the rest's (e-mails...) until needed. Several
            // words: screens mostly fill from people, so only as far as this block. (Measured
            // on the 100,000-customer bench book.)
            let again_ceiling = if self.words.len() > 1 {
                ceiling
            } else {
                ceiling.max(class(Tier::Fuzzy, Group::Person))
            };
            let (keys, above) = self.run_split_under(&again, (threads, from), again_ceiling);
            dropped.extend(above.into_iter().map(|row| (row, again_ceiling)));
            found.extend(keys);
            let next = (b + 1..CLASSES).find(|&n| !buckets[n].is_empty());
            if self.scoreless(b) {
                // Rows of class `b` are ordered by list order: those up to the last row
                // scored are sure, wherever they were found (earlier buckets give some too).
                // A short first chunk: what it gives decides how far the rest is read.
                let (short, rest) = buckets[b].split_at(buckets[b].len().min(FIRST_CHUNK));
                let mut chunks = std::iter::once(short).chain(rest.chunks(CHUNK)).peekable();
                let (first, mut ceiling, mut read, mut kept) = (ceiling, ceiling, 0, 0);
                while let Some(chunk) = chunks.next() {
                    let last = chunk
                        .last()
                        .map_or(0, |&row| self.rank_of_row[row as usize]);
                    let mut rows = chunk.to_vec();
                    rows.sort_unstable();
                    let (keys, above) = self.run_split_under(&rows, (threads, from), ceiling);
                    dropped.extend(above.into_iter().map(|row| (row, ceiling)));
                    (read, kept) = (read + rows.len(), kept + keys.len());
                    found.extend(keys);
                    // At this rate the block will not give the screens (the bound was loose
                    // for this query): the next block will be read, and so every row this
                    // bucket leaves out, again. The rest of it is read that far at once.
                    let unread = buckets[b].len() - read;
                    if ceiling == first && found.len() + kept * unread / read < 2 * want {
                        ceiling = Self::next_ceiling(ceiling);
                    }
                    let sure = |k: u64| {
                        let c = usize::from(class_u8(k));
                        c < b || (c == b && rank_of(k) <= last)
                    };
                    let left = chunks.peek().is_some() || next.is_some();
                    if left && found.iter().filter(|&&k| sure(k)).count() >= want {
                        found.retain(|&k| sure(k));
                        found.sort_unstable();
                        return Head {
                            keys: found,
                            complete: false,
                        };
                    }
                }
            } else {
                let (keys, above) = self.run_split_under(&buckets[b], (threads, from), ceiling);
                dropped.extend(above.into_iter().map(|row| (row, ceiling)));
                found.extend(keys);
            }
            // Rows left out are sure to rank below their ceiling, no further.
            let trusted = dropped.iter().map(|&(_, c)| usize::from(c) + 1).min();
            if let Some(next) = next {
                let limit = trusted.map_or(next, |t| t.min(next));
                if before(&found, limit) >= want {
                    return Self::head(found, limit, false);
                }
            }
        }
        let mut rows: Vec<u32> = dropped.into_iter().map(|(row, _)| row).collect();
        rows.sort_unstable();
        found.extend(self.run_split_under(&rows, (threads, from), NO_CEILING).0);
        found.sort_unstable();
        Head {
            keys: found,
            complete: true,
        }
    }

    /// The candidates by the best class each could reach: in list order where a class is
    /// left as soon as it gave enough (`scoreless`), else in row order, as rows are read
    /// fastest (front to back); a big book's halves on two threads.
    fn buckets(
        &self,
        (by_row, order): (&[u32], &[usize]),
        threads: usize,
        from: usize,
    ) -> Vec<Vec<u32>> {
        let sort = |rows: &[u32]| {
            let mut buckets: Vec<Vec<u32>> = vec![Vec::new(); CLASSES];
            // A row out of the list's order is never shown.
            let listed = rows
                .iter()
                .filter(|&&row| self.rank_of_row[row as usize] != NOT_IN_ORDER);
            for &row in listed {
                if let Some(b) = self.bound(row as usize) {
                    buckets[usize::from(b).min(CLASSES - 1)].push(row);
                }
            }
            buckets
        };
        let mut buckets = if threads < 2 || by_row.len() < from {
            sort(by_row)
        } else {
            self.buckets_on_two(by_row, sort)
        };
        for (b, bucket) in buckets.iter_mut().enumerate() {
            if self.scoreless(b) {
                let ranks = bucket
                    .iter()
                    .map(|&row| self.rank_of_row[row as usize] as usize);
                *bucket = in_row_order(ranks, self.rank_of_row.len())
                    .into_iter()
                    .map(|rank| order[rank as usize] as u32)
                    .collect();
            }
        }
        buckets
    }

    fn buckets_on_two(
        &self,
        by_row: &[u32],
        sort: impl Fn(&[u32]) -> Vec<Vec<u32>> + Sync,
    ) -> Vec<Vec<u32>> {
        let (front, back) = by_row.split_at(by_row.len() / 2);
        let (mut buckets, later) = std::thread::scope(|s| {
            let later = s.spawn(|| sort(back));
            (sort(front), later.join().expect("search thread"))
        });
        for (bucket, more) in buckets.iter_mut().zip(later) {
            bucket.extend(more);
        }
        buckets
    }

    /// The worst class worth scoring in bucket `b`: the end of its block (names matched
    /// well, people, the rest, then fuzzy names and people, then the rest's fuzzy matches),
    /// so a row is not read further than its bucket can use. None for the rows whose words
    /// run together may make a whole name: those are scored whole (all in bucket 0, see
    /// `bound`; the rest are known not to).
    fn ceiling(&self, b: usize) -> u8 {
        if b == 0 && self.joined.is_some() {
            return NO_CEILING;
        }
        Self::block_end(b)
    }

    /// The end of the block after the one `ceiling` ends.
    fn next_ceiling(ceiling: u8) -> u8 {
        if ceiling == NO_CEILING {
            return NO_CEILING;
        }
        Self::block_end(usize::from(ceiling) + 1)
    }

    /// The end of the block holding class `b` (see `ceiling`).
    fn block_end(b: usize) -> u8 {
        let whose = |g| class(Tier::Initials, g);
        let blocks = [
            whose(Group::Name) + 1,
            whose(Group::Person),
            whose(Group::Other),
            class(Tier::Fuzzy, Group::Person),
        ];
        blocks
            .into_iter()
            .find(|&end| b <= usize::from(end))
            .unwrap_or(NO_CEILING)
    }

    /// The rows found of a class below `limit`, sorted: all there are of those classes.
    fn head(mut found: Vec<u64>, limit: usize, complete: bool) -> Head {
        found.retain(|&k| usize::from(class_u8(k)) < limit);
        found.sort_unstable();
        Head {
            keys: found,
            complete,
        }
    }

    /// Whether the rows of class `b` are ordered by list order alone: matched as a whole, a
    /// start or a word start, and so are all their words (a row ranks as its weakest word,
    /// scored as the sum of all: names matched that well come before any scored class),
    /// unless the words run together make it a whole name (its words may be scored).
    fn scoreless(&self, b: usize) -> bool {
        let b = b as u8;
        if self.words.len() <= 1 {
            return unclass(b).0 < Tier::Initials;
        }
        b <= class(Tier::WordPrefix, Group::Name)
            && (self.joined.is_none() || b > class(Tier::Exact, Group::Person))
    }

    /// The best class row `row` could reach, if it can match at all.
    fn bound(&self, row: usize) -> Option<u8> {
        if self.words.is_empty() {
            return Some(0);
        }
        let k = &self.keys.rows[row];
        let starts = &self.starts[row];
        let mut worst = 0;
        for (word, probe) in self.words.iter().zip(&self.probes) {
            let b = if let Some(variants) = &word.number {
                starts.number_bound(variants)
            } else {
                let in_city = word.in_city[self.keys.city_of(row)];
                if k.mask & word.mask != word.mask && !in_city {
                    return None;
                }
                let field_mask = narrow(word.mask);
                let fields = probe.as_ref().and_then(|probe| {
                    starts.bound(probe, |f| k.masks[f] & field_mask == field_mask)
                });
                let city = in_city.then(|| class(Tier::Prefix, Group::Other));
                fields.into_iter().chain(city).min()
            };
            worst = worst.max(b?);
        }
        if self.joined_whole(row) {
            worst = 0;
        }
        Some(worst)
    }

    /// What `bound` promises and what the row gives, for tests of the promise.
    #[cfg(test)]
    pub(in crate::search) fn bound_and_class(&self, row: u32) -> (Option<u8>, Option<u8>) {
        let mut scorers = self.scorers();
        let key = self.sort_key(row, &mut scorers);
        (self.bound(row as usize), key.map(class_u8))
    }
}
