//! What the status line and the questions say, in Chinese: a contact logged and undone, an
//! undo from an earlier session asked about, a date not read, a customer probably in the book
//! already, a follow-up too close to another, a terminal too small.

use crate::common::{self, customer, run, sample_book, state_for, typed};
use crate::snapshots::screen;
use fieldbook::i18n::{Language, with_language};
use fieldbook::repository::Repository;
use fieldbook::tui::action::Action;
use fieldbook::tui::state::State;

fn status(state: &State) -> String {
    state
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

fn chinese<T>(f: impl FnOnce() -> T) -> T {
    with_language(Language::Chinese, f)
}

#[test]
fn a_contact_logged_then_undone_is_said_in_chinese() {
    chinese(|| {
        let (mut repo, _) = sample_book();
        let mut state = state_for(&repo);
        run(&mut state, &mut repo, [Action::LogInteraction]);
        run(&mut state, &mut repo, typed("电话沟通报价"));
        run(&mut state, &mut repo, [Action::SaveForm]);
        let logged = status(&state);
        assert!(logged.starts_with("已记录电话"), "{logged}");
        run(&mut state, &mut repo, [Action::Undo]);
        let undone = status(&state);
        assert!(
            undone.starts_with("已撤销：“记录与") && undone.contains("的电话”"),
            "{undone}"
        );
        assert!(undone.contains("U 重做"), "{undone}");
    });
}

#[test]
fn nothing_to_undo_is_said_in_chinese() {
    chinese(|| {
        let mut repo = common::empty_book();
        let mut state = state_for(&repo);
        run(&mut state, &mut repo, [Action::Undo]);
        assert_eq!(status(&state), "没有可撤销的操作");
        run(&mut state, &mut repo, [Action::Redo]);
        assert_eq!(status(&state), "没有可重做的操作");
    });
}

/// The label the book stored in English is said in Chinese, with "yesterday" as 昨天.
#[test]
fn an_undo_from_yesterday_is_asked_about_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    {
        let mut before = Repository::open(&path).unwrap();
        before.set_clock(|| "2026-11-27T17:05:00".parse().unwrap());
        before.add_customer(&customer("星河科技")).unwrap();
    }
    let mut repo = Repository::open(&path).unwrap();
    repo.set_clock(common::now);
    let text = chinese(|| {
        let mut state = state_for(&repo);
        run(&mut state, &mut repo, [Action::Undo]);
        let shown = screen(&mut state, 100, 30);
        run(&mut state, &mut repo, [Action::Answer(false)]);
        assert_eq!(status(&state), "已保留：“新增客户 星河科技”");
        shown
    });
    assert!(
        text.contains("撤销昨天 17:05的“新增客户 星河科技”？"),
        "{text}"
    );
    assert!(text.contains("再按 u 或 y = 撤销"), "{text}");
}

#[test]
fn a_date_not_read_is_said_in_chinese_beside_the_field() {
    chinese(|| {
        let (mut repo, _) = sample_book();
        let mut state = state_for(&repo);
        run(&mut state, &mut repo, [Action::AddFollowUp]);
        run(&mut state, &mut repo, typed("发报价"));
        run(&mut state, &mut repo, [Action::NextField]);
        run(&mut state, &mut repo, typed("someday"));
        run(&mut state, &mut repo, [Action::SaveForm]);
        let text = screen(&mut state, 120, 40);
        assert!(text.contains("看不懂日期“someday”"), "{text}");
        assert!(text.contains("推迟") || text.contains("安排跟进"), "{text}");
        assert_eq!(status(&state), "请检查标红的项");
    });
}

#[test]
fn a_likely_duplicate_is_asked_about_in_chinese() {
    let text = chinese(|| {
        let (mut repo, _) = sample_book();
        let mut state = state_for(&repo);
        run(&mut state, &mut repo, [Action::AddCustomer]);
        run(&mut state, &mut repo, typed("北京星河科技"));
        run(&mut state, &mut repo, [Action::SaveForm]);
        screen(&mut state, 120, 40)
    });
    for said in [
        "账本里已有这个客户？",
        "名称相同",
        "你填写的",
        "上次联系",
        "a 仍然新增",
    ] {
        assert!(text.contains(said), "{said}:\n{text}");
    }
    insta::assert_snapshot!(text);
}

/// Two follow-ups on one day with the default ceiling: planned anyway, with a word of care.
#[test]
fn a_follow_up_too_close_to_another_is_said_in_chinese() {
    chinese(|| {
        let (mut repo, _) = sample_book();
        let mut state = state_for(&repo);
        for task in ["再打一次", "送样品"] {
            run(&mut state, &mut repo, [Action::AddFollowUp]);
            run(&mut state, &mut repo, typed(task));
            run(&mut state, &mut repo, [Action::SaveForm]);
        }
        let said = status(&state);
        assert!(said.starts_with("已安排跟进，明天：送样品"), "{said}");
        assert!(
            said.contains("。注意：同一天已有其他联系（关心而不打扰：至少间隔2天）"),
            "{said}"
        );
    });
}

#[test]
fn a_terminal_too_small_is_said_in_chinese() {
    let text = chinese(|| {
        let repo = common::empty_book();
        let mut state = state_for(&repo);
        screen(&mut state, 30, 8)
    });
    assert!(text.contains("终端窗口太小"), "{text}");
}
