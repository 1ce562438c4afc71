//! Times of day: 14:30, 2pm, 下午3点半.

use chrono::NaiveTime;

use super::lexer::*;
use super::*;

// ---- Times ----------------------------------------------------------------------------------

/// Chinese names a part of the day and then counts hours 1-12 within it (`下午3点` = 15:00).
#[derive(Debug, Clone, Copy)]
pub(super) enum DayPart {
    Morning,
    Noon,
    Afternoon,
    Evening,
}

#[rustfmt::skip]
pub(super) const DAY_PARTS: &[(&str, DayPart)] = &[
    ("凌晨", DayPart::Morning), ("早上", DayPart::Morning),
    ("早晨", DayPart::Morning), ("上午", DayPart::Morning),
    ("中午", DayPart::Noon), ("下午", DayPart::Afternoon),
    ("傍晚", DayPart::Afternoon), ("晚上", DayPart::Evening),
];

impl DayPart {
    fn to_24h(self, hour: u64) -> Option<u64> {
        match (self, hour) {
            // Numbers already on the 24-hour clock that fit the part are taken as they are.
            // `晚上12点` is midnight, which belongs to the next day: refused rather than guessed.
            (DayPart::Morning, 0..=11)
            | (DayPart::Noon, 11..=12)
            | (DayPart::Afternoon, 12..=23)
            | (DayPart::Evening, 13..=23) => Some(hour),
            (DayPart::Noon, 1..=2) | (DayPart::Afternoon | DayPart::Evening, 1..=11) => {
                Some(hour + 12)
            }
            _ => None,
        }
    }
}

/// time = [day part] (Chinese clock | H:MM[:SS] [am|pm] | H am|pm)
pub(super) fn time_of_day(p: &mut Parser) -> Option<NaiveTime> {
    let part = p.pick(DAY_PARTS);
    let (hour, minute, second) = if let Some((h, m)) = p.attempt(chinese_clock) {
        (h, m, 0)
    } else {
        let (h, m, s, colon) = p.attempt(clock)?;
        match p.attempt(|p| {
            p.space();
            p.pick(&[("am", false), ("pm", true)])
        }) {
            // `下午3pm` says the same thing twice, perhaps differently: refused.
            Some(_) if part.is_some() => return None,
            Some(pm) => (twelve_hour(h, pm)?, m, s),
            None if colon => (h, m, s),
            // A bare number is not a time: `9` could be a day, an hour or a typo.
            None => return None,
        }
    };
    let hour = match part {
        Some(part) => part.to_24h(hour)?,
        None => hour,
    };
    let field = |n: u64| u32::try_from(n).ok();
    NaiveTime::from_hms_opt(field(hour)?, field(minute)?, field(second)?)
}

/// `12am` is midnight and `12pm` noon; `0am` and `13pm` are nonsense.
pub(super) fn twelve_hour(hour: u64, pm: bool) -> Option<u64> {
    (1..=12)
        .contains(&hour)
        .then_some(hour % 12 + if pm { 12 } else { 0 })
}

/// `H`, `H:MM` or `H:MM:SS`; the flag tells whether a colon was seen.
pub(super) fn clock(p: &mut Parser) -> Option<(u64, u64, u64, bool)> {
    let hour = p.num_len(1..=2)?;
    if p.punct(':').is_none() {
        return Some((hour, 0, 0, false));
    }
    let minute = p.num_len(2..=2)?;
    let second = match p.punct(':') {
        Some(()) => p.num_len(2..=2)?,
        None => 0,
    };
    Some((hour, minute, second, true))
}

/// `3点`, `3点钟`, `3点半`, `3点15分`, `十点`.
pub(super) fn chinese_clock(p: &mut Parser) -> Option<(u64, u64)> {
    let hour = count(p)?;
    p.pick(&[("点", ()), ("點", ()), ("时", ())])?;
    p.lit("钟");
    if p.lit("半").is_some() {
        return Some((hour, 30));
    }
    let minute = p.attempt(count).unwrap_or(0);
    p.lit("分");
    Some((hour, minute))
}
