//! `backup`, `restore` and `check`: getting a copy of the book, getting it back, and knowing it
//! is sound.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use serde_json::json;

use super::output::safe;
use super::{Failure, now};
use crate::repository::Repository;
use crate::repository::backup::{self, check_file};

pub fn backup(
    repo: &Repository,
    book: &Path,
    dest: Option<PathBuf>,
    json: bool,
) -> Result<(), Failure> {
    let dest = match dest {
        Some(d) => d,
        None => {
            let dir = backup::backup_dir(book);
            crate::paths::create_private_dir(&dir).map_err(|e| {
                Failure::input(format!(
                    "can't make {} ({e}): name a backup elsewhere, `fieldbook backup PATH`",
                    safe(&dir.display().to_string())
                ))
            })?;
            backup::backup_name(&dir, book, now())
        }
    };
    repo.backup_to(&dest)
        .map_err(|e| super::read_only::disk_full(&dest, &e).unwrap_or_else(|| e.into()))?;
    if json {
        println!("{}", json!({ "backup": dest }));
    } else {
        println!(
            "backed up {} to {}",
            safe(&book.display().to_string()),
            safe(&dest.display().to_string())
        );
    }
    Ok(())
}

/// Replaces the book with `source` after a yes (typed on a terminal, or `--yes`), taking a
/// safety backup of the current book first so a restore can itself be undone. An emptied
/// (0-byte) book has nothing to save and is not opened: it is what restore is for.
pub fn restore(book: &Path, source: &Path, yes: bool, json: bool) -> Result<(), Failure> {
    let report = check_file(source)?;
    if !report.problems.is_empty() {
        return Err(Failure::input(format!(
            "{} was not restored: {}",
            safe(&source.display().to_string()),
            report.problems.join("; ")
        )));
    }
    let mut repo = open_to_replace(book)?;
    let now_count = repo.as_ref().map_or(Ok(0), |r| r.customer_count())?;
    if !yes {
        confirm(book, now_count, source, report.customers)?;
    }
    let safety = match &mut repo {
        Some(repo) => {
            let dir = backup::backup_dir(book);
            crate::paths::create_private_dir(&dir)?;
            let safety = backup::before_restore_name(&dir, book, now());
            repo.backup_to(&safety)?;
            repo.restore_from(source)?;
            Some(safety)
        }
        None => {
            let kept = keep_damaged(book)?;
            crate::repository::restore::restore_book(book, source, None)?;
            kept
        }
    };
    if json {
        println!(
            "{}",
            json!({ "restored": source, "previous_book_saved_to": safety })
        );
    } else {
        let saved = safety.map_or(String::new(), |s| {
            format!(
                "; the previous book is saved at {}",
                safe(&s.display().to_string())
            )
        });
        println!(
            "restored {} ({} customers){saved}",
            safe(&source.display().to_string()),
            report.customers,
        );
    }
    Ok(())
}

/// The book restore replaces, open; or none when it is emptied or too damaged to open (a
/// fieldbook book cut off or with damaged pages), which is what restore is for.
fn open_to_replace(book: &Path) -> Result<Option<Repository>, Failure> {
    if std::fs::metadata(book).is_ok_and(|m| m.len() == 0) {
        return Ok(None);
    }
    match Repository::open(book) {
        Ok(repo) => Ok(Some(repo)),
        Err(_) if check_file(book).is_ok_and(|r| r.damaged) => Ok(None),
        Err(e) => Err(Failure::input(e.to_string())),
    }
}

/// A damaged book is kept as it is beside its backups: parts of it may still be readable.
fn keep_damaged(book: &Path) -> Result<Option<PathBuf>, Failure> {
    if !std::fs::metadata(book).is_ok_and(|m| m.len() > 0) {
        return Ok(None);
    }
    let dir = backup::backup_dir(book);
    crate::paths::create_private_dir(&dir)?;
    let kept = backup::before_restore_name(&dir, book, now());
    std::fs::copy(book, &kept)?;
    Ok(Some(kept))
}

fn confirm(book: &Path, now_count: i64, source: &Path, customers: i64) -> Result<(), Failure> {
    if !std::io::stdin().is_terminal() {
        return Err(Failure::input(
            "restore replaces the whole book: add --yes to confirm when not on a terminal",
        ));
    }
    eprint!(
        "Replace the book at {} ({now_count} customers now) with {} ({customers} customers)? A backup of the current book is taken first. [y/N] ",
        safe(&book.display().to_string()),
        safe(&source.display().to_string()),
    );
    std::io::stderr().flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    if !matches!(answer.trim(), "y" | "Y" | "yes" | "YES" | "Yes") {
        return Err(Failure::input("not restored"));
    }
    Ok(())
}

/// Exit 0 when sound; 1 with each problem listed when not.
pub fn check(path: &Path, json: bool) -> Result<(), Failure> {
    let report = check_file(path)?;
    if json {
        println!(
            "{}",
            json!({
                "book": path, "ok": report.problems.is_empty(), "version": report.version,
                "customers": report.customers, "interactions": report.interactions,
                "open_follow_ups": report.open_follow_ups, "problems": report.problems,
            })
        );
    } else if report.problems.is_empty() {
        println!(
            "{}: ok (book version {}, {} customers, {} interactions, {} open follow-ups)",
            safe(&path.display().to_string()),
            report.version,
            report.customers,
            report.interactions,
            report.open_follow_ups
        );
    }
    if report.problems.is_empty() {
        Ok(())
    } else {
        Err(Failure::input(format!(
            "{} has problems:\n{}\n{}",
            path.display(),
            report
                .problems
                .iter()
                .map(|p| format!("  {p}"))
                .collect::<Vec<_>>()
                .join("\n"),
            way_back(path)
        )))
    }
}

/// The newest backups and the command that brings the newest back.
fn way_back(book: &Path) -> String {
    let dir = backup::backup_dir(book);
    let backups = backup::list_backups(&dir, book);
    let Some(newest) = backups.last() else {
        return format!(
            "No backups were found in {}; keep this file, it may still be partly readable.",
            dir.display()
        );
    };
    let listed: Vec<String> = backups
        .iter()
        .rev()
        .take(3)
        .map(|b| format!("  {}", b.display()))
        .collect();
    format!(
        "Newest backups:\n{}\nTo bring the newest back, run:\n  fieldbook --db {} restore {}",
        listed.join("\n"),
        book.display(),
        newest.display()
    )
}
