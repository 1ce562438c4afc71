//! No input makes fieldbook panic or work without end: out-of-range numbers are refused with a
//! message, importers are linear, streams are capped like files, and a book is a regular file.

use std::process::Stdio;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use fieldbook::interop::{self, Format, ReadOptions};

fn fieldbook(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("fieldbook")
        .unwrap()
        .env("FIELDBOOK_DB", dir.join("book.sqlite3"))
        .env("FIELDBOOK_CONFIG", dir.join("config.toml"))
        .env("NO_COLOR", "1")
        .args(args)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_huge_agenda_window_is_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = fieldbook(dir.path(), &["today", "--days", "100000000"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("3660") && !err.contains("panicked"), "{err}");
    let (code, _, err) = fieldbook(dir.path(), &["today", "--days", "3660"]);
    assert_eq!(code, 0, "ten years ahead is fine: {err}");
}

#[test]
fn an_impossible_demo_size_is_refused_and_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.sqlite3");
    let demo = path.display().to_string();
    for n in ["18446744073709551615", "1000001", "0"] {
        let (code, _, err) = fieldbook(dir.path(), &["demo", &demo, "--customers", n]);
        assert_eq!(code, 1, "{n}: {err}");
        assert!(!err.contains("panicked"), "{err}");
        assert!(!path.exists(), "{n}: no book left behind");
    }
}

#[test]
fn a_card_with_100k_phones_is_read_in_one_pass() {
    let mut card = String::from("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Many Phones\r\n");
    for i in 0..100_000 {
        card.push_str(&format!("item{i}.TEL;TYPE=work:+86 138 {i:08}\r\n"));
        card.push_str(&format!("item{i}.X-ABLabel:desk {i}\r\n"));
    }
    card.push_str("END:VCARD\r\n");
    let options = ReadOptions {
        format: Some(Format::Vcard),
        ..ReadOptions::default()
    };
    // Linear work is a few seconds even unoptimised; the quadratic reading took many minutes.
    let started = Instant::now();
    let batch = interop::read_bytes(card.as_bytes(), "many.vcf", &options).unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
    let phone = batch.bad().find(|n| n.column.as_deref() == Some("phone"));
    assert!(
        phone.is_some(),
        "100k phones are too long for one field: {:?}",
        batch.notices
    );
}

fn child_writing(bytes: usize) -> std::process::ChildStdout {
    std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("head -c {bytes} /dev/zero"))
        .stdout(Stdio::piped())
        .spawn()
        .unwrap()
        .stdout
        .take()
        .unwrap()
}

#[test]
fn a_stream_is_capped_like_a_file() {
    let cap = 512 * 1024;
    let over = interop::read_capped(child_writing(1024 * 1024), "pipe", cap).unwrap_err();
    let said = fieldbook::services::import_words::read_error(&over);
    assert!(said.contains("over 524288 bytes"), "{said}");
    let under = interop::read_capped(child_writing(1000), "pipe", cap).unwrap();
    assert_eq!(under.len(), 1000);
    let exact = interop::read_capped(child_writing(cap as usize), "pipe", cap).unwrap();
    assert_eq!(exact.len() as u64, cap);
}

#[test]
fn an_import_from_stdin_reads_the_stream() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("fieldbook")
        .unwrap()
        .env("FIELDBOOK_DB", dir.path().join("book.sqlite3"))
        .env("FIELDBOOK_CONFIG", dir.path().join("config.toml"))
        .args(["import", "/dev/stdin", "--format", "csv"])
        .write_stdin("Company,City\n星河科技,北京\n")
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_fifo_is_refused_as_a_book() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("book.fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let fifo = fifo.display().to_string();
    for args in [vec!["--db", &fifo, "today"], vec!["--db", &fifo, "check"]] {
        let (code, _, err) = fieldbook(dir.path(), &args);
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(err.contains("not a regular file"), "{err}");
    }
}

#[test]
fn an_endless_piped_summary_is_refused_without_reading_it_all() {
    let dir = tempfile::tempdir().unwrap();
    fieldbook(dir.path(), &["add", "星河科技"]);
    let mut endless = std::process::Command::new("yes")
        .arg("a long call")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut log = std::process::Command::new(assert_cmd::cargo::cargo_bin("fieldbook"))
        .env("FIELDBOOK_DB", dir.path().join("book.sqlite3"))
        .env("FIELDBOOK_CONFIG", dir.path().join("config.toml"))
        .args(["log", "星河"])
        .stdin(Stdio::from(endless.stdout.take().unwrap()))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while log.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            log.kill().unwrap();
            panic!("still reading an endless summary after a minute");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = log.wait_with_output().unwrap();
    let _ = endless.kill();
    let _ = endless.wait();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("summary") && err.contains("20000"), "{err}");
}
