//! `fieldbook import FILE` and `fieldbook export --format ...`: the same readers, matching and
//! writers the TUI preview uses, with every message about the file escaped before it is shown.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::Args as ClapArgs;
use serde_json::json;

use super::Failure;
use super::commands::Context;
use super::import_preview;
use super::output::{json, safe, write_private};
use crate::interop::{self, Charset, Commit, Duplicates, Format, ImportPolicy, ReadOptions};
use crate::services::import_words;

#[derive(Debug, ClapArgs)]
pub struct ImportArgs {
    /// A CSV/TSV (Excel, Google, Outlook, Salesforce, HubSpot, 客户表), a vCard file (.vcf), or a
    /// fieldbook JSON export
    pub file: PathBuf,
    /// csv, vcard or json [default: from the file name, else its content]
    #[arg(long)]
    pub format: Option<String>,
    /// Read column COL as FIELD (company, name, phone, mobile, email, wechat, city, address,
    /// birthday, notes, tags, title, ...; `note` keeps it in the notes, `ignore` drops it)
    #[arg(long = "map", value_name = "COL=FIELD")]
    pub map: Vec<String>,
    /// utf-8 or gb18030 (also gbk) [default: UTF-8 with or without BOM, else GB18030]
    #[arg(long)]
    pub encoding: Option<String>,
    /// Show what would be created, merged and skipped; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Import the good records even though some are bad (those are listed and left out)
    #[arg(long)]
    pub skip_bad: bool,
    /// Merge a duplicate into the book's record: fill its blanks, add new phones, e-mails, tags
    #[arg(long, conflicts_with = "skip_duplicates")]
    pub merge: bool,
    /// Leave duplicates as they are in the book (the default)
    #[arg(long)]
    pub skip_duplicates: bool,
    /// Add a duplicate (or a likely one) as a new record all the same
    #[arg(long, conflicts_with_all = ["merge", "skip_duplicates"])]
    pub keep_both: bool,
}

#[derive(Debug, ClapArgs)]
pub struct ExportArgs {
    /// csv or vcard (customers and people), ics (open follow-ups and birthdays), json (the whole
    /// book, for a backup or another fieldbook)
    #[arg(long)]
    pub format: String,
    /// Write to FILE, created private to you (0600), instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

fn read_options(ctx: &Context, args: &ImportArgs) -> Result<ReadOptions, Failure> {
    let format = match &args.format {
        Some(f) => Some(
            Format::parse(f)
                .ok_or_else(|| Failure::input(t!("cli-import-bad-format", value = safe(f))))?,
        ),
        None => None,
    };
    let encoding = match &args.encoding {
        Some(e) => Some(
            Charset::parse(e)
                .ok_or_else(|| Failure::input(t!("cli-import-bad-encoding", value = safe(e))))?,
        ),
        None => None,
    };
    Ok(ReadOptions {
        format,
        map: args.map.clone(),
        encoding,
        date_order: ctx.config.date_order,
        newest_schema: Some(crate::repository::LATEST_VERSION),
    })
}

/// A progress line on a terminal for big files; nothing otherwise.
fn progress_line(total: usize) -> impl FnMut(usize, usize) {
    let show = total >= 2000 && std::io::stderr().is_terminal();
    move |done, total| {
        if !show {
            return;
        }
        if done >= total {
            eprint!("\r{:40}\r", "");
        } else {
            eprint!("\r{}", t!("cli-importing", done = done, total = total));
        }
        let _ = std::io::stderr().flush();
    }
}

pub fn import(ctx: Context, args: ImportArgs) -> Result<(), Failure> {
    let options = read_options(&ctx, &args)?;
    if !args.file.exists() {
        return Err(Failure::not_found(t!(
            "cli-no-file",
            file = safe(&args.file.display().to_string())
        )));
    }
    let batch = interop::read_file(&args.file, &options)
        .map_err(|e| Failure::input(import_words::read_error(&e)))?;
    let policy = ImportPolicy {
        duplicates: match (args.merge, args.keep_both) {
            (true, _) => Duplicates::Merge,
            (_, true) => Duplicates::KeepBoth,
            _ => Duplicates::Skip,
        },
        skip_bad: args.skip_bad,
    };
    let refused = batch.has_bad() && !args.skip_bad;
    let report = if refused && !args.dry_run {
        None
    } else {
        let commit = if args.dry_run {
            Commit::No
        } else {
            Commit::Yes
        };
        let mut progress = progress_line(batch.records.len());
        Some(ctx.repo.import(&batch, &policy, commit, &mut progress)?)
    };
    if ctx.json {
        json(&import_preview::as_json(
            &batch,
            report.as_ref(),
            args.dry_run,
        ))?;
    } else {
        import_preview::print(&batch, report.as_ref(), args.dry_run);
    }
    if refused {
        let n = batch.bad_records();
        return Err(Failure::input(if args.dry_run {
            t!("cli-import-would-refuse", n = n)
        } else {
            t!("cli-import-refused", n = n)
        }));
    }
    Ok(())
}

pub fn export(ctx: Context, args: ExportArgs) -> Result<(), Failure> {
    let format = args.format.trim().to_ascii_lowercase();
    let (text, customers) = match format.as_str() {
        "csv" | "vcard" | "vcf" | "ics" | "ical" | "icalendar" => {
            let rows = ctx.repo.export_rows()?;
            let customers = rows.customers.iter().filter(|c| !c.archived).count();
            let text = match format.as_str() {
                "csv" => interop::export::csv(&rows),
                "vcard" | "vcf" => interop::export::vcard(&rows),
                _ => interop::ics::calendar(&rows, chrono::Utc::now().naive_utc()),
            };
            (text, customers)
        }
        "json" => {
            let tables = ctx.repo.book_tables()?;
            let customers = tables
                .iter()
                .find(|t| t.name == "customer")
                .map_or(0, |t| t.rows.len());
            let schema = ctx.repo.schema_version()?;
            (interop::json::write(&tables, schema, ctx.now), customers)
        }
        _ => {
            return Err(Failure::input(t!(
                "cli-export-bad-format",
                value = safe(&args.format)
            )));
        }
    };
    match &args.output {
        Some(path) => {
            write_private(path, text.as_bytes()).map_err(|e| {
                let e = crate::repository::BookError::Io(e);
                super::read_only::disk_full(path, &e).unwrap_or_else(|| {
                    Failure::input(t!(
                        "cli-cant-write",
                        path = safe(&path.display().to_string()),
                        why = e.to_string()
                    ))
                })
            })?;
            if ctx.json {
                return json(&json!({
                    "file": path, "format": format, "customers": customers, "bytes": text.len(),
                }));
            }
            println!(
                "{}",
                t!(
                    "cli-exported",
                    n = customers,
                    format = format.as_str(),
                    path = safe(&path.display().to_string())
                )
            );
        }
        None if std::io::stdout().is_terminal() => {
            // Book text on a terminal goes through the sanitizer like everything else shown.
            for line in text.lines() {
                println!("{}", safe(line));
            }
        }
        None => {
            std::io::stdout().write_all(text.as_bytes())?;
        }
    }
    Ok(())
}
