//! Typing and pasting in forms and on the filter line: pasted text lands whole in the field
//! that has the keys, long text keeps the cursor in view, forms scroll to their focus.

use crate::common;

use common::driving::{fill, focus, form};
use common::{run, sample_book, state_for, typed};
use fieldbook::book::ids::CustomerId;
use fieldbook::tui::action::Action;
use fieldbook::tui::form::LogField;
use fieldbook::tui::keymap::{Key, action_for_key};
use fieldbook::tui::state::State;
use fieldbook::tui::text_input::TextEdit;
use fieldbook::tui::update::{paste, reviewing};
use fieldbook::tui::{customer_forms, ui};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// The frame as text, and where the cursor was put (if it was shown).
fn frame(state: &mut State, width: u16, height: u16) -> (String, Option<(u16, u16)>) {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| ui::draw(f, state)).unwrap();
    let backend = terminal.backend();
    let cursor = backend.cursor_visible().then(|| {
        let p = backend.cursor_position();
        (p.x, p.y)
    });
    (backend.to_string(), cursor)
}

fn select(state: &mut State, repo: &fieldbook::repository::Repository, id: CustomerId) {
    assert!(state.select_customer(id));
    fieldbook::tui::update::reading::load_detail(state, repo).unwrap();
}

const MESSAGE: &str = "Hi Michael,\tthanks for the call.\nPrices attached:\n\t- model A 12,000\n\t- model B 9,500\n王经理";

#[test]
fn a_paste_with_tabs_and_lines_stays_in_summary() {
    let (mut repo, s) = sample_book();
    let mut state = state_for(&repo);
    select(&mut state, &repo, s.northwind);
    run(&mut state, &mut repo, [Action::LogInteraction]);
    paste(&mut state, &mut repo, MESSAGE);
    let f = form(&state);
    assert_eq!(f.value(LogField::Summary), MESSAGE);
    assert_eq!(f.value(LogField::Channel), "call", "nothing spilled over");
    assert_eq!(f.value(LogField::With), "");
    assert_eq!(f.focused().key, LogField::Summary.into());
    run(&mut state, &mut repo, [Action::SaveForm]);
    assert!(state.form().is_none(), "{:?}", state.status);
    let history = repo.history(s.northwind, 5, 0).unwrap();
    assert_eq!(history[0].draft.summary, MESSAGE);
}

#[test]
fn a_paste_into_a_one_line_field_or_the_filter_becomes_one_line() {
    let (mut repo, s) = sample_book();
    let mut state = state_for(&repo);
    select(&mut state, &repo, s.northwind);
    run(&mut state, &mut repo, [Action::LogInteraction]);
    focus(&mut state, &mut repo, "With");
    paste(&mut state, &mut repo, "Michael\tChen\n");
    assert_eq!(form(&state).value(LogField::With), "Michael Chen ");
    run(&mut state, &mut repo, [Action::Back, Action::Answer(true)]);

    run(&mut state, &mut repo, [Action::StartFilter]);
    paste(&mut state, &mut repo, "north\nwind");
    assert_eq!(state.filter.text(), "north wind");
}

#[test]
fn fifty_thousand_pasted_characters_all_arrive() {
    let (mut repo, _) = sample_book();
    let mut state = state_for(&repo);
    run(&mut state, &mut repo, [Action::LogInteraction]);
    let big: String = "报价单 quote\t".chars().cycle().take(50_000).collect();
    paste(&mut state, &mut repo, &big);
    run(&mut state, &mut repo, typed("!"));
    let summary = form(&state).value(LogField::Summary);
    assert_eq!(summary.chars().count(), 50_001);
    assert!(summary.starts_with(&big) && summary.ends_with('!'));
    // Drawing it shows the end being typed at, the cursor inside the form.
    let (screen, cursor) = frame(&mut state, 120, 40);
    let (_, y) = cursor.expect("the cursor is shown");
    let row = screen.lines().nth(y as usize).unwrap();
    assert!(row.contains('!'), "the cursor's row holds the end: {row}");
}

#[test]
fn word_keys_move_and_delete_by_word_in_forms_and_the_filter() {
    let (mut repo, _) = sample_book();
    let mut state = state_for(&repo);
    run(&mut state, &mut repo, [Action::LogInteraction]);
    run(&mut state, &mut repo, typed("call 张伟 about the quote"));
    let key = |code, mods| Key { code, mods };
    let ctrl_left = key(KeyCode::Left, KeyModifiers::CONTROL);
    let alt_b = key(KeyCode::Char('b'), KeyModifiers::ALT);
    let ctrl_w = key(KeyCode::Char('w'), KeyModifiers::CONTROL);
    for k in [ctrl_left, alt_b] {
        let action = action_for_key(&state, k).expect("bound");
        run(&mut state, &mut repo, [action]);
    }
    let action = action_for_key(&state, ctrl_w).expect("bound");
    run(&mut state, &mut repo, [action]);
    assert_eq!(form(&state).value(LogField::Summary), "call 张伟 the quote");
    run(&mut state, &mut repo, [Action::Edit(TextEdit::End)]);
    run(&mut state, &mut repo, [Action::Back, Action::Answer(true)]);

    run(&mut state, &mut repo, [Action::StartFilter]);
    run(&mut state, &mut repo, typed("north wind"));
    let action = action_for_key(&state, ctrl_w).expect("bound on the filter line");
    run(&mut state, &mut repo, [action]);
    assert_eq!(state.filter.text(), "north ");
}

#[test]
fn a_long_chinese_name_scrolls_with_the_cursor_in_view() {
    let (mut repo, _) = sample_book();
    let mut state = state_for(&repo);
    run(&mut state, &mut repo, [Action::AddCustomer]);
    let name =
        "北京星河科技有限公司上海分公司华东区销售服务中心第二办事处采购部设备科张伟经理办公室";
    assert!(name.chars().count() > 39);
    run(&mut state, &mut repo, typed(name));
    let (screen, cursor) = frame(&mut state, 120, 40);
    let (x, _) = cursor.expect("the cursor is shown");
    // The form is 96 wide at 120 columns: its right border is at column 12 + 95.
    assert!(x < 12 + 95, "the cursor is inside the form, at {x}");
    assert!(screen.contains("经理办公室"), "the end being typed shows");
    insta::assert_snapshot!(screen);
}

#[test]
fn a_tall_form_in_a_short_terminal_opens_at_the_top_and_follows_tab() {
    let (mut repo, _) = sample_book();
    let mut state = state_for(&repo);
    run(&mut state, &mut repo, [Action::EditCustomer]);
    let (top, _) = frame(&mut state, 80, 24);
    assert!(top.contains("›Name"), "opens on its first field:\n{top}");
    fill(&mut state, &mut repo, "Notes", "新的备注");
    let (screen, cursor) = frame(&mut state, 80, 24);
    assert!(
        screen.contains("›Notes"),
        "Notes scrolled into view:\n{screen}"
    );
    assert!(cursor.is_some(), "and the cursor with it");
    insta::assert_snapshot!(screen);
}

#[test]
fn a_form_opened_on_a_later_field_still_shows_its_first() {
    let (mut repo, s) = sample_book();
    let mut state = state_for(&repo);
    state.open_form(reviewing::reconnect_form(s.quiet, "Bluefin Analytics"));
    let (screen, _) = frame(&mut state, 120, 40);
    assert!(
        screen.contains("Task") && screen.contains("›Due"),
        "{screen}"
    );
    let _ = &mut repo;
}

/// The character drawn at display column `col` of a frame line, as the terminal shows it.
fn at_column(line: &str, col: usize) -> Option<char> {
    use unicode_width::UnicodeWidthChar;
    let text = line.split('"').nth(1)?;
    let mut x = 0;
    for c in text.chars() {
        if x == col {
            return Some(c);
        }
        x += c.width().unwrap_or(0);
        if x > col {
            return None; // the column is the second half of a wide character
        }
    }
    None
}

#[test]
fn a_customer_form_drawn_over_cjk_names_keeps_its_borders() {
    let (repo, _) = sample_book();
    let mut state = state_for(&repo);
    state.open_form(customer_forms::customer_form(None, ""));
    // 24 rows: the form covers the list, and its left border (column 12) falls on the second
    // half of 技 in 北京星河科技有限公司.
    let (screen, _) = frame(&mut state, 120, 24);
    let rows: Vec<&str> = screen.lines().collect();
    let top = rows
        .iter()
        .position(|l| l.contains("Add a customer"))
        .unwrap();
    let bottom = top + rows[top..].iter().position(|l| l.contains('┛')).unwrap();
    assert!(bottom > top + 5);
    for line in &rows[top + 1..bottom] {
        assert_eq!(at_column(line, 12), Some('┃'), "left border in {line}");
        assert_eq!(at_column(line, 107), Some('┃'), "right border in {line}");
    }
    insta::assert_snapshot!(screen);
}

#[test]
fn logging_closes_the_earliest_due_follow_up_unless_told_none() {
    let (mut repo, s) = sample_book();
    let mut state = state_for(&repo);
    select(&mut state, &repo, s.xinghe);
    run(&mut state, &mut repo, [Action::LogInteraction]);
    let f = form(&state);
    assert!(
        f.value(LogField::Closes)
            .starts_with("2d overdue: 发报价单 #")
    );
    assert_eq!(
        f.focused().key,
        LogField::Summary.into(),
        "typing starts in Summary"
    );
    run(&mut state, &mut repo, typed("报价已发"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    assert!(state.form().is_none(), "{:?}", state.status);
    let open = repo.open_follow_ups(Some(s.xinghe)).unwrap();
    assert!(open.iter().all(|f| f.draft.task != "发报价单"), "closed");

    // Northwind's follow-up is due today: "none" leaves it open.
    select(&mut state, &repo, s.northwind);
    run(&mut state, &mut repo, [Action::LogInteraction]);
    run(&mut state, &mut repo, typed("quick hello"));
    focus(&mut state, &mut repo, "Closes");
    run(&mut state, &mut repo, [Action::Edit(TextEdit::Right)]);
    assert_eq!(form(&state).value(LogField::Closes), "none");
    run(&mut state, &mut repo, [Action::SaveForm]);
    assert!(state.form().is_none(), "{:?}", state.status);
    let open = repo.open_follow_ups(Some(s.northwind)).unwrap();
    assert!(
        open.iter()
            .any(|f| f.draft.task.starts_with("Call Michael"))
    );
}

#[test]
fn a_customer_with_nothing_due_gets_no_closes_field() {
    let (mut repo, s) = sample_book();
    let mut state = state_for(&repo);
    select(&mut state, &repo, s.zhangwei); // 王芳: a follow-up in 4 days, none due
    run(&mut state, &mut repo, [Action::LogInteraction]);
    assert!(!form(&state).has(LogField::Closes));
}

#[test]
fn the_outcome_field_lists_its_choices_in_both_languages() {
    let (mut repo, s) = sample_book();
    let mut state = state_for(&repo);
    select(&mut state, &repo, s.northwind);
    run(&mut state, &mut repo, [Action::LogInteraction]);
    run(&mut state, &mut repo, typed("sent the quote"));
    fill(&mut state, &mut repo, "Outcome", "q");
    assert_eq!(form(&state).value(LogField::Outcome), "quote sent 已报价");
    let (wide, _) = frame(&mut state, 120, 40);
    assert!(wide.contains("[quote sent 已报价]") && wide.contains("no answer 未接通"));
    insta::assert_snapshot!("outcome_list_wide", wide);
    let (narrow, _) = frame(&mut state, 80, 24);
    assert!(narrow.contains("[quote sent 已报价]"), "{narrow}");
    insta::assert_snapshot!("outcome_list_narrow", narrow);
    run(&mut state, &mut repo, [Action::SaveForm]);
    let history = repo.history(s.northwind, 1, 0).unwrap();
    assert_eq!(history[0].draft.outcome.as_deref(), Some("quote_sent"));
}
