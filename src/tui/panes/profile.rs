//! The selected customer: every field, its people, and what is open with it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::pane_block;
use crate::book::due;
use crate::safe_text;
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
    let tier = d.tier.map_or("-".to_string(), |t| t.as_str().to_string());
    let stage = d.stage.map_or("-", |s| s.label());
    out.push(Line::from(vec![
        Span::styled("Tier ", THEME.label),
        Span::raw(tier),
        Span::styled("   Stage ", THEME.label),
        Span::raw(stage),
    ]));
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
    if !detail.contacts.is_empty() {
        out.push(Line::styled("People", THEME.header));
        for p in &detail.contacts {
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
    }
    if !detail.follow_ups.is_empty() {
        out.push(Line::styled("Open follow-ups", THEME.header));
        for f in &detail.follow_ups {
            let when = due::due_label(Some(f.draft.due_on), state.today);
            out.push(Line::from(vec![
                Span::styled(
                    format!("  {when:<11} "),
                    super::follow_ups::due_style(f.draft.due_on, state.today),
                ),
                Span::raw(safe_text::line(&f.draft.task).into_owned()),
            ]));
        }
    }
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

pub fn draw(frame: &mut Frame, area: Rect, state: &State) {
    let block = pane_block("2 Profile".to_string(), state.focus == Pane::Profile);
    let body = match &state.detail {
        Some(detail) => Paragraph::new(lines(detail, state)),
        None => Paragraph::new("no customer selected").style(THEME.dim),
    };
    frame.render_widget(body.block(block).wrap(Wrap { trim: false }), area);
}
