//! Deals: won orders and open opportunities, what they add up to, and which open ones matter most.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::model::{CustomerId, vocabulary};

pub type DealId = i64;

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
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn draft(stage: DealStage, amount: i64) -> DealDraft {
        DealDraft {
            customer_id: 1,
            title: "valves".into(),
            amount,
            currency: "CNY".into(),
            stage,
            expected_close: None,
            closed_on: None,
        }
    }

    fn won(id: DealId, customer: CustomerId, on: &str, amount: i64, currency: &str) -> Deal {
        Deal {
            id,
            draft: DealDraft {
                customer_id: customer,
                currency: currency.into(),
                closed_on: Some(d(on)),
                ..draft(DealStage::Won, amount)
            },
        }
    }

    fn fields(r: Result<(), FieldErrors>) -> Vec<&'static str> {
        r.err()
            .unwrap_or_default()
            .into_iter()
            .map(|(f, _)| f)
            .collect()
    }

    #[test]
    fn stages_read_and_open_ones_are_the_pipeline() {
        assert_eq!(
            DealStage::parse("Negotiation"),
            Some(DealStage::Negotiation)
        );
        let open: Vec<_> = DealStage::ALL.iter().filter(|s| s.is_open()).collect();
        assert_eq!(open.len(), 4);
        assert!(!DealStage::Won.is_open() && !DealStage::Lost.is_open());
    }

    #[test]
    fn check_wants_a_date_for_won_and_none_for_open() {
        let mut won = draft(DealStage::Won, 100);
        assert_eq!(fields(check(&won)), vec!["closed_on"]);
        won.closed_on = Some(d("2026-11-01"));
        assert_eq!(check(&won), Ok(()));

        let mut open = draft(DealStage::Proposal, 100);
        assert_eq!(check(&open), Ok(()));
        open.closed_on = Some(d("2026-11-01"));
        let errors = check(&open).unwrap_err();
        assert_eq!(errors[0].0, "closed_on");
        assert!(errors[0].1.contains("proposal"), "{errors:?}");

        let mut lost = draft(DealStage::Lost, 100);
        assert_eq!(check(&lost), Ok(()), "a lost deal may have no date");
        lost.closed_on = Some(d("2026-11-01"));
        assert_eq!(check(&lost), Ok(()));
    }

    #[test]
    fn check_wants_a_title_an_amount_and_a_currency() {
        let mut bad = draft(DealStage::Lead, -1);
        bad.title = "  ".into();
        bad.currency = "元".into();
        assert_eq!(fields(check(&bad)), vec!["title", "amount", "currency"]);
        let mut zero = draft(DealStage::Lead, 0);
        zero.currency = "usd".into();
        assert_eq!(check(&zero), Ok(()), "a zero-value lead is fine");
    }

    #[test]
    fn trailing_year_includes_both_ends() {
        assert_eq!(
            last_12_months(d("2026-11-28")),
            (d("2025-11-29"), d("2026-11-28"))
        );
        assert_eq!(
            last_12_months(d("2028-02-29")),
            (d("2027-03-01"), d("2028-02-29"))
        );
    }

    #[test]
    fn revenue_counts_won_orders_in_the_period_and_currency() {
        let deals = vec![
            won(1, 7, "2026-01-01", 1_000, "CNY"),
            won(2, 7, "2026-06-30", 2_000, "cny"),
            won(3, 7, "2025-12-31", 4_000, "CNY"), // before the period
            won(4, 7, "2026-03-01", 8_000, "USD"), // another currency
            won(5, 8, "2026-03-01", 16_000, "CNY"), // another customer
            Deal {
                id: 6,
                draft: DealDraft {
                    customer_id: 7,
                    ..draft(DealStage::Negotiation, 32_000)
                },
            },
        ];
        let (from, to) = (d("2026-01-01"), d("2026-06-30"));
        assert_eq!(revenue(&deals, 7, "CNY", from, to), 3_000);
        assert_eq!(revenue(&deals, 7, "USD", from, to), 8_000);
        assert_eq!(revenue(&deals, 9, "CNY", from, to), 0);
        assert_eq!(
            revenue_by_customer(&deals, "CNY", from, to),
            vec![(7, 3_000), (8, 16_000)]
        );
        let big = vec![
            won(1, 7, "2026-01-01", i64::MAX, "CNY"),
            won(2, 7, "2026-01-02", i64::MAX, "CNY"),
        ];
        assert_eq!(revenue(&big, 7, "CNY", from, to), i64::MAX, "saturates");
    }

    #[test]
    fn score_is_value_times_stage_times_timing() {
        let today = d("2026-11-28");
        let mut deal = draft(DealStage::Negotiation, 10_000_000);
        deal.expected_close = Some(d("2026-12-15"));
        assert_eq!(open_pipeline_score(&deal, today), 8_000_000);
        deal.stage = DealStage::Lead;
        deal.expected_close = None;
        assert_eq!(open_pipeline_score(&deal, today), 300_000);
        deal.stage = DealStage::Proposal;
        for (close, pct) in [
            ("2026-11-28", 100),
            ("2026-12-28", 100),
            ("2026-12-29", 70),
            ("2027-02-26", 70),
            ("2027-02-27", 40),
            ("2027-05-27", 40),
            ("2027-05-28", 20),
            ("2026-11-27", 50),
            ("2026-08-30", 50),
            ("2026-08-29", 10),
        ] {
            deal.expected_close = Some(d(close));
            assert_eq!(
                open_pipeline_score(&deal, today),
                10_000_000 / 100 * 50 * pct / 100,
                "{close}"
            );
        }
        deal.stage = DealStage::Won;
        assert_eq!(open_pipeline_score(&deal, today), 0);
        let huge = DealDraft {
            expected_close: Some(today),
            ..draft(DealStage::Negotiation, i64::MAX)
        };
        assert!(open_pipeline_score(&huge, today) > 0);
    }

    #[test]
    fn top_opportunities_best_first_in_the_book_currency() {
        let today = d("2026-11-28");
        let open = |id, stage, amount, close: Option<&str>, currency: &str| Deal {
            id,
            draft: DealDraft {
                currency: currency.into(),
                expected_close: close.map(d),
                ..draft(stage, amount)
            },
        };
        let deals = vec![
            open(1, DealStage::Lead, 1_000_000, None, "CNY"),
            open(
                2,
                DealStage::Negotiation,
                100_000,
                Some("2026-12-01"),
                "CNY",
            ),
            open(
                3,
                DealStage::Negotiation,
                900_000,
                Some("2027-06-01"),
                "USD",
            ),
            open(4, DealStage::Proposal, 200_000, Some("2026-12-10"), "CNY"),
            open(5, DealStage::Proposal, 200_000, Some("2026-12-05"), "CNY"),
            won(6, 1, "2026-11-01", 9_000_000, "CNY"),
        ];
        let top: Vec<(DealId, i64)> = top_opportunities(&deals, "CNY", today, 3)
            .into_iter()
            .map(|(deal, score)| (deal.id, score))
            .collect();
        assert_eq!(top, vec![(5, 100_000), (4, 100_000), (2, 80_000)]);
    }
}
