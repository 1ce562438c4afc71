//! The parts of one card that become the customer and the person: names, notes, the
//! account's own fields and tags.

use super::*;

/// Who a card is: a person, an organization, or a person at one.
pub(super) struct Names {
    pub person: String,
    pub org: String,
    pub department: String,
    pub is_org: bool,
}

/// The person from N (or FN) and the organization from ORG; a card marked as a company, or
/// whose only name is its organization's, is the organization itself.
pub(super) fn names(card: &mut Card) -> Names {
    let n = match card.props.iter().find(|p| p.name == "N").cloned() {
        Some(p) => card.components(&p, Shape::Name).unwrap_or_default(),
        None => Vec::new(),
    };
    let part = |i: usize| n.get(i).map(String::as_str).unwrap_or("");
    let from_n = values::join_name(part(0), part(1), part(2));
    let full = card.first("FN", Shape::Name).unwrap_or_default();
    let org_parts = match card.props.iter().find(|p| p.name == "ORG").cloned() {
        Some(p) => card.components(&p, Shape::Name).unwrap_or_default(),
        None => Vec::new(),
    };
    let mut org = text::trim(org_parts.first().map_or("", String::as_str)).to_string();
    let department = org_parts.get(1).map_or("", |d| text::trim(d)).to_string();
    let kind = card
        .first("KIND", Shape::Line)
        .unwrap_or_default()
        .to_lowercase();
    let shown_as_company = card
        .first("X-ABSHOWAS", Shape::Line)
        .is_some_and(|v| v.eq_ignore_ascii_case("company"));
    let mut person = if from_n.is_empty() {
        full.clone()
    } else {
        from_n.clone()
    };
    let is_org = matches!(kind.as_str(), "org" | "organization")
        || shown_as_company
        || (from_n.is_empty() && !org.is_empty() && dedup_key(&full) == dedup_key(&org));
    if is_org {
        if org.is_empty() {
            org = person.clone();
        }
        person.clear();
    }
    Names {
        person,
        org,
        department,
        is_org,
    }
}

/// Every NOTE, then what had no field of its own.
pub(super) fn notes(card: &mut Card, extra: &[String]) -> String {
    let notes_props: Vec<Prop> = card.all("NOTE").cloned().collect();
    let mut notes = notes_props
        .iter()
        .filter_map(|p| card.value(p, Shape::Text))
        .collect::<Vec<_>>()
        .join("\n");
    values::add_note_lines(&mut notes, extra.iter().map(String::as_str));
    notes
}

/// The customer's own fields a card can carry: its site, and what fieldbook's export wrote.
pub(super) fn account_fields(card: &mut Card) -> CustomerDraft {
    CustomerDraft {
        website: card.first("URL", Shape::Line).unwrap_or_default(),
        industry: card
            .first("X-FIELDBOOK-INDUSTRY", Shape::Line)
            .unwrap_or_default(),
        lead_source: card
            .first("X-FIELDBOOK-LEAD-SOURCE", Shape::Line)
            .unwrap_or_default(),
        tier: card
            .first("X-FIELDBOOK-TIER", Shape::Line)
            .and_then(|t| Tier::parse(&t)),
        stage: card
            .first("X-FIELDBOOK-STAGE", Shape::Line)
            .and_then(|s| Stage::parse(&s)),
        cadence_days: card
            .first("X-FIELDBOOK-CADENCE", Shape::Line)
            .and_then(|c| c.parse().ok())
            .filter(|&c| c > 0),
        ..CustomerDraft::default()
    }
}

/// CATEGORIES as tags, each once.
pub(super) fn add_categories(card: &mut Card, customer: &mut CustomerDraft) {
    let categories: Vec<Prop> = card.all("CATEGORIES").cloned().collect();
    for p in &categories {
        if let Some(raw) = card.raw(p) {
            for tag in split_escaped(&raw, ',') {
                let tag = unescape(tag);
                let tag = text::trim(&tag);
                if !tag.is_empty() && !customer.tags.iter().any(|t| t == tag) {
                    customer.tags.push(tag.to_string());
                }
            }
        }
    }
}
