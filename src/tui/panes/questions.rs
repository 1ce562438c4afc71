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
            t!("question-archive-title"),
            t!(
                "question-archive",
                name = safe_text::line(name).into_owned()
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
    let when = match crate::i18n::calendar::done_at_label(step.at, today) {
        // A bare time reads as a clock in a question: "from today 14:32".
        time if step.at.date() == today => t!("done-at-today", time = time),
        when => when,
    };
    let label = crate::i18n::undo_label(&step.label);
    let what = t!("quoted", text = safe_text::line(&label).into_owned());
    if step.redo {
        (
            t!("question-redo-title"),
            t!("question-redo", what = what, when = when),
        )
    } else {
        (
            t!("question-undo-title"),
            t!("question-undo", what = what, when = when),
        )
    }
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
    let last = existing.last_contact_at.map_or(t!("since-never"), |at| {
        format!(
            "{} ({})",
            at.format("%Y-%m-%d"),
            crate::i18n::calendar::last_contact_label(Some(at), today)
        )
    });
    let book_title = if existing.archived {
        t!("question-in-book-archived", id = existing.id)
    } else {
        t!("question-in-book", id = existing.id)
    };
    let lines = vec![
        Line::raw(t!(
            "question-probably-in-book",
            why = safe_text::line(&why_said(why)).into_owned()
        )),
        Line::raw(""),
        Line::styled(
            format!(
                "{}{}  {}",
                " ".repeat(LABEL),
                text::pad(&t!("question-you-typed"), column),
                book_title
            ),
            THEME.header,
        ),
        row(&t!("question-row-name"), &typed.name, &b.name),
        row(&t!("question-row-city"), &typed.city, &b.city),
        row(&t!("question-row-phone"), &typed.phone, &b.phone),
        row(&t!("question-row-email"), &typed.email, &b.email),
        row(&t!("question-row-last-contact"), "", &last),
        Line::raw(""),
        Line::styled(t!("question-duplicate-keys"), THEME.key),
    ];
    frame.render_widget(Clear, area);
    let block = pane_block(t!("question-duplicate-title"), true);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

/// Why the book's customer looks like the one typed, in the language spoken: the matcher
/// (`interop::dedup`) says it in English, by one of these shapes.
fn why_said(why: &str) -> String {
    if let Some(email) = why.strip_prefix("the same e-mail ") {
        return t!("question-same-email", email = email);
    }
    if let Some(phone) = why.strip_prefix("the same phone ") {
        return t!("question-same-phone", phone = phone);
    }
    match why {
        "the same name" => t!("question-same-name"),
        "the same name, e-mail or phone" => t!("question-same-name-email-phone"),
        other => other.to_string(),
    }
}

/// The label column of the likely-duplicate question.
const LABEL: usize = 13;
