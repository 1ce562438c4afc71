//! What is drawn over or instead of the panes: help, a y/n question, the welcome screen, and
//! the too-small message.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::pane_block;
use crate::safe_text;
use crate::tui::keymap::{BINDINGS, Context, keys_label};
use crate::tui::state::Question;
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

pub fn draw_question(frame: &mut Frame, area: Rect, question: &Question) {
    let (title, text) = match question {
        Question::Archive { name, .. } => (
            "Are you sure?",
            format!(
                "Archive {}? It leaves the list; nothing is deleted.\n\ny = archive, n = keep",
                safe_text::line(name)
            ),
        ),
        Question::SameName {
            name,
            city,
            last_contact,
            ..
        } => (
            "Already in the book",
            same_name_text(name, city, *last_contact),
        ),
    };
    frame.render_widget(Clear, area);
    let block = pane_block(title.to_string(), true);
    frame.render_widget(
        Paragraph::new(text).block(block).wrap(Wrap { trim: false }),
        area,
    );
}

/// "<name> is already in the book (city, last contact): ..." and the three ways on.
fn same_name_text(name: &str, city: &str, last: Option<chrono::NaiveDateTime>) -> String {
    let city = if city.trim().is_empty() {
        "no city".to_string()
    } else {
        safe_text::line(city).into_owned()
    };
    let last = last.map_or("never contacted".to_string(), |at| {
        format!(
            "last contact {}",
            crate::book::dates::format_date(at.date())
        )
    });
    format!(
        "{} is already in the book ({city}, {last}).\n\no = open it, a = add anyway, Esc = back to the form",
        safe_text::line(name)
    )
}

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
    let text = format!(
        "terminal too small: {}x{}, fieldbook needs {}x{}",
        area.width, area.height, min.0, min.1
    );
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}
