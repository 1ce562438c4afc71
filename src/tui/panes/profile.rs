//! The selected customer: every field, its people, and what is open with it.

use crate::i18n::calendar;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::pane_block;
use chrono::{NaiveDate, NaiveDateTime};

use crate::book::complaints::{self, Trend};
use crate::book::deals::DealStage;
use crate::book::due;
use crate::book::model::{Contact, FollowUp, Stage, Tier};
use crate::book::money;
use crate::safe_text;
use crate::services::account::Account;
use crate::tui::action::Pane;
use crate::tui::state::{Detail, State};
use crate::tui::theme::THEME;

fn field(label: &'static str, value: &str) -> Option<Line<'static>> {
    (!value.trim().is_empty()).then(|| {
        Line::from(vec![
            Span::styled(format!("{label:<10} "), THEME.label),
            Span::raw(safe_text::line(value).into_owned()),
        ])
    })
}

pub fn lines(detail: &Detail, state: &State) -> Vec<Line<'static>> {
    let c = &detail.customer;
    let d = &c.draft;
    let mut out = vec![Line::from(Span::styled(
        safe_text::line(&d.name).into_owned(),
        THEME.title,
    ))];
    let kind = d.kind.map_or("", |k| k.label());
    let summary: Vec<String> = [kind, d.industry.as_str(), d.city.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| safe_text::line(s).into_owned())
        .collect();
    out.push(Line::styled(summary.join(" · "), THEME.dim));
    out.extend(value_lines(&detail.account));
    let last = match due::days_since(c.last_contact_at, state.today) {
        Some(0) => "today".to_string(),
        Some(1) => "yesterday".to_string(),
        Some(days) => format!(
            "{days} days ago ({})",
            c.last_contact_at
                .map(|t| t.format("%Y-%m-%d").to_string())
                .unwrap_or_default()
        ),
        None => "never".to_string(),
    };
    out.extend(field("Last", &last));
    out.extend(
        [
            ("Phone", d.phone.as_str()),
            ("Email", &d.email),
            ("WeChat", &d.wechat),
        ]
        .into_iter()
        .filter_map(|(l, v)| field(l, v)),
    );
    out.extend(people_lines(&detail.contacts));
    out.extend(deal_lines(&detail.account, state.today));
    out.extend(complaint_lines(&detail.account, state.today));
    out.extend(follow_up_lines(&detail.follow_ups, state.now));
    let cadence = d
        .cadence_days
        .map(|n| format!("every {n} days"))
        .unwrap_or_default();
    let birthday = d.birthday.map(|b| b.to_text()).unwrap_or_default();
    let more: Vec<Line> = [
        ("Address", d.address.as_str()),
        ("Website", &d.website),
        ("Tags", &d.tags.join(", ")),
        ("Birthday", &birthday),
        ("Source", &d.lead_source),
        ("Cadence", &cadence),
    ]
    .into_iter()
    .filter_map(|(l, v)| field(l, v))
    .collect();
    if !more.is_empty() {
        out.push(Line::styled("Details", THEME.header));
        out.extend(more);
    }
    if !d.notes.trim().is_empty() {
        out.push(Line::styled("Notes", THEME.header));
        out.extend(safe_text::lines(&d.notes).into_iter().map(Line::raw));
    }
    out
}

/// The customer's people, each with what is known of them on one line.
fn people_lines(contacts: &[Contact]) -> Vec<Line<'static>> {
    if contacts.is_empty() {
        return Vec::new();
    }
    let mut out = vec![Line::styled("People", THEME.header)];
    for p in contacts {
        let mut bits = vec![p.draft.name.clone()];
        bits.extend(
            [
                &p.draft.title,
                &p.draft.phone,
                &p.draft.email,
                &p.draft.wechat,
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .cloned(),
        );
        out.push(Line::raw(format!(
            "  {}",
            safe_text::line(&bits.join(" · "))
        )));
    }
    out
}

fn follow_up_lines(follow_ups: &[FollowUp], now: NaiveDateTime) -> Vec<Line<'static>> {
    if follow_ups.is_empty() {
        return Vec::new();
    }
    let mut out = vec![Line::styled("Open follow-ups", THEME.header)];
    for f in follow_ups {
        let when = calendar::due_label_at(f.draft.due_on, f.draft.due_time, now);
        out.push(Line::from(vec![
            Span::styled(
                format!("  {} ", crate::text::fill(&when, 11)),
                super::follow_ups::due_style(f.draft.due_on, f.draft.due_time, now),
            ),
            Span::raw(safe_text::line(&f.draft.task).into_owned()),
        ]));
    }
    out
}

/// Tier and stage, each with where it comes from, and revenue.
fn value_lines(a: &Account) -> Vec<Line<'static>> {
    let (tier, tier_by_hand) = a.tier();
    let tier_note = if tier_by_hand {
        let why = if a.overrides.tier_reason.trim().is_empty() {
            "set by hand".to_string()
        } else {
            format!("set by hand: {}", safe_text::line(&a.overrides.tier_reason))
        };
        match a.computed_tier {
            Some(computed) => format!(" ({why}; computed {})", computed.as_str()),
            None => format!(" ({why})"),
        }
    } else if tier.is_some() {
        " (by 12-month revenue)".to_string()
    } else {
        " (no revenue in the book yet)".to_string()
    };
    let tier = tier.map_or("-", Tier::as_str);
    let (stage, stage_by_hand) = a.stage();
    let stage_note = if stage_by_hand {
        let why = if a.overrides.stage_reason.trim().is_empty() {
            "set by hand".to_string()
        } else {
            format!(
                "set by hand: {}",
                safe_text::line(&a.overrides.stage_reason)
            )
        };
        format!(" ({why}; the facts say {})", a.verdict.stage.label())
    } else {
        format!(" ({})", safe_text::line(&a.verdict.reason))
    };
    let stage_style = match stage {
        Stage::AtRisk | Stage::Lost => THEME.overdue,
        _ => THEME.title,
    };
    vec![
        Line::from(vec![
            Span::styled(format!("{:<10} ", "Tier"), THEME.label),
            Span::styled(tier.to_string(), THEME.title),
            Span::styled(tier_note, THEME.dim),
        ]),
        Line::from(vec![
            Span::styled(format!("{:<10} ", "Stage"), THEME.label),
            Span::styled(stage.label().to_string(), stage_style),
            Span::styled(stage_note, THEME.dim),
        ]),
        Line::from(vec![
            Span::styled(format!("{:<10} ", "Revenue"), THEME.label),
            if a.revenue_all == 0 {
                Span::styled("no orders yet", THEME.dim)
            } else {
                Span::raw(format!(
                    "{} in 12 months · {} all time",
                    money::format_short(a.revenue_12m, &a.currency),
                    money::format_short(a.revenue_all, &a.currency)
                ))
            },
        ]),
    ]
}

/// Right-aligns by display width: `¥1.2万` is six columns wide, not five.
fn pad_left(text: &str, width: usize) -> String {
    let w = unicode_width::UnicodeWidthStr::width(text);
    format!("{}{text}", " ".repeat(width.saturating_sub(w)))
}

/// Open deals first, then the latest orders; five at most.
fn deal_lines(a: &Account, today: NaiveDate) -> Vec<Line<'static>> {
    if a.deals.is_empty() {
        return Vec::new();
    }
    let mut out = vec![Line::styled(
        format!("Deals ({}) · o adds or edits", a.deals.len()),
        THEME.header,
    )];
    for deal in a.deals.iter().take(5) {
        let d = &deal.draft;
        let when = match (d.stage, d.closed_on, d.expected_close) {
            (DealStage::Won | DealStage::Lost, Some(on), _) => on.format("%Y-%m-%d").to_string(),
            (_, _, Some(close)) => format!("close {}", calendar::due_label(Some(close), today)),
            _ => String::new(),
        };
        out.push(Line::from(vec![
            Span::styled(format!("  {:<11} ", d.stage.label()), THEME.label),
            Span::raw(format!(
                "{}  ",
                pad_left(&money::format_short(d.amount, &d.currency), 9)
            )),
            Span::raw(safe_text::line(&d.title).into_owned()),
            Span::styled(format!("  {when}"), THEME.dim),
        ]));
    }
    out
}

/// Open complaints with how long they have been open; resolved ones with days to resolve and
/// the score; the satisfaction trend.
fn complaint_lines(a: &Account, today: NaiveDate) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if !a.complaints.is_empty() {
        out.push(Line::styled(
            format!("Complaints ({}) · ! adds or resolves", a.complaints.len()),
            THEME.header,
        ));
    }
    for c in a.complaints.iter().take(4) {
        let d = &c.draft;
        let (status, style) = if d.status.is_open() {
            let days = complaints::days_open(d, today).unwrap_or(0);
            (format!("{} {days}d", d.status.label()), THEME.overdue)
        } else {
            let days = complaints::days_to_resolve(d).unwrap_or(0);
            let score = d.satisfaction.map_or(String::new(), |s| format!(", {s}/5"));
            (format!("resolved in {days}d{score}"), THEME.dim)
        };
        out.push(Line::from(vec![
            Span::styled(format!("  {status:<20} "), style),
            Span::styled(format!("{:<6} ", d.severity.label()), THEME.label),
            Span::raw(safe_text::line(&d.what).into_owned()),
        ]));
    }
    if !a.satisfaction.is_empty() {
        let scores: Vec<String> = a
            .satisfaction
            .iter()
            .rev()
            .take(6)
            .rev()
            .map(|(_, s)| s.to_string())
            .collect();
        let trend = match a.trend {
            Some(Trend::Up) => " ↗ improving",
            Some(Trend::Down) => " ↘ slipping",
            Some(Trend::Flat) => " → steady",
            None => "",
        };
        out.push(Line::from(vec![
            Span::styled(format!("{:<10} ", "Satisfied"), THEME.label),
            Span::raw(format!("{}{trend}", scores.join(" "))),
        ]));
    }
    out
}

pub fn draw(frame: &mut Frame, area: Rect, state: &State) {
    let block = pane_block("2 Profile".to_string(), state.focus == Pane::Profile);
    let body = match &state.detail {
        Some(detail) => Paragraph::new(lines(detail, state)),
        None => Paragraph::new("no customer selected").style(THEME.dim),
    };
    frame.render_widget(body.block(block).wrap(Wrap { trim: false }), area);
}
