//! The forms of the book (customer, person, log, follow-up, snooze): how each opens, and how
//! its text becomes a draft the repository can write, with a message beside each bad field.

use chrono::NaiveDateTime;

use super::form::{Field, Form, FormPurpose};
use crate::book::dates::{self, DateOrder};
use crate::book::model::{
    Birthday, ContactDraft, Customer, CustomerDraft, CustomerId, CustomerKind, FollowUpDraft,
    FollowUpId, Stage, Tier,
};
use crate::book::recurrence::{RECURRENCE_HINT, Recurrence};
use crate::config::Outcome;
use crate::services::logging::{Closes, FieldErrors, FollowUpRequest, LogField, LogRequest};

const KINDS: &[&str] = &["company", "person"];
const TIERS: &[&str] = &["", "A", "B", "C"];
const STAGES: &[&str] = &["", "prospect", "new", "active", "repeat", "at risk", "lost"];
pub const CHANNELS: &[&str] = &[
    "call", "visit", "wechat", "email", "meeting", "message", "other",
];
pub const DATE_HINT: &str = "today, tomorrow, fri, next mon, +3d, 12-01, 2026-12-01";
const REPEAT_HINT: &str = "empty = once; weekly, every 2w, monthly after done, 每月";

pub fn customer_form(existing: Option<&Customer>, why: &str) -> Form {
    let empty = CustomerDraft::default();
    let d = existing.map_or(&empty, |c| &c.draft);
    let fields = vec![
        Field::text("Name", &d.name, "company or person name (required)"),
        Field::choice(
            "Kind",
            KINDS,
            d.kind.unwrap_or(CustomerKind::Company).as_str(),
        ),
        Field::text("City", &d.city, ""),
        Field::text("Phone", &d.phone, ""),
        Field::text("Email", &d.email, ""),
        Field::text("WeChat", &d.wechat, ""),
        Field::choice("Tier", TIERS, d.tier.map_or("", Tier::as_str)),
        Field::choice("Stage", STAGES, d.stage.map_or("", Stage::label)),
        Field::text(
            "Why by hand",
            why,
            "tier/stage are computed; if you set one, say why",
        ),
        Field::text("Tags", d.tags.join(", "), "comma separated"),
        Field::text("Industry", &d.industry, ""),
        Field::text("Address", &d.address, ""),
        Field::text("Website", &d.website, ""),
        Field::text("Lead source", &d.lead_source, "referral, trade fair, ..."),
        Field::text(
            "Birthday",
            d.birthday.map(Birthday::to_text).unwrap_or_default(),
            "1985-06-20 or 06-20",
        ),
        Field::text(
            "Cadence (days)",
            d.cadence_days.map(|n| n.to_string()).unwrap_or_default(),
            "stay in touch every N days",
        ),
        Field::multiline("Notes", &d.notes, "preferences, anything worth remembering"),
    ];
    match existing {
        Some(c) => Form::new(FormPurpose::EditCustomer(c.id), "Edit customer", fields),
        None => Form::new(FormPurpose::AddCustomer, "Add a customer", fields),
    }
}

fn read_birthday(form: &mut Form, label: &str) -> Option<Birthday> {
    let text = form.value(label).trim().to_string();
    if text.is_empty() {
        return None;
    }
    let parsed = Birthday::parse(&text);
    if parsed.is_none() {
        form.set_error(label, "use 1985-06-20, or 06-20 when the year is unknown");
    }
    parsed
}

fn read_name(form: &mut Form) -> String {
    let name = form.value("Name").trim().to_string();
    if name.is_empty() {
        form.set_error("Name", "a name is needed");
    }
    name
}

/// The customer typed into `form`, or `None` with messages set beside the bad fields.
pub fn read_customer(form: &mut Form) -> Option<CustomerDraft> {
    form.clear_errors();
    let name = read_name(form);
    let birthday = read_birthday(form, "Birthday");
    let cadence_text = form.value("Cadence (days)").trim().to_string();
    let cadence_days = match cadence_text.parse::<u32>() {
        _ if cadence_text.is_empty() => None,
        Ok(n) if (1..=3650).contains(&n) => Some(n),
        _ => {
            form.set_error("Cadence (days)", "a whole number of days, 1 to 3650");
            None
        }
    };
    if form.has_errors() {
        form.focus_first_error();
        return None;
    }
    let v = |label| form.value(label).trim().to_string();
    Some(CustomerDraft {
        name,
        kind: CustomerKind::parse(form.value("Kind")),
        industry: v("Industry"),
        city: v("City"),
        address: v("Address"),
        phone: v("Phone"),
        email: v("Email"),
        wechat: v("WeChat"),
        website: v("Website"),
        tags: crate::book::model::split_tags(form.value("Tags")),
        tier: Tier::parse(form.value("Tier")),
        stage: Stage::parse(form.value("Stage")),
        lead_source: v("Lead source"),
        birthday,
        notes: form.value("Notes").to_string(),
        cadence_days,
    })
}

pub fn person_form(customer_id: CustomerId, customer_name: &str) -> Form {
    let fields = vec![
        Field::text("Name", "", "required"),
        Field::text("Title", "", "purchasing manager, 总经理, ..."),
        Field::text("Phone", "", ""),
        Field::text("Email", "", ""),
        Field::text("WeChat", "", ""),
        Field::text("Birthday", "", "1985-06-20 or 06-20"),
        Field::multiline("Notes", "", ""),
    ];
    Form::new(
        FormPurpose::AddPerson(customer_id),
        format!("Add a person at {customer_name}"),
        fields,
    )
}

pub fn read_person(form: &mut Form) -> Option<ContactDraft> {
    form.clear_errors();
    let name = read_name(form);
    let birthday = read_birthday(form, "Birthday");
    if form.has_errors() {
        form.focus_first_error();
        return None;
    }
    let v = |label| form.value(label).trim().to_string();
    Some(ContactDraft {
        name,
        title: v("Title"),
        phone: v("Phone"),
        email: v("Email"),
        wechat: v("WeChat"),
        birthday,
        notes: form.value("Notes").to_string(),
    })
}

pub fn log_form(customer_id: CustomerId, customer_name: &str, outcomes: &[Outcome]) -> Form {
    let mut choices = vec![String::new()];
    choices.extend(outcomes.iter().map(|o| o.label.clone()));
    let fields = vec![
        Field::multiline(
            "Summary",
            "",
            "what was said (Enter = new line, Tab = next field)",
        ),
        Field::choice("Channel", CHANNELS, "call"),
        Field::choice("Outcome", &choices, ""),
        Field::text("With", "", "person spoken with (optional)"),
        Field::text(
            "When",
            "",
            "now; or today 14:30, yesterday, 2026-11-20 9:00",
        ),
        Field::text(
            "Follow-up date",
            "",
            "empty = none; tomorrow, fri 10:00, +3d, 12-01",
        ),
        Field::text("Follow-up task", "", "what to do next"),
        Field::text("Repeat", "", REPEAT_HINT),
        Field::choice("Satisfaction", &["", "1", "2", "3", "4", "5"], ""),
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
    let chosen = find(form.value("Outcome")).cloned();
    let (next, task) = chosen.map_or((String::new(), String::new()), |o| {
        (o.next.unwrap_or_default(), o.task)
    });
    let task = if next.is_empty() { String::new() } else { task };
    for (label, old, new) in [
        ("Follow-up date", old_next, next),
        ("Follow-up task", old_task, task),
    ] {
        let current = form.value(label).to_string();
        if current.is_empty() || current == old {
            form.suggest(label, &new);
        }
    }
}

/// The log form as a request for the logging service. The outcome is shown by its label and
/// sent by its key.
pub fn log_request(
    form: &Form,
    customer_id: CustomerId,
    outcomes: &[Outcome],
    closes: Option<FollowUpId>,
) -> LogRequest {
    let v = |label| form.value(label).to_string();
    LogRequest {
        customer_id,
        with: Some(v("With")),
        channel: v("Channel"),
        outcome: outcomes
            .iter()
            .find(|o| o.label == form.value("Outcome"))
            .map(|o| o.key.clone()),
        when: v("When"),
        summary: v("Summary"),
        follow_up: Some(FollowUpRequest {
            due: Some(v("Follow-up date")),
            task: v("Follow-up task"),
            repeat: v("Repeat"),
            ..Default::default()
        }),
        // Outside the review the service closes the customer's earliest due follow-up.
        closes: closes.map_or(Closes::EarliestDue, Closes::This),
        satisfaction: form.value("Satisfaction").parse().ok(),
    }
}

/// Puts each message beside its field, and the cursor on the first; what was typed stays.
pub fn show_log_errors(form: &mut Form, errors: &FieldErrors) {
    form.clear_errors();
    for (field, message) in errors.iter() {
        let label = match field {
            LogField::Summary => "Summary",
            LogField::Channel => "Channel",
            LogField::Outcome => "Outcome",
            LogField::With => {
                form.set_error("With", format!("{message} (add them with p)"));
                continue;
            }
            LogField::When => "When",
            LogField::FollowUpDate => "Follow-up date",
            LogField::Repeat => "Repeat",
            LogField::Satisfaction => "Satisfaction",
            // Not a field of the form: the follow-up on screen.
            LogField::Closes => {
                form.error = Some(message.to_string());
                continue;
            }
        };
        form.set_error(label, message);
    }
    form.focus_first_error();
}

pub fn follow_up_form(customer_id: CustomerId, customer_name: &str) -> Form {
    let fields = vec![
        Field::text("Task", "", "what to do"),
        Field::suggested("Due", "tomorrow", DATE_HINT),
        Field::text("Repeat", "", REPEAT_HINT),
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
    now: NaiveDateTime,
    order: DateOrder,
) -> Option<FollowUpDraft> {
    form.clear_errors();
    let task = form.value("Task").trim().to_string();
    if task.is_empty() {
        form.set_error("Task", "say what to do");
    }
    let due = read_later(form, "Due", now, order);
    let repeat_text = form.value("Repeat").trim().to_string();
    let repeat = if repeat_text.is_empty() {
        None
    } else {
        let rule = Recurrence::parse(&repeat_text);
        if rule.is_none() {
            form.set_error("Repeat", format!("can't read that: {RECURRENCE_HINT}"));
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
        task,
        repeat,
    })
}

pub fn snooze_form(follow_up_id: i64, task: &str) -> Form {
    let fields = vec![Field::suggested("Until", "tomorrow", DATE_HINT)];
    Form::new(
        FormPurpose::Snooze(follow_up_id),
        format!("Snooze: {task}"),
        fields,
    )
}

/// A date for later (a follow-up's, a snooze's) as the logging service reads one: a yearless
/// date is the next one, a time may follow; a past date is refused (the form cannot yet ask
/// whether it is meant).
pub fn read_later(
    form: &mut Form,
    label: &str,
    now: NaiveDateTime,
    order: DateOrder,
) -> Option<dates::When> {
    let text = form.value(label).trim().to_string();
    if text.is_empty() {
        form.set_error(label, format!("a date is needed: {DATE_HINT}"));
        return None;
    }
    crate::services::later::read_later(&text, now, order, false)
        .map_err(|e| form.set_error(label, e.to_string()))
        .ok()
}
