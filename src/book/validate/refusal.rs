//! Why the gate refused a value: a kind and the values that say it. The front ends word it in
//! the language spoken (`i18n::refusal`); the book holds no sentence.

use chrono::NaiveDate;

/// What a refused control character is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    /// A bidi override or isolate, which can disguise text.
    Bidi,
    /// A line break in a one-line field.
    LineBreak,
    /// Any other control (ESC, BEL, C1, NUL...).
    Terminal,
}

/// What a column's text failed to read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    Date,
    Stamp,
    Time,
    Birthday,
}

/// Why a value may not join the book.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A name with nothing in it.
    Empty,
    /// A name made only of characters that take no room.
    Invisible,
    /// The first control or bidi character found.
    Holds {
        c: char,
        control: Control,
    },
    TooLong {
        length: usize,
        limit: usize,
    },
    /// A date outside `YEARS`.
    DateOutside {
        date: NaiveDate,
    },
    /// A birthday's year outside `YEARS`.
    YearOutside {
        year: i32,
    },
    /// A birthday no year has (the 30th of February).
    NotADay,
    Cadence {
        days: i64,
    },
    Amount,
    IntOutside {
        n: i64,
        lo: i64,
        hi: i64,
    },
    /// A number with a fraction, as the file wrote it.
    NotWhole {
        value: String,
    },
    NotANumber,
    NotText,
    /// `value` (already quoted and escaped) does not read as `reading`.
    Unreadable {
        value: String,
        reading: Reading,
    },
    /// `value` (already quoted and escaped) is none of `words`.
    NotOneOf {
        value: String,
        words: &'static [&'static str],
    },
}

impl Refusal {
    /// The text from outside this refusal carries, already escaped (for tests of escaping).
    pub fn carried(&self) -> &str {
        match self {
            Refusal::Unreadable { value, .. } | Refusal::NotOneOf { value, .. } => value,
            _ => "",
        }
    }
}
