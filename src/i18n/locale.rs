//! Which language to speak, from the values fieldbook is started with: `FIELDBOOK_LANG`, the
//! config's `language`, and the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`). Pure: the caller
//! reads the environment once and hands the values in, so tests never touch the environment.

use std::fmt;

use super::Language;

/// The config's `language`: follow the locale, or always one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Setting {
    #[default]
    Auto,
    Always(Language),
}

impl Setting {
    /// `auto`, `en` or `zh-CN` (case and `_`/`-` do not matter); `None` for anything else.
    pub fn parse(text: &str) -> Option<Setting> {
        match text.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "auto" => Some(Setting::Auto),
            "en" => Some(Setting::Always(Language::English)),
            "zh-cn" => Some(Setting::Always(Language::Chinese)),
            _ => None,
        }
    }
}

impl fmt::Display for Setting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Setting::Auto => f.write_str("auto"),
            Setting::Always(language) => f.write_str(language.tag()),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Setting {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Setting::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "language \"{text}\" is not one fieldbook speaks; use \"auto\", \"en\" or \"zh-CN\""
            ))
        })
    }
}

/// The values the language is chosen from, as read from the environment (`None` = unset).
#[derive(Debug, Clone, Copy, Default)]
pub struct Environment<'a> {
    pub fieldbook_lang: Option<&'a str>,
    pub lc_all: Option<&'a str>,
    pub lc_messages: Option<&'a str>,
    pub lang: Option<&'a str>,
}

/// `FIELDBOOK_LANG` first (for one run: `en`, `zh-CN`, `auto`, or a locale name), then the
/// config's setting, then the locale: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set
/// and not empty, as POSIX orders them.
pub fn language_for(setting: Setting, env: &Environment) -> Language {
    let locale = || {
        [env.lc_all, env.lc_messages, env.lang]
            .into_iter()
            .find_map(given)
            .map_or(Language::English, language_of_locale)
    };
    match given(env.fieldbook_lang) {
        Some(value) => match Setting::parse(value) {
            Some(Setting::Auto) => locale(),
            Some(Setting::Always(language)) => language,
            None => language_of_locale(value),
        },
        None => match setting {
            Setting::Auto => locale(),
            Setting::Always(language) => language,
        },
    }
}

/// A value that is set and not blank.
fn given(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

/// Chinese for any Chinese locale (`zh`, `zh_CN.UTF-8`, `zh_SG`, `zh-Hans`...); English for
/// `C`, `POSIX` and everything else fieldbook does not speak.
pub fn language_of_locale(locale: &str) -> Language {
    let name = locale.trim().to_ascii_lowercase();
    let language = name.split(['_', '-', '.', '@']).next().unwrap_or_default();
    if language == "zh" {
        Language::Chinese
    } else {
        Language::English
    }
}

/// The values [`language_for`] needs, read from this process's environment.
pub fn read_environment() -> [Option<String>; 4] {
    ["FIELDBOOK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"].map(|name| std::env::var(name).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Language::{Chinese, English};

    fn env<'a>(
        fieldbook_lang: Option<&'a str>,
        lc_all: Option<&'a str>,
        lc_messages: Option<&'a str>,
        lang: Option<&'a str>,
    ) -> Environment<'a> {
        Environment {
            fieldbook_lang,
            lc_all,
            lc_messages,
            lang,
        }
    }

    #[test]
    fn chinese_locales_give_chinese_and_the_rest_english() {
        for zh in [
            "zh_CN.UTF-8",
            "zh_CN",
            "zh",
            "zh_TW.UTF-8",
            "zh_SG",
            "zh-Hans",
            "zh-Hans-CN",
            "ZH_cn.utf8",
            "zh_CN.GB18030@x",
        ] {
            assert_eq!(language_of_locale(zh), Chinese, "{zh}");
        }
        for other in [
            "C",
            "POSIX",
            "C.UTF-8",
            "en_US.UTF-8",
            "fr_FR",
            "",
            "zhx",
            "de",
        ] {
            assert_eq!(language_of_locale(other), English, "{other}");
        }
    }

    #[test]
    fn lc_all_wins_over_lc_messages_over_lang() {
        let auto = Setting::Auto;
        let zh = Some("zh_CN.UTF-8");
        let c = Some("C");
        assert_eq!(language_for(auto, &env(None, zh, c, c)), Chinese);
        assert_eq!(language_for(auto, &env(None, c, zh, zh)), English);
        assert_eq!(language_for(auto, &env(None, None, zh, c)), Chinese);
        assert_eq!(language_for(auto, &env(None, None, c, zh)), English);
        assert_eq!(language_for(auto, &env(None, None, None, zh)), Chinese);
        // Set but empty counts as unset, as POSIX says.
        assert_eq!(
            language_for(auto, &env(None, Some(""), Some(" "), zh)),
            Chinese
        );
        assert_eq!(language_for(auto, &env(None, None, None, None)), English);
    }

    #[test]
    fn the_config_beats_the_locale_and_fieldbook_lang_beats_both() {
        let zh_locale = env(None, None, None, Some("zh_CN.UTF-8"));
        let always_en = Setting::Always(English);
        assert_eq!(language_for(always_en, &zh_locale), English);
        let c_locale = env(None, None, None, Some("C"));
        assert_eq!(language_for(Setting::Always(Chinese), &c_locale), Chinese);
        let run = env(Some("zh-CN"), None, None, Some("C"));
        assert_eq!(language_for(always_en, &run), Chinese);
        let run = env(Some("en"), Some("zh_CN.UTF-8"), None, None);
        assert_eq!(language_for(Setting::Always(Chinese), &run), English);
        // FIELDBOOK_LANG=auto follows the locale whatever the config says; a locale name works.
        let run = env(Some("auto"), None, None, Some("zh_CN.UTF-8"));
        assert_eq!(language_for(always_en, &run), Chinese);
        let run = env(Some("zh_CN.UTF-8"), None, None, None);
        assert_eq!(language_for(Setting::Auto, &run), Chinese);
        let run = env(Some(""), None, None, Some("zh_CN.UTF-8"));
        assert_eq!(language_for(always_en, &run), English);
    }

    #[test]
    fn the_setting_reads_its_three_values() {
        assert_eq!(Setting::parse("auto"), Some(Setting::Auto));
        assert_eq!(Setting::parse("en"), Some(Setting::Always(English)));
        assert_eq!(Setting::parse("zh-CN"), Some(Setting::Always(Chinese)));
        assert_eq!(Setting::parse("zh_cn"), Some(Setting::Always(Chinese)));
        assert_eq!(Setting::parse("fr"), None);
        assert_eq!(Setting::parse("zh-TW"), None);
        for s in [
            Setting::Auto,
            Setting::Always(English),
            Setting::Always(Chinese),
        ] {
            assert_eq!(Setting::parse(&s.to_string()), Some(s));
        }
    }
}
