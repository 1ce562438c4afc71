//! Every integration test of fieldbook in one program: one binary to link on each change instead
//! of one per file, and helpers shared from `common` instead of copied.
//!
//! `cargo test --test suite MODULE` runs one part, e.g. `cargo test --test suite e2e_tmux`.

mod common;

mod accounts;
mod backup;
mod cli;
mod dashboard;
mod e2e_tmux;
mod editing;
mod interop;
mod logging;
mod notes_search;
mod repository;
mod review;
mod snapshots;
mod undo;
mod update;
