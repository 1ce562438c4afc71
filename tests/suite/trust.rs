//! Trust in the book (issue "no file, second process or closed terminal can lose, corrupt or
//! hijack it"): undo as data, opening only fieldbook books, atomic restore, backups, modes and
//! messages that say what to do.

mod backups;
mod import_busy;
mod messages;
mod modes;
mod opening;
mod read_only;
mod restore;
mod undo;
