//! Each column of the book and the rule its values follow, as the app's readers read them.

use super::{MAX_AMOUNT, MAX_CADENCE_DAYS, Rule, Shape, YEARS};

pub(super) const CHANNEL: &[&str] = &[
    "visit", "call", "wechat", "email", "meeting", "message", "other",
];
pub(super) const KIND: &[&str] = &["company", "person"];
pub(super) const TIER: &[&str] = &["A", "B", "C"];
pub(super) const STAGE: &[&str] = &["prospect", "new", "active", "repeat", "at_risk", "lost"];
pub(super) const DEAL_STAGE: &[&str] = &[
    "lead",
    "qualified",
    "proposal",
    "negotiation",
    "won",
    "lost",
];
pub(super) const SEVERITY: &[&str] = &["low", "medium", "high"];
pub(super) const STATUS: &[&str] = &["open", "in_progress", "resolved"];
const UNIT: &[&str] = &["day", "week", "month", "year"];
const BASIS: &[&str] = &["schedule", "done"];

const LINE: Rule = Rule::Text(Shape::Line);
const TEXT: Rule = Rule::Text(Shape::Text);
const ID: Rule = Rule::Int(1, i64::MAX);
const SATISFACTION: Rule = Rule::Int(1, 5);

/// A column no rule names (a later version's) is bounded like notes when it holds text.
pub(super) fn rule(table: &str, column: &str) -> Rule {
    let common = match column {
        "id" | "customer_id" | "contact_id" | "interaction_id" | "follow_up_id" => Some(ID),
        "created_at" | "updated_at" => Some(Rule::DateTime),
        "birthday" => Some(Rule::Birthday),
        "notes" => Some(TEXT),
        "name" if matches!(table, "customer" | "contact") => Some(Rule::Text(Shape::Name)),
        _ => None,
    };
    common.unwrap_or_else(|| match (table, column) {
        ("customer", "kind") => Rule::OneOf(KIND),
        ("customer", "tier") => Rule::OneOf(TIER),
        ("customer", "stage") => Rule::OneOf(STAGE),
        ("customer", "address") => TEXT,
        ("customer", "cadence_days") => Rule::Int(1, i64::from(MAX_CADENCE_DAYS)),
        ("customer", "archived") => Rule::Int(0, 1),
        ("customer", "last_contact_at") => Rule::DateTime,
        ("customer", "next_follow_up_on") => Rule::Date,
        ("customer" | "contact", _) => LINE,
        ("interaction", "summary") | ("complaint", "what" | "resolution") => TEXT,
        ("interaction", "at") => Rule::DateTime,
        ("interaction", "channel") => Rule::OneOf(CHANNEL),
        ("interaction", "outcome") => LINE,
        ("interaction", "satisfaction") => SATISFACTION,
        ("follow_up", "due_on") => Rule::Date,
        ("follow_up", "due_time") => Rule::Time,
        ("follow_up", "task") => TEXT,
        ("follow_up", "done_at") => Rule::DateTime,
        ("follow_up", "repeat_every") => Rule::Int(1, 3650),
        ("follow_up", "repeat_unit") => Rule::OneOf(UNIT),
        ("follow_up", "repeat_basis") => Rule::OneOf(BASIS),
        ("deal", "title" | "currency") => LINE,
        ("deal", "amount") => Rule::Int(0, MAX_AMOUNT),
        ("deal", "stage") => Rule::OneOf(DEAL_STAGE),
        ("deal", "expected_close" | "closed_on") => Rule::Date,
        ("complaint", "opened_on" | "resolved_on") => Rule::Date,
        ("complaint", "severity") => Rule::OneOf(SEVERITY),
        ("complaint", "status") => Rule::OneOf(STATUS),
        ("complaint", "satisfaction") => SATISFACTION,
        ("greeting", "holiday") | ("care_reminder", "person") => LINE,
        ("greeting", "year") => Rule::Int(i64::from(*YEARS.start()), i64::from(*YEARS.end())),
        ("greeting", "greeted_on") | ("care_reminder", "on_date") => Rule::Date,
        _ => Rule::Free,
    })
}
