//! Import and export end to end: this project's own small fixtures (a GBK CSV, vCards with a
//! photo and yearless birthdays, a semicolon CSV, an unquoted TSV), duplicates and re-imports,
//! all-or-nothing, round trips through every format that can carry the book, the calendar, the
//! command line, and the shared fixtures of other programs when `../shared/fixtures` is there.

mod command_line;
mod helpers;
mod own_fixtures;
mod round_trips;
mod shared_fixtures;
