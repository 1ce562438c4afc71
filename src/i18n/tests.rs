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
fn both_catalogues_hold_the_same_messages() {
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

#[test]
fn each_message_parsed_alone_says_what_the_whole_catalogue_says() {
    use fluent_bundle::FluentResource;
    use fluent_bundle::concurrent::FluentBundle;
    for language in Language::ALL {
        let mut whole = FluentBundle::new_concurrent(vec![language.tag().parse().unwrap()]);
        whole.set_use_isolating(false);
        let resource = FluentResource::try_new(source(language).to_string()).unwrap();
        whole.add_resource(resource).unwrap();
        for (id, vars) in messages(language) {
            for n in [1, 3] {
                let mut args = Args::new();
                for v in &vars {
                    args.set(v.clone(), n);
                }
                let pattern = whole.get_message(&id).unwrap().value().unwrap();
                let expected = whole.format_pattern(pattern, Some(&args), &mut Vec::new());
                let (text, _) = format_checked(language, &id, Some(&args)).unwrap();
                assert_eq!(text, expected, "{} {id}", language.tag());
            }
        }
    }
}

/// A message asked for in the code: its id, the arguments given, and where.
struct Call {
    id: String,
    args: BTreeSet<String>,
    file: String,
}

/// Every `t!("id", a = ..)` and `t_in!(language, "id", a = ..)` under `src/`.
fn calls_in_code() -> Vec<Call> {
    let mut out = Vec::new();
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
        let mut found = calls(&code);
        if path.ends_with("keymap/bindings.rs") {
            found.extend(
                binding_ids(&code)
                    .into_iter()
                    .map(|id| (id, BTreeSet::new())),
            );
        }
        for (id, args) in found {
            let file = path.display().to_string();
            out.push(Call { id, args, file });
        }
    }
    out
}

/// The message ids the keymap table holds for its footer hints and help lines: every string
/// literal starting `key-` (the table is looked up at draw time, not through `t!`).
fn binding_ids(code: &str) -> Vec<String> {
    code.match_indices("\"key-")
        .filter_map(|(at, _)| {
            let rest = &code[at + 1..];
            rest.find('"').map(|end| rest[..end].to_string())
        })
        .collect()
}

/// The id and argument names of each call of `t!` or `t_in!` in `code`.
fn calls(code: &str) -> Vec<(String, BTreeSet<String>)> {
    let mut out = Vec::new();
    for call in ["t!(", "t_in!("] {
        for (at, _) in code.match_indices(call) {
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue; // print!(, assert!(, ...
            }
            let mut parts = top_level_parts(&code[at + call.len()..]).into_iter();
            if call == "t_in!(" {
                parts.next(); // the language
            }
            let Some(id) = parts.next() else { continue };
            let Some(id) = id
                .trim()
                .strip_prefix('"')
                .and_then(|i| i.strip_suffix('"'))
            else {
                continue;
            };
            let args = parts
                .filter_map(|p| {
                    let (name, rest) = p.split_once('=')?;
                    let name = name.trim();
                    let plain = name.chars().all(|c| c.is_alphanumeric() || c == '_');
                    (plain && !rest.starts_with('=')).then(|| name.to_string())
                })
                .collect();
            out.push((id.to_string(), args));
        }
    }
    out
}

/// The comma-separated parts of a call's arguments, up to its closing bracket; brackets and
/// string literals inside a part are kept whole.
fn top_level_parts(text: &str) -> Vec<String> {
    let (mut parts, mut part, mut depth) = (Vec::new(), String::new(), 0);
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                part.push(c);
                while let Some(c) = chars.next() {
                    part.push(c);
                    if c == '\\' {
                        part.extend(chars.next());
                    } else if c == '"' {
                        break;
                    }
                }
                continue;
            }
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => break,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(std::mem::take(&mut part));
                continue;
            }
            _ => {}
        }
        part.push(c);
    }
    if !part.trim().is_empty() {
        parts.push(part);
    }
    parts
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
fn the_scanner_reads_ids_and_arguments_and_skips_other_macros() {
    let code = r#"print!("x"); t!("a-b"); t_in!(lang, "c", n = f(1, 2), s = "x, y", b = a == b);
        assert!("no"); t!(x); t!("d", name = m[0], )"#;
    let found: Vec<(String, Vec<String>)> = calls(code)
        .into_iter()
        .map(|(id, args)| (id, args.into_iter().collect()))
        .collect();
    let want = [
        ("a-b", vec![]),
        ("d", vec!["name"]),
        ("c", vec!["b", "n", "s"]),
    ];
    let want: Vec<(String, Vec<String>)> = want
        .iter()
        .map(|(id, args)| (id.to_string(), args.iter().map(|a| a.to_string()).collect()))
        .collect();
    assert_eq!(found, want);
}

#[test]
fn the_keymap_tables_ids_are_read_from_its_literals() {
    let code = r#"bind(C::Form, &[ch('"')], Action::Save, "key-hint-save", "key-save-the-form"),
        bind(C::Form, &[SAVE], Action::Back, "", "key-cancel"),"#;
    // A quote as a key does not throw the scan off: ids are read wherever they stand.
    let ids = binding_ids(code);
    assert!(ids.contains(&"key-save-the-form".to_string()), "{ids:?}");
    let plain = r#"bind(C::Form, &[SAVE], Action::Back, "", "key-cancel"), "key-hint-x""#;
    assert_eq!(binding_ids(plain), ["key-cancel", "key-hint-x"]);
}

#[test]
fn the_catalogues_hold_every_id_the_code_asks_for_and_no_other() {
    let calls = calls_in_code();
    let english = messages(Language::English);
    let missing: Vec<_> = calls
        .iter()
        .filter(|c| !english.contains_key(&c.id))
        .map(|c| format!("{} (asked in {})", c.id, c.file))
        .collect();
    assert!(
        missing.is_empty(),
        "asked for but in no catalogue: {missing:#?}"
    );
    let used: BTreeSet<&str> = calls.iter().map(|c| c.id.as_str()).collect();
    let unused: Vec<_> = english
        .keys()
        .filter(|id| !used.contains(id.as_str()))
        .collect();
    assert!(
        unused.is_empty(),
        "in the catalogues but asked by no code: {unused:#?}"
    );
}

/// A message using an argument its caller does not give shows "{$name}" to the user; an
/// argument no language uses is a typo or a leftover.
#[test]
fn every_call_gives_the_arguments_its_message_uses_in_both_languages() {
    let catalogues = Language::ALL.map(|l| (l, messages(l)));
    let mut wrong = Vec::new();
    for call in calls_in_code() {
        let mut used = BTreeSet::new();
        for (language, messages) in &catalogues {
            let Some(vars) = messages.get(&call.id) else {
                continue;
            };
            used.extend(vars.iter().cloned());
            for v in vars.difference(&call.args) {
                wrong.push(format!(
                    "{} in {}: ${v} not given ({})",
                    call.id,
                    language.tag(),
                    call.file
                ));
            }
        }
        for a in call.args.difference(&used) {
            wrong.push(format!(
                "{}: {a} given but never used ({})",
                call.id, call.file
            ));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
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
