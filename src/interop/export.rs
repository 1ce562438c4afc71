//! The book out: CSV (one row per person, or per customer with nobody on file; Excel-safe) and
//! vCard 4.0 (a card per customer and per person), both read back by fieldbook's importers.

use std::collections::HashMap;

use super::values;
use crate::book::bulk::{BulkBook, BulkContact, BulkCustomer};
use crate::book::model::{Birthday, CustomerId, CustomerKind};

/// fieldbook's CSV header; `columns` reads every one of them back to its field.
pub const CSV_HEADER: [&str; 23] = [
    "Customer",
    "Kind",
    "Industry",
    "City",
    "Address",
    "Customer Phone",
    "Customer Email",
    "Customer WeChat",
    "Website",
    "Tags",
    "Tier",
    "Stage",
    "Lead Source",
    "Customer Birthday",
    "Customer Notes",
    "Cadence Days",
    "Contact",
    "Contact Title",
    "Contact Phone",
    "Contact Email",
    "Contact WeChat",
    "Contact Birthday",
    "Contact Notes",
];

/// Customers not archived, by id, each with its people by id.
fn customers_with_people(book: &BulkBook) -> Vec<(&BulkCustomer, Vec<&BulkContact>)> {
    let mut people: HashMap<CustomerId, Vec<&BulkContact>> = HashMap::new();
    for p in &book.contacts {
        people.entry(p.customer_id).or_default().push(p);
    }
    let mut customers: Vec<&BulkCustomer> = book.customers.iter().filter(|c| !c.archived).collect();
    customers.sort_by_key(|c| c.id);
    customers
        .into_iter()
        .map(|c| {
            let mut list = people.remove(&c.id).unwrap_or_default();
            list.sort_by_key(|p| p.id);
            (c, list)
        })
        .collect()
}

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a `'`
/// in front; fieldbook's CSV import takes it off again.
pub fn neutralize(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

fn birthday(b: Option<Birthday>) -> String {
    b.map(Birthday::to_text).unwrap_or_default()
}

/// Customers and their people as CSV: UTF-8 with a BOM (so Excel reads Chinese), CRLF.
pub fn csv(book: &BulkBook) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let _ = writer.write_record(CSV_HEADER);
    for (c, people) in customers_with_people(book) {
        let d = &c.draft;
        let customer = [
            d.name.clone(),
            d.kind.unwrap_or(CustomerKind::Company).as_str().to_string(),
            d.industry.clone(),
            d.city.clone(),
            d.address.clone(),
            d.phone.clone(),
            d.email.clone(),
            d.wechat.clone(),
            d.website.clone(),
            d.tags.join(", "),
            d.tier.map(|t| t.as_str().to_string()).unwrap_or_default(),
            d.stage.map(|s| s.as_str().to_string()).unwrap_or_default(),
            d.lead_source.clone(),
            birthday(d.birthday),
            d.notes.clone(),
            d.cadence_days.map(|n| n.to_string()).unwrap_or_default(),
        ];
        let nobody = [None];
        let rows: Vec<Option<&BulkContact>> = if people.is_empty() {
            nobody.to_vec()
        } else {
            people.into_iter().map(Some).collect()
        };
        for p in rows {
            let person = match p {
                Some(p) => [
                    p.draft.name.clone(),
                    p.draft.title.clone(),
                    p.draft.phone.clone(),
                    p.draft.email.clone(),
                    p.draft.wechat.clone(),
                    birthday(p.draft.birthday),
                    p.draft.notes.clone(),
                ],
                None => Default::default(),
            };
            let row: Vec<String> = customer
                .iter()
                .chain(&person)
                .map(|v| neutralize(v))
                .collect();
            let _ = writer.write_record(&row);
        }
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{FEFF}{}", String::from_utf8_lossy(&bytes))
}

/// Escapes a vCard 4.0 / iCalendar TEXT value: `\` `,` `;` and line breaks; other control
/// characters (never valid in either format) are dropped.
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded at 75 octets (never inside a UTF-8 character), CRLF.
pub fn fold_line(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

fn vcard_birthday(b: Birthday) -> String {
    match b.year {
        Some(y) => format!("{y:04}{:02}{:02}", b.month, b.day),
        None => format!("--{:02}{:02}", b.month, b.day),
    }
}

/// TEL, EMAIL and IMPP lines for a `", "`-joined list; the first is the preferred one.
fn reach(out: &mut String, phone: &str, email: &str, wechat: &str) {
    for (i, p) in values::list(phone).enumerate() {
        let pref = if i == 0 { ";PREF=1" } else { "" };
        fold_line(out, &format!("TEL;VALUE=text{pref}:{}", escape_text(p)));
    }
    for (i, e) in values::list(email).enumerate() {
        let pref = if i == 0 { ";PREF=1" } else { "" };
        fold_line(out, &format!("EMAIL{pref}:{}", escape_text(e)));
    }
    for w in values::list(wechat) {
        fold_line(
            out,
            &format!("IMPP;X-SERVICE-TYPE=WeChat:weixin:{}", escape_text(w)),
        );
    }
}

fn optional(out: &mut String, name: &str, value: &str) {
    if !value.is_empty() {
        fold_line(out, &format!("{name}:{}", escape_text(value)));
    }
}

/// A vCard 4.0 per customer (KIND:org, or individual for a person) and per person there (with
/// the customer as ORG). fieldbook's own fields travel as X-FIELDBOOK-* properties.
pub fn vcard(book: &BulkBook) -> String {
    let mut out = String::new();
    for (c, people) in customers_with_people(book) {
        let d = &c.draft;
        let person = d.kind == Some(CustomerKind::Person);
        fold_line(&mut out, "BEGIN:VCARD");
        fold_line(&mut out, "VERSION:4.0");
        fold_line(
            &mut out,
            if person {
                "KIND:individual"
            } else {
                "KIND:org"
            },
        );
        fold_line(&mut out, &format!("UID:urn:fieldbook:customer:{}", c.id));
        fold_line(&mut out, &format!("FN:{}", escape_text(&d.name)));
        if !person {
            fold_line(&mut out, &format!("ORG:{}", escape_text(&d.name)));
        }
        reach(&mut out, &d.phone, &d.email, &d.wechat);
        if !d.address.is_empty() || !d.city.is_empty() {
            fold_line(
                &mut out,
                &format!(
                    "ADR;TYPE=work:;;{};{};;;",
                    escape_text(&d.address),
                    escape_text(&d.city)
                ),
            );
        }
        optional(&mut out, "URL", &d.website);
        if let Some(b) = d.birthday {
            fold_line(&mut out, &format!("BDAY:{}", vcard_birthday(b)));
        }
        if !d.tags.is_empty() {
            let tags: Vec<String> = d.tags.iter().map(|t| escape_text(t)).collect();
            fold_line(&mut out, &format!("CATEGORIES:{}", tags.join(",")));
        }
        optional(&mut out, "NOTE", &d.notes);
        optional(&mut out, "X-FIELDBOOK-INDUSTRY", &d.industry);
        optional(
            &mut out,
            "X-FIELDBOOK-TIER",
            d.tier.map_or("", |t| t.as_str()),
        );
        optional(
            &mut out,
            "X-FIELDBOOK-STAGE",
            d.stage.map_or("", |s| s.as_str()),
        );
        optional(&mut out, "X-FIELDBOOK-LEAD-SOURCE", &d.lead_source);
        if let Some(days) = d.cadence_days {
            fold_line(&mut out, &format!("X-FIELDBOOK-CADENCE:{days}"));
        }
        fold_line(&mut out, "END:VCARD");
        for p in people {
            let pd = &p.draft;
            fold_line(&mut out, "BEGIN:VCARD");
            fold_line(&mut out, "VERSION:4.0");
            fold_line(&mut out, "KIND:individual");
            fold_line(&mut out, &format!("UID:urn:fieldbook:contact:{}", p.id));
            fold_line(&mut out, &format!("FN:{}", escape_text(&pd.name)));
            fold_line(&mut out, &format!("ORG:{}", escape_text(&d.name)));
            if person {
                fold_line(&mut out, "X-FIELDBOOK-KIND:person");
            }
            optional(&mut out, "TITLE", &pd.title);
            reach(&mut out, &pd.phone, &pd.email, &pd.wechat);
            if let Some(b) = pd.birthday {
                fold_line(&mut out, &format!("BDAY:{}", vcard_birthday(b)));
            }
            optional(&mut out, "NOTE", &pd.notes);
            fold_line(&mut out, "END:VCARD");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_counts_octets_and_keeps_characters_whole() {
        let mut out = String::new();
        fold_line(&mut out, &format!("NOTE:{}", "北京".repeat(30)));
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded: String = out.trim_end().replace("\r\n ", "");
        assert_eq!(unfolded, format!("NOTE:{}", "北京".repeat(30)));
    }

    #[test]
    fn escaping_and_neutralizing() {
        assert_eq!(
            escape_text("a,b;c\\d\r\ne\x1bf"),
            "a\\,b\\;c\\\\d\\ne f".replace(' ', "")
        );
        assert_eq!(neutralize("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralize("+86 138"), "'+86 138");
        assert_eq!(neutralize("北京"), "北京");
    }
}
