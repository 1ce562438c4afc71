use super::columns::{CHANNEL, DEAL_STAGE, KIND, SEVERITY, STAGE, STATUS, TIER};
use super::*;
use crate::book::complaints::{ComplaintStatus, Severity};
use crate::book::deals::DealStage;
use crate::book::model::{Channel, CustomerId, CustomerKind, Stage, Tier};

#[test]
fn one_line_fields_refuse_controls_bidi_and_length() {
    for hostile in [
        "张\x1b]52;c;aGVsbG8=\x07伟",
        "Bob\u{9b}31m",
        "a\0b",
        "发票\u{202e}fdp.exe",
        "x\u{2066}y",
        "two\nlines",
    ] {
        assert!(text(hostile, Shape::Line).is_err(), "{hostile:?}");
        assert!(text(hostile, Shape::Name).is_err(), "{hostile:?}");
    }
    assert!(text("a\nb\tc", Shape::Text).is_ok());
    assert!(text("a\x1bb", Shape::Text).is_err());
    assert!(text("👨‍👩‍👧‍👦 刘家", Shape::Name).is_ok());
    assert!(text(&"名".repeat(NAME_LIMIT), Shape::Name).is_ok());
    let long = text(&"名".repeat(NAME_LIMIT + 1), Shape::Name).unwrap_err();
    let too_long = Refusal::TooLong {
        length: 201,
        limit: 200,
    };
    assert_eq!(long, too_long);
    let bell = Refusal::Holds {
        c: '\x07',
        control: Control::Terminal,
    };
    assert_eq!(text("a\x07", Shape::Line), Err(bell));
    let rlo = text("发票\u{202e}fdp.exe", Shape::Text).unwrap_err();
    assert!(matches!(
        rlo,
        Refusal::Holds {
            control: Control::Bidi,
            ..
        }
    ));
    let line = text("two\nlines", Shape::Line).unwrap_err();
    assert!(matches!(
        line,
        Refusal::Holds {
            control: Control::LineBreak,
            ..
        }
    ));
    assert!(text(&"x".repeat(LINE_LIMIT + 1), Shape::Line).is_err());
    assert!(text(&"x".repeat(TEXT_LIMIT + 1), Shape::Text).is_err());
}

#[test]
fn a_name_needs_a_visible_character() {
    assert_eq!(text("", Shape::Name), Err(Refusal::Empty));
    for blank in ["\u{200B}", " \u{200B}\u{3000}", "\u{FEFF}\u{2060}"] {
        assert_eq!(text(blank, Shape::Name), Err(Refusal::Invisible));
    }
    assert!(text("\u{200B}", Shape::Line).is_ok());
}

#[test]
fn columns_read_as_the_readers_read() {
    let bad = [
        ("interaction", "at", Stored::Text("not a date")),
        ("follow_up", "due_on", Stored::Text("garbage")),
        ("follow_up", "due_time", Stored::Text("25:99")),
        ("customer", "cadence_days", Stored::Real(1e12)),
        ("customer", "cadence_days", Stored::Int(1_000_000_000_000)),
        ("deal", "closed_on", Stored::Text("2026-02-30")),
        ("deal", "amount", Stored::Int(-1)),
        ("deal", "amount", Stored::Int(i64::MAX)),
        ("deal", "stage", Stored::Text("maybe")),
        ("customer", "birthday", Stored::Text("1985-13-01")),
        ("customer", "name", Stored::Text("\u{200B}")),
        ("customer", "city", Stored::Text("\x1b[2J")),
        ("interaction", "at", Stored::Text("+99999-01-01T00:00:00")),
        ("follow_up", "due_on", Stored::Text("0001-01-01")),
        ("customer", "city", Stored::Int(5)),
        ("customer", "notes", Stored::Int(5)),
        ("interaction", "summary", Stored::Blob),
    ];
    for (table, col, value) in bad {
        assert!(
            column(table, col, value).is_err(),
            "{table}.{col} {value:?}"
        );
    }
    let good = [
        ("interaction", "at", Stored::Text("2026-01-05T09:00:00")),
        ("interaction", "at", Stored::Text("2026-01-05T09:00")),
        ("follow_up", "due_time", Stored::Text("23:59")),
        ("follow_up", "due_time", Stored::Null),
        ("customer", "birthday", Stored::Text("--04-15")),
        ("customer", "cadence_days", Stored::Int(30)),
        ("deal", "amount", Stored::Int(1_280_000)),
        ("complaint", "status", Stored::Text("in_progress")),
        ("some_new_table", "anything", Stored::Int(7)),
    ];
    for (table, col, value) in good {
        assert!(column(table, col, value).is_ok(), "{table}.{col} {value:?}");
    }
    let why = column("follow_up", "due_time", Stored::Text("25:99")).unwrap_err();
    let unreadable = Refusal::Unreadable {
        value: "\"25:99\"".into(),
        reading: Reading::Time,
    };
    assert_eq!(why, unreadable);
}

#[test]
fn column_words_are_the_vocabularies() {
    fn words<T: Copy>(all: &[T], f: fn(T) -> &'static str) -> Vec<&'static str> {
        all.iter().map(|v| f(*v)).collect()
    }
    assert_eq!(CHANNEL, words(Channel::ALL, Channel::as_str));
    assert_eq!(KIND, words(CustomerKind::ALL, CustomerKind::as_str));
    assert_eq!(TIER, words(Tier::ALL, Tier::as_str));
    assert_eq!(STAGE, words(Stage::ALL, Stage::as_str));
    assert_eq!(DEAL_STAGE, words(DealStage::ALL, DealStage::as_str));
    assert_eq!(SEVERITY, words(Severity::ALL, Severity::as_str));
    assert_eq!(STATUS, words(ComplaintStatus::ALL, ComplaintStatus::as_str));
}

#[test]
fn drafts_name_the_bad_field() {
    let d = CustomerDraft {
        name: "星河".into(),
        city: "上海\u{202e}".into(),
        cadence_days: Some(100_000),
        ..Default::default()
    };
    let fields: Vec<&str> = customer(&d).unwrap_err().iter().map(|p| p.0).collect();
    assert_eq!(fields, ["city", "cadence_days"]);
    let at = NaiveDate::from_ymd_opt(2026, 1, 5)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    let log = InteractionDraft {
        customer_id: CustomerId(1),
        contact_id: None,
        at,
        channel: crate::book::model::Channel::Call,
        summary: "x".repeat(TEXT_LIMIT + 1),
        outcome: None,
    };
    assert_eq!(interaction(&log).unwrap_err()[0].0, "summary");
}

proptest::proptest! {
    /// The book's dates as fieldbook writes them are read without chrono's format parser: the
    /// same answer as the parser for every spelling, impossible days and odd ones included.
    #[test]
    fn stored_dates_read_as_the_parser_reads_them(
        y in 0u32..10000, m in 0u32..14, d in 0u32..33,
        h in 0u32..26, mi in 0u32..62, s in 0u32..62,
        odd in "[0-9T:+ -]{0,20}",
    ) {
        use chrono::{NaiveDate, NaiveDateTime};
        let day = format!("{y:04}-{m:02}-{d:02}");
        let at = format!("{day}T{h:02}:{mi:02}:{s:02}");
        for text in [&day, &odd] {
            proptest::prop_assert_eq!(
                stored::date(text),
                NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
            );
        }
        for text in [&at, &odd] {
            let parser = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S")
                .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M"))
                .ok();
            proptest::prop_assert_eq!(stored::datetime(text), parser);
        }
    }
}
