//! The commands that only read the book: `today`, `find` (names or notes) and `show`.

use super::Failure;
use super::commands::{Context, find_one};
use super::output::{Page, Style, cell, json, safe};
use crate::book::agenda::Agenda;
use crate::book::due;
use crate::i18n::calendar;
use crate::i18n::words;
use crate::text::pad;
use chrono::{NaiveDate, NaiveDateTime};

use crate::book::model::{Contact, CustomerRow};
use crate::repository::Among;
use crate::services::finder::{self, Want};
use crate::services::morning::Morning;
use crate::services::standing::Standing;
use serde_json::json;

/// The morning's list in the order it is worked: follow-ups (overdue, today, coming up), then
/// open complaints, then birthdays and who is going cold. A customer whose follow-up is listed
/// is not listed again as going cold: one warning each.
pub fn today(ctx: Context, days: u32) -> Result<(), Failure> {
    let today = ctx.now.date();
    // Text shows the first customers going cold and counts the rest; JSON gives them all.
    let shown = (!ctx.json).then_some(COLD_SHOWN);
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
    print_follow_ups(&mut page, agenda, days, ctx.now, &style);
    print_complaints(&mut page, &morning, today, &style);
    print_birthdays(&mut page, agenda, &style);
    print_cold(&mut page, agenda, morning.cold_total, today, &style);
    page.show();
    Ok(())
}

/// Customers going cold that `today` prints; the rest are counted.
const COLD_SHOWN: usize = 20;

fn print_complaints(page: &mut Page, morning: &Morning, today: NaiveDate, style: &Style) {
    let open_complaints = &morning.open_complaints;
    if open_complaints.is_empty() {
        return;
    }
    page.line(format_args!(
        "{}",
        style.heading(&t!("today-open-complaints", n = open_complaints.len()))
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
}

fn print_follow_ups(
    page: &mut Page,
    agenda: &Agenda,
    days: u32,
    now: NaiveDateTime,
    style: &Style,
) {
    let sections = [
        (Section::Overdue, &agenda.overdue),
        (Section::Today, &agenda.today),
        (Section::Upcoming, &agenda.upcoming),
    ];
    for (section, list) in sections {
        if list.is_empty() {
            continue;
        }
        let n = list.len();
        let title = match section {
            Section::Overdue => t!("today-overdue", n = n),
            Section::Today => t!("today-today", n = n),
            Section::Upcoming => t!("today-upcoming", days = days, n = n),
        };
        page.line(format_args!("{}", style.heading(&title)));
        for f in list {
            let (due_on, due_time) = (f.draft.due_on, f.draft.due_time);
            let when = cell(&calendar::due_label_at(due_on, due_time, now), 14);
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
    }
}

enum Section {
    Overdue,
    Today,
    Upcoming,
}

fn print_birthdays(page: &mut Page, agenda: &Agenda, style: &Style) {
    if agenda.birthdays.is_empty() {
        return;
    }
    page.line(format_args!("{}", style.heading(&t!("today-birthdays"))));
    for b in &agenda.birthdays {
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
}

fn print_cold(page: &mut Page, agenda: &Agenda, total: usize, today: NaiveDate, style: &Style) {
    if total == 0 {
        return;
    }
    page.line(format_args!(
        "{}",
        style.heading(&t!("today-going-cold", n = total))
    ));
    for r in agenda.cold.iter().take(COLD_SHOWN) {
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
    if total > COLD_SHOWN {
        page.line(format_args!("  {}", t!("and-more", n = total - COLD_SHOWN)));
    }
}

/// `find`: customers (archived ones with `archived`), or what was said and noted (`notes`).
pub fn find_any(ctx: Context, query: &str, notes: bool, archived: bool) -> Result<(), Failure> {
    if notes {
        find_notes(ctx, query)
    } else {
        find(ctx, query, archived)
    }
}

/// `find --notes`: what was said (summaries) and noted (customer and people notes).
pub fn find_notes(ctx: Context, query: &str) -> Result<(), Failure> {
    let hits = ctx.repo.search_notes(query, 200)?;
    if ctx.json {
        return json(&hits);
    }
    if hits.is_empty() {
        return Err(Failure::not_found(t!("find-no-notes", query = safe(query))));
    }
    let style = Style::detect();
    for h in hits.iter().take(50) {
        let when =
            h.at.map_or_else(|| t!("find-notes"), |t| t.format("%Y-%m-%d").to_string());
        // Whose words these are: a contact logged (its channel), a person, or the customer.
        let whose = match (&h.person, h.channel) {
            (Some(person), _) => person.clone(),
            (None, Some(channel)) => words::channel(channel),
            (None, None) => String::new(),
        };
        let (shown, lit) = crate::search::snippet(&h.text, query, 80);
        println!(
            "c{:<6} {} {} {} {}",
            h.customer_id,
            cell(&h.customer_name, 24),
            cell(&when, 10),
            cell(&whose, 8),
            marked(&style, &safe(&shown), &lit)
        );
    }
    if hits.len() > 50 {
        println!("{}", t!("and-more", n = hits.len() - 50));
    }
    Ok(())
}

/// `find`: the best match first, as the TUI's filter ranks; the person a row was found by is
/// named after it. `archived`: among archived customers instead.
pub fn find(ctx: Context, query: &str, archived: bool) -> Result<(), Failure> {
    let today = ctx.now.date();
    let among = if archived {
        Among::Archived
    } else {
        Among::Active
    };
    let want = if ctx.json {
        Want::All
    } else {
        Want::Top(FIND_SHOWN)
    };
    let hits = finder::find(ctx.repo, ctx.config, today, query, among, want)?;
    if ctx.json {
        let found: Vec<&CustomerRow> = hits.rows.iter().map(|(r, _, _)| r).collect();
        return json(&found);
    }
    if hits.total == 0 {
        let query = safe(query);
        return Err(Failure::not_found(if archived {
            t!("find-no-archived", query = query)
        } else {
            t!("find-no-customer", query = query)
        }));
    }
    let search = crate::search::CustomerSearch::default();
    let mut page = Page::default();
    for (r, _, _) in hits.rows.iter().take(FIND_SHOWN) {
        let tier = r.tier.map_or("-", |t| t.as_str());
        let next = calendar::due_label(r.next_follow_up_on, today);
        let person = search
            .matched_person(r, query)
            .map(|p| format!("  ({})", safe(p)))
            .unwrap_or_default();
        page.line(format_args!(
            "c{:<6} {} {} {tier}  {} {} {next}{person}",
            r.id,
            cell(&r.name, 30),
            cell(&r.city, 10),
            t!("find-last"),
            cell(&calendar::last_contact_label(r.last_contact_at, today), 10)
        ));
    }
    if hits.total > FIND_SHOWN {
        page.line(format_args!(
            "{}",
            t!("and-more", n = hits.total - FIND_SHOWN)
        ));
    }
    page.show();
    Ok(())
}

/// Customers `find` prints; the rest are counted.
const FIND_SHOWN: usize = 50;

pub fn show(mut ctx: Context, query: &str) -> Result<(), Failure> {
    let row = find_one(&mut ctx, query)?;
    let customer = ctx
        .repo
        .customer(row.id)?
        .ok_or_else(|| Failure::not_found(t!("show-vanished")))?;
    let contacts = ctx.repo.contacts(row.id)?;
    let follow_ups = ctx.repo.open_follow_ups(Some(row.id))?;
    let history = ctx.repo.history(row.id, 10, 0)?;
    if ctx.json {
        return json(
            &json!({ "customer": customer, "contacts": contacts, "follow_ups": follow_ups, "history": history }),
        );
    }
    let style = Style::detect();
    let today = ctx.now.date();
    let d = &customer.draft;
    println!("{}  c{}", style.heading(&safe(&d.name)), customer.id);
    // The tier and stage that apply (computed, or set by hand), as the app's profile has them.
    let standing = Standing::read(ctx.repo, ctx.config, today)?;
    let ranked = standing.computed_tier(row.id, ctx.repo.revenue_in_window(row.id)?);
    let account =
        crate::services::account::Account::load(ctx.repo, &customer, ranked, ctx.config, today)?;
    let tier = account.tier().0.map_or("-", |t| t.as_str());
    let (stage, by_hand) = account.stage();
    let why = if by_hand {
        t!("show-set-by-hand")
    } else {
        safe(&words::reasons(&account.verdict.why))
    };
    println!(
        "{}",
        t!(
            "show-summary",
            tier = tier,
            stage = words::stage(stage),
            why = why,
            last = calendar::last_contact_label(customer.last_contact_at, today)
        )
    );
    for (label, value) in [
        (t!("show-city"), &d.city),
        (t!("show-phone"), &d.phone),
        (t!("show-email"), &d.email),
        (t!("show-wechat"), &d.wechat),
        (t!("show-address"), &d.address),
    ] {
        if !value.is_empty() {
            println!("{} {}", pad(&label, 8), safe(value));
        }
    }
    if !d.tags.is_empty() {
        println!("{} {}", pad(&t!("show-tags"), 8), safe(&d.tags.join(", ")));
    }
    print_people(&contacts, &style);
    for f in &follow_ups {
        println!(
            "#{:<6} {} {}",
            f.id,
            cell(
                &calendar::due_label_at(f.draft.due_on, f.draft.due_time, ctx.now),
                14
            ),
            safe(&f.draft.task)
        );
    }
    for i in &history {
        println!(
            "{}  {} {}",
            i.draft.at.format("%Y-%m-%d %H:%M"),
            pad(&words::channel(i.draft.channel), 7),
            safe(i.draft.summary.lines().next().unwrap_or(""))
        );
    }
    Ok(())
}

fn print_people(contacts: &[Contact], style: &Style) {
    for p in contacts {
        // Everything needed to reach the person, on their line: the reason to run `show`.
        let wechat = format!("{} ", t!("show-wechat"));
        let reach: Vec<String> = [
            ("", &p.draft.phone),
            (wechat.as_str(), &p.draft.wechat),
            ("", &p.draft.email),
        ]
        .iter()
        .filter(|(_, value)| !value.trim().is_empty())
        .map(|(label, value)| format!("{label}{}", safe(value)))
        .collect();
        println!(
            "{} {} {}  {}",
            pad(&t!("show-person"), 8),
            safe(&p.draft.name),
            style.dim(&safe(&p.draft.title)),
            reach.join("  ")
        );
    }
}

/// `text` with the chars at `lit` (char indices) in the heading style, where styles are on.
fn marked(style: &Style, text: &str, lit: &[usize]) -> String {
    let mut out = String::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let on = lit.contains(&i);
        let run: String = chars[i..]
            .iter()
            .enumerate()
            .take_while(|(j, _)| lit.contains(&(i + j)) == on)
            .map(|(_, c)| *c)
            .collect();
        i += run.chars().count();
        out.push_str(&if on { style.heading(&run) } else { run });
    }
    out
}
