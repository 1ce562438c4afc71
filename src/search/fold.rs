//! Text as the search compares it: lowercase, accents and full-width forms folded, a char
//! for a char, so positions in folded text are positions in the text.

use super::pinyin;

/// A character as the search compares it: lowercase, full-width Latin as ASCII. Always one
/// character for one, so char positions in a key are char positions in the text.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return match c {
            // Reserved for pinyin keys, so their markers are never text.
            pinyin::START => '(',
            pinyin::SEP => ')',
            // Kept: they part the people (and their phones and e-mails) in a field.
            '\n' | '\t' => c,
            _ if c.is_ascii_control() => ' ',
            _ => c.to_ascii_lowercase(),
        };
    }
    let c = match u32::from(c) {
        // CJK ideographs have no case: the common path for a Chinese book.
        0x3400..=0x9FFF => return c,
        // Accents folded, so `chloe` finds Chloé and `lu` finds Lü: nobody types them.
        code @ 0xC0..=0x17F => return fold_latin(code),
        code @ 0x1CD..=0x1DC => return nth(PINYIN_TONES, code - 0x1CD),
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

/// Latin-1 letters from U+00C0, then Latin Extended-A from U+0100, without their accents.
const LATIN_1: &str = "aaaaaaaceeeeiiiidnooooo×ouuuuyþßaaaaaaaceeeeiiiidnooooo÷ouuuuyþy";
const LATIN_A: &str = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllll\
                       lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
/// Pinyin's third-tone vowels and ü with tones (U+01CD..U+01DC), as typed: ü is `v`.
const PINYIN_TONES: &str = "aaiioouuvvvvvvvv";

fn fold_latin(code: u32) -> char {
    if code < 0x100 {
        nth(LATIN_1, code - 0xC0)
    } else {
        nth(LATIN_A, code - 0x100)
    }
}

fn nth(table: &str, i: u32) -> char {
    table.chars().nth(i as usize).unwrap_or(' ')
}

pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}
