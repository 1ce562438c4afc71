//! Is this customer or person already in the book? Matching keys (normalized e-mail, phone
//! digits, name with city) and merging (fill the blanks, add what is new, never overwrite).
//!
//! Companies match on name and city (a city left empty matches any; within one file the name
//! alone): a switchboard number or an info@ address is shared by branch offices, which are
//! different customers. People at one customer match on the name or any e-mail, not on phones:
//! colleagues share the office line. Individual customers match on the name (cities agreeing),
//! any e-mail, or their first (main) phone number.

use std::collections::HashMap;

mod likely;
mod merging;
pub use likely::{Likely, LikelyWhy, company_key};
#[cfg(test)]
use merging::add_notes;
pub use merging::{merge_contact, merge_customer};

use super::values;
use super::{Match, Place};
use crate::book::model::{ContactDraft, ContactId, CustomerDraft, CustomerId, CustomerKind};

/// Names compared: outer whitespace (and U+3000) trimmed, inner runs made one space, lowercased,
/// a courtesy title dropped (`Mr. Michael Chen` = `Michael Chen`, `王先生` = `王`).
pub fn name_key(name: &str) -> String {
    let key = name
        .split(|c: char| c.is_whitespace() || c == '\u{3000}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let titles = [
        "mr. ", "mrs. ", "ms. ", "dr. ", "mr ", "mrs ", "ms ", "dr ", "miss ",
    ];
    let key = titles
        .iter()
        .find_map(|t| key.strip_prefix(t).filter(|rest| !rest.is_empty()))
        .unwrap_or(&key);
    ["先生", "女士", "小姐"]
        .iter()
        .find_map(|t| key.strip_suffix(t).filter(|rest| !rest.is_empty()))
        .unwrap_or(key)
        .to_string()
}

/// Cities compared: as names, with a trailing 市 dropped (北京 = 北京市).
pub fn city_key(city: &str) -> String {
    let key = name_key(city);
    key.strip_suffix('市').map(str::to_string).unwrap_or(key)
}

pub fn email_key(email: &str) -> Option<String> {
    let key = email.trim().to_lowercase();
    key.contains('@').then_some(key)
}

/// Phone digits: the extension cut off, +86/0086 dropped (a Chinese landline gets its trunk 0
/// back, so `+86 10 6234 5678` = `010-62345678`). None for fewer than 6 digits.
pub fn phone_key(phone: &str) -> Option<String> {
    let lower = phone.to_lowercase();
    let cut = ["ext", "x", "转", "分机", "#", ";", ","]
        .iter()
        .filter_map(|m| lower.find(m))
        .min()
        .unwrap_or(lower.len());
    let mut digits: String = lower[..cut]
        .chars()
        .filter_map(|c| match c {
            '0'..='9' => Some(c),
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            _ => None,
        })
        .collect();
    let international = lower.trim_start().starts_with('+') || digits.starts_with("00");
    if digits.starts_with("00") {
        digits.drain(..2);
    }
    if international && digits.starts_with("86") && digits.len() >= 11 {
        digits.drain(..2);
        if !(digits.len() == 11 && digits.starts_with('1')) {
            digits.insert(0, '0');
        }
    }
    (digits.len() >= 6).then_some(digits)
}

/// Every key a customer is matched on (its name, company name, e-mails and phones), each
/// tagged with what it is: a book customer can be the twin of a new one only if they share
/// one, so an index of these narrows `Index::book_twin` to a few customers.
pub fn match_keys(name: &str, email: &str, phone: &str) -> Vec<String> {
    let keys = PersonKeys::new(name, "", email, phone);
    let mut out = vec![
        format!("n:{}", keys.name),
        format!("c:{}", company_key(name)),
    ];
    out.extend(keys.emails.iter().map(|e| format!("e:{e}")));
    out.extend(keys.phones.iter().map(|p| format!("p:{p}")));
    out.sort_unstable();
    out.dedup();
    out
}

/// What a person (or an individual customer) is known by.
#[derive(Debug, Clone, Default)]
struct PersonKeys {
    name: String,
    city: String,
    emails: Vec<String>,
    phones: Vec<String>,
}

impl PersonKeys {
    fn new(name: &str, city: &str, email: &str, phone: &str) -> Self {
        PersonKeys {
            name: name_key(name),
            city: city_key(city),
            emails: values::list(email).filter_map(email_key).collect(),
            phones: values::list(phone).filter_map(phone_key).collect(),
        }
    }

    /// The same person: `individual` customers also by city and main phone; people at one
    /// customer by name or e-mail only.
    fn same(&self, other: &PersonKeys, individual: bool) -> bool {
        let cities_agree =
            !individual || self.city.is_empty() || other.city.is_empty() || self.city == other.city;
        (!self.name.is_empty() && self.name == other.name && cities_agree)
            || self.emails.iter().any(|e| other.emails.contains(e))
            || (individual
                && !self.phones.is_empty()
                && self.phones.first() == other.phones.first())
    }
}

#[derive(Debug, Clone)]
struct CustomerEntry {
    id: CustomerId,
    /// Name and city as the book has them, to show with a likely duplicate.
    shown: String,
    person: bool,
    keys: PersonKeys,
    /// Created by this import, by the record at this place.
    origin: Option<Place>,
    /// Named by a record of this import already.
    seen: bool,
}

#[derive(Debug, Clone)]
struct ContactEntry {
    id: ContactId,
    keys: PersonKeys,
    origin: Option<Place>,
}

/// The book's customers and people, indexed for matching during one import.
#[derive(Debug, Default)]
pub struct Index {
    customers: Vec<CustomerEntry>,
    slot_of: HashMap<CustomerId, usize>,
    by_name: HashMap<String, Vec<usize>>,
    by_email: HashMap<String, Vec<usize>>,
    by_phone: HashMap<String, Vec<usize>>,
    /// Book customers by `company_key` and by every phone: for likely duplicates.
    by_company: HashMap<String, Vec<usize>>,
    by_any_phone: HashMap<String, Vec<usize>>,
    contacts: HashMap<CustomerId, Vec<ContactEntry>>,
}

fn shown(d: &CustomerDraft) -> String {
    match d.city.trim() {
        "" => d.name.trim().to_string(),
        city => format!("{} ({city})", d.name.trim()),
    }
}

fn is_person(d: &CustomerDraft) -> bool {
    d.kind == Some(CustomerKind::Person)
}

impl Index {
    /// Indexes a customer, or re-indexes it after a merge.
    pub fn put_customer(&mut self, id: CustomerId, d: &CustomerDraft, origin: Option<Place>) {
        let keys = PersonKeys::new(&d.name, &d.city, &d.email, &d.phone);
        let slot = match self.slot_of.get(&id).copied() {
            Some(i) => {
                let (origin, seen) = (self.customers[i].origin.or(origin), self.customers[i].seen);
                self.customers[i] = CustomerEntry {
                    id,
                    shown: shown(d),
                    person: is_person(d),
                    keys: keys.clone(),
                    origin,
                    seen,
                };
                i
            }
            None => {
                self.customers.push(CustomerEntry {
                    id,
                    shown: shown(d),
                    person: is_person(d),
                    keys: keys.clone(),
                    seen: origin.is_some(),
                    origin,
                });
                self.slot_of.insert(id, self.customers.len() - 1);
                self.customers.len() - 1
            }
        };
        let add = |map: &mut HashMap<String, Vec<usize>>, key: &String| {
            let list = map.entry(key.clone()).or_default();
            if !list.contains(&slot) {
                list.push(slot);
            }
        };
        add(&mut self.by_name, &keys.name);
        for e in &keys.emails {
            add(&mut self.by_email, e);
        }
        if let Some(p) = keys.phones.first() {
            add(&mut self.by_phone, p);
        }
        add(&mut self.by_company, &company_key(&d.name));
        for p in &keys.phones {
            add(&mut self.by_any_phone, p);
        }
    }

    /// Marks a customer as named by a record of this import: a later record of the same file
    /// with the same company name is the same customer, whatever city it gives.
    pub fn seen(&mut self, id: CustomerId) {
        if let Some(&slot) = self.slot_of.get(&id) {
            self.customers[slot].seen = true;
        }
    }

    /// Whether a record of this import named the customer already.
    pub fn was_seen(&self, id: CustomerId) -> bool {
        self.slot_of
            .get(&id)
            .is_some_and(|&slot| self.customers[slot].seen)
    }

    pub fn put_contact(
        &mut self,
        customer: CustomerId,
        id: ContactId,
        d: &ContactDraft,
        origin: Option<Place>,
    ) {
        let keys = PersonKeys::new(&d.name, "", &d.email, &d.phone);
        let list = self.contacts.entry(customer).or_default();
        match list.iter_mut().find(|c| c.id == id) {
            Some(c) => c.keys = keys,
            None => list.push(ContactEntry { id, keys, origin }),
        }
    }

    /// The customer `d` duplicates. With `only_book`, customers created by this import don't
    /// count (a fieldbook JSON export may hold two customers of the same name on purpose).
    pub fn find_customer(&self, d: &CustomerDraft, only_book: bool) -> Option<(CustomerId, Match)> {
        let keys = PersonKeys::new(&d.name, &d.city, &d.email, &d.phone);
        let person = is_person(d);
        let usable = |&&i: &&usize| {
            let c = &self.customers[i];
            c.person == person && !(only_book && c.origin.is_some())
        };
        let found = if person {
            let mut slots: Vec<usize> = keys
                .emails
                .iter()
                .filter_map(|e| self.by_email.get(e))
                .chain(keys.phones.first().and_then(|p| self.by_phone.get(p)))
                .chain(self.by_name.get(&keys.name))
                .flatten()
                .filter(usable)
                .copied()
                .collect();
            slots.sort_unstable();
            slots
                .into_iter()
                .find(|&i| keys.same(&self.customers[i].keys, true))
        } else {
            let same_name = self.by_name.get(&keys.name)?;
            let agree = |i: &&usize| {
                let city = &self.customers[**i].keys.city;
                keys.city.is_empty() || city.is_empty() || *city == keys.city
            };
            // An exact city first, then one left empty on either side; within one file the same
            // company name is the same customer whatever its rows say the city is (a ditto
            // mark, a district).
            same_name
                .iter()
                .filter(usable)
                .find(|i| self.customers[**i].keys.city == keys.city)
                .or_else(|| same_name.iter().filter(usable).find(agree))
                .or_else(|| {
                    same_name
                        .iter()
                        .filter(usable)
                        .find(|i| self.customers[**i].seen)
                })
                .copied()
        }?;
        let c = &self.customers[found];
        Some((
            c.id,
            c.origin.map_or(Match::Book(c.id.get()), Match::Earlier),
        ))
    }

    /// The person at `customer` that `d` duplicates.
    pub fn find_contact(
        &self,
        customer: CustomerId,
        d: &ContactDraft,
        only_book: bool,
    ) -> Option<(ContactId, Match)> {
        let keys = PersonKeys::new(&d.name, "", &d.email, &d.phone);
        let c = self
            .contacts
            .get(&customer)?
            .iter()
            .filter(|c| !(only_book && c.origin.is_some()))
            .find(|c| keys.same(&c.keys, false))?;
        Some((
            c.id,
            c.origin.map_or(Match::Book(c.id.get()), Match::Earlier),
        ))
    }
}

#[cfg(test)]
mod tests;
