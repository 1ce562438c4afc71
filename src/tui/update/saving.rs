//! Saving a form: each purpose read from its fields and written in one transaction by its own
//! small function, then the screen brought up to date (the one customer touched, or the whole
//! book) and, in the review, the item on screen settled.

use super::reading::{load_detail, refresh_customer, reload};
use super::reviewing;
use crate::book::model::{CustomerId, FollowUpId};
use crate::i18n::calendar::due_label;
use crate::repository::{Repository, Result};
use crate::safe_text;
use crate::services::logging::{self, Closes};
use crate::tui::form::{CustomerField, Form, FormPurpose, LogField, SnoozeField};
use crate::tui::review::{Handled, ReviewItem};
use crate::tui::state::{Overlay, Screen, State};
use crate::tui::{account_forms, book_forms as forms, customer_forms, importing};

/// What a save wrote, for the status line and the screen.
struct Saved {
    message: String,
    /// The customer to show afterwards.
    select: Option<CustomerId>,
    /// What the save did to the review item on screen, if it answers it.
    settled: Option<Handled>,
}

impl Saved {
    fn new(message: String, select: Option<CustomerId>) -> Self {
        Saved {
            message,
            select,
            settled: None,
        }
    }

    fn settling(self, handled: Handled) -> Self {
        Saved {
            settled: Some(handled),
            ..self
        }
    }
}

/// Validates and writes the open form. On a bad field or a failed write the form stays open
/// with everything typed.
pub(super) fn save_form(state: &mut State, repo: &mut Repository) -> Result<()> {
    let Some(Overlay::Form(form)) = &state.overlay else {
        return Ok(());
    };
    let purpose = form.purpose;
    if purpose == FormPurpose::Import {
        return preview_import(state, repo);
    }
    if purpose == FormPurpose::AddCustomer
        && !form.duplicate_ok
        && super::duplicates::ask(state, repo)?
    {
        return Ok(());
    }
    // The one customer a save touches is read again rather than the whole book.
    let (touched, ranking) = match purpose {
        FormPurpose::Deal(id) => (Some(id), true),
        FormPurpose::Snooze(follow_up) => (
            repo.follow_up(follow_up).ok().map(|f| f.draft.customer_id),
            false,
        ),
        other => (customer_of(other), false),
    };
    let saved = with_form_out(state, |state, form| match purpose {
        FormPurpose::AddCustomer => save_customer(repo, form, None),
        FormPurpose::EditCustomer(id) => save_customer(repo, form, Some(id)),
        FormPurpose::AddPerson(id) => save_person(repo, form, id),
        FormPurpose::LogInteraction(id) => save_log(state, repo, form, id),
        FormPurpose::AddFollowUp(id) => save_follow_up(state, repo, form, id),
        FormPurpose::Snooze(id) => save_snooze(state, repo, form, id),
        FormPurpose::Deal(id) => save_deal(state, repo, form, id),
        FormPurpose::Complaint(id) => save_complaint(state, repo, form, id),
        FormPurpose::Import => Ok(None),
    })?;
    match saved {
        Some(saved) => {
            // A customer just added is read alone too, as the one to select.
            let touched = match purpose {
                FormPurpose::AddCustomer => saved.select,
                _ => touched,
            };
            finish(state, repo, saved, touched, ranking)
        }
        None => Ok(()),
    }
}

/// The customer a form is about, when it is about one.
fn customer_of(purpose: FormPurpose) -> Option<CustomerId> {
    match purpose {
        FormPurpose::LogInteraction(id)
        | FormPurpose::AddFollowUp(id)
        | FormPurpose::AddPerson(id)
        | FormPurpose::EditCustomer(id)
        | FormPurpose::Complaint(id)
        | FormPurpose::Deal(id) => Some(id),
        FormPurpose::Snooze(_) | FormPurpose::AddCustomer | FormPurpose::Import => None,
    }
}

/// Runs `write` on the form taken out of the overlay. When a field is bad (`None`) or the
/// write fails, the form goes back as typed.
fn with_form_out<T>(
    state: &mut State,
    write: impl FnOnce(&mut State, &mut Form) -> Result<Option<T>>,
) -> Result<Option<T>> {
    let Some(Overlay::Form(mut form)) = state.overlay.take() else {
        return Ok(None);
    };
    let result = write(state, &mut form);
    if !matches!(result, Ok(Some(_))) {
        state.overlay = Some(Overlay::Form(form));
    }
    if matches!(result, Ok(None)) {
        state.error(t!("status-check-fields"));
    }
    result
}

/// Previewing an import writes nothing: it opens the preview rather than finishing the form.
fn preview_import(state: &mut State, repo: &mut Repository) -> Result<()> {
    let order = state.config.date_order;
    let preview = with_form_out(state, |_, form| importing::preview(form, repo, order))?;
    if let Some(preview) = preview {
        state.screen = Screen::ImportPreview(Box::new(preview));
    }
    Ok(())
}

fn save_customer(
    repo: &mut Repository,
    form: &mut Form,
    existing: Option<CustomerId>,
) -> Result<Option<Saved>> {
    let Some(draft) = customer_forms::read_customer(form) else {
        return Ok(None);
    };
    let why = form.value(CustomerField::WhyByHand).to_string();
    let name = safe_text::line(&draft.name).into_owned();
    Ok(Some(match existing {
        None => {
            let id = repo.add_customer_why(&draft, &why)?;
            Saved::new(t!("status-added", name = name), Some(id))
        }
        Some(id) => {
            super::changed_elsewhere::save_edit(repo, form, id, &draft, &why)?;
            Saved::new(t!("status-saved", name = name), Some(id))
        }
    }))
}

fn save_person(
    repo: &mut Repository,
    form: &mut Form,
    customer_id: CustomerId,
) -> Result<Option<Saved>> {
    let Some(draft) = customer_forms::read_person(form) else {
        return Ok(None);
    };
    repo.add_contact(customer_id, &draft)?;
    let message = t!(
        "status-added",
        name = safe_text::line(&draft.name).into_owned()
    );
    Ok(Some(Saved::new(message, Some(customer_id))))
}

/// A logged contact; in the review it also closes the follow-up on screen, in the same write.
fn save_log(
    state: &State,
    repo: &mut Repository,
    form: &mut Form,
    customer_id: CustomerId,
) -> Result<Option<Saved>> {
    // The form says what the log closes when it asks; in the review, the follow-up on
    // screen is what it closes.
    // Without either (nothing due when the form opened), the service's default stands.
    let closes = if form.has(LogField::Closes) {
        forms::closes_choice(form).map_or(Closes::Nothing, Closes::This)
    } else {
        reviewing::open_follow_up(state)
            .filter(|f| f.draft.customer_id == customer_id)
            .map_or(Closes::EarliestDue, |f| Closes::This(f.id))
    };
    let request = forms::log_request(form, customer_id, &state.config.outcomes, closes);
    form.clear_errors();
    let prepared = match logging::validate(&request, repo, &state.config, state.now)? {
        Ok(prepared) => prepared,
        Err(errors) => {
            forms::show_log_errors(form, &errors);
            return Ok(None);
        }
    };
    prepared.commit(repo)?;
    let sep = t!("list-separator");
    let mut message = t!(
        "status-logged",
        channel = crate::i18n::words::channel(prepared.interaction.channel)
    );
    if let Some(f) = &prepared.follow_up {
        let when = due_label(Some(f.due_on), state.today);
        message = format!(
            "{message}{sep}{}",
            t!("status-logged-follow-up", when = when)
        );
    }
    // The service may have closed a due follow-up nobody picked: say which.
    if let Some(f) = &prepared.closes {
        let task = safe_text::line(&f.draft.task).into_owned();
        message = format!("{message}{sep}{}", t!("status-logged-closed", task = task));
    }
    let message = reviewing::with_warnings(message, &prepared.warnings);
    Ok(Some(
        Saved::new(message, Some(customer_id)).settling(Handled::Logged),
    ))
}

fn save_follow_up(
    state: &State,
    repo: &mut Repository,
    form: &mut Form,
    customer_id: CustomerId,
) -> Result<Option<Saved>> {
    let (today, order) = (state.today, state.config.date_order);
    let Some(draft) = forms::read_follow_up(form, customer_id, state.now, order) else {
        return Ok(None);
    };
    let ceiling = state.config.frequency.ceiling();
    let warnings = repo.frequency_warnings(customer_id, draft.due_on, ceiling, None)?;
    repo.add_follow_up(&draft)?;
    let when = due_label(Some(draft.due_on), today);
    let task = safe_text::line(&draft.task).into_owned();
    let message = t!("status-follow-up-planned", when = when, task = task);
    let message = reviewing::with_warnings(message, &warnings);
    Ok(Some(
        Saved::new(message, Some(customer_id)).settling(Handled::Planned(draft.due_on)),
    ))
}

fn save_snooze(
    state: &State,
    repo: &mut Repository,
    form: &mut Form,
    follow_up_id: FollowUpId,
) -> Result<Option<Saved>> {
    form.clear_errors();
    let order = state.config.date_order;
    // The day only: a snooze keeps the follow-up's time of day.
    let until = forms::read_later(form, SnoozeField::Until, state.now, order).map(|w| w.date);
    let Some(until) = until else {
        return Ok(None);
    };
    repo.snooze_follow_up(follow_up_id, until)?;
    let message = t!(
        "status-snoozed-date",
        date = crate::book::dates::format_date(until)
    );
    Ok(Some(
        Saved::new(message, None).settling(Handled::Snoozed(until)),
    ))
}

/// A new deal, or the one picked in the form edited.
fn save_deal(
    state: &State,
    repo: &mut Repository,
    form: &mut Form,
    customer_id: CustomerId,
) -> Result<Option<Saved>> {
    let (today, order) = (state.today, state.config.date_order);
    let Some((picked, draft)) = account_forms::read_deal(form, customer_id, today, order) else {
        return Ok(None);
    };
    let title = safe_text::line(&draft.title).into_owned();
    let message = match picked {
        Some(id) => {
            repo.update_deal(id, &draft)?;
            t!("status-deal-saved", title = title)
        }
        None => {
            repo.add_deal(&draft)?;
            let amount = crate::book::money::format_amount(draft.amount, &draft.currency);
            let stage = crate::i18n::words::deal_stage(draft.stage);
            t!(
                "status-deal-added",
                stage = stage,
                amount = amount,
                title = title
            )
        }
    };
    Ok(Some(Saved::new(message, Some(customer_id))))
}

/// A new complaint, or the one picked in the form moved on.
fn save_complaint(
    state: &State,
    repo: &mut Repository,
    form: &mut Form,
    customer_id: CustomerId,
) -> Result<Option<Saved>> {
    let (today, order) = (state.today, state.config.date_order);
    let read = account_forms::read_complaint(form, customer_id, today, order);
    let Some((picked, draft)) = read else {
        return Ok(None);
    };
    match picked {
        Some(id) => repo.update_complaint(id, &draft)?,
        None => {
            repo.add_complaint(&draft)?;
        }
    }
    let message = t!(
        "status-complaint",
        status = crate::i18n::words::complaint_status(draft.status),
        what = safe_text::line(&draft.what).into_owned()
    );
    Ok(Some(Saved::new(message, Some(customer_id))))
}

/// After a save: the touched customer read again; in the review, the item on screen settled
/// when the save answers it; in the book, the saved customer selected.
fn finish(
    state: &mut State,
    repo: &Repository,
    saved: Saved,
    touched: Option<CustomerId>,
    ranking: bool,
) -> Result<()> {
    if let Some(review) = state.review() {
        // Only what answers the item on screen settles it: another follow-up added for a due
        // item's customer leaves the item waiting.
        let answers = match (saved.settled, review.current()) {
            (Some(Handled::Planned(_)), Some(ReviewItem::FollowUp(_))) => None,
            (s, Some(item)) if saved.select.is_none_or(|id| id == item.customer_id()) => s,
            _ => None,
        };
        refresh_after(state, repo, touched, ranking)?;
        match answers {
            Some(h) => reviewing::settle(state, repo, h)?,
            None => reviewing::load_current(state, repo)?,
        }
        state.info(saved.message);
        return Ok(());
    }
    refresh_after(state, repo, touched, ranking)?;
    if let Some(id) = saved.select {
        if !state.select_customer(id) {
            // A new customer hidden by the filter: show it rather than lose sight of it.
            state.filter = Default::default();
            state.refilter();
            state.select_customer(id);
        }
        load_detail(state, repo)?;
    }
    state.info(saved.message);
    Ok(())
}

fn refresh_after(
    state: &mut State,
    repo: &Repository,
    touched: Option<CustomerId>,
    ranking: bool,
) -> Result<()> {
    match touched {
        Some(id) => refresh_customer(state, repo, id, ranking),
        None => reload(state, repo),
    }
}
