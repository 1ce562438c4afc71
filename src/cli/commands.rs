//! The subcommands. Each reads its input completely and checks it before anything is written, so
//! a bad date or an unknown customer leaves the book exactly as it was.

use std::io::{IsTerminal, Read};

use chrono::NaiveDateTime;
use clap::Args as ClapArgs;
use serde_json::json;

use super::Failure;
use super::output::{Style, cell, json, safe};
use super::resolve::{self, Found};
use crate::book::agenda::Agenda;
use crate::book::dates;
use crate::book::due;
use crate::book::model::{
    Channel, CustomerDraft, CustomerKind, CustomerRow, FollowUpDraft, InteractionDraft, Tier,
};
use crate::book::recurrence::{RECURRENCE_HINT, Recurrence};
use crate::config::Config;
use crate::repository::Repository;

pub struct Context<'a> {
    pub repo: &'a mut Repository,
    pub config: &'a Config,
    pub now: NaiveDateTime,
    pub json: bool,
}

#[derive(Debug, ClapArgs)]
pub struct LogArgs {
    /// The customer: part of a name, a person there, a city... (or c45 for customer 45)
    pub customer: String,
    /// What was said; read from stdin when piped, else from $EDITOR, when left out
    pub summary: Vec<String>,
    /// visit, call, wechat, email, meeting, message, other
    #[arg(long, short, default_value = "call")]
    pub channel: String,
    /// When it happened [default: now]: "today 14:30", yesterday, "2026-11-20 9:00"
    #[arg(long)]
    pub at: Option<String>,
    /// The person spoken with
    #[arg(long)]
    pub with: Option<String>,
    /// Set a follow-up: tomorrow, fri, +3d, next week, 明天 ...
    #[arg(long)]
    pub next: Option<String>,
    /// What the follow-up is for
    #[arg(long, requires = "next")]
    pub todo: Option<String>,
    /// How it went (from the config: no_answer, quote_sent, order_placed, complaint ...); proposes the next step
    #[arg(long)]
    pub outcome: Option<String>,
    /// Repeat the follow-up: weekly, every 2w, monthly after done ...
    #[arg(long, requires = "next")]
    pub every: Option<String>,
}

#[derive(Debug, ClapArgs)]
pub struct AddArgs {
    pub name: Vec<String>,
    #[arg(long)]
    pub city: Option<String>,
    #[arg(long)]
    pub phone: Option<String>,
    #[arg(long)]
    pub email: Option<String>,
    #[arg(long)]
    pub wechat: Option<String>,
    /// A tag; repeat for more
    #[arg(long = "tag")]
    pub tags: Vec<String>,
    /// company or person
    #[arg(long, default_value = "company")]
    pub kind: String,
    /// A, B or C
    #[arg(long)]
    pub tier: Option<String>,
}

fn rows_with_cold(ctx: &Context) -> Result<Vec<CustomerRow>, Failure> {
    Ok(crate::listing::customer_rows(
        ctx.repo,
        ctx.config,
        ctx.now.date(),
    )?)
}

/// The one customer `query` means, or exit 2 listing what matched.
pub(super) fn find_one(ctx: &Context, query: &str) -> Result<CustomerRow, Failure> {
    match resolve::customer(&rows_with_cold(ctx)?, query, ctx.now.date()) {
        Found::One(row) => Ok(row),
        Found::None => Err(Failure::not_found(format!(
            "no customer matches \"{}\"",
            safe(query)
        ))),
        Found::Many(rows) => {
            let list: Vec<String> = rows
                .iter()
                .map(|r| format!("  c{:<6} {}  {}", r.id, safe(&r.name), safe(&r.city)))
                .collect();
            Err(Failure::not_found(format!(
                "\"{}\" matches more than one customer; say which (a longer name, or its c-id):\n{}",
                safe(query),
                list.join("\n")
            )))
        }
    }
}

fn read_summary(words: &[String]) -> Result<String, Failure> {
    if !words.is_empty() {
        return Ok(words.join(" "));
    }
    let mut text = String::new();
    if !std::io::stdin().is_terminal() {
        std::io::stdin().read_to_string(&mut text)?;
    } else {
        let editor = std::env::var("VISUAL")
            .or_else(|_| std::env::var("EDITOR"))
            .unwrap_or_else(|_| "vi".into());
        let file = tempfile::Builder::new()
            .prefix("fieldbook-log-")
            .suffix(".txt")
            .tempfile()?;
        let status = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("{editor} \"$1\""))
            .arg("sh")
            .arg(file.path())
            .status()?;
        if !status.success() {
            return Err(Failure::input(format!(
                "{editor} exited with {status}; nothing logged"
            )));
        }
        text = std::fs::read_to_string(file.path())?;
    }
    Ok(text.trim_end().to_string())
}

pub fn log(ctx: Context, args: LogArgs) -> Result<(), Failure> {
    let customer = find_one(&ctx, &args.customer)?;
    let channel = Channel::parse(&args.channel).ok_or_else(|| {
        let all: Vec<&str> = Channel::ALL.iter().map(|c| c.as_str()).collect();
        Failure::input(format!(
            "unknown channel \"{}\": use one of {}",
            safe(&args.channel),
            all.join(", ")
        ))
    })?;
    let at = match &args.at {
        Some(text) => dates::parse_datetime_in(text, ctx.now, ctx.config.date_order)?,
        None => ctx.now,
    };
    let outcome = match &args.outcome {
        Some(o) => Some(ctx.config.outcome(o).cloned().ok_or_else(|| {
            let keys: Vec<&str> = ctx.config.outcomes.iter().map(|o| o.key.as_str()).collect();
            Failure::input(format!(
                "unknown outcome \"{}\": use one of {}",
                safe(o),
                keys.join(", ")
            ))
        })?),
        None => None,
    };
    let contacts = ctx.repo.contacts(customer.id)?;
    let contact_id = match &args.with {
        Some(name) => {
            let lower = name.trim().to_lowercase();
            let hit = contacts
                .iter()
                .find(|c| c.draft.name.to_lowercase() == lower)
                .or_else(|| {
                    let mut hits = contacts
                        .iter()
                        .filter(|c| c.draft.name.to_lowercase().contains(&lower));
                    hits.next().filter(|_| hits.next().is_none())
                });
            Some(hit.map(|c| c.id).ok_or_else(|| {
                Failure::input(format!(
                    "\"{}\" is not one of {}'s people",
                    safe(name),
                    safe(&customer.name)
                ))
            })?)
        }
        None => None,
    };
    // An explicit --next wins; otherwise the outcome proposes one.
    let next_text = args
        .next
        .clone()
        .or_else(|| outcome.as_ref().and_then(|o| o.next.clone()));
    let due_on = next_text
        .as_deref()
        .map(|t| dates::parse_date_in(t, ctx.now.date(), ctx.config.date_order))
        .transpose()?;
    let repeat = match &args.every {
        Some(text) => Some(Recurrence::parse(text).ok_or_else(|| {
            Failure::input(format!(
                "can't read \"{}\" as a repeat: {RECURRENCE_HINT}",
                safe(text)
            ))
        })?),
        None => None,
    };
    let summary = read_summary(&args.summary)?;
    if summary.trim().is_empty() {
        return Err(Failure::input("nothing logged: the summary is empty"));
    }
    let task = args
        .todo
        .clone()
        .or_else(|| outcome.as_ref().map(|o| o.task.clone()))
        .unwrap_or_else(|| {
            format!(
                "Follow up: {}",
                summary
                    .lines()
                    .next()
                    .unwrap_or("")
                    .chars()
                    .take(60)
                    .collect::<String>()
            )
        });
    let follow_up = due_on.map(|due_on| FollowUpDraft {
        customer_id: customer.id,
        due_on,
        due_time: None,
        task,
        repeat,
    });
    let mut warnings = frequency_warnings(&ctx, customer.id, at.date())?;
    if let Some(f) = &follow_up {
        warnings.extend(frequency_warnings(&ctx, customer.id, f.due_on)?);
    }
    let interaction = InteractionDraft {
        customer_id: customer.id,
        contact_id,
        at,
        channel,
        summary,
        outcome: outcome.map(|o| o.key),
    };
    let (interaction_id, follow_up_id) =
        ctx.repo.log_interaction(&interaction, follow_up.as_ref())?;
    if ctx.json {
        return json(&json!({
            "customer_id": customer.id, "customer": customer.name, "interaction_id": interaction_id,
            "follow_up_id": follow_up_id, "follow_up_due": follow_up.as_ref().map(|f| f.due_on), "warnings": warnings,
        }));
    }
    for w in &warnings {
        eprintln!("fieldbook: note: {}", safe(w));
    }
    print!("logged {} with {}", channel, safe(&customer.name));
    match (&follow_up, follow_up_id) {
        (Some(f), Some(id)) => println!(
            "; follow-up #{id} {} ({}): {}",
            due::due_label(Some(f.due_on), ctx.now.date()),
            dates::format_date(f.due_on),
            safe(&f.task)
        ),
        _ => println!(),
    }
    Ok(())
}

fn frequency_warnings(
    ctx: &Context,
    customer_id: i64,
    planned: chrono::NaiveDate,
) -> Result<Vec<String>, Failure> {
    let ceiling = ctx.config.frequency.ceiling();
    Ok(ctx
        .repo
        .frequency_warnings(customer_id, planned, ceiling, None)?)
}

pub fn today(ctx: Context, days: u32) -> Result<(), Failure> {
    let today = ctx.now.date();
    let rows = rows_with_cold(&ctx)?;
    let agenda = Agenda::build(
        ctx.repo.open_follow_ups(None)?,
        &rows,
        &ctx.repo.birthdays()?,
        today,
        days,
    );
    // An open complaint puts the customer at risk: it belongs on the morning's list.
    let open_complaints: Vec<_> = ctx
        .repo
        .complaints(None)?
        .into_iter()
        .filter(|c| c.draft.status.is_open())
        .collect();
    if ctx.json {
        let mut value = serde_json::to_value(&agenda).map_err(|e| Failure::input(e.to_string()))?;
        value["complaints"] =
            serde_json::to_value(&open_complaints).map_err(|e| Failure::input(e.to_string()))?;
        return json(&value);
    }
    let style = Style::detect();
    if !open_complaints.is_empty() {
        println!(
            "{}",
            style.heading(&format!("Open complaints ({})", open_complaints.len()))
        );
        for c in &open_complaints {
            let name = rows
                .iter()
                .find(|r| r.id == c.draft.customer_id)
                .map_or(String::new(), |r| r.name.clone());
            let days = crate::book::complaints::days_open(&c.draft, today).unwrap_or(0);
            println!(
                "  c{:<6} {} {} {} {}",
                c.draft.customer_id,
                cell(&name, 28),
                style.overdue(&cell(&format!("{} {days}d", c.draft.severity.label()), 10)),
                cell(c.draft.status.label(), 12),
                safe(&c.draft.what)
            );
        }
    }
    if agenda.is_empty() && open_complaints.is_empty() {
        println!("Nothing due, nobody going cold. A good day to find new customers.");
        return Ok(());
    }
    let sections = [
        ("Overdue", &agenda.overdue),
        ("Today", &agenda.today),
        (&*format!("Next {days} days"), &agenda.upcoming),
    ];
    for (title, list) in sections {
        if list.is_empty() {
            continue;
        }
        println!("{}", style.heading(&format!("{title} ({})", list.len())));
        for f in list {
            let when = cell(&due::due_label(Some(f.draft.due_on), today), 11);
            let when = match due::Bucket::of(f.draft.due_on, today) {
                due::Bucket::Overdue => style.overdue(&when),
                due::Bucket::Today => style.today(&when),
                _ => when,
            };
            let repeat = f
                .draft
                .repeat
                .map(|r| format!(" ({})", r.describe()))
                .unwrap_or_default();
            println!(
                "  #{:<6} {when} {} {}{}",
                f.id,
                cell(&f.customer_name, 28),
                safe(&f.draft.task),
                style.dim(&repeat)
            );
        }
    }
    if !agenda.birthdays.is_empty() {
        println!("{}", style.heading("Birthdays this week"));
        for b in &agenda.birthdays {
            let who = match &b.person {
                Some(p) => format!("{} ({})", safe(p), safe(&b.customer_name)),
                None => safe(&b.customer_name),
            };
            let turns = b.turns.map(|n| format!(", turns {n}")).unwrap_or_default();
            println!(
                "  c{:<6} {} {who}{turns}",
                b.customer_id,
                b.on.format("%a %m-%d")
            );
        }
    }
    if !agenda.cold.is_empty() {
        println!(
            "{}",
            style.heading(&format!("Going cold ({})", agenda.cold.len()))
        );
        for r in agenda.cold.iter().take(20) {
            let last = due::last_contact_label(r.last_contact_at, today);
            let over = r.cold_by.unwrap_or(0);
            println!(
                "  c{:<6} {} {} last contact {last}, {over}d past cadence",
                r.id,
                r.tier.map_or("-", |t| t.as_str()),
                cell(&r.name, 28)
            );
        }
        if agenda.cold.len() > 20 {
            println!("  … and {} more", agenda.cold.len() - 20);
        }
    }
    Ok(())
}

pub fn add(ctx: Context, args: AddArgs) -> Result<(), Failure> {
    let name = args.name.join(" ").trim().to_string();
    if name.is_empty() {
        return Err(Failure::input("a customer needs a name"));
    }
    let kind = CustomerKind::parse(&args.kind)
        .ok_or_else(|| Failure::input("--kind is company or person"))?;
    let tier = match &args.tier {
        Some(t) => Some(Tier::parse(t).ok_or_else(|| Failure::input("--tier is A, B or C"))?),
        None => None,
    };
    let draft = CustomerDraft {
        name,
        kind: Some(kind),
        city: args.city.unwrap_or_default(),
        phone: args.phone.unwrap_or_default(),
        email: args.email.unwrap_or_default(),
        wechat: args.wechat.unwrap_or_default(),
        tags: args
            .tags
            .iter()
            .flat_map(|t| crate::book::model::split_tags(t))
            .collect(),
        tier,
        ..Default::default()
    };
    let rows = ctx.repo.customer_rows()?;
    let same = rows
        .iter()
        .filter(|r| r.name.trim().eq_ignore_ascii_case(&draft.name))
        .count();
    let id = ctx.repo.add_customer(&draft)?;
    if ctx.json {
        return json(&json!({ "customer_id": id, "name": draft.name }));
    }
    if same > 0 {
        eprintln!("fieldbook: note: {same} other customer(s) already have this name");
    }
    println!("added c{id} {}", safe(&draft.name));
    Ok(())
}

/// `find --notes`: what was said (summaries) and noted (customer and people notes).
pub fn find_notes(ctx: Context, query: &str) -> Result<(), Failure> {
    let hits = ctx.repo.search_notes(query, 200)?;
    if ctx.json {
        return json(&hits);
    }
    if hits.is_empty() {
        return Err(Failure::not_found(format!(
            "nothing said or noted matches \"{}\"",
            safe(query)
        )));
    }
    for h in hits.iter().take(50) {
        let when =
            h.at.map_or("notes".to_string(), |t| t.format("%Y-%m-%d").to_string());
        let channel = h.channel.map_or("", |c| c.label());
        let first_line = h.text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        println!(
            "c{:<6} {} {} {} {}",
            h.customer_id,
            cell(&h.customer_name, 24),
            cell(&when, 10),
            cell(channel, 7),
            safe(&first_line.chars().take(80).collect::<String>())
        );
    }
    if hits.len() > 50 {
        println!("… and {} more", hits.len() - 50);
    }
    Ok(())
}

pub fn find(ctx: Context, query: &str) -> Result<(), Failure> {
    let rows = rows_with_cold(&ctx)?;
    let order: Vec<usize> = (0..rows.len()).collect();
    let hits =
        crate::search::CustomerSearch::new(&rows).filter(&rows, &order, query, ctx.now.date());
    if ctx.json {
        let found: Vec<&CustomerRow> = hits.iter().map(|&i| &rows[i]).collect();
        return json(&found);
    }
    if hits.is_empty() {
        return Err(Failure::not_found(format!(
            "no customer matches \"{}\"",
            safe(query)
        )));
    }
    let today = ctx.now.date();
    for &i in hits.iter().take(50) {
        let r = &rows[i];
        let tier = r.tier.map_or("-", |t| t.as_str());
        let next = due::due_label(r.next_follow_up_on, today);
        println!(
            "c{:<6} {} {} {tier}  last {:<10} {next}",
            r.id,
            cell(&r.name, 30),
            cell(&r.city, 10),
            due::last_contact_label(r.last_contact_at, today)
        );
    }
    if hits.len() > 50 {
        println!("… and {} more", hits.len() - 50);
    }
    Ok(())
}

pub fn show(ctx: Context, query: &str) -> Result<(), Failure> {
    let row = find_one(&ctx, query)?;
    let customer = ctx
        .repo
        .customer(row.id)?
        .ok_or_else(|| Failure::not_found("customer vanished"))?;
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
    let tier = d.tier.map_or("-", |t| t.as_str());
    let stage = d.stage.map_or("-", |s| s.label());
    println!(
        "tier {tier}  stage {stage}  last contact {}",
        due::last_contact_label(customer.last_contact_at, today)
    );
    for (label, value) in [
        ("city", &d.city),
        ("phone", &d.phone),
        ("email", &d.email),
        ("wechat", &d.wechat),
        ("address", &d.address),
    ] {
        if !value.is_empty() {
            println!("{label:<8} {}", safe(value));
        }
    }
    if !d.tags.is_empty() {
        println!("tags     {}", safe(&d.tags.join(", ")));
    }
    for p in &contacts {
        println!(
            "person   {} {}",
            safe(&p.draft.name),
            style.dim(&safe(&p.draft.title))
        );
    }
    for f in &follow_ups {
        println!(
            "#{:<6} {} {}",
            f.id,
            cell(&due::due_label(Some(f.draft.due_on), today), 11),
            safe(&f.draft.task)
        );
    }
    for i in &history {
        println!(
            "{}  {:<7} {}",
            i.draft.at.format("%Y-%m-%d %H:%M"),
            i.draft.channel.label(),
            safe(i.draft.summary.lines().next().unwrap_or(""))
        );
    }
    Ok(())
}

pub fn done(ctx: Context, id: &str) -> Result<(), Failure> {
    let id = resolve::follow_up_id(id).ok_or_else(|| {
        Failure::input(format!("\"{}\" is not a follow-up id (e.g. #12)", safe(id)))
    })?;
    let follow_up = ctx
        .repo
        .follow_up(id)
        .map_err(|_| Failure::not_found(format!("no follow-up #{id}")))?;
    if follow_up.done_at.is_some() {
        return Err(Failure::input(format!("follow-up #{id} is already done")));
    }
    let next = ctx.repo.complete_follow_up(id, ctx.now.date())?;
    if ctx.json {
        return json(&json!({ "done": id, "next_follow_up_id": next }));
    }
    print!(
        "done #{id}: {} ({})",
        safe(&follow_up.draft.task),
        safe(&follow_up.customer_name)
    );
    match next.map(|n| ctx.repo.follow_up(n)).transpose()? {
        Some(n) => println!(
            "; next #{} due {}",
            n.id,
            dates::format_date(n.draft.due_on)
        ),
        None => println!(),
    }
    Ok(())
}

pub fn snooze(ctx: Context, id: &str, when: &str) -> Result<(), Failure> {
    let id = resolve::follow_up_id(id).ok_or_else(|| {
        Failure::input(format!("\"{}\" is not a follow-up id (e.g. #12)", safe(id)))
    })?;
    let until = dates::parse_date_in(when, ctx.now.date(), ctx.config.date_order)?;
    let follow_up = ctx
        .repo
        .follow_up(id)
        .map_err(|_| Failure::not_found(format!("no follow-up #{id}")))?;
    ctx.repo.snooze_follow_up(id, until)?;
    if ctx.json {
        return json(&json!({ "snoozed": id, "due": until }));
    }
    println!(
        "snoozed #{id} ({}) to {}",
        safe(&follow_up.draft.task),
        dates::format_date(until)
    );
    Ok(())
}
