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
        Line::styled("Welcome to fieldbook", THEME.title),
        Line::raw(""),
        Line::raw("Your customer book is empty."),
        Line::raw(""),
        Line::from(vec![
            Span::raw("Press "),
            Span::styled("a", THEME.key),
            Span::raw(" to add your first customer,"),
        ]),
        Line::from(vec![
            Span::raw("or quit with "),
            Span::styled("q", THEME.key),
            Span::raw(" and try "),
            Span::styled("fieldbook --demo", THEME.key),
            Span::raw(" for a book full of examples."),
        ]),
        Line::raw(""),
        Line::from(vec![
            Span::styled("?", THEME.key),
            Span::raw(" shows every key."),
        ]),
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

pub fn draw_too_small(frame: &mut Frame, area: Rect, min: (u16, u16)) {
    let text = format!(
        "terminal too small: {}x{}, fieldbook needs {}x{}",
        area.width, area.height, min.0, min.1
    );
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}
