//! `u` and `U`: what is undone or redone is said with when it was done. A change made in this
//! session is reversed at once; one from before it (yesterday's import, a change another
//! fieldbook made) is asked about first, since the person may not remember it.

use super::reading::reload;
use crate::i18n::calendar::done_at_label;
use crate::repository::{Repository, Result, UndoStep};
use crate::safe_text;
use crate::tui::state::{Overlay, Question, Screen, State};

/// `u` (or `U` with `redo`): the newest step reversed, or asked about.
pub(super) fn press(state: &mut State, repo: &mut Repository, redo: bool) -> Result<()> {
    let next = if redo {
        repo.next_redo()?
    } else {
        repo.next_undo()?
    };
    match next {
        None if redo => state.info(t!("status-nothing-to-redo")),
        None => state.info(t!("status-nothing-to-undo")),
        Some(step) if step.this_run => reverse(state, repo, &step)?,
        Some(step) => state.overlay = Some(Overlay::Confirm(Question::Reverse(step))),
    }
    Ok(())
}

/// `u` (or `U`) pressed again while asked: the same as yes. The other one leaves the question.
pub(super) fn press_again(state: &mut State, repo: &mut Repository, redo: bool) -> Result<()> {
    match &state.overlay {
        Some(Overlay::Confirm(Question::Reverse(step))) if step.redo == redo => {
            let step = step.clone();
            state.overlay = None;
            reverse(state, repo, &step)
        }
        _ => Ok(()),
    }
}

/// The answer to the question about `step`.
pub(super) fn answer(
    state: &mut State,
    repo: &mut Repository,
    step: UndoStep,
    yes: bool,
) -> Result<()> {
    if yes {
        return reverse(state, repo, &step);
    }
    state.info(t!("status-undo-kept", what = quoted(&step)));
    Ok(())
}

fn reverse(state: &mut State, repo: &mut Repository, step: &UndoStep) -> Result<()> {
    repo.reverse(step)?;
    if let Screen::Archived(list) = &mut state.screen {
        list.rows = repo.archived_rows()?;
        list.cursor.step(0, list.rows.len());
    }
    reload(state, repo)?;
    let when = done_at_label(step.at, state.today);
    state.info(if step.redo {
        t!("status-redone", what = quoted(step), when = when)
    } else {
        t!("status-undone", what = quoted(step), when = when)
    });
    Ok(())
}

/// The step's label in the language spoken, in quotes, on one line, safe to show.
pub fn quoted(step: &UndoStep) -> String {
    let label = crate::i18n::undo_label(&step.label);
    t!("quoted", text = safe_text::line(&label).into_owned())
}
