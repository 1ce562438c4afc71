//! Commands read through the book's indexes (migration 0008) and answer exactly as the whole
//! book read and ranked would: `find`, the customer a command names, `today`, a new customer's
//! likely twin. The whole-book path is kept as the oracle here.

use chrono::{NaiveDate, NaiveDateTime};
use fieldbook::config::Config;
use fieldbook::demo::{self, DemoSize};
use fieldbook::repository::{Among, Repository};
use fieldbook::search::CustomerSearch;
use fieldbook::services::customer_list;
use fieldbook::services::finder::{self, Resolved, Want};

fn now() -> NaiveDateTime {
    "2026-11-20T09:00:00".parse().unwrap()
}

fn today() -> NaiveDate {
    now().date()
}

fn demo_book(size: DemoSize) -> Repository {
    let mut repo = Repository::open_in_memory().unwrap();
    demo::generate(&mut repo, size, now()).unwrap();
    repo
}

/// The whole book as the list reads it: customers not archived (finished) and archived ones,
/// each in attention order, and one search over each.
struct Oracle {
    active: Vec<fieldbook::book::model::CustomerRow>,
    archived: Vec<fieldbook::book::model::CustomerRow>,
    active_search: CustomerSearch,
    archived_search: CustomerSearch,
}

impl Oracle {
    fn read(repo: &Repository, config: &Config, today: NaiveDate) -> Oracle {
        let mut active = customer_list::customer_rows(repo, config, today).unwrap();
        finder::by_attention(&mut active, today);
        let mut archived = repo.archived_rows().unwrap();
        finder::by_attention(&mut archived, today);
        Oracle {
            active_search: CustomerSearch::new(&active),
            archived_search: CustomerSearch::new(&archived),
            active,
            archived,
        }
    }

    /// `find`'s answer: the rows in order.
    fn find(&mut self, query: &str, archived: bool) -> Vec<fieldbook::book::model::CustomerRow> {
        let (rows, search) = if archived {
            (&self.archived, &mut self.archived_search)
        } else {
            (&self.active, &mut self.active_search)
        };
        let order: Vec<usize> = (0..rows.len()).collect();
        search
            .filter(rows, &order, query, today())
            .into_iter()
            .map(|i| rows[i].clone())
            .collect()
    }
}

/// Compares the indexed answers with the oracle's for each query; returns how many queries
/// found anyone (so a sample that finds nothing cannot pass unnoticed).
fn compare(repo: &mut Repository, oracle: &mut Oracle, queries: &[String], top_too: bool) -> usize {
    let config = Config::default();
    let mut found = 0;
    for q in queries {
        let want = oracle.find(q, false);
        let got = finder::find(repo, &config, today(), q, Among::Active, Want::All).unwrap();
        let got_rows: Vec<_> = got.rows.iter().map(|(r, _, _)| r.clone()).collect();
        assert_eq!(got.total, want.len(), "count of {q:?}");
        assert!(
            got_rows == want,
            "rows of {q:?}: {} against {}",
            got_rows.len(),
            want.len()
        );
        found += usize::from(!want.is_empty());
        if top_too {
            let top =
                finder::find(repo, &config, today(), q, Among::Active, Want::Top(50)).unwrap();
            let top_rows: Vec<_> = top.rows.iter().take(50).map(|(r, _, _)| r.id).collect();
            let want_top: Vec<_> = want.iter().take(50).map(|r| r.id).collect();
            assert_eq!(top_rows, want_top, "best 50 of {q:?}");
            assert_eq!(top.total, want.len(), "count of {q:?} (best 50)");
            let gone =
                finder::find(repo, &config, today(), q, Among::Archived, Want::Top(50)).unwrap();
            let gone_rows: Vec<_> = gone.rows.iter().take(50).map(|(r, _, _)| r.id).collect();
            let want_gone: Vec<_> = oracle.find(q, true).iter().take(50).map(|r| r.id).collect();
            assert_eq!(gone_rows, want_gone, "archived of {q:?}");
        }
        let resolved = finder::resolve(repo, &config, today(), q).unwrap();
        let oracle_resolved = finder::resolve_among(&oracle.active, &oracle.archived, q, today());
        assert_eq!(resolved, oracle_resolved, "the customer {q:?} names");
    }
    found
}

/// Queries a person would type for the customers of the book: names whole and begun, people,
/// cities, tags, numbers whole and in part, e-mail and WeChat ids (pinyin, mostly), and the
/// same mixed with filters; one customer in `step`.
fn queries_from(rows: &[fieldbook::book::model::CustomerRow], step: usize) -> Vec<String> {
    let mut out: Vec<String> = [
        "星河",
        "xinghe",
        "xhkj",
        "zw",
        "bj科技",
        "shanghai",
        "sh",
        "上海",
        "hong kong",
        "北京 星河",
        "northwind",
        "chloe",
        "1380013",
        "武汉 海纳",
        "zhang",
        "cold",
        "tier:a 张",
        "#vip",
        "due:today",
        "c1",
        "c3",
        "C2 ",
        "",
        "  ",
        "liu wei",
        "city:上海 li",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for r in rows.iter().step_by(step.max(1)) {
        let name: String = r.name.chars().take(2).collect();
        out.push(r.name.clone());
        out.push(name);
        out.extend(r.name.split_whitespace().next().map(str::to_lowercase));
        out.extend(r.people.lines().next().map(str::to_string));
        out.push(r.city.clone());
        out.extend(r.tags.split(',').next().map(|t| format!("#{t}")));
        let digits: String = r.phone.chars().filter(char::is_ascii_digit).collect();
        if digits.len() >= 4 {
            out.push(digits[digits.len() - 4..].to_string());
            out.push(r.phone.clone());
        }
        if let Some(local) = r.email.split('@').next().filter(|l| !l.is_empty()) {
            out.push(local.to_string());
            out.push(local.chars().take(3).collect());
        }
        out.extend(
            r.reach
                .lines()
                .next()
                .filter(|w| !w.is_empty())
                .map(str::to_string),
        );
        out.push(format!(
            "{} {}",
            r.city,
            r.name.chars().take(2).collect::<String>()
        ));
    }
    out
}

#[test]
fn find_and_the_customer_named_are_the_whole_books_on_the_demo_book() {
    let mut repo = demo_book(DemoSize::with_customers(300));
    let mut oracle = Oracle::read(&repo, &Config::default(), today());
    let queries = queries_from(&oracle.active, 3);
    let found = compare(&mut repo, &mut oracle, &queries, true);
    assert!(
        found > queries.len() / 2,
        "{found} of {} found anyone",
        queries.len()
    );
}
