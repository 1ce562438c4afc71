//! Adding a customer the book probably has already: caught at the door by the rule imports
//! and `fieldbook add` use (the same name once case, punctuation and legal forms such as Ltd.
//! or 有限公司 are ignored, whatever the cities say; or a shared phone or e-mail), and shown
//! beside the book's record to open it, merge into it, add anyway, or go back to the form.

use super::reading::{load_detail, reload};
use super::saving::save_form;
use crate::repository::{Repository, Result};
use crate::safe_text;
use crate::tui::action::Pane;
use crate::tui::customer_forms;
use crate::tui::state::{ArchivedList, ListCursor, Overlay, Question, Screen, State};

/// Before an add form is saved: when the book probably holds the customer already, the form
/// moves into the question, as typed. True when it asked.
pub(super) fn ask(state: &mut State, repo: &Repository) -> Result<bool> {
    let Some(Overlay::Form(form)) = &mut state.overlay else {
        return Ok(false);
    };
    // A form with a bad field says so first; the question can wait for a customer to compare.
    let Some(typed) = customer_forms::read_customer(form) else {
        return Ok(false);
    };
    let Some(twin) = repo.likely_duplicate(&typed)? else {
        return Ok(false);
    };
    let Some(existing) = repo.customer(twin.customer)? else {
        return Ok(false);
    };
    let Some(Overlay::Form(form)) = state.overlay.take() else {
        return Ok(false);
    };
    state.overlay = Some(Overlay::Confirm(Question::Duplicate {
        existing: Box::new(existing),
        typed: Box::new(typed),
        why: crate::services::import_words::likely_why(&twin.why),
        form,
    }));
    Ok(true)
}

/// `o`: the customer already in the book, selected and shown (an archived one in the archived
/// list, where `r` restores it); nothing is added.
pub(super) fn open_existing(state: &mut State, repo: &Repository) -> Result<()> {
    let Some(Overlay::Confirm(Question::Duplicate { existing, .. })) = state.overlay.take() else {
        return Ok(());
    };
    let name = safe_text::line(&existing.draft.name).into_owned();
    if existing.archived {
        let rows = repo.archived_rows()?;
        let selected = rows.iter().position(|r| r.id == existing.id).unwrap_or(0);
        state.screen = Screen::Archived(ArchivedList {
            rows,
            cursor: ListCursor {
                selected,
                offset: 0,
            },
        });
        state.info(t!("status-duplicate-archived", name = name));
        return Ok(());
    }
    show(state, repo, existing.id)?;
    state.info(t!("status-duplicate-opened", name = name));
    Ok(())
}

/// `m`: the book's customer gets what the form adds to it (its blank fields filled, tags
/// joined), as an import's `--merge` does; one undo step.
pub(super) fn merge_into_existing(state: &mut State, repo: &mut Repository) -> Result<()> {
    let Some(Overlay::Confirm(question)) = state.overlay.take() else {
        return Ok(());
    };
    let Question::Duplicate {
        existing, typed, ..
    } = &question
    else {
        state.overlay = Some(Overlay::Confirm(question));
        return Ok(());
    };
    if let Err(e) = repo.merge_into(existing.id, typed) {
        // The question stays, and the form with it, as typed.
        state.overlay = Some(Overlay::Confirm(question));
        return Err(e);
    }
    let (id, name) = (
        existing.id,
        safe_text::line(&existing.draft.name).into_owned(),
    );
    reload(state, repo)?;
    show(state, repo, id)?;
    state.info(t!("status-merged", name = name));
    Ok(())
}

/// `a`: the form saved as typed, without asking again.
pub(super) fn add_anyway(state: &mut State, repo: &mut Repository) -> Result<()> {
    let Some(Overlay::Confirm(Question::Duplicate { mut form, .. })) = state.overlay.take() else {
        return Ok(());
    };
    form.duplicate_ok = true;
    state.overlay = Some(Overlay::Form(form));
    save_form(state, repo)
}

/// Customer `id` selected (the filter cleared if it hides it) and its profile in focus.
fn show(state: &mut State, repo: &Repository, id: crate::book::model::CustomerId) -> Result<()> {
    if !state.select_customer(id) {
        state.filter = Default::default();
        state.refilter();
        state.select_customer(id);
    }
    state.focus = Pane::Profile;
    load_detail(state, repo)
}
