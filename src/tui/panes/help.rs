//! The `?` overlay: every binding of the keymap table, grouped by where it applies, wrapped to
//! the width it has and scrolled; it opens on the section for where the person was.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::pane_block;
use crate::text::wrap;
use crate::tui::help::HelpView;
use crate::tui::keymap::{BINDINGS, Context, keys_label};
use crate::tui::theme::THEME;

/// The help text for `width` columns, and the line each section starts on.
pub struct HelpText {
    pub lines: Vec<Line<'static>>,
    pub sections: Vec<(Context, usize)>,
}

impl HelpText {
    pub fn start(&self, section: Context) -> usize {
        self.sections
            .iter()
            .find(|(c, _)| *c == section)
            .map_or(0, |(_, at)| *at)
    }
}

/// Every binding of every context, generated from the keymap table: keys in a column as wide
/// as the widest keys, what they do wrapped beside them.
pub fn help_text(width: usize) -> HelpText {
    let keys_width = BINDINGS
        .iter()
        .map(|b| keys_label(b).width())
        .max()
        .unwrap_or(0);
    let indent = 2 + keys_width + 2;
    let room = width.saturating_sub(indent).max(12);
    let mut lines = Vec::new();
    let mut sections = Vec::new();
    for ctx in Context::ALL {
        sections.push((ctx, lines.len()));
        lines.push(Line::styled(ctx.title(), THEME.header));
        for b in BINDINGS.iter().filter(|b| b.context == ctx) {
            let keys = format!("  {:<keys_width$}  ", keys_label(b));
            for (i, part) in wrap(&b.help_text(), room).into_iter().enumerate() {
                let lead = if i == 0 {
                    Span::styled(keys.clone(), THEME.key)
                } else {
                    Span::raw(" ".repeat(indent))
                };
                lines.push(Line::from(vec![lead, Span::raw(part)]));
            }
        }
        lines.push(Line::raw(""));
    }
    lines.extend(
        wrap(&crate::t!("help-dates"), width.max(1))
            .into_iter()
            .map(|l| Line::styled(l, THEME.dim)),
    );
    HelpText { lines, sections }
}

pub fn draw(frame: &mut Frame, area: Rect, view: &mut HelpView) {
    let block = pane_block(crate::t!("help-title"), true);
    let inner = block.inner(area);
    let text = help_text(usize::from(inner.width));
    if let Some(section) = view.jump_to {
        view.scroll.offset = text.start(section);
    }
    let height = usize::from(inner.height);
    let first = view.scroll.fit(text.lines.len(), height);
    let block = match view.scroll.indicator(text.lines.len()) {
        Some(at) => block.title_bottom(Line::from(format!(" {at} ")).alignment(Alignment::Right)),
        None => block,
    };
    let shown: Vec<Line> = text.lines.into_iter().skip(first).take(height).collect();
    frame.render_widget(Paragraph::new(shown).block(block), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn every_line_fits_its_width() {
        for width in [38, 78, 98] {
            for line in help_text(width).lines {
                assert!(plain(&line).width() <= width, "{width}: {:?}", plain(&line));
            }
        }
    }

    #[test]
    fn each_section_starts_on_its_title() {
        let text = help_text(78);
        for ctx in Context::ALL {
            assert_eq!(plain(&text.lines[text.start(ctx)]), ctx.title());
        }
    }
}
