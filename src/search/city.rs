//! Cities in either script: a salesperson writes 上海 one day and Shanghai the next, and
//! remembers either. `city:上海`, `city:shanghai`, `city:sh` (and the same words typed as plain
//! text) all find both.

use super::fold::{fold, fold_char};
use super::pinyin::readings;

/// Cities whose English name is not their pinyin, with that name as `latin` folds it.
const ENGLISH: [(&str, &str); 8] = [
    ("香港", "hongkong"),
    ("澳门", "macau"),
    ("澳门", "macao"),
    ("九龙", "kowloon"),
    ("湾仔", "wanchai"),
    ("台北", "taipei"),
    ("高雄", "kaohsiung"),
    ("厦门", "amoy"),
];

/// A Latin name's letters and digits only: `Xi'an` and `Hong Kong` as `xian`, `hongkong`.
fn latin(text: &str) -> String {
    text.chars()
        .map(fold_char)
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// Whether `city` matches the folded `value`: it holds the value as written, starts with it
/// in pinyin, or is written in the other script (上海 and Shanghai, 香港 and Hong Kong).
pub fn city_matches(city: &str, folded_value: &str) -> bool {
    if folded_value.is_empty() {
        return false;
    }
    if fold(city).contains(folded_value) {
        return true;
    }
    if folded_value.is_ascii() {
        let value = latin(folded_value);
        let english = ENGLISH
            .iter()
            .any(|(han, en)| city.contains(han) && en.starts_with(&value));
        return (!value.is_empty() && latin(city).contains(&value))
            || english
            || in_pinyin(city, &value);
    }
    let city_latin = latin(city);
    if city_latin.is_empty() {
        return false;
    }
    ENGLISH
        .iter()
        .any(|(han, en)| folded_value.contains(han) && city_latin.starts_with(en))
        || spelled_in_pinyin(&city_latin, folded_value)
}

/// Whether a Latin city name starts with the pinyin of the Chinese `value` (any reading).
fn spelled_in_pinyin(city_latin: &str, value: &str) -> bool {
    let city = city_latin.as_bytes();
    let mut reach = vec![false; city.len() + 1];
    reach[0] = true;
    for c in value.chars() {
        let mut next = vec![false; city.len() + 1];
        let readings = readings(c);
        for pos in (0..city.len()).filter(|&p| reach[p]) {
            if readings.is_empty() {
                next[pos + 1] |= char::from(city[pos]) == fold_char(c);
                continue;
            }
            for r in readings
                .iter()
                .filter(|r| city[pos..].starts_with(r.as_bytes()))
            {
                next[pos + r.len()] = true;
            }
        }
        reach = next;
    }
    reach.iter().any(|&r| r)
}

/// Whether a Chinese city starts with the folded Latin value in pinyin, each character typed
/// as a whole reading or the start of one (`sh`, `shangh`, `shanghai`, and `chongqing` for 重庆
/// although 重 is mostly read zhòng).
fn in_pinyin(city: &str, folded_value: &str) -> bool {
    let value = folded_value.as_bytes();
    // Positions in `value` reachable after matching the city's first k characters.
    let mut reach = vec![false; value.len() + 1];
    reach[0] = true;
    for c in city.chars() {
        let mut next = vec![false; value.len() + 1];
        let readings = readings(c);
        for pos in (0..value.len()).filter(|&p| reach[p]) {
            if readings.is_empty() {
                let f = fold_char(c);
                if f.is_ascii() && value[pos] == f as u8 {
                    next[pos + 1] = true;
                }
                continue;
            }
            for reading in readings.iter() {
                let common = reading
                    .bytes()
                    .zip(&value[pos..])
                    .take_while(|(a, b)| a == *b)
                    .count();
                for l in 1..=common {
                    next[pos + l] = true;
                }
            }
        }
        if next[value.len()] {
            return true;
        }
        reach = next;
    }
    false
}
