//! A question drawn over the screen, waiting for its answer: archive a customer, add one the
//! book probably has already, undo a change from before this session.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::pane_block;
use crate::book::model::{Customer, CustomerDraft};
use crate::repository::UndoStep;
use crate::safe_text;
use crate::text;
use crate::tui::state::Question;
use crate::tui::theme::THEME;

/// The size a question asks for (the screen may give less).
pub fn size(question: &Question) -> (u16, u16) {
    match question {
        Question::Reverse(_) => (64, 9),
        Question::Duplicate { .. } => (90, 13),
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
        Question::Reverse(step) => reverse_text(step, today),
        Question::Duplicate {
            existing,
            typed,
            why,
            ..
        } => return draw_duplicate(frame, area, existing, typed, why, today),
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
    let when = match crate::book::due::done_at_label(step.at, today) {
        // A bare time reads as a clock in a question: "from today 14:32".
        time if step.at.date() == today => format!("today {time}"),
        when => when,
    };
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

/// What was typed beside the book's record, row by row, why they look like one customer, and
/// the four ways on.
fn draw_duplicate(
    frame: &mut Frame,
    area: Rect,
    existing: &Customer,
    typed: &CustomerDraft,
    why: &str,
    today: NaiveDate,
) {
    let inner = usize::from(area.width.saturating_sub(2));
    let column = inner.saturating_sub(LABEL + 2) / 2;
    let row = |label: &str, typed: &str, book: &str| {
        Line::from(vec![
            Span::styled(text::pad(label, LABEL), THEME.label),
            Span::raw(text::pad(
                &text::clip(&safe_text::line(typed), column),
                column,
            )),
            Span::raw("  "),
            Span::raw(text::clip(&safe_text::line(book), column)),
        ])
    };
    let b = &existing.draft;
    let last = existing.last_contact_at.map_or("never".to_string(), |at| {
        format!(
            "{} ({})",
            at.format("%Y-%m-%d"),
            crate::i18n::calendar::last_contact_label(Some(at), today)
        )
    });
    let book_title = if existing.archived {
        format!("In the book (c{}, archived)", existing.id)
    } else {
        format!("In the book (c{})", existing.id)
    };
    let lines = vec![
        Line::raw(format!(
            "Probably in the book already: {}.",
            safe_text::line(why)
        )),
        Line::raw(""),
        Line::styled(
            format!(
                "{}{}  {}",
                " ".repeat(LABEL),
                text::pad("You typed", column),
                book_title
            ),
            THEME.header,
        ),
        row("Name", &typed.name, &b.name),
        row("City", &typed.city, &b.city),
        row("Phone", &typed.phone, &b.phone),
        row("E-mail", &typed.email, &b.email),
        row("Last contact", "", &last),
        Line::raw(""),
        Line::styled(
            "o open it · m merge into it (fill its blanks) · a add anyway · Esc back to the form",
            THEME.key,
        ),
    ];
    frame.render_widget(Clear, area);
    let block = pane_block("Already in the book?".to_string(), true);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

/// The label column of the likely-duplicate question.
const LABEL: usize = 13;
