//! Keys while a view other than the four panes has the screen: the review, the import
//! preview, the dashboard, the archived customers.

use super::reading::reload;
use super::reviewing;
use super::{quit, safe_text, show_help};
use crate::repository::{Repository, Result};
use crate::tui::action::Action;
use crate::tui::review::Handled;
use crate::tui::state::{Screen, State};

/// Keys while the review is on screen; forms and help opened from it go through `dispatch`.
pub(super) fn review_dispatch(
    state: &mut State,
    repo: &mut Repository,
    action: Action,
) -> Result<()> {
    match action {
        Action::Quit => quit(state),
        Action::ShowHelp => show_help(state),
        Action::Back => match state.review_mut() {
            Some(r) if r.choosing_date => r.choosing_date = false,
            _ => reviewing::close(state, repo)?,
        },
        Action::MoveDown => reviewing::step(state, repo, 1)?,
        Action::MoveUp => reviewing::step(state, repo, -1)?,
        Action::Skip => reviewing::settle(state, repo, Handled::Skipped)?,
        Action::SkipGoingCold => reviewing::skip_going_cold(state, repo)?,
        Action::Open => reviewing::open_in_book(state, repo)?,
        Action::CompleteFollowUp => reviewing::done(state, repo)?,
        Action::SnoozeFollowUp => reviewing::choose_date(state),
        Action::QuickSnooze(choice) => reviewing::quick_snooze(state, repo, choice)?,
        Action::LogInteraction => {
            if let Some(form) = reviewing::log_form(state) {
                state.open_form(form);
            }
        }
        Action::AddFollowUp => {
            if let Some(form) = reviewing::follow_up_form(state) {
                state.open_form(form);
            }
        }
        _ => {}
    }
    Ok(())
}

pub(super) fn import_dispatch(
    state: &mut State,
    repo: &mut Repository,
    action: Action,
) -> Result<()> {
    let page = state.page_height.max(1) as isize;
    let scroll = |state: &mut State, delta: isize| {
        if let Screen::ImportPreview(p) = &mut state.screen {
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
            if let Screen::ImportPreview(p) = std::mem::take(&mut state.screen) {
                state.open_form(p.form);
            }
        }
        Action::ConfirmImport => {
            let Screen::ImportPreview(p) = &state.screen else {
                return Ok(());
            };
            if p.blocked() {
                state.error(t!("status-import-blocked"));
                return Ok(());
            }
            let report = crate::tui::importing::commit(p, repo)?;
            state.screen = Screen::BOOK;
            reload(state, repo)?;
            state.info(t!(
                "status-imported",
                created = report.customers.created,
                merged = report.customers.merged,
                people = report.people.created
            ));
        }
        Action::Quit => quit(state),
        Action::ShowHelp => show_help(state),
        _ => {}
    }
    Ok(())
}

/// Scrolling is clamped when drawn, where the screen size is known.
pub(super) fn dashboard_dispatch(state: &mut State, action: Action) -> Result<()> {
    let page = state.page_height.max(1) as isize;
    let delta = match action {
        Action::MoveDown => 1,
        Action::MoveUp => -1,
        Action::PageDown => page,
        Action::PageUp => -page,
        Action::Back => {
            state.screen = Screen::BOOK;
            return Ok(());
        }
        Action::ShowHelp => {
            show_help(state);
            return Ok(());
        }
        Action::Quit => {
            quit(state);
            return Ok(());
        }
        _ => return Ok(()),
    };
    if let Screen::Dashboard { scroll, .. } = &mut state.screen {
        *scroll = scroll.saturating_add_signed(delta);
    }
    Ok(())
}

pub(super) fn archived_dispatch(
    state: &mut State,
    repo: &mut Repository,
    action: Action,
) -> Result<()> {
    if action == Action::ShowHelp {
        show_help(state);
        return Ok(());
    }
    let Screen::Archived(list) = &mut state.screen else {
        return Ok(());
    };
    let len = list.rows.len();
    match action {
        Action::Quit => quit(state),
        Action::Back => state.screen = Screen::BOOK,
        Action::MoveUp => list.cursor.step(-1, len),
        Action::MoveDown => list.cursor.step(1, len),
        Action::Unarchive => {
            let Some(row) = list.rows.get(list.cursor.selected).cloned() else {
                return Ok(());
            };
            repo.set_archived(row.id, false)?;
            reread_archived(state, repo)?;
            state.info(t!(
                "status-restored",
                name = safe_text::line(&row.name).into_owned()
            ));
        }
        Action::Undo => super::undoing::press(state, repo, false)?,
        Action::Redo => super::undoing::press(state, repo, true)?,
        _ => {}
    }
    Ok(())
}

/// After a restore or an undo, both the archived list and the book change.
fn reread_archived(state: &mut State, repo: &Repository) -> Result<()> {
    if let Screen::Archived(list) = &mut state.screen {
        list.rows = repo.archived_rows()?;
        list.cursor.step(0, list.rows.len());
    }
    reload(state, repo)
}
