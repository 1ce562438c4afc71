//! The user's settings: `config.toml` in the platform config folder, or wherever `--config` says.
//!
//! A broken file never stops a salesperson in the field: every problem becomes a one-line warning
//! naming the line, and fieldbook carries on with the defaults.

mod defaults;
mod problem;
mod read_once;

use crate::book::dates::{DateOrder, parse_date_in};
use crate::book::model::Tier;
use crate::i18n::Language;
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::HashSet;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use problem::{Problem, outcome_field_line};

pub use defaults::{DEFAULTS_TOML, DEFAULTS_TOML_ZH, defaults_toml};

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The interface's language: `auto` (the locale's), `en` or `zh-CN`.
    pub language: crate::i18n::Setting,
    pub review_on_start: bool,
    /// How many customers going cold today's review walks, the most valuable first; 0 = none.
    pub review_cold_per_day: u32,
    /// How `12/01` reads: "month-day" (1 December) or "day-month" (12 January).
    pub date_order: DateOrder,
    pub cadence: Cadence,
    pub frequency: Frequency,
    pub backup: Backup,
    /// The currency revenue is counted in (ISO code); deals in others are listed, not ranked.
    pub currency: String,
    pub tiers: crate::book::tiers::TierThresholds,
    pub care: Care,
    /// The holidays to greet customers for (keys: spring_festival, mid_autumn, christmas...).
    pub greetings: Vec<String>,
    #[serde(rename = "outcome")]
    pub outcomes: Vec<Outcome>,
}

/// Days between contacts by tier; 0 means no cadence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Cadence {
    #[serde(rename = "A")]
    pub a: u32,
    #[serde(rename = "B")]
    pub b: u32,
    #[serde(rename = "C")]
    pub c: u32,
    pub unranked: u32,
}

/// Thresholds for the "contacting too often" warning; it never blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Frequency {
    pub min_days_between: u32,
    pub max_per_30_days: u32,
}

/// Birthdays and yearly dates become follow-ups this many days ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Care {
    pub birthday_lead_days: u32,
}

impl Default for Care {
    fn default() -> Self {
        Care {
            birthday_lead_days: 3,
        }
    }
}

/// The automatic backup taken at start-up into `backups/` beside the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Backup {
    /// Take one when the newest is at least this many days old; 0 turns it off.
    pub every_days: u32,
    /// The newest copy of each of this many days is kept.
    pub keep: usize,
    /// And of each of this many weeks, and months: older history without a copy a day.
    pub keep_weekly: usize,
    pub keep_monthly: usize,
}

impl Default for Backup {
    fn default() -> Self {
        Backup {
            every_days: 1,
            keep: 7,
            keep_weekly: 4,
            keep_monthly: 6,
        }
    }
}

impl Frequency {
    pub fn ceiling(self) -> crate::book::care::Ceiling {
        crate::book::care::Ceiling {
            min_days_between: self.min_days_between,
            max_per_30_days: self.max_per_30_days,
        }
    }
}

/// What happened on a call, and the follow-up it proposes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub key: String,
    #[serde(default)]
    pub label: String,
    /// A date phrase for the follow-up; `None` proposes no follow-up.
    #[serde(default)]
    pub next: Option<String>,
    #[serde(default)]
    pub task: String,
}

/// The defaults in the language fieldbook speaks: what an empty or partial file fills in, so
/// the outcomes a Chinese config leaves out are the Chinese ones.
impl Default for Config {
    fn default() -> Self {
        Config::default_in(crate::i18n::current())
    }
}

impl Config {
    /// The defaults with the outcomes of `language` (the rest has no words).
    #[must_use]
    pub fn default_in(language: Language) -> Self {
        let outcomes = defaults::outcomes(language);
        Self {
            language: crate::i18n::Setting::Auto,
            review_on_start: true,
            review_cold_per_day: 10,
            date_order: DateOrder::MonthDay,
            cadence: Cadence::default(),
            frequency: Frequency::default(),
            backup: Backup::default(),
            currency: "CNY".into(),
            tiers: crate::book::tiers::TierThresholds::default(),
            care: Care::default(),
            greetings: crate::book::holidays::DEFAULT_GREETINGS
                .iter()
                .map(|k| k.to_string())
                .collect(),
            outcomes,
        }
    }
}

impl Default for Cadence {
    fn default() -> Self {
        Self {
            a: 14,
            b: 30,
            c: 60,
            unranked: 90,
        }
    }
}

impl Default for Frequency {
    fn default() -> Self {
        Self {
            min_days_between: 2,
            max_per_30_days: 8,
        }
    }
}

impl Cadence {
    /// Days between contacts for a customer of `tier` (`None`: no tier), or `None` for no cadence.
    #[must_use]
    pub fn for_tier(&self, tier: Option<Tier>) -> Option<u32> {
        let days = match tier {
            Some(Tier::A) => self.a,
            Some(Tier::B) => self.b,
            Some(Tier::C) => self.c,
            None => self.unranked,
        };
        (days > 0).then_some(days)
    }
}

impl Config {
    /// Reads `path`; a missing file is created with the commented defaults (folder 0700, file
    /// 0600 on unix). Any problem gives the defaults and a one-line warning to show the user.
    #[must_use]
    pub fn load(path: &Path) -> (Config, Option<String>) {
        let warn = |what: String| {
            (
                Config::default(),
                Some(t!("config-using-defaults", what = what)),
            )
        };
        let read = match read_once::take(path) {
            Some(parsed) => Ok(parsed),
            None => fs::read_to_string(path).map(|text| Config::parse(&text)),
        };
        match read {
            Ok(parsed) => match parsed {
                Ok(config) => (config, None),
                Err(problem) => {
                    let name = path
                        .file_name()
                        .unwrap_or(path.as_os_str())
                        .to_string_lossy();
                    warn(problem.describe(&name))
                }
            },
            Err(e) if e.kind() == io::ErrorKind::NotFound => match write_defaults(path) {
                Ok(()) => (Config::default(), None),
                Err(e) => warn(t!(
                    "config-cannot-create",
                    path = path.display().to_string(),
                    why = e.to_string()
                )),
            },
            Err(e) => warn(t!(
                "config-cannot-read",
                path = path.display().to_string(),
                why = e.to_string()
            )),
        }
    }

    /// The `language` setting of the file at `path`, without creating or warning about it:
    /// read before the command line is parsed, so `--help` speaks it. Anything wrong there
    /// is said once, by [`Config::load`]; meanwhile the locale decides.
    #[must_use]
    pub fn language_in(path: &Path) -> crate::i18n::Setting {
        let Ok(text) = fs::read_to_string(path) else {
            return crate::i18n::Setting::default();
        };
        let parsed = Config::parse(&text);
        let language = parsed.as_ref().map(|c| c.language).unwrap_or_default();
        // `load` follows within the same start: it takes this parse rather than repeating it.
        read_once::keep(path, parsed);
        language
    }

    /// `config.toml` in the platform config folder (`~/.config/fieldbook/` on Linux), or `None`
    /// when there is no home folder.
    #[must_use]
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "fieldbook")
            .map(|dirs| dirs.config_dir().join("config.toml"))
    }

    /// The outcome whose key or label is `key_or_label`, ignoring case; keys win over labels,
    /// whole labels over one language of a two-language label ("quote sent" and "已报价" both
    /// find "quote sent 已报价").
    #[must_use]
    pub fn outcome(&self, key_or_label: &str) -> Option<&Outcome> {
        let wanted = key_or_label.trim();
        let by = |matches: &dyn Fn(&Outcome) -> bool| self.outcomes.iter().find(|o| matches(o));
        let same = |text: &str| text.trim().eq_ignore_ascii_case(wanted);
        let half = |label: &str| {
            let split = label.find(|c: char| !c.is_ascii()).unwrap_or(label.len());
            let (latin, other) = label.split_at(split);
            !wanted.is_empty() && (same(latin) || same(other))
        };
        by(&|o| same(&o.key))
            .or_else(|| by(&|o| same(&o.label)))
            .or_else(|| by(&|o| half(&o.label)))
    }

    /// Parses and checks the text of a config file.
    fn parse(text: &str) -> Result<Config, Problem> {
        let mut config: Config = toml::from_str(text).map_err(|e| Problem::from_toml(text, &e))?;
        for o in &mut config.outcomes {
            o.key = o.key.trim().to_string();
            o.label = o.label.trim().to_string();
            o.task = o.task.trim().to_string();
            o.next = o
                .next
                .take()
                .map(|n| n.trim().to_string())
                .filter(|n| !n.is_empty());
            // Menus show the label and follow-ups need a title: fill them rather than show blanks.
            if o.label.is_empty() {
                o.label = o.key.replace('_', " ");
            }
            if o.task.is_empty() && o.next.is_some() {
                o.task = o.label.clone();
            }
        }
        // Holidays may be named in the config as people say them (春节, 中秋): kept as keys.
        for g in &mut config.greetings {
            if let Some(key) = crate::book::holidays::key_for(g) {
                *g = key.to_string();
            }
        }
        config.check(text)?;
        Ok(config)
    }

    /// What serde cannot see: keys present and unique, and `next` phrases fieldbook can read.
    fn check(&self, text: &str) -> Result<(), Problem> {
        // Only whether the phrase reads matters, not the date it gives.
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
        let line_of = |needle: &str| {
            text.lines()
                .position(|l| l.trim_start().starts_with(needle))
                .map(|n| n + 1)
        };
        if let Err(what) = self.tiers.check() {
            return Err(Problem {
                line: line_of("a_share").or(line_of("[tiers]")),
                what,
            });
        }
        let known: Vec<&str> = crate::book::holidays::holidays_in(2026)
            .iter()
            .map(|h| h.key)
            .collect();
        if let Some(bad) = self.greetings.iter().find(|g| !known.contains(&g.as_str())) {
            return Err(Problem {
                line: line_of("greetings"),
                what: t!(
                    "config-unknown-holiday",
                    bad = bad.as_str(),
                    known = known.join(", ")
                ),
            });
        }
        let currency = self.currency.trim();
        if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_alphabetic()) {
            return Err(Problem {
                line: line_of("currency"),
                what: t!("config-bad-currency", currency = self.currency.as_str()),
            });
        }
        let mut seen = HashSet::new();
        for (i, o) in self.outcomes.iter().enumerate() {
            let fail = |field: &str, what: String| Problem {
                line: outcome_field_line(text, i, field),
                what,
            };
            if o.key.is_empty() {
                return Err(fail("key", t!("config-outcome-empty-key")));
            }
            if !seen.insert(o.key.to_lowercase()) {
                return Err(fail(
                    "key",
                    t!("config-outcome-twice", key = o.key.as_str()),
                ));
            }
            if let Some(next) = &o.next
                && let Err(e) = parse_date_in(next, today, self.date_order)
            {
                let what = t!(
                    "config-outcome-next",
                    key = o.key.as_str(),
                    why = e.to_string()
                );
                return Err(fail("next", what));
            }
        }
        Ok(())
    }
}

/// Writes the commented defaults, private to this user like the book it describes.
fn write_defaults(path: &Path) -> io::Result<()> {
    crate::paths::create_private_file(path)?;
    let mut file = fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(path)?;
    file.write_all(defaults_toml(crate::i18n::current()).as_bytes())?;
    file.sync_all()
}

#[cfg(test)]
mod tests;
