//! Getting customers in from other programs' files, and the book out to them.
//!
//! Reading is pure: bytes become a [`Batch`] of [`Record`]s (a customer, maybe a person there) with
//! every bad, skipped or doubtful record noted by row or card number. Writing is the repository's:
//! `Repository::import` matches each record against the book (duplicates merged or skipped, never
//! doubled) and writes the whole batch in one transaction, or previews it and rolls back.
//!
//! ```text
//! let batch = interop::read_file(path, &ReadOptions::default())?;      // nothing written
//! let preview = repo.import(&batch, &policy, Commit::No, &mut |_, _| {})?;  // what would happen
//! let done = repo.import(&batch, &policy, Commit::Yes, &mut |_, _| {})?;    // all of it, or none
//! ```

mod admit;
pub use admit::read_capped;
pub mod columns;
mod csv_import;
mod csv_row;
pub mod dedup;
pub mod export;
pub mod ics;
pub mod json;
mod json_entry;
mod notice;
pub mod text;
pub mod values;
mod vcard;
mod vcard_card;
mod vcard_escape;

#[cfg(test)]
mod tests;

pub use notice::{Notice, Place, Problem, ReadError, Severity};

use std::path::Path;

use serde::Serialize;

use crate::book::dates::DateOrder;
use crate::book::model::{ContactDraft, ContactId, CustomerDraft, CustomerId};
pub use text::Charset;

/// Files larger than this are refused before they are read.
pub const FILE_LIMIT: u64 = 256 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Csv,
    Vcard,
    Json,
}

impl Format {
    pub fn parse(text: &str) -> Option<Format> {
        match text.trim().to_ascii_lowercase().as_str() {
            "csv" | "tsv" | "txt" => Some(Format::Csv),
            "vcard" | "vcf" | "vcards" => Some(Format::Vcard),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    /// From the file name, else from the first bytes.
    pub fn detect(name: &str, bytes: &[u8]) -> Format {
        let ext = Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .and_then(Format::parse);
        if let Some(f) = ext {
            return f;
        }
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let start = body
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .map_or(&[][..], |i| &body[i..]);
        if start.starts_with(b"{") {
            Format::Json
        } else if start.len() >= 11 && start[..11].eq_ignore_ascii_case(b"BEGIN:VCARD") {
            Format::Vcard
        } else {
            Format::Csv
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Format::Csv => "CSV",
            Format::Vcard => "vCard",
            Format::Json => "fieldbook JSON",
        }
    }
}

/// How to read a file; everything has a sensible default.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Forced format; otherwise from the extension or the content.
    pub format: Option<Format>,
    /// `--map COL=FIELD` pairs, as typed.
    pub map: Vec<String>,
    /// Forced encoding; otherwise UTF-8 (BOM or not), then GB18030.
    pub encoding: Option<Charset>,
    /// How to read 03/04/1985 (month first unless the config says day first).
    pub date_order: DateOrder,
    /// The newest book version (schema) this fieldbook reads: a fieldbook JSON export from a
    /// newer book is refused. Whoever imports into a book passes the repository's; `None` (a
    /// file read on its own, as tests do) checks nothing.
    pub newest_schema: Option<i64>,
}

/// A row of a fieldbook JSON export: column name to value, as the book stored it.
pub type Row = serde_json::Map<String, serde_json::Value>;

/// The rows a fieldbook JSON export carries for a record, written as they are (ids kept when
/// the book is empty) so a round trip is exact.
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    pub customer_id: CustomerId,
    pub customer: Row,
    pub contact: Option<(ContactId, Row)>,
}

/// One customer, and maybe one person there, as read from the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub place: Place,
    /// Always named. A person with no company is a customer of kind `person`.
    pub customer: CustomerDraft,
    pub person: Option<ContactDraft>,
    pub kept: Option<Kept>,
}

/// The other tables of a fieldbook JSON export (interactions, follow-ups, deals, ...), by name,
/// rows with the export's own ids.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    pub tables: Vec<(String, Vec<Row>)>,
}

/// How a column was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnUse {
    pub header: String,
    /// The field name (`company`, `phone`, ...), or None when ignored.
    pub field: Option<String>,
}

/// Everything read from one file, before the book is touched.
#[derive(Debug, Clone, PartialEq)]
pub struct Batch {
    pub source: String,
    pub format: Format,
    /// `UTF-8`, `UTF-8 (BOM)`, `GB18030`, ...
    pub encoding: String,
    /// For CSV: how the columns were read.
    pub columns: Vec<ColumnUse>,
    pub records: Vec<Record>,
    pub history: History,
    pub notices: Vec<Notice>,
}

impl Batch {
    pub fn bad(&self) -> impl Iterator<Item = &Notice> {
        self.notices.iter().filter(|n| n.severity == Severity::Bad)
    }

    pub fn has_bad(&self) -> bool {
        self.bad().next().is_some()
    }

    /// The records refused, each counted once however many notices it has.
    pub fn bad_records(&self) -> usize {
        let mut places: Vec<Place> = self.bad().map(|n| n.place).collect();
        places.dedup();
        places.len()
    }
}

/// Reads `path` (at most [`FILE_LIMIT`] bytes) into a batch; writes nothing.
pub fn read_file(path: &Path, options: &ReadOptions) -> Result<Batch, ReadError> {
    let name = path.display().to_string();
    let cant = |e: std::io::Error| ReadError::CantRead {
        name: name.clone(),
        error: e.to_string(),
    };
    let size = std::fs::metadata(path).map_err(cant)?.len();
    if size > FILE_LIMIT {
        return Err(ReadError::TooBig {
            name,
            size: Some(size),
            cap: FILE_LIMIT,
        });
    }
    // A pipe or /dev/stdin has no size to check first: the same limit is counted while reading.
    let file = std::fs::File::open(path).map_err(cant)?;
    let bytes = read_capped(file, &name, FILE_LIMIT)?;
    read_bytes(&bytes, &name, options)
}

/// Reads a file's bytes into a batch. Never panics, whatever the bytes.
pub fn read_bytes(bytes: &[u8], source: &str, options: &ReadOptions) -> Result<Batch, ReadError> {
    let format = options
        .format
        .unwrap_or_else(|| Format::detect(source, bytes));
    let mut batch = Batch {
        source: source.to_string(),
        format,
        encoding: String::new(),
        columns: Vec::new(),
        records: Vec::new(),
        history: History::default(),
        notices: Vec::new(),
    };
    match format {
        Format::Csv => csv_import::read(bytes, options, &mut batch)?,
        Format::Vcard => vcard::read(bytes, options, &mut batch)?,
        Format::Json => json::read(bytes, options, &mut batch)?,
    }
    admit::gate(&mut batch);
    Ok(batch)
}

/// What to do with a record that is already in the book.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Duplicates {
    /// Leave the book's record as it is (the default: an import never overwrites).
    #[default]
    Skip,
    /// Fill the book's empty fields and add new phones, e-mails, tags and notes.
    Merge,
    /// Add it as a new record all the same (two offices, two people of one name).
    KeepBoth,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportPolicy {
    pub duplicates: Duplicates,
    /// Write the good records even though some are bad.
    pub skip_bad: bool,
}

/// Whether `Repository::import` keeps what it did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Commit {
    /// Do everything in a copy of the book and keep nothing: an exact preview that never
    /// takes the book's write lock.
    No,
    Yes,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Create,
    /// A duplicate of a record in the book, merged into it.
    Merge,
    /// A duplicate whose merge changed nothing.
    Unchanged,
    /// A duplicate left alone (`--skip-duplicates`).
    Skip,
    /// The same customer as an earlier record of this file (its blanks filled from this one).
    Again,
}

/// Which record a duplicate matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Match {
    /// A customer or person that was in the book before the import.
    Book(i64),
    /// One created by an earlier record of this file.
    Earlier(Place),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    pub name: String,
    pub action: Action,
    pub matched: Option<Match>,
    /// Matched as a likely duplicate (see `dedup::likely`), with the book's record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub likely: Option<dedup::Likely>,
}

/// What happened (or would happen) to one record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub place: Place,
    pub customer: Step,
    pub person: Option<Step>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub created: usize,
    pub merged: usize,
    pub unchanged: usize,
    pub skipped: usize,
}

impl Tally {
    fn count(&mut self, action: Action) {
        match action {
            Action::Create => self.created += 1,
            Action::Merge => self.merged += 1,
            Action::Unchanged => self.unchanged += 1,
            Action::Skip => self.skipped += 1,
            Action::Again => {}
        }
    }
}

/// The result of `Repository::import`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub written: bool,
    pub customers: Tally,
    pub people: Tally,
    /// Rows of other tables written from a fieldbook JSON export (interaction, follow_up, ...).
    pub rows: Vec<(String, usize)>,
    /// Bad records left out (only with `skip_bad`).
    pub bad_left_out: usize,
    pub outcomes: Vec<Outcome>,
}

impl ImportReport {
    pub fn record(&mut self, outcome: Outcome) {
        self.customers.count(outcome.customer.action);
        if let Some(p) = &outcome.person {
            self.people.count(p.action);
        }
        self.outcomes.push(outcome);
    }

    /// True when the import wrote (or would write) nothing at all.
    pub fn changes_nothing(&self) -> bool {
        let quiet = |t: &Tally| t.created == 0 && t.merged == 0;
        quiet(&self.customers) && quiet(&self.people) && self.rows.iter().all(|(_, n)| *n == 0)
    }
}
