//! The subcommands. Each reads its input completely and checks it before anything is written, so
//! a bad date or an unknown customer leaves the book exactly as it was.

use crate::i18n::{calendar, words};
use std::io::{IsTerminal, Read};

use chrono::NaiveDateTime;
use clap::Args as ClapArgs;
use serde_json::json;

use super::Failure;
use super::output::{json, safe};
use super::resolve;
use crate::book::dates;
use crate::book::model::{CustomerDraft, CustomerKind, CustomerRow, Tier};
use crate::config::Config;
use crate::repository::Repository;
use crate::services::later::{self, LaterError};
use crate::services::logging::{
    self, Closes, FieldErrors, FollowUpRequest, LogField, LogRequest, PreparedLog, Remedy,
};

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
    /// Set the follow-up even though its date is past
    #[arg(long)]
    pub past: bool,
    /// The follow-up this contact closes (#12), or none [default: the customer's earliest due]
    #[arg(long, value_name = "ID|none")]
    pub closes: Option<String>,
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

/// The one customer `query` means (see `resolve`).
pub(super) use super::resolve::find_one;

fn read_summary() -> Result<String, Failure> {
    let text = if !std::io::stdin().is_terminal() {
        // Bounded: a piped 50 MB summary is refused as too long without being held whole.
        let cap = 4 * crate::book::validate::TEXT_LIMIT as u64 + 1;
        let mut bytes = Vec::new();
        std::io::stdin().take(cap).read_to_end(&mut bytes)?;
        String::from_utf8_lossy(&bytes).into_owned()
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
            return Err(Failure::input(t!(
                "cli-editor-failed",
                editor = editor.as_str(),
                status = status.to_string()
            )));
        }
        std::fs::read_to_string(file.path())?
    };
    Ok(text.trim_end().to_string())
}

/// `--closes`: a follow-up's id, or `none`; left out, the service picks the earliest due.
fn read_closes(text: Option<&str>) -> Result<Closes, Failure> {
    match text.map(str::trim) {
        None => Ok(Closes::EarliestDue),
        Some(t) if t.eq_ignore_ascii_case("none") => Ok(Closes::Nothing),
        Some(t) => resolve::follow_up_id(t)
            .map(Closes::This)
            .ok_or_else(|| Failure::input(t!("cli-closes-bad", value = safe(t)))),
    }
}

pub fn log(mut ctx: Context, args: LogArgs) -> Result<(), Failure> {
    let customer = find_one(&mut ctx, &args.customer)?;
    let closes = read_closes(args.closes.as_deref())?;
    let typed_at = args.at.clone().unwrap_or_default();
    let mut request = LogRequest {
        customer_id: customer.id,
        with: args.with,
        channel: args.channel,
        outcome: args.outcome,
        when: args.at.unwrap_or_default(),
        summary: args.summary.join(" "),
        // Without --next, the outcome proposes the date (if it proposes one).
        follow_up: Some(FollowUpRequest {
            due: args.next,
            task: args.todo.unwrap_or_default(),
            repeat: args.every.unwrap_or_default(),
            past_ok: args.past,
        }),
        closes,
        ..Default::default()
    };
    if args.summary.is_empty() {
        // The flags are checked before the summary is asked for, so a typo never costs what
        // was typed into the editor.
        if let Err(errors) = logging::validate(&request, ctx.repo, ctx.config, ctx.now)?
            && errors.iter().any(|(field, _)| field != LogField::Summary)
        {
            return Err(refusal(&errors, false, &typed_at));
        }
        request.summary = read_summary()?;
    }
    let prepared = logging::validate(&request, ctx.repo, ctx.config, ctx.now)?
        .map_err(|errors| refusal(&errors, true, &typed_at))?;
    let written = prepared.commit(ctx.repo)?;
    report_logged(&ctx, &customer, &prepared, written)
}

/// What was written, in one line (and the follow-up it closed on its own), or as JSON.
fn report_logged(
    ctx: &Context,
    customer: &CustomerRow,
    prepared: &PreparedLog,
    written: logging::LogOutcome,
) -> Result<(), Failure> {
    let (interaction, follow_up) = (&prepared.interaction, &prepared.follow_up);
    if ctx.json {
        return json(&json!({
            "customer_id": customer.id, "customer": customer.name,
            "interaction_id": written.interaction_id, "follow_up_id": written.follow_up_id,
            "follow_up_due": follow_up.as_ref().map(|f| f.due_on),
            "follow_up_time": follow_up.as_ref().and_then(|f| f.due_time),
            "closed": prepared.closes.as_ref().map(|f| f.id), "warnings": prepared.warnings,
        }));
    }
    for w in &prepared.warnings {
        eprintln!("fieldbook: {}", t!("cli-note", what = safe(&w.to_string())));
    }
    print!(
        "{}",
        t!(
            "log-logged",
            channel = words::channel(interaction.channel),
            name = safe(&customer.name)
        )
    );
    match (follow_up, written.follow_up_id) {
        (Some(f), Some(id)) => println!(
            "{}",
            t!(
                "log-follow-up",
                id = id,
                when = calendar::due_label(Some(f.due_on), ctx.now.date()),
                date = dates::format_date(f.due_on),
                time = f
                    .due_time
                    .map_or(String::new(), |t| t.format(" %H:%M").to_string()),
                task = safe(&f.task)
            )
        ),
        _ => println!(),
    }
    if let Some(f) = &prepared.closes {
        println!(
            "{}",
            t!(
                "log-closed",
                id = f.id,
                task = safe(&f.draft.task),
                when = calendar::due_label_at(f.draft.due_on, f.draft.due_time, ctx.now)
            )
        );
    }
    Ok(())
}

/// Why nothing was logged, one line per bad flag. Before the summary is read, its own
/// message is left out: it is about to be asked for.
fn refusal(errors: &FieldErrors, with_summary: bool, typed_at: &str) -> Failure {
    let lines: Vec<String> = errors
        .iter()
        .filter(|(field, _)| with_summary || *field != LogField::Summary)
        .map(|(field, message)| match field {
            LogField::Summary => t!("cli-summary-empty", why = message),
            LogField::Channel => format!("--channel: {message}"),
            LogField::Outcome => format!("--outcome: {message}"),
            LogField::With => format!("--with: {message}"),
            LogField::When => match errors.remedy(field) {
                Some(Remedy::MakeFollowUp) => {
                    format!("--at: {message}: --next \"{}\"", safe(typed_at.trim()))
                }
                _ => format!("--at: {message}"),
            },
            LogField::FollowUpDate => match errors.remedy(field) {
                Some(Remedy::ConfirmPast) => {
                    format!("--next: {}", t!("cli-add-past", why = message))
                }
                _ => format!("--next: {message}"),
            },
            LogField::Repeat => format!("--every: {message}"),
            LogField::Closes | LogField::Satisfaction => message.to_string(),
        })
        .collect();
    Failure::input(lines.join("\n"))
}

pub fn add(ctx: Context, args: AddArgs) -> Result<(), Failure> {
    let name = args.name.join(" ").trim().to_string();
    if name.is_empty() {
        return Err(Failure::input(t!("add-needs-a-name")));
    }
    let kind = CustomerKind::parse(&args.kind).ok_or_else(|| Failure::input(t!("add-bad-kind")))?;
    let tier = match &args.tier {
        Some(tier) => Some(Tier::parse(tier).ok_or_else(|| Failure::input(t!("add-bad-tier")))?),
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
    let (id, merged) = match twin {
        Some(twin) if args.merge => {
            resolve::merge_into(ctx.repo, twin.customer, &draft)?;
            (twin.customer, true)
        }
        Some(twin) => return Err(resolve::likely_failure(&twin)),
        None => (ctx.repo.add_customer(&draft)?, false),
    };
    if ctx.json {
        return json(&json!({ "customer_id": id, "name": draft.name }));
    }
    let name = safe(&draft.name);
    match merged {
        true => println!("{}", t!("add-merged", id = id, name = name)),
        false => println!("{}", t!("add-added", id = id, name = name)),
    }
    Ok(())
}

pub fn done(ctx: Context, id: &str) -> Result<(), Failure> {
    let id = resolve::follow_up_id(id)
        .ok_or_else(|| Failure::input(t!("follow-up-bad-id", id = safe(id))))?;
    let follow_up = ctx
        .repo
        .follow_up(id)
        .map_err(|_| Failure::not_found(t!("follow-up-none", id = id)))?;
    if follow_up.done_at.is_some() {
        return Err(Failure::input(t!("follow-up-already-done", id = id)));
    }
    let next = ctx.repo.complete_follow_up(id, ctx.now.date())?;
    if ctx.json {
        return json(&json!({ "done": id, "next_follow_up_id": next }));
    }
    print!(
        "{}",
        t!(
            "done-line",
            id = id,
            task = safe(&follow_up.draft.task),
            name = safe(&follow_up.customer_name)
        )
    );
    match next.map(|n| ctx.repo.follow_up(n)).transpose()? {
        Some(n) => println!(
            "{}",
            t!(
                "done-next",
                id = n.id,
                date = dates::format_date(n.draft.due_on)
            )
        ),
        None => println!(),
    }
    Ok(())
}

pub fn snooze(ctx: Context, id: &str, when: &str, past: bool) -> Result<(), Failure> {
    let id = resolve::follow_up_id(id)
        .ok_or_else(|| Failure::input(t!("follow-up-bad-id", id = safe(id))))?;
    let until =
        later::read_later_day(when, ctx.now, ctx.config.date_order, past).map_err(|e| match e {
            LaterError::Past { .. } => Failure::input(t!("cli-add-past", why = e.to_string())),
            e => Failure::input(e.to_string()),
        })?;
    let follow_up = ctx
        .repo
        .follow_up(id)
        .map_err(|_| Failure::not_found(t!("follow-up-none", id = id)))?;
    ctx.repo.snooze_follow_up(id, until)?;
    if ctx.json {
        return json(&json!({ "snoozed": id, "due": until }));
    }
    println!(
        "{}",
        t!(
            "snoozed",
            id = id,
            task = safe(&follow_up.draft.task),
            date = dates::format_date(until)
        )
    );
    Ok(())
}
