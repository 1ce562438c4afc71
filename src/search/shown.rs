//! What the list shows of a match: the characters each word matched, and the person a row was
//! found by.

use super::CustomerSearch;
use super::fold::fold;
use super::keys::{self, push_digits};
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
        let reach: Vec<&str> = row.ways.reach.lines().skip(1).collect();
        self.person_found_by(row, &reach, query)
    }

    /// `matched_person` for row `i` of the rows the keys were built from, read from the keys:
    /// for a list that no longer keeps its rows' phones, e-mails and WeChat ids once they are
    /// in the keys (see `customer_list::keep_listed`).
    pub fn matched_person_at<'r>(
        &self,
        i: usize,
        row: &'r CustomerRow,
        query: &str,
    ) -> Option<&'r str> {
        let reach: Vec<&str> = self.keys.people_reach(&keys::fields(row), i).collect();
        self.person_found_by(row, &reach, query)
    }

    /// `reach`: each person's phone, e-mail and WeChat id (tab separated, folded or not), in
    /// the order of `row.people`.
    fn person_found_by<'r>(
        &self,
        row: &'r CustomerRow,
        reach: &[&str],
        query: &str,
    ) -> Option<&'r str> {
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
        let digits: Vec<String> = reach
            .iter()
            .map(|line| {
                let mut d = String::new();
                push_digits(line.split('\t').next().unwrap_or(""), &mut d);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::book::model::{CustomerId, RowWays};

    #[test]
    fn the_person_found_by_is_the_same_read_from_the_keys_as_from_the_row() {
        let row = CustomerRow {
            id: CustomerId(1),
            name: "北京星河科技有限公司".into(),
            city: "北京".into(),
            tier: None,
            tier_by_hand: false,
            tags: Default::default(),
            ways: RowWays::new(
                "010-6552 0000".into(),
                "info@xinghe.cn".into(),
                "xinghe_official\n138 0013 8000\tzw@xinghe.cn\tzhangwei_xh\n\t\tLN2020\n\
                 +86 139-0000-1234\tChloe@Example.com\t"
                    .into(),
            ),
            people: "张伟\n李娜\nChloé Martin".into(),
            cadence_days: None,
            created_at: "2026-01-01T00:00:00".parse().unwrap(),
            last_contact_at: None,
            next_follow_up_on: None,
            cold_by: None,
        };
        let search = CustomerSearch::new(std::slice::from_ref(&row));
        let mut listed = row.clone();
        crate::services::customer_list::keep_listed(std::slice::from_mut(&mut listed));
        assert!(listed.ways.reach.is_empty() && listed.ways.phone.is_empty());
        for (query, person) in [
            ("8000", Some("张伟")),
            ("zhangwei_xh", Some("张伟")),
            ("ln2020", Some("李娜")),
            ("chloe@example", Some("Chloé Martin")),
            ("13900001234", Some("Chloé Martin")),
            ("zw", Some("张伟")),
            ("6552", None),
            ("星河", None),
        ] {
            assert_eq!(search.matched_person(&row, query), person, "{query}");
            assert_eq!(
                search.matched_person_at(0, &listed, query),
                person,
                "{query}"
            );
        }
    }
}
