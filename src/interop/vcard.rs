//! vCard 2.1, 3.0 and 4.0 files: lines unfolded at the octet level (RFC 6350 §3.2, so a fold
//! inside a UTF-8 sequence is restored), quoted-printable soft breaks joined, photos and other
//! binary parts skipped without being copied, cards nested or left open refused, bytes outside
//! any card skipped and never echoed.

use super::text::{self, Charset};
use super::{Batch, Notice, Place, Problem, ReadError, ReadOptions, Severity, vcard_card};

/// Binary properties: skipped whole, however long.
const SKIPPED: &[&str] = &["PHOTO", "LOGO", "SOUND", "KEY"];
/// The most of one property kept; a longer one refuses its card.
pub(super) const PROPERTY_LIMIT: usize = 256 * 1024;

/// One property: `[group.]NAME;PARAM=value:value`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Prop {
    pub group: Option<String>,
    pub name: String,
    /// Parameter names uppercased; bare 2.1 parameters (`TEL;CELL`) become TYPE or ENCODING.
    pub params: Vec<(String, String)>,
    pub value: Vec<u8>,
    pub line: usize,
}

impl Prop {
    /// Every value of a parameter, comma lists split.
    pub fn param<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.params
            .iter()
            .filter(move |(k, _)| k == name)
            .flat_map(|(_, v)| v.split(','))
            .map(str::trim)
    }

    pub fn has_type(&self, wanted: &str) -> bool {
        self.param("TYPE").any(|t| t.eq_ignore_ascii_case(wanted))
    }

    pub fn is_qp(&self) -> bool {
        self.param("ENCODING")
            .any(|e| e.eq_ignore_ascii_case("QUOTED-PRINTABLE"))
    }
}

/// Splits `bytes` on `sep` outside double quotes.
fn split_unquoted(bytes: &[u8], sep: u8) -> Vec<&[u8]> {
    let mut parts = Vec::new();
    let (mut quoted, mut start) = (false, 0);
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'"' {
            quoted = !quoted;
        } else if b == sep && !quoted {
            parts.push(&bytes[start..i]);
            start = i + 1;
        }
    }
    parts.push(&bytes[start..]);
    parts
}

fn parse_prop(logical: &Logical) -> Option<Prop> {
    let bytes = &logical.bytes;
    let mut quoted = false;
    let colon = bytes.iter().position(|&b| {
        if b == b'"' {
            quoted = !quoted;
        }
        b == b':' && !quoted
    });
    let (head, value) = match colon {
        Some(i) => (&bytes[..i], bytes[i + 1..].to_vec()),
        None if logical.skipped => (&bytes[..], Vec::new()),
        None => return None,
    };
    let mut parts = split_unquoted(head, b';').into_iter();
    let full_name = parts.next()?;
    if full_name.is_empty()
        || !full_name
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_'))
    {
        return None;
    }
    let full_name = String::from_utf8_lossy(full_name);
    let (group, name) = match full_name.rsplit_once('.') {
        Some((g, n)) => (Some(g.to_ascii_lowercase()), n.to_ascii_uppercase()),
        None => (None, full_name.to_ascii_uppercase()),
    };
    let params = parts
        .filter(|p| !p.is_empty())
        .map(|p| {
            let p = String::from_utf8_lossy(p);
            match p.split_once('=') {
                Some((k, v)) => (
                    k.trim().to_ascii_uppercase(),
                    v.trim().trim_matches('"').to_string(),
                ),
                None => {
                    let v = p.trim().to_string();
                    let key = match v.to_ascii_uppercase().as_str() {
                        "QUOTED-PRINTABLE" | "BASE64" | "B" | "8BIT" | "7BIT" => "ENCODING",
                        _ => "TYPE",
                    };
                    (key.to_string(), v)
                }
            }
        })
        .collect();
    Some(Prop {
        group,
        name,
        params,
        value,
        line: logical.line,
    })
}

/// The file's charset: the one chosen, else UTF-8 when it all is, else GB18030 when it all is
/// (old Chinese phones), else UTF-8 value by value (a bad value refuses its card).
fn file_charset(bytes: &[u8], chosen: Option<Charset>) -> (Charset, String) {
    if let Some(c) = chosen {
        return (c, c.label().to_string());
    }
    if std::str::from_utf8(bytes).is_ok() {
        return (Charset::Utf8, "UTF-8".into());
    }
    if encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .is_some()
    {
        return (Charset::Gb18030, "GB18030".into());
    }
    (Charset::Utf8, "UTF-8 (with bad bytes)".into())
}

struct Open {
    place: Place,
    depth: usize,
    props: Vec<Prop>,
    bad: Option<(Option<String>, Problem)>,
}

impl Open {
    /// Card number `card` (1 = the first in the file), begun at `line`.
    fn new(card: usize, line: usize) -> Self {
        Open {
            place: Place::Card { card, line },
            depth: 1,
            props: Vec::new(),
            bad: None,
        }
    }
}

pub(super) fn read(
    bytes: &[u8],
    options: &ReadOptions,
    batch: &mut Batch,
) -> Result<(), ReadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (charset, label) = file_charset(bytes, options.encoding);
    batch.encoding = label;
    let mut cards = 0;
    let mut open: Option<Open> = None;
    let mut outside = false;
    let unfolder = Unfolder {
        bytes,
        pos: 0,
        line: 0,
    };
    for logical in unfolder {
        let prop = parse_prop(&logical);
        let is = |name: &str| {
            prop.as_ref().is_some_and(|p| {
                p.name == name
                    && text::trim(&String::from_utf8_lossy(&p.value)).eq_ignore_ascii_case("VCARD")
            })
        };
        let (begin, end) = (is("BEGIN"), is("END"));
        match open.as_mut() {
            None if begin => {
                cards += 1;
                outside = false;
                open = Some(Open::new(cards, logical.line));
            }
            None => {
                if !outside {
                    tell_outside(&logical, batch);
                }
                outside = true;
            }
            Some(card) if begin => {
                card.depth += 1;
                card.bad
                    .get_or_insert((None, Problem::CardInsideCard { line: logical.line }));
            }
            Some(card) if end => {
                card.depth -= 1;
                if card.depth == 0 {
                    let card = open.take().expect("open card");
                    finish(card, charset, options, batch);
                }
            }
            Some(card) => {
                if let Some(p) = prop {
                    add_prop(card, p, &logical);
                }
            }
        }
    }
    if let Some(card) = open {
        batch.notices.push(Notice {
            place: card.place,
            severity: Severity::Bad,
            column: None,
            problem: Problem::CardNeverEnds,
        });
    }
    if cards == 0 {
        return Err(ReadError::NoVcard);
    }
    Ok(())
}

/// Lines outside any card are skipped with a word, once for each stretch of them.
fn tell_outside(logical: &Logical, batch: &mut Batch) {
    if !logical.bytes.iter().all(u8::is_ascii_whitespace) {
        batch.notices.push(Notice {
            place: Place::Line { line: logical.line },
            severity: Severity::Skipped,
            column: None,
            problem: Problem::OutsideAnyCard,
        });
    }
}

/// A property of the open card (not of a card nested in it); one too long marks the card bad.
fn add_prop(card: &mut Open, p: Prop, logical: &Logical) {
    if card.bad.is_some() || card.depth != 1 {
        return;
    }
    if logical.too_long && !logical.skipped {
        card.bad = Some((
            Some(p.name.clone()),
            Problem::PropertyTooLong {
                limit: PROPERTY_LIMIT,
            },
        ));
    } else {
        card.props.push(p);
    }
}

fn finish(card: Open, charset: Charset, options: &ReadOptions, batch: &mut Batch) {
    if let Some((column, problem)) = card.bad {
        batch.notices.push(Notice {
            place: card.place,
            severity: Severity::Bad,
            column,
            problem,
        });
        return;
    }
    if let Some(r) = vcard_card::record(
        &card.props,
        card.place,
        charset,
        options,
        &mut batch.notices,
    ) {
        batch.records.push(r);
    }
}

/// Decodes quoted-printable; `=` at the very end (a soft break's residue) is dropped.
pub(super) fn qp_decode(bytes: &[u8]) -> Result<Vec<u8>, Problem> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'=' {
            out.push(bytes[i]);
            i += 1;
            continue;
        }
        if i + 1 == bytes.len() {
            break;
        }
        match (
            bytes.get(i + 1).and_then(|&b| hex(b)),
            bytes.get(i + 2).and_then(|&b| hex(b)),
        ) {
            (Some(h), Some(l)) => out.push(h << 4 | l),
            _ => {
                let seq: String = bytes[i..(i + 3).min(bytes.len())]
                    .iter()
                    .map(|&b| if b.is_ascii_graphic() { b as char } else { '?' })
                    .collect();
                return Err(Problem::BadQuotedPrintable { sequence: seq });
            }
        }
        i += 3;
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
mod unfold;

use unfold::{Logical, Unfolder};
