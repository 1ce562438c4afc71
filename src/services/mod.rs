//! What both front ends need, once: between the repository (SQL) and the command line and the
//! TUI, so the two cannot drift apart.

pub mod later;
pub mod logging;
