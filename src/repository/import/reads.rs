//! What the exports read: every table as stored (the JSON copy), and customers, people,
//! contacts and follow-ups as domain types (CSV, vCard, the calendar).

use chrono::NaiveDateTime;
use rusqlite::Row;
use rusqlite::types::Value as Sql;

use super::copy::table_shape;
use crate::book::bulk::{BulkBook, BulkContact, BulkCustomer, BulkFollowUp, BulkInteraction};
use crate::book::model::{Channel, InteractionDraft};
use crate::interop::json::TableRows;
use crate::repository::sql_text as text;
use crate::repository::{Repository, Result};

/// Tables a copy of the book leaves out and an import never writes: the undo log belongs to
/// this book's own history, and `book_meta` says which book this is.
pub(super) const NOT_BOOK: &[&str] = &[
    "undo_step",
    "undo_log",
    "book_meta",
    // Derived by the book's triggers (migration 0008) as the rows go in.
    "customer_search",
    "customer_match_key",
    "revenue_window",
    "revenue_12m",
];

pub(super) use super::super::customers::{contact_draft, customer_draft};
use super::super::follow_ups::follow_up_draft;

fn stamp(column: &str, r: &Row<'_>) -> rusqlite::Result<NaiveDateTime> {
    text::parse_datetime(column, &r.get::<_, String>(column)?)
}

impl Repository {
    /// Every table of the book (the undo log and full-text indexes aside), every row by rowid,
    /// every column: what the JSON export writes and a round trip compares.
    pub fn book_tables(&self) -> Result<Vec<TableRows>> {
        let names: Vec<String> = self
            .conn
            .prepare(
                // Plain tables only: a full-text index (virtual, and its shadow tables) is
                // derived data that the book's triggers rebuild as the rows go in.
                "SELECT name FROM pragma_table_list
                  WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'
                  ORDER BY name",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut tables = Vec::new();
        for name in names
            .into_iter()
            .filter(|n| !NOT_BOOK.contains(&n.as_str()))
        {
            let Some(shape) = table_shape(&self.conn, &name)? else {
                continue;
            };
            let quoted = |names: &[String]| {
                names
                    .iter()
                    .map(|c| format!("\"{c}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            // By primary key: the rowid, or the key's columns in a WITHOUT ROWID table.
            let order = if shape.key.is_empty() || shape.integer_id {
                "rowid".to_string()
            } else {
                quoted(&shape.key)
            };
            let columns = shape.columns;
            let mut stmt = self.conn.prepare(&format!(
                "SELECT {} FROM \"{name}\" ORDER BY {order}",
                quoted(&columns)
            ))?;
            let rows = stmt
                .query_map([], |r| {
                    (0..columns.len())
                        .map(|i| r.get::<_, Sql>(i).map(super::copy::file_value))
                        .collect()
                })?
                .collect::<rusqlite::Result<_>>()?;
            tables.push(TableRows {
                name,
                columns,
                rows,
            });
        }
        Ok(tables)
    }

    fn export_customers(&self) -> Result<Vec<BulkCustomer>> {
        let sql = format!(
            "SELECT {} FROM customer ORDER BY id",
            super::super::customer_columns::stored()
        );
        let customers = self
            .conn
            .prepare(&sql)?
            .query_map([], |r| {
                Ok(BulkCustomer {
                    id: r.get("id")?,
                    draft: customer_draft(r)?,
                    created_at: stamp("created_at", r)?,
                    updated_at: stamp("updated_at", r)?,
                    archived: r.get("archived")?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(customers)
    }

    /// Customers (archived too), people, contacts and follow-ups by id: what the CSV, vCard
    /// and calendar exports read.
    pub fn export_rows(&self) -> Result<BulkBook> {
        let customers = self.export_customers()?;
        let contacts = self
            .conn
            .prepare(
                "SELECT id, customer_id, name, title, phone, email, wechat, birthday, notes, created_at
                   FROM contact ORDER BY id",
            )?
            .query_map([], |r| {
                Ok(BulkContact {
                    id: r.get("id")?,
                    customer_id: r.get("customer_id")?,
                    draft: contact_draft(r)?,
                    created_at: stamp("created_at", r)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let interactions = self
            .conn
            .prepare(
                "SELECT id, customer_id, contact_id, at, channel, summary, outcome, created_at
                   FROM interaction ORDER BY id",
            )?
            .query_map([], |r| {
                let channel: String = r.get("channel")?;
                Ok(BulkInteraction {
                    id: r.get("id")?,
                    draft: InteractionDraft {
                        customer_id: r.get("customer_id")?,
                        contact_id: r.get("contact_id")?,
                        at: stamp("at", r)?,
                        channel: Channel::parse(&channel).unwrap_or(Channel::Other),
                        summary: r.get("summary")?,
                        outcome: r.get("outcome")?,
                    },
                    created_at: stamp("created_at", r)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let follow_ups = self
            .conn
            .prepare(
                "SELECT id, customer_id, interaction_id, due_on, due_time, task, done_at, created_at,
                        repeat_every, repeat_unit, repeat_basis
                   FROM follow_up ORDER BY id",
            )?
            .query_map([], |r| {
                Ok(BulkFollowUp {
                    id: r.get("id")?,
                    draft: follow_up_draft(r)?,
                    interaction_id: r.get("interaction_id")?,
                    created_at: stamp("created_at", r)?,
                    done_at: text::opt("done_at", r.get("done_at")?, text::parse_datetime)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(BulkBook {
            customers,
            contacts,
            interactions,
            follow_ups,
            // Deals, complaints and reasons came with migration 0004 (lead's change).
            ..BulkBook::default()
        })
    }
}
