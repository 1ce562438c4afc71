//! `fieldbook report`: the dashboard as plain text for a terminal or a mail, or as JSON.

use std::io::{self, Write};

use chrono::{NaiveDate, NaiveDateTime};

use super::Failure;
use super::output::{Style, cell, json, safe};
use crate::book::model::Tier;
use crate::book::money;
use crate::book::report::{Visit, VisitReason};
use crate::config::Config;
use crate::repository::Repository;
use crate::tui::dashboard::{Dashboard, Listing};

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
        writeln!(out, "  … and {} more", list.more())?;
    }
    Ok(())
}

fn days(n: i64) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

fn past_cadence(n: i64) -> String {
    if n == 0 {
        "cadence reached today".into()
    } else {
        format!("{} past cadence", days(n))
    }
}

fn visit_reason(r: &VisitReason, today: NaiveDate) -> String {
    match r {
        VisitReason::Overdue { days: n } => format!("{} overdue", days(*n)),
        VisitReason::Due { on } if *on == today => "due today".into(),
        VisitReason::Due { on } => format!("due {}", on.format("%a %m-%d")),
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
    let cur = d.currency.as_str();
    let short = |minor: i64| money::format_short(minor, cur);
    writeln!(
        out,
        "{} · {} · {} customers · revenue in {cur}",
        style.heading("Dashboard"),
        d.today.format("%a %Y-%m-%d"),
        d.customers
    )?;

    writeln!(
        out,
        "\n{}",
        style.heading("Contacts by channel    this week  last week")
    )?;
    let (mut this, mut last) = (0, 0);
    for w in &d.contacts {
        this += w.this_week;
        last += w.last_week;
        writeln!(
            out,
            "  {} {:>9}  {:>9}",
            cell(w.channel.label(), 20),
            w.this_week,
            w.last_week
        )?;
    }
    writeln!(out, "  {} {this:>9}  {last:>9}", cell("all", 20))?;

    let t = d.follow_ups;
    let done = t.on_time + t.late;
    let pct = (t.on_time * 100 + done / 2).checked_div(done).unwrap_or(0);
    writeln!(
        out,
        "\n{} {} on time, {} late{}",
        style.heading(&format!("Follow-ups done in {} days:", d.follow_up_days)),
        t.on_time,
        t.late,
        if done > 0 {
            format!(" ({pct}% on time)")
        } else {
            String::new()
        }
    )?;

    writeln!(
        out,
        "\n{}",
        style.heading(&format!(
            "Revenue by month (12 months: {})",
            money::format_amount(d.revenue_12_months, cur)
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
        style.heading(&format!(
            "Tiers, from 12-month revenue ({} set by hand)",
            d.tiers_set_by_hand
        ))
    )?;
    for s in &d.tiers {
        writeln!(
            out,
            "  {}  {:>5} customers  {:>10}  {:>3}%",
            s.tier.as_str(),
            s.customers,
            short(s.revenue),
            s.share_pct
        )?;
    }

    writeln!(
        out,
        "\n{}",
        style.heading(&format!("Lifecycle ({} set by hand)", d.stages_set_by_hand))
    )?;
    for s in &d.stages {
        writeln!(out, "  {} {:>5}", cell(s.stage.label(), 10), s.customers)?;
    }

    writeln!(
        out,
        "\n{}",
        style.heading(&format!("At risk ({})", d.at_risk.total))
    )?;
    for r in &d.at_risk.items {
        writeln!(
            out,
            "  c{:<6} {} {}  {}  {}",
            r.customer_id,
            cell(&r.name, 28),
            tier(r.tier),
            style.overdue(&format!("risk {:>2}", r.risk)),
            safe(&r.reason)
        )?;
    }
    more(out, &d.at_risk)?;

    writeln!(
        out,
        "\n{}",
        style.heading(&format!("Going cold ({})", d.going_cold.total))
    )?;
    for c in &d.going_cold.items {
        let last = c
            .last_contact
            .map_or("never".to_string(), |d| d.to_string());
        writeln!(
            out,
            "  c{:<6} {} {}  {}, last contact {last}",
            c.customer_id,
            cell(&c.name, 28),
            tier(c.tier),
            past_cadence(c.days_past)
        )?;
    }
    more(out, &d.going_cold)?;

    writeln!(
        out,
        "\n{}",
        style.heading(&format!("Open complaints ({})", d.open_complaints.total))
    )?;
    for c in &d.open_complaints.items {
        writeln!(
            out,
            "  #{:<5} {} {} {:>9}  {} {}",
            c.complaint_id,
            cell(c.severity.label(), 6),
            cell(c.status.label(), 11),
            days(c.days_open),
            cell(&c.customer, 28),
            safe(&c.what)
        )?;
    }
    more(out, &d.open_complaints)?;

    writeln!(
        out,
        "\n{}",
        style.heading(&format!(
            "Top opportunities ({} open, {} in the pipeline)",
            d.top_opportunities.total,
            money::format_amount(d.open_pipeline, cur)
        ))
    )?;
    for o in &d.top_opportunities.items {
        let close = o
            .expected_close
            .map_or("no date".to_string(), |d| format!("close {d}"));
        writeln!(
            out,
            "  deal #{:<5} {} {} {} {:>10}  {close}  score {}",
            o.deal_id,
            cell(&o.customer, 28),
            cell(&o.title, 24),
            cell(o.stage.label(), 11),
            short(o.amount),
            short(o.score)
        )?;
    }
    more(out, &d.top_opportunities)?;

    let plan = &d.visit_plan;
    writeln!(
        out,
        "\n{}",
        style.heading(&format!(
            "Visit planner: {} customers in {} cities (due within {} days, overdue, going cold)",
            plan.customers, plan.cities.total, plan.days_ahead
        ))
    )?;
    for city in &plan.cities.items {
        let name = if city.city.is_empty() {
            "(no city)".to_string()
        } else {
            safe(&city.city)
        };
        writeln!(out, "  {name} ({})", city.total)?;
        for v in &city.visits {
            writeln!(out, "{}", visit_line(v, d.today))?;
        }
        if city.total > city.visits.len() {
            writeln!(out, "    … and {} more", city.total - city.visits.len())?;
        }
    }
    more(out, &plan.cities)?;

    match &d.greetings {
        None => writeln!(
            out,
            "\n{}",
            style.heading("Greetings: no holiday to greet in the next year")
        )?,
        Some(g) => {
            writeln!(
                out,
                "\n{}",
                style.heading(&format!(
                    "Greetings: {} {}, {} (in {} days): {} to greet",
                    g.holiday.name_zh,
                    g.holiday.name_en,
                    g.holiday.on.format("%a %Y-%m-%d"),
                    g.days_until,
                    g.to_greet.total
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
mod tests {
    use super::*;
    use crate::book::complaints::{ComplaintDraft, ComplaintStatus, Severity};
    use crate::book::model::CustomerDraft;
    use crate::demo::{self, DemoSize};

    fn now() -> NaiveDateTime {
        "2026-11-28T10:15:00".parse().unwrap()
    }

    fn text(repo: &Repository) -> String {
        let dash = Dashboard::load(repo, now().date(), &Config::default()).unwrap();
        let mut out = Vec::new();
        write_report(&mut out, &dash, &Style::detect()).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn every_section_is_printed_for_the_demo_book() {
        let mut repo = Repository::open_in_memory().unwrap();
        demo::generate(&mut repo, DemoSize::with_customers(120), now()).unwrap();
        let text = text(&repo);
        for heading in [
            "Contacts by channel",
            "Follow-ups done in 30 days",
            "Revenue by month (12 months: ¥",
            "Tiers, from 12-month revenue",
            "Lifecycle",
            "At risk (",
            "Going cold (",
            "Open complaints (",
            "Top opportunities (",
            "Visit planner: ",
            "Greetings: 元旦 New Year's Day, Fri 2027-01-01 (in 34 days)",
        ] {
            assert!(text.contains(heading), "{heading} missing:\n{text}");
        }
        assert!(text.contains("  at risk "), "{text}");
    }

    #[test]
    fn hostile_text_never_reaches_the_terminal_raw() {
        let mut repo = Repository::open_in_memory().unwrap();
        // A book written before the gate (or by another program) can hold such text.
        repo.as_before_the_gate(|repo| {
            let id = repo
                .add_customer(&CustomerDraft {
                    name: "\x1b[31m恶意\x1b[0m 发票\u{202e}fdp.exe".into(),
                    city: "深圳\x07".into(),
                    ..Default::default()
                })
                .unwrap();
            repo.add_complaint(&ComplaintDraft {
                customer_id: id,
                opened_on: now().date(),
                what: "\x1b]52;c;aGVsbG8=\x07 clipboard".into(),
                severity: Severity::High,
                status: ComplaintStatus::Open,
                resolved_on: None,
                resolution: String::new(),
                satisfaction: None,
            })
            .unwrap();
        });
        let text = text(&repo);
        assert!(text.contains("␛[31m恶意␛[0m 发票"), "{text}");
        assert!(text.contains("␛]52;c;aGVsbG8=␇ clipboard"), "{text}");
        assert!(!text.contains("\x1b[31m恶意") && !text.contains('\u{202e}'));
        assert!(!text.contains('\x07') && !text.contains("\x1b]52"));
    }
}
