//! The greeting calendar: fixed-date holidays and the Chinese lunar festivals, 2025-2035.
//!
//! Lunar festivals move every year, so their Gregorian dates are a table rather than a
//! computation (no dependency for eleven years of six dates). How the table was verified: two
//! independent sources, run when this file was written, agree on all 66 dates:
//! 1. the Python package `lunardate` 0.3.0 (PyPI), a packed table of month lengths and leap
//!    months taken from the `lunar` C converter: `LunarDate(y, m, d).to_solar_date()`;
//! 2. an astronomical derivation written for this check with the Python package `ephem` 4.2.1
//!    (VSOP87 / ELP2000 ephemerides), following the rules of GB/T 33661-2017: Beijing time
//!    (UTC+8), each month starts on the day of the new moon, the winter solstice falls in
//!    month 11, and in a 13-month year the first month without a major solar term (sun
//!    longitude a multiple of 30°) is the leap month. It finds the leap months 闰六月 2025,
//!    闰五月 2028, 闰三月 2031 and 闰十一月 2033 (the "2033 problem" that older tables get
//!    wrong), and the same festival dates as source 1.
//!
//! The well-known dates agree as well: Spring Festival 2025-01-29 and 2026-02-17, Mid-Autumn
//! 2025-10-06 and 2026-09-25. The tests check the table's shape (Lantern is always 14 days
//! after Spring Festival, and so on), so a mistyped entry fails.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// The years the lunar table covers.
pub const FIRST_LUNAR_YEAR: i32 = 2025;
pub const LAST_LUNAR_YEAR: i32 = 2035;

/// Holidays greeted unless the config says otherwise (Christmas is offered, not default).
pub const DEFAULT_GREETINGS: &[&str] = &[
    "new_year",
    "spring_festival",
    "lantern",
    "labour_day",
    "dragon_boat",
    "qixi",
    "mid_autumn",
    "national_day",
    "double_ninth",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Holiday {
    /// Stable key, as stored with a greeting: `spring_festival`.
    pub key: &'static str,
    pub name_en: &'static str,
    pub name_zh: &'static str,
    pub on: NaiveDate,
}

/// (key, English, Chinese, month, day) for holidays on the same Gregorian date every year.
const FIXED: &[(&str, &str, &str, u32, u32)] = &[
    ("new_year", "New Year's Day", "元旦", 1, 1),
    ("labour_day", "Labour Day", "劳动节", 5, 1),
    ("national_day", "National Day", "国庆节", 10, 1),
    ("christmas", "Christmas", "圣诞节", 12, 25),
];

/// (key, English, Chinese) of the lunar festivals, in the order of `LUNAR` rows:
/// 1/1, 1/15, 5/5, 7/7, 8/15, 9/9 of the lunar year.
const LUNAR_NAMES: [(&str, &str, &str); 6] = [
    ("spring_festival", "Spring Festival", "春节"),
    ("lantern", "Lantern Festival", "元宵节"),
    ("dragon_boat", "Dragon Boat Festival", "端午节"),
    ("qixi", "Qixi Festival", "七夕"),
    ("mid_autumn", "Mid-Autumn Festival", "中秋节"),
    ("double_ninth", "Double Ninth Festival", "重阳节"),
];

/// Gregorian (month, day) of each lunar festival, by year. Verified as the module says.
#[rustfmt::skip]
const LUNAR: &[(i32, [(u32, u32); 6])] = &[
    (2025, [(1, 29), (2, 12), (5, 31), (8, 29), (10, 6), (10, 29)]),
    (2026, [(2, 17), (3, 3), (6, 19), (8, 19), (9, 25), (10, 18)]),
    (2027, [(2, 6), (2, 20), (6, 9), (8, 8), (9, 15), (10, 8)]),
    (2028, [(1, 26), (2, 9), (5, 28), (8, 26), (10, 3), (10, 26)]),
    (2029, [(2, 13), (2, 27), (6, 16), (8, 16), (9, 22), (10, 16)]),
    (2030, [(2, 3), (2, 17), (6, 5), (8, 5), (9, 12), (10, 5)]),
    (2031, [(1, 23), (2, 6), (6, 24), (8, 24), (10, 1), (10, 24)]),
    (2032, [(2, 11), (2, 25), (6, 12), (8, 12), (9, 19), (10, 12)]),
    (2033, [(1, 31), (2, 14), (6, 1), (8, 1), (9, 8), (10, 1)]),
    (2034, [(2, 19), (3, 5), (6, 20), (8, 20), (9, 27), (10, 20)]),
    (2035, [(2, 8), (2, 22), (6, 10), (8, 10), (9, 16), (10, 9)]),
];

/// Every holiday of `year`, by date. Outside 2025-2035 only the fixed-date ones are known.
pub fn holidays_in(year: i32) -> Vec<Holiday> {
    let fixed = FIXED.iter().filter_map(|(key, en, zh, m, d)| {
        Some(Holiday {
            key,
            name_en: en,
            name_zh: zh,
            on: NaiveDate::from_ymd_opt(year, *m, *d)?,
        })
    });
    let lunar = LUNAR
        .iter()
        .filter(|(y, _)| *y == year)
        .flat_map(|(_, dates)| LUNAR_NAMES.iter().zip(dates.iter()))
        .filter_map(|((key, en, zh), (m, d))| {
            Some(Holiday {
                key,
                name_en: en,
                name_zh: zh,
                on: NaiveDate::from_ymd_opt(year, *m, *d)?,
            })
        });
    let mut all: Vec<Holiday> = fixed.chain(lunar).collect();
    // Fixed first on a shared day (National Day before a Mid-Autumn on 1 October).
    all.sort_by_key(|h| h.on);
    all
}

/// Holidays from today to `days_ahead` days later, both included, by date.
pub fn next_holidays(today: NaiveDate, days_ahead: u32) -> Vec<Holiday> {
    let end = today
        .checked_add_days(chrono::Days::new(days_ahead.into()))
        .unwrap_or(NaiveDate::MAX);
    (today.year()..=end.year())
        .flat_map(holidays_in)
        .filter(|h| h.on >= today && h.on <= end)
        .collect()
}

/// Other names people use for a holiday, beside its key, English and Chinese names.
const ALIASES: &[(&str, &str)] = &[
    ("chinese_new_year", "spring_festival"),
    ("cny", "spring_festival"),
    ("过年", "spring_festival"),
    ("农历新年", "spring_festival"),
    ("五一", "labour_day"),
    ("十一", "national_day"),
    ("mid-autumn", "mid_autumn"),
    ("moon_festival", "mid_autumn"),
    ("duanwu", "dragon_boat"),
    ("新年", "new_year"),
];

/// The key of the holiday a person named: its key (`spring_festival`), its English name
/// (`Spring Festival`, any case), its Chinese name with or without 节 (`春节`, `中秋`, `端午`),
/// or a common alias (`CNY`, `过年`, `五一`).
pub fn key_for(name: &str) -> Option<&'static str> {
    let name = name.trim();
    let folded = name.to_lowercase().replace([' ', '\'', '’'], "_");
    let mut names = FIXED
        .iter()
        .map(|(key, en, zh, _, _)| (*key, *en, *zh))
        .chain(LUNAR_NAMES.iter().copied());
    names
        .find(|(key, en, zh)| {
            *key == folded
                || en.to_lowercase().replace([' ', '\'', '’'], "_") == folded
                || *zh == name
                || zh.strip_suffix('节') == Some(name)
        })
        .map(|(key, _, _)| key)
        .or_else(|| {
            ALIASES
                .iter()
                .find(|(alias, _)| *alias == folded || *alias == name)
                .map(|(_, key)| *key)
        })
}

/// The holiday with this key in `year`, if the calendar knows it.
pub fn find(key: &str, year: i32) -> Option<Holiday> {
    holidays_in(year).into_iter().find(|h| h.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn on(key: &str, year: i32) -> NaiveDate {
        find(key, year)
            .unwrap_or_else(|| panic!("{key} {year} missing"))
            .on
    }

    #[test]
    fn holidays_are_found_by_key_english_chinese_and_alias() {
        for (name, key) in [
            ("spring_festival", "spring_festival"),
            ("Spring Festival", "spring_festival"),
            ("春节", "spring_festival"),
            ("CNY", "spring_festival"),
            ("过年", "spring_festival"),
            ("中秋", "mid_autumn"),
            ("中秋节", "mid_autumn"),
            ("端午", "dragon_boat"),
            ("元宵", "lantern"),
            ("重阳", "double_ninth"),
            ("七夕", "qixi"),
            ("国庆", "national_day"),
            ("五一", "labour_day"),
            ("new year's day", "new_year"),
            ("元旦", "new_year"),
            (" 圣诞节 ", "christmas"),
        ] {
            assert_eq!(key_for(name), Some(key), "{name}");
        }
        for unknown in ["", "节", "easter", "spring"] {
            assert_eq!(key_for(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn pins_known_lunar_dates() {
        assert_eq!(on("spring_festival", 2025), d("2025-01-29"));
        assert_eq!(on("spring_festival", 2026), d("2026-02-17"));
        assert_eq!(on("mid_autumn", 2025), d("2025-10-06"));
        assert_eq!(on("mid_autumn", 2026), d("2026-09-25"));
        assert_eq!(on("dragon_boat", 2026), d("2026-06-19"));
        assert_eq!(on("spring_festival", 2030), d("2030-02-03"));
        assert_eq!(on("mid_autumn", 2031), d("2031-10-01"));
        // After the leap 11th month of 2033, Spring Festival 2034 is late.
        assert_eq!(on("spring_festival", 2034), d("2034-02-19"));
        assert_eq!(on("double_ninth", 2035), d("2035-10-09"));
    }

    #[test]
    fn the_table_has_the_shape_of_the_lunar_calendar() {
        for year in FIRST_LUNAR_YEAR..=LAST_LUNAR_YEAR {
            let spring = on("spring_festival", year);
            // Spring Festival is the second new moon after the winter solstice: 21 Jan - 20 Feb.
            assert!(
                spring >= d(&format!("{year}-01-21")) && spring <= d(&format!("{year}-02-20")),
                "{year}: {spring}"
            );
            assert_eq!((on("lantern", year) - spring).num_days(), 14, "{year}");
            // 7/7 to 8/15 is one lunar month (29 or 30 days) and 8 days; no leap 7th month
            // falls in these years.
            let qixi_to_moon = (on("mid_autumn", year) - on("qixi", year)).num_days();
            assert!((37..=38).contains(&qixi_to_moon), "{year}: {qixi_to_moon}");
            let moon_to_ninth = (on("double_ninth", year) - on("mid_autumn", year)).num_days();
            assert!(
                (23..=24).contains(&moon_to_ninth),
                "{year}: {moon_to_ninth}"
            );
            // 1/1 to 5/5: four lunar months and 4 days, or five with a leap month before the
            // 5th (2031's leap 3rd).
            let to_boat = (on("dragon_boat", year) - spring).num_days();
            let months = if year == 2031 { 5 } else { 4 };
            let range = (months * 29 + 4)..=(months * 30 + 4);
            assert!(range.contains(&to_boat), "{year}: {to_boat}");
        }
    }

    #[test]
    fn a_year_lists_every_holiday_in_date_order() {
        let year = holidays_in(2026);
        assert_eq!(year.len(), FIXED.len() + LUNAR_NAMES.len());
        assert!(year.windows(2).all(|w| w[0].on <= w[1].on));
        assert_eq!(year[0].key, "new_year");
        assert_eq!(year[1].name_zh, "春节");
        // National Day and Mid-Autumn share 1 October 2031: both are listed.
        let shared: Vec<_> = holidays_in(2031)
            .into_iter()
            .filter(|h| h.on == d("2031-10-01"))
            .map(|h| h.key)
            .collect();
        assert_eq!(shared, vec!["national_day", "mid_autumn"]);
        // Outside the table only fixed dates.
        let keys: Vec<_> = holidays_in(2040).into_iter().map(|h| h.key).collect();
        assert_eq!(
            keys,
            vec!["new_year", "labour_day", "national_day", "christmas"]
        );
        for key in DEFAULT_GREETINGS {
            assert!(find(key, 2030).is_some(), "{key}");
        }
    }

    #[test]
    fn next_holidays_crosses_the_year_end() {
        let next: Vec<_> = next_holidays(d("2026-12-20"), 30)
            .into_iter()
            .map(|h| (h.key, h.on))
            .collect();
        assert_eq!(
            next,
            vec![
                ("christmas", d("2026-12-25")),
                ("new_year", d("2027-01-01")),
            ]
        );
        let next = next_holidays(d("2027-01-01"), 36);
        let keys: Vec<_> = next.iter().map(|h| h.key).collect();
        assert_eq!(
            keys,
            vec!["new_year", "spring_festival"],
            "today and the last day count"
        );
        assert!(next_holidays(d("2026-03-04"), 10).is_empty());
        assert_eq!(next_holidays(NaiveDate::MAX, 400).len(), 0);
    }
}
