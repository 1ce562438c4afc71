//! Finding the customer a command means, by the same search as the TUI's filter, ranked as a
//! person would (see `search::Tier`): one exact match wins over looser ones; an archived
//! customer is never silently swapped for someone else.

use crate::i18n::calendar;
use chrono::NaiveDate;

use super::Failure;
use super::commands::{Context, rows_with_cold};
use super::output::safe;
use crate::book::due::{self, SortOrder};
use crate::book::model::{CustomerId, CustomerRow, FollowUpId};
use crate::search::{CustomerSearch, Found as How, Tier};

pub enum Found {
    One(CustomerRow),
    None,
    /// Several match and none stands out: the best first.
    Many(Vec<CustomerRow>),
    /// The best match is archived.
    Archived(CustomerRow),
}

/// The rows in attention order (overdue first, then by last contact), as ties are broken.
pub fn by_attention(rows: &mut [CustomerRow], today: NaiveDate) {
    rows.sort_by_cached_key(|r| due::sort_key(SortOrder::Attention, r, today));
}

/// `c45` is customer 45. Otherwise the search (filters too, `today` for `due:`) over the
/// customers `active` and `archived`: the one that matched exactly (its whole name, a person's
/// whole name, a whole number) when every other match is looser; `Archived` when the best
/// match is archived.
pub fn customer_among(
    active: &[CustomerRow],
    archived: &[CustomerRow],
    query: &str,
    today: NaiveDate,
) -> Found {
    let query = query.trim();
    if query.is_empty() {
        return Found::None;
    }
    let by_id = query
        .strip_prefix(['c', 'C'])
        .and_then(|n| n.parse::<CustomerId>().ok());
    if let Some(id) = by_id {
        if let Some(row) = active.iter().find(|r| r.id == id) {
            return Found::One(row.clone());
        }
        if let Some(row) = archived.iter().find(|r| r.id == id) {
            return Found::Archived(row.clone());
        }
    }
    let mut rows = active.to_vec();
    by_attention(&mut rows, today);
    let mut gone = archived.to_vec();
    by_attention(&mut gone, today);
    rows.extend(gone);
    let order: Vec<usize> = (0..rows.len()).collect();
    let hits = CustomerSearch::new(&rows).ranked(&rows, &order, query, today);
    let is_archived = |i: usize| i >= active.len();
    match hits.as_slice() {
        [] => Found::None,
        [(best, _), ..] if is_archived(*best) => Found::Archived(rows[*best].clone()),
        [(one, _)] => Found::One(rows[*one].clone()),
        [(best, how), (_, next), ..] if stands_out(*how, *next) => Found::One(rows[*best].clone()),
        many => Found::Many(
            many.iter()
                .filter(|(i, _)| !is_archived(*i))
                .take(10)
                .map(|&(i, _)| rows[i].clone())
                .collect(),
        ),
    }
}

/// An exact match wins when the next is looser (a name over a person of the same name).
fn stands_out(best: How, next: How) -> bool {
    best.tier == Tier::Exact && next.rank() > best.rank()
}

/// The one customer `query` means, or exit 2 saying what matched (or that it is archived).
pub fn find_one(ctx: &Context, query: &str) -> Result<CustomerRow, Failure> {
    let archived = ctx.repo.archived_rows()?;
    match customer_among(&rows_with_cold(ctx)?, &archived, query, ctx.now.date()) {
        Found::One(row) => Ok(row),
        Found::None => Err(Failure::not_found(format!(
            "no customer matches \"{}\"",
            safe(query)
        ))),
        Found::Archived(row) => Err(archived_failure(&row)),
        Found::Many(rows) => {
            let today = ctx.now.date();
            let list: Vec<String> = rows
                .iter()
                .map(|r| {
                    format!(
                        "  c{:<6} {}  {}  last contact {}",
                        r.id,
                        safe(&r.name),
                        safe(&r.city),
                        calendar::last_contact_label(r.last_contact_at, today)
                    )
                })
                .collect();
            Err(Failure::not_found(format!(
                "\"{}\" matches more than one customer; say which (a longer name, or its c-id):\n{}",
                safe(query),
                list.join("\n")
            )))
        }
    }
}

pub fn archived_failure(row: &CustomerRow) -> Failure {
    Failure::not_found(format!(
        "c{} {} is archived; nothing was written. `fieldbook unarchive c{}` restores it",
        row.id,
        safe(&row.name),
        row.id
    ))
}

/// A customer being added is probably in the book already: exit 2, nothing written.
pub fn likely_failure(twin: &crate::interop::dedup::Likely) -> Failure {
    Failure::not_found(format!(
        "c{} {} is probably this customer already ({}); nothing was written. \
         --merge fills its blanks from this one, --keep-both adds it anyway",
        twin.customer,
        safe(&twin.shown),
        safe(&twin.why)
    ))
}

/// Fills the blanks of book customer `id` from `new`, as an import's `--merge` does.
pub fn merge_into(
    repo: &mut crate::repository::Repository,
    id: crate::book::model::CustomerId,
    new: &crate::book::model::CustomerDraft,
) -> Result<(), Failure> {
    if repo.customer(id)?.is_none() {
        return Err(Failure::not_found("customer vanished"));
    }
    repo.merge_into(id, new)?;
    Ok(())
}

/// `fieldbook unarchive <customer>`: back in the list, found by every command again.
pub fn unarchive(ctx: Context, query: &str) -> Result<(), Failure> {
    let archived = ctx.repo.archived_rows()?;
    let row = match customer_among(&[], &archived, query, ctx.now.date()) {
        Found::Archived(row) => row,
        _ => {
            return Err(Failure::not_found(format!(
                "no archived customer matches \"{}\"",
                safe(query)
            )));
        }
    };
    ctx.repo.set_archived(row.id, false)?;
    println!("c{} {} is back in the list", row.id, safe(&row.name));
    Ok(())
}

/// `#12` or `12`.
pub fn follow_up_id(text: &str) -> Option<FollowUpId> {
    text.trim().trim_start_matches('#').parse().ok()
}
