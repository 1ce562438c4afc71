//! The scorer: nucleo-matcher (the maintained successor of fuzzy-matcher, used by helix and
//! nushell), on keys and a query folded by this module, so its own case folding and Unicode
//! normalization are off. fuzzy-matcher's skim v2 was the first choice; at 100,000 customers it
//! alone took 50-60 ms of CPU for a one-letter query (0.5-1.0 µs a match, against 0.05-0.12 µs
//! for nucleo on ASCII text), so it could not give a frame on two cores.

use nucleo_matcher::{Config, Matcher, Utf32Str};

pub struct Scorer {
    matcher: Matcher,
    query: String,
    needle: Needle,
    /// The haystack's chars when it is not ASCII (nucleo takes UTF-32).
    hay: Vec<char>,
    /// The haystack's ASCII bytes, for an ASCII query.
    ascii: Vec<u8>,
}

enum Needle {
    Ascii,
    Unicode(Vec<char>),
}

impl Scorer {
    /// A scorer for folded `query`. Allocates nucleo's ~135 KB matrix: make one per thread and
    /// pass, not one per row.
    pub fn new(query: &str) -> Self {
        let mut config = Config::DEFAULT;
        config.ignore_case = false;
        config.normalize = false;
        let mut scorer = Scorer {
            matcher: Matcher::new(config),
            query: String::new(),
            needle: Needle::Ascii,
            hay: Vec::new(),
            ascii: Vec::new(),
        };
        scorer.set_query(query);
        scorer
    }

    pub fn set_query(&mut self, query: &str) {
        if query == self.query && !query.is_empty() {
            return;
        }
        self.query = query.to_owned();
        self.needle = if query.is_ascii() {
            Needle::Ascii
        } else {
            Needle::Unicode(query.chars().collect())
        };
    }

    /// The score of the query against `key`, if the key holds it as a subsequence. An ASCII
    /// query can only match ASCII chars, so the others are dropped first: scoring ASCII is
    /// many times faster (the gaps they leave count a little less).
    pub fn score(&mut self, key: &str) -> Option<i64> {
        let Scorer {
            matcher,
            query,
            needle,
            hay,
            ascii,
        } = self;
        let hay = match needle {
            Needle::Ascii if !key.is_ascii() => {
                ascii.clear();
                ascii.extend(key.bytes().filter(u8::is_ascii));
                Utf32Str::Ascii(ascii)
            }
            _ => utf32(key, hay),
        };
        let score = matcher.fuzzy_match(hay, needle.as_utf32(query))?;
        Some(i64::from(score))
    }

    /// The score, and the char indices of `key` that matched.
    pub fn indices(&mut self, key: &str) -> Option<(i64, Vec<usize>)> {
        let Scorer {
            matcher,
            query,
            needle,
            hay,
            ..
        } = self;
        let mut at = Vec::new();
        let score = matcher.fuzzy_indices(utf32(key, hay), needle.as_utf32(query), &mut at)?;
        // nucleo reports indices in the order of its search; highlights want them ascending.
        at.sort_unstable();
        at.dedup();
        Some((
            i64::from(score),
            at.into_iter().map(|i| i as usize).collect(),
        ))
    }
}

impl Needle {
    fn as_utf32<'a>(&'a self, query: &'a str) -> Utf32Str<'a> {
        match self {
            Needle::Ascii => Utf32Str::Ascii(query.as_bytes()),
            Needle::Unicode(chars) => Utf32Str::Unicode(chars),
        }
    }
}

fn utf32<'a>(key: &'a str, buf: &'a mut Vec<char>) -> Utf32Str<'a> {
    if key.is_ascii() {
        return Utf32Str::Ascii(key.as_bytes());
    }
    buf.clear();
    buf.extend(key.chars());
    Utf32Str::Unicode(buf)
}
