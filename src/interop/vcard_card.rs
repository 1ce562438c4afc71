//! One vCard to a record: who (N, FN, ORG, KIND, Apple's X-ABShowAs), how to reach them (TEL,
//! EMAIL, IMPP), birthdays (with Apple's 1604 and X-APPLE-OMIT-YEAR for "no year"), where (ADR,
//! URL), and what has no field of its own into the notes.

use std::collections::HashMap;

use super::csv_row::title_with_department;
use super::text::{self, Charset, Shape};
use super::values;
use super::vcard::Prop;
use super::vcard_escape::{split_escaped, unescape};
use super::{Notice, Place, Problem, ReadOptions, Record, Severity};
use crate::book::model::{ContactDraft, CustomerDraft, CustomerKind, Stage, Tier};

mod parts;

use parts::{Names, account_fields, add_categories, names, notes};

struct Card<'a> {
    props: &'a [Prop],
    /// Apple's `itemN.X-ABLabel` by group, found once: looking it up per phone was quadratic.
    labels: HashMap<&'a str, &'a Prop>,
    charset: Charset,
    problems: Vec<(String, Problem)>,
    warnings: Vec<(String, Problem)>,
}

impl Card<'_> {
    fn all<'b>(&'b self, name: &'b str) -> impl Iterator<Item = &'b Prop> + 'b {
        self.props.iter().filter(move |p| p.name == name)
    }

    /// The value decoded (quoted-printable, CHARSET) but still escaped.
    fn raw(&mut self, p: &Prop) -> Option<String> {
        let decoded = if p.is_qp() {
            super::vcard::qp_decode(&p.value)
        } else {
            Ok(p.value.clone())
        };
        let charset = p.param("CHARSET").next().map(str::to_string);
        match decoded.and_then(|b| text::decode_value(&b, charset.as_deref(), self.charset)) {
            Ok(v) => Some(v),
            Err(why) => {
                self.problems.push((p.name.clone(), why));
                None
            }
        }
    }

    fn checked(&mut self, name: &str, value: String, shape: Shape) -> Option<String> {
        match text::check(&value, shape) {
            Ok(()) => Some(value),
            Err(why) => {
                self.problems.push((name.to_string(), why));
                None
            }
        }
    }

    fn value(&mut self, p: &Prop, shape: Shape) -> Option<String> {
        let v = unescape(&self.raw(p)?);
        self.checked(&p.name, v, shape)
    }

    fn components(&mut self, p: &Prop, shape: Shape) -> Option<Vec<String>> {
        let raw = self.raw(p)?;
        let mut out = Vec::new();
        for part in split_escaped(&raw, ';') {
            out.push(self.checked(&p.name, unescape(part), shape)?);
        }
        Some(out)
    }

    fn first(&mut self, name: &str, shape: Shape) -> Option<String> {
        let p = self.props.iter().find(|p| p.name == name)?;
        self.value(p, shape).map(|v| text::trim(&v).to_string())
    }

    /// Apple's `itemN.X-ABLabel` for a grouped property, `_$!<Other>!$_` unwrapped.
    fn label(&mut self, p: &Prop) -> String {
        let Some(group) = &p.group else {
            return String::new();
        };
        let Some(l) = self.labels.get(group.as_str()).copied() else {
            return String::new();
        };
        let label = self.value(l, Shape::Line).unwrap_or_default();
        label
            .trim_start_matches("_$!<")
            .trim_end_matches(">!$_")
            .to_string()
    }

    fn warn(&mut self, name: &str, problem: Problem) {
        self.warnings.push((name.to_string(), problem));
    }
}

/// Phones or e-mails of the card: PREF ones first, faxes apart.
fn reach(card: &mut Card, name: &str, extra: &mut Vec<String>) -> String {
    let props: Vec<Prop> = card.all(name).cloned().collect();
    let mut found: Vec<(bool, String)> = Vec::new();
    for p in &props {
        let Some(v) = card.value(p, Shape::Line) else {
            continue;
        };
        let label = card.label(p).to_lowercase();
        let pref = p.has_type("pref") || p.param("PREF").any(|v| v == "1");
        if name == "EMAIL" {
            found.push((pref, text::trim(&v).to_string()));
            continue;
        }
        match values::phone(&v) {
            Ok(Some(n)) if p.has_type("fax") || label.contains("fax") => {
                extra.push(format!("Fax: {n}"));
            }
            Ok(Some(n)) => found.push((pref, n)),
            Ok(None) => {}
            Err(why) => card.warn(name, why),
        }
    }
    found.sort_by_key(|(pref, _)| !pref);
    let mut out = String::new();
    values::push_all_unique(&mut out, found.iter().map(|(_, v)| v.as_str()), |s| {
        s.to_lowercase()
    });
    out
}

fn wechat(card: &mut Card) -> String {
    let mut ids = Vec::new();
    let props: Vec<Prop> = card
        .props
        .iter()
        .filter(|p| matches!(p.name.as_str(), "IMPP" | "X-WECHAT" | "X-WEIXIN"))
        .cloned()
        .collect();
    for p in &props {
        let service = p
            .param("X-SERVICE-TYPE")
            .any(|s| s.eq_ignore_ascii_case("wechat") || s.eq_ignore_ascii_case("weixin"));
        let Some(v) = card.value(p, Shape::Line) else {
            continue;
        };
        let lower = v.to_lowercase();
        if p.name == "IMPP"
            && !service
            && !lower.starts_with("weixin:")
            && !lower.starts_with("wechat:")
        {
            continue;
        }
        let mut id = v.as_str();
        for scheme in [
            "weixin://contacts/profile/",
            "x-apple:",
            "weixin:",
            "wechat:",
        ] {
            if let Some(rest) = text::strip_prefix_ignore_case(id, scheme) {
                id = rest;
            }
        }
        ids.push(id.to_string());
    }
    let mut out = String::new();
    values::push_all_unique(&mut out, ids.iter().map(String::as_str), |s| {
        s.to_lowercase()
    });
    out
}

pub(super) fn record(
    props: &[Prop],
    place: Place,
    charset: Charset,
    options: &ReadOptions,
    notices: &mut Vec<Notice>,
) -> Option<Record> {
    let mut labels = HashMap::new();
    for p in props.iter().filter(|p| p.name == "X-ABLABEL") {
        if let Some(group) = &p.group {
            labels.entry(group.as_str()).or_insert(p);
        }
    }
    let mut card = Card {
        props,
        labels,
        charset,
        problems: Vec::new(),
        warnings: Vec::new(),
    };
    let record = read_card(&mut card, place, options);
    let bad = !card.problems.is_empty();
    for (column, problem) in card.problems {
        notices.push(Notice {
            place,
            severity: Severity::Bad,
            column: Some(column),
            problem,
        });
    }
    if bad {
        return None;
    }
    for (column, problem) in card.warnings {
        notices.push(Notice {
            place,
            severity: Severity::Warning,
            column: Some(column),
            problem,
        });
    }
    match record {
        Some(r) => Some(r),
        None => {
            notices.push(Notice {
                place,
                severity: Severity::Skipped,
                column: None,
                problem: Problem::NoNameNoOrganization,
            });
            None
        }
    }
}

fn read_card(card: &mut Card, place: Place, options: &ReadOptions) -> Option<Record> {
    let mut extra = Vec::new();
    let Names {
        person,
        org,
        department,
        is_org,
    } = names(card);
    let fieldbook_kind = card
        .first("X-FIELDBOOK-KIND", Shape::Line)
        .and_then(|k| CustomerKind::parse(&k));
    let title = card.first("TITLE", Shape::Line).unwrap_or_default();
    let phone = reach(card, "TEL", &mut extra);
    let email = reach(card, "EMAIL", &mut extra);
    let wechat = wechat(card);
    let birthday = birthday(card, options, &mut extra);
    let notes = notes(card, &extra);
    let mut customer = account_fields(card);
    address(card, &mut customer);
    add_categories(card, &mut customer);
    if person.is_empty() && org.is_empty() {
        return None;
    }
    let contact = if !person.is_empty() && !org.is_empty() {
        Some(ContactDraft {
            name: person.clone(),
            title: title_with_department(&title, &department),
            phone,
            email,
            wechat,
            birthday,
            notes,
        })
    } else {
        customer.phone = phone;
        customer.email = email;
        customer.wechat = wechat;
        customer.birthday = birthday;
        customer.notes = notes;
        None
    };
    customer.name = if org.is_empty() { person } else { org };
    customer.kind = Some(fieldbook_kind.unwrap_or(if contact.is_some() || is_org {
        CustomerKind::Company
    } else {
        CustomerKind::Person
    }));
    Some(Record {
        place,
        customer,
        person: contact,
        kept: None,
    })
}

fn dedup_key(name: &str) -> String {
    super::dedup::name_key(name)
}

fn birthday(
    card: &mut Card,
    options: &ReadOptions,
    extra: &mut Vec<String>,
) -> Option<crate::book::model::Birthday> {
    let p = card.props.iter().find(|p| p.name == "BDAY").cloned()?;
    let v = text::trim(&card.value(&p, Shape::Line)?).to_string();
    let as_text = p.param("VALUE").any(|v| v.eq_ignore_ascii_case("text"));
    match values::birthday(&v, options.date_order) {
        Ok(Some(mut b)) if !as_text => {
            if p.params.iter().any(|(k, _)| k == "X-APPLE-OMIT-YEAR") {
                b.year = None;
            }
            Some(b)
        }
        Ok(None) if !as_text => None,
        _ => {
            card.warn(
                "BDAY",
                Problem::NotADate {
                    value: text::escaped_excerpt(&v),
                },
            );
            extra.push(format!("Birthday: {v}"));
            None
        }
    }
}

/// The work (or preferred, or first) address: street and extended address, and the city.
fn address(card: &mut Card, customer: &mut CustomerDraft) {
    let adrs: Vec<&Prop> = card.all("ADR").collect();
    let Some(p) = adrs
        .iter()
        .find(|p| p.has_type("work") || p.has_type("pref"))
        .or(adrs.first())
        .map(|p| (*p).clone())
    else {
        return;
    };
    let Some(parts) = card.components(&p, Shape::Text) else {
        return;
    };
    let part = |i: usize| parts.get(i).map_or("", |s| text::trim(s));
    customer.address = match (part(2), part(1)) {
        (street, "") => street.to_string(),
        ("", extended) => extended.to_string(),
        (street, extended) => format!("{street} {extended}"),
    };
    customer.city = part(3).to_string();
}
