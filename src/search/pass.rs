//! One query's pass over candidate rows: filters, then each word of the text against each
//! field's keys, giving sort keys (match class, score, rank) that order the result.

use chrono::NaiveDate;

use super::city::city_matches;
use super::field_hit::{FROM_FIRST_CHAR, best_pinyin_tier, plain_hit, tier_score};
use super::keys::{self, FIELDS, Keys, NAME, PEOPLE};
use super::masks::{char_bit, narrow};
use super::pinyin::{self, Reading};
use super::query::{Filter, Query};
use super::rank::{Group, Tier, class, group_of, pinyin_exact, same_but_spaces, spelled_by_rare};
use super::scorer::Scorer;
use super::sort_key::sort_key;
use super::starts::{Probe, RowStarts};
use super::word::{Hit, PassWord, number_hit};
use super::{CustomerSearch, NOT_IN_ORDER};
use crate::book::model::CustomerRow;

mod head;
mod threads;

/// No class is too bad to keep (see `sort_key_under`).
const NO_CEILING: u8 = u8::MAX;

/// A row as a pass under a ceiling finds it.
enum Keyed {
    Key(u64),
    /// It may match, by a class above the ceiling.
    Above,
    NoMatch,
}

/// One query's pass over candidate rows; shared read-only by the threads that run it.
pub struct Pass<'a> {
    rows: &'a [CustomerRow],
    rank_of_row: &'a [u32],
    keys: &'a Keys,
    starts: &'a [RowStarts],
    query: &'a Query,
    today: NaiveDate,
    words: Vec<PassWord>,
    /// The text words run together, for a name typed in parts (`zhou xiuying`).
    joined: Option<(String, Vec<char>)>,
    /// How `starts.rs` looks at each word, and at the words run together.
    probes: Vec<Option<Probe>>,
    joined_probe: Option<Probe>,
    /// Per distinct city: whether every `city:` filter keeps it.
    city_ok: Vec<bool>,
    prune: bool,
}

impl<'a> Pass<'a> {
    pub fn new(
        search: &'a CustomerSearch,
        rows: &'a [CustomerRow],
        query: &'a Query,
        today: NaiveDate,
    ) -> Self {
        let cities = &search.keys.cities;
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
            cities
                .iter()
                .map(|city| city_filters.iter().all(|v| city_matches(city, v)))
                .collect()
        };
        let words: Vec<PassWord> = query
            .words
            .iter()
            .map(|w| PassWord::new(w, cities))
            .collect();
        let texts: Vec<&str> = words
            .iter()
            .filter_map(|w| w.number.is_none().then_some(w.text.as_str()))
            .collect();
        let joined = (texts.len() > 1 && texts.len() == words.len()).then(|| {
            let joined = texts.concat();
            let chars = joined.chars().collect();
            (joined, chars)
        });
        let probes = words.iter().map(|w| Probe::new(&w.text)).collect();
        let joined_probe = joined.as_ref().and_then(|(j, _)| Probe::new(j));
        Pass {
            probes,
            joined_probe,
            rows,
            rank_of_row: &search.rank_of_row,
            keys: &search.keys,
            starts: &search.starts,
            query,
            today,
            words,
            joined,
            city_ok,
            prune: search.prune,
        }
    }

    fn scorers(&self) -> Vec<Scorer> {
        self.words.iter().map(|w| Scorer::new(&w.text)).collect()
    }

    /// Sort keys of the rows that match by a class up to `ceiling`, in order, and the rows that
    /// may match by a worse one; with scorers already made (each holds a big matrix).
    fn run_with(
        &self,
        candidates: &[u32],
        scorers: &mut [Scorer],
        ceiling: u8,
    ) -> (Vec<u64>, Vec<u32>) {
        let mut keys = Vec::new();
        let mut above = Vec::new();
        for &row in candidates {
            match self.keyed(row, scorers, ceiling) {
                Keyed::Key(key) => keys.push(key),
                Keyed::Above => above.push(row),
                Keyed::NoMatch => {}
            }
        }
        keys.sort_unstable();
        (keys, above)
    }

    fn sort_key(&self, row: u32, scorers: &mut [Scorer]) -> Option<u64> {
        match self.keyed(row, scorers, NO_CEILING) {
            Keyed::Key(key) => Some(key),
            _ => None,
        }
    }

    /// The row's sort key, if it matches by a class up to `ceiling`.
    fn keyed(&self, row: u32, scorers: &mut [Scorer], ceiling: u8) -> Keyed {
        let Some(key) = self.sort_key_under(row, scorers, ceiling) else {
            return Keyed::NoMatch;
        };
        key.map_or(Keyed::Above, Keyed::Key)
    }

    /// `Some(None)`: the row may match, but not by a class up to `ceiling`.
    fn sort_key_under(&self, row: u32, scorers: &mut [Scorer], ceiling: u8) -> Option<Option<u64>> {
        let rank = self.rank_of_row[row as usize];
        if rank == NOT_IN_ORDER {
            return None;
        }
        let row = row as usize;
        let r = &self.rows[row];
        let city_ok = || self.city_ok[self.keys.city_of(row)];
        if !self
            .query
            .filters
            .iter()
            .all(|f| f.keeps(r, self.today, city_ok))
        {
            return None;
        }
        if self.words.is_empty() {
            return Some(Some(u64::from(rank)));
        }
        // Every word must match somewhere; the row ranks as its weakest word.
        let mut worst: Option<Hit> = None;
        let mut score = 0;
        let words = self.words.iter().zip(&self.probes);
        for ((word, probe), scorer) in words.zip(scorers.iter_mut()) {
            let Some(hit) = self.word_hit(row, (word, probe.as_ref()), scorer, ceiling) else {
                let maybe =
                    ceiling != NO_CEILING && word.number.is_none() && self.may_match(row, word);
                return maybe.then_some(None);
            };
            score += hit.score;
            // The weakest word decides: the better of two hits is the other one.
            worst = match worst {
                Some(w) if class(w.tier, w.group) >= class(hit.tier, hit.group) => Some(w),
                _ => Some(hit),
            };
        }
        let mut hit = worst?;
        // Nothing ranks above a whole customer's name: no need to try the words run together.
        // Under a ceiling the row is known not to be one (`head.rs` scores those without).
        if ceiling == NO_CEILING
            && (!self.prune || class(hit.tier, hit.group) > 0)
            && let Some(whole) = self.joined_hit(row)
        {
            hit = whole.better(Some(hit));
        }
        Some(Some(sort_key(hit.tier, hit.group, score, rank)))
    }

    /// Whether the words run together are a whole name or person of the row (checked first by
    /// a glance at its starts, as most rows cannot be).
    fn joined_whole(&self, row: usize) -> bool {
        self.joined_probe
            .as_ref()
            .is_some_and(|p| self.starts[row].whole_bound(p).is_some())
            && self.joined_hit(row).is_some()
    }

    /// Whether the row's keys hold every char of `word` (as `word_hit` first asks).
    fn may_match(&self, row: usize, word: &PassWord) -> bool {
        let in_city = word.in_city[self.keys.city_of(row)];
        self.keys.rows[row].mask & word.mask == word.mask || in_city
    }

    /// A name typed in words (`zhou xiuying`, `jennifer mu`) is still that whole name.
    fn joined_hit(&self, row: usize) -> Option<Hit> {
        let (joined, chars) = self.joined.as_ref()?;
        let fields = keys::fields(&self.rows[row]);
        let k = &self.keys.rows[row];
        let first = chars.first().map_or(0, |&c| narrow(char_bit(c)));
        [NAME, PEOPLE].into_iter().find_map(|f| {
            let plain = self.keys.plain(&fields, row, f);
            // A whole spelling starts with a reading's first letter (or a character) of the
            // key: `starts` holds them all, so a key without it is not read.
            let starts = if f == NAME { k.name_starts } else { k.starts };
            let exact = plain.split('\n').any(|p| same_but_spaces(p, joined))
                || ((starts & first != 0 || !self.prune)
                    && self
                        .keys
                        .pinyin(row, f)
                        .split('\n')
                        .any(|key| !key.is_empty() && pinyin_exact(key, chars)));
            exact.then_some(Hit {
                tier: Tier::Exact,
                group: group_of(f),
                score: 0,
            })
        })
    }

    /// How one word matched the row at best, if it did.
    fn word_hit(
        &self,
        row: usize,
        (word, probe): (&PassWord, Option<&Probe>),
        scorer: &mut Scorer,
        ceiling: u8,
    ) -> Option<Hit> {
        if let Some(variants) = &word.number {
            return number_hit(self.keys.digits(row), variants, &word.finders);
        }
        let k = &self.keys.rows[row];
        let in_city = word.in_city[self.keys.city_of(row)];
        if k.mask & word.mask != word.mask && !in_city {
            return None;
        }
        let fields = keys::fields(&self.rows[row]);
        let mut rare = [false; FIELDS];
        let field_mask = narrow(word.mask);
        let mut best: Option<Hit> = None;
        let under = |f: usize| {
            ceiling == NO_CEILING
                || probe.is_some_and(|p| self.starts[row].field_bound(p, f) <= ceiling)
        };
        for f in (0..FIELDS).filter(|&f| k.masks[f] & field_mask == field_mask && under(f)) {
            // A field that cannot beat what was found is not scored (names come first).
            if best.is_some_and(|b| class(b.tier, b.group) <= class(Tier::Exact, group_of(f))) {
                continue;
            }
            let starts = if f == NAME { k.name_starts } else { k.starts };
            // A hit of a worse class than the best so far cannot win whatever its score.
            let bar = best
                .filter(|_| self.prune)
                .map_or(ceiling, |b| class(b.tier, b.group));
            match self.field(&fields, row, f, (starts, bar), word, scorer) {
                Some(Some(hit)) => best = Some(hit.better(best)),
                Some(None) => rare[f] = true,
                None => {}
            }
        }
        if in_city && class(Tier::Prefix, Group::Other) <= ceiling {
            let city = Hit {
                tier: Tier::Prefix,
                group: Group::Other,
                score: 0,
            };
            best = Some(city.better(best));
        }
        if best.is_some() || ceiling < class(Tier::Rare, Group::Name) {
            return best;
        }
        // Rare readings are scored only when nothing matched by common ones.
        (0..FIELDS)
            .filter(|&f| rare[f])
            .filter_map(|f| {
                let score = scorer.score(self.keys.pinyin(row, f))?;
                Some(Hit {
                    tier: Tier::Rare,
                    group: group_of(f),
                    score,
                })
            })
            .reduce(|a, b| a.better(Some(b)))
    }

    /// How the word matches field `f` of the row: its folded text, else its pinyin key.
    /// `starts` is what a pinyin match there can start with; `bar` the class of the best hit
    /// already found in another field: a hit of a worse class is not scored and may be left
    /// out (that best hit wins over it whatever its score). `Some(None)`: only by a rare
    /// reading of a polyphone.
    fn field(
        &self,
        fields: &[&str; FIELDS],
        row: usize,
        f: usize,
        (starts, bar): (u32, u8),
        word: &PassWord,
        scorer: &mut Scorer,
    ) -> Option<Option<Hit>> {
        let plain = self.keys.plain(fields, row, f);
        let group = group_of(f);
        let found = plain_hit(plain, f, bar, word, scorer);
        if found.is_some_and(|h| h.tier < Tier::Fuzzy) {
            return Some(found);
        }
        let Some(chars) = word
            .pinyin
            .as_ref()
            .filter(|_| starts & word.first_bit != 0)
        else {
            return found.map(Some);
        };
        // Readings are in the key in the text's order, so a word spelled by them is in the
        // key's bytes in order: a few memchr calls leave out most keys before the walk.
        let key = self.keys.pinyin(row, f);
        if key.is_empty() || !keys::is_subsequence(key, &word.text) {
            return found.map(Some);
        }
        match pinyin::matches(key, chars) {
            Some(Reading::Common) => {
                let tier = best_pinyin_tier(key, chars);
                // As above: a common reading spells the word in the key's order, so the scorer
                // matches, and above initials its score counts for nothing.
                let score = if tier < Tier::Initials && !word.spaced {
                    0
                } else if class(tier, group) > bar {
                    return found.map(Some);
                } else {
                    let Some(score) = scorer.score(key) else {
                        return found.map(Some);
                    };
                    // Spelling a name from its first character on is what people do: it
                    // outweighs a shorter gap further in, so `hz` puts 杭州 before 武汉中联.
                    let first_reading = key.strip_prefix(pinyin::START).unwrap_or(key);
                    let from_start = chars.first().is_some_and(|c| first_reading.starts_with(*c));
                    score + if from_start { FROM_FIRST_CHAR } else { 0 }
                };
                let hit = Hit {
                    tier,
                    group: group_of(f),
                    score: tier_score(tier, score),
                };
                Some(Some(hit.better(found)))
            }
            Some(Reading::Rare) => match spelled_by_rare(key, chars) {
                Some(tier) => Some(Some(Hit::of(tier, f).better(found))),
                None if found.is_none() => Some(None),
                None => found.map(Some),
            },
            _ => found.map(Some),
        }
    }
}
