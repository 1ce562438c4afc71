//! The readers on small inline files, and property tests: no input, however broken, panics.

use proptest::prelude::*;

use super::*;
use crate::book::model::CustomerKind;
use crate::book::validate::{Control, Refusal};

fn read(text: &[u8], format: Format) -> Batch {
    read_bytes(
        text,
        "test",
        &ReadOptions {
            format: Some(format),
            ..ReadOptions::default()
        },
    )
    .unwrap()
}

/// The notices of one severity, as (place, column, problem): `interop` says no words, the
/// front ends do (their tests read the sentences).
fn notices(batch: &Batch, severity: Severity) -> Vec<(Place, Option<String>, Problem)> {
    batch
        .notices
        .iter()
        .filter(|n| n.severity == severity)
        .map(|n| (n.place, n.column.clone(), n.problem.clone()))
        .collect()
}

#[test]
fn csv_rows_keep_their_physical_lines_across_blank_lines_and_multi_line_cells() {
    let batch = read(
        b"Name,Company,Notes\n\nZhang Wei,Xinghe,\"x\ny\"\n\nLi,Xinghe,\"two\nlines\"\nWang,,\n",
        Format::Csv,
    );
    let places: Vec<Place> = batch.records.iter().map(|r| r.place).collect();
    let row = |row, line| Place::Row { row, line };
    assert_eq!(places, vec![row(1, 3), row(2, 6), row(3, 8)]);
    assert_eq!(
        batch.records[1].person.as_ref().unwrap().notes,
        "two\nlines"
    );
    let batch = read(b"Name,Company\n\"Zhang\nWei\",Xinghe\n", Format::Csv);
    assert!(matches!(
        notices(&batch, Severity::Bad)[0].2,
        Problem::Refused(Refusal::Holds {
            control: Control::LineBreak,
            ..
        })
    ));
}

#[test]
fn csv_refuses_controls_extra_fields_and_an_unterminated_quote() {
    let batch = read(
        b"Name,Company,Phone\nOk,Co,1\n\x1b[2JBad,Co,2\nExtra,Co,3,4\nGood,Co,5\nOpen,\"Co,6\n",
        Format::Csv,
    );
    let bad = notices(&batch, Severity::Bad);
    assert_eq!(bad.len(), 3, "{bad:?}");
    assert_eq!(bad[0].0, Place::Row { row: 2, line: 3 });
    assert_eq!(bad[0].1.as_deref(), Some("Name"));
    let escape = Refusal::Holds {
        c: '\x1b',
        control: Control::Terminal,
    };
    assert_eq!(bad[0].2, Problem::Refused(escape), "{bad:?}");
    let too_many = Problem::TooManyFields {
        fields: 4,
        header: 3,
    };
    assert_eq!(bad[1].2, too_many);
    let open = (
        Place::Row { row: 5, line: 6 },
        None,
        Problem::QuoteNeverCloses,
    );
    assert_eq!(bad[2], open);
    let names: Vec<&str> = batch
        .records
        .iter()
        .map(|r| r.person.as_ref().unwrap().name.as_str())
        .collect();
    assert_eq!(names, vec!["Ok", "Good"]);
    assert!(
        !batch
            .notices
            .iter()
            .any(|n| n.problem.quoted().contains('\x1b'))
    );
}

#[test]
fn csv_people_companies_and_individuals() {
    let batch = read(
        "公司,联系人,手机,城市,标签,备注\n星河,张伟,138 0013 8000,北京,\"VIP、华北\",老客户\n星河,,010-6234 5678,北京,,总机\n,王师傅,135 0000 1111,上海,朋友,装修\n"
            .as_bytes(),
        Format::Csv,
    );
    let [person, company, individual] = batch.records.as_slice() else {
        panic!("{:?}", batch.records);
    };
    assert_eq!(person.customer.name, "星河");
    assert_eq!(person.customer.tags, vec!["VIP", "华北"]);
    let p = person.person.as_ref().unwrap();
    assert_eq!(
        (p.name.as_str(), p.phone.as_str(), p.notes.as_str()),
        ("张伟", "138 0013 8000", "老客户")
    );
    assert_eq!(company.person, None);
    assert_eq!(
        (
            company.customer.phone.as_str(),
            company.customer.notes.as_str()
        ),
        ("010-6234 5678", "总机")
    );
    assert_eq!(individual.customer.kind, Some(CustomerKind::Person));
    assert_eq!(individual.customer.name, "王师傅");
    assert_eq!(individual.customer.phone, "135 0000 1111");
    assert_eq!(individual.customer.city, "上海");
}

#[test]
fn csv_map_overrides_and_neutralized_cells_are_read_back() {
    let options = ReadOptions {
        format: Some(Format::Csv),
        map: vec!["Owner=note".into(), "Org=company".into(), "Who=name".into()],
        ..ReadOptions::default()
    };
    let batch = read_bytes(
        b"Who,Org,Owner,Phone\nZhang Wei,'=HYPERLINK(1),Li Ming,'+86 138\n",
        "x.csv",
        &options,
    )
    .unwrap();
    let r = &batch.records[0];
    assert_eq!(r.customer.name, "=HYPERLINK(1)");
    let p = r.person.as_ref().unwrap();
    assert_eq!(
        (p.name.as_str(), p.phone.as_str(), p.notes.as_str()),
        ("Zhang Wei", "+86 138", "Owner: Li Ming")
    );
    let err = read_bytes(b"Foo,Bar\n1,2\n", "x.csv", &ReadOptions::default()).unwrap_err();
    assert!(matches!(err, ReadError::NoNameColumn { .. }), "{err:?}");
}

#[test]
fn google_labels_route_phones_and_custom_fields() {
    let batch = read(
        "First Name,Last Name,Organization Name,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value,Custom Field 1 - Label,Custom Field 1 - Value,Labels\n伟,张,星河,Work,010-62345678,Mobile,+86 138 0013 8000 ::: +86 139 1000 2000,微信,zhangwei_xh,* myContacts ::: * starred ::: 客户\n"
            .as_bytes(),
        Format::Csv,
    );
    let r = &batch.records[0];
    let p = r.person.as_ref().unwrap();
    assert_eq!(p.name, "张伟");
    assert_eq!(
        p.phone,
        "+86 138 0013 8000, +86 139 1000 2000, 010-62345678"
    );
    assert_eq!(p.wechat, "zhangwei_xh");
    assert_eq!(r.customer.tags, vec!["客户"]);
}

#[test]
fn vcard_groups_labels_fax_and_text_birthdays() {
    let card = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:吴强\r\nN:吴;强;;;\r\nBDAY;VALUE=text:约1980年\r\nORG:武汉长江机械制造有限公司\r\nitem2.TEL;VALUE=uri:tel:+86-27-8400-1234\r\nitem2.X-ABLabel:总机\r\nTEL;TYPE=fax:027-84001299\r\nEND:VCARD\r\n";
    let batch = read(card.as_bytes(), Format::Vcard);
    let p = batch.records[0].person.as_ref().unwrap();
    assert_eq!(p.birthday, None);
    assert_eq!(p.phone, "+86-27-8400-1234");
    assert_eq!(p.notes, "Fax: 027-84001299\nBirthday: 约1980年");
    assert_eq!(notices(&batch, Severity::Warning).len(), 1);
}

#[test]
fn vcard_garbage_nesting_and_truncation_refuse_only_their_cards() {
    let mut file = b"junk\xff\x1b[2J\r\nBEGIN:VCARD\r\nFN:A\r\nBEGIN:VCARD\r\nFN:B\r\nEND:VCARD\r\nEND:VCARD\r\n".to_vec();
    file.extend_from_slice(b"BEGIN:VCARD\r\nFN:Good\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Cut");
    let batch = read(&file, Format::Vcard);
    assert_eq!(batch.records.len(), 1);
    assert_eq!(batch.records[0].customer.name, "Good");
    let outside = (Place::Line { line: 1 }, None, Problem::OutsideAnyCard);
    assert_eq!(notices(&batch, Severity::Skipped), vec![outside]);
    let bad = notices(&batch, Severity::Bad);
    assert_eq!(bad.len(), 2, "{bad:?}");
    assert_eq!(bad[0].0, Place::Card { card: 1, line: 2 });
    assert_eq!(bad[0].2, Problem::CardInsideCard { line: 4 });
    assert_eq!(bad[1].0, Place::Card { card: 3, line: 11 });
    for n in &batch.notices {
        let quoted = n.problem.quoted();
        assert!(
            !quoted.contains('\x1b') && !quoted.contains('\u{fffd}'),
            "{n:?}"
        );
    }
}

#[test]
fn formats_are_detected_from_names_and_content() {
    assert_eq!(Format::detect("a.VCF", b""), Format::Vcard);
    assert_eq!(Format::detect("a.tsv", b""), Format::Csv);
    assert_eq!(
        Format::detect("export", b"\xEF\xBB\xBF  {\"format\""),
        Format::Json
    );
    assert_eq!(Format::detect("export", b"begin:vcard\r\n"), Format::Vcard);
    assert_eq!(Format::detect("export", b"Name,Company"), Format::Csv);
}

/// The fixtures of this project, and the shared ones when they are there, as seeds to mutate.
fn seeds() -> Vec<Vec<u8>> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut seeds = Vec::new();
    for dir in [
        root.join("tests/fixtures/interop"),
        root.join("../shared/fixtures"),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            if ["csv", "tsv", "vcf", "json"].contains(&ext)
                && let Ok(bytes) = std::fs::read(&p)
                && bytes.len() < 64 * 1024
            {
                seeds.push(bytes);
            }
        }
    }
    seeds.push(br#"{"format":"fieldbook","version":1,"schema":1,"tables":{"customer":[{"id":1,"name":"x","kind":"company","created_at":"2026-01-01T00:00:00","updated_at":"2026-01-01T00:00:00"}],"contact":[{"id":1,"customer_id":1,"name":"y","created_at":"2026-01-01T00:00:00"}]}}"#.to_vec());
    seeds
}

fn read_all_formats(bytes: &[u8]) {
    for format in [Format::Csv, Format::Vcard, Format::Json] {
        for encoding in [None, Some(Charset::Utf8), Some(Charset::Gb18030)] {
            let options = ReadOptions {
                format: Some(format),
                encoding,
                map: vec!["a=name".into()],
                ..ReadOptions::default()
            };
            let _ = read_bytes(bytes, "fuzz", &options);
            let _ = read_bytes(
                bytes,
                "fuzz",
                &ReadOptions {
                    map: vec![],
                    ..options
                },
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        read_all_formats(&bytes);
    }

    #[test]
    fn line_shaped_noise_never_panics(lines in proptest::collection::vec(
        "(BEGIN:VCARD|END:VCARD|FN:[^\r\n]{0,12}|N:[;a-z]{0,8}|[A-Z;=]{0,10}:[=0-9A-F ]{0,12}| [^\r\n]{0,6}|[,\"\t;a-z]{0,12})",
        0..40,
    )) {
        read_all_formats(lines.join("\r\n").as_bytes());
        read_all_formats(lines.join("\n").as_bytes());
    }

    #[test]
    fn mutated_fixtures_never_panic(
        pick in any::<prop::sample::Index>(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..4), 1..12),
    ) {
        let seeds = seeds();
        let mut bytes = seeds[pick.index(seeds.len())].clone();
        for (at, byte, how) in edits {
            if bytes.is_empty() {
                bytes.push(byte);
                continue;
            }
            let i = at.index(bytes.len());
            match how {
                0 => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                2 => { bytes.remove(i); }
                _ => bytes.truncate(i),
            }
        }
        read_all_formats(&bytes);
    }
}

#[test]
fn a_json_export_from_a_newer_book_is_refused_by_the_schema_the_caller_reads() {
    let text = br#"{"format": "fieldbook", "version": 1, "schema": 5, "tables": {}}"#;
    let options = |newest_schema| ReadOptions {
        format: Some(Format::Json),
        newest_schema,
        ..ReadOptions::default()
    };
    let err = read_bytes(text, "test", &options(Some(4))).unwrap_err();
    assert!(
        matches!(err, ReadError::NewerExport { schema: 5, .. }),
        "{err:?}"
    );
    assert!(read_bytes(text, "test", &options(Some(5))).is_ok());
}
