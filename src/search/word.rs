//! A word of the query as a pass uses it, and how it matched a row.

use super::city::city_matches;
use super::masks::{char_bit, mask, narrow};
use super::query::Word;
use super::rank::{Group, Tier, class};

/// A word of the query, prepared once per pass.
pub struct PassWord {
    pub text: String,
    pub number: Option<Vec<String>>,
    pub mask: u64,
    /// The word's chars, when it has Latin letters and so pinyin keys can match it.
    pub pinyin: Option<Vec<char>>,
    /// `char_bit` of the word's first char (`narrow`ed): a pinyin match must start with it.
    pub first_bit: u32,
    /// Whether the folded word holds a space (a control character typed in it): then a
    /// whole-item match without spaces is no proof the scorer matches.
    pub spaced: bool,
    /// Per distinct city: whether the word names it, in either script.
    pub in_city: Vec<bool>,
    /// A searcher per spelling of a number, made once: a pass looks in every row's digits.
    pub finders: Vec<memchr::memmem::Finder<'static>>,
}

/// How one word matched a row.
#[derive(Clone, Copy)]
pub struct Hit {
    pub tier: Tier,
    pub group: Group,
    pub score: i64,
}

impl Hit {
    /// A hit in field `f` whose tier ranks it alone (ties go to attention order).
    pub fn of(tier: Tier, f: usize) -> Hit {
        Hit {
            tier,
            group: super::rank::group_of(f),
            score: 0,
        }
    }

    pub fn better(self, other: Option<Hit>) -> Hit {
        let rank = |h: &Hit| (class(h.tier, h.group), -h.score);
        match other {
            Some(o) if rank(&o) < rank(&self) => o,
            _ => self,
        }
    }
}

impl PassWord {
    pub fn new(word: &Word, cities: &[String]) -> Self {
        let (text, number) = match word {
            Word::Text(t) => (t.clone(), None),
            Word::Number(variants) => (variants[0].clone(), Some(variants.clone())),
        };
        let in_city = if number.is_some() {
            Vec::new()
        } else {
            cities.iter().map(|c| city_matches(c, &text)).collect()
        };
        let finders = number
            .iter()
            .flatten()
            .map(|v| memchr::memmem::Finder::new(v.as_bytes()).into_owned())
            .collect();
        PassWord {
            finders,
            mask: mask(&text),
            first_bit: text.chars().next().map_or(0, |c| narrow(char_bit(c))),
            pinyin: text
                .bytes()
                .any(|b| b.is_ascii_alphabetic())
                .then(|| text.chars().collect()),
            spaced: text.contains(char::is_whitespace),
            in_city,
            number,
            text,
        }
    }
}

/// A number matches a stored one holding one of its spellings; all of it is an exact match.
pub fn number_hit(
    digits: &str,
    variants: &[String],
    finders: &[memchr::memmem::Finder<'static>],
) -> Option<Hit> {
    if !finders.iter().any(|f| f.find(digits.as_bytes()).is_some()) {
        return None;
    }
    let whole = digits.split(' ').any(|n| variants.iter().any(|v| n == v));
    Some(Hit {
        tier: if whole { Tier::Exact } else { Tier::WordPrefix },
        group: Group::Other,
        score: 0,
    })
}
