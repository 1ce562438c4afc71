use super::*;
use crate::book::complaints::{ComplaintDraft, ComplaintStatus, Severity};
use crate::book::model::CustomerDraft;
use crate::demo::{self, DemoSize};

fn now() -> NaiveDateTime {
    "2026-11-28T10:15:00".parse().unwrap()
}

fn text(repo: &Repository) -> String {
    let dash = Dashboard::load(repo, now().date(), &Config::default()).unwrap();
    let mut out = Vec::new();
    write_report(&mut out, &dash, &Style::detect()).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn every_section_is_printed_for_the_demo_book() {
    let mut repo = Repository::open_in_memory().unwrap();
    demo::generate(&mut repo, DemoSize::with_customers(120), now()).unwrap();
    let text = text(&repo);
    for heading in [
        "Contacts by channel",
        "Follow-ups done in 30 days",
        "Revenue by month (12 months: ¥",
        "Tiers, from 12-month revenue",
        "Lifecycle",
        "At risk (",
        "Going cold (",
        "Open complaints (",
        "Top opportunities (",
        "Visit planner: ",
        "Greetings: 元旦 New Year's Day, Fri 2027-01-01 (in 34 days)",
    ] {
        assert!(text.contains(heading), "{heading} missing:\n{text}");
    }
    assert!(text.contains("  at risk "), "{text}");
}

#[test]
fn hostile_text_never_reaches_the_terminal_raw() {
    let mut repo = Repository::open_in_memory().unwrap();
    // A book written before the gate (or by another program) can hold such text.
    repo.as_before_the_gate(|repo| {
        let id = repo
            .add_customer(&CustomerDraft {
                name: "\x1b[31m恶意\x1b[0m 发票\u{202e}fdp.exe".into(),
                city: "深圳\x07".into(),
                ..Default::default()
            })
            .unwrap();
        repo.add_complaint(&ComplaintDraft {
            customer_id: id,
            opened_on: now().date(),
            what: "\x1b]52;c;aGVsbG8=\x07 clipboard".into(),
            severity: Severity::High,
            status: ComplaintStatus::Open,
            resolved_on: None,
            resolution: String::new(),
            satisfaction: None,
        })
        .unwrap();
    });
    let text = text(&repo);
    assert!(text.contains("␛[31m恶意␛[0m 发票"), "{text}");
    assert!(text.contains("␛]52;c;aGVsbG8=␇ clipboard"), "{text}");
    assert!(!text.contains("\x1b[31m恶意") && !text.contains('\u{202e}'));
    assert!(!text.contains('\x07') && !text.contains("\x1b]52"));
}
