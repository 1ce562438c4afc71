//! The commands that need no book of the user's: completions, writing a demo book, and the
//! app on a temporary demo book.

use std::path::Path;

use clap::CommandFactory;

use super::{Args, Command, Failure, Interactive, load_config, now};
use crate::config::Config;
use crate::demo::{self, DemoSize};
use crate::repository::Repository;
use crate::services::day_start::DayStart;

/// The commands that need no book of the user's: completions, writing a demo book, and the
/// app on a temporary demo book. `None` when the command is for the book.
pub(super) fn run_without_book(
    args: &Args,
    interactive: Interactive,
) -> Option<Result<(), Failure>> {
    if let Some(Command::Completions { shell }) = args.command {
        clap_complete::generate(
            shell,
            &mut Args::command(),
            "fieldbook",
            &mut std::io::stdout(),
        );
        return Some(Ok(()));
    }
    if let Some(Command::Demo { path, customers }) = &args.command {
        return Some(
            write_demo(path, DemoSize::with_customers(*customers as usize)).map(|_| {
                println!(
                    "{}",
                    t!(
                        "cli-demo-written",
                        n = *customers,
                        path = path.display().to_string()
                    )
                );
            }),
        );
    }
    if !args.demo {
        return None;
    }
    Some(run_demo_app(&load_config(args.config.clone()), interactive))
}

/// The app on a demo book in a temporary folder, gone when the app closes.
fn run_demo_app(config: &Config, interactive: Interactive) -> Result<(), Failure> {
    let dir = tempfile::Builder::new()
        .prefix("fieldbook-demo-")
        .tempdir()?;
    let mut repo = write_demo(
        &dir.path().join("demo.sqlite3"),
        DemoSize::with_customers(300),
    )?;
    interactive(
        &mut repo,
        config,
        now,
        &crate::t!("header-demo-book"),
        DayStart::default(),
    )?;
    Ok(())
}

fn write_demo(path: &Path, size: DemoSize) -> Result<Repository, Failure> {
    if path.exists() || path.symlink_metadata().is_ok() {
        return Err(Failure::input(t!(
            "cli-demo-exists",
            path = path.display().to_string()
        )));
    }
    let written = Repository::open(path).and_then(|mut repo| {
        demo::generate(&mut repo, size, now())?;
        Ok(repo)
    });
    written.map_err(|e| {
        // A half-written demo must not pass for a book.
        for suffix in ["", "-wal", "-shm"] {
            let mut name = path.as_os_str().to_owned();
            name.push(suffix);
            let _ = std::fs::remove_file(name);
        }
        Failure::input(e.to_string())
    })
}
