//! Export then import: JSON gives back the very same book (every table, ids, time stamps,
//! roll-ups); CSV and vCard give back every customer and person field; the calendar is valid
//! RFC 5545 with stable UIDs.

use chrono::{NaiveDate, NaiveTime};
use fieldbook::book::ids::CustomerId;
use fieldbook::book::model::{
    Birthday, Channel, ContactDraft, CustomerDraft, CustomerKind, FollowUpDraft, InteractionDraft,
    Stage, Tier,
};
use fieldbook::book::recurrence::{Basis, Recurrence, Unit};
use fieldbook::demo::{self, DemoSize};
use fieldbook::interop::{self, Duplicates, Format, ReadOptions};
use fieldbook::repository::Repository;

use super::helpers::*;

fn json_of(repo: &Repository) -> String {
    interop::json::write(
        &repo.book_tables().unwrap(),
        repo.schema_version().unwrap(),
        crate::common::now(),
    )
}

fn read_text(text: &str, format: Format) -> interop::Batch {
    let options = ReadOptions {
        format: Some(format),
        ..ReadOptions::default()
    };
    interop::read_bytes(text.as_bytes(), "export", &options).unwrap()
}

fn json_round_trip(original: &Repository) {
    let text = json_of(original);
    let batch = read_text(&text, Format::Json);
    assert!(batch.notices.is_empty(), "{:?}", batch.notices);
    let mut copy = book();
    import(&mut copy, &batch, Duplicates::Skip);
    assert_eq!(tables(&copy), tables(original));
    assert_eq!(json_of(&copy), text, "and it exports the same file");
    for duplicates in [Duplicates::Skip, Duplicates::Merge] {
        let again = import(&mut copy, &batch, duplicates);
        assert!(again.changes_nothing(), "{duplicates:?}: {again:?}");
        assert_eq!(tables(&copy), tables(original), "{duplicates:?}");
    }
}

#[test]
fn json_gives_back_the_same_book() {
    // The sample book's hostile customer was written past the gate; its export is refused
    // (the next test), so the round trip keeps the other four.
    let (mut original, sample) = crate::common::sample_book();
    original.set_archived(sample.quiet, true).unwrap();
    let monthly = FollowUpDraft {
        customer_id: sample.northwind,
        due_on: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        due_time: NaiveTime::from_hms_opt(9, 30, 0),
        task: "Monthly report".into(),
        repeat: Some(Recurrence {
            every: 1,
            unit: Unit::Month,
            basis: Basis::Schedule,
        }),
    };
    let id = original.add_follow_up(&monthly).unwrap();
    original
        .complete_follow_up(id, crate::common::today())
        .unwrap();
    // Tables keyed without an integer id, one referring to a follow-up.
    let today = crate::common::today();
    original
        .record_greeting(sample.xinghe, "spring_festival", 2026, today)
        .unwrap();
    let care = FollowUpDraft {
        customer_id: sample.zhangwei,
        due_on: NaiveDate::from_ymd_opt(2027, 4, 15).unwrap(),
        due_time: None,
        task: "Birthday: 王芳".into(),
        repeat: None,
    };
    let on = care.due_on;
    original
        .create_care_reminders(&[(sample.zhangwei, String::new(), on, care)])
        .unwrap();
    let text = json_of(&original);
    let batch = read_text(&text, Format::Json);
    let mut copy = book();
    import(&mut copy, &batch, Duplicates::Skip);
    let mut theirs = tables(&original);
    for t in &mut theirs {
        let refers_to_hostile = |row: &Vec<fieldbook::interop::json::Sql>| {
            t.columns.iter().zip(row).any(|(c, v)| {
                (c == "customer_id" || (t.name == "customer" && c == "id"))
                    && *v == fieldbook::interop::json::Sql::Integer(sample.hostile.get())
            })
        };
        let kept: Vec<_> = t
            .rows
            .iter()
            .filter(|r| !refers_to_hostile(r))
            .cloned()
            .collect();
        t.rows = kept;
    }
    assert_eq!(tables(&copy), theirs);
    for duplicates in [Duplicates::Skip, Duplicates::Merge] {
        let again = import(&mut copy, &batch, duplicates);
        assert!(again.changes_nothing(), "{duplicates:?}: {again:?}");
    }
}

#[test]
fn json_with_hostile_text_is_refused_by_record_and_field() {
    let (original, sample) = crate::common::sample_book();
    let batch = read_text(&json_of(&original), Format::Json);
    let mut bad: Vec<String> = batch
        .bad()
        .map(fieldbook::services::import_words::notice)
        .collect();
    bad.sort();
    let hostile = format!("customer #{}", sample.hostile);
    assert!(
        bad.iter()
            .any(|b| b.starts_with(&format!("{hostile}, name: holds \\u{{1b}}"))),
        "{bad:?}"
    );
    assert!(
        bad.iter()
            .any(|b| b.starts_with(&format!("{hostile}, city:"))),
        "{bad:?}"
    );
    assert!(
        bad.iter().any(|b| b.contains(", summary: holds")),
        "{bad:?}"
    );
    assert!(bad.iter().any(|b| b.contains(", task: holds")), "{bad:?}");
    let mut copy = book();
    let refused = copy.import(
        &batch,
        &interop::ImportPolicy::default(),
        interop::Commit::Yes,
        &mut |_, _| {},
    );
    assert!(refused.is_err());
    assert_eq!(copy.customer_count().unwrap(), 0, "nothing written");
}

#[test]
fn json_gives_back_a_generated_book_with_every_table() {
    let mut original = book();
    demo::generate(
        &mut original,
        DemoSize::with_customers(40),
        crate::common::now(),
    )
    .unwrap();
    let tables = original.book_tables().unwrap();
    let rows = |name: &str| {
        tables
            .iter()
            .find(|t| t.name == name)
            .map_or(0, |t| t.rows.len())
    };
    assert!(rows("customer") == 40 && rows("interaction") > 0 && rows("follow_up") > 0);
    assert!(rows("deal") > 0, "deals travel too");
    json_round_trip(&original);
}

#[test]
fn json_into_a_book_that_has_some_of_it_adds_only_the_rest() {
    let (original, sample) = crate::common::sample_book();
    let batch = read_text(&json_of(&original), Format::Json);
    let mut other = book();
    other
        .add_customer(&CustomerDraft {
            name: "Northwind Pacific Trading Ltd.".into(),
            city: "Hong Kong".into(),
            ..Default::default()
        })
        .unwrap();
    let log = InteractionDraft {
        customer_id: CustomerId(1),
        contact_id: None,
        at: "2026-01-02T10:00:00".parse().unwrap(),
        channel: Channel::Call,
        summary: "our own call".into(),
        outcome: None,
    };
    other.log_interaction(&log, None).unwrap();
    let report = import(&mut other, &batch, Duplicates::Merge);
    // The hostile customer (written past the gate) is left out as bad: 3, not 4.
    assert_eq!(report.customers.created, 3);
    assert_eq!(report.customers.merged, 1);
    let book = other.export_rows().unwrap();
    assert_eq!(
        book.customers.len(),
        4,
        "Northwind once, the hostile one left out"
    );
    let northwind_calls = book
        .interactions
        .iter()
        .filter(|i| i.draft.customer_id == CustomerId(1))
        .count();
    let theirs = original.history(sample.northwind, 100, 0).unwrap().len();
    assert_eq!(northwind_calls, theirs + 1);
    let again = import(&mut other, &batch, Duplicates::Merge);
    assert!(again.changes_nothing(), "{again:?}");
}

/// A book with every customer and person field set, and text that tests escaping.
fn rich_book() -> Repository {
    let mut repo = book();
    let a = repo
        .add_customer(&CustomerDraft {
            name: "北京星河科技有限公司".into(),
            kind: Some(CustomerKind::Company),
            industry: "软件, ERP".into(),
            city: "北京".into(),
            address: "海淀区中关村大街27号\n中关大厦15层".into(),
            phone: "010-62345678, +86 10 6234 5600".into(),
            email: "info@xhtech.example, sales@xhtech.example".into(),
            wechat: "xinghe_tech".into(),
            website: "https://www.xhtech.example".into(),
            tags: vec!["重点客户".into(), "华北".into(), "a;b".into()],
            tier: Some(Tier::A),
            stage: Some(Stage::AtRisk),
            lead_source: "展会".into(),
            birthday: Birthday::parse("--05-20"),
            notes: "老客户; 续约\n预算约50万, 决策人是他老板 \\ 反斜杠".into(),
            cadence_days: Some(14),
        })
        .unwrap();
    repo.add_contact(
        a,
        &ContactDraft {
            name: "张伟".into(),
            title: "Director, Greater China".into(),
            phone: "+86 138 0013 8000, 010-62345678".into(),
            email: "zhangwei@xhtech.example".into(),
            wechat: "zhangwei_xh".into(),
            birthday: Birthday::parse("1985-06-20"),
            notes: "=SUM(A1) is not a formula here\n@mention -minus".into(),
        },
    )
    .unwrap();
    repo.add_contact(
        a,
        &ContactDraft {
            name: "李娟".into(),
            ..Default::default()
        },
    )
    .unwrap();
    repo.add_customer(&CustomerDraft {
        name: "=HYPERLINK(\"http://evil.example\",\"点我\")".into(),
        ..Default::default()
    })
    .unwrap();
    let c = repo
        .add_customer(&CustomerDraft {
            name: "王师傅".into(),
            kind: Some(CustomerKind::Person),
            phone: "135 0000 1111".into(),
            birthday: Birthday::parse("--02-29"),
            notes: "装修水电, 随叫随到".into(),
            ..Default::default()
        })
        .unwrap();
    repo.add_contact(
        c,
        &ContactDraft {
            name: "王师傅的徒弟".into(),
            phone: "136 0000 2222".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let gone = repo
        .add_customer(&CustomerDraft {
            name: "Archived Co".into(),
            ..Default::default()
        })
        .unwrap();
    repo.set_archived(gone, true).unwrap();
    repo
}

#[test]
fn csv_gives_back_every_customer_and_person_field() {
    let original = rich_book();
    let text = interop::export::csv(&original.export_rows().unwrap());
    assert!(text.starts_with('\u{feff}'), "a BOM, for Excel");
    assert!(text.contains("\"'=HYPERLINK("), "a formula is neutralized");
    assert!(!text.contains("Archived Co"));
    let batch = read_text(&text, Format::Csv);
    assert!(batch.notices.is_empty(), "{:?}", batch.notices);
    let mut copy = book();
    import(&mut copy, &batch, Duplicates::Skip);
    assert_eq!(customers(&copy), customers(&original));
}

#[test]
fn vcard_gives_back_every_customer_and_person_field() {
    let original = rich_book();
    let text = interop::export::vcard(&original.export_rows().unwrap());
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    assert!(text.contains("BDAY:--0229") && text.contains("VERSION:4.0"));
    let batch = read_text(&text, Format::Vcard);
    assert!(batch.notices.is_empty(), "{:?}", batch.notices);
    let mut copy = book();
    import(&mut copy, &batch, Duplicates::Skip);
    assert_eq!(customers(&copy), customers(&original));
}

#[test]
fn hostile_text_in_the_book_is_refused_by_csv_and_vcard_not_altered() {
    let (original, _) = crate::common::sample_book();
    let rows = original.export_rows().unwrap();
    for (text, format) in [
        (interop::export::csv(&rows), Format::Csv),
        (interop::export::vcard(&rows), Format::Vcard),
    ] {
        let batch = read_text(&text, format);
        assert_eq!(batch.bad_records(), 1, "{format:?}: {:?}", batch.notices);
        assert_eq!(
            batch
                .records
                .iter()
                .filter(|r| r.customer.name.contains("恶意"))
                .count(),
            0
        );
    }
}

/// The calendar's content lines, unfolded.
fn unfold(ics: &str) -> Vec<String> {
    assert!(ics.ends_with("\r\n"));
    let body = ics.strip_suffix("\r\n").unwrap();
    assert!(!body.replace("\r\n", "").contains('\n'), "bare LF");
    body.replace("\r\n ", "")
        .split("\r\n")
        .map(str::to_string)
        .collect()
}

#[test]
fn calendar_is_rfc_5545_with_stable_uids() {
    let (mut repo, sample) = crate::common::sample_book();
    repo.add_follow_up(&FollowUpDraft {
        customer_id: sample.xinghe,
        due_on: NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
        due_time: NaiveTime::from_hms_opt(14, 30, 0),
        task: "报价, 附件; 第二版\n带样品 and a long line that needs folding at seventy-five octets 北京星河".into(),
        repeat: None,
    })
    .unwrap();
    let rows = repo.export_rows().unwrap();
    let stamp = "2026-11-28T02:00:00".parse().unwrap();
    let ics = interop::ics::calendar(&rows, stamp);
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    let lines = unfold(&ics);
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
    let open: Vec<_> = rows
        .follow_ups
        .iter()
        .filter(|f| f.done_at.is_none())
        .collect();
    let events = lines.iter().filter(|l| *l == "BEGIN:VEVENT").count();
    let birthdays = lines
        .iter()
        .filter(|l| l.starts_with("UID:birthday-"))
        .count();
    assert_eq!(events, open.len() + birthdays);
    assert_eq!(birthdays, 1, "王芳's yearless birthday");
    assert!(lines.contains(&"DTSTART;VALUE=DATE:20000415".to_string()));
    assert!(lines.contains(&"RRULE:FREQ=YEARLY".to_string()));
    assert_eq!(
        lines.iter().filter(|l| *l == "BEGIN:VALARM").count(),
        open.len()
    );
    assert!(lines.contains(&"DTSTART:20261203T143000".to_string()));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("SUMMARY:报价\\, 附件\\; 第二版 · 北京星河科技有限公司"))
    );
    assert!(lines.iter().any(|l| {
        l.starts_with("DESCRIPTION:北京星河科技有限公司\\n报价\\, 附件\\; 第二版\\n带样品")
    }));
    for l in &lines {
        assert!(!l.chars().any(|c| c.is_control()), "{l:?}");
    }
    let uids = |ics: &str| -> Vec<String> {
        unfold(ics)
            .into_iter()
            .filter(|l| l.starts_with("UID:"))
            .collect()
    };
    let first = uids(&ics);
    assert_eq!(first.len(), events);
    let f = open[0];
    repo.snooze_follow_up(f.id, NaiveDate::from_ymd_opt(2027, 1, 5).unwrap())
        .unwrap();
    let later = interop::ics::calendar(&repo.export_rows().unwrap(), stamp + chrono::Days::new(1));
    let mut a = first.clone();
    let mut b = uids(&later);
    a.sort();
    b.sort();
    assert_eq!(
        a, b,
        "a snoozed follow-up keeps its UID, so the calendar moves it"
    );
    assert!(unfold(&later).contains(&"DTSTART;VALUE=DATE:20270105".to_string()));
}
