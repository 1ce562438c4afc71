//! The customer list: who needs attention, with the filter line under it.

use crate::i18n::{calendar, words};
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
use crate::text::clip;
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

/// Which columns the list has room for, and how wide each is. The name matters most: below
/// 56 columns the city goes, below 48 the last contact too and the tier shrinks to its
/// letter, so a list at 80x24 still shows most of a name.
struct Columns {
    name: usize,
    city: bool,
    last: bool,
    tier: usize,
    next: usize,
}

impl Columns {
    /// `next` is as wide as the widest next-follow-up label on screen.
    fn for_width(width: usize, next: usize) -> Self {
        let (city, last, tier) = match width {
            56.. => (true, true, 4),
            48.. => (false, true, 4),
            // The tier's letter; a Chinese heading needs two columns.
            _ => (
                false,
                false,
                crate::t!("list-col-tier-short").width().max(1),
            ),
        };
        let next = next.max(4);
        let taken = usize::from(city) * 11 + usize::from(last) * 10 + (tier + 1) + (next + 1);
        Columns {
            name: width.saturating_sub(taken),
            city,
            last,
            tier,
            next,
        }
    }

    fn widths(&self) -> Vec<Constraint> {
        let mut widths = vec![Constraint::Length(self.name as u16)];
        if self.city {
            widths.push(Constraint::Length(10));
        }
        widths.push(Constraint::Length(self.tier as u16));
        if self.last {
            widths.push(Constraint::Length(9));
        }
        widths.push(Constraint::Length(self.next as u16));
        widths
    }

    fn header(&self) -> Row<'static> {
        let mut header = vec![crate::t!("list-col-name")];
        if self.city {
            header.push(crate::t!("list-col-city"));
        }
        header.push(if self.tier >= 4 {
            crate::t!("list-col-tier")
        } else {
            crate::t!("list-col-tier-short")
        });
        if self.last {
            header.push(crate::t!("list-col-last"));
        }
        header.push(crate::t!("list-col-next"));
        Row::new(header).style(THEME.header)
    }
}

/// The name, its matched characters highlighted (computed for the visible window only, never
/// the whole book) and cut to `width` with `…`; a row found by one of its people says who (the
/// name cut to make room), so the salesperson sees why the row is here.
fn name_cell(state: &State, i: usize, query: &str, width: usize) -> Line<'static> {
    let r = &state.rows[i];
    let lit = state.search.highlights(&r.name, query);
    let Some(person) = state.search.matched_person_at(i, r, query) else {
        return clipped(&r.name, &lit, Style::new(), width);
    };
    let person_width = safe_text::line(person).width();
    // The person is the reason the row is here, but the name keeps at least half.
    let room = width
        .saturating_sub(person_width + 3)
        .max(width / 2)
        .min(width);
    let mut name = clipped(&r.name, &lit, Style::new(), room);
    let left = width.saturating_sub(name.width() + 3);
    if left > 0 {
        let lit = state.search.highlights(person, query);
        name.push_span(Span::styled(" · ", THEME.dim));
        name.spans
            .extend(clipped(person, &lit, THEME.dim, left).spans);
    }
    name
}

/// `text` made safe, clipped to `width` with `…`, and highlighted where it still shows.
fn clipped(text: &str, matched: &[usize], base: Style, width: usize) -> Line<'static> {
    let safe = safe_text::line(text);
    let shown = clip(&safe, width);
    // The ellipsis that marks a cut is never lit.
    let kept = shown.chars().count() - usize::from(safe.width() > width);
    let lit: Vec<usize> = matched.iter().copied().filter(|&i| i < kept).collect();
    highlighted(&shown, &lit, base)
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
    let shown = if state.loading {
        // Only the top of the list is read yet: not a count of the book.
        t!("pane-customers-first", n = state.visible.len())
    } else if !state.visible_complete {
        // A keystroke's best rows; the rest are being found.
        t!("pane-customers-best", n = state.visible.len())
    } else if state.visible.len() == state.rows.len() {
        format!("{}", state.rows.len())
    } else {
        format!("{}/{}", state.visible.len(), state.rows.len())
    };
    let title = if state.notes_scope {
        crate::t!("pane-notes-search", n = state.note_hits.len())
    } else {
        crate::t!(
            "pane-customers",
            shown = shown,
            order = words::sort_order(state.order)
        )
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
            crate::t!("list-empty")
        } else {
            crate::t!("list-no-match")
        };
        frame.render_widget(Paragraph::new(message).style(THEME.dim), list_area);
        return;
    }
    let first = state.list.window(height, state.visible.len());
    let window = &state.visible[first..(first + height).min(state.visible.len())];
    let next = window
        .iter()
        .map(|&i| next_label(state, &state.rows[i]).width())
        .max()
        .unwrap_or(0);
    let columns = Columns::for_width(usize::from(list_area.width), next);
    let rows: Vec<Row> = window
        .iter()
        .enumerate()
        .map(|(i, &idx)| {
            let row = customer_row(state, idx, &columns);
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
    let table = Table::new(rows, columns.widths())
        .header(columns.header())
        .column_spacing(1);
    frame.render_widget(table, list_area);
}

fn next_label(state: &State, r: &CustomerRow) -> String {
    calendar::due_label(r.next_follow_up_on, state.today)
}

/// One customer's row: the name with what the filter matched (and the person it was found
/// by), then the columns there is room for.
fn customer_row(state: &State, i: usize, columns: &Columns) -> Row<'static> {
    let r = &state.rows[i];
    let name = name_cell(state, i, state.filter.text(), columns.name);
    let mut cells = vec![Cell::from(name)];
    if columns.city {
        cells.push(Cell::from(clip(&safe_text::line(&r.city), 10)));
    }
    cells.push(Cell::from(r.tier.map_or("", |t| t.as_str())));
    if columns.last {
        cells.push(Cell::from(calendar::last_contact_label(
            r.last_contact_at,
            state.today,
        )));
    }
    cells.push(Cell::from(next_label(state, r)).style(next_style(r.next_follow_up_on, state)));
    Row::new(cells)
}

fn draw_filter_line(frame: &mut Frame, area: Rect, state: &State, filtering: bool) {
    let text = safe_text::line(state.filter.text()).into_owned();
    let prompt = if state.notes_scope {
        format!("{} ", crate::t!("filter-prompt-notes"))
    } else {
        "/ ".to_string()
    };
    let line = Line::from(vec![
        Span::styled(prompt.clone(), THEME.key),
        Span::raw(text.clone()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
    if filtering {
        let before: String = text.chars().take(state.filter.cursor()).collect();
        let x = area.x + prompt.width() as u16 + before.width() as u16;
        frame.set_cursor_position(Position::new(x.min(area.right().saturating_sub(1)), area.y));
    }
}
