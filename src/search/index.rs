//! What the book's search index holds of a customer, and what it can narrow a query to, so a
//! command ranks a few candidates instead of the whole book. The index only narrows: every
//! customer a query can match is among its candidates, and they are ranked by the same pass as
//! the list's, so a command's answer is the list's own.
//!
//! A word with characters outside ASCII (Chinese, mostly) can only match a customer whose keys
//! hold each of them: a pinyin or fuzzy match skips characters but never invents one. Or a
//! customer in a city the word names in the other script (上海 for Shanghai). A number matches
//! only where its digits stand in a row. A Latin word narrows nothing: pinyin readings put most
//! letters in most rows.

use super::city::city_matches;
use super::fold::fold_char;
use super::keys::{phones_of, push_digits};
use super::query::{Query, Word};

/// The token that stands for `c` in the index: its code point in hex.
pub fn char_token(c: char) -> String {
    format!("{:x}", u32::from(c))
}

/// The distinct characters outside ASCII of `texts` once folded, as the search compares them.
pub fn chars_of(texts: &[&str]) -> Vec<char> {
    let mut chars: Vec<char> = texts
        .iter()
        .flat_map(|t| t.chars().map(fold_char))
        .filter(|c| !c.is_ascii())
        .collect();
    chars.sort_unstable();
    chars.dedup();
    chars
}

/// `chars_of` as index tokens.
pub fn indexed_chars(texts: &[&str]) -> String {
    chars_of(texts)
        .into_iter()
        .map(char_token)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The digits of every phone number of a customer (its own `phone`, its people's in `reach`),
/// each after a space, as the search compares them.
pub fn indexed_digits(phone: &str, reach: &str) -> String {
    let mut out = String::new();
    for number in phones_of(phone, reach) {
        push_digits(number, &mut out);
    }
    out
}

/// What one word of a query needs of a customer it can match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Need {
    /// Every one of these characters (folded, outside ASCII), unless the customer's city is
    /// one `word` names (`names_city`).
    Chars { chars: Vec<char>, word: String },
    /// One of these digit strings, within one of its numbers.
    Digits(Vec<String>),
    /// Nothing an index can tell.
    Anything,
}

/// What each word of `query` needs (filters need nothing here: they are checked on the rows).
pub fn needs(query: &str) -> Vec<Need> {
    Query::parse(query)
        .words
        .into_iter()
        .map(|w| match w {
            Word::Number(variants) => Need::Digits(variants),
            Word::Text(word) => {
                let mut chars: Vec<char> = word.chars().filter(|c| !c.is_ascii()).collect();
                chars.sort_unstable();
                chars.dedup();
                if chars.is_empty() {
                    Need::Anything
                } else {
                    Need::Chars { chars, word }
                }
            }
        })
        .collect()
}

/// Whether a customer in `city` matches folded `word` by its city, as the search decides.
pub fn names_city(city: &str, word: &str) -> bool {
    city_matches(city, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_characters_are_tokens_and_latin_words_narrow_nothing() {
        assert_eq!(
            indexed_chars(&["星河 Tech", "张伟\n李娜", "Ｃafé"]),
            {
                let mut want = vec!['星', '河', '张', '伟', '李', '娜'];
                want.sort_unstable();
                want.into_iter()
                    .map(char_token)
                    .collect::<Vec<_>>()
                    .join(" ")
            }
        );
        assert_eq!(
            needs("星河 zw 138-0013"),
            vec![
                Need::Chars {
                    chars: {
                        let mut c = vec!['星', '河'];
                        c.sort_unstable();
                        c
                    },
                    word: "星河".into()
                },
                Need::Anything,
                Need::Digits(vec!["1380013".into()]),
            ]
        );
        assert_eq!(needs("#vip tier:a"), vec![]);
    }

    #[test]
    fn digits_are_the_searchs_own() {
        assert_eq!(
            indexed_digits("010-6234 5678", "wx\n138 0013 8000\ta@b.c\tw\n12\t\t"),
            " 01062345678 13800138000"
        );
    }
}
