//! This project's own fixtures: what each importer makes of them, duplicates, re-imports, and
//! that a refused import writes nothing.

use fieldbook::book::model::{Birthday, CustomerKind};
use fieldbook::interop::{Action, Commit, Duplicates, ImportPolicy, Match, Severity};

use super::helpers::*;

fn bday(text: &str) -> Option<Birthday> {
    Birthday::parse(text)
}

#[test]
fn gbk_csv_from_excel_maps_chinese_headers_and_groups_people() {
    let batch = read_own("kehu-gbk.csv");
    assert_eq!(batch.encoding, "GB18030");
    assert_eq!(batch.records.len(), 5, "the all-empty Excel row is dropped");
    let ignored: Vec<&str> = batch
        .columns
        .iter()
        .filter(|c| c.field.is_none())
        .map(|c| c.header.as_str())
        .collect();
    assert_eq!(ignored, vec!["负责人"]);
    let warnings = notices(&batch, Severity::Warning);
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings[0].starts_with("row 4 (line 6), 手机: \"1.37235E+10\""),
        "{}",
        warnings[0]
    );

    let mut repo = book();
    let report = import(&mut repo, &batch, Duplicates::Skip);
    assert_eq!((report.customers.created, report.people.created), (4, 5));
    let (xinghe, people) = customer(&repo, "北京星河科技有限公司");
    assert_eq!(
        (
            xinghe.city.as_str(),
            xinghe.industry.as_str(),
            xinghe.address.as_str()
        ),
        ("北京", "软件", "海淀区中关村大街27号")
    );
    assert_eq!(xinghe.tags, vec!["重点客户", "华北"]);
    assert_eq!(xinghe.kind, Some(CustomerKind::Company));
    assert_eq!(people.len(), 2);
    let zhang = person(&repo, "北京星河科技有限公司", "张伟");
    assert_eq!(zhang.title, "销售总监");
    assert_eq!(zhang.phone, "13800138000, 010-62345678");
    assert_eq!(zhang.wechat, "zhangwei_xh");
    assert_eq!(zhang.email, "zhangwei@xhtech.example");
    assert_eq!(zhang.birthday, bday("1985-06-20"));
    assert_eq!(zhang.notes, "老客户，去年签了两单, 今年续约");
    assert_eq!(
        person(&repo, "北京星河科技有限公司", "李娟").birthday,
        bday("--04-15")
    );
    let wang = person(&repo, "上海浦江贸易有限公司", "王芳");
    assert_eq!(wang.notes, "喜欢喝茶\n下次带龙井");
    assert_eq!(wang.phone, "13916007788, 021-58881234转8001");
    assert_eq!(
        person(&repo, "深圳市华南电子有限公司", "陈静怡").phone,
        "0755-86001234"
    );
    assert_eq!(
        person(&repo, "武汉长江机械制造有限公司", "吴敏").birthday,
        bday("1993-07-09")
    );
}

#[test]
fn vcards_with_a_photo_yearless_birthdays_and_quoted_printable() {
    let batch = read_own("contacts.vcf");
    assert_eq!(batch.records.len(), 6, "{:?}", batch.notices);
    assert!(batch.notices.is_empty(), "{:?}", batch.notices);
    let mut repo = book();
    import(&mut repo, &batch, Duplicates::Skip);

    let zhang = person(&repo, "北京星河科技有限公司", "张伟");
    assert_eq!(zhang.title, "销售总监 (华北大区销售部)");
    assert_eq!(
        zhang.phone, "+86 138 0013 8000, +86 139 1000 2000",
        "the preferred one first, fax apart"
    );
    assert_eq!(
        zhang.email,
        "zhangwei@xhtech.example, zhang.wei85@mail.example"
    );
    assert_eq!(zhang.wechat, "zhangwei_xh");
    assert_eq!(zhang.birthday, bday("1985-06-20"));
    assert_eq!(
        zhang.notes,
        "2024年3月展会认识, 关注ERP项目; 预算约50万\n下次拜访带样品\nFax: 010 6234 5600"
    );
    let (xinghe, people) = customer(&repo, "北京星河科技有限公司");
    assert_eq!(
        (xinghe.address.as_str(), xinghe.city.as_str()),
        ("中关村大街27号\n中关大厦15层", "北京")
    );
    assert_eq!(people.len(), 2, "张伟 and 李娟 at one customer");

    assert_eq!(
        person(&repo, "上海浦江贸易有限公司", "王芳").birthday,
        bday("--11-02"),
        "Apple's 1604 is no year"
    );
    let li = person(&repo, "北京星河科技有限公司", "李娟");
    assert_eq!(
        (li.birthday, li.phone.as_str()),
        (bday("--04-15"), "+86-186-1234-5678")
    );
    let (huanan, nobody) = customer(&repo, "深圳市华南电子有限公司");
    assert!(
        nobody.is_empty(),
        "a company card is a customer, not a person"
    );
    assert_eq!(huanan.phone, "+86-755-8600-1234 ext. 8001");
    assert_eq!(huanan.website, "http://www.hn-elec.example");
    let (wang, _) = customer(&repo, "王师傅");
    assert_eq!(wang.kind, Some(CustomerKind::Person));
    assert_eq!(
        (wang.phone.as_str(), wang.notes.as_str()),
        ("135 0000 1111", "装修水电, 随叫随到")
    );
    let huang = person(&repo, "广州岭南食品有限公司", "黄建国");
    assert_eq!(
        huang.title, "董事会",
        "ORG split after quoted-printable decoding"
    );
    assert_eq!(huang.phone, "139 0220 1234, 020-38881234");
    assert_eq!(huang.birthday, bday("--03-08"));
}

#[test]
fn semicolons_from_european_excel_and_outlook_dates() {
    let batch = read_own("outlook-semicolon.csv");
    assert_eq!(batch.encoding, "UTF-8 (BOM)");
    let mut repo = book();
    import(&mut repo, &batch, Duplicates::Skip);
    let david = person(&repo, "Northwind Pacific Trading Ltd.", "David Wong");
    assert_eq!(david.birthday, bday("1972-03-08"), "3/8/1972 is 8 March");
    assert_eq!(david.notes, "Likes tea; call after 10");
    let (emily, _) = customer(&repo, "Emily Zhao");
    assert_eq!(emily.kind, Some(CustomerKind::Person));
    assert_eq!(emily.birthday, None, "0/0/00 is Outlook's no date");
    assert_eq!(emily.email, "emily.zhao@mail.example");
}

#[test]
fn unquoted_tsv_keeps_ditto_marks_and_groups_by_company() {
    let batch = read_own("admin.tsv");
    assert_eq!(batch.records.len(), 3);
    let mut repo = book();
    import(&mut repo, &batch, Duplicates::Skip);
    let (nanjing, people) = customer(&repo, "南京金陵建材有限公司");
    let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, vec!["欧阳　明", "钱小红"]);
    assert_eq!(
        nanjing.city, "南京",
        "the ditto mark fills nothing already there"
    );
    assert_eq!(
        person(&repo, "南京金陵建材有限公司", "欧阳　明").notes,
        "\"老朋友\"介绍的"
    );
}

#[test]
fn bad_rows_refuse_the_import_unless_skipped_and_a_dry_run_writes_nothing() {
    let batch = read_own("bad.csv");
    let bad = notices(&batch, Severity::Bad);
    assert_eq!(bad.len(), 2, "{bad:?}");
    assert!(bad[0].starts_with("row 2 (line 3), Name: holds \\u{1b}"));
    assert!(bad[1].starts_with("row 3 (line 4): 4 fields"));
    let mut repo = book();
    let before = tables(&repo);
    let strict = ImportPolicy::default();
    let refused = repo.import(&batch, &strict, Commit::Yes, &mut |_, _| {});
    assert!(refused.unwrap_err().to_string().contains("2 bad record(s)"));
    assert_eq!(tables(&repo), before);
    let preview = repo
        .import(&batch, &strict, Commit::No, &mut |_, _| {})
        .unwrap();
    assert!(!preview.written);
    assert_eq!(preview.customers.created, 2);
    assert_eq!(tables(&repo), before, "a preview rolls back");
    let skip_bad = ImportPolicy {
        skip_bad: true,
        ..ImportPolicy::default()
    };
    let done = repo
        .import(&batch, &skip_bad, Commit::Yes, &mut |_, _| {})
        .unwrap();
    assert_eq!(
        (done.written, done.customers.created, done.bad_left_out),
        (true, 2, 2)
    );
    assert_eq!(customers(&repo).len(), 2);
    assert_eq!(repo.undo_history(1).unwrap(), vec!["import bad.csv"]);
    repo.undo().unwrap();
    assert_eq!(tables(&repo), before, "undo takes the whole import back");
}

#[test]
fn re_importing_the_same_files_changes_nothing() {
    let files = [
        "kehu-gbk.csv",
        "contacts.vcf",
        "admin.tsv",
        "outlook-semicolon.csv",
    ];
    for duplicates in [Duplicates::Skip, Duplicates::Merge] {
        let mut repo = book();
        for f in files {
            import(&mut repo, &read_own(f), duplicates);
        }
        let once = tables(&repo);
        for f in files {
            let report = import(&mut repo, &read_own(f), duplicates);
            assert!(report.changes_nothing(), "{f} {duplicates:?}: {report:?}");
        }
        assert_eq!(tables(&repo), once, "{duplicates:?}");
    }
}

#[test]
fn the_same_person_from_two_programs_is_merged_or_skipped_never_doubled() {
    let mut repo = book();
    import(&mut repo, &read_own("kehu-gbk.csv"), Duplicates::Skip);
    let skipped = import(&mut repo, &read_own("contacts.vcf"), Duplicates::Skip);
    let zhang = skipped
        .outcomes
        .iter()
        .find_map(|o| o.person.as_ref().filter(|p| p.name == "张伟"))
        .unwrap();
    assert_eq!(zhang.action, Action::Skip);
    assert!(matches!(zhang.matched, Some(Match::Book(_))));
    assert_eq!(
        person(&repo, "北京星河科技有限公司", "张伟").phone,
        "13800138000, 010-62345678"
    );

    let merged = import(&mut repo, &read_own("contacts.vcf"), Duplicates::Merge);
    assert!(merged.people.merged >= 1, "{merged:?}");
    let (_, people) = customer(&repo, "北京星河科技有限公司");
    assert_eq!(people.len(), 2, "张伟 and 李娟, once each");
    let zhang = person(&repo, "北京星河科技有限公司", "张伟");
    assert_eq!(
        zhang.phone, "13800138000, 010-62345678, +86 139 1000 2000",
        "+86 138 0013 8000 is 13800138000"
    );
    assert_eq!(
        zhang.email,
        "zhangwei@xhtech.example, zhang.wei85@mail.example"
    );
    assert_eq!(zhang.title, "销售总监", "a merge never overwrites");
}
