//! The one place that changes state or writes the book: a flat match from Action to small steps.

use super::account_forms;
use super::action::{Action, Pane};
use super::book_forms as forms;
use super::keymap::{self, Context, Key};
use super::state::{FollowUpScope, Mode, Question, State};
use super::text_input::TextEdit;
use crate::repository::{Repository, Result};
use crate::safe_text;

mod filtering;
pub mod reviewing;
mod saving;
mod views;

pub use filtering::refilter_now;
use filtering::{open_note_hit, record_greeting, search_notes};
use saving::save_form;
use views::{archived_dispatch, dashboard_dispatch, import_dispatch, review_dispatch};

/// The contexts whose bindings apply now, most specific first.
pub fn contexts(state: &State) -> Vec<Context> {
    match &state.mode {
        Mode::Form(form) if form.confirm_discard => vec![Context::Confirm],
        Mode::Form(_) => vec![Context::Form],
        Mode::Confirm(_) => vec![Context::Confirm],
        Mode::Help => vec![Context::Help],
        Mode::Review if state.review.as_ref().is_some_and(|r| r.choosing_date) => {
            vec![Context::ReviewDate]
        }
        Mode::Review => vec![Context::Review],
        Mode::Archived => vec![Context::Archived],
        Mode::Dashboard => vec![Context::Dashboard],
        Mode::ImportPreview => vec![Context::ImportPreview],
        Mode::Filter => vec![Context::Filter],
        Mode::Browse => {
            let pane = match state.focus {
                Pane::Customers | Pane::Profile => Context::Customers,
                Pane::History => Context::History,
                Pane::FollowUps => Context::FollowUps,
            };
            vec![pane, Context::Panes]
        }
    }
}

/// Turns a key into an Action for the current mode: the keymap first, then text editing where
/// text is being typed.
pub fn action_for_key(state: &State, key: Key) -> Option<Action> {
    let ctrl_c = Key {
        code: ratatui::crossterm::event::KeyCode::Char('c'),
        mods: ratatui::crossterm::event::KeyModifiers::CONTROL,
    };
    if key == ctrl_c {
        return Some(Action::Quit);
    }
    let contexts = contexts(state);
    if let Some(action) = keymap::lookup(&contexts, key) {
        return Some(action);
    }
    let typing = matches!(&state.mode, Mode::Filter)
        || matches!(&state.mode, Mode::Form(f) if !f.confirm_discard);
    if typing {
        return keymap::text_edit(key).map(Action::Edit);
    }
    None
}

/// Carries out one Action. A failed write keeps the form open with its text and says why.
pub fn update(state: &mut State, repo: &mut Repository, action: Action) {
    if let Err(e) = dispatch(state, repo, action) {
        let message = safe_text::line(&e.to_string()).into_owned();
        if let Mode::Form(form) = &mut state.mode {
            form.error = Some(message.clone());
        }
        state.error(message);
    }
}

/// Runs a step that may fail the way `update` does: the error goes to the status line.
pub fn update_with(
    state: &mut State,
    repo: &mut Repository,
    step: impl FnOnce(&mut State, &Repository) -> Result<()>,
) {
    if let Err(e) = step(state, repo) {
        state.error(safe_text::line(&e.to_string()).into_owned());
    }
}

fn dispatch(state: &mut State, repo: &mut Repository, action: Action) -> Result<()> {
    if matches!(state.mode, Mode::Review) {
        return review_dispatch(state, repo, action);
    }
    if matches!(state.mode, Mode::Archived) {
        return archived_dispatch(state, repo, action);
    }
    if matches!(state.mode, Mode::Dashboard) {
        return dashboard_dispatch(state, action);
    }
    if matches!(state.mode, Mode::ImportPreview) {
        return import_dispatch(state, repo, action);
    }
    match action {
        Action::Quit => quit(state),
        Action::ShowHelp => state.mode = Mode::Help,
        Action::Back => back(state, repo)?,
        Action::MoveUp => move_by(state, repo, -1)?,
        Action::MoveDown => move_by(state, repo, 1)?,
        Action::PageUp => move_by(state, repo, -(state.page_height.max(1) as isize))?,
        Action::PageDown => move_by(state, repo, state.page_height.max(1) as isize)?,
        Action::MoveFirst => move_by(state, repo, isize::MIN / 2)?,
        Action::MoveLast => move_by(state, repo, isize::MAX / 2)?,
        Action::NextPane => state.focus = state.focus.next(),
        Action::PreviousPane => state.focus = state.focus.previous(),
        Action::FocusPane(pane) => state.focus = pane,
        Action::Open => open(state, repo)?,
        Action::StartFilter => {
            state.focus = Pane::Customers;
            state.mode = Mode::Filter;
        }
        Action::KeepFilter if state.notes_scope => open_note_hit(state, repo)?,
        Action::KeepFilter => state.mode = Mode::Browse,
        Action::ToggleSearchScope => {
            state.notes_scope = !state.notes_scope;
            state.note_list = Default::default();
            search_notes(state, repo)?;
        }
        Action::CycleSort => {
            state.order = state.order.next();
            let keep = state.selected_id();
            state.resort();
            keep.map(|id| state.select_customer(id));
            state.info(format!("sorted by {}", state.order.label()));
        }
        Action::AddCustomer => state.mode = Mode::Form(Box::new(forms::customer_form(None, ""))),
        Action::EditCustomer => {
            if let Some(d) = &state.detail {
                let o = &d.account.overrides;
                let why = if o.tier_reason.is_empty() {
                    &o.stage_reason
                } else {
                    &o.tier_reason
                };
                state.mode = Mode::Form(Box::new(forms::customer_form(Some(&d.customer), why)));
            }
        }
        Action::AddPerson => {
            if let Some(d) = &state.detail {
                let form = forms::person_form(d.customer.id, &d.customer.draft.name);
                state.mode = Mode::Form(Box::new(form));
            }
        }
        Action::ArchiveCustomer => {
            if let Some(row) = state.selected_row() {
                let question = Question::Archive {
                    id: row.id,
                    name: row.name.clone(),
                };
                state.mode = Mode::Confirm(question);
            }
        }
        Action::LogInteraction => {
            follow_up_customer_into_focus(state, repo)?;
            if let Some(d) = &state.detail {
                let form = forms::log_form(
                    d.customer.id,
                    &d.customer.draft.name,
                    &state.config.outcomes,
                );
                state.mode = Mode::Form(Box::new(form));
            }
        }
        Action::AddFollowUp => {
            follow_up_customer_into_focus(state, repo)?;
            if let Some(d) = &state.detail {
                let form = forms::follow_up_form(d.customer.id, &d.customer.draft.name);
                state.mode = Mode::Form(Box::new(form));
            }
        }
        Action::EditDeals => {
            follow_up_customer_into_focus(state, repo)?;
            if let Some(d) = &state.detail {
                let form = account_forms::deal_form(
                    d.customer.id,
                    &d.customer.draft.name,
                    &d.account.deals,
                    &state.config.currency,
                );
                state.mode = Mode::Form(Box::new(form));
            }
        }
        Action::EditComplaints => {
            follow_up_customer_into_focus(state, repo)?;
            if let Some(d) = &state.detail {
                let form = account_forms::complaint_form(
                    d.customer.id,
                    &d.customer.draft.name,
                    &d.account.complaints,
                );
                state.mode = Mode::Form(Box::new(form));
            }
        }
        Action::CompleteFollowUp => complete_follow_up(state, repo)?,
        Action::SnoozeFollowUp => {
            if let Some(f) = state.selected_follow_up() {
                let form = forms::snooze_form(f.id, &f.draft.task);
                state.mode = Mode::Form(Box::new(form));
            }
        }
        Action::ToggleFollowUpScope => {
            state.follow_up_scope = match state.follow_up_scope {
                FollowUpScope::WholeBook => FollowUpScope::SelectedCustomer,
                FollowUpScope::SelectedCustomer => FollowUpScope::WholeBook,
            };
            state.follow_up_list = Default::default();
            state.load_follow_ups(repo)?;
        }
        Action::OpenReview => reviewing::open(state, repo)?,
        Action::Undo => match repo.undo()? {
            Some(label) => {
                state.reload(repo)?;
                state.info(format!("undone: {}", safe_text::line(&label)));
            }
            None => state.info("nothing to undo"),
        },
        Action::RecordGreeting => record_greeting(state, repo)?,
        Action::StartImport => {
            state.mode = Mode::Form(Box::new(super::importing::import_form()));
        }
        Action::ShowDashboard => {
            let d = crate::services::dashboard::Dashboard::load(repo, state.today, &state.config)?;
            state.dashboard = Some((Box::new(d), 0));
            state.mode = Mode::Dashboard;
        }
        Action::ShowArchived => {
            state.archived.rows = repo.archived_rows()?;
            state.archived.cursor = Default::default();
            state.mode = Mode::Archived;
        }
        Action::Skip | Action::QuickSnooze(_) | Action::Unarchive | Action::ConfirmImport => {}
        Action::NextField => with_form(state, |f| f.next_field()),
        Action::PreviousField => with_form(state, |f| f.previous_field()),
        Action::SubmitField => submit_field(state, repo)?,
        Action::SaveForm => save_form(state, repo)?,
        Action::Answer(yes) => answer(state, repo, yes)?,
        Action::Edit(edit) => edit_text(state, repo, edit)?,
    }
    Ok(())
}

fn quit(state: &mut State) {
    // Nothing typed is lost silently: a dirty form asks first, like Esc.
    match &mut state.mode {
        Mode::Form(form) if form.is_dirty() && !form.confirm_discard => form.confirm_discard = true,
        _ => state.quit = true,
    }
}

fn with_form(state: &mut State, f: impl FnOnce(&mut super::form::Form)) {
    if let Mode::Form(form) = &mut state.mode {
        f(form);
    }
}

fn back(state: &mut State, repo: &Repository) -> Result<()> {
    match &mut state.mode {
        Mode::Form(form) if form.is_dirty() => form.confirm_discard = true,
        Mode::Form(_) | Mode::Help | Mode::Confirm(_) => state.mode = state.rest_mode(),
        Mode::Review => reviewing::close(state, repo)?,
        Mode::Archived => state.mode = Mode::Browse,
        Mode::Dashboard => {
            state.dashboard = None;
            state.mode = Mode::Browse;
        }
        Mode::ImportPreview => {
            state.import = None;
            state.mode = Mode::Browse;
        }
        Mode::Filter | Mode::Browse => {
            state.mode = Mode::Browse;
            state.notes_scope = false;
            state.note_hits.clear();
            if !state.filter.text().is_empty() {
                let keep = state.selected_id();
                state.filter = Default::default();
                state.refilter();
                keep.map(|id| state.select_customer(id));
                state.load_detail(repo)?;
            }
        }
    }
    Ok(())
}

fn move_by(state: &mut State, repo: &Repository, delta: isize) -> Result<()> {
    if state.notes_scope && matches!(state.mode, Mode::Filter) {
        state.note_list.step(delta, state.note_hits.len());
        return Ok(());
    }
    match state.focus {
        Pane::Customers | Pane::Profile => {
            let before = state.selected_id();
            state.list.step(delta, state.visible.len());
            if state.selected_id() != before {
                state.load_detail(repo)?;
            }
        }
        Pane::History => {
            // Scrolls by whole entries; MoveLast reads pages until the oldest entry is loaded.
            let total = state.detail.as_ref().map_or(0, |d| d.history_total);
            state.history_scroll = state
                .history_scroll
                .saturating_add_signed(delta)
                .min(total.saturating_sub(1));
            state.load_more_history(repo)?;
        }
        Pane::FollowUps => state.follow_up_list.step(delta, state.follow_ups.len()),
    }
    Ok(())
}

fn open(state: &mut State, repo: &mut Repository) -> Result<()> {
    match state.focus {
        Pane::FollowUps => follow_up_customer_into_focus(state, repo)?,
        _ => state.focus = Pane::History,
    }
    Ok(())
}

/// On the follow-ups pane, the follow-up's customer becomes the selected customer (clearing a
/// filter that hides it), so actions act on the customer the person is looking at.
fn follow_up_customer_into_focus(state: &mut State, repo: &Repository) -> Result<()> {
    if state.focus != Pane::FollowUps {
        return Ok(());
    }
    let Some(id) = state.selected_follow_up().map(|f| f.draft.customer_id) else {
        return Ok(());
    };
    if !state.select_customer(id) {
        state.filter = Default::default();
        state.refilter();
        state.select_customer(id);
    }
    state.load_detail(repo)
}

fn complete_follow_up(state: &mut State, repo: &mut Repository) -> Result<()> {
    let Some(f) = state.selected_follow_up().cloned() else {
        return Ok(());
    };
    let next = repo.complete_follow_up(f.id, state.today)?;
    state.refresh_customer(repo, f.draft.customer_id, false)?;
    let again = match next.map(|id| repo.follow_up(id)).transpose()? {
        Some(n) => format!(
            "; next one {}",
            crate::book::due::due_label(Some(n.draft.due_on), state.today)
        ),
        None => String::new(),
    };
    state.info(format!("done: {}{again}", safe_text::line(&f.draft.task)));
    Ok(())
}

fn answer(state: &mut State, repo: &mut Repository, yes: bool) -> Result<()> {
    match std::mem::take(&mut state.mode) {
        Mode::Form(mut form) if form.confirm_discard => {
            if yes {
                state.mode = state.rest_mode();
                state.info("discarded");
            } else {
                form.confirm_discard = false;
                state.mode = Mode::Form(form);
            }
        }
        Mode::Confirm(Question::Archive { id, name }) if yes => {
            repo.set_archived(id, true)?;
            state.reload(repo)?;
            state.info(format!("archived {}", safe_text::line(&name)));
        }
        Mode::Confirm(_) => state.mode = state.rest_mode(),
        other => state.mode = other,
    }
    Ok(())
}

fn submit_field(state: &mut State, repo: &mut Repository) -> Result<()> {
    let Mode::Form(form) = &mut state.mode else {
        return Ok(());
    };
    if matches!(form.focused().kind, super::form::FieldKind::Multiline) {
        form.edit(TextEdit::Newline);
    } else if form.on_last_field() {
        return save_form(state, repo);
    } else {
        form.next_field();
    }
    Ok(())
}

fn edit_text(state: &mut State, repo: &Repository, edit: TextEdit) -> Result<()> {
    match &mut state.mode {
        Mode::Form(form) => {
            let label = form.focused().label;
            let before = form.value("Outcome").to_string();
            form.edit(edit);
            let account = state.detail.as_ref().map(|d| &d.account);
            match (label, account) {
                ("Outcome", _) => forms::apply_outcome(form, &state.config.outcomes, &before),
                ("Deal", Some(a)) => {
                    account_forms::apply_deal_choice(form, &a.deals, &state.config.currency)
                }
                ("Complaint", Some(a)) => {
                    account_forms::apply_complaint_choice(form, &a.complaints)
                }
                _ => {}
            }
        }
        Mode::Filter if state.notes_scope => {
            state.filter.apply(edit, false);
            state.note_list = Default::default();
            search_notes(state, repo)?;
        }
        Mode::Filter => {
            state.filter.apply(edit, false);
            if state.defer_refilter {
                state.refilter_pending = true;
            } else {
                refilter_now(state, repo)?;
            }
        }
        _ => {}
    }
    Ok(())
}
