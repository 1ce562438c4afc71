//! Follow-ups for the whole book (or one customer): Overdue, Today, Next 7 days, Later.

use crate::i18n::{calendar, words};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::pane_block;
use crate::book::due::Bucket;
use crate::book::model::FollowUp;
use crate::safe_text;
use crate::text::{clip, pad};
use crate::tui::action::Pane;
use crate::tui::state::{FollowUpScope, ListCursor, State};
use crate::tui::theme::THEME;

pub fn due_style(due: NaiveDate, time: Option<NaiveTime>, now: NaiveDateTime) -> Style {
    match Bucket::of(due, time, now) {
        Bucket::Overdue => THEME.overdue,
        Bucket::Today => THEME.due_today,
        _ => THEME.dim,
    }
}

pub fn draw(frame: &mut Frame, area: Rect, state: &mut State) {
    let focused = state.focus == Pane::FollowUps;
    let scope = match state.follow_up_scope {
        FollowUpScope::WholeBook => crate::t!("follow-ups-scope-all"),
        FollowUpScope::SelectedCustomer => state
            .detail
            .as_ref()
            .map_or(crate::t!("follow-ups-scope-this"), |d| {
                safe_text::line(&d.customer.draft.name).into_owned()
            }),
    };
    let block = pane_block(crate::t!("pane-follow-ups", scope = scope), focused);
    if state.follow_ups.is_empty() {
        let text = crate::t!("follow-ups-empty");
        frame.render_widget(Paragraph::new(text).style(THEME.dim).block(block), area);
        return;
    }
    let now = state.now;
    // Headings and items as cheap markers first; lines are built only for the visible window,
    // since a big book has tens of thousands of open follow-ups.
    let mut counts = [0usize; 4];
    for f in &state.follow_ups {
        counts[Bucket::of(f.draft.due_on, f.draft.due_time, now) as usize] += 1;
    }
    let mut entries: Vec<Option<usize>> = Vec::with_capacity(state.follow_ups.len() + 4);
    let mut selected_line = 0;
    let mut current: Option<Bucket> = None;
    for (i, f) in state.follow_ups.iter().enumerate() {
        let bucket = Bucket::of(f.draft.due_on, f.draft.due_time, now);
        if current != Some(bucket) {
            entries.push(None);
            current = Some(bucket);
        }
        if i == state.follow_up_list.selected {
            selected_line = entries.len();
        }
        entries.push(Some(i));
    }
    let height = area.height.saturating_sub(2) as usize;
    let mut window = ListCursor {
        selected: selected_line,
        offset: state.follow_up_list.offset,
    };
    let first = window.window(height, entries.len());
    state.follow_up_list.offset = first;
    let shown = &entries[first..(first + height).min(entries.len())];
    let columns = Columns::of(state, shown, usize::from(area.width.saturating_sub(2)));
    let lines: Vec<Line> = shown
        .iter()
        .enumerate()
        .map(|(at, entry)| match entry {
            None => {
                // A heading sits just before the first item of its bucket.
                let next = entries[first + at + 1].unwrap_or(0);
                let f = &state.follow_ups[next].draft;
                let bucket = Bucket::of(f.due_on, f.due_time, now);
                Line::styled(
                    format!("{} ({})", words::bucket(bucket), counts[bucket as usize]),
                    THEME.header,
                )
            }
            Some(i) => item_line(state, *i, focused, &columns),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// The columns of the follow-ups on screen, measured in display columns: when (its day), the
/// time (left out when none on screen has one), the customer, and the task in what is left.
struct Columns {
    day: usize,
    time: usize,
    name: usize,
    task: usize,
}

impl Columns {
    fn of(state: &State, shown: &[Option<usize>], width: usize) -> Self {
        let items = || shown.iter().flatten().map(|&i| &state.follow_ups[i]);
        let day = items()
            .map(|f| day_label(f, state.now).width())
            .max()
            .unwrap_or(0);
        let time = if items().any(|f| f.draft.due_time.is_some()) {
            5
        } else {
            0
        };
        // Indent, then a space after each column before the task.
        let fixed = 2 + day + 1 + if time > 0 { time + 1 } else { 0 };
        let rest = width.saturating_sub(fixed);
        let widest = items()
            .map(|f| safe_text::line(&f.customer_name).width())
            .max()
            .unwrap_or(0);
        // The name gets up to half of what is left (30 at most); the task the rest.
        let name = widest.min(30).min(rest / 2).max(rest.min(6));
        let task = rest.saturating_sub(name + 1);
        Columns {
            day,
            time,
            name,
            task,
        }
    }
}

/// The day a follow-up is due ("3d overdue", "today", "in 2d"); one due today whose time
/// has passed is "overdue", as everywhere else.
fn day_label(f: &FollowUp, now: NaiveDateTime) -> String {
    let d = &f.draft;
    if d.due_on == now.date() && Bucket::of(d.due_on, d.due_time, now) == Bucket::Overdue {
        crate::t!("due-overdue")
    } else {
        calendar::due_label(Some(d.due_on), now.date())
    }
}

fn item_line(state: &State, i: usize, focused: bool, columns: &Columns) -> Line<'static> {
    let f = &state.follow_ups[i];
    let style = due_style(f.draft.due_on, f.draft.due_time, state.now);
    let day = day_label(f, state.now);
    let mut spans = vec![Span::styled(
        format!("  {} ", pad(&day, columns.day)),
        style,
    )];
    if columns.time > 0 {
        let time = f.draft.due_time.map(|t| t.format("%H:%M").to_string());
        spans.push(Span::styled(
            format!("{} ", pad(time.as_deref().unwrap_or(""), columns.time)),
            style,
        ));
    }
    spans.push(Span::styled(
        format!("{} ", pad(&safe_text::line(&f.customer_name), columns.name)),
        THEME.title,
    ));
    spans.push(Span::raw(clip(
        &safe_text::line(&f.draft.task),
        columns.task,
    )));
    let line = Line::from(spans);
    if i == state.follow_up_list.selected {
        line.style(if focused { THEME.selected } else { THEME.dim })
    } else {
        line
    }
}
