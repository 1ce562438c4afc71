use super::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn draft(stage: DealStage, amount: i64) -> DealDraft {
    DealDraft {
        customer_id: CustomerId(1),
        title: "valves".into(),
        amount,
        currency: "CNY".into(),
        stage,
        expected_close: None,
        closed_on: None,
    }
}

fn won(id: i64, customer: i64, on: &str, amount: i64, currency: &str) -> Deal {
    Deal {
        id: DealId(id),
        draft: DealDraft {
            customer_id: CustomerId(customer),
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
            id: DealId(6),
            draft: DealDraft {
                customer_id: CustomerId(7),
                ..draft(DealStage::Negotiation, 32_000)
            },
        },
    ];
    let (from, to) = (d("2026-01-01"), d("2026-06-30"));
    assert_eq!(revenue(&deals, CustomerId(7), "CNY", from, to), 3_000);
    assert_eq!(revenue(&deals, CustomerId(7), "USD", from, to), 8_000);
    assert_eq!(revenue(&deals, CustomerId(9), "CNY", from, to), 0);
    assert_eq!(
        revenue_by_customer(&deals, "CNY", from, to),
        vec![(CustomerId(7), 3_000), (CustomerId(8), 16_000)]
    );
    let big = vec![
        won(1, 7, "2026-01-01", i64::MAX, "CNY"),
        won(2, 7, "2026-01-02", i64::MAX, "CNY"),
    ];
    assert_eq!(
        revenue(&big, CustomerId(7), "CNY", from, to),
        i64::MAX,
        "saturates"
    );
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
        id: DealId(id),
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
    let top: Vec<(i64, i64)> = top_opportunities(&deals, "CNY", today, 3)
        .into_iter()
        .map(|(deal, score)| (deal.id.get(), score))
        .collect();
    assert_eq!(top, vec![(5, 100_000), (4, 100_000), (2, 80_000)]);
}
