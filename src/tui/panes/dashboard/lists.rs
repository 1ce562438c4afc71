//! The dashboard's lists: at risk, going cold, the visit planner, open complaints, top
//! opportunities and who to greet. Every name and text from the book goes through `book`.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{BOLD, book, clip, fit, right, tier_span};
use crate::book::money;
use crate::book::report::{Visit, VisitReason};
use crate::i18n::{calendar, words};
use crate::services::dashboard::{Dashboard, Greetings};
use crate::tui::theme::THEME;

const COLD: Style = Style::new().fg(ratatui::style::Color::Blue);
/// From this inner width a list item fits on one line.
const ONE_LINE: usize = 60;

/// A list panel's items (each one or more lines), how many more the dashboard holds than it
/// listed, and what to say when there are none.
pub(super) struct ListView {
    pub items: Vec<Vec<Line<'static>>>,
    pub more: usize,
    pub empty: String,
}

impl ListView {
    /// Lines when everything is shown.
    pub fn height(&self) -> usize {
        let lines: usize = self.items.iter().map(Vec::len).sum();
        (lines + usize::from(self.more > 0)).max(1)
    }

    /// Whole items while they fit in `height` lines, then "… N more" for the rest.
    pub fn fit(self, height: usize) -> Vec<Line<'static>> {
        if self.items.is_empty() {
            return vec![Line::from(Span::styled(self.empty, THEME.dim))];
        }
        let room = if self.height() > height {
            height.saturating_sub(1)
        } else {
            height
        };
        let total = self.items.len();
        let mut lines = Vec::new();
        let mut shown = 0;
        for item in self.items {
            if lines.len() + item.len() > room {
                break;
            }
            lines.extend(item);
            shown += 1;
        }
        let hidden = total - shown + self.more;
        if hidden > 0 {
            lines.push(Line::from(Span::styled(
                t!("dash-more", n = hidden),
                THEME.dim,
            )));
        }
        lines
    }
}

fn name_width(inner: usize, share: usize, lo: usize, hi: usize) -> usize {
    (inner / share).clamp(lo, hi).min(inner)
}

pub(super) fn at_risk(dash: &Dashboard, inner: usize) -> ListView {
    let one_line = inner >= ONE_LINE;
    let nw = if one_line {
        name_width(inner, 3, 12, 26)
    } else {
        inner.saturating_sub(8)
    };
    let items = dash
        .at_risk
        .items
        .iter()
        .map(|r| {
            let risk = if r.risk >= 90 {
                THEME.overdue
            } else {
                THEME.due_today
            };
            let mut head = vec![
                Span::raw(fit(&book(&r.name), nw)),
                Span::raw(" "),
                tier_span(r.tier),
                Span::styled(right(&r.risk.to_string(), 4), risk),
                Span::raw(" "),
            ];
            if one_line {
                head.push(Span::raw(clip(
                    &book(&words::reasons(&r.why)),
                    inner.saturating_sub(nw + 7),
                )));
                vec![Line::from(head)]
            } else {
                let why = clip(&book(&words::reasons(&r.why)), inner.saturating_sub(2));
                vec![
                    Line::from(head),
                    Line::from(Span::styled(format!("  {why}"), THEME.dim)),
                ]
            }
        })
        .collect();
    ListView {
        items,
        more: dash.at_risk.more(),
        empty: t!("dash-nobody-at-risk"),
    }
}

pub(super) fn going_cold(dash: &Dashboard, inner: usize) -> ListView {
    // "+297d" or "+297天" and a space before it: the name gets what the rest leaves.
    let days = t!("dash-days-past", n = 999).width() + 1;
    let nw = inner.saturating_sub(14 + days);
    let items = dash
        .going_cold
        .items
        .iter()
        .map(|c| {
            let last = c
                .last_contact
                .map_or_else(|| t!("since-never"), |d| d.format("%m-%d").to_string());
            vec![Line::from(vec![
                Span::raw(fit(&book(&c.name), nw)),
                Span::raw(" "),
                tier_span(c.tier),
                Span::styled(right(&t!("dash-days-past", n = c.days_past), days), COLD),
                Span::styled(
                    format!(" {}", t!("dash-last", date = fit(&last, 5))),
                    THEME.dim,
                ),
            ])]
        })
        .collect();
    ListView {
        items,
        more: dash.going_cold.more(),
        empty: t!("dash-nobody-cold"),
    }
}

/// What a visit is for, in a few columns.
fn visit_tag(v: &Visit, dash: &Dashboard) -> Span<'static> {
    match v.reasons.first() {
        Some(VisitReason::Overdue { days }) => {
            Span::styled(t!("dash-days-late", n = *days), THEME.overdue)
        }
        Some(VisitReason::Due { on }) => {
            let text = match (*on - dash.today).num_days() {
                0 => t!("due-today"),
                1 => t!("due-tomorrow"),
                _ => calendar::weekday(*on),
            };
            Span::styled(text, THEME.due_today)
        }
        Some(VisitReason::Cold { days }) => Span::styled(t!("dash-cold-days", n = *days), COLD),
        None => Span::raw(""),
    }
}

/// Pieces laid out after each other, " · " between, over at most `max_lines` lines of `width`;
/// "+N" says how many did not fit.
fn flow(pieces: Vec<Vec<Span<'static>>>, width: usize, max_lines: usize) -> Vec<Line<'static>> {
    let count = pieces.len();
    let mut lines: Vec<Vec<Span<'static>>> = vec![Vec::new()];
    let mut used = 0;
    for (i, piece) in pieces.into_iter().enumerate() {
        let w: usize = piece.iter().map(|s| s.content.width()).sum();
        let sep = if used == 0 { 0 } else { 3 };
        // Room for " +N" when more are left after this one.
        let reserve = if i + 1 < count { 5 } else { 0 };
        if used + sep + w + reserve > width {
            if lines.len() < max_lines && used > 0 && w + reserve <= width {
                lines.push(Vec::new());
                used = 0;
            } else {
                if let Some(line) = lines.last_mut() {
                    line.push(Span::styled(format!(" +{}", count - i), THEME.dim));
                }
                break;
            }
        }
        let Some(line) = lines.last_mut() else {
            break;
        };
        if used > 0 {
            line.push(Span::styled(" · ", THEME.dim));
            used += 3;
        }
        used += w;
        line.extend(piece);
    }
    lines.into_iter().map(Line::from).collect()
}

/// One line per city when wide (the city, how many, who); narrow, the city on a line of its
/// own and who on up to two lines under it.
pub(super) fn visits(dash: &Dashboard, inner: usize) -> ListView {
    const CITY: usize = 12;
    let one_line = inner >= ONE_LINE;
    let items = dash
        .visit_plan
        .cities
        .items
        .iter()
        .map(|city| {
            let name = if city.city.is_empty() {
                t!("report-no-city")
            } else {
                book(&city.city)
            };
            let mut pieces: Vec<Vec<Span>> = city
                .visits
                .iter()
                .map(|v| {
                    vec![
                        Span::raw(format!("{} ", clip(&book(&v.name), 16))),
                        visit_tag(v, dash),
                    ]
                })
                .collect();
            let hidden = city.total - city.visits.len();
            if hidden > 0 {
                pieces.push(vec![Span::styled(format!("+{hidden}"), THEME.dim)]);
            }
            if one_line {
                let mut first = vec![
                    Span::styled(fit(&name, CITY - 4), BOLD),
                    Span::raw(right(&city.total.to_string(), 3)),
                    Span::raw("  "),
                ];
                let who = flow(pieces, inner.saturating_sub(CITY + 1), 1);
                first.extend(who.into_iter().flat_map(|l| l.spans));
                vec![Line::from(first)]
            } else {
                let mut lines = vec![Line::from(vec![
                    Span::styled(clip(&name, inner.saturating_sub(6)), BOLD),
                    Span::styled(format!(" · {}", city.total), THEME.dim),
                ])];
                for line in flow(pieces, inner.saturating_sub(2), 2) {
                    let mut spans = vec![Span::raw("  ")];
                    spans.extend(line.spans);
                    lines.push(Line::from(spans));
                }
                lines
            }
        })
        .collect();
    ListView {
        items,
        more: dash.visit_plan.cities.more(),
        empty: t!("dash-nothing-to-visit"),
    }
}

pub(super) fn complaints(dash: &Dashboard, inner: usize) -> ListView {
    let nw = name_width(inner, 3, 8, 20);
    let items = dash
        .open_complaints
        .items
        .iter()
        .map(|c| {
            let severity = match c.severity.as_str() {
                "high" => THEME.overdue,
                "medium" => THEME.due_today,
                _ => Style::new(),
            };
            vec![Line::from(vec![
                Span::styled(fit(&words::severity(c.severity), 6), severity),
                Span::raw(right(&t!("dash-days", n = c.days_open), 4)),
                Span::raw(" "),
                Span::raw(fit(&book(&c.customer), nw)),
                Span::raw(" "),
                Span::styled(
                    clip(&book(&c.what), inner.saturating_sub(nw + 12)),
                    THEME.dim,
                ),
            ])]
        })
        .collect();
    ListView {
        items,
        more: dash.open_complaints.more(),
        empty: t!("dash-no-complaints"),
    }
}

pub(super) fn opportunities(dash: &Dashboard, inner: usize) -> ListView {
    let one_line = inner >= ONE_LINE;
    let nw = if one_line {
        name_width(inner, 4, 10, 22)
    } else {
        inner.saturating_sub(28)
    };
    // What is on offer only when there is room for it.
    let tw = if one_line {
        inner.saturating_sub(nw + 30)
    } else {
        0
    };
    let items = dash
        .top_opportunities
        .items
        .iter()
        .map(|o| {
            let close = match o.expected_close {
                Some(d) if d < dash.today => {
                    Span::styled(d.format(" %m-%d").to_string(), THEME.overdue)
                }
                Some(d) => Span::raw(d.format(" %m-%d").to_string()),
                None => Span::styled("   -- ", THEME.dim),
            };
            let mut spans = vec![Span::raw(fit(&book(&o.customer), nw)), Span::raw(" ")];
            if tw > 0 {
                spans.push(Span::styled(fit(&book(&o.title), tw), THEME.dim));
                spans.push(Span::raw(" "));
            }
            spans.push(Span::raw(fit(&words::deal_stage(o.stage), 11)));
            spans.push(Span::styled(
                right(&money::format_short(o.amount, &dash.currency), 9),
                BOLD,
            ));
            spans.push(close);
            vec![Line::from(spans)]
        })
        .collect();
    ListView {
        items,
        more: dash.top_opportunities.more(),
        empty: t!("dash-no-deals"),
    }
}

/// The holiday and when, then who to greet laid out over at most `max_lines - 1` lines.
pub(super) fn greetings(dash: &Dashboard, inner: usize, max_lines: usize) -> Vec<Line<'static>> {
    let Some(g) = &dash.greetings else {
        return vec![Line::from(Span::styled(t!("dash-no-holiday"), THEME.dim))];
    };
    let Greetings {
        holiday,
        days_until,
        to_greet,
    } = g;
    let when = match days_until {
        0 => t!("due-today"),
        1 => t!("due-tomorrow"),
        n => t!("dash-in-days", n = *n),
    };
    let mut lines = vec![Line::from(vec![
        Span::raw(format!(
            "{} · {when} · ",
            calendar::weekday_and_day(holiday.on)
        )),
        Span::styled(t!("dash-to-greet", n = to_greet.total), BOLD),
    ])];
    let mut pieces: Vec<Vec<Span>> = to_greet
        .items
        .iter()
        .map(|p| {
            vec![
                Span::raw(format!("{} ", clip(&book(&p.name), 18))),
                tier_span(p.tier),
            ]
        })
        .collect();
    if to_greet.more() > 0 {
        pieces.push(vec![Span::styled(
            format!("+{}", to_greet.more()),
            THEME.dim,
        )]);
    }
    if pieces.is_empty() {
        lines.push(Line::from(Span::styled(
            t!("dash-nobody-to-greet"),
            THEME.dim,
        )));
    } else if max_lines > 1 {
        lines.extend(flow(pieces, inner, max_lines - 1));
    }
    lines
}
