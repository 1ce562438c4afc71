//! A book that cannot be written can still be read: on a full disk and in a read-only folder,
//! `today`, `show`, `find`, `export`, `report` and `check` work (opened read-only, said in one
//! line), `backup` writes a copy elsewhere or says why not, and writes fail saying why. The
//! disk is a small tmpfs, which needs root and `mount`: without them these tests say so and
//! pass without running.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A small tmpfs mounted on a fresh folder, unmounted when dropped.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(test: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs"])
            .arg(dir.path())
            .output()
            .is_ok_and(|o| o.status.success());
        if !mounted {
            eprintln!("{test}: skipped, no tmpfs can be mounted here (needs root and mount)");
            return None;
        }
        Some(Tmpfs { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Fills the disk to the last byte.
    fn fill(&self) {
        let mut filler = std::fs::File::create(self.path().join("filler")).unwrap();
        let chunk = vec![0u8; 16 * 1024];
        while filler
            .write_all(&chunk)
            .and_then(|()| filler.flush())
            .is_ok()
        {}
        let byte = [0u8; 1];
        while filler.write_all(&byte).is_ok() {}
    }

    fn make_read_only(&self) -> bool {
        Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(self.path())
            .output()
            .is_ok_and(|o| o.status.success())
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).output();
    }
}

/// The real binary on `book`, its config kept off the small disk.
fn fieldbook(book: &Path, config: &Path, args: &[&str]) -> (i32, String, String) {
    let out = assert_cmd::Command::cargo_bin("fieldbook")
        .unwrap()
        .env("FIELDBOOK_DB", book)
        .env("FIELDBOOK_CONFIG", config.join("config.toml"))
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A book on the small disk with a customer, a call and a follow-up.
fn book_on(disk: &Tmpfs, config: &Path) -> PathBuf {
    let book = disk.path().join("book.sqlite3");
    for args in [
        vec!["add", "Acme Trading", "--city", "上海"],
        vec![
            "log",
            "acme",
            "called about the spring order",
            "--next",
            "+3d",
        ],
    ] {
        let (code, out, err) = fieldbook(&book, config, &args);
        assert_eq!(code, 0, "{args:?}: {out}{err}");
    }
    book
}

/// Every read-only command works on `book` and says it only reads.
fn reads_work(book: &Path, config: &Path) {
    let reads: [(&[&str], &str); 7] = [
        (&["today"], "Follow up: called about the spring order"),
        (&["show", "acme"], "called about the spring order"),
        (&["find", "acme"], "Acme Trading"),
        (&["export", "--format", "csv"], "Acme Trading,company"),
        (
            &["export", "--format", "json"],
            "\"called about the spring order\"",
        ),
        (&["report"], "Dashboard"),
        (&["check"], ": ok (book version"),
    ];
    for (args, shows) in reads {
        let (code, out, err) = fieldbook(book, config, args);
        assert_eq!(code, 0, "{args:?}: {out}{err}");
        assert!(out.contains(shows), "{args:?} shows {shows:?}: {out}");
        if args[0] != "check" {
            assert!(
                err.contains("reading it only, nothing is changed"),
                "{args:?}: {err}"
            );
        }
    }
    let elsewhere = config.join("copy.sqlite3");
    let (code, out, err) = fieldbook(book, config, &["backup", elsewhere.to_str().unwrap()]);
    assert_eq!(code, 0, "backup elsewhere: {out}{err}");
    let (code, out, _) = fieldbook(&elsewhere, config, &["check"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("1 customers, 1 interactions, 1 open follow-ups"),
        "{out}"
    );
}

#[test]
fn on_a_full_disk_the_read_only_commands_work_and_backup_and_log_say_disk_full() {
    let Some(disk) = Tmpfs::mount("full disk") else {
        return;
    };
    let config = tempfile::tempdir().unwrap();
    let book = book_on(&disk, config.path());
    disk.fill();

    reads_work(&book, config.path());
    let (code, _, err) = fieldbook(&book, config.path(), &["backup"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("disk full (") && err.contains(" KB free on "),
        "{err}"
    );
    assert!(
        err.contains("was not written; the book is as it was"),
        "{err}"
    );
    let backups = std::fs::read_dir(disk.path().join("backups")).map_or(0, |d| d.count());
    assert_eq!(backups, 0, "no half-written copy left behind");
    let on_disk = disk.path().join("out.json");
    let (code, _, err) = fieldbook(
        &book,
        config.path(),
        &[
            "export",
            "--format",
            "json",
            "-o",
            on_disk.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 1);
    assert!(err.contains("disk full ("), "{err}");
    assert!(
        !on_disk.exists(),
        "no empty file left where the export failed"
    );
    let (code, _, err) = fieldbook(&book, config.path(), &["log", "acme", "lost?"]);
    assert_eq!(code, 1);
    assert!(err.contains("disk full ("), "{err}");

    // Space again: the book is whole and takes writes.
    std::fs::remove_file(disk.path().join("filler")).unwrap();
    let (code, out, err) = fieldbook(
        &book,
        config.path(),
        &["log", "acme", "after the full disk"],
    );
    assert_eq!(code, 0, "{out}{err}");
    let (_, shown, _) = fieldbook(&book, config.path(), &["show", "acme"]);
    assert!(shown.contains("called about the spring order"), "{shown}");
    assert!(!shown.contains("lost?"), "{shown}");
}

#[test]
fn in_a_read_only_folder_the_read_only_commands_work() {
    let Some(disk) = Tmpfs::mount("read-only folder") else {
        return;
    };
    let config = tempfile::tempdir().unwrap();
    let book = book_on(&disk, config.path());
    if !disk.make_read_only() {
        eprintln!("read-only folder: skipped, the tmpfs could not be remounted read-only");
        return;
    }
    reads_work(&book, config.path());
    let (code, _, err) = fieldbook(&book, config.path(), &["backup"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("name a backup elsewhere, `fieldbook backup PATH`"),
        "{err}"
    );
    let (code, _, err) = fieldbook(&book, config.path(), &["log", "acme", "not here"]);
    assert_eq!(code, 1, "a write fails: {err}");
}
