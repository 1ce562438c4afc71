//! fieldbook's own JSON: every table of the book (customers, people, contacts, follow-ups, deals,
//! complaints, ...; the undo log aside), every column, ids and time stamps as stored, so export
//! then import into an empty book gives the same book, whatever tables later versions add.
//!
//! ```json
//! { "format": "fieldbook", "version": 1, "schema": 4, "exported_at": "2026-01-05T09:00:00",
//!   "tables": { "customer": [{ "id": 1, "name": "北京星河科技有限公司", "kind": "company", ... }],
//!               "contact": [...], "interaction": [...], "follow_up": [...], "deal": [...] } }
//! ```
//!
//! `version` is this file layout's; `schema` the book's (its migrations): a file from a newer
//! book is refused rather than half read. Customers and people are read as drafts too, so an
//! import into a book that already has them merges or skips them like any other import.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::json_entry::Entry;
use super::text;
use super::{Batch, Kept, Notice, Place, Problem, ReadError, ReadOptions, Record, Row};
use crate::book::model::{
    Birthday, ContactDraft, ContactId, CustomerDraft, CustomerId, CustomerKind, Stage, Tier,
    split_tags,
};

pub const FORMAT: &str = "fieldbook";
/// The file layout's version.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BookFile {
    pub format: String,
    pub version: u32,
    /// The book's schema version (`PRAGMA user_version`) the rows follow.
    pub schema: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_at: Option<NaiveDateTime>,
    #[serde(default)]
    pub tables: BTreeMap<String, Vec<Row>>,
}

/// One stored value, as SQLite types it. The repository converts to and from its driver's
/// values, so this file format needs nothing of the database code.
#[derive(Debug, Clone, PartialEq)]
pub enum Sql {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

/// Every row of one table, as the book stores it: what a lossless export copies.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRows {
    pub name: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Sql>>,
}

fn to_json(v: &Sql) -> Value {
    match v {
        Sql::Null => Value::Null,
        Sql::Integer(i) => Value::from(*i),
        Sql::Real(f) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number),
        Sql::Text(t) => Value::String(t.clone()),
        Sql::Blob(b) => Value::Array(b.iter().map(|&x| Value::from(x)).collect()),
    }
}

/// A JSON value as the book stores it; None for what no column holds (an object).
pub fn to_sql(v: &Value) -> Option<Sql> {
    Some(match v {
        Value::Null => Sql::Null,
        Value::Bool(b) => Sql::Integer(i64::from(*b)),
        Value::Number(n) => match n.as_i64() {
            Some(i) => Sql::Integer(i),
            None => Sql::Real(n.as_f64()?),
        },
        Value::String(s) => Sql::Text(s.clone()),
        Value::Array(items) => Sql::Blob(
            items
                .iter()
                .map(|i| i.as_u64().filter(|&b| b < 256).map(|b| b as u8))
                .collect::<Option<Vec<u8>>>()?,
        ),
        Value::Object(_) => return None,
    })
}

/// The whole book as fieldbook JSON (pretty, UTF-8, one trailing newline).
pub fn write(tables: &[TableRows], schema: i64, exported_at: NaiveDateTime) -> String {
    let file = BookFile {
        format: FORMAT.into(),
        version: VERSION,
        schema,
        exported_at: Some(exported_at),
        tables: tables
            .iter()
            .map(|t| {
                let rows = t
                    .rows
                    .iter()
                    .map(|row| {
                        t.columns
                            .iter()
                            .zip(row)
                            .map(|(c, v)| (c.clone(), to_json(v)))
                            .collect::<Row>()
                    })
                    .collect();
                (t.name.clone(), rows)
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text.push('\n');
    text
}

/// The tables messages can name; any other is a "row".
pub fn table_label(name: &str) -> &'static str {
    const KNOWN: &[&str] = &[
        "customer",
        "contact",
        "interaction",
        "follow_up",
        "deal",
        "complaint",
        "greeting",
        "care_reminder",
    ];
    KNOWN.iter().find(|k| **k == name).copied().unwrap_or("row")
}

fn customer(entry: &mut Entry) -> CustomerDraft {
    if entry.row.get("name").and_then(Value::as_str).is_none() {
        entry.problem("name", Problem::Missing);
    }
    CustomerDraft {
        name: entry.text("name"),
        kind: entry.parsed("kind", CustomerKind::parse),
        industry: entry.text("industry"),
        city: entry.text("city"),
        address: entry.text("address"),
        phone: entry.text("phone"),
        email: entry.text("email"),
        wechat: entry.text("wechat"),
        website: entry.text("website"),
        tags: split_tags(&entry.text("tags")),
        tier: entry.parsed("tier", Tier::parse),
        stage: entry.parsed("stage", Stage::parse),
        lead_source: entry.text("lead_source"),
        birthday: entry.parsed("birthday", Birthday::parse),
        notes: entry.text("notes"),
        cadence_days: entry
            .row
            .get("cadence_days")
            .and_then(Value::as_u64)
            .and_then(|d| u32::try_from(d).ok()),
    }
}

fn contact(entry: &mut Entry) -> ContactDraft {
    if entry.row.get("name").and_then(Value::as_str).is_none() {
        entry.problem("name", Problem::Missing);
    }
    ContactDraft {
        name: entry.text("name"),
        title: entry.text("title"),
        phone: entry.text("phone"),
        email: entry.text("email"),
        wechat: entry.text("wechat"),
        birthday: entry.parsed("birthday", Birthday::parse),
        notes: entry.text("notes"),
    }
}

pub(super) fn read(
    bytes: &[u8],
    options: &ReadOptions,
    batch: &mut Batch,
) -> Result<(), ReadError> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(body).map_err(|e| ReadError::JsonNotUtf8 {
        line: text::line_of(body, e.valid_up_to()),
    })?;
    batch.encoding = "UTF-8".into();
    let mut file: BookFile = serde_json::from_str(text).map_err(|e| ReadError::NotAnExport {
        error: e.to_string(),
    })?;
    if file.format != FORMAT {
        return Err(ReadError::OtherFormat {
            format: text::escaped_excerpt(&file.format),
        });
    }
    let newest = options.newest_schema.unwrap_or(i64::MAX);
    if file.version > VERSION || file.schema > newest {
        return Err(ReadError::NewerExport {
            version: file.version,
            schema: file.schema,
            reads_version: VERSION,
            reads_schema: newest,
        });
    }
    let customers = file.tables.remove("customer").unwrap_or_default();
    let contacts = file.tables.remove("contact").unwrap_or_default();
    let (mut good, order) = read_customers(customers, &mut batch.notices);
    let people = read_contacts(contacts, &good, &mut batch.notices);
    push_records(order, &mut good, people, batch);
    read_other_tables(file.tables, batch);
    Ok(())
}

type Customers = HashMap<i64, (CustomerDraft, Row)>;
type People = HashMap<i64, Vec<(i64, ContactDraft, Row)>>;

/// The file's customers that pass, by the file's id, and the order they came in.
fn read_customers(customers: Vec<Row>, notices: &mut Vec<Notice>) -> (Customers, Vec<i64>) {
    let mut good: Customers = HashMap::new();
    let mut order = Vec::new();
    let mut seen = HashSet::new();
    for (i, row) in customers.into_iter().enumerate() {
        let mut entry = Entry::new("customer", &row);
        let id = entry.id("id");
        let place = Place::Entry {
            table: "customer",
            id: id.unwrap_or(i as i64 + 1),
        };
        let draft = customer(&mut entry);
        if let Some(id) = id
            && !seen.insert(id)
        {
            entry.problem("id", Problem::SameIdTwice);
        }
        if entry.report(place, notices)
            && let Some(id) = id
        {
            order.push(id);
            good.insert(id, (draft, row));
        }
    }
    (good, order)
}

/// The file's people that pass, by the file's id of their customer.
fn read_contacts(contacts: Vec<Row>, good: &Customers, notices: &mut Vec<Notice>) -> People {
    let mut people: People = HashMap::new();
    let mut seen = HashSet::new();
    for (i, row) in contacts.into_iter().enumerate() {
        let mut entry = Entry::new("contact", &row);
        let id = entry.id("id");
        let owner = entry.id("customer_id");
        let draft = contact(&mut entry);
        if let Some(id) = id
            && !seen.insert(id)
        {
            entry.problem("id", Problem::SameIdTwice);
        }
        if let Some(owner) = owner
            && !good.contains_key(&owner)
        {
            entry.problem("customer_id", Problem::NoSuchCustomer { id: owner });
        }
        let place = Place::Entry {
            table: "contact",
            id: id.unwrap_or(i as i64 + 1),
        };
        if entry.report(place, notices)
            && let (Some(id), Some(owner)) = (id, owner)
        {
            people.entry(owner).or_default().push((id, draft, row));
        }
    }
    people
}

/// Each customer's record, then one per person there, in the file's order.
fn push_records(order: Vec<i64>, good: &mut Customers, mut people: People, batch: &mut Batch) {
    for id in order {
        let Some((draft, row)) = good.remove(&id) else {
            continue;
        };
        let kept = Kept {
            customer_id: CustomerId(id),
            customer: row,
            contact: None,
        };
        // The customer's own record first: it is the one that creates it.
        batch.records.push(Record {
            place: Place::Entry {
                table: "customer",
                id,
            },
            customer: draft.clone(),
            person: None,
            kept: Some(kept.clone()),
        });
        for (contact_id, person, contact_row) in people.remove(&id).unwrap_or_default() {
            batch.records.push(Record {
                place: Place::Entry {
                    table: "contact",
                    id: contact_id,
                },
                customer: draft.clone(),
                person: Some(person),
                kept: Some(Kept {
                    contact: Some((ContactId(contact_id), contact_row)),
                    ..kept.clone()
                }),
            });
        }
    }
}

/// The other tables' rows that pass, kept as they are for the repository to copy.
fn read_other_tables(tables: BTreeMap<String, Vec<Row>>, batch: &mut Batch) {
    for (name, rows) in tables {
        let mut kept_rows = Vec::with_capacity(rows.len());
        for (i, row) in rows.into_iter().enumerate() {
            let entry = Entry::new(&name, &row);
            let id = row
                .get("id")
                .and_then(Value::as_i64)
                .unwrap_or(i as i64 + 1);
            let place = Place::Entry {
                table: table_label(&name),
                id,
            };
            if entry.report(place, &mut batch.notices) {
                kept_rows.push(row);
            }
        }
        batch.history.tables.push((name, kept_rows));
    }
}
