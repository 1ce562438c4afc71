//! In the TUI a date for later that is already past is refused naming it, and saving again
//! unchanged says it is meant; a When still to come is offered as the follow-up date instead.

use crate::common;

use common::driving::{fill, form};
use common::{run, sample_book, state_for, typed};
use fieldbook::repository::Repository;
use fieldbook::tui::action::{Action, Pane};
use fieldbook::tui::form::{FollowUpField, LogField};
use fieldbook::tui::keymap::{Key, action_for_key};
use fieldbook::tui::state::State;
use fieldbook::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// The sample book with Bluefin (no follow-ups, no history) selected.
fn bluefin() -> (Repository, State, fieldbook::book::model::CustomerId) {
    let (repo, s) = sample_book();
    let mut state = state_for(&repo);
    assert!(state.select_customer(s.quiet));
    fieldbook::tui::update::reading::load_detail(&mut state, &repo).unwrap();
    (repo, state, s.quiet)
}

fn error_of(state: &State, label: &str) -> Option<String> {
    let f = form(state).fields.iter().find(|f| f.label == label)?;
    f.error.clone()
}

fn dues(repo: &Repository, id: fieldbook::book::model::CustomerId) -> Vec<String> {
    repo.open_follow_ups(Some(id))
        .unwrap()
        .iter()
        .map(|f| match f.draft.due_time {
            Some(t) => format!("{} {}", f.draft.due_on, t.format("%H:%M")),
            None => f.draft.due_on.to_string(),
        })
        .collect()
}

fn screen(state: &mut State, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| ui::draw(f, state)).unwrap();
    terminal.backend().to_string()
}

#[test]
fn a_past_follow_up_date_in_the_log_form_is_named_then_kept_when_saved_again() {
    let (mut repo, mut state, id) = bluefin();
    run(&mut state, &mut repo, [Action::LogInteraction]);
    run(&mut state, &mut repo, typed("Called about the renewal"));
    fill(&mut state, &mut repo, "Follow-up date", "2026-01-05");
    run(&mut state, &mut repo, [Action::SaveForm]);
    assert_eq!(
        error_of(&state, "Follow-up date").as_deref(),
        Some("2026-01-05 is 327 days ago: a follow-up is for later; Ctrl-S again keeps it")
    );
    assert_eq!(
        repo.interaction_count(id).unwrap(),
        0,
        "nothing written yet"
    );
    assert_eq!(
        form(&state).value(LogField::Summary),
        "Called about the renewal"
    );
    let shown = screen(&mut state, 120, 40);
    assert!(
        shown.contains("327 days ago: a follow-up is for later; Ctrl-S again keeps"),
        "{shown}"
    );
    insta::assert_snapshot!(shown);

    run(&mut state, &mut repo, [Action::SaveForm]);
    assert!(state.overlay.is_none(), "{:?}", state.status);
    assert_eq!(repo.interaction_count(id).unwrap(), 1);
    assert_eq!(dues(&repo, id), ["2026-01-05"]);
}

#[test]
fn a_changed_past_date_is_asked_about_again() {
    let (mut repo, mut state, id) = bluefin();
    run(&mut state, &mut repo, [Action::AddFollowUp]);
    fill(&mut state, &mut repo, "Task", "send the samples");
    fill(&mut state, &mut repo, "Due", "yesterday");
    run(&mut state, &mut repo, [Action::SaveForm]);
    let refused = error_of(&state, "Due").expect("refused");
    assert!(refused.starts_with("2026-11-27 is 1 day ago"), "{refused}");

    // Another past date is a new question, not the answer to the first.
    run(
        &mut state,
        &mut repo,
        [Action::Edit(
            fieldbook::tui::text_input::TextEdit::ClearToStart,
        )],
    );
    run(&mut state, &mut repo, typed("-3d"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    let refused = error_of(&state, "Due").expect("asked again");
    assert!(refused.starts_with("2026-11-25 is 3 days ago"), "{refused}");
    assert!(dues(&repo, id).is_empty());
    assert_eq!(
        form(&state).value(FollowUpField::Due),
        "-3d",
        "what was typed stays"
    );

    run(&mut state, &mut repo, [Action::SaveForm]);
    assert!(state.overlay.is_none());
    assert_eq!(dues(&repo, id), ["2026-11-25"]);
}

#[test]
fn a_snooze_to_a_past_date_is_kept_when_saved_again() {
    let (mut repo, _) = sample_book();
    let mut state = state_for(&repo);
    run(&mut state, &mut repo, [Action::FocusPane(Pane::FollowUps)]);
    let follow_up = state.selected_follow_up().unwrap().clone();
    run(&mut state, &mut repo, [Action::SnoozeFollowUp]);
    run(&mut state, &mut repo, typed("11-20"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    // A yearless date leans ahead: 11-20 typed on 11-28 is next year's, not past.
    assert!(state.overlay.is_none(), "{:?}", state.overlay);
    assert_eq!(
        repo.follow_up(follow_up.id)
            .unwrap()
            .draft
            .due_on
            .to_string(),
        "2027-11-20"
    );

    run(&mut state, &mut repo, [Action::SnoozeFollowUp]);
    let snoozed = state.selected_follow_up().unwrap().id;
    run(&mut state, &mut repo, typed("2026-11-20"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    let refused = error_of(&state, "Until").expect("a past snooze is refused");
    assert!(
        refused.starts_with("2026-11-20 is 8 days ago")
            && refused.ends_with("Ctrl-S again keeps it"),
        "{refused}"
    );
    run(&mut state, &mut repo, [Action::SaveForm]);
    assert!(state.overlay.is_none());
    assert_eq!(
        repo.follow_up(snoozed).unwrap().draft.due_on.to_string(),
        "2026-11-20"
    );
}

#[test]
fn a_when_still_to_come_becomes_the_follow_up_date_with_one_key() {
    let (mut repo, mut state, id) = bluefin();
    run(&mut state, &mut repo, [Action::LogInteraction]);
    run(&mut state, &mut repo, typed("Meeting about the renewal"));
    fill(&mut state, &mut repo, "When", "tomorrow 15:00");
    run(&mut state, &mut repo, [Action::SaveForm]);
    let refused = error_of(&state, "When").expect("a contact still to come is refused");
    assert!(
        refused.starts_with("2026-11-29 15:00 is still to come")
            && refused.ends_with("make it a follow-up instead (Ctrl-F does)"),
        "{refused}"
    );
    assert_eq!(repo.interaction_count(id).unwrap(), 0);

    let ctrl_f = Key {
        code: KeyCode::Char('f'),
        mods: KeyModifiers::CONTROL,
    };
    let action = action_for_key(&state, ctrl_f).expect("Ctrl-F is bound in forms");
    run(&mut state, &mut repo, [action]);
    let f = form(&state);
    assert_eq!(f.value(LogField::When), "", "When is now again");
    assert_eq!(f.value(LogField::FollowUpDate), "tomorrow 15:00");
    assert_eq!(f.focused().label, "Follow-up date");
    assert!(!f.has_errors());

    run(&mut state, &mut repo, [Action::SaveForm]);
    assert!(state.overlay.is_none(), "{:?}", state.status);
    let history = repo.history(id, 5, 0).unwrap();
    assert_eq!(history[0].draft.at, common::now(), "logged now");
    assert_eq!(dues(&repo, id), ["2026-11-29 15:00"]);
}
