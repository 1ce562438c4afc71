//! Keys while a form, a question or help is open over the screen. Closing one uncovers the
//! screen underneath as it was.

use super::reading::refresh_customer;
use super::saving::save_form;
use super::{duplicates, quit, safe_text};
use crate::repository::{Repository, Result};
use crate::tui::action::Action;
use crate::tui::form::{ComplaintField, DealField, FieldKey, FieldKind, Form, LogField};
use crate::tui::help::HelpView;
use crate::tui::state::{Overlay, Question, State, TextScroll};
use crate::tui::text_input::TextEdit;
use crate::tui::{account_forms, book_forms as forms};

pub(super) fn overlay_dispatch(
    state: &mut State,
    repo: &mut Repository,
    action: Action,
) -> Result<()> {
    match action {
        Action::Quit => quit(state),
        Action::Back => back(state),
        Action::NextField => with_form(state, Form::next_field),
        Action::PreviousField => with_form(state, Form::previous_field),
        Action::SubmitField => submit_field(state, repo)?,
        Action::SaveForm => save_form(state, repo)?,
        Action::ReloadForm => super::changed_elsewhere::reload_form(state, repo)?,
        Action::WhenToFollowUp => with_form(state, forms::when_to_follow_up),
        Action::Answer(yes) => answer(state, repo, yes)?,
        Action::OpenExisting => duplicates::open_existing(state, repo)?,
        Action::MergeIntoExisting => duplicates::merge_into_existing(state, repo)?,
        Action::AddAnyway => duplicates::add_anyway(state, repo)?,
        Action::Undo => super::undoing::press_again(state, repo, false)?,
        Action::Redo => super::undoing::press_again(state, repo, true)?,
        Action::Edit(edit) => edit_text(state, edit),
        Action::ShowHelp => show_help(state),
        Action::MoveUp => scroll_help(state, |s| s.by(-1)),
        Action::MoveDown => scroll_help(state, |s| s.by(1)),
        Action::PageUp => scroll_help(state, |s| s.by(-s.page())),
        Action::PageDown => scroll_help(state, |s| s.by(s.page())),
        Action::MoveFirst => scroll_help(state, |s| s.offset = 0),
        Action::MoveLast => scroll_help(state, |s| s.offset = usize::MAX / 2),
        _ => {}
    }
    Ok(())
}

/// `?` (F1 where `?` is typed): help opens on the section for what has the keys, over
/// whatever overlay is open.
pub(super) fn show_help(state: &mut State) {
    let view = HelpView::over(state);
    state.overlay = Some(Overlay::Help(Box::new(view)));
}

fn scroll_help(state: &mut State, f: impl FnOnce(&mut TextScroll)) {
    if let Some(Overlay::Help(view)) = &mut state.overlay {
        view.jump_to = None;
        f(&mut view.scroll);
    }
}

fn with_form(state: &mut State, f: impl FnOnce(&mut Form)) {
    if let Some(form) = state.form_mut() {
        f(form);
    }
}

/// Esc: a form with typed text asks before it goes; the likely-duplicate question goes back to
/// its form; help uncovers what it was opened over; anything else just closes.
fn back(state: &mut State) {
    match state.overlay.take() {
        Some(Overlay::Help(view)) => state.overlay = view.behind.map(|b| *b),
        Some(Overlay::Form(mut form)) if form.is_dirty() => {
            form.confirm_discard = true;
            state.overlay = Some(Overlay::Form(form));
        }
        Some(Overlay::Confirm(Question::Duplicate { form, .. })) => {
            state.overlay = Some(Overlay::Form(form));
        }
        _ => {}
    }
}

fn answer(state: &mut State, repo: &mut Repository, yes: bool) -> Result<()> {
    match state.overlay.take() {
        Some(Overlay::Form(mut form)) if form.confirm_discard => {
            if yes {
                state.info(t!("status-discarded"));
            } else {
                form.confirm_discard = false;
                state.overlay = Some(Overlay::Form(form));
            }
        }
        Some(Overlay::Confirm(Question::Archive { id, name })) if yes => {
            repo.set_archived(id, true)?;
            refresh_customer(state, repo, id, false)?;
            state.info(t!(
                "status-archived",
                name = safe_text::line(&name).into_owned()
            ));
        }
        Some(Overlay::Confirm(Question::Reverse(step))) => {
            super::undoing::answer(state, repo, step, yes)?
        }
        Some(Overlay::Confirm(_)) => {}
        other => state.overlay = other,
    }
    Ok(())
}

fn submit_field(state: &mut State, repo: &mut Repository) -> Result<()> {
    let Some(form) = state.form_mut() else {
        return Ok(());
    };
    if matches!(form.focused().kind, FieldKind::Multiline) {
        form.edit(TextEdit::Newline);
    } else if form.on_last_field() {
        return save_form(state, repo);
    } else {
        form.next_field();
    }
    Ok(())
}

/// Typing in a form; a choice that fills other fields (an outcome, a deal, a complaint) does.
fn edit_text(state: &mut State, edit: TextEdit) {
    change_form(state, |form| form.edit(edit));
}

/// Pasted text into the form's focused field, as one edit.
pub(super) fn paste_text(state: &mut State, text: &str) {
    change_form(state, |form| form.paste(text));
}

fn change_form(state: &mut State, change: impl FnOnce(&mut Form)) {
    let Some(Overlay::Form(form)) = &mut state.overlay else {
        return;
    };
    if form.confirm_discard {
        return;
    }
    let key = form.focused().key;
    let before = form.value(LogField::Outcome).to_string();
    change(form);
    let account = state.detail.as_ref().map(|d| &d.account);
    match (key, account) {
        (FieldKey::LogField(LogField::Outcome), _) => {
            forms::apply_outcome(form, &state.config.outcomes, &before)
        }
        (FieldKey::DealField(DealField::Deal), Some(a)) => {
            account_forms::apply_deal_choice(form, &a.deals, &state.config.currency)
        }
        (FieldKey::ComplaintField(ComplaintField::Complaint), Some(a)) => {
            account_forms::apply_complaint_choice(form, &a.complaints)
        }
        _ => {}
    }
}
