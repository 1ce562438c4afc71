//! The customer list: who needs attention, with the filter line under it.

use crate::i18n::calendar;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table};
use unicode_width::UnicodeWidthStr;

use super::pane_block;
use crate::book::due::Bucket;
use crate::book::model::CustomerRow;
use crate::safe_text;
use crate::tui::action::Pane;
use crate::tui::state::State;
use crate::tui::theme::THEME;

/// `text` with the chars at `matched` (char indices) highlighted.
pub fn highlighted(text: &str, matched: &[usize], base: Style) -> Line<'static> {
    let shown = safe_text::line(text);
    if matched.is_empty() {
        return Line::from(Span::styled(shown.into_owned(), base));
    }
    let spans: Vec<Span<'static>> = shown
        .chars()
        .enumerate()
        .map(|(i, c)| {
            let style = if matched.contains(&i) {
                base.patch(THEME.matched)
            } else {
                base
            };
            Span::styled(c.to_string(), style)
        })
        .collect();
    Line::from(spans)
}

/// The list's column widths and headings; `wide` adds the last contact.
fn columns(wide: bool) -> (Vec<Constraint>, Vec<&'static str>) {
    let mut widths = vec![
        Constraint::Fill(1),
        Constraint::Length(10),
        Constraint::Length(4),
    ];
    let mut header = vec!["Name", "City", "Tier"];
    if wide {
        widths.push(Constraint::Length(9));
        header.push("Last");
    }
    widths.push(Constraint::Length(11));
    header.push("Next");
    (widths, header)
}

/// `text` cut to `cols` terminal columns, `…` marking the cut.
fn cut(text: &str, cols: usize) -> String {
    if text.width() <= cols {
        return text.to_string();
    }
    let mut used = 0;
    let mut out: String = text
        .chars()
        .take_while(|c| {
            used += unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
            used < cols
        })
        .collect();
    out.push('…');
    out
}

/// The name, its matched characters highlighted (computed for the visible window only, never
/// the whole book); a row found by one of its people says who (the name cut to make room), so
/// the salesperson sees why the row is here.
fn name_cell(state: &State, r: &CustomerRow, query: &str, width: usize) -> Line<'static> {
    let lit = state.search.highlights(&r.name, query);
    let Some(person) = state.search.matched_person(r, query) else {
        return highlighted(&r.name, &lit, Style::new());
    };
    let room = width.saturating_sub(person.width() + 3);
    let mut name = highlighted(&cut(&r.name, room), &lit, Style::new());
    let lit = state.search.highlights(person, query);
    name.push_span(Span::styled(" · ", THEME.dim));
    name.spans
        .extend(highlighted(person, &lit, THEME.dim).spans);
    name
}

fn next_style(due: Option<chrono::NaiveDate>, state: &State) -> Style {
    // The row keeps only the date of the next follow-up, not its time.
    match due.map(|d| Bucket::of(d, None, state.now)) {
        Some(Bucket::Overdue) => THEME.overdue,
        Some(Bucket::Today) => THEME.due_today,
        _ => Style::new(),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, state: &mut State) {
    let focused = state.focus == Pane::Customers;
    let shown = if state.visible.len() == state.rows.len() {
        format!("{}", state.rows.len())
    } else {
        format!("{}/{}", state.visible.len(), state.rows.len())
    };
    let title = if state.notes_scope {
        format!("1 Notes search ({} found)", state.note_hits.len())
    } else {
        format!("1 Customers ({shown}) · {}", state.order.label())
    };
    let block: Block = pane_block(title, focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let filtering = state.screen.is_filtering();
    let show_filter = filtering || !state.filter.text().is_empty();
    let [list_area, filter_area] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(u16::from(show_filter)),
    ])
    .areas(inner);
    if show_filter {
        draw_filter_line(frame, filter_area, state, filtering);
    }
    if state.notes_scope {
        super::note_hits::draw(frame, list_area, state, focused);
        return;
    }

    let height = list_area.height.saturating_sub(1) as usize;
    state.page_height = height.max(1);
    if state.visible.is_empty() {
        let message = if state.filter.text().is_empty() {
            "no customers"
        } else {
            "no customer matches"
        };
        frame.render_widget(Paragraph::new(message).style(THEME.dim), list_area);
        return;
    }
    let first = state.list.window(height, state.visible.len());
    let wide = list_area.width >= 52;
    // What the fixed columns (city, tier, last, next) and their spacing leave the name.
    let fixed = if wide {
        10 + 4 + 9 + 11 + 4
    } else {
        10 + 4 + 11 + 3
    };
    let name_width = usize::from(list_area.width).saturating_sub(fixed);
    let rows: Vec<Row> = state.visible[first..(first + height).min(state.visible.len())]
        .iter()
        .enumerate()
        .map(|(i, &idx)| {
            let row = customer_row(state, &state.rows[idx], wide, name_width);
            if first + i == state.list.selected {
                row.style(if focused {
                    THEME.selected
                } else {
                    THEME.selected.patch(THEME.dim)
                })
            } else {
                row
            }
        })
        .collect();
    let (widths, header) = columns(wide);
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(THEME.header))
        .column_spacing(1);
    frame.render_widget(table, list_area);
}

/// One customer's row: the name with what the filter matched (and the person it was found
/// by), city, tier, when last contacted (when wide) and what is next.
fn customer_row(state: &State, r: &CustomerRow, wide: bool, name_width: usize) -> Row<'static> {
    let name = name_cell(state, r, state.filter.text(), name_width);
    let mut cells = vec![
        Cell::from(name),
        Cell::from(safe_text::line(&r.city).into_owned()),
        Cell::from(r.tier.map_or("", |t| t.as_str())),
    ];
    if wide {
        cells.push(Cell::from(calendar::last_contact_label(
            r.last_contact_at,
            state.today,
        )));
    }
    cells.push(
        Cell::from(calendar::due_label(r.next_follow_up_on, state.today))
            .style(next_style(r.next_follow_up_on, state)),
    );
    Row::new(cells)
}

fn draw_filter_line(frame: &mut Frame, area: Rect, state: &State, filtering: bool) {
    let text = safe_text::line(state.filter.text()).into_owned();
    let prompt = if state.notes_scope { "notes/ " } else { "/ " };
    let line = Line::from(vec![
        Span::styled(prompt, THEME.key),
        Span::raw(text.clone()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
    if filtering {
        let before: String = text.chars().take(state.filter.cursor()).collect();
        let x = area.x + prompt.width() as u16 + before.width() as u16;
        frame.set_cursor_position(Position::new(x.min(area.right().saturating_sub(1)), area.y));
    }
}
