//! iCalendar (RFC 5545) of open follow-ups and birthdays, for Google, Apple and Outlook calendars.
//!
//! Follow-ups are VEVENTs (all-day, or 30 minutes at their time) with a VALARM, not VTODOs:
//! Google Calendar and Outlook drop VTODOs on import, and Apple Calendar files them as
//! reminders; every one of them shows a VEVENT. Birthdays repeat yearly (29 February on the
//! last day of February). UIDs come from the book's ids, so importing a newer export updates
//! the same events instead of adding copies; SEQUENCE grows with the export time.

use std::collections::HashMap;

use chrono::{Days, NaiveDate, NaiveDateTime};

use super::export::{escape_text, fold_line};
use crate::book::bulk::{BulkBook, BulkFollowUp};
use crate::book::due::follow_up_order;
use crate::book::model::{Birthday, CustomerId};

fn date(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

fn next_day(d: NaiveDate) -> NaiveDate {
    d.checked_add_days(Days::new(1)).unwrap_or(d)
}

/// The calendar: open follow-ups of customers not archived, then birthdays. `stamp` is the
/// export time in UTC (DTSTAMP, and SEQUENCE in minutes since 2020 so later exports win).
pub fn calendar(book: &BulkBook, stamp: NaiveDateTime) -> String {
    let names: HashMap<CustomerId, &str> = book
        .customers
        .iter()
        .filter(|c| !c.archived)
        .map(|c| (c.id, c.draft.name.as_str()))
        .collect();
    let dtstamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    let epoch = NaiveDate::from_ymd_opt(2020, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or_default();
    let sequence = (stamp - epoch).num_minutes().max(0);
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//fieldbook//fieldbook//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:fieldbook",
    ] {
        fold_line(&mut out, line);
    }
    let mut follow_ups: Vec<_> = book
        .follow_ups
        .iter()
        .filter(|f| f.done_at.is_none() && names.contains_key(&f.draft.customer_id))
        .collect();
    follow_ups.sort_by_key(|f| (follow_up_order(f.draft.due_on, f.draft.due_time), f.id));
    for f in follow_ups {
        let customer = names.get(&f.draft.customer_id).copied().unwrap_or("");
        follow_up_event(&mut out, f, customer, &dtstamp, sequence);
    }
    let mut birthdays: Vec<(String, String, Birthday)> = Vec::new();
    for c in book.customers.iter().filter(|c| !c.archived) {
        if let Some(b) = c.draft.birthday {
            birthdays.push((format!("customer-{}", c.id), c.draft.name.clone(), b));
        }
    }
    for p in &book.contacts {
        if let (Some(b), Some(customer)) = (p.draft.birthday, names.get(&p.customer_id)) {
            birthdays.push((
                format!("contact-{}", p.id),
                format!("{} ({customer})", p.draft.name),
                b,
            ));
        }
    }
    for (uid, who, b) in birthdays {
        birthday_event(&mut out, &uid, &who, b, &dtstamp, sequence);
    }
    fold_line(&mut out, "END:VCALENDAR");
    out
}

/// One open follow-up: all day (reminded at 09:00) or 30 minutes at its time.
fn follow_up_event(
    out: &mut String,
    f: &BulkFollowUp,
    customer: &str,
    dtstamp: &str,
    sequence: i64,
) {
    let d = &f.draft;
    fold_line(out, "BEGIN:VEVENT");
    fold_line(out, &format!("UID:follow-up-{}@fieldbook", f.id));
    fold_line(out, &format!("DTSTAMP:{dtstamp}"));
    fold_line(out, &format!("SEQUENCE:{sequence}"));
    match d.due_time {
        Some(t) => {
            let start = d.due_on.and_time(t);
            fold_line(out, &format!("DTSTART:{}", start.format("%Y%m%dT%H%M%S")));
            fold_line(out, "DURATION:PT30M");
        }
        None => {
            fold_line(out, &format!("DTSTART;VALUE=DATE:{}", date(d.due_on)));
            fold_line(
                out,
                &format!("DTEND;VALUE=DATE:{}", date(next_day(d.due_on))),
            );
        }
    }
    let summary = format!("{} · {customer}", d.task.lines().next().unwrap_or(""));
    fold_line(out, &format!("SUMMARY:{}", escape_text(&summary)));
    let mut description = format!("{customer}\n{}", d.task);
    if let Some(r) = d.repeat {
        description.push_str(&format!("\n({})", r.describe()));
    }
    fold_line(out, &format!("DESCRIPTION:{}", escape_text(&description)));
    fold_line(out, "TRANSP:TRANSPARENT");
    fold_line(out, "BEGIN:VALARM");
    fold_line(out, "ACTION:DISPLAY");
    fold_line(out, &format!("DESCRIPTION:{}", escape_text(&summary)));
    // A timed follow-up 15 minutes before; an all-day one at 09:00 on the day.
    let trigger = if d.due_time.is_some() {
        "-PT15M"
    } else {
        "PT9H"
    };
    fold_line(out, &format!("TRIGGER:{trigger}"));
    fold_line(out, "END:VALARM");
    fold_line(out, "END:VEVENT");
}

/// A birthday, every year (29 February on the last day of February).
fn birthday_event(
    out: &mut String,
    uid: &str,
    who: &str,
    b: Birthday,
    dtstamp: &str,
    sequence: i64,
) {
    // A birthday with no year starts in 2000 (a leap year, so 02-29 is a day).
    let Some(start) = NaiveDate::from_ymd_opt(b.year.unwrap_or(2000), b.month, b.day) else {
        return;
    };
    fold_line(out, "BEGIN:VEVENT");
    fold_line(out, &format!("UID:birthday-{uid}@fieldbook"));
    fold_line(out, &format!("DTSTAMP:{dtstamp}"));
    fold_line(out, &format!("SEQUENCE:{sequence}"));
    fold_line(out, &format!("DTSTART;VALUE=DATE:{}", date(start)));
    fold_line(out, &format!("DTEND;VALUE=DATE:{}", date(next_day(start))));
    let rule = if (b.month, b.day) == (2, 29) {
        "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"
    } else {
        "RRULE:FREQ=YEARLY"
    };
    fold_line(out, rule);
    fold_line(
        out,
        &format!("SUMMARY:{}", escape_text(&format!("Birthday: {who}"))),
    );
    fold_line(out, "TRANSP:TRANSPARENT");
    fold_line(out, "END:VEVENT");
}
