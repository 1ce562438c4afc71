use super::*;
use proptest::prelude::*;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// "2026-12-01" or "2026-12-01 14:30".
fn when(s: &str) -> When {
    match s.split_once(' ') {
        Some((d, t)) => When {
            date: day(d),
            time: Some(NaiveTime::parse_from_str(t, "%H:%M").unwrap()),
        },
        None => When {
            date: day(s),
            time: None,
        },
    }
}

const SAT: &str = "2026-11-28"; // the fixed today: a Saturday; this week is Nov 23-29
const FRI: &str = "2026-11-27";
const SUN: &str = "2026-11-29";

#[test]
fn accepted_phrases() {
    let table: &[(&str, &str, &str)] = &[
        // named days
        (SAT, "today", "2026-11-28"),
        (SAT, "tod", "2026-11-28"),
        (SAT, "tomorrow", "2026-11-29"),
        (SAT, "tmr", "2026-11-29"),
        (SAT, "tmrw", "2026-11-29"),
        (SAT, "yesterday", "2026-11-27"),
        // calendar dates and month-day (today's year, even when past)
        (SAT, "2026-12-01", "2026-12-01"),
        (SAT, "2026/12/01", "2026-12-01"),
        (SAT, "2026.12.01", "2026-12-01"),
        (SAT, "20261201", "2026-12-01"),
        (SAT, "2024-02-29", "2024-02-29"),
        (SAT, "12-01", "2026-12-01"),
        (SAT, "12/01", "2026-12-01"),
        (SAT, "12.01", "2026-12-01"),
        (SAT, "12-01-2026", "2026-12-01"),
        (SAT, "12/01/2027", "2027-12-01"),
        (SAT, "01-15", "2026-01-15"),
        (SAT, "1/5", "2026-01-05"),
        // offsets
        (SAT, "+3d", "2026-12-01"),
        (SAT, "3d", "2026-12-01"),
        (SAT, "+2w", "2026-12-12"),
        (SAT, "2w", "2026-12-12"),
        (SAT, "+1m", "2026-12-28"),
        (SAT, "+1y", "2027-11-28"),
        (SAT, "-2d", "2026-11-26"),
        (SAT, "+3 days", "2026-12-01"),
        (SAT, "in 3 days", "2026-12-01"),
        (SAT, "in 2 weeks", "2026-12-12"),
        (SAT, "in 1 month", "2026-12-28"),
        (SAT, "in a week", "2026-12-05"),
        (SAT, "+100y", "2126-11-28"),
        ("2026-01-31", "+1m", "2026-02-28"),
        ("2028-01-31", "+1m", "2028-02-29"),
        ("2028-01-31", "in 1 month", "2028-02-29"),
        ("2028-02-29", "+1y", "2029-02-28"),
        ("2026-03-31", "-1m", "2026-02-28"),
        ("2026-10-31", "+1m", "2026-11-30"),
        // weekdays from a Saturday
        (SAT, "fri", "2026-12-04"),
        (SAT, "sat", "2026-12-05"),
        (SAT, "sun", "2026-11-29"),
        (SAT, "mon", "2026-11-30"),
        (SAT, "monday", "2026-11-30"),
        (SAT, "tues", "2026-12-01"),
        (SAT, "wednesday", "2026-12-02"),
        (SAT, "thur", "2026-12-03"),
        (SAT, "thurs", "2026-12-03"),
        (SAT, "this fri", "2026-11-27"),
        (SAT, "this sat", "2026-11-28"),
        (SAT, "this mon", "2026-11-23"),
        (SAT, "next fri", "2026-12-04"),
        (SAT, "next mon", "2026-11-30"),
        (SAT, "next sun", "2026-12-06"),
        // from a Friday
        (FRI, "fri", "2026-12-04"),
        (FRI, "this fri", "2026-11-27"),
        (FRI, "next fri", "2026-12-04"),
        (FRI, "sat", "2026-11-28"),
        (FRI, "mon", "2026-11-30"),
        (FRI, "周五", "2026-12-04"),
        (FRI, "这周五", "2026-11-27"),
        (FRI, "周末", "2026-11-28"),
        (FRI, "eow", "2026-11-29"),
        // from a Sunday: the week is still Nov 23-29
        (SUN, "sun", "2026-12-06"),
        (SUN, "this sun", "2026-11-29"),
        (SUN, "this mon", "2026-11-23"),
        (SUN, "mon", "2026-11-30"),
        (SUN, "next mon", "2026-11-30"),
        (SUN, "next week", "2026-11-30"),
        (SUN, "end of week", "2026-11-29"),
        (SUN, "周末", "2026-12-05"),
        (SUN, "这周末", "2026-11-28"),
        (SUN, "下周末", "2026-12-05"),
        // weeks and months
        (SAT, "next week", "2026-11-30"),
        (SAT, "next month", "2026-12-01"),
        (SAT, "end of month", "2026-11-30"),
        (SAT, "eom", "2026-11-30"),
        (SAT, "end of week", "2026-11-29"),
        (SAT, "eow", "2026-11-29"),
        ("2026-12-15", "next month", "2027-01-01"),
        ("2028-02-10", "eom", "2028-02-29"),
        // times
        (SAT, "14:30", "2026-11-28 14:30"),
        (SAT, "9:00", "2026-11-28 09:00"),
        (SAT, "09:05", "2026-11-28 09:05"),
        (SAT, "2pm", "2026-11-28 14:00"),
        (SAT, "2 pm", "2026-11-28 14:00"),
        (SAT, "2:30pm", "2026-11-28 14:30"),
        (SAT, "11am", "2026-11-28 11:00"),
        (SAT, "12am", "2026-11-28 00:00"),
        (SAT, "12pm", "2026-11-28 12:00"),
        (SAT, "at 14:30", "2026-11-28 14:30"),
        (SAT, "tomorrow 9:00", "2026-11-29 09:00"),
        (SAT, "tomorrow at 9am", "2026-11-29 09:00"),
        (SAT, "fri 2pm", "2026-12-04 14:00"),
        (SAT, "next mon 10:15", "2026-11-30 10:15"),
        (SAT, "+3d 8am", "2026-12-01 08:00"),
        (SAT, "2026-12-01 14:30", "2026-12-01 14:30"),
        (SAT, "2026-12-01T14:30", "2026-12-01 14:30"),
        (SAT, "12-01 14:30", "2026-12-01 14:30"),
        // case and whitespace
        (SAT, "  Next   MON ", "2026-11-30"),
        (SAT, "TOMORROW 2PM", "2026-11-29 14:00"),
        (SAT, "End Of\tMonth", "2026-11-30"),
        // Chinese named days
        (SAT, "今天", "2026-11-28"),
        (SAT, "明天", "2026-11-29"),
        (SAT, "后天", "2026-11-30"),
        (SAT, "大后天", "2026-12-01"),
        (SAT, "昨天", "2026-11-27"),
        (SAT, "前天", "2026-11-26"),
        // Chinese weekdays
        (SAT, "周一", "2026-11-30"),
        (SAT, "周六", "2026-12-05"),
        (SAT, "周日", "2026-11-29"),
        (SAT, "周天", "2026-11-29"),
        (SAT, "星期五", "2026-12-04"),
        (SAT, "星期日", "2026-11-29"),
        (SAT, "星期天", "2026-11-29"),
        (SAT, "礼拜一", "2026-11-30"),
        (SAT, "礼拜天", "2026-11-29"),
        (SAT, "这周五", "2026-11-27"),
        (SAT, "本周五", "2026-11-27"),
        (SAT, "下周一", "2026-11-30"),
        (SAT, "下星期一", "2026-11-30"),
        (SAT, "下周五", "2026-12-04"),
        (SAT, "下个星期五", "2026-12-04"),
        (SAT, "下周", "2026-11-30"),
        (SAT, "周末", "2026-11-28"),
        // Chinese offsets and numerals
        (SAT, "3天后", "2026-12-01"),
        (SAT, "三天后", "2026-12-01"),
        (SAT, "两周后", "2026-12-12"),
        (SAT, "2周后", "2026-12-12"),
        (SAT, "1个月后", "2026-12-28"),
        (SAT, "一个月后", "2026-12-28"),
        (SAT, "两个月后", "2027-01-28"),
        (SAT, "3个星期后", "2026-12-19"),
        (SAT, "十天后", "2026-12-08"),
        (SAT, "十一天后", "2026-12-09"),
        (SAT, "二十天后", "2026-12-18"),
        (SAT, "三十五天后", "2027-01-02"),
        (SAT, "九十九天后", "2027-03-07"),
        (SAT, "一年后", "2027-11-28"),
        (SAT, "两天前", "2026-11-26"),
        // Chinese months and calendar dates
        (SAT, "下个月", "2026-12-01"),
        (SAT, "下月", "2026-12-01"),
        (SAT, "月底", "2026-11-30"),
        (SAT, "12月1日", "2026-12-01"),
        (SAT, "12月1号", "2026-12-01"),
        (SAT, "十二月一日", "2026-12-01"),
        (SAT, "2026年12月1日", "2026-12-01"),
        (SAT, "2027年1月15号", "2027-01-15"),
        // Chinese times
        (SAT, "明天下午3点", "2026-11-29 15:00"),
        (SAT, "明天上午10点", "2026-11-29 10:00"),
        (SAT, "明天15:00", "2026-11-29 15:00"),
        (SAT, "明天 15:00", "2026-11-29 15:00"),
        (SAT, "明天１５：００", "2026-11-29 15:00"),
        (SAT, "下午3点半", "2026-11-28 15:30"),
        (SAT, "晚上8点", "2026-11-28 20:00"),
        (SAT, "中午12点", "2026-11-28 12:00"),
        (SAT, "3点15分", "2026-11-28 03:15"),
        (SAT, "下午两点", "2026-11-28 14:00"),
        (SAT, "下周一上午9点", "2026-11-30 09:00"),
        (SAT, "12月1日下午3:30", "2026-12-01 15:30"),
    ];
    let mut failures = Vec::new();
    for &(today, input, expected) in table {
        let got = parse_when(input, day(today));
        if got != Ok(when(expected)) {
            failures.push(format!(
                "{input:?} on {today}: got {got:?}, want {expected}"
            ));
        }
        // parse_date agrees on every date-only phrase and refuses the rest.
        let want_date = when(expected);
        let date = parse_date(input, day(today));
        if want_date.time.is_none() != date.is_ok() {
            failures.push(format!("parse_date({input:?}) on {today}: got {date:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn rejected_phrases() {
    let table = [
        "",
        "   ",
        "flurb",
        "32-01",
        "13-01",
        "2026-02-30",
        "2026-13-01",
        "2025-02-29",
        "02-29", // 2026 is not a leap year
        "12-01-20261",
        "2026-1201",
        "2026-12",
        "1201",
        "2026-12-01T",
        "fri fri",
        "tomorrow tomorrow",
        "+3x",
        "+-3d",
        "+3.5d",
        "9",
        "at 9",
        "at",
        "tomorrow at",
        "tomorrow 9",
        "tomorrow9:00",
        "+100000d",
        "+101y",
        "+1201m",
        "99999999999999999999999d",
        "25:00",
        "12:60",
        "9:5",
        "14:30:",
        "13pm",
        "0am",
        "next",
        "this",
        "in",
        "in 3",
        "in days",
        "next week fri",
        "end of",
        "14:30 tomorrow",
        "明天明天",
        "下午",
        "下午3",
        "三十天",
        "12月32日",
        "2月30日",
        "晚上12点",
        "下午3pm",
        "二十五点",
        "零十天后",
        "周八",
        "这周",
    ];
    let today = day(SAT);
    for input in table {
        assert!(
            parse_when(input, today).is_err(),
            "{input:?} should be rejected, got {:?}",
            parse_when(input, today)
        );
    }
}

#[test]
fn date_order_decides_short_numeric_dates_only() {
    let today = day(SAT);
    let md = |t: &str| parse_date_in(t, today, DateOrder::MonthDay).map(format_date);
    let dm = |t: &str| parse_date_in(t, today, DateOrder::DayMonth).map(format_date);
    assert_eq!(md("12/01").unwrap(), "2026-12-01");
    assert_eq!(dm("12/01").unwrap(), "2026-01-12");
    assert_eq!(md("12/01/2027").unwrap(), "2027-12-01");
    assert_eq!(dm("01.12.2027").unwrap(), "2027-12-01");
    assert_eq!(dm("1-12").unwrap(), "2026-12-01");
    assert!(
        dm("12/31").is_err(),
        "no 12th month day 31 read day first: month 31"
    );
    assert!(md("31/12").is_err());
    for unambiguous in ["2026-12-01", "12月1日", "20261201"] {
        assert_eq!(md(unambiguous), dm(unambiguous), "{unambiguous}");
    }
    assert_eq!(
        parse_datetime_in(
            "01/11 14:30",
            today.and_hms_opt(9, 0, 0).unwrap(),
            DateOrder::DayMonth
        )
        .unwrap()
        .to_string(),
        "2026-11-01 14:30:00"
    );
}

#[test]
fn date_only_refuses_times() {
    let today = day(SAT);
    assert!(parse_date("tomorrow 9:00", today).is_err());
    assert!(parse_date("14:30", today).is_err());
    assert!(parse_date("明天下午3点", today).is_err());
    assert_eq!(parse_date("tomorrow", today), Ok(day("2026-11-29")));
}

#[test]
fn datetime_defaults() {
    let now = day(SAT).and_hms_opt(16, 45, 10).unwrap();
    let at = |d: &str, h, m| day(d).and_hms_opt(h, m, 0).unwrap();
    assert_eq!(parse_datetime("", now), Ok(now));
    assert_eq!(parse_datetime("  ", now), Ok(now));
    assert_eq!(parse_datetime("14:30", now), Ok(at(SAT, 14, 30)));
    assert_eq!(parse_datetime("tomorrow", now), Ok(at("2026-11-29", 9, 0)));
    assert_eq!(parse_datetime("fri 2pm", now), Ok(at("2026-12-04", 14, 0)));
    assert_eq!(
        parse_datetime("14:30:15", now),
        Ok(day(SAT).and_hms_opt(14, 30, 15).unwrap())
    );
    assert!(parse_datetime("flurb", now).is_err());
}

#[test]
fn format_is_iso() {
    assert_eq!(format_date(day("2026-12-01")), "2026-12-01");
    assert_eq!(format_date(day("0987-01-02")), "0987-01-02");
}

#[test]
fn error_message_lists_forms_and_escapes_controls() {
    let err = parse_date("flurb", day(SAT)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "can't read \"flurb\" as a date: try 2026-12-01, 12-01, today, tomorrow, +3d, +2w, \
         fri, next mon, 明天, 下周一"
    );
    let err = parse_date("\x1b[2J", day(SAT)).unwrap_err();
    assert_eq!(err.input, "\x1b[2J");
    let msg = err.to_string();
    assert!(!msg.contains('\x1b'), "{msg:?}");
    assert!(
        msg.starts_with("can't read \"\\u{1b}[2J\" as a date"),
        "{msg:?}"
    );
    let hostile = "a\u{202E}b\u{2066}c\u{200F}d\u{061C}e\rf\ng\u{7f}h\u{2028}i";
    let msg = parse_date(hostile, day(SAT)).unwrap_err().to_string();
    assert!(!msg.chars().any(is_unsafe_for_terminal), "{msg:?}");
    assert!(!msg.contains('\n'));
    assert!(msg.contains("\\u{202e}"), "{msg:?}");
}

/// Words and whole phrases of the grammar, so the generated inputs often come close to
/// (and sometimes are) valid phrases instead of only being noise.
const VOCAB: &[&str] = &[
    "today",
    "tomorrow",
    "yesterday",
    "next",
    "this",
    "in",
    "a",
    "at",
    "end",
    "of",
    "week",
    "month",
    "eom",
    "eow",
    "mon",
    "fri",
    "sun",
    "d",
    "w",
    "m",
    "y",
    "days",
    "am",
    "pm",
    "t",
    "+",
    "-",
    "/",
    ".",
    ":",
    "0",
    "3",
    "9",
    "12",
    "30",
    "01",
    "2026",
    "20261201",
    "99999999999999999999",
    "今天",
    "明天",
    "大后天",
    "后",
    "前",
    "天",
    "下",
    "这",
    "周",
    "星期",
    "礼拜",
    "末",
    "一",
    "五",
    "十",
    "两",
    "零",
    "个",
    "月",
    "日",
    "号",
    "年",
    "底",
    "点",
    "半",
    "分",
    "上午",
    "下午",
    "晚上",
    "中午",
    "１",
    "：",
    "\u{202E}",
    "\u{0}",
    "next mon",
    "in 3 days",
    "+3d",
    "-1m",
    "+100y",
    "12-01",
    "2026-12-01",
    "02-29",
    "14:30",
    "2:30pm",
    "12am",
    "下周一",
    "3天后",
    "12月1日",
    "下午3点半",
    "2026年",
];

fn phrase_from_vocab() -> impl Strategy<Value = String> {
    let piece = (
        prop::sample::select(VOCAB),
        prop::sample::select(&["", " ", "  "][..]),
    );
    prop::collection::vec(piece, 0..6).prop_map(|pieces| {
        pieces
            .into_iter()
            .flat_map(|(word, sep)| [word, sep])
            .collect()
    })
}

fn any_input() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "\\PC{0,12}", phrase_from_vocab()]
}

fn any_today() -> impl Strategy<Value = NaiveDate> {
    // Years 1 to 9999, with extra weight on the first and last century, where offsets
    // run past the years that `format_date` can write.
    prop_oneof![1i32..=3_652_059, 1i32..=36_600, 3_615_500i32..=3_652_059]
        .prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn never_panics_and_dates_round_trip(input in any_input(), today in any_today()) {
        let _ = parse_when(&input, today);
        let _ = parse_datetime(&input, today.and_hms_opt(12, 0, 0).unwrap());
        if let Ok(date) = parse_date(&input, today) {
            prop_assert_eq!(parse_date(&format_date(date), today), Ok(date));
        }
    }

    #[test]
    fn vocabulary_phrases_round_trip_on_fixed_today(input in phrase_from_vocab()) {
        let today = day(SAT);
        let _ = parse_datetime(&input, today.and_hms_opt(8, 0, 0).unwrap());
        if let Ok(date) = parse_date(&input, today) {
            prop_assert_eq!(parse_date(&format_date(date), today), Ok(date));
        }
    }
}

#[test]
fn yearless_dates_lean_ahead_for_what_is_to_come_and_behind_for_what_happened() {
    let order = DateOrder::MonthDay;
    let ahead = |today: &str, typed: &str| parse_ahead_in(typed, day(today), order).unwrap();
    let behind = |today: &str, typed: &str| {
        parse_datetime_in(typed, day(today).and_hms_opt(10, 0, 0).unwrap(), order)
            .unwrap()
            .date()
    };
    // December: early January is next year's ahead and this year's behind.
    for typed in ["01-05", "1/5", "1月5日", "一月五号"] {
        assert_eq!(ahead("2026-12-07", typed), day("2027-01-05"), "{typed}");
        assert_eq!(behind("2026-12-07", typed), day("2026-01-05"), "{typed}");
    }
    // Today is today both ways; later this month stays this year ahead.
    assert_eq!(ahead("2026-12-07", "12-07"), day("2026-12-07"));
    assert_eq!(behind("2026-12-07", "12-07"), day("2026-12-07"));
    assert_eq!(ahead("2026-12-07", "12月31日"), day("2026-12-31"));
    assert_eq!(behind("2026-12-07", "12-31"), day("2025-12-31"));
    // Just past the new year: late December is last year's behind and this year's ahead.
    assert_eq!(behind("2027-01-02", "12-30"), day("2026-12-30"));
    assert_eq!(ahead("2027-01-02", "12-30"), day("2027-12-30"));
    assert_eq!(ahead("2027-01-02", "1-2"), day("2027-01-02"));
    // Feb 29 finds the leap year in reach.
    assert_eq!(ahead("2026-12-07", "02-29"), day("2028-02-29"));
    assert_eq!(behind("2026-12-07", "02-29"), day("2024-02-29"));
    // A year typed is a year kept, and day-first books lean the same way.
    assert_eq!(ahead("2026-12-07", "01-05-2026"), day("2026-01-05"));
    assert_eq!(
        parse_ahead_in("05/01", day("2026-12-07"), DateOrder::DayMonth).unwrap(),
        day("2027-01-05")
    );
    // Elsewhere (a deal's date) the year is still today's.
    assert_eq!(
        parse_date_in("01-05", day("2026-12-07"), order).unwrap(),
        day("2026-01-05")
    );
    assert!(parse_ahead_in("13-40", day("2026-12-07"), order).is_err());
}
