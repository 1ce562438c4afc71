//! The one place that changes state or writes the book: a flat match from Action to small steps.
//! An open overlay (form, question, help) takes the keys first; otherwise the screen's own
//! dispatch does (the book's here, the others' in `views`). Reading the book for the screen is
//! in `reading`; saving a form, one function per purpose, in `saving`.

use super::action::{Action, Pane};
use super::state::{FollowUpScope, Overlay, Question, Screen, State};
use crate::repository::{BookError, Repository, Result};
use crate::safe_text;
use reading::{fill_follow_ups, load_detail, load_follow_ups, load_more_history, refresh_customer};

mod changed_elsewhere;
mod duplicates;
mod filtering;
mod opening;
mod overlay;
pub mod reading;
pub mod reviewing;
mod saving;
mod undoing;
mod views;

pub use filtering::refilter_now;
use filtering::{edit_filter, open_note_hit, paste_filter, record_greeting, search_notes};
use overlay::{overlay_dispatch, paste_text, show_help};
use views::{archived_dispatch, dashboard_dispatch, import_dispatch, review_dispatch};

/// Carries out one Action. A failed write keeps the form open with its text and says why.
pub fn update(state: &mut State, repo: &mut Repository, action: Action) {
    if let Err(e) = dispatch(state, repo, action) {
        let message = safe_text::line(&said(&e)).into_owned();
        if let Some(form) = state.form_mut() {
            form.error = Some(message.clone());
        }
        state.error(message);
    }
}

/// Pasted text (a bracketed paste): typed into the form field or the filter line that has the
/// keys, as text and in one step, so a Tab or a line break in it never moves to another field.
pub fn paste(state: &mut State, repo: &mut Repository, text: &str) {
    let result = match &state.overlay {
        Some(Overlay::Form(_)) => {
            paste_text(state, text);
            Ok(())
        }
        Some(_) => Ok(()),
        None => paste_filter(state, repo, text),
    };
    if let Err(e) = result {
        state.error(safe_text::line(&said(&e)).into_owned());
    }
}

/// Runs a step that may fail the way `update` does: the error goes to the status line.
pub fn update_with(
    state: &mut State,
    repo: &mut Repository,
    step: impl FnOnce(&mut State, &Repository) -> Result<()>,
) {
    if let Err(e) = step(state, repo) {
        state.error(safe_text::line(&said(&e)).into_owned());
    }
}

/// The book's failure as the status line says it, in the language spoken: the repository words
/// a full disk, a busy book, a newer book in English for the command line; a rule's message
/// (`Invalid`) is already in words and is shown as it is.
pub fn said(e: &BookError) -> String {
    if e.is_disk_full() {
        return t!("error-disk-full");
    }
    match e {
        BookError::Sqlite(_) if e.is_busy() => {
            t!("error-book-busy")
        }
        BookError::Sqlite(inner) => t!("error-book-unreadable", why = inner.to_string()),
        BookError::TooNew {
            path,
            found,
            supported,
        } => t!(
            "error-book-too-new",
            path = path.as_str(),
            found = *found,
            supported = *supported
        ),
        BookError::Io(_) | BookError::Invalid(_) => e.to_string(),
    }
}

/// The overlay's keys if one is open, else those of the screen under it.
fn dispatch(state: &mut State, repo: &mut Repository, action: Action) -> Result<()> {
    if action == Action::BookChanged {
        // Under any overlay or screen: what is open stays open over the newer book.
        return reading::follow_now(state, repo);
    }
    if state.overlay.is_some() {
        return overlay_dispatch(state, repo, action);
    }
    match state.screen {
        Screen::Book { .. } => book_dispatch(state, repo, action),
        Screen::Review(_) => review_dispatch(state, repo, action),
        Screen::Archived(_) => archived_dispatch(state, repo, action),
        Screen::Dashboard { .. } => dashboard_dispatch(state, action),
        Screen::ImportPreview(_) => import_dispatch(state, repo, action),
    }
}

/// Keys on the four panes and the filter line.
fn book_dispatch(state: &mut State, repo: &mut Repository, action: Action) -> Result<()> {
    let page = if state.focus == Pane::Profile && state.screen.is_book() {
        state.profile_scroll.page()
    } else {
        state.page_height.max(1) as isize
    };
    match action {
        Action::Quit => quit(state),
        Action::ShowHelp => show_help(state),
        Action::Back => back(state, repo)?,
        Action::MoveUp => move_by(state, repo, -1)?,
        Action::MoveDown => move_by(state, repo, 1)?,
        Action::PageUp => move_by(state, repo, -page)?,
        Action::PageDown => move_by(state, repo, page)?,
        Action::MoveFirst => move_by(state, repo, isize::MIN / 2)?,
        Action::MoveLast => move_by(state, repo, isize::MAX / 2)?,
        Action::NextPane => state.focus = state.focus.next(),
        Action::PreviousPane => state.focus = state.focus.previous(),
        Action::FocusPane(pane) => state.focus = pane,
        Action::Open => open(state, repo)?,
        Action::StartFilter => {
            state.focus = Pane::Customers;
            state.screen = Screen::Book { filtering: true };
        }
        Action::KeepFilter if state.notes_scope => open_note_hit(state, repo)?,
        Action::KeepFilter => state.screen = Screen::BOOK,
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
            state.info(crate::t!(
                "status-sorted-by",
                order = crate::i18n::words::sort_order(state.order)
            ));
        }
        Action::CompleteFollowUp => complete_follow_up(state, repo)?,
        Action::ToggleFollowUpScope => {
            state.follow_up_scope = match state.follow_up_scope {
                FollowUpScope::WholeBook => FollowUpScope::SelectedCustomer,
                FollowUpScope::SelectedCustomer => FollowUpScope::WholeBook,
            };
            state.follow_up_list = Default::default();
            load_follow_ups(state, repo)?;
        }
        Action::OpenReview => reviewing::open(state, repo)?,
        Action::Undo => undoing::press(state, repo, false)?,
        Action::Redo => undoing::press(state, repo, true)?,
        Action::RecordGreeting => record_greeting(state, repo)?,
        Action::Edit(edit) => edit_filter(state, repo, edit)?,
        Action::AddCustomer
        | Action::EditCustomer
        | Action::AddPerson
        | Action::ArchiveCustomer
        | Action::LogInteraction
        | Action::AddFollowUp
        | Action::EditDeals
        | Action::EditComplaints
        | Action::SnoozeFollowUp
        | Action::StartImport
        | Action::ShowDashboard
        | Action::ShowArchived => opening::open(state, repo, action)?,
        _ => {}
    }
    Ok(())
}

fn quit(state: &mut State) {
    // Nothing typed is lost silently: a dirty form asks first, like Esc; so does one waiting
    // behind the likely-duplicate question.
    if let Some(Overlay::Help(help)) = &mut state.overlay
        && let Some(behind) = help.behind.take()
    {
        state.overlay = Some(*behind);
    }
    if let Some(Overlay::Confirm(Question::Duplicate { form, .. })) = &state.overlay {
        state.overlay = Some(Overlay::Form(form.clone()));
    }
    match state.form_mut() {
        Some(form) if form.is_dirty() && !form.confirm_discard => form.confirm_discard = true,
        _ => state.quit = true,
    }
}

/// Esc on the book: leave the filter line, and clear the filter.
fn back(state: &mut State, repo: &Repository) -> Result<()> {
    state.screen = Screen::BOOK;
    state.notes_scope = false;
    state.note_hits.clear();
    if !state.filter.text().is_empty() {
        let keep = state.selected_id();
        state.filter = Default::default();
        state.refilter();
        keep.map(|id| state.select_customer(id));
        load_detail(state, repo)?;
    }
    Ok(())
}

fn move_by(state: &mut State, repo: &Repository, delta: isize) -> Result<()> {
    if state.notes_scope && state.screen.is_filtering() {
        state.note_list.step(delta, state.note_hits.len());
        return Ok(());
    }
    match state.focus {
        // The profile scrolls itself; it never moves to another customer.
        Pane::Profile => state.profile_scroll.by(delta),
        Pane::Customers => {
            let before = state.selected_id();
            let to = state.list.selected.saturating_add_signed(delta);
            if to.saturating_add(state.page_height) >= state.visible.len() {
                // Past the best rows a keystroke found: the rest of the list first.
                state.complete_visible();
            }
            state.list.step(delta, state.visible.len());
            if state.selected_id() != before {
                load_detail(state, repo)?;
            }
        }
        Pane::History => {
            // Scrolls by whole entries; MoveLast reads pages until the oldest entry is loaded.
            let total = state.detail.as_ref().map_or(0, |d| d.history_total);
            state.history_scroll = state
                .history_scroll
                .saturating_add_signed(delta)
                .min(total.saturating_sub(1));
            load_more_history(state, repo)?;
        }
        Pane::FollowUps => {
            state.follow_up_list.step(delta, state.follow_ups.len());
            fill_follow_ups(state, repo)?;
        }
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
    load_detail(state, repo)
}

fn complete_follow_up(state: &mut State, repo: &mut Repository) -> Result<()> {
    let Some(f) = state.selected_follow_up().cloned() else {
        return Ok(());
    };
    let next = repo.complete_follow_up(f.id, state.today)?;
    refresh_customer(state, repo, f.draft.customer_id, false)?;
    let next = next.map(|id| repo.follow_up(id)).transpose()?;
    state.info(reviewing::done_message(&f, next.as_ref(), state.today));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, with_language};

    #[test]
    fn the_books_failures_are_said_in_the_language_spoken() {
        let failures = [
            BookError::Io(std::io::Error::from(std::io::ErrorKind::StorageFull)),
            BookError::TooNew {
                path: "book.sqlite3".into(),
                found: 12,
                supported: 9,
            },
            BookError::Invalid("名称不能为空".into()),
        ];
        for e in &failures {
            // In English, word for word what the repository says (the command line's text).
            assert_eq!(with_language(Language::English, || said(e)), e.to_string());
        }
        let zh: Vec<String> = failures
            .iter()
            .map(|e| with_language(Language::Chinese, || said(e)))
            .collect();
        assert!(zh[0].starts_with("磁盘已满"), "{zh:?}");
        assert!(zh[1].contains("账本版本 12，本程序最高支持 9"), "{zh:?}");
        assert_eq!(zh[2], "名称不能为空");
    }
}
