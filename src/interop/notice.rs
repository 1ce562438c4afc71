//! What an import says about a record (where in the file it came from, how bad it is, why)
//! and about a file it cannot read at all.

use serde::Serialize;

use crate::book::validate::Refusal;

/// Where in the source a record came from, for every message about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Place {
    /// A CSV data row (1 = the first after the header) and the physical line it starts on.
    Row { row: usize, line: usize },
    /// A vCard (1 = the first in the file) and the line of its BEGIN.
    Card { card: usize, line: usize },
    /// An entry of a fieldbook JSON export, by table and id.
    Entry { table: &'static str, id: i64 },
    /// The file as a whole (or a region outside any record).
    Line { line: usize },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The record is refused: nothing is written unless `--skip-bad`, and then not this record.
    Bad,
    /// Left out on purpose (no name, a report footer); the rest imports.
    Skipped,
    /// Imported, but something in it was dropped or kept elsewhere.
    Warning,
}

/// One thing to tell the person about a record. Words-free: the front ends say it
/// (`services::import_words`), and `--json` writes it in English whatever the language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub place: Place,
    pub severity: Severity,
    /// The column header or vCard property the notice is about.
    pub column: Option<String>,
    pub problem: Problem,
}

/// What is wrong with a record or one of its values. A value quoted here never holds raw file
/// bytes: it is escaped (`\u{1b}`) and cut short, so it is safe to print once more through
/// `safe_text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The book's own gate refused the value (too long, a control character...), as it says it.
    Refused(Refusal),
    /// Bytes that were neither UTF-8 nor GB18030.
    NotUtf8OrGb18030,
    /// A vCard value that is not valid text in its charset.
    NotValidText {
        encoding: String,
    },
    UnknownCharset {
        value: String,
    },
    BadQuotedPrintable {
        sequence: String,
    },
    /// The CSV reader gave up here; its own error.
    RestUnreadable {
        error: String,
    },
    QuoteNeverCloses,
    TooManyFields {
        fields: usize,
        header: usize,
    },
    /// A line with one field in a wider file: a report's footer, most likely.
    LoneField {
        value: String,
    },
    NotAKind {
        value: String,
    },
    NotATier {
        value: String,
    },
    NotAStage {
        value: String,
    },
    NotDays {
        value: String,
    },
    NotADate {
        value: String,
    },
    /// A phone number Excel turned into scientific notation.
    DigitsLost {
        value: String,
    },
    NoNameNoCompany,
    NoNameNoOrganization,
    CardInsideCard {
        line: usize,
    },
    CardNeverEnds,
    OutsideAnyCard,
    PropertyTooLong {
        limit: usize,
    },
    Missing,
    SameIdTwice,
    NoSuchCustomer {
        id: i64,
    },
    HoldsObject,
    NotANumber,
    Unreadable {
        value: String,
    },
}

/// A file that cannot be read at all (as opposed to bad records in it). Words-free like
/// [`Problem`]: the front ends say it (`services::import_words::read_error`). Quoted values
/// are escaped excerpts; `error` is what the system or a parser said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    CantRead {
        name: String,
        error: String,
    },
    /// Over the import's size limit (`size` when known before reading).
    TooBig {
        name: String,
        size: Option<u64>,
        cap: u64,
    },
    MapNotAPair {
        given: String,
    },
    MapUnknownField {
        column: String,
        field: String,
    },
    MapNoSuchColumn {
        column: String,
        header: Vec<String>,
    },
    /// No column is a company or a person's name.
    NoNameColumn {
        header: Vec<String>,
    },
    NoHeader,
    HeaderUnreadable {
        error: String,
    },
    /// A byte-order mark of an encoding the text after it is not.
    BomButNot {
        encoding: String,
    },
    /// Asked for UTF-8; the first bad bytes are on `line`.
    NotUtf8 {
        line: usize,
    },
    NotGb18030,
    JsonNotUtf8 {
        line: usize,
    },
    NotAnExport {
        error: String,
    },
    OtherFormat {
        format: String,
    },
    NewerExport {
        version: u32,
        schema: i64,
        reads_version: u32,
        reads_schema: i64,
    },
    NoVcard,
}

#[cfg(test)]
impl Problem {
    /// The text this problem carries from the file or a reader, for tests of its escaping.
    pub(super) fn quoted(&self) -> &str {
        match self {
            Problem::Refused(r) => r.carried(),
            Problem::NotValidText { encoding: s }
            | Problem::UnknownCharset { value: s }
            | Problem::BadQuotedPrintable { sequence: s }
            | Problem::RestUnreadable { error: s }
            | Problem::LoneField { value: s }
            | Problem::NotAKind { value: s }
            | Problem::NotATier { value: s }
            | Problem::NotAStage { value: s }
            | Problem::NotDays { value: s }
            | Problem::NotADate { value: s }
            | Problem::DigitsLost { value: s }
            | Problem::Unreadable { value: s } => s,
            _ => "",
        }
    }
}
