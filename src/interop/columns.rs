//! Which book field a CSV column holds: header names from Google, Outlook, Salesforce, HubSpot,
//! Chinese spreadsheets and admin panels, and fieldbook's own export; `--map COL=FIELD` wins.

use super::{ColumnUse, ReadError};

/// Whose a personal field is when a row may hold both a company and a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Who {
    /// The person's when the row names one, else the customer's.
    Auto,
    Customer,
    Contact,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Company,
    Kind,
    Industry,
    City,
    Address,
    Website,
    Tags,
    Tier,
    Stage,
    LeadSource,
    Cadence,
    Name,
    FirstName,
    MiddleName,
    LastName,
    Title,
    Department,
    Mobile(Who),
    Phone(Who),
    Fax(Who),
    Email(Who),
    Wechat(Who),
    Birthday(Who),
    Notes(Who),
    /// Kept in the notes as `Header: value`, for what the book has no field for.
    Note,
    Ignore,
}

const PLAIN: &[(Field, &str)] = &[
    (Field::Company, "company"),
    (Field::Kind, "kind"),
    (Field::Industry, "industry"),
    (Field::City, "city"),
    (Field::Address, "address"),
    (Field::Website, "website"),
    (Field::Tags, "tags"),
    (Field::Tier, "tier"),
    (Field::Stage, "stage"),
    (Field::LeadSource, "lead_source"),
    (Field::Cadence, "cadence_days"),
    (Field::Name, "name"),
    (Field::FirstName, "first_name"),
    (Field::MiddleName, "middle_name"),
    (Field::LastName, "last_name"),
    (Field::Title, "title"),
    (Field::Department, "department"),
    (Field::Note, "note"),
    (Field::Ignore, "ignore"),
];

/// Makes a personal field for its owner.
type ForWho = fn(Who) -> Field;

const PERSONAL: &[(ForWho, &str)] = &[
    (Field::Mobile, "mobile"),
    (Field::Phone, "phone"),
    (Field::Fax, "fax"),
    (Field::Email, "email"),
    (Field::Wechat, "wechat"),
    (Field::Birthday, "birthday"),
    (Field::Notes, "notes"),
];

impl Field {
    /// The name `--map` takes and reports show.
    pub fn name(self) -> String {
        if let Some((_, n)) = PLAIN.iter().find(|(f, _)| *f == self) {
            return (*n).to_string();
        }
        for (make, n) in PERSONAL {
            for (who, prefix) in [
                (Who::Auto, ""),
                (Who::Customer, "customer_"),
                (Who::Contact, "contact_"),
            ] {
                if make(who) == self {
                    return format!("{prefix}{n}");
                }
            }
        }
        "ignore".into()
    }

    /// Reads a `--map` field name (`phone`, `customer_phone`, ...) or any header alias (`手机`).
    pub fn parse(text: &str) -> Option<Field> {
        let t = text.trim().to_lowercase().replace(['-', ' '], "_");
        if let Some((f, _)) = PLAIN.iter().find(|(_, n)| *n == t) {
            return Some(*f);
        }
        for (make, n) in PERSONAL {
            for (who, prefix) in [
                (Who::Auto, ""),
                (Who::Customer, "customer_"),
                (Who::Contact, "contact_"),
            ] {
                if t == format!("{prefix}{n}") {
                    return Some(make(who));
                }
            }
        }
        lookup(&key(text))
    }

    /// Every `--map` field name, for help and errors (each of [`PERSONAL`]'s also takes a
    /// `customer_` or `contact_` prefix).
    pub fn all_names() -> Vec<&'static str> {
        let mut names: Vec<&'static str> = PLAIN.iter().map(|(_, n)| *n).collect();
        names.extend(PERSONAL.iter().map(|(_, n)| *n));
        names
    }

    /// The fields that take a `customer_` or `contact_` prefix.
    pub fn personal_names() -> Vec<&'static str> {
        PERSONAL.iter().map(|(_, n)| *n).collect()
    }
}

/// A header as compared: lowercase letters and digits (any script), nothing else.
pub fn key(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The field a header names, if it names one.
pub fn lookup(key: &str) -> Option<Field> {
    let find = |k: &str| {
        ALIASES
            .iter()
            .find(|(_, keys)| keys.contains(&k))
            .map(|(f, _)| *f)
    };
    find(key).or_else(|| {
        let trimmed = key.trim_end_matches(|c: char| c.is_ascii_digit());
        (trimmed != key).then(|| find(trimmed)).flatten()
    })
}

/// Google's numbered groups: `Phone 1 - Value` with its `Phone 1 - Label`, `E-mail 2 - Value`,
/// `Custom Field 1 - Value` named by `Custom Field 1 - Label`. Returns the field and the key
/// of the column that labels it.
fn group(key: &str) -> Option<(Field, Vec<String>)> {
    const GROUPS: &[&str] = &[
        "customfield",
        "organization",
        "relation",
        "website",
        "address",
        "phone",
        "email",
        "event",
        "im",
    ];
    let name = GROUPS.iter().find(|g| key.starts_with(*g))?;
    let rest = &key[name.len()..];
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return None;
    }
    let (n, part) = rest.split_at(digits);
    let label = |suffixes: &[&str]| -> Vec<String> {
        suffixes.iter().map(|s| format!("{name}{n}{s}")).collect()
    };
    Some(match (*name, part) {
        ("phone", "value") => (Field::Phone(Who::Auto), label(&["label", "type"])),
        ("email", "value" | "address") => (Field::Email(Who::Auto), vec![]),
        ("website", "value") => (Field::Website, vec![]),
        ("address", "street") => (Field::Address, vec![]),
        ("address", "city") => (Field::City, vec![]),
        ("organization", "name") => (Field::Company, vec![]),
        ("organization", "title") => (Field::Title, vec![]),
        ("organization", "department") => (Field::Department, vec![]),
        ("customfield", "value") => (Field::Note, label(&["label"])),
        ("im", "value") => (Field::Note, label(&["service", "label"])),
        ("event" | "relation", "value") => (Field::Note, label(&["label", "type"])),
        _ => (Field::Ignore, vec![]),
    })
}

/// How one column is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub index: usize,
    pub header: String,
    pub field: Field,
    /// The column whose value relabels this one (`Phone 1 - Label` says `Mobile`).
    pub label: Option<usize>,
}

/// The field a labelled value becomes: a phone labelled Mobile is a mobile, a custom field
/// labelled 微信 is the WeChat id.
pub fn relabel(field: Field, label: &str) -> Field {
    let l = label.to_lowercase();
    match field {
        Field::Phone(w)
            if ["mobile", "cell", "手机", "移动"]
                .iter()
                .any(|m| l.contains(m)) =>
        {
            Field::Mobile(w)
        }
        Field::Phone(w) if l.contains("fax") || l.contains("传真") => Field::Fax(w),
        Field::Note => match lookup(&key(label)) {
            Some(Field::Ignore) | None => Field::Note,
            Some(f) => f,
        },
        f => f,
    }
}

fn parse_map(pair: &str, headers: &[String]) -> Result<(usize, Field), ReadError> {
    let (col, field) = pair
        .rsplit_once('=')
        .ok_or_else(|| ReadError::MapNotAPair {
            given: super::text::escaped_excerpt(pair),
        })?;
    let field = Field::parse(field).ok_or_else(|| ReadError::MapUnknownField {
        column: super::text::escaped_excerpt(col),
        field: super::text::escaped_excerpt(field),
    })?;
    let wanted = col.trim();
    let index = headers
        .iter()
        .position(|h| h.trim() == wanted)
        .or_else(|| {
            headers
                .iter()
                .position(|h| key(h) == key(wanted) && !key(h).is_empty())
        })
        .ok_or_else(|| {
            let all: Vec<String> = headers
                .iter()
                .map(|h| super::text::escaped_excerpt(h))
                .collect();
            ReadError::MapNoSuchColumn {
                column: super::text::escaped_excerpt(wanted),
                header: all,
            }
        })?;
    Ok((index, field))
}

/// Plans every column of `headers`; `--map` pairs first.
pub fn plan(
    headers: &[String],
    map: &[String],
) -> Result<(Vec<Column>, Vec<ColumnUse>), ReadError> {
    let mut forced = vec![None; headers.len()];
    for pair in map {
        let (index, field) = parse_map(pair, headers)?;
        forced[index] = Some(field);
    }
    let keys: Vec<String> = headers.iter().map(|h| key(h)).collect();
    let has_job_title = keys.iter().any(|k| k == "jobtitle");
    let mut columns = Vec::with_capacity(headers.len());
    for (index, header) in headers.iter().enumerate() {
        let k = &keys[index];
        let (field, label) = match forced[index] {
            Some(f) => (f, vec![]),
            // Outlook's "Title" is Mr./Ms. when "Job Title" is there too.
            None if k == "title" && has_job_title => (Field::Ignore, vec![]),
            None => match lookup(k) {
                Some(f) => (f, vec![]),
                None => group(k).unwrap_or((Field::Ignore, vec![])),
            },
        };
        let label = label.iter().find_map(|l| keys.iter().position(|k| k == l));
        columns.push(Column {
            index,
            header: header.clone(),
            field,
            label,
        });
    }
    // A column that labels another is read through it, not on its own.
    let labels: Vec<usize> = columns.iter().filter_map(|c| c.label).collect();
    for i in labels {
        if forced[i].is_none() {
            columns[i].field = Field::Ignore;
        }
    }
    let says_who = columns.iter().any(|c| {
        matches!(
            c.field,
            Field::Company | Field::Name | Field::FirstName | Field::LastName
        )
    });
    if !says_who {
        let all: Vec<String> = headers
            .iter()
            .map(|h| super::text::escaped_excerpt(h))
            .collect();
        return Err(ReadError::NoNameColumn { header: all });
    }
    let uses = columns
        .iter()
        .map(|c| ColumnUse {
            header: c.header.clone(),
            field: (c.field != Field::Ignore).then(|| c.field.name()),
        })
        .collect();
    Ok((columns, uses))
}

mod aliases;
#[cfg(test)]
mod tests;

use aliases::ALIASES;
