//! `fieldbook import` and `fieldbook export` through the real binary: exit codes, dry runs and
//! refusals that write nothing, private export files, nothing raw from a file on the terminal.

use fieldbook::repository::Repository;

use super::helpers::fixture;

use crate::common::CliBook as Book;

fn arg(path: &std::path::Path) -> String {
    path.display().to_string()
}

#[test]
fn a_dry_run_shows_the_plan_and_writes_nothing() {
    let book = Book::new();
    let (code, out, err) = book.run(&["import", "--dry-run", &arg(&fixture("kehu-gbk.csv"))]);
    assert_eq!(code, 0, "{out}\n{err}");
    assert!(out.contains("CSV, GB18030, 5 record(s)"), "{out}");
    assert!(
        out.contains("row 1 (line 2)")
            && out.contains("new customer 北京星河科技有限公司; new person 张伟"),
        "{out}"
    );
    assert!(out.contains("would import: customers 4 new"), "{out}");
    assert!(
        out.contains("ignored (use --map COL=FIELD to read one): 负责人"),
        "{out}"
    );
    assert_eq!(book.customers(), 0);
    let (code, out, _) = book.run(&[
        "import",
        &arg(&fixture("kehu-gbk.csv")),
        "--map",
        "负责人=note",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("imported: customers 4 new"), "{out}");
    assert_eq!(book.customers(), 4);
    let (code, out, _) = book.run(&["import", &arg(&fixture("kehu-gbk.csv"))]);
    assert_eq!(code, 0);
    assert!(out.contains("nothing new"), "{out}");
    assert_eq!(book.customers(), 4);
}

#[test]
fn bad_rows_exit_1_and_write_nothing_unless_skipped_and_nothing_raw_is_shown() {
    let book = Book::new();
    let bad = arg(&fixture("bad.csv"));
    let (code, out, err) = book.run(&["import", &bad]);
    assert_eq!(code, 1, "{out}\n{err}");
    assert!(
        err.contains("2 bad record(s): nothing was written") && err.contains("--skip-bad"),
        "{err}"
    );
    assert!(out.contains("row 2 (line 3), Name: holds \\u{1b}"), "{out}");
    assert!(!out.contains('\x1b') && !err.contains('\x1b'));
    assert_eq!(book.customers(), 0);
    let (code, _, err) = book.run(&["import", "--dry-run", &bad]);
    assert_eq!(code, 1);
    assert!(err.contains("an import would refuse the file"), "{err}");
    let (code, out, _) = book.run(&["import", "--skip-bad", &bad]);
    assert_eq!(code, 0);
    assert!(out.contains("2 bad record(s) left out"), "{out}");
    assert_eq!(book.customers(), 2);
}

#[test]
fn usage_mistakes_and_missing_files() {
    let book = Book::new();
    let (code, _, err) = book.run(&["import", "/nonexistent/file.csv"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = book.run(&["import", &arg(&fixture("bad.csv")), "--map", "Nope=name"]);
    assert_eq!(code, 1);
    assert!(err.contains("no column"), "{err}");
    let (code, _, err) = book.run(&["import", &arg(&fixture("bad.csv")), "--encoding", "latin9"]);
    assert_eq!(code, 1);
    assert!(err.contains("utf-8 or gb18030"), "{err}");
    let (code, _, _) = book.run(&[
        "import",
        &arg(&fixture("bad.csv")),
        "--merge",
        "--skip-duplicates",
    ]);
    assert_eq!(code, 1);
    let (code, _, err) = book.run(&["export", "--format", "xlsx"]);
    assert_eq!(code, 1, "{err}");
}

#[test]
fn exports_are_private_files_and_json_moves_a_book() {
    let book = Book::new();
    book.run(&["import", &arg(&fixture("contacts.vcf"))]);
    for format in ["csv", "vcard", "ics", "json"] {
        let file = book.dir.path().join(format!("out.{format}"));
        let (code, out, err) = book.run(&["export", "--format", format, "-o", &arg(&file)]);
        assert_eq!(code, 0, "{out}\n{err}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&file).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "{format}");
        }
    }
    let (code, ics, _) = book.run(&["export", "--format", "ics"]);
    assert_eq!(code, 0);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));

    let other = Book::new();
    let (code, out, err) = other.run(&["import", &arg(&book.dir.path().join("out.json"))]);
    assert_eq!(code, 0, "{out}\n{err}");
    let tables = |b: &Book| Repository::open(&b.path()).unwrap().book_tables().unwrap();
    assert_eq!(tables(&other), tables(&book));

    let (code, out, _) = other.run(&[
        "--json",
        "import",
        "--dry-run",
        &arg(&fixture("contacts.vcf")),
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["written"], false);
    assert_eq!(v["report"]["customers"]["created"], 0);
}
