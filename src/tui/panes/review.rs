//! Today's review: the item on screen beside the customer's latest interactions, a counter of
//! what is left, and a summary once the walk is over.

use crate::i18n::calendar;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::history::interaction_lines;
use super::pane_block;
use crate::book::model::{Contact, Customer};
use crate::safe_text;
use crate::services::account::Account;
use crate::tui::review::{Handled, QuickDate, Review, ReviewItem};
use crate::tui::theme::THEME;
use crate::tui::ui::WIDE;

pub fn draw(frame: &mut Frame, area: Rect, review: &Review, today: NaiveDate) {
    let [counter, body] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    frame.render_widget(
        Paragraph::new(counter_line(review, counter.width.into())),
        counter,
    );
    if review.is_finished() {
        draw_summary(frame, body, review);
        return;
    }
    let [card, recent] = if area.width >= WIDE {
        Layout::horizontal([Constraint::Percentage(45), Constraint::Fill(1)]).areas(body)
    } else {
        Layout::vertical([Constraint::Percentage(55), Constraint::Fill(1)]).areas(body)
    };
    let title = match review.current() {
        Some(ReviewItem::FollowUp(_)) => "Due",
        _ => "Going cold",
    };
    frame.render_widget(
        Paragraph::new(card_lines(review, today))
            .block(pane_block(title.to_string(), true))
            .wrap(Wrap { trim: false }),
        card,
    );
    let title = format!("Last interactions ({})", review.recent_total);
    let lines = if review.recent.is_empty() {
        vec![Line::styled("nothing logged yet", THEME.dim)]
    } else {
        interaction_lines(review.recent.iter(), recent.height as usize)
    };
    frame.render_widget(
        Paragraph::new(lines)
            .block(pane_block(title, false))
            .wrap(Wrap { trim: false }),
        recent,
    );
}

/// "Today's review · 3 of 12 · 9 left · 2 done · 1 snoozed · 1 skipped · 10 of 74 going cold".
/// Where that is too wide, the cap gives way first, then what is left, then the title: the
/// position and the marks stay.
fn counter_line(review: &Review, width: usize) -> Line<'static> {
    let shown = (review.at + 1).min(review.items.len());
    let tally = tally(review);
    let cold = review.cold_items();
    let mut parts = [
        Some("Today's review · ".to_string()),
        Some(format!("{shown} of {}", review.items.len())),
        Some(format!(" · {} left", review.left())),
        (!tally.is_empty()).then(|| format!(" · {tally}")),
        (review.cold_total > cold)
            .then(|| format!(" · {cold} of {} going cold", review.cold_total)),
    ];
    let plain = ratatui::style::Style::new();
    let styles = [THEME.title, plain, plain, THEME.dim, THEME.dim];
    for give_way in [4, 2, 0] {
        let wide: usize = parts.iter().flatten().map(|p| p.chars().count()).sum();
        if wide <= width {
            break;
        }
        parts[give_way] = None;
    }
    let spans = parts
        .into_iter()
        .zip(styles)
        .filter_map(|(part, style)| Some(Span::styled(part?, style)));
    Line::from(spans.collect::<Vec<_>>())
}

fn tally(review: &Review) -> String {
    let counts = [
        ("done", review.count(|h| h == Handled::Done)),
        (
            "snoozed",
            review.count(|h| matches!(h, Handled::Snoozed(_))),
        ),
        ("logged", review.count(|h| h == Handled::Logged)),
        (
            "planned",
            review.count(|h| matches!(h, Handled::Planned(_))),
        ),
        ("skipped", review.count(|h| h == Handled::Skipped)),
        (
            "no longer cold",
            review.count(|h| h == Handled::NoLongerCold),
        ),
    ];
    counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(what, n)| format!("{n} {what}"))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn card_lines(review: &Review, today: NaiveDate) -> Vec<Line<'static>> {
    let mut out = item_lines(review.current(), today);
    if let Some(h) = review.current_handled() {
        // A skip is still to do: dim, never the tick of what is done.
        let style = match h {
            Handled::Skipped => THEME.dim,
            _ => THEME.info,
        };
        let mark = match (h, review.current()) {
            (Handled::Skipped, Some(ReviewItem::Cold(_))) => "· skipped, still going cold".into(),
            _ => h.mark(),
        };
        out.push(Line::styled(mark, style));
    }
    if review.choosing_date {
        out.extend(date_choice_lines(review.current(), today));
    }
    out.push(Line::raw(""));
    if let Some(c) = &review.customer {
        out.extend(customer_lines(c, review.account.as_ref(), today));
        out.extend(people_lines(&review.people));
        out.extend(note_lines(&c.draft.notes));
    }
    out
}

/// Each person with title, phone and WeChat: whom to ask for, on which number.
fn people_lines(people: &[Contact]) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for p in people {
        let mut bits = vec![p.draft.name.as_str()];
        bits.extend(
            [&p.draft.title, &p.draft.phone, &p.draft.wechat]
                .into_iter()
                .map(|s| s.trim())
                .filter(|s| !s.is_empty()),
        );
        out.push(Line::from(vec![
            Span::styled("Person ", THEME.label),
            Span::raw(safe_text::line(&bits.join(" · ")).into_owned()),
        ]));
    }
    out
}

/// The customer's notes, the first few lines: what to remember before the call.
fn note_lines(notes: &str) -> Vec<Line<'static>> {
    notes
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(4)
        .enumerate()
        .map(|(i, l)| {
            let label = if i == 0 { "Notes  " } else { "       " };
            Line::from(vec![
                Span::styled(label, THEME.label),
                Span::raw(safe_text::line(l).into_owned()),
            ])
        })
        .collect()
}

/// What is due (and how late), or how far past its cadence a customer going cold is.
fn item_lines(item: Option<&ReviewItem>, today: NaiveDate) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    match item {
        Some(ReviewItem::FollowUp(f)) => {
            let (label, style) = match (today - f.draft.due_on).num_days() {
                late if late > 0 => (
                    format!(
                        "OVERDUE by {late} day{} · was due {}",
                        if late == 1 { "" } else { "s" },
                        f.draft.due_on.format("%a %m-%d")
                    ),
                    THEME.overdue,
                ),
                _ => ("DUE TODAY".to_string(), THEME.due_today),
            };
            let mut head = vec![Span::styled(label, style)];
            if let Some(rule) = f.draft.repeat {
                head.push(Span::styled(format!("  ↻ {}", rule.describe()), THEME.dim));
            }
            out.push(Line::from(head));
            out.extend(
                safe_text::lines(&f.draft.task)
                    .into_iter()
                    .map(|l| Line::styled(l, THEME.title)),
            );
        }
        Some(ReviewItem::Cold(row)) => {
            let over = row.cold_by.unwrap_or(0);
            let text = match over {
                0 => "GOING COLD: due for a contact today".to_string(),
                n => format!("GOING COLD: {n} days past the stay-in-touch cadence"),
            };
            out.push(Line::styled(text, THEME.due_today));
        }
        None => {}
    }
    out
}

/// The quick snooze choices after `s`, each with the date it stands for.
fn date_choice_lines(item: Option<&ReviewItem>, today: NaiveDate) -> Vec<Line<'static>> {
    let ask = match item {
        Some(ReviewItem::Cold(_)) => "Plan a follow-up for:",
        _ => "Snooze to:",
    };
    let mut out = vec![Line::styled(ask, THEME.label)];
    for (key, what, choice) in [
        ("t", "tomorrow", QuickDate::Tomorrow),
        ("3", "in 3 days", QuickDate::InThreeDays),
        ("w", "next week", QuickDate::NextWeek),
    ] {
        let on = choice
            .resolve(today)
            .map(|d| d.format(" (%a %m-%d)").to_string())
            .unwrap_or_default();
        out.push(Line::from(vec![
            Span::styled(format!("  {key} "), THEME.key),
            Span::raw(format!("{what}{on}")),
        ]));
    }
    out.push(Line::from(vec![
        Span::styled("  o ", THEME.key),
        Span::raw("another date..."),
    ]));
    out
}

/// The item's customer: name, tier and stage, how to reach them, when they were last contacted.
fn customer_lines(c: &Customer, account: Option<&Account>, today: NaiveDate) -> Vec<Line<'static>> {
    let d = &c.draft;
    let mut out = vec![Line::styled(
        safe_text::line(&d.name).into_owned(),
        THEME.title,
    )];
    let (tier, stage) = match account {
        Some(a) => (
            a.tier().0.map_or("-", |t| t.as_str()).to_string(),
            a.stage().0.label(),
        ),
        None => ("-".to_string(), "-"),
    };
    let mut facts = vec![
        Span::styled("Tier ", THEME.label),
        Span::raw(tier),
        Span::styled("  Stage ", THEME.label),
        Span::raw(stage.to_string()),
    ];
    if !d.city.is_empty() {
        facts.push(Span::styled("  City ", THEME.label));
        facts.push(Span::raw(safe_text::line(&d.city).into_owned()));
    }
    out.push(Line::from(facts));
    for (label, value) in [("Phone", &d.phone), ("WeChat", &d.wechat)] {
        if !value.trim().is_empty() {
            out.push(Line::from(vec![
                Span::styled(format!("{label:<7}"), THEME.label),
                Span::raw(safe_text::line(value).into_owned()),
            ]));
        }
    }
    out.push(Line::from(vec![
        Span::styled("Last   ", THEME.label),
        Span::raw(calendar::last_contact_label(c.last_contact_at, today)),
    ]));
    out
}

fn draw_summary(frame: &mut Frame, area: Rect, review: &Review) {
    let tally = tally(review);
    let mut lines = vec![
        Line::styled("That's the review done.", THEME.title),
        Line::raw(""),
        Line::raw(if tally.is_empty() {
            "Nothing was changed.".to_string()
        } else {
            format!("{tally}.")
        }),
    ];
    let left = review.left();
    if left > 0 {
        lines.push(Line::raw(format!(
            "{left} not looked at yet: k goes back to them."
        )));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Esc: back to the book", THEME.dim));
    frame.render_widget(
        Paragraph::new(lines)
            .block(pane_block("Review".to_string(), true))
            .wrap(Wrap { trim: false }),
        area,
    );
}
