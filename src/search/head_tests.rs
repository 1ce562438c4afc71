//! The first screens of a result (`filter_head`) against the whole result.

use super::CustomerSearch;
use super::pass::Pass;
use super::query::Query;
use super::tests::{TYPED, demo_rows, row, today};
use crate::book::model::CustomerRow;

const MORE: &[&str] = &[
    "x",
    "xi",
    "xin",
    "xing",
    "xinghe",
    "xh",
    "xhk",
    "xhkj",
    "j",
    "je",
    "jennifer",
    "jennifer m",
    "jennifer mu",
    "zhou",
    "zhou xiuying",
    "1",
    "13",
    "138",
    "1380",
    "n",
    "no",
    "nor",
    "north",
    "wang fang",
    "li na",
    "liuwei",
    "liu",
    "xiu",
    "zhou xiu",
    "hui",
    "huiyuan",
    "qiu",
    "lw",
    "changsha",
    "chloe",
    "武",
    "武汉 海纳",
    "海纳 武汉",
    "科技",
    "ltd",
    "com",
    "@",
    "张 #vip",
];

/// Every row `q` matches, as (what `bound` promised, the class it gave); panics where the
/// promise was worse than the class, or missing.
fn promised(search: &CustomerSearch, rows: &[CustomerRow], q: &str) -> Vec<(u8, u8)> {
    let query = Query::parse(q);
    let pass = Pass::new(search, rows, &query, today());
    (0..rows.len() as u32)
        .filter_map(|row| {
            let (bound, class) = pass.bound_and_class(row);
            let class = class?;
            let bound = bound.unwrap_or_else(|| panic!("{q}: row {row} matches unpromised"));
            assert!(
                bound <= class,
                "{q}: row {row} bound {bound} > class {class}"
            );
            Some((bound, class))
        })
        .collect()
}

#[test]
fn a_glance_never_promises_less_than_a_row_gives() {
    let rows = demo_rows(1_500);
    let search = CustomerSearch::new(&rows);
    let mut search = search;
    let order: Vec<usize> = (0..rows.len()).collect();
    search.follow_order(&order, rows.len());
    search.ensure_starts(&rows);
    let tight = (TYPED.iter().chain(MORE))
        .flat_map(|q| promised(&search, &rows, q))
        .filter(|(bound, class)| bound == class)
        .count();
    assert!(
        tight > 10_000,
        "the promise is mostly what rows give: {tight}"
    );
}

/// Polyphones whose readings differ in length (都 du/dou, 和 he/huo, 了 le/liao...), typed
/// whole by every reading they have, in a name and in a person; with a character typed as
/// itself and chars without readings: each whole spelling is promised at least its class.
#[test]
fn a_whole_spelling_by_any_reading_is_promised() {
    let single: Vec<String> = "都和了单还觉乐长行重传".chars().map(String::from).collect();
    let pairs = ["都乐", "和了", "长行", "单重"];
    let names: Vec<&str> = single.iter().map(String::as_str).chain(pairs).collect();
    let mut rows: Vec<_> = (names.iter().enumerate())
        .map(|(i, n)| row(i as i64 + 1, n, names[names.len() - 1 - i], ""))
        .collect();
    rows.push(row(100, "3M中国", "Chloé 长", ""));
    let mut search = CustomerSearch::new(&rows);
    let order: Vec<usize> = (0..rows.len()).collect();
    search.follow_order(&order, rows.len());
    search.ensure_starts(&rows);
    // Every name spelled whole by each combination of its characters' readings.
    let mut queries: Vec<String> = Vec::new();
    for name in &names {
        let mut spelled = vec![String::new()];
        for c in name.chars() {
            let readings = super::pinyin::readings(c);
            spelled = (spelled.iter())
                .flat_map(|s| readings.iter().map(move |r| format!("{s}{r}")))
                .collect();
        }
        queries.extend(spelled);
    }
    queries.extend(
        [
            "3mzhongguo",
            "3m中国",
            "chloezhang",
            "chloe zhang",
            "乐",
            "长",
            "du乐",
            "和le",
        ]
        .map(String::from),
    );
    let exact = (queries.iter())
        .flat_map(|q| promised(&search, &rows, q))
        .filter(|&(_, class)| class <= 1)
        .count();
    assert!(exact >= 20, "whole names and people among them: {exact}");
}

#[test]
fn the_head_is_the_start_of_the_whole_result() {
    let rows = demo_rows(2_000);
    let order: Vec<usize> = (0..rows.len()).rev().collect();
    let mut typing = CustomerSearch::new(&rows);
    let mut cut_short = 0;
    for q in TYPED.iter().chain(MORE) {
        let whole = CustomerSearch::new(&rows).filter(&rows, &order, q, today());
        for want in [1, 12, 80] {
            let mut fresh = CustomerSearch::new(&rows);
            for (search, how) in [(&mut fresh, "fresh"), (&mut typing, "typing")] {
                let (head, complete) = search.filter_head(&rows, &order, (q, today()), want);
                assert_eq!(head[..], whole[..head.len()], "{how} {q} {want}");
                assert!(head.len() >= want.min(whole.len()), "{how} {q} {want}");
                if complete {
                    assert_eq!(head, whole, "{how} {q} {want}");
                } else {
                    // Not known to be all, though it may be (the rest may not match).
                    cut_short += usize::from(head.len() < whole.len());
                }
            }
        }
        // The whole result for the typing search too, as the app has it once idle.
        assert_eq!(typing.filter(&rows, &order, q, today()), whole, "{q}");
    }
    assert!(cut_short > 40, "heads were left early: {cut_short}");
}
