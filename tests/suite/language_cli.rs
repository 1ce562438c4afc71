//! The rest of the command line in Chinese: imports and their row errors, backups, restores,
//! checks, the customer a query means, clap's usage errors; and `--json`, which stays byte for
//! byte the same whichever language is chosen and however.

use crate::common::CliBook;

/// A fixed day, so every date and label is the same each run.
const NOW: &str = "2026-11-23T10:00:00";

/// How a language is chosen for one run: FIELDBOOK_LANG, or the locale alone.
#[derive(Clone, Copy, Debug)]
enum Chosen {
    Fieldbook(&'static str),
    Locale(&'static str),
}

/// Runs the binary on `book` at [`NOW`] with the language chosen as `how`: (exit code, stdout,
/// stderr).
fn run(book: &CliBook, how: Chosen, args: &[&str]) -> (i32, Vec<u8>, String) {
    let mut cmd = book.cmd(args);
    cmd.env("FIELDBOOK_NOW", NOW)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    match how {
        Chosen::Fieldbook(tag) => cmd.env("FIELDBOOK_LANG", tag).env("LANG", "C"),
        Chosen::Locale(lang) => cmd.env_remove("FIELDBOOK_LANG").env("LANG", lang),
    };
    let out = cmd.output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code().unwrap_or(-1), out.stdout, err)
}

fn zh(book: &CliBook, args: &[&str]) -> (i32, String, String) {
    let (code, out, err) = run(book, Chosen::Fieldbook("zh-CN"), args);
    (code, String::from_utf8(out).unwrap(), err)
}

const CHINESE: Chosen = Chosen::Fieldbook("zh-CN");
const WAYS: [Chosen; 4] = [
    Chosen::Fieldbook("en"),
    CHINESE,
    Chosen::Locale("zh_CN.UTF-8"),
    Chosen::Locale("C"),
];

/// A CSV with two bad rows (one field too many, a quote that never closes) and two warnings
/// (a date that is not one, a phone Excel rounded), and a customer the demo book may hold.
const BAD_CSV: &str = "公司,联系人,生日\n\
                       星河科技,张伟,1990-13-45\n\
                       多一列,李四,,多余\n\
                       华南电子,王芳,\n\
                       没闭合,\"赵六,\n";

fn demo_book() -> CliBook {
    let book = CliBook::new();
    let path = book.path().display().to_string();
    let (code, _, err) = run(
        &book,
        Chosen::Fieldbook("en"),
        &["demo", &path, "--customers", "40"],
    );
    assert_eq!(code, 0, "{err}");
    book
}

#[test]
fn json_is_byte_identical_however_the_language_is_chosen() {
    let book = demo_book();
    let csv = book.dir.path().join("客户.csv");
    std::fs::write(&csv, BAD_CSV).unwrap();
    let csv = csv.display().to_string();
    let commands: [&[&str]; 9] = [
        &["today", "--json"],
        &["show", "c1", "--json"],
        &["find", "zhang", "--json"],
        &["report", "--json"],
        &["deal", "list", "--json"],
        &["greetings", "--json"],
        &["check", "--json"],
        &["import", &csv, "--dry-run", "--json"],
        &["export", "--format", "json"],
    ];
    for args in commands {
        let (code, first, _) = run(&book, WAYS[0], args);
        assert!(first.len() > 20, "{args:?} printed too little");
        for how in &WAYS[1..] {
            let (other_code, other, _) = run(&book, *how, args);
            assert_eq!(code, other_code, "{args:?} under {how:?}");
            assert!(first == other, "{args:?} differs under {how:?}");
        }
    }
    // The import's problems are in it, in the English scripts have always read.
    let (_, json, _) = run(&book, CHINESE, &["import", &csv, "--dry-run", "--json"]);
    let json = String::from_utf8(json).unwrap();
    assert!(
        json.contains("\"message\": \"4 fields; the header has 3\""),
        "{json}"
    );
    assert!(!json.contains("字段"), "{json}");
}

#[test]
fn an_import_names_each_bad_row_and_column_in_chinese() {
    let book = CliBook::new();
    let csv = book.dir.path().join("客户.csv");
    std::fs::write(&csv, BAD_CSV).unwrap();
    let csv = csv.display().to_string();
    let (code, out, err) = zh(&book, &["import", &csv]);
    assert_eq!(code, 1, "{out}{err}");
    for line in [
        "CSV，UTF-8，2 条记录",
        "有误，不导入（2）",
        "  第2行（文件第3行）：有 4 个字段，表头只有 3 个",
        "  第4行（文件第5行）：这一行的引号没有闭合；文件余下部分会被读成一个字段",
        "提醒（1）",
        "  第1行（文件第2行），生日：\"1990-13-45\" 不是日期，已放进备注",
    ] {
        assert!(out.contains(line), "{line} missing:\n{out}");
    }
    assert_eq!(
        err,
        "fieldbook: 2 条记录有误：什么也没写入。请改正，或加 --skip-bad 导入其余记录\n"
    );
    assert_eq!(book.customers(), 0);
    let (code, out, _) = zh(&book, &["import", &csv, "--skip-bad", "--dry-run"]);
    assert_eq!(code, 0);
    for line in [
        "将要执行",
        "新客户 星河科技；新联系人 张伟",
        "将导入：客户 新增 2，合并 0，已有 0，跳过重复 0",
        "略过 2 条有误的记录",
    ] {
        assert!(out.contains(line), "{line} missing:\n{out}");
    }
    for word in ["row", "line", "would", "new", "bad", "skipped"] {
        assert!(!out.contains(word), "{word} in Chinese output:\n{out}");
    }
    // A file that cannot be read at all says why in Chinese too.
    std::fs::write(&csv, "Foo,Bar\n1,2\n").unwrap();
    let (code, _, err) = zh(&book, &["import", &csv]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "fieldbook: 没有哪一列是客户或联系人的名称（表头有 \"Foo\", \"Bar\"）；\
         请用 --map 列名=company 或 --map 列名=name 指明\n"
    );
}

#[test]
fn backup_check_restore_and_the_customer_meant_are_said_in_chinese() {
    let book = CliBook::new();
    book.ok(&["add", "星河科技"]);
    book.ok(&["add", "星河电子"]);
    let copy = book.dir.path().join("copy.sqlite3");
    let copy_s = copy.display().to_string();
    let (code, out, _) = zh(&book, &["backup", &copy_s]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("已把 ") && out.contains(" 备份到 "),
        "{out}"
    );
    let (_, out, _) = zh(&book, &["check"]);
    assert!(
        out.contains("：正常（版本 ") && out.contains("2 个客户"),
        "{out}"
    );
    let (code, _, err) = zh(&book, &["show", "星河"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("fieldbook: “星河”匹配到多个客户") && err.contains("上次联系"),
        "{err}"
    );
    let (code, _, err) = zh(&book, &["show", "没有这家"]);
    assert_eq!(
        (code, err.as_str()),
        (2, "fieldbook: 没有与“没有这家”匹配的客户\n")
    );
    let (code, _, err) = zh(&book, &["restore", &copy_s]);
    assert_eq!(code, 1);
    assert!(err.contains("请加 --yes 确认"), "{err}");
    let (code, out, _) = zh(&book, &["restore", &copy_s, "--yes"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("已从 ") && out.contains("（2 个客户）；原客户簿已保存在 "),
        "{out}"
    );
}

#[test]
fn clap_usage_errors_are_said_in_chinese_with_the_same_exit_code() {
    let book = CliBook::new();
    let (en_code, _, en) = run(&book, Chosen::Fieldbook("en"), &["today", "--bogus"]);
    assert!(
        en.starts_with("error: unexpected argument '--bogus'"),
        "{en}"
    );
    let (code, out, err) = zh(&book, &["today", "--bogus"]);
    assert_eq!((code, out.as_str()), (en_code, ""));
    assert_eq!(
        err,
        "错误：无法识别的参数 '--bogus'\n\n用法: fieldbook today [OPTIONS]\n\n更多信息请运行 '--help'。\n"
    );
    let (code, _, err) = run(&book, Chosen::Locale("zh_CN.UTF-8"), &["snooze"]);
    assert_eq!(code, en_code);
    assert!(err.starts_with("错误：缺少必需的参数：\n  <ID>"), "{err}");
    // --help and --version are not errors: they still print and exit 0.
    let (code, out, _) = zh(&book, &["--version"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("fieldbook "), "{out}");
}

/// The TUI's import preview in Chinese: its counts, its problems by row and column, each
/// record's verdict, with the places padded by display width.
#[test]
fn the_tui_import_preview_speaks_chinese() {
    use crate::common::{run, sample_book, state_for, typed};
    use fieldbook::i18n::{Language, with_language};
    use fieldbook::tui::action::Action;
    let (mut repo, _) = sample_book();
    let mut state = state_for(&repo);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kehu.csv");
    std::fs::write(
        &file,
        "客户名称,联系人,手机,城市,生日\n杭州精诚化工有限公司,李娜,13912345678,杭州,1985-13-20\n\
         多一列,王五,555,南京,,多余\n北京星河科技有限公司,张伟,,北京,\n",
    )
    .unwrap();
    let text = with_language(Language::Chinese, || {
        run(&mut state, &mut repo, [Action::StartImport]);
        run(&mut state, &mut repo, typed(&file.display().to_string()));
        run(&mut state, &mut repo, [Action::SaveForm]);
        crate::snapshots::screen(&mut state, 110, 26)
    });
    let path = std::fs::canonicalize(&file).unwrap().display().to_string();
    assert!(
        text.lines()
            .any(|l| l.contains(&path) && l.contains("CSV · UTF-8 · 2 条记录")),
        "{text}"
    );
    for word in [
        "row", "line", "bad", "new", "skip", "Problems", "Records", "merged",
    ] {
        assert!(
            !text.contains(word),
            "{word} on the Chinese preview:\n{text}"
        );
    }
    let pinned: Vec<&str> = text.lines().filter(|l| !l.contains(&path)).collect();
    insta::assert_snapshot!(pinned.join("\n"));
}
