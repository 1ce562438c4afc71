//! Reading the values other programs write: birthdays in a dozen spellings, phone numbers Excel
//! has mangled, multi-value cells, names in parts.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};

use crate::book::dates::DateOrder;
use crate::book::model::Birthday;

/// Several phones, e-mails or WeChat ids in one field are kept in order, joined by this.
pub const LIST_SEPARATOR: &str = ", ";

/// Full-width digits and punctuation to ASCII, as Chinese spreadsheets often hold them.
fn narrow(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '－' => '-',
            '／' => '/',
            '．' => '.',
            _ => c,
        })
        .collect()
}

fn birthday_of(year: Option<i32>, month: u32, day: u32) -> Option<Birthday> {
    // Apple's "no year" placeholder; 2024 is a leap year, so 02-29 stays a valid yearless date.
    let year = year.filter(|&y| y != 1604);
    NaiveDate::from_ymd_opt(year.unwrap_or(2024), month, day)?;
    Some(Birthday { year, month, day })
}

fn number(text: &str) -> Option<u32> {
    let text = text.trim();
    if text.is_empty() || text.len() > 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn full_year(text: &str) -> Option<i32> {
    let n = number(text)? as i32;
    match text.trim().len() {
        4 => Some(n),
        // 85 is 1985, 05 is 2005: birthdays are in the past.
        2 => Some(if n > chrono::Local::now().year() % 100 {
            1900 + n
        } else {
            2000 + n
        }),
        _ => None,
    }
}

/// Text that is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotADate;

/// Reads a birthday: `1985-06-20`, `1985/6/20`, `19850620`, `--04-15`, `--0415`, `04-15`,
/// `6/20/1985` (or day first per `order`), `1985年6月20日`, `4月15日`, `1604-04-15` (Apple's no
/// year). `Ok(None)` for empty and Outlook's `0/0/00`; `Err` for anything else.
pub fn birthday(text: &str, order: DateOrder) -> Result<Option<Birthday>, NotADate> {
    let text = narrow(text.trim());
    let text = text.as_str();
    if text.is_empty()
        || text
            .trim_matches(|c: char| matches!(c, '0' | '/' | '-' | '.'))
            .is_empty()
    {
        return Ok(None);
    }
    // A date-time: keep the date.
    let text = match text.split_once(['T', ' ']) {
        Some((date, rest)) if rest.contains(':') => date,
        _ => text,
    };
    if let Some(rest) = text.strip_suffix(['日', '号']) {
        let (year, rest) = match rest.split_once('年') {
            Some((y, r)) => (Some(full_year(y).ok_or(NotADate)?), r),
            None => (None, rest),
        };
        let (m, d) = rest.split_once('月').ok_or(NotADate)?;
        return birthday_of(year, number(m).ok_or(NotADate)?, number(d).ok_or(NotADate)?)
            .map(Some)
            .ok_or(NotADate);
    }
    if let Some(rest) = text.strip_prefix("--") {
        let (m, d) = match rest.split_once('-') {
            Some(md) => md,
            None if rest.len() == 4 && rest.is_char_boundary(2) => rest.split_at(2),
            None => return Err(NotADate),
        };
        return birthday_of(None, number(m).ok_or(NotADate)?, number(d).ok_or(NotADate)?)
            .map(Some)
            .ok_or(NotADate);
    }
    if text.len() == 8 && text.bytes().all(|b| b.is_ascii_digit()) {
        let (y, md) = text.split_at(4);
        let (m, d) = md.split_at(2);
        return birthday_of(
            Some(full_year(y).ok_or(NotADate)?),
            number(m).ok_or(NotADate)?,
            number(d).ok_or(NotADate)?,
        )
        .map(Some)
        .ok_or(NotADate);
    }
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    let found = match parts.as_slice() {
        [y, m, d] if y.trim().len() == 4 => birthday_of(
            Some(full_year(y).ok_or(NotADate)?),
            number(m).ok_or(NotADate)?,
            number(d).ok_or(NotADate)?,
        ),
        [a, b, y] => {
            let (a, b, year) = (
                number(a).ok_or(NotADate)?,
                number(b).ok_or(NotADate)?,
                full_year(y).ok_or(NotADate)?,
            );
            let (m, d) = if a > 12 || (order == DateOrder::DayMonth && b <= 12) {
                (b, a)
            } else {
                (a, b)
            };
            birthday_of(Some(year), m, d)
        }
        [a, b] => {
            let (a, b) = (number(a).ok_or(NotADate)?, number(b).ok_or(NotADate)?);
            let (m, d) = if a > 12 || (order == DateOrder::DayMonth && b <= 12) {
                (b, a)
            } else {
                (a, b)
            };
            birthday_of(None, m, d)
        }
        _ => None,
    };
    found.map(Some).ok_or(NotADate)
}

/// One phone number as it should be stored: `tel:` URIs unwrapped, `;ext=` spelled out. `Err`
/// when Excel has turned it into scientific notation (`1.37235E+10`): the digits are gone.
pub fn phone(raw: &str) -> Result<Option<String>, super::Problem> {
    let mut text = raw.trim();
    if let Some(rest) = super::text::strip_prefix_ignore_case(text, "tel:") {
        text = rest.trim();
    }
    if text.is_empty() {
        return Ok(None);
    }
    let t = text.to_ascii_uppercase();
    if let Some((mantissa, exp)) = t.split_once("E+")
        && !mantissa.is_empty()
        && mantissa.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && !exp.is_empty()
        && exp.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(super::Problem::DigitsLost {
            value: super::text::escaped_excerpt(text),
        });
    }
    Ok(Some(match text.split_once(";ext=") {
        Some((number, ext)) => format!("{number} ext. {ext}"),
        None => text.to_string(),
    }))
}

/// Splits a multi-value cell (`a ::: b` from Google, one per line, or `;`-separated lists).
pub fn split_many(cell: &str, also: &[char]) -> Vec<String> {
    cell.split(":::")
        .flat_map(|part| part.split(|c: char| c == '\n' || c == '\r' || also.contains(&c)))
        .map(|v| super::text::trim(v).to_string())
        .filter(|v| !v.is_empty())
        .collect()
}

/// Tags from a cell: split on commas (ASCII or full-width) when it has any, else on 、, `;` and
/// `|` (Outlook's categories, Chinese lists), and on ` ::: `; Google's and Apple's system
/// groups (`* myContacts`, `* starred`) left out.
pub fn tags(cell: &str) -> Vec<String> {
    let seps: &[char] = if cell.contains([',', '，']) {
        &[',', '，']
    } else {
        &['、', ';', '；', '|']
    };
    split_many(cell, seps)
        .into_iter()
        .filter(|t| !t.starts_with('*'))
        .collect()
}

/// Adds `item` to a `", "`-joined list unless `key` says it is already there.
pub fn push_unique(list: &mut String, item: &str, key: impl Fn(&str) -> String) {
    push_all_unique(list, [item], key);
}

/// Adds each of `items` to a `", "`-joined list unless `key` says it is already there: each
/// key computed once, so a card with 100,000 phones is read in one pass, not 100,000.
pub fn push_all_unique<'a>(
    list: &mut String,
    items: impl IntoIterator<Item = &'a str>,
    key: impl Fn(&str) -> String,
) {
    let mut seen: HashSet<String> = list
        .split(LIST_SEPARATOR)
        .map(|old| key(old.trim()))
        .collect();
    for item in items {
        let item = item.trim();
        if item.is_empty() || !seen.insert(key(item)) {
            continue;
        }
        if !list.is_empty() {
            list.push_str(LIST_SEPARATOR);
        }
        list.push_str(item);
    }
}

/// The items of a `", "`-joined list.
pub fn list(field: &str) -> impl Iterator<Item = &str> {
    field
        .split(LIST_SEPARATOR)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF
        | 0x20000..=0x2FA1F)
}

/// A display name from parts: Chinese (and Japanese, Korean) family+given with no space,
/// Latin given [middle] family.
pub fn join_name(family: &str, given: &str, middle: &str) -> String {
    let (family, given, middle) = (
        super::text::trim(family),
        super::text::trim(given),
        super::text::trim(middle),
    );
    if format!("{family}{given}").chars().any(is_cjk) {
        format!("{family}{given}{middle}")
    } else {
        [given, middle, family]
            .iter()
            .filter(|p| !p.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Appends lines to notes (`Label: value` for things the book has no field for), each unless
/// the notes already hold it. Lines are compared whole, through a set: searching the growing
/// notes for each line made many lines quadratic.
pub fn add_note_lines<'a>(notes: &mut String, lines: impl IntoIterator<Item = &'a str>) {
    let mut seen: HashSet<String> = notes.lines().map(str::to_string).collect();
    for line in lines {
        if line.trim().is_empty() || (!line.contains('\n') && !seen.insert(line.to_string())) {
            continue;
        }
        if line.contains('\n') && notes.contains(line) {
            continue;
        }
        if !notes.is_empty() && !notes.ends_with('\n') {
            notes.push('\n');
        }
        notes.push_str(line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(text: &str) -> String {
        match birthday(text, DateOrder::MonthDay) {
            Ok(Some(b)) => b.to_text(),
            Ok(None) => "none".into(),
            Err(NotADate) => "err".into(),
        }
    }

    #[test]
    fn birthdays_in_every_spelling() {
        for (text, want) in [
            ("1985-06-20", "1985-06-20"),
            ("1985/6/20", "1985-06-20"),
            ("19820917", "1982-09-17"),
            ("--04-15", "--04-15"),
            ("--0415", "--04-15"),
            ("04-15", "--04-15"),
            ("6/20/1985", "1985-06-20"),
            ("20/6/1985", "1985-06-20"),
            ("3/8/1972", "1972-03-08"),
            ("1985年6月20日", "1985-06-20"),
            ("1993年7月9日", "1993-07-09"),
            ("4月15日", "--04-15"),
            ("1604-04-15", "--04-15"),
            ("1985-06-20T00:00:00", "1985-06-20"),
            ("１９８５－０６－２０", "1985-06-20"),
            ("0/0/00", "none"),
            ("", "none"),
            ("约1980年", "err"),
            ("1985-02-30", "err"),
            ("--", "none"),
            ("--1", "err"),
            ("12345", "err"),
        ] {
            assert_eq!(b(text), want, "{text}");
        }
        assert_eq!(
            birthday("3/8/1972", DateOrder::DayMonth)
                .unwrap()
                .unwrap()
                .to_text(),
            "1972-08-03"
        );
    }

    #[test]
    fn phones_unwrapped_and_excel_damage_refused() {
        assert_eq!(
            phone("tel:+86-21-5888-1234;ext=8001").unwrap().unwrap(),
            "+86-21-5888-1234 ext. 8001"
        );
        assert_eq!(phone(" 139 1234 5678 ").unwrap().unwrap(), "139 1234 5678");
        assert!(phone("1.37235E+10").is_err());
        assert_eq!(phone("  ").unwrap(), None);
    }

    #[test]
    fn names_lists_and_tags() {
        assert_eq!(join_name("张", "伟", ""), "张伟");
        assert_eq!(join_name("Lim", "Sarah", "Hui Min"), "Sarah Hui Min Lim");
        assert_eq!(tags("* myContacts ::: * starred ::: 客户"), vec!["客户"]);
        assert_eq!(tags("重点客户、华北"), vec!["重点客户", "华北"]);
        assert_eq!(tags("客户;VIP"), vec!["客户", "VIP"]);
        assert_eq!(tags("a, b;c"), vec!["a", "b;c"]);
        let mut l = String::new();
        push_unique(&mut l, "a@x", |s| s.to_lowercase());
        push_unique(&mut l, "A@X", |s| s.to_lowercase());
        push_unique(&mut l, "b@x", |s| s.to_lowercase());
        assert_eq!(l, "a@x, b@x");
        assert_eq!(list(&l).collect::<Vec<_>>(), vec!["a@x", "b@x"]);
    }

    #[test]
    fn a_list_is_built_computing_each_key_once() {
        let calls = std::cell::Cell::new(0);
        let items: Vec<String> = (0..10_000).map(|i| format!("{}", i % 5_000)).collect();
        let mut list = String::new();
        push_all_unique(&mut list, items.iter().map(String::as_str), |s| {
            calls.set(calls.get() + 1);
            s.to_string()
        });
        assert_eq!(list.split(LIST_SEPARATOR).count(), 5_000);
        assert_eq!(calls.get(), 10_001, "one per item, one for the empty start");
        let mut notes = "Fax: 1".to_string();
        add_note_lines(&mut notes, ["Fax: 1", "Fax: 2", "Fax: 2", ""]);
        assert_eq!(notes, "Fax: 1\nFax: 2");
    }
}
