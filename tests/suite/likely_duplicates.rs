//! Duplicates caught at the door: the iPhone export imported over the demo book shows the
//! customers it probably already holds, and `--merge` merges them instead of adding twins.

use fieldbook::book::ids::CustomerId;
use fieldbook::book::model::{ContactDraft, CustomerDraft};
use fieldbook::repository::Repository;
use fieldbook::tui::action::Action;
use ratatui::{Terminal, backend::TestBackend};

use crate::common::{CliBook, run, state_for, typed};

const FIXTURE: &str = "/work/shared/fixtures/iphone-export.vcf";

/// The demo book, plus the iPhone's companies as the book spells them: another legal form,
/// another way of writing the city.
fn demo_with_twins(book: &CliBook) -> (CustomerId, CustomerId) {
    book.ok(&[
        "demo",
        &book.path().display().to_string(),
        "--customers",
        "60",
    ]);
    let mut repo = Repository::open(&book.path()).unwrap();
    let northwind = repo
        .add_customer(&CustomerDraft {
            name: "NORTHWIND PACIFIC TRADING LIMITED".into(),
            city: "Hong Kong".into(),
            ..Default::default()
        })
        .unwrap();
    let chen = ContactDraft {
        name: "Michael Chen".into(),
        email: "michael.chen@northwind-pacific.example".into(),
        ..Default::default()
    };
    repo.add_contact(northwind, &chen).unwrap();
    let xinghe = repo
        .add_customer(&CustomerDraft {
            name: "北京星河科技".into(),
            city: "Beijing".into(),
            ..Default::default()
        })
        .unwrap();
    (northwind, xinghe)
}

fn fixture() -> Option<std::path::PathBuf> {
    let path = std::path::PathBuf::from(FIXTURE);
    path.exists().then_some(path)
}

#[test]
fn the_import_preview_shows_likely_duplicates_with_the_book_record() {
    let Some(file) = fixture() else { return };
    let book = CliBook::new();
    let (northwind, xinghe) = demo_with_twins(&book);
    let mut repo = Repository::open(&book.path()).unwrap();
    let mut state = state_for(&repo);
    run(&mut state, &mut repo, [Action::StartImport]);
    run(&mut state, &mut repo, typed(&file.display().to_string()));
    run(&mut state, &mut repo, [Action::SaveForm]);
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
    terminal
        .draw(|f| fieldbook::tui::ui::draw(f, &mut state))
        .unwrap();
    let screen = terminal.backend().to_string();
    // The preview wraps long lines: the record and the book's twin are on one line or two.
    let want = format!("likely duplicate of c{northwind} NORTHWIND PACIFIC");
    assert!(screen.contains(&want), "{screen}");
    assert!(screen.contains("TRADING LIMITED (Hong Kong)"), "{screen}");
    assert!(
        screen.contains(&format!("likely duplicate of c{xinghe}")),
        "{screen}"
    );
}

#[test]
fn merge_takes_a_likely_duplicate_in_and_adds_no_twin() {
    let Some(file) = fixture() else { return };
    let book = CliBook::new();
    let (northwind, _) = demo_with_twins(&book);
    let file = file.display().to_string();
    let out = book.ok(&["import", &file, "--dry-run"]);
    assert!(out.contains(&format!("[likely c{northwind}")), "{out}");
    let before = book.customers();
    book.ok(&["import", &file, "--merge"]);
    // 6 cards: 北京星河 twice, Northwind: three are in the book; 上海浦江, 华南电子, 王师傅 are new.
    assert_eq!(book.customers(), before + 3);
    let repo = Repository::open(&book.path()).unwrap();
    let people = repo.contacts(northwind).unwrap();
    let chens = people
        .iter()
        .filter(|p| p.draft.name.contains("Michael Chen"))
        .count();
    assert_eq!(chens, 1, "{people:?}");
}

#[test]
fn adding_a_likely_duplicate_asks_first() {
    let book = CliBook::new();
    book.ok(&[
        "add",
        "Northwind Pacific Trading Ltd.",
        "--city",
        "Hong Kong",
    ]);
    let twin = [
        "add",
        "NORTHWIND PACIFIC TRADING LIMITED",
        "--city",
        "Wan Chai",
    ];
    let (code, _, err) = book.run(&twin);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("c1 Northwind Pacific Trading Ltd. (Hong Kong) is probably"),
        "{err}"
    );
    assert_eq!(book.customers(), 1, "nothing written");
    let out = book.ok(&[&twin[..], &["--phone", "+852 2123 4567", "--merge"]].concat());
    assert!(out.contains("merged into c1"), "{out}");
    assert_eq!(book.customers(), 1);
    let found = book.ok(&["find", "2123 4567"]);
    assert!(found.contains("Northwind Pacific Trading Ltd."), "{found}");
    book.ok(&[&twin[..], &["--keep-both"]].concat());
    assert_eq!(book.customers(), 2);
}

/// In the app: the add form checks with the same rule before it writes.
mod in_the_app {
    use fieldbook::book::model::CustomerId;
    use fieldbook::repository::Repository;
    use fieldbook::tui::action::{Action, Pane};
    use fieldbook::tui::form::CustomerField;
    use fieldbook::tui::keymap::{Key, action_for_key};
    use fieldbook::tui::state::{Overlay, Question, Screen, State};
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    use ratatui::{Terminal, backend::TestBackend};

    use crate::common::driving::{fill, form};
    use crate::common::{run, sample_book, state_for, typed};

    /// The customer the open question says the book already has.
    fn asked(state: &State) -> Option<(CustomerId, String)> {
        match &state.overlay {
            Some(Overlay::Confirm(Question::Duplicate { existing, why, .. })) => {
                Some((existing.id, why.clone()))
            }
            _ => None,
        }
    }

    fn press(state: &mut State, repo: &mut Repository, c: char) {
        let key = Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::NONE,
        };
        let action = action_for_key(state, key).unwrap_or_else(|| panic!("{c} is not bound"));
        run(state, repo, [action]);
    }

    fn screen(state: &mut State, width: u16, height: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|f| fieldbook::tui::ui::draw(f, state))
            .unwrap();
        terminal.backend().to_string()
    }

    /// Opens the add form and types a customer into it.
    fn add(state: &mut State, repo: &mut Repository, name: &str, more: &[(&str, &str)]) {
        run(state, repo, [Action::AddCustomer]);
        run(state, repo, typed(name));
        for (label, text) in more {
            fill(state, repo, label, text);
        }
        run(state, repo, [Action::SaveForm]);
    }

    #[test]
    fn another_legal_form_and_city_is_shown_beside_the_book_record_and_merged_on_m() {
        let (mut repo, s) = sample_book();
        let mut state = state_for(&repo);
        let before = repo.customer_count().unwrap();
        let typed_in = [("City", "Wan Chai"), ("Phone", "+852 2123 4567")];
        add(
            &mut state,
            &mut repo,
            "NORTHWIND PACIFIC TRADING LIMITED",
            &typed_in,
        );
        assert_eq!(asked(&state), Some((s.northwind, "the same name".into())));
        let shown = screen(&mut state, 120, 40);
        for want in [
            "Probably in the book already: the same name.",
            "You typed",
            "In the book (c2)",
            "NORTHWIND PACIFIC TRADING LIMITED",
            "Northwind Pacific Trading Ltd.",
            "Wan Chai",
            "Hong Kong",
            "michael.chen@northwind.example",
            "2026-11-08 (2w ago)",
            "o open it · m merge into it (fill its blanks) · a add anyway · Esc back to the form",
        ] {
            assert!(shown.contains(want), "{want}\n{shown}");
        }
        insta::assert_snapshot!(shown);

        // Esc: the form as typed; nothing written. Saving again asks again.
        run(&mut state, &mut repo, [Action::Back]);
        assert_eq!(form(&state).value(CustomerField::City), "Wan Chai");
        assert_eq!(repo.customer_count().unwrap(), before);
        run(&mut state, &mut repo, [Action::SaveForm]);
        assert!(asked(&state).is_some());

        // m: the book's Northwind gets the phone it lacked; its own name and city stay.
        press(&mut state, &mut repo, 'm');
        assert!(state.overlay.is_none(), "{:?}", state.status);
        assert_eq!(repo.customer_count().unwrap(), before);
        let merged = repo.customer(s.northwind).unwrap().unwrap().draft;
        assert_eq!(
            (
                merged.name.as_str(),
                merged.city.as_str(),
                merged.phone.as_str()
            ),
            (
                "Northwind Pacific Trading Ltd.",
                "Hong Kong",
                "+852 2123 4567"
            )
        );
        assert_eq!(state.selected_id(), Some(s.northwind));
        assert_eq!(state.focus, Pane::Profile);
        let status = state.status.clone().unwrap().text;
        assert!(
            status.starts_with("merged into Northwind Pacific Trading Ltd."),
            "{status}"
        );

        press(&mut state, &mut repo, 'u');
        let undone = repo.customer(s.northwind).unwrap().unwrap().draft;
        assert_eq!(undone.phone, "", "the merge is one undo step");
    }

    #[test]
    fn a_shared_phone_or_email_asks_too_and_o_or_a_answer() {
        let (mut repo, s) = sample_book();
        let mut state = state_for(&repo);
        let before = repo.customer_count().unwrap();
        add(
            &mut state,
            &mut repo,
            "星河 Beijing office",
            &[("Phone", "(010) 6234-5678")],
        );
        let (id, why) = asked(&state).expect("the company's phone, spelled otherwise");
        assert_eq!(id, s.xinghe);
        assert!(why.starts_with("the same phone"), "{why}");
        press(&mut state, &mut repo, 'o');
        assert!(state.overlay.is_none());
        assert_eq!(state.selected_id(), Some(s.xinghe));
        assert_eq!(state.focus, Pane::Profile);
        assert_eq!(repo.customer_count().unwrap(), before, "nothing added");

        add(
            &mut state,
            &mut repo,
            "Someone New",
            &[("Email", "INFO@xhtech.example")],
        );
        let (id, why) = asked(&state).expect("the same e-mail in another case");
        assert_eq!(id, s.xinghe);
        assert!(why.starts_with("the same e-mail"), "{why}");
        press(&mut state, &mut repo, 'a');
        assert!(state.overlay.is_none(), "{:?}", state.status);
        assert_eq!(repo.customer_count().unwrap(), before + 1, "added anyway");

        add(
            &mut state,
            &mut repo,
            "Acme Robotics",
            &[("City", "Shenzhen")],
        );
        assert!(
            asked(&state).is_none() && state.overlay.is_none(),
            "a new customer is simply added"
        );
        assert_eq!(repo.customer_count().unwrap(), before + 2);
    }

    #[test]
    fn an_archived_twin_is_opened_in_the_archived_list() {
        let (mut repo, s) = sample_book();
        repo.set_archived(s.quiet, true).unwrap();
        let mut state = state_for(&repo);
        add(&mut state, &mut repo, "Bluefin Analytics Pte. Ltd.", &[]);
        assert_eq!(asked(&state).map(|a| a.0), Some(s.quiet));
        let shown = screen(&mut state, 120, 40);
        assert!(shown.contains("archived)"), "{shown}");
        press(&mut state, &mut repo, 'o');
        let Screen::Archived(list) = &state.screen else {
            panic!("expected the archived list, got {:?}", state.screen);
        };
        assert_eq!(list.rows[list.cursor.selected].id, s.quiet);
    }

    #[test]
    fn the_question_fits_a_narrow_terminal() {
        let (mut repo, _) = sample_book();
        let mut state = state_for(&repo);
        add(
            &mut state,
            &mut repo,
            "北京星河科技",
            &[("City", "Beijing")],
        );
        assert!(asked(&state).is_some());
        let shown = screen(&mut state, 80, 24);
        assert!(shown.contains("o open it · m merge into it"), "{shown}");
        insta::assert_snapshot!(shown);
    }
}
