//! Another fieldbook writing the same book while this one works: an edit form never overwrites
//! its change unseen, the open app follows the book, and a command waits out a busy writer.

use std::path::Path;

use fieldbook::book::ids::CustomerId;
use fieldbook::book::model::{Channel, CustomerDraft, InteractionDraft};
use fieldbook::repository::Repository;
use fieldbook::tui::action::Action;
use fieldbook::tui::form::CustomerField;
use fieldbook::tui::state::State;
use fieldbook::tui::update::reading;

use crate::common::driving::{fill, form, run};
use crate::common::{CliBook, now};

/// A book on disk (so a second connection can write it, as the CLI would) with two customers.
fn book_on_disk(path: &Path) -> (Repository, CustomerId, CustomerId) {
    let mut repo = Repository::open(path).unwrap();
    repo.set_clock(now);
    let add = |repo: &mut Repository, name: &str, phone: &str| {
        repo.add_customer(&CustomerDraft {
            name: name.into(),
            phone: phone.into(),
            city: "上海".into(),
            tags: vec!["vip".into()],
            ..Default::default()
        })
        .unwrap()
    };
    let first = add(&mut repo, "Alpha Trading", "010-1234");
    let second = add(&mut repo, "Beta Foods", "021-5555");
    (repo, first, second)
}

/// What `fieldbook import --merge` or `fieldbook edit` would do from a shell: a new phone and
/// a new tag, written through a connection of its own.
fn change_elsewhere(path: &Path, id: CustomerId) {
    let mut other = Repository::open(path).unwrap();
    let mut c = other.customer(id).unwrap().unwrap();
    c.draft.phone = "010-9999".into();
    c.draft.tags.push("export".into());
    other.update_customer(id, &c.draft).unwrap();
}

fn open_edit_form(path: &Path, select: CustomerId) -> (Repository, State) {
    let mut repo = Repository::open(path).unwrap();
    repo.set_clock(now);
    let mut state = reading::load(&repo, now(), "test book").unwrap();
    assert!(state.select_customer(select));
    reading::load_detail(&mut state, &repo).unwrap();
    run(&mut state, &mut repo, [Action::EditCustomer]);
    (repo, state)
}

fn drawn(state: &mut State) -> String {
    let backend = ratatui::backend::TestBackend::new(120, 50);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal
        .draw(|f| fieldbook::tui::ui::draw(f, state))
        .unwrap();
    terminal.backend().to_string()
}

#[test]
fn a_save_with_no_edits_never_overwrites_a_change_made_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    let (_, first, _) = book_on_disk(&path);
    let (mut repo, mut state) = open_edit_form(&path, first);
    assert_eq!(form(&state).value(CustomerField::Phone), "010-1234");

    change_elsewhere(&path, first);
    run(&mut state, &mut repo, [Action::SaveForm]);

    let kept = repo.customer(first).unwrap().unwrap();
    assert_eq!(kept.draft.phone, "010-9999", "the other change stands");
    assert_eq!(kept.draft.tags, ["vip", "export"]);
    let f = form(&state);
    let said = f.error.as_deref().unwrap_or_default();
    assert!(
        said.contains("Phone changed elsewhere: 010-1234 → 010-9999"),
        "{said}"
    );
    assert!(
        said.contains("Tags changed elsewhere: vip → vip, export"),
        "{said}"
    );
    assert!(said.contains("Ctrl-R"), "the way out is named: {said}");
    let shown = drawn(&mut state);
    assert!(
        shown
            .lines()
            .any(|l| l.contains("changed elsewhere: 010-1234 → 010-9999")),
        "the Phone field says what changed:\n{shown}"
    );

    run(&mut state, &mut repo, [Action::ReloadForm]);
    let f = form(&state);
    assert_eq!(f.value(CustomerField::Phone), "010-9999");
    assert_eq!(f.value(CustomerField::Tags), "vip, export");
    assert!(!f.is_dirty(), "nothing typed: the form is the book's");

    run(&mut state, &mut repo, [Action::SaveForm]);
    assert!(state.form().is_none(), "saved: {:?}", state.status);
}

#[test]
fn a_reload_keeps_what_was_typed_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    let (_, first, _) = book_on_disk(&path);
    let (mut repo, mut state) = open_edit_form(&path, first);
    fill(&mut state, &mut repo, "City", "苏州");

    change_elsewhere(&path, first);
    run(&mut state, &mut repo, [Action::SaveForm]);
    assert!(state.form().is_some(), "the conflict keeps the form open");
    assert_eq!(repo.customer(first).unwrap().unwrap().draft.city, "上海");

    run(&mut state, &mut repo, [Action::ReloadForm]);
    let f = form(&state);
    assert_eq!(f.value(CustomerField::Phone), "010-9999");
    assert_eq!(
        f.value(CustomerField::City),
        "上海苏州",
        "what was typed stays"
    );
    let said = &state.status.as_ref().unwrap().text;
    assert!(said.contains("kept what you typed in City"), "{said}");

    run(&mut state, &mut repo, [Action::SaveForm]);
    let saved = repo.customer(first).unwrap().unwrap();
    assert_eq!(
        (saved.draft.city.as_str(), saved.draft.phone.as_str()),
        ("上海苏州", "010-9999"),
        "both the typed city and the other phone"
    );
}

#[test]
fn the_app_follows_writes_by_another_fieldbook_keeping_selection_and_form() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    let (_, _, second) = book_on_disk(&path);
    let (mut repo, mut state) = open_edit_form(&path, second);
    let rows_before = state.rows.len();

    // From a shell: a call logged with the selected customer, and a new customer added.
    let mut other = Repository::open(&path).unwrap();
    other
        .log_interaction(
            &InteractionDraft {
                customer_id: second,
                contact_id: None,
                at: now(),
                channel: Channel::Call,
                summary: "Called about the spring order".into(),
                outcome: None,
            },
            None,
        )
        .unwrap();
    other
        .add_customer(&CustomerDraft {
            name: "Gamma Tools".into(),
            ..Default::default()
        })
        .unwrap();

    run(&mut state, &mut repo, [Action::BookChanged]);

    assert_eq!(
        state.rows.len(),
        rows_before + 1,
        "the new customer is listed"
    );
    assert_eq!(rows_before, 2);
    assert_eq!(state.selected_id(), Some(second), "the selection stays");
    let row = state.selected_row().unwrap();
    assert_eq!(row.last_contact_at, Some(now()), "the list row follows");
    let detail = state.detail.as_ref().unwrap();
    assert_eq!(
        detail.history[0].draft.summary,
        "Called about the spring order"
    );
    let f = form(&state);
    assert_eq!(
        f.purpose,
        fieldbook::tui::form::FormPurpose::EditCustomer(second),
        "the open form stays"
    );
}

#[test]
fn the_event_loops_look_notices_only_other_connections_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    let (mut repo, first, _) = book_on_disk(&path);
    let seen = repo.data_version().unwrap();
    repo.set_archived(first, true).unwrap();
    assert_eq!(
        repo.data_version().unwrap(),
        seen,
        "its own write is not news"
    );
    change_elsewhere(&path, first);
    assert_ne!(repo.data_version().unwrap(), seen, "another's write is");
}

#[test]
fn a_command_waits_while_another_fieldbook_writes_and_says_so() {
    let book = CliBook::new();
    book.ok(&["add", "Acme Trading"]);
    let holder = rusqlite::Connection::open(book.path()).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();

    let started = std::time::Instant::now();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_fieldbook"))
        .env("FIELDBOOK_DB", book.path())
        .env("FIELDBOOK_CONFIG", book.dir.path().join("config.toml"))
        .env("NO_COLOR", "1")
        .args(["log", "acme", "Called while an import ran"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    holder.execute_batch("COMMIT").unwrap();
    let out = child.wait_with_output().unwrap();

    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("the book is busy (another fieldbook is writing); waiting"),
        "{stderr}"
    );
    assert!(started.elapsed() >= std::time::Duration::from_millis(1500));
    let shown = book.ok(&["show", "acme"]);
    assert!(shown.contains("Called while an import ran"), "{shown}");
}

#[test]
fn a_writer_that_stays_busy_ends_in_a_clear_message() {
    let busy = rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
        Some("database is locked".into()),
    );
    let said = fieldbook::repository::BookError::Sqlite(busy).to_string();
    assert_eq!(said, fieldbook::repository::GAVE_UP);
    assert!(said.contains("nothing was written"), "{said}");
}
