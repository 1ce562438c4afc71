//! What is due when: buckets, attention order and the short labels the panes show.
//! Pure functions of a date and `today`, so every test and snapshot is stable.

use std::cmp::Ordering;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};

use super::model::{CustomerId, CustomerRow};

/// Where a follow-up falls relative to today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bucket {
    Overdue,
    Today,
    NextSevenDays,
    Later,
}

impl Bucket {
    pub const ALL: [Bucket; 4] = [
        Bucket::Overdue,
        Bucket::Today,
        Bucket::NextSevenDays,
        Bucket::Later,
    ];

    /// A follow-up with a time of day is overdue once that time has passed, even today; one
    /// without is overdue from the next day. A customer row knows only the date: `None`.
    pub fn of(due: NaiveDate, time: Option<NaiveTime>, now: NaiveDateTime) -> Self {
        if time.is_some_and(|t| due.and_time(t) < now) {
            return Bucket::Overdue;
        }
        match (due - now.date()).num_days() {
            d if d < 0 => Bucket::Overdue,
            0 => Bucket::Today,
            1..=7 => Bucket::NextSevenDays,
            _ => Bucket::Later,
        }
    }
}

/// How long since the customer was last contacted, in the unit a person would say it: days
/// under two weeks, then weeks, months, years. The words are the interface's (`i18n::calendar`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Since {
    Never,
    /// A contact dated after today (a clock set wrong somewhere).
    Ahead,
    Today,
    Yesterday,
    Days(i64),
    Weeks(i64),
    Months(i64),
    Years(i64),
}

pub fn since(last: Option<NaiveDateTime>, today: NaiveDate) -> Since {
    let Some(last) = last else {
        return Since::Never;
    };
    match (today - last.date()).num_days() {
        d if d < 0 => Since::Ahead,
        0 => Since::Today,
        1 => Since::Yesterday,
        d if d < 14 => Since::Days(d),
        d if d < 70 => Since::Weeks(d / 7),
        d if d < 730 => Since::Months(d / 30),
        d => Since::Years(d / 365),
    }
}

/// When a follow-up is due, as the panes say it: days overdue, today, tomorrow, in a few days,
/// else the date (without its year when it is this year's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueDay {
    Overdue(i64),
    Today,
    Tomorrow,
    InDays(i64),
    ThisYear(NaiveDate),
    OtherYear(NaiveDate),
}

pub fn due_day(due: NaiveDate, today: NaiveDate) -> DueDay {
    match (due - today).num_days() {
        d if d < 0 => DueDay::Overdue(-d),
        0 => DueDay::Today,
        1 => DueDay::Tomorrow,
        d if d <= 14 => DueDay::InDays(d),
        _ if due.year() == today.year() => DueDay::ThisYear(due),
        _ => DueDay::OtherYear(due),
    }
}

/// [`due_day`] with the time of day when there is one. A timed follow-up of today whose time
/// has passed is overdue at that time; days overdue say how many, as an untimed one does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueAt {
    Day(DueDay),
    DayAt(DueDay, NaiveTime),
    OverdueAt(NaiveTime),
}

pub fn due_at(due: NaiveDate, time: Option<NaiveTime>, now: NaiveDateTime) -> DueAt {
    let day = due_day(due, now.date());
    match time {
        None => DueAt::Day(day),
        Some(_) if due < now.date() => DueAt::Day(day),
        Some(t) if due.and_time(t) < now => DueAt::OverdueAt(t),
        Some(t) => DueAt::DayAt(day, t),
    }
}

/// The order follow-ups are done in: by day, and within a day the ones with a time first, by
/// time (they are appointments), then the rest.
pub fn follow_up_order(
    due: NaiveDate,
    time: Option<NaiveTime>,
) -> (NaiveDate, bool, Option<NaiveTime>) {
    (due, time.is_none(), time)
}

/// Whole days since the last contact, if there was one.
pub fn days_since(last: Option<NaiveDateTime>, today: NaiveDate) -> Option<i64> {
    last.map(|l| (today - l.date()).num_days())
}

/// The order the customer list can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// Overdue first, then due today, then everyone else by next follow-up and silence.
    #[default]
    Attention,
    Name,
    LastContact,
}

impl SortOrder {
    pub fn next(self) -> Self {
        match self {
            SortOrder::Attention => SortOrder::Name,
            SortOrder::Name => SortOrder::LastContact,
            SortOrder::LastContact => SortOrder::Attention,
        }
    }
}

/// Compares two rows for `order`; ties fall back to name then id so the order is total. The
/// order of `sort_key`, without building the folded names.
pub fn compare(order: SortOrder, a: &CustomerRow, b: &CustomerRow, today: NaiveDate) -> Ordering {
    lead_key(order, a, today)
        .cmp(&lead_key(order, b, today))
        .then_with(|| name_order(&a.name, &b.name))
        .then(a.id.cmp(&b.id))
}

/// What `sort_key` orders by before the name.
pub fn lead_key(order: SortOrder, row: &CustomerRow, today: NaiveDate) -> AttentionKey {
    match order {
        SortOrder::Attention => attention_key(row, today),
        SortOrder::Name => (0, None, 0, None),
        // Longest silence first: that is who to call.
        SortOrder::LastContact => (0, None, 0, row.last_contact_at),
    }
}

/// `lead_key` as one number, never in the other order: a sort of 100,000 rows keeps 8 bytes
/// a row for it rather than 32 (2.4 MB less at the app's peak, which is that sort as the
/// whole book is installed). Two keys a number cannot tell apart (a date past the calendar a
/// `u32` of days holds, seconds within one another) give the same number: compare the keys
/// themselves then.
pub fn packed_lead_key(order: SortOrder, row: &CustomerRow, today: NaiveDate) -> u64 {
    // A key has one part that varies within its group: the day (overdue, today, upcoming),
    // the days going cold, or the last contact (none first). Days and contacts take the upper
    // half of the 61 bits below the group, cold days (and a key without any) the lower.
    const UPPER: u64 = 1 << 60;
    let (group, day, cold, contact) = lead_key(order, row, today);
    let value = match (day, contact) {
        (Some(day), _) => UPPER + (i64::from(day.num_days_from_ce()) - i64::from(i32::MIN)) as u64,
        (None, Some(at)) => UPPER + at.and_utc().timestamp().saturating_add(1 << 45) as u64,
        (None, None) => cold.saturating_add(1 << 59).clamp(0, UPPER as i64 - 1) as u64,
    };
    u64::from(group) << 61 | value
}

/// Two names in the order `sort_key` puts them.
pub fn name_order(a: &str, b: &str) -> Ordering {
    name_chars(a).cmp(name_chars(b))
}

/// The first eight bytes of a name as `sort_key` compares it, as a number in the same order
/// (a name that ends sooner is padded with zeros, below any letter): most names differ
/// there, so a sort compares numbers and reads the names only on a tie.
pub fn name_prefix(name: &str) -> u64 {
    let mut bytes = [0u8; 8];
    let mut at = 0;
    for c in name_chars(name) {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            if at == bytes.len() {
                return u64::from_be_bytes(bytes);
            }
            bytes[at] = b;
            at += 1;
        }
    }
    u64::from_be_bytes(bytes)
}

/// What a row sorts by, made once per row: sorting a big book with `sort_by_cached_key` costs
/// one key each instead of two folded names per comparison.
pub type SortKey = (AttentionKey, String, CustomerId);

pub fn sort_key(order: SortOrder, row: &CustomerRow, today: NaiveDate) -> SortKey {
    (
        lead_key(order, row, today),
        name_chars(&row.name).collect(),
        row.id,
    )
}

/// Names compare by their letters and digits, case folded: stray punctuation, spaces or
/// control characters at the front do not push a customer to the top of the list.
fn name_chars(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

/// Overdue (oldest first), due today, going cold (coldest first), upcoming by date, then
/// customers with nothing planned (longest silence first).
pub type AttentionKey = (u8, Option<NaiveDate>, i64, Option<NaiveDateTime>);

fn attention_key(row: &CustomerRow, today: NaiveDate) -> AttentionKey {
    match (row.next_follow_up_on, row.cold_by) {
        (Some(due), _) if due < today => (0, Some(due), 0, None),
        (Some(due), _) if due == today => (1, Some(due), 0, None),
        (_, Some(days)) => (2, None, -i64::from(days), None),
        (Some(due), None) => (3, Some(due), 0, None),
        (None, None) => (4, None, 0, row.last_contact_at),
    }
}

#[cfg(test)]
mod tests;
