//! Dates for later (a follow-up's, a snooze's), read the same way by every front end. A month
//! and day without a year is their next occurrence. A date already past is refused unless the
//! user confirmed it: it would be overdue the moment it is saved, and is most often a slip
//! (`01-05` meant for next January, `-3d` for `+3d`).

use std::fmt;

use chrono::{NaiveDate, NaiveDateTime};

use crate::book::dates::{self, DateError, DateOrder, Lean, When};

/// Why a date for later was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LaterError {
    Unreadable(DateError),
    /// Before now: `when` as the book writes it, `ago` how long before (`336 days ago`).
    Past {
        when: String,
        ago: String,
    },
}

impl fmt::Display for LaterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LaterError::Unreadable(e) => e.fmt(f),
            LaterError::Past { when, ago } => f.write_str(&t!(
                "later-error-past",
                when = when.as_str(),
                ago = ago.as_str()
            )),
        }
    }
}

impl std::error::Error for LaterError {}

/// A date, with a time of day if one was typed (`fri 10:00`, `周五下午3点`). `past_ok` is the
/// user's confirmation that a date already gone is meant.
///
/// # Errors
/// Text that is no date, or a past date without `past_ok`.
pub fn read_later(
    text: &str,
    now: NaiveDateTime,
    order: DateOrder,
    past_ok: bool,
) -> Result<When, LaterError> {
    let when = dates::parse_leaning(text, now.date(), order, Lean::Ahead)
        .map_err(LaterError::Unreadable)?;
    refuse_past(when, now, past_ok)?;
    Ok(when)
}

/// A day only (a snooze moves the day and keeps any time the follow-up had).
///
/// # Errors
/// As [`read_later`], and a time of day.
pub fn read_later_day(
    text: &str,
    now: NaiveDateTime,
    order: DateOrder,
    past_ok: bool,
) -> Result<NaiveDate, LaterError> {
    let day = dates::parse_ahead_in(text, now.date(), order).map_err(LaterError::Unreadable)?;
    refuse_past(
        When {
            date: day,
            time: None,
        },
        now,
        past_ok,
    )?;
    Ok(day)
}

fn refuse_past(when: When, now: NaiveDateTime, past_ok: bool) -> Result<(), LaterError> {
    let today = now.date();
    let past = match when.time {
        Some(t) => when.date.and_time(t) < now,
        None => when.date < today,
    };
    if !past || past_ok {
        return Ok(());
    }
    let ago = match when.time {
        Some(t) if when.date == today => {
            let minutes = (now - when.date.and_time(t)).num_minutes();
            if minutes < 60 {
                t!("later-minutes-ago", n = minutes.max(1))
            } else {
                t!("later-hours-ago", n = minutes / 60)
            }
        }
        _ => t!("later-days-ago", n = (today - when.date).num_days()),
    };
    let time = when
        .time
        .map_or(String::new(), |t| t.format(" %H:%M").to_string());
    Err(LaterError::Past {
        when: format!("{}{time}", dates::format_date(when.date)),
        ago,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> NaiveDateTime {
        "2026-12-07T10:15:00".parse().unwrap()
    }

    fn read(text: &str) -> Result<When, String> {
        read_later(text, now(), DateOrder::MonthDay, false).map_err(|e| e.to_string())
    }

    #[test]
    fn a_yearless_date_is_its_next_occurrence() {
        assert_eq!(read("01-05").unwrap().date.to_string(), "2027-01-05");
        assert_eq!(read("1月5日").unwrap().date.to_string(), "2027-01-05");
        assert_eq!(read("12-07").unwrap().date.to_string(), "2026-12-07");
        let day = read_later_day("01-05", now(), DateOrder::MonthDay, false).unwrap();
        assert_eq!(day.to_string(), "2027-01-05");
    }

    #[test]
    fn times_come_as_the_date_phrases_allow() {
        let t = |s: &str| read(s).unwrap().time.map(|t| t.format("%H:%M").to_string());
        assert_eq!(t("tomorrow 9:00").as_deref(), Some("09:00"));
        assert_eq!(t("2pm").as_deref(), Some("14:00"));
        assert_eq!(t("周五下午3点").as_deref(), Some("15:00"));
        assert_eq!(t("14:30").as_deref(), Some("14:30"));
        assert_eq!(read("周五下午3点").unwrap().date.to_string(), "2026-12-11");
    }

    #[test]
    fn a_past_date_is_refused_naming_it_unless_confirmed() {
        assert_eq!(
            read("2026-01-05").unwrap_err(),
            "2026-01-05 is 336 days ago: a follow-up is for later"
        );
        assert_eq!(
            read("yesterday").unwrap_err(),
            "2026-12-06 is 1 day ago: a follow-up is for later"
        );
        assert_eq!(
            read("9:00").unwrap_err(),
            "2026-12-07 09:00 is 1h ago: a follow-up is for later"
        );
        assert!(read("today").is_ok(), "today is not past");
        assert!(read("10:30").is_ok());
        assert!(read_later("2026-01-05", now(), DateOrder::MonthDay, true).is_ok());
        let snooze = read_later_day("-2d", now(), DateOrder::MonthDay, false);
        assert!(matches!(snooze, Err(LaterError::Past { .. })));
    }
}
