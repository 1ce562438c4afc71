use super::*;
use crate::book::complaints::ComplaintDraft;
use crate::book::deals::DealDraft;
use crate::book::model::Overrides;
use crate::book::model::{Channel, CustomerDraft, FollowUpDraft, FollowUpId, InteractionDraft};
use crate::book::report::VisitReason;
use crate::demo::{self, DemoSize};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Saturday 28 November 2026: this week is 23-29 November, last week 16-22.
fn now() -> chrono::NaiveDateTime {
    "2026-11-28T09:30:00".parse().unwrap()
}

fn new_year() -> chrono::NaiveDateTime {
    "2026-01-01T09:00:00".parse().unwrap()
}

fn today() -> NaiveDate {
    now().date()
}

struct Ids {
    xinghe: CustomerId,
    northwind: CustomerId,
    acme: CustomerId,
    quiet: CustomerId,
    lost: CustomerId,
    hand_a: CustomerId,
}

fn customer(repo: &mut Repository, name: &str, city: &str) -> CustomerId {
    repo.add_customer(&CustomerDraft {
        name: name.into(),
        city: city.into(),
        ..Default::default()
    })
    .unwrap()
}

fn deal(customer_id: CustomerId, stage: DealStage, amount: i64, on: &str) -> DealDraft {
    let won = stage == DealStage::Won;
    DealDraft {
        customer_id,
        title: format!("order {on}"),
        amount,
        currency: "CNY".into(),
        stage,
        expected_close: (!won && !on.is_empty()).then(|| d(on)),
        closed_on: won.then(|| d(on)),
    }
}

fn contact(repo: &mut Repository, customer_id: CustomerId, at: &str, channel: Channel) {
    let draft = InteractionDraft {
        customer_id,
        contact_id: None,
        at: format!("{at}T10:00:00").parse().unwrap(),
        channel,
        summary: "talked".into(),
        outcome: None,
    };
    repo.log_interaction(&draft, None).unwrap();
}

fn follow_up(repo: &mut Repository, customer_id: CustomerId, due: &str) -> FollowUpId {
    repo.add_follow_up(&FollowUpDraft {
        customer_id,
        due_on: d(due),
        due_time: None,
        task: "call back".into(),
        repeat: None,
    })
    .unwrap()
}

/// Six customers in the book since New Year:
/// - 星河科技 (上海): ordered monthly all year, A; in touch this week;
/// - Northwind (Shanghai): monthly (median gap 31 days) until mid-September, B, at risk; a follow-up due Tuesday;
/// - Acme (Hangzhou): one order this month, an open complaint; silent since September, a
///   follow-up overdue;
/// - Quiet Ltd (shanghai): never ordered, never contacted; a lead with no date;
/// - Lost Co (Shanghai): marked lost by hand;
/// - Hand A (Suzhou): A by hand, no revenue, never contacted.
fn book() -> (Repository, Ids) {
    let mut repo = Repository::open_in_memory().unwrap();
    repo.set_clock(new_year);
    let ids = Ids {
        xinghe: customer(&mut repo, "星河科技", "上海"),
        northwind: customer(&mut repo, "Northwind", "Shanghai"),
        acme: customer(&mut repo, "Acme", "Hangzhou"),
        quiet: customer(&mut repo, "Quiet Ltd", "shanghai "),
        lost: customer(&mut repo, "Lost Co", "Shanghai"),
        hand_a: customer(&mut repo, "Hand A", "Suzhou"),
    };
    repo.set_clock(now);
    for month in [
        "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05",
    ]
    .into_iter()
    .chain([
        "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11",
    ]) {
        let on = format!("{month}-18");
        repo.add_deal(&deal(ids.xinghe, DealStage::Won, 100_000, &on))
            .unwrap();
    }
    for month in 4..=9 {
        let on = format!("2026-{month:02}-15");
        repo.add_deal(&deal(ids.northwind, DealStage::Won, 30_000, &on))
            .unwrap();
    }
    repo.add_deal(&deal(ids.acme, DealStage::Won, 20_000, "2026-11-01"))
        .unwrap();
    repo.add_deal(&deal(ids.lost, DealStage::Won, 50_000, "2025-06-01"))
        .unwrap();
    repo.add_deal(&deal(
        ids.xinghe,
        DealStage::Negotiation,
        1_000_000,
        "2026-12-10",
    ))
    .unwrap();
    repo.add_deal(&deal(ids.quiet, DealStage::Lead, 500_000, ""))
        .unwrap();
    let dollars = DealDraft {
        currency: "USD".into(),
        ..deal(ids.northwind, DealStage::Proposal, 9_000_000, "2026-12-01")
    };
    repo.add_deal(&dollars).unwrap();

    contact(&mut repo, ids.xinghe, "2026-11-24", Channel::Visit);
    contact(&mut repo, ids.xinghe, "2026-11-27", Channel::WeChat);
    contact(&mut repo, ids.northwind, "2026-11-18", Channel::Call);
    contact(&mut repo, ids.acme, "2026-09-01", Channel::WeChat);

    let late = follow_up(&mut repo, ids.xinghe, "2026-11-20");
    let on_time = follow_up(&mut repo, ids.xinghe, "2026-11-30");
    repo.complete_follow_up(late, today()).unwrap();
    repo.complete_follow_up(on_time, today()).unwrap();
    follow_up(&mut repo, ids.northwind, "2026-12-01");
    follow_up(&mut repo, ids.acme, "2026-11-25");

    repo.add_complaint(&ComplaintDraft {
        customer_id: ids.acme,
        opened_on: d("2026-11-20"),
        what: "late delivery".into(),
        severity: Severity::High,
        status: ComplaintStatus::Open,
        resolved_on: None,
        resolution: String::new(),
        satisfaction: None,
    })
    .unwrap();
    repo.add_complaint(&ComplaintDraft {
        customer_id: ids.xinghe,
        opened_on: d("2026-10-01"),
        what: "wrong invoice".into(),
        severity: Severity::Low,
        status: ComplaintStatus::Resolved,
        resolved_on: Some(d("2026-10-03")),
        resolution: "re-issued".into(),
        satisfaction: Some(4),
    })
    .unwrap();

    let hand = |tier, stage, why: &str| Overrides {
        tier,
        tier_reason: why.into(),
        stage,
        stage_reason: why.into(),
    };
    repo.set_overrides(
        ids.lost,
        &hand(None, Some(Stage::Lost), "moved to a competitor"),
    )
    .unwrap();
    repo.set_overrides(ids.hand_a, &hand(Some(Tier::A), None, "new plant"))
        .unwrap();
    repo.record_greeting(ids.xinghe, "new_year", 2027, today())
        .unwrap();
    (repo, ids)
}

fn load(repo: &Repository) -> Dashboard {
    Dashboard::load(repo, today(), &Config::default()).unwrap()
}

#[test]
fn tiers_are_computed_and_hand_set_ones_win() {
    let (repo, _) = book();
    let dash = load(&repo);
    assert_eq!(dash.customers, 6);
    assert_eq!(dash.currency, "CNY");
    assert_eq!(dash.revenue_12_months, 1_400_000);
    let tiers: Vec<_> = dash
        .tiers
        .iter()
        .map(|t| (t.tier, t.customers, t.revenue, t.share_pct))
        .collect();
    assert_eq!(
        tiers,
        vec![
            (Tier::A, 2, 1_200_000, 86),
            (Tier::B, 1, 180_000, 13),
            (Tier::C, 3, 20_000, 1),
        ],
        "星河 and Hand A (by hand) are A, Northwind B, the rest C"
    );
    assert_eq!(dash.tiers_set_by_hand, 1);
}

#[test]
fn stages_counted_with_the_hand_set_lost() {
    let (repo, ids) = book();
    let dash = load(&repo);
    let count = |stage| {
        dash.stages
            .iter()
            .find(|s| s.stage == stage)
            .map(|s| s.customers)
    };
    assert_eq!(dash.stages.len(), Stage::ALL.len());
    assert_eq!(count(Stage::Prospect), Some(2), "Quiet, Hand A");
    assert_eq!(count(Stage::Repeat), Some(1), "星河");
    assert_eq!(count(Stage::AtRisk), Some(2), "Northwind, Acme");
    assert_eq!(count(Stage::Lost), Some(1), "marked lost");
    assert_eq!(count(Stage::New), Some(0));
    assert_eq!(dash.stages_set_by_hand, 1);

    let risky: Vec<_> = dash
        .at_risk
        .items
        .iter()
        .map(|r| (r.customer_id, r.risk, r.reason.as_str()))
        .collect();
    assert_eq!(
        risky,
        vec![
            (ids.northwind, 99, "no order for 74 days; usually every 31"),
            (ids.acme, 93, "open complaint; silent 88 days (cadence 60)"),
        ]
    );
    assert_eq!(dash.at_risk.total, 2);
}

#[test]
fn going_cold_by_tier_then_coldest_and_never_the_lost() {
    let (repo, ids) = book();
    let dash = load(&repo);
    let cold: Vec<_> = dash
        .going_cold
        .items
        .iter()
        .map(|c| (c.customer_id, c.tier, c.days_past))
        .collect();
    // Hand A: A cadence 14, in the book 331 days; Quiet: C 60. Acme (C 60, silent 88 days)
    // has a follow-up planned, so it is not going cold: the follow-up is the next contact.
    assert_eq!(
        cold,
        vec![
            (ids.hand_a, Some(Tier::A), 317),
            (ids.quiet, Some(Tier::C), 271),
        ]
    );
    assert!(
        dash.going_cold
            .items
            .iter()
            .all(|c| c.customer_id != ids.lost)
    );
    assert_eq!(dash.going_cold.total, 2);
}

#[test]
fn complaints_opportunities_and_activity() {
    let (repo, ids) = book();
    let dash = load(&repo);
    assert_eq!(dash.open_complaints.total, 1);
    let c = &dash.open_complaints.items[0];
    assert_eq!(
        (c.customer_id, c.customer.as_str(), c.days_open, c.severity),
        (ids.acme, "Acme", 8, Severity::High)
    );

    let top: Vec<_> = dash
        .top_opportunities
        .items
        .iter()
        .map(|o| (o.customer_id, o.score))
        .collect();
    assert_eq!(
        top,
        vec![(ids.xinghe, 800_000), (ids.quiet, 15_000)],
        "the dollar deal is not ranked"
    );
    assert_eq!(dash.top_opportunities.total, 2);
    assert_eq!(dash.open_pipeline, 1_500_000);

    let week = |c| {
        dash.contacts
            .iter()
            .find(|w| w.channel == c)
            .map(|w| (w.this_week, w.last_week))
    };
    assert_eq!(week(Channel::Visit), Some((1, 0)));
    assert_eq!(
        week(Channel::WeChat),
        Some((1, 0)),
        "September's does not count"
    );
    assert_eq!(week(Channel::Call), Some((0, 1)));
    assert_eq!(
        dash.follow_ups,
        Timeliness {
            on_time: 1,
            late: 1
        }
    );
    assert_eq!(dash.revenue_by_month.len(), 12);
    let nov = dash.revenue_by_month.last().unwrap();
    assert_eq!((nov.month, nov.total), (d("2026-11-01"), 120_000));
}

#[test]
fn visits_by_city_and_who_to_greet() {
    let (repo, ids) = book();
    let dash = load(&repo);
    let plan = &dash.visit_plan;
    let cities: Vec<_> = plan
        .cities
        .items
        .iter()
        .map(|c| (c.city.as_str(), c.total))
        .collect();
    assert_eq!(
        cities,
        vec![("Shanghai", 2), ("Suzhou", 1), ("Hangzhou", 1)],
        "the lost customer is not planned; an A customer puts Suzhou before Hangzhou"
    );
    assert_eq!(plan.customers, 4);
    let shanghai: Vec<_> = plan.cities.items[0]
        .visits
        .iter()
        .map(|v| v.customer_id)
        .collect();
    assert_eq!(shanghai, vec![ids.northwind, ids.quiet], "due before cold");
    assert_eq!(
        plan.cities.items[2].visits[0].reasons,
        vec![VisitReason::Overdue { days: 3 }],
        "a follow-up is planned: overdue, not going cold"
    );

    let g = dash.greetings.as_ref().expect("New Year is coming");
    assert_eq!((g.holiday.key, g.days_until), ("new_year", 34));
    let who: Vec<_> = g.to_greet.items.iter().map(|p| p.customer_id).collect();
    assert_eq!(
        who,
        vec![ids.hand_a, ids.northwind],
        "A and B, 星河 already greeted, the lost left out"
    );
}

#[test]
fn an_empty_book_has_an_empty_dashboard() {
    let repo = Repository::open_in_memory().unwrap();
    let dash = load(&repo);
    assert_eq!(dash.customers, 0);
    assert!(
        dash.tiers
            .iter()
            .all(|t| t.customers == 0 && t.share_pct == 0)
    );
    assert!(dash.at_risk.items.is_empty() && dash.going_cold.total == 0);
    assert!(dash.visit_plan.cities.items.is_empty());
    assert_eq!(dash.top_opportunities.total, 0);
    let g = dash.greetings.expect("there is always a next holiday");
    assert_eq!(g.to_greet.total, 0);
    assert!(serde_json::to_string(&load(&repo)).is_ok());
}

#[test]
fn lists_are_bounded_but_count_everyone() {
    let mut repo = Repository::open_in_memory().unwrap();
    repo.set_clock(new_year);
    for i in 0..(LIST_LIMIT + 5) {
        customer(&mut repo, &format!("Silent {i:02}"), "Ningbo");
    }
    let dash = load(&repo);
    assert_eq!(dash.going_cold.total, LIST_LIMIT + 5);
    assert_eq!(dash.going_cold.items.len(), LIST_LIMIT);
    assert_eq!(dash.going_cold.more(), 5);
    let ningbo = &dash.visit_plan.cities.items[0];
    assert_eq!((ningbo.total, ningbo.visits.len()), (15, VISITS_PER_CITY));
}

#[test]
fn the_demo_book_has_a_lively_dashboard() {
    let mut repo = Repository::open_in_memory().unwrap();
    demo::generate(&mut repo, DemoSize::with_customers(300), now()).unwrap();
    let dash = load(&repo);
    for tier in &dash.tiers {
        assert!(tier.customers > 0, "{:?}", dash.tiers);
    }
    let a = &dash.tiers[0];
    assert!(a.share_pct >= 60, "A brings most of the revenue: {a:?}");
    let stages = dash.stages.iter().filter(|s| s.customers > 0).count();
    assert!(stages >= 4, "{:?}", dash.stages);
    assert!(dash.at_risk.total >= 5, "{}", dash.at_risk.total);
    assert!(dash.at_risk.items.iter().all(|r| !r.reason.is_empty()));
    assert!(dash.open_complaints.total >= 1);
    assert!(dash.top_opportunities.total >= 3);
    assert!(dash.going_cold.total >= 1);
    assert!(
        dash.visit_plan.cities.total >= 3,
        "{:?}",
        dash.visit_plan.cities
    );
    assert!(
        dash.visit_plan
            .cities
            .items
            .iter()
            .all(|c| !c.visits.is_empty())
    );
    assert!(dash.contacts.iter().any(|w| w.this_week + w.last_week > 0));
    assert!(dash.revenue_by_month.iter().filter(|m| m.total > 0).count() >= 10);
    assert!(dash.follow_ups.on_time + dash.follow_ups.late > 0);
    let g = dash.greetings.as_ref().unwrap();
    assert!(g.to_greet.total > 0);
}
