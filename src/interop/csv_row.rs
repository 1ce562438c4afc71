//! One CSV row to a record: each value put where it belongs (the customer, the person, or
//! whoever the row is about), checked, and assembled.

use csv::StringRecord;

use super::columns::{self, Column, Field, Who};
use super::text::{self, Shape};
use super::values;
use super::{Notice, Place, Problem, ReadOptions, Record, Severity};
use crate::book::model::{Birthday, ContactDraft, CustomerDraft, CustomerKind, Stage, Tier};

/// Excel users type `'` to keep `=`/`+` as text, and fieldbook's export writes it so a cell is
/// never a formula: read it back off.
fn unneutralize(value: &str) -> &str {
    match value.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => value,
    }
}

fn shape(field: Field) -> Shape {
    match field {
        Field::Company | Field::Name | Field::FirstName | Field::MiddleName | Field::LastName => {
            Shape::Name
        }
        // Lists may come one item per line; the items are stored joined by ", ".
        Field::Address
        | Field::Notes(_)
        | Field::Note
        | Field::Mobile(_)
        | Field::Phone(_)
        | Field::Fax(_)
        | Field::Email(_)
        | Field::Wechat(_)
        | Field::Tags => Shape::Text,
        _ => Shape::Line,
    }
}

/// What one side (the customer, the person, or whoever the row is about) holds.
#[derive(Debug, Default)]
struct Side {
    mobiles: Vec<String>,
    phones: Vec<String>,
    emails: Vec<String>,
    wechats: Vec<String>,
    birthday: Option<Birthday>,
    notes: Vec<String>,
    /// `Label: value` lines for what has no field.
    extra: Vec<String>,
}

impl Side {
    fn absorb(&mut self, other: Side) {
        self.mobiles.extend(other.mobiles);
        self.phones.extend(other.phones);
        self.emails.extend(other.emails);
        self.wechats.extend(other.wechats);
        self.birthday = self.birthday.or(other.birthday);
        self.notes.extend(other.notes);
        self.extra.extend(other.extra);
    }

    fn phone(&self) -> String {
        join_unique(self.mobiles.iter().chain(&self.phones))
    }

    fn notes(&self) -> String {
        let mut notes = self.notes.join("\n");
        values::add_note_lines(&mut notes, self.extra.iter().map(String::as_str));
        notes
    }
}

fn join_unique<'a>(items: impl Iterator<Item = &'a String>) -> String {
    let mut out = String::new();
    values::push_all_unique(&mut out, items.map(String::as_str), |s| s.to_lowercase());
    out
}

/// Everything a row says, by field.
#[derive(Debug, Default)]
struct Parts {
    company: String,
    name: String,
    first: String,
    middle: String,
    last: String,
    title: String,
    department: String,
    kind: Option<CustomerKind>,
    customer: CustomerDraft,
    sides: [Side; 3],
}

fn first(slot: &mut String, value: &str) {
    if slot.is_empty() {
        *slot = text::trim(value).to_string();
    }
}

fn side_index(who: Who) -> usize {
    match who {
        Who::Auto => 0,
        Who::Customer => 1,
        Who::Contact => 2,
    }
}

pub(super) fn read_row(
    record: &StringRecord,
    columns: &[Column],
    width: usize,
    place: Place,
    options: &ReadOptions,
    notices: &mut Vec<Notice>,
) -> Option<Record> {
    if record.iter().all(|f| text::trim(f).is_empty()) {
        return None;
    }
    let mut notice = |severity, column: Option<&str>, problem: Problem| {
        notices.push(Notice {
            place,
            severity,
            column: column.map(str::to_string),
            problem,
        })
    };
    if record.len() > width && record.iter().skip(width).any(|f| !f.trim().is_empty()) {
        notice(
            Severity::Bad,
            None,
            Problem::TooManyFields {
                fields: record.len(),
                header: width,
            },
        );
        return None;
    }
    if record.len() == 1 && width > 2 {
        notice(
            Severity::Skipped,
            None,
            Problem::LoneField {
                value: text::escaped_excerpt(&record[0]),
            },
        );
        return None;
    }
    let mut bad = false;
    let mut parts = Parts::default();
    for column in columns {
        if column.field == Field::Ignore {
            continue;
        }
        let raw = unneutralize(record.get(column.index).unwrap_or(""));
        if raw.trim().is_empty() {
            continue;
        }
        let label = column.label.and_then(|i| record.get(i)).unwrap_or("");
        let field = if label.trim().is_empty() {
            column.field
        } else {
            columns::relabel(column.field, label)
        };
        if let Err(why) = text::check(raw, shape(field)) {
            notice(Severity::Bad, Some(&column.header), why);
            bad = true;
            continue;
        }
        let note_label = if column.field == Field::Note && !label.trim().is_empty() {
            text::trim(label)
        } else {
            column.header.as_str()
        };
        let mut warn = |problem: Problem| notice(Severity::Warning, Some(&column.header), problem);
        take(&mut parts, field, raw, note_label, options, &mut warn);
    }
    if bad {
        return None;
    }
    assemble(parts, place, notices)
}

/// Puts one value where it belongs.
fn take(
    parts: &mut Parts,
    field: Field,
    value: &str,
    label: &str,
    options: &ReadOptions,
    warn: &mut dyn FnMut(Problem),
) {
    let c = &mut parts.customer;
    match field {
        Field::Company => first(&mut parts.company, value),
        Field::Name => first(&mut parts.name, value),
        Field::FirstName => first(&mut parts.first, value),
        Field::MiddleName => first(&mut parts.middle, value),
        Field::LastName => first(&mut parts.last, value),
        Field::Title => first(&mut parts.title, value),
        Field::Department => first(&mut parts.department, value),
        Field::Industry => first(&mut c.industry, value),
        Field::City => first(&mut c.city, value),
        Field::Website => first(&mut c.website, value),
        Field::LeadSource => first(&mut c.lead_source, value),
        Field::Address => {
            if !c.address.is_empty() {
                c.address.push('\n');
            }
            c.address.push_str(value.trim());
        }
        Field::Tags => {
            for tag in values::tags(value) {
                if !c.tags.contains(&tag) {
                    c.tags.push(tag);
                }
            }
        }
        Field::Kind | Field::Tier | Field::Stage | Field::Cadence => {
            take_account(parts, field, value, label, warn)
        }
        Field::Note => note_in(&mut parts.sides[0], label, value),
        Field::Ignore => {}
        _ => take_reach(parts, field, value, label, options, warn),
    }
}

/// A value that is kept as `label: value` in the notes when it cannot go in its own field.
fn note_in(side: &mut Side, label: &str, value: &str) {
    side.extra.push(format!("{label}: {}", text::trim(value)));
}

/// The customer's kind, tier, stage and cadence: words and numbers the book knows, or a warning.
fn take_account(
    parts: &mut Parts,
    field: Field,
    value: &str,
    label: &str,
    warn: &mut dyn FnMut(Problem),
) {
    let c = &mut parts.customer;
    match field {
        Field::Kind => match CustomerKind::parse(value) {
            Some(k) => parts.kind = Some(k),
            None => warn(Problem::NotAKind {
                value: text::escaped_excerpt(value),
            }),
        },
        Field::Tier => match Tier::parse(value) {
            Some(t) => c.tier = Some(t),
            None => {
                warn(Problem::NotATier {
                    value: text::escaped_excerpt(value),
                });
                note_in(&mut parts.sides[1], label, value);
            }
        },
        Field::Stage => match Stage::parse(value) {
            Some(s) => c.stage = Some(s),
            None => {
                warn(Problem::NotAStage {
                    value: text::escaped_excerpt(value),
                });
                note_in(&mut parts.sides[1], label, value);
            }
        },
        Field::Cadence => match value.trim().parse::<u32>() {
            Ok(n) if n > 0 => c.cadence_days = Some(n),
            _ => warn(Problem::NotDays {
                value: text::escaped_excerpt(value),
            }),
        },
        _ => {}
    }
}

/// How to reach the customer or the person (numbers, e-mails, WeChat), their birthday and notes.
fn take_reach(
    parts: &mut Parts,
    field: Field,
    value: &str,
    label: &str,
    options: &ReadOptions,
    warn: &mut dyn FnMut(Problem),
) {
    match field {
        Field::Mobile(who) | Field::Phone(who) => {
            let side = &mut parts.sides[side_index(who)];
            for item in values::split_many(value, &['/', ';', '；', '、', ',', '，']) {
                match values::phone(&item) {
                    Ok(Some(p)) if matches!(field, Field::Mobile(_)) => side.mobiles.push(p),
                    Ok(Some(p)) => side.phones.push(p),
                    Ok(None) => {}
                    Err(why) => warn(why),
                }
            }
        }
        Field::Fax(who) => note_in(&mut parts.sides[side_index(who)], label, value),
        Field::Email(who) => parts.sides[side_index(who)]
            .emails
            .extend(values::split_many(value, &[',', ';', '；', ' ', '，'])),
        Field::Wechat(who) => parts.sides[side_index(who)]
            .wechats
            .extend(values::split_many(
                value,
                &[',', ';', '；', '、', '/', '，'],
            )),
        Field::Birthday(who) => {
            let side = &mut parts.sides[side_index(who)];
            match values::birthday(value, options.date_order) {
                Ok(b) => side.birthday = side.birthday.or(b),
                Err(values::NotADate) => {
                    warn(Problem::NotADate {
                        value: text::escaped_excerpt(value),
                    });
                    note_in(side, label, value);
                }
            }
        }
        Field::Notes(who) => parts.sides[side_index(who)].notes.push(value.to_string()),
        _ => {}
    }
}

fn assemble(mut parts: Parts, place: Place, notices: &mut Vec<Notice>) -> Option<Record> {
    let person = if parts.name.is_empty() {
        values::join_name(&parts.last, &parts.first, &parts.middle)
    } else {
        parts.name.clone()
    };
    if person.is_empty() && parts.company.is_empty() {
        notices.push(Notice {
            place,
            severity: Severity::Skipped,
            column: None,
            problem: Problem::NoNameNoCompany,
        });
        return None;
    }
    let [auto, customer_side, contact_side] = std::mem::take(&mut parts.sides);
    let at_company = !parts.company.is_empty();
    let (mut customer_side, mut contact_side) = (customer_side, contact_side);
    if at_company && !person.is_empty() {
        contact_side.absorb(auto);
    } else {
        // The row is about one party: the company, or a person with no company.
        customer_side.absorb(auto);
        customer_side.absorb(contact_side);
        contact_side = Side::default();
    }
    let mut c = parts.customer;
    c.name = if at_company {
        parts.company.clone()
    } else {
        person.clone()
    };
    c.kind = Some(parts.kind.unwrap_or(if at_company {
        CustomerKind::Company
    } else {
        CustomerKind::Person
    }));
    c.phone = customer_side.phone();
    c.email = join_unique(customer_side.emails.iter());
    c.wechat = join_unique(customer_side.wechats.iter());
    c.birthday = customer_side.birthday;
    c.notes = customer_side.notes();
    let person = (at_company && !person.is_empty()).then(|| ContactDraft {
        name: person,
        title: title_with_department(&parts.title, &parts.department),
        phone: contact_side.phone(),
        email: join_unique(contact_side.emails.iter()),
        wechat: join_unique(contact_side.wechats.iter()),
        birthday: contact_side.birthday,
        notes: contact_side.notes(),
    });
    Some(Record {
        place,
        customer: c,
        person,
        kept: None,
    })
}

/// `销售总监 (华北大区销售部)`: the book has one field for both.
pub(super) fn title_with_department(title: &str, department: &str) -> String {
    match (title.trim(), department.trim()) {
        (t, "") => t.to_string(),
        ("", d) => d.to_string(),
        (t, d) => format!("{t} ({d})"),
    }
}
