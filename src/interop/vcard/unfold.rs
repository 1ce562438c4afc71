//! Lines as a vCard means them: folded lines joined, each with where it began.

use super::*;

/// A logical line: physical lines unfolded, and where it started.
pub(super) struct Logical {
    pub line: usize,
    pub bytes: Vec<u8>,
    /// A binary property: only its name and parameters were kept.
    pub skipped: bool,
    pub too_long: bool,
}

/// Physical lines split on LF (a CR before it dropped), unfolded into logical lines.
pub(super) struct Unfolder<'a> {
    pub bytes: &'a [u8],
    pub pos: usize,
    pub line: usize,
}

fn contains_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

impl<'a> Unfolder<'a> {
    fn physical(&self, from: usize) -> Option<(&'a [u8], usize)> {
        if from >= self.bytes.len() {
            return None;
        }
        let rest = &self.bytes[from..];
        let (line, next) = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => (&rest[..i], from + i + 1),
            None => (rest, self.bytes.len()),
        };
        Some((line.strip_suffix(b"\r").unwrap_or(line), next))
    }

    fn append(buf: &mut Vec<u8>, more: &[u8], too_long: &mut bool) {
        let room = PROPERTY_LIMIT.saturating_sub(buf.len());
        if more.len() > room {
            *too_long = true;
        }
        buf.extend_from_slice(&more[..more.len().min(room)]);
    }
}

impl Iterator for Unfolder<'_> {
    type Item = Logical;

    fn next(&mut self) -> Option<Logical> {
        let first = loop {
            let (line, next) = self.physical(self.pos)?;
            self.pos = next;
            self.line += 1;
            if !line.is_empty() {
                break line;
            }
        };
        let start = self.line;
        let head_end = first
            .iter()
            .position(|&b| b == b';' || b == b':')
            .unwrap_or(first.len());
        let name = &first[..head_end];
        let name = name.rsplit(|&b| b == b'.').next().unwrap_or(name);
        let skipped = SKIPPED
            .iter()
            .any(|s| name.eq_ignore_ascii_case(s.as_bytes()));
        let colon = first.iter().position(|&b| b == b':').unwrap_or(first.len());
        let qp = contains_ignore_case(&first[..colon], b"QUOTED-PRINTABLE");
        let mut too_long = false;
        let mut bytes = Vec::new();
        let kept = if skipped {
            &first[..colon.min(1024)]
        } else {
            first
        };
        Self::append(&mut bytes, kept, &mut too_long);
        while let Some((line, next)) = self.physical(self.pos) {
            let folded = matches!(line.first(), Some(b' ' | b'\t'));
            let card_edge = line.len() >= 9
                && (line[..9].eq_ignore_ascii_case(b"END:VCARD")
                    || line.len() >= 11 && line[..11].eq_ignore_ascii_case(b"BEGIN:VCARD"));
            let soft_break =
                qp && !folded && !card_edge && !line.is_empty() && bytes.last() == Some(&b'=');
            if folded {
                if !skipped {
                    Self::append(&mut bytes, &line[1..], &mut too_long);
                }
            } else if soft_break {
                bytes.pop();
                Self::append(&mut bytes, line, &mut too_long);
            } else {
                break;
            }
            self.pos = next;
            self.line += 1;
        }
        Some(Logical {
            line: start,
            bytes,
            skipped,
            too_long,
        })
    }
}
