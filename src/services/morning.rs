//! The morning's list as `fieldbook today` gives it: the agenda (overdue, today, coming up,
//! birthdays, going cold) and the open complaints, read for one day through the book's
//! indexes: the follow-ups due by the window's end, the birthdays of the week, the customers
//! quiet long enough to be going cold (judged by the one rule, `care::going_cold`).

use std::collections::HashMap;

use chrono::NaiveDateTime;

use super::customer_list;
use super::standing::Standing;
use crate::book::agenda::{Agenda, order_cold};
use crate::book::care;
use crate::book::complaints::Complaint;
use crate::book::model::{CustomerId, CustomerRow, Tier};
use crate::book::worth::{ColdWorth, rank_by_worth};
use crate::config::Config;
use crate::repository::{Repository, Result, StandingFacts, revenue_of};

/// Days the agenda lists birthdays ahead (today included: a week).
const BIRTHDAY_DAYS: u32 = 6;

pub struct Morning {
    pub agenda: Agenda,
    /// An open complaint puts the customer at risk: it belongs on the morning's list.
    pub open_complaints: Vec<Complaint>,
    /// Each open complaint's customer, by name, in the same order.
    pub complaint_customers: Vec<String>,
    /// How many customers are going cold; `agenda.cold` may hold only the first of them.
    pub cold_total: usize,
    /// How many each list holds in all; the agenda's lists may hold only the first.
    pub totals: Totals,
}

/// How much of each list to read: the first `each` of the follow-up sections and the open
/// complaints, the first `cold` customers going cold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    pub each: usize,
    pub cold: usize,
}

/// The size of each of the morning's lists.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub overdue: usize,
    pub today: usize,
    pub upcoming: usize,
    pub complaints: usize,
}

/// The agenda with follow-ups up to `days` ahead (a follow-up at a time of day is overdue once
/// `now` has passed it), and the first of each list as `shown` says (all: `None`), with every
/// list's size in `totals`.
pub fn read(
    repo: &mut Repository,
    config: &Config,
    now: NaiveDateTime,
    days: u32,
    shown: Option<Shown>,
) -> Result<Morning> {
    let today = now.date();
    let (limit, cold_limit) = shown.map_or((usize::MAX, usize::MAX), |s| (s.each, s.cold));
    let standing = Standing::read(repo, config, today)?;
    let horizon = today
        .checked_add_days(chrono::Days::new(days.into()))
        .unwrap_or(chrono::NaiveDate::MAX);
    let mut agenda = Agenda::build(
        Vec::new(),
        &[],
        &repo.birthdays_within(today, BIRTHDAY_DAYS)?,
        now,
        days,
    );
    let [overdue, due_today, upcoming] = repo.due_sections(now, horizon, limit)?;
    let (complaints, complaints_total) = repo.open_complaints_named(limit)?;
    let totals = Totals {
        overdue: overdue.total,
        today: due_today.total,
        upcoming: upcoming.total,
        complaints: complaints_total,
    };
    (agenda.overdue, agenda.today, agenda.upcoming) =
        (overdue.shown, due_today.shown, upcoming.shown);
    let cold = going_cold(repo, &standing, config)?;
    let cold_total = cold.len();
    agenda.cold = first_cold(repo, &standing, cold, cold_limit)?;
    let (open_complaints, complaint_customers) = complaints.into_iter().unzip();
    Ok(Morning {
        agenda,
        open_complaints,
        complaint_customers,
        cold_total,
        totals,
    })
}

/// Everyone going cold, by id with how many days past the cadence. Judged from the customers
/// with nothing planned quiet for at least the shortest cadence, as the indexes hold them.
fn going_cold(
    repo: &Repository,
    standing: &Standing,
    config: &Config,
) -> Result<Vec<(CustomerId, i64)>> {
    let today = standing.today();
    let shortest = [Some(Tier::A), Some(Tier::B), Some(Tier::C), None]
        .into_iter()
        .filter_map(|t| config.cadence.for_tier(t))
        .min();
    let quiet_before = shortest.and_then(|d| today.checked_sub_days(chrono::Days::new(d.into())));
    // The computed tiers above C, read down the ranking to its first C: everyone below it, or
    // without revenue in the window, is C (or unranked, whatever the revenue).
    let above_c = repo.revenue_from_the_top(|id, amount| {
        matches!(
            standing.computed_tier(id, Some(amount)),
            Some(Tier::A | Tier::B)
        )
    })?;
    // Judged as each quiet customer is read, keeping only who is past their cadence: a big
    // book holds a hundred thousand quiet customers, and most of them are.
    let mut cold = Vec::new();
    // The roll-up holds the last order of all; one dated after today (rare) is read again
    // for the last on or before it.
    let mut ordered_later = Vec::new();
    repo.quiet_customers(today, quiet_before, |q| {
        let tier = q
            .tier
            .or_else(|| standing.computed_tier(q.id, revenue_of(&above_c, q.id)));
        let cadence = standing.cadence(q.cadence_days, tier);
        let Some(days) = care::past_cadence(q.since, cadence, today) else {
            return;
        };
        if q.stage_by_hand.is_none() && q.last_order.is_some_and(|d| d > today) {
            ordered_later.push((q.id, days));
            return;
        }
        let facts = StandingFacts {
            stage_by_hand: q.stage_by_hand,
            revenue: None,
            last_order: q.last_order,
        };
        if !standing.is_lost(&facts) {
            cold.push((q.id, days));
        }
    })?;
    drop(above_c);
    ordered_later.sort_unstable();
    let ids: Vec<CustomerId> = ordered_later.iter().map(|(id, _)| *id).collect();
    let by_today = repo.last_orders_of(&ids, today)?;
    for (id, days) in ordered_later {
        let facts = StandingFacts {
            stage_by_hand: None,
            revenue: None,
            last_order: by_today.get(&id).copied(),
        };
        if !standing.is_lost(&facts) {
            cold.push((id, days));
        }
    }
    Ok(cold)
}

/// The first `limit` of `cold` in the morning's order, as list rows read in full. The coldest
/// decide who they are; the name orders those equally cold, so the rows read are the coldest
/// `limit` and every other one as cold as the last of them.
fn first_cold(
    repo: &Repository,
    standing: &Standing,
    mut cold: Vec<(CustomerId, i64)>,
    limit: usize,
) -> Result<Vec<CustomerRow>> {
    cold.sort_unstable_by_key(|(id, days)| (std::cmp::Reverse(*days), *id));
    match limit.checked_sub(1).map(|last| cold.get(last)) {
        None => cold.clear(),
        Some(Some(&(_, days_of_last))) => cold.retain(|(_, days)| *days >= days_of_last),
        Some(None) => {}
    }
    let ids: Vec<CustomerId> = cold.iter().map(|(id, _)| *id).collect();
    let mut rows: Vec<CustomerRow> = repo.rows_of(&ids)?.into_iter().map(|(r, _)| r).collect();
    standing.finish(repo, &mut rows)?;
    order_cold(&mut rows, standing.today());
    rows.truncate(limit);
    Ok(rows)
}

/// The same morning from the whole book read and ranked, as the list reads it: what the
/// indexed `read` answers like (kept to check it against).
pub fn read_whole_book(
    repo: &Repository,
    config: &Config,
    now: NaiveDateTime,
    days: u32,
) -> Result<Morning> {
    let rows = customer_list::customer_rows(repo, config, now.date())?;
    let agenda = Agenda::build(
        repo.open_follow_ups(None)?,
        &rows,
        &repo.birthdays()?,
        now,
        days,
    );
    let names: HashMap<CustomerId, &str> = rows.iter().map(|r| (r.id, r.name.as_str())).collect();
    let open_complaints: Vec<Complaint> = repo
        .complaints(None)?
        .into_iter()
        .filter(|c| c.draft.status.is_open())
        .collect();
    let complaint_customers = open_complaints
        .iter()
        .map(|c| names.get(&c.draft.customer_id).unwrap_or(&"").to_string())
        .collect();
    Ok(Morning {
        cold_total: agenda.cold.len(),
        totals: Totals {
            overdue: agenda.overdue.len(),
            today: agenda.today.len(),
            upcoming: agenda.upcoming.len(),
            complaints: open_complaints.len(),
        },
        agenda,
        open_complaints,
        complaint_customers,
    })
}

/// Today's share of the customers going cold (`cold`, as the agenda lists them) for the
/// review: the most valuable first (`book::worth`), at most `review_cold_per_day`. Who is
/// going cold stays one rule; only how many the review walks is capped.
pub fn cold_for_review(
    repo: &Repository,
    config: &Config,
    mut cold: Vec<&CustomerRow>,
) -> Result<Vec<CustomerRow>> {
    let cap = config.review_cold_per_day as usize;
    if cold.is_empty() || cap == 0 {
        return Ok(Vec::new());
    }
    let open_deals = repo.open_deal_values(&config.currency)?;
    rank_by_worth(&mut cold, |r| ColdWorth {
        tier: r.tier,
        open_deals: open_deals.get(&r.id).copied().unwrap_or(0),
        days_past: r.cold_by.unwrap_or(0).into(),
        cadence_days: care::cadence(r.cadence_days, config.cadence.for_tier(r.tier)),
    });
    cold.truncate(cap);
    Ok(cold.into_iter().cloned().collect())
}
