//! The whole screen: header, panes (side by side when wide, one at a time when narrow), footer
//! hints from the keymap, the status line, and any overlay.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::action::Pane;
use super::keymap;
use super::panes::{
    archived, clear_under, customers, dashboard, follow_ups, form, help, history, import_preview,
    overlays, profile, questions, review,
};
use super::state::{Overlay, Screen, State};
use super::theme::THEME;
use crate::safe_text;
use unicode_width::UnicodeWidthStr;

/// Below this the panes cannot say anything useful.
pub const MIN_SIZE: (u16, u16) = (40, 12);
/// From this width the panes sit side by side.
pub const WIDE: u16 = 80;

pub fn draw(frame: &mut Frame, state: &mut State) {
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        overlays::draw_too_small(frame, area, MIN_SIZE);
        return;
    }
    let [header, body, footer, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_header(frame, header, state);
    draw_screen(frame, body, state);
    match &mut state.overlay {
        Some(Overlay::Form(f)) => {
            let width = if area.width >= WIDE { 96 } else { body.width };
            let height = form::height(f, width.min(body.width)).min(body.height);
            let popup = if area.width >= WIDE {
                centered(body, width, height)
            } else {
                body
            };
            clear_under(frame, popup);
            form::draw(frame, popup, f);
        }
        Some(Overlay::Help(view)) => {
            let popup = centered(body, 100, body.height);
            clear_under(frame, popup);
            help::draw(frame, popup, view);
        }
        Some(Overlay::Confirm(q)) => {
            let (width, height) = questions::size(q);
            let popup = centered(body, width, height);
            clear_under(frame, popup);
            questions::draw(frame, popup, q, state.today);
        }
        None => {}
    }
    draw_footer(frame, footer, state);
    draw_status(frame, status, state);
}

/// The screen under any overlay. The archived list and the import preview sit over the book.
fn draw_screen(frame: &mut Frame, body: Rect, state: &mut State) {
    let today = state.today;
    match &mut state.screen {
        Screen::Dashboard {
            dashboard: dash,
            scroll,
        } => {
            let most = dashboard::max_scroll(dash, body);
            *scroll = (*scroll).min(most);
            dashboard::draw(frame, body, dash, *scroll);
            return;
        }
        Screen::Review(r) => {
            review::draw(frame, body, r, today);
            return;
        }
        _ => {}
    }
    let overlay_only = matches!(state.overlay, Some(Overlay::Form(_) | Overlay::Help(_)));
    if state.book_is_empty() && !overlay_only {
        overlays::draw_welcome(frame, body);
    } else if body.width >= WIDE {
        draw_wide(frame, body, state);
    } else {
        draw_narrow(frame, body, state);
    }
    match &mut state.screen {
        Screen::Archived(list) => {
            archived::draw(frame, centered(body, 100, body.height), list, today);
        }
        Screen::ImportPreview(p) => {
            let area = if body.width >= WIDE {
                centered(body, 110, body.height)
            } else {
                body
            };
            import_preview::draw(frame, area, p);
        }
        _ => {}
    }
}

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

fn draw_wide(frame: &mut Frame, area: Rect, state: &mut State) {
    let [top, bottom] =
        Layout::vertical([Constraint::Percentage(68), Constraint::Min(6)]).areas(area);
    let [list, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)]).areas(top);
    let [prof, hist] =
        Layout::vertical([Constraint::Percentage(50), Constraint::Fill(1)]).areas(right);
    customers::draw(frame, list, state);
    profile::draw(frame, prof, state);
    history::draw(frame, hist, state);
    follow_ups::draw(frame, bottom, state);
}

fn draw_narrow(frame: &mut Frame, area: Rect, state: &mut State) {
    let [tabs, pane] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let spans: Vec<Span> = Pane::ALL
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            let style = if *p == state.focus {
                THEME.selected
            } else {
                THEME.dim
            };
            [
                Span::styled(format!(" {} {} ", i + 1, p.title()), style),
                Span::raw(" "),
            ]
        })
        .collect();
    frame.render_widget(Paragraph::new(Line::from(spans)), tabs);
    match state.focus {
        Pane::Customers => customers::draw(frame, pane, state),
        Pane::Profile => profile::draw(frame, pane, state),
        Pane::History => history::draw(frame, pane, state),
        Pane::FollowUps => follow_ups::draw(frame, pane, state),
    }
}

fn draw_header(frame: &mut Frame, area: Rect, state: &State) {
    let today = state.today;
    // Follow-ups are kept earliest first: the counts are two binary searches, not a walk
    // over every open follow-up on every frame.
    let fs = state.follow_ups.keys();
    // Timed ones lead their day, so today's whose time has passed directly follow the days
    // before: overdue is still a prefix.
    let overdue = fs.partition_point(|f| {
        crate::book::due::Bucket::of(f.due_on, f.due_time, state.now)
            == crate::book::due::Bucket::Overdue
    });
    let due_today = fs.partition_point(|f| f.due_on <= today) - overdue;
    let mut spans = vec![
        Span::styled("fieldbook", THEME.title),
        Span::styled(
            format!(" · {}", safe_text::line(&state.book_name)),
            THEME.dim,
        ),
        Span::raw(format!(
            " · {}",
            crate::t!(
                "header-today",
                weekday = crate::i18n::calendar::weekday(today),
                date = today.format("%Y-%m-%d").to_string()
            )
        )),
    ];
    if state.loading {
        // Counts from the first screen would be short: say what is happening instead.
        spans.push(Span::styled(
            format!(" · {}", crate::t!("header-reading")),
            THEME.dim,
        ));
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
        return;
    }
    if overdue > 0 {
        spans.push(Span::styled(
            format!(" · {}", crate::t!("header-overdue", n = overdue)),
            THEME.overdue,
        ));
    }
    if due_today > 0 {
        spans.push(Span::styled(
            format!(" · {}", crate::t!("header-due-today", n = due_today)),
            THEME.due_today,
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The hints that fit the width, in table order; when some must go, the help key stays, as it
/// leads to all the others.
fn draw_footer(frame: &mut Frame, area: Rect, state: &State) {
    let hints = keymap::hints(&keymap::contexts(state));
    // By display width: a Chinese hint takes two columns a character.
    let width = |h: &&keymap::Hint| h.keys.width() + h.text.width() + 3;
    let total: usize = hints.iter().map(|h| width(&h)).sum();
    let mut shown: Vec<&keymap::Hint> = hints.iter().collect();
    if total > usize::from(area.width) {
        let help = hints.iter().find(|h| h.opens_help);
        let mut room = usize::from(area.width).saturating_sub(help.as_ref().map_or(0, width));
        shown = hints
            .iter()
            .filter(|h| !h.opens_help)
            .take_while(|h| {
                let fits = width(h) <= room;
                room = room.saturating_sub(width(h));
                fits
            })
            .chain(help)
            .collect();
    }
    let mut spans = Vec::new();
    for hint in shown {
        spans.push(Span::styled(hint.keys.clone(), THEME.key));
        spans.push(Span::raw(format!(" {}  ", hint.text)));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_status(frame: &mut Frame, area: Rect, state: &State) {
    if let Some(s) = &state.status {
        let style = if s.is_error { THEME.error } else { THEME.info };
        frame.render_widget(
            Paragraph::new(safe_text::line(&s.text).into_owned()).style(style),
            area,
        );
    }
}
