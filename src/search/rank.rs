//! How well a word matched a field, in the order a person ranks names: the whole name (or its
//! whole pinyin), its start, the start of one of its words, its initials, anywhere in order.

use super::keys::{CITY, NAME, PEOPLE};
use super::pinyin::{SEP, Segment, segments};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    Exact,
    Prefix,
    WordPrefix,
    Initials,
    Fuzzy,
    /// Only by a rare reading of a polyphone (有 is also wěi): after everything else.
    Rare,
}

/// Whose text matched: the customer's name outranks a person's, which outranks the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    Name,
    Person,
    Other,
}

/// Where a match of this tier and group ranks, best first: a whole name (the customer's or a
/// person's) first; then names matched well (start, word, initials) before people, before
/// anything else (where a whole city or number counts as well); then fuzzy matches, in the
/// same order of whose; then rare readings.
pub fn class(tier: Tier, group: Group) -> u8 {
    let whose = group as u8;
    match tier {
        Tier::Exact if group != Group::Other => whose,
        Tier::Exact | Tier::Prefix | Tier::WordPrefix | Tier::Initials => {
            2 + whose * 4 + tier as u8
        }
        Tier::Fuzzy => 14 + whose,
        Tier::Rare => 17 + whose,
    }
}

/// The tier and group of a `class`.
pub fn unclass(wanted: u8) -> (Tier, Group) {
    const TIERS: [Tier; 6] = [
        Tier::Exact,
        Tier::Prefix,
        Tier::WordPrefix,
        Tier::Initials,
        Tier::Fuzzy,
        Tier::Rare,
    ];
    const GROUPS: [Group; 3] = [Group::Name, Group::Person, Group::Other];
    TIERS
        .iter()
        .flat_map(|&t| GROUPS.iter().map(move |&g| (t, g)))
        .find(|&(t, g)| class(t, g) == wanted)
        .unwrap_or((Tier::Rare, Group::Other))
}

pub fn group_of(field: usize) -> Group {
    match field {
        NAME => Group::Name,
        PEOPLE => Group::Person,
        _ => Group::Other,
    }
}

/// The items of a field that each count as a whole: a person, a tag, a phone or an e-mail.
fn items(field: &str, f: usize) -> impl Iterator<Item = &str> {
    let whole = f == NAME || f == CITY;
    let mut rest = Some(field);
    // By bytes (the separators are ASCII): a pass asks this of every row a word matched.
    std::iter::from_fn(move || {
        let text = rest?;
        let end = if whole {
            None
        } else {
            memchr::memchr3(b'\n', b'\t', b',', text.as_bytes())
        };
        match end {
            Some(at) => {
                rest = Some(&text[at + 1..]);
                Some(&text[..at])
            }
            None => {
                rest = None;
                Some(text)
            }
        }
    })
    .map(str::trim)
    .filter(|i| !i.is_empty())
}

/// Where `w` occurs in `item`, without overlaps (as `match_indices`), found by its first byte
/// (a char boundary in UTF-8) rather than by a searcher built for every item.
fn occurrences<'a>(item: &'a str, w: &'a str) -> impl Iterator<Item = usize> + 'a {
    let (hay, needle) = (item.as_bytes(), w.as_bytes());
    let mut next = 0;
    memchr::memchr_iter(needle.first().copied().unwrap_or(0), hay).filter(move |&i| {
        let found = !needle.is_empty() && i >= next && hay[i..].starts_with(needle);
        if found {
            next = i + needle.len();
        }
        found
    })
}

/// The best tier of folded word `w` in folded field `f`'s text.
pub fn plain_tier(field: &str, w: &str, f: usize) -> Tier {
    items(field, f)
        .map(|item| item_tier(item, w))
        .min()
        .unwrap_or(Tier::Fuzzy)
}

/// Whether `a` is `b` once spaces are dropped from both (`jennifer mu` typed as one is
/// `Jennifer Mu`), without allocating (a pass asks this of
/// every row that matched).
pub fn same_but_spaces(a: &str, b: &str) -> bool {
    let mut a = a.chars().filter(|c| !c.is_whitespace());
    let mut b = b.chars().filter(|c| !c.is_whitespace());
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (x, y) if x != y => return false,
            _ => {}
        }
    }
}

fn item_tier(item: &str, w: &str) -> Tier {
    if item == w || same_but_spaces(item, w) {
        return Tier::Exact;
    }
    if item.starts_with(w) {
        return Tier::Prefix;
    }
    // Any Chinese character starts a word: 海纳 is a word of 武汉海纳科技.
    let cjk_start = w
        .chars()
        .next()
        .is_some_and(|c| !c.is_ascii() && c.is_alphabetic());
    let at_word = occurrences(item, w).any(|i| {
        cjk_start
            || !item[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
    });
    if at_word {
        return Tier::WordPrefix;
    }
    let mut initials = item
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(|word| word.chars().next());
    let by_initials = w.chars().nth(1).is_some() && w.chars().all(|c| initials.next() == Some(c));
    if by_initials {
        Tier::Initials
    } else {
        Tier::Fuzzy
    }
}

/// The tier of folded query chars `q` in a pinyin key: each character typed as a whole
/// reading from the first on (`liuwei` for 刘伟: exact; `liuw`: its start), from a later one
/// (a word), or each as the start of a reading in a run (`lw`: initials). Fuzzy otherwise.
pub fn pinyin_tier(key: &str, q: &[char]) -> Tier {
    // On the stack: a pass asks this of every row a pinyin query matched.
    let mut segs = [BLANK; MOST_SEGMENTS];
    let segs = key_segments(key, &mut segs);
    let n = q.len();
    if n == 0 || n > 63 {
        return Tier::Fuzzy;
    }
    let done = 1u64 << n;
    let mut best = Tier::Fuzzy;
    for s in 0..segs.len() {
        // Nothing starts at a character the first char typed is not, nor a reading's first.
        if !may_start(&segs[s], q[0]) {
            continue;
        }
        // `spelled`: every character so far typed as a whole reading, a rare one too: 长沙 typed
        // `changsha` is that city, although 长 is mostly zhǎng.
        let (mut full, mut any, mut spelled) = (1u64, 0u64, 1u64);
        for (j, seg) in segs[s..].iter().enumerate() {
            let (whole, part) = steps(seg, q, full, false);
            let (any_whole, any_part) = steps(seg, q, any, false);
            let by_any = any_whole | any_part;
            let (by_rare, _) = steps(seg, q, spelled, true);
            let last = s + j + 1 == segs.len();
            let tier = if (whole | part) & done != 0 || (j > 0 && by_rare & done != 0) {
                match s {
                    0 if (whole & done != 0 || (j > 0 && by_rare & done != 0)) && last => {
                        Tier::Exact
                    }
                    0 => Tier::Prefix,
                    _ => Tier::WordPrefix,
                }
            } else if by_any & done != 0 {
                Tier::Initials
            } else {
                Tier::Fuzzy
            };
            best = best.min(tier);
            (full, any) = (whole & (done - 1), (whole | part | by_any) & (done - 1));
            spelled = by_rare & (done - 1);
            if full | any | spelled == 0 {
                break;
            }
        }
        // Only the first character starts a whole name or its start: from a later one, a
        // word at best.
        if best <= Tier::WordPrefix {
            break;
        }
    }
    best
}

/// Whether a match of a query starting with `c` may start at `seg` (as `steps` reads it from
/// position 0): the character itself, or the first letter of any of its readings.
fn may_start(seg: &Segment, c: char) -> bool {
    seg.ch == c
        || (c.is_ascii()
            && seg
                .readings
                .split(|&b| b == SEP as u8)
                .any(|r| r.first() == Some(&(c as u8))))
}

const MOST_SEGMENTS: usize = 48;
const BLANK: Segment = Segment {
    readings: &[],
    ch: ' ',
};

/// A key's segments but spaces, up to `MOST_SEGMENTS`, in `buf`.
fn key_segments<'k, 'b>(
    key: &'k str,
    buf: &'b mut [Segment<'k>; MOST_SEGMENTS],
) -> &'b [Segment<'k>] {
    let mut len = 0;
    for seg in segments(key)
        .filter(|s| !s.ch.is_whitespace())
        .take(MOST_SEGMENTS)
    {
        buf[len] = seg;
        len += 1;
    }
    &buf[..len]
}

/// Whether `pinyin_tier(key, q)` is `Exact`, asked of every row when words typed apart may
/// run together into a name: the match must start at the first character, so a key is
/// mostly left at its first.
pub fn pinyin_exact(key: &str, q: &[char]) -> bool {
    let n = q.len();
    if n == 0 || n > 63 {
        return false;
    }
    let done = 1u64 << n;
    let (mut full, mut spelled) = (1u64, 1u64);
    // Read as it goes (`pinyin_tier` reads the whole key first): most keys end at the first.
    let mut segs = segments(key)
        .filter(|s| !s.ch.is_whitespace())
        .take(MOST_SEGMENTS)
        .enumerate()
        .peekable();
    while let Some((j, seg)) = segs.next() {
        let (whole, _) = steps(&seg, q, full, false);
        let (by_rare, _) = steps(&seg, q, spelled, true);
        if segs.peek().is_none() {
            return whole & done != 0 || (j > 0 && by_rare & done != 0);
        }
        (full, spelled) = (whole & (done - 1), by_rare & (done - 1));
        if full | spelled == 0 {
            return false;
        }
    }
    false
}

/// Query positions one segment reaches from the positions in `from` (bits): by a whole
/// reading or the character itself, and by a reading cut short.
fn steps(seg: &Segment, q: &[char], mut from: u64, every_reading: bool) -> (u64, u64) {
    let (mut whole, mut part) = (0u64, 0u64);
    while from != 0 {
        let pos = from.trailing_zeros() as usize;
        from &= from - 1;
        if pos >= q.len() {
            continue;
        }
        if q[pos] == seg.ch {
            whole |= 1 << (pos + 1);
        }
        // The common reading only, unless asked: a rare one (厦 is also shà) alone is no start.
        let readings = seg
            .readings
            .split(|&b| b == SEP as u8)
            .filter(|r| !r.is_empty());
        for reading in readings.take(if every_reading { usize::MAX } else { 1 }) {
            let same = reading
                .iter()
                .zip(&q[pos..])
                .take_while(|(r, c)| char::from(**r) == **c)
                .count();
            if same == reading.len() {
                whole |= 1 << (pos + same);
            }
            if same > 0 {
                part |= ((1u64 << same) - 1) << (pos + 1);
            }
        }
    }
    (whole, part)
}

/// The tier of a pinyin key that `q` matches only by rare readings: a run of characters each
/// spelled whole (长沙 typed `changsha`, though 长 is mostly zhǎng) ranks as spelled, a step
/// below the same spelled by common readings (昌江 `changjiang`); anything looser, `None`.
pub fn spelled_by_rare(key: &str, q: &[char]) -> Option<Tier> {
    match key.split('\n').map(|k| pinyin_tier(k, q)).min()? {
        Tier::Exact => Some(Tier::Prefix),
        Tier::Prefix => Some(Tier::WordPrefix),
        Tier::WordPrefix => Some(Tier::Initials),
        _ => None,
    }
}
