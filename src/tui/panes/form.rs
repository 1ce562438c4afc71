//! A form drawn as labelled fields, a message beside any field that needs fixing.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::pane_block;
use crate::safe_text;
use crate::tui::form::{Field, FieldKind, Form};
use crate::tui::keymap::{SAVE, key_name};
use crate::tui::theme::THEME;

const LABEL_WIDTH: usize = 16;

/// Rows the form wants: its fields, their extra lines and messages, and the frame.
pub fn height(form: &Form) -> u16 {
    let body: usize = form
        .fields
        .iter()
        .map(|f| f.value().matches('\n').count() + 1 + 2 * usize::from(f.error.is_some()))
        .sum();
    let extra = 2 * usize::from(form.error.is_some()) + 2 * usize::from(form.confirm_discard);
    (body + extra + 2) as u16
}

pub fn draw(frame: &mut Frame, area: Rect, form: &Form) {
    frame.render_widget(Clear, area);
    let title = format!(
        "{} · {} saves · Esc cancels",
        safe_text::line(&form.title),
        key_name(SAVE)
    );
    let block = pane_block(title, true);
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let mut lines: Vec<Line> = Vec::new();
    let mut cursor: Option<(usize, usize)> = None; // (line, column)
    let mut focus_line = 0;
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        if focused {
            focus_line = lines.len();
        }
        lines.extend(field_lines(field, focused, inner.width as usize));
        if focused && !matches!(field.kind, FieldKind::Choice(_)) {
            // Cursor: which shown line and how many columns into it.
            let before: String = field.value().chars().take(field.input.cursor()).collect();
            let row = before.matches('\n').count();
            let col_text = before.rsplit('\n').next().unwrap_or("");
            let col = safe_text::line(col_text).width();
            cursor = Some((focus_line + row, LABEL_WIDTH + col));
        }
    }
    if let Some(e) = &form.error {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!("✗ {}", safe_text::line(e)),
            THEME.error,
        ));
    }
    if form.confirm_discard {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            "Discard what you typed? y = discard, n = keep editing",
            THEME.overdue,
        ));
    }
    // Scroll so the focused field is visible on short terminals.
    let height = inner.height as usize;
    let scroll = focus_line.saturating_sub(height.saturating_sub(3));
    frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), inner);
    if let Some((line, col)) = cursor.filter(|_| !form.confirm_discard) {
        let y = line.saturating_sub(scroll);
        if y < height && col < inner.width as usize {
            frame.set_cursor_position(Position::new(inner.x + col as u16, inner.y + y as u16));
        }
    }
}

/// A field's label and value (a line per line of a multi-line value), and its message.
fn field_lines(field: &Field, focused: bool, width: usize) -> Vec<Line<'static>> {
    let label_style = if focused {
        THEME.label.patch(THEME.field_focused)
    } else {
        THEME.label
    };
    let marker = if focused { "›" } else { " " };
    let label = Span::styled(
        format!("{marker}{:<w$}", field.label, w = LABEL_WIDTH - 1),
        label_style,
    );
    let value = field.value();
    let shown_lines: Vec<String> = match field.kind {
        FieldKind::Multiline => safe_text::lines(value),
        _ => vec![safe_text::line(value).into_owned()],
    };
    let mut lines = Vec::new();
    for (n, text) in shown_lines.iter().enumerate() {
        let lead = if n == 0 {
            label.clone()
        } else {
            Span::raw(" ".repeat(LABEL_WIDTH))
        };
        let body = match field.kind {
            FieldKind::Choice(_) if focused => format!("‹ {text} ›"),
            FieldKind::Choice(_) if text.is_empty() => "-".to_string(),
            _ => text.clone(),
        };
        // A proposal looks like one: dimmed until typed over.
        let body = if field.suggested {
            Span::styled(body, THEME.dim)
        } else {
            Span::raw(body)
        };
        let mut spans = vec![lead, body];
        if n == 0
            && value.is_empty()
            && !field.placeholder.is_empty()
            && !matches!(field.kind, FieldKind::Choice(_))
        {
            spans.push(Span::styled(field.placeholder, THEME.dim));
        }
        lines.push(Line::from(spans));
        // The message sits right under the field, where the eye already is.
        if let Some(e) = field.error.as_ref().filter(|_| n + 1 == shown_lines.len()) {
            let room = width.saturating_sub(LABEL_WIDTH + 2).max(10);
            for piece in wrap(&format!("✗ {}", safe_text::line(e)), room) {
                let text = format!("{:w$}{piece}", "", w = LABEL_WIDTH);
                lines.push(Line::styled(text, THEME.error));
            }
        }
    }
    lines
}

/// Splits `text` into pieces of at most `width` columns, at spaces where it can.
fn wrap(text: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthChar;
    let mut out = vec![String::new()];
    let mut used = 0;
    for word in text.split_inclusive(' ') {
        let w = word.width();
        if used + w > width && used > 0 {
            out.push(String::new());
            used = 0;
        }
        for c in word.chars() {
            let cw = c.width().unwrap_or(0);
            if used + cw > width {
                out.push(String::new());
                used = 0;
            }
            out.last_mut().expect("never empty").push(c);
            used += cw;
        }
    }
    out
}
