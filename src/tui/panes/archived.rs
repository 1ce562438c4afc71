//! The archived customers: soft-deleted, listed with when they were last contacted, and
//! restorable with `r`.

use crate::i18n::calendar;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{clip_line, pane_block};
use crate::safe_text;
use crate::tui::state::ArchivedList;
use crate::tui::theme::THEME;

pub fn draw(frame: &mut Frame, area: Rect, list: &mut ArchivedList, today: NaiveDate) {
    let title = crate::t!("pane-archived", n = list.rows.len());
    let block = pane_block(title, true);
    frame.render_widget(Clear, area);
    if list.rows.is_empty() {
        let text = crate::t!("archived-empty");
        frame.render_widget(Paragraph::new(text).style(THEME.dim).block(block), area);
        return;
    }
    let height = area.height.saturating_sub(2) as usize;
    let width = area.width.saturating_sub(2) as usize;
    let top = list.cursor.window(height, list.rows.len());
    let lines: Vec<Line> = list
        .rows
        .iter()
        .enumerate()
        .skip(top)
        .take(height)
        .map(|(i, r)| {
            let mut spans = vec![
                Span::raw(safe_text::line(&r.name).into_owned()),
                Span::styled(
                    format!(
                        "  {}",
                        crate::t!(
                            "archived-row",
                            city = safe_text::line(&r.city).into_owned(),
                            last = calendar::last_contact_label(r.last_contact_at, today)
                        )
                    ),
                    THEME.dim,
                ),
            ];
            if i == list.cursor.selected {
                spans = spans
                    .into_iter()
                    .map(|s| s.patch_style(THEME.selected))
                    .collect();
            }
            clip_line(Line::from(spans), width)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
