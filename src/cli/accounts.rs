//! `fieldbook deal add|list` and the holiday greeting list (`greetings`, `greeted`).

use std::collections::HashSet;

use clap::{Args as ClapArgs, Subcommand};
use serde_json::json;

use super::Failure;
use super::commands::{Context, find_one};
use super::output::{Style, cell, json as print_json, safe};
use crate::book::care_dates::greeting_list;
use crate::book::dates;
use crate::book::deals::{DealDraft, DealStage};
use crate::book::holidays::{self, Holiday};
use crate::book::model::CustomerId;
use crate::book::money;
use crate::i18n::words;

#[derive(Debug, Subcommand)]
pub enum DealCommand {
    /// Record a won order or an open opportunity:
    /// `fieldbook deal add 星河 "注塑机配件 200套" --amount 1.2万 --on 11-20`
    Add(DealAddArgs),
    /// List deals, of one customer or the whole book (open first)
    List { customer: Vec<String> },
}

#[derive(Debug, ClapArgs)]
pub struct DealAddArgs {
    /// The customer (name, part of it, pinyin, or c-id)
    pub customer: String,
    /// What was sold or is on offer
    pub title: Vec<String>,
    /// 12800, 12,800.50, 1.2万, ¥3k
    #[arg(long)]
    pub amount: String,
    /// ISO code [default: the config's currency, or the one the amount's symbol says]
    #[arg(long)]
    pub currency: Option<String>,
    /// won, lead, qualified, proposal, negotiation, lost
    #[arg(long, default_value = "won")]
    pub stage: String,
    /// The order date of a won (or lost) deal [default: today]
    #[arg(long)]
    pub on: Option<String>,
    /// When an open deal should close
    #[arg(long)]
    pub close: Option<String>,
}

pub fn deal(ctx: Context, command: DealCommand) -> Result<(), Failure> {
    match command {
        DealCommand::Add(args) => deal_add(ctx, args),
        DealCommand::List { customer } => deal_list(ctx, &customer.join(" ")),
    }
}

fn deal_add(mut ctx: Context, args: DealAddArgs) -> Result<(), Failure> {
    let today = ctx.now.date();
    let order = ctx.config.date_order;
    let stage = DealStage::parse(&args.stage).ok_or_else(|| {
        let all: Vec<&str> = DealStage::ALL.iter().map(|s| s.as_str()).collect();
        Failure::input(t!(
            "cli-deal-unknown-stage",
            stage = safe(&args.stage),
            all = all.join(", ")
        ))
    })?;
    let (amount, symbol_currency) =
        money::parse_money(&args.amount).map_err(|e| Failure::input(format!("--amount: {e}")))?;
    let date = |text: &Option<String>| {
        text.as_deref()
            .map(|t| dates::parse_date_in(t, today, order))
            .transpose()
    };
    let on = date(&args.on)?;
    let close = date(&args.close)?;
    let title = args.title.join(" ");
    let customer = find_one(&mut ctx, &args.customer)?;
    let draft = DealDraft {
        customer_id: customer.id,
        title: title.trim().to_string(),
        amount,
        currency: args
            .currency
            .or(symbol_currency)
            .unwrap_or_else(|| ctx.config.currency.clone())
            .to_uppercase(),
        stage,
        expected_close: close,
        closed_on: if stage.is_open() {
            None
        } else {
            Some(on.unwrap_or(today))
        },
    };
    let id = ctx.repo.add_deal(&draft)?;
    if ctx.json {
        return print_json(&json!({ "deal_id": id, "customer_id": customer.id, "deal": draft }));
    }
    println!(
        "{}",
        t!(
            "cli-deal-added",
            stage = words::deal_stage(stage),
            id = id,
            name = safe(&customer.name),
            amount = money::format_amount(draft.amount, &draft.currency),
            title = safe(&draft.title)
        )
    );
    Ok(())
}

fn deal_list(mut ctx: Context, query: &str) -> Result<(), Failure> {
    let deals = if query.trim().is_empty() {
        let mut all = ctx.repo.all_deals()?;
        all.sort_by_key(|d| {
            (
                !d.draft.stage.is_open(),
                std::cmp::Reverse(d.draft.closed_on),
            )
        });
        all
    } else {
        let id = find_one(&mut ctx, query)?.id;
        ctx.repo.deals_of(id)?
    };
    if ctx.json {
        return print_json(&deals);
    }
    let rows = ctx.repo.customer_rows()?;
    let name = |id: CustomerId| {
        rows.iter()
            .find(|r| r.id == id)
            .map_or(String::new(), |r| r.name.to_string())
    };
    let style = Style::detect();
    println!("{}", style.heading(&t!("cli-deals", n = deals.len())));
    for d in &deals {
        let draft = &d.draft;
        let when = match (draft.closed_on, draft.expected_close) {
            (Some(on), _) => on.to_string(),
            (None, Some(close)) => t!("cli-deal-close", date = close.to_string()),
            _ => String::new(),
        };
        println!(
            "  #{:<6} {} {} {} {} {}",
            d.id,
            cell(&words::deal_stage(draft.stage), 11),
            cell(&money::format_short(draft.amount, &draft.currency), 10),
            cell(&name(draft.customer_id), 24),
            cell(&when, 16),
            safe(&draft.title)
        );
    }
    Ok(())
}

/// The holiday `key` in this year or the next, or the next one coming.
fn holiday(
    key: Option<&str>,
    today: chrono::NaiveDate,
    greeted: &[String],
) -> Result<Holiday, Failure> {
    use chrono::Datelike;
    match key {
        Some(name) => holidays::key_for(name)
            .and_then(|key| {
                [today.year(), today.year() + 1]
                    .into_iter()
                    .filter_map(|y| holidays::find(key, y))
                    .find(|h| h.on >= today)
            })
            .ok_or_else(|| {
                let keys: Vec<&str> = holidays::holidays_in(today.year())
                    .iter()
                    .map(|h| h.key)
                    .collect();
                Failure::input(t!(
                    "greetings-unknown-holiday",
                    name = safe(name),
                    keys = keys.join(", ")
                ))
            }),
        None => holidays::next_holidays(today, 370)
            .into_iter()
            .find(|h| greeted.iter().any(|g| g == h.key))
            .ok_or_else(|| Failure::input(t!("greetings-none-ahead"))),
    }
}

/// Who still to greet for the next (or the named) holiday.
pub fn greetings(ctx: Context, key: Option<&str>) -> Result<(), Failure> {
    use chrono::Datelike;
    let today = ctx.now.date();
    let h = holiday(key, today, &ctx.config.greetings)?;
    let rows = crate::services::customer_list::customer_rows(ctx.repo, ctx.config, today)?;
    let greeted_pairs = ctx.repo.greeted_in(h.on.year())?;
    let greeted: HashSet<(CustomerId, &str)> = greeted_pairs
        .iter()
        .map(|(id, k)| (*id, k.as_str()))
        .collect();
    let customers: Vec<_> = rows.iter().map(|r| (r.id, r.tier)).collect();
    let ids = greeting_list(&customers, &greeted, &h);
    if ctx.json {
        return print_json(&json!({ "holiday": h, "to_greet": ids }));
    }
    let style = Style::detect();
    println!(
        "{}",
        style.heading(&t!(
            "greetings-heading",
            name_zh = h.name_zh,
            name_en = h.name_en,
            on = crate::i18n::calendar::weekday_and_date(h.on),
            days = (h.on - today).num_days(),
            n = ids.len()
        ))
    );
    for id in ids.iter().take(50) {
        if let Some(r) = rows.iter().find(|r| r.id == *id) {
            let tier = r.tier.map_or("-", |t| t.as_str());
            println!("  c{:<6} {tier} {}", r.id, safe(&r.name));
        }
    }
    if ids.len() > 50 {
        println!("  {}", t!("and-more", n = ids.len() - 50));
    }
    println!("{}", style.dim(&t!("greetings-how-to-record", key = h.key)));
    Ok(())
}

pub fn greeted(mut ctx: Context, customer: &str, key: Option<&str>) -> Result<(), Failure> {
    use chrono::Datelike;
    let today = ctx.now.date();
    let h = holiday(key, today, &ctx.config.greetings)?;
    let c = find_one(&mut ctx, customer)?;
    ctx.repo.record_greeting(c.id, h.key, h.on.year(), today)?;
    if ctx.json {
        return print_json(&json!({ "customer_id": c.id, "holiday": h.key, "year": h.on.year() }));
    }
    println!(
        "{}",
        t!(
            "greeted",
            name = safe(&c.name),
            name_zh = h.name_zh,
            name_en = h.name_en,
            year = h.on.year().to_string()
        )
    );
    Ok(())
}
