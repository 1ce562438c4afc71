//! The date phrases, English and Chinese.

use chrono::{Datelike, Months, NaiveDate, Weekday};

use super::lexer::*;
use super::times::*;
use super::*;

// ---- Grammar --------------------------------------------------------------------------------

/// phrase = date [separator time] | [`at`] time
pub(super) fn phrase(p: &mut Parser, today: NaiveDate) -> Option<When> {
    let date = date_phrase(p, today);
    let time = match date {
        _ if p.at_end() => None,
        Some(_) => {
            time_separator(p)?;
            Some(time_of_day(p)?)
        }
        None => {
            p.lit("at ");
            Some(time_of_day(p)?)
        }
    };
    if !p.at_end() || (date.is_none() && time.is_none()) {
        return None;
    }
    Some(When {
        date: date.unwrap_or(today),
        time,
    })
}

/// A space (optionally followed by "at"), ISO's `T` between digits, or nothing at all next to
/// Chinese, which is written without spaces (`明天15:00`).
pub(super) fn time_separator(p: &mut Parser) -> Option<()> {
    if p.space().is_some() {
        p.lit("at ");
        return Some(());
    }
    let prev = p.pos.checked_sub(1).and_then(|i| p.toks.get(i)).cloned();
    let next_is_num = matches!(p.toks.get(p.pos + 1), Some(Tok::Num { .. }));
    if matches!(prev, Some(Tok::Num { .. })) && next_is_num && p.lit("t").is_some() {
        return Some(());
    }
    (matches!(prev, Some(Tok::Han(_))) || matches!(p.peek(), Some(Tok::Han(_)))).then_some(())
}

type Alternative = fn(&mut Parser, NaiveDate) -> Option<NaiveDate>;

pub(super) fn date_phrase(p: &mut Parser, today: NaiveDate) -> Option<NaiveDate> {
    // Weekdays come before anchors so that `下周一` is not read as `下周` followed by junk.
    const ALTERNATIVES: [Alternative; 9] = [
        named_day,
        numeric_date,
        signed_offset,
        in_offset,
        weekday,
        cn_weekday,
        anchor,
        cn_offset,
        cn_calendar_date,
    ];
    ALTERNATIVES
        .iter()
        .find_map(|alternative| p.attempt(|p| alternative(p, today)))
}

#[rustfmt::skip]
pub(super) const NAMED_DAYS: &[(&str, i64)] = &[
    ("today", 0), ("tod", 0), ("tomorrow", 1), ("tmr", 1), ("tmrw", 1), ("yesterday", -1),
    ("今天", 0), ("明天", 1), ("后天", 2), ("大后天", 3), ("昨天", -1), ("前天", -2),
];

pub(super) fn named_day(p: &mut Parser, today: NaiveDate) -> Option<NaiveDate> {
    add_days(today, p.pick(NAMED_DAYS)?)
}

/// `2026-12-01`, `2026/12/01`, `2026.12.01`, `20261201`; or `12-01` (its year from the [`Lean`]) and
/// `12/01/2026`, read month first or day first as the book's date order says.
pub(super) fn numeric_date(p: &mut Parser, today: NaiveDate) -> Option<NaiveDate> {
    let (first, len) = p.num()?;
    if len == 8 {
        return ymd(first / 10_000, first / 100 % 100, first % 100);
    }
    let sep = ['-', '/', '.']
        .into_iter()
        .find(|&c| p.punct(c).is_some())?;
    let second = p.num_len(1..=2)?;
    match len {
        4 => {
            p.punct(sep)?;
            ymd(first, second, p.num_len(1..=2)?)
        }
        1 | 2 => {
            let year = p.attempt(|p| {
                p.punct(sep)?;
                p.num_len(4..=4)
            });
            let (month, day) = match p.order {
                super::DateOrder::MonthDay => (first, second),
                super::DateOrder::DayMonth => (second, first),
            };
            match year {
                Some(year) => ymd(year, month, day),
                None => yearless(month, day, today, p.lean),
            }
        }
        _ => None,
    }
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Unit {
    Day,
    Week,
    Month,
    Year,
}

#[rustfmt::skip]
pub(super) const UNITS: &[(&str, Unit)] = &[
    ("d", Unit::Day), ("day", Unit::Day), ("days", Unit::Day),
    ("w", Unit::Week), ("wk", Unit::Week), ("wks", Unit::Week),
    ("week", Unit::Week), ("weeks", Unit::Week),
    ("m", Unit::Month), ("mo", Unit::Month), ("mos", Unit::Month),
    ("month", Unit::Month), ("months", Unit::Month),
    ("y", Unit::Year), ("yr", Unit::Year), ("yrs", Unit::Year),
    ("year", Unit::Year), ("years", Unit::Year),
];

/// `+3d`, `-2w`, `3d`, `+1 month`.
pub(super) fn signed_offset(p: &mut Parser, today: NaiveDate) -> Option<NaiveDate> {
    let back = p.punct('-').is_some();
    if !back {
        p.punct('+');
    }
    let (n, _) = p.num()?;
    p.space();
    shift(today, n, back, p.pick(UNITS)?)
}

/// `in 3 days`, `in a week`.
pub(super) fn in_offset(p: &mut Parser, today: NaiveDate) -> Option<NaiveDate> {
    p.lit("in ")?;
    let n = match p.pick(&[("a", 1), ("an", 1), ("one", 1)]) {
        Some(n) => n,
        None => p.num()?.0,
    };
    p.space();
    shift(today, n, false, p.pick(UNITS)?)
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum WhichWeek {
    /// Bare weekday: the next one strictly after today.
    Coming,
    This,
    Next,
}

#[rustfmt::skip]
pub(super) const WEEKDAYS: &[(&str, Weekday)] = &[
    ("mon", Weekday::Mon), ("monday", Weekday::Mon),
    ("tue", Weekday::Tue), ("tues", Weekday::Tue), ("tuesday", Weekday::Tue),
    ("wed", Weekday::Wed), ("weds", Weekday::Wed), ("wednesday", Weekday::Wed),
    ("thu", Weekday::Thu), ("thur", Weekday::Thu), ("thurs", Weekday::Thu),
    ("thursday", Weekday::Thu),
    ("fri", Weekday::Fri), ("friday", Weekday::Fri),
    ("sat", Weekday::Sat), ("saturday", Weekday::Sat),
    ("sun", Weekday::Sun), ("sunday", Weekday::Sun),
];

/// `fri`, `this fri`, `next fri`.
pub(super) fn weekday(p: &mut Parser, today: NaiveDate) -> Option<NaiveDate> {
    let which = p
        .pick(&[("this ", WhichWeek::This), ("next ", WhichWeek::Next)])
        .unwrap_or(WhichWeek::Coming);
    on_weekday(today, which, p.pick(WEEKDAYS)?)
}

#[rustfmt::skip]
pub(super) const CN_WEEKDAYS: &[(&str, Weekday)] = &[
    ("一", Weekday::Mon), ("二", Weekday::Tue), ("三", Weekday::Wed), ("四", Weekday::Thu),
    ("五", Weekday::Fri), ("六", Weekday::Sat), ("日", Weekday::Sun), ("天", Weekday::Sun),
];

/// `周五`, `星期五`, `礼拜五`, `这周五`, `本周五`, `下周五`, `下个星期五`, `周末`.
pub(super) fn cn_weekday(p: &mut Parser, today: NaiveDate) -> Option<NaiveDate> {
    let which = p
        .pick(&[
            ("这", WhichWeek::This),
            ("本", WhichWeek::This),
            ("下", WhichWeek::Next),
        ])
        .unwrap_or(WhichWeek::Coming);
    if which != WhichWeek::Coming {
        p.lit("个");
    }
    p.pick(&[("周", ()), ("星期", ()), ("礼拜", ())])?;
    if p.lit("末").is_some() {
        // On a Sunday the weekend people mean is the coming one, not the one ending today.
        let which = match which {
            WhichWeek::Coming if today.weekday() == Weekday::Sun => WhichWeek::Next,
            WhichWeek::Coming => WhichWeek::This,
            which => which,
        };
        return on_weekday(today, which, Weekday::Sat);
    }
    on_weekday(today, which, p.pick(CN_WEEKDAYS)?)
}

pub(super) fn on_weekday(today: NaiveDate, which: WhichWeek, day: Weekday) -> Option<NaiveDate> {
    let (want, now) = (
        day.num_days_from_monday(),
        today.weekday().num_days_from_monday(),
    );
    match which {
        WhichWeek::Coming => add_days(today, i64::from((want + 6 - now) % 7 + 1)),
        WhichWeek::This => add_days(monday_of(today)?, i64::from(want)),
        WhichWeek::Next => add_days(monday_of(today)?, i64::from(want) + 7),
    }
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Anchor {
    NextWeek,
    NextMonth,
    EndOfWeek,
    EndOfMonth,
}

#[rustfmt::skip]
pub(super) const ANCHORS: &[(&str, Anchor)] = &[
    ("next week", Anchor::NextWeek), ("next month", Anchor::NextMonth),
    ("end of week", Anchor::EndOfWeek), ("eow", Anchor::EndOfWeek),
    ("end of month", Anchor::EndOfMonth), ("eom", Anchor::EndOfMonth),
    ("下周", Anchor::NextWeek), ("下星期", Anchor::NextWeek), ("下礼拜", Anchor::NextWeek),
    ("下个月", Anchor::NextMonth), ("下月", Anchor::NextMonth), ("月底", Anchor::EndOfMonth),
];

pub(super) fn anchor(p: &mut Parser, today: NaiveDate) -> Option<NaiveDate> {
    let next_month = || today.with_day(1)?.checked_add_months(Months::new(1));
    match p.pick(ANCHORS)? {
        Anchor::NextWeek => add_days(monday_of(today)?, 7),
        Anchor::NextMonth => next_month(),
        Anchor::EndOfWeek => add_days(monday_of(today)?, 6),
        Anchor::EndOfMonth => next_month()?.pred_opt(),
    }
}

#[rustfmt::skip]
pub(super) const CN_UNITS: &[(&str, Unit)] = &[
    ("天", Unit::Day), ("日", Unit::Day),
    ("周", Unit::Week), ("星期", Unit::Week), ("个星期", Unit::Week),
    ("礼拜", Unit::Week), ("个礼拜", Unit::Week),
    ("个月", Unit::Month), ("年", Unit::Year),
];

/// `3天后`, `两周后`, `一个月前`.
pub(super) fn cn_offset(p: &mut Parser, today: NaiveDate) -> Option<NaiveDate> {
    let n = count(p)?;
    let unit = p.pick(CN_UNITS)?;
    let back = p.pick(&[("后", false), ("前", true)])?;
    shift(today, n, back, unit)
}

/// `12月1日`, `12月1号`, `2026年12月1日`.
pub(super) fn cn_calendar_date(p: &mut Parser, today: NaiveDate) -> Option<NaiveDate> {
    let year = p.attempt(|p| {
        let year = p.num_len(4..=4)?;
        p.lit("年").map(|()| year)
    });
    let month = count(p)?;
    p.lit("月")?;
    let day = count(p)?;
    p.pick(&[("日", ()), ("号", ())])?;
    match year {
        Some(year) => ymd(year, month, day),
        None => yearless(month, day, today, p.lean),
    }
}

#[rustfmt::skip]
pub(super) const CN_DIGITS: &[(&str, u64)] = &[
    ("零", 0), ("〇", 0), ("一", 1), ("二", 2), ("两", 2), ("三", 3),
    ("四", 4), ("五", 5), ("六", 6), ("七", 7), ("八", 8), ("九", 9),
];

/// A count in digits, or in Chinese numerals up to 九十九.
pub(super) fn count(p: &mut Parser) -> Option<u64> {
    if let Some((n, _)) = p.num() {
        return Some(n);
    }
    p.attempt(|p| {
        let tens = p.pick(CN_DIGITS);
        if p.lit("十").is_none() {
            return tens;
        }
        let ones = p.pick(CN_DIGITS).unwrap_or(0);
        match tens {
            Some(0) => None,
            tens => Some(tens.unwrap_or(1) * 10 + ones),
        }
    })
}
