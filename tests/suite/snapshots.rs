//! What the screen shows, pinned: every pane wide and narrow, help, welcome, forms with a
//! message, CJK names and hostile text. Review changes with `cargo insta review`.

use crate::common;

use common::{empty_book, run, sample_book, state_for, typed};
use fieldbook::repository::Repository;
use fieldbook::tui::action::{Action, Pane};
use fieldbook::tui::state::State;
use fieldbook::tui::ui;
use fieldbook::tui::update::reading;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub(crate) fn screen(state: &mut State, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| ui::draw(f, state)).unwrap();
    let text = terminal.backend().to_string();
    // Whatever the book holds, no escape or bidi control reaches the terminal.
    assert!(
        !text.chars().any(|c| c == '\x1b'
            || c == '\u{7}'
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)),
        "raw control in the frame:\n{text}"
    );
    text
}

#[test]
fn wide_book_with_cjk_names() {
    let (repo, _) = sample_book();
    let mut state = state_for(&repo);
    insta::assert_snapshot!(screen(&mut state, 120, 40));
}

#[test]
fn wide_hostile_customer_selected() {
    let (mut repo, _) = sample_book();
    let mut state = state_for(&repo);
    run(
        &mut state,
        &mut repo,
        [Action::MoveDown, Action::MoveDown, Action::MoveDown],
    );
    insta::assert_snapshot!(screen(&mut state, 120, 40));
}

#[test]
fn wide_follow_ups_focused_for_one_customer() {
    let (mut repo, _) = sample_book();
    let mut state = state_for(&repo);
    run(
        &mut state,
        &mut repo,
        [
            Action::FocusPane(Pane::FollowUps),
            Action::MoveDown,
            Action::Open,
        ],
    );
    run(&mut state, &mut repo, [Action::ToggleFollowUpScope]);
    insta::assert_snapshot!(screen(&mut state, 120, 40));
}

#[test]
fn filter_highlights_matches() {
    let (mut repo, _) = sample_book();
    let mut state = state_for(&repo);
    run(&mut state, &mut repo, [Action::StartFilter]);
    run(&mut state, &mut repo, typed("科技"));
    insta::assert_snapshot!(screen(&mut state, 120, 40));
}

#[test]
fn narrow_each_pane() {
    let (mut repo, _) = sample_book();
    let mut state = state_for(&repo);
    for pane in Pane::ALL {
        run(&mut state, &mut repo, [Action::FocusPane(pane)]);
        insta::assert_snapshot!(format!("narrow_{pane:?}"), screen(&mut state, 60, 20));
    }
}

#[test]
fn help_screen() {
    let (mut repo, _) = sample_book();
    let mut state = state_for(&repo);
    run(&mut state, &mut repo, [Action::ShowHelp]);
    insta::assert_snapshot!(screen(&mut state, 120, 70));
}

#[test]
fn welcome_on_an_empty_book() {
    let repo = empty_book();
    let mut state = state_for(&repo);
    insta::assert_snapshot!(screen(&mut state, 120, 40));
}

#[test]
fn too_small_terminal() {
    let (repo, _) = sample_book();
    let mut state = state_for(&repo);
    insta::assert_snapshot!(screen(&mut state, 30, 8));
}

#[test]
fn log_form_with_a_bad_date() {
    let (mut repo, _) = sample_book();
    let mut state = state_for(&repo);
    run(&mut state, &mut repo, [Action::LogInteraction]);
    run(&mut state, &mut repo, typed("电话沟通报价"));
    run(
        &mut state,
        &mut repo,
        [
            Action::NextField,
            Action::NextField,
            Action::NextField,
            Action::NextField,
        ],
    );
    run(&mut state, &mut repo, typed("someday"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    insta::assert_snapshot!(screen(&mut state, 120, 40));
}

#[test]
fn customer_form_with_an_empty_name_narrow() {
    let (mut repo, _) = sample_book();
    let mut state = state_for(&repo);
    run(
        &mut state,
        &mut repo,
        [Action::AddCustomer, Action::NextField, Action::NextField],
    );
    run(&mut state, &mut repo, typed("上海"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    insta::assert_snapshot!(screen(&mut state, 60, 20));
}

#[test]
fn archive_question() {
    let (mut repo, _) = sample_book();
    let mut state = state_for(&repo);
    run(&mut state, &mut repo, [Action::ArchiveCustomer]);
    insta::assert_snapshot!(screen(&mut state, 120, 40));
}

/// The review over the sample book, with unranked customers going cold after 30 days so the
/// walk ends on the hostile-named customer (its planned follow-up done: a customer with one
/// planned is not going cold).
pub(crate) fn review_state(repo: &mut Repository, s: &common::Sample) -> State {
    let planned = repo.open_follow_ups(Some(s.hostile)).unwrap();
    repo.complete_follow_up(planned[0].id, common::today())
        .unwrap();
    let mut config = fieldbook::config::Config::default();
    config.cadence.unranked = 30;
    let mut state = reading::load_with(repo, common::now(), "test book", config).unwrap();
    run(&mut state, repo, [Action::OpenReview]);
    state
}

#[test]
fn review_overdue_item_wide() {
    let (mut repo, s) = sample_book();
    let mut state = review_state(&mut repo, &s);
    insta::assert_snapshot!(screen(&mut state, 120, 30));
}

#[test]
fn review_snooze_choices_narrow() {
    let (mut repo, s) = sample_book();
    let mut state = review_state(&mut repo, &s);
    run(
        &mut state,
        &mut repo,
        [Action::CompleteFollowUp, Action::SnoozeFollowUp],
    );
    insta::assert_snapshot!(screen(&mut state, 60, 24));
}

#[test]
fn review_going_cold_hostile_text() {
    let (mut repo, s) = sample_book();
    let mut state = review_state(&mut repo, &s);
    run(&mut state, &mut repo, [Action::Skip, Action::Skip]);
    insta::assert_snapshot!(screen(&mut state, 100, 24));
}

#[test]
fn review_summary() {
    let (mut repo, s) = sample_book();
    let mut state = review_state(&mut repo, &s);
    run(
        &mut state,
        &mut repo,
        [Action::CompleteFollowUp, Action::Skip, Action::MoveDown],
    );
    insta::assert_snapshot!(screen(&mut state, 80, 16));
}

/// Done, snoozed and skipped, then Esc and `t`: the review resumes at its summary, and going
/// back shows each mark as it is (a skip never reads as done).
fn resumed_review(repo: &mut Repository, s: &common::Sample) -> State {
    let mut state = review_state(repo, s);
    run(
        &mut state,
        repo,
        [
            Action::CompleteFollowUp,
            Action::SnoozeFollowUp,
            Action::QuickSnooze(fieldbook::tui::review::QuickDate::Tomorrow),
            Action::Skip,
            Action::Back,
            Action::OpenReview,
            Action::MoveUp,
        ],
    );
    state
}

#[test]
fn review_resumed_on_a_skipped_customer_going_cold() {
    let (mut repo, s) = sample_book();
    let mut state = resumed_review(&mut repo, &s);
    insta::assert_snapshot!(screen(&mut state, 100, 16));
}

#[test]
fn review_resumed_on_a_snoozed_follow_up_narrow() {
    let (mut repo, s) = sample_book();
    let mut state = resumed_review(&mut repo, &s);
    run(&mut state, &mut repo, [Action::MoveUp]);
    insta::assert_snapshot!(screen(&mut state, 60, 16));
}

/// The demo book's morning: the going-cold part is today's ten most valuable of many.
#[test]
fn review_of_the_demo_book_counts_who_is_going_cold() {
    let mut repo = common::empty_book();
    fieldbook::demo::generate(
        &mut repo,
        fieldbook::demo::DemoSize::with_customers(300),
        common::now(),
    )
    .unwrap();
    let mut state = state_for(&repo);
    run(&mut state, &mut repo, [Action::OpenReview]);
    insta::assert_snapshot!(screen(&mut state, 120, 16));
}

#[test]
fn archived_view() {
    let (mut repo, s) = sample_book();
    repo.set_archived(s.hostile, true).unwrap();
    repo.set_archived(s.zhangwei, true).unwrap();
    let mut state = state_for(&repo);
    run(
        &mut state,
        &mut repo,
        [Action::ShowArchived, Action::MoveDown],
    );
    insta::assert_snapshot!(screen(&mut state, 100, 16));
}

#[test]
fn profile_with_deals_complaints_and_computed_tier() {
    use fieldbook::book::complaints::{ComplaintDraft, ComplaintStatus, Severity};
    use fieldbook::book::deals::{DealDraft, DealStage};
    let (mut repo, s) = sample_book();
    let d = |t: &str| t.parse::<chrono::NaiveDate>().unwrap();
    for (customer, amount, on) in [
        (s.northwind, 8_800_000, "2026-10-15"),
        (s.northwind, 4_200_000, "2026-08-01"),
        (s.zhangwei, 1_000_000, "2026-09-01"),
    ] {
        repo.add_deal(&DealDraft {
            customer_id: customer,
            title: "Packaging film, 5 t".into(),
            amount,
            currency: "CNY".into(),
            stage: DealStage::Won,
            expected_close: None,
            closed_on: Some(d(on)),
        })
        .unwrap();
    }
    repo.as_before_the_gate(|repo| {
        repo.add_deal(&DealDraft {
            customer_id: s.northwind,
            title: "Annual supply \x1b[31mcontract".into(),
            amount: 30_000_000,
            currency: "CNY".into(),
            stage: DealStage::Negotiation,
            expected_close: Some(d("2026-12-20")),
            closed_on: None,
        })
        .unwrap()
    });
    repo.add_complaint(&ComplaintDraft {
        customer_id: s.northwind,
        opened_on: d("2026-11-20"),
        what: "Second batch scratched".into(),
        severity: Severity::High,
        status: ComplaintStatus::Open,
        resolved_on: None,
        resolution: String::new(),
        satisfaction: None,
    })
    .unwrap();
    repo.add_complaint(&ComplaintDraft {
        customer_id: s.northwind,
        opened_on: d("2026-06-01"),
        what: "Invoice to the wrong entity".into(),
        severity: Severity::Low,
        status: ComplaintStatus::Resolved,
        resolved_on: Some(d("2026-06-04")),
        resolution: "re-issued".into(),
        satisfaction: Some(4),
    })
    .unwrap();
    let mut state = state_for(&repo);
    state.select_customer(s.northwind);
    reading::load_detail(&mut state, &repo).unwrap();
    run(&mut state, &mut repo, [Action::FocusPane(Pane::Profile)]);
    // Narrow: the profile has the screen to itself, deals and complaints included.
    insta::assert_snapshot!(screen(&mut state, 76, 34));
}

#[test]
fn dashboard_in_the_app_narrow() {
    let (mut repo, _) = sample_book();
    let mut state = state_for(&repo);
    run(&mut state, &mut repo, [Action::ShowDashboard]);
    insta::assert_snapshot!(screen(&mut state, 60, 20));
}

#[test]
fn import_preview_with_a_bad_row() {
    let (mut repo, _) = sample_book();
    let mut state = state_for(&repo);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kehu.csv");
    std::fs::write(
        &file,
        "客户名称,联系人,手机,城市,生日\n杭州精诚化工有限公司,李娜,13912345678,杭州,1985-06-20\n\
         Evil\x1b[2J Corp,Mallory,555,Nowhere,\n北京星河科技有限公司,张伟,,北京,\n",
    )
    .unwrap();
    run(&mut state, &mut repo, [Action::StartImport]);
    run(&mut state, &mut repo, typed(&file.display().to_string()));
    run(&mut state, &mut repo, [Action::SaveForm]);
    let text = screen(&mut state, 110, 26);
    // The preview names the file by its absolute path, which differs per machine: that one
    // line is checked here and left out of the snapshot.
    let path = std::fs::canonicalize(&file).unwrap().display().to_string();
    assert!(
        text.lines()
            .any(|l| l.contains(&path) && l.contains("CSV · UTF-8 · 2 records"))
    );
    let pinned: Vec<&str> = text.lines().filter(|l| !l.contains(&path)).collect();
    insta::assert_snapshot!(pinned.join("\n"));
}

#[test]
fn notes_search_scope() {
    let (mut repo, _) = sample_book();
    let mut state = state_for(&repo);
    run(
        &mut state,
        &mut repo,
        [Action::StartFilter, Action::ToggleSearchScope],
    );
    run(&mut state, &mut repo, typed("样品"));
    insta::assert_snapshot!(screen(&mut state, 120, 24));
}

/// The welcome screen as a Chinese user first sees it (the keys stay the same).
#[test]
fn welcome_on_an_empty_book_in_chinese() {
    use fieldbook::i18n::{Language, with_language};
    let repo = empty_book();
    let mut state = state_for(&repo);
    let text = with_language(Language::Chinese, || screen(&mut state, 120, 40));
    assert!(text.contains("欢迎使用 fieldbook") && text.contains("fieldbook --demo"));
    insta::assert_snapshot!(text);
}

/// Chinese labels are twice as wide as their characters: the values still start in one column.
#[test]
fn log_form_with_a_bad_date_in_chinese() {
    use fieldbook::i18n::{Language, with_language};
    let text = with_language(Language::Chinese, || {
        let (mut repo, _) = sample_book();
        let mut state = state_for(&repo);
        run(&mut state, &mut repo, [Action::LogInteraction]);
        run(&mut state, &mut repo, typed("电话沟通报价"));
        let next = [Action::NextField; 4];
        run(&mut state, &mut repo, next);
        run(&mut state, &mut repo, typed("someday"));
        run(&mut state, &mut repo, [Action::SaveForm]);
        screen(&mut state, 120, 40)
    });
    let column = |label: &str| {
        let line = text.lines().find(|l| l.contains(label)).unwrap();
        let before = &line[..line.find(label).unwrap()];
        unicode_width::UnicodeWidthStr::width(before)
    };
    assert!(text.contains("摘要") && text.contains("跟进日期"), "{text}");
    insta::assert_snapshot!(text);
    // Both values begin in the same column, whatever the labels' widths.
    assert_eq!(column("电话沟通报价"), column("someday"), "{text}");
}
