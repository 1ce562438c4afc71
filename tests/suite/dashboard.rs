//! The dashboard pinned at a wide and a narrow terminal: charts, lists, CJK names that must keep
//! their columns, and hostile text that must never reach the terminal raw.

use chrono::{NaiveDate, NaiveDateTime};
use fieldbook::book::complaints::{ComplaintDraft, ComplaintStatus, Severity};
use fieldbook::book::deals::{DealDraft, DealStage};
use fieldbook::book::ids::{CustomerId, FollowUpId};
use fieldbook::book::model::{Channel, CustomerDraft, FollowUpDraft, InteractionDraft, Tier};
use fieldbook::config::Config;
use fieldbook::repository::Repository;
use fieldbook::services::dashboard::Dashboard;
use fieldbook::tui::panes::dashboard;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Saturday 28 November 2026.
fn now() -> NaiveDateTime {
    "2026-11-28T10:15:00".parse().unwrap()
}

fn new_year() -> NaiveDateTime {
    "2026-01-05T09:00:00".parse().unwrap()
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const HOSTILE: &str = "\x1b[31m恶意\x1b[0m 发票\u{202e}fdp.exe";

fn add(repo: &mut Repository, name: &str, city: &str, tier: Option<Tier>) -> CustomerId {
    repo.add_customer(&CustomerDraft {
        name: name.into(),
        city: city.into(),
        tier,
        ..Default::default()
    })
    .unwrap()
}

fn won(repo: &mut Repository, customer_id: CustomerId, on: &str, yuan: i64) {
    repo.add_deal(&DealDraft {
        customer_id,
        title: format!("order {on}"),
        amount: yuan * 100,
        currency: "CNY".into(),
        stage: DealStage::Won,
        expected_close: None,
        closed_on: Some(d(on)),
    })
    .unwrap();
}

fn open_deal(
    repo: &mut Repository,
    customer_id: CustomerId,
    title: &str,
    yuan: i64,
    stage: DealStage,
) {
    repo.add_deal(&DealDraft {
        customer_id,
        title: title.into(),
        amount: yuan * 100,
        currency: "CNY".into(),
        stage,
        expected_close: Some(d("2026-12-15")),
        closed_on: None,
    })
    .unwrap();
}

fn log(repo: &mut Repository, customer_id: CustomerId, on: &str, channel: Channel) {
    let draft = InteractionDraft {
        customer_id,
        contact_id: None,
        at: format!("{on}T10:00:00").parse().unwrap(),
        channel,
        summary: "talked".into(),
        outcome: None,
    };
    repo.log_interaction(&draft, None).unwrap();
}

fn due(repo: &mut Repository, customer_id: CustomerId, on: &str) -> FollowUpId {
    repo.add_follow_up(&FollowUpDraft {
        customer_id,
        due_on: d(on),
        due_time: None,
        task: "call back".into(),
        repeat: None,
    })
    .unwrap()
}

fn complaint(repo: &mut Repository, customer_id: CustomerId, what: &str, severity: Severity) {
    repo.add_complaint(&ComplaintDraft {
        customer_id,
        opened_on: d("2026-11-16"),
        what: what.into(),
        severity,
        status: ComplaintStatus::Open,
        resolved_on: None,
        resolution: String::new(),
        satisfaction: None,
    })
    .unwrap();
}

/// A small territory: a big Chinese account ordering monthly, an English one slipping, a
/// Chinese individual with a complaint, a hostile name with a complaint and a deal, and
/// customers never contacted.
fn book() -> Repository {
    let mut repo = Repository::open_in_memory().unwrap();
    repo.set_clock(new_year);
    let xinghe = add(&mut repo, "北京星河科技有限公司", "上海", None);
    let northwind = add(
        &mut repo,
        "Northwind Pacific Trading Ltd.",
        "Shanghai",
        None,
    );
    let wang = add(&mut repo, "王芳", "杭州", None);
    // A book written before the gate (or by another program) can hold such text.
    let hostile = repo.as_before_the_gate(|repo| add(repo, HOSTILE, "深圳\x07", None));
    let bluefin = add(&mut repo, "Bluefin Analytics", "Shanghai", Some(Tier::B));
    add(&mut repo, "东方明珠贸易", "上海", None);
    repo.set_clock(now);
    for month in 1..=11 {
        won(&mut repo, xinghe, &format!("2026-{month:02}-18"), 120_000);
    }
    for month in 3..=8 {
        won(&mut repo, northwind, &format!("2026-{month:02}-10"), 35_000);
    }
    won(&mut repo, wang, "2026-10-20", 8_000);
    won(&mut repo, hostile, "2026-06-01", 5_000);
    open_deal(
        &mut repo,
        xinghe,
        "二期产线 传感器",
        900_000,
        DealStage::Negotiation,
    );
    repo.as_before_the_gate(|repo| {
        open_deal(
            repo,
            hostile,
            "\x1b]52;c;aGVsbG8=\x07 invoice",
            60_000,
            DealStage::Proposal,
        )
    });
    open_deal(&mut repo, bluefin, "Pilot", 20_000, DealStage::Lead);

    log(&mut repo, xinghe, "2026-11-23", Channel::Visit);
    log(&mut repo, xinghe, "2026-11-26", Channel::WeChat);
    log(&mut repo, northwind, "2026-11-17", Channel::Call);
    log(&mut repo, northwind, "2026-11-19", Channel::Email);
    log(&mut repo, wang, "2026-11-20", Channel::WeChat);
    log(&mut repo, hostile, "2026-08-01", Channel::Meeting);
    let a = due(&mut repo, xinghe, "2026-11-20");
    let b = due(&mut repo, xinghe, "2026-11-29");
    repo.complete_follow_up(a, now().date()).unwrap();
    repo.complete_follow_up(b, now().date()).unwrap();
    due(&mut repo, northwind, "2026-11-30");
    due(&mut repo, wang, "2026-11-24");
    complaint(
        &mut repo,
        wang,
        "第二批货有划痕，退回 30 件",
        Severity::High,
    );
    repo.as_before_the_gate(|repo| {
        complaint(repo, hostile, "\x1b[2J wiped \u{202e}screen", Severity::Low)
    });
    repo
}

fn screen(dash: &Dashboard, width: u16, height: u16, scroll: usize) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| dashboard::draw(f, f.area(), dash, scroll))
        .unwrap();
    let text = terminal.backend().to_string();
    assert!(
        !text.chars().any(|c| c == '\x1b'
            || c == '\u{7}'
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)),
        "raw control in the frame:\n{text}"
    );
    text
}

fn load(repo: &Repository) -> Dashboard {
    Dashboard::load(repo, now().date(), &Config::default()).unwrap()
}

#[test]
fn wide_dashboard() {
    let dash = load(&book());
    let text = screen(&dash, 120, 40, 0);
    assert!(text.contains("␛[31m恶意"), "{text}");
    assert!(
        !text.contains("lines "),
        "everything fits at 120x40:\n{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn narrow_dashboard_scrolls() {
    let dash = load(&book());
    let top = screen(&dash, 60, 20, 0);
    assert!(top.contains("more below"), "{top}");
    insta::assert_snapshot!("narrow_dashboard_top", top);
    let max = dashboard::max_scroll(&dash, ratatui::layout::Rect::new(0, 0, 60, 20));
    assert!(max > 20, "{max}");
    let middle = screen(&dash, 60, 20, 40);
    insta::assert_snapshot!("narrow_dashboard_scrolled", middle);
    // Scrolling past the end stops at the end.
    let end = screen(&dash, 60, 20, max);
    assert_eq!(screen(&dash, 60, 20, max + 50), end);
    assert!(end.contains("end"), "{end}");
}

#[test]
fn empty_book_dashboard() {
    let repo = Repository::open_in_memory().unwrap();
    let dash = load(&repo);
    insta::assert_snapshot!(screen(&dash, 120, 40, 0));
}

#[test]
fn wide_dashboard_in_chinese() {
    use fieldbook::i18n::{Language, with_language};
    let dash = load(&book());
    let text = with_language(Language::Chinese, || screen(&dash, 120, 40, 0));
    for word in [
        "看板",
        "各渠道联系次数",
        "月度收入",
        "本周",
        "有风险",
        "久未联系",
        "拜访计划",
        "节日问候",
    ] {
        assert!(text.contains(word), "{word} missing:\n{text}");
    }
    insta::assert_snapshot!(text);
}
