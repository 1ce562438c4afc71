//! What is drawn instead of the panes: the welcome screen and the too-small message. Help and
//! questions have files of their own.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::pane_block;
use crate::tui::theme::THEME;

pub fn draw_welcome(frame: &mut Frame, area: Rect) {
    let lines = vec![
        Line::styled(t!("welcome-title"), THEME.title),
        Line::raw(""),
        Line::raw(t!("welcome-empty")),
        Line::raw(""),
        with_keys(&t!("welcome-add")),
        with_keys(&t!("welcome-demo")),
        Line::raw(""),
        with_keys(&t!("welcome-help")),
    ];
    let block = pane_block("fieldbook".to_string(), true);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: false }),
        area,
    );
}

/// A line of the catalogue whose `marked` parts are keys to press, drawn in the key style.
fn with_keys(text: &str) -> Line<'static> {
    let spans: Vec<Span<'static>> = text
        .split('`')
        .enumerate()
        .filter(|(_, part)| !part.is_empty())
        .map(|(i, part)| {
            if i % 2 == 1 {
                Span::styled(part.to_string(), THEME.key)
            } else {
                Span::raw(part.to_string())
            }
        })
        .collect();
    Line::from(spans)
}

pub fn draw_too_small(frame: &mut Frame, area: Rect, min: (u16, u16)) {
    let text = t!(
        "status-too-small",
        width = area.width,
        height = area.height,
        needs_width = min.0,
        needs_height = min.1
    );
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}
