//! What both front ends need, once: the ranked customer list, an account's read model, the
//! dashboard and report, the morning's agenda, the day-start care, logging a contact and reading
//! a date for later; and for commands, the same answers read through the book's indexes
//! (`finder`, `standing`). Services read and write
//! through the repository and apply the rules of `book/`; `cli/` and `tui/` only present what
//! they return, so the two cannot drift apart.

pub mod account;
pub mod customer_list;
pub mod dashboard;
pub mod day_start;
pub mod finder;
pub mod import_words;
pub mod later;
pub mod logging;
pub mod morning;
pub mod standing;
