//! A question drawn over the screen, waiting for its answer: archive a customer, add one whose
//! name is already in the book, undo a change from before this session.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::pane_block;
use crate::repository::UndoStep;
use crate::safe_text;
use crate::tui::state::Question;

/// The size a question asks for (the screen may give less).
pub fn size(question: &Question) -> (u16, u16) {
    match question {
        Question::Reverse(_) => (64, 9),
        _ => (60, 7),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, question: &Question, today: NaiveDate) {
    let (title, text) = match question {
        Question::Archive { name, .. } => (
            "Are you sure?".to_string(),
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
            "Already in the book".to_string(),
            same_name_text(name, city, *last_contact),
        ),
        Question::Reverse(step) => reverse_text(step, today),
    };
    frame.render_widget(Clear, area);
    let block = pane_block(title, true);
    frame.render_widget(
        Paragraph::new(text).block(block).wrap(Wrap { trim: false }),
        area,
    );
}

/// "Undo 'import 120 customers' from yesterday 17:05?", why it asks, and the keys.
fn reverse_text(step: &UndoStep, today: NaiveDate) -> (String, String) {
    let when = crate::book::due::done_at_label(step.at, today);
    let (verb, did, key) = if step.redo {
        ("Redo", "undone", "U")
    } else {
        ("Undo", "made", "u")
    };
    let title = format!("{verb} a change from before this session?");
    let text = format!(
        "{verb} '{}' from {when}?\n\nIt was {did} before this session of fieldbook \
         (or by another one).\n\n{key} again or y = {}, n or Esc = keep it",
        safe_text::line(&step.label),
        verb.to_lowercase()
    );
    (title, text)
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
