//! What `fieldbook import` shows a person (the file, its columns, its problems by record and
//! column, what was or would be done) in their language, and what `--json` writes, the same
//! in every language.

use serde_json::{Value, json};

use super::output::{Style, safe};
use crate::interop::{self, Action, Batch, ImportReport, Match, Severity, Step};
use crate::services::import_words;

/// The preview as JSON: the problems and the likely duplicates' reasons in English whatever
/// the language, as scripts have always read them.
pub fn as_json(batch: &Batch, report: Option<&ImportReport>, dry_run: bool) -> Value {
    let notices: Vec<Value> = batch
        .notices
        .iter()
        .map(import_words::notice_json)
        .collect();
    let mut report_json = json!(report);
    if let Some(report) = report {
        for (i, o) in report.outcomes.iter().enumerate() {
            let steps = [
                ("customer", Some(&o.customer)),
                ("person", o.person.as_ref()),
            ];
            for (key, step) in steps {
                if let Some(likely) = step.and_then(|s| s.likely.as_ref()) {
                    report_json["outcomes"][i][key]["likely"]["why"] =
                        Value::from(import_words::likely_why_json(&likely.why));
                }
            }
        }
    }
    json!({
        "file": batch.source, "format": batch.format, "encoding": batch.encoding,
        "dry_run": dry_run, "written": report.is_some_and(|r| r.written),
        "columns": batch.columns, "notices": notices, "report": report_json,
    })
}

pub fn print(batch: &Batch, report: Option<&ImportReport>, dry_run: bool) {
    let style = Style::detect();
    println!(
        "{}",
        t!(
            "cli-import-file",
            file = safe(&batch.source),
            format = batch.format.label(),
            encoding = batch.encoding.as_str(),
            n = batch.records.len()
        )
    );
    print_columns(batch, &style);
    print_notices(batch, &style);
    if let Some(report) = report {
        print_report(report, dry_run, &style);
    }
}

/// Which headers were read as which field, and which were left out.
fn print_columns(batch: &Batch, style: &Style) {
    if batch.columns.is_empty() {
        return;
    }
    let used: Vec<String> = batch
        .columns
        .iter()
        .filter_map(|c| {
            c.field
                .as_ref()
                .map(|f| format!("{} → {f}", safe(&c.header)))
        })
        .collect();
    let ignored: Vec<String> = batch
        .columns
        .iter()
        .filter(|c| c.field.is_none() && !c.header.is_empty())
        .map(|c| safe(&c.header))
        .collect();
    println!("{}", t!("cli-import-columns", list = used.join(", ")));
    if !ignored.is_empty() {
        println!(
            "{}",
            style.dim(&t!("cli-import-ignored", list = ignored.join(", ")))
        );
    }
}

/// The file's problems, the bad ones first.
fn print_notices(batch: &Batch, style: &Style) {
    for severity in [Severity::Bad, Severity::Skipped, Severity::Warning] {
        let list: Vec<_> = batch
            .notices
            .iter()
            .filter(|n| n.severity == severity)
            .collect();
        if list.is_empty() {
            continue;
        }
        let n = list.len();
        let heading = match severity {
            Severity::Bad => style.overdue(&t!("cli-import-bad-heading", n = n)),
            Severity::Skipped => style.heading(&t!("cli-import-skipped-heading", n = n)),
            Severity::Warning => style.heading(&t!("cli-import-warnings-heading", n = n)),
        };
        println!("{heading}");
        for n in list {
            println!("  {}", safe(&import_words::notice(n)));
        }
    }
}

/// What the import did (or, in a dry run, would do), record by record and in sum.
fn print_report(report: &ImportReport, dry_run: bool, style: &Style) {
    if dry_run {
        println!("{}", style.heading(&t!("cli-import-would-do")));
        for o in &report.outcomes {
            let mut line = format!(
                "  {} {}",
                crate::text::pad(&import_words::place(&o.place), 22),
                describe(&o.customer, Who::Customer)
            );
            if let Some(p) = &o.person {
                line.push_str(&t!(
                    "cli-import-and-person",
                    what = describe(p, Who::Person)
                ));
            }
            println!("{line}");
        }
    }
    let tally = |t: &interop::Tally| {
        t!(
            "cli-import-tally",
            created = t.created,
            merged = t.merged,
            unchanged = t.unchanged,
            skipped = t.skipped
        )
    };
    let (customers, people) = (tally(&report.customers), tally(&report.people));
    println!(
        "{}",
        if report.written {
            t!("cli-imported", customers = customers, people = people)
        } else {
            t!("cli-would-import", customers = customers, people = people)
        }
    );
    let rows: Vec<String> = report
        .rows
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(t, n)| format!("{n} {t}"))
        .collect();
    if !rows.is_empty() {
        println!("  {}", t!("cli-import-and-rows", list = rows.join(", ")));
    }
    if report.bad_left_out > 0 {
        println!(
            "  {}",
            t!("cli-import-bad-left-out", n = report.bad_left_out)
        );
    }
    if report.written && report.changes_nothing() {
        println!("  {}", t!("cli-import-nothing-new"));
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Who {
    Customer,
    Person,
}

fn describe(step: &Step, who: Who) -> String {
    let name = safe(&step.name);
    let matched = match &step.matched {
        Some(Match::Book(id)) if who == Who::Customer => t!("cli-import-in-the-book", id = *id),
        Some(Match::Book(_)) => t!("cli-import-the-books"),
        Some(Match::Earlier(place)) => import_words::place(place),
        None => String::new(),
    };
    // A likely duplicate says which record it probably is and why, so a person can decide.
    let likely = step.likely.as_ref().map_or(String::new(), |l| {
        t!(
            "cli-import-likely",
            id = l.customer,
            name = safe(&l.shown),
            why = import_words::likely_why(&l.why)
        )
    });
    let said = describe_action(step.action, who, &name, matched);
    format!("{said}{likely}")
}

fn describe_action(action: Action, who: Who, name: &str, matched: String) -> String {
    let what = match who {
        Who::Customer => t!("cli-import-customer"),
        Who::Person => t!("cli-import-person"),
    };
    let (what, name) = (what.as_str(), name);
    match action {
        Action::Create => t!("cli-import-create", what = what, name = name),
        Action::Again => t!(
            "cli-import-again",
            what = what,
            name = name,
            other = matched
        ),
        Action::Merge => t!(
            "cli-import-merge",
            what = what,
            name = name,
            other = matched
        ),
        Action::Unchanged => t!(
            "cli-import-unchanged",
            what = what,
            name = name,
            other = matched
        ),
        Action::Skip => t!("cli-import-skip", what = what, name = name, other = matched),
    }
}
