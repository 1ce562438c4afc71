//! The one place that changes state or writes the book: a flat match from Action to small steps.

use super::action::{Action, Pane};
use super::book_forms as forms;
use super::form::FormPurpose;
use super::keymap::{self, Context, Key};
use super::state::{FollowUpScope, Mode, Question, State};
use super::text_input::TextEdit;
use crate::repository::{Repository, Result};
use crate::safe_text;

/// The contexts whose bindings apply now, most specific first.
pub fn contexts(state: &State) -> Vec<Context> {
    match &state.mode {
        Mode::Form(form) if form.confirm_discard => vec![Context::Confirm],
        Mode::Form(_) => vec![Context::Form],
        Mode::Confirm(_) => vec![Context::Confirm],
        Mode::Help => vec![Context::Help],
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

fn dispatch(state: &mut State, repo: &mut Repository, action: Action) -> Result<()> {
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
        Action::KeepFilter => state.mode = Mode::Browse,
        Action::CycleSort => {
            state.order = state.order.next();
            let keep = state.selected_id();
            state.resort();
            keep.map(|id| state.select_customer(id));
            state.info(format!("sorted by {}", state.order.label()));
        }
        Action::AddCustomer => state.mode = Mode::Form(Box::new(forms::customer_form(None))),
        Action::EditCustomer => {
            if let Some(d) = &state.detail {
                state.mode = Mode::Form(Box::new(forms::customer_form(Some(&d.customer))));
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
        Mode::Form(_) | Mode::Help | Mode::Confirm(_) => state.mode = Mode::Browse,
        Mode::Filter | Mode::Browse => {
            state.mode = Mode::Browse;
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
    state.reload(repo)?;
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
        Mode::Confirm(_) => {}
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
            let on_outcome = form.focused().label == "Outcome";
            let before = form.value("Outcome").to_string();
            form.edit(edit);
            if on_outcome {
                forms::apply_outcome(form, &state.config.outcomes, &before);
            }
        }
        Mode::Filter => {
            state.filter.apply(edit, false);
            state.refilter();
            state.list.selected = 0;
            state.load_detail(repo)?;
        }
        _ => {}
    }
    Ok(())
}

/// Validates and writes the open form. On a bad field or a failed write the form stays open
/// with everything typed.
fn save_form(state: &mut State, repo: &mut Repository) -> Result<()> {
    let Mode::Form(form) = &mut state.mode else {
        return Ok(());
    };
    let (today, now) = (state.today, state.now);
    let contacts = state
        .detail
        .as_ref()
        .map(|d| d.contacts.clone())
        .unwrap_or_default();
    let done: Option<(String, Option<i64>)> = match form.purpose {
        FormPurpose::AddCustomer => match forms::read_customer(form) {
            Some(draft) => {
                let id = repo.add_customer(&draft)?;
                Some((format!("added {}", safe_text::line(&draft.name)), Some(id)))
            }
            None => None,
        },
        FormPurpose::EditCustomer(id) => match forms::read_customer(form) {
            Some(draft) => {
                repo.update_customer(id, &draft)?;
                Some((format!("saved {}", safe_text::line(&draft.name)), Some(id)))
            }
            None => None,
        },
        FormPurpose::AddPerson(customer_id) => match forms::read_person(form) {
            Some(draft) => {
                repo.add_contact(customer_id, &draft)?;
                Some((
                    format!("added {}", safe_text::line(&draft.name)),
                    Some(customer_id),
                ))
            }
            None => None,
        },
        FormPurpose::LogInteraction(customer_id) => {
            match forms::read_log(form, customer_id, &contacts, &state.config.outcomes, now) {
                Some((interaction, follow_up)) => {
                    repo.log_interaction(&interaction, follow_up.as_ref())?;
                    let next = follow_up.map_or(String::new(), |f| {
                        format!(
                            "; follow-up {}",
                            crate::book::due::due_label(Some(f.due_on), today)
                        )
                    });
                    Some((
                        format!("logged {}{next}", interaction.channel),
                        Some(customer_id),
                    ))
                }
                None => None,
            }
        }
        FormPurpose::AddFollowUp(customer_id) => {
            match forms::read_follow_up(form, customer_id, today) {
                Some(draft) => {
                    repo.add_follow_up(&draft)?;
                    let when = crate::book::due::due_label(Some(draft.due_on), today);
                    Some((
                        format!("follow-up {when}: {}", safe_text::line(&draft.task)),
                        Some(customer_id),
                    ))
                }
                None => None,
            }
        }
        FormPurpose::Snooze(follow_up_id) => {
            form.clear_errors();
            match forms::read_date(form, "Until", today) {
                Some(until) => {
                    repo.snooze_follow_up(follow_up_id, until)?;
                    Some((
                        format!("snoozed to {}", crate::book::dates::format_date(until)),
                        None,
                    ))
                }
                None => None,
            }
        }
    };
    match done {
        Some((message, select)) => {
            state.mode = Mode::Browse;
            state.reload(repo)?;
            if let Some(id) = select {
                if !state.select_customer(id) {
                    // A new customer hidden by the filter: show it rather than lose sight of it.
                    state.filter = Default::default();
                    state.refilter();
                    state.select_customer(id);
                }
                state.load_detail(repo)?;
            }
            state.info(message);
        }
        None => state.error("check the fields marked in red"),
    }
    Ok(())
}
