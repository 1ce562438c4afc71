use super::*;
use crate::book::deals::{DealDraft, DealId};
use crate::book::model::CustomerId;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

// 2026-11-28 is a Saturday: this week is 23-29 November, last week 16-22.
const TODAY: &str = "2026-11-28";

#[test]
fn weeks_start_on_monday() {
    assert_eq!(week_start(d("2026-11-28")), d("2026-11-23"));
    assert_eq!(week_start(d("2026-11-23")), d("2026-11-23"));
    assert_eq!(
        week_start(d("2026-11-29")),
        d("2026-11-23"),
        "Sunday ends the week"
    );
    assert_eq!(week_start(d("2026-11-30")), d("2026-11-30"));
}

#[test]
fn contacts_this_week_and_last_by_channel() {
    let contacts = vec![
        (d("2026-11-23"), Channel::Visit),
        (d("2026-11-29"), Channel::Visit),
        (d("2026-11-22"), Channel::Visit),
        (d("2026-11-16"), Channel::Call),
        (d("2026-11-15"), Channel::Call), // the week before last
        (d("2026-11-30"), Channel::Call), // next week
        (d("2026-11-25"), Channel::WeChat),
    ];
    let weeks = contacts_by_channel(&contacts, d(TODAY));
    assert_eq!(weeks.len(), Channel::ALL.len());
    let of = |c: Channel| {
        weeks
            .iter()
            .find(|w| w.channel == c)
            .map(|w| (w.this_week, w.last_week))
    };
    assert_eq!(of(Channel::Visit), Some((2, 1)));
    assert_eq!(of(Channel::Call), Some((0, 1)));
    assert_eq!(of(Channel::WeChat), Some((1, 0)));
    assert_eq!(of(Channel::Email), Some((0, 0)));
    assert_eq!(weeks[0].channel, Channel::ALL[0]);
}

#[test]
fn on_time_is_done_by_the_due_day() {
    let done = [
        (d("2026-11-20"), d("2026-11-19")),
        (d("2026-11-20"), d("2026-11-20")),
        (d("2026-11-20"), d("2026-11-21")),
    ];
    assert_eq!(
        follow_up_timeliness(&done),
        Timeliness {
            on_time: 2,
            late: 1
        }
    );
    assert_eq!(follow_up_timeliness(&[]), Timeliness::default());
}

fn won(on: &str, amount: i64, currency: &str, stage: DealStage) -> Deal {
    Deal {
        id: DealId(1),
        draft: DealDraft {
            customer_id: CustomerId(1),
            title: "order".into(),
            amount,
            currency: currency.into(),
            stage,
            expected_close: None,
            closed_on: Some(d(on)),
        },
    }
}

#[test]
fn revenue_for_the_twelve_months_ending_this_one() {
    let deals = vec![
        won("2025-12-01", 100, "CNY", DealStage::Won),
        won("2025-12-31", 200, "CNY", DealStage::Won),
        won("2025-11-30", 400, "CNY", DealStage::Won), // 13 months back
        won("2026-11-30", 800, "cny", DealStage::Won), // later this month still counts
        won("2026-06-15", 1_600, "USD", DealStage::Won),
        won("2026-06-15", 3_200, "CNY", DealStage::Lost),
    ];
    let months = revenue_by_month(&deals, "CNY", d(TODAY));
    assert_eq!(months.len(), 12);
    assert_eq!(
        months[0],
        MonthRevenue {
            month: d("2025-12-01"),
            total: 300
        }
    );
    assert_eq!(
        months[11],
        MonthRevenue {
            month: d("2026-11-01"),
            total: 800
        }
    );
    assert_eq!(months.iter().map(|m| m.total).sum::<i64>(), 1_100);
    let jan = revenue_by_month(&[], "CNY", d("2026-01-31"));
    assert_eq!(
        (jan[0].month, jan[11].month),
        (d("2025-02-01"), d("2026-01-01"))
    );
}

#[test]
fn tiers_with_their_share_of_revenue() {
    let customers = [
        (Tier::A, 700),
        (Tier::A, 100),
        (Tier::B, 150),
        (Tier::C, 50),
        (Tier::C, 0),
    ];
    let got = tier_distribution(&customers);
    let rows: Vec<_> = got
        .iter()
        .map(|t| (t.tier, t.customers, t.revenue, t.share_pct))
        .collect();
    assert_eq!(
        rows,
        vec![
            (Tier::A, 2, 800, 80),
            (Tier::B, 1, 150, 15),
            (Tier::C, 2, 50, 5)
        ]
    );
    let none = tier_distribution(&[(Tier::C, 0)]);
    assert_eq!((none[2].customers, none[2].share_pct), (1, 0));
    // Thirds round to 33 each.
    let thirds = tier_distribution(&[(Tier::A, 1), (Tier::B, 1), (Tier::C, 1)]);
    assert!(thirds.iter().all(|t| t.share_pct == 33));
}

#[test]
fn lifecycle_counts_every_stage() {
    let stages = [Stage::New, Stage::AtRisk, Stage::New, Stage::Lost];
    let counts = lifecycle_counts(&stages);
    assert_eq!(counts.len(), Stage::ALL.len());
    assert!(counts.contains(&(Stage::New, 2)));
    assert!(counts.contains(&(Stage::Prospect, 0)));
    assert_eq!(counts.iter().map(|(_, n)| n).sum::<usize>(), 4);
}

#[test]
fn at_risk_riskiest_first() {
    let v = |stage, risk| StageVerdict {
        stage,
        reason: String::new(),
        why: Vec::new(),
        risk,
    };
    let verdicts = vec![
        (CustomerId(1), v(Stage::AtRisk, 80)),
        (CustomerId(2), v(Stage::Repeat, 95)),
        (CustomerId(3), v(Stage::AtRisk, 99)),
        (CustomerId(0), v(Stage::AtRisk, 80)),
    ];
    let ids: Vec<_> = at_risk(&verdicts).iter().map(|(id, _)| id.get()).collect();
    assert_eq!(ids, vec![3, 0, 1]);
}

fn row(
    id: i64,
    name: &str,
    city: &str,
    tier: Option<Tier>,
    due: Option<&str>,
    cold: Option<i32>,
) -> CustomerRow {
    let created = d("2026-01-01").and_hms_opt(9, 0, 0).unwrap();
    CustomerRow {
        id: CustomerId(id),
        name: name.into(),
        city: city.into(),
        tier,
        tier_by_hand: false,
        tags: Default::default(),
        ways: Default::default(),
        people: Default::default(),
        cadence_days: None,
        created_at: created,
        last_contact_at: None,
        next_follow_up_on: due.map(d),
        cold_by: cold,
    }
}

#[test]
fn city_names_compare_trimmed_and_case_folded() {
    assert_eq!(city_key("  New   York "), "new york");
    assert_eq!(city_key("SHANGHAI"), city_key("Shanghai"));
    assert_eq!(city_key(" 上海 "), "上海");
    assert_ne!(city_key("上海"), city_key("上海市"), "CJK as written");
}

#[test]
fn the_visit_planner_groups_by_city_most_worth_seeing_first() {
    use Tier::*;
    let rows = vec![
        row(1, "Acme", "Shanghai", Some(C), Some("2026-11-20"), None),
        row(2, "Bolt", " shanghai", Some(A), None, Some(3)),
        row(
            3,
            "Crane",
            "SHANGHAI ",
            Some(B),
            Some("2026-11-28"),
            Some(40),
        ),
        row(4, "Delta", "Shanghai", Some(A), Some("2026-12-15"), None), // too far ahead
        row(5, "Echo", "苏州", Some(A), Some("2026-11-29"), None),
        row(6, "Fox", "苏州", Some(C), None, Some(1)),
        row(7, "Gale", "", Some(A), Some("2026-11-01"), None),
        row(8, "Hive", "Hangzhou", Some(C), Some("2026-11-27"), None),
        row(9, "Iris", "Hangzhou", Some(B), Some("2026-11-27"), None),
        row(10, "Jade", "Ningbo", Some(B), Some("2026-10-27"), None),
        row(11, "Kite", "Ningbo", None, None, Some(9)),
    ];
    let plan = visit_plan(&rows, d(TODAY), 3);
    let cities: Vec<_> = plan.iter().map(|p| p.city.as_str()).collect();
    // Shanghai 3; then three cities of 2: 苏州 has an A customer, Hangzhou two overdue and
    // Ningbo one. No city last. Shanghai is spelt as most of its customers spell it.
    assert_eq!(cities, vec!["Shanghai", "苏州", "Hangzhou", "Ningbo", ""]);
    let shanghai: Vec<_> = plan[0].visits.iter().map(|v| v.customer_id.get()).collect();
    assert_eq!(shanghai, vec![1, 3, 2], "overdue, due today, cold");
    assert_eq!(
        plan[0].visits[1].reasons,
        vec![
            VisitReason::Due { on: d(TODAY) },
            VisitReason::Cold { days: 40 }
        ]
    );
    assert_eq!(
        plan[0].visits[0].reasons,
        vec![VisitReason::Overdue { days: 8 }]
    );
    // Equally overdue: B before C.
    let hangzhou: Vec<_> = plan[2].visits.iter().map(|v| v.customer_id.get()).collect();
    assert_eq!(hangzhou, vec![9, 8]);
    assert!(visit_plan(&[], d(TODAY), 3).is_empty());
}
