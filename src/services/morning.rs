//! The morning's list as `fieldbook today` gives it: the agenda (overdue, today, coming up,
//! birthdays, going cold) and the open complaints, read for one day.

use chrono::NaiveDateTime;

use super::customer_list;
use crate::book::agenda::Agenda;
use crate::book::care;
use crate::book::complaints::Complaint;
use crate::book::model::CustomerRow;
use crate::book::worth::{ColdWorth, rank_by_worth};
use crate::config::Config;
use crate::repository::{Repository, Result};

pub struct Morning {
    pub agenda: Agenda,
    /// An open complaint puts the customer at risk: it belongs on the morning's list.
    pub open_complaints: Vec<Complaint>,
    /// The ranked list the agenda was built from, for names.
    pub rows: Vec<CustomerRow>,
}

/// The agenda with follow-ups up to `days` ahead; a follow-up at a time of day is overdue once
/// `now` has passed it.
pub fn read(repo: &Repository, config: &Config, now: NaiveDateTime, days: u32) -> Result<Morning> {
    let rows = customer_list::customer_rows(repo, config, now.date())?;
    let agenda = Agenda::build(
        repo.open_follow_ups(None)?,
        &rows,
        &repo.birthdays()?,
        now,
        days,
    );
    let open_complaints = repo
        .complaints(None)?
        .into_iter()
        .filter(|c| c.draft.status.is_open())
        .collect();
    Ok(Morning {
        agenda,
        open_complaints,
        rows,
    })
}

/// Today's share of the customers going cold (`cold`, as the agenda lists them) for the
/// review: the most valuable first (`book::worth`), at most `review_cold_per_day`. Who is
/// going cold stays one rule; only how many the review walks is capped.
pub fn cold_for_review(
    repo: &Repository,
    config: &Config,
    mut cold: Vec<CustomerRow>,
) -> Result<Vec<CustomerRow>> {
    let cap = config.review_cold_per_day as usize;
    if cold.is_empty() || cap == 0 {
        return Ok(Vec::new());
    }
    let open_deals = repo.open_deal_values(&config.currency)?;
    rank_by_worth(&mut cold, |r| ColdWorth {
        tier: r.tier,
        open_deals: open_deals.get(&r.id).copied().unwrap_or(0),
        days_past: r.cold_by.unwrap_or(0),
        cadence_days: care::cadence(r.cadence_days, config.cadence.for_tier(r.tier)),
    });
    cold.truncate(cap);
    Ok(cold)
}
