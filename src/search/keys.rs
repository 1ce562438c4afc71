//! Search keys: each customer's text folded once, when the book is loaded, so that a keystroke
//! only compares. Per field: the folded text (kept only where folding changes it) and, for
//! fields with Chinese characters, the pinyin key (see `pinyin.rs`).

use super::fold::fold_char;
use super::masks::{mask, narrow};
use super::pinyin;
use super::values::Values;
use crate::book::model::CustomerRow;

/// The fields the text search looks at, name first. The first `PINYIN_FIELDS` get pinyin keys.
pub const FIELDS: usize = 5;
pub const PINYIN_FIELDS: usize = 4;
pub const NAME: usize = 0;
pub const PEOPLE: usize = 1;
pub const CITY: usize = 2;
pub const TAGS: usize = 3;
/// Phones, e-mails and WeChat ids of the customer and its people: built, so always kept.
pub const REACH: usize = 4;

/// The row's text of each field (`REACH` is built by `push`, so it is empty here).
pub fn fields(row: &CustomerRow) -> [&str; FIELDS] {
    [&row.name, &row.people, &row.city, &row.tags, ""]
}

/// The phone numbers of `row` (its own, then its people's), as `push_digits` takes them.
pub fn phones(row: &CustomerRow) -> impl Iterator<Item = &str> {
    phones_of(&row.ways.phone, &row.ways.reach)
}

/// `phones` of a customer's own phone and its `reach` (see `Ways::reach`).
pub fn phones_of<'a>(phone: &'a str, reach: &'a str) -> impl Iterator<Item = &'a str> {
    let people = reach.lines().skip(1);
    std::iter::once(phone).chain(people.map(|l| l.split('\t').next().unwrap_or("")))
}

/// Appends the digits of each number in `phones` (a list, as people type one), after a space.
pub fn push_digits(phones: &str, out: &mut String) {
    for number in phones.split([',', ';', '/', '\n', '、', '，', '；']) {
        let at = out.len();
        out.push(' ');
        out.extend(
            number
                .chars()
                .filter_map(|c| fold_char(c).to_digit(10))
                .map(|d| char::from_digit(d, 10).unwrap_or('0')),
        );
        if out.len() - at < 4 {
            out.truncate(at);
        }
    }
}

/// One row's keys, in one cache line.
#[derive(Debug, Clone, Copy, Default)]
pub struct RowKeys {
    /// Characters of all the row's keys (see `mask`).
    pub mask: u64,
    /// Characters of each field's keys (`narrow`ed): a query can only match a field whose
    /// mask holds all of the query's bits.
    pub masks: [u32; FIELDS],
    /// Characters a pinyin match can start with (reading initials, other chars; `narrow`ed),
    /// in the name's pinyin key and in all pinyin keys.
    pub name_starts: u32,
    pub starts: u32,
    /// Where this row's own keys start in `Keys::text` (see `OWN_KEYS`).
    start: u32,
    /// Byte lengths of the row's own keys, in `OWN_KEYS` order (a pinyin key: 0 without
    /// Chinese). `OWN` in a folded field's length: it folds to itself, so it is read from the
    /// row instead.
    lens: [u16; OWN_KEYS.len()],
    /// The row's city and set of tags among the distinct ones (`Keys::cities` lists the cities).
    city: u32,
    tags: u32,
}

// One cache line per row: a pass touches every row.
const _: () = assert!(std::mem::size_of::<RowKeys>() == 64);

/// A row's own keys, in `Keys::text`: the name, people and reach folded, the pinyin keys of
/// name and people, the phone digits. A city or a set of tags is shared by thousands of rows:
/// its keys are kept once (`Values`).
#[derive(Clone, Copy)]
enum Key {
    Plain(usize),
    Pinyin(usize),
    Digits,
}

const OWN_KEYS: [Key; 6] = [
    Key::Plain(NAME),
    Key::Plain(PEOPLE),
    Key::Plain(REACH),
    Key::Pinyin(NAME),
    Key::Pinyin(PEOPLE),
    Key::Digits,
];

/// Where field `f`'s folded text and pinyin key are among a row's own keys, if they are (a
/// table, as a pass asks for every row).
const PLAIN_SLOT: [Option<usize>; FIELDS] = slots(true);
const PINYIN_SLOT: [Option<usize>; FIELDS] = slots(false);
/// The own keys before this slot are all folded fields.
const PLAINS: usize = 3;

const fn slots(plain: bool) -> [Option<usize>; FIELDS] {
    let mut out = [None; FIELDS];
    let mut slot = 0;
    while slot < OWN_KEYS.len() {
        match OWN_KEYS[slot] {
            Key::Plain(f) if plain => out[f] = Some(slot),
            Key::Pinyin(f) if !plain => out[f] = Some(slot),
            _ => {}
        }
        slot += 1;
    }
    out
}

const _: () = assert!(matches!(OWN_KEYS[PLAINS - 1], Key::Plain(_)));
const _: () = assert!(matches!(OWN_KEYS[PLAINS], Key::Pinyin(_)));

pub(super) const OWN: u16 = 1 << 15;
/// Longest folded field kept (the rest of a longer one is not searched).
const MAX_FIELD: usize = (OWN - 1) as usize;
/// Longest pinyin key kept.
const MAX_PINYIN: usize = u16::MAX as usize;

/// Cuts `text` from byte `start` to at most `max` bytes, at a char boundary. Returns the length.
fn cap(text: &mut String, start: usize, max: usize) -> u16 {
    if text.len() - start > max {
        let mut end = start + max;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    (text.len() - start) as u16
}

/// Appends `field` folded to `text` and returns its length, or `OWN` when it folds to itself
/// (nothing appended).
pub(super) fn push_folded(text: &mut String, field: &str) -> u16 {
    if field.chars().all(|c| fold_char(c) == c) {
        return OWN;
    }
    let start = text.len();
    text.extend(field.chars().map(fold_char));
    cap(text, start, MAX_FIELD)
}

/// Appends the pinyin key of `field` and returns its length: 0 (nothing appended) without
/// Chinese.
pub(super) fn push_pinyin(text: &mut String, field: &str) -> u16 {
    let start = text.len();
    if pinyin::push_key(field, text) {
        cap(text, start, MAX_PINYIN)
    } else {
        text.truncate(start);
        0
    }
}

/// All rows' keys in one string, so 100,000 customers cost one allocation, not 1,000,000.
#[derive(Debug, Default)]
pub struct Keys {
    text: String,
    pub rows: Vec<RowKeys>,
    /// The distinct cities (each row's is `city_of`), so `city:` is decided once per city.
    pub cities: Vec<String>,
    city_values: Values,
    tag_values: Values,
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
            let offset = u32::try_from(keys.text.len()).expect("search keys over 4 GB");
            keys.text.push_str(&part.text);
            let cities = keys.city_values.merge(&part.city_values);
            let tags = keys.tag_values.merge(&part.tag_values);
            keys.rows.extend(part.rows.into_iter().map(|mut k| {
                k.start += offset;
                k.city = cities[k.city as usize];
                k.tags = tags[k.tags as usize];
                k
            }));
        }
        keys.finish(rows);
        keys
    }

    /// The keys of `rows` pushed one by one are complete: slack given back, cities listed.
    /// `rows` may be listed rows (see `customer_list::keep_listed`).
    pub fn finish(&mut self, rows: &[CustomerRow]) {
        assert_eq!(self.rows.len(), rows.len(), "keys for every row");
        self.text.shrink_to_fit();
        self.rows.shrink_to_fit();
        self.city_values.finish();
        self.tag_values.finish();
        self.list_cities();
    }

    fn list_cities(&mut self) {
        let known = self.cities.len();
        let values = &self.city_values;
        self.cities
            .extend((known..values.len()).map(|i| values.raw(i).to_string()));
    }

    fn build_part(rows: &[CustomerRow]) -> Self {
        let mut keys = Keys {
            text: String::with_capacity(rows.len() * 48),
            rows: Vec::with_capacity(rows.len()),
            ..Keys::default()
        };
        for row in rows {
            keys.push(row);
        }
        keys
    }

    pub fn push(&mut self, row: &CustomerRow) {
        let fields = fields(row);
        let mut k = RowKeys {
            start: u32::try_from(self.text.len()).expect("search keys over 4 GB"),
            city: self.city_values.id(&row.city),
            tags: self.tag_values.id(&row.tags),
            ..RowKeys::default()
        };
        for (slot, key) in OWN_KEYS.iter().enumerate() {
            k.lens[slot] = match *key {
                Key::Plain(REACH) => {
                    let start = self.text.len();
                    for part in [&row.ways.phone, &row.ways.email, &row.ways.reach] {
                        self.text.push('\n');
                        self.text.extend(part.chars().map(fold_char));
                    }
                    cap(&mut self.text, start, MAX_FIELD)
                }
                Key::Plain(f) => push_folded(&mut self.text, fields[f]),
                Key::Pinyin(f) => push_pinyin(&mut self.text, fields[f]),
                Key::Digits => {
                    let start = self.text.len();
                    for phone in phones(row) {
                        push_digits(phone, &mut self.text);
                    }
                    cap(&mut self.text, start, MAX_PINYIN)
                }
            };
        }
        for f in 0..FIELDS {
            let (m, starts) = match self.value_of(&k, f) {
                Some((values, i)) => values.masks(i),
                None => (
                    mask(self.plain_of(&k, &fields, f)) | mask(self.pinyin_of(&k, f)),
                    narrow(pinyin::starts(self.pinyin_of(&k, f))),
                ),
            };
            k.masks[f] = narrow(m);
            if f == NAME {
                k.name_starts = starts;
            }
            k.mask |= m;
            k.starts |= starts;
        }
        self.rows.push(k);
    }

    /// Builds row `i`'s keys again from `row`, or adds them when `i` is the number of rows.
    /// The old keys' text stays in `text`, unused, until the next `build`.
    pub fn put(&mut self, i: usize, row: &CustomerRow) {
        self.push(row);
        self.list_cities();
        if i + 1 < self.rows.len() {
            self.rows.swap_remove(i);
        }
    }

    /// Takes row `i`'s keys out; the last row's move to `i` (as `Vec::swap_remove`).
    pub fn swap_remove(&mut self, i: usize) {
        self.rows.swap_remove(i);
    }

    /// Row `i`'s city, as an index into `cities`.
    pub fn city_of(&self, i: usize) -> usize {
        self.rows[i].city as usize
    }

    /// The distinct values field `f` is read from, and the row's among them, for a city or tags.
    fn value_of(&self, k: &RowKeys, f: usize) -> Option<(&Values, usize)> {
        match f {
            CITY => Some((&self.city_values, k.city as usize)),
            TAGS => Some((&self.tag_values, k.tags as usize)),
            _ => None,
        }
    }

    /// Where the row's own key in `slot` starts, and its length.
    fn span(k: &RowKeys, slot: usize) -> (usize, usize) {
        // OWN marks only folded fields; a pinyin key may use all 16 bits.
        let len = |j: usize| match k.lens[j] {
            l if j < PLAINS && l & OWN != 0 => 0,
            l => usize::from(l),
        };
        let before: usize = (0..slot).map(len).sum();
        (k.start as usize + before, len(slot))
    }

    fn own_key(&self, k: &RowKeys, slot: usize) -> &str {
        let (start, len) = Self::span(k, slot);
        &self.text[start..start + len]
    }

    fn plain_of<'a>(&'a self, k: &RowKeys, fields: &[&'a str; FIELDS], f: usize) -> &'a str {
        if let Some((values, i)) = self.value_of(k, f) {
            return values.plain(i);
        }
        match PLAIN_SLOT[f] {
            Some(slot) if k.lens[slot] & OWN == 0 => self.own_key(k, slot),
            _ => fields[f],
        }
    }

    fn pinyin_of(&self, k: &RowKeys, f: usize) -> &str {
        if let Some((values, i)) = self.value_of(k, f) {
            return values.pinyin(i);
        }
        match PINYIN_SLOT[f] {
            Some(slot) => self.own_key(k, slot),
            None => "",
        }
    }

    /// Row `i`'s people's phone, e-mail and WeChat id, folded: one line each, tab separated,
    /// in the order of the row's people (as `Ways::reach` has them after its first
    /// line). `fields` are that row's.
    pub fn people_reach<'a>(
        &'a self,
        fields: &[&'a str; FIELDS],
        i: usize,
    ) -> impl Iterator<Item = &'a str> {
        // `push` wrote "\n{phone}\n{email}\n{reach}", reach's first line the WeChat id.
        self.plain(fields, i, REACH).split('\n').skip(4)
    }

    /// The digits of row `i`'s phone numbers, each after a space.
    pub fn digits(&self, i: usize) -> &str {
        let slot = OWN_KEYS.len() - 1;
        self.own_key(&self.rows[i], slot)
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

/// Whether `needle`'s bytes appear in `hay` in order: true whenever its chars do, so a cheap
/// test before the exact one.
pub fn is_subsequence(hay: &str, needle: &str) -> bool {
    let mut hay = hay.as_bytes();
    for &b in needle.as_bytes() {
        match memchr::memchr(b, hay) {
            Some(at) => hay = &hay[at + 1..],
            None => return false,
        }
    }
    true
}
