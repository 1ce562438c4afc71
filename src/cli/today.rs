//! `fieldbook today`: the morning's list in the order it is worked.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::Failure;
use super::commands::Context;
use super::output::{Page, Style, cell, json, safe};
use crate::book::agenda::Agenda;
use crate::book::due;
use crate::i18n::calendar;
use crate::i18n::words;
use crate::services::morning::{Morning, Shown};

/// The morning's list in the order it is worked: follow-ups (overdue, today, coming up), then
/// open complaints, then birthdays and who is going cold. A customer whose follow-up is listed
/// is not listed again as going cold: one warning each.
pub fn today(ctx: Context, days: u32, all: bool) -> Result<(), Failure> {
    let today = ctx.now.date();
    // Text shows the first of each list and counts the rest (a book of 100,000 has thousands
    // due this week); `--all` and JSON give them all.
    let shown = (!ctx.json && !all).then_some(Shown {
        each: EACH_SHOWN,
        cold: COLD_SHOWN,
    });
    let morning = crate::services::morning::read(ctx.repo, ctx.config, ctx.now, days, shown)?;
    let (agenda, open_complaints) = (&morning.agenda, &morning.open_complaints);
    if ctx.json {
        let mut value = serde_json::to_value(agenda).map_err(|e| Failure::input(e.to_string()))?;
        value["complaints"] =
            serde_json::to_value(open_complaints).map_err(|e| Failure::input(e.to_string()))?;
        return json(&value);
    }
    if agenda.is_empty() && open_complaints.is_empty() {
        println!("{}", t!("today-nothing"));
        return Ok(());
    }
    let style = Style::detect();
    let mut page = Page::default();
    print_follow_ups(&mut page, &morning, days, ctx.now, &style);
    print_complaints(&mut page, &morning, today, &style);
    print_birthdays(&mut page, agenda, all, &style);
    print_cold(&mut page, agenda, morning.cold_total, today, &style);
    page.show();
    Ok(())
}

/// Customers going cold that `today` prints; the rest are counted.
const COLD_SHOWN: usize = 20;

/// Follow-ups of each section, and open complaints, that `today` prints; the rest are counted.
/// More than a territory of a few thousand customers has on a morning.
const EACH_SHOWN: usize = 100;

/// The line under a list cut short: how many more, and how to see them.
fn more(page: &mut Page, total: usize, shown: usize, style: &Style) {
    if total > shown {
        page.line(format_args!(
            "  {}",
            style.dim(&t!("today-more", n = total - shown))
        ));
    }
}

fn print_complaints(page: &mut Page, morning: &Morning, today: NaiveDate, style: &Style) {
    let open_complaints = &morning.open_complaints;
    if open_complaints.is_empty() {
        return;
    }
    page.line(format_args!(
        "{}",
        style.heading(&t!("today-open-complaints", n = morning.totals.complaints))
    ));
    for (c, name) in open_complaints.iter().zip(&morning.complaint_customers) {
        let days = crate::book::complaints::days_open(&c.draft, today).unwrap_or(0);
        page.line(format_args!(
            "  c{:<6} {} {} {} {}",
            c.draft.customer_id,
            cell(name, 28),
            style.overdue(&cell(
                &t!(
                    "complaint-open-for",
                    severity = words::severity(c.draft.severity),
                    days = days
                ),
                10
            )),
            cell(&words::complaint_status(c.draft.status), 12),
            safe(&c.draft.what)
        ));
    }
    more(
        page,
        morning.totals.complaints,
        open_complaints.len(),
        style,
    );
}

fn print_follow_ups(
    page: &mut Page,
    morning: &Morning,
    days: u32,
    now: NaiveDateTime,
    style: &Style,
) {
    let (agenda, totals) = (&morning.agenda, &morning.totals);
    let sections = [
        (Section::Overdue, &agenda.overdue, totals.overdue),
        (Section::Today, &agenda.today, totals.today),
        (Section::Upcoming, &agenda.upcoming, totals.upcoming),
    ];
    // Follow-ups come a day at a time: each day's label is worded once.
    let mut labels: HashMap<(NaiveDate, Option<NaiveTime>), String> = HashMap::new();
    for (section, list, n) in sections {
        if list.is_empty() {
            continue;
        }
        let title = match section {
            Section::Overdue => t!("today-overdue", n = n),
            Section::Today => t!("today-today", n = n),
            Section::Upcoming => t!("today-upcoming", days = days, n = n),
        };
        page.line(format_args!("{}", style.heading(&title)));
        for f in list {
            let (due_on, due_time) = (f.draft.due_on, f.draft.due_time);
            let label = labels
                .entry((due_on, due_time))
                .or_insert_with(|| calendar::due_label_at(due_on, due_time, now));
            let when = cell(label, 14);
            let when = match due::Bucket::of(due_on, due_time, now) {
                due::Bucket::Overdue => style.overdue(&when),
                due::Bucket::Today => style.today(&when),
                _ => when,
            };
            let repeat = f
                .draft
                .repeat
                .map(|r| format!(" ({})", words::repeat(&r)))
                .unwrap_or_default();
            page.line(format_args!(
                "  #{:<6} {when} {} {}{}",
                f.id,
                cell(&f.customer_name, 28),
                safe(&f.draft.task),
                style.dim(&repeat)
            ));
        }
        more(page, n, list.len(), style);
    }
}

enum Section {
    Overdue,
    Today,
    Upcoming,
}

fn print_birthdays(page: &mut Page, agenda: &Agenda, all: bool, style: &Style) {
    if agenda.birthdays.is_empty() {
        return;
    }
    page.line(format_args!("{}", style.heading(&t!("today-birthdays"))));
    let shown = if all { usize::MAX } else { EACH_SHOWN };
    for b in agenda.birthdays.iter().take(shown) {
        let who = match &b.person {
            Some(p) => format!("{} ({})", safe(p), safe(&b.customer_name)),
            None => safe(&b.customer_name),
        };
        let turns = b
            .turns
            .map(|n| t!("today-birthday-turns", n = n))
            .unwrap_or_default();
        page.line(format_args!(
            "  c{:<6} {} {who}{turns}",
            b.customer_id,
            calendar::weekday_and_day(b.on)
        ));
    }
    let total = agenda.birthdays.len();
    more(page, total, total.min(shown), style);
}

fn print_cold(page: &mut Page, agenda: &Agenda, total: usize, today: NaiveDate, style: &Style) {
    if total == 0 {
        return;
    }
    page.line(format_args!(
        "{}",
        style.heading(&t!("today-going-cold", n = total))
    ));
    for r in &agenda.cold {
        let last = calendar::last_contact_label(r.last_contact_at, today);
        let over = r.cold_by.unwrap_or(0);
        page.line(format_args!(
            "  c{:<6} {} {} {}",
            r.id,
            r.tier.map_or("-", |t| t.as_str()),
            cell(&r.name, 28),
            t!("today-cold-line", last = last, over = over)
        ));
    }
    more(page, total, agenda.cold.len(), style);
}
