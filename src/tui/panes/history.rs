//! The selected customer's contact history, newest first, summaries wrapped.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::pane_block;
use crate::book::model::Interaction;
use crate::i18n::words;
use crate::safe_text;
use crate::text::fill;
use crate::tui::action::Pane;
use crate::tui::state::{FoundAt, State};
use crate::tui::theme::THEME;

pub fn draw(frame: &mut Frame, area: Rect, state: &State) {
    let focused = state.focus == Pane::History;
    let Some(detail) = &state.detail else {
        let block = pane_block(crate::t!("pane-history"), focused);
        frame.render_widget(Paragraph::new("").block(block), area);
        return;
    };
    let title = if detail.history_total > 0 {
        let at = state.history_scroll.min(detail.history_total - 1) + 1;
        crate::t!("pane-history-at", at = at, total = detail.history_total)
    } else {
        crate::t!("pane-history")
    };
    let block = pane_block(title, focused);
    if detail.history.is_empty() {
        let text = crate::t!("history-empty");
        frame.render_widget(Paragraph::new(text).style(THEME.dim).block(block), area);
        return;
    }
    let mut lines = interaction_lines(
        detail.history.iter().skip(state.history_scroll),
        area.height as usize,
    );
    // A notes hit opened here: its entry is the top one, marked.
    let top = detail.history.get(state.history_scroll).map(|i| i.id);
    if let (Some(FoundAt::Entry(id)), Some(first)) = (state.found_at, lines.first_mut())
        && top == Some(id)
    {
        *first = std::mem::take(first).patch_style(THEME.selected);
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

/// Interactions as lines, stopping once `budget` lines are filled: only what can show is built,
/// so a long history costs nothing per frame.
pub fn interaction_lines<'a>(
    interactions: impl Iterator<Item = &'a Interaction>,
    budget: usize,
) -> Vec<Line<'static>> {
    let mut lines: Vec<Line> = Vec::new();
    for i in interactions {
        if lines.len() > budget {
            break;
        }
        let d = &i.draft;
        let mut head = vec![
            Span::styled(d.at.format("%Y-%m-%d %H:%M").to_string(), THEME.label),
            Span::raw("  "),
            Span::styled(fill(&words::channel(d.channel), 7), THEME.title),
        ];
        if let Some(who) = &i.contact_name {
            head.push(Span::styled(
                format!(
                    " {}",
                    crate::t!("history-with", name = safe_text::line(who).into_owned())
                ),
                THEME.dim,
            ));
        }
        lines.push(Line::from(head));
        lines.extend(
            safe_text::lines(&d.summary)
                .into_iter()
                .map(|l| Line::raw(format!("  {l}"))),
        );
        lines.push(Line::raw(""));
    }
    lines
}
