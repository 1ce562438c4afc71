//! Follow-ups for the whole book (or one customer): Overdue, Today, Next 7 days, Later.

use crate::i18n::{calendar, words};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::pane_block;
use crate::book::due::Bucket;
use crate::book::follow_ups::FollowUpKey;
use crate::book::model::FollowUp;
use crate::safe_text;
use crate::text::{clip, pad};
use crate::tui::action::Pane;
use crate::tui::state::{FollowUpScope, ListCursor, State};
use crate::tui::theme::THEME;

pub fn due_style(due: NaiveDate, time: Option<NaiveTime>, now: NaiveDateTime) -> Style {
    match Bucket::of(due, time, now) {
        Bucket::Overdue => THEME.overdue,
        Bucket::Today => THEME.due_today,
        _ => THEME.dim,
    }
}

pub fn draw(frame: &mut Frame, area: Rect, state: &mut State) {
    let focused = state.focus == Pane::FollowUps;
    let scope = match state.follow_up_scope {
        FollowUpScope::WholeBook => crate::t!("follow-ups-scope-all"),
        FollowUpScope::SelectedCustomer => state
            .detail
            .as_ref()
            .map_or(crate::t!("follow-ups-scope-this"), |d| {
                safe_text::line(&d.customer.draft.name).into_owned()
            }),
    };
    let block = pane_block(crate::t!("pane-follow-ups", scope = scope), focused);
    if state.follow_ups.is_empty() {
        let text = crate::t!("follow-ups-empty");
        frame.render_widget(Paragraph::new(text).style(THEME.dim).block(block), area);
        return;
    }
    let now = state.now;
    // Only the window's lines are made: a big book has tens of thousands of open follow-ups,
    // and this pane is drawn with every frame.
    let runs = Runs::of(state.follow_ups.keys(), now);
    let height = area.height.saturating_sub(2) as usize;
    let mut window = ListCursor {
        selected: runs.line_of(state.follow_up_list.selected),
        offset: state.follow_up_list.offset,
    };
    let first = window.window(height, runs.lines());
    state.follow_up_list.offset = first;
    let shown: Vec<Entry> = (first..(first + height).min(runs.lines()))
        .map(|line| runs.at(line))
        .collect();
    let columns = Columns::of(state, &shown, usize::from(area.width.saturating_sub(2)));
    let lines: Vec<Line> = shown
        .iter()
        .map(|entry| match *entry {
            Entry::Heading(bucket) => Line::styled(
                format!("{} ({})", words::bucket(bucket), runs.count(bucket)),
                THEME.header,
            ),
            Entry::Item(i) => item_line(state, i, focused, &columns),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// A line of the pane: a bucket's heading, or follow-up `i`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Heading(Bucket),
    Item(usize),
}

/// Where each bucket's follow-ups start. The state keeps them earliest first (see
/// `set_follow_ups` in `state/rows.rs`), so each bucket is one run, found by halving.
struct Runs {
    /// `starts[b]..starts[b + 1]`: the follow-ups of `Bucket::ALL[b]`.
    starts: [usize; 5],
}

impl Runs {
    fn of(follow_ups: &[FollowUpKey], now: NaiveDateTime) -> Self {
        let bucket = |f: &FollowUpKey| Bucket::of(f.due_on, f.due_time, now);
        debug_assert!(
            follow_ups.is_sorted_by_key(bucket),
            "follow-ups out of order"
        );
        let mut starts = [follow_ups.len(); 5];
        for (b, of) in Bucket::ALL.iter().enumerate() {
            starts[b] = follow_ups.partition_point(|f| bucket(f) < *of);
        }
        Runs { starts }
    }

    fn count(&self, bucket: Bucket) -> usize {
        let b = bucket as usize;
        self.starts[b + 1] - self.starts[b]
    }

    /// The buckets with follow-ups, in order, each with how many headings come before it.
    fn shown(&self) -> impl Iterator<Item = (usize, Bucket)> + '_ {
        Bucket::ALL
            .into_iter()
            .filter(|b| self.count(*b) > 0)
            .enumerate()
    }

    /// Lines in all: every follow-up, and a heading before each bucket that has any.
    fn lines(&self) -> usize {
        self.starts[4] + self.shown().count()
    }

    /// The line of follow-up `i` (0 when there is none such).
    fn line_of(&self, i: usize) -> usize {
        self.shown()
            .find(|(_, b)| i < self.starts[*b as usize + 1])
            .map_or(0, |(before, _)| i + before + 1)
    }

    fn at(&self, line: usize) -> Entry {
        for (before, b) in self.shown() {
            let heading = self.starts[b as usize] + before;
            if line == heading {
                return Entry::Heading(b);
            }
            if line <= heading + self.count(b) {
                return Entry::Item(line - before - 1);
            }
        }
        Entry::Item(self.starts[4].saturating_sub(1))
    }
}

/// The columns of the follow-ups on screen, measured in display columns: when (its day), the
/// time (left out when none on screen has one), the customer, and the task in what is left.
struct Columns {
    day: usize,
    time: usize,
    name: usize,
    task: usize,
}

impl Columns {
    fn of(state: &State, shown: &[Entry], width: usize) -> Self {
        let items = || {
            shown.iter().filter_map(|e| match *e {
                Entry::Item(i) => state.follow_ups.get(i),
                Entry::Heading(_) => None,
            })
        };
        let day = items()
            .map(|f| day_label(f, state.now).width())
            .max()
            .unwrap_or(0);
        let time = if items().any(|f| f.draft.due_time.is_some()) {
            5
        } else {
            0
        };
        // Indent, then a space after each column before the task.
        let fixed = 2 + day + 1 + if time > 0 { time + 1 } else { 0 };
        let rest = width.saturating_sub(fixed);
        let widest = items()
            .map(|f| safe_text::line(&f.customer_name).width())
            .max()
            .unwrap_or(0);
        // The name gets up to half of what is left (30 at most); the task the rest.
        let name = widest.min(30).min(rest / 2).max(rest.min(6));
        let task = rest.saturating_sub(name + 1);
        Columns {
            day,
            time,
            name,
            task,
        }
    }
}

/// The day a follow-up is due ("3d overdue", "today", "in 2d"); one due today whose time
/// has passed is "overdue", as everywhere else.
fn day_label(f: &FollowUp, now: NaiveDateTime) -> String {
    let d = &f.draft;
    if d.due_on == now.date() && Bucket::of(d.due_on, d.due_time, now) == Bucket::Overdue {
        crate::t!("due-overdue")
    } else {
        calendar::due_label(Some(d.due_on), now.date())
    }
}

fn item_line(state: &State, i: usize, focused: bool, columns: &Columns) -> Line<'static> {
    // Read from the book when the selection comes near; one the book no longer has open
    // (done elsewhere) shows as a gap until the list is read again.
    let Some(f) = state.follow_ups.get(i) else {
        return Line::styled("  …", THEME.dim);
    };
    let style = due_style(f.draft.due_on, f.draft.due_time, state.now);
    let day = day_label(f, state.now);
    let mut spans = vec![Span::styled(
        format!("  {} ", pad(&day, columns.day)),
        style,
    )];
    if columns.time > 0 {
        let time = f.draft.due_time.map(|t| t.format("%H:%M").to_string());
        spans.push(Span::styled(
            format!("{} ", pad(time.as_deref().unwrap_or(""), columns.time)),
            style,
        ));
    }
    spans.push(Span::styled(
        format!("{} ", pad(&safe_text::line(&f.customer_name), columns.name)),
        THEME.title,
    ));
    spans.push(Span::raw(clip(
        &safe_text::line(&f.draft.task),
        columns.task,
    )));
    let line = Line::from(spans);
    if i == state.follow_up_list.selected {
        line.style(if focused { THEME.selected } else { THEME.dim })
    } else {
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::book::model::{CustomerId, FollowUpDraft, FollowUpId};
    use proptest::prelude::*;

    fn follow_up(id: i64, due_on: NaiveDate, due_time: Option<NaiveTime>) -> FollowUp {
        FollowUp {
            id: FollowUpId(id),
            draft: FollowUpDraft {
                customer_id: CustomerId(1),
                due_on,
                due_time,
                task: "call".into(),
                repeat: None,
            },
            interaction_id: None,
            customer_name: "星河".into(),
            done_at: None,
        }
    }

    /// The pane's lines made the plain way: every follow-up in turn, a heading where its
    /// bucket changes.
    fn every_line(follow_ups: &[FollowUp], now: NaiveDateTime) -> Vec<Entry> {
        let mut out = Vec::new();
        let mut current = None;
        for (i, f) in follow_ups.iter().enumerate() {
            let bucket = Bucket::of(f.draft.due_on, f.draft.due_time, now);
            if current != Some(bucket) {
                out.push(Entry::Heading(bucket));
                current = Some(bucket);
            }
            out.push(Entry::Item(i));
        }
        out
    }

    proptest! {
        #[test]
        fn runs_give_the_lines_a_walk_of_every_follow_up_gives(
            days in proptest::collection::vec((-20i64..40, proptest::option::of(0u32..24)), 0..60),
            hour in 0u32..24,
        ) {
            let now = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap().and_hms_opt(hour, 30, 0).unwrap();
            let mut follow_ups: Vec<FollowUp> = days
                .iter()
                .enumerate()
                .map(|(i, (d, h))| {
                    let on = now.date() + chrono::Duration::days(*d);
                    follow_up(i as i64, on, h.map(|h| NaiveTime::from_hms_opt(h, 0, 0).unwrap()))
                })
                .collect();
            follow_ups.sort_by_key(crate::book::follow_ups::order_key);
            let want = every_line(&follow_ups, now);
            let keys: Vec<FollowUpKey> = follow_ups.iter().map(FollowUpKey::of).collect();
            let runs = Runs::of(&keys, now);
            prop_assert_eq!(runs.lines(), want.len());
            let got: Vec<Entry> = (0..runs.lines()).map(|l| runs.at(l)).collect();
            prop_assert_eq!(&got, &want);
            for (i, _) in follow_ups.iter().enumerate() {
                prop_assert_eq!(want[runs.line_of(i)], Entry::Item(i));
            }
            for b in Bucket::ALL {
                let n = follow_ups
                    .iter()
                    .filter(|f| Bucket::of(f.draft.due_on, f.draft.due_time, now) == b)
                    .count();
                prop_assert_eq!(runs.count(b), n);
            }
        }
    }
}
