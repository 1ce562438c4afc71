//! A customer's own columns, named and bound in one place: every statement that writes a
//! `CustomerDraft` (add, edit, import merge, bulk write) takes its column list and its values
//! from here, so a new field is one edit rather than four that can disagree.

use rusqlite::types::ToSql;
use rusqlite::{Result, Statement};

use super::sql_text as text;
use crate::book::model::{CustomerDraft, CustomerKind, Stage, Tier};

/// The draft's columns, in the order `bind_draft` binds them.
pub(super) const DRAFT_COLUMNS: [&str; 16] = [
    "name",
    "kind",
    "industry",
    "city",
    "address",
    "phone",
    "email",
    "wechat",
    "website",
    "tags",
    "tier",
    "stage",
    "lead_source",
    "birthday",
    "notes",
    "cadence_days",
];

/// `name, kind, ...`: the draft's columns from `skip` on.
pub(super) fn column_list(skip: usize) -> String {
    DRAFT_COLUMNS[skip..].join(", ")
}

/// A customer as stored, the roll-ups aside: the id, the draft's columns and the stamps.
pub(super) fn stored() -> String {
    format!("id, {}, created_at, updated_at, archived", column_list(0))
}

/// `?first, ?first+1, ...`: one placeholder for each draft column from `skip` on.
pub(super) fn placeholders(skip: usize, first: usize) -> String {
    (0..DRAFT_COLUMNS.len() - skip)
        .map(|i| format!("?{}", first + i))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `kind = ?first, ...`: an UPDATE's assignments of the draft's columns from `skip` on.
pub(super) fn assignments(skip: usize, first: usize) -> String {
    DRAFT_COLUMNS[skip..]
        .iter()
        .enumerate()
        .map(|(i, column)| format!("{column} = ?{}", first + i))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Binds the draft's values (from column `skip` on) to `?first`, `?first+1`, ... of `stmt`,
/// as the book stores them: the name trimmed, tags joined, no kind a company.
pub(super) fn bind_draft(
    stmt: &mut Statement<'_>,
    d: &CustomerDraft,
    skip: usize,
    first: usize,
) -> Result<()> {
    let name = d.name.trim();
    let kind = d.kind.unwrap_or(CustomerKind::Company).as_str();
    let tags = text::tags(&d.tags);
    let tier = d.tier.map(Tier::as_str);
    let stage = d.stage.map(Stage::as_str);
    let birthday = d.birthday.map(|b| b.to_text());
    let values: [&dyn ToSql; 16] = [
        &name,
        &kind,
        &d.industry,
        &d.city,
        &d.address,
        &d.phone,
        &d.email,
        &d.wechat,
        &d.website,
        &tags,
        &tier,
        &stage,
        &d.lead_source,
        &birthday,
        &d.notes,
        &d.cadence_days,
    ];
    for (i, value) in values.iter().skip(skip).enumerate() {
        stmt.raw_bind_parameter(first + i, value)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_line_up_with_their_placeholders() {
        assert_eq!(column_list(14), "notes, cadence_days");
        assert_eq!(placeholders(14, 2), "?2, ?3");
        assert_eq!(assignments(14, 5), "notes = ?5, cadence_days = ?6");
    }
}
