//! The things a customer book holds, as plain data.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::recurrence::Recurrence;
pub use super::row_text::{Interner, RowWays, SharedText, Text, Ways};

pub use super::ids::{ContactId, CustomerId, FollowUpId, InteractionId};

/// Declares a small closed vocabulary stored as text in the book.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The text stored in the book.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The word shown to a person.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            pub fn parse(text: &str) -> Option<Self> {
                let text = text.trim();
                Self::ALL.iter().copied().find(|v| {
                    v.as_str().eq_ignore_ascii_case(text) || v.label().eq_ignore_ascii_case(text)
                })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}
pub(crate) use vocabulary;

vocabulary!(
    /// How a contact happened.
    Channel {
        Visit => "visit", "visit";
        Call => "call", "call";
        WeChat => "wechat", "wechat";
        Email => "email", "email";
        Meeting => "meeting", "meeting";
        Message => "message", "message";
        Other => "other", "other";
    }
);

vocabulary!(
    /// Whether the account is a company or a single person.
    CustomerKind {
        Company => "company", "company";
        Person => "person", "person";
    }
);

vocabulary!(
    /// Value rank: A customers are the few that bring most of the revenue.
    Tier {
        A => "A", "A";
        B => "B", "B";
        C => "C", "C";
    }
);

vocabulary!(
    /// Where the customer is in its life with us.
    Stage {
        Prospect => "prospect", "prospect";
        New => "new", "new";
        Active => "active", "active";
        Repeat => "repeat", "repeat";
        AtRisk => "at_risk", "at risk";
        Lost => "lost", "lost";
    }
);

/// A birthday or yearly date, with or without the year (imports often lack it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Birthday {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

impl Birthday {
    /// Reads `YYYY-MM-DD`, `MM-DD` or `--MM-DD`.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let parts: Vec<&str> = text.trim_start_matches("--").split('-').collect();
        let (year, month, day) = match parts.as_slice() {
            [y, m, d] if y.len() == 4 => (Some(y.parse().ok()?), m.parse().ok()?, d.parse().ok()?),
            [m, d] => (None, m.parse().ok()?, d.parse().ok()?),
            _ => return None,
        };
        // 2024 is a leap year, so 02-29 is a valid yearless birthday.
        NaiveDate::from_ymd_opt(year.unwrap_or(2024), month, day)?;
        Some(Self { year, month, day })
    }

    pub fn to_text(self) -> String {
        match self.year {
            Some(y) => format!("{y:04}-{:02}-{:02}", self.month, self.day),
            None => format!("--{:02}-{:02}", self.month, self.day),
        }
    }
}

/// Tags as typed: comma separated (ASCII or full-width comma), trimmed, empties dropped.
pub fn split_tags(text: &str) -> Vec<String> {
    text.split([',', '，'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect()
}

/// A birthday in the book: the customer, its name, the person (None for the customer itself).
pub type BirthdayOf = (CustomerId, String, Option<String>, Birthday);

/// Everything a person types about a customer; what add and edit forms produce.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerDraft {
    pub name: String,
    pub kind: Option<CustomerKind>,
    pub industry: String,
    pub city: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub wechat: String,
    pub website: String,
    pub tags: Vec<String>,
    pub tier: Option<Tier>,
    pub stage: Option<Stage>,
    pub lead_source: String,
    pub birthday: Option<Birthday>,
    pub notes: String,
    pub cadence_days: Option<u32>,
}

/// A customer as stored, with the roll-ups the book keeps for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    pub id: CustomerId,
    pub draft: CustomerDraft,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub archived: bool,
    pub last_contact_at: Option<NaiveDateTime>,
    pub next_follow_up_on: Option<NaiveDate>,
}

/// One line of the customer list: just what the list shows and searches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CustomerRow {
    pub id: CustomerId,
    pub name: Text,
    pub city: SharedText,
    /// Read from the book, the hand-set tier; `services::customer_list::finish_rows` makes it the effective
    /// one (hand-set, else computed from revenue).
    pub tier: Option<Tier>,
    /// The tier was set by hand rather than computed.
    pub tier_by_hand: bool,
    pub tags: SharedText,
    /// Phone, e-mail and the other ways to reach the customer and its people, searched.
    #[serde(flatten)]
    pub ways: RowWays,
    /// Names of the people at the customer, one a line (searched, and shown when a search
    /// found the customer by one of them).
    pub people: Text,
    /// The customer's own stay-in-touch cadence; the tier default applies when unset.
    pub cadence_days: Option<u32>,
    pub created_at: NaiveDateTime,
    pub last_contact_at: Option<NaiveDateTime>,
    pub next_follow_up_on: Option<NaiveDate>,
    /// Days past the stay-in-touch cadence ("going cold"). The book does not know the tier
    /// defaults from the config, so `care::mark_cold` fills this in after reading. An `i32`
    /// (days either way of a date chrono holds fit): the row is 128 bytes rather than 136.
    pub cold_by: Option<i32>,
}

// The app holds one per customer: 100,000 of them are 12.8 MB.
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<CustomerRow>() == 128);

impl CustomerRow {
    /// Gives the row's city and tags the copy other rows already hold (a few dozen cities and
    /// a few thousand sets of tags among 100,000 customers).
    pub fn share_repeated(&mut self, interner: &mut Interner) {
        // Clones bump a count; taking would leave a default behind, an allocation of its own.
        self.city = interner.shared(self.city.clone());
        self.tags = interner.shared(self.tags.clone());
    }
}

/// Where a test row sits in the list: see `CustomerRow::placed`.
#[cfg(test)]
pub type Placing = (Option<i64>, Option<i32>, Option<(i64, u32, u32)>);

#[cfg(test)]
impl CustomerRow {
    /// A plain row for tests: named, created on 2026-01-01, nothing else set.
    pub fn named(id: i64, name: &str) -> CustomerRow {
        CustomerRow {
            id: CustomerId(id),
            name: name.into(),
            city: Default::default(),
            tier: None,
            tier_by_hand: false,
            tags: Default::default(),
            ways: Default::default(),
            people: Default::default(),
            cadence_days: None,
            created_at: "2026-01-01T00:00:00".parse().expect("a date"),
            last_contact_at: None,
            next_follow_up_on: None,
            cold_by: None,
        }
    }

    /// A row for tests of the list's order: its next follow-up `next` days from `today`,
    /// going cold by `cold` days, its last contact `(days, seconds, nanoseconds)` after the
    /// start of `today`.
    pub fn placed(
        id: i64,
        name: &str,
        today: NaiveDate,
        (next, cold, last): Placing,
    ) -> CustomerRow {
        let start = today.and_hms_opt(0, 0, 0).expect("midnight");
        CustomerRow {
            next_follow_up_on: next.map(|n| today + chrono::Duration::days(n)),
            cold_by: cold,
            last_contact_at: last.map(|(days, secs, nanos)| {
                start
                    + chrono::Duration::days(days)
                    + chrono::Duration::seconds(secs.into())
                    + chrono::Duration::nanoseconds(nanos.into())
            }),
            ..CustomerRow::named(id, name)
        }
    }
}

/// `CustomerRow::share_repeated` for every row.
pub fn share_repeated(rows: &mut [CustomerRow]) {
    let mut interner = Interner::default();
    for row in rows {
        row.share_repeated(&mut interner);
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactDraft {
    pub name: String,
    pub title: String,
    pub phone: String,
    pub email: String,
    pub wechat: String,
    pub birthday: Option<Birthday>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub id: ContactId,
    pub customer_id: CustomerId,
    pub draft: ContactDraft,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InteractionDraft {
    pub customer_id: CustomerId,
    pub contact_id: Option<ContactId>,
    pub at: NaiveDateTime,
    pub channel: Channel,
    pub summary: String,
    /// How it went: an outcome key from the config (no_answer, quote_sent, ...).
    pub outcome: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interaction {
    pub id: InteractionId,
    pub draft: InteractionDraft,
    /// The name of the person spoken with, when one was recorded.
    pub contact_name: Option<String>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpDraft {
    pub customer_id: CustomerId,
    pub due_on: NaiveDate,
    pub due_time: Option<NaiveTime>,
    /// `Text`: the app holds every open follow-up, and most tasks fit in place.
    pub task: Text,
    /// Completing a repeating follow-up creates the next one.
    pub repeat: Option<Recurrence>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub id: FollowUpId,
    pub draft: FollowUpDraft,
    pub interaction_id: Option<InteractionId>,
    pub customer_name: Text,
    pub done_at: Option<NaiveDateTime>,
}

/// The reason kept with a tier or stage set by hand: trimmed, and none for what is not set.
pub fn kept_reason<T>(set_by_hand: Option<T>, why: &str) -> &str {
    if set_by_hand.is_some() {
        why.trim()
    } else {
        ""
    }
}

/// A hand-set tier or stage and why ("potential: new plant opening").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Overrides {
    pub tier: Option<Tier>,
    pub tier_reason: String,
    pub stage: Option<Stage>,
    pub stage_reason: String,
}

/// One search hit: a contact that was logged, or a customer's notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteHit {
    pub customer_id: CustomerId,
    pub customer_name: String,
    /// The interaction found, or `None` when the hit is in the customer's or a person's notes.
    pub interaction_id: Option<InteractionId>,
    /// The person whose notes matched (`None`: the customer's own notes, or a contact logged).
    pub person: Option<String>,
    /// That person's id, to open the customer at them.
    pub contact_id: Option<ContactId>,
    pub at: Option<NaiveDateTime>,
    pub channel: Option<Channel>,
    /// The summary or notes, whole; the screen cuts it.
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn birthdays_with_and_without_year() {
        let b = Birthday::parse("1985-06-20").unwrap();
        assert_eq!((b.year, b.month, b.day), (Some(1985), 6, 20));
        assert_eq!(b.to_text(), "1985-06-20");
        let b = Birthday::parse("--04-15").unwrap();
        assert_eq!((b.year, b.month, b.day), (None, 4, 15));
        assert_eq!(b.to_text(), "--04-15");
        assert_eq!(Birthday::parse("02-29").unwrap().to_text(), "--02-29");
        assert_eq!(Birthday::parse("1985-02-30"), None);
        assert_eq!(Birthday::parse("13-01"), None);
        assert_eq!(Birthday::parse("soon"), None);
    }

    #[test]
    fn reasons_are_kept_only_for_what_is_set_by_hand() {
        assert_eq!(kept_reason(Some(Tier::A), " new plant "), "new plant");
        assert_eq!(kept_reason(None::<Tier>, "new plant"), "");
    }

    #[test]
    fn vocabularies_read_their_own_text_and_labels() {
        for c in Channel::ALL {
            assert_eq!(Channel::parse(c.as_str()), Some(*c));
        }
        assert_eq!(Stage::parse("at risk"), Some(Stage::AtRisk));
        assert_eq!(Stage::parse("AT_RISK"), Some(Stage::AtRisk));
        assert_eq!(Tier::parse("b"), Some(Tier::B));
        assert_eq!(Tier::parse("D"), None);
    }
}
