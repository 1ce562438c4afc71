use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::book::model::{CustomerId, Tier};

pub(super) fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
}

pub(super) fn row(id: i64, name: &str, people: &str, city: &str) -> CustomerRow {
    CustomerRow {
        id: CustomerId(id),
        name: name.into(),
        city: city.into(),
        tier: None,
        tier_by_hand: false,
        tags: Default::default(),
        ways: Default::default(),
        people: people.into(),
        cadence_days: None,
        created_at: "2026-01-01T00:00:00".parse().unwrap(),
        last_contact_at: None,
        next_follow_up_on: None,
        cold_by: None,
    }
}

fn book() -> Vec<CustomerRow> {
    let mut rows = vec![
        row(1, "北京星河科技有限公司", "张伟", "北京"),
        row(2, "Northwind Pacific Trading", "Michael Chen", "Hong Kong"),
        row(3, "上海浦江贸易有限公司", "王芳", "上海"),
        row(4, "张伟", "", "天津"),
        row(5, "重庆长江物流有限公司", "曾小红", "重庆"),
        row(6, "吕明", "", "长沙"),
        row(7, "深圳华南电子有限公司", "李娜", "深圳"),
    ];
    rows[0].tags = "vip,华东区".into();
    rows[0].tier = Some(Tier::A);
    rows[0].ways.make_mut().phone = "138 0013 8000".into();
    rows[1].tags = "vip,distributor".into();
    rows[1].tier = Some(Tier::B);
    rows[2].tier = Some(Tier::A);
    rows[2].next_follow_up_on = Some(today());
    rows[3].tags = "VIP".into();
    rows[3].tier = Some(Tier::A);
    rows[3].next_follow_up_on = Some(today().pred_opt().unwrap());
    rows[3].cold_by = Some(12);
    rows[4].next_follow_up_on = today().checked_add_days(chrono::Days::new(7));
    rows[5].next_follow_up_on = today().checked_add_days(chrono::Days::new(8));
    rows[6].cold_by = Some(3);
    rows
}

/// Customer ids found for `query`, in result order.
fn find(rows: &[CustomerRow], query: &str) -> Vec<i64> {
    let order: Vec<usize> = (0..rows.len()).collect();
    CustomerSearch::new(rows)
        .filter(rows, &order, query, today())
        .into_iter()
        .map(|i| rows[i].id.get())
        .collect()
}

fn sorted(mut ids: Vec<i64>) -> Vec<i64> {
    ids.sort_unstable();
    ids
}

#[test]
fn finds_by_name_person_city_and_phone() {
    let rows = book();
    assert_eq!(find(&rows, "星河"), vec![1]);
    assert_eq!(find(&rows, "王芳"), vec![3]);
    assert_eq!(find(&rows, "northwind"), vec![2]);
    assert_eq!(find(&rows, "NorthWind"), vec![2], "case is ignored");
    assert_eq!(find(&rows, "michael"), vec![2]);
    assert_eq!(find(&rows, "hong kong"), vec![2]);
    assert_eq!(find(&rows, "13800138"), vec![1]);
    assert_eq!(find(&rows, "").len(), rows.len());
    assert!(find(&rows, "qqqqqqqq").is_empty());
}

#[test]
fn pinyin_initials_find_chinese_names() {
    let rows = book();
    // 张伟 is a customer (4) and a person at customer 1. Initials may skip characters, like
    // any fuzzy match: 重庆长江物流 holds 重 (zhong) before 物 (wu). Initials of a name or a
    // person rank above a fuzzy match.
    assert_eq!(find(&rows, "zw")[..3], [4, 1, 5]);
    assert_eq!(find(&rows, "bjxh"), vec![1]);
    assert_eq!(find(&rows, "shpj"), vec![3]);
    assert_eq!(find(&rows, "wangf"), vec![3], "a person, part initials");
}

#[test]
fn full_pinyin_finds_chinese_names() {
    let rows = book();
    assert_eq!(find(&rows, "zhangwei")[..2], [4, 1]);
    assert_eq!(
        find(&rows, "zhwei")[..2],
        [4, 1],
        "a syllable may be cut short"
    );
    assert_eq!(find(&rows, "beijingxinghe"), vec![1]);
    assert_eq!(find(&rows, "wangfang"), vec![3]);
    assert_eq!(find(&rows, "lvming"), vec![6], "ü is typed v");
}

#[test]
fn mixed_pinyin_and_characters() {
    let rows = book();
    assert_eq!(find(&rows, "bj科技"), vec![1]);
    assert_eq!(find(&rows, "z伟"), vec![4, 1]);
    assert_eq!(find(&rows, "上海pj"), vec![3]);
}

#[test]
fn rare_readings_count_only_in_a_run_and_rank_below_common_ones() {
    let mut rows = book();
    // 有 (in every 有限公司) is also read wěi: 长...有 must not spell "zhangwei".
    assert_eq!(find(&rows, "zhangwei"), vec![4, 1]);
    // 电子有限 holds the run 子有, "zw" by the rare wěi: found, but after every other match.
    assert_eq!(find(&rows, "zw"), vec![4, 1, 5, 7]);
    // 长 read cháng, next to 江: a run. It ranks below a match by common readings.
    rows.push(row(8, "长江实业", "", "")); // 长 zhǎng is common, 长 cháng rare
    rows.push(row(9, "昌江贸易", "", "")); // 昌 chāng
    let found = find(&rows, "changjiang");
    assert_eq!(found[0], 9);
    // 重庆长江物流 holds 长江 too.
    assert_eq!(sorted(found[1..].to_vec()), vec![5, 8]);
    let s = CustomerSearch::default();
    assert_eq!(
        s.highlights("重庆长江物流有限公司", "changjiang"),
        vec![2, 3]
    );
    assert_eq!(
        s.highlights("重庆长江物流有限公司", "chongqing"),
        vec![0, 1]
    );
    assert_eq!(s.highlights("重庆", "cq"), vec![0, 1]);
    assert!(
        s.highlights("长沙的重庆", "cc").is_empty(),
        "rare readings not in a run"
    );
}

#[test]
fn polyphones_match_every_reading() {
    let rows = book();
    // 重 is mostly zhòng, 长 mostly zhǎng, 曾 mostly céng: names use the other readings.
    assert_eq!(find(&rows, "chongqing"), vec![5]);
    assert_eq!(find(&rows, "chongqingchangj"), vec![5]);
    assert_eq!(
        find(&rows, "chongq"),
        vec![5],
        "the common reading after may be cut short"
    );
    assert_eq!(find(&rows, "zengxiaohong"), vec![5]);
    assert_eq!(find(&rows, "changsha"), vec![6]);
}

#[test]
fn name_matches_rank_above_others_and_ties_keep_order() {
    let rows = vec![
        row(1, "Acme", "Wei Zhang", ""),
        row(2, "Wei Trading", "", ""),
        row(3, "Other", "", "Weihai"),
        row(4, "Wei Trading", "", ""),
    ];
    assert_eq!(find(&rows, "wei"), vec![2, 4, 1, 3]);
    let order = vec![3, 2, 1, 0];
    let mut search = CustomerSearch::new(&rows);
    let ids: Vec<i64> = search
        .filter(&rows, &order, "wei trading", today())
        .into_iter()
        .map(|i| rows[i].id.get())
        .collect();
    assert_eq!(ids, vec![4, 2], "equal scores follow the given order");
    assert_eq!(search.filter(&rows, &order, "", today()), order);
}

#[test]
fn highlights_are_char_indices_of_the_original_text() {
    let s = CustomerSearch::default();
    assert_eq!(s.highlights("北京星河科技", "星河"), vec![2, 3]);
    assert_eq!(s.highlights("Northwind", "nw"), vec![0, 5]);
    assert_eq!(s.highlights("张伟", "zw"), vec![0, 1]);
    assert_eq!(s.highlights("张伟", "zhangwei"), vec![0, 1]);
    assert_eq!(
        s.highlights("北京星河科技有限公司", "bjxh"),
        vec![0, 1, 2, 3]
    );
    assert_eq!(
        s.highlights("北京星河科技有限公司", "bj科技"),
        vec![0, 1, 4, 5]
    );
    assert_eq!(s.highlights("Ａｃｍｅ 张伟", "acme"), vec![0, 1, 2, 3]);
    // Filters do not light anything; the text next to them does.
    assert_eq!(s.highlights("张伟", "#vip tier:a w"), vec![1]);
    assert!(s.highlights("张伟", "#vip").is_empty());
    assert!(s.highlights("张伟", "").is_empty());
}

#[test]
fn tag_filter() {
    let rows = book();
    assert_eq!(sorted(find(&rows, "#vip")), vec![1, 2, 4]);
    assert_eq!(find(&rows, "#dist"), vec![2], "a tag prefix");
    assert_eq!(find(&rows, "#华东"), vec![1]);
    assert!(find(&rows, "#nothing").is_empty());
}

#[test]
fn tier_filter() {
    let rows = book();
    assert_eq!(sorted(find(&rows, "tier:a")), vec![1, 3, 4]);
    assert_eq!(find(&rows, "TIER:B"), vec![2]);
    assert!(find(&rows, "tier:c").is_empty());
}

#[test]
fn city_filter_by_characters_and_pinyin() {
    let rows = book();
    assert_eq!(find(&rows, "city:上海"), vec![3]);
    assert_eq!(find(&rows, "city:shanghai"), vec![3]);
    assert_eq!(
        find(&rows, "city:sh"),
        vec![3, 7],
        "上海 and 深圳 start with sh"
    );
    assert_eq!(find(&rows, "city:chongq"), vec![5]);
    assert_eq!(find(&rows, "city:hong"), vec![2]);
    assert!(find(&rows, "city:广州").is_empty());
}

#[test]
fn due_filter() {
    let rows = book();
    assert_eq!(find(&rows, "due:today"), vec![3]);
    assert_eq!(find(&rows, "due:overdue"), vec![4]);
    assert_eq!(find(&rows, "due:o"), vec![4], "a unique prefix");
    assert_eq!(sorted(find(&rows, "due:week")), vec![3, 4, 5]);
}

#[test]
fn cold_filter() {
    let rows = book();
    assert_eq!(find(&rows, "cold"), vec![4, 7]);
}

#[test]
fn filters_combine_with_each_other_and_with_text() {
    let rows = book();
    assert_eq!(find(&rows, "#vip tier:a 张"), vec![4, 1]);
    assert_eq!(find(&rows, "#vip tier:a zw cold"), vec![4]);
    assert_eq!(find(&rows, "tier:a city:bj"), vec![1]);
    assert_eq!(find(&rows, "tier:a due:w 上海"), vec![3]);
    assert!(find(&rows, "tier:b 张").is_empty());
}

#[test]
fn unknown_or_unfinished_tokens() {
    let rows = book();
    // An unknown key is text: nothing holds "foo:bar".
    assert!(find(&rows, "foo:bar").is_empty());
    // A known key with a value it does not know is text too.
    assert!(find(&rows, "tier:x").is_empty());
    // A key being typed filters nothing yet.
    assert_eq!(find(&rows, "tier:").len(), rows.len());
    assert_eq!(find(&rows, "tier: 星河"), vec![1]);
    // A lone # is text.
    assert!(find(&rows, "#").is_empty());
}

#[test]
fn query_parsing() {
    let q = query::Query::parse("  #VIP  tier:a Hong   Kong due:td cold ");
    assert_eq!(q.text, "hong kong due:td");
    assert_eq!(
        q.filters,
        vec![
            query::Filter::Tag("vip".into()),
            query::Filter::Tier(Tier::A),
            query::Filter::Cold,
        ]
    );
}

/// A few thousand rows like a real book: Chinese and Latin names, people, cities, tags.
pub(super) fn demo_rows(n: usize) -> Vec<CustomerRow> {
    use crate::demo::{self, DemoSize};
    let mut repo = crate::repository::Repository::open_in_memory().unwrap();
    let size = DemoSize {
        customers: n,
        interactions: n,
        follow_ups: n / 2,
    };
    demo::generate(&mut repo, size, today().and_hms_opt(9, 0, 0).unwrap()).unwrap();
    let mut rows = repo.customer_rows().unwrap();
    crate::book::care::mark_cold(&mut rows, |_| Some(30), |_| false, today());
    rows
}

pub(super) const TYPED: &[&str] = &[
    "a",
    "an",
    "and",
    "z",
    "zh",
    "zha",
    "zhan",
    "zhang",
    "b",
    "bj",
    "bjx",
    "北",
    "北京",
    "北京科",
    "s",
    "sh",
    "she",
    "shen",
    "shenz",
    "c",
    "ch",
    "che",
    "chen",
    "#vip",
    "#vip z",
    "#vip zw",
    "tier:a",
    "tier:a l",
    "tier:a li",
    "cold",
    "cold w",
    "due:week",
    "due:week 1",
    "due:week 13",
    "city:sh",
    "city:sh co",
    "o",
    "or",
    "orc",
    "orch",
    "orchid",
    // Several words, and a number typed in groups (it becomes one word once it has 4 digits).
    "wu",
    "wu h",
    "wu han",
    "zhou x",
    "zhou xiu",
    "135",
    "135 0",
    "135 03",
    "135 035",
    "+86 1",
    "+86 13",
    "+86 135",
    "+86 135 0",
];

#[test]
fn narrowing_gives_the_same_result_as_a_fresh_search() {
    let rows = demo_rows(1_500);
    let order: Vec<usize> = (0..rows.len()).rev().collect();
    let mut typing = CustomerSearch::new(&rows);
    let mut backspacing = CustomerSearch::new(&rows);
    for q in TYPED.iter().chain(TYPED.iter().rev()) {
        let fresh = CustomerSearch::new(&rows).filter(&rows, &order, q, today());
        assert_eq!(typing.filter(&rows, &order, q, today()), fresh, "{q}");
        // Deleting one char at a time back to the empty query.
        let chars: Vec<char> = q.chars().collect();
        for end in (0..chars.len()).rev() {
            let shorter: String = chars[..end].iter().collect();
            let fresh = CustomerSearch::new(&rows).filter(&rows, &order, &shorter, today());
            assert_eq!(backspacing.filter(&rows, &order, &shorter, today()), fresh);
        }
    }
    // At least one of these queries must find something, or the test proves nothing.
    assert!(
        !CustomerSearch::new(&rows)
            .filter(&rows, &order, "zhang", today())
            .is_empty()
    );
}

#[test]
fn a_long_query_typed_again_is_answered_from_kept_results() {
    let rows = demo_rows(1_500);
    let order: Vec<usize> = (0..rows.len()).rev().collect();
    let mut search = CustomerSearch::new(&rows);
    let query: Vec<char> = "zhou xiuying 138".chars().collect();
    let typed: Vec<String> = (1..=query.len())
        .map(|n| query[..n].iter().collect())
        .collect();
    let fresh = |q: &str| CustomerSearch::new(&rows).filter(&rows, &order, q, today());
    for q in &typed {
        assert_eq!(search.filter(&rows, &order, q, today()), fresh(q), "{q}");
    }
    let kept = search.recent.len();
    assert!(kept > 8, "every prefix kept, not only the last few: {kept}");
    for q in typed.iter().chain(typed.iter().rev()) {
        assert_eq!(search.filter(&rows, &order, q, today()), fresh(q), "{q}");
    }
    assert_eq!(
        search.recent.len(),
        kept,
        "typed again, nothing was scored again"
    );
    assert!(!fresh("zhou").is_empty());
}

#[test]
fn skipping_what_cannot_change_a_result_changes_none() {
    let rows = demo_rows(2_000);
    let order: Vec<usize> = (0..rows.len()).collect();
    let mut found_some = 0;
    let more = [
        "zhou xiuying",
        "jennifer mu",
        "wang fang",
        "li na",
        "xinghe",
        "no",
        "13",
    ];
    for q in TYPED.iter().chain(&more) {
        let mut pruned = CustomerSearch::new(&rows);
        let mut every = CustomerSearch::new(&rows);
        every.prune = false;
        let want = every.ranked(&rows, &order, q, today());
        assert_eq!(pruned.ranked(&rows, &order, q, today()), want, "{q}");
        found_some += usize::from(!want.is_empty());
    }
    assert!(found_some > TYPED.len() / 2);
}

#[test]
fn kept_results_follow_a_new_order_and_new_rows() {
    let mut rows = book();
    let mut search = CustomerSearch::new(&rows);
    let forward: Vec<usize> = (0..rows.len()).collect();
    let backward: Vec<usize> = forward.iter().rev().copied().collect();
    assert_eq!(
        search.filter(&rows, &forward, "tier:a", today()),
        vec![0, 2, 3]
    );
    assert_eq!(
        search.filter(&rows, &backward, "tier:a", today()),
        vec![3, 2, 0]
    );
    rows[1].name = "张伟贸易".into();
    search.rebuild(&rows);
    assert_eq!(search.filter(&rows, &forward, "zwmy", today()), vec![1]);
}

#[test]
fn parallel_and_single_threaded_passes_agree() {
    let rows = demo_rows(3_000);
    let order: Vec<usize> = (0..rows.len()).collect();
    let mut single = CustomerSearch::new(&rows);
    single.threads = 1;
    let mut parallel = CustomerSearch::new(&rows);
    parallel.threads = 3;
    parallel.parallel_from = 1;
    let mut found_some = 0;
    for q in TYPED {
        let one = single.filter(&rows, &order, q, today());
        let many = parallel.filter(&rows, &order, q, today());
        assert_eq!(one, many, "{q}");
        found_some += usize::from(!one.is_empty());
    }
    assert!(found_some > TYPED.len() / 2);
}

#[test]
fn rows_outside_the_order_are_never_found() {
    let rows = book();
    let mut search = CustomerSearch::new(&rows);
    let some = vec![6, 3, 0];
    assert_eq!(search.filter(&rows, &some, "zw", today()), vec![3, 0, 6]);
    assert_eq!(search.filter(&rows, &some, "tier:a", today()), vec![3, 0]);
}

#[test]
fn the_search_can_move_to_a_worker_thread() {
    fn send_and_sync<T: Send + Sync>() {}
    send_and_sync::<CustomerSearch>();
}

#[test]
fn overlong_fields_are_cut_not_refused() {
    let long_name = format!("张伟{}", "长江物流".repeat(10_000));
    let mut rows = book();
    rows.push(row(8, &long_name, &"Ä".repeat(40_000), "北京"));
    assert_eq!(find(&rows, "zwcj")[0], 8);
    assert!(find(&rows, "ä").contains(&8));
}

proptest! {
    #[test]
    fn any_query_is_safe(query in "(\\PC|[#: 张伟zwa]){0,16}") {
        let rows = book();
        let order: Vec<usize> = (0..rows.len()).collect();
        let mut search = CustomerSearch::new(&rows);
        let found = search.filter(&rows, &order, &query, today());
        prop_assert!(found.iter().all(|&i| i < rows.len()));
        let mut unique = found.clone();
        unique.sort_unstable();
        unique.dedup();
        prop_assert_eq!(unique.len(), found.len());
        for r in &rows {
            let lit = search.highlights(&r.name, &query);
            prop_assert!(lit.iter().all(|&i| i < r.name.chars().count()));
        }
    }
}

#[test]
fn a_watched_pass_gives_the_same_result_or_is_dropped() {
    let rows: Vec<CustomerRow> = (0..5000)
        .map(|i| row(i, &format!("Company {i} 张伟贸易"), "", "杭州"))
        .collect();
    let order: Vec<usize> = (0..rows.len()).collect();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let mut plain = CustomerSearch::new(&rows);
    let mut watched = CustomerSearch::new(&rows);
    let want = plain.filter(&rows, &order, "zw 12", today);
    let got = watched.filter_watched(&rows, &order, "zw 12", today, &|| false);
    assert_eq!(got.as_deref(), Some(want.as_slice()));
    let mut dropped = CustomerSearch::new(&rows);
    assert_eq!(
        dropped.filter_watched(&rows, &order, "com", today, &|| true),
        None,
        "a key waiting drops the pass"
    );
    // A dropped pass leaves nothing behind: the same query afterwards is complete.
    let again = dropped.filter_watched(&rows, &order, "com", today, &|| false);
    assert_eq!(again.map(|v| v.len()), Some(5000));
}

#[test]
fn pinyin_initials_at_the_start_of_a_name_rank_first() {
    let rows = vec![
        row(1, "武汉中联精密仪器有限公司", "", "武汉"),
        row(2, "杭州汇丰源包装股份有限公司", "", "杭州"),
    ];
    let order: Vec<usize> = vec![0, 1];
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let found = CustomerSearch::new(&rows).filter(&rows, &order, "hz", today);
    assert_eq!(
        found,
        [1, 0],
        "杭州 (h-z from the first character) before 武汉中联"
    );
}

#[test]
fn a_number_is_found_however_it_is_written() {
    let mut rows = book();
    rows[1].ways.make_mut().reach = "\n+65 2749 3446\tjoyce@bluefin.example\tjoyce_r".into();
    rows[1].people = "Michael Chen".into();
    rows[4].ways.make_mut().phone = "(0371) 4490-4505".into();
    for typed in [
        "13800138000",
        "138 0013 8000",
        "+86 138-0013-8000",
        "0086 13800138000",
        "8000",
    ] {
        assert_eq!(find(&rows, typed), vec![1], "{typed}");
    }
    for typed in ["+65 2749 3446", "0065 2749 3446", "27493446", "3446"] {
        assert_eq!(find(&rows, typed), vec![2], "{typed}");
    }
    for typed in [
        "0371 4490 4505",
        "+86 371 4490 4505",
        "037144904505",
        "4490-4505",
    ] {
        assert_eq!(find(&rows, typed), vec![5], "{typed}");
    }
    assert_eq!(find(&rows, "joyce_r"), vec![2], "a person's WeChat id");
    assert!(find(&rows, "2749 9999").is_empty());
}

#[test]
fn several_words_match_in_any_order_and_any_field() {
    let rows = book();
    assert_eq!(find(&rows, "北京 张伟"), vec![1]);
    assert_eq!(find(&rows, "zhangwei beijing"), vec![1]);
    assert_eq!(find(&rows, "张 #vip")[0], 4, "the name beats a person");
    assert_eq!(find(&rows, "michael hong"), vec![2]);
    assert!(find(&rows, "michael 上海").is_empty());
    let q = query::Query::parse("zhou x");
    assert!(query::Query::parse("zhou xiu").narrows(&q));
    assert!(!query::Query::parse("zhou").narrows(&q));
    assert!(!query::Query::parse("0371 4").narrows(&query::Query::parse("0371")));
}

#[test]
fn cities_match_in_either_script() {
    let mut rows = book();
    rows[5].city = "Changsha".into();
    rows[6].city = "香港".into();
    assert_eq!(sorted(find(&rows, "city:长沙")), vec![6]);
    assert_eq!(
        sorted(find(&rows, "city:hongkong")),
        vec![2, 7],
        "香港 = Hong Kong"
    );
    assert_eq!(sorted(find(&rows, "city:hong")), vec![2, 7]);
    assert_eq!(find(&rows, "长沙"), vec![6]);
    assert_eq!(sorted(find(&rows, "city:shanghai")), vec![3]);
}

#[test]
fn ranking_puts_whole_names_first_and_folds_accents() {
    let rows = vec![
        row(1, "Orchid Technologies", "", ""),
        row(2, "Acme", "Chloé Kim", ""),
        row(3, "Chloé Wong", "", ""),
        row(4, "刘伟物流", "", ""),
        row(5, "天津贸易", "刘伟", ""),
        row(6, "刘伟", "", ""),
    ];
    assert_eq!(find(&rows, "chloe"), vec![3, 2, 1]);
    assert_eq!(
        find(&rows, "liuwei")[..3],
        [6, 5, 4],
        "whole name, whole person, start"
    );
    let mut search = CustomerSearch::new(&rows);
    let order: Vec<usize> = (0..rows.len()).collect();
    let ranked = search.ranked(&rows, &order, "liuwei", today());
    assert_eq!(
        (ranked[0].1.tier, ranked[0].1.group),
        (super::Tier::Exact, Group::Name)
    );
    assert_eq!(search.matched_person(&rows[4], "liuwei"), Some("刘伟"));
    assert_eq!(
        search.matched_person(&rows[5], "liuwei"),
        None,
        "its own name"
    );
}

#[test]
fn a_number_that_is_all_prefix_is_looked_for_as_typed() {
    // `0012` is an international prefix and a short rest: it once had no spelling left.
    let mut rows = book();
    rows[2].ways.make_mut().phone = "021 5500 1234".into();
    assert_eq!(find(&rows, "0012"), vec![3]);
    assert!(find(&rows, "0086").is_empty());
}
