//! Files from other programs (`../shared/fixtures`, when present) against their `expected.json`:
//! which customers and people come out, and their birthdays, phones, e-mails, WeChat ids, titles,
//! tags and notes. The hostile files: which lines and cards are refused, and that no message
//! carries their control characters. Skipped when the folder is not there.

use std::path::PathBuf;

use fieldbook::book::model::{ContactDraft, CustomerDraft, CustomerKind};
use fieldbook::interop::{Action, Batch, Duplicates, Match, Place, Severity};
use fieldbook::repository::Repository;
use serde_json::Value;

use super::helpers::*;

fn shared() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures");
    if dir.join("expected.json").exists() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is not there", dir.display());
        None
    }
}

fn expected(dir: &std::path::Path) -> Value {
    serde_json::from_slice(&std::fs::read(dir.join("expected.json")).unwrap()).unwrap()
}

/// Names compared without the ideographic space some sheets put inside (`欧阳　明`).
fn key(name: &str) -> String {
    name.replace('\u{3000}', "")
}

fn no_raw_controls(batch: &Batch) {
    for n in &batch.notices {
        let shown = fieldbook::services::import_words::notice(n);
        assert!(
            !shown
                .chars()
                .any(|c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c)),
            "{shown:?}"
        );
    }
}

/// The person (a contact, or an individual customer) and the customer they belong to.
fn find(repo: &Repository, name: &str) -> (CustomerDraft, Option<ContactDraft>) {
    for (c, people) in customers(repo) {
        if let Some(p) = people.iter().find(|p| key(&p.name) == key(name)) {
            return (c.clone(), Some(p.clone()));
        }
        if c.kind == Some(CustomerKind::Person) && key(&c.name) == key(name) {
            return (c, None);
        }
    }
    panic!("no person {name}");
}

/// Raw phone strings as the file has them, as fieldbook stores them.
fn phone_as_stored(raw: &str) -> String {
    raw.trim_start_matches("tel:").replace(";ext=", " ext. ")
}

fn strings(v: &Value, skip_fax: bool) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Array(items) => items
            .iter()
            .filter(|i| {
                !skip_fax
                    || !i
                        .get("type")
                        .is_some_and(|t| t.to_string().to_lowercase().contains("fax"))
            })
            .flat_map(|i| match i {
                Value::Object(o) => o
                    .get("value")
                    .map(|v| strings(v, skip_fax))
                    .unwrap_or_default(),
                other => strings(other, skip_fax),
            })
            .collect(),
        Value::Object(o) => o
            .iter()
            .filter(|(k, _)| !skip_fax || !k.contains("fax"))
            .flat_map(|(_, v)| strings(v, skip_fax))
            .collect(),
        _ => vec![],
    }
}

fn check_person(file: &str, repo: &Repository, name: &str, want: &Value) {
    let (customer, contact) = find(repo, name);
    let at = |f: fn(&ContactDraft) -> &String, g: fn(&CustomerDraft) -> &String| match &contact {
        Some(p) => f(p).clone(),
        None => g(&customer).clone(),
    };
    let phones = format!("{}, {}", at(|p| &p.phone, |c| &c.phone), customer.phone);
    let emails = at(|p| &p.email, |c| &c.email);
    let birthday = match &contact {
        Some(p) => p.birthday,
        None => customer.birthday,
    };
    let ctx = format!("{file}: {name}");
    let Value::Object(fields) = want else { return };
    for (k, v) in fields {
        match (k.as_str(), v) {
            ("birthday", Value::Null) => assert_eq!(birthday, None, "{ctx}"),
            ("birthday", Value::String(b)) => {
                assert_eq!(
                    birthday.map(|b| b.to_text()).as_deref(),
                    Some(b.as_str()),
                    "{ctx}"
                )
            }
            ("phones" | "mobile" | "phone", v) => {
                for p in strings(v, true) {
                    assert!(
                        phones.contains(&phone_as_stored(&p)),
                        "{ctx}: phone {p} in {phones}"
                    );
                }
            }
            ("emails" | "email", Value::Null) => assert_eq!(emails, "", "{ctx}"),
            ("emails" | "email" | "primary_email", v) => {
                for e in strings(v, false) {
                    assert!(emails.contains(&e), "{ctx}: e-mail {e} in {emails}");
                }
            }
            ("wechat", Value::String(w)) => {
                assert!(
                    at(|p| &p.wechat, |c| &c.wechat).contains(w.as_str()),
                    "{ctx}"
                )
            }
            ("notes", Value::String(n)) => {
                let notes = at(|p| &p.notes, |c| &c.notes);
                assert!(
                    notes.contains(n.as_str()),
                    "{ctx}: notes {notes:?} hold {n:?}"
                );
            }
            ("title" | "job_title" | "department", Value::String(t)) if contact.is_some() => {
                let title = &contact.as_ref().unwrap().title;
                assert!(title.contains(t.as_str()), "{ctx}: title {title} holds {t}");
            }
            ("tags", v) => {
                for t in strings(v, false) {
                    assert!(
                        customer.tags.contains(&t),
                        "{ctx}: tag {t} in {:?}",
                        customer.tags
                    );
                }
            }
            _ => {}
        }
    }
}

#[test]
fn files_from_other_programs_give_the_expected_customers_and_people() {
    let Some(dir) = shared() else { return };
    let expected = expected(&dir);
    let files = [
        "google-contacts.csv",
        "outlook-contacts.csv",
        "salesforce-accounts.csv",
        "hubspot-companies.csv",
        "kehu-gbk.csv",
        "kehu-utf8-tab.tsv",
        "iphone-export.vcf",
        "android-export.vcf",
        "vcard4-misc.vcf",
    ];
    for file in files {
        let want = &expected[file];
        let batch = read(&dir.join(file));
        assert!(!batch.has_bad(), "{file}: {:?}", batch.notices);
        no_raw_controls(&batch);
        let mut repo = book();
        import(&mut repo, &batch, Duplicates::Skip);
        let got = customers(&repo);
        let companies = want["customers"].as_array().unwrap();
        let individuals = want["individuals"].as_array().unwrap();
        assert_eq!(
            got.len(),
            companies.len() + individuals.len(),
            "{file}: {:?}",
            got.iter().map(|c| &c.0.name).collect::<Vec<_>>()
        );
        for c in companies {
            let name = c["name"].as_str().unwrap();
            let (customer, people) = customer(&repo, name);
            assert_eq!(customer.kind, Some(CustomerKind::Company), "{file}: {name}");
            let mut want_people: Vec<String> = strings(&c["persons"], false)
                .iter()
                .map(|p| key(p))
                .collect();
            let mut got_people: Vec<String> = people.iter().map(|p| key(&p.name)).collect();
            want_people.sort();
            got_people.sort();
            assert_eq!(got_people, want_people, "{file}: {name}");
            for p in strings(&c["phones"], false) {
                assert!(
                    customer.phone.contains(&phone_as_stored(&p)),
                    "{file}: {name} phone {p}"
                );
            }
            if let Some(phone) = c["phone"].as_str() {
                assert!(customer.phone.contains(phone), "{file}: {name}");
            }
            if let Some(street) = c["billing_street"].as_str() {
                assert_eq!(customer.address, street, "{file}: {name}");
            }
        }
        for i in individuals {
            let (customer, _) = find(&repo, i.as_str().unwrap());
            assert_eq!(customer.kind, Some(CustomerKind::Person), "{file}");
        }
        for (name, fields) in want["persons"].as_object().unwrap() {
            check_person(file, &repo, name, fields);
        }
        let again = import(&mut repo, &batch, Duplicates::Merge);
        assert!(
            again.changes_nothing(),
            "{file}: a second import changes nothing: {again:?}"
        );
    }
}

fn line_of(place: &Place) -> usize {
    match place {
        Place::Row { line, .. } | Place::Card { line, .. } | Place::Line { line } => *line,
        Place::Entry { .. } => 0,
    }
}

#[test]
fn hostile_csv_refuses_the_lines_it_should_and_imports_the_rest_byte_exact() {
    let Some(dir) = shared() else { return };
    let want = &expected(&dir)["hostile.csv"];
    let batch = read(&dir.join("hostile.csv"));
    no_raw_controls(&batch);
    let mut bad: Vec<usize> = batch.bad().map(|n| line_of(&n.place)).collect();
    bad.dedup();
    let mut rejected: Vec<usize> = want["lines"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, v)| v["action"] == "reject")
        .map(|(k, _)| k.parse().unwrap())
        .collect();
    rejected.sort();
    assert_eq!(bad, rejected);
    assert_eq!(
        batch.bad_records() as u64,
        want["totals"]["rejected"].as_u64().unwrap()
    );

    let mut repo = book();
    let report = import(&mut repo, &batch, Duplicates::Skip);
    for (line, v) in want["lines"].as_object().unwrap() {
        if v["action"] != "import" {
            continue;
        }
        let (name, company) = (
            v["person"].as_str().unwrap(),
            v["customer"].as_str().unwrap(),
        );
        assert_eq!(
            person(&repo, company, name).name.as_bytes(),
            name.as_bytes(),
            "line {line}"
        );
    }
    assert_eq!(
        report.people.created as u64,
        want["totals"]["imported_persons"].as_u64().unwrap()
    );
    // Line 14 repeats line 2: skipped as its duplicate, not imported twice.
    let again = report
        .outcomes
        .iter()
        .find(|o| line_of(&o.place) == 14)
        .and_then(|o| o.person.clone())
        .unwrap();
    assert_eq!(again.action, Action::Skip);
    assert!(matches!(again.matched, Some(Match::Earlier(p)) if line_of(&p) == 2));
    // Line 12 has a company and no name: fieldbook keeps the company as a customer (the
    // fixture's strict policy would skip it), so one customer more than its total.
    let names: Vec<String> = customers(&repo).into_iter().map(|c| c.0.name).collect();
    assert!(names.contains(&"无名公司".to_string()));
    assert_eq!(
        names.len() as u64,
        want["totals"]["customers"].as_u64().unwrap() + 1
    );
}

#[test]
fn hostile_vcf_refuses_its_broken_cards_and_keeps_the_good_ones() {
    let Some(dir) = shared() else { return };
    let want = &expected(&dir)["hostile.vcf"];
    let started = std::time::Instant::now();
    let batch = read(&dir.join("hostile.vcf"));
    assert!(
        started.elapsed().as_secs() < 10,
        "bounded time for a 1 MiB line"
    );
    no_raw_controls(&batch);
    let bad_lines: Vec<usize> = batch.bad().map(|n| line_of(&n.place)).collect();
    let mut rejected_starts: Vec<usize> = want["cards"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["action"] == "reject")
        .map(|c| {
            c["lines"]
                .as_str()
                .unwrap()
                .split('-')
                .next()
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect();
    rejected_starts.sort();
    let mut got = bad_lines.clone();
    got.dedup();
    assert_eq!(got, rejected_starts);
    assert_eq!(
        batch.bad_records() as u64,
        want["totals"]["rejected_cards"].as_u64().unwrap()
    );
    let skipped = batch
        .notices
        .iter()
        .filter(|n| n.severity == Severity::Skipped)
        .count();
    assert_eq!(
        skipped as u64,
        want["totals"]["skipped_regions"].as_u64().unwrap()
    );

    let mut repo = book();
    let report = import(&mut repo, &batch, Duplicates::Skip);
    let imported = report.outcomes.len();
    assert_eq!(
        imported as u64,
        want["totals"]["imported_persons"].as_u64().unwrap()
    );
    for c in want["cards"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["action"] == "import")
    {
        let name = c["person"].as_str().unwrap();
        let (customer, contact) = find(&repo, name);
        if let Some(company) = c["customer"].as_str() {
            assert_eq!(customer.name, company);
        }
        if let Some(phone) = c["phone"].as_str() {
            let phones = contact.map_or(customer.phone.clone(), |p| p.phone);
            assert!(phones.contains(phone), "{name}: {phones}");
        }
    }
}
