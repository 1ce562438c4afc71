//! The interface in Chinese from the command line: the language is chosen by the locale, the
//! config or FIELDBOOK_LANG, the words change, and nothing a script reads does.

use crate::common::CliBook;

/// A demo book as it stands on a fixed day, so every label ("逾期3天") is the same each run.
const NOW: &str = "2026-11-23T10:00:00";

fn demo_book(customers: &str) -> CliBook {
    let book = CliBook::new();
    let path = book.path().display().to_string();
    book.cmd(&["demo", &path, "--customers", customers])
        .env("FIELDBOOK_NOW", NOW)
        .assert()
        .success();
    book
}

/// The binary on `book` at [`NOW`] under a locale: `LANG` set, nothing else choosing a language.
fn under_locale(book: &CliBook, lang: &str, args: &[&str]) -> Vec<u8> {
    let out = book
        .cmd(args)
        .env("FIELDBOOK_NOW", NOW)
        .env_remove("FIELDBOOK_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?} under {lang}: {out:?}");
    out.stdout
}

fn in_chinese(book: &CliBook, args: &[&str]) -> String {
    let out = book
        .cmd(args)
        .env("FIELDBOOK_NOW", NOW)
        .env("FIELDBOOK_LANG", "zh-CN")
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// The first customer `today` lists, by its c-id.
fn a_customer_due(book: &CliBook) -> String {
    let today = under_locale(book, "C", &["today", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&today).unwrap();
    format!(
        "c{}",
        v["overdue"][0]["draft"]["customer_id"].as_i64().unwrap()
    )
}

#[test]
fn json_is_byte_identical_under_a_chinese_and_an_english_locale() {
    let book = demo_book("60");
    let name = a_customer_due(&book);
    let commands: [&[&str]; 4] = [
        &["today", "--json"],
        &["show", &name, "--json"],
        &["find", "zhang", "--json"],
        &["report", "--json"],
    ];
    for args in commands {
        let zh = under_locale(&book, "zh_CN.UTF-8", args);
        let c = under_locale(&book, "C", args);
        assert!(zh.len() > 100, "{args:?} printed too little");
        assert!(zh == c, "{args:?} differs between zh_CN.UTF-8 and C");
    }
    // And the locale did change the language: the same commands for people differ.
    let zh = under_locale(&book, "zh_CN.UTF-8", &["today"]);
    let c = under_locale(&book, "C", &["today"]);
    assert_ne!(zh, c);
    assert!(String::from_utf8(zh).unwrap().contains("已逾期"));
    assert!(String::from_utf8(c).unwrap().contains("Overdue"));
}

#[test]
fn today_speaks_chinese() {
    let book = demo_book("40");
    let out = in_chinese(&book, &["today"]);
    for word in ["已逾期 (", "逾期", "天后", "明天", "上次联系", "个月前"] {
        assert!(out.contains(word), "{word} missing:\n{out}");
    }
    for word in ["Overdue", "overdue", "ago", "last contact", "Next 7 days"] {
        assert!(!out.contains(word), "{word} in Chinese output:\n{out}");
    }
    // The README shows this very output: it stays true.
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(
        readme.contains(out.trim_end()),
        "README's Language section is out of date"
    );
    insta::assert_snapshot!(out);
}

#[test]
fn show_speaks_chinese_with_its_labels_aligned_by_width() {
    let book = demo_book("40");
    let name = a_customer_due(&book);
    let out = in_chinese(&book, &["show", &name]);
    assert!(
        out.contains("等级 ") && out.contains("阶段 ") && out.contains("上次联系"),
        "{out}"
    );
    // Labels padded to 8 columns: "电话" (4 columns) is followed by 5 spaces, as "phone" by 4.
    if let Some(line) = out.lines().find(|l| l.starts_with("电话")) {
        assert!(
            line.starts_with("电话     ") && !line.starts_with("电话      "),
            "{line}"
        );
    }
    insta::assert_snapshot!(out);
}

#[test]
fn the_config_chooses_the_language_and_fieldbook_lang_overrides_it() {
    let book = demo_book("20");
    let config = book.dir.path().join("config.toml");
    std::fs::write(&config, "language = \"zh-CN\"\n").unwrap();
    let zh = String::from_utf8(under_locale(&book, "C", &["today"])).unwrap();
    assert!(zh.contains("已逾期") || zh.contains("今天"), "{zh}");
    let en = book.ok(&["today"]); // FIELDBOOK_LANG=en, as every CliBook command
    assert!(!en.contains("已逾期"), "{en}");
    std::fs::write(&config, "language = \"en\"\n").unwrap();
    let en = String::from_utf8(under_locale(&book, "zh_CN.UTF-8", &["today"])).unwrap();
    assert!(!en.contains("已逾期") && en.contains("Overdue"), "{en}");
}

#[test]
fn help_speaks_the_locale_and_keeps_every_flag() {
    let book = CliBook::new();
    let zh = String::from_utf8(under_locale(&book, "zh_CN.UTF-8", &["today", "--help"])).unwrap();
    for word in [
        "用法:",
        "选项:",
        "--days <DAYS>",
        "往后看几天",
        "[默认: 7]",
        "显示帮助",
    ] {
        assert!(zh.contains(word), "{word} missing:\n{zh}");
    }
    let en = String::from_utf8(under_locale(&book, "C", &["today", "--help"])).unwrap();
    assert!(
        en.contains("Usage:") && en.contains("How many days ahead"),
        "{en}"
    );
    let top = String::from_utf8(under_locale(&book, "zh_CN.UTF-8", &["--help"])).unwrap();
    assert!(
        top.contains("命令:") && top.contains("  today ") && top.contains("--json"),
        "{top}"
    );
}

#[test]
fn a_config_first_written_under_a_chinese_locale_proposes_chinese_tasks_under_the_same_keys() {
    let book = CliBook::new();
    under_locale(&book, "zh_CN.UTF-8", &["add", "星河科技"]);
    let config = std::fs::read_to_string(book.dir.path().join("config.toml")).unwrap();
    assert!(config.contains("label = \"未接通\"") && config.contains("task = \"明天再打\""));
    assert!(config.contains("key = \"quote_sent\""), "{config}");
    let args = ["log", "星河", "发了报价单", "--outcome", "quote_sent"];
    under_locale(&book, "zh_CN.UTF-8", &args);
    let today = under_locale(&book, "C", &["today", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&today).unwrap();
    let planned = &v["upcoming"][0]["draft"];
    assert_eq!(planned["task"], "跟进报价", "{v}");
    assert_eq!(planned["due_on"], "2026-11-26", "三天后 of {NOW}");
}

#[test]
fn add_log_snooze_and_done_say_what_they_did_in_chinese() {
    let book = CliBook::new();
    let zh = |args: &[&str]| in_chinese(&book, args);
    assert_eq!(zh(&["add", "星河科技"]), "已新增 c1 星河科技\n");
    let logged = zh(&[
        "log",
        "星河",
        "电话沟通报价",
        "--next",
        "周五",
        "--todo",
        "发报价单",
    ]);
    assert_eq!(
        logged,
        "已记录与星河科技的电话；跟进 #1 4天后 (2026-11-27)：发报价单\n"
    );
    assert_eq!(
        zh(&["snooze", "1", "下周一"]),
        "已把 #1 (发报价单) 改到 2026-11-30\n"
    );
    assert_eq!(zh(&["done", "#1"]), "已完成 #1：发报价单 (星河科技)\n");
    let out = book
        .cmd(&["done", "1"])
        .env("FIELDBOOK_NOW", NOW)
        .env("FIELDBOOK_LANG", "zh-CN")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "fieldbook: 跟进 #1 已经完成了\n"
    );
}
