//! Import and export end to end: this project's own small fixtures (a GBK CSV, vCards with a
//! photo and yearless birthdays, a semicolon CSV, an unquoted TSV), duplicates and re-imports,
//! all-or-nothing, round trips through every format that can carry the book, the calendar, the
//! command line, and the shared fixtures of other programs when `../shared/fixtures` is there.

mod common;

#[path = "interop/command_line.rs"]
mod command_line;
#[path = "interop/helpers.rs"]
mod helpers;
#[path = "interop/own_fixtures.rs"]
mod own_fixtures;
#[path = "interop/round_trips.rs"]
mod round_trips;
#[path = "interop/shared_fixtures.rs"]
mod shared_fixtures;
