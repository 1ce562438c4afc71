//! Logging a contact is one service: `fieldbook log` and the log form write the same rows for
//! the same log, and the form checks what the command line checks (Repeat, With in any case).

use crate::common;

use std::path::Path;

use assert_cmd::Command;
use common::driving::{fill, focus, form, run, typed};
use fieldbook::book::ids::CustomerId;
use fieldbook::book::model::{ContactDraft, CustomerDraft, FollowUpDraft, InteractionDraft};
use fieldbook::book::recurrence::{Basis, Recurrence, Unit};
use fieldbook::repository::Repository;
use fieldbook::tui::action::Action;
use fieldbook::tui::form::LogField;
use fieldbook::tui::state::Screen;

/// One customer with two people whose names share a beginning, written to a book file.
fn book_at(path: &Path) -> (Repository, CustomerId) {
    let mut repo = Repository::open(path).unwrap();
    repo.set_clock(common::now);
    let id = repo
        .add_customer(&CustomerDraft {
            name: "Acme Trading".into(),
            ..Default::default()
        })
        .unwrap();
    for name in ["Michael Chen", "Michael Chen Jr", "张伟"] {
        repo.add_contact(
            id,
            &ContactDraft {
                name: name.into(),
                ..Default::default()
            },
        )
        .unwrap();
    }
    (repo, id)
}

/// What a log wrote, without ids and creation times: the interaction (with the person's name)
/// and its open follow-ups.
type Rows = (
    Vec<(InteractionDraft, Option<String>)>,
    Vec<(FollowUpDraft, bool)>,
);

fn rows(repo: &Repository, customer: CustomerId) -> Rows {
    let history = repo.history(customer, 10, 0).unwrap();
    let follow_ups = repo.open_follow_ups(Some(customer)).unwrap();
    (
        history
            .into_iter()
            .map(|i| (i.draft, i.contact_name))
            .collect(),
        follow_ups
            .into_iter()
            .map(|f| (f.draft, f.interaction_id.is_some()))
            .collect(),
    )
}

fn cli_log(args: &[&str]) -> Rows {
    cli_log_on(args, |_, _| {})
}

fn cli_log_on(args: &[&str], plan: fn(&mut Repository, CustomerId)) -> Rows {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.sqlite3");
    let (mut repo, id) = book_at(&db);
    plan(&mut repo, id);
    drop(repo);
    let out = Command::cargo_bin("fieldbook")
        .unwrap()
        .env("FIELDBOOK_DB", &db)
        .env("FIELDBOOK_CONFIG", dir.path().join("config.toml"))
        .env("NO_COLOR", "1")
        .arg("log")
        .arg("acme")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    rows(&Repository::open(&db).unwrap(), id)
}

/// Opens the book's log form on the one customer, fills `fields` in order, saves.
fn tui_log(fields: &[(&str, &str)]) -> Rows {
    tui_log_on(fields, |_, _| {})
}

fn tui_log_on(fields: &[(&str, &str)], plan: fn(&mut Repository, CustomerId)) -> Rows {
    let dir = tempfile::tempdir().unwrap();
    let (mut repo, id) = book_at(&dir.path().join("book.sqlite3"));
    plan(&mut repo, id);
    let mut state = common::state_for(&repo);
    run(&mut state, &mut repo, [Action::LogInteraction]);
    for (label, text) in fields {
        fill(&mut state, &mut repo, label, text);
    }
    run(&mut state, &mut repo, [Action::SaveForm]);
    assert!(
        state.screen.is_book() && state.overlay.is_none(),
        "{:?}",
        state.status
    );
    rows(&repo, id)
}

/// A follow-up overdue for the tests' clock and the real one alike, and one not yet due.
fn overdue_quote(repo: &mut Repository, customer: CustomerId) {
    for (due, task) in [("2026-11-20", "发报价单"), ("2030-01-01", "renew")] {
        repo.add_follow_up(&FollowUpDraft {
            customer_id: customer,
            due_on: due.parse().unwrap(),
            due_time: None,
            task: task.into(),
            repeat: None,
        })
        .unwrap();
    }
}

#[test]
fn with_a_follow_up_due_both_close_it_and_write_identical_rows() {
    let cli = cli_log_on(
        &["Sent the quote", "--next", "2030-12-02 10:00"],
        overdue_quote,
    );
    let tui = tui_log_on(
        &[
            ("Summary", "Sent the quote"),
            ("Follow-up date", "2030-12-02 10:00"),
        ],
        overdue_quote,
    );
    // Interactions differ only in when they were logged (the binary reads the real clock).
    assert_eq!(cli.1, tui.1);
    let open: Vec<&str> = tui.1.iter().map(|(f, _)| f.task.as_str()).collect();
    assert_eq!(
        open,
        ["renew", "Follow up: Sent the quote"],
        "发报价单 closed"
    );
}

#[test]
fn the_command_line_and_the_form_write_identical_rows() {
    // With in another case (and a prefix of a second person's name), the outcome by key on the
    // command line and by its label in the form, a follow-up with a time and a repeat, and the
    // outcome's task when none is typed.
    let cli = cli_log(&[
        "Sent the quote for 200 units",
        "--with",
        "michael chen",
        "--channel",
        "visit",
        "--outcome",
        "quote_sent",
        "--at",
        "2026-11-20 14:30",
        "--next",
        "2030-12-02 10:00",
        "--every",
        "monthly after done",
    ]);
    let tui = tui_log(&[
        ("Summary", "Sent the quote for 200 units"),
        ("Channel", "v"),
        ("Outcome", "q"),
        ("With", "michael chen"),
        ("When", "2026-11-20 14:30"),
        ("Follow-up date", "2030-12-02 10:00"),
        ("Repeat", "monthly after done"),
    ]);
    assert_eq!(cli, tui);
    let (logged, planned) = &cli;
    assert_eq!(logged[0].1.as_deref(), Some("Michael Chen"));
    assert_eq!(logged[0].0.outcome.as_deref(), Some("quote_sent"));
    assert_eq!(planned.len(), 1);
    let f = &planned[0].0;
    assert_eq!(f.task, "Chase the quote");
    assert_eq!(f.due_time, chrono::NaiveTime::from_hms_opt(10, 0, 0));
    assert_eq!(
        f.repeat,
        Some(Recurrence {
            every: 1,
            unit: Unit::Month,
            basis: Basis::Done,
        })
    );
}

#[test]
fn without_an_outcome_both_write_the_same_default_task() {
    let cli = cli_log(&[
        "电话沟通Q1订单",
        "--at",
        "2026-11-27 9:00",
        "--next",
        "2030-12-02",
        "--with",
        "张",
    ]);
    let tui = tui_log(&[
        ("Summary", "电话沟通Q1订单"),
        ("With", "张"),
        ("When", "2026-11-27 9:00"),
        ("Follow-up date", "2030-12-02"),
    ]);
    assert_eq!(cli, tui);
    assert_eq!(cli.1[0].0.task, "Follow up: 电话沟通Q1订单");
    assert_eq!(cli.1[0].0.repeat, None);
}

#[test]
fn a_bad_repeat_gets_a_message_beside_the_field_and_keeps_what_was_typed() {
    let dir = tempfile::tempdir().unwrap();
    let (mut repo, id) = book_at(&dir.path().join("book.sqlite3"));
    let mut state = common::state_for(&repo);
    run(&mut state, &mut repo, [Action::LogInteraction]);
    fill(&mut state, &mut repo, "Summary", "called");
    fill(&mut state, &mut repo, "Follow-up date", "fri");
    fill(&mut state, &mut repo, "Repeat", "now and then");
    focus(&mut state, &mut repo, "Summary");
    run(&mut state, &mut repo, [Action::SaveForm]);
    let f = form(&state);
    assert_eq!(f.focused().label, "Repeat", "the cursor goes to the field");
    let message = f.focused().error.as_deref().unwrap();
    assert!(message.contains("weekly"), "{message}");
    assert_eq!(f.value(LogField::Repeat), "now and then");
    assert_eq!(repo.interaction_count(id).unwrap(), 0, "nothing written");

    run(
        &mut state,
        &mut repo,
        [Action::Edit(
            fieldbook::tui::text_input::TextEdit::ClearToStart,
        )],
    );
    run(&mut state, &mut repo, typed("每周"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    assert!(
        state.screen.is_book() && state.overlay.is_none(),
        "{:?}",
        state.status
    );
    let follow_up = &repo.open_follow_ups(Some(id)).unwrap()[0];
    assert_eq!(follow_up.draft.repeat.map(|r| r.unit), Some(Unit::Week));
}

#[test]
fn with_is_not_one_of_the_people_in_either_front_end_for_an_ambiguous_part() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.sqlite3");
    let (mut repo, id) = book_at(&db);
    let mut state = common::state_for(&repo);
    run(&mut state, &mut repo, [Action::LogInteraction]);
    fill(&mut state, &mut repo, "Summary", "called");
    fill(&mut state, &mut repo, "With", "michael");
    run(&mut state, &mut repo, [Action::SaveForm]);
    let f = form(&state);
    assert_eq!(f.focused().label, "With");
    assert!(f.focused().error.is_some());
    drop(repo);

    let out = Command::cargo_bin("fieldbook")
        .unwrap()
        .env("FIELDBOOK_DB", &db)
        .env("FIELDBOOK_CONFIG", dir.path().join("config.toml"))
        .args(["log", "acme", "called", "--with", "michael"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--with"), "{err}");
    let repo = Repository::open(&db).unwrap();
    assert_eq!(repo.interaction_count(id).unwrap(), 0);
}

#[test]
fn the_reviews_log_closes_the_item_and_sets_a_repeating_follow_up_in_one_undo_step() {
    let (mut repo, s) = common::sample_book();
    let mut state = common::state_for(&repo);
    let before = rows(&repo, s.xinghe);
    run(
        &mut state,
        &mut repo,
        [Action::OpenReview, Action::LogInteraction],
    );
    assert!(form(&state).title.contains("closes: 发报价单"));
    fill(&mut state, &mut repo, "Summary", "报价单已发");
    fill(&mut state, &mut repo, "With", "张伟");
    fill(&mut state, &mut repo, "Follow-up date", "+7d");
    fill(&mut state, &mut repo, "Repeat", "every 2w");
    run(&mut state, &mut repo, [Action::SaveForm]);
    assert!(
        matches!(state.screen, Screen::Review(_)) && state.overlay.is_none(),
        "{:?}",
        state.status
    );

    let (logged, planned) = rows(&repo, s.xinghe);
    assert_eq!(logged.len(), before.0.len() + 1);
    assert_eq!(logged[0].1.as_deref(), Some("张伟"));
    let tasks: Vec<&str> = planned.iter().map(|(f, _)| f.task.as_str()).collect();
    assert_eq!(tasks, ["Follow up: 报价单已发"], "the due one is closed");
    assert_eq!(planned[0].0.repeat.map(|r| r.every), Some(2));

    // The review has no undo key; the book's undo steps are what `u` walks back.
    let step = repo.undo().unwrap().unwrap();
    assert!(step.starts_with("log call with"), "{step}");
    assert_eq!(rows(&repo, s.xinghe), before, "one undo takes it all back");
}

/// The form shows 电话 and 拜访 and the book stores `call` and `visit`: typing the start of the
/// label picks the option as typing the stored value does.
#[test]
fn a_choice_is_picked_by_typing_its_chinese_label() {
    use fieldbook::book::model::Channel;
    use fieldbook::i18n::{Language, with_language};
    with_language(Language::Chinese, || {
        let dir = tempfile::tempdir().unwrap();
        let (mut repo, id) = book_at(&dir.path().join("book.sqlite3"));
        let mut state = common::state_for(&repo);
        run(&mut state, &mut repo, [Action::LogInteraction]);
        fill(&mut state, &mut repo, "摘要", "谈了报价");
        fill(&mut state, &mut repo, "渠道", "拜");
        assert_eq!(form(&state).value(LogField::Channel), "visit");
        run(&mut state, &mut repo, typed("电"));
        assert_eq!(form(&state).value(LogField::Channel), "call");
        run(&mut state, &mut repo, typed("v"));
        assert_eq!(form(&state).value(LogField::Channel), "visit");
        run(&mut state, &mut repo, typed("微"));
        assert_eq!(form(&state).value(LogField::Channel), "wechat");
        run(&mut state, &mut repo, [Action::SaveForm]);
        assert!(state.overlay.is_none(), "{:?}", state.status);
        let history = repo.history(id, 10, 0).unwrap();
        assert_eq!(history[0].draft.channel, Channel::WeChat);
    });
}
