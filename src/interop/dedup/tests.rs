//! Matching keys, the index and merging.

use super::*;
use crate::book::model::{ContactId, CustomerId};

#[test]
fn phone_keys_see_through_formatting() {
    assert_eq!(phone_key("+86 138 0013 8000"), phone_key("13800138000"));
    assert_eq!(phone_key("+86 10 6234 5678"), phone_key("010-62345678"));
    assert_eq!(
        phone_key("021-58881234转8001"),
        phone_key("021-5888 1234 ext. 8001")
    );
    assert_eq!(phone_key("0086 755 8600 1234"), phone_key("0755-86001234"));
    assert_ne!(phone_key("010-62345678"), phone_key("021-62345678"));
    assert_eq!(phone_key("12 34"), None);
}

#[test]
fn companies_match_on_name_and_city_people_on_any_key() {
    let mut index = Index::default();
    let company = |name: &str, city: &str| CustomerDraft {
        name: name.into(),
        city: city.into(),
        ..Default::default()
    };
    index.put_customer(
        CustomerId(1),
        &company("北京星河科技有限公司", "北京"),
        None,
    );
    index.put_customer(CustomerId(2), &company("星河", "上海"), None);
    assert_eq!(
        index.find_customer(&company(" 北京星河科技有限公司　", "北京市"), false),
        Some((CustomerId(1), Match::Book(1)))
    );
    assert_eq!(
        index
            .find_customer(&company("北京星河科技有限公司", ""), false)
            .map(|m| m.0),
        Some(CustomerId(1))
    );
    assert_eq!(index.find_customer(&company("星河", "北京"), false), None);

    let person = CustomerDraft {
        name: "王师傅".into(),
        kind: Some(CustomerKind::Person),
        phone: "135 0000 1111".into(),
        ..Default::default()
    };
    let place = Place::Row { row: 1, line: 2 };
    index.put_customer(CustomerId(3), &person, Some(place));
    let by_phone = CustomerDraft {
        name: "Wang".into(),
        phone: "+86 135-0000-1111, 021 1234 5678".into(),
        ..person.clone()
    };
    assert_eq!(
        index.find_customer(&by_phone, false),
        Some((CustomerId(3), Match::Earlier(place)))
    );
    assert_eq!(index.find_customer(&by_phone, true), None);
    assert_eq!(
        index.find_customer(&company("王师傅", ""), false),
        None,
        "kinds differ"
    );

    let zhang = ContactDraft {
        name: "张伟".into(),
        email: "ZhangWei@xhtech.example".into(),
        ..Default::default()
    };
    index.put_contact(CustomerId(1), ContactId(10), &zhang, None);
    let again = ContactDraft {
        name: "Zhang Wei".into(),
        email: "zhangwei@xhtech.example".into(),
        ..Default::default()
    };
    assert_eq!(
        index.find_contact(CustomerId(1), &again, false),
        Some((ContactId(10), Match::Book(10)))
    );
    assert_eq!(index.find_contact(CustomerId(2), &again, false), None);
    // Colleagues share the office line: not the same person.
    let at_northwind = |name: &str, mobile: &str| ContactDraft {
        name: name.into(),
        phone: format!("{mobile}, +852 2123 4567"),
        ..Default::default()
    };
    index.put_contact(
        CustomerId(5),
        ContactId(20),
        &at_northwind("Michael Chen", "+852 9123 4567"),
        None,
    );
    let david = at_northwind("David Wong", "+852 9876 5432");
    assert_eq!(index.find_contact(CustomerId(5), &david, false), None);
}

#[test]
fn merging_fills_and_adds_but_never_overwrites_and_is_idempotent() {
    let old = CustomerDraft {
        name: "星河".into(),
        city: "北京".into(),
        phone: "010-62345678".into(),
        tags: vec!["华北".into()],
        notes: "老客户".into(),
        ..Default::default()
    };
    let new = CustomerDraft {
        name: "星河".into(),
        city: "上海".into(),
        industry: "软件".into(),
        phone: "+86 10 6234 5678, 13800138000".into(),
        tags: vec!["华北".into(), "VIP".into()],
        notes: "续约".into(),
        ..Default::default()
    };
    let m = merge_customer(&old, &new);
    assert_eq!(m.city, "北京");
    assert_eq!(m.industry, "软件");
    assert_eq!(m.phone, "010-62345678, 13800138000");
    assert_eq!(m.tags, vec!["华北", "VIP"]);
    assert_eq!(m.notes, "老客户\n续约");
    assert_eq!(merge_customer(&m, &new), m);
    let mut notes = "喜欢喝茶\n下次带龙井".to_string();
    add_notes(&mut notes, "喜欢喝茶，下次带龙井。");
    assert_eq!(notes, "喜欢喝茶\n下次带龙井");
    add_notes(&mut notes, "喜欢喝茶\n下次带龙井\n别约周一");
    assert_eq!(notes, "喜欢喝茶\n下次带龙井\n别约周一");
}

#[test]
fn company_keys_ignore_case_punctuation_and_legal_forms() {
    let same = [
        (
            "Northwind Pacific Trading Ltd.",
            "NORTHWIND PACIFIC TRADING LIMITED",
        ),
        ("Acme Co., Ltd.", "acme"),
        ("深圳市华南电子有限公司", "深圳华南电子"),
        ("北京星河科技股份有限公司", "北京星河科技"),
    ];
    for (a, b) in same {
        assert_eq!(company_key(a), company_key(b), "{a} = {b}");
    }
    assert_ne!(company_key("Acme Trading"), company_key("Acme Logistics"));
    assert_eq!(name_key("Mr. Michael Chen"), name_key("michael chen"));
    assert_eq!(name_key("王先生"), "王");
    assert_eq!(name_key("Mr."), "mr.", "a title alone is still a name");
}
