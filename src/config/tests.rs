use super::*;

fn parse_warning(text: &str) -> String {
    let problem = Config::parse(text).expect_err("should be refused");
    problem.describe("config.toml")
}

#[test]
fn the_defaults_file_is_the_default() {
    assert_eq!(Config::parse(DEFAULTS_TOML).unwrap(), Config::default());
}

#[test]
fn an_empty_file_is_the_default() {
    assert_eq!(Config::parse("").unwrap(), Config::default());
}

#[test]
fn a_partial_file_fills_in_the_rest() {
    let config = Config::parse("[cadence]\nA = 7\n").unwrap();
    let expected = Cadence {
        a: 7,
        ..Cadence::default()
    };
    assert_eq!(config.cadence, expected);
    assert_eq!(config.frequency, Frequency::default());
    assert_eq!(config.outcomes, Config::default().outcomes);
    assert!(config.review_on_start);
}

#[test]
fn the_review_walks_ten_customers_going_cold_a_day_unless_told() {
    assert_eq!(Config::default().review_cold_per_day, 10);
    assert_eq!(Config::parse("").unwrap().review_cold_per_day, 10);
    let config = Config::parse("review_cold_per_day = 3\n").unwrap();
    assert_eq!(config.review_cold_per_day, 3);
    assert_eq!(
        Config::parse("review_cold_per_day = 0\n")
            .unwrap()
            .review_cold_per_day,
        0
    );
    let w = parse_warning("review_cold_per_day = -1\n");
    assert!(w.starts_with("config.toml line 1: "), "{w}");
    assert!(
        w.contains("expected a whole number for review_cold_per_day"),
        "{w}"
    );
}

#[test]
fn listed_outcomes_replace_the_defaults_and_blanks_are_filled() {
    let config = Config::parse("[[outcome]]\nkey = \"sample_sent\"\nnext = \"+1w\"\n").unwrap();
    let expected = Outcome {
        key: "sample_sent".into(),
        label: "sample sent".into(),
        next: Some("+1w".into()),
        task: "sample sent".into(),
    };
    assert_eq!(config.outcomes, vec![expected]);
}

#[test]
fn malformed_toml_names_its_line() {
    let w = parse_warning("review_on_start = true\n\n[cadence\nA = 14\n");
    assert!(w.starts_with("config.toml line 3: "), "{w}");
}

/// The same problems said in Chinese: the line, the setting, what it wants and what it got.
#[test]
fn a_wrong_type_is_said_in_chinese() {
    use crate::i18n::{Language, with_language};
    let said = |text: &str| with_language(Language::Chinese, || parse_warning(text));
    assert_eq!(
        said("[cadence]\nA = 14\nB = \"thirty\"\n"),
        "config.toml 第3行：cadence.B 应为整数，而不是 \"thirty\""
    );
    assert_eq!(
        said("# settings\nreview_on_start = \"yes\"\n"),
        "config.toml 第2行：review_on_start 应为true 或 false，而不是 \"yes\""
    );
    let (_, warning) = with_language(Language::Chinese, || {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "currency = \"RMB1\"\n").unwrap();
        Config::load(&path)
    });
    assert_eq!(
        warning.as_deref(),
        Some("config.toml 第1行：货币“RMB1”不是 CNY、USD 这样的三位字母代码；已改用默认设置")
    );
}

#[test]
fn a_wrong_type_names_its_line() {
    let w = parse_warning("[cadence]\nA = 14\nB = \"thirty\"\n");
    let want = "config.toml line 3: expected a whole number for cadence.B, found string \"thirty\"";
    assert_eq!(w, want);
    let w = parse_warning("[frequency]\nmax_per_30_days = -1\n");
    let want = "config.toml line 2: expected a whole number for frequency.max_per_30_days";
    assert!(w.starts_with(want), "{w}");
    let w = parse_warning("# settings\nreview_on_start = \"yes\"\n");
    let want = "config.toml line 2: expected true or false for review_on_start";
    assert!(w.starts_with(want), "{w}");
    let w = parse_warning("[[outcome]]\nkey = \"x\"\nnext = 3\n");
    assert!(
        w.starts_with("config.toml line 3: expected a string for outcome.next"),
        "{w}"
    );
}

#[test]
fn an_unknown_key_names_its_line() {
    let w = parse_warning("[cadence]\nA = 14\nD = 120\n");
    assert!(w.starts_with("config.toml line 3: "), "{w}");
    assert!(w.contains("unknown setting `D`"), "{w}");
    let w = parse_warning("review_on_start = true\nreview_on_stat = false\n");
    assert!(w.starts_with("config.toml line 2: "), "{w}");
}

#[test]
fn an_unreadable_next_phrase_names_its_line() {
    let text = DEFAULTS_TOML.replace("next = \"+3d\"", "next = \"someday\"");
    let line = text.lines().position(|l| l.contains("someday")).unwrap() + 1;
    let w = parse_warning(&text);
    assert!(
        w.starts_with(&format!("config.toml line {line}: outcome quote_sent: ")),
        "{w}"
    );
    assert!(w.contains("someday"), "{w}");
}

#[test]
fn outcome_keys_must_be_present_and_unique() {
    let text = "[[outcome]]\nkey = \"a\"\n\n[[outcome]]\nlabel = \"x\"\nkey = \"A\"\n";
    let w = parse_warning(text);
    assert!(w.starts_with("config.toml line 6: "), "{w}");
    assert!(w.contains("twice"), "{w}");
    let w = parse_warning("[[outcome]]\nkey = \"  \"\nlabel = \"x\"\n");
    assert!(w.starts_with("config.toml line 2: "), "{w}");
    let w = parse_warning("\n[[outcome]]\nlabel = \"x\"\n");
    assert!(w.contains("key"), "{w}");
}

#[test]
fn outcomes_are_found_by_key_or_label_ignoring_case() {
    let config = Config::default();
    assert_eq!(
        config.outcome("quote_sent").unwrap().task,
        "Chase the quote"
    );
    assert_eq!(config.outcome(" Quote Sent ").unwrap().key, "quote_sent");
    assert_eq!(config.outcome("已报价").unwrap().key, "quote_sent");
    assert_eq!(
        config.outcome("quote sent 已报价").unwrap().key,
        "quote_sent"
    );
    assert_eq!(config.outcome("meeting_booked").unwrap().next, None);
    assert!(config.outcome("sold the farm").is_none());
}

#[test]
fn cadence_by_tier_with_zero_meaning_none() {
    let cadence = Cadence {
        c: 0,
        ..Cadence::default()
    };
    assert_eq!(cadence.for_tier(Some(Tier::A)), Some(14));
    assert_eq!(cadence.for_tier(Some(Tier::B)), Some(30));
    assert_eq!(cadence.for_tier(Some(Tier::C)), None);
    assert_eq!(cadence.for_tier(None), Some(90));
    let none = Cadence {
        unranked: 0,
        ..cadence
    };
    assert_eq!(none.for_tier(None), None);
}

#[test]
fn first_load_writes_the_defaults_privately_and_reads_them_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fieldbook").join("config.toml");
    assert_eq!(Config::load(&path), (Config::default(), None));
    assert_eq!(fs::read_to_string(&path).unwrap(), DEFAULTS_TOML);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
    }
    assert_eq!(Config::load(&path), (Config::default(), None));
}

#[test]
fn a_broken_file_gives_the_defaults_and_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    fs::write(&path, "[cadence]\nA = \"often\"\n").unwrap();
    let (config, warning) = Config::load(&path);
    assert_eq!(config, Config::default());
    let w = warning.unwrap();
    assert!(w.starts_with("config.toml line 2: "), "{w}");
    assert!(w.ends_with("; using the defaults"), "{w}");
}

#[test]
fn an_unreadable_path_gives_the_defaults_and_a_warning() {
    // A folder where the file should be: unreadable even for root, unlike a chmod 000 file.
    let dir = tempfile::tempdir().unwrap();
    let (config, warning) = Config::load(dir.path());
    assert_eq!(config, Config::default());
    let w = warning.unwrap();
    assert!(w.starts_with("can't read "), "{w}");
}

#[cfg(unix)]
#[test]
fn an_uncreatable_path_gives_the_defaults_and_a_warning() {
    // A link into a missing folder reads as "not found" but cannot be created, even by root
    // (who ignores read-only folders).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::os::unix::fs::symlink(dir.path().join("gone").join("config.toml"), &path).unwrap();
    let (config, warning) = Config::load(&path);
    assert_eq!(config, Config::default());
    let w = warning.unwrap();
    assert!(w.starts_with("can't create "), "{w}");
    assert!(w.ends_with("; using the defaults"), "{w}");
}

#[test]
fn date_order_is_read_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "date_order = \"day-month\"\n").unwrap();
    let (config, warning) = Config::load(&path);
    assert_eq!(warning, None);
    assert_eq!(config.date_order, crate::book::dates::DateOrder::DayMonth);
    std::fs::write(&path, "date_order = \"sideways\"\n").unwrap();
    let (config, warning) = Config::load(&path);
    assert!(warning.unwrap().contains("line 1"));
    assert_eq!(config, Config::default());
}

#[test]
fn greetings_name_known_holidays() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "greetings = [\"christmas\", \"mid_autumn\"]\n").unwrap();
    let (config, warning) = Config::load(&path);
    assert_eq!(warning, None);
    assert_eq!(config.greetings, ["christmas", "mid_autumn"]);
    std::fs::write(&path, "\ngreetings = [\"festivus\"]\n").unwrap();
    let (config, warning) = Config::load(&path);
    let warning = warning.unwrap();
    assert!(
        warning.contains("line 2") && warning.contains("festivus"),
        "{warning}"
    );
    assert_eq!(config, Config::default());
}

#[test]
fn the_language_is_auto_unless_set_and_a_wrong_one_is_named() {
    use crate::i18n::{Language, Setting};
    assert_eq!(Config::default().language, Setting::Auto);
    let config = Config::parse("language = \"zh-CN\"\n").unwrap();
    assert_eq!(config.language, Setting::Always(Language::Chinese));
    let config = Config::parse("language = \"en\"\n").unwrap();
    assert_eq!(config.language, Setting::Always(Language::English));
    let w = parse_warning("\nlanguage = \"fr\"\n");
    assert!(w.starts_with("config.toml line 2: "), "{w}");
    assert!(w.contains("\"auto\", \"en\" or \"zh-CN\""), "{w}");
}

#[test]
fn the_language_is_read_before_anything_else_without_writing_the_file() {
    use crate::i18n::{Language, Setting};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    assert_eq!(Config::language_in(&path), Setting::Auto);
    assert!(
        !path.exists(),
        "reading the language must not create the config"
    );
    std::fs::write(&path, "language = \"zh-CN\"\n").unwrap();
    assert_eq!(
        Config::language_in(&path),
        Setting::Always(Language::Chinese)
    );
    std::fs::write(&path, "language = \"zh-CN\"\n[cadence\n").unwrap();
    assert_eq!(
        Config::language_in(&path),
        Setting::Auto,
        "a broken file: the locale decides"
    );
}

#[test]
fn the_chinese_defaults_file_is_the_chinese_default_with_the_same_keys() {
    use crate::i18n::{Language, with_language};
    let chinese = with_language(Language::Chinese, || {
        Config::parse(DEFAULTS_TOML_ZH).unwrap()
    });
    assert_eq!(chinese, Config::default_in(Language::Chinese));
    let english = Config::default_in(Language::English);
    let keys = |c: &Config| c.outcomes.iter().map(|o| o.key.clone()).collect::<Vec<_>>();
    assert_eq!(
        keys(&chinese),
        keys(&english),
        "a book is shared between languages"
    );
    let no_answer = chinese.outcome("no_answer").unwrap();
    assert_eq!(
        (no_answer.label.as_str(), no_answer.task.as_str()),
        ("未接通", "明天再打")
    );
    let quote = chinese.outcome("已报价").unwrap();
    assert_eq!(
        (quote.next.as_deref(), quote.task.as_str()),
        (Some("三天后"), "跟进报价")
    );
    // Apart from the outcomes, the two files say the same settings.
    let same = Config {
        outcomes: english.outcomes.clone(),
        ..chinese.clone()
    };
    assert_eq!(same, english);
}

#[test]
fn a_new_config_is_written_in_the_language_spoken_and_a_partial_one_fills_in_its_outcomes() {
    use crate::i18n::{Language, with_language};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let (config, warning) = with_language(Language::Chinese, || Config::load(&path));
    assert_eq!(warning, None);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), DEFAULTS_TOML_ZH);
    assert_eq!(config.outcomes[0].label, "未接通");
    let partial = with_language(Language::Chinese, || Config::parse("currency = \"USD\"\n"));
    assert_eq!(partial.unwrap().outcomes[2].task, "跟进报价");
    let english = Config::parse("currency = \"USD\"\n").unwrap();
    assert_eq!(english.outcomes[2].task, "Chase the quote");
}

#[test]
fn the_language_read_at_start_and_the_load_after_it_read_the_file_as_it_is() {
    use crate::i18n::{Language, Setting};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    fs::write(&path, "language = \"zh-CN\"\n[cadence]\nA = 7\n").unwrap();
    assert_eq!(
        Config::language_in(&path),
        Setting::Always(Language::Chinese)
    );
    let (config, warning) = Config::load(&path);
    assert_eq!(
        (config.cadence.a, config.language, warning),
        (7, Setting::Always(Language::Chinese), None)
    );
    // Changed between the two reads: the load reads it again.
    assert_eq!(
        Config::language_in(&path),
        Setting::Always(Language::Chinese)
    );
    fs::write(&path, "language = \"en\"\n[cadence]\nA = 12\n").unwrap();
    let (config, _) = Config::load(&path);
    assert_eq!(
        (config.cadence.a, config.language),
        (12, Setting::Always(Language::English))
    );
    // A broken file still warns at the load, after the language was read from it.
    fs::write(&path, "[cadence]\nA = \"often\"\n").unwrap();
    assert_eq!(Config::language_in(&path), Setting::Auto);
    let (config, warning) = Config::load(&path);
    assert_eq!(config, Config::default());
    assert!(warning.is_some());
}
