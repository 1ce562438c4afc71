use super::*;

fn fields(headers: &[&str], map: &[&str]) -> Vec<String> {
    let headers: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
    let map: Vec<String> = map.iter().map(|m| m.to_string()).collect();
    plan(&headers, &map)
        .unwrap()
        .0
        .iter()
        .map(|c| c.field.name())
        .collect()
}

#[test]
fn english_and_chinese_headers() {
    assert_eq!(
        fields(
            &["Account Name", "Billing City", "Phone", "Account Owner"],
            &[]
        ),
        vec!["company", "city", "phone", "ignore"]
    );
    assert_eq!(
        fields(
            &["公司名称", "联系人", "手机号", "座机", "所在城市", "负责人"],
            &[]
        ),
        vec!["company", "name", "mobile", "phone", "city", "ignore"]
    );
    assert_eq!(
        fields(
            &[
                "Title",
                "First Name",
                "Job Title",
                "E-mail 2 Address",
                "Company Main Phone"
            ],
            &[]
        ),
        vec!["ignore", "first_name", "title", "email", "customer_phone"]
    );
}

#[test]
fn google_groups_are_read_through_their_labels() {
    let headers: Vec<String> = [
        "Organization Name",
        "Phone 1 - Label",
        "Phone 1 - Value",
        "Custom Field 1 - Label",
        "Custom Field 1 - Value",
    ]
    .iter()
    .map(|h| h.to_string())
    .collect();
    let (cols, _) = plan(&headers, &[]).unwrap();
    assert_eq!(cols[2].field, Field::Phone(Who::Auto));
    assert_eq!(cols[2].label, Some(1));
    assert_eq!(cols[1].field, Field::Ignore);
    assert_eq!(cols[4].label, Some(3));
    assert_eq!(relabel(cols[2].field, "Mobile"), Field::Mobile(Who::Auto));
    assert_eq!(relabel(cols[4].field, "微信"), Field::Wechat(Who::Auto));
    assert_eq!(relabel(cols[4].field, "Favourite tea"), Field::Note);
}

#[test]
fn map_overrides_and_explains_mistakes() {
    assert_eq!(
        fields(
            &["Name", "负责人", "X"],
            &["负责人=note", "x=customer_phone"]
        ),
        vec!["name", "note", "customer_phone"]
    );
    let headers = vec!["Foo".to_string(), "Bar".to_string()];
    let quoted: Vec<String> = vec!["\"Foo\"".into(), "\"Bar\"".into()];
    assert_eq!(
        plan(&headers, &[]).unwrap_err(),
        ReadError::NoNameColumn {
            header: quoted.clone()
        }
    );
    assert_eq!(
        plan(&headers, &["Baz=name".into()]).unwrap_err(),
        ReadError::MapNoSuchColumn {
            column: "\"Baz\"".into(),
            header: quoted
        }
    );
    assert!(matches!(
        plan(&headers, &["Foo=colour".into()]).unwrap_err(),
        ReadError::MapUnknownField { field, .. } if field == "\"colour\""
    ));
    for f in [
        "company",
        "customer_phone",
        "contact_notes",
        "note",
        "ignore",
        "mobile",
    ] {
        assert_eq!(Field::parse(f).unwrap().name(), f);
    }
}
