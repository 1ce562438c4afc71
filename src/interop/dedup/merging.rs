//! Merging a record into one already in the book: fill the blanks, add what is new (phones,
//! e-mails, notes), never overwrite.

use super::{email_key, name_key, phone_key};
use crate::book::model::{ContactDraft, CustomerDraft};
use crate::interop::values;

fn fill(old: &mut String, new: &str) {
    if old.trim().is_empty() && !new.trim().is_empty() {
        *old = new.to_string();
    }
}

fn union(old: &mut String, new: &str, key: fn(&str) -> Option<String>) {
    values::push_all_unique(old, values::list(new), |s| {
        key(s).unwrap_or_else(|| name_key(s))
    });
}

/// Notes as compared: letters and digits only, so `喜欢喝茶，下次带龙井` is `喜欢喝茶\n下次带龙井`.
fn gist(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Notes another program already had: kept once; a longer version of them replaces them;
/// anything else is appended on its own line.
pub(super) fn add_notes(old: &mut String, new: &str) {
    let new = new.trim();
    let (old_gist, new_gist) = (gist(old), gist(new));
    if new.is_empty() || old_gist.contains(&new_gist) {
        return;
    }
    if new_gist.contains(&old_gist) {
        *old = new.to_string();
        return;
    }
    if !old.is_empty() {
        old.push('\n');
    }
    old.push_str(new);
}

fn wechat_key(id: &str) -> Option<String> {
    Some(id.trim().to_lowercase())
}

/// `old` with `new` merged in: empty fields filled, new phones, e-mails, WeChat ids and tags
/// added, notes appended when not already there. Nothing already in `old` is changed.
pub fn merge_customer(old: &CustomerDraft, new: &CustomerDraft) -> CustomerDraft {
    let mut m = old.clone();
    m.kind = m.kind.or(new.kind);
    fill(&mut m.industry, &new.industry);
    fill(&mut m.city, &new.city);
    fill(&mut m.address, &new.address);
    union(&mut m.phone, &new.phone, phone_key);
    union(&mut m.email, &new.email, email_key);
    union(&mut m.wechat, &new.wechat, wechat_key);
    fill(&mut m.website, &new.website);
    for tag in &new.tags {
        if !m.tags.iter().any(|t| name_key(t) == name_key(tag)) {
            m.tags.push(tag.clone());
        }
    }
    m.tier = m.tier.or(new.tier);
    m.stage = m.stage.or(new.stage);
    fill(&mut m.lead_source, &new.lead_source);
    m.birthday = merge_birthday(m.birthday, new.birthday);
    add_notes(&mut m.notes, &new.notes);
    m.cadence_days = m.cadence_days.or(new.cadence_days);
    m
}

pub fn merge_contact(old: &ContactDraft, new: &ContactDraft) -> ContactDraft {
    let mut m = old.clone();
    fill(&mut m.title, &new.title);
    union(&mut m.phone, &new.phone, phone_key);
    union(&mut m.email, &new.email, email_key);
    union(&mut m.wechat, &new.wechat, wechat_key);
    m.birthday = merge_birthday(m.birthday, new.birthday);
    add_notes(&mut m.notes, &new.notes);
    m
}

/// A known birthday stays; a yearless one gains the year when the day agrees.
fn merge_birthday(
    old: Option<crate::book::model::Birthday>,
    new: Option<crate::book::model::Birthday>,
) -> Option<crate::book::model::Birthday> {
    match (old, new) {
        (Some(o), Some(n)) if o.year.is_none() && (o.month, o.day) == (n.month, n.day) => Some(n),
        (Some(o), _) => Some(o),
        (None, n) => n,
    }
}
