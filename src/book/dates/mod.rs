//! Dates people type: turns what a salesperson types into a date, or a date and a time of day.
//!
//! The module is pure: it reads no clock, so "today" and "now" are always passed in. Input is
//! trimmed and matched case-insensitively, runs of whitespace count as one space, and full-width
//! characters typed through a Chinese input method (`１５：００`) count as their ASCII twins.
//! Weeks run Monday to Sunday. Accepted phrases:
//!
//! - **Named days**: `today` / `tod`, `tomorrow` / `tmr` / `tmrw`, `yesterday`;
//!   `今天`, `明天`, `后天`, `大后天`, `昨天`, `前天`.
//! - **Calendar dates**: `2026-12-01`, `2026/12/01`, `2026.12.01`, `20261201`, `2026年12月1日`.
//! - **Month and day**: `12-01`, `12/01`, `12.01`, `12月1日`, `12月1号`. Where the date is
//!   asked for ahead (a follow-up, a snooze: [`parse_ahead_in`]) they mean the next time that
//!   day comes (today or later: on 12-07, `01-05` is next January); where it is asked for
//!   behind (when a contact happened: [`parse_datetime_in`]) the last time it came (today or
//!   earlier); elsewhere today's year. `12/01/2026` gives the year. With [`DateOrder::DayMonth`] (the config's `date_order`) the
//!   numeric forms read day first: `01/12` and `01.12.2026` are 1 December.
//! - **Offsets**: `+3d`, `3d`, `-2d`, `+2w`, `+1m`, `+1y`, `in 3 days`, `in 2 weeks`,
//!   `in 1 month`, `in a week`; `3天后`, `三天后`, `两周后`, `3个星期后`, `1个月后`, `一年后`
//!   (`前` instead of `后` counts back). A month is a calendar month, clamped to the month's end
//!   (Jan 31 + 1m = Feb 28, or Feb 29 in a leap year). More than 100 years away is an error.
//! - **Weekdays** (`mon`, `monday`, `tue`, `tues`, `wed`, `thu`, `thur`, `thurs`, `fri`, `sat`,
//!   `sun`, ...; `周一`..`周日`, `周天`, `星期一`..`星期日`, `星期天`, `礼拜一`..`礼拜天`):
//!   - bare, `fri` / `周五`: the next Friday strictly after today (on a Friday, a week later);
//!   - `this fri` / `这周五` / `本周五`: the Friday of this week (may be today or in the past);
//!   - `next fri` / `下周五` / `下星期五`: the Friday of next week.
//! - **Weeks and months**: `next week` / `下周`: Monday of next week; `next month` / `下个月` /
//!   `下月`: the 1st of next month; `end of week` / `eow`: Sunday of this week; `end of month` /
//!   `eom` / `月底`: the last day of this month; `周末`: Saturday of this week, or of next week
//!   when today is Sunday (`这周末`, `下周末` also work).
//! - **Times**, alone (meaning today) or after any date, optionally preceded by `at`:
//!   `14:30`, `9:00`, `14:30:15`, `2pm`, `2:30pm`, `11am`, `12am` (00:00), `12pm` (noon),
//!   `tomorrow 9:00`, `fri at 2pm`, `2026-12-01 14:30`, `2026-12-01T14:30`;
//!   `明天下午3点`, `明天上午10点`, `明天15:00`, `下午3点半` (15:30), `3点15分`, `晚上8点`, `中午12点`.
//!   A space separates an English date from its time (`tomorrow9:00` is refused); Chinese
//!   needs none. A bare number such as `9` is never a time.
//!
//! Chinese numerals 一 to 九十九 (and 两 for 2) work wherever a count or a day number is
//! expected. Anything else is an error that lists what is accepted: never a guess, never a panic.

use chrono::{Datelike, Months, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

/// How short numeric dates read: `12/01` is 1 December month first, 12 January day first.
/// ISO dates (`2026-12-01`) and Chinese dates (`12月1日`) are never ambiguous.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateOrder {
    #[default]
    MonthDay,
    DayMonth,
}

/// What a phrase resolved to: a date and an optional time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

/// Which year a month and day typed without one (`01-05`, `1月5日`) fall in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lean {
    /// Today's year.
    #[default]
    ThisYear,
    /// The next occurrence, today or later: for dates that are still to come.
    Ahead,
    /// The last occurrence, today or earlier: for things that have happened.
    Behind,
}

/// The input could not be read as a date. What would have been accepted is said by the front
/// ends (`i18n::calendar::date_error`, also its `Display`): this module is words-free.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    pub input: String,
}

impl DateError {
    /// The input as a message may echo it: trimmed, with controls and bidi overrides escaped,
    /// since they could move the cursor, clear the screen or reorder the line.
    pub fn shown_input(&self) -> String {
        let mut out = String::new();
        for c in self.input.trim().chars() {
            if is_unsafe_for_terminal(c) {
                out.extend(c.escape_debug());
            } else {
                out.push(c);
            }
        }
        out
    }
}

impl std::error::Error for DateError {}

/// Controls and bidi overrides could move the cursor, clear the screen or reorder the line, so
/// the message echoes them escaped.
fn is_unsafe_for_terminal(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{061C}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

const NINE_AM: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(t) => t,
    None => panic!("09:00 is a valid time"),
};

/// Date only: a phrase with a time part is an error here.
///
/// # Errors
/// Anything that is not one of the date phrases in the module docs, including empty input.
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    parse_date_in(input, today, DateOrder::MonthDay)
}

/// [`parse_date`] with short numeric dates read in `order`.
///
/// # Errors
/// As [`parse_date`].
pub fn parse_date_in(
    input: &str,
    today: NaiveDate,
    order: DateOrder,
) -> Result<NaiveDate, DateError> {
    match parse_when_in(input, today, order)? {
        When { date, time: None } => Ok(date),
        _ => Err(error(input)),
    }
}

/// Date with an optional time: `tomorrow 9:00`, `2pm`, or `14:30` alone (today at 14:30).
///
/// # Errors
/// Anything that is not one of the phrases in the module docs, including empty input: the
/// caller decides what empty means.
pub fn parse_when(input: &str, today: NaiveDate) -> Result<When, DateError> {
    parse_when_in(input, today, DateOrder::MonthDay)
}

/// [`parse_when`] with short numeric dates read in `order`.
///
/// # Errors
/// As [`parse_when`].
pub fn parse_when_in(input: &str, today: NaiveDate, order: DateOrder) -> Result<When, DateError> {
    parse_leaning(input, today, order, Lean::ThisYear)
}

/// A date still to come (a follow-up, a snooze): as [`parse_date_in`], but a month and day
/// without a year is their next occurrence, today or later.
///
/// # Errors
/// As [`parse_date`].
pub fn parse_ahead_in(
    input: &str,
    today: NaiveDate,
    order: DateOrder,
) -> Result<NaiveDate, DateError> {
    match parse_leaning(input, today, order, Lean::Ahead)? {
        When { date, time: None } => Ok(date),
        _ => Err(error(input)),
    }
}

/// [`parse_when_in`], with a yearless month and day placed by `lean`.
///
/// # Errors
/// As [`parse_when`].
pub fn parse_leaning(
    input: &str,
    today: NaiveDate,
    order: DateOrder,
    lean: Lean,
) -> Result<When, DateError> {
    let mut p = Parser {
        toks: tokenize(input),
        pos: 0,
        order,
        lean,
    };
    phrase(&mut p, today)
        // Only years that `format_date` writes as four digits, so every result can be typed back.
        .filter(|w| (1..=9999).contains(&w.date.year()))
        .ok_or_else(|| error(input))
}

/// When something happened: like [`parse_when`], but empty input means `now`, a bare time
/// means today, a date without a time means 09:00 on that date, and a month and day without a
/// year is their last occurrence (today or earlier).
///
/// # Errors
/// Non-empty input that [`parse_when`] refuses.
pub fn parse_datetime(input: &str, now: NaiveDateTime) -> Result<NaiveDateTime, DateError> {
    parse_datetime_in(input, now, DateOrder::MonthDay)
}

/// [`parse_datetime`] with short numeric dates read in `order`.
///
/// # Errors
/// As [`parse_datetime`].
pub fn parse_datetime_in(
    input: &str,
    now: NaiveDateTime,
    order: DateOrder,
) -> Result<NaiveDateTime, DateError> {
    if input.trim().is_empty() {
        return Ok(now);
    }
    let when = parse_leaning(input, now.date(), order, Lean::Behind)?;
    Ok(when.date.and_time(when.time.unwrap_or(NINE_AM)))
}

/// The canonical text a form shows, e.g. `2026-12-01`.
#[must_use]
pub fn format_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn error(input: &str) -> DateError {
    DateError {
        input: input.to_string(),
    }
}

mod grammar;
mod lexer;
#[cfg(test)]
mod tests;
mod times;

use grammar::*;
use lexer::*;

// ---- Arithmetic -----------------------------------------------------------------------------

fn this_year(today: NaiveDate) -> Option<u64> {
    u64::try_from(today.year()).ok()
}

fn ymd(year: u64, month: u64, day: u64) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(
        i32::try_from(year).ok()?,
        u32::try_from(month).ok()?,
        u32::try_from(day).ok()?,
    )
}

/// A month and day in the year `lean` says; Feb 29 looks up to the leap year in reach.
fn yearless(month: u64, day: u64, today: NaiveDate, lean: Lean) -> Option<NaiveDate> {
    let year = this_year(today)?;
    match lean {
        Lean::ThisYear => ymd(year, month, day),
        Lean::Ahead => (year..year + 8).find_map(|y| ymd(y, month, day).filter(|d| *d >= today)),
        Lean::Behind => (year.saturating_sub(8)..=year)
            .rev()
            .find_map(|y| ymd(y, month, day).filter(|d| *d <= today)),
    }
}

fn add_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    date.checked_add_signed(TimeDelta::try_days(days)?)
}

fn monday_of(date: NaiveDate) -> Option<NaiveDate> {
    add_days(date, -i64::from(date.weekday().num_days_from_monday()))
}

fn shift(today: NaiveDate, n: u64, back: bool, unit: Unit) -> Option<NaiveDate> {
    let (per_unit, in_months) = match unit {
        Unit::Day => (1, false),
        Unit::Week => (7, false),
        Unit::Month => (1, true),
        Unit::Year => (12, true),
    };
    let amount = n.checked_mul(per_unit)?;
    // Over 100 years away is a typo, and the cap keeps chrono's arithmetic far from overflow.
    if amount > if in_months { 1_200 } else { 36_525 } {
        return None;
    }
    if in_months {
        // chrono clamps to the month's last day: Jan 31 + 1 month = Feb 28 (29).
        let months = Months::new(u32::try_from(amount).ok()?);
        if back {
            today.checked_sub_months(months)
        } else {
            today.checked_add_months(months)
        }
    } else {
        let days = i64::try_from(amount).ok()?;
        add_days(today, if back { -days } else { days })
    }
}
