//! A form drawn as labelled fields, a message beside any field that needs fixing. The form
//! scrolls to its focused field, and a field's text scrolls or wraps to keep the cursor in view.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::field_text::{one_line, window_start, wrapped};
use super::{clear_under, pane_block};
use crate::safe_text;
use crate::tui::form::{Field, FieldKind, Form};
use crate::tui::keymap::{SAVE, key_name};
use crate::tui::theme::THEME;

const LABEL_WIDTH: usize = 16;
/// Rows a multi-line field shows at most; longer text scrolls inside them.
pub const MULTILINE_ROWS: usize = 6;

/// A field as drawn: its lines, and where the cursor goes among them (row, column).
struct FieldView {
    lines: Vec<Line<'static>>,
    cursor: Option<(usize, usize)>,
}

/// Rows the form wants in a frame `width` columns wide: its fields (a focused choice with its
/// list), their messages, and the frame.
pub fn height(form: &Form, width: u16) -> u16 {
    let inner = usize::from(width.saturating_sub(2));
    let body: usize = (0..form.fields.len())
        .map(|i| {
            field_view(&form.fields[i], i == form.focus, inner)
                .lines
                .len()
        })
        .sum();
    let extra = 2 * usize::from(form.error.is_some()) + 2 * usize::from(form.confirm_discard);
    (body + extra + 2).min(usize::from(u16::MAX)) as u16
}

pub fn draw(frame: &mut Frame, area: Rect, form: &Form) {
    clear_under(frame, area);
    let title = t!(
        "form-title-keys",
        title = safe_text::line(&form.title).into_owned(),
        save = key_name(SAVE)
    );
    let block = pane_block(title, true);
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let mut lines: Vec<Line> = Vec::new();
    let mut cursor: Option<(usize, usize)> = None; // (line, column)
    let mut focused_rows = 0..0;
    for (i, field) in form.fields.iter().enumerate() {
        let view = field_view(field, i == form.focus, inner.width as usize);
        if i == form.focus {
            focused_rows = lines.len()..lines.len() + view.lines.len();
            cursor = view.cursor.map(|(row, col)| (lines.len() + row, col));
        }
        lines.extend(view.lines);
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
        lines.push(Line::styled(t!("form-discard-question"), THEME.overdue));
    }
    let height = inner.height as usize;
    let scroll = if form.confirm_discard {
        lines.len().saturating_sub(height)
    } else {
        scroll_to(focused_rows, cursor.map(|c| c.0), height)
    };
    frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), inner);
    if let Some((line, col)) = cursor.filter(|_| !form.confirm_discard) {
        let y = line.saturating_sub(scroll);
        if y < height && col < inner.width as usize {
            frame.set_cursor_position(Position::new(inner.x + col as u16, inner.y + y as u16));
        }
    }
}

/// The least scroll that shows the focused field whole (its first row when it is taller than
/// the window), and always the cursor's row: a form opens at its top and moves only as far as
/// the focus goes.
fn scroll_to(field: std::ops::Range<usize>, cursor: Option<usize>, height: usize) -> usize {
    let height = height.max(1);
    let mut scroll = field.end.saturating_sub(height).min(field.start);
    if let Some(row) = cursor
        && row >= scroll + height
    {
        scroll = row + 1 - height;
    }
    scroll
}

/// A field's label and value, its choices when it is a focused choice, and its message.
fn field_view(field: &Field, focused: bool, width: usize) -> FieldView {
    let label_style = if focused {
        THEME.label.patch(THEME.field_focused)
    } else {
        THEME.label
    };
    let marker = if focused { "›" } else { " " };
    let label = Span::styled(
        // Padded by display width: a Chinese label is twice as wide as its characters.
        format!(
            "{marker}{}",
            crate::text::pad(&field.label, LABEL_WIDTH - 1)
        ),
        label_style,
    );
    let room = width.saturating_sub(LABEL_WIDTH).max(4);
    let (rows, cursor) = value_rows(field, focused, room);
    let value_style = if field.suggested {
        // A proposal looks like one: dimmed until typed over.
        THEME.dim
    } else {
        ratatui::style::Style::new()
    };
    let mut lines = Vec::new();
    for (n, text) in rows.into_iter().enumerate() {
        let lead = if n == 0 {
            label.clone()
        } else {
            Span::raw(" ".repeat(LABEL_WIDTH))
        };
        let mut spans = vec![lead, Span::styled(text, value_style)];
        if n == 0 && field.value().is_empty() && !matches!(field.kind, FieldKind::Choice(_)) {
            spans.push(Span::styled(field.placeholder.clone(), THEME.dim));
        }
        lines.push(Line::from(spans));
    }
    if let (true, FieldKind::Choice(options)) = (focused, &field.kind) {
        lines.extend(choice_list(field, options, room));
    }
    // The message sits right under the field, where the eye already is.
    if let Some(e) = &field.error {
        let room = width.saturating_sub(LABEL_WIDTH + 2).max(10);
        for piece in wrap(&format!("✗ {}", safe_text::line(e)), room) {
            let text = format!("{:w$}{piece}", "", w = LABEL_WIDTH);
            lines.push(Line::styled(text, THEME.error));
        }
    }
    let cursor = cursor.map(|(row, col)| (row, LABEL_WIDTH + col));
    FieldView { lines, cursor }
}

/// The rows of a field's value in `room` columns, and the cursor among them when focused.
fn value_rows(field: &Field, focused: bool, room: usize) -> (Vec<String>, Option<(usize, usize)>) {
    let value = field.value();
    let at = field.input.cursor_byte();
    match &field.kind {
        FieldKind::Choice(_) if value.is_empty() && !focused => (vec!["-".to_string()], None),
        FieldKind::Choice(_) => {
            let shown = safe_text::line(field.shown_option(value)).into_owned();
            (
                vec![if focused {
                    format!("‹ {shown} ›")
                } else {
                    shown
                }],
                None,
            )
        }
        FieldKind::Text => {
            let (text, col) = one_line(value, if focused { at } else { 0 }, room);
            (vec![text], focused.then_some((0, col)))
        }
        FieldKind::Multiline => {
            let (rows, (row, col)) = wrapped(value, at, room);
            if !focused {
                let mut rows = rows;
                if rows.len() > MULTILINE_ROWS {
                    let more = rows.len() - (MULTILINE_ROWS - 1);
                    rows.truncate(MULTILINE_ROWS - 1);
                    rows.push(t!("form-more-lines", n = more));
                }
                return (rows, None);
            }
            let start = window_start(rows.len(), MULTILINE_ROWS, row);
            let shown = rows.into_iter().skip(start).take(MULTILINE_ROWS).collect();
            (shown, Some((row - start, col)))
        }
    }
}

/// A focused choice shows every option under it, the chosen one marked, wrapped to `room`.
fn choice_list(field: &Field, options: &[String], room: usize) -> Vec<Line<'static>> {
    let chosen = field.value();
    let mut rows: Vec<Vec<Span<'static>>> = vec![Vec::new()];
    let mut used = 0;
    for option in options {
        let name = if option.is_empty() {
            "-".to_string()
        } else {
            safe_text::line(field.shown_option(option)).into_owned()
        };
        let (text, style) = if option == chosen {
            (format!("[{name}]"), THEME.selected)
        } else {
            (format!(" {name} "), THEME.dim)
        };
        let w = text.width() + 1;
        if used + w > room && used > 0 {
            rows.push(Vec::new());
            used = 0;
        }
        let row = rows.last_mut().expect("never empty");
        if row.is_empty() {
            row.push(Span::raw(" ".repeat(LABEL_WIDTH)));
        }
        row.push(Span::styled(text, style));
        row.push(Span::raw(" "));
        used += w;
    }
    rows.into_iter().map(Line::from).collect()
}

/// Splits `text` into pieces of at most `width` columns, at spaces where it can.
fn wrap(text: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthChar;
    let mut out = vec![String::new()];
    let mut used = 0;
    for word in text.split_inclusive(' ') {
        let w = word.width();
        // A word longer than a line (Chinese runs without spaces) starts where the line is
        // and breaks between characters, rather than leaving the line's rest empty.
        if used + w > width && used > 0 && w <= width {
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
