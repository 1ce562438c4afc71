//! The commands that only read the book: `find` (names or notes) and `show` (`today` has a
//! file of its own).

use super::Failure;
use super::commands::{Context, find_one};
use super::output::{Page, Style, cell, json, safe};
use crate::i18n::calendar;
use crate::i18n::words;
use crate::text::pad;

use crate::book::model::{Contact, CustomerRow};
use crate::repository::Among;
use crate::services::finder::{self, Want};
use crate::services::standing::Standing;
use serde_json::json;

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
