//! How dates and lists are spelled in the book's text columns.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use crate::book::model::Birthday;
pub use crate::book::model::split_tags;
use crate::book::validate::stored;

pub fn datetime(dt: NaiveDateTime) -> String {
    dt.format("%Y-%m-%dT%H:%M:%S").to_string()
}

pub fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub fn time(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// A text column that fails to parse is a corrupt book: say which column, don't guess.
fn bad(column: &str, text: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("column {column} holds {text:?}, not a date").into(),
    )
}

// The gate (`book::validate`) reads with these very parsers, so what it lets in reads back.
pub fn parse_datetime(column: &str, text: &str) -> rusqlite::Result<NaiveDateTime> {
    stored::datetime(text).ok_or_else(|| bad(column, text))
}

pub fn parse_date(column: &str, text: &str) -> rusqlite::Result<NaiveDate> {
    stored::date(text).ok_or_else(|| bad(column, text))
}

pub fn parse_time(column: &str, text: &str) -> rusqlite::Result<NaiveTime> {
    stored::time(text).ok_or_else(|| bad(column, text))
}

pub fn parse_birthday(column: &str, text: &str) -> rusqlite::Result<Birthday> {
    stored::birthday(text).ok_or_else(|| bad(column, text))
}

pub fn opt<T>(
    column: &str,
    text: Option<String>,
    parse: fn(&str, &str) -> rusqlite::Result<T>,
) -> rusqlite::Result<Option<T>> {
    text.map(|t| parse(column, &t)).transpose()
}

/// Tags are stored comma separated; whitespace trimmed and empties dropped both ways.
pub fn tags(tags: &[String]) -> String {
    tags.iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(",")
}
