//! The command line: the TUI by default, and subcommands that read and write the same book
//! through the same repository and rules, for a shell between visits and for scripts.

mod accounts;
mod commands;
mod interop;
mod lookups;
mod output;
mod report;
mod resolve;
mod safety;

use std::error::Error;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Local, NaiveDateTime, Timelike};
use clap::{CommandFactory, Parser, Subcommand};

use crate::config::Config;
use crate::demo::{self, DemoSize};
use crate::paths;
use crate::repository::{Repository, backup};

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
        /// How many days ahead to show
        #[arg(long, default_value_t = 7)]
        days: u32,
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
        /// When: tomorrow, fri, +3d, next week, 12-01, 明天, 下周一 ...
        when: Vec<String>,
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
        /// A holiday key: spring_festival, mid_autumn, dragon_boat, national_day, ...
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
        /// How many customers to generate
        #[arg(long, default_value_t = 300)]
        customers: usize,
    },
}

/// How a command ended: 0 success, 1 bad usage or input, 2 not found or ambiguous.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    pub fn input(message: impl Into<String>) -> Self {
        Failure {
            code: 1,
            message: message.into(),
        }
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Failure {
            code: 2,
            message: message.into(),
        }
    }
}

impl<E: Error> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure::input(e.to_string())
    }
}

pub fn now() -> NaiveDateTime {
    let now = Local::now().naive_local();
    now.with_nanosecond(0).unwrap_or(now)
}

/// Parses arguments; usage errors exit 1 (not clap's 2, which means "not found" here).
pub fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => {
            let code = if e.use_stderr() { 1 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!(
                "fieldbook: {}",
                crate::safe_text::lines(&f.message).join("\n")
            );
            ExitCode::from(f.code)
        }
    }
}

fn load_config(flag: Option<PathBuf>) -> Config {
    let path = flag
        .or_else(|| {
            std::env::var_os("FIELDBOOK_CONFIG")
                .filter(|p| !p.is_empty())
                .map(PathBuf::from)
        })
        .or_else(Config::default_path);
    let Some(path) = path else {
        return Config::default();
    };
    let (config, warning) = Config::load(&path);
    if let Some(w) = warning {
        eprintln!("fieldbook: {}", crate::safe_text::line(&w));
    }
    config
}

pub fn run(args: Args) -> Result<(), Failure> {
    let json = args.json;
    if let Some(Command::Completions { shell }) = args.command {
        clap_complete::generate(
            shell,
            &mut Args::command(),
            "fieldbook",
            &mut std::io::stdout(),
        );
        return Ok(());
    }
    if let Some(Command::Demo { path, customers }) = &args.command {
        write_demo(path, DemoSize::with_customers(*customers))?;
        println!(
            "wrote a demo book with {customers} customers to {}",
            path.display()
        );
        return Ok(());
    }
    let config = load_config(args.config);
    if args.demo {
        let dir = tempfile::Builder::new()
            .prefix("fieldbook-demo-")
            .tempdir()?;
        let mut repo = write_demo(
            &dir.path().join("demo.sqlite3"),
            DemoSize::with_customers(300),
        )?;
        crate::tui::run(&mut repo, &config, now, "demo book (temporary)")?;
        return Ok(());
    }
    let path = paths::book_path(args.db)?;
    if let Some(Command::Check) = args.command {
        // Read-only: opening the book normally could migrate or repair what is being checked.
        return safety::check(&path, json);
    }
    let mut repo = Repository::open(&path).map_err(|e| Failure::input(e.to_string()))?;
    if matches!(
        args.command,
        None | Some(Command::Today { .. } | Command::Report)
    ) {
        // Birthday follow-ups due in the next days; a failure here must not stop the day.
        if let Err(e) = crate::daily::schedule_care(&mut repo, &config, now().date()) {
            eprintln!(
                "fieldbook: birthday reminders were not created: {}",
                crate::safe_text::line(&e.to_string())
            );
        }
    }
    let ctx = commands::Context {
        repo: &mut repo,
        config: &config,
        now: now(),
        json,
    };
    match args.command {
        None => {
            // The daily copy is taken beside the app, never in front of the first frame.
            let (book, every, keep) = (path.clone(), config.backup.every_days, config.backup.keep);
            let backup = std::thread::spawn(move || backup::rotate(&book, now(), every, keep));
            crate::tui::run(ctx.repo, &config, now, &path.display().to_string())?;
            if let Ok(Err(e)) = backup.join() {
                eprintln!(
                    "fieldbook: the automatic backup failed: {}",
                    crate::safe_text::line(&e.to_string())
                );
            }
        }
        Some(Command::Log(log)) => commands::log(ctx, log)?,
        Some(Command::Today { days }) => lookups::today(ctx, days)?,
        Some(Command::Add(add)) => commands::add(ctx, add)?,
        Some(Command::Find {
            query,
            notes,
            archived,
        }) => lookups::find_any(ctx, &query.join(" "), notes, archived)?,
        Some(Command::Unarchive { customer }) => resolve::unarchive(ctx, &customer.join(" "))?,
        Some(Command::Show { customer }) => lookups::show(ctx, &customer.join(" "))?,
        Some(Command::Done { id }) => commands::done(ctx, &id)?,
        Some(Command::Snooze { id, when }) => commands::snooze(ctx, &id, &when.join(" "))?,
        Some(Command::Import(import)) => interop::import(ctx, import)?,
        Some(Command::Export(export)) => interop::export(ctx, export)?,
        Some(Command::Deal(deal)) => accounts::deal(ctx, deal)?,
        Some(Command::Report) => report::report(ctx.repo, &config, ctx.now, json)?,
        Some(Command::Greetings { holiday }) => accounts::greetings(ctx, holiday.as_deref())?,
        Some(Command::Greeted { customer, holiday }) => {
            accounts::greeted(ctx, &customer.join(" "), holiday.as_deref())?
        }
        Some(Command::Backup { path: dest }) => safety::backup(ctx.repo, &path, dest, json)?,
        Some(Command::Restore { path: source, yes }) => {
            safety::restore(ctx.repo, &path, &source, yes, json)?
        }
        Some(Command::Completions { .. } | Command::Demo { .. } | Command::Check) => {
            unreachable!("handled above")
        }
    }
    Ok(())
}

fn write_demo(path: &Path, size: DemoSize) -> Result<Repository, Failure> {
    if path.exists() {
        return Err(Failure::input(format!(
            "{} already exists; the demo writes only to a new file",
            path.display()
        )));
    }
    let mut repo = Repository::open(path).map_err(|e| Failure::input(e.to_string()))?;
    demo::generate(&mut repo, size, now()).map_err(|e| Failure::input(e.to_string()))?;
    Ok(repo)
}
