//! Three letters in a row that a customer's name may hold, for the one kind of word a pinyin
//! match cannot split between characters: one whose second and third letters start no reading
//! (`xiu`, `liu`, `hui`...). Such a word matches a name better than fuzzy (whole, start, word
//! start or initials) only where one reading starts with its first three letters, or the
//! name's text has them in a row: from a word's start, from its start without spaces, or as
//! its first three initials. Where `xiu` could otherwise be a word start of every company
//! name with 限 (`xian`) in it, this leaves most of them out of the first screens' buckets.

use super::masks::{char_bit, narrow};
use super::pinyin::{SEP, Segment, segments};

/// No reading starts with these (`wu` and `yi` are spelled so; `ü` is typed `v`).
const START_NO_READING: [char; 3] = ['i', 'u', 'v'];

/// The bit of `word`'s first three letters if they can only be read within one reading;
/// 0 when they could be split (no promise is made from triples then).
pub fn word_triple(word: &str) -> u64 {
    let mut chars = word.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some(a), Some(b), Some(c))
            if a.is_ascii_alphabetic()
                && START_NO_READING.contains(&b)
                && START_NO_READING.contains(&c) =>
        {
            triple_bit(a, b, c)
        }
        _ => 0,
    }
}

/// One bit of 64 for three chars in a row.
fn triple_bit(a: char, b: char, c: char) -> u64 {
    let index = |c: char| u64::from(narrow(char_bit(c)).trailing_zeros());
    let n = (index(a) * 32 + index(b)) * 32 + index(c);
    1 << (n.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58)
}

fn first_three(mut chars: impl Iterator<Item = char>) -> u64 {
    match (chars.next(), chars.next(), chars.next()) {
        (Some(a), Some(b), Some(c)) => triple_bit(a, b, c),
        _ => 0,
    }
}

/// The triples of a name's folded text and of its pinyin key.
pub fn name_triples(plain: &str, key: &str) -> u64 {
    let mut text = plain_triples(plain);
    // A name is one line; a line of several is also read alone.
    if plain.contains('\n') {
        text = plain
            .split('\n')
            .fold(text, |m, line| m | plain_triples(line));
    }
    key.split('\n')
        .fold(text, |m, line| m | pinyin_triples(line))
}

/// As `rank::item_tier` reads an item: whole without spaces, from the start or a word's start,
/// and by initials.
fn plain_triples(item: &str) -> u64 {
    let mut m = first_three(item.chars().filter(|c| !c.is_whitespace()));
    let initials = item
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(|w| w.chars().next());
    m |= first_three(initials);
    let mut after_word = false;
    for (at, c) in item.char_indices() {
        if !after_word {
            m |= first_three(item[at..].chars());
        }
        after_word = c.is_alphanumeric();
    }
    m
}

/// As `rank::pinyin_tier` reads a key from any character: each typed by a whole reading, the
/// last by its start; a character without readings typed as itself.
fn pinyin_triples(line: &str) -> u64 {
    let segs: Vec<Segment> = segments(line).filter(|s| !s.ch.is_whitespace()).collect();
    let mut m = 0;
    for s in 0..segs.len() {
        spell(&segs[s..], ([0; 3], 0), &mut m);
    }
    m
}

/// Adds to `m` the first three letters of every spelling of `segs` going on from `got`.
fn spell(segs: &[Segment], got: ([u8; 3], usize), m: &mut u64) {
    let Some((seg, rest)) = segs.split_first() else {
        return;
    };
    let mut each = |reading: &[u8]| {
        let (mut letters, mut n) = got;
        for &b in reading.iter().take(3 - n) {
            letters[n] = b;
            n += 1;
        }
        if n == 3 {
            let [a, b, c] = letters.map(char::from);
            *m |= triple_bit(a, b, c);
        } else {
            spell(rest, (letters, n), m);
        }
    };
    let mut read = false;
    for r in seg
        .readings
        .split(|&b| b == SEP as u8)
        .filter(|r| !r.is_empty())
    {
        read = true;
        each(r);
    }
    if !read && seg.ch.is_ascii() {
        each(&[seg.ch as u8]);
    }
}
