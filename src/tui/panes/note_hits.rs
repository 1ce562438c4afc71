//! The notes scope of the filter (Tab while filtering): what was said and noted that matches,
//! newest first, each with whose words they are (the customer's notes, a person's, or a contact
//! logged, with its channel) and the text around the match; Enter opens the customer there.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use super::customers::highlighted;

use crate::safe_text;
use crate::tui::state::State;
use crate::tui::theme::THEME;

pub fn draw(frame: &mut Frame, area: Rect, state: &mut State, focused: bool) {
    let height = area.height.saturating_sub(1) as usize;
    state.page_height = height.max(1);
    if state.note_hits.is_empty() {
        let message = if state.filter.text().trim().is_empty() {
            crate::t!("notes-search-prompt")
        } else {
            crate::t!("notes-search-nothing")
        };
        frame.render_widget(Paragraph::new(message).style(THEME.dim), area);
        return;
    }
    let first = state.note_list.window(height, state.note_hits.len());
    let query = state.filter.text().to_string();
    // The What column: what the When and Customer columns and their spacing leave.
    let width = (area.width as usize).saturating_sub(17 + area.width as usize * 3 / 10);
    let rows: Vec<Row> = state.note_hits[first..(first + height).min(state.note_hits.len())]
        .iter()
        .enumerate()
        .map(|(i, h)| {
            // A contact logged: its date and channel; notes: the customer's or a person's.
            let when = match (h.at, h.channel) {
                (Some(at), channel) => {
                    let channel = channel.map_or(String::new(), crate::i18n::words::channel);
                    format!("{} {channel}", at.format("%y-%m-%d"))
                }
                (None, _) => crate::t!("notes-search-notes"),
            };
            let mut whose = Line::from(safe_text::line(&h.customer_name).into_owned());
            if let Some(person) = &h.person {
                let person = format!(" · {}", safe_text::line(person));
                whose.push_span(Span::styled(person, THEME.dim));
            }
            let (shown, lit) = crate::search::snippet(&h.text, &query, width.max(20));
            let row = Row::new(vec![
                Cell::from(when).style(THEME.label),
                Cell::from(whose),
                Cell::from(highlighted(&shown, &lit, Style::new())),
            ]);
            if first + i == state.note_list.selected {
                row.style(if focused {
                    THEME.selected
                } else {
                    THEME.selected.patch(THEME.dim)
                })
            } else {
                row
            }
        })
        .collect();
    let table = Table::new(
        rows,
        [
            Constraint::Length(15),
            Constraint::Percentage(30),
            Constraint::Fill(1),
        ],
    )
    .header(
        Row::new(vec![
            crate::t!("notes-col-when"),
            crate::t!("notes-col-customer"),
            crate::t!("notes-col-what"),
        ])
        .style(THEME.header),
    )
    .column_spacing(1);
    frame.render_widget(table, area);
}
