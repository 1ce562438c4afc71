//! Every CJK ideograph's readings looked up once, for a big book: building its keys asks for
//! millions of characters.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{SEP, readings};

/// Characters looked up one by one before the table is built: building it reads every
/// character of the blocks (27,000), which a small book's keys never come near; a big book's
/// do many times over.
const LOOKUPS_BEFORE_TABLE: usize = 30_000;

/// The table, once enough characters were looked up without it.
pub(super) fn table_if_worth_it() -> Option<&'static Table> {
    static LOOKUPS: AtomicUsize = AtomicUsize::new(0);
    if LOOKUPS.load(Ordering::Relaxed) < LOOKUPS_BEFORE_TABLE {
        LOOKUPS.fetch_add(1, Ordering::Relaxed);
        return None;
    }
    Some(common_table())
}

/// The readings of the CJK ideographs blocks (U+3400..U+9FFF, nearly every character in use),
/// looked up once: building a book's keys asks for millions of characters.
pub(super) struct Table {
    /// All readings, SEP-joined per character.
    text: String,
    /// Per character from `FIRST`: offset in `text` << 8 | length.
    spans: Vec<u32>,
}

const FIRST: u32 = 0x3400;
const LAST: u32 = 0x9FFF;

fn common_table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Table {
            text: String::new(),
            spans: Vec::with_capacity((LAST - FIRST + 1) as usize),
        };
        for code in FIRST..=LAST {
            let start = table.text.len();
            if let Some(c) = char::from_u32(code) {
                for (i, reading) in readings(c).iter().enumerate() {
                    if i > 0 {
                        table.text.push(SEP);
                    }
                    table.text.push_str(reading);
                }
            }
            let len = table.text.len() - start;
            table.spans.push((start as u32) << 8 | len.min(255) as u32);
        }
        table
    })
}

impl Table {
    /// `c`'s readings, empty when it has none; None outside the table.
    pub(super) fn get(&self, c: char) -> Option<&str> {
        let i = u32::from(c).checked_sub(FIRST)?;
        let span = *self.spans.get(i as usize)?;
        let start = (span >> 8) as usize;
        Some(&self.text[start..start + (span & 0xFF) as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_holds_what_looking_up_one_character_gives() {
        let table = common_table();
        for code in (FIRST..=LAST).step_by(7) {
            let c = char::from_u32(code).unwrap();
            let one_by_one = readings(c)
                .iter()
                .collect::<Vec<&str>>()
                .join(&SEP.to_string());
            assert_eq!(table.get(c), Some(one_by_one.as_str()), "{c}");
        }
        assert_eq!(table.get('长'), Some("zhang}chang"));
    }
}
