//! The book's chrome as a Chinese user sees it: panes, footer, help and the review, wide and
//! at 80x24. Names and tasks are the book's own (some English); every word fieldbook says
//! itself is Chinese, and the columns hold although the labels are twice as wide.

use crate::common::{run, sample_book, state_for};
use crate::snapshots::{review_state, screen};
use fieldbook::i18n::{Language, with_language};
use fieldbook::tui::action::Action;

/// English words of the chrome that must not show on a Chinese screen (the sample book's own
/// names and tasks use none of them).
const ENGLISH_CHROME: &[&str] = &[
    "Customers",
    "Profile",
    "History",
    "Follow-ups",
    "Name ",
    "City",
    "Tier",
    "Stage",
    "Last",
    "Next",
    "overdue",
    "due today",
    "filter",
    "help",
    "quit",
    "sort",
    "People",
    "Notes",
    "Revenue",
    "Today",
    "review",
    "left",
    "done",
    "snooze",
    "skip",
    "going cold",
    "OVERDUE",
    "was due",
    "Person",
    "Phone",
    "WeChat",
    "Esc back",
    " of ",
];

/// The whole screen, the status line included.
fn assert_no_english_chrome(text: &str) {
    for word in ENGLISH_CHROME {
        assert!(
            !text.contains(word),
            "{word:?} on a Chinese screen:\n{text}"
        );
    }
}

fn book_screen(width: u16, height: u16) -> String {
    with_language(Language::Chinese, || {
        let (repo, _) = sample_book();
        let mut state = state_for(&repo);
        screen(&mut state, width, height)
    })
}

#[test]
fn book_in_chinese_wide() {
    let text = book_screen(120, 40);
    assert!(text.contains("1 客户") && text.contains("4 跟进"), "{text}");
    assert_no_english_chrome(&text);
    insta::assert_snapshot!(text);
}

/// The widest common terminal: the columns still line up with labels twice as wide.
#[test]
fn book_in_chinese_at_200x50() {
    let text = book_screen(200, 50);
    assert!(text.contains("1 客户") && text.contains("4 跟进"), "{text}");
    assert_no_english_chrome(&text);
    insta::assert_snapshot!(text);
}

#[test]
fn book_in_chinese_at_80x24() {
    let text = book_screen(80, 24);
    assert_no_english_chrome(&text);
    insta::assert_snapshot!(text);
}

#[test]
fn help_in_chinese() {
    let text = with_language(Language::Chinese, || {
        let (mut repo, _) = sample_book();
        let mut state = state_for(&repo);
        run(&mut state, &mut repo, [Action::ShowHelp]);
        screen(&mut state, 120, 40)
    });
    assert_no_english_chrome(&text);
    assert!(text.contains("按键") && text.contains("客户列表"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn review_card_in_chinese_wide() {
    let text = with_language(Language::Chinese, || {
        let (mut repo, s) = sample_book();
        let mut state = review_state(&mut repo, &s);
        screen(&mut state, 120, 40)
    });
    assert!(text.contains("今日回顾") && text.contains("逾期"), "{text}");
    assert_no_english_chrome(&text);
    insta::assert_snapshot!(text);
}

/// The snooze choices too, at 80x24.
#[test]
fn review_card_in_chinese_at_80x24() {
    let text = with_language(Language::Chinese, || {
        let (mut repo, s) = sample_book();
        let mut state = review_state(&mut repo, &s);
        run(
            &mut state,
            &mut repo,
            [Action::CompleteFollowUp, Action::SnoozeFollowUp],
        );
        screen(&mut state, 80, 24)
    });
    assert!(
        text.contains("推迟到") || text.contains("安排跟进"),
        "{text}"
    );
    assert_no_english_chrome(&text);
    insta::assert_snapshot!(text);
}
