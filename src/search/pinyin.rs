//! Pinyin keys and matching. A pinyin key puts each Chinese character after its readings
//! (`张伟` -> `{zhang张{wei伟`, `长` -> `{zhang}chang长`). A query matches it syllable by
//! syllable: each character it uses takes the start of one of its readings, or itself, in
//! order, skipping characters as a fuzzy match does. So `zw`, `zhangwei`, `zhw` and `z伟` find
//! 张伟, `bj科技` finds 北京星河科技, while letters from the middle of syllables do not.

use pinyin::ToPinyinMulti;

mod table;
use table::table_if_worth_it;

use super::fold::fold_char;
use super::masks::char_bit;

/// Starts a Chinese character's readings in a pinyin key, and separates two readings of one
/// character. Folding turns them into `(` and `)` elsewhere, so they only appear as markers,
/// and the scorer sees them as separators: syllable starts earn its word-start bonus.
pub const START: char = '{';
pub const SEP: char = '}';
/// Longest query the pinyin match takes (one bit per position in a u64).
const QUERY_MAX: usize = 63;

/// The distinct toneless readings of a Chinese character, most common first, in ASCII
/// (`ü` typed as `v`, as input methods do). Empty for anything else.
pub fn readings(c: char) -> Readings {
    let mut out = Readings::default();
    let Some(multi) = c.to_pinyin_multi() else {
        return out;
    };
    for reading in multi {
        if out.len == out.items.len() {
            break;
        }
        let mut ascii = [0u8; 8];
        let mut n = 0;
        for ch in reading.plain().chars() {
            let ch = match ch {
                'ü' => 'v',
                'ê' => 'e',
                ch if ch.is_ascii_alphabetic() => ch.to_ascii_lowercase(),
                _ => continue,
            };
            if n < ascii.len() {
                ascii[n] = ch as u8;
                n += 1;
            }
        }
        let item = (ascii, n as u8);
        if n > 0 && !out.items[..out.len].contains(&item) {
            out.items[out.len] = item;
            out.len += 1;
        }
    }
    out
}

/// Up to four readings, without allocating.
#[derive(Default)]
pub struct Readings {
    items: [([u8; 8], u8); 4],
    len: usize,
}

impl Readings {
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.items[..self.len]
            .iter()
            .map(|(bytes, n)| std::str::from_utf8(&bytes[..usize::from(*n)]).unwrap_or(""))
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

pub fn has_han(text: &str) -> bool {
    text.chars().any(|c| c.to_pinyin_multi().is_some())
}

/// Appends the pinyin key of `text` to `out`, one segment per char of `text`. Returns whether
/// `text` held a Chinese character (without one, the key is just the folded text).
pub fn push_key(text: &str, out: &mut String) -> bool {
    let mut han = false;
    for c in text.chars() {
        if c.is_ascii() {
            out.push(fold_char(c));
            continue;
        }
        let before = out.len();
        out.push(START);
        if !push_readings(c, out) {
            out.truncate(before);
        } else {
            han = true;
        }
        out.push(fold_char(c));
    }
    han
}

/// Appends `c`'s readings, SEP-separated; false when it has none.
fn push_readings(c: char, out: &mut String) -> bool {
    if let Some(joined) = table_if_worth_it().and_then(|t| t.get(c)) {
        out.push_str(joined);
        return !joined.is_empty();
    }
    let readings = readings(c);
    for (i, reading) in readings.iter().enumerate() {
        if i > 0 {
            out.push(SEP);
        }
        out.push_str(reading);
    }
    !readings.is_empty()
}

/// Which readings of a polyphone a match used. The crate lists the readings most common first,
/// and rare ones are many (有 is also wěi), so a match by common readings ranks first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    Common,
    Rare,
}

/// One char of the text in a pinyin key: a Chinese character with its readings
/// (SEP-separated ASCII), or any other char alone.
#[derive(Clone, Copy)]
pub struct Segment<'a> {
    pub readings: &'a [u8],
    pub ch: char,
}

pub fn segments(key: &str) -> Segments<'_> {
    Segments { key, at: 0 }
}

pub struct Segments<'a> {
    key: &'a str,
    at: usize,
}

impl<'a> Iterator for Segments<'a> {
    type Item = Segment<'a>;

    fn next(&mut self) -> Option<Segment<'a>> {
        let bytes = self.key.as_bytes();
        let mut readings: &[u8] = &[];
        if bytes.get(self.at) == Some(&(START as u8)) {
            // Readings are ASCII; the character they belong to is the first byte that is not.
            let from = self.at + 1;
            let len = bytes[from..].iter().position(|b| !b.is_ascii());
            let end = from + len.unwrap_or(bytes.len() - from);
            readings = &bytes[from..end];
            self.at = end;
        }
        let ch = self.key.get(self.at..)?.chars().next()?;
        self.at += ch.len_utf8();
        Some(Segment { readings, ch })
    }
}

impl Segments<'_> {
    /// Skips to the next segment that holds one of the `wanted` chars, as itself or in a
    /// reading: ASCII ones by bit, any other char when `non_ascii`. Returns how many bytes it
    /// skipped, or None when no segment holds one.
    fn seek(&mut self, wanted: u128, non_ascii: bool) -> Option<usize> {
        let bytes = self.key.as_bytes();
        let found = self.at
            + bytes[self.at..].iter().position(|&b| {
                if b.is_ascii() {
                    wanted >> b & 1 != 0
                } else {
                    non_ascii
                }
            })?;
        // In readings (or a character after its readings), the segment starts at the START
        // before them; any other char is a segment of its own. (Scanning from a char boundary,
        // the first non-ASCII byte found starts a char.)
        let mut i = found;
        while i > self.at && (bytes[i - 1].is_ascii_lowercase() || bytes[i - 1] == SEP as u8) {
            i -= 1;
        }
        let start = if i > self.at && bytes[i - 1] == START as u8 {
            i - 1
        } else {
            found
        };
        let skipped = start - self.at;
        self.at = start;
        Some(skipped)
    }
}

impl Segment<'_> {
    /// Query positions this segment reaches from `pos` (a bit per end position): by (a start of)
    /// its common reading or itself, and by (a start of) any reading.
    fn steps(&self, q: &[char], pos: usize) -> (u64, u64) {
        let mut common = 0;
        if q[pos] == self.ch {
            common |= 1 << (pos + 1);
        }
        if self.readings.is_empty() {
            return (common, common);
        }
        let mut any = common;
        for (i, reading) in self.readings.split(|&b| b == SEP as u8).enumerate() {
            let same = reading
                .iter()
                .zip(&q[pos..])
                .take_while(|(r, c)| char::from(**r) == **c)
                .count();
            // A reading may be cut short anywhere: ends pos+1 ..= pos+same.
            let reach = ((1u64 << same) - 1) << (pos + 1);
            if i == 0 {
                common |= reach;
            }
            any |= reach;
        }
        (common, any)
    }
}

/// The chars a match in this pinyin key can start with (see `char_bit`).
pub fn starts(key: &str) -> u64 {
    segments(key).fold(0, |m, segment| {
        let initials = segment
            .readings
            .split(|&b| b == SEP as u8)
            .filter_map(|r| r.first())
            .fold(0, |m, &b| m | char_bit(char::from(b)));
        m | initials | char_bit(segment.ch)
    })
}

/// Whether folded query chars `q` match the pinyin key, and by which readings.
pub fn matches(key: &str, q: &[char]) -> Option<Reading> {
    walk(key, q, None)
}

/// Query positions reachable after each segment: by common readings (characters may be
/// skipped), and by a run of consecutive characters read any way.
type Trace = Vec<(u64, u64)>;

/// Rare readings are many and odd (有 is also wěi, so 长...有 would spell "zhangwei"): they count
/// only in a run of consecutive characters, as in 重庆 typed `chongqing`. Matching stays
/// monotone (a query matches wherever a longer query starting with it does), which narrowing
/// relies on.
fn walk(key: &str, q: &[char], mut trace: Option<&mut Trace>) -> Option<Reading> {
    if q.is_empty() || q.len() > QUERY_MAX {
        return None;
    }
    let done = 1u64 << q.len();
    // Position 0 is always reachable: a match or a run may start at any character.
    let (mut common, mut run) = (1u64, 1u64);
    let mut rare = false;
    let mut segments = segments(key);
    loop {
        // Only a segment holding a char the query can go on with changes anything: skip to it
        // (not when tracing, which counts segments). Skipping a segment ends a run.
        if trace.is_none() {
            let (wanted, non_ascii) = next_chars(q, (common | run) & (done - 1));
            match segments.seek(wanted, non_ascii) {
                None => break,
                Some(0) => {}
                Some(_) => run = 1,
            }
        }
        let Some(segment) = segments.next() else {
            break;
        };
        let mut from = (common | run) & (done - 1);
        let (mut next_common, mut next_run) = (common, 1u64);
        while from != 0 {
            let pos = from.trailing_zeros() as usize;
            from &= from - 1;
            let (by_common, by_any) = segment.steps(q, pos);
            if common & (1 << pos) != 0 {
                next_common |= by_common;
            }
            if run & (1 << pos) != 0 {
                next_run |= by_any;
            }
        }
        (common, run) = (next_common, next_run);
        if let Some(trace) = trace.as_deref_mut() {
            trace.push((common, run));
        }
        if common & done != 0 {
            return Some(Reading::Common);
        }
        rare |= run & done != 0;
    }
    rare.then_some(Reading::Rare)
}

/// The chars at query positions `at` (bits): ASCII ones as bits, and whether any is not ASCII.
fn next_chars(q: &[char], mut at: u64) -> (u128, bool) {
    let (mut wanted, mut non_ascii) = (0u128, false);
    while at != 0 {
        let c = q[at.trailing_zeros() as usize];
        at &= at - 1;
        if c.is_ascii() {
            wanted |= 1 << (c as u32);
        } else {
            non_ascii = true;
        }
    }
    (wanted, non_ascii)
}

/// Char indices of the text whose pinyin key is `key` that a match of `q` uses: the earliest
/// such chars, by common readings when they match.
pub fn positions(key: &str, q: &[char]) -> Option<Vec<usize>> {
    let mut trace = Trace::new();
    let reading = walk(key, q, Some(&mut trace))?;
    let done = 1u64 << q.len();
    let segments: Vec<Segment> = segments(key).take(trace.len()).collect();
    let mut at = Vec::new();
    let mut pos = q.len();
    match reading {
        Reading::Common => {
            for j in (0..trace.len()).rev() {
                if pos == 0 {
                    break;
                }
                let before = if j == 0 { 1 } else { trace[j - 1].0 };
                if before & (1 << pos) != 0 {
                    continue; // reached without this char
                }
                pos = (0..pos).rev().find(|&p| {
                    before & (1 << p) != 0 && segments[j].steps(q, p).0 & (1 << pos) != 0
                })?;
                at.push(j);
            }
        }
        Reading::Rare => {
            let end = trace.iter().position(|(_, run)| run & done != 0)?;
            for j in (0..=end).rev() {
                let before = if j == 0 { 1 } else { trace[j - 1].1 };
                pos = (0..pos).rev().find(|&p| {
                    before & (1 << p) != 0 && segments[j].steps(q, p).1 & (1 << pos) != 0
                })?;
                at.push(j);
                if pos == 0 {
                    break;
                }
            }
        }
    }
    at.reverse();
    Some(at)
}
