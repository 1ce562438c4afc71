//! One file per pane or overlay; each draws from State and nothing else.

pub mod archived;
pub mod customers;
pub mod dashboard;
pub mod field_text;
pub mod follow_ups;
pub mod form;
pub mod history;
pub mod import_preview;
pub mod note_hits;
pub mod overlays;
pub mod profile;
pub mod questions;
pub mod review;

use ratatui::Frame;
use ratatui::layout::Rect;
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
        .title(ratatui::text::Span::styled(
            format!(" {title} "),
            THEME.title,
        ))
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
