//! Shared by every test module: a small, fixed customer book for update and snapshot tests: CJK and English names, hostile
//! text, follow-ups in every bucket, all relative to a pinned "now".

#![allow(dead_code)]

pub mod driving;
pub mod morning;

use chrono::{NaiveDate, NaiveDateTime};
use fieldbook::book::ids::CustomerId;
use fieldbook::book::model::{
    Birthday, Channel, ContactDraft, CustomerDraft, CustomerKind, FollowUpDraft, InteractionDraft,
    Stage, Tier,
};
use fieldbook::repository::Repository;
use fieldbook::tui::action::Action;
use fieldbook::tui::state::State;
use fieldbook::tui::text_input::TextEdit;
use fieldbook::tui::update::reading;
use fieldbook::tui::update::update;

/// Saturday 28 November 2026, mid-morning.
pub fn now() -> NaiveDateTime {
    "2026-11-28T10:15:00".parse().unwrap()
}

pub fn today() -> NaiveDate {
    now().date()
}

pub fn empty_book() -> Repository {
    let mut repo = Repository::open_in_memory().unwrap();
    repo.set_clock(now);
    repo
}

fn at(days_ago: i64, hour: u32) -> NaiveDateTime {
    (today() - chrono::Days::new(days_ago as u64))
        .and_hms_opt(hour, 30, 0)
        .unwrap()
}

fn due(days_from_today: i64) -> NaiveDate {
    today() + chrono::TimeDelta::days(days_from_today)
}

pub struct Sample {
    pub xinghe: CustomerId,
    pub northwind: CustomerId,
    pub zhangwei: CustomerId,
    pub hostile: CustomerId,
    pub quiet: CustomerId,
}

/// Five customers: a Chinese company with people and history, an English one, a Chinese
/// individual, one whose name and notes carry escape sequences and bidi overrides, and one
/// never contacted.
pub fn sample_book() -> (Repository, Sample) {
    let mut repo = empty_book();
    let xinghe = repo
        .add_customer(&CustomerDraft {
            name: "北京星河科技有限公司".into(),
            kind: Some(CustomerKind::Company),
            industry: "软件".into(),
            city: "北京".into(),
            address: "海淀区中关村大街1号".into(),
            phone: "010-62345678".into(),
            email: "info@xhtech.example".into(),
            wechat: "xinghe_tech".into(),
            tags: vec!["重点客户".into(), "vip".into()],
            tier: Some(Tier::A),
            stage: Some(Stage::Repeat),
            lead_source: "展会".into(),
            notes: "喜欢喝茶，周一上午不方便".into(),
            cadence_days: Some(14),
            ..Default::default()
        })
        .unwrap();
    let zw = repo
        .add_contact(
            xinghe,
            &ContactDraft {
                name: "张伟".into(),
                title: "采购经理".into(),
                phone: "138 0013 8000".into(),
                ..Default::default()
            },
        )
        .unwrap();
    let northwind = repo
        .add_customer(&CustomerDraft {
            name: "Northwind Pacific Trading Ltd.".into(),
            city: "Hong Kong".into(),
            email: "michael.chen@northwind.example".into(),
            tier: Some(Tier::B),
            stage: Some(Stage::Active),
            ..Default::default()
        })
        .unwrap();
    repo.add_contact(
        northwind,
        &ContactDraft {
            name: "Michael Chen".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let zhangwei = repo
        .add_customer(&CustomerDraft {
            name: "王芳".into(),
            kind: Some(CustomerKind::Person),
            city: "上海".into(),
            birthday: Birthday::parse("--04-15"),
            tier: Some(Tier::C),
            ..Default::default()
        })
        .unwrap();
    // A book written before the gate (or by another program) can hold such text.
    let hostile = repo.as_before_the_gate(|repo| {
        repo.add_customer(&CustomerDraft {
            name: "\x1b[2J\x1b[31m恶意\x1b[0m 发票\u{202e}fdp.exe".into(),
            city: "深圳\x07".into(),
            notes: "line one\x1b]52;c;aGVsbG8=\x07\nline two 👨‍👩‍👧‍👦".into(),
            ..Default::default()
        })
        .unwrap()
    });
    let quiet = repo
        .add_customer(&CustomerDraft {
            name: "Bluefin Analytics".into(),
            city: "Singapore".into(),
            ..Default::default()
        })
        .unwrap();

    let log = |repo: &mut Repository,
               customer_id,
               contact_id,
               at,
               channel,
               summary: &str,
               follow: Option<(i64, &str)>| {
        let f = follow.map(|(days, task)| FollowUpDraft {
            customer_id,
            due_on: due(days),
            due_time: None,
            task: task.into(),
            repeat: None,
        });
        repo.log_interaction(
            &InteractionDraft {
                customer_id,
                contact_id,
                at,
                channel,
                summary: summary.into(),
                outcome: None,
            },
            f.as_ref(),
        )
        .unwrap();
    };
    log(
        &mut repo,
        xinghe,
        Some(zw),
        at(40, 10),
        Channel::Visit,
        "拜访工厂，参观新生产线。\n客户对新型号很感兴趣，要求样品。",
        None,
    );
    log(
        &mut repo,
        xinghe,
        Some(zw),
        at(12, 15),
        Channel::WeChat,
        "微信确认样品已收到",
        None,
    );
    log(
        &mut repo,
        xinghe,
        None,
        at(3, 9),
        Channel::Call,
        "电话沟通Q1订单，客户要求下周报价",
        Some((-2, "发报价单")),
    );
    log(
        &mut repo,
        northwind,
        None,
        at(20, 14),
        Channel::Email,
        "Sent the catalogue and price list.\nAsked about payment terms.",
        Some((0, "Call Michael about payment terms")),
    );
    log(
        &mut repo,
        zhangwei,
        None,
        at(1, 16),
        Channel::Message,
        "生日快乐的问候 🎂",
        Some((4, "送生日礼物")),
    );
    repo.as_before_the_gate(|repo| {
        log(
            repo,
            hostile,
            None,
            at(60, 11),
            Channel::Other,
            "summary with \x1b[5mblink\x1b[0m and \u{2066}isolate",
            Some((30, "check \x1b[2J")),
        )
    });
    (
        repo,
        Sample {
            xinghe,
            northwind,
            zhangwei,
            hostile,
            quiet,
        },
    )
}

pub fn state_for(repo: &Repository) -> State {
    reading::load(repo, now(), "test book").unwrap()
}

/// Both states list the same open follow-ups, and those either holds whole are the same.
pub fn assert_same_follow_ups(a: &State, b: &State) {
    assert_eq!(a.follow_ups.keys(), b.follow_ups.keys());
    for i in 0..a.follow_ups.len() {
        if let (Some(x), Some(y)) = (a.follow_ups.get(i), b.follow_ups.get(i)) {
            assert_eq!(x, y, "follow-up {i}");
        }
    }
    let selected = a.follow_up_list.selected;
    if !a.follow_ups.is_empty() {
        assert!(
            a.follow_ups.get(selected).is_some(),
            "the selected one is whole"
        );
    }
}

/// Carries out actions in order, as keys would.
pub fn run(state: &mut State, repo: &mut Repository, actions: impl IntoIterator<Item = Action>) {
    for a in actions {
        update(state, repo, a);
    }
}

/// The actions for typing `text` into whatever has focus.
pub fn typed(text: &str) -> Vec<Action> {
    text.chars()
        .map(|c| Action::Edit(TextEdit::Insert(c)))
        .collect()
}

/// A book in a temporary folder for running the real binary against.
pub struct CliBook {
    pub dir: tempfile::TempDir,
}

impl CliBook {
    pub fn new() -> Self {
        CliBook {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self) -> std::path::PathBuf {
        self.dir.path().join("book.sqlite3")
    }

    pub fn cmd(&self, args: &[&str]) -> assert_cmd::Command {
        let mut cmd = assert_cmd::Command::cargo_bin("fieldbook").unwrap();
        cmd.env("FIELDBOOK_DB", self.path())
            .env("FIELDBOOK_CONFIG", self.dir.path().join("config.toml"))
            .env("NO_COLOR", "1")
            // The tests read English whatever the machine's locale (tests/suite/language.rs
            // runs the other languages).
            .env("FIELDBOOK_LANG", "en")
            .args(args);
        cmd
    }

    /// Runs and returns (exit code, stdout, stderr).
    pub fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = self.cmd(args).output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    pub fn ok(&self, args: &[&str]) -> String {
        let (code, out, err) = self.run(args);
        assert_eq!(code, 0, "{args:?}\nstdout: {out}\nstderr: {err}");
        out
    }
}

impl CliBook {
    /// How many customers the book holds, read directly.
    pub fn customers(&self) -> i64 {
        Repository::open(&self.path())
            .unwrap()
            .customer_count()
            .unwrap()
    }
}

/// A customer with only a name.
pub fn customer(name: &str) -> CustomerDraft {
    CustomerDraft {
        name: name.into(),
        ..Default::default()
    }
}

/// The book's customers' names, sorted.
pub fn names(repo: &Repository) -> Vec<String> {
    let mut n: Vec<String> = repo
        .customer_rows()
        .unwrap()
        .into_iter()
        .map(|r| r.name.into())
        .collect();
    n.sort();
    n
}

/// The real binary on the book and config in `dir`.
pub fn fieldbook(dir: &std::path::Path, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("fieldbook").unwrap();
    cmd.env("FIELDBOOK_DB", dir.join("book.sqlite3"))
        .env("FIELDBOOK_CONFIG", dir.join("config.toml"))
        .env("FIELDBOOK_LANG", "en")
        .args(args);
    cmd
}
