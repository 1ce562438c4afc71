//! The selected customer: every field, its people, and what is open with it.

use crate::i18n::{calendar, words};
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{clip_line, pane_block};
use chrono::NaiveDateTime;

use crate::book::due;
use crate::book::model::{Contact, ContactId, FollowUp};
use crate::safe_text;
use crate::text::{fill, wrap};
use crate::tui::action::Pane;
use crate::tui::state::{Detail, FoundAt, State};
use crate::tui::theme::THEME;

mod account;

/// A label's column: Chinese labels are two columns a character, so padding is by width.
const LABEL: usize = 10;

fn label(text: String) -> Span<'static> {
    Span::styled(format!("{} ", fill(&text, LABEL)), THEME.label)
}

fn field(name: String, value: &str) -> Option<Line<'static>> {
    (!value.trim().is_empty()).then(|| {
        Line::from(vec![
            label(name),
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
    let kind = d.kind.map_or(String::new(), words::customer_kind);
    let summary: Vec<String> = [kind.as_str(), d.industry.as_str(), d.city.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| safe_text::line(s).into_owned())
        .collect();
    out.push(Line::styled(summary.join(" · "), THEME.dim));
    out.extend(account::value_lines(&detail.account));
    let last = match due::days_since(c.last_contact_at, state.today) {
        Some(0) => t!("since-today"),
        Some(1) => t!("since-yesterday"),
        Some(days) => t!(
            "profile-days-ago",
            n = days,
            date = c
                .last_contact_at
                .map(|t| t.format("%Y-%m-%d").to_string())
                .unwrap_or_default()
        ),
        None => t!("since-never"),
    };
    out.extend(field(t!("profile-last"), &last));
    out.extend(
        [
            (t!("form-phone"), d.phone.as_str()),
            (t!("form-email"), &d.email),
            (t!("form-wechat"), &d.wechat),
        ]
        .into_iter()
        .filter_map(|(l, v)| field(l, v)),
    );
    let marked = match state.found_at {
        Some(FoundAt::Person(id)) => Some(id),
        _ => None,
    };
    out.extend(people_lines(&detail.contacts, marked));
    out.extend(account::deal_lines(&detail.account, state.today));
    out.extend(account::complaint_lines(&detail.account, state.today));
    out.extend(follow_up_lines(&detail.follow_ups, state.now));
    let cadence = d
        .cadence_days
        .map(|n| t!("profile-every-days", n = n))
        .unwrap_or_default();
    let birthday = d.birthday.map(|b| b.to_text()).unwrap_or_default();
    let more: Vec<Line> = [
        (t!("form-address"), d.address.as_str()),
        (t!("form-website"), &d.website),
        (t!("form-tags"), &d.tags.join(", ")),
        (t!("form-birthday"), &birthday),
        (t!("profile-source"), &d.lead_source),
        (t!("profile-cadence"), &cadence),
    ]
    .into_iter()
    .filter_map(|(l, v)| field(l, v))
    .collect();
    if !more.is_empty() {
        out.push(Line::styled(t!("profile-details"), THEME.header));
        out.extend(more);
    }
    if !d.notes.trim().is_empty() {
        out.push(Line::styled(t!("profile-notes"), THEME.header));
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
    let mut out = vec![Line::styled(t!("profile-people"), THEME.header)];
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
    let mut out = vec![Line::styled(t!("profile-open-follow-ups"), THEME.header)];
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

/// The profile from where it is scrolled to, with "12-40 of 96" on the border when it does
/// not all fit.
pub fn draw(frame: &mut Frame, area: Rect, state: &mut State) {
    let block = pane_block(t!("pane-profile"), state.focus == Pane::Profile);
    let inner = block.inner(area);
    let Some(detail) = &state.detail else {
        let body = Paragraph::new(t!("profile-none")).style(THEME.dim);
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
    let heading = |title: String| {
        lines
            .iter()
            .position(|l| l.spans.len() == 1 && l.spans[0].content == title)
    };
    let (first, target) = match found {
        Some(FoundAt::Person(_)) => {
            let marked = lines.iter().position(|l| l.style == THEME.selected);
            (heading(t!("profile-people")), marked)
        }
        Some(FoundAt::Notes) => (heading(t!("profile-notes")), heading(t!("profile-notes"))),
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
