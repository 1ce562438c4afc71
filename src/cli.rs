//! The command line: open the book (the TUI), the demo book, or write a demo book for scripts.

use std::error::Error;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Local, NaiveDateTime, Timelike};
use clap::{Parser, Subcommand};

use crate::demo::{self, DemoSize};
use crate::paths;
use crate::repository::Repository;

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
    /// Open a freshly generated demo book in a temporary folder (never your own book)
    #[arg(long, conflicts_with = "db")]
    pub demo: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a demo book to PATH and exit (refuses an existing file)
    Demo {
        path: PathBuf,
        /// How many customers to generate
        #[arg(long, default_value_t = 300)]
        customers: usize,
    },
}

fn now() -> NaiveDateTime {
    let now = Local::now().naive_local();
    now.with_nanosecond(0).unwrap_or(now)
}

pub fn run(args: Args) -> Result<ExitCode, Box<dyn Error>> {
    match args.command {
        Some(Command::Demo { path, customers }) => {
            write_demo(&path, DemoSize::with_customers(customers))?;
            println!(
                "wrote a demo book with {customers} customers to {}",
                path.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        None if args.demo => {
            let dir = tempfile::Builder::new()
                .prefix("fieldbook-demo-")
                .tempdir()?;
            let path = dir.path().join("demo.sqlite3");
            let mut repo = write_demo(&path, DemoSize::with_customers(300))?;
            crate::tui::run(&mut repo, now, "demo book (temporary)")?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let path = paths::book_path(args.db)?;
            let mut repo = Repository::open(&path)?;
            crate::tui::run(&mut repo, now, &path.display().to_string())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn write_demo(path: &Path, size: DemoSize) -> Result<Repository, Box<dyn Error>> {
    if path.exists() {
        return Err(format!(
            "{} already exists; the demo writes only to a new file",
            path.display()
        )
        .into());
    }
    let mut repo = Repository::open(path)?;
    demo::generate(&mut repo, size, now())?;
    Ok(repo)
}
