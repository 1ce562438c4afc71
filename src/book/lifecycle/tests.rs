use super::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const TODAY: &str = "2026-11-28";

fn orders(dates: &[&str]) -> LifecycleFacts {
    LifecycleFacts {
        order_dates: dates.iter().map(|s| d(s)).collect(),
        ..LifecycleFacts::default()
    }
}

fn stage(facts: &LifecycleFacts) -> StageVerdict {
    derive_stage(facts, d(TODAY))
}

/// Monthly orders ending `last`.
fn monthly(last: &str) -> LifecycleFacts {
    let last = d(last);
    let dates = (0..6).map(|i| last - chrono::Days::new(30 * i)).collect();
    LifecycleFacts {
        order_dates: dates,
        ..LifecycleFacts::default()
    }
}

#[test]
fn no_order_is_a_prospect() {
    let v = stage(&LifecycleFacts::default());
    assert_eq!(
        (v.stage, v.reason.as_str(), v.risk),
        (Stage::Prospect, "no order yet", 0)
    );
    // Future-dated orders do not count yet.
    assert_eq!(stage(&orders(&["2026-12-01"])).stage, Stage::Prospect);
    let with_complaint = LifecycleFacts {
        open_complaints: 1,
        ..LifecycleFacts::default()
    };
    let v = stage(&with_complaint);
    assert_eq!(v.stage, Stage::Prospect);
    assert_eq!(v.reason, "no order yet; open complaint");
    assert_eq!(v.risk, 80);
}

#[test]
fn a_first_order_within_90_days_is_new() {
    let v = stage(&orders(&["2026-11-16"]));
    assert_eq!(
        (v.stage, v.reason.as_str()),
        (Stage::New, "first order 12 days ago")
    );
    assert_eq!(stage(&orders(&["2026-08-30"])).stage, Stage::New, "90 days");
    assert_eq!(
        stage(&orders(&["2026-08-29"])).stage,
        Stage::Active,
        "91 days"
    );
    let v = stage(&orders(&["2026-10-01", "2026-11-01", "2026-11-01"]));
    assert_eq!(v.reason, "first order 58 days ago; 2 orders so far");
    let v = stage(&orders(&["2026-11-27"]));
    assert_eq!(v.reason, "first order 1 day ago");
}

#[test]
fn one_old_order_is_active_with_rhythm_unknown() {
    let v = stage(&orders(&["2026-06-01"]));
    assert_eq!(v.stage, Stage::Active);
    assert_eq!(v.reason, "one order, 180 days ago; rhythm not known yet");
    assert_eq!(v.risk, 49, "180 of 365 days");
}

#[test]
fn ordering_within_rhythm_is_repeat() {
    let v = stage(&monthly("2026-11-18"));
    assert_eq!(v.stage, Stage::Repeat);
    assert_eq!(v.reason, "last order 10 days ago; usually every 30");
    assert_eq!(v.risk, 16, "10 of the 45-day line, at 75");
    // Exactly on the line (45 days) is still within rhythm.
    assert_eq!(stage(&monthly("2026-10-14")).stage, Stage::Repeat);
}

#[test]
fn a_gap_beyond_their_own_rhythm_is_at_risk() {
    let v = stage(&monthly("2026-09-15"));
    assert_eq!(v.stage, Stage::AtRisk);
    assert_eq!(v.reason, "no order for 74 days; usually every 30");
    assert_eq!(v.risk, 99);
    let v = stage(&monthly("2026-10-13"));
    assert_eq!(v.stage, Stage::AtRisk, "46 days, line 45");
    assert_eq!(v.risk, 76);
    // A weekly buyer is late after 14 days (1.5 × 7 = 10.5, but at least a week late).
    let weekly = orders(&["2026-07-01", "2026-07-08", "2026-07-15", "2026-11-14"]);
    assert_eq!(median_gap(&weekly.order_dates), Some(7));
    assert_eq!(stage(&weekly).stage, Stage::Repeat, "14 days");
    let weekly = orders(&["2026-07-01", "2026-07-08", "2026-07-15", "2026-11-13"]);
    assert_eq!(
        stage(&weekly).reason,
        "no order for 15 days; usually every 7"
    );
}

#[test]
fn the_rhythm_is_the_median_gap() {
    let dates: Vec<_> = ["2026-01-01", "2026-01-11", "2026-03-02", "2026-03-12"]
        .iter()
        .map(|s| d(s))
        .collect();
    // Gaps 10, 50, 10: median 10, one slow month does not stretch the rhythm.
    assert_eq!(median_gap(&dates), Some(10));
    assert_eq!(median_gap(&dates[..2]), Some(10));
    assert_eq!(median_gap(&dates[..1]), None);
    assert_eq!(median_gap(&[]), None);
    assert_eq!(at_risk_after(30), 45);
    assert_eq!(at_risk_after(7), 14);
    assert_eq!(at_risk_after(31), 47);
}

#[test]
fn contact_silence_beyond_cadence_is_at_risk() {
    let mut facts = monthly("2026-11-18");
    facts.last_contact = Some(d("2026-10-14"));
    facts.cadence_days = Some(30);
    let v = stage(&facts);
    assert_eq!(v.stage, Stage::AtRisk);
    assert_eq!(v.reason, "silent 45 days (cadence 30)");
    assert_eq!(v.risk, 90);
    facts.last_contact = Some(d("2026-10-29"));
    let v = stage(&facts);
    assert_eq!(v.stage, Stage::Repeat, "30 days is on cadence, not beyond");
    assert_eq!(v.risk, 60);
    facts.cadence_days = None;
    assert_eq!(stage(&facts).risk, 16, "no cadence, no silence signal");
}

#[test]
fn an_open_complaint_is_at_risk_and_signals_add_up() {
    let mut facts = orders(&["2026-11-20"]);
    facts.open_complaints = 1;
    let v = stage(&facts);
    assert_eq!(
        (v.stage, v.reason.as_str(), v.risk),
        (Stage::AtRisk, "open complaint", 80)
    );
    let mut facts = monthly("2026-09-15");
    facts.open_complaints = 2;
    facts.last_contact = Some(d("2026-10-14"));
    facts.cadence_days = Some(30);
    let v = stage(&facts);
    assert_eq!(
        v.reason,
        "2 open complaints; no order for 74 days; usually every 30; silent 45 days (cadence 30)"
    );
    assert_eq!(v.risk, 99);
}

#[test]
fn a_year_without_orders_or_a_mark_is_lost() {
    let v = stage(&orders(&["2025-11-28"]));
    assert_eq!(
        (v.stage, v.reason.as_str(), v.risk),
        (Stage::Lost, "no order for 365 days", 100)
    );
    assert_eq!(stage(&orders(&["2025-11-29"])).stage, Stage::Active);
    let mut facts = orders(&["2026-11-20"]);
    facts.marked_lost = true;
    let v = stage(&facts);
    assert_eq!((v.stage, v.reason.as_str()), (Stage::Lost, "marked lost"));
}

#[test]
fn a_manual_stage_wins() {
    let v = stage(&orders(&["2026-11-20"]));
    assert_eq!(effective_stage(&v, None), (Stage::New, false));
    assert_eq!(
        effective_stage(&v, Some(Stage::Active)),
        (Stage::Active, true)
    );
}

#[test]
fn lost_is_what_the_derived_stage_and_a_hand_set_one_make_it() {
    let today = d(TODAY);
    let cases: [(&[&str], Option<Stage>); 7] = [
        (&[], None),
        (&["2025-11-28"], None),
        (&["2025-11-29"], None),
        (&["2024-01-01", "2027-01-01"], None),
        (&["2020-01-01"], Some(Stage::Active)),
        (&[], Some(Stage::Lost)),
        (&["2026-11-01"], Some(Stage::Lost)),
    ];
    for (dates, by_hand) in cases {
        let facts = LifecycleFacts {
            marked_lost: by_hand == Some(Stage::Lost),
            ..orders(dates)
        };
        let (applied, _) = effective_stage(&derive_stage(&facts, today), by_hand);
        assert_eq!(
            is_lost(by_hand, &facts.order_dates, today),
            applied == Stage::Lost,
            "{dates:?} {by_hand:?}"
        );
    }
    assert!(lapsed(&[d("2025-11-28")], today));
    assert!(!lapsed(&[d("2025-11-29")], today));
}
