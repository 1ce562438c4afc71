//! What fieldbook says, in the user's language: English or 简体中文.
//!
//! Every sentence for people comes from a Fluent catalogue, one per language
//! (`assets/i18n/en.ftl`, `assets/i18n/zh-CN.ftl`), compiled into the binary. Code asks for a
//! message by its id with [`t!`](crate::t): `t!("today-nothing")`,
//! `t!("due-in-days", n = 3)`. Ids are always written out as literals, so a test can read
//! every id the code asks for and hold both catalogues to them.
//!
//! The language is chosen once, at start ([`choose`]), from `FIELDBOOK_LANG`, the config's
//! `language` and the locale ([`locale::language_for`], a pure function of those values). It is
//! held in a process-wide `OnceLock` rather than passed through State and every CLI function:
//! it never changes while fieldbook runs, and nearly every line of the interface needs it, so
//! threading it through would touch every signature for no gain. Tests that draw a screen in
//! one language use [`with_language`], which holds for the calling thread only, so tests in
//! both languages run side by side. A leaf like `text`: any room may use it except `book/`
//! (pure rules, words-free: it hands back what a date is, this module says it) and `interop/`.
//!
//! `--json`, config keys, flags, subcommands and key bindings never go through here: scripts
//! must not break when the locale changes.

use std::cell::Cell;
use std::sync::OnceLock;

pub use catalogue::{Args, message};
pub use locale::{Setting, language_for};

/// A language fieldbook speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    #[default]
    English,
    /// 简体中文.
    Chinese,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::English, Language::Chinese];

    /// The tag the config and `FIELDBOOK_LANG` use, and the catalogue's file name.
    pub fn tag(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Chinese => "zh-CN",
        }
    }
}

static CHOSEN: OnceLock<Language> = OnceLock::new();

thread_local! {
    static SCOPED: Cell<Option<Language>> = const { Cell::new(None) };
}

/// Sets the language for the rest of the run; only the first call counts (it is chosen once,
/// before anything is said).
pub fn choose(language: Language) {
    let _ = CHOSEN.set(language);
}

/// The language to speak now: the one [`with_language`] holds on this thread, else the one
/// chosen at start, else English.
pub fn current() -> Language {
    SCOPED
        .with(Cell::get)
        .or_else(|| CHOSEN.get().copied())
        .unwrap_or_default()
}

/// Runs `f` speaking `language` on this thread (a test drawing a screen in Chinese while
/// another draws it in English), then goes back to what was spoken before.
pub fn with_language<T>(language: Language, f: impl FnOnce() -> T) -> T {
    struct Restore(Option<Language>);
    impl Drop for Restore {
        fn drop(&mut self) {
            SCOPED.with(|s| s.set(self.0));
        }
    }
    let _restore = Restore(SCOPED.with(|s| s.replace(Some(language))));
    f()
}

/// The message `id` in the current language: `t!("id")`, or with named arguments
/// `t!("id", count = 3, name = customer)` (numbers, `&str`, `&String` or `String`).
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::message($crate::i18n::current(), $id, None)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::Args::new();
        $( args.set(stringify!($name), $value); )+
        $crate::i18n::message($crate::i18n::current(), $id, Some(&args))
    }};
}

/// [`t!`](crate::t) in a language given rather than the current one, for pure functions that
/// take the language: `t_in!(language, "id", count = 3)`.
#[macro_export]
macro_rules! t_in {
    ($language:expr, $id:literal) => {
        $crate::i18n::message($language, $id, None)
    };
    ($language:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::Args::new();
        $( args.set(stringify!($name), $value); )+
        $crate::i18n::message($language, $id, Some(&args))
    }};
}

// After the macros, so they are in scope there.
pub mod account_words;
pub mod calendar;
mod catalogue;
mod ids;
mod io_error;
pub use io_error::io_error;
pub mod locale;
pub mod refusal;
mod undo_label;
pub use undo_label::undo_label;
pub mod words;

#[cfg(test)]
mod tests;
