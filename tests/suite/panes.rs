//! The panes hold more than fits: help that scrolls and opens where the person is, a profile
//! that scrolls without switching customer, follow-ups in columns that stay aligned with
//! times and CJK names, and names that keep most of a narrow list, cut with `…`.

use chrono::{NaiveDate, NaiveTime};
use fieldbook::book::deals::{DealDraft, DealStage};
use fieldbook::book::model::{CustomerDraft, FollowUpDraft};
use fieldbook::repository::Repository;
use fieldbook::tui::action::{Action, Pane};
use fieldbook::tui::keymap::{BINDINGS, Context, keys_label};
use fieldbook::tui::panes::help::help_text;
use fieldbook::tui::state::{Overlay, State};
use fieldbook::tui::update::reading;
use unicode_width::UnicodeWidthStr;

use crate::common::{self, run, sample_book, state_for, today};
use crate::snapshots::screen;

/// The help popup's "12-40 of 96" from a frame, as (first, last, total).
fn help_position(frame: &str) -> (usize, usize, usize) {
    let line = frame
        .lines()
        .find(|l| l.contains(" of ") && l.contains('┛'))
        .unwrap_or_else(|| panic!("no position on the border:\n{frame}"));
    let at = line
        .split('━')
        .rfind(|s| s.contains(" of "))
        .unwrap()
        .trim();
    let at = at.trim_end_matches(|c: char| !c.is_ascii_digit());
    let (range, total) = at.split_once(" of ").unwrap();
    let (first, last) = range.split_once('-').unwrap();
    (
        first.parse().unwrap(),
        last.parse().unwrap(),
        total.parse().unwrap(),
    )
}

#[test]
fn help_scrolls_to_its_last_line_at_80x24() {
    let (mut repo, _) = sample_book();
    let mut state = state_for(&repo);
    run(&mut state, &mut repo, [Action::ShowHelp]);
    let top = screen(&mut state, 80, 24);
    let (first, last, total) = help_position(&top);
    assert!(
        first > 1 && last < total,
        "opens inside, on the list:\n{top}"
    );
    run(&mut state, &mut repo, [Action::MoveLast]);
    let end = screen(&mut state, 80, 24);
    let (_, last, total_again) = help_position(&end);
    assert_eq!((last, total_again), (total, total), "{end}");
    assert!(end.contains("Dates: today"), "the last line shows:\n{end}");
    insta::assert_snapshot!(end);
    run(
        &mut state,
        &mut repo,
        [Action::MoveFirst, Action::PageDown, Action::MoveDown],
    );
    let paged = screen(&mut state, 80, 24);
    let (first, last, _) = help_position(&paged);
    assert_eq!(first, 1 + (last - first + 1) + 1, "a page and a line down");
    assert!(paged.contains("Everywhere") || first > 1);
}

#[test]
fn help_from_the_review_opens_on_the_review_section() {
    let (mut repo, _) = sample_book();
    let mut state = state_for(&repo);
    run(
        &mut state,
        &mut repo,
        [Action::OpenReview, Action::ShowHelp],
    );
    let Some(Overlay::Help(help)) = &state.overlay else {
        panic!("help is open");
    };
    assert_eq!(help.jump_to, Some(Context::Review));
    let frame = screen(&mut state, 80, 24);
    let first_line = frame.lines().nth(2).unwrap();
    assert!(
        first_line.contains("Today's review (t)"),
        "the Review section at the top:\n{frame}"
    );
    insta::assert_snapshot!(frame);
    run(&mut state, &mut repo, [Action::Back]);
    assert!(state.overlay.is_none() && state.review().is_some());
}

#[test]
fn help_over_a_form_goes_back_to_the_form_as_typed() {
    let (mut repo, _) = sample_book();
    let mut state = state_for(&repo);
    run(&mut state, &mut repo, [Action::LogInteraction]);
    run(&mut state, &mut repo, common::typed("电话"));
    let before = state.form().cloned().unwrap();
    run(&mut state, &mut repo, [Action::ShowHelp]);
    let Some(Overlay::Help(help)) = &state.overlay else {
        panic!("help is open");
    };
    assert_eq!(help.jump_to, Some(Context::Form));
    assert!(screen(&mut state, 100, 30).contains("Forms"));
    run(&mut state, &mut repo, [Action::MoveDown, Action::Back]);
    assert_eq!(state.form(), Some(&before));
    // Ctrl-C under help asks about the typed form, as it would without help.
    run(&mut state, &mut repo, [Action::ShowHelp, Action::Quit]);
    assert!(!state.quit && state.form().unwrap().confirm_discard);
}

/// Without spaces, so text wrapped over lines reads as it does in one.
fn squeezed(text: &str) -> String {
    text.split_whitespace().collect()
}

/// One section of the help text, from its title to the blank line after it, squeezed.
fn section(ctx: Context, width: usize) -> String {
    let text = help_text(width);
    let start = text.start(ctx);
    assert_eq!(text.lines[start].to_string(), ctx.title());
    let lines: Vec<String> = text.lines[start..]
        .iter()
        .take_while(|l| l.width() > 0)
        .map(|l| l.to_string())
        .collect();
    squeezed(&lines.concat())
}

#[test]
fn every_binding_of_the_table_is_in_help() {
    use fieldbook::i18n::{Language, with_language};
    for language in Language::ALL {
        with_language(language, || {
            for width in [38, 78, 98] {
                for b in BINDINGS {
                    let shown = section(b.context, width);
                    let line = squeezed(&format!("{} {}", keys_label(b), b.help_text()));
                    assert!(
                        shown.contains(&line),
                        "{:?} {language:?} at {width}: {line:?} not in {shown:?}",
                        b.context
                    );
                }
            }
        });
    }
}

#[test]
fn j_in_the_profile_scrolls_it_and_leaves_the_customer_selected() {
    use fieldbook::tui::keymap::{Key, action_for_key};
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    let press = |c| Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    };
    let (mut repo, _) = sample_book();
    let mut state = state_for(&repo);
    let first = state.selected_id();
    run(&mut state, &mut repo, [Action::FocusPane(Pane::Profile)]);
    for _ in 0..3 {
        let action = action_for_key(&state, press('j'));
        assert_eq!(action, Some(Action::MoveDown));
        run(&mut state, &mut repo, action);
    }
    assert_eq!(state.selected_id(), first, "j never switches customer");
    assert_eq!(state.profile_scroll.offset, 3);
    let k = action_for_key(&state, press('k'));
    run(&mut state, &mut repo, k);
    run(&mut state, &mut repo, [Action::PageDown, Action::MoveLast]);
    assert_eq!(state.selected_id(), first);
    // The list's keys still act on the profile's customer; the list's j moves on.
    assert_eq!(
        action_for_key(&state, press('e')),
        Some(Action::EditCustomer)
    );
    run(&mut state, &mut repo, [Action::FocusPane(Pane::Customers)]);
    let j = action_for_key(&state, press('j'));
    run(&mut state, &mut repo, j);
    assert_ne!(state.selected_id(), first);
    assert_eq!(
        state.profile_scroll.offset, 0,
        "a new customer's profile opens at its top"
    );
}

/// A customer with 12 deals, ten of them won orders, and notes at the end of the profile.
fn twelve_deals(repo: &mut Repository) -> fieldbook::book::model::CustomerId {
    let id = repo
        .add_customer(&CustomerDraft {
            name: "杭州精诚化工有限公司".into(),
            city: "杭州".into(),
            tags: vec!["化工".into()],
            notes: "老客户，付款准时。\n最后一行备注".into(),
            ..Default::default()
        })
        .unwrap();
    for n in 1..=12 {
        let won = n <= 10;
        repo.add_deal(&DealDraft {
            customer_id: id,
            title: format!("订单 {n:02} 包装膜"),
            amount: 100_000 * n,
            currency: "CNY".into(),
            stage: if won {
                DealStage::Won
            } else {
                DealStage::Negotiation
            },
            expected_close: (!won).then(|| today() + chrono::Days::new(20)),
            closed_on: won.then(|| NaiveDate::from_ymd_opt(2026, n as u32 % 10 + 1, 5).unwrap()),
        })
        .unwrap();
    }
    id
}

#[test]
fn the_profile_of_a_customer_with_12_deals_scrolls_to_its_end() {
    let (mut repo, _) = sample_book();
    let id = twelve_deals(&mut repo);
    let mut state = state_for(&repo);
    assert!(state.select_customer(id));
    reading::load_detail(&mut state, &repo).unwrap();
    run(&mut state, &mut repo, [Action::FocusPane(Pane::Profile)]);
    let top = screen(&mut state, 76, 24);
    assert!(!top.contains("最后一行备注"), "the end is below:\n{top}");
    run(&mut state, &mut repo, [Action::MoveLast]);
    let end = screen(&mut state, 76, 24);
    assert!(end.contains("最后一行备注"), "{end}");
    assert_eq!(state.selected_id(), Some(id), "still the same customer");
    insta::assert_snapshot!(end);
    // Every deal is there to scroll to.
    run(&mut state, &mut repo, [Action::MoveFirst]);
    let mut seen = String::new();
    for _ in 0..10 {
        seen.push_str(&screen(&mut state, 76, 24));
        run(&mut state, &mut repo, [Action::PageDown]);
    }
    for n in 1..=12 {
        assert!(seen.contains(&format!("订单 {n:02}")), "deal {n}");
    }
}

fn pinned_state(repo: &Repository) -> State {
    reading::load(repo, common::now(), "test book").unwrap()
}

/// Timed and untimed follow-ups, overdue and ahead, for long and short CJK names.
fn timed_book() -> Repository {
    let (mut repo, s) = sample_book();
    let long = repo
        .add_customer(&CustomerDraft {
            name: "深圳市南山区前海国际物流供应链管理有限公司".into(),
            city: "深圳".into(),
            ..Default::default()
        })
        .unwrap();
    let at = |h, m| NaiveTime::from_hms_opt(h, m, 0);
    for (customer, days, time, task) in [
        (s.xinghe, 0, at(9, 0), "电话确认交货时间"),
        (
            long,
            0,
            at(15, 0),
            "视频会议：年度框架合同条款逐条确认，带上法务和财务",
        ),
        (s.northwind, 2, at(14, 30), "Send the revised quote"),
        (long, -3, None, "寄样品"),
        (s.zhangwei, 1, at(10, 0), "送花"),
    ] {
        repo.add_follow_up(&FollowUpDraft {
            customer_id: customer,
            due_on: today() + chrono::TimeDelta::days(days),
            due_time: time,
            task: task.into(),
            repeat: None,
        })
        .unwrap();
    }
    repo
}

/// Where, in display columns, `needle` starts on the last frame line that holds `row` (the
/// follow-ups pane is at the bottom; the profile above may list the same task).
fn column_of(frame: &str, row: &str, needle: &str) -> usize {
    let line = frame
        .lines()
        .rfind(|l| l.contains(row))
        .unwrap_or_else(|| panic!("no {row:?} in\n{frame}"));
    let at = line
        .find(needle)
        .unwrap_or_else(|| panic!("no {needle:?} on the {row:?} line:\n{frame}"));
    line[..at].width()
}

#[test]
fn follow_ups_keep_their_columns_with_times_and_cjk_names() {
    let mut repo = timed_book();
    let mut state = pinned_state(&repo);
    run(&mut state, &mut repo, [Action::FocusPane(Pane::FollowUps)]);
    // (task, customer) of each follow-up; at 80x24 the pane shows the first three.
    let rows = [
        ("寄样品", "深圳市"),
        ("发报价单", "北京星河"),
        ("电话确认", "北京星河"),
        ("视频会议", "深圳市"),
        ("Call Michael", "Northwind"),
        ("送花", "王芳"),
        ("Send the revised", "Northwind"),
    ];
    for (width, height, shown) in [(80, 24, 3), (200, 50, rows.len())] {
        let frame = screen(&mut state, width, height);
        // Every customer name starts in one column, every task in another, whatever the
        // time, the label or the width of the name before it.
        let name_col = column_of(&frame, "电话确认", "北京星河");
        let task_col = column_of(&frame, "电话确认", "电话确认");
        for (task, name) in &rows[..shown] {
            assert_eq!(column_of(&frame, task, name), name_col, "{task}\n{frame}");
            assert_eq!(column_of(&frame, task, task), task_col, "{task}\n{frame}");
        }
        assert_eq!(
            column_of(&frame, "电话确认", "09:00") + 6,
            name_col,
            "the time in a column of its own:\n{frame}"
        );
        insta::assert_snapshot!(format!("follow_ups_{width}x{height}"), frame);
    }
}

#[test]
fn at_80x24_the_name_column_gets_most_of_the_list() {
    let mut repo = timed_book();
    let mut state = pinned_state(&repo);
    let frame = screen(&mut state, 80, 24);
    let header = frame.lines().find(|l| l.contains("Name")).unwrap();
    let name_at = column_of(&frame, "Name", "Name");
    let next_at = column_of(&frame, "Name", "Next");
    assert!(
        next_at - name_at >= 24,
        "the name gets most of the 38 columns:\n{header}"
    );
    assert!(
        frame.contains("深圳市南山区前海国际物流…"),
        "a long name cut with …:\n{frame}"
    );
    insta::assert_snapshot!(frame);
    let _ = &mut repo;
}
