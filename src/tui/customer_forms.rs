//! The customer form (add, edit) and the person form: how each opens, and how its text
//! becomes a draft the repository can write, with a message beside each bad field.

use super::form::{CustomerField, Field, FieldKey, Form, FormPurpose, PersonField};
use crate::book::model::{
    Birthday, ContactDraft, Customer, CustomerDraft, CustomerId, CustomerKind, Stage, Tier,
};
use crate::i18n::words;

const KINDS: &[&str] = &["company", "person"];
const TIERS: &[&str] = &["", "A", "B", "C"];
const STAGES: &[&str] = &["", "prospect", "new", "active", "repeat", "at risk", "lost"];

pub fn customer_form(existing: Option<&Customer>, why: &str) -> Form {
    let empty = CustomerDraft::default();
    let d = existing.map_or(&empty, |c| &c.draft);
    let fields = vec![
        Field::text(CustomerField::Name, &d.name, t!("form-hint-customer-name")),
        Field::choice(
            CustomerField::Kind,
            KINDS,
            d.kind.unwrap_or(CustomerKind::Company).as_str(),
        )
        .shown_as(
            KINDS
                .iter()
                .filter_map(|k| CustomerKind::parse(k))
                .map(words::customer_kind),
        ),
        Field::text(CustomerField::City, &d.city, ""),
        Field::text(CustomerField::Phone, &d.phone, ""),
        Field::text(CustomerField::Email, &d.email, ""),
        Field::text(CustomerField::WeChat, &d.wechat, ""),
        Field::choice(CustomerField::Tier, TIERS, d.tier.map_or("", Tier::as_str)),
        Field::choice(
            CustomerField::Stage,
            STAGES,
            d.stage.map_or("", Stage::label),
        )
        .shown_as(
            STAGES
                .iter()
                .map(|s| Stage::parse(s).map(words::stage).unwrap_or_default()),
        ),
        Field::text(CustomerField::WhyByHand, why, t!("form-hint-why-by-hand")),
        Field::text(CustomerField::Tags, d.tags.join(", "), t!("form-hint-tags")),
        Field::text(CustomerField::Industry, &d.industry, ""),
        Field::text(CustomerField::Address, &d.address, ""),
        Field::text(CustomerField::Website, &d.website, ""),
        Field::text(
            CustomerField::LeadSource,
            &d.lead_source,
            t!("form-hint-lead-source"),
        ),
        Field::text(
            CustomerField::Birthday,
            d.birthday.map(Birthday::to_text).unwrap_or_default(),
            t!("form-hint-birthday"),
        ),
        Field::text(
            CustomerField::Cadence,
            d.cadence_days.map(|n| n.to_string()).unwrap_or_default(),
            t!("form-hint-cadence"),
        ),
        Field::multiline(CustomerField::Notes, &d.notes, t!("form-hint-notes")),
    ];
    match existing {
        Some(c) => {
            let mut form = Form::new(
                FormPurpose::EditCustomer(c.id),
                t!("form-title-edit-customer"),
                fields,
            );
            form.opened = Some(Box::new(c.clone()));
            form
        }
        None => Form::new(
            FormPurpose::AddCustomer,
            t!("form-title-add-customer"),
            fields,
        ),
    }
}

/// Each field whose value differs between the customer as the form opened and as the book
/// holds it `now`: (field, was, is), as the form shows them.
pub fn changed_fields(opened: &Customer, now: &Customer) -> Vec<(FieldKey, String, String)> {
    let (before, after) = (
        customer_form(Some(opened), ""),
        customer_form(Some(now), ""),
    );
    before
        .fields
        .iter()
        .zip(&after.fields)
        .filter(|(b, a)| b.value() != a.value())
        // A choice as the form shows it: 有风险, not the stored `at risk`.
        .map(|(b, a)| {
            let (was, is) = (b.shown_option(b.value()), b.shown_option(a.value()));
            (b.key, was.to_string(), is.to_string())
        })
        .collect()
}

/// After a save found the customer changed in the book: marks each field changed elsewhere
/// ("changed elsewhere: 010-1234 → 010-9999") and returns what to say about the whole form.
pub fn mark_changed_elsewhere(form: &mut Form, now: &Customer) -> String {
    let Some(opened) = form.opened.clone() else {
        return String::new();
    };
    let changed = changed_fields(&opened, now);
    let mut said = Vec::new();
    for (key, was, is) in &changed {
        let change = format!("{} → {}", shown(was), shown(is));
        form.set_error(*key, t!("form-changed-elsewhere", change = change.clone()));
        said.push(t!(
            "form-field-changed-elsewhere",
            field = key.label(),
            change = change
        ));
    }
    if said.is_empty() {
        said.push(t!("form-customer-changed-elsewhere"));
    }
    t!(
        "form-nothing-saved-reload",
        changes = said.join(&t!("list-separator")),
        key = super::keymap::key_name(super::keymap::RELOAD)
    )
}

/// A value quoted in a message: one line, cut short, and visibly empty.
fn shown(value: &str) -> String {
    const LONGEST: usize = 40;
    let line = crate::safe_text::line(value.trim());
    match line.chars().count() {
        0 => t!("form-value-empty"),
        n if n > LONGEST => format!("{}…", line.chars().take(LONGEST).collect::<String>()),
        _ => line.into_owned(),
    }
}

/// The edit form again from the customer as the book holds it `now`, with what was typed in
/// `form` kept in each field the person changed; also the labels of those fields.
pub fn reloaded(form: &Form, now: &Customer, why: &str) -> (Form, Vec<String>) {
    let mut fresh = customer_form(Some(now), why);
    let mut kept = Vec::new();
    for (key, typed) in form.typed_fields() {
        fresh.set_value(key, &typed);
        kept.push(key.label());
    }
    fresh.focus = form.focus.min(fresh.fields.len() - 1);
    (fresh, kept)
}

fn read_birthday(form: &mut Form, key: FieldKey) -> Option<Birthday> {
    let text = form.value(key).trim().to_string();
    if text.is_empty() {
        return None;
    }
    let parsed = Birthday::parse(&text);
    if parsed.is_none() {
        form.set_error(key, t!("form-error-birthday"));
    }
    parsed
}

fn read_name(form: &mut Form, key: FieldKey) -> String {
    let name = form.value(key).trim().to_string();
    if name.is_empty() {
        form.set_error(key, t!("form-error-name"));
    }
    name
}

/// The customer typed into `form`, or `None` with messages set beside the bad fields.
pub fn read_customer(form: &mut Form) -> Option<CustomerDraft> {
    form.clear_errors();
    let name = read_name(form, CustomerField::Name.into());
    let birthday = read_birthday(form, CustomerField::Birthday.into());
    let cadence_text = form.value(CustomerField::Cadence).trim().to_string();
    let cadence_days = match cadence_text.parse::<u32>() {
        _ if cadence_text.is_empty() => None,
        Ok(n) if (1..=3650).contains(&n) => Some(n),
        _ => {
            form.set_error(CustomerField::Cadence, t!("form-error-cadence"));
            None
        }
    };
    if form.has_errors() {
        form.focus_first_error();
        return None;
    }
    let v = |key: CustomerField| form.value(key).trim().to_string();
    Some(CustomerDraft {
        name,
        kind: CustomerKind::parse(form.value(CustomerField::Kind)),
        industry: v(CustomerField::Industry),
        city: v(CustomerField::City),
        address: v(CustomerField::Address),
        phone: v(CustomerField::Phone),
        email: v(CustomerField::Email),
        wechat: v(CustomerField::WeChat),
        website: v(CustomerField::Website),
        tags: crate::book::model::split_tags(form.value(CustomerField::Tags)),
        tier: Tier::parse(form.value(CustomerField::Tier)),
        stage: Stage::parse(form.value(CustomerField::Stage)),
        lead_source: v(CustomerField::LeadSource),
        birthday,
        notes: form.value(CustomerField::Notes).to_string(),
        cadence_days,
    })
}

pub fn person_form(customer_id: CustomerId, customer_name: &str) -> Form {
    let fields = vec![
        Field::text(PersonField::Name, "", t!("form-hint-required")),
        Field::text(PersonField::Title, "", t!("form-hint-person-title")),
        Field::text(PersonField::Phone, "", ""),
        Field::text(PersonField::Email, "", ""),
        Field::text(PersonField::WeChat, "", ""),
        Field::text(PersonField::Birthday, "", t!("form-hint-birthday")),
        Field::multiline(PersonField::Notes, "", ""),
    ];
    Form::new(
        FormPurpose::AddPerson(customer_id),
        t!("form-title-add-person", customer = customer_name),
        fields,
    )
}

pub fn read_person(form: &mut Form) -> Option<ContactDraft> {
    form.clear_errors();
    let name = read_name(form, PersonField::Name.into());
    let birthday = read_birthday(form, PersonField::Birthday.into());
    if form.has_errors() {
        form.focus_first_error();
        return None;
    }
    let v = |key: PersonField| form.value(key).trim().to_string();
    Some(ContactDraft {
        name,
        title: v(PersonField::Title),
        phone: v(PersonField::Phone),
        email: v(PersonField::Email),
        wechat: v(PersonField::WeChat),
        birthday,
        notes: form.value(PersonField::Notes).to_string(),
    })
}
