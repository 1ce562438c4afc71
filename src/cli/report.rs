//! `fieldbook report`: the dashboard as plain text for a terminal or a mail, or as JSON.

use std::io::{self, Write};

use chrono::{NaiveDate, NaiveDateTime};

use super::Failure;
use super::output::{Style, cell, json, safe};
use crate::book::model::Tier;
use crate::book::money;
use crate::book::report::{Visit, VisitReason};
use crate::config::Config;
use crate::i18n::{calendar, words};
use crate::repository::Repository;
use crate::services::dashboard::{Dashboard, Listing};
use crate::text::{pad, pad_left};

pub fn report(
    repo: &Repository,
    config: &Config,
    now: NaiveDateTime,
    json_out: bool,
) -> Result<(), Failure> {
    let dash = Dashboard::load(repo, now.date(), config)?;
    if json_out {
        return json(&dash);
    }
    let mut out = io::stdout().lock();
    match write_report(&mut out, &dash, &Style::detect()).and_then(|()| out.flush()) {
        // `fieldbook report | head`: the reader has seen enough.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        result => Ok(result?),
    }
}

/// A tier mark; "-" for unranked.
fn tier(t: Option<Tier>) -> &'static str {
    t.map_or("-", Tier::as_str)
}

fn more<T>(out: &mut impl Write, list: &Listing<T>) -> io::Result<()> {
    if list.more() > 0 {
        writeln!(out, "  {}", t!("and-more", n = list.more()))?;
    }
    Ok(())
}

fn days(n: i64) -> String {
    t!("report-days", n = n)
}

fn past_cadence(n: i64) -> String {
    if n == 0 {
        t!("report-cadence-today")
    } else {
        t!("report-past-cadence", days = days(n))
    }
}

fn visit_reason(r: &VisitReason, today: NaiveDate) -> String {
    match r {
        VisitReason::Overdue { days: n } => t!("report-visit-overdue", days = days(*n)),
        VisitReason::Due { on } if *on == today => t!("report-visit-due-today"),
        VisitReason::Due { on } => t!("report-visit-due", on = calendar::weekday_and_day(*on)),
        VisitReason::Cold { days } => past_cadence(*days),
    }
}

fn visit_line(v: &Visit, today: NaiveDate) -> String {
    let why: Vec<String> = v.reasons.iter().map(|r| visit_reason(r, today)).collect();
    format!(
        "    c{:<6} {} {}  {}",
        v.customer_id,
        cell(&v.name, 28),
        tier(v.tier),
        why.join(", ")
    )
}

/// Every section of the dashboard, one after the other.
pub fn write_report(out: &mut impl Write, d: &Dashboard, style: &Style) -> io::Result<()> {
    header_and_contacts(out, d, style)?;
    follow_ups_and_revenue(out, d, style)?;
    stages_risk_and_cold(out, d, style)?;
    complaints_and_deals(out, d, style)?;
    visits_and_greetings(out, d, style)?;
    Ok(())
}

/// The heading, and contacts by channel this week and last.
fn header_and_contacts(out: &mut impl Write, d: &Dashboard, style: &Style) -> io::Result<()> {
    let cur = d.currency.as_str();
    writeln!(
        out,
        "{} · {} · {}",
        style.heading(&t!("report-title")),
        calendar::weekday_and_date(d.today),
        t!(
            "report-customers-and-currency",
            n = d.customers,
            currency = cur
        )
    )?;

    let columns = format!(
        "{}{}  {}",
        pad(&t!("report-contacts-by-channel"), 23),
        pad_left(&t!("report-this-week"), 9),
        pad_left(&t!("report-last-week"), 9)
    );
    writeln!(out, "\n{}", style.heading(&columns))?;
    let (mut this, mut last) = (0, 0);
    for w in &d.contacts {
        this += w.this_week;
        last += w.last_week;
        writeln!(
            out,
            "  {} {:>9}  {:>9}",
            cell(&words::channel(w.channel), 20),
            w.this_week,
            w.last_week
        )?;
    }
    writeln!(
        out,
        "  {} {this:>9}  {last:>9}",
        cell(&t!("report-all"), 20)
    )?;
    Ok(())
}

/// Follow-ups done on time, revenue by month, and tiers.
fn follow_ups_and_revenue(out: &mut impl Write, d: &Dashboard, style: &Style) -> io::Result<()> {
    let cur = d.currency.as_str();
    let short = |minor: i64| money::format_short(minor, cur);
    let t = d.follow_ups;
    let done = t.on_time + t.late;
    let pct = (t.on_time * 100 + done / 2).checked_div(done).unwrap_or(0);
    writeln!(
        out,
        "\n{} {}{}",
        style.heading(&t!("report-follow-ups", days = d.follow_up_days)),
        t!("report-on-time", on_time = t.on_time, late = t.late),
        if done > 0 {
            format!(" {}", t!("report-on-time-share", pct = pct))
        } else {
            String::new()
        }
    )?;

    writeln!(
        out,
        "\n{}",
        style.heading(&t!(
            "report-revenue",
            total = money::format_amount(d.revenue_12_months, cur)
        ))
    )?;
    let best = d
        .revenue_by_month
        .iter()
        .map(|m| m.total)
        .max()
        .unwrap_or(0);
    for m in &d.revenue_by_month {
        let bar = if best > 0 {
            "█".repeat((m.total.max(0) as u128 * 30 / best as u128) as usize)
        } else {
            String::new()
        };
        writeln!(
            out,
            "  {}  {:>10}  {bar}",
            m.month.format("%Y-%m"),
            short(m.total)
        )?;
    }

    writeln!(
        out,
        "\n{}",
        style.heading(&t!("report-tiers", n = d.tiers_set_by_hand))
    )?;
    for s in &d.tiers {
        writeln!(
            out,
            "  {}  {:>5} {}  {:>10}  {:>3}%",
            s.tier.as_str(),
            s.customers,
            t!("report-customers-word"),
            short(s.revenue),
            s.share_pct
        )?;
    }
    Ok(())
}

/// Lifecycle stages, who is at risk, and who is going cold.
fn stages_risk_and_cold(out: &mut impl Write, d: &Dashboard, style: &Style) -> io::Result<()> {
    writeln!(
        out,
        "\n{}",
        style.heading(&t!("report-lifecycle", n = d.stages_set_by_hand))
    )?;
    for s in &d.stages {
        writeln!(
            out,
            "  {} {:>5}",
            cell(&words::stage(s.stage), 10),
            s.customers
        )?;
    }

    writeln!(
        out,
        "\n{}",
        style.heading(&t!("report-at-risk", n = d.at_risk.total))
    )?;
    for r in &d.at_risk.items {
        writeln!(
            out,
            "  c{:<6} {} {}  {}  {}",
            r.customer_id,
            cell(&r.name, 28),
            tier(r.tier),
            style.overdue(&t!("report-risk", risk = format!("{:>2}", r.risk))),
            safe(&words::reasons(&r.why))
        )?;
    }
    more(out, &d.at_risk)?;

    writeln!(
        out,
        "\n{}",
        style.heading(&t!("today-going-cold", n = d.going_cold.total))
    )?;
    for c in &d.going_cold.items {
        let last = c
            .last_contact
            .map_or_else(|| t!("since-never"), |d| d.to_string());
        writeln!(
            out,
            "  c{:<6} {} {}  {}",
            c.customer_id,
            cell(&c.name, 28),
            tier(c.tier),
            t!(
                "report-cold-line",
                past = past_cadence(c.days_past),
                last = last
            )
        )?;
    }
    more(out, &d.going_cold)?;
    Ok(())
}

/// Open complaints and the best open deals.
fn complaints_and_deals(out: &mut impl Write, d: &Dashboard, style: &Style) -> io::Result<()> {
    let cur = d.currency.as_str();
    let short = |minor: i64| money::format_short(minor, cur);
    writeln!(
        out,
        "\n{}",
        style.heading(&t!("today-open-complaints", n = d.open_complaints.total))
    )?;
    for c in &d.open_complaints.items {
        writeln!(
            out,
            "  #{:<5} {} {} {}  {} {}",
            c.complaint_id,
            cell(&words::severity(c.severity), 6),
            cell(&words::complaint_status(c.status), 11),
            pad_left(&days(c.days_open), 9),
            cell(&c.customer, 28),
            safe(&c.what)
        )?;
    }
    more(out, &d.open_complaints)?;

    writeln!(
        out,
        "\n{}",
        style.heading(&t!(
            "report-opportunities",
            n = d.top_opportunities.total,
            total = money::format_amount(d.open_pipeline, cur)
        ))
    )?;
    for o in &d.top_opportunities.items {
        let close = o.expected_close.map_or_else(
            || t!("report-no-close-date"),
            |d| t!("report-close", date = d.to_string()),
        );
        writeln!(
            out,
            "  {} #{:<5} {} {} {} {:>10}  {close}  {}",
            t!("report-deal"),
            o.deal_id,
            cell(&o.customer, 28),
            cell(&o.title, 24),
            cell(&words::deal_stage(o.stage), 11),
            short(o.amount),
            t!("report-score", score = short(o.score))
        )?;
    }
    more(out, &d.top_opportunities)?;
    Ok(())
}

/// Where to go, and who to greet for the next holiday.
fn visits_and_greetings(out: &mut impl Write, d: &Dashboard, style: &Style) -> io::Result<()> {
    let plan = &d.visit_plan;
    writeln!(
        out,
        "\n{}",
        style.heading(&t!(
            "report-visit-planner",
            customers = plan.customers,
            cities = plan.cities.total,
            days = plan.days_ahead
        ))
    )?;
    for city in &plan.cities.items {
        let name = if city.city.is_empty() {
            t!("report-no-city")
        } else {
            safe(&city.city)
        };
        writeln!(out, "  {name} ({})", city.total)?;
        for v in &city.visits {
            writeln!(out, "{}", visit_line(v, d.today))?;
        }
        if city.total > city.visits.len() {
            let n = city.total - city.visits.len();
            writeln!(out, "    {}", t!("and-more", n = n))?;
        }
    }
    more(out, &plan.cities)?;

    match &d.greetings {
        None => writeln!(out, "\n{}", style.heading(&t!("report-no-greetings")))?,
        Some(g) => {
            writeln!(
                out,
                "\n{}",
                style.heading(&t!(
                    "report-greetings",
                    name_zh = g.holiday.name_zh,
                    name_en = g.holiday.name_en,
                    on = calendar::weekday_and_date(g.holiday.on),
                    days = g.days_until,
                    n = g.to_greet.total
                ))
            )?;
            for p in &g.to_greet.items {
                writeln!(
                    out,
                    "  c{:<6} {} {}",
                    p.customer_id,
                    cell(&p.name, 28),
                    tier(p.tier)
                )?;
            }
            more(out, &g.to_greet)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
