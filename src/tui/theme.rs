//! Semantic styles: panes say what a thing is (overdue, selected), the theme says how it looks.

use ratatui::style::{Color, Modifier, Style};

pub struct Theme {
    pub title: Style,
    pub border: Style,
    pub border_focused: Style,
    pub selected: Style,
    pub header: Style,
    pub dim: Style,
    pub matched: Style,
    pub overdue: Style,
    pub due_today: Style,
    pub label: Style,
    pub error: Style,
    pub info: Style,
    pub key: Style,
    pub field_focused: Style,
}

pub const THEME: Theme = Theme {
    title: Style::new().add_modifier(Modifier::BOLD),
    border: Style::new().fg(Color::DarkGray),
    border_focused: Style::new().fg(Color::Cyan),
    selected: Style::new().add_modifier(Modifier::REVERSED),
    header: Style::new()
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::UNDERLINED),
    dim: Style::new().fg(Color::DarkGray),
    matched: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    overdue: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
    due_today: Style::new().fg(Color::Yellow),
    label: Style::new().fg(Color::Cyan),
    error: Style::new().fg(Color::Red),
    info: Style::new().fg(Color::Green),
    key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    field_focused: Style::new().add_modifier(Modifier::BOLD),
};
