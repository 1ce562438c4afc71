//! Every integration test of fieldbook in one program: one binary to link on each change instead
//! of one per file, and helpers shared from `common` instead of copied.
//!
//! `cargo test --test suite MODULE` runs one part, e.g. `cargo test --test suite e2e_tmux`.

mod common;

mod accounts;
mod backup;
mod calls;
mod cli;
mod cold_rollups;
mod command_indexes;
mod command_rollups;
mod dashboard;
mod e2e_tmux;
mod e2e_tmux_chinese;
mod e2e_undo;
mod editing;
mod filter_head;
mod first_screen;
mod follow_up_window;
mod gate;
mod gate_words;
mod going_cold;
mod interop;
mod language;
mod language_cli;
mod layering;
mod likely_duplicates;
mod limits;
mod logging;
mod notes_hits;
mod notes_search;
mod other_writers;
mod panes;
mod past_dates;
mod repository;
mod review;
mod review_resume;
mod search_table;
mod snapshots;
mod snapshots_chinese;
mod snapshots_languages;
mod status_chinese;
mod today_cut;
mod trust;
mod undo;
mod undo_keys;
mod update;
