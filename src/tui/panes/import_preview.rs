//! The import preview: what the file holds, what would be created, merged or skipped, and
//! every problem by row and column, before anything is written.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::pane_block;
use crate::interop::{Action, Batch, Outcome as RecordOutcome, Severity, Tally};
use crate::safe_text;
use crate::services::import_words;
use crate::text::pad;
use crate::tui::importing::ImportPreview;
use crate::tui::theme::THEME;

fn tally(what: &str, t: &Tally) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{} ", pad(what, 10)), THEME.label),
        Span::raw(t!(
            "import-preview-tally",
            created = t.created,
            merged = t.merged,
            unchanged = t.unchanged,
            skipped = t.skipped
        )),
    ])
}

pub fn lines(p: &ImportPreview) -> Vec<Line<'static>> {
    let b = &p.batch;
    let mut out = vec![
        Line::from(vec![
            Span::styled(safe_text::line(&b.source).into_owned(), THEME.title),
            Span::styled(
                t!(
                    "import-preview-file",
                    format = b.format.label(),
                    encoding = b.encoding.as_str(),
                    n = b.records.len()
                ),
                THEME.dim,
            ),
        ]),
        Line::raw(""),
        tally(&t!("import-preview-customers"), &p.report.customers),
        tally(&t!("import-preview-people"), &p.report.people),
    ];
    for (table, n) in &p.report.rows {
        out.push(Line::raw(format!(
            "{} {}",
            pad(table, 10),
            t!("import-preview-rows", n = *n)
        )));
    }
    out.push(Line::raw(""));
    if p.blocked() {
        out.push(Line::styled(
            t!("import-preview-blocked", n = b.bad_records()),
            THEME.error,
        ));
    } else if p.report.changes_nothing() {
        out.push(Line::styled(t!("import-preview-nothing-new"), THEME.info));
    } else {
        out.push(Line::styled(t!("import-preview-confirm"), THEME.info));
    }
    if !b.notices.is_empty() {
        out.push(Line::raw(""));
        out.extend(notice_lines(b));
    }
    out.push(Line::raw(""));
    out.push(Line::styled(t!("import-preview-records"), THEME.header));
    out.extend(p.report.outcomes.iter().map(outcome_line));
    out
}

/// The file's problems, the bad ones first.
fn notice_lines(b: &Batch) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled(
        t!("import-preview-problems", n = b.notices.len()),
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
            Severity::Bad => (t!("import-preview-bad"), THEME.error),
            Severity::Skipped => (t!("import-preview-skipped"), THEME.due_today),
            Severity::Warning => (t!("import-preview-note"), THEME.dim),
        };
        out.push(Line::from(vec![
            Span::styled(format!("  {}", pad(&label, 8)), style),
            Span::raw(safe_text::line(&import_words::notice(n)).into_owned()),
        ]));
    }
    out
}

/// What one record would do: a new customer, a merge, nothing; and its person.
fn outcome_line(o: &RecordOutcome) -> Line<'static> {
    let verb = |a: Action| match a {
        Action::Create => t!("import-preview-new"),
        Action::Merge => t!("import-preview-merge"),
        Action::Unchanged => t!("import-preview-same"),
        Action::Skip => t!("import-preview-skip"),
        Action::Again => t!("import-preview-again"),
    };
    let mut text = format!(
        "  {} {}",
        pad(&verb(o.customer.action), 6),
        safe_text::line(&o.customer.name)
    );
    // A likely duplicate is named with the book's record and why, so the choice is informed.
    if let Some(l) = &o.customer.likely {
        text.push_str(&t!(
            "import-preview-likely",
            id = l.customer,
            name = safe_text::line(&l.shown).into_owned(),
            why = safe_text::line(&import_words::likely_why(&l.why)).into_owned()
        ));
    }
    if let Some(person) = &o.person {
        text.push_str(&t!(
            "import-preview-person",
            verb = verb(person.action),
            name = safe_text::line(&person.name).into_owned()
        ));
    }
    Line::from(vec![
        Span::styled(pad(&import_words::place(&o.place), 22), THEME.dim),
        Span::raw(text),
    ])
}

pub fn draw(frame: &mut Frame, area: Rect, p: &ImportPreview) {
    frame.render_widget(Clear, area);
    let all = lines(p);
    let visible = area.height.saturating_sub(2) as usize;
    let top = p.scroll.min(all.len().saturating_sub(visible));
    let block = pane_block(t!("import-preview-title"), true);
    frame.render_widget(
        Paragraph::new(all.into_iter().skip(top).collect::<Vec<_>>())
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}
