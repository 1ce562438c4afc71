//! The book's row ids, one distinct type per kind of row, so a follow-up's id cannot be handed to
//! something that wants a customer's:
//!
//! ```compile_fail,E0308
//! use fieldbook::book::ids::{CustomerId, FollowUpId};
//! fn open_account(_customer: CustomerId) {}
//! open_account(FollowUpId(7));
//! ```
//!
//! while the customer's own id goes through:
//!
//! ```
//! use fieldbook::book::ids::CustomerId;
//! fn open_account(_customer: CustomerId) {}
//! open_account(CustomerId(7));
//! ```
//!
//! Each prints, serialises and parses as the bare number, so text and JSON output look exactly as
//! they did when ids were plain integers.

use std::fmt;
use std::num::ParseIntError;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Declares one id type: a transparent wrapper around the row's integer key.
macro_rules! row_id {
    ($($(#[$meta:meta])* $name:ident;)+) => {$(
        $(#[$meta])*
        ///
        /// The default, 0, is no row (SQLite numbers rows from 1); it lets a request be
        /// written as `..Default::default()` before its id is filled in.
        #[derive(
            Debug, Default, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl $name {
            /// The bare row key, for the few places that need a number (SQL text, arithmetic).
            pub const fn get(self) -> i64 {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }

        impl FromStr for $name {
            type Err = ParseIntError;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                text.parse().map($name)
            }
        }
    )+};
}

row_id! {
    /// A customer (a company or a person the salesperson sells to).
    CustomerId;
    /// One of a customer's people.
    ContactId;
    /// A logged call, visit or message.
    InteractionId;
    /// Something to do for a customer by a date.
    FollowUpId;
    /// A won order or an open opportunity.
    DealId;
    /// A complaint a customer raised.
    ComplaintId;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_prints_and_serialises_as_the_bare_number() {
        let id = CustomerId(45);
        assert_eq!(id.to_string(), "45");
        assert_eq!(format!("{id:>4}"), "  45");
        assert_eq!(serde_json::to_string(&id).unwrap(), "45");
        assert_eq!(serde_json::from_str::<CustomerId>("45").unwrap(), id);
        let ids = vec![FollowUpId(1), FollowUpId(20)];
        assert_eq!(serde_json::to_string(&ids).unwrap(), "[1,20]");
    }

    #[test]
    fn an_id_parses_from_the_number_alone() {
        assert_eq!("12".parse::<FollowUpId>(), Ok(FollowUpId(12)));
        assert!("c12".parse::<FollowUpId>().is_err());
        assert!("".parse::<DealId>().is_err());
    }
}
