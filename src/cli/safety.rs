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
                Failure::input(t!(
                    "cli-backup-no-folder",
                    dir = safe(&dir.display().to_string()),
                    why = e.to_string()
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
            "{}",
            t!(
                "cli-backed-up",
                book = safe(&book.display().to_string()),
                dest = safe(&dest.display().to_string())
            )
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
        return Err(Failure::input(t!(
            "cli-not-restored-because",
            file = safe(&source.display().to_string()),
            problems = report.problems.join("; ")
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
            t!(
                "cli-restored-previous-saved",
                path = safe(&s.display().to_string())
            )
        });
        println!(
            "{}{saved}",
            t!(
                "cli-restored",
                file = safe(&source.display().to_string()),
                n = report.customers
            )
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
        return Err(Failure::input(t!("cli-restore-needs-yes")));
    }
    eprint!(
        "{} ",
        t!(
            "cli-restore-question",
            book = safe(&book.display().to_string()),
            now = now_count,
            file = safe(&source.display().to_string()),
            n = customers
        )
    );
    std::io::stderr().flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    if !matches!(answer.trim(), "y" | "Y" | "yes" | "YES" | "Yes" | "是") {
        return Err(Failure::input(t!("cli-not-restored")));
    }
    Ok(())
}

/// Exit 0 when sound; 1 with each problem listed when not.
pub fn check(path: &Path, json: bool) -> Result<(), Failure> {
    // Scripts read the problems in the English they always had.
    let report = if json {
        crate::i18n::with_language(crate::i18n::Language::English, || check_file(path))
    } else {
        check_file(path)
    }?;
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
            "{}",
            t!(
                "cli-check-ok",
                book = safe(&path.display().to_string()),
                version = report.version,
                customers = report.customers,
                interactions = report.interactions,
                open = report.open_follow_ups
            )
        );
    }
    if report.problems.is_empty() {
        Ok(())
    } else {
        Err(Failure::input(format!(
            "{}\n{}\n{}",
            t!("cli-check-problems", book = path.display().to_string()),
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
        return t!("cli-no-backups", dir = dir.display().to_string());
    };
    let listed: Vec<String> = backups
        .iter()
        .rev()
        .take(3)
        .map(|b| format!("  {}", b.display()))
        .collect();
    format!(
        "{}\n{}\n{}\n  fieldbook --db {} restore {}",
        t!("cli-newest-backups"),
        listed.join("\n"),
        t!("cli-to-bring-back"),
        book.display(),
        newest.display()
    )
}
