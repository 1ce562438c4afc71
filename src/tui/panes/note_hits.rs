//! The notes scope of the filter (Tab while filtering): what was said and noted that matches,
//! newest first, each with its customer; Enter opens the customer at that interaction.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use crate::safe_text;
use crate::tui::state::State;
use crate::tui::theme::THEME;

/// The line of a long text that holds the first word searched for: a summary's third line is
/// shown when that is where the match is.
fn matching_line<'a>(text: &'a str, query: &str) -> &'a str {
    let word = query.split_whitespace().next().unwrap_or("");
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let first = lines.clone().next().unwrap_or("");
    if word.is_empty() {
        return first;
    }
    lines
        .find(|l| l.to_lowercase().contains(word))
        .unwrap_or(first)
}

pub fn draw(frame: &mut Frame, area: Rect, state: &mut State, focused: bool) {
    let height = area.height.saturating_sub(1) as usize;
    state.page_height = height.max(1);
    if state.note_hits.is_empty() {
        let message = if state.filter.text().trim().is_empty() {
            "type words to search call summaries and notes (Tab: back to names)"
        } else {
            "nothing said or noted matches"
        };
        frame.render_widget(Paragraph::new(message).style(THEME.dim), area);
        return;
    }
    let first = state.note_list.window(height, state.note_hits.len());
    let query = state.filter.text().to_lowercase();
    let rows: Vec<Row> = state.note_hits[first..(first + height).min(state.note_hits.len())]
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let when =
                h.at.map_or("notes".to_string(), |t| t.format("%y-%m-%d").to_string());
            let text = matching_line(&h.text, &query);
            let row = Row::new(vec![
                Cell::from(when).style(THEME.label),
                Cell::from(safe_text::line(&h.customer_name).into_owned()),
                Cell::from(safe_text::line(text).into_owned()),
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
            Constraint::Length(8),
            Constraint::Percentage(35),
            Constraint::Fill(1),
        ],
    )
    .header(Row::new(vec!["When", "Customer", "What was said"]).style(THEME.header))
    .column_spacing(1);
    frame.render_widget(table, area);
}
