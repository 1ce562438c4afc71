//! Saving a form: each purpose read from its fields and written in one transaction, then the
//! screen brought up to date (the one customer touched, or the whole book).

use super::reading::{load_detail, refresh_customer, reload};
use super::reviewing;
use crate::repository::{Repository, Result};
use crate::safe_text;
use crate::tui::form::FormPurpose;
use crate::tui::review::{Handled, ReviewItem};
use crate::tui::state::{Overlay, Screen, State};
use crate::tui::{account_forms, book_forms as forms};

/// Validates and writes the open form. On a bad field or a failed write the form stays open
/// with everything typed.
pub(super) fn save_form(state: &mut State, repo: &mut Repository) -> Result<()> {
    let in_review = matches!(state.screen, Screen::Review(_));
    let Some(Overlay::Form(form)) = &mut state.overlay else {
        return Ok(());
    };
    let (today, now) = (state.today, state.now);
    let ceiling = state.config.frequency.ceiling();
    let order = state.config.date_order;
    let contacts = state
        .detail
        .as_ref()
        .filter(|_| !in_review)
        .map(|d| d.contacts.clone())
        .unwrap_or_default();
    let contacts = match (in_review, form.purpose) {
        (true, FormPurpose::LogInteraction(id)) => repo.contacts(id)?,
        _ => contacts,
    };
    // In the review, the follow-up on screen is what a log closes.
    let closes = reviewing::open_follow_up(state).cloned();
    // The one customer a save touches is read again rather than the whole book.
    let Some(Overlay::Form(form)) = &state.overlay else {
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
    let Some(Overlay::Form(form)) = &mut state.overlay else {
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
            if let Some(preview) = crate::tui::importing::preview(form, repo, order)? {
                state.screen = Screen::ImportPreview(Box::new(preview));
                state.overlay = None;
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
    state.overlay = None;
    if in_review {
        // Only what answers the item on screen settles it: another follow-up added for a due
        // item's customer leaves the item waiting.
        let answers = match (settled, state.review().and_then(|r| r.current())) {
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
    refresh_after(state, repo, touched, ranking)?;
    if let Some(id) = select {
        if !state.select_customer(id) {
            // A new customer hidden by the filter: show it rather than lose sight of it.
            state.filter = Default::default();
            state.refilter();
            state.select_customer(id);
        }
        load_detail(state, repo)?;
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
        Some(id) => refresh_customer(state, repo, id, ranking),
        None => reload(state, repo),
    }
}
