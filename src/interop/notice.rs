//! What an import says about a record: where in the file it came from, how bad it is, why.

use serde::Serialize;

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

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Place::Row { row, line } => write!(f, "row {row} (line {line})"),
            Place::Card { card, line } => write!(f, "card {card} (line {line})"),
            Place::Entry { table, id } => write!(f, "{table} #{id}"),
            Place::Line { line } => write!(f, "line {line}"),
        }
    }
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

/// One thing to tell the person about a record. `message` never holds raw file bytes: quoted
/// values are escaped (`\u{1b}`), so it is safe to print once more through `safe_text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub place: Place,
    pub severity: Severity,
    /// The column header or vCard property the notice is about.
    pub column: Option<String>,
    pub message: String,
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.column {
            Some(c) => write!(f, "{}, {}: {}", self.place, c, self.message),
            None => write!(f, "{}: {}", self.place, self.message),
        }
    }
}
