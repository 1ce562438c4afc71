//! The customer book's domain: plain data and the pure rules over it.

pub mod agenda;
pub mod bulk;
pub mod care;
pub mod care_dates;
pub mod complaints;
pub mod dates;
pub mod deals;
pub mod due;
pub mod follow_ups;
pub mod holidays;
pub mod ids;
pub mod lifecycle;
pub mod model;
pub mod money;
pub mod recurrence;
pub mod report;
pub mod row_text;
pub mod tiers;
pub mod validate;
pub mod worth;
