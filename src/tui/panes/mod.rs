//! One file per pane or overlay; each draws from State and nothing else.

pub mod archived;
pub mod customers;
pub mod dashboard;
pub mod follow_ups;
pub mod form;
pub mod history;
pub mod import_preview;
pub mod note_hits;
pub mod overlays;
pub mod profile;
pub mod review;

use ratatui::widgets::{Block, BorderType};

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
