//! One row of a fieldbook JSON export read through the book's gate, column by column, with
//! what is wrong with it collected for the notices.

use serde_json::Value;

use super::text;
use super::{Notice, Place, Problem, Row, Severity};
use crate::book::validate::{self, Stored};

/// Reads one row's columns, collecting what is wrong with it.
pub(super) struct Entry<'a> {
    pub(super) row: &'a Row,
    problems: Vec<(String, Problem)>,
}

impl<'a> Entry<'a> {
    /// Every column read by the rule the app's readers follow for it: a value the book
    /// could not read back (a date that is not one, a cadence of 1e12 days) refuses the row.
    pub(super) fn new(table: &str, row: &'a Row) -> Self {
        let mut entry = Entry {
            row,
            problems: Vec::new(),
        };
        for (column, value) in row {
            let stored = match value {
                Value::Null => Stored::Null,
                Value::Bool(b) => Stored::Int(i64::from(*b)),
                Value::Number(n) => n
                    .as_i64()
                    .map_or(Stored::Real(n.as_f64().unwrap_or(f64::NAN)), Stored::Int),
                Value::String(s) => Stored::Text(s),
                Value::Array(_) => Stored::Blob,
                Value::Object(_) => {
                    entry.problem(column, Problem::HoldsObject);
                    continue;
                }
            };
            if let Err(why) = validate::column(table, column, stored) {
                entry.problem(column, Problem::Refused(why));
            }
        }
        entry
    }

    pub(super) fn problem(&mut self, column: &str, why: Problem) {
        self.problems.push((column.to_string(), why));
    }

    pub(super) fn text(&self, column: &str) -> String {
        self.row
            .get(column)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    }

    pub(super) fn id(&mut self, column: &str) -> Option<i64> {
        let id = self.row.get(column).and_then(Value::as_i64);
        if id.is_none() {
            self.problem(column, Problem::NotANumber);
        }
        id
    }

    pub(super) fn parsed<T>(&mut self, column: &str, parse: fn(&str) -> Option<T>) -> Option<T> {
        let value = self.row.get(column).and_then(Value::as_str)?;
        let parsed = parse(value);
        if parsed.is_none() {
            self.problem(
                column,
                Problem::Unreadable {
                    value: text::escaped_excerpt(value),
                },
            );
        }
        parsed
    }

    pub(super) fn report(self, place: Place, notices: &mut Vec<Notice>) -> bool {
        let ok = self.problems.is_empty();
        for (column, problem) in self.problems {
            notices.push(Notice {
                place,
                severity: Severity::Bad,
                column: Some(column),
                problem,
            });
        }
        ok
    }
}
