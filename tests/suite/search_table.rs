//! Finding whoever the salesperson remembers: a table of what people type against a fixed
//! book, each with the customer that must come first; and the CLI never swapping an archived
//! customer for someone else.

use fieldbook::book::due::{SortOrder, sort_key};
use fieldbook::book::ids::CustomerId;
use fieldbook::book::model::{ContactDraft, CustomerDraft};
use fieldbook::repository::Repository;
use fieldbook::search::CustomerSearch;

use crate::common::{CliBook, empty_book, today};

/// name, city, phone, then the people: (name, phone, e-mail).
type Entry = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str, &'static str)],
);

const BOOK: &[Entry] = &[
    (
        "北京星河科技有限公司",
        "北京",
        "010-6234 5678",
        &[("张伟", "+86 138 0013 8000", "zw@xinghe.example")],
    ),
    ("张伟", "天津", "139 1234 5678", &[]),
    ("武汉海纳科技有限公司", "武汉", "", &[("王芳", "", "")]),
    ("武汉长江贸易有限公司", "武汉", "", &[]),
    ("周秀英", "株洲", "+86 139 1590 4399", &[]),
    (
        "厦门中联纺织集团有限公司",
        "厦门",
        "",
        &[("周秀英", "", "xiuying@zl.example")],
    ),
    ("Jennifer Müller", "London", "", &[]),
    (
        "Sampan Logistics Sdn. Bhd.",
        "Kuala Lumpur",
        "",
        &[("Jennifer Nguyen", "", "")],
    ),
    ("Orchid Global Technologies", "Bangkok", "", &[]),
    ("Nova Technologies Ltd", "Bangkok", "", &[]),
    ("Pacific Technologies", "Taipei", "", &[]),
    ("Chloé Wong", "Tokyo", "", &[]),
    ("Atlas Global Medical Inc.", "Shanghai", "", &[]),
    ("上海浦江贸易有限公司", "上海", "", &[]),
    ("长沙远航科技有限公司", "长沙", "", &[]),
    (
        "武汉中联精密仪器有限公司",
        "武汉",
        "",
        &[("陈长山", "", "")],
    ),
    ("刘伟", "天津", "", &[]),
    ("吕明", "长沙", "", &[]),
    ("柳文化传媒", "杭州", "", &[("李维", "", "")]),
    ("Kowloon Textiles", "Singapore", "", &[("刘伟", "", "")]),
    (
        "Bluefin Global Trading",
        "Singapore",
        "",
        &[("Joyce Rossi", "+65 2749 3446", "joyce@bluefin.example")],
    ),
    ("郑州汇丰源科技有限公司", "郑州", "(0371) 4490-4505", &[]),
];

fn fill(repo: &mut Repository) {
    for (i, (name, city, phone, people)) in BOOK.iter().enumerate() {
        let id = repo
            .add_customer(&CustomerDraft {
                name: (*name).into(),
                city: (*city).into(),
                phone: (*phone).into(),
                tags: if i == 0 { vec!["vip".into()] } else { vec![] },
                ..Default::default()
            })
            .unwrap();
        for (person, phone, email) in people.iter() {
            let draft = ContactDraft {
                name: (*person).into(),
                phone: (*phone).into(),
                email: (*email).into(),
                ..Default::default()
            };
            repo.add_contact(id, &draft).unwrap();
        }
    }
}

/// The first customer found for `query`, in the attention order the CLI uses.
fn first(repo: &Repository, query: &str) -> String {
    let mut rows = repo.customer_rows().unwrap();
    rows.sort_by_cached_key(|r| sort_key(SortOrder::Attention, r, today()));
    let order: Vec<usize> = (0..rows.len()).collect();
    let found = CustomerSearch::new(&rows).filter(&rows, &order, query, today());
    found
        .first()
        .map_or("(nothing)".into(), |&i| rows[i].name.to_string())
}

#[test]
fn what_people_type_finds_who_they_mean_first() {
    let mut repo = empty_book();
    fill(&mut repo);
    let table: &[(&str, &str)] = &[
        // A person's mobile, in five spellings and by its last digits.
        ("13800138000", "北京星河科技有限公司"),
        ("138 0013 8000", "北京星河科技有限公司"),
        ("+86 138 0013 8000", "北京星河科技有限公司"),
        ("0086-138-0013-8000", "北京星河科技有限公司"),
        ("(138) 0013-8000", "北京星河科技有限公司"),
        ("0013 8000", "北京星河科技有限公司"),
        ("+65 2749 3446", "Bluefin Global Trading"),
        ("27493446", "Bluefin Global Trading"),
        ("0371 4490 4505", "郑州汇丰源科技有限公司"),
        ("+86 371 4490 4505", "郑州汇丰源科技有限公司"),
        ("+86 139 1590 4399", "周秀英"),
        ("139-1590-4399", "周秀英"),
        // A person's e-mail.
        ("joyce@bluefin", "Bluefin Global Trading"),
        // Several words, in either order, in any field.
        ("武汉 海纳", "武汉海纳科技有限公司"),
        ("海纳 武汉", "武汉海纳科技有限公司"),
        ("zhou xiuying", "周秀英"),
        ("xiuying zhou", "周秀英"),
        ("jennifer mu", "Jennifer Müller"),
        ("mu jennifer", "Jennifer Müller"),
        ("张 #vip", "北京星河科技有限公司"),
        ("#vip 张", "北京星河科技有限公司"),
        // Cities in characters, pinyin or English.
        ("city:上海 atlas", "Atlas Global Medical Inc."),
        ("city:shanghai atlas", "Atlas Global Medical Inc."),
        ("city:sh atlas", "Atlas Global Medical Inc."),
        ("city:shanghai 浦江", "上海浦江贸易有限公司"),
        ("上海 atlas", "Atlas Global Medical Inc."),
        ("shanghai pujiang", "上海浦江贸易有限公司"),
        // Ranking: exact, start, word start, initials, then fuzzy; accents folded.
        ("chloe", "Chloé Wong"),
        ("chloé", "Chloé Wong"),
        // 长 is mostly zhǎng: a name spelled by its rare reading still beats a city.
        ("changsha", "长沙远航科技有限公司"),
        ("长沙", "长沙远航科技有限公司"),
        ("liuwei", "刘伟"),
        ("lw", "刘伟"),
        ("zhangwei", "张伟"),
        ("wong", "Chloé Wong"),
    ];
    let wrong: Vec<String> = table
        .iter()
        .filter_map(|(query, want)| {
            let got = first(&repo, query);
            (got != *want).then(|| format!("{query:?}: got {got}, want {want}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn an_archived_customer_is_never_swapped_for_someone_else() {
    let book = CliBook::new();
    let archived = {
        let mut repo = Repository::open(&book.path()).unwrap();
        fill(&mut repo);
        let rows = repo.customer_rows().unwrap();
        let zhou = rows.iter().find(|r| r.name == "周秀英").unwrap().id;
        repo.set_archived(zhou, true).unwrap();
        zhou
    };
    let (code, out, err) = book.run(&["log", "周秀英", "客户同意下单"]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        err.contains("archived") && err.contains(&format!("unarchive c{archived}")),
        "{err}"
    );
    let repo = Repository::open(&book.path()).unwrap();
    let logged: i64 = (1..=BOOK.len() as i64)
        .map(|id| repo.interaction_count(CustomerId(id)).unwrap())
        .sum();
    assert_eq!(logged, 0, "nothing written");
    drop(repo);
    let out = book.ok(&["find", "--archived", "周秀英"]);
    assert!(out.contains("周秀英"), "{out}");
    book.ok(&["unarchive", "周秀英"]);
    book.ok(&["log", "周秀英", "客户同意下单"]);
    let repo = Repository::open(&book.path()).unwrap();
    assert_eq!(repo.interaction_count(archived).unwrap(), 1);
}

#[test]
fn one_exact_name_resolves_and_looser_matches_are_listed() {
    let book = CliBook::new();
    {
        let mut repo = Repository::open(&book.path()).unwrap();
        fill(&mut repo);
    }
    // 刘伟 is a customer's whole name; Kowloon Textiles has a 刘伟 among its people.
    let out = book.ok(&["log", "liuwei", "called"]);
    assert!(out.contains("刘伟"), "{out}");
    let (code, _, err) = book.run(&["log", "technologies", "called"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("Bangkok") && err.contains("last contact"),
        "{err}"
    );
    // The person a row was found by is named.
    let out = book.ok(&["find", "13800138000"]);
    assert!(
        out.contains("北京星河科技有限公司") && out.contains("(张伟)"),
        "{out}"
    );
}

#[test]
fn the_list_says_which_person_a_row_was_found_by() {
    use fieldbook::tui::action::Action;
    use ratatui::{Terminal, backend::TestBackend};
    let (mut repo, _) = crate::common::sample_book();
    let mut state = crate::common::state_for(&repo);
    crate::common::run(&mut state, &mut repo, [Action::StartFilter]);
    crate::common::run(
        &mut state,
        &mut repo,
        crate::common::typed("+86 138-0013-8000"),
    );
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).unwrap();
    terminal
        .draw(|f| fieldbook::tui::ui::draw(f, &mut state))
        .unwrap();
    let screen = terminal.backend().to_string().replace("\" Hidden", "");
    // The name cut with … to make room for the person, then the city in its own column.
    let row = screen
        .lines()
        .find(|l| l.contains("北京星河科技… · 张伟 "))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(row.contains(" 北京 "), "{row}");
}
