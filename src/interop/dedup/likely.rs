//! Likely duplicates: a record that is probably a customer already in the book although the
//! strict rule (same name, cities agreeing) did not say so. Shown with the book's record, so a
//! person decides: merge (`--merge`), keep both (`--keep-both`), or skip (the default).

use serde::Serialize;

use super::{Index, PersonKeys};
use crate::book::model::{CustomerDraft, CustomerId};

/// Company names compared: case, punctuation and spaces ignored, legal forms dropped from the
/// end (`Northwind Pacific Trading Ltd.` = `NORTHWIND PACIFIC TRADING LIMITED`, `深圳市华南电子
/// 有限公司` = `深圳华南电子`).
pub fn company_key(name: &str) -> String {
    const FORMS: [&str; 22] = [
        "co",
        "company",
        "corp",
        "corporation",
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "llc",
        "plc",
        "pte",
        "pty",
        "sdn",
        "bhd",
        "gmbh",
        "ag",
        "sa",
        "srl",
        "bv",
        "kk",
        "group",
        "holdings",
    ];
    const CN_FORMS: [&str; 6] = [
        "股份有限公司",
        "有限责任公司",
        "有限公司",
        "集团",
        "公司",
        "市",
    ];
    let lower = name.to_lowercase();
    let mut words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    while words.len() > 1 && words.last().is_some_and(|w| FORMS.contains(w)) {
        words.pop();
    }
    let mut key = words.concat();
    while let Some(rest) = CN_FORMS
        .iter()
        .find_map(|f| key.strip_suffix(f).filter(|r| !r.is_empty()))
    {
        key = rest.to_string();
    }
    // A city written before the name with 市 (深圳市华南电子) is the same company as without.
    if let Some(at) = key.find('市').filter(|&at| at > 0 && at <= 4 * 3) {
        key.replace_range(at..at + '市'.len_utf8(), "");
    }
    key
}

/// Why a record is probably a book customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Likely {
    pub customer: CustomerId,
    /// The book's record, as its name and city.
    pub shown: String,
    /// Words-free, so `--json` gets it from the front end, which says it (in English there).
    #[serde(skip)]
    pub why: LikelyWhy,
}

/// What a likely duplicate shares with the book's record; the front ends say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LikelyWhy {
    SameName,
    SameEmail(String),
    SamePhone(String),
    /// The strict rule's match: the same name, e-mail or phone.
    SameKeys,
}

impl Index {
    /// The book customer `d` probably is when the strict rule found none: the same name once
    /// case, punctuation and legal forms are ignored (whatever the cities say), or a shared
    /// e-mail or phone number.
    pub fn likely_customer(&self, d: &CustomerDraft) -> Option<Likely> {
        let keys = PersonKeys::new(&d.name, &d.city, &d.email, &d.phone);
        let book = |slots: Option<&Vec<usize>>| -> Option<usize> {
            slots?
                .iter()
                .copied()
                .find(|&i| self.customers[i].origin.is_none())
        };
        let company = company_key(&d.name);
        let by_name = (company.chars().count() >= 2)
            .then(|| book(self.by_company.get(&company)))
            .flatten()
            .map(|i| (i, LikelyWhy::SameName));
        let by_email = || {
            keys.emails.iter().find_map(|e| {
                book(self.by_email.get(e)).map(|i| (i, LikelyWhy::SameEmail(e.clone())))
            })
        };
        let by_phone = || {
            keys.phones.iter().find_map(|p| {
                book(self.by_any_phone.get(p)).map(|i| (i, LikelyWhy::SamePhone(p.clone())))
            })
        };
        let (slot, why) = by_name.or_else(by_email).or_else(by_phone)?;
        let c = &self.customers[slot];
        Some(Likely {
            customer: c.id,
            shown: c.shown.clone(),
            why,
        })
    }

    /// The book customer `d` is, by the import's rule: the same (strict), else likely.
    pub fn book_twin(&self, d: &CustomerDraft) -> Option<Likely> {
        let Some((id, _)) = self.find_customer(d, true) else {
            return self.likely_customer(d);
        };
        let c = self.customers.iter().find(|c| c.id == id)?;
        Some(Likely {
            customer: id,
            shown: c.shown.clone(),
            why: LikelyWhy::SameKeys,
        })
    }
}
