//! The selected customer: every field, its people, and what is open with it.

use crate::i18n::calendar;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{clip_line, pane_block};
use chrono::{NaiveDate, NaiveDateTime};

use crate::book::complaints::{self, Trend};
use crate::book::deals::DealStage;
use crate::book::due;
use crate::book::model::{Contact, ContactId, FollowUp, Stage, Tier};
use crate::book::money;
use crate::safe_text;
use crate::services::account::Account;
use crate::text::wrap;
use crate::tui::action::Pane;
use crate::tui::state::{Detail, FoundAt, State};
use crate::tui::theme::THEME;

fn field(label: &'static str, value: &str) -> Option<Line<'static>> {
    (!value.trim().is_empty()).then(|| {
        Line::from(vec![
            Span::styled(format!("{label:<10} "), THEME.label),
            Span::raw(safe_text::line(value).into_owned()),
        ])
    })
}

/// The profile for a pane `width` columns wide: notes wrapped, every other line clipped
/// with `…`, so each is one row and the pane knows how far it scrolls.
pub fn lines(detail: &Detail, state: &State, width: usize) -> Vec<Line<'static>> {
    all_lines(detail, state, width)
        .into_iter()
        .map(|l| clip_line(l, width))
        .collect()
}

fn all_lines(detail: &Detail, state: &State, width: usize) -> Vec<Line<'static>> {
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
    let marked = match state.found_at {
        Some(FoundAt::Person(id)) => Some(id),
        _ => None,
    };
    out.extend(people_lines(&detail.contacts, marked));
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
        out.extend(
            safe_text::lines(&d.notes)
                .iter()
                .flat_map(|l| wrap(l, width))
                .map(Line::raw),
        );
    }
    out
}

/// The customer's people, each with what is known of them on one line; the `marked` one (a
/// notes hit opened at them) stands out.
fn people_lines(contacts: &[Contact], marked: Option<ContactId>) -> Vec<Line<'static>> {
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
        let line = safe_text::line(&bits.join(" · ")).into_owned();
        out.push(if marked == Some(p.id) {
            Line::styled(format!("› {line}"), THEME.selected)
        } else {
            Line::raw(format!("  {line}"))
        });
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

/// Open deals first, then the latest orders; all of them, as the profile scrolls.
fn deal_lines(a: &Account, today: NaiveDate) -> Vec<Line<'static>> {
    if a.deals.is_empty() {
        return Vec::new();
    }
    let mut out = vec![Line::styled(
        format!("Deals ({}) · o adds or edits", a.deals.len()),
        THEME.header,
    )];
    for deal in &a.deals {
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

/// The profile from where it is scrolled to, with "12-40 of 96" on the border when it does
/// not all fit.
pub fn draw(frame: &mut Frame, area: Rect, state: &mut State) {
    let block = pane_block("2 Profile".to_string(), state.focus == Pane::Profile);
    let inner = block.inner(area);
    let Some(detail) = &state.detail else {
        let body = Paragraph::new("no customer selected").style(THEME.dim);
        frame.render_widget(body.block(block), area);
        return;
    };
    let lines = lines(detail, state, usize::from(inner.width));
    let height = usize::from(inner.height);
    if std::mem::take(&mut state.profile_scroll.seek) {
        state.profile_scroll.offset = usize::from(scroll_to_found(
            &lines,
            state.found_at,
            inner.width,
            inner.height,
        ));
    }
    let first = state.profile_scroll.fit(lines.len(), height);
    let block = match state.profile_scroll.indicator(lines.len()) {
        Some(at) => block.title_bottom(Line::from(format!(" {at} ")).alignment(Alignment::Right)),
        None => block,
    };
    let shown: Vec<Line> = lines.into_iter().skip(first).take(height).collect();
    frame.render_widget(Paragraph::new(shown).block(block), area);
}

/// How far to scroll so a notes hit opened here shows: the marked person (with the People
/// heading when both fit) or the Notes heading. Rows are counted as wrapped at `width`.
fn scroll_to_found(lines: &[Line], found: Option<FoundAt>, width: u16, height: u16) -> u16 {
    let heading = |title: &str| {
        lines
            .iter()
            .position(|l| l.spans.len() == 1 && l.spans[0].content == title)
    };
    let (first, target) = match found {
        Some(FoundAt::Person(_)) => {
            let marked = lines.iter().position(|l| l.style == THEME.selected);
            (heading("People"), marked)
        }
        Some(FoundAt::Notes) => (heading("Notes"), heading("Notes")),
        _ => return 0,
    };
    let Some(target) = target else {
        return 0;
    };
    let width = usize::from(width.max(1));
    let rows_before = |index: usize| -> usize {
        lines[..index]
            .iter()
            .map(|l| l.width().div_ceil(width).max(1))
            .sum()
    };
    let (height, row) = (usize::from(height), rows_before(target));
    if row < height {
        return 0;
    }
    // The heading on top when the target still shows beneath it; else as much as fits above
    // the target, the target on the last row.
    let top = first
        .map(rows_before)
        .filter(|&h| row - h < height)
        .unwrap_or(row + 1 - height);
    u16::try_from(top).unwrap_or(u16::MAX)
}
