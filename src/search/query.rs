//! What a person types in the filter: free text mixed with filters, e.g. `#vip tier:a 张`.
//!
//! | token            | keeps customers                                            |
//! |------------------|------------------------------------------------------------|
//! | `#tag`           | with a tag starting with `tag`                             |
//! | `tier:a`         | of tier A                                                  |
//! | `city:上海`      | whose city holds `上海`, or starts with it in pinyin (`city:sh`, `city:shanghai`) |
//! | `due:today`      | with the next follow-up due today (`overdue`: before today; `week`: by today + 7, overdue included; any unique prefix) |
//! | `cold`           | past their stay-in-touch cadence                           |
//!
//! Anything else is text. A known key with nothing after the colon (`tier:`, being typed)
//! filters nothing; a known key with a value it does not know (`tier:x`) is text.

use chrono::{NaiveDate, NaiveTime};

use super::keys::{fold, fold_char};
use super::pinyin::readings;
use crate::book::due::Bucket;
use crate::book::model::{CustomerRow, Tier};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub filters: Vec<Filter>,
    /// The text tokens, folded and joined by one space.
    pub text: String,
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
        }
    }
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

/// Whether a city matches `city:value`: the city holds the value, or the city starts with it
/// in pinyin, each character typed as a whole reading or the start of one (`sh`, `shangh`,
/// `shanghai`, and `chongqing` for 重庆 although 重 is mostly read zhòng).
pub fn city_matches(city: &str, folded_value: &str) -> bool {
    let folded_city = fold(city);
    if folded_city.contains(folded_value) {
        return true;
    }
    let value = folded_value.as_bytes();
    if !folded_value.is_ascii() {
        return false;
    }
    // Positions in `value` reachable after matching the city's first k characters.
    let mut reach = vec![false; value.len() + 1];
    reach[0] = true;
    for c in city.chars() {
        let mut next = vec![false; value.len() + 1];
        let readings = readings(c);
        for pos in (0..value.len()).filter(|&p| reach[p]) {
            if readings.is_empty() {
                let f = fold_char(c);
                if f.is_ascii() && value[pos] == f as u8 {
                    next[pos + 1] = true;
                }
                continue;
            }
            for reading in readings.iter() {
                let common = reading
                    .bytes()
                    .zip(&value[pos..])
                    .take_while(|(a, b)| a == *b)
                    .count();
                for l in 1..=common {
                    next[pos + l] = true;
                }
            }
        }
        if next[value.len()] {
            return true;
        }
        reach = next;
    }
    false
}
