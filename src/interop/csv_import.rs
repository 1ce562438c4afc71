//! CSV and TSV: encoding and delimiter sniffed, the header mapped, each row checked and turned
//! into a customer (and the person there, when the row names one).

use csv::{ReaderBuilder, StringRecord};

use super::columns;
use super::csv_row::read_row;
use super::text;
use super::{Batch, Notice, Place, Problem, ReadError, ReadOptions, Severity};

/// The delimiter the header line uses most: tab, comma or semicolon (Excel in Europe).
fn sniff(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let mut counts = [(b'\t', 0usize), (b',', 0), (b';', 0)];
    let mut quoted = false;
    for b in header.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(c) = counts.iter_mut().find(|(d, _)| *d == b) {
            c.1 += 1;
        }
    }
    counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(b',', |(d, _)| *d)
}

/// A tab file whose every line splits into the header's field count needs no quoting, and
/// reading quotes in it would be wrong: a lone `"` typed as a ditto mark would swallow the file.
fn tab_lines_split_cleanly(text: &str) -> bool {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let Some(header) = lines.next() else {
        return true;
    };
    let width = header.split('\t').count();
    lines.all(|l| l.split('\t').count() == width)
}

/// The physical line a record starts on: the reader counts from before the blank lines it skips.
fn start_line(text: &str, position: &csv::Position) -> usize {
    let from = (position.byte() as usize).min(text.len());
    let blank = text.as_bytes()[from..]
        .iter()
        .take_while(|b| matches!(b, b'\r' | b'\n'))
        .filter(|&&b| b == b'\n')
        .count();
    position.line() as usize + blank
}

/// The first line that is not blank, its fields trimmed.
fn read_header(
    reader: &mut csv::Reader<&[u8]>,
    record: &mut StringRecord,
) -> Result<Vec<String>, ReadError> {
    loop {
        match reader.read_record(record) {
            Ok(true) if record.iter().all(|f| f.trim().is_empty()) => continue,
            Ok(true) => return Ok(record.iter().map(|h| text::trim(h).to_string()).collect()),
            Ok(false) => return Err(ReadError::NoHeader),
            Err(e) => {
                let error = e.to_string();
                return Err(ReadError::HeaderUnreadable { error });
            }
        }
    }
}

pub(super) fn read(
    bytes: &[u8],
    options: &ReadOptions,
    batch: &mut Batch,
) -> Result<(), ReadError> {
    let decoded = text::decode(bytes, options.encoding)?;
    batch.encoding = decoded.label;
    let text = decoded.text.as_str();
    let delimiter = sniff(text);
    let quoting = delimiter != b'\t' || !tab_lines_split_cleanly(text);
    let mut reader = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .quoting(quoting)
        .from_reader(text.as_bytes());
    let mut record = StringRecord::new();
    let headers = read_header(&mut reader, &mut record)?;
    let (columns, uses) = columns::plan(&headers, &options.map)?;
    batch.columns = uses;
    let mut row = 0;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                batch.notices.push(Notice {
                    place: Place::Row {
                        row: row + 1,
                        line: 0,
                    },
                    severity: Severity::Bad,
                    column: None,
                    problem: Problem::RestUnreadable {
                        error: e.to_string(),
                    },
                });
                break;
            }
        }
        row += 1;
        let Some(position) = record.position() else {
            continue;
        };
        let start = (position.byte() as usize).min(text.len());
        let place = Place::Row {
            row,
            line: start_line(text, position),
        };
        let at_end = reader.position().byte() as usize >= text.len();
        if quoting && at_end && text.get(start..).unwrap_or("").matches('"').count() % 2 == 1 {
            batch.notices.push(Notice {
                place,
                severity: Severity::Bad,
                column: None,
                problem: Problem::QuoteNeverCloses,
            });
            continue;
        }
        if let Some(r) = read_row(
            &record,
            &columns,
            headers.len(),
            place,
            options,
            &mut batch.notices,
        ) {
            batch.records.push(r);
        }
    }
    Ok(())
}
