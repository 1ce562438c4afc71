//! The folded masks: a query's chars can only be missed by a filter if the text lacks them.

use proptest::prelude::*;

use super::masks::{char_bit, mask, narrow};

proptest! {
    #[test]
    fn narrowing_keeps_every_char_a_text_holds(text in "\\PC{0,24}", query in "\\PC{0,6}") {
        // A filter asks "query's bits within the text's": true before narrowing stays true.
        let (t, q) = (mask(&text), mask(&query));
        prop_assert_eq!(narrow(t | q), narrow(t) | narrow(q));
        if q & t == q {
            prop_assert_eq!(narrow(q) & narrow(t), narrow(q));
        }
    }
}

#[test]
fn letters_keep_bits_of_their_own() {
    let letters: Vec<u32> = ('a'..='z').map(|c| narrow(char_bit(c))).collect();
    let all = letters.iter().fold(0, |m, b| m | b);
    assert_eq!(all.count_ones(), 26);
    for c in ['0', '9', ' ', '张', 'é', '@'] {
        assert_eq!(narrow(char_bit(c)) & all, 0, "{c} shares no letter's bit");
    }
}
