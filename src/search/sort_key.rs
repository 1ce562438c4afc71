//! A match's sort key, one `u64` packed so that sorting the keys orders the list: the match
//! class (how the row's weakest word matched, and whose text), then the score, best first, then
//! the row's rank in the list's order.

use super::rank::{Group, Tier, class, unclass};

pub const RANK_BITS: u32 = 30;
const SCORE_BITS: u32 = 29;
const CLASS_SHIFT: u32 = RANK_BITS + SCORE_BITS;

/// The match class of a sort key: how the row's weakest word matched, and whose text.
pub fn class_of(key: u64) -> (Tier, Group) {
    unclass((key >> CLASS_SHIFT) as u8)
}

/// Orders by class, then score (higher first), then by rank in `order`.
pub fn sort_key(tier: Tier, group: Group, score: i64, rank: u32) -> u64 {
    let top = (1i64 << SCORE_BITS) - 1;
    let below_best = (top - score.clamp(0, top)) as u64;
    (u64::from(class(tier, group)) << CLASS_SHIFT) | (below_best << RANK_BITS) | u64::from(rank)
}

/// A sort key without its rank: how the match ranks, whatever the order.
pub fn without_rank(key: u64) -> u64 {
    key & !((1 << RANK_BITS) - 1)
}

pub fn rank_of(key: u64) -> u32 {
    (key & ((1 << RANK_BITS) - 1)) as u32
}

/// Two runs of sort keys, each in order, as one (the parts of a pass on several threads).
pub fn merge(a: Vec<u64>, b: Vec<u64>) -> Vec<u64> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] <= b[j] {
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}
