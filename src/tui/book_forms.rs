//! The forms of the book (customer, person, log, follow-up, snooze): how each opens, and how
//! its text becomes a draft the repository can write, with a message beside each bad field.

use chrono::{NaiveDate, NaiveDateTime};

use super::form::{Field, Form, FormPurpose};
use crate::book::dates::{self, DateOrder};
use crate::book::follow_ups::default_task;
use crate::book::model::{
    Birthday, Channel, Contact, ContactDraft, Customer, CustomerDraft, CustomerId, CustomerKind,
    FollowUpDraft, InteractionDraft, Stage, Tier,
};
use crate::book::recurrence::{RECURRENCE_HINT, Recurrence};
use crate::config::Outcome;

const KINDS: &[&str] = &["company", "person"];
const TIERS: &[&str] = &["", "A", "B", "C"];
const STAGES: &[&str] = &["", "prospect", "new", "active", "repeat", "at risk", "lost"];
pub const CHANNELS: &[&str] = &[
    "call", "visit", "wechat", "email", "meeting", "message", "other",
];
pub const DATE_HINT: &str = "today, tomorrow, fri, next mon, +3d, 12-01, 2026-12-01";

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
            "empty = none; tomorrow, fri, +3d, 12-01",
        ),
        Field::text("Follow-up task", "", "what to do next"),
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
    let summary = form.value("Summary").trim_end().to_string();
    if summary.trim().is_empty() {
        form.set_error("Summary", "say a few words about the contact");
    }
    let with = form.value("With").trim().to_string();
    let contact_id = if with.is_empty() {
        None
    } else {
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
                "With",
                "not one of this customer's people (add them with p)",
            );
        }
        found.map(|c| c.id)
    };
    let when_text = form.value("When").trim().to_string();
    let at = match when_text.as_str() {
        "" | "now" => Some(now),
        text => dates::parse_datetime_in(text, now, order)
            .map_err(|e| form.set_error("When", e.to_string()))
            .ok(),
    };
    let due_text = form.value("Follow-up date").trim().to_string();
    let task_text = form.value("Follow-up task").trim().to_string();
    let due = if due_text.is_empty() {
        if !task_text.is_empty() {
            form.set_error("Follow-up date", "when should this be done?");
        }
        None
    } else {
        dates::parse_date_in(&due_text, now.date(), order)
            .map_err(|e| form.set_error("Follow-up date", e.to_string()))
            .ok()
    };
    if form.has_errors() {
        form.focus_first_error();
        return None;
    }
    let channel = Channel::parse(form.value("Channel")).unwrap_or(Channel::Call);
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
        .find(|o| o.label == form.value("Outcome"))
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

pub fn follow_up_form(customer_id: CustomerId, customer_name: &str) -> Form {
    let fields = vec![
        Field::text("Task", "", "what to do"),
        Field::suggested("Due", "tomorrow", DATE_HINT),
        Field::text(
            "Repeat",
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
    let task = form.value("Task").trim().to_string();
    if task.is_empty() {
        form.set_error("Task", "say what to do");
    }
    let due = read_date(form, "Due", today, order);
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
    Some(FollowUpDraft {
        customer_id,
        due_on: due?,
        due_time: None,
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

pub fn read_date(
    form: &mut Form,
    label: &str,
    today: NaiveDate,
    order: DateOrder,
) -> Option<NaiveDate> {
    let text = form.value(label).trim().to_string();
    if text.is_empty() {
        form.set_error(label, format!("a date is needed: {DATE_HINT}"));
        return None;
    }
    dates::parse_date_in(&text, today, order)
        .map_err(|e| form.set_error(label, e.to_string()))
        .ok()
}
