//! The dashboard's charts: contacts by channel, revenue by month, follow-ups on time, tiers
//! and lifecycle stages.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph, Widget};

use super::{fit, right, tier_style};
use crate::book::model::{Channel, Stage};
use crate::book::money;
use crate::i18n::{calendar, words};
use crate::services::dashboard::Dashboard;
use crate::tui::theme::THEME;
use unicode_width::UnicodeWidthStr;

const THIS_WEEK: Style = Style::new().fg(Color::Cyan);
const LAST_WEEK: Style = Style::new().fg(Color::DarkGray);
const REVENUE: Style = Style::new().fg(Color::Green);
const ON_TIME: Style = Style::new().fg(Color::Green);
const LATE: Style = Style::new().fg(Color::Red);

/// A bar of `part / whole` of `width` columns, in eighths.
fn meter(part: u64, whole: u64, width: usize) -> String {
    const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    if whole == 0 || width == 0 {
        return String::new();
    }
    let eighths = (u128::from(part.min(whole)) * width as u128 * 8 / u128::from(whole)) as usize;
    format!("{}{}", "█".repeat(eighths / 8), EIGHTHS[eighths % 8])
}

/// A channel under its bars, in as few columns as a bar group has.
fn short_channel(c: Channel) -> String {
    match c {
        Channel::Meeting => t!("chart-channel-meeting"),
        Channel::Message => t!("chart-channel-message"),
        other => words::channel(other),
    }
}

fn legend(spans: Vec<Span<'static>>, area: Rect, buf: &mut Buffer) -> Rect {
    let [chart, line] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    Paragraph::new(Line::from(spans)).render(line, buf);
    chart
}

pub(super) fn contacts_chart(dash: &Dashboard, area: Rect, buf: &mut Buffer) {
    let (this, last) = dash
        .contacts
        .iter()
        .fold((0, 0), |(t, l), w| (t + w.this_week, l + w.last_week));
    let chart = legend(
        vec![
            Span::styled("█", THIS_WEEK),
            Span::raw(format!(" {}  ", t!("chart-this-week", n = this))),
            Span::styled("█", LAST_WEEK),
            Span::raw(format!(" {}", t!("chart-last-week", n = last))),
        ],
        area,
        buf,
    );
    let groups = dash.contacts.len().max(1) as u16;
    let bar_width = ((chart.width + 1) / groups).saturating_sub(1) / 2;
    let bar_width = bar_width.clamp(1, 4);
    let mut widget = BarChart::default()
        .bar_width(bar_width)
        .bar_gap(0)
        .group_gap(1);
    for week in &dash.contacts {
        let bars = [
            Bar::default()
                .value(week.this_week as u64)
                .style(THIS_WEEK)
                .value_style(Style::new().fg(Color::Black).bg(Color::Cyan)),
            Bar::default()
                .value(week.last_week as u64)
                .style(LAST_WEEK)
                .value_style(Style::new().fg(Color::White).bg(Color::DarkGray)),
        ];
        widget = widget.data(BarGroup::new(bars).label(Line::from(short_channel(week.channel))));
    }
    widget.render(chart, buf);
}

pub(super) fn revenue_chart(dash: &Dashboard, area: Rect, buf: &mut Buffer) {
    let best = dash
        .revenue_by_month
        .iter()
        .filter(|m| m.total > 0)
        .max_by_key(|m| (m.total, m.month));
    let spans = match (best, dash.revenue_by_month.last()) {
        (Some(best), Some(now)) => vec![Span::raw(t!(
            "chart-best-month",
            month = calendar::month_and_year(best.month),
            amount = money::format_short(best.total, &dash.currency),
            now = money::format_short(now.total, &dash.currency)
        ))],
        _ => vec![Span::styled(t!("chart-no-orders"), THEME.dim)],
    };
    let chart = legend(spans, area, buf);
    let months = dash.revenue_by_month.len().max(1) as u16;
    let bar_width = ((chart.width + 1) / months).saturating_sub(1).clamp(1, 6);
    // The months' names when every one fits under its bar ("Jan", "12月"), else their numbers.
    let names = dash
        .revenue_by_month
        .iter()
        .all(|m| calendar::month(m.month).width() <= usize::from(bar_width));
    let bars: Vec<Bar> = dash
        .revenue_by_month
        .iter()
        .map(|m| {
            let label = if names {
                calendar::month(m.month)
            } else {
                m.month.format("%m").to_string()
            };
            Bar::default()
                .value(m.total.max(0) as u64)
                .text_value(String::new())
                .label(Line::from(label))
        })
        .collect();
    BarChart::default()
        .data(BarGroup::new(bars))
        .bar_width(bar_width)
        .bar_gap(1)
        .bar_style(REVENUE)
        .render(chart, buf);
}

pub(super) fn follow_ups_chart(dash: &Dashboard, area: Rect, buf: &mut Buffer) {
    let t = dash.follow_ups;
    let total = (t.on_time + t.late) as u64;
    if total == 0 {
        Paragraph::new(Span::styled(t!("chart-none-done"), THEME.dim)).render(area, buf);
        return;
    }
    let pct = (t.on_time as u64 * 100 + total / 2) / total;
    let chart = legend(
        vec![Span::styled(
            t!("chart-on-time-of", pct = pct, total = total),
            THEME.dim,
        )],
        area,
        buf,
    );
    let bar = |label: &str, n: usize, style: Style| {
        Bar::default()
            .label(Line::from(format!("{} {n:>3}", fit(label, 7))))
            .value(n as u64)
            .text_value(String::new())
            .style(style)
    };
    BarChart::default()
        .direction(Direction::Horizontal)
        .data(BarGroup::new([
            bar(&t!("chart-on-time"), t.on_time, ON_TIME),
            bar(&t!("chart-late"), t.late, LATE),
        ]))
        .bar_width(1)
        .bar_gap(1)
        .max(total)
        .render(chart, buf);
}

pub(super) fn tier_lines(dash: &Dashboard, width: usize) -> Vec<Line<'static>> {
    let bar = width.saturating_sub(26);
    let mut lines: Vec<Line> = dash
        .tiers
        .iter()
        .map(|t| {
            Line::from(vec![
                Span::styled(t.tier.as_str().to_string(), tier_style(t.tier)),
                Span::raw(format!(
                    "{} {} {}% ",
                    right(&t.customers.to_string(), 5),
                    right(&money::format_short(t.revenue, &dash.currency), 11),
                    right(&t.share_pct.to_string(), 3),
                )),
                Span::styled(meter(u64::from(t.share_pct), 100, bar), REVENUE),
            ])
        })
        .collect();
    lines.push(Line::from(Span::styled(
        t!("dash-set-by-hand", n = dash.tiers_set_by_hand),
        THEME.dim,
    )));
    lines
}

fn stage_style(stage: Stage) -> Style {
    match stage {
        Stage::AtRisk => THEME.due_today,
        Stage::Lost => THEME.dim,
        _ => Style::new(),
    }
}

pub(super) fn stage_lines(dash: &Dashboard, width: usize) -> Vec<Line<'static>> {
    let columns = if width >= 40 { 2 } else { 1 };
    let col = width / columns;
    let max = dash.stages.iter().map(|s| s.customers).max().unwrap_or(0) as u64;
    let cell = |i: usize| -> Vec<Span<'static>> {
        let Some(s) = dash.stages.get(i) else {
            return Vec::new();
        };
        let bar = col.saturating_sub(16);
        vec![
            Span::styled(fit(&words::stage(s.stage), 8), stage_style(s.stage)),
            Span::raw(format!("{} ", right(&s.customers.to_string(), 5))),
            Span::styled(
                fit(&meter(s.customers as u64, max, bar), bar + 1),
                stage_style(s.stage),
            ),
        ]
    };
    let rows = dash.stages.len().div_ceil(columns);
    let mut lines: Vec<Line> = (0..rows)
        .map(|r| {
            Line::from(
                (0..columns)
                    .flat_map(|c| cell(c * rows + r))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    lines.push(Line::from(Span::styled(
        t!("dash-set-by-hand", n = dash.stages_set_by_hand),
        THEME.dim,
    )));
    lines
}
