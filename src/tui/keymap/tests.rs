use super::*;

use KeyCode as K;

fn press(code: KeyCode, mods: KeyModifiers) -> Key {
    normalize(KeyEvent::new(code, mods)).unwrap()
}

#[test]
fn table_of_contract_keys() {
    let panes = [Context::Customers, Context::Panes];
    let cases = [
        (press(K::Char('j'), KeyModifiers::NONE), Action::MoveDown),
        (press(K::Down, KeyModifiers::NONE), Action::MoveDown),
        (press(K::Char('k'), KeyModifiers::NONE), Action::MoveUp),
        (press(K::Char('G'), KeyModifiers::SHIFT), Action::MoveLast),
        (press(K::Char('g'), KeyModifiers::NONE), Action::MoveFirst),
        (press(K::PageDown, KeyModifiers::NONE), Action::PageDown),
        (press(K::Tab, KeyModifiers::NONE), Action::NextPane),
        (press(K::BackTab, KeyModifiers::SHIFT), Action::PreviousPane),
        (
            press(K::Char('3'), KeyModifiers::NONE),
            Action::FocusPane(Pane::History),
        ),
        (press(K::Char('/'), KeyModifiers::NONE), Action::StartFilter),
        (press(K::Char('a'), KeyModifiers::NONE), Action::AddCustomer),
        (
            press(K::Char('e'), KeyModifiers::NONE),
            Action::EditCustomer,
        ),
        (
            press(K::Char('X'), KeyModifiers::SHIFT),
            Action::ArchiveCustomer,
        ),
        (
            press(K::Char('l'), KeyModifiers::NONE),
            Action::LogInteraction,
        ),
        (press(K::Char('f'), KeyModifiers::NONE), Action::AddFollowUp),
        (press(K::Char('?'), KeyModifiers::NONE), Action::ShowHelp),
        (press(K::Char('q'), KeyModifiers::NONE), Action::Quit),
        (press(K::Enter, KeyModifiers::NONE), Action::Open),
    ];
    for (key, want) in cases {
        assert_eq!(lookup(&panes, key), Some(want), "{key:?}");
    }
    let follow_ups = [Context::FollowUps, Context::Panes];
    assert_eq!(
        lookup(&follow_ups, press(K::Char('d'), KeyModifiers::NONE)),
        Some(Action::CompleteFollowUp)
    );
    assert_eq!(
        lookup(&follow_ups, press(K::Char('s'), KeyModifiers::NONE)),
        Some(Action::SnoozeFollowUp)
    );
    assert_eq!(
        lookup(&[Context::Form], press(K::Char('s'), KeyModifiers::CONTROL)),
        Some(Action::SaveForm)
    );
    assert_eq!(
        lookup(&[Context::Form], press(K::Char('s'), KeyModifiers::NONE)),
        None,
        "plain s is text"
    );
    assert_eq!(
        lookup(&[Context::Confirm], press(K::Char('y'), KeyModifiers::NONE)),
        Some(Action::Answer(true))
    );
}

#[test]
fn releases_are_ignored() {
    let mut e = KeyEvent::new(K::Char('q'), KeyModifiers::NONE);
    e.kind = KeyEventKind::Release;
    assert_eq!(normalize(e), None);
}

#[test]
fn no_key_is_bound_twice_in_one_context() {
    for (i, a) in BINDINGS.iter().enumerate() {
        for b in &BINDINGS[i + 1..] {
            if a.context == b.context {
                for k in a.keys {
                    assert!(!b.keys.contains(k), "{k:?} bound twice in {:?}", a.context);
                }
            }
        }
    }
}

#[test]
fn hints_come_from_the_table() {
    let said = |hints: Vec<Hint>| -> Vec<(String, String)> {
        hints.into_iter().map(|h| (h.keys, h.text)).collect()
    };
    let english = said(hints(&[Context::Form]));
    assert!(english.contains(&("Ctrl-S".to_string(), "save".to_string())));
    assert!(english.contains(&("Esc".to_string(), "cancel".to_string())));
    let chinese = crate::i18n::with_language(crate::i18n::Language::Chinese, || {
        said(hints(&[Context::Form]))
    });
    assert!(chinese.contains(&("Ctrl-S".to_string(), "保存".to_string())));
}

#[test]
fn only_the_help_keys_hint_opens_the_help() {
    let panes = hints(&[Context::Panes]);
    let opening: Vec<&str> = panes
        .iter()
        .filter(|h| h.opens_help)
        .map(|h| h.text.as_str())
        .collect();
    assert_eq!(opening, ["help"]);
}

/// A State built without a book: the overlay's context wins over the screen's, and each
/// screen brings its own.
#[test]
fn contexts_follow_the_overlay_then_the_screen() {
    use crate::tui::review::Review;
    use crate::tui::state::{Overlay, Screen, State};
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 28)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    let mut state = State::new(now, "no book", crate::config::Config::default());
    state.focus = Pane::History;
    assert_eq!(contexts(&state), [Context::History, Context::Panes]);
    state.focus = Pane::Profile;
    assert_eq!(
        contexts(&state),
        [Context::Profile, Context::Customers, Context::Panes]
    );
    let j = press(K::Char('j'), KeyModifiers::NONE);
    assert_eq!(lookup(&contexts(&state), j), Some(Action::MoveDown));
    let e = press(K::Char('e'), KeyModifiers::NONE);
    assert_eq!(
        lookup(&contexts(&state), e),
        Some(Action::EditCustomer),
        "the list's keys act on the profile's customer"
    );
    state.screen = Screen::Book { filtering: true };
    assert_eq!(contexts(&state), [Context::Filter]);
    let typed = press(K::Char('x'), KeyModifiers::NONE);
    assert_eq!(
        action_for_key(&state, typed),
        Some(Action::Edit(TextEdit::Insert('x')))
    );
    state.screen = Screen::Review(Box::new(Review {
        choosing_date: true,
        ..Review::default()
    }));
    assert_eq!(contexts(&state), [Context::ReviewDate]);
    let help = crate::tui::help::HelpView::over(&mut state);
    assert_eq!(
        help.jump_to,
        Some(Context::ReviewDate),
        "opens where the keys were"
    );
    state.overlay = Some(Overlay::Help(Box::new(help)));
    assert_eq!(contexts(&state), [Context::Help]);
    let mut form = crate::tui::importing::import_form();
    form.confirm_discard = true;
    state.open_form(form);
    assert_eq!(contexts(&state), [Context::Confirm]);
    assert_eq!(action_for_key(&state, typed), None, "no typing while asked");
    assert_eq!(
        action_for_key(&state, press(K::Char('c'), KeyModifiers::CONTROL)),
        Some(Action::Quit)
    );
}
