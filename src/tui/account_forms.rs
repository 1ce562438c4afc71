//! The deal form (`o`) and the complaint form (`!`). Each opens on a choice of "new" or one of
//! the customer's existing deals or open complaints; choosing one fills the form to edit it.

use chrono::NaiveDate;

use super::form::{ComplaintField, DealField, Field, FieldKey, Form, FormPurpose};
use crate::book::complaints::{
    self, Complaint, ComplaintDraft, ComplaintId, ComplaintStatus, Severity,
};
use crate::book::dates::{self, DateOrder};
use crate::book::deals::{self, Deal, DealDraft, DealId, DealStage};
use crate::book::model::CustomerId;
use crate::book::money;
use crate::i18n::account_words::{amount_error, complaint_error, deal_error};
use crate::i18n::words;

const NEW: &str = "new";
pub const DEAL_STAGES: &[&str] = &[
    "won",
    "lead",
    "qualified",
    "proposal",
    "negotiation",
    "lost",
];
const SEVERITIES: &[&str] = &["medium", "high", "low"];
const STATUSES: &[&str] = &["open", "in progress", "resolved"];
const SCORES: &[&str] = &["", "1", "2", "3", "4", "5"];

/// "#12 Packaging film": how an existing record shows in the first choice.
fn pick_label(id: impl std::fmt::Display, text: &str) -> String {
    let short: String = text.chars().take(40).collect();
    format!("#{id} {short}")
}

/// The first choice's "new" in the language spoken; the picked records as they are.
fn new_first(choices: &[String]) -> Vec<String> {
    let mut shown = choices.to_vec();
    if let Some(first) = shown.first_mut() {
        *first = t!("form-choice-new");
    }
    shown
}

/// The id in a "#12 ..." choice, or None for "new".
pub fn picked_id<Id: std::str::FromStr>(choice: &str) -> Option<Id> {
    choice.strip_prefix('#')?.split(' ').next()?.parse().ok()
}

fn date_text(d: Option<NaiveDate>) -> String {
    d.map(dates::format_date).unwrap_or_default()
}

/// A date field that may be empty: `None` then, or a message beside it when it can't be read.
fn optional_date(
    form: &mut Form,
    key: impl Into<FieldKey>,
    today: NaiveDate,
    order: DateOrder,
) -> Option<NaiveDate> {
    let key = key.into();
    let text = form.value(key).trim().to_string();
    if text.is_empty() {
        return None;
    }
    dates::parse_date_in(&text, today, order)
        .map_err(|e| form.set_error(key, crate::i18n::calendar::date_error(&e)))
        .ok()
}

/// Puts each rule's message beside the field it is about (`fields`: rule field -> form
/// field); anything else goes beside `fallback`.
fn mark_errors<K: Into<FieldKey> + Copy>(
    form: &mut Form,
    errors: Vec<(&'static str, String)>,
    fields: &[(&str, K)],
    fallback: K,
) {
    for (field, why) in errors {
        let key = fields
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(fallback, |(_, k)| *k);
        form.set_error(key, why);
    }
}

pub fn deal_form(customer_id: CustomerId, name: &str, deals: &[Deal], currency: &str) -> Form {
    let mut choices = vec![NEW.to_string()];
    choices.extend(deals.iter().map(|d| pick_label(d.id, &d.draft.title)));
    let fields = vec![
        Field::choice(DealField::Deal, &choices, NEW).shown_as(new_first(&choices)),
        Field::text(DealField::Title, "", t!("form-hint-deal-title")),
        Field::text(DealField::Amount, "", t!("form-hint-amount")),
        Field::text(DealField::Currency, currency, "CNY, USD, HKD..."),
        Field::choice(DealField::Stage, DEAL_STAGES, "won").shown_as(
            DEAL_STAGES
                .iter()
                .filter_map(|s| DealStage::parse(s))
                .map(words::deal_stage),
        ),
        Field::suggested(
            DealField::OrderDate,
            t!("form-suggest-today"),
            t!("form-hint-order-date"),
        ),
        Field::text(DealField::ExpectedClose, "", t!("form-hint-expected-close")),
    ];
    Form::new(
        FormPurpose::Deal(customer_id),
        t!("form-title-deal", customer = name),
        fields,
    )
}

/// Choosing an existing deal fills the form with it; "new" empties it again.
pub fn apply_deal_choice(form: &mut Form, deals: &[Deal], currency: &str) {
    let chosen =
        picked_id(form.value(DealField::Deal)).and_then(|id| deals.iter().find(|d| d.id == id));
    let Some(deal) = chosen else {
        for (key, value) in [
            (DealField::Title, ""),
            (DealField::Amount, ""),
            (DealField::Currency, currency),
            (DealField::Stage, "won"),
            (DealField::ExpectedClose, ""),
        ] {
            form.set_value(key, value);
        }
        form.suggest(DealField::OrderDate, &t!("form-suggest-today"));
        return;
    };
    let d = &deal.draft;
    let amount = money::format_amount(d.amount, "")
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .to_string();
    form.set_value(DealField::Title, &d.title);
    form.set_value(DealField::Amount, &amount);
    form.set_value(DealField::Currency, &d.currency);
    form.set_value(DealField::Stage, d.stage.label());
    form.set_value(DealField::OrderDate, &date_text(d.closed_on));
    form.set_value(DealField::ExpectedClose, &date_text(d.expected_close));
}

/// The deal typed into the form (with the id when editing), or messages beside the fields.
pub fn read_deal(
    form: &mut Form,
    customer_id: CustomerId,
    today: NaiveDate,
    order: DateOrder,
) -> Option<(Option<DealId>, DealDraft)> {
    form.clear_errors();
    let stage = DealStage::parse(form.value(DealField::Stage)).unwrap_or(DealStage::Won);
    let typed = form.value(DealField::Amount).trim().to_string();
    let amount = money::parse_amount(&typed)
        .map_err(|e| {
            let shown = crate::safe_text::line(&typed);
            form.set_error(DealField::Amount, amount_error(&e, &shown));
        })
        .ok();
    let mut read_date = |key| optional_date(form, key, today, order);
    let closed_on = read_date(DealField::OrderDate);
    let expected_close = read_date(DealField::ExpectedClose);
    let draft = DealDraft {
        customer_id,
        title: form.value(DealField::Title).trim().to_string(),
        amount: amount.unwrap_or(0),
        currency: form.value(DealField::Currency).trim().to_uppercase(),
        stage,
        // An open deal has no order date whatever the field says.
        closed_on: if stage.is_open() { None } else { closed_on },
        expected_close,
    };
    if let Err(errors) = deals::check(&draft) {
        let errors = errors
            .into_iter()
            .map(|(f, e)| (f, deal_error(f, &e, &draft)))
            .collect();
        let fields = [
            ("title", DealField::Title),
            ("amount", DealField::Amount),
            ("currency", DealField::Currency),
            ("closed_on", DealField::OrderDate),
            ("expected_close", DealField::ExpectedClose),
        ];
        mark_errors(form, errors, &fields, DealField::Stage);
    }
    if form.has_errors() {
        form.focus_first_error();
        return None;
    }
    Some((picked_id(form.value(DealField::Deal)), draft))
}

pub fn complaint_form(customer_id: CustomerId, name: &str, complaints: &[Complaint]) -> Form {
    let mut choices = vec![NEW.to_string()];
    choices.extend(
        complaints
            .iter()
            .filter(|c| c.draft.status.is_open())
            .map(|c| pick_label(c.id, &c.draft.what)),
    );
    let fields = vec![
        Field::choice(ComplaintField::Complaint, &choices, NEW).shown_as(new_first(&choices)),
        Field::multiline(ComplaintField::What, "", t!("form-hint-complaint-what")),
        Field::choice(ComplaintField::Severity, SEVERITIES, "medium").shown_as(
            SEVERITIES
                .iter()
                .filter_map(|s| Severity::parse(s))
                .map(words::severity),
        ),
        Field::choice(ComplaintField::Status, STATUSES, "open").shown_as(
            STATUSES
                .iter()
                .filter_map(|s| ComplaintStatus::parse(s))
                .map(words::complaint_status),
        ),
        Field::suggested(
            ComplaintField::Opened,
            t!("form-suggest-today"),
            t!("form-hint-complaint-opened"),
        ),
        Field::text(ComplaintField::ResolvedOn, "", t!("form-hint-resolved-on")),
        Field::multiline(ComplaintField::Resolution, "", t!("form-hint-resolution")),
        Field::choice(ComplaintField::Satisfaction, SCORES, ""),
    ];
    Form::new(
        FormPurpose::Complaint(customer_id),
        t!("form-title-complaint", customer = name),
        fields,
    )
}

/// Choosing an open complaint fills the form to move it on or resolve it.
pub fn apply_complaint_choice(form: &mut Form, complaints: &[Complaint]) {
    let chosen = picked_id(form.value(ComplaintField::Complaint))
        .and_then(|id| complaints.iter().find(|c| c.id == id));
    let Some(c) = chosen else {
        return;
    };
    let d = &c.draft;
    form.set_value(ComplaintField::What, &d.what);
    form.set_value(ComplaintField::Severity, d.severity.label());
    form.set_value(ComplaintField::Status, d.status.label());
    form.set_value(ComplaintField::Opened, &dates::format_date(d.opened_on));
    form.set_value(ComplaintField::ResolvedOn, &date_text(d.resolved_on));
    form.set_value(ComplaintField::Resolution, &d.resolution);
    form.set_value(
        ComplaintField::Satisfaction,
        &d.satisfaction.map(|s| s.to_string()).unwrap_or_default(),
    );
}

pub fn read_complaint(
    form: &mut Form,
    customer_id: CustomerId,
    today: NaiveDate,
    order: DateOrder,
) -> Option<(Option<ComplaintId>, ComplaintDraft)> {
    form.clear_errors();
    let mut read_date = |key| optional_date(form, key, today, order);
    let opened_on = read_date(ComplaintField::Opened);
    let mut resolved_on = read_date(ComplaintField::ResolvedOn);
    let status =
        ComplaintStatus::parse(form.value(ComplaintField::Status)).unwrap_or(ComplaintStatus::Open);
    if status == ComplaintStatus::Resolved && resolved_on.is_none() && !form.has_errors() {
        // Resolving it now is the common case: today, unless a date was typed.
        resolved_on = Some(today);
    }
    let draft = ComplaintDraft {
        customer_id,
        opened_on: opened_on.unwrap_or(today),
        what: form.value(ComplaintField::What).trim().to_string(),
        severity: Severity::parse(form.value(ComplaintField::Severity)).unwrap_or(Severity::Medium),
        status,
        resolved_on,
        resolution: form.value(ComplaintField::Resolution).trim().to_string(),
        satisfaction: form.value(ComplaintField::Satisfaction).parse().ok(),
    };
    if let Err(errors) = complaints::check(&draft) {
        let errors = errors
            .into_iter()
            .map(|(f, e)| (f, complaint_error(f, &e, &draft)))
            .collect();
        let fields = [
            ("what", ComplaintField::What),
            ("opened_on", ComplaintField::Opened),
            ("resolved_on", ComplaintField::ResolvedOn),
            ("satisfaction", ComplaintField::Satisfaction),
            ("resolution", ComplaintField::Resolution),
        ];
        mark_errors(form, errors, &fields, ComplaintField::Status);
    }
    if form.has_errors() {
        form.focus_first_error();
        return None;
    }
    Some((picked_id(form.value(ComplaintField::Complaint)), draft))
}
