//! A fieldbook JSON export's tables other than customers and people (contacts, follow-ups,
//! deals, complaints, greetings, ...) copied row by row through the live schema, parents first,
//! references moved to the ids their rows got here: whatever tables later versions add.

use std::collections::HashSet;

use rusqlite::types::Value as Sql;
use rusqlite::{Connection, OptionalExtension, params_from_iter};

use super::Run;
use crate::book::model::CustomerId;
use crate::interop::json::{self, to_sql};
use crate::interop::{Batch, Place, Row as JsonRow};
use crate::repository::{BookError, Result};

/// The file format's value as the database driver takes it.
pub(super) fn driver_value(v: json::Sql) -> Sql {
    match v {
        json::Sql::Null => Sql::Null,
        json::Sql::Integer(i) => Sql::Integer(i),
        json::Sql::Real(f) => Sql::Real(f),
        json::Sql::Text(t) => Sql::Text(t),
        json::Sql::Blob(b) => Sql::Blob(b),
    }
}

/// A stored value as the file format writes it.
pub(super) fn file_value(v: Sql) -> json::Sql {
    match v {
        Sql::Null => json::Sql::Null,
        Sql::Integer(i) => json::Sql::Integer(i),
        Sql::Real(f) => json::Sql::Real(f),
        Sql::Text(t) => json::Sql::Text(t),
        Sql::Blob(b) => json::Sql::Blob(b),
    }
}

/// A table as the live schema has it.
#[derive(Debug, Clone)]
pub(super) struct TableShape {
    pub(super) columns: Vec<String>,
    not_null: HashSet<String>,
    /// `id INTEGER PRIMARY KEY`: a fresh id when the book is not empty.
    pub(super) integer_id: bool,
    /// The primary key's columns (what "already there" means without an integer id).
    pub(super) key: Vec<String>,
    /// Column -> the table it refers to.
    refers: Vec<(String, String)>,
}

pub(super) fn table_shape(conn: &Connection, table: &str) -> Result<Option<TableShape>> {
    let mut columns = Vec::new();
    let mut not_null = HashSet::new();
    let mut key = Vec::new();
    let mut integer_id = false;
    let mut stmt = conn.prepare_cached(
        "SELECT name, upper(type), pk, \"notnull\" FROM pragma_table_info(?1) ORDER BY cid",
    )?;
    let mut rows = stmt.query([table])?;
    while let Some(r) = rows.next()? {
        let (name, kind, pk, nn): (String, String, i64, bool) =
            (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
        if pk > 0 {
            key.push(name.clone());
            integer_id |= kind == "INTEGER" && name == "id";
        }
        if nn {
            not_null.insert(name.clone());
        }
        columns.push(name);
    }
    if columns.is_empty() {
        return Ok(None);
    }
    let refers = conn
        .prepare_cached("SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?1)")?
        .query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(TableShape {
        integer_id: integer_id && key.len() == 1,
        columns,
        not_null,
        key,
        refers,
    }))
}

impl Run<'_> {
    fn shape(&mut self, table: &str) -> Result<TableShape> {
        if let Some(shape) = self.shapes.get(table) {
            return Ok(shape.clone());
        }
        let shape = table_shape(self.tx, table)?.ok_or_else(|| {
            BookError::Invalid(format!(
                "the export has a table {} that this book has not: is it from another program?",
                crate::interop::text::escaped_excerpt(table)
            ))
        })?;
        self.shapes.insert(table.to_string(), shape.clone());
        Ok(shape)
    }

    /// The row's values for `shape`'s columns (None where the row has none), `fixed` ones put
    /// in; an unknown column refuses the import rather than lose it.
    fn values(
        &mut self,
        table: &str,
        row: &JsonRow,
        fixed: &[(&str, Sql)],
    ) -> Result<Vec<(String, Sql)>> {
        let shape = self.shape(table)?;
        let mut out = Vec::new();
        for (column, value) in row {
            if !shape.columns.contains(column) {
                return Err(BookError::Invalid(format!(
                    "the book has no column {table}.{}: the export is from another fieldbook",
                    crate::interop::text::escaped_excerpt(column)
                )));
            }
            if fixed.iter().any(|(c, _)| c == column) {
                continue;
            }
            let value = to_sql(value).map(driver_value).ok_or_else(|| {
                BookError::Invalid(format!(
                    "{table}.{column} holds a value no column can store"
                ))
            })?;
            out.push((column.clone(), value));
        }
        out.extend(fixed.iter().map(|(c, v)| (c.to_string(), v.clone())));
        Ok(out)
    }

    /// Inserts a row of the export as it is; its integer id is kept only into an empty book.
    pub(super) fn insert_row(
        &mut self,
        table: &str,
        row: &JsonRow,
        fixed: &[(&str, Sql)],
    ) -> Result<i64> {
        let shape = self.shape(table)?;
        let mut values = self.values(table, row, fixed)?;
        if shape.integer_id && !self.keep_ids {
            values.retain(|(c, _)| c != "id");
        }
        let names: Vec<String> = values.iter().map(|(c, _)| format!("\"{c}\"")).collect();
        let marks: Vec<String> = (1..=values.len()).map(|i| format!("?{i}")).collect();
        let sql = format!(
            "INSERT INTO \"{table}\" ({}) VALUES ({})",
            names.join(", "),
            marks.join(", ")
        );
        self.tx
            .prepare_cached(&sql)?
            .execute(params_from_iter(values.into_iter().map(|(_, v)| v)))?;
        Ok(self.tx.last_insert_rowid())
    }

    /// The export's other tables (contacts, follow-ups, deals, ...), parents first, each row's
    /// references moved to the ids its customer, person, ... got here. Rows of customers that
    /// were skipped are left out, and so are rows already in the book. Returns rows written
    /// per table.
    pub(super) fn history(&mut self, batch: &Batch) -> Result<Vec<(String, usize)>> {
        // An export never holds the undo tables; a file that does was made to plant a step
        // that `u` would run, so they are passed over.
        let mut pending: Vec<&(String, Vec<JsonRow>)> = batch
            .history
            .tables
            .iter()
            .filter(|(name, _)| !super::reads::NOT_BOOK.contains(&name.as_str()))
            .collect();
        let mut done: HashSet<String> = ["customer".to_string(), "contact".to_string()].into();
        let mut written = Vec::new();
        while !pending.is_empty() {
            let mut ready = None;
            for (i, (name, _)) in pending.iter().enumerate() {
                let shape = self.shape(name)?;
                let names: HashSet<&str> = pending.iter().map(|(n, _)| n.as_str()).collect();
                let waits = shape
                    .refers
                    .iter()
                    .any(|(_, t)| t != name && !done.contains(t) && names.contains(t.as_str()));
                if !waits {
                    ready = Some(i);
                    break;
                }
            }
            // A cycle (none today): take the first; keys are checked at commit anyway.
            let (name, rows) = pending.remove(ready.unwrap_or(0));
            let n = self.copy_table(name, rows)?;
            done.insert(name.clone());
            written.push((name.clone(), n));
        }
        Ok(written)
    }

    fn copy_table(&mut self, table: &str, rows: &[JsonRow]) -> Result<usize> {
        let shape = self.shape(table)?;
        let mut written = 0;
        'rows: for (i, row) in rows.iter().enumerate() {
            let mut fixed: Vec<(&str, Sql)> = Vec::new();
            let mut fresh = true;
            for (column, target) in &shape.refers {
                let Some(old) = row.get(column).and_then(|v| v.as_i64()) else {
                    continue;
                };
                let new = if target == "customer" {
                    match self.customers.get(&CustomerId(old)) {
                        Some(landed) if landed.history => {
                            fresh &= landed.fresh;
                            Some(landed.id.get())
                        }
                        _ => continue 'rows,
                    }
                } else {
                    self.ids.get(target).and_then(|m| m.get(&old)).copied()
                };
                match new {
                    Some(id) => fixed.push((column, Sql::Integer(id))),
                    None if shape.not_null.contains(column) => continue 'rows,
                    None => fixed.push((column, Sql::Null)),
                }
            }
            let old_id = row.get("id").and_then(|v| v.as_i64());
            let may_be_there = !fresh || shape.refers.iter().all(|(_, t)| t != "customer");
            if may_be_there && let Some(there) = self.already_there(table, &shape, row, &fixed)? {
                if let (Some(old), Some(there)) = (old_id, there) {
                    self.ids.entry(table.into()).or_default().insert(old, there);
                }
                continue;
            }
            let id = self.insert_row(table, row, &fixed)?;
            let place = Place::Entry {
                table: json::table_label(table),
                id: old_id.unwrap_or(i as i64 + 1),
            };
            self.written.inserted(table, id, place);
            if let Some((_, Sql::Integer(customer))) =
                fixed.iter().find(|(c, _)| *c == "customer_id")
            {
                self.written.touched(CustomerId(*customer), place);
            }
            if let (Some(old), true) = (old_id, shape.integer_id) {
                self.ids.entry(table.into()).or_default().insert(old, id);
            }
            written += 1;
        }
        Ok(written)
    }

    /// Whether the row is in the book already: the same values in every column but the id (or
    /// the same primary key, for a table without an integer id). Some(its id, when it has one).
    fn already_there(
        &mut self,
        table: &str,
        shape: &TableShape,
        row: &JsonRow,
        fixed: &[(&str, Sql)],
    ) -> Result<Option<Option<i64>>> {
        let values = self.values(table, row, fixed)?;
        let compared: Vec<&(String, Sql)> = values
            .iter()
            .filter(|(c, _)| {
                if shape.integer_id {
                    c != "id"
                } else {
                    shape.key.contains(c)
                }
            })
            .collect();
        if compared.is_empty() {
            return Ok(None);
        }
        let filter: Vec<String> = compared
            .iter()
            .enumerate()
            .map(|(i, (c, _))| format!("\"{c}\" IS ?{}", i + 1))
            .collect();
        let id = if shape.integer_id { "rowid" } else { "0" };
        let sql = format!(
            "SELECT {id} FROM \"{table}\" WHERE {} LIMIT 1",
            filter.join(" AND ")
        );
        let found: Option<i64> = self
            .tx
            .prepare_cached(&sql)?
            .query_row(params_from_iter(compared.iter().map(|(_, v)| v)), |r| {
                r.get(0)
            })
            .optional()?;
        Ok(found.map(|id| shape.integer_id.then_some(id)))
    }
}
