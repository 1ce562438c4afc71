//! Commands read through the book's indexes (migration 0008) and answer exactly as the whole
//! book read and ranked would: `find`, the customer a command names, `today`, a new customer's
//! likely twin, the tiers. The whole-book path is kept as the oracle here.

use chrono::{NaiveDate, NaiveDateTime};
use fieldbook::book::model::CustomerRow;
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

/// The whole book as the list reads it: customers not archived (finished) in attention order,
/// then archived ones in theirs, with one search over each part and one over both.
struct Oracle {
    active: Vec<CustomerRow>,
    archived: Vec<CustomerRow>,
    both: Vec<CustomerRow>,
    searches: [CustomerSearch; 3],
}

impl Oracle {
    fn read(repo: &Repository, config: &Config, today: NaiveDate) -> Oracle {
        let mut active = customer_list::customer_rows(repo, config, today).unwrap();
        finder::by_attention(&mut active, today);
        let mut archived = repo.archived_rows().unwrap();
        finder::by_attention(&mut archived, today);
        let both: Vec<CustomerRow> = active.iter().chain(&archived).cloned().collect();
        Oracle {
            searches: [
                CustomerSearch::new(&active),
                CustomerSearch::new(&archived),
                CustomerSearch::new(&both),
            ],
            active,
            archived,
            both,
        }
    }

    /// `find`'s answer: the rows in order.
    fn find(&mut self, query: &str, archived: bool) -> Vec<CustomerRow> {
        let (rows, search) = if archived {
            (&self.archived, &mut self.searches[1])
        } else {
            (&self.active, &mut self.searches[0])
        };
        let order: Vec<usize> = (0..rows.len()).collect();
        search
            .filter(rows, &order, query, today())
            .into_iter()
            .map(|i| rows[i].clone())
            .collect()
    }

    /// The customer `query` names, as `finder::resolve_among` decides over the whole book.
    fn resolve(&mut self, query: &str) -> Resolved {
        let id_like = query
            .trim()
            .strip_prefix(['c', 'C'])
            .is_some_and(|n| n.parse::<i64>().is_ok());
        if id_like || query.trim().is_empty() {
            return finder::resolve_among(&self.active, &self.archived, query, today());
        }
        let order: Vec<usize> = (0..self.both.len()).collect();
        let hits = self.searches[2].ranked(&self.both, &order, query.trim(), today());
        let active = self.active.len();
        finder::decide(
            hits.into_iter()
                .map(|(i, how)| (self.both[i].clone(), how, i >= active))
                .collect(),
        )
    }
}

/// Compares the indexed answers with the oracle's for each query (every `full`-th also for the
/// best 50 and among archived customers); returns how many queries found anyone, so a sample
/// that finds nothing cannot pass unnoticed.
fn compare(repo: &mut Repository, oracle: &mut Oracle, queries: &[String], full: usize) -> usize {
    let config = Config::default();
    let mut found = 0;
    for (n, q) in queries.iter().enumerate() {
        let want = oracle.find(q, false);
        let got = finder::find(repo, &config, today(), q, Among::Active, Want::All).unwrap();
        let got_rows: Vec<CustomerRow> = got.rows.iter().map(|(r, _, _)| r.clone()).collect();
        assert_eq!(got.total, want.len(), "count of {q:?}");
        assert!(
            got_rows == want,
            "rows of {q:?}: {} against {}",
            got_rows.len(),
            want.len()
        );
        found += usize::from(!want.is_empty());
        if n % full == 0 {
            let top =
                finder::find(repo, &config, today(), q, Among::Active, Want::Top(50)).unwrap();
            let ids = |rows: &[CustomerRow]| rows.iter().take(50).map(|r| r.id).collect::<Vec<_>>();
            let top_rows: Vec<CustomerRow> = top.rows.iter().map(|(r, _, _)| r.clone()).collect();
            assert_eq!(ids(&top_rows), ids(&want), "best 50 of {q:?}");
            assert_eq!(top.total, want.len(), "count of {q:?} (best 50)");
            let gone = finder::find(repo, &config, today(), q, Among::Archived, Want::Top(50));
            let gone: Vec<CustomerRow> =
                gone.unwrap().rows.into_iter().map(|(r, _, _)| r).collect();
            assert_eq!(ids(&gone), ids(&oracle.find(q, true)), "archived of {q:?}");
        }
        let resolved = finder::resolve(repo, &config, today(), q).unwrap();
        assert_eq!(resolved, oracle.resolve(q), "the customer {q:?} names");
    }
    found
}

/// Queries a person would type, then the book's own: names whole and begun, people, cities,
/// tags, numbers whole and in part, e-mail and WeChat ids (pinyin, mostly), a city with a name;
/// from one customer in `step`.
fn queries_from(rows: &[CustomerRow], step: usize) -> Vec<String> {
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
        "0012",
        "香港",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for r in rows.iter().step_by(step.max(1)) {
        out.push(r.name.to_string());
        out.push(r.name.chars().take(2).collect());
        out.extend(r.name.split_whitespace().next().map(str::to_lowercase));
        out.extend(r.people.lines().next().map(str::to_string));
        out.push(r.city.to_string());
        out.extend(r.tags.split(',').next().map(|t| format!("#{t}")));
        let digits: String = r.ways.phone.chars().filter(char::is_ascii_digit).collect();
        if digits.len() >= 4 {
            out.push(digits[digits.len() - 4..].to_string());
            out.push(r.ways.phone.to_string());
        }
        if let Some(local) = r.ways.email.split('@').next().filter(|l| !l.is_empty()) {
            out.push(local.to_string());
            out.push(local.chars().take(3).collect());
        }
        out.extend(
            r.ways
                .reach
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
    let queries = queries_from(&oracle.active, 16);
    assert!(queries.len() >= 200, "{} queries", queries.len());
    let found = compare(&mut repo, &mut oracle, &queries, 4);
    assert!(
        found > queries.len() / 2,
        "{found} of {} found anyone",
        queries.len()
    );
}

/// At 10,000 customers a scan reads the book in two slices. Latin words scan the whole book
/// (the demo book covers them); here mostly what an index narrows: Chinese, numbers, cities.
#[test]
fn find_and_the_customer_named_are_the_whole_books_on_a_book_of_10000() {
    let size = DemoSize {
        customers: 10_000,
        interactions: 20_000,
        follow_ups: 5_000,
    };
    let mut repo = demo_book(size);
    let mut oracle = Oracle::read(&repo, &Config::default(), today());
    let narrowed =
        |q: &String| !q.is_ascii() || q.chars().filter(char::is_ascii_digit).count() >= 4;
    let mut queries: Vec<String> = queries_from(&oracle.active, 40)
        .into_iter()
        .filter(narrowed)
        .take(150)
        .collect();
    queries.extend(["zw", "chloe", "#vip", "c77"].map(String::from));
    assert!(queries.len() >= 150, "{} queries", queries.len());
    let found = compare(&mut repo, &mut oracle, &queries, 10);
    assert!(
        found > queries.len() / 2,
        "{found} of {} found anyone",
        queries.len()
    );
}
