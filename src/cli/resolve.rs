//! Finding the customer a command means, by the same search as the TUI's filter, ranked as a
//! person would (see `search::Tier`): one exact match wins over looser ones; an archived
//! customer is never silently swapped for someone else.

use super::Failure;
use super::commands::Context;
use super::output::safe;
use crate::book::model::CustomerRow;
use crate::book::model::FollowUpId;
use crate::i18n::calendar;
use crate::services::finder::{self, Resolved};
use crate::services::import_words;

/// The one customer `query` means, or exit 2 saying what matched (or that it is archived).
pub fn find_one(ctx: &mut Context, query: &str) -> Result<CustomerRow, Failure> {
    let today = ctx.now.date();
    match finder::resolve(ctx.repo, ctx.config, today, query)? {
        Resolved::One(row) => Ok(row),
        Resolved::None => Err(Failure::not_found(t!(
            "cli-no-customer-matches",
            query = safe(query)
        ))),
        Resolved::Archived(row) => Err(archived_failure(&row)),
        Resolved::Many(rows) => {
            let list: Vec<String> = rows
                .iter()
                .map(|r| {
                    format!(
                        "  c{:<6} {}  {}  {}",
                        r.id,
                        safe(&r.name),
                        safe(&r.city),
                        t!(
                            "cli-candidate-last-contact",
                            when = calendar::last_contact_label(r.last_contact_at, today)
                        )
                    )
                })
                .collect();
            Err(Failure::not_found(format!(
                "{}\n{}",
                t!("cli-matches-more-than-one", query = safe(query)),
                list.join("\n")
            )))
        }
    }
}

pub fn archived_failure(row: &CustomerRow) -> Failure {
    Failure::not_found(t!(
        "cli-customer-archived",
        id = row.id,
        name = safe(&row.name)
    ))
}

/// A customer being added is probably in the book already: exit 2, nothing written.
pub fn likely_failure(twin: &crate::interop::dedup::Likely) -> Failure {
    Failure::not_found(t!(
        "cli-probably-already",
        id = twin.customer,
        name = safe(&twin.shown),
        why = import_words::likely_why(&twin.why)
    ))
}

/// Fills the blanks of book customer `id` from `new`, as an import's `--merge` does.
pub fn merge_into(
    repo: &mut crate::repository::Repository,
    id: crate::book::model::CustomerId,
    new: &crate::book::model::CustomerDraft,
) -> Result<(), Failure> {
    if repo.customer(id)?.is_none() {
        return Err(Failure::not_found(t!("cli-customer-vanished")));
    }
    repo.merge_into(id, new)?;
    Ok(())
}

/// `fieldbook unarchive <customer>`: back in the list, found by every command again.
pub fn unarchive(ctx: Context, query: &str) -> Result<(), Failure> {
    let today = ctx.now.date();
    let row = finder::resolve_archived(ctx.repo, ctx.config, today, query)?.ok_or_else(|| {
        Failure::not_found(t!("cli-no-archived-customer-matches", query = safe(query)))
    })?;
    ctx.repo.set_archived(row.id, false)?;
    println!(
        "{}",
        t!("cli-unarchived", id = row.id, name = safe(&row.name))
    );
    Ok(())
}

/// `#12` or `12`.
pub fn follow_up_id(text: &str) -> Option<FollowUpId> {
    text.trim().trim_start_matches('#').parse().ok()
}
