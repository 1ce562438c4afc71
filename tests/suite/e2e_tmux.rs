//! End-to-end: the real binary in a real terminal (tmux), on a temporary book.
//!
//! Each test starts its own tmux server (`-L` socket, `-f /dev/null`, 120x40, remain-on-exit)
//! and polls `capture-pane` for what a salesperson would see, never sleeping a guessed time.
//! On a timeout the panic carries the last screen. Without tmux the tests skip, except under CI
//! (env `CI` set), where a missing tmux is a failure.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_fieldbook");
const DEADLINE: Duration = Duration::from_secs(20);
const POLL: Duration = Duration::from_millis(50);
const SESSION: &str = "e2e";
pub(crate) const CUSTOMER: &str = "北京星河科技有限公司";

static SERVERS: AtomicUsize = AtomicUsize::new(0);

/// How the program in the pane ended.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Exit {
    Status(i32),
    Signal(String),
}

/// One tmux server running one pane. Dropping it kills the server, panic or not.
pub(crate) struct Tmux {
    socket: String,
    /// `TMUX_TMPDIR`: the socket lives in the test's temporary folder and goes with it.
    socket_dir: PathBuf,
    /// Every program started in the pane: ended by pid when the test ends, so none outlives it
    /// whatever became of the server.
    pids: std::cell::RefCell<Vec<u32>>,
}

impl Tmux {
    /// Starts a server with `fieldbook ARGS...` (environment `vars` only) in a 120x40 pane, or
    /// returns `None` (skip) when tmux is not installed and we are not under CI.
    pub(crate) fn start(dir: &Path, vars: &[String], args: &[&str]) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            if std::env::var_os("CI").is_some() {
                panic!("tmux is not installed, and CI is set: the end-to-end tests must run");
            }
            eprintln!("skipping: tmux not installed");
            return None;
        }
        let socket = format!(
            "fieldbook-e2e-{}-{}",
            std::process::id(),
            SERVERS.fetch_add(1, Ordering::SeqCst)
        );
        let tmux = Tmux {
            socket,
            socket_dir: dir.to_path_buf(),
            pids: Default::default(),
        };
        // remain-on-exit is set before the pane exists, so a quick exit still leaves a dead pane
        // with its status to read.
        let mut cmd = vec![
            "start-server",
            ";",
            "set-option",
            "-g",
            "remain-on-exit",
            "on",
            ";",
            "new-session",
            "-d",
            "-s",
            SESSION,
            "-x",
            "120",
            "-y",
            "40",
            "--",
        ];
        let program = program(vars, args);
        cmd.extend(program.iter().map(String::as_str));
        tmux.run(&cmd);
        tmux.remember_program();
        Some(tmux)
    }

    fn command(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-u", "-f", "/dev/null", "-L", &self.socket])
            .args(args)
            .env("LC_ALL", "C.UTF-8")
            .env("TMUX_TMPDIR", &self.socket_dir)
            .env_remove("TMUX")
            .output()
            .expect("run tmux")
    }

    /// Runs a tmux command that must succeed; returns its stdout.
    fn run(&self, args: &[&str]) -> String {
        let out = self.command(args);
        assert!(
            out.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn display(&self, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", SESSION, format])
            .trim_end()
            .to_string()
    }

    pub(crate) fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", SESSION])
    }

    /// Named keys (`Tab`, `C-s`) or single characters.
    pub(crate) fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", SESSION, "--"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Text typed as is, never read as key names.
    pub(crate) fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-l", "-t", SESSION, "--", text]);
    }

    /// Pastes `text` the way a terminal does (bracketed, since the program asked for it), not
    /// as typed keys: a Tab in it must not move to the next field.
    fn paste(&self, text: &str) {
        self.run(&["set-buffer", "-b", "e2e-paste", "--", text]);
        self.run(&["paste-buffer", "-p", "-d", "-b", "e2e-paste", "-t", SESSION]);
    }

    /// Polls the screen until `ready` holds; panics with the last screen after the deadline.
    pub(crate) fn wait_until(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            if start.elapsed() > DEADLINE {
                let pane = self.display("dead=#{pane_dead} status=#{pane_dead_status}");
                panic!(
                    "timed out after {DEADLINE:?} waiting for {what} ({pane}); last screen:\n{screen}"
                );
            }
            thread::sleep(POLL);
        }
    }

    /// Waits until each of `texts` is somewhere on the screen.
    pub(crate) fn wait_for(&self, texts: &[&str]) -> String {
        self.wait_until(&format!("{texts:?}"), |s| {
            texts.iter().all(|t| s.contains(t))
        })
    }

    /// Waits until one screen line holds all of `parts`, in that order.
    pub(crate) fn wait_for_line(&self, parts: &[&str]) -> String {
        self.wait_until(&format!("a line with {parts:?}"), |s| {
            s.lines().any(|line| has_in_order(line, parts))
        })
    }

    /// Waits for the program to end and says how. tmux 3.3a sometimes leaves the status of a
    /// dead pane empty until it handles another SIGCHLD, so the server gets nudged.
    pub(crate) fn wait_exit(&self) -> Exit {
        let server = self.display("#{pid}");
        let start = Instant::now();
        let mut nudged = false;
        loop {
            let state = self.display("#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}");
            let mut fields = state.split('|');
            let (dead, status, signal) = (
                fields.next().unwrap_or(""),
                fields.next().unwrap_or(""),
                fields.next().unwrap_or(""),
            );
            if dead == "1" {
                if let Ok(code) = status.parse() {
                    return Exit::Status(code);
                }
                if !signal.is_empty() {
                    return Exit::Signal(signal.to_string());
                }
                if !nudged {
                    eprintln!(
                        "tmux lost the exit status of the dead pane: nudging it with SIGCHLD"
                    );
                    nudged = true;
                }
                let _ = Command::new("kill").args(["-CHLD", &server]).status();
            }
            if start.elapsed() > DEADLINE {
                panic!(
                    "timed out after {DEADLINE:?} waiting for the program to exit ({state}); last screen:\n{}",
                    self.screen()
                );
            }
            thread::sleep(POLL);
        }
    }

    /// Presses Tab until the form's focus marker (`›`) is on `label`, one field at a time, so
    /// the test follows the form whatever fields sit in between.
    pub(crate) fn tab_to(&self, label: &str) {
        let marker = format!("›{label}");
        let mut screen = self.wait_until("a focused form field", |s| !focused_line(s).is_empty());
        for _ in 0..40 {
            let focused = focused_line(&screen);
            if focused.starts_with(&marker) {
                return;
            }
            self.keys(&["Tab"]);
            // A capture may catch a frame half drawn, the marker already gone from the old line
            // but not yet on the new one, or the old field's value still arriving: only another
            // label beside the marker means the Tab landed.
            let label = focused_label(&focused);
            screen = self.wait_until(&format!("Tab to move the focus off {focused:?}"), |s| {
                let now = focused_line(s);
                !now.is_empty() && focused_label(&now) != label
            });
        }
        panic!("Tab never reached the field {label:?}; last screen:\n{screen}");
    }

    /// Whether the pane's terminal is still in the alternate screen.
    pub(crate) fn alternate_on(&self) -> bool {
        self.display("#{alternate_on}") == "1"
    }

    pub(crate) fn program_pid(&self) -> String {
        self.display("#{pane_pid}")
    }

    fn remember_program(&self) {
        if let Ok(pid) = self.program_pid().parse() {
            self.pids.borrow_mut().push(pid);
        }
    }

    /// Starts the program again in the same (dead) pane.
    pub(crate) fn respawn(&self, vars: &[String], args: &[&str]) {
        let mut cmd = vec!["respawn-pane", "-k", "-t", SESSION, "--"];
        let program = program(vars, args);
        cmd.extend(program.iter().map(String::as_str));
        self.run(&cmd);
        self.remember_program();
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.command(&["kill-server"]);
        for pid in self.pids.borrow().iter() {
            // Only a fieldbook still running under that pid: the number may have been reused.
            if running_fieldbook(*pid) {
                let _ = Command::new("kill")
                    .args(["-KILL", &pid.to_string()])
                    .status();
            }
        }
    }
}

/// Whether `pid` is a live (not zombie) fieldbook process.
fn running_fieldbook(pid: u32) -> bool {
    let Ok(stat) = fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return false;
    };
    // "pid (comm) state ...": the state follows the last ')'.
    let state = stat.rsplit(')').next().unwrap_or("").trim_start();
    stat.contains("(fieldbook)") && !state.starts_with('Z')
}

/// `env -i TERM=xterm-256color VARS... fieldbook ARGS...`: no shell in between (so
/// `#{pane_pid}` is the program), and only the environment the test gives, whatever the
/// developer's shell or the tmux server holds (a FIELDBOOK_DB or FIELDBOOK_CONFIG of their own).
fn program(vars: &[String], args: &[&str]) -> Vec<String> {
    let mut program = vec![
        "env".to_string(),
        "-i".to_string(),
        "TERM=xterm-256color".to_string(),
        "LANG=C.UTF-8".to_string(),
        format!("PATH={}", std::env::var("PATH").unwrap_or_default()),
    ];
    program.extend(vars.iter().cloned());
    program.push(BIN.to_string());
    program.extend(args.iter().map(|a| a.to_string()));
    program
}

/// A home of its own under `dir`, so nothing (config, default book) touches the real one.
pub(crate) fn sandbox_env(dir: &Path) -> Vec<String> {
    let home = dir.join("home");
    vec![
        format!("HOME={}", home.display()),
        format!("XDG_DATA_HOME={}", home.join("data").display()),
        format!("XDG_CONFIG_HOME={}", home.join("config").display()),
    ]
}

/// Files named like a book (`book.sqlite3`, `-wal`, ...) anywhere under `dir`.
fn books_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else if entry.file_name().to_string_lossy().contains(".sqlite3") {
                found.push(path);
            }
        }
    }
    found
}

/// The focused form field: from its `›` marker to the end of the line.
fn focused_line(screen: &str) -> String {
    screen
        .lines()
        .find_map(|l| l.find('›').map(|i| l[i..].trim_end().to_string()))
        .unwrap_or_default()
}

/// The label of a focused line (`›Label   value`): the form pads every label to one width (15
/// columns after the marker), so the label is what those columns hold.
fn focused_label(line: &str) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut width = 0;
    line.trim_start_matches('›')
        .chars()
        .take_while(|c| {
            width += c.width().unwrap_or(0);
            width <= 15
        })
        .collect()
}

pub(crate) fn has_in_order(line: &str, parts: &[&str]) -> bool {
    let mut rest = line;
    for part in parts {
        match rest.find(part) {
            Some(i) => rest = &rest[i + part.len()..],
            None => return false,
        }
    }
    true
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// The book and any SQLite sidecar files (`-wal`, `-shm`) next to it are private to the user.
fn assert_book_private(book: &Path) {
    assert_eq!(mode(book), 0o600, "{} mode", book.display());
    for suffix in ["-wal", "-shm", "-journal"] {
        let side = book.with_file_name(format!(
            "{}{suffix}",
            book.file_name().unwrap().to_string_lossy()
        ));
        if side.exists() {
            assert_eq!(mode(&side), 0o600, "{} mode", side.display());
        }
    }
}

#[test]
fn add_customer_log_a_call_and_find_it_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.sqlite3");
    let book_s = book.display().to_string();
    let bogus = dir.path().join("not-this-one").join("book.sqlite3");
    // FIELDBOOK_DB points elsewhere: --db must win.
    let mut vars = sandbox_env(dir.path());
    vars.push(format!("FIELDBOOK_DB={}", bogus.display()));
    let args = ["--db", book_s.as_str()];
    let Some(tmux) = Tmux::start(dir.path(), &vars, &args) else {
        return;
    };

    tmux.wait_for(&["Welcome to fieldbook"]);
    tmux.wait_for_line(&["fieldbook", &book_s]);

    // Add a customer: a Chinese name, then the City.
    tmux.keys(&["a"]);
    tmux.wait_for_line(&["Add a customer"]);
    tmux.wait_for_line(&["›Name"]);
    tmux.type_text(CUSTOMER);
    tmux.wait_for_line(&["›Name", CUSTOMER]);
    tmux.tab_to("City");
    tmux.type_text("北京");
    tmux.wait_for_line(&["›City", "北京"]);
    tmux.keys(&["C-s"]);
    tmux.wait_for_line(&["added", CUSTOMER]);
    // Conditions on one screen are waited for together: a capture can catch a frame half drawn.
    tmux.wait_until("the new customer and its city in the list", |s| {
        s.contains("1 Customers (1)")
            && s.lines().any(|l| has_in_order(l, &[CUSTOMER, "北京"]))
            && !s.contains("Welcome to fieldbook")
    });

    // Log a call with a next step. Each field is checked while it has focus: a short form may
    // scroll the others out of sight.
    tmux.keys(&["l"]);
    tmux.wait_for_line(&["Log a contact with", CUSTOMER]);
    tmux.wait_for_line(&["›Summary"]);
    tmux.type_text("Called about the Q1 order");
    tmux.wait_for_line(&["›Summary", "Called about the Q1 order"]);
    tmux.tab_to("Channel");
    tmux.keys(&["c"]);
    tmux.wait_for_line(&["›Channel", "call"]);
    tmux.tab_to("With");
    tmux.tab_to("When");
    tmux.tab_to("Follow-up date");
    tmux.type_text("tomorrow");
    tmux.wait_for_line(&["›Follow-up date", "tomorrow"]);
    tmux.tab_to("Follow-up task");
    tmux.type_text("Send the quote");
    tmux.wait_for_line(&["›Follow-up task", "Send the quote"]);
    tmux.keys(&["C-s"]);
    tmux.wait_for_line(&["logged call", "follow-up tomorrow"]);
    tmux.wait_for_line(&["Next 7 days (1)"]);
    tmux.wait_until("the form closed and the follow-up listed", |s| {
        !s.contains("Log a contact with")
            && s.lines()
                .any(|l| has_in_order(l, &["tomorrow", CUSTOMER, "Send the quote"]))
    });

    // While the book is open, it and its WAL files are private.
    assert_book_private(&book);

    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(), Exit::Status(0), "{}", tmux.screen());
    assert!(
        !tmux.alternate_on(),
        "terminal left in the alternate screen"
    );
    assert_book_private(&book);
    assert!(
        !bogus.parent().unwrap().exists(),
        "--db must win over FIELDBOOK_DB"
    );
    assert_eq!(
        books_under(&dir.path().join("home")),
        Vec::<PathBuf>::new(),
        "no book in the default location"
    );

    // Everything is still there after a restart.
    tmux.respawn(&vars, &args);
    tmux.wait_for_line(&["1 Customers (1)"]);
    tmux.wait_for_line(&[CUSTOMER, "北京"]);
    tmux.keys(&["Enter"]);
    // The history has focus (the footer shows the history keys, not the list's) and shows the
    // call; the follow-up is still due.
    tmux.wait_until(
        "the history focused, with the call and the follow-up",
        |s| {
            s.contains("l log")
                && !s.contains("a add")
                && s.contains("3 History (1/1)")
                && s.contains("Called about the Q1 order")
                && s.contains("Send the quote")
        },
    );
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(), Exit::Status(0), "{}", tmux.screen());
    assert!(
        !tmux.alternate_on(),
        "terminal left in the alternate screen"
    );
    assert_book_private(&book);
}

/// Whether any string in `value` (at any depth) equals `text`.
pub(crate) fn holds_string(value: &serde_json::Value, text: &str) -> bool {
    match value {
        serde_json::Value::String(s) => s == text,
        serde_json::Value::Array(items) => items.iter().any(|v| holds_string(v, text)),
        serde_json::Value::Object(map) => map.values().any(|v| holds_string(v, text)),
        _ => false,
    }
}

#[test]
fn a_pasted_message_with_tabs_and_lines_is_saved_whole_in_summary() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.sqlite3");
    let book_s = book.display().to_string();
    cli_json(&book_s, &["add", CUSTOMER, "--city", "北京"]);
    let vars = sandbox_env(dir.path());
    let args = ["--db", book_s.as_str()];
    let Some(tmux) = Tmux::start(dir.path(), &vars, &args) else {
        return;
    };
    tmux.wait_for_line(&[CUSTOMER, "北京"]);
    tmux.keys(&["l"]);
    tmux.wait_for_line(&["›Summary"]);
    // A WeChat message as copied: a Tab, line breaks, Chinese and English.
    let message = "王经理：\t报价单已收到\n请下周一前确认数量\nQty\t500 pcs";
    tmux.paste(message);
    tmux.wait_for_line(&["请下周一前确认数量"]);
    // Nothing spilled into the next fields: Channel still says call, With is still empty.
    tmux.wait_for_line(&["Channel", "call"]);
    tmux.wait_for_line(&["With", "person spoken with (optional)"]);
    tmux.keys(&["C-s"]);
    tmux.wait_for_line(&["logged call"]);
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(), Exit::Status(0), "{}", tmux.screen());
    assert!(
        !tmux.alternate_on(),
        "terminal left in the alternate screen"
    );

    let shown = cli_json(&book_s, &["show", CUSTOMER]);
    assert!(
        holds_string(&shown, message),
        "the whole message is in the book: {shown:#}"
    );
}

#[test]
fn ctrl_c_quits_and_restores_the_terminal_with_the_book_from_fieldbook_db() {
    let dir = tempfile::tempdir().unwrap();
    // A folder that does not exist yet: fieldbook creates it, private.
    let book = dir.path().join("from-env").join("book.sqlite3");
    let book_s = book.display().to_string();
    let mut vars = sandbox_env(dir.path());
    vars.push(format!("FIELDBOOK_DB={book_s}"));
    let Some(tmux) = Tmux::start(dir.path(), &vars, &[]) else {
        return;
    };
    tmux.wait_for(&["Welcome to fieldbook"]);
    tmux.wait_for_line(&["fieldbook", &book_s]);
    assert!(tmux.alternate_on(), "the TUI runs in the alternate screen");

    tmux.keys(&["C-c"]);
    assert_eq!(tmux.wait_exit(), Exit::Status(0), "{}", tmux.screen());
    assert!(
        !tmux.alternate_on(),
        "terminal left in the alternate screen"
    );
    assert_book_private(&book);
    assert_eq!(mode(book.parent().unwrap()), 0o700, "the book's folder");
    assert_eq!(
        books_under(&dir.path().join("home")),
        Vec::<PathBuf>::new(),
        "no book in the default location"
    );
}

#[test]
fn sigterm_and_sighup_restore_the_terminal_and_exit_with_the_signal_status() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.sqlite3");
    let book_s = book.display().to_string();
    let vars = sandbox_env(dir.path());
    let args = ["--db", book_s.as_str()];
    let Some(tmux) = Tmux::start(dir.path(), &vars, &args) else {
        return;
    };
    for (signal, status) in [("-TERM", 143), ("-HUP", 129)] {
        tmux.wait_for(&["Welcome to fieldbook"]);
        assert!(tmux.alternate_on(), "the TUI runs in the alternate screen");
        let pid = tmux.program_pid();
        let killed = Command::new("kill").args([signal, &pid]).status().unwrap();
        assert!(killed.success(), "kill {signal} {pid}");
        // The program catches the signal, restores the terminal and exits on its own, with the
        // status a shell expects of a program ended by that signal.
        assert_eq!(
            tmux.wait_exit(),
            Exit::Status(status),
            "after kill {signal}"
        );
        assert!(
            !tmux.alternate_on(),
            "terminal left in the alternate screen after kill {signal}"
        );
        tmux.respawn(&vars, &args);
    }
}

#[test]
fn closing_the_terminal_ends_the_tui_within_two_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.sqlite3");
    let book_s = book.display().to_string();
    let vars = sandbox_env(dir.path());
    let Some(tmux) = Tmux::start(dir.path(), &vars, &["--db", &book_s]) else {
        return;
    };
    tmux.wait_for(&["Welcome to fieldbook"]);
    let pid: u32 = tmux.program_pid().parse().unwrap();
    assert!(running_fieldbook(pid));
    // The tab is closed: the session goes, and with it the terminal the program runs in.
    tmux.run(&["kill-session", "-t", SESSION]);
    let start = Instant::now();
    while running_fieldbook(pid) {
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "fieldbook {pid} still running 2 s after its terminal closed"
        );
        thread::sleep(POLL);
    }
    // The book it held open is whole and opens again.
    let out = Command::new(BIN)
        .args(["--db", &book_s, "check"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `fieldbook --db BOOK --json ARGS...`, parsed.
pub(crate) fn cli_json(book: &str, args: &[&str]) -> serde_json::Value {
    let out = Command::new(BIN)
        .args(["--db", book, "--json"])
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "fieldbook {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn ids_of(list: &serde_json::Value) -> Vec<i64> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_i64().unwrap())
        .collect()
}

#[test]
fn the_morning_review_walks_a_demo_book_and_its_changes_are_in_the_book() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("demo.sqlite3");
    let book_s = book.display().to_string();
    let made = Command::new(BIN)
        .args(["demo", &book_s, "--customers", "40"])
        .output()
        .unwrap();
    assert!(made.status.success(), "{made:?}");

    // What the review will walk, read from the book the way a script would.
    let before = cli_json(&book_s, &["today"]);
    let mut due = before["overdue"].as_array().unwrap().clone();
    due.extend(before["today"].as_array().unwrap().iter().cloned());
    assert!(due.len() >= 3, "the demo morning has work: {before}");
    let due_ids: Vec<i64> = due.iter().map(|f| f["id"].as_i64().unwrap()).collect();
    let due_customers: Vec<i64> = due
        .iter()
        .map(|f| f["draft"]["customer_id"].as_i64().unwrap())
        .collect();
    // The review walks them the most valuable first, so any of them may come first.
    let cold: Vec<i64> = ids_of(&before["cold"])
        .into_iter()
        .filter(|id| !due_customers.contains(id))
        .collect();
    assert!(!cold.is_empty(), "someone going cold in the demo: {before}");

    let vars = sandbox_env(dir.path());
    let args = ["--db", book_s.as_str()];
    let Some(tmux) = Tmux::start(dir.path(), &vars, &args) else {
        return;
    };
    // Something is due, so fieldbook opens on the review.
    let screen = tmux.wait_for_line(&["Today's review", "1 of"]);
    let total: usize = screen
        .lines()
        .find_map(|l| l.split(" of ").nth(1)?.split(' ').next()?.parse().ok())
        .expect("the counter");
    let counter = |at: usize, tally: &str| {
        let at = format!("{at} of {total}");
        let tally = tally.to_string();
        move |s: &str| {
            s.lines()
                .any(|l| has_in_order(l, &["Today's review", &at, &tally]))
        }
    };

    tmux.keys(&["d"]);
    tmux.wait_until("the first item done", counter(2, "1 done"));

    tmux.keys(&["s"]);
    tmux.wait_for(&["Snooze to:", "tomorrow"]);
    tmux.keys(&["t"]);
    tmux.wait_until("the second item snoozed", counter(3, "1 snoozed"));

    tmux.keys(&["l"]);
    tmux.wait_for_line(&["Log a contact with", "closes:"]);
    tmux.wait_for_line(&["›Summary"]);
    tmux.type_text("Rang back, order confirmed 确认订单");
    tmux.wait_for_line(&["›Summary", "确认订单"]);
    tmux.keys(&["C-s"]);
    tmux.wait_until("the third item logged", counter(4, "1 logged"));

    // Skip the rest of what is due, to the first customer going cold, and plan a call.
    for _ in 3..due.len() {
        tmux.keys(&["Space"]);
    }
    tmux.wait_for(&["Going cold", "GOING COLD"]);
    tmux.keys(&["s"]);
    tmux.wait_for(&["Plan a follow-up for:"]);
    tmux.keys(&["w"]);
    tmux.wait_until("a follow-up planned", |s| s.contains("1 planned"));

    // Back to the book and `t` again: the review resumes where it was, marks and all.
    tmux.keys(&["Escape"]);
    tmux.wait_for(&["1 Customers"]);
    tmux.keys(&["t"]);
    tmux.wait_until("the review resumed with its marks", |s| {
        s.contains("review resumed")
            && s.lines().any(|l| {
                has_in_order(
                    l,
                    &[
                        "Today's review",
                        "1 done",
                        "1 snoozed",
                        "1 logged",
                        "1 planned",
                    ],
                )
            })
    });
    tmux.keys(&["Escape"]);
    tmux.wait_for(&["1 Customers"]);
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(), Exit::Status(0), "{}", tmux.screen());
    assert!(
        !tmux.alternate_on(),
        "terminal left in the alternate screen"
    );

    let after = cli_json(&book_s, &["today"]);
    let still_due: Vec<i64> = [ids_of(&after["overdue"]), ids_of(&after["today"])].concat();
    assert_eq!(
        still_due,
        due_ids[3..],
        "done, snoozed and logged are off today's list"
    );
    let today = chrono::Local::now().date_naive();
    let upcoming = after["upcoming"].as_array().unwrap();
    let snoozed = upcoming
        .iter()
        .find(|f| f["id"].as_i64() == Some(due_ids[1]))
        .expect("the snoozed follow-up is upcoming");
    assert_eq!(
        snoozed["draft"]["due_on"].as_str().unwrap(),
        (today + chrono::Days::new(1)).to_string()
    );
    assert!(
        upcoming.iter().any(
            |f| cold.contains(&f["draft"]["customer_id"].as_i64().unwrap())
                && f["draft"]["task"] == "Get back in touch"
        ),
        "the follow-up planned for the customer going cold: {after}"
    );
    let logged = cli_json(&book_s, &["show", &format!("c{}", due_customers[2])]);
    assert_eq!(
        logged["history"][0]["draft"]["summary"],
        "Rang back, order confirmed 确认订单"
    );
}

/// On a terminal, `fieldbook log` without a summary opens `$EDITOR` on a temporary file and logs
/// what was saved there.
#[test]
fn log_without_a_summary_opens_the_editor_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.sqlite3");
    let book_s = book.display().to_string();
    let added = Command::new(BIN)
        .args(["--db", &book_s, "add", "Acme Trading", "--city", "Ningbo"])
        .output()
        .unwrap();
    assert!(added.status.success(), "{added:?}");
    let editor = dir.path().join("editor.sh");
    fs::write(
        &editor,
        "#!/bin/sh\nprintf 'Typed in the editor: 客户要样品\\n' > \"$1\"\n",
    )
    .unwrap();
    fs::set_permissions(&editor, fs::Permissions::from_mode(0o755)).unwrap();
    let mut vars = sandbox_env(dir.path());
    vars.push(format!("EDITOR={}", editor.display()));
    let Some(tmux) = Tmux::start(
        dir.path(),
        &vars,
        &["--db", &book_s, "log", "acme", "--next", "tomorrow"],
    ) else {
        return;
    };
    assert_eq!(tmux.wait_exit(), Exit::Status(0), "{}", tmux.screen());
    let shown = cli_json(&book_s, &["show", "acme"]);
    assert_eq!(
        shown["history"][0]["draft"]["summary"],
        "Typed in the editor: 客户要样品"
    );
}

/// A call logged from a shell while the app is open shows in the app within two seconds,
/// without a key: the app notices another fieldbook's write and reads the book again.
#[test]
fn a_call_logged_from_a_shell_shows_in_the_open_app_without_a_key() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.sqlite3");
    let book_s = book.display().to_string();
    let vars = sandbox_env(dir.path());
    let shell = |args: &[&str]| {
        let out = Command::new(BIN)
            .args(["--db", &book_s])
            .args(args)
            .envs(vars.iter().filter_map(|v| v.split_once('=')))
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert!(out.status.success(), "fieldbook {args:?}: {out:?}");
    };
    shell(&["add", "Acme Trading", "--city", "Ningbo"]);
    let Some(tmux) = Tmux::start(dir.path(), &vars, &["--db", &book_s]) else {
        return;
    };
    tmux.wait_for_line(&["Acme Trading", "Ningbo"]);
    tmux.wait_for(&["never"]);

    shell(&["log", "acme", "Called from the shell about samples"]);
    let logged = Instant::now();
    tmux.wait_until("the call in the open app", |s| {
        s.contains("Called from the shell about samples")
            && s.lines()
                .any(|l| has_in_order(l, &["Acme Trading", "today"]))
    });
    assert!(
        logged.elapsed() < Duration::from_secs(2),
        "the app took {:?} to show the call",
        logged.elapsed()
    );
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(), Exit::Status(0), "{}", tmux.screen());
}
