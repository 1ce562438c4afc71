//! The customer book's domain: plain data and the pure rules over it.

pub mod agenda;
pub mod care;
pub mod dates;
pub mod due;
pub mod model;
pub mod recurrence;
