//! An edit form over a customer that another fieldbook changed while it was open: the save
//! refuses to overwrite and says what changed, field by field; the reload key brings the
//! book's values in, keeping what was typed.

use crate::book::model::{CustomerDraft, CustomerId};
use crate::repository::{BookError, Guarded, Repository, Result};
use crate::tui::customer_forms;
use crate::tui::form::{Form, FormPurpose};
use crate::tui::state::State;

/// Writes the edit only over the customer as the form opened it. When the book holds
/// something else the form stays open, its changed fields marked, and the error says what
/// changed (nothing was written).
pub(super) fn save_edit(
    repo: &mut Repository,
    form: &mut Form,
    id: CustomerId,
    draft: &CustomerDraft,
    why: &str,
) -> Result<()> {
    let Some(opened) = form.opened.clone() else {
        return repo.update_customer_why(id, draft, why);
    };
    match repo.update_customer_if_unchanged(id, &opened.draft, draft, why)? {
        Guarded::Saved => Ok(()),
        Guarded::ChangedMeanwhile(now) => Err(BookError::Invalid(
            customer_forms::mark_changed_elsewhere(form, &now),
        )),
    }
}

/// The reload key: the edit form again from the book as it is now. What was typed stays in
/// the fields the person changed, and the status line names them, so nothing typed goes
/// silently and nothing from the book is hidden.
pub(super) fn reload_form(state: &mut State, repo: &Repository) -> Result<()> {
    let Some(form) = state.form() else {
        return Ok(());
    };
    let FormPurpose::EditCustomer(id) = form.purpose else {
        return Ok(());
    };
    let Some(now) = repo.customer(id)? else {
        return Err(BookError::Invalid(t!("status-customer-gone", id = id)));
    };
    let overrides = repo.overrides(id)?;
    let why = match overrides.tier_reason.is_empty() {
        true => overrides.stage_reason,
        false => overrides.tier_reason,
    };
    let (fresh, kept) = customer_forms::reloaded(form, &now, &why);
    state.open_form(fresh);
    match kept.as_slice() {
        [] => state.info(t!("status-reloaded")),
        kept => state.info(t!(
            "status-reloaded-kept",
            fields = kept.join(&t!("list-comma"))
        )),
    }
    Ok(())
}
