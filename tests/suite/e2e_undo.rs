//! End-to-end undo: the real binary in tmux logs a call, `u` takes it back, and after a
//! restart `U` (asked first, as the change was undone before this run) puts it back exactly,
//! quotes and Chinese included. What the book holds is read with the CLI between runs.

#![cfg(unix)]

use crate::e2e_tmux::{CUSTOMER, Exit, Tmux, cli_json, holds_string, sandbox_env};

#[test]
fn a_call_logged_undone_and_redone_after_a_restart_is_in_the_book_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.sqlite3");
    let book_s = book.display().to_string();
    cli_json(&book_s, &["add", CUSTOMER, "--city", "北京"]);
    let vars = sandbox_env(dir.path());
    let args = ["--db", book_s.as_str()];
    let Some(tmux) = Tmux::start(dir.path(), &vars, &args) else {
        return;
    };
    let summary = "报价单 \"v2\" sent, it's 10% off";
    tmux.wait_for_line(&[CUSTOMER, "北京"]);
    tmux.keys(&["l"]);
    tmux.wait_for_line(&["›Summary"]);
    tmux.type_text(summary);
    tmux.keys(&["C-s"]);
    tmux.wait_for_line(&["logged call"]);
    // This run's own change: undone at once, no question.
    tmux.keys(&["u"]);
    tmux.wait_for_line(&["undone: 'log call with", "U redoes it"]);
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(), Exit::Status(0), "{}", tmux.screen());
    let shown = cli_json(&book_s, &["show", CUSTOMER]);
    assert!(!holds_string(&shown, summary), "undone: {shown:#}");

    tmux.respawn(&vars, &args);
    tmux.wait_for_line(&[CUSTOMER, "北京"]);
    tmux.keys(&["U"]);
    tmux.wait_for(&["Redo a change from before this session?"]);
    tmux.keys(&["y"]);
    tmux.wait_for_line(&["redone: 'log call with", "u undoes it again"]);
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(), Exit::Status(0), "{}", tmux.screen());
    let shown = cli_json(&book_s, &["show", CUSTOMER]);
    assert!(holds_string(&shown, summary), "redone: {shown:#}");
}
