//! What a glance at a row can promise about how well a word may match it, so the first screen
//! of a result is found without scoring the whole book: a word can only match a whole item, or
//! its start, where its first character starts an item; a word of it, where that character
//! starts a word (or a character's reading); a match better than fuzzy only where its first
//! two chars follow each other; and a whole item only when the lengths allow.
//! Each bound is a class (`rank::class`) no match of the row can beat.

use super::keys::{self, FIELDS, Keys, NAME, PEOPLE, PINYIN_FIELDS};
use super::masks::{char_bit, narrow};
use super::pinyin::{SEP, segments};
use super::rank::{Group, Tier, class};
use super::triples;
use crate::book::model::CustomerRow;

/// The longest reading in the pinyin tables (`zhuang`, `shuang`).
const LONGEST_READING: usize = 6;

/// Per group of fields (name, people, the rest).
#[derive(Debug, Clone, Copy, Default)]
pub struct GroupStarts {
    /// Chars (`narrow`ed bits) that start an item: the name, a person, a phone, a tag, or the
    /// first character of one by any of its readings.
    item: u32,
    /// Chars that start a word, a character or any of its readings, anywhere.
    word: u32,
    /// Per band of lengths (`band`), the chars that start an item a word of such a length
    /// could be whole: as typed (chars without spaces), or a character by a reading each.
    whole: [u32; BANDS],
    /// Which two chars can follow each other in a match better than fuzzy (`pair_bit`): a
    /// char such a match may start at (a word's first, a Chinese character) and the next but
    /// spaces, initials of neighbouring words, a reading's first two letters, the start of a
    /// character (itself or a reading) and the start of the next.
    pairs: u64,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct RowStarts {
    groups: [GroupStarts; 3],
    /// Three letters in a row the name may hold (`triples.rs`).
    name_triples: u64,
    /// Lengths of the row's phone numbers in digits: bit n (31: 31 or more).
    number_lens: u32,
}

/// A word of the query as `RowStarts` looks at it, prepared once per pass.
pub struct Probe {
    first_bit: u32,
    /// `pair_bit` of its first two chars (0 when it has fewer, or a space among them).
    pair: u64,
    /// Whether its first char is Chinese (or another script's letter): those start a word
    /// wherever they are.
    anywhere: bool,
    typed: Typed,
    band: usize,
    /// `triples::word_triple`: 0 when its first three letters make no promise.
    triple: u64,
}

/// What a word is typed with, for the lengths of items it could be whole.
#[derive(Clone, Copy)]
enum Typed {
    /// ASCII only: a Chinese character can only be typed by a reading.
    Ascii,
    /// From a char that is not ASCII (a Chinese character typed as itself).
    FromOther,
    /// ASCII first, then other chars.
    Mixed,
}

impl Probe {
    pub fn new(word: &str) -> Option<Probe> {
        let first = word.chars().next()?;
        let length = word.chars().filter(|c| !c.is_whitespace()).count();
        let mut chars = word.chars();
        let pair = match (chars.next(), chars.next()) {
            (Some(a), Some(b)) if !a.is_whitespace() && !b.is_whitespace() => {
                pair_bit(index(a), index(b))
            }
            _ => 0,
        };
        Some(Probe {
            pair,
            first_bit: narrow(char_bit(first)),
            anywhere: !first.is_ascii() && first.is_alphabetic(),
            typed: if word.is_ascii() {
                Typed::Ascii
            } else if first.is_ascii() {
                Typed::Mixed
            } else {
                Typed::FromOther
            },
            band: band(length),
            triple: triples::word_triple(word),
        })
    }
}

const BANDS: usize = 4;

/// Lengths 0-2, 3-4, 5-8, 9 and more.
fn band(length: usize) -> usize {
    match length {
        0..=2 => 0,
        3..=4 => 1,
        5..=8 => 2,
        _ => 3,
    }
}

fn group_index(f: usize) -> usize {
    match f {
        NAME => 0,
        PEOPLE => 1,
        _ => 2,
    }
}

/// A char's bit in a `narrow`ed mask, as a number.
fn index(c: char) -> u32 {
    narrow(char_bit(c)).trailing_zeros()
}

/// One bit of 64 for two chars' `index`es, one after the other.
fn pair_bit(a: u32, b: u32) -> u64 {
    1 << (u64::from(a * 32 + b).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58)
}

/// `pair_bit` of every char of `a` (bits) followed by every char of `b`.
fn pairs_of(a: u32, b: u32) -> u64 {
    let mut pairs = 0;
    for i in (0..32).filter(|i| a >> i & 1 != 0) {
        for j in (0..32).filter(|j| b >> j & 1 != 0) {
            pairs |= pair_bit(i, j);
        }
    }
    pairs
}

fn length_bit(n: usize) -> u32 {
    1 << n.min(31)
}

impl RowStarts {
    /// Row `i`'s starts from its keys; `row` is the row they were built from.
    pub fn of(keys: &Keys, i: usize, row: &CustomerRow) -> RowStarts {
        let fields = keys::fields(row);
        let mut groups = [GroupStarts::default(); 3];
        for f in 0..FIELDS {
            let g = &mut groups[group_index(f)];
            plain_starts(keys.plain(&fields, i, f), f, g);
            if f < PINYIN_FIELDS {
                pinyin_starts(keys.pinyin(i, f), g);
            }
        }
        let number_lens = keys
            .digits(i)
            .split(' ')
            .filter(|n| !n.is_empty())
            .fold(0, |m, n| m | length_bit(n.len()));
        RowStarts {
            groups,
            name_triples: triples::name_triples(keys.plain(&fields, i, NAME), keys.pinyin(i, NAME)),
            number_lens,
        }
    }

    /// The best class a number (its spellings, see `word::number_hit`) could reach.
    pub fn number_bound(&self, variants: &[String]) -> Option<u8> {
        if self.number_lens == 0 {
            return None;
        }
        let whole = variants
            .iter()
            .any(|v| self.number_lens & length_bit(v.len()) != 0);
        let tier = if whole { Tier::Exact } else { Tier::WordPrefix };
        Some(class(tier, Group::Other))
    }

    /// The best class the word `probe` looks at could reach in a field of this row whose keys
    /// hold all its chars, per `field_ok(f)`; None if none does.
    pub fn bound(&self, probe: &Probe, field_ok: impl Fn(usize) -> bool) -> Option<u8> {
        (0..FIELDS)
            .filter(|&f| field_ok(f))
            .map(|f| self.field_bound(probe, f))
            .min()
    }

    /// The best class the word could reach in field `f`, if it matches there at all.
    pub fn field_bound(&self, probe: &Probe, f: usize) -> u8 {
        let g = &self.groups[group_index(f)];
        // Better than fuzzy, a word's first two chars follow each other in the text.
        let paired = probe.pair == 0 || g.pairs & probe.pair != 0;
        let tripled = probe.triple == 0 || f != NAME || self.name_triples & probe.triple != 0;
        let tier = if !paired || !tripled {
            Tier::Fuzzy
        } else if g.whole(probe) & probe.first_bit != 0 {
            Tier::Exact
        } else if g.item & probe.first_bit != 0 {
            Tier::Prefix
        } else if probe.anywhere || g.word & probe.first_bit != 0 {
            // Wherever a Chinese character is, it starts a word (`rank::item_tier`).
            Tier::WordPrefix
        } else {
            Tier::Fuzzy
        };
        class(tier, super::rank::group_of(f))
    }

    /// The best class the words run together (`probe`) could reach as a whole name or person.
    pub fn whole_bound(&self, probe: &Probe) -> Option<u8> {
        [(0, Group::Name), (1, Group::Person)]
            .into_iter()
            .find(|&(g, _)| self.groups[g].whole(probe) & probe.first_bit != 0)
            .map(|(_, group)| class(Tier::Exact, group))
    }
}

impl GroupStarts {
    /// An item of `length` chars (spaces aside) starting with `bits`, typed whole as it is.
    fn whole_plain(&mut self, length: usize, bits: u32) {
        self.whole[band(length)] |= bits;
    }

    /// An item of `n` characters: `letters` start it as an ASCII word typing it whole would
    /// (a reading a character, in `fewest` to `most` letters), `other` as a word starting
    /// with its first character itself would (any character typed as itself or a reading:
    /// 1 to `LONGEST_READING` chars each). The two never share a bit (`masks::narrow`).
    fn whole_pinyin(&mut self, n: usize, (letters, fewest, most): (u32, usize, usize), other: u32) {
        for b in band(fewest)..=band(most) {
            self.whole[b] |= letters;
        }
        for b in band(n)..=band(n * LONGEST_READING) {
            self.whole[b] |= other;
        }
    }

    /// The chars that start an item the word `probe` could be whole. Of a word typed in
    /// ASCII then Chinese, only an item's first char is known.
    fn whole(&self, probe: &Probe) -> u32 {
        match probe.typed {
            Typed::Ascii | Typed::FromOther => self.whole[probe.band],
            Typed::Mixed => self.item,
        }
    }
}

/// Items as `rank::plain_tier` reads them: the name and city whole, others split. Whole lines
/// count as items too for their length: a name typed in words is matched against a line.
fn plain_starts(plain: &str, f: usize, g: &mut GroupStarts) {
    let whole = f == NAME || f == keys::CITY;
    let spaceless = |text: &str| text.chars().filter(|c| !c.is_whitespace()).count();
    let first_bit = |text: &str| text.chars().next().map_or(0, |c| narrow(char_bit(c)));
    if f == PEOPLE || f == NAME {
        for line in plain.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
            g.whole_plain(spaceless(line), first_bit(line));
        }
    }
    let items = plain.split(|c| !whole && matches!(c, '\n' | '\t' | ','));
    for item in items.map(str::trim).filter(|i| !i.is_empty()) {
        g.whole_plain(spaceless(item), first_bit(item));
        // `before`: the last char but spaces, if a match better than fuzzy may start there:
        // at a word's start, or at a Chinese character (a word wherever it is).
        let (mut after_word, mut before, mut initial) = (false, None, None);
        for (at, c) in item.chars().enumerate() {
            let bit = narrow(char_bit(c));
            if at == 0 {
                g.item |= bit;
            }
            let may_start = !after_word || (!c.is_ascii() && c.is_alphabetic());
            if !after_word {
                g.word |= bit;
                if c.is_alphanumeric() {
                    if let Some(last) = initial {
                        g.pairs |= pair_bit(last, index(c));
                    }
                    initial = Some(index(c));
                }
            }
            if !c.is_whitespace() {
                if let Some(last) = before {
                    g.pairs |= pair_bit(last, index(c));
                }
                before = may_start.then(|| index(c));
            }
            after_word = c.is_alphanumeric();
        }
    }
}

/// A pinyin key's lines (a person each) as `rank::pinyin_tier` reads them: a match may start at
/// any character, by itself or by any of its readings; a whole one from the line's first.
fn pinyin_starts(key: &str, g: &mut GroupStarts) {
    for line in key.split('\n').filter(|l| !l.is_empty()) {
        let (mut count, mut first, mut before) = (0, 0, 0);
        // The letters an ASCII word spelling the line whole takes: a reading a character.
        let (mut fewest, mut most, mut first_letters) = (0, 0, 0);
        for seg in segments(line).filter(|s| !s.ch.is_whitespace()) {
            let readings = seg.readings.split(|&b| b == SEP as u8);
            let mut initials = 0;
            // A character without readings is typed as itself.
            let (mut short, mut long) = (usize::MAX, 1);
            for r in readings.filter(|r| !r.is_empty()) {
                (short, long) = (short.min(r.len()), long.max(r.len()));
                initials |= narrow(char_bit(char::from(r[0])));
                if let Some(&second) = r.get(1) {
                    let (a, b) = (char::from(r[0]), char::from(second));
                    g.pairs |= pair_bit(index(a), index(b));
                }
            }
            let bits = initials | narrow(char_bit(seg.ch));
            g.pairs |= pairs_of(before, bits);
            before = bits;
            if count == 0 {
                g.item |= bits;
                first = bits;
                first_letters = initials | if seg.ch.is_ascii() { bits } else { 0 };
            }
            g.word |= bits;
            count += 1;
            (fewest, most) = (fewest + short.min(long), most + long);
        }
        if count > 0 {
            let letters = (first_letters, fewest, most);
            g.whole_pinyin(count, letters, first & !first_letters);
        }
    }
}
