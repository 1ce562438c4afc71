//! Finding customers by what a person remembers: part of a name, a person there, a city, a tag,
//! a phone number or an email. The TUI filter and the CLI use the same matcher.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::book::model::CustomerRow;

/// A fuzzy matcher over customer rows. Smart case: a lowercase query ignores case.
pub struct CustomerSearch {
    matcher: SkimMatcherV2,
}

impl Default for CustomerSearch {
    fn default() -> Self {
        Self {
            matcher: SkimMatcherV2::default().smart_case(),
        }
    }
}

/// Everything about a customer that the filter looks at, name first so name matches win.
pub fn haystack(row: &CustomerRow) -> String {
    [
        row.name.as_str(),
        &row.people,
        &row.city,
        &row.tags,
        &row.phone,
        &row.email,
    ]
    .iter()
    .filter(|s| !s.is_empty())
    .copied()
    .collect::<Vec<_>>()
    .join(" ")
}

impl CustomerSearch {
    /// Indices of the rows that match `query`, best first (ties keep the input order).
    pub fn filter(&self, rows: &[CustomerRow], order: &[usize], query: &str) -> Vec<usize> {
        let query = query.trim();
        if query.is_empty() {
            return order.to_vec();
        }
        let mut scored: Vec<(i64, usize, usize)> = order
            .iter()
            .enumerate()
            .filter_map(|(rank, &i)| {
                let name_score = self.matcher.fuzzy_match(&rows[i].name, query);
                // A hit on the name outranks the same hit elsewhere.
                let score = match name_score {
                    Some(s) => Some(s + 1_000),
                    None => self.matcher.fuzzy_match(&haystack(&rows[i]), query),
                };
                score.map(|s| (s, rank, i))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.into_iter().map(|(_, _, i)| i).collect()
    }

    /// Char indices (not byte offsets) of `text` that `query` matched, for highlighting.
    pub fn highlights(&self, text: &str, query: &str) -> Vec<usize> {
        let query = query.trim();
        if query.is_empty() {
            return Vec::new();
        }
        self.matcher
            .fuzzy_indices(text, query)
            .map(|(_, idx)| idx)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, name: &str, people: &str, city: &str) -> CustomerRow {
        CustomerRow {
            id,
            name: name.into(),
            city: city.into(),
            tier: None,
            tags: "vip".into(),
            phone: "138 0013 8000".into(),
            email: String::new(),
            people: people.into(),
            cadence_days: None,
            created_at: "2026-01-01T00:00:00".parse().unwrap(),
            last_contact_at: None,
            next_follow_up_on: None,
            cold_by: None,
        }
    }

    #[test]
    fn finds_by_name_person_city_and_phone() {
        let rows = vec![
            row(1, "北京星河科技有限公司", "张伟", "北京"),
            row(2, "Northwind Pacific Trading", "Michael Chen", "Hong Kong"),
            row(3, "上海浦江贸易有限公司", "王芳", "上海"),
        ];
        let all: Vec<usize> = (0..rows.len()).collect();
        let s = CustomerSearch::default();
        assert_eq!(s.filter(&rows, &all, "星河"), vec![0]);
        assert_eq!(s.filter(&rows, &all, "王芳"), vec![2]);
        assert_eq!(s.filter(&rows, &all, "northwind"), vec![1]);
        assert_eq!(s.filter(&rows, &all, "michael"), vec![1]);
        assert_eq!(s.filter(&rows, &all, "hong kong"), vec![1]);
        assert_eq!(s.filter(&rows, &all, "").len(), 3);
        assert!(s.filter(&rows, &all, "zzzzq").is_empty());
    }

    #[test]
    fn highlights_are_char_indices() {
        let s = CustomerSearch::default();
        assert_eq!(s.highlights("北京星河科技", "星河"), vec![2, 3]);
        assert_eq!(s.highlights("Northwind", "nw"), vec![0, 5]);
    }
}
