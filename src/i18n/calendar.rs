//! Dates as people say them: "3d ago" / "3天前", "tomorrow" / "明天", "2d overdue" / "逾期2天",
//! "Mon" / "周一". `book::due` decides what a date is relative to today; this says it.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use crate::book::dates::DateError;
use crate::book::due::{self, DueAt, DueDay, Since};

/// "today", "3d ago", "5w ago", "never": how long since the customer was last contacted.
pub fn last_contact_label(last: Option<NaiveDateTime>, today: NaiveDate) -> String {
    match due::since(last, today) {
        Since::Never => t!("since-never"),
        Since::Ahead => t!("since-ahead"),
        Since::Today => t!("since-today"),
        Since::Yesterday => t!("since-yesterday"),
        Since::Days(n) => t!("since-days", n = n),
        Since::Weeks(n) => t!("since-weeks", n = n),
        Since::Months(n) => t!("since-months", n = n),
        Since::Years(n) => t!("since-years", n = n),
    }
}

/// "14:32", "yesterday 17:05", "2026-11-20 09:00": when something was done, as a person says
/// it (undo says what it will take back and when it was done).
pub fn done_at_label(at: NaiveDateTime, today: NaiveDate) -> String {
    let time = at.format("%H:%M").to_string();
    match (today - at.date()).num_days() {
        0 => time,
        1 => t!("done-at-yesterday", time = time),
        _ => t!(
            "done-at-day",
            day = at.format("%Y-%m-%d").to_string(),
            time = time
        ),
    }
}

/// Why a typed date was not taken, with what would have been: both front ends say it so (the
/// error's `Display` is this too).
pub fn date_error(e: &DateError) -> String {
    t!("date-error-unreadable", input = e.shown_input())
}

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&date_error(self))
    }
}

/// "2d overdue", "today", "tomorrow", "in 4d", "12-24": when the next follow-up is due; empty
/// when none is.
pub fn due_label(due: Option<NaiveDate>, today: NaiveDate) -> String {
    due.map_or_else(String::new, |due| day_label(due::due_day(due, today)))
}

/// [`due_label`] with the time of day when there is one: "today 15:00", "overdue 15:00" once
/// it has passed, "tomorrow 09:00".
pub fn due_label_at(due: NaiveDate, time: Option<NaiveTime>, now: NaiveDateTime) -> String {
    let time_of = |t: NaiveTime| t.format("%H:%M").to_string();
    match due::due_at(due, time, now) {
        DueAt::Day(day) => day_label(day),
        DueAt::DayAt(day, t) => t!("due-at", day = day_label(day), time = time_of(t)),
        DueAt::OverdueAt(t) => t!("due-overdue-at", time = time_of(t)),
    }
}

fn day_label(day: DueDay) -> String {
    match day {
        DueDay::Overdue(n) => t!("due-overdue-days", n = n),
        DueDay::Today => t!("due-today"),
        DueDay::Tomorrow => t!("due-tomorrow"),
        DueDay::InDays(n) => t!("due-in-days", n = n),
        DueDay::ThisYear(d) => d.format("%m-%d").to_string(),
        DueDay::OtherYear(d) => d.format("%Y-%m-%d").to_string(),
    }
}

/// "Mon" / "周一".
pub fn weekday(day: NaiveDate) -> String {
    match day.weekday() {
        Weekday::Mon => t!("weekday-mon"),
        Weekday::Tue => t!("weekday-tue"),
        Weekday::Wed => t!("weekday-wed"),
        Weekday::Thu => t!("weekday-thu"),
        Weekday::Fri => t!("weekday-fri"),
        Weekday::Sat => t!("weekday-sat"),
        Weekday::Sun => t!("weekday-sun"),
    }
}

/// "Mon 12-01" / "周一 12-01".
pub fn weekday_and_day(day: NaiveDate) -> String {
    format!("{} {}", weekday(day), day.format("%m-%d"))
}

/// "Mon 2026-12-01" / "周一 2026-12-01".
pub fn weekday_and_date(day: NaiveDate) -> String {
    format!("{} {}", weekday(day), day.format("%Y-%m-%d"))
}

/// "Jan" / "1月": a month on a chart's axis.
pub fn month(day: NaiveDate) -> String {
    t!("month-short", month = day.month())
}

/// "Jan 2026" / "2026年1月".
pub fn month_and_year(day: NaiveDate) -> String {
    t!("month-and-year", month = month(day), year = day.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, with_language};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn at(s: &str, h: u32, m: u32) -> NaiveDateTime {
        d(s).and_hms_opt(h, m, 0).unwrap()
    }

    fn both<T>(f: impl Fn() -> T) -> (T, T) {
        (
            with_language(Language::English, &f),
            with_language(Language::Chinese, &f),
        )
    }

    #[test]
    fn when_something_was_done_reads_as_a_person_says_it() {
        let today = d("2026-11-28");
        let done = |s: &str, h, m| both(|| done_at_label(at(s, h, m), today));
        assert_eq!(done("2026-11-28", 14, 32), ("14:32".into(), "14:32".into()));
        assert_eq!(
            done("2026-11-27", 17, 5),
            ("yesterday 17:05".into(), "昨天 17:05".into())
        );
        assert_eq!(
            done("2026-11-20", 9, 0),
            ("2026-11-20 09:00".into(), "2026-11-20 09:00".into())
        );
    }

    #[test]
    fn a_date_not_read_says_what_would_be_in_both_languages() {
        let e =
            crate::book::dates::parse_date("next blursday\u{202E}", d("2026-11-28")).unwrap_err();
        let (en, zh) = both(|| e.to_string());
        assert!(
            en.starts_with("can't read \"next blursday\\u{202e}\" as a date"),
            "{en}"
        );
        assert!(zh.starts_with("看不懂日期“next blursday\\u{202e}”"), "{zh}");
        assert!(zh.contains("明天") && !zh.contains("tomorrow"), "{zh}");
    }

    #[test]
    fn silences_read_naturally_in_both_languages() {
        let today = d("2026-11-28");
        let cases = [
            (None, "never", "从未"),
            (Some("2026-11-28"), "today", "今天"),
            (Some("2026-11-27"), "yesterday", "昨天"),
            (Some("2026-11-25"), "3d ago", "3天前"),
            (Some("2026-10-31"), "4w ago", "4周前"),
            (Some("2026-06-01"), "6mo ago", "6个月前"),
            (Some("2023-11-01"), "3y ago", "3年前"),
        ];
        for (last, en, zh) in cases {
            let last = last.map(|s| at(s, 10, 0));
            assert_eq!(
                both(|| last_contact_label(last, today)),
                (en.into(), zh.into())
            );
        }
    }

    #[test]
    fn due_days_read_naturally_in_both_languages() {
        let today = d("2026-11-28");
        let cases = [
            (None, "", ""),
            (Some("2026-11-26"), "2d overdue", "逾期2天"),
            (Some("2026-11-28"), "today", "今天"),
            (Some("2026-11-29"), "tomorrow", "明天"),
            (Some("2026-12-02"), "in 4d", "4天后"),
            (Some("2026-12-24"), "12-24", "12-24"),
            (Some("2027-01-05"), "2027-01-05", "2027-01-05"),
        ];
        for (due, en, zh) in cases {
            let due = due.map(d);
            assert_eq!(both(|| due_label(due, today)), (en.into(), zh.into()));
        }
    }

    #[test]
    fn times_of_day_join_the_day_in_both_languages() {
        let three = NaiveTime::from_hms_opt(15, 0, 0);
        let day = d("2026-11-28");
        let label = |due, now| both(|| due_label_at(due, three, now));
        let pair = |en: &str, zh: &str| (en.to_string(), zh.to_string());
        assert_eq!(
            label(day, at("2026-11-28", 14, 0)),
            pair("today 15:00", "今天 15:00")
        );
        assert_eq!(
            label(day, at("2026-11-28", 15, 1)),
            pair("overdue 15:00", "逾期 15:00")
        );
        assert_eq!(
            label(d("2026-11-29"), at("2026-11-28", 15, 1)),
            pair("tomorrow 15:00", "明天 15:00")
        );
        assert_eq!(
            label(d("2026-11-25"), at("2026-11-28", 9, 0)),
            pair("3d overdue", "逾期3天")
        );
    }

    #[test]
    fn weekdays_and_months_in_both_languages() {
        let monday = d("2026-11-30");
        assert_eq!(
            both(|| weekday_and_day(monday)),
            ("Mon 11-30".into(), "周一 11-30".into())
        );
        assert_eq!(
            both(|| weekday_and_date(monday)),
            ("Mon 2026-11-30".into(), "周一 2026-11-30".into())
        );
        let week: Vec<(String, String)> = (0..7)
            .map(|i| both(|| weekday(monday + chrono::Days::new(i))))
            .collect();
        let zh: Vec<&str> = week.iter().map(|(_, zh)| zh.as_str()).collect();
        assert_eq!(zh, ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]);
        assert_eq!(week[6].0, "Sun");
        assert_eq!(
            both(|| month(d("2026-01-15"))),
            ("Jan".into(), "1月".into())
        );
        assert_eq!(
            both(|| month(d("2026-12-15"))),
            ("Dec".into(), "12月".into())
        );
        assert_eq!(
            both(|| month_and_year(d("2026-09-01"))),
            ("Sep 2026".into(), "2026年9月".into())
        );
    }
}
