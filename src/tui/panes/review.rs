//! Today's review: the item on screen beside the customer's latest interactions, a counter of
//! what is left, and a summary once the walk is over.

use crate::i18n::{calendar, words};
use crate::text::fill;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

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
        Some(ReviewItem::FollowUp(_)) => t!("review-title-due"),
        _ => t!("review-title-cold"),
    };
    frame.render_widget(
        Paragraph::new(card_lines(review, today))
            .block(pane_block(title, true))
            .wrap(Wrap { trim: false }),
        card,
    );
    let title = t!("review-recent", n = review.recent_total);
    let lines = if review.recent.is_empty() {
        vec![Line::styled(t!("review-nothing-logged"), THEME.dim)]
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

/// A label before a value on the card, its values in one column in either language.
fn label(name: String) -> Span<'static> {
    Span::styled(format!("{} ", fill(&name, 6)), THEME.label)
}

/// "Mon 11-30" / "周一 11-30": when a follow-up was due or a quick date falls.
fn day_and_date(d: NaiveDate) -> String {
    format!("{} {}", calendar::weekday(d), d.format("%m-%d"))
}

/// "Today's review · 3 of 12 · 9 left · 2 done · 1 snoozed · 1 skipped · 10 of 74 going cold".
/// Where that is too wide, the cap gives way first, then what is left, then the title: the
/// position and the marks stay.
fn counter_line(review: &Review, width: usize) -> Line<'static> {
    let shown = (review.at + 1).min(review.items.len());
    let tally = tally(review);
    let cold = review.cold_items();
    let mut parts = [
        Some(format!("{} · ", t!("review-counter-title"))),
        Some(t!("review-counter-at", at = shown, n = review.items.len())),
        Some(format!(
            " · {}",
            t!("review-counter-left", n = review.left())
        )),
        (!tally.is_empty()).then(|| format!(" · {tally}")),
        (review.cold_total > cold).then(|| {
            let cold = t!("review-counter-cold", n = cold, total = review.cold_total);
            format!(" · {cold}")
        }),
    ];
    let plain = ratatui::style::Style::new();
    let styles = [THEME.title, plain, plain, THEME.dim, THEME.dim];
    for give_way in [4, 2, 0] {
        let wide: usize = parts.iter().flatten().map(|p| p.width()).sum();
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

/// How a count of handled items reads: "2 done" / "已完成2".
type Say = fn(usize) -> String;

fn tally(review: &Review) -> String {
    let count = |f: fn(Handled) -> bool| review.count(f);
    let said: [(usize, Say); 6] = [
        (count(|h| h == Handled::Done), |n| t!("review-done", n = n)),
        (count(|h| matches!(h, Handled::Snoozed(_))), |n| {
            t!("review-snoozed", n = n)
        }),
        (count(|h| h == Handled::Logged), |n| {
            t!("review-logged", n = n)
        }),
        (count(|h| matches!(h, Handled::Planned(_))), |n| {
            t!("review-planned", n = n)
        }),
        (count(|h| h == Handled::Skipped), |n| {
            t!("review-skipped", n = n)
        }),
        (count(|h| h == Handled::NoLongerCold), |n| {
            t!("review-no-longer-cold", n = n)
        }),
    ];
    said.iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, say)| say(*n))
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
            (Handled::Skipped, Some(ReviewItem::Cold(_))) => t!("review-mark-skipped-cold"),
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
            label(t!("review-person")),
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
            let name = if i == 0 {
                t!("profile-notes")
            } else {
                String::new()
            };
            Line::from(vec![
                label(name),
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
                    t!(
                        "review-overdue",
                        n = late,
                        date = day_and_date(f.draft.due_on)
                    ),
                    THEME.overdue,
                ),
                _ => (t!("review-due-today"), THEME.due_today),
            };
            let mut head = vec![Span::styled(label, style)];
            if let Some(rule) = f.draft.repeat {
                head.push(Span::styled(
                    format!("  ↻ {}", words::repeat(&rule)),
                    THEME.dim,
                ));
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
                0 => t!("review-cold-today"),
                n => t!("review-cold-days", n = n),
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
        Some(ReviewItem::Cold(_)) => t!("review-plan-for"),
        _ => t!("review-snooze-to"),
    };
    let mut out = vec![Line::styled(ask, THEME.label)];
    for (key, what, choice) in [
        ("t", t!("due-tomorrow"), QuickDate::Tomorrow),
        ("3", t!("review-in-three-days"), QuickDate::InThreeDays),
        ("w", t!("review-next-week"), QuickDate::NextWeek),
    ] {
        let on = choice
            .resolve(today)
            .map(|d| format!(" ({})", day_and_date(d)))
            .unwrap_or_default();
        out.push(Line::from(vec![
            Span::styled(format!("  {key} "), THEME.key),
            Span::raw(format!("{what}{on}")),
        ]));
    }
    out.push(Line::from(vec![
        Span::styled("  o ", THEME.key),
        Span::raw(t!("review-another-date")),
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
            words::stage(a.stage().0),
        ),
        None => ("-".to_string(), "-".to_string()),
    };
    let mut facts = vec![
        Span::styled(format!("{} ", t!("form-tier")), THEME.label),
        Span::raw(tier),
        Span::styled(format!("  {} ", t!("form-customer-stage")), THEME.label),
        Span::raw(stage),
    ];
    if !d.city.is_empty() {
        facts.push(Span::styled(format!("  {} ", t!("form-city")), THEME.label));
        facts.push(Span::raw(safe_text::line(&d.city).into_owned()));
    }
    out.push(Line::from(facts));
    for (name, value) in [(t!("form-phone"), &d.phone), (t!("form-wechat"), &d.wechat)] {
        if !value.trim().is_empty() {
            out.push(Line::from(vec![
                label(name),
                Span::raw(safe_text::line(value).into_owned()),
            ]));
        }
    }
    out.push(Line::from(vec![
        label(t!("review-last")),
        Span::raw(calendar::last_contact_label(c.last_contact_at, today)),
    ]));
    out
}

fn draw_summary(frame: &mut Frame, area: Rect, review: &Review) {
    let tally = tally(review);
    let mut lines = vec![
        Line::styled(t!("review-finished"), THEME.title),
        Line::raw(""),
        Line::raw(if tally.is_empty() {
            t!("review-nothing-changed")
        } else {
            t!("review-tally", tally = tally)
        }),
    ];
    let left = review.left();
    if left > 0 {
        lines.push(Line::raw(t!("review-not-looked-at", n = left)));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(t!("review-esc-back"), THEME.dim));
    frame.render_widget(
        Paragraph::new(lines)
            .block(pane_block(t!("review-pane"), true))
            .wrap(Wrap { trim: false }),
        area,
    );
}
