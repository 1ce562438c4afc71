//! The one gate every value passes before it joins the book, whatever the door (a form, a
//! command, an import). A value the gate lets in is one every reader of the book can read back:
//! dates in the book's spelling, numbers in range, known words, and text a terminal cannot be
//! tricked by. Pure: the repository, the importers and the front ends all call these.
//!
//! Limits (in characters): a name 200, a one-line field 500, a summary, notes or an address
//! 20,000. Control characters (ESC, BEL, C1, NUL...) and bidi overrides (U+202A-202E,
//! U+2066-2069) are refused everywhere; line breaks and tabs only in multi-line text.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::complaints::ComplaintDraft;
use super::deals::DealDraft;
use super::model::{Birthday, ContactDraft, CustomerDraft, FollowUpDraft, InteractionDraft};

pub const NAME_LIMIT: usize = 200;
pub const LINE_LIMIT: usize = 500;
pub const TEXT_LIMIT: usize = 20_000;
/// Ten years: a longer stay-in-touch cadence means "never".
pub const MAX_CADENCE_DAYS: u32 = 3660;
/// In minor units: 10 trillion yuan, far above any order and far below i64 overflow in sums.
pub const MAX_AMOUNT: i64 = 1_000_000_000_000_000;
/// Dates the book holds (contacts, follow-ups, orders, birthdays) lie in these years, which keeps
/// every date sum a reader does (a cadence, a repeat, an agenda window) far from chrono's limits.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// What is wrong, field by field: (field, why).
pub type Problems = Vec<(&'static str, Refusal)>;

mod refusal;
pub use refusal::{Control, Reading, Refusal};

/// What a text field may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A customer's or person's name: one line, at least one visible character.
    Name,
    /// A city, a phone list, a title.
    Line,
    /// A summary, notes, an address: line breaks and tabs allowed.
    Text,
}

impl Shape {
    pub fn limit(self) -> usize {
        match self {
            Shape::Name => NAME_LIMIT,
            Shape::Line => LINE_LIMIT,
            Shape::Text => TEXT_LIMIT,
        }
    }
}

/// Bidi overrides and isolates: they reorder what a reader sees (Trojan Source).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that take no room on screen: a name made only of them looks empty.
fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(c,
            '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}' | '\u{034F}'
            | '\u{180E}' | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' | '\u{2800}'
        )
}

/// Whether `value` may be stored as a `shape` field; the reason when not.
pub fn text(value: &str, shape: Shape) -> Result<(), Refusal> {
    characters(value, shape)?;
    if shape == Shape::Name && value.chars().all(is_invisible) {
        return Err(if value.is_empty() {
            Refusal::Empty
        } else {
            Refusal::Invisible
        });
    }
    Ok(())
}

/// The characters and length of `value` (not whether a name shows): for the parts a name is
/// built from, such as an empty middle name.
pub fn characters(value: &str, shape: Shape) -> Result<(), Refusal> {
    let multi_line = shape == Shape::Text;
    if let Some(c) = value.chars().find(|&c| {
        (c.is_control() && !(multi_line && matches!(c, '\t' | '\n' | '\r'))) || is_bidi_control(c)
    }) {
        let control = if is_bidi_control(c) {
            Control::Bidi
        } else if matches!(c, '\n' | '\r') {
            Control::LineBreak
        } else {
            Control::Terminal
        };
        return Err(Refusal::Holds { c, control });
    }
    // Counted after the control check, so a huge value is refused in one pass either way.
    let length = value.chars().count();
    if length > shape.limit() {
        return Err(Refusal::TooLong {
            length,
            limit: shape.limit(),
        });
    }
    Ok(())
}

pub fn date(d: NaiveDate) -> Result<(), Refusal> {
    use chrono::Datelike;
    if YEARS.contains(&d.year()) {
        Ok(())
    } else {
        Err(Refusal::DateOutside { date: d })
    }
}

pub fn datetime(at: NaiveDateTime) -> Result<(), Refusal> {
    date(at.date())
}

pub fn birthday(b: Birthday) -> Result<(), Refusal> {
    match b.year {
        Some(year) if !YEARS.contains(&year) => Err(Refusal::YearOutside { year }),
        _ if NaiveDate::from_ymd_opt(b.year.unwrap_or(2024), b.month, b.day).is_none() => {
            Err(Refusal::NotADay)
        }
        _ => Ok(()),
    }
}

/// The book's own spellings, read exactly as its readers read them.
pub mod stored {
    use super::*;

    pub fn date(text: &str) -> Option<NaiveDate> {
        written_date(text).or_else(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
    }

    pub fn datetime(text: &str) -> Option<NaiveDateTime> {
        written_datetime(text).or_else(|| {
            NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S")
                .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M"))
                .ok()
        })
    }

    /// The digits at `at` of `text`, which holds only ASCII there.
    fn number(text: &[u8], at: std::ops::Range<usize>) -> Option<u32> {
        text[at].iter().try_fold(0, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    }

    /// `YYYY-MM-DD` exactly as fieldbook writes it, read without chrono's format parser (a
    /// command reads tens of thousands); `None` sends anything else, and an impossible day,
    /// to the parser, which answers for it.
    fn written_date(text: &str) -> Option<NaiveDate> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = i32::try_from(number(b, 0..4)?).ok()?;
        NaiveDate::from_ymd_opt(year, number(b, 5..7)?, number(b, 8..10)?)
    }

    /// `YYYY-MM-DDTHH:MM:SS` as fieldbook writes it (see `written_date`).
    fn written_datetime(text: &str) -> Option<NaiveDateTime> {
        let b = text.as_bytes();
        if b.len() != 19 || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
            return None;
        }
        let day = written_date(text.get(..10)?)?;
        day.and_hms_opt(number(b, 11..13)?, number(b, 14..16)?, number(b, 17..19)?)
    }

    pub fn time(text: &str) -> Option<NaiveTime> {
        NaiveTime::parse_from_str(text, "%H:%M").ok()
    }

    pub fn birthday(text: &str) -> Option<Birthday> {
        Birthday::parse(text)
    }
}

fn check(problems: &mut Problems, field: &'static str, result: Result<(), Refusal>) {
    if let Err(why) = result {
        problems.push((field, why));
    }
}

fn done(problems: Problems) -> Result<(), Problems> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

pub fn customer(d: &CustomerDraft) -> Result<(), Problems> {
    let mut p = Problems::new();
    check(&mut p, "name", text(&d.name, Shape::Name));
    for (field, value) in [
        ("industry", &d.industry),
        ("city", &d.city),
        ("phone", &d.phone),
        ("email", &d.email),
        ("wechat", &d.wechat),
        ("website", &d.website),
        ("lead_source", &d.lead_source),
    ] {
        check(&mut p, field, text(value, Shape::Line));
    }
    check(&mut p, "tags", text(&d.tags.join(","), Shape::Line));
    check(&mut p, "address", text(&d.address, Shape::Text));
    check(&mut p, "notes", text(&d.notes, Shape::Text));
    if let Some(b) = d.birthday {
        check(&mut p, "birthday", birthday(b));
    }
    if let Some(days) = d.cadence_days {
        check(&mut p, "cadence_days", cadence_days(i64::from(days)));
    }
    done(p)
}

pub fn cadence_days(days: i64) -> Result<(), Refusal> {
    if (1..=i64::from(MAX_CADENCE_DAYS)).contains(&days) {
        Ok(())
    } else {
        Err(Refusal::Cadence { days })
    }
}

pub fn amount(minor_units: i64) -> Result<(), Refusal> {
    if (0..=MAX_AMOUNT).contains(&minor_units) {
        Ok(())
    } else {
        Err(Refusal::Amount)
    }
}

pub fn contact(d: &ContactDraft) -> Result<(), Problems> {
    let mut p = Problems::new();
    check(&mut p, "name", text(&d.name, Shape::Name));
    for (field, value) in [
        ("title", &d.title),
        ("phone", &d.phone),
        ("email", &d.email),
        ("wechat", &d.wechat),
    ] {
        check(&mut p, field, text(value, Shape::Line));
    }
    check(&mut p, "notes", text(&d.notes, Shape::Text));
    if let Some(b) = d.birthday {
        check(&mut p, "birthday", birthday(b));
    }
    done(p)
}

pub fn interaction(d: &InteractionDraft) -> Result<(), Problems> {
    let mut p = Problems::new();
    check(&mut p, "at", datetime(d.at));
    check(&mut p, "summary", text(&d.summary, Shape::Text));
    if let Some(o) = &d.outcome {
        check(&mut p, "outcome", text(o, Shape::Line));
    }
    done(p)
}

pub fn follow_up(d: &FollowUpDraft) -> Result<(), Problems> {
    let mut p = Problems::new();
    check(&mut p, "due_on", date(d.due_on));
    check(&mut p, "task", text(&d.task, Shape::Text));
    done(p)
}

pub fn deal(d: &DealDraft) -> Result<(), Problems> {
    let mut p = Problems::new();
    check(&mut p, "title", text(&d.title, Shape::Line));
    check(&mut p, "amount", amount(d.amount));
    for (field, on) in [
        ("expected_close", d.expected_close),
        ("closed_on", d.closed_on),
    ] {
        if let Some(on) = on {
            check(&mut p, field, date(on));
        }
    }
    done(p)
}

pub fn complaint(d: &ComplaintDraft) -> Result<(), Problems> {
    let mut p = Problems::new();
    check(&mut p, "opened_on", date(d.opened_on));
    if let Some(on) = d.resolved_on {
        check(&mut p, "resolved_on", date(on));
    }
    check(&mut p, "what", text(&d.what, Shape::Text));
    check(&mut p, "resolution", text(&d.resolution, Shape::Text));
    done(p)
}

/// A column's value as a file (a fieldbook JSON export) carries it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Stored<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(&'a str),
    Blob,
}

/// What a column of the book holds.
#[derive(Debug, Clone, Copy)]
enum Rule {
    Text(Shape),
    Date,
    DateTime,
    Time,
    Birthday,
    Int(i64, i64),
    OneOf(&'static [&'static str]),
    /// A column no rule names: text is bounded like notes, other values pass.
    Free,
}

mod columns;

/// Whether `value` may be stored in `table.column` as a file brings it: the same reading the
/// app's readers do, so a value let in here never breaks `today`, `show` or the app.
pub fn column(table: &str, column: &str, value: Stored<'_>) -> Result<(), Refusal> {
    let rule = columns::rule(table, column);
    match (rule, value) {
        (_, Stored::Null) => Ok(()),
        (Rule::Int(lo, hi), Stored::Int(n)) if (lo..=hi).contains(&n) => Ok(()),
        (Rule::Int(lo, hi), Stored::Int(n)) => Err(Refusal::IntOutside { n, lo, hi }),
        (Rule::Int(..), Stored::Real(f)) => Err(Refusal::NotWhole {
            value: f.to_string(),
        }),
        (Rule::Int(..), _) => Err(Refusal::NotANumber),
        (_, Stored::Text(t)) => text_column(rule, t),
        (Rule::Free, _) => Ok(()),
        _ => Err(Refusal::NotText),
    }
}

fn text_column(rule: Rule, t: &str) -> Result<(), Refusal> {
    let unreadable = |reading| Refusal::Unreadable {
        value: quoted(t),
        reading,
    };
    match rule {
        Rule::Text(shape) => text(t, shape),
        Rule::Free => text(t, Shape::Text),
        Rule::Date => date(stored::date(t).ok_or_else(|| unreadable(Reading::Date))?),
        Rule::DateTime => datetime(stored::datetime(t).ok_or_else(|| unreadable(Reading::Stamp))?),
        Rule::Time => stored::time(t)
            .map(|_| ())
            .ok_or_else(|| unreadable(Reading::Time)),
        Rule::Birthday => {
            birthday(stored::birthday(t).ok_or_else(|| unreadable(Reading::Birthday))?)
        }
        Rule::OneOf(words) if words.contains(&t) => Ok(()),
        Rule::OneOf(words) => Err(Refusal::NotOneOf {
            value: quoted(t),
            words,
        }),
        Rule::Int(..) => unreachable!("numbers are matched before text"),
    }
}

/// A value quoted in a message: controls and bidi escaped, cut to 40 characters.
pub fn quoted(value: &str) -> String {
    let mut out = String::from("\"");
    for (i, c) in value.chars().enumerate() {
        if i == 40 {
            out.push('…');
            break;
        }
        if c.is_control() || is_bidi_control(c) || matches!(c, '\u{200E}' | '\u{200F}') {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests;
