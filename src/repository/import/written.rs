//! What one import wrote into its prepared copy of the book, row by row: the rows the book then
//! receives, and where in the file each came from, so a check that refuses one can name it.

use std::collections::{HashMap, HashSet};

use crate::book::model::CustomerId;
use crate::interop::Place;

#[derive(Debug, Default)]
pub(super) struct Written {
    /// Tables in the order their first row was written: a row's parents come before it.
    pub(super) tables: Vec<String>,
    /// Rows inserted, by table (an index into `tables`) and row id in the copy: their place.
    pub(super) inserted: HashMap<(usize, i64), Place>,
    /// Rows that were in the book and were merged into (`customer` or `contact`, by id).
    pub(super) merged: Vec<(&'static str, i64)>,
    /// Customers created, merged into or given rows, each with the first place that did it.
    pub(super) touched: Vec<(CustomerId, Place)>,
    merged_rows: HashSet<(usize, i64)>,
    seen: HashSet<CustomerId>,
}

impl Written {
    fn table(&mut self, name: &str) -> usize {
        match self.tables.iter().position(|t| t == name) {
            Some(i) => i,
            None => {
                self.tables.push(name.to_string());
                self.tables.len() - 1
            }
        }
    }

    pub(super) fn inserted(&mut self, table: &str, id: i64, place: Place) {
        let t = self.table(table);
        self.inserted.insert((t, id), place);
    }

    /// A merge into a row this import created is carried by that row itself.
    pub(super) fn merged(&mut self, table: &'static str, id: i64) {
        let t = self.table(table);
        if !self.inserted.contains_key(&(t, id)) && self.merged_rows.insert((t, id)) {
            self.merged.push((table, id));
        }
    }

    pub(super) fn touched(&mut self, customer: CustomerId, place: Place) {
        if self.seen.insert(customer) {
            self.touched.push((customer, place));
        }
    }

    /// Where the row `id` of `table` came from, when this import inserted it.
    pub(super) fn place_of(&self, table: &str, id: i64) -> Option<Place> {
        let t = self.tables.iter().position(|n| n == table)?;
        self.inserted.get(&(t, id)).copied()
    }

    /// Every row written, as (`insert` or `merge`, table, row id in the copy).
    pub(super) fn rows(&self) -> impl Iterator<Item = (&'static str, &str, i64)> {
        let inserted = self
            .inserted
            .keys()
            .map(|(t, id)| ("insert", self.tables[*t].as_str(), *id));
        let merged = self.merged.iter().map(|(t, id)| ("merge", *t, *id));
        inserted.chain(merged)
    }
}
