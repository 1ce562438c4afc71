//! Finding the customer a command means, by the same fuzzy search as the TUI's filter.

use chrono::NaiveDate;

use crate::book::model::CustomerRow;
use crate::search::CustomerSearch;

pub enum Found {
    One(CustomerRow),
    None,
    /// Several match and none exactly: the best first.
    Many(Vec<CustomerRow>),
}

/// `c45` is customer 45; an exact name (any case) is that customer; otherwise the fuzzy
/// search (filters too, `today` for `due:`) must narrow to exactly one.
pub fn customer(rows: &[CustomerRow], query: &str, today: NaiveDate) -> Found {
    let query = query.trim();
    if query.is_empty() {
        return Found::None;
    }
    let by_id = query
        .strip_prefix(['c', 'C'])
        .and_then(|n| n.parse::<i64>().ok());
    if let Some(row) = by_id.and_then(|id| rows.iter().find(|r| r.id == id)) {
        return Found::One(row.clone());
    }
    let exact: Vec<&CustomerRow> = rows
        .iter()
        .filter(|r| r.name.trim().to_lowercase() == query.to_lowercase())
        .collect();
    if let [one] = exact.as_slice() {
        return Found::One((*one).clone());
    }
    let order: Vec<usize> = (0..rows.len()).collect();
    let hits = CustomerSearch::new(rows).filter(rows, &order, query, today);
    match hits.as_slice() {
        [] => Found::None,
        [one] => Found::One(rows[*one].clone()),
        many => Found::Many(many.iter().take(10).map(|&i| rows[i].clone()).collect()),
    }
}

/// `#12` or `12`.
pub fn follow_up_id(text: &str) -> Option<i64> {
    text.trim().trim_start_matches('#').parse().ok()
}
