//! The book refusing a value or a file, said in the language chosen: a name holding a terminal
//! control character through `add`, and through an import row; `--json` keeps the English.

use crate::common::CliBook;

/// Runs with `FIELDBOOK_LANG=tag`: (exit code, stdout, stderr).
fn run_in(book: &CliBook, tag: &str, args: &[&str]) -> (i32, String, String) {
    let out = book
        .cmd(args)
        .env("FIELDBOOK_LANG", tag)
        .env("FIELDBOOK_NOW", "2026-11-23T10:00:00")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn add_refuses_a_control_character_in_each_language() {
    let book = CliBook::new();
    let name = "星河\x1b[2J科技";
    let (code, out, err) = run_in(&book, "zh-CN", &["add", name]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(err, "fieldbook: 客户：名称含有 \\u{1b}（终端控制字符）\n");
    let (code, _, err) = run_in(&book, "en", &["add", name]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "fieldbook: a customer: name holds \\u{1b} (a terminal control character)\n"
    );
    let long = "名".repeat(201);
    let (_, _, err) = run_in(&book, "zh-CN", &["add", &long]);
    assert_eq!(err, "fieldbook: 客户：名称长 201 个字符，最多 200 个\n");
    assert_eq!(book.customers(), 0);
}

#[test]
fn an_import_row_with_a_control_character_is_refused_in_each_language() {
    let book = CliBook::new();
    let csv = book.dir.path().join("客户.csv");
    std::fs::write(&csv, "公司,联系人\n星\x1b[2J河,张伟\n华南电子,王芳\n").unwrap();
    let csv = csv.display().to_string();
    let (code, out, _) = run_in(&book, "zh-CN", &["import", &csv]);
    assert_eq!(code, 1, "{out}");
    let row = "  第1行（文件第2行），公司：含有 \\u{1b}（终端控制字符）\n";
    assert!(out.contains(row), "{out}");
    let (_, out, _) = run_in(&book, "en", &["import", &csv]);
    let row = "holds \\u{1b} (a terminal control character)";
    assert!(out.contains(row), "{out}");
    assert!(!out.contains('\x1b'), "{out}");
    // Scripts read the English under either language, byte for byte.
    let json = ["import", &csv, "--dry-run", "--json"];
    let (_, zh_json, _) = run_in(&book, "zh-CN", &json);
    let (_, en_json, _) = run_in(&book, "en", &json);
    assert_eq!(zh_json, en_json);
    let message = r#""message": "holds \\u{1b} (a terminal control character)""#;
    assert!(zh_json.contains(message), "{zh_json}");
    assert_eq!(book.customers(), 0);
}

#[test]
fn a_deals_own_rules_are_said_in_each_language() {
    let book = CliBook::new();
    book.ok(&["add", "星河科技"]);
    let deal = [
        "deal",
        "add",
        "星河",
        " ",
        "--amount",
        "5",
        "--currency",
        "ZZZZ",
    ];
    let (code, _, err) = run_in(&book, "zh-CN", &deal);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "fieldbook: 标题：请写明卖了什么或报了什么；货币：“ZZZZ”不是 CNY、USD 这样的货币代码\n"
    );
    let (_, _, err) = run_in(&book, "en", &deal);
    assert_eq!(
        err,
        "fieldbook: title: say what was sold or offered; \
         currency: \"ZZZZ\" is not a currency code such as CNY or USD\n"
    );
}

/// A file at the book's path that is no book is refused, and left alone, in either language.
#[test]
fn a_file_that_is_no_book_is_refused_in_each_language() {
    let book = CliBook::new();
    std::fs::write(book.path(), "客户,电话\n".repeat(20)).unwrap();
    let path = book.path().display().to_string();
    let (code, _, err) = run_in(&book, "zh-CN", &["today"]);
    assert_ne!(code, 0);
    let said =
        format!("fieldbook: {path} 不是 fieldbook 客户本（不是 SQLite 数据库）；未打开也未改动。");
    assert!(err.starts_with(&said), "{err}");
    let (_, _, err) = run_in(&book, "en", &["today"]);
    let said = format!("fieldbook: {path} is not a fieldbook book (not a SQLite database); ");
    assert!(err.starts_with(&said), "{err}");
    assert_eq!(
        std::fs::read(book.path()).unwrap(),
        "客户,电话\n".repeat(20).as_bytes()
    );
}

/// `check` names a file's problems in the language spoken; `--json` in English under both.
#[test]
fn check_says_what_is_wrong_in_each_language_and_json_in_english() {
    let book = CliBook::new();
    std::fs::write(book.path(), "不是账本\n".repeat(20)).unwrap();
    let (code, _, err) = run_in(&book, "zh-CN", &["check"]);
    assert_eq!(code, 1);
    assert!(err.contains("\n  不是 SQLite 数据库\n"), "{err}");
    let (_, en, _) = run_in(&book, "en", &["check", "--json"]);
    let (_, zh, _) = run_in(&book, "zh-CN", &["check", "--json"]);
    assert_eq!(zh, en);
    assert!(
        zh.contains(r#""problems":["not a SQLite database"]"#),
        "{zh}"
    );
}
