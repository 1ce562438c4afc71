//! What is drawn over or instead of the panes: help, the welcome screen, and the too-small
//! message. Questions are in `questions`.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::pane_block;
use crate::tui::keymap::{BINDINGS, Context, keys_label};
use crate::tui::theme::THEME;

/// Every binding, grouped by where it applies: generated from the keymap table.
pub fn help_lines() -> Vec<Line<'static>> {
    let contexts = [
        Context::Panes,
        Context::Customers,
        Context::FollowUps,
        Context::History,
        Context::Review,
        Context::ReviewDate,
        Context::Archived,
        Context::Dashboard,
        Context::ImportPreview,
        Context::Filter,
        Context::Form,
        Context::Confirm,
        Context::Duplicate,
        Context::Reverse,
    ];
    let mut lines = Vec::new();
    for ctx in contexts {
        lines.push(Line::styled(ctx.title(), THEME.header));
        for b in BINDINGS.iter().filter(|b| b.context == ctx) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<16}", keys_label(b)), THEME.key),
                Span::raw(b.help),
            ]));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(
        "Dates: today, tomorrow, fri, next mon, +3d, +2w, 12-01, 2026-12-01, 明天, 下周一",
        THEME.dim,
    ));
    lines
}

pub fn draw_help(frame: &mut Frame, area: Rect) {
    frame.render_widget(Clear, area);
    let block = pane_block("Keys · Esc or ? closes".to_string(), true);
    frame.render_widget(Paragraph::new(help_lines()).block(block), area);
}

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
