//! `pinyin_exact` against the whole `pinyin_tier` it stands in for.

use proptest::prelude::*;

use super::pinyin::{push_key, readings};
use super::rank::{Tier, pinyin_exact, pinyin_tier};

/// Polyphones (长 zhang/chang, 重, 行, 厦, 有 ... wěi), single-letter readings (阿 a), Latin.
const CHARS: &[char] = &[
    '长', '沙', '重', '庆', '周', '秀', '英', '有', '限', '公', '司', '行', '厦', '门', '张', '伟',
    '刘', '阿', '鹅', '安', ' ', 'a', 'n', 'g', 'x',
];

/// A query that spells `text` (or nearly): per char a reading picked by `picks`, the char
/// itself, or its first letter; then cut or lengthened by `tail`.
fn spelling(text: &[char], picks: &[u8], tail: i8) -> String {
    let mut q = String::new();
    for (c, &pick) in text.iter().zip(picks) {
        let all: Vec<String> = readings(*c).iter().map(str::to_owned).collect();
        match (pick % 5, all.is_empty()) {
            (_, true) | (4, _) => {
                if !c.is_whitespace() {
                    q.push(*c);
                }
            }
            (3, false) => q.push_str(&all[0][..1]),
            (p, false) => q.push_str(&all[usize::from(p) % all.len()]),
        }
    }
    match tail {
        t if t < 0 => {
            let keep = q.chars().count().saturating_sub(t.unsigned_abs().into());
            q.chars().take(keep).collect()
        }
        t if t > 3 => q + "g",
        _ => q,
    }
}

proptest! {
    #[test]
    fn exact_is_the_whole_tier_saying_exact(
        text in prop::collection::vec(prop::sample::select(CHARS), 1..7),
        picks in prop::collection::vec(any::<u8>(), 7),
        tail in -2i8..6,
    ) {
        let name: String = text.iter().collect();
        let mut key = String::new();
        push_key(&name, &mut key);
        let q: Vec<char> = spelling(&text, &picks, tail).chars().collect();
        prop_assert_eq!(
            pinyin_exact(&key, &q),
            pinyin_tier(&key, &q) == Tier::Exact,
            "{} typed {:?}", name, q.iter().collect::<String>()
        );
    }
}

#[test]
fn exact_means_typed_whole_from_the_first_character() {
    let key = |text: &str| {
        let mut key = String::new();
        push_key(text, &mut key);
        key
    };
    let chars = |q: &str| q.chars().collect::<Vec<_>>();
    assert!(pinyin_exact(&key("周秀英"), &chars("zhouxiuying")));
    assert!(pinyin_exact(&key("周秀英"), &chars("周xiuying")));
    assert!(
        pinyin_exact(&key("长沙"), &chars("changsha")),
        "a rare reading, spelled"
    );
    assert!(!pinyin_exact(&key("周秀英"), &chars("zhouxiuy")), "a start");
    assert!(!pinyin_exact(&key("周秀英"), &chars("xiuying")), "a word");
    assert!(!pinyin_exact(&key("周秀英"), &chars("zxy")), "initials");
}
