//! Saving a form: each purpose read from its fields and written in one transaction, then the
//! screen brought up to date (the one customer touched, or the whole book).

use chrono::{NaiveDate, NaiveDateTime};

use super::{account_forms, forms, reviewing};
use crate::config::Config;
use crate::repository::{Repository, Result};
use crate::safe_text;
use crate::services::logging::{self, LogRequest};
use crate::tui::form::{Form, FormPurpose};
use crate::tui::review::{Handled, ReviewItem};
use crate::tui::state::{Mode, State};

/// Validates and writes the open form. On a bad field or a failed write the form stays open
/// with everything typed.
pub(super) fn save_form(state: &mut State, repo: &mut Repository) -> Result<()> {
    let (today, now) = (state.today, state.now);
    let ceiling = state.config.frequency.ceiling();
    let order = state.config.date_order;
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
            let closes = closes.filter(|f| f.draft.customer_id == customer_id);
            let request = forms::log_request(
                form,
                customer_id,
                &state.config.outcomes,
                closes.map(|f| f.id),
            );
            let saved = save_log(form, repo, &request, &state.config, (today, now))?;
            if saved.is_some() {
                settled = Some(Handled::Logged);
            }
            saved.map(|message| (message, Some(customer_id)))
        }
        FormPurpose::AddFollowUp(customer_id) => {
            match forms::read_follow_up(form, customer_id, now, order) {
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
                state.import = Some(Box::new(preview));
                state.mode = Mode::ImportPreview;
                return Ok(());
            }
            None
        }
        FormPurpose::Snooze(follow_up_id) => {
            form.clear_errors();
            // The day only: a snooze keeps the follow-up's time of day.
            match forms::read_later(form, "Until", now, order).map(|w| w.date) {
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

/// The book's log form and the review's (which also closes the follow-up on screen) both go
/// through the logging service. `None`: the form now shows what to fix.
fn save_log(
    form: &mut Form,
    repo: &mut Repository,
    request: &LogRequest,
    config: &Config,
    (today, now): (NaiveDate, NaiveDateTime),
) -> Result<Option<String>> {
    form.clear_errors();
    let prepared = match logging::validate(request, repo, config, now)? {
        Ok(prepared) => prepared,
        Err(errors) => {
            forms::show_log_errors(form, &errors);
            return Ok(None);
        }
    };
    prepared.commit(repo)?;
    let next = prepared.follow_up.as_ref().map_or(String::new(), |f| {
        format!(
            "; follow-up {}",
            crate::book::due::due_label(Some(f.due_on), today)
        )
    });
    // The service may have closed a due follow-up nobody picked: say which.
    let closed = prepared.closes.as_ref().map_or(String::new(), |f| {
        format!("; closed {}", safe_text::line(&f.draft.task))
    });
    Ok(Some(reviewing::with_warnings(
        format!("logged {}{next}{closed}", prepared.interaction.channel),
        &prepared.warnings,
    )))
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
