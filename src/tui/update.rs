//! The one place that changes state or writes the book: a flat match from Action to small steps.

use super::account_forms;
use super::action::{Action, Pane};
use super::book_forms as forms;
use super::form::FormPurpose;
use super::keymap::{self, Context, Key};
use super::review::{Handled, ReviewItem};
use super::state::{FollowUpScope, Mode, Question, State};
use super::text_input::TextEdit;
use crate::repository::{Repository, Result};
use crate::safe_text;

pub mod reviewing;

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
        Action::StartImport => {
            state.mode = Mode::Form(Box::new(super::importing::import_form()));
        }
        Action::ShowDashboard => {
            let dash = super::dashboard::Dashboard::load(repo, state.today, &state.config)?;
            state.dashboard = Some((Box::new(dash), 0));
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

/// Keys while the review is on screen; forms and help opened from it go through `dispatch`.
fn review_dispatch(state: &mut State, repo: &mut Repository, action: Action) -> Result<()> {
    match action {
        Action::Quit => quit(state),
        Action::ShowHelp => state.mode = Mode::Help,
        Action::Back => match state.review.as_mut() {
            Some(r) if r.choosing_date => r.choosing_date = false,
            _ => reviewing::close(state, repo)?,
        },
        Action::MoveDown => reviewing::step(state, repo, 1)?,
        Action::MoveUp => reviewing::step(state, repo, -1)?,
        Action::Skip => reviewing::settle(state, repo, Handled::Skipped)?,
        Action::Open => reviewing::open_in_book(state, repo)?,
        Action::CompleteFollowUp => reviewing::done(state, repo)?,
        Action::SnoozeFollowUp => reviewing::choose_date(state),
        Action::QuickSnooze(choice) => reviewing::quick_snooze(state, repo, choice)?,
        Action::LogInteraction => {
            if let Some(form) = reviewing::log_form(state) {
                state.mode = Mode::Form(Box::new(form));
            }
        }
        Action::AddFollowUp => {
            if let Some(form) = reviewing::follow_up_form(state) {
                state.mode = Mode::Form(Box::new(form));
            }
        }
        _ => {}
    }
    Ok(())
}

fn import_dispatch(state: &mut State, repo: &mut Repository, action: Action) -> Result<()> {
    let page = state.page_height.max(1) as isize;
    let scroll = |state: &mut State, delta: isize| {
        if let Some(p) = state.import.as_mut() {
            p.scroll = p.scroll.saturating_add_signed(delta);
        }
    };
    match action {
        Action::MoveDown => scroll(state, 1),
        Action::MoveUp => scroll(state, -1),
        Action::PageDown => scroll(state, page),
        Action::PageUp => scroll(state, -page),
        Action::Back => {
            // Back to the form as it was filled in, to change the file or the policy.
            if let Some(p) = state.import.take() {
                state.mode = Mode::Form(Box::new(p.form));
            } else {
                state.mode = Mode::Browse;
            }
        }
        Action::ConfirmImport => {
            let Some(p) = state.import.as_ref() else {
                return Ok(());
            };
            if p.blocked() {
                state.error("bad records: nothing written. Esc, then choose \"leave them out\"");
                return Ok(());
            }
            let report = super::importing::commit(p, repo)?;
            state.import = None;
            state.mode = Mode::Browse;
            state.reload(repo)?;
            state.info(format!(
                "imported: {} new and {} merged customers, {} new people (u undoes the import)",
                report.customers.created, report.customers.merged, report.people.created
            ));
        }
        Action::Quit => quit(state),
        _ => {}
    }
    Ok(())
}

/// Scrolling is clamped when drawn, where the screen size is known.
fn dashboard_dispatch(state: &mut State, action: Action) -> Result<()> {
    let page = state.page_height.max(1) as isize;
    let delta = match action {
        Action::MoveDown => 1,
        Action::MoveUp => -1,
        Action::PageDown => page,
        Action::PageUp => -page,
        Action::Back => {
            state.dashboard = None;
            state.mode = Mode::Browse;
            return Ok(());
        }
        Action::ShowHelp => {
            state.mode = Mode::Help;
            return Ok(());
        }
        Action::Quit => {
            quit(state);
            return Ok(());
        }
        _ => return Ok(()),
    };
    if let Some((_, scroll)) = state.dashboard.as_mut() {
        *scroll = scroll.saturating_add_signed(delta);
    }
    Ok(())
}

fn archived_dispatch(state: &mut State, repo: &mut Repository, action: Action) -> Result<()> {
    let len = state.archived.rows.len();
    match action {
        Action::Quit => quit(state),
        Action::Back => state.mode = Mode::Browse,
        Action::MoveUp => state.archived.cursor.step(-1, len),
        Action::MoveDown => state.archived.cursor.step(1, len),
        Action::Unarchive => {
            let Some(row) = state
                .archived
                .rows
                .get(state.archived.cursor.selected)
                .cloned()
            else {
                return Ok(());
            };
            repo.set_archived(row.id, false)?;
            state.archived.rows = repo.archived_rows()?;
            state.archived.cursor.step(0, state.archived.rows.len());
            state.reload(repo)?;
            state.info(format!("restored {}", safe_text::line(&row.name)));
        }
        Action::Undo => {
            if let Some(label) = repo.undo()? {
                state.archived.rows = repo.archived_rows()?;
                state.archived.cursor.step(0, state.archived.rows.len());
                state.reload(repo)?;
                state.info(format!("undone: {}", safe_text::line(&label)));
            }
        }
        _ => {}
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

/// Filters the list for the query as it stands and shows the first match.
pub fn refilter_now(state: &mut State, repo: &Repository) -> Result<()> {
    state.refilter_pending = false;
    state.refilter();
    state.list.selected = 0;
    state.load_detail(repo)
}

/// The notes scope runs its full-text search as the query changes.
fn search_notes(state: &mut State, repo: &Repository) -> Result<()> {
    state.note_hits = if state.notes_scope {
        repo.search_notes(state.filter.text(), 200)?
    } else {
        Vec::new()
    };
    state.note_list.step(0, state.note_hits.len());
    Ok(())
}

/// Enter on a notes hit: its customer selected (the filter cleared so it shows) and, for a
/// contact found, the history scrolled to it.
fn open_note_hit(state: &mut State, repo: &Repository) -> Result<()> {
    let Some(hit) = state.note_hits.get(state.note_list.selected).cloned() else {
        return Ok(());
    };
    state.mode = Mode::Browse;
    state.notes_scope = false;
    state.note_hits.clear();
    state.filter = Default::default();
    state.refilter();
    if !state.select_customer(hit.customer_id) {
        state.info("that customer is archived (A lists them)");
        return Ok(());
    }
    state.load_detail(repo)?;
    match hit.interaction_id {
        Some(id) => {
            state.focus = Pane::History;
            state.history_scroll = repo.history_position(hit.customer_id, id)?;
            state.load_more_history(repo)?;
        }
        None => state.focus = Pane::Profile,
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

/// Validates and writes the open form. On a bad field or a failed write the form stays open
/// with everything typed.
fn save_form(state: &mut State, repo: &mut Repository) -> Result<()> {
    let Mode::Form(form) = &mut state.mode else {
        return Ok(());
    };
    let (today, now) = (state.today, state.now);
    let ceiling = state.config.frequency.ceiling();
    let order = state.config.date_order;
    let contacts = state
        .detail
        .as_ref()
        .filter(|_| state.review.is_none())
        .map(|d| d.contacts.clone())
        .unwrap_or_default();
    let contacts = match (&state.review, form.purpose) {
        (Some(_), FormPurpose::LogInteraction(id)) => repo.contacts(id)?,
        _ => contacts,
    };
    // In the review, the follow-up on screen is what a log closes.
    let closes = reviewing::open_follow_up(state).cloned();
    // The one customer a save touches is read again rather than the whole book.
    let Mode::Form(form) = &state.mode else {
        return Ok(());
    };
    let (touched, ranking) = match form.purpose {
        FormPurpose::LogInteraction(id)
        | FormPurpose::AddFollowUp(id)
        | FormPurpose::AddPerson(id)
        | FormPurpose::EditCustomer(id)
        | FormPurpose::Complaint(id) => (Some(id), false),
        FormPurpose::Deal(id) => (Some(id), true),
        FormPurpose::Snooze(follow_up) => (
            repo.follow_up(follow_up).ok().map(|f| f.draft.customer_id),
            false,
        ),
        FormPurpose::AddCustomer | FormPurpose::Import => (None, false),
    };
    let Mode::Form(form) = &mut state.mode else {
        return Ok(());
    };
    let mut settled = None;
    let done: Option<(String, Option<i64>)> = match form.purpose {
        FormPurpose::AddCustomer => match forms::read_customer(form) {
            Some(draft) => {
                let id = repo.add_customer_why(&draft, form.value("Why by hand"))?;
                Some((format!("added {}", safe_text::line(&draft.name)), Some(id)))
            }
            None => None,
        },
        FormPurpose::EditCustomer(id) => match forms::read_customer(form) {
            Some(draft) => {
                repo.update_customer_why(id, &draft, form.value("Why by hand"))?;
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
            match forms::read_log(
                form,
                customer_id,
                &contacts,
                &state.config.outcomes,
                now,
                order,
            ) {
                Some((interaction, follow_up)) => {
                    let closes = closes.filter(|f| f.draft.customer_id == customer_id);
                    let handled = closes.as_ref().map(|f| f.draft.due_on);
                    let mut warnings = repo.frequency_warnings(
                        customer_id,
                        interaction.at.date(),
                        ceiling,
                        handled,
                    )?;
                    if let Some(f) = &follow_up {
                        warnings.extend(repo.frequency_warnings(
                            customer_id,
                            f.due_on,
                            ceiling,
                            handled,
                        )?);
                    }
                    let satisfaction = form.value("Satisfaction").parse().ok();
                    repo.log_closing(
                        &interaction,
                        follow_up.as_ref(),
                        closes.map(|f| f.id),
                        satisfaction,
                    )?;
                    settled = Some(Handled::Logged);
                    let next = follow_up.map_or(String::new(), |f| {
                        format!(
                            "; follow-up {}",
                            crate::book::due::due_label(Some(f.due_on), today)
                        )
                    });
                    Some((
                        reviewing::with_warnings(
                            format!("logged {}{next}", interaction.channel),
                            &warnings,
                        ),
                        Some(customer_id),
                    ))
                }
                None => None,
            }
        }
        FormPurpose::AddFollowUp(customer_id) => {
            match forms::read_follow_up(form, customer_id, today, order) {
                Some(draft) => {
                    let warnings =
                        repo.frequency_warnings(customer_id, draft.due_on, ceiling, None)?;
                    repo.add_follow_up(&draft)?;
                    settled = Some(Handled::Planned(draft.due_on));
                    let when = crate::book::due::due_label(Some(draft.due_on), today);
                    Some((
                        reviewing::with_warnings(
                            format!("follow-up {when}: {}", safe_text::line(&draft.task)),
                            &warnings,
                        ),
                        Some(customer_id),
                    ))
                }
                None => None,
            }
        }
        FormPurpose::Deal(customer_id) => {
            match account_forms::read_deal(form, customer_id, today, order) {
                Some((Some(id), draft)) => {
                    repo.update_deal(id, &draft)?;
                    Some((
                        format!("saved deal: {}", safe_text::line(&draft.title)),
                        Some(customer_id),
                    ))
                }
                Some((None, draft)) => {
                    repo.add_deal(&draft)?;
                    let amount = crate::book::money::format_amount(draft.amount, &draft.currency);
                    Some((
                        format!(
                            "{} deal {amount}: {}",
                            draft.stage.label(),
                            safe_text::line(&draft.title)
                        ),
                        Some(customer_id),
                    ))
                }
                None => None,
            }
        }
        FormPurpose::Complaint(customer_id) => {
            match account_forms::read_complaint(form, customer_id, today, order) {
                Some((id, draft)) => {
                    match id {
                        Some(id) => repo.update_complaint(id, &draft)?,
                        None => {
                            repo.add_complaint(&draft)?;
                        }
                    }
                    Some((
                        format!(
                            "complaint {}: {}",
                            draft.status.label(),
                            safe_text::line(&draft.what)
                        ),
                        Some(customer_id),
                    ))
                }
                None => None,
            }
        }
        FormPurpose::Import => {
            // Previewing does not write: it opens the preview rather than finishing the form.
            if let Some(preview) = super::importing::preview(form, repo, order)? {
                state.import = Some(Box::new(preview));
                state.mode = Mode::ImportPreview;
                return Ok(());
            }
            None
        }
        FormPurpose::Snooze(follow_up_id) => {
            form.clear_errors();
            match forms::read_date(form, "Until", today, order) {
                Some(until) => {
                    repo.snooze_follow_up(follow_up_id, until)?;
                    settled = Some(Handled::Snoozed(until));
                    Some((
                        format!("snoozed to {}", crate::book::dates::format_date(until)),
                        None,
                    ))
                }
                None => None,
            }
        }
    };
    let Some((message, select)) = done else {
        state.error("check the fields marked in red");
        return Ok(());
    };
    if state.review.is_some() {
        state.mode = Mode::Review;
        // Only what answers the item on screen settles it: another follow-up added for a due
        // item's customer leaves the item waiting.
        let answers = match (settled, state.review.as_ref().and_then(|r| r.current())) {
            (Some(Handled::Planned(_)), Some(ReviewItem::FollowUp(_))) => None,
            (s, Some(item)) if select.is_none_or(|id| id == item.customer_id()) => s,
            _ => None,
        };
        refresh_after(state, repo, touched, ranking)?;
        match answers {
            Some(h) => reviewing::settle(state, repo, h)?,
            None => reviewing::load_current(state, repo)?,
        }
        state.info(message);
        return Ok(());
    }
    state.mode = Mode::Browse;
    refresh_after(state, repo, touched, ranking)?;
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
    Ok(())
}

fn refresh_after(
    state: &mut State,
    repo: &Repository,
    touched: Option<i64>,
    ranking: bool,
) -> Result<()> {
    match touched {
        Some(id) => state.refresh_customer(repo, id, ranking),
        None => state.reload(repo),
    }
}
