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
