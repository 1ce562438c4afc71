//! Printing for people (aligned, coloured only on a terminal without NO_COLOR, every book string
//! sanitized) and for scripts (JSON), and files written private to their owner.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::{paths, safe_text};

pub struct Style {
    color: bool,
}

impl Style {
    pub fn detect() -> Self {
        let color = std::io::stdout().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        Style { color }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    pub fn heading(&self, text: &str) -> String {
        self.paint("1", text)
    }

    pub fn overdue(&self, text: &str) -> String {
        self.paint("31", text)
    }

    pub fn today(&self, text: &str) -> String {
        self.paint("33", text)
    }

    pub fn dim(&self, text: &str) -> String {
        self.paint("2", text)
    }
}

/// Book text made safe for a terminal and padded to `width` columns (CJK counts double).
pub fn cell(text: &str, width: usize) -> String {
    crate::text::pad(&safe_text::line(text), width)
}

pub fn safe(text: &str) -> String {
    safe_text::line(text).into_owned()
}

/// Lines printed together when done: thousands of lines in a few writes, not one write each
/// (the standard output flushes at every line).
#[derive(Default)]
pub struct Page(String);

impl Page {
    pub fn line(&mut self, text: std::fmt::Arguments<'_>) {
        use std::fmt::Write as _;
        let _ = self.0.write_fmt(text);
        self.0.push('\n');
    }

    pub fn show(self) {
        print!("{}", self.0);
    }
}

pub fn json<T: Serialize>(value: &T) -> Result<(), super::Failure> {
    let text =
        serde_json::to_string_pretty(value).map_err(|e| super::Failure::input(e.to_string()))?;
    println!("{text}");
    Ok(())
}

/// Writes `bytes` to `path` private to this user (0600), replacing it whole; a failure leaves
/// no empty file where there was none.
pub(super) fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let existed = path.symlink_metadata().is_ok();
    let written = write_replacing(path, bytes);
    if written.is_err() && !existed {
        let _ = std::fs::remove_file(path);
    }
    written
}

fn write_replacing(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    paths::create_private_file(path)?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut file = tempfile::Builder::new()
        .prefix(".fieldbook-export-")
        .tempfile_in(&dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}
