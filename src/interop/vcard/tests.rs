use super::*;

fn logical(text: &[u8]) -> Vec<(usize, Vec<u8>)> {
    Unfolder {
        bytes: text,
        pos: 0,
        line: 0,
    }
    .map(|l| (l.line, l.bytes))
    .collect()
}

#[test]
fn unfolds_at_octets_and_joins_soft_breaks_only_in_qp() {
    let lines = logical(b"FN:\xe6\r\n \x9d\x8e\xe5\r\n \xa8\x9f\r\nNOTE;ENCODING=QUOTED-PRINTABLE:a=\r\n=3Db\r\nPHOTO;ENCODING=b:AAAA==\r\n BBBB\r\n\r\nEND:VCARD");
    assert_eq!(lines[0], (1, "FN:李娟".as_bytes().to_vec()));
    assert_eq!(
        lines[1],
        (4, b"NOTE;ENCODING=QUOTED-PRINTABLE:a=3Db".to_vec())
    );
    assert_eq!(lines[2], (6, b"PHOTO;ENCODING=b".to_vec()));
    assert_eq!(lines[3], (9, b"END:VCARD".to_vec()));
}

#[test]
fn properties_with_groups_quoted_params_and_bare_types() {
    let l = Logical {
        line: 1,
        bytes: b"item1.ADR;TYPE=work;LABEL=\"a:b;c\":;;street".to_vec(),
        skipped: false,
        too_long: false,
    };
    let p = parse_prop(&l).unwrap();
    assert_eq!(
        (p.group.as_deref(), p.name.as_str()),
        (Some("item1"), "ADR")
    );
    assert_eq!(p.param("LABEL").collect::<Vec<_>>(), vec!["a:b;c"]);
    assert_eq!(p.value, b";;street");
    let l = Logical {
        line: 1,
        bytes: b"TEL;CELL;PREF;QUOTED-PRINTABLE:=31".to_vec(),
        skipped: false,
        too_long: false,
    };
    let p = parse_prop(&l).unwrap();
    assert!(p.has_type("cell") && p.has_type("PREF") && p.is_qp());
}

#[test]
fn quoted_printable() {
    assert_eq!(
        qp_decode(b"=E5=BC=A0;=E4=BC=9F").unwrap(),
        "张;伟".as_bytes()
    );
    assert_eq!(qp_decode(b"abc=").unwrap(), b"abc");
    assert!(
        qp_decode(b"=E5=BC=ZZ")
            .unwrap_err()
            .quoted()
            .contains("=ZZ")
    );
    assert!(qp_decode(b"=9").is_err());
}
