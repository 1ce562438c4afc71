//! What the list shows of a match: the characters each word matched, and the person a row was
//! found by.

use super::CustomerSearch;
use super::keys::{fold, phones, push_digits};
use super::pinyin::{self, Reading, has_han};
use super::query::{Query, Word};
use super::scorer::Scorer;
use crate::book::model::CustomerRow;

impl CustomerSearch {
    /// Char indices (not byte offsets) of `text` that the words of `query` matched, for
    /// highlighting: a pinyin match lights the Chinese characters it stands for.
    pub fn highlights(&self, text: &str, query: &str) -> Vec<usize> {
        let query = Query::parse(query);
        let mut scorer = self
            .highlighter
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut lit: Vec<usize> = query
            .words
            .iter()
            .filter_map(|w| match w {
                Word::Text(w) => word_in(&mut scorer, text, w),
                Word::Number(_) => None,
            })
            .flatten()
            .collect();
        lit.sort_unstable();
        lit.dedup();
        lit
    }

    /// The person `row` was found by for `query`, if a word matched one of its people (name,
    /// phone, e-mail or WeChat id) and not the customer's own name: the one most words matched.
    pub fn matched_person<'r>(&self, row: &'r CustomerRow, query: &str) -> Option<&'r str> {
        let query = Query::parse(query);
        let mut scorer = self
            .highlighter
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let words: Vec<&Word> = query
            .words
            .iter()
            .filter(|w| match w {
                Word::Text(t) => word_in(&mut scorer, &row.name, t).is_none(),
                Word::Number(_) => true,
            })
            .collect();
        if words.is_empty() {
            return None;
        }
        let reach: Vec<&str> = row.reach.lines().skip(1).collect();
        let digits: Vec<String> = phones(row)
            .skip(1)
            .map(|p| {
                let mut d = String::new();
                push_digits(p, &mut d);
                d
            })
            .collect();
        row.people
            .lines()
            .enumerate()
            .map(|(i, name)| {
                let reach = fold(reach.get(i).copied().unwrap_or(""));
                let digits = digits.get(i).map_or("", String::as_str);
                let hits = words
                    .iter()
                    .filter(|w| match w {
                        Word::Text(t) => {
                            reach.contains(t.as_str()) || word_in(&mut scorer, name, t).is_some()
                        }
                        Word::Number(vs) => vs.iter().any(|v| digits.contains(v.as_str())),
                    })
                    .count();
                (hits, name)
            })
            .filter(|(hits, name)| *hits > 0 && !name.trim().is_empty())
            .max_by_key(|(hits, _)| *hits)
            .map(|(_, name)| name.trim())
    }
}

/// Char indices of `text` that folded word `w` matched, by its letters or its pinyin.
fn word_in(scorer: &mut Scorer, text: &str, w: &str) -> Option<Vec<usize>> {
    scorer.set_query(w);
    // Folding keeps one char for one, so the folded text's indices are the text's.
    let mut best = scorer.indices(&fold(text));
    if w.bytes().any(|b| b.is_ascii_alphabetic()) && has_han(text) {
        let mut key = String::new();
        pinyin::push_key(text, &mut key);
        let chars: Vec<char> = w.chars().collect();
        // As in `filter`: a rare reading counts only when nothing else matched.
        let take = match pinyin::matches(&key, &chars) {
            Some(Reading::Common) => true,
            Some(Reading::Rare) => best.is_none(),
            None => false,
        };
        if take
            && let Some(at) = pinyin::positions(&key, &chars)
            && let Some(score) = scorer.score(&key)
            && best.as_ref().is_none_or(|(b, _)| score > *b)
        {
            best = Some((score, at));
        }
    }
    best.map(|(_, at)| at)
}
