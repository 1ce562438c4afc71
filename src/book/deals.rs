//! Deals: won orders and open opportunities, what they add up to, and which open ones matter most.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::model::{CustomerId, vocabulary};

pub use super::ids::DealId;

vocabulary!(
    /// How far a deal has come. Won and Lost are closed; the rest are the open pipeline.
    DealStage {
        Lead => "lead", "lead";
        Qualified => "qualified", "qualified";
        Proposal => "proposal", "proposal";
        Negotiation => "negotiation", "negotiation";
        Won => "won", "won";
        Lost => "lost", "lost";
    }
);

impl DealStage {
    pub fn is_open(self) -> bool {
        !matches!(self, DealStage::Won | DealStage::Lost)
    }

    /// The chance, in percent, that an open deal at this stage closes (0 for closed deals).
    pub fn weight_pct(self) -> i64 {
        match self {
            DealStage::Lead => 10,
            DealStage::Qualified => 30,
            DealStage::Proposal => 50,
            DealStage::Negotiation => 80,
            DealStage::Won | DealStage::Lost => 0,
        }
    }
}

/// A won order (stage Won, `closed_on` = the order date) or an opportunity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DealDraft {
    pub customer_id: CustomerId,
    /// What was sold or is on offer.
    pub title: String,
    /// Minor units (fen, cents): the order's value, or the expected value while open.
    pub amount: i64,
    /// ISO code, e.g. `CNY`.
    pub currency: String,
    pub stage: DealStage,
    pub expected_close: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deal {
    pub id: DealId,
    pub draft: DealDraft,
}

/// What is wrong with a form, field by field: (field name, message).
pub type FieldErrors = Vec<(&'static str, String)>;

/// A deal is saved only when it makes sense: a title, a non-negative amount, a currency code,
/// a date for a won order and none for an open deal.
pub fn check(d: &DealDraft) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    if d.title.trim().is_empty() {
        errors.push(("title", "say what was sold or offered".into()));
    }
    if d.amount < 0 {
        errors.push(("amount", "the amount cannot be negative".into()));
    }
    let code = d.currency.trim();
    if code.len() != 3 || !code.chars().all(|c| c.is_ascii_alphabetic()) {
        errors.push((
            "currency",
            format!("\"{code}\" is not a currency code such as CNY or USD"),
        ));
    }
    match (d.stage, d.closed_on) {
        (DealStage::Won, None) => {
            errors.push(("closed_on", "a won order needs its order date".into()));
        }
        (stage, Some(_)) if stage.is_open() => errors.push((
            "closed_on",
            format!(
                "a deal still at {} has no close date yet (use expected close)",
                stage.label()
            ),
        )),
        _ => {}
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// The twelve months ending today, both ends included: 2025-11-29 ..= 2026-11-28.
pub fn last_12_months(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let from = today
        .checked_sub_months(Months::new(12))
        .and_then(|d| d.succ_opt())
        .unwrap_or(today);
    (from, today)
}

/// The order date of a won deal in `currency` (case-insensitive), if it is one.
fn won_in(deal: &DealDraft, currency: &str) -> Option<NaiveDate> {
    let same = deal.currency.trim().eq_ignore_ascii_case(currency.trim());
    (deal.stage == DealStage::Won && same)
        .then_some(deal.closed_on)
        .flatten()
}

/// Revenue of one customer: won deals in the book currency with an order date in
/// `from ..= to`. Deals in other currencies are left out: the book converts nothing.
pub fn revenue(
    deals: &[Deal],
    customer: CustomerId,
    book_currency: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> i64 {
    deals
        .iter()
        .filter(|d| d.draft.customer_id == customer)
        .filter(|d| won_in(&d.draft, book_currency).is_some_and(|on| on >= from && on <= to))
        .fold(0i64, |sum, d| sum.saturating_add(d.draft.amount))
}

/// Revenue of every customer with a won deal in the period, by customer id (the input of
/// `tiers::compute_tiers`, after adding the customers with none at 0).
pub fn revenue_by_customer(
    deals: &[Deal],
    book_currency: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<(CustomerId, i64)> {
    let mut sums = std::collections::BTreeMap::<CustomerId, i64>::new();
    for d in deals {
        if won_in(&d.draft, book_currency).is_some_and(|on| on >= from && on <= to) {
            let sum = sums.entry(d.draft.customer_id).or_default();
            *sum = sum.saturating_add(d.draft.amount);
        }
    }
    sums.into_iter().collect()
}

/// Percent weight for when an open deal is expected to close, counted from today.
pub fn timing_weight_pct(expected_close: Option<NaiveDate>, today: NaiveDate) -> i64 {
    let Some(close) = expected_close else {
        return 30;
    };
    match (close - today).num_days() {
        d if d < -90 => 10,
        d if d < 0 => 50,
        0..=30 => 100,
        31..=90 => 70,
        91..=180 => 40,
        _ => 20,
    }
}

/// Ranks open deals for "top opportunities by value × recency":
///
/// `score = amount × stage weight × timing weight / 10,000`, in minor units, where
/// - stage weight: lead 10%, qualified 30%, proposal 50%, negotiation 80%;
/// - timing weight, from the expected close date: within the next 30 days 100%, 31-90 days 70%,
///   91-180 days 40%, later 20%; slipped (past, up to 90 days) 50%, past by more than 90 days
///   10%; no date 30%.
///
/// So ¥100,000 in negotiation closing this month scores ¥80,000, and the same amount as a
/// lead with no date ¥3,000. Won and lost deals score 0.
pub fn open_pipeline_score(deal: &DealDraft, today: NaiveDate) -> i64 {
    if !deal.stage.is_open() {
        return 0;
    }
    let score = i128::from(deal.amount.max(0))
        * i128::from(deal.stage.weight_pct())
        * i128::from(timing_weight_pct(deal.expected_close, today))
        / 10_000;
    i64::try_from(score).unwrap_or(i64::MAX)
}

/// The `n` open deals in the book currency with the highest score, best first (ties: the
/// earlier expected close, then the lower id). Other currencies cannot be compared and are
/// left out.
pub fn top_opportunities<'a>(
    deals: &'a [Deal],
    book_currency: &str,
    today: NaiveDate,
    n: usize,
) -> Vec<(&'a Deal, i64)> {
    let mut ranked: Vec<(&Deal, i64)> = deals
        .iter()
        .filter(|d| d.draft.stage.is_open())
        .filter(|d| {
            d.draft
                .currency
                .trim()
                .eq_ignore_ascii_case(book_currency.trim())
        })
        .map(|d| (d, open_pipeline_score(&d.draft, today)))
        .collect();
    ranked.sort_by(|(a, sa), (b, sb)| {
        sb.cmp(sa)
            .then_with(|| {
                let key = |d: &Deal| (d.draft.expected_close.is_none(), d.draft.expected_close);
                key(a).cmp(&key(b))
            })
            .then(a.id.cmp(&b.id))
    });
    ranked.truncate(n);
    ranked
}

#[cfg(test)]
mod tests;
