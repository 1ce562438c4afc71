//! The import preview: what the file holds, what would be created, merged or skipped, and
//! every problem by row and column, before anything is written.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::pane_block;
use crate::interop::{Action, Batch, Outcome as RecordOutcome, Severity, Tally};
use crate::safe_text;
use crate::tui::importing::ImportPreview;
use crate::tui::theme::THEME;

fn tally(what: &str, t: &Tally) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{what:<10} "), THEME.label),
        Span::raw(format!(
            "{} new · {} merged · {} unchanged · {} skipped as duplicates",
            t.created, t.merged, t.unchanged, t.skipped
        )),
    ])
}

pub fn lines(p: &ImportPreview) -> Vec<Line<'static>> {
    let b = &p.batch;
    let mut out = vec![
        Line::from(vec![
            Span::styled(safe_text::line(&b.source).into_owned(), THEME.title),
            Span::styled(
                format!(
                    "  {} · {} · {} records",
                    b.format.label(),
                    b.encoding,
                    b.records.len()
                ),
                THEME.dim,
            ),
        ]),
        Line::raw(""),
        tally("Customers", &p.report.customers),
        tally("People", &p.report.people),
    ];
    for (table, n) in &p.report.rows {
        out.push(Line::raw(format!("{table:<10} {n} rows")));
    }
    out.push(Line::raw(""));
    if p.blocked() {
        out.push(Line::styled(
            format!(
                "{} bad record(s): nothing will be written. Esc goes back; choose \"leave them out\" to import the rest.",
                b.bad_records()
            ),
            THEME.error,
        ));
    } else if p.report.changes_nothing() {
        out.push(Line::styled(
            "Everything in this file is already in the book: importing changes nothing.",
            THEME.info,
        ));
    } else {
        out.push(Line::styled(
            "y or Enter imports it (u undoes the whole import); Esc goes back.",
            THEME.info,
        ));
    }
    if !b.notices.is_empty() {
        out.push(Line::raw(""));
        out.extend(notice_lines(b));
    }
    out.push(Line::raw(""));
    out.push(Line::styled("Records", THEME.header));
    out.extend(p.report.outcomes.iter().map(outcome_line));
    out
}

/// The file's problems, the bad ones first.
fn notice_lines(b: &Batch) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled(
        format!("Problems ({})", b.notices.len()),
        THEME.header,
    )];
    let mut notices: Vec<_> = b.notices.iter().collect();
    notices.sort_by_key(|n| match n.severity {
        Severity::Bad => 0,
        Severity::Skipped => 1,
        Severity::Warning => 2,
    });
    for n in notices {
        let (label, style) = match n.severity {
            Severity::Bad => ("bad", THEME.error),
            Severity::Skipped => ("skipped", THEME.due_today),
            Severity::Warning => ("note", THEME.dim),
        };
        out.push(Line::from(vec![
            Span::styled(format!("  {label:<8}"), style),
            Span::raw(safe_text::line(&n.to_string()).into_owned()),
        ]));
    }
    out
}

/// What one record would do: a new customer, a merge, nothing; and its person.
fn outcome_line(o: &RecordOutcome) -> Line<'static> {
    let verb = |a: Action| match a {
        Action::Create => "new",
        Action::Merge => "merge",
        Action::Unchanged => "same",
        Action::Skip => "skip",
        Action::Again => "again",
    };
    let mut text = format!(
        "  {:<6} {}",
        verb(o.customer.action),
        safe_text::line(&o.customer.name)
    );
    // A likely duplicate is named with the book's record and why, so the choice is informed.
    if let Some(l) = &o.customer.likely {
        text.push_str(&format!(
            "  likely duplicate of c{} {}: {}",
            l.customer,
            safe_text::line(&l.shown),
            safe_text::line(&l.why)
        ));
    }
    if let Some(person) = &o.person {
        text.push_str(&format!(
            "  · person {} {}",
            verb(person.action),
            safe_text::line(&person.name)
        ));
    }
    Line::from(vec![
        Span::styled(format!("{:<22}", o.place.to_string()), THEME.dim),
        Span::raw(text),
    ])
}

pub fn draw(frame: &mut Frame, area: Rect, p: &ImportPreview) {
    frame.render_widget(Clear, area);
    let all = lines(p);
    let visible = area.height.saturating_sub(2) as usize;
    let top = p.scroll.min(all.len().saturating_sub(visible));
    let block = pane_block("Import preview · nothing written yet".to_string(), true);
    frame.render_widget(
        Paragraph::new(all.into_iter().skip(top).collect::<Vec<_>>())
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}
