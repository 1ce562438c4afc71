//! The subcommands. Each reads its input completely and checks it before anything is written, so
//! a bad date or an unknown customer leaves the book exactly as it was.

use std::io::{IsTerminal, Read};

use chrono::NaiveDateTime;
use clap::Args as ClapArgs;
use serde_json::json;

use super::Failure;
use super::output::{json, safe};
use super::resolve;
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
    /// Add it even if the book probably has this customer already
    #[arg(long, conflicts_with = "merge")]
    pub keep_both: bool,
    /// Fill the blanks of the customer the book probably has already, instead of adding one
    #[arg(long)]
    pub merge: bool,
}

pub(super) fn rows_with_cold(ctx: &Context) -> Result<Vec<CustomerRow>, Failure> {
    Ok(crate::listing::customer_rows(
        ctx.repo,
        ctx.config,
        ctx.now.date(),
    )?)
}

/// The one customer `query` means (see `resolve`).
pub(super) use super::resolve::find_one;

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
    // The same rule as an import: a likely duplicate is never added silently.
    let twin = ctx
        .repo
        .likely_duplicate(&draft)?
        .filter(|_| !args.keep_both);
    let (id, verb) = match twin {
        Some(twin) if args.merge => {
            resolve::merge_into(ctx.repo, twin.customer, &draft)?;
            (twin.customer, "merged into")
        }
        Some(twin) => return Err(resolve::likely_failure(&twin)),
        None => (ctx.repo.add_customer(&draft)?, "added"),
    };
    if ctx.json {
        return json(&json!({ "customer_id": id, "name": draft.name }));
    }
    println!("{verb} c{id} {}", safe(&draft.name));
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
