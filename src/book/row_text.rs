//! Text held by the hundred thousand rows of a list: exactly as long as it is (a `String`
//! carries a capacity it never uses again), and, where many rows say the same (a city, a set
//! of tags), one copy for all of them.

use std::collections::HashSet;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Declares a read-only text type over `$inner` that reads as a `str`.
macro_rules! text_type {
    ($(#[$meta:meta])* $name:ident($inner:ty), $from_str:expr, $from_string:expr) => {
        $(#[$meta])*
        #[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name($inner);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(text: &str) -> Self {
                Self($from_str(text))
            }
        }

        impl From<String> for $name {
            fn from(text: String) -> Self {
                Self($from_string(text))
            }
        }

        impl From<$name> for String {
            fn from(text: $name) -> String {
                text.as_str().to_string()
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.as_str() == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == &**other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                self.as_str() == &**other
            }
        }

        impl PartialEq<$name> for str {
            fn eq(&self, other: &$name) -> bool {
                self == other.as_str()
            }
        }

        impl PartialEq<$name> for &str {
            fn eq(&self, other: &$name) -> bool {
                &**self == other.as_str()
            }
        }

        impl PartialEq<$name> for String {
            fn eq(&self, other: &$name) -> bool {
                &**self == other.as_str()
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(self.as_str(), f)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(self.as_str(), f)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                String::deserialize(d).map(Self::from)
            }
        }
    };
}

text_type!(
    /// A row's own text (a name, its people): up to 24 bytes held in place, no allocation;
    /// a longer text gets one of its exact length. Most people's names and many customers'
    /// fit, and a small allocation costs 32-48 bytes with malloc's header and rounding.
    Text(compact_str::CompactString),
    compact_str::CompactString::from,
    |mut text: String| {
        // A long text may keep the `String`'s buffer: not its spare capacity.
        text.shrink_to_fit();
        compact_str::CompactString::from(text)
    }
);

text_type!(
    /// Text many rows share (a city, a set of tags): `Interner::shared` gives equal texts one
    /// allocation. 8 bytes in a row: a pointer to the shared box, where an `Arc<str>` would
    /// carry the length too, twice per row (city and tags).
    SharedText(Arc<Box<str>>),
    |text: &str| Arc::new(Box::from(text)),
    |text: String| Arc::new(text.into_boxed_str())
);

/// How a customer is reached: searched, and shown only by `find`, so a list keeps them in its
/// search keys alone (see `customer_list::keep_listed`) and a listed row holds 8 bytes for
/// them, not 48.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Ways {
    pub phone: Text,
    pub email: Text,
    /// The customer's WeChat id on the first line, then one line per person of the row's
    /// `people` (same order): phone, e-mail and WeChat id, tab separated.
    #[serde(skip)]
    pub reach: Text,
}

/// A row's `Ways`, or none: read as empty ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowWays(Option<Box<Ways>>);

impl RowWays {
    pub fn new(phone: Text, email: Text, reach: Text) -> Self {
        match phone.is_empty() && email.is_empty() && reach.is_empty() {
            true => Self(None),
            false => Self(Some(Box::new(Ways {
                phone,
                email,
                reach,
            }))),
        }
    }

    /// The ways to change, made when the row had none.
    pub fn make_mut(&mut self) -> &mut Ways {
        self.0.get_or_insert_with(Box::default)
    }
}

impl Deref for RowWays {
    type Target = Ways;
    fn deref(&self) -> &Ways {
        static NONE: std::sync::LazyLock<Ways> = std::sync::LazyLock::new(Ways::default);
        self.0.as_deref().unwrap_or(&NONE)
    }
}

impl Serialize for RowWays {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(s)
    }
}

/// Gives equal texts one `SharedText`, while a list is read.
#[derive(Default)]
pub struct Interner {
    seen: HashSet<SharedText>,
}

impl Interner {
    /// `text`, or the equal one already seen.
    pub fn shared(&mut self, text: SharedText) -> SharedText {
        match self.seen.get(text.as_str()) {
            Some(seen) => seen.clone(),
            None => {
                self.seen.insert(text.clone());
                text
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_read_compare_and_print_as_their_str() {
        let t = Text::from("星河 Tech");
        assert_eq!(t, "星河 Tech");
        assert_eq!(t.chars().count(), 7);
        assert_eq!(format!("{t}|{t:?}"), "星河 Tech|\"星河 Tech\"");
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"星河 Tech\"");
        let back: Text = serde_json::from_str("\"星河 Tech\"").unwrap();
        assert_eq!(back, t);
        assert!(Text::default().is_empty());
        // 24 bytes (eight Chinese characters) in place; one more and it is allocated.
        let name = Text::from("星河科技有限公司");
        assert!(!name.0.is_heap_allocated());
        let mut long = String::with_capacity(256);
        long.push_str(&format!("{name}!"));
        let long = Text::from(long);
        assert!(long.0.is_heap_allocated());
        assert_eq!(long.0.capacity(), long.len(), "no spare capacity kept");
    }

    #[test]
    fn an_interner_gives_equal_texts_one_copy() {
        let mut interner = Interner::default();
        let a = interner.shared(SharedText::from("武汉"));
        let b = interner.shared(SharedText::from(String::from("武汉")));
        let c = interner.shared(SharedText::from("杭州"));
        assert!(Arc::ptr_eq(&a.0, &b.0));
        assert_eq!(std::mem::size_of::<SharedText>(), 8, "one pointer in a row");
        assert!(!Arc::ptr_eq(&a.0, &c.0));
        assert_eq!(b, "武汉");
    }

    #[test]
    fn ways_none_read_as_empty_and_hold_no_allocation() {
        let none = RowWays::new(Text::default(), Text::default(), Text::default());
        assert!(none.0.is_none());
        assert_eq!((&*none.phone, &*none.email, &*none.reach), ("", "", ""));
        let mut some = RowWays::new("138".into(), Text::default(), Text::default());
        assert_eq!(&*some.phone, "138");
        some.make_mut().email = "a@b.c".into();
        assert_eq!(
            serde_json::to_string(&some).unwrap(),
            r#"{"phone":"138","email":"a@b.c"}"#
        );
        let mut made = RowWays::default();
        made.make_mut().reach = "wx".into();
        assert_eq!((&*made.phone, &*made.reach), ("", "wx"));
        assert_eq!(std::mem::size_of::<RowWays>(), 8);
    }
}
