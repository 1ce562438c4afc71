//! Search keys: each customer's text folded once, when the book is loaded, so that a keystroke
//! only compares. Per field: the folded text (kept only where folding changes it) and, for
//! fields with Chinese characters, the pinyin key (see `pinyin.rs`).

use std::collections::HashMap;

use super::pinyin;
use crate::book::model::CustomerRow;

/// A character as the search compares it: lowercase, full-width Latin as ASCII. Always one
/// character for one, so char positions in a key are char positions in the text.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return match c {
            // Reserved for pinyin keys, so their markers are never text.
            pinyin::START => '(',
            pinyin::SEP => ')',
            _ if c.is_ascii_control() => ' ',
            _ => c.to_ascii_lowercase(),
        };
    }
    let c = match u32::from(c) {
        // CJK ideographs have no case: the common path for a Chinese book.
        0x3400..=0x9FFF => return c,
        0x3000 => ' ',
        code @ 0xFF01..=0xFF5E => char::from_u32(code - 0xFEE0).unwrap_or(c),
        _ if c.is_control() => ' ',
        _ => c,
    };
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// A 64-bit summary of which characters a text holds: a query can only match a key whose
/// mask holds all of the query's bits.
pub fn mask(folded: &str) -> u64 {
    folded.chars().fold(0, |m, c| m | char_bit(c))
}

pub fn char_bit(c: char) -> u64 {
    let bit = match c {
        'a'..='z' => c as u32 - 'a' as u32,
        '0'..='9' => 26 + (c as u32 - '0' as u32),
        ' ' => 36,
        _ => 37 + (u32::from(c).wrapping_mul(0x9E37_79B1) >> 16) % 27,
    };
    1 << bit
}

/// The fields the text search looks at, name first. The first `PINYIN_FIELDS` get pinyin keys.
pub const FIELDS: usize = 6;
pub const PINYIN_FIELDS: usize = 4;
pub const NAME: usize = 0;

pub fn fields(row: &CustomerRow) -> [&str; FIELDS] {
    [
        &row.name,
        &row.people,
        &row.city,
        &row.tags,
        &row.phone,
        &row.email,
    ]
}

/// One row's keys: where each field's keys sit in `Keys::text`.
#[derive(Debug, Clone, Copy, Default)]
pub struct RowKeys {
    /// Field f's folded text is `text[plain[f]..plain[f + 1]]`, unless bit f of `own` says
    /// that it folds to itself and is read from the row.
    plain: [u32; FIELDS + 1],
    own: u8,
    /// Field f's pinyin key, empty when the field has no Chinese.
    pinyin: [u32; PINYIN_FIELDS + 1],
    /// Characters of each field's keys, and of all of them: a query can only match a field
    /// whose mask holds all of the query's bits.
    pub masks: [u64; FIELDS],
    pub mask: u64,
    /// Characters a pinyin match can start with (reading initials, other chars), in the name's
    /// pinyin key and in all pinyin keys: a pinyin query's first char must be one of them.
    pub name_starts: u64,
    pub starts: u64,
}

/// All rows' keys in one string, so 100,000 customers cost one allocation, not 1,000,000.
#[derive(Debug, Default)]
pub struct Keys {
    text: String,
    pub rows: Vec<RowKeys>,
    /// The distinct cities, and which one each row is in, so `city:` is decided once per city.
    pub cities: Vec<String>,
    pub city_of: Vec<u32>,
}

impl Keys {
    /// Builds the keys of `rows`, on up to `threads` threads for a big book.
    pub fn build(rows: &[CustomerRow], threads: usize) -> Self {
        let chunk = rows.len().div_ceil(threads.max(1)).max(4_096);
        let mut parts: Vec<Keys> = std::thread::scope(|s| {
            let handles: Vec<_> = rows
                .chunks(chunk)
                .skip(1)
                .map(|part| s.spawn(move || Keys::build_part(part)))
                .collect();
            let mut parts = vec![Keys::build_part(&rows[..chunk.min(rows.len())])];
            parts.extend(
                handles
                    .into_iter()
                    .map(|h| h.join().expect("search keys thread")),
            );
            parts
        });
        let mut keys = parts.remove(0);
        for part in parts {
            let offset = keys.text.len() as u32;
            keys.text.push_str(&part.text);
            keys.rows.extend(part.rows.into_iter().map(|mut k| {
                k.plain
                    .iter_mut()
                    .chain(&mut k.pinyin)
                    .for_each(|o| *o += offset);
                k
            }));
        }
        keys.text.shrink_to_fit();
        keys.index_cities(rows);
        keys
    }

    fn build_part(rows: &[CustomerRow]) -> Self {
        let mut keys = Keys {
            text: String::with_capacity(rows.len() * 64),
            rows: Vec::with_capacity(rows.len()),
            ..Keys::default()
        };
        for row in rows {
            keys.push(row);
        }
        keys
    }

    fn push(&mut self, row: &CustomerRow) {
        let fields = fields(row);
        let mut k = RowKeys::default();
        let offset = |text: &String| u32::try_from(text.len()).expect("search keys over 4 GB");
        for (f, field) in fields.iter().enumerate() {
            k.plain[f] = offset(&self.text);
            if field.chars().all(|c| fold_char(c) == c) {
                k.own |= 1 << f;
            } else {
                self.text.extend(field.chars().map(fold_char));
            }
        }
        k.plain[FIELDS] = offset(&self.text);
        for (f, field) in fields.iter().take(PINYIN_FIELDS).enumerate() {
            let start = self.text.len();
            k.pinyin[f] = offset(&self.text);
            if !pinyin::push_key(field, &mut self.text) {
                self.text.truncate(start);
            }
        }
        k.pinyin[PINYIN_FIELDS] = offset(&self.text);
        for f in 0..FIELDS {
            let m = mask(self.plain_of(&k, &fields, f)) | mask(self.pinyin_of(&k, f));
            let starts = pinyin::starts(self.pinyin_of(&k, f));
            k.masks[f] = m;
            if f == NAME {
                k.name_starts = starts;
            }
            k.mask |= m;
            k.starts |= starts;
        }
        self.rows.push(k);
    }

    fn index_cities(&mut self, rows: &[CustomerRow]) {
        let mut ids: HashMap<&str, u32> = HashMap::new();
        self.city_of = rows
            .iter()
            .map(|row| {
                let next = ids.len() as u32;
                *ids.entry(row.city.as_str()).or_insert_with(|| {
                    self.cities.push(row.city.clone());
                    next
                })
            })
            .collect();
    }

    fn plain_of<'a>(&'a self, k: &RowKeys, fields: &[&'a str; FIELDS], f: usize) -> &'a str {
        if k.own & (1 << f) != 0 {
            fields[f]
        } else {
            &self.text[k.plain[f] as usize..k.plain[f + 1] as usize]
        }
    }

    fn pinyin_of(&self, k: &RowKeys, f: usize) -> &str {
        if f >= PINYIN_FIELDS {
            return "";
        }
        &self.text[k.pinyin[f] as usize..k.pinyin[f + 1] as usize]
    }

    /// Field `f` of row `i` folded; `fields` are that row's.
    pub fn plain<'a>(&'a self, fields: &[&'a str; FIELDS], i: usize, f: usize) -> &'a str {
        self.plain_of(&self.rows[i], fields, f)
    }

    /// The pinyin key of field `f` of row `i`, empty when it has no Chinese.
    pub fn pinyin(&self, i: usize, f: usize) -> &str {
        self.pinyin_of(&self.rows[i], f)
    }
}

/// Whether `needle`'s bytes appear in `hay` in order: true whenever its chars do (so a cheap
/// test before the exact ones), in one pass over a short key.
pub fn is_subsequence(hay: &str, needle: &str) -> bool {
    let mut want = needle.as_bytes().iter().peekable();
    for b in hay.as_bytes() {
        match want.peek() {
            Some(&&w) if w == *b => {
                want.next();
            }
            Some(_) => {}
            None => return true,
        }
    }
    want.peek().is_none()
}
