//! fieldbook: a terminal customer book for field account managers.
//!
//! `main.rs` only parses arguments; everything lives here so tests and benchmarks reach it.

// First, so that `t!` is in scope in every module after it.
#[macro_use]
pub mod i18n;
pub mod app;
pub mod book;
pub mod cli;
pub mod config;
pub mod demo;
pub mod interop;
pub mod paths;
pub mod repository;
pub mod safe_text;
pub mod search;
pub mod services;
pub mod text;
pub mod tui;
