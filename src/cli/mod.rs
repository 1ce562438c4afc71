//! The command line: the TUI by default, and subcommands that read and write the same book
//! through the same repository and rules, for a shell between visits and for scripts.

mod accounts;
mod args;
mod commands;
mod help;
mod import_preview;
mod interop;
mod lookups;
mod output;
mod read_only;
mod report;
mod resolve;
mod safety;
mod today;
mod usage_error;
mod without_book;

use std::error::Error;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Local, NaiveDateTime, Timelike};
use clap::FromArgMatches;

use crate::config::Config;
use crate::paths;
use crate::repository::{Repository, backup};
use crate::services::day_start::DayStart;
pub use args::{Args, Command};

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

/// The local time, to the second. `FIELDBOOK_NOW=2026-11-28T10:00:00` fixes it: the tests run
/// the binary on a demo book at a known day, and a book can be looked at as it stood on a date.
pub fn now() -> NaiveDateTime {
    if let Some(fixed) = std::env::var("FIELDBOOK_NOW")
        .ok()
        .and_then(|v| v.trim().parse().ok())
    {
        return fixed;
    }
    let now = Local::now().naive_local();
    now.with_nanosecond(0).unwrap_or(now)
}

/// The interactive app (the TUI), handed in by the root module so that the command line
/// never depends on the front end it opens. `DayStart` is what it does once its first screen
/// is up: the birthday reminders and the daily backup.
pub type Interactive =
    fn(&mut Repository, &Config, fn() -> NaiveDateTime, &str, DayStart) -> std::io::Result<()>;

/// Parses arguments; usage errors exit 1 (not clap's 2, which means "not found" here).
pub fn main(interactive: Interactive) -> ExitCode {
    choose_language();
    let parsed = help::command()
        .try_get_matches()
        .and_then(|matches| Args::from_arg_matches(&matches));
    let args = match parsed {
        Ok(args) => args,
        Err(e) => {
            let code = if e.use_stderr() { 1 } else { 0 };
            match usage_error::said(&e) {
                Some(text) => eprint!("{text}"),
                None => {
                    let _ = e.print();
                }
            }
            return ExitCode::from(code);
        }
    };
    let book = paths::book_path(args.db.clone()).ok();
    match run(args, interactive) {
        Ok(()) => ExitCode::SUCCESS,
        Err(mut f) => {
            if let Some(book) = &book {
                f.message = explain_disk_full(f.message, book);
            }
            eprintln!(
                "fieldbook: {}",
                crate::safe_text::lines(&f.message).join("\n")
            );
            ExitCode::from(f.code)
        }
    }
}

/// "disk I/O error" tells no one what to do. When the disk holding the book is full (SQLite
/// said so, or an I/O error came with under a megabyte left), say that, with the space left.
pub fn explain_disk_full(message: String, book: &Path) -> String {
    let full = message.contains(crate::repository::DISK_FULL) || message == t!("error-disk-full");
    if !full && !message.contains("disk I/O error") {
        return message;
    }
    let dir = book
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    #[cfg(unix)]
    if let Some(kb) = paths::free_kb(dir).filter(|kb| full || *kb < 1024) {
        return t!(
            "cli-disk-full-nothing-written",
            kb = kb,
            dir = dir.display().to_string()
        );
    }
    message
}

/// The config file: `--config`, else `FIELDBOOK_CONFIG`, else the platform's.
fn config_path(flag: Option<PathBuf>) -> Option<PathBuf> {
    flag.or_else(|| {
        std::env::var_os("FIELDBOOK_CONFIG")
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
    })
    .or_else(Config::default_path)
}

/// The language, chosen before the arguments are parsed so that `--help` and clap's own
/// errors speak it: `FIELDBOOK_LANG`, else the config's `language`, else the locale.
fn choose_language() {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let setting = config_path(config_flag(&args))
        .map(|path| Config::language_in(&path))
        .unwrap_or_default();
    let [fieldbook_lang, lc_all, lc_messages, lang] = crate::i18n::locale::read_environment();
    let env = crate::i18n::locale::Environment {
        fieldbook_lang: fieldbook_lang.as_deref(),
        lc_all: lc_all.as_deref(),
        lc_messages: lc_messages.as_deref(),
        lang: lang.as_deref(),
    };
    crate::i18n::choose(crate::i18n::language_for(setting, &env));
}

/// `--config PATH` or `--config=PATH` among the arguments, as clap will read them later.
fn config_flag(args: &[std::ffi::OsString]) -> Option<PathBuf> {
    let mut words = args.iter().skip(1).take_while(|a| *a != "--");
    while let Some(word) = words.next() {
        if word == "--config" {
            return words.next().map(PathBuf::from);
        }
        if let Some(path) = word.to_str().and_then(|w| w.strip_prefix("--config=")) {
            return Some(PathBuf::from(path));
        }
    }
    None
}

fn load_config(flag: Option<PathBuf>) -> Config {
    let path = config_path(flag);
    let Some(path) = path else {
        return Config::default();
    };
    let (config, warning) = Config::load(&path);
    if let Some(w) = warning {
        eprintln!("fieldbook: {}", crate::safe_text::line(&w));
    }
    config
}

pub fn run(args: Args, interactive: Interactive) -> Result<(), Failure> {
    let json = args.json;
    if let Some(done) = without_book::run_without_book(&args, interactive) {
        return done;
    }
    let config = load_config(args.config);
    let path = paths::book_path(args.db)?;
    refuse_special_file(&path)?;
    if let Some(Command::Check) = args.command {
        // Read-only: opening the book normally could migrate or repair what is being checked.
        return safety::check(&path, json);
    }
    if let Some(Command::Restore { path: source, yes }) = &args.command {
        // Opened (or not, when emptied) by restore itself: an emptied book is what it mends.
        return safety::restore(&path, source, *yes, json);
    }
    run_on_book(args.command, &path, &config, json, interactive)
}

/// The commands that open the book: the app itself, and every read or write of the book.
fn run_on_book(
    command: Option<Command>,
    path: &Path,
    config: &Config,
    json: bool,
    interactive: Interactive,
) -> Result<(), Failure> {
    let (mut repo, read_only) = read_only::open_book(path, &command)?;
    if !read_only {
        tell_made_private(path);
    }
    if command.is_some() {
        // A command waits out another fieldbook's write, saying so; the app keeps the short
        // timeout so it never sits frozen.
        repo.wait_for_other_writers()
            .map_err(|e| Failure::input(e.to_string()))?;
    }
    if !read_only {
        // Only now: the folder beside another program's file is none of fieldbook's business.
        backup::remove_stale_partials(path);
    }
    // The app makes them itself, after its first screen.
    if !read_only && matches!(command, Some(Command::Today { .. } | Command::Report)) {
        // Birthday follow-ups due in the next days; a failure here must not stop the day.
        if let Err(e) = crate::services::day_start::schedule_care(&mut repo, config, now().date()) {
            eprintln!(
                "fieldbook: {}",
                t!(
                    "cli-birthday-reminders-failed",
                    why = crate::safe_text::line(&e.to_string()).into_owned()
                )
            );
        }
    }
    let ctx = commands::Context {
        repo: &mut repo,
        config,
        now: now(),
        json,
    };
    match command {
        None => run_app(ctx.repo, config, path, interactive)?,
        Some(Command::Log(log)) => commands::log(ctx, log)?,
        Some(Command::Today { days, all }) => today::today(ctx, days, all)?,
        Some(Command::Add(add)) => commands::add(ctx, add)?,
        Some(Command::Find {
            query,
            notes,
            archived,
        }) => lookups::find_any(ctx, &query.join(" "), notes, archived)?,
        Some(Command::Unarchive { customer }) => resolve::unarchive(ctx, &customer.join(" "))?,
        Some(Command::Show { customer }) => lookups::show(ctx, &customer.join(" "))?,
        Some(Command::Done { id }) => commands::done(ctx, &id)?,
        Some(Command::Snooze { id, when, past }) => {
            commands::snooze(ctx, &id, &when.join(" "), past)?
        }
        Some(Command::Import(import)) => interop::import(ctx, import)?,
        Some(Command::Export(export)) => interop::export(ctx, export)?,
        Some(Command::Deal(deal)) => accounts::deal(ctx, deal)?,
        Some(Command::Report) => report::report(ctx.repo, config, ctx.now, json)?,
        Some(Command::Greetings { holiday }) => accounts::greetings(ctx, holiday.as_deref())?,
        Some(Command::Greeted { customer, holiday }) => {
            accounts::greeted(ctx, &customer.join(" "), holiday.as_deref())?
        }
        Some(Command::Backup { path: dest }) => safety::backup(ctx.repo, path, dest, json)?,
        Some(
            Command::Completions { .. }
            | Command::Demo { .. }
            | Command::Check
            | Command::Restore { .. },
        ) => {
            unreachable!("handled above")
        }
    }
    Ok(())
}

/// The TUI, with the daily copy taken beside it once the app has its whole list (or has
/// quit), never in front of the first frame nor while the book is read.
fn run_app(
    repo: &mut Repository,
    config: &Config,
    path: &Path,
    interactive: Interactive,
) -> Result<(), Failure> {
    let (book, every) = (path.to_path_buf(), config.backup.every_days);
    let keep = backup::Retention {
        daily: config.backup.keep,
        weekly: config.backup.keep_weekly,
        monthly: config.backup.keep_monthly,
    };
    let (go, wait) = std::sync::mpsc::channel::<()>();
    let backup = std::thread::spawn(move || {
        // A word from the app, or the app gone without one: either way, now.
        let _ = wait.recv();
        backup::rotate_with(&book, now(), every, keep)
    });
    let day = DayStart {
        care: true,
        then: Some(Box::new(move || {
            let _ = go.send(());
        })),
    };
    interactive(repo, config, now, &path.display().to_string(), day)?;
    if let Ok(Err(e)) = backup.join() {
        eprintln!(
            "fieldbook: {}",
            t!(
                "cli-automatic-backup-failed",
                why = crate::safe_text::line(&e.to_string()).into_owned()
            )
        );
    }
    Ok(())
}

/// Tightens the book's modes only once it is known to be a fieldbook book (never another
/// program's file), and says so in one line.
fn tell_made_private(book: &Path) {
    #[cfg(unix)]
    match paths::make_private(book) {
        Ok(changed) if !changed.is_empty() => {
            let list: Vec<String> = changed
                .iter()
                .map(|(p, mode)| {
                    t!(
                        "cli-made-private-file",
                        path = p.display().to_string(),
                        mode = format!("{mode:04o}")
                    )
                })
                .collect();
            eprintln!(
                "fieldbook: {}",
                t!(
                    "cli-made-private",
                    files = crate::safe_text::line(&list.join(", ")).into_owned()
                )
            );
        }
        Ok(_) => {}
        Err(e) => eprintln!(
            "fieldbook: {}",
            t!(
                "cli-could-not-make-private",
                why = crate::safe_text::line(&e.to_string()).into_owned()
            )
        ),
    }
}

/// SQLite blocks forever opening a FIFO and misreads a device: a book is a regular file.
fn refuse_special_file(path: &Path) -> Result<(), Failure> {
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => Err(Failure::input(t!(
            "cli-not-a-regular-file",
            path = path.display().to_string()
        ))),
        _ => Ok(()),
    }
}
