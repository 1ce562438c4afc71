//! The dashboard: charts of how the territory is going, then the lists of who needs attention.
//! Wide, the panels sit side by side; narrow, they stack in one column, the lists first. What
//! does not fit scrolls by `scroll` lines.

mod charts;
mod lists;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::pane_block;
use crate::book::model::Tier;
use crate::book::money;
use crate::i18n::calendar;
use crate::safe_text;
use crate::services::dashboard::Dashboard;
use crate::text::clip;
use crate::tui::theme::THEME;
use lists::ListView;

/// From this width the panels sit side by side.
pub const WIDE: u16 = 100;

const BOLD: Style = Style::new().add_modifier(Modifier::BOLD);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Panel {
    Contacts,
    Revenue,
    FollowUps,
    Tiers,
    Stages,
    AtRisk,
    Cold,
    Visits,
    Complaints,
    Opportunities,
    Greetings,
}

/// A row of panels: its height, whether it takes a share of spare lines, (panel, width weight).
struct Band {
    height: u16,
    grows: bool,
    panels: Vec<(Panel, u16)>,
}

/// Book text, safe to draw.
fn book(text: &str) -> String {
    safe_text::line(text).into_owned()
}

/// `text` cut or padded to exactly `width` columns.
fn fit(text: &str, width: usize) -> String {
    let mut out = clip(text, width);
    out.push_str(&" ".repeat(width.saturating_sub(out.width())));
    out
}

fn right(text: &str, width: usize) -> String {
    let out = clip(text, width);
    format!("{}{out}", " ".repeat(width.saturating_sub(out.width())))
}

fn tier_style(tier: Tier) -> Style {
    match tier {
        Tier::A => BOLD,
        Tier::B => Style::new(),
        Tier::C => THEME.dim,
    }
}

/// A one-column tier mark; "-" for unranked.
fn tier_span(tier: Option<Tier>) -> Span<'static> {
    match tier {
        Some(t) => Span::styled(t.as_str().to_string(), tier_style(t)),
        None => Span::styled("-", THEME.dim),
    }
}

fn wide_bands() -> Vec<Band> {
    use Panel::*;
    let band = |height, grows, panels: &[(Panel, u16)]| Band {
        height,
        grows,
        panels: panels.to_vec(),
    };
    vec![
        band(10, false, &[(Contacts, 1), (Revenue, 1)]),
        band(6, false, &[(FollowUps, 3), (Tiers, 4), (Stages, 4)]),
        band(7, true, &[(AtRisk, 3), (Cold, 2)]),
        band(7, true, &[(Visits, 3), (Complaints, 2)]),
        band(6, true, &[(Opportunities, 3), (Greetings, 2)]),
    ]
}

/// One column, each panel as tall as it needs: what to act on first, then the charts.
fn narrow_bands(dash: &Dashboard, width: u16) -> Vec<Band> {
    use Panel::*;
    let inner = usize::from(width.saturating_sub(2));
    [
        AtRisk,
        Visits,
        Cold,
        Complaints,
        Opportunities,
        Greetings,
        Contacts,
        Revenue,
        FollowUps,
        Tiers,
        Stages,
    ]
    .into_iter()
    .map(|panel| Band {
        height: natural_height(panel, dash, inner),
        grows: false,
        panels: vec![(panel, 1)],
    })
    .collect()
}

fn natural_height(panel: Panel, dash: &Dashboard, inner: usize) -> u16 {
    let lines = match panel {
        Panel::Contacts | Panel::Revenue => 8,
        Panel::FollowUps | Panel::Tiers => 4,
        Panel::Stages if inner >= 40 => 4,
        Panel::Stages => 7,
        Panel::Greetings => lists::greetings(dash, inner, 4).len(),
        list => list_view(list, dash, inner).map_or(1, |view| view.height()),
    };
    u16::try_from(lines + 2).unwrap_or(u16::MAX)
}

fn bands_for(dash: &Dashboard, area: Rect) -> Vec<Band> {
    let mut bands = if area.width >= WIDE {
        wide_bands()
    } else {
        narrow_bands(dash, area.width)
    };
    // Spare lines go to the lists.
    let used: u16 = 1 + bands.iter().map(|b| b.height).sum::<u16>();
    let growing = bands.iter().filter(|b| b.grows).count() as u16;
    if area.height > used && growing > 0 {
        let spare = area.height - used;
        for (i, band) in (0u16..).zip(bands.iter_mut().filter(|b| b.grows)) {
            band.height += spare / growing + u16::from(i < spare % growing);
        }
    }
    bands
}

/// How many lines the dashboard can scroll at this size (0 when it all fits).
pub fn max_scroll(dash: &Dashboard, area: Rect) -> usize {
    let total: u16 = 1 + bands_for(dash, area).iter().map(|b| b.height).sum::<u16>();
    if total <= area.height {
        0
    } else {
        usize::from(total - area.height.saturating_sub(1))
    }
}

pub fn draw(frame: &mut Frame, area: Rect, dash: &Dashboard, scroll: usize) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let bands = bands_for(dash, area);
    let total: u16 = 1 + bands.iter().map(|b| b.height).sum::<u16>();
    let overflow = total > area.height;
    let visible = if overflow {
        area.height - 1
    } else {
        area.height
    };
    let scroll = scroll.min(max_scroll(dash, area));
    let canvas = Rect::new(0, 0, area.width, total.max(visible));
    let mut buf = Buffer::empty(canvas);
    header(dash).render(Rect::new(0, 0, area.width, 1), &mut buf);
    let mut y = 1;
    for band in &bands {
        let row = Rect::new(0, y, area.width, band.height);
        let widths: Vec<Constraint> = band
            .panels
            .iter()
            .map(|(_, w)| Constraint::Fill(*w))
            .collect();
        let cells = Layout::horizontal(widths).split(row);
        for ((panel, _), cell) in band.panels.iter().zip(cells.iter()) {
            draw_panel(*panel, dash, *cell, &mut buf);
        }
        y += band.height;
    }
    let target = frame.buffer_mut();
    for row in 0..visible {
        for x in 0..area.width {
            let from = (x, row + scroll as u16);
            target[(area.x + x, area.y + row)] = buf[from].clone();
        }
    }
    if overflow {
        let first = scroll + 1;
        let last = scroll + usize::from(visible);
        let where_ = if last >= usize::from(total) {
            t!("dash-end")
        } else {
            t!("dash-more-below")
        };
        let lines = t!(
            "dash-lines",
            first = first,
            last = last,
            total = total,
            place = where_
        );
        let text = format!(" {lines} ");
        Paragraph::new(Line::from(Span::styled(text, THEME.dim)).right_aligned())
            .render(Rect::new(area.x, area.y + visible, area.width, 1), target);
    }
}

fn header(dash: &Dashboard) -> Paragraph<'static> {
    let text = format!(
        " · {} · {}",
        calendar::weekday_and_date(dash.today),
        t!(
            "report-customers-and-currency",
            n = dash.customers,
            currency = &dash.currency
        )
    );
    Paragraph::new(Line::from(vec![
        Span::styled(t!("report-title"), THEME.title),
        Span::styled(text, THEME.dim),
    ]))
}

fn title(panel: Panel, dash: &Dashboard) -> String {
    match panel {
        Panel::Contacts => t!("report-contacts-by-channel"),
        Panel::Revenue => t!(
            "dash-revenue",
            total = money::format_short(dash.revenue_12_months, &dash.currency)
        ),
        Panel::FollowUps => t!("dash-follow-ups", days = dash.follow_up_days),
        Panel::Tiers => t!("dash-tiers"),
        Panel::Stages => t!("dash-lifecycle"),
        Panel::AtRisk => t!("dash-at-risk", n = dash.at_risk.total),
        Panel::Cold => t!("dash-going-cold", n = dash.going_cold.total),
        Panel::Visits => t!(
            "dash-visits",
            customers = dash.visit_plan.customers,
            cities = dash.visit_plan.cities.total
        ),
        Panel::Complaints => t!("dash-complaints", n = dash.open_complaints.total),
        Panel::Opportunities => t!(
            "dash-opportunities",
            n = dash.top_opportunities.total,
            total = money::format_short(dash.open_pipeline, &dash.currency)
        ),
        Panel::Greetings => match &dash.greetings {
            Some(g) => t!(
                "dash-greetings-for",
                name_zh = g.holiday.name_zh,
                name_en = g.holiday.name_en
            ),
            None => t!("dash-greetings"),
        },
    }
}

fn list_view(panel: Panel, dash: &Dashboard, inner: usize) -> Option<ListView> {
    Some(match panel {
        Panel::AtRisk => lists::at_risk(dash, inner),
        Panel::Cold => lists::going_cold(dash, inner),
        Panel::Visits => lists::visits(dash, inner),
        Panel::Complaints => lists::complaints(dash, inner),
        Panel::Opportunities => lists::opportunities(dash, inner),
        _ => return None,
    })
}

fn draw_panel(panel: Panel, dash: &Dashboard, area: Rect, buf: &mut Buffer) {
    let block = pane_block(title(panel, dash), false);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let (width, height) = (usize::from(inner.width), usize::from(inner.height));
    let lines = match panel {
        Panel::Contacts => return charts::contacts_chart(dash, inner, buf),
        Panel::Revenue => return charts::revenue_chart(dash, inner, buf),
        Panel::FollowUps => return charts::follow_ups_chart(dash, inner, buf),
        Panel::Tiers => charts::tier_lines(dash, width),
        Panel::Stages => charts::stage_lines(dash, width),
        Panel::Greetings => lists::greetings(dash, width, height),
        list => list_view(list, dash, width).map_or_else(Vec::new, |view| view.fit(height)),
    };
    Paragraph::new(lines).render(inner, buf);
}
