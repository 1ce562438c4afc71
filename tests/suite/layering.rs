//! Arrows point down: `book/` (pure rules) <- `interop/` (file formats) <- `repository/` (SQL)
//! <- `services/` <- `cli/` and `tui/` <- `app.rs`. Read from the paths the files under `src/`
//! name (`crate::...`, `super::...`), so a wrong import fails here rather than in review.
//!
//! `safe_text`, `text`, `config`, `paths` and `i18n` are leaf helpers any room may use, except `book/`, which
//! uses nothing of the crate, and `interop/`, which needs none of them (it reads and writes
//! bytes and book types only).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Drawing never imports update: `tui/ui.rs` and `tui/panes/**` must not name `tui::update`.
/// Off until the TUI's restructuring takes `update::contexts` out of `ui.rs`; the lead turns it
/// on then. Nothing is allow-listed: on, it checks every drawing file.
const DRAWING_NEVER_IMPORTS_UPDATE: bool = true;

/// A file under `src/`: its module path and its text without comments.
struct Source {
    path: PathBuf,
    module: Vec<String>,
    text: String,
}

fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&root, &mut files);
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let module = module_of(path.strip_prefix(&root).unwrap());
            Source {
                text: strip_comments(&text),
                module,
                path,
            }
        })
        .collect()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `interop/json.rs` -> [interop, json]; `interop/mod.rs` -> [interop]; `lib.rs` -> [].
fn module_of(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

fn strip_comments(text: &str) -> String {
    text.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every module path the text names, resolved from `module`: `crate::a::b`, `super::c`, and
/// each name of a `crate::{a, b::c}` group.
fn targets(module: &[String], text: &str) -> BTreeSet<Vec<String>> {
    let mut out = BTreeSet::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let start_ok = i == 0 || !is_ident(bytes[i - 1]);
        let rest = &text[i..];
        if start_ok && (rest.starts_with("crate::") || rest.starts_with("super::")) {
            let (base, after) = resolve_prefix(module, rest);
            for path in paths_after(&rest[after..]) {
                let mut full = base.clone();
                full.extend(path);
                if !full.is_empty() {
                    out.insert(full);
                }
            }
            i += after;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The module `crate::` or a chain of `super::` points at, and how many bytes that took. A
/// `super::` inside an inline `mod tests` resolves one level too high, which names the same
/// room or the crate root: never a wrong room.
fn resolve_prefix(module: &[String], rest: &str) -> (Vec<String>, usize) {
    if rest.starts_with("crate::") {
        return (Vec::new(), "crate::".len());
    }
    let mut base = module.to_vec();
    let mut at = 0;
    while rest[at..].starts_with("super::") {
        base.pop();
        at += "super::".len();
    }
    (base, at)
}

/// The path segments after a prefix: `a::b::C` -> [[a, b, C]]; `{a, b::c}` -> [[a], [b, c]].
fn paths_after(rest: &str) -> Vec<Vec<String>> {
    if let Some(group) = rest.strip_prefix('{') {
        let end = group.find('}').unwrap_or(group.len());
        return group[..end]
            .split(',')
            .map(|p| segments(p.trim()))
            .filter(|p| !p.is_empty())
            .collect();
    }
    vec![segments(rest)]
}

fn segments(rest: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = rest;
    loop {
        let len = rest.bytes().take_while(|b| is_ident(*b)).count();
        if len == 0 {
            break;
        }
        let name = &rest[..len];
        if name != "self" {
            out.push(name.to_string());
        }
        match rest[len..].strip_prefix("::") {
            Some(more) => rest = more,
            None => break,
        }
    }
    out
}

/// The rooms (first module) a file names outside its own room.
fn rooms_named(source: &Source) -> BTreeSet<String> {
    targets(&source.module, &source.text)
        .into_iter()
        .map(|path| path[0].clone())
        .filter(|room| Some(room) != source.module.first())
        .collect()
}

fn in_room<'a>(sources: &'a [Source], room: &str) -> impl Iterator<Item = &'a Source> {
    sources
        .iter()
        .filter(move |s| s.module.first().map(String::as_str) == Some(room))
}

/// "file names room" for every file of `room` naming a room outside `allowed`.
fn violations(sources: &[Source], room: &str, allowed: &[&str]) -> Vec<String> {
    in_room(sources, room)
        .flat_map(|s| {
            rooms_named(s)
                .into_iter()
                .filter(|r| !allowed.contains(&r.as_str()))
                .map(move |r| format!("{} names {r}", s.path.display()))
        })
        .collect()
}

/// "file names room" for every file of `room` naming one of `forbidden`.
fn forbidden(sources: &[Source], room: &str, forbidden: &[&str]) -> Vec<String> {
    in_room(sources, room)
        .flat_map(|s| {
            rooms_named(s)
                .into_iter()
                .filter(|r| forbidden.contains(&r.as_str()))
                .map(move |r| format!("{} names {r}", s.path.display()))
        })
        .collect()
}

#[test]
fn book_imports_nothing_of_the_crate() {
    let bad = violations(&sources(), "book", &[]);
    assert!(bad.is_empty(), "{bad:#?}");
}

/// What people read is said in `i18n` (its catalogues) from what `book/` computes: the pure
/// rules and the file formats hold no words of the interface, and `i18n` only reads book types.
#[test]
fn the_interface_language_sits_above_the_book() {
    let sources = sources();
    let mut bad = violations(&sources, "i18n", &["book"]);
    for room in ["book", "interop"] {
        bad.extend(
            in_room(&sources, room)
                .filter(|s| {
                    let b = s.text.as_bytes();
                    let call = |name: &str| {
                        s.text
                            .match_indices(name)
                            .any(|(i, _)| i == 0 || !is_ident(b[i - 1]))
                    };
                    call("t!(") || call("t_in!(")
                })
                .map(|s| format!("{} speaks the interface's language", s.path.display())),
        );
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn interop_imports_only_book() {
    let bad = violations(&sources(), "interop", &["book"]);
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn the_repository_and_services_never_import_what_sits_above_them() {
    let sources = sources();
    let mut bad = forbidden(&sources, "repository", &["services", "cli", "tui", "app"]);
    bad.extend(forbidden(&sources, "services", &["cli", "tui", "app"]));
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn the_command_line_never_imports_the_tui() {
    let bad = forbidden(&sources(), "cli", &["tui", "app"]);
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn drawing_never_imports_update() {
    if !DRAWING_NEVER_IMPORTS_UPDATE {
        return;
    }
    let update = ["tui".to_string(), "update".to_string()];
    let bad: Vec<String> = sources()
        .iter()
        .filter(|s| {
            let m: Vec<&str> = s.module.iter().map(String::as_str).collect();
            m == ["tui", "ui"] || m.starts_with(&["tui", "panes"])
        })
        .filter(|s| {
            targets(&s.module, &s.text)
                .iter()
                .any(|p| p.starts_with(&update))
        })
        .map(|s| s.path.display().to_string())
        .collect();
    assert!(bad.is_empty(), "drawing files naming tui::update: {bad:#?}");
}

#[test]
fn only_the_repository_names_rusqlite() {
    let bad: Vec<String> = sources()
        .iter()
        .filter(|s| s.module.first().map(String::as_str) != Some("repository"))
        .filter(|s| {
            let b = s.text.as_bytes();
            s.text
                .match_indices("rusqlite")
                .any(|(i, _)| i == 0 || !is_ident(b[i - 1]))
        })
        .map(|s| s.path.display().to_string())
        .collect();
    assert!(bad.is_empty(), "{bad:#?}");
}

/// The checker itself: each kind of path it must see, in a made-up file.
#[test]
fn the_checker_sees_every_way_of_naming_a_module() {
    let module = ["interop".to_string(), "json".to_string()];
    let text = strip_comments(
        "use crate::repository::LATEST_VERSION;\n\
         use super::super::tui::update;\n\
         use crate::{config::Config, book::model};\n\
         // use crate::cli; (a comment names nothing)\n\
         let x = super::text::line(crate::safe_text::line(\"a\"));",
    );
    let rooms: BTreeSet<String> = targets(&module, &text)
        .into_iter()
        .map(|p| p[0].clone())
        .collect();
    let expected = [
        "book",
        "config",
        "interop",
        "repository",
        "safe_text",
        "tui",
    ];
    assert_eq!(rooms, expected.iter().map(|s| s.to_string()).collect());
    assert!(
        targets(&module, &text).contains(&vec!["tui".to_string(), "update".to_string()]),
        "super::super:: resolves from the file's module"
    );
}
