//! What is drawn over or instead of the panes: a y/n question, the welcome screen, and the
//! too-small message. Help has a file of its own.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::pane_block;
use crate::safe_text;
use crate::tui::state::Question;
use crate::tui::theme::THEME;

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
