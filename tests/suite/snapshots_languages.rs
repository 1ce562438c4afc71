//! Every screen in both languages at 120x40, the status line included: the book with each
//! pane focused, the help, the welcome screen, a form with a field error, the review card and
//! the dashboard. On the Chinese screens no English word shows except the book's own data
//! (names, tasks, summaries), key names and fieldbook's name.

use crate::common::{empty_book, run, sample_book, state_for};
use crate::snapshots::{review_state, screen};
use fieldbook::i18n::{Language, with_language};
use fieldbook::tui::action::{Action, Pane};

/// Words a Chinese screen may show: the sample book's data, the keys (the same in every
/// language), fieldbook's name and its command line.
const ALLOWED: &[&str] = &[
    // The sample book.
    "Northwind",
    "Pacific",
    "Trading",
    "Ltd",
    "Hong",
    "Kong",
    "Michael",
    "Chen",
    "Bluefin",
    "Analytics",
    "Singapore",
    "Sent",
    "the",
    "catalogue",
    "and",
    "price",
    "list",
    "Asked",
    "about",
    "payment",
    "terms",
    "Call",
    "vip",
    "xinghe_tech",
    "check",
    // The book's name, as the test opens it.
    "test",
    "book",
    "info",
    "xhtech",
    "example",
    "michael",
    "chen",
    "northwind",
    "line",
    "one",
    "two",
    "fdp",
    "exe",
    // Keys, fieldbook and its commands.
    "Esc",
    "Enter",
    "Tab",
    "Ctrl",
    "Shift",
    "Space",
    "PgUp",
    "PgDn",
    "Home",
    "End",
    "Up",
    "Down",
    "Left",
    "Right",
    "F1",
    "Alt",
    "fieldbook",
    "demo",
    "CNY",
];

/// Each run of two or more ASCII letters that is not allowed (nor the start of an allowed
/// word cut short by its column): an English word left over. The test backend's note on
/// cells under wide characters is not on the screen.
fn english_words(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let screen: Vec<&str> = text
        .lines()
        .map(|l| {
            l.split(" Hidden by multi-width symbols")
                .next()
                .unwrap_or(l)
        })
        .collect();
    let screen = screen.join("\n");
    for word in screen.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
        let letters = word.chars().filter(char::is_ascii_alphabetic).count();
        if letters >= 2
            && !ALLOWED.iter().any(|a| a.starts_with(word))
            && !found.contains(&word.to_string())
        {
            found.push(word.to_string());
        }
    }
    found
}

/// The screen `draw` leads to, in both languages: `(english, chinese)`, the Chinese one held to
/// have no English word of fieldbook's own.
fn both(name: &str, draw: impl Fn() -> String) -> (String, String) {
    let english = with_language(Language::English, &draw);
    let chinese = with_language(Language::Chinese, &draw);
    let left = english_words(&chinese);
    assert!(
        left.is_empty(),
        "English {left:?} on the Chinese {name}:\n{chinese}"
    );
    insta::assert_snapshot!(format!("{name}_en"), english);
    insta::assert_snapshot!(format!("{name}_zh"), chinese);
    (english, chinese)
}

fn book_focused(pane: Pane) -> String {
    let (mut repo, _) = sample_book();
    let mut state = state_for(&repo);
    run(&mut state, &mut repo, [Action::FocusPane(pane)]);
    screen(&mut state, 120, 40)
}

#[test]
fn the_book_with_each_pane_focused_in_both_languages() {
    let (_, zh) = both("book_list", || book_focused(Pane::Customers));
    assert!(zh.contains("客户"), "{zh}");
    both("book_profile", || book_focused(Pane::Profile));
    both("book_history", || book_focused(Pane::History));
    both("book_follow_ups", || book_focused(Pane::FollowUps));
}

#[test]
fn help_in_both_languages() {
    both("help", || {
        let (mut repo, _) = sample_book();
        let mut state = state_for(&repo);
        run(&mut state, &mut repo, [Action::ShowHelp]);
        screen(&mut state, 120, 40)
    });
}

#[test]
fn welcome_in_both_languages() {
    both("welcome", || {
        let repo = empty_book();
        let mut state = state_for(&repo);
        screen(&mut state, 120, 40)
    });
}

/// A customer saved without a name: the message beside the field and on the status line.
#[test]
fn a_form_with_a_field_error_in_both_languages() {
    let (en, zh) = both("form_error", || {
        let (mut repo, _) = sample_book();
        let mut state = state_for(&repo);
        run(
            &mut state,
            &mut repo,
            [Action::AddCustomer, Action::SaveForm],
        );
        screen(&mut state, 120, 40)
    });
    assert!(
        en.contains("a name is needed") && en.contains("check the fields"),
        "{en}"
    );
    assert!(
        zh.contains("请填写名称") && zh.contains("请检查标红的项"),
        "{zh}"
    );
}

#[test]
fn the_review_card_in_both_languages() {
    both("review_card", || {
        let (mut repo, s) = sample_book();
        let mut state = review_state(&mut repo, &s);
        screen(&mut state, 120, 40)
    });
}

#[test]
fn the_dashboard_in_both_languages() {
    both("dashboard", || {
        let (mut repo, _) = sample_book();
        let mut state = state_for(&repo);
        run(&mut state, &mut repo, [Action::ShowDashboard]);
        screen(&mut state, 120, 40)
    });
}
