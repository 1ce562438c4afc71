//! The forms of the book's contacts and follow-ups (log, follow-up, snooze): how each opens,
//! and how its text becomes a draft the repository can write, with a message beside each bad
//! field. The customer and person forms are in `customer_forms`.

use chrono::{NaiveDate, NaiveDateTime};

use super::form::{Field, FieldKey, FollowUpField, Form, FormPurpose, LogField, SnoozeField};
use crate::book::dates::{self, DateOrder};
use crate::book::model::{
    Channel, Contact, ContactId, CustomerId, FollowUpDraft, InteractionDraft,
};
use crate::book::recurrence::{RECURRENCE_HINT, Recurrence};
use crate::config::Outcome;

pub const CHANNELS: &[&str] = &[
    "call", "visit", "wechat", "email", "meeting", "message", "other",
];
pub const DATE_HINT: &str = "today, tomorrow, fri, next mon, +3d, 12-01, 2026-12-01";

pub fn log_form(customer_id: CustomerId, customer_name: &str, outcomes: &[Outcome]) -> Form {
    let mut choices = vec![String::new()];
    choices.extend(outcomes.iter().map(|o| o.label.clone()));
    let fields = vec![
        Field::multiline(
            LogField::Summary,
            "",
            "what was said (Enter = new line, Tab = next field)",
        ),
        Field::choice(LogField::Channel, CHANNELS, "call"),
        Field::choice(LogField::Outcome, &choices, ""),
        Field::text(LogField::With, "", "person spoken with (optional)"),
        Field::text(
            LogField::When,
            "",
            "now; or today 14:30, yesterday, 2026-11-20 9:00",
        ),
        Field::text(
            LogField::FollowUpDate,
            "",
            "empty = none; tomorrow, fri, +3d, 12-01",
        ),
        Field::text(LogField::FollowUpTask, "", "what to do next"),
        Field::choice(LogField::Satisfaction, &["", "1", "2", "3", "4", "5"], ""),
    ];
    Form::new(
        FormPurpose::LogInteraction(customer_id),
        format!("Log a contact with {customer_name}"),
        fields,
    )
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

/// The interaction and optional follow-up typed into a log form.
pub fn read_log(
    form: &mut Form,
    customer_id: CustomerId,
    contacts: &[Contact],
    outcomes: &[Outcome],
    now: NaiveDateTime,
    order: DateOrder,
) -> Option<(InteractionDraft, Option<FollowUpDraft>)> {
    form.clear_errors();
    let summary = form.value(LogField::Summary).trim_end().to_string();
    if summary.trim().is_empty() {
        form.set_error(LogField::Summary, "say a few words about the contact");
    }
    let contact_id = read_with(form, contacts);
    let when_text = form.value(LogField::When).trim().to_string();
    let at = match when_text.as_str() {
        "" | "now" => Some(now),
        text => dates::parse_datetime_in(text, now, order)
            .map_err(|e| form.set_error(LogField::When, e.to_string()))
            .ok(),
    };
    let due_text = form.value(LogField::FollowUpDate).trim().to_string();
    let task_text = form.value(LogField::FollowUpTask).trim().to_string();
    let due = if due_text.is_empty() {
        if !task_text.is_empty() {
            form.set_error(LogField::FollowUpDate, "when should this be done?");
        }
        None
    } else {
        dates::parse_date_in(&due_text, now.date(), order)
            .map_err(|e| form.set_error(LogField::FollowUpDate, e.to_string()))
            .ok()
    };
    if form.has_errors() {
        form.focus_first_error();
        return None;
    }
    let channel = Channel::parse(form.value(LogField::Channel)).unwrap_or(Channel::Call);
    let follow_up = due.map(|due_on| FollowUpDraft {
        customer_id,
        due_on,
        due_time: None,
        task: if task_text.is_empty() {
            default_task(&summary)
        } else {
            task_text
        },
        repeat: None,
    });
    let outcome = outcomes
        .iter()
        .find(|o| o.label == form.value(LogField::Outcome))
        .map(|o| o.key.clone());
    let interaction = InteractionDraft {
        customer_id,
        contact_id,
        at: at?,
        channel,
        summary,
        outcome,
    };
    Some((interaction, follow_up))
}

/// The person spoken with, by exact name or a part only one of the customer's people has.
fn read_with(form: &mut Form, contacts: &[Contact]) -> Option<ContactId> {
    let with = form.value(LogField::With).trim().to_string();
    if with.is_empty() {
        return None;
    }
    let found = contacts
        .iter()
        .find(|c| c.draft.name.trim() == with)
        .or_else(|| {
            let lower = with.to_lowercase();
            let mut hits = contacts
                .iter()
                .filter(|c| c.draft.name.to_lowercase().contains(&lower));
            match (hits.next(), hits.next()) {
                (Some(one), None) => Some(one),
                _ => None,
            }
        });
    if found.is_none() {
        form.set_error(
            LogField::With,
            "not one of this customer's people (add them with p)",
        );
    }
    found.map(|c| c.id)
}

/// "Follow up: <first line of the summary>", so a bare date still says what it was about.
fn default_task(summary: &str) -> String {
    let first: String = summary
        .lines()
        .next()
        .unwrap_or("")
        .chars()
        .take(60)
        .collect();
    format!("Follow up: {first}")
}

pub fn follow_up_form(customer_id: CustomerId, customer_name: &str) -> Form {
    let fields = vec![
        Field::text(FollowUpField::Task, "", "what to do"),
        Field::suggested(FollowUpField::Due, "tomorrow", DATE_HINT),
        Field::text(
            FollowUpField::Repeat,
            "",
            "empty = once; weekly, every 2w, monthly after done, 每月",
        ),
    ];
    Form::new(
        FormPurpose::AddFollowUp(customer_id),
        format!("Follow-up for {customer_name}"),
        fields,
    )
}

pub fn read_follow_up(
    form: &mut Form,
    customer_id: CustomerId,
    today: NaiveDate,
    order: DateOrder,
) -> Option<FollowUpDraft> {
    form.clear_errors();
    let task = form.value(FollowUpField::Task).trim().to_string();
    if task.is_empty() {
        form.set_error(FollowUpField::Task, "say what to do");
    }
    let due = read_date(form, FollowUpField::Due, today, order);
    let repeat_text = form.value(FollowUpField::Repeat).trim().to_string();
    let repeat = if repeat_text.is_empty() {
        None
    } else {
        let rule = Recurrence::parse(&repeat_text);
        if rule.is_none() {
            form.set_error(
                FollowUpField::Repeat,
                format!("can't read that: {RECURRENCE_HINT}"),
            );
        }
        rule
    };
    if form.has_errors() {
        form.focus_first_error();
        return None;
    }
    Some(FollowUpDraft {
        customer_id,
        due_on: due?,
        due_time: None,
        task,
        repeat,
    })
}

pub fn snooze_form(follow_up_id: i64, task: &str) -> Form {
    let fields = vec![Field::suggested(SnoozeField::Until, "tomorrow", DATE_HINT)];
    Form::new(
        FormPurpose::Snooze(follow_up_id),
        format!("Snooze: {task}"),
        fields,
    )
}

pub fn read_date(
    form: &mut Form,
    key: impl Into<FieldKey>,
    today: NaiveDate,
    order: DateOrder,
) -> Option<NaiveDate> {
    let key = key.into();
    let text = form.value(key).trim().to_string();
    if text.is_empty() {
        form.set_error(key, format!("a date is needed: {DATE_HINT}"));
        return None;
    }
    dates::parse_date_in(&text, today, order)
        .map_err(|e| form.set_error(key, e.to_string()))
        .ok()
}
