//! The catalogues kept honest: both parse, hold the same messages with the same arguments,
//! format without errors, and hold exactly the ids the code asks for.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;

use super::catalogue::{format_checked, source};
use super::*;

/// Every message of a catalogue, with the variables it uses (in any variant).
fn messages(language: Language) -> BTreeMap<String, BTreeSet<String>> {
    let text = source(language);
    let resource = fluent_syntax::parser::parse(text).unwrap_or_else(|(_, errors)| {
        panic!("{} does not parse: {errors:#?}", language.tag());
    });
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                pattern_vars(p, &mut vars);
            }
            let id = m.id.name.to_string();
            assert!(
                out.insert(id.clone(), vars).is_none(),
                "{id} twice in {}",
                language.tag()
            );
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => inline_vars(i, out),
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
    }
}

fn inline_vars(e: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, out);
            }
            for a in &arguments.named {
                inline_vars(&a.value, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
        _ => {}
    }
}

#[test]
fn both_catalogues_hold_the_same_messages_with_the_same_arguments() {
    let english = messages(Language::English);
    let chinese = messages(Language::Chinese);
    let only = |a: &BTreeMap<String, _>, b: &BTreeMap<String, _>| -> Vec<String> {
        a.keys().filter(|k| !b.contains_key(*k)).cloned().collect()
    };
    assert_eq!(
        only(&english, &chinese),
        Vec::<String>::new(),
        "only in en.ftl"
    );
    assert_eq!(
        only(&chinese, &english),
        Vec::<String>::new(),
        "only in zh-CN.ftl"
    );
    let differ: Vec<_> = english
        .iter()
        .filter(|(id, vars)| chinese.get(*id) != Some(vars))
        .map(|(id, vars)| format!("{id}: en {vars:?}, zh-CN {:?}", chinese[id]))
        .collect();
    assert!(differ.is_empty(), "arguments differ: {differ:#?}");
    assert!(english.len() > 10, "the catalogues were not read");
}

#[test]
fn every_message_formats_without_errors_in_both_languages() {
    for language in Language::ALL {
        for (id, vars) in messages(language) {
            // 1 and 3 reach both of English's plural forms; a number stands in for text too.
            for n in [1, 3] {
                let mut args = Args::new();
                for v in &vars {
                    args.set(v.clone(), n);
                }
                let (text, errors) =
                    format_checked(language, &id, Some(&args)).expect("a message with a value");
                assert!(errors.is_empty(), "{} {id}: {errors:?}", language.tag());
                assert!(!text.trim().is_empty(), "{} {id} is empty", language.tag());
                assert!(
                    !text.contains(['\u{2068}', '\u{2069}']),
                    "{} {id} has isolation marks",
                    language.tag()
                );
            }
        }
    }
}

/// Every id written as `t!("id"...)` or `t_in!(language, "id"...)` under `src/`.
fn ids_in_code() -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut files = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    for path in files {
        if path.ends_with("i18n/tests.rs") {
            continue; // the scanner's own examples
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let code: String = text
            .lines()
            .map(|l| l.split("//").next().unwrap_or(""))
            .collect::<Vec<_>>()
            .join("\n");
        for id in ids_asked(&code) {
            out.entry(id).or_insert_with(|| path.display().to_string());
        }
    }
    out
}

fn ids_asked(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for call in ["t!(", "t_in!("] {
        for (at, _) in code.match_indices(call) {
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue; // print!(, assert!(, ...
            }
            let mut rest = &code[at + call.len()..];
            if call == "t_in!(" {
                rest = rest.split_once(',').map_or("", |(_, id)| id);
            }
            let id = rest.trim_start().strip_prefix('"').and_then(|r| r.split_once('"'));
            out.extend(id.map(|(id, _)| id.to_string()));
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_scanner_reads_ids_and_skips_other_macros() {
    let code = r#"print!("x"); t!("a-b"); t_in!(lang, "c", n = 1); assert!("no"); t!(x)"#;
    assert_eq!(ids_asked(code), ["a-b", "c"]);
}

#[test]
fn the_catalogues_hold_every_id_the_code_asks_for_and_no_other() {
    let used = ids_in_code();
    let english = messages(Language::English);
    let missing: Vec<_> = used
        .iter()
        .filter(|(id, _)| !english.contains_key(*id))
        .map(|(id, file)| format!("{id} (asked in {file})"))
        .collect();
    assert!(
        missing.is_empty(),
        "asked for but in no catalogue: {missing:#?}"
    );
    let unused: Vec<_> = english
        .keys()
        .filter(|id| !used.contains_key(*id))
        .collect();
    assert!(
        unused.is_empty(),
        "in the catalogues but asked by no code: {unused:#?}"
    );
}

#[test]
fn a_language_held_for_a_thread_is_spoken_there_and_given_back() {
    assert_eq!(current(), Language::English);
    let inside = with_language(Language::Chinese, || {
        let nested = with_language(Language::English, current);
        (current(), nested)
    });
    assert_eq!(inside, (Language::Chinese, Language::English));
    assert_eq!(current(), Language::English);
}

#[test]
fn a_missing_message_shows_its_id_rather_than_failing() {
    assert_eq!(
        message(Language::Chinese, "no-such-message", None),
        "no-such-message"
    );
}
