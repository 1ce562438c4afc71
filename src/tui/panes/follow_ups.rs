//! Follow-ups for the whole book (or one customer): Overdue, Today, Next 7 days, Later.

use crate::i18n::calendar;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::pane_block;
use crate::book::due::Bucket;
use crate::safe_text;
use crate::text::pad;
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
        FollowUpScope::WholeBook => "all customers".to_string(),
        FollowUpScope::SelectedCustomer => {
            state.detail.as_ref().map_or("this customer".into(), |d| {
                safe_text::line(&d.customer.draft.name).into_owned()
            })
        }
    };
    let block = pane_block(format!("4 Follow-ups · {scope}"), focused);
    if state.follow_ups.is_empty() {
        let text = "nothing to follow up: press f to add a follow-up, or l to log a contact with a next step";
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
    let lines: Vec<Line> = entries
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(line_no, entry)| match entry {
            None => {
                // A heading sits just before the first item of its bucket.
                let next = entries[line_no + 1].unwrap_or(0);
                let f = &state.follow_ups[next].draft;
                let bucket = Bucket::of(f.due_on, f.due_time, now);
                Line::styled(
                    format!("{} ({})", bucket.title(), counts[bucket as usize]),
                    THEME.header,
                )
            }
            Some(i) => item_line(state, *i, focused),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn item_line(state: &State, i: usize, focused: bool) -> Line<'static> {
    let f = &state.follow_ups[i];
    let when = calendar::due_label_at(f.draft.due_on, f.draft.due_time, state.now);
    let line = Line::from(vec![
        Span::styled(
            format!("  {}", crate::text::fill(&when, 12)),
            due_style(f.draft.due_on, f.draft.due_time, state.now),
        ),
        Span::styled(
            format!("{} ", pad(&safe_text::line(&f.customer_name), 24)),
            THEME.title,
        ),
        Span::raw(safe_text::line(&f.draft.task).into_owned()),
    ]);
    if i == state.follow_up_list.selected {
        line.style(if focused { THEME.selected } else { THEME.dim })
    } else {
        line
    }
}
