//! What a person types in the filter: free text mixed with filters, e.g. `#vip tier:a 张`.
//!
//! | token            | keeps customers                                            |
//! |------------------|------------------------------------------------------------|
//! | `#tag`           | with a tag starting with `tag`                             |
//! | `tier:a`         | of tier A                                                  |
//! | `city:上海`      | in a city written `上海`, `Shanghai`, `shanghai` or `sh` (see `city.rs`) |
//! | `due:today`      | with the next follow-up due today (`overdue`: before today; `week`: by today + 7, overdue included; any unique prefix) |
//! | `cold`           | past their stay-in-touch cadence                           |
//!
//! Anything else is text. A known key with nothing after the colon (`tier:`, being typed)
//! filters nothing; a known key with a value it does not know (`tier:x`) is text.

use chrono::{NaiveDate, NaiveTime};

use super::fold::{fold, fold_char};
use crate::book::due::Bucket;
use crate::book::model::{CustomerRow, Tier};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub filters: Vec<Filter>,
    /// The text tokens, folded and joined by one space.
    pub text: String,
    /// What must each match somewhere in a row, in any order: the text tokens, with a phone
    /// number typed in groups (`0371 4490 4505`) as one word.
    pub words: Vec<Word>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Word {
    /// Folded text.
    Text(String),
    /// A phone number (four digits or more): the ways its digits can be written in the book
    /// (with or without a country code or trunk 0), one of which a stored number must hold.
    Number(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// Folded tag prefix.
    Tag(String),
    Tier(Tier),
    /// Folded city text.
    City(String),
    Due(Due),
    Cold,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    Today,
    Overdue,
    Week,
}

impl Query {
    pub fn parse(input: &str) -> Self {
        let mut filters = Vec::new();
        let mut text: Vec<&str> = Vec::new();
        for token in input.split_whitespace() {
            match token_filter(token) {
                Token::Filter(f) => filters.push(f),
                Token::Unfinished => {}
                Token::Text => text.push(token),
            }
        }
        Query {
            filters,
            text: fold(&text.join(" ")),
            words: words(&text),
        }
    }

    /// Whether every row matching this query matches `earlier` too, so that only what
    /// `earlier` found needs scoring: the same words with the last one grown (or words added).
    pub fn narrows(&self, earlier: &Query) -> bool {
        let n = earlier.words.len();
        if self.filters != earlier.filters || n == 0 || self.words.len() < n {
            return false;
        }
        let last_grew = match (&earlier.words[n - 1], &self.words[n - 1]) {
            (Word::Text(a), Word::Text(b)) => b.starts_with(a.as_str()),
            // A stored number holding a longer spelling holds the shorter one it starts with.
            (Word::Number(a), Word::Number(b)) => b
                .iter()
                .all(|long| a.iter().any(|short| long.starts_with(short.as_str()))),
            (a, b) => a == b,
        };
        last_grew && earlier.words[..n - 1] == self.words[..n - 1]
    }
}

/// Digits and what people write between them in a phone number.
fn is_number_like(token: &str) -> bool {
    token.chars().any(|c| fold_char(c).is_ascii_digit())
        && token
            .chars()
            .all(|c| fold_char(c).is_ascii_digit() || "+-().（）".contains(c))
}

fn words(tokens: &[&str]) -> Vec<Word> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let run = tokens[i..].iter().take_while(|t| is_number_like(t)).count();
        let typed = tokens[i..i + run].concat();
        let digits: String = typed
            .chars()
            .map(fold_char)
            .filter(char::is_ascii_digit)
            .collect();
        if digits.len() >= 4 {
            out.push(Word::Number(number_variants(&typed, digits)));
            i += run;
        } else {
            out.push(Word::Text(fold(tokens[i])));
            i += 1;
        }
    }
    out
}

/// The digits as typed, without an international prefix (00), without China's 86 or another
/// country code after + or 00, and without a trunk 0: the stored number may lack any of them.
fn number_variants(typed: &str, digits: String) -> Vec<String> {
    let international = typed.trim_start().starts_with('+') || digits.starts_with("00");
    let rest = digits.strip_prefix("00").unwrap_or(&digits).to_string();
    let mut out = vec![rest.clone()];
    // `0012` is a prefix and nothing after it: then it is just those digits, wherever they are.
    let as_typed = digits.clone();
    if let Some(national) = rest.strip_prefix("86").filter(|r| r.len() >= 7) {
        out.push(national.to_string());
        out.extend(national.strip_prefix('0').map(str::to_string));
    }
    if international {
        out.extend((1..=3).filter_map(|n| rest.get(n..)).map(str::to_string));
    } else if let Some(local) = rest.strip_prefix('0') {
        out.push(local.to_string());
    }
    out.retain(|v| v.len() >= 4);
    out.dedup();
    if out.is_empty() {
        out.push(as_typed);
    }
    out
}

enum Token {
    Filter(Filter),
    /// A known key still being typed.
    Unfinished,
    Text,
}

fn token_filter(token: &str) -> Token {
    if token.eq_ignore_ascii_case("cold") {
        return Token::Filter(Filter::Cold);
    }
    if let Some(tag) = token.strip_prefix('#').filter(|t| !t.is_empty()) {
        return Token::Filter(Filter::Tag(fold(tag)));
    }
    let Some((key, value)) = token.split_once(':') else {
        return Token::Text;
    };
    let key = key.to_ascii_lowercase();
    if !matches!(key.as_str(), "tier" | "city" | "due") {
        return Token::Text;
    }
    if value.is_empty() {
        return Token::Unfinished;
    }
    let filter = match key.as_str() {
        "tier" => Tier::parse(value).map(Filter::Tier),
        "city" => Some(Filter::City(fold(value))),
        _ => due_of(value).map(Filter::Due),
    };
    filter.map_or(Token::Text, Token::Filter)
}

/// `today`, `overdue` or `week`, or any prefix that names only one of them.
fn due_of(value: &str) -> Option<Due> {
    let value = value.to_ascii_lowercase();
    let all = [
        ("today", Due::Today),
        ("overdue", Due::Overdue),
        ("week", Due::Week),
    ];
    let mut hits = all.iter().filter(|(word, _)| word.starts_with(&value));
    match (hits.next(), hits.next()) {
        (Some((_, due)), None) => Some(*due),
        _ => None,
    }
}

impl Filter {
    /// Whether `row` passes. `city_ok` answers the city filter, worked out once per city.
    pub fn keeps(&self, row: &CustomerRow, today: NaiveDate, city_ok: impl Fn() -> bool) -> bool {
        match self {
            Filter::Tag(prefix) => row
                .tags
                .split(',')
                .any(|tag| starts_with_folded(tag.trim(), prefix)),
            Filter::Tier(tier) => row.tier == Some(*tier),
            Filter::City(_) => city_ok(),
            Filter::Due(due) => row.next_follow_up_on.is_some_and(|on| {
                match (due, Bucket::of(on, None, today.and_time(NaiveTime::MIN))) {
                    (Due::Today, Bucket::Today) | (Due::Overdue, Bucket::Overdue) => true,
                    (Due::Week, bucket) => bucket != Bucket::Later,
                    _ => false,
                }
            }),
            Filter::Cold => row.cold_by.is_some(),
        }
    }
}

fn starts_with_folded(text: &str, folded_prefix: &str) -> bool {
    let mut text = text.chars().map(fold_char);
    folded_prefix.chars().all(|p| text.next() == Some(p))
}
