//! How one word of a query matches one field of a row, as `Pass::field` weighs it: the plain
//! text's hit, the best tier over a pinyin key's lines, and what a tier lets the score count.

use super::keys::is_subsequence;
use super::rank::{Tier, class, group_of, pinyin_tier, plain_tier};
use super::scorer::Scorer;
use super::word::{Hit, PassWord};

/// How the word matches a field's folded text `plain` (field `f`), unless only by a hit of a
/// class worse than `bar` (not scored: see `field`).
pub(super) fn plain_hit(
    plain: &str,
    f: usize,
    bar: u8,
    word: &PassWord,
    scorer: &mut Scorer,
) -> Option<Hit> {
    let q = &word.text;
    if !is_subsequence(plain, q) {
        return None;
    }
    // The tier first: above initials the score counts for nothing (`tier_score`), and such a
    // tier means the word is in the text, so the scorer would match it.
    let tier = plain_tier(plain, q, f);
    let score = if tier < Tier::Initials && !word.spaced {
        0
    } else if class(tier, group_of(f)) > bar {
        return None;
    } else {
        scorer.score(plain)?
    };
    Some(Hit {
        tier,
        group: group_of(f),
        score: tier_score(tier, score),
    })
}

/// The best tier of `q` in any line of a pinyin key (a person each), the first exact one ending
/// the search.
pub(super) fn best_pinyin_tier(key: &str, q: &[char]) -> Tier {
    let mut best = Tier::Fuzzy;
    for line in key.split('\n') {
        best = best.min(pinyin_tier(line, q));
        if best == Tier::Exact {
            break;
        }
    }
    best
}

/// Among whole names, starts and word starts, ties go to attention order, not to the scorer's
/// taste; initials and fuzzy matches keep their score (initials from the first character win).
pub(super) fn tier_score(tier: Tier, score: i64) -> i64 {
    if tier < Tier::Initials { 0 } else { score }
}

/// What starting at a name's first character is worth, against nucleo's gap penalties
/// (a few points per skipped character).
pub(super) const FROM_FIRST_CHAR: i64 = 16;
