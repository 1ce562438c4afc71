//! The command line as clap reads it: the flags every command takes and the subcommands.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use super::{accounts, commands, interop};

#[derive(Debug, Parser)]
#[command(
    name = "fieldbook",
    version,
    about = "A terminal customer book for field account managers"
)]
pub struct Args {
    /// The book to open [default: the platform data dir; env FIELDBOOK_DB]
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// The config file [default: the platform config dir; env FIELDBOOK_CONFIG]
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Machine-readable output (JSON) for scripts
    #[arg(long, global = true)]
    pub json: bool,
    /// Open a freshly generated demo book in a temporary folder (never your own book)
    #[arg(long, conflicts_with = "db")]
    pub demo: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Log a contact: `fieldbook log 星河 "called about the Q1 order" --next fri --todo "send quote"`
    Log(commands::LogArgs),
    /// What is overdue, due today and coming up; birthdays this week; who is going cold
    #[command(alias = "agenda")]
    Today {
        /// How many days ahead to show (up to 3660, ten years)
        #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(u32).range(0..=3660))]
        days: u32,
        /// List every item (the text shows the first 100 of each list and counts the rest)
        #[arg(long)]
        all: bool,
    },
    /// Add a customer
    Add(commands::AddArgs),
    /// Find customers by name, person, city, tag, phone or email (pinyin too); --notes searches
    /// what was said and noted instead
    Find {
        query: Vec<String>,
        /// Search call summaries and customer/people notes (full text, CJK aware)
        #[arg(long)]
        notes: bool,
        /// Search archived customers instead
        #[arg(long)]
        archived: bool,
    },
    /// Bring an archived customer back into the list
    Unarchive { customer: Vec<String> },
    /// Show a customer: profile, people, open follow-ups, recent history
    Show { customer: Vec<String> },
    /// Mark a follow-up done (a repeating one schedules its next occurrence)
    Done {
        /// The follow-up's id, as `fieldbook today` shows it (#12 or 12)
        id: String,
    },
    /// Move a follow-up to another day
    Snooze {
        id: String,
        /// When: tomorrow, fri, +3d, next week, 12-01 (the next one), 明天, 下周一 ...
        when: Vec<String>,
        /// Move it to a date already past
        #[arg(long)]
        past: bool,
    },
    /// Print shell completions: `fieldbook completions bash > ~/.local/share/bash-completion/completions/fieldbook`
    Completions { shell: clap_complete::Shell },
    /// Deals: won orders and open opportunities (they rank customers A/B/C by revenue)
    #[command(subcommand)]
    Deal(accounts::DealCommand),
    /// The dashboard in text: contacts, follow-ups on time, revenue, tiers, stages, who is at
    /// risk and why, open complaints, top opportunities, the visit plan by city
    Report,
    /// Who to greet for the next holiday (春节, 中秋...) and has not been greeted yet
    Greetings {
        /// A holiday, by name or key: 春节, 中秋, 端午, spring_festival, national_day, ...
        #[arg(long)]
        holiday: Option<String>,
    },
    /// Record that a customer was greeted for the holiday
    Greeted {
        customer: Vec<String>,
        #[arg(long)]
        holiday: Option<String>,
    },
    /// Copy the book (SQLite online backup) to PATH, or into backups/ beside the book
    Backup { path: Option<PathBuf> },
    /// Replace the book with a backup (asks first; a copy of the current book is kept)
    Restore {
        path: PathBuf,
        /// Do not ask (for scripts)
        #[arg(long)]
        yes: bool,
    },
    /// Check the book's integrity without changing it (exit 1 when damaged)
    Check,
    /// Import customers and people: CSV/TSV (Excel, Google, Outlook, Salesforce, HubSpot,
    /// 客户表 in GBK), vCard, or a fieldbook JSON export; duplicates never doubled
    Import(interop::ImportArgs),
    /// Export the book: csv or vcard (customers and people), ics (follow-ups, birthdays), json (all)
    Export(interop::ExportArgs),
    /// Write a demo book to PATH and exit (refuses an existing file)
    Demo {
        path: PathBuf,
        /// How many customers to generate (1 to 1,000,000)
        #[arg(long, default_value_t = 300, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
        customers: u64,
    },
}
