//! The forms of the book's contacts and follow-ups (log, follow-up, snooze): how each opens,
//! and how its text becomes a draft the repository can write, with a message beside each bad
//! field. The customer and person forms are in `customer_forms`.

use chrono::{NaiveDate, NaiveDateTime};

use super::form::{Field, FieldKey, FollowUpField, Form, FormPurpose, LogField, SnoozeField};
use super::keymap::{MAKE_FOLLOW_UP, SAVE, key_name};
use crate::book::dates::{self, DateOrder};
use crate::book::model::Channel;
use crate::book::model::{CustomerId, FollowUp, FollowUpDraft, FollowUpId};
use crate::book::recurrence::Recurrence;
use crate::config::Outcome;
use crate::services::later::LaterError;
use crate::services::logging::{self, Closes, FieldErrors, FollowUpRequest, LogRequest, Remedy};

pub const CHANNELS: &[&str] = &[
    "call", "visit", "wechat", "email", "meeting", "message", "other",
];
/// The dates a date field takes, as its placeholder says them.
pub fn date_hint() -> String {
    t!("form-hint-date")
}

fn repeat_hint() -> String {
    t!("form-hint-repeat")
}

pub fn log_form(customer_id: CustomerId, customer_name: &str, outcomes: &[Outcome]) -> Form {
    Form::new(
        FormPurpose::LogInteraction(customer_id),
        t!("form-title-log", customer = customer_name),
        log_fields(outcomes),
    )
}

/// What a Closes choice says when the contact closes nothing.
pub const CLOSES_NONE: &str = "none";

/// The log form for a customer with follow-ups due or overdue: it first says which one this
/// contact closes (the earliest, unless changed; or none), so logging the call the follow-up
/// asked for also ticks it off. Typing starts in Summary as on any log form.
pub fn log_form_closing(
    customer_id: CustomerId,
    customer_name: &str,
    outcomes: &[Outcome],
    due: &[FollowUp],
    today: NaiveDate,
) -> Form {
    if due.is_empty() {
        return log_form(customer_id, customer_name, outcomes);
    }
    let mut choices: Vec<String> = due.iter().map(|f| closes_label(f, today)).collect();
    choices.push(CLOSES_NONE.to_string());
    let mut shown = choices.clone();
    if let Some(last) = shown.last_mut() {
        *last = t!("form-closes-none");
    }
    let mut fields = vec![Field::choice(LogField::Closes, &choices, &choices[0]).shown_as(shown)];
    fields.extend(log_fields(outcomes));
    let mut form = Form::new(
        FormPurpose::LogInteraction(customer_id),
        t!("form-title-log", customer = customer_name),
        fields,
    );
    form.focus_on(LogField::Summary);
    form
}

/// "2d overdue: Send the quote #12": when, what, and the id `fieldbook log --closes` takes.
fn closes_label(f: &FollowUp, today: NaiveDate) -> String {
    let when = crate::i18n::calendar::due_label(Some(f.draft.due_on), today);
    let task = crate::safe_text::line(&f.draft.task);
    format!("{when}: {task} #{}", f.id)
}

/// The follow-up the form's Closes field names: `None` for "none" or a form without one.
pub fn closes_choice(form: &Form) -> Option<FollowUpId> {
    let value = form.value(LogField::Closes);
    value.rsplit_once(" #")?.1.parse().ok()
}

fn log_fields(outcomes: &[Outcome]) -> Vec<Field> {
    let mut choices = vec![String::new()];
    choices.extend(outcomes.iter().map(|o| o.label.clone()));
    vec![
        Field::multiline(LogField::Summary, "", t!("form-hint-summary")),
        Field::choice(LogField::Channel, CHANNELS, "call").shown_as(
            CHANNELS
                .iter()
                .filter_map(|c| Channel::parse(c))
                .map(crate::i18n::words::channel),
        ),
        Field::choice(LogField::Outcome, &choices, ""),
        Field::text(LogField::With, "", t!("form-hint-with")),
        Field::text(LogField::When, "", t!("form-hint-when")),
        Field::text(LogField::FollowUpDate, "", t!("form-hint-follow-up-date")),
        Field::text(LogField::FollowUpTask, "", t!("form-hint-next-task")),
        Field::text(LogField::Repeat, "", repeat_hint()),
        Field::choice(LogField::Satisfaction, &["", "1", "2", "3", "4", "5"], ""),
    ]
}

/// Choosing an outcome proposes its next step; the fields stay editable, and a proposal is
/// only written over an empty field or an earlier proposal, never over what was typed.
pub fn apply_outcome(form: &mut Form, outcomes: &[Outcome], previous: &str) {
    let find = |label: &str| outcomes.iter().find(|o| o.label == label);
    let (old_next, old_task) = find(previous).map_or((String::new(), String::new()), |o| {
        (o.next.clone().unwrap_or_default(), o.task.clone())
    });
    let chosen = find(form.value(LogField::Outcome)).cloned();
    let (next, task) = chosen.map_or((String::new(), String::new()), |o| {
        (o.next.unwrap_or_default(), o.task)
    });
    let task = if next.is_empty() { String::new() } else { task };
    for (key, old, new) in [
        (LogField::FollowUpDate, old_next, next),
        (LogField::FollowUpTask, old_task, task),
    ] {
        let current = form.value(key).to_string();
        if current.is_empty() || current == old {
            form.suggest(key, &new);
        }
    }
}

/// The log form as a request for the logging service. The outcome is shown by its label and
/// sent by its key.
pub fn log_request(
    form: &Form,
    customer_id: CustomerId,
    outcomes: &[Outcome],
    closes: Closes,
) -> LogRequest {
    let v = |key: LogField| form.value(key).to_string();
    LogRequest {
        customer_id,
        with: Some(v(LogField::With)),
        channel: v(LogField::Channel),
        outcome: outcomes
            .iter()
            .find(|o| o.label == form.value(LogField::Outcome))
            .map(|o| o.key.clone()),
        when: v(LogField::When),
        summary: v(LogField::Summary),
        follow_up: Some(FollowUpRequest {
            due: Some(v(LogField::FollowUpDate)),
            task: v(LogField::FollowUpTask),
            repeat: v(LogField::Repeat),
            past_ok: form.past_confirmed(LogField::FollowUpDate),
        }),
        closes,
        satisfaction: form.value(LogField::Satisfaction).parse().ok(),
    }
}

/// Puts each message beside its field, and the cursor on the first; what was typed stays.
pub fn show_log_errors(form: &mut Form, errors: &FieldErrors) {
    form.clear_errors();
    for (field, message) in errors.iter() {
        let key = match field {
            logging::LogField::Summary => LogField::Summary,
            logging::LogField::Channel => LogField::Channel,
            logging::LogField::Outcome => LogField::Outcome,
            logging::LogField::With => {
                form.set_error(LogField::With, t!("form-error-with-add", message = message));
                continue;
            }
            logging::LogField::When if errors.remedy(field) == Some(Remedy::MakeFollowUp) => {
                let offer = t!(
                    "form-error-make-follow-up",
                    message = message,
                    key = key_name(MAKE_FOLLOW_UP)
                );
                form.set_error(LogField::When, offer);
                continue;
            }
            logging::LogField::When => LogField::When,
            logging::LogField::FollowUpDate
                if errors.remedy(field) == Some(Remedy::ConfirmPast) =>
            {
                form.set_error(LogField::FollowUpDate, confirm_past(message));
                form.ask_past(LogField::FollowUpDate);
                continue;
            }
            logging::LogField::FollowUpDate => LogField::FollowUpDate,
            logging::LogField::Repeat => LogField::Repeat,
            logging::LogField::Satisfaction => LogField::Satisfaction,
            // The form's Closes field, or (in the review) the follow-up on screen.
            logging::LogField::Closes if form.has(LogField::Closes) => LogField::Closes,
            logging::LogField::Closes => {
                form.error = Some(message.to_string());
                continue;
            }
        };
        form.set_error(key, message);
    }
    form.focus_first_error();
}

pub fn follow_up_form(customer_id: CustomerId, customer_name: &str) -> Form {
    let fields = vec![
        Field::text(FollowUpField::Task, "", t!("form-hint-task")),
        Field::suggested(FollowUpField::Due, t!("form-suggest-tomorrow"), date_hint()),
        Field::text(FollowUpField::Repeat, "", repeat_hint()),
    ];
    Form::new(
        FormPurpose::AddFollowUp(customer_id),
        t!("form-title-follow-up", customer = customer_name),
        fields,
    )
}

pub fn read_follow_up(
    form: &mut Form,
    customer_id: CustomerId,
    now: NaiveDateTime,
    order: DateOrder,
) -> Option<FollowUpDraft> {
    form.clear_errors();
    let task = form.value(FollowUpField::Task).trim().to_string();
    if task.is_empty() {
        form.set_error(FollowUpField::Task, t!("form-error-task"));
    }
    let due = read_later(form, FollowUpField::Due, now, order);
    let repeat_text = form.value(FollowUpField::Repeat).trim().to_string();
    let repeat = if repeat_text.is_empty() {
        None
    } else {
        let rule = Recurrence::parse(&repeat_text);
        if rule.is_none() {
            form.set_error(
                FollowUpField::Repeat,
                t!("form-error-repeat", hint = repeat_hint()),
            );
        }
        rule
    };
    if form.has_errors() {
        form.focus_first_error();
        return None;
    }
    let due = due?;
    Some(FollowUpDraft {
        customer_id,
        due_on: due.date,
        due_time: due.time,
        task: task.into(),
        repeat,
    })
}

pub fn snooze_form(follow_up_id: FollowUpId, task: &str) -> Form {
    let fields = vec![Field::suggested(
        SnoozeField::Until,
        t!("form-suggest-tomorrow"),
        date_hint(),
    )];
    Form::new(
        FormPurpose::Snooze(follow_up_id),
        t!("form-title-snooze", task = task),
        fields,
    )
}

/// A date for later (a follow-up's, a snooze's) as the logging service reads one: a yearless
/// date is the next one, a time may follow. A past date is refused naming it, and taken when
/// saved again unchanged.
pub fn read_later(
    form: &mut Form,
    key: impl Into<FieldKey>,
    now: NaiveDateTime,
    order: DateOrder,
) -> Option<dates::When> {
    let key = key.into();
    let text = form.value(key).trim().to_string();
    if text.is_empty() {
        form.set_error(key, t!("form-error-date-needed", hint = date_hint()));
        return None;
    }
    let past_ok = form.past_confirmed(key);
    match crate::services::later::read_later(&text, now, order, past_ok) {
        Ok(when) => Some(when),
        Err(e @ LaterError::Past { .. }) => {
            form.set_error(key, confirm_past(&e.to_string()));
            form.ask_past(key);
            None
        }
        Err(e) => {
            form.set_error(key, e.to_string());
            None
        }
    }
}

/// A past date's refusal, with how to say it is meant.
fn confirm_past(refusal: &str) -> String {
    t!(
        "form-past-again-keeps",
        refusal = refusal,
        key = key_name(SAVE)
    )
}

/// The log form's When, still to come, becomes the follow-up date (a contact that has not
/// happened is a plan); When goes back to now, and the cursor to the follow-up date.
pub fn when_to_follow_up(form: &mut Form) {
    let when = form.value(LogField::When).trim().to_string();
    if !matches!(form.purpose, FormPurpose::LogInteraction(_)) || when.is_empty() {
        return;
    }
    form.set_value(LogField::FollowUpDate, &when);
    form.set_value(LogField::When, "");
    form.clear_error(LogField::When);
    form.clear_error(LogField::FollowUpDate);
    form.focus_on(LogField::FollowUpDate);
}
