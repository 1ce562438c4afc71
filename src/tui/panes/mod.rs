//! One file per pane or overlay; each draws from State and nothing else.

pub mod archived;
pub mod customers;
pub mod dashboard;
pub mod field_text;
pub mod follow_ups;
pub mod form;
pub mod help;
pub mod history;
pub mod import_preview;
pub mod note_hits;
pub mod overlays;
pub mod profile;
pub mod questions;
pub mod review;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear};
use unicode_width::UnicodeWidthStr;

use super::theme::THEME;

/// The frame every pane sits in; the focused one stands out.
pub fn pane_block(title: String, focused: bool) -> Block<'static> {
    let (border, kind) = if focused {
        (THEME.border_focused, BorderType::Thick)
    } else {
        (THEME.border, BorderType::Plain)
    };
    Block::bordered()
        .border_type(kind)
        .border_style(border)
        .title(Span::styled(format!(" {title} "), THEME.title))
}

/// Clears the cells an overlay covers. A wide character drawn beneath whose first half sits
/// just left of the overlay would otherwise keep its second half, which is the overlay's
/// border: the terminal is never sent that cell and the border shows a gap. That character
/// goes too (a space in its place).
pub fn clear_under(frame: &mut Frame, area: Rect) {
    frame.render_widget(Clear, area);
    let Some(left) = area.x.checked_sub(1) else {
        return;
    };
    let buf = frame.buffer_mut();
    for y in area.top()..area.bottom() {
        let cell = &mut buf[(left, y)];
        if cell.symbol().width() > 1 {
            cell.set_symbol(" ");
        }
    }
}

/// `line` cut to `width` columns with `…` marking the cut, each span keeping its style; a
/// line that fits is returned whole.
pub fn clip_line(line: Line<'static>, width: usize) -> Line<'static> {
    if line.width() <= width {
        return line;
    }
    let mut room = width.saturating_sub(1);
    let mut spans = Vec::new();
    let mut style = line.style;
    for span in line.spans {
        let part = crate::text::cut(&span.content, room);
        let whole = part.len() == span.content.len();
        room -= part.width();
        style = span.style;
        spans.push(Span::styled(part, span.style));
        if !whole {
            break;
        }
    }
    if width > 0 {
        spans.push(Span::styled("…", style));
    }
    Line::from(spans).style(line.style)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clipped_line_ends_in_an_ellipsis_and_keeps_its_styles() {
        let line = Line::from(vec![
            Span::styled("Phone      ", THEME.label),
            Span::raw("北京星河科技有限公司"),
        ]);
        let clipped = clip_line(line.clone(), 20);
        assert_eq!(clipped.to_string(), "Phone      北京星河…");
        assert_eq!(clipped.width(), 20);
        assert_eq!(clipped.spans[0].style, THEME.label);
        assert_eq!(clip_line(line.clone(), 16).to_string(), "Phone      北京…");
        assert_eq!(clip_line(line.clone(), 16).width(), 16);
        assert_eq!(clip_line(line.clone(), 17).width(), 16, "no half of 星");
        assert_eq!(clip_line(line.clone(), 31), line, "fits: whole");
    }
}
