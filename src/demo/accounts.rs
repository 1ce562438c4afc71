//! Orders, opportunities and complaints that match each demo customer's profile, so the
//! computed tiers and stages come out the way a real territory looks: a few big accounts,
//! steady repeat buyers, some slipping away, a handful of complaints.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use super::people::Profile;
use super::rng::Rng;
use crate::book::bulk::BulkDeal;
use crate::book::complaints::{ComplaintDraft, ComplaintStatus, Severity};
use crate::book::deals::{DealDraft, DealStage};
use crate::book::model::{CustomerId, Stage, Tier};

const GOODS_ZH: &[&str] = &[
    "注塑机配件",
    "包装膜",
    "不锈钢紧固件",
    "工业传感器",
    "食品级纸箱",
    "LED 驱动电源",
    "液压密封件",
    "办公家具",
];
const GOODS_EN: &[&str] = &[
    "Injection-moulding spares",
    "Packaging film",
    "Stainless fasteners",
    "Industrial sensors",
    "Food-grade cartons",
    "LED drivers",
    "Hydraulic seals",
    "Office furniture",
];

const COMPLAINTS_ZH: &[(&str, &str)] = &[
    ("交货晚了一周，客户停线半天", "补发加急，赔偿运费"),
    ("第二批货有划痕，退回 30 件", "换货并派人现场检验"),
    ("发票抬头开错", "重开发票"),
];
const COMPLAINTS_EN: &[(&str, &str)] = &[
    (
        "Shipment arrived a week late, line stopped",
        "Expedited the rest, refunded freight",
    ),
    (
        "Second batch scratched, 30 units returned",
        "Replaced and inspected on site",
    ),
    (
        "Invoice addressed to the wrong entity",
        "Re-issued the invoice",
    ),
];

fn at_ten(day: NaiveDate) -> NaiveDateTime {
    day.and_time(NaiveTime::from_hms_opt(10, 0, 0).unwrap_or(NaiveTime::MIN))
}

/// Yuan amounts by tier, in fen.
fn amount(rng: &mut Rng, tier: Option<Tier>) -> i64 {
    let (lo, hi) = match tier {
        Some(Tier::A) => (80_000, 400_000),
        Some(Tier::B) => (20_000, 80_000),
        _ => (2_000, 20_000),
    };
    rng.between(lo, hi) * 100
}

/// The customer's won orders and open deals, oldest first.
pub fn deals(
    rng: &mut Rng,
    p: &Profile,
    customer_id: CustomerId,
    never_contacted: bool,
    now: NaiveDateTime,
    out: &mut Vec<BulkDeal>,
) {
    let today = now.date();
    let goods = if p.chinese { GOODS_ZH } else { GOODS_EN };
    let rhythm = match p.tier {
        Some(Tier::A) => rng.between(20, 40),
        Some(Tier::B) => rng.between(40, 75),
        _ => rng.between(75, 150),
    };
    // The last order's age and how far back ordering began, by stage.
    let (last_age, span) = match p.stage {
        Stage::Prospect => (None, 0),
        Stage::New => (Some(rng.between(5, 80)), 0),
        // Some active customers have bought once, months ago: their rhythm is not known yet.
        Stage::Active if rng.percent(40) => (Some(rng.between(95, 300)), 0),
        Stage::Active | Stage::Repeat => {
            (Some(rng.between(0, rhythm)), rng.between(rhythm * 2, 900))
        }
        Stage::AtRisk => (
            Some(rhythm * 2 + rng.between(rhythm / 2, rhythm * 2)),
            rng.between(rhythm * 3, 900),
        ),
        Stage::Lost => (Some(rng.between(380, 700)), rng.between(100, 500)),
    };
    if let Some(last_age) = last_age.filter(|_| !never_contacted) {
        let last = today - Duration::days(last_age);
        let mut day = last - Duration::days(span);
        while day <= last {
            let what = rng.pick(goods);
            out.push(BulkDeal {
                draft: DealDraft {
                    customer_id,
                    title: format!("{what} #{}", rng.between(100, 999)),
                    amount: amount(rng, p.tier),
                    currency: "CNY".into(),
                    stage: DealStage::Won,
                    expected_close: None,
                    closed_on: Some(day),
                },
                created_at: at_ten(day),
            });
            // Orders come round their rhythm, give or take a third.
            let jitter = rng.between(-rhythm / 3, rhythm / 3);
            day += Duration::days((rhythm + jitter).max(7));
        }
    }
    opportunity(rng, p, customer_id, today, goods, out);
}

/// An opportunity in the pipeline: most prospects, some good accounts.
fn opportunity(
    rng: &mut Rng,
    p: &Profile,
    customer_id: CustomerId,
    today: NaiveDate,
    goods: &[&str],
    out: &mut Vec<BulkDeal>,
) {
    let open_chance = match (p.stage, p.tier) {
        (Stage::Lost, _) => 0,
        (Stage::Prospect, _) => 70,
        (_, Some(Tier::A)) => 50,
        (_, Some(Tier::B)) => 30,
        _ => 10,
    };
    if rng.percent(open_chance) {
        let stage = rng.weighted(&[
            (DealStage::Lead, 25),
            (DealStage::Qualified, 25),
            (DealStage::Proposal, 30),
            (DealStage::Negotiation, 20),
        ]);
        let what = rng.pick(goods);
        let close = today + Duration::days(rng.between(-20, 120));
        out.push(BulkDeal {
            draft: DealDraft {
                customer_id,
                title: format!("{what} (annual)"),
                amount: amount(rng, p.tier.or(Some(Tier::B))) * 3,
                currency: "CNY".into(),
                stage,
                expected_close: Some(close),
                closed_on: None,
            },
            created_at: at_ten(today - Duration::days(rng.between(5, 90))),
        });
    }
}

/// Complaints: open ones mostly where the customer is slipping, resolved ones here and there.
pub fn complaints(
    rng: &mut Rng,
    p: &Profile,
    customer_id: CustomerId,
    never_contacted: bool,
    today: NaiveDate,
    out: &mut Vec<ComplaintDraft>,
) {
    if never_contacted || p.stage == Stage::Prospect {
        return;
    }
    let list = if p.chinese {
        COMPLAINTS_ZH
    } else {
        COMPLAINTS_EN
    };
    let open = match p.stage {
        Stage::AtRisk => rng.percent(35),
        Stage::Lost => false,
        _ => rng.below(1000) < 8,
    };
    if open {
        let (what, _) = rng.pick(list);
        out.push(ComplaintDraft {
            customer_id,
            opened_on: today - Duration::days(rng.between(1, 30)),
            what: what.into(),
            severity: rng.weighted(&[
                (Severity::High, 30),
                (Severity::Medium, 50),
                (Severity::Low, 20),
            ]),
            status: rng.weighted(&[
                (ComplaintStatus::Open, 60),
                (ComplaintStatus::InProgress, 40),
            ]),
            resolved_on: None,
            resolution: String::new(),
            satisfaction: None,
        });
    }
    if rng.percent(6) {
        let (what, fix) = rng.pick(list);
        let opened = today - Duration::days(rng.between(40, 300));
        out.push(ComplaintDraft {
            customer_id,
            opened_on: opened,
            what: what.into(),
            severity: rng.weighted(&[
                (Severity::High, 20),
                (Severity::Medium, 50),
                (Severity::Low, 30),
            ]),
            status: ComplaintStatus::Resolved,
            resolved_on: Some(opened + Duration::days(rng.between(1, 21))),
            resolution: fix.into(),
            satisfaction: Some(rng.weighted(&[(5, 30), (4, 35), (3, 20), (2, 10), (1, 5)])),
        });
    }
}

/// Most tiers and stages are left to the book to compute; a few are set by hand, with the kind
/// of reason a salesperson gives.
pub fn overrides(rng: &mut Rng, p: &Profile) -> (Option<Tier>, Option<Stage>, &'static str) {
    if rng.below(1000) < 30 {
        (
            Some(Tier::A),
            None,
            "potential: new plant opening next year",
        )
    } else if p.stage == Stage::Lost && rng.percent(30) {
        (None, Some(Stage::Lost), "moved to a competitor")
    } else {
        (None, None, "")
    }
}
