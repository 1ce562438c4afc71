//! Which characters a text holds, as bits: a query can only match a key holding all of its
//! chars, so a glance at two masks leaves most keys unread.

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

/// A mask folded to 32 bits, for the per-field masks and starts: letters keep their own bits
/// (a query is mostly letters: pinyin, Latin names), digits share two (a number is matched by
/// its digits' own key), and other chars (Chinese characters) and spaces four, by their hashed
/// bit: the row's 64-bit mask tells more of them apart.
pub fn narrow(mask: u64) -> u32 {
    const DIGITS: u32 = 26;
    const SPACE: u32 = 36;
    let letters = mask as u32 & ((1 << DIGITS) - 1);
    let mut folded = 0;
    let mut rest = mask >> DIGITS;
    while rest != 0 {
        let bit = rest.trailing_zeros();
        folded |= if bit < SPACE - DIGITS {
            1 << (bit % 2)
        } else {
            4 << ((bit - (SPACE - DIGITS)) % 4)
        };
        rest &= rest - 1;
    }
    letters | folded << DIGITS
}
