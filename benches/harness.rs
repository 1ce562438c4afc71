//! The benchmark harness: a synthetic book at scale (the demo generator, scaled), and the moments
//! a salesperson feels, each with median and p99.
//!
//!     cargo bench --bench harness                      # 100,000 customers, 1,000,000 interactions
//!     cargo bench --bench harness -- --customers 5000  # a smaller book
//!     cargo bench --bench harness -- --only-filter     # the filter keystrokes alone
//!
//! The book is generated once into target/ and reused; writes are measured on a copy.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{Local, NaiveDateTime, Timelike};
use fieldbook::book::model::{Channel, FollowUpDraft, InteractionDraft};
use fieldbook::config::Config;
use fieldbook::demo::{self, DemoSize};
use fieldbook::repository::Repository;
use fieldbook::tui::action::Action;
use fieldbook::tui::state::State;
use fieldbook::tui::text_input::TextEdit;
use fieldbook::tui::{loader, ui, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn now() -> NaiveDateTime {
    let now = Local::now().naive_local();
    now.with_nanosecond(0).unwrap_or(now)
}

struct Args {
    customers: usize,
    /// Only the filter keystrokes, to iterate on the search quickly.
    only_filter: bool,
    /// Internal: run one phase in a child process so its peak RSS is its own.
    child: Option<(String, PathBuf)>,
}

fn args() -> Args {
    let mut customers = 100_000;
    let mut child = None;
    let mut only_filter = false;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--customers" => {
                customers = it
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--customers N")
            }
            "--only-filter" => only_filter = true,
            "--child" => {
                let phase = it.next().expect("phase");
                let path = PathBuf::from(it.next().expect("path"));
                child = Some((phase, path));
            }
            _ => {} // cargo bench passes --bench; ignore what is not ours.
        }
    }
    Args {
        customers,
        only_filter,
        child,
    }
}

/// Median and p99 of a set of timings, in milliseconds.
struct Figures {
    median: f64,
    p99: f64,
    n: usize,
}

fn figures(mut samples: Vec<Duration>) -> Figures {
    samples.sort();
    let n = samples.len();
    let at = |q: f64| samples[((q * n as f64).ceil() as usize).clamp(1, n) - 1].as_secs_f64() * 1e3;
    Figures {
        median: at(0.5),
        p99: at(0.99),
        n,
    }
}

fn report(name: &str, f: &Figures) {
    println!(
        "{name:<44} median {:>8.3} ms   p99 {:>8.3} ms   (n={})",
        f.median, f.p99, f.n
    );
}

fn draw(state: &mut State) {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
    terminal.draw(|f| ui::draw(f, state)).expect("draw");
}

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn book_path(customers: usize) -> PathBuf {
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from);
    target.join(format!(
        "bench-book-{customers}-v{}.sqlite3",
        fieldbook::repository::LATEST_VERSION
    ))
}

fn ensure_book(path: &Path, customers: usize) {
    if path.exists() {
        println!("book: {} (reused)", path.display());
        return;
    }
    let partial = path.with_extension("partial");
    let _ = std::fs::remove_file(&partial);
    let start = Instant::now();
    let mut repo = Repository::open(&partial).expect("open new book");
    let size = DemoSize::with_customers(customers);
    let summary = demo::generate(&mut repo, size, now()).expect("generate");
    drop(repo);
    std::fs::rename(&partial, path).expect("rename");
    println!(
        "book: generated {} customers, {} contacts, {} interactions, {} follow-ups in {:.1} s -> {}",
        summary.customers,
        summary.contacts,
        summary.interactions,
        summary.follow_ups,
        start.elapsed().as_secs_f64(),
        path.display()
    );
}

/// Launch: opening the book and drawing the first full frame, as `fieldbook` does (the first
/// screenful from indexed queries; the rest is read on a thread).
fn bench_open(path: &Path, runs: usize) -> Figures {
    let samples = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let repo = Repository::open(path).expect("open");
            repo.keep_app_page_cache().expect("the app's page cache");
            let mut state = update::reading::first_screen(&repo, now(), "bench", Config::default())
                .expect("first");
            draw(&mut state);
            start.elapsed()
        })
        .collect();
    figures(samples)
}

/// The read that runs on the loader thread, then installing it: until then the list holds only
/// the first screenful (keys still work).
fn bench_full_load(path: &Path, runs: usize) -> Figures {
    let repo = Repository::open(path).expect("open");
    repo.keep_app_page_cache().expect("the app's page cache");
    let samples = (0..runs)
        .map(|_| {
            let mut state = update::reading::first_screen(&repo, now(), "bench", Config::default())
                .expect("first");
            let start = Instant::now();
            let reader = Repository::open_reader(path).expect("reader");
            let loaded = loader::load(&reader, &Config::default(), now().date()).expect("load");
            update::reading::install(&mut state, loaded, &repo).expect("install");
            draw(&mut state);
            start.elapsed()
        })
        .collect();
    figures(samples)
}

/// Notes search: `find --notes` and the notes scope, over every summary and note.
fn bench_notes(repo: &Repository, query: &str, runs: usize) -> (Figures, usize) {
    let mut hits = 0;
    let samples = (0..runs)
        .map(|_| {
            let start = Instant::now();
            hits = repo.search_notes(query, 200).expect("search").len();
            start.elapsed()
        })
        .collect();
    (figures(samples), hits)
}

/// Logging a call from the app: the form saved, the book written, the screen brought up to date.
fn bench_log_in_app(repo: &mut Repository, state: &mut State, runs: usize) -> Figures {
    let samples = (0..runs)
        .map(|i| {
            update::update(state, repo, Action::LogInteraction);
            for c in format!("bench call {i}").chars() {
                update::update(state, repo, Action::Edit(TextEdit::Insert(c)));
            }
            let start = Instant::now();
            update::update(state, repo, Action::SaveForm);
            draw(state);
            start.elapsed()
        })
        .collect();
    figures(samples)
}

/// `fzf --filter` over the same customer strings, as a whole process, when fzf is installed.
fn bench_fzf(
    rows: &[fieldbook::book::model::CustomerRow],
    query: &str,
    runs: usize,
) -> Option<Figures> {
    Command::new("fzf").arg("--version").output().ok()?;
    let file = std::env::temp_dir().join("fieldbook-bench-fzf.txt");
    let text: String = rows
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {} {}\n",
                r.name, r.people, r.city, r.ways.phone, r.ways.email
            )
        })
        .collect();
    std::fs::write(&file, text).ok()?;
    let samples = (0..runs)
        .map(|_| {
            let input = std::fs::File::open(&file).expect("fzf input");
            let start = Instant::now();
            Command::new("fzf")
                .args(["--filter", query])
                .stdin(input)
                .output()
                .expect("fzf");
            start.elapsed()
        })
        .collect();
    Some(figures(samples))
}

/// Each keystroke of `query` typed into the filter, through update and a full frame; then, as
/// the event loop does while no key waits, the rest of the list behind the first screens
/// (timed apart: the second figures).
fn bench_filter(
    repo: &mut Repository,
    state: &mut State,
    query: &str,
    rounds: usize,
) -> (Figures, Figures) {
    let mut samples = Vec::new();
    let mut behind = Vec::new();
    for _ in 0..rounds {
        // Every round types the query for the first time: no result kept from the last one.
        state.search.forget_results();
        update::update(state, repo, Action::Back);
        update::update(state, repo, Action::StartFilter);
        for c in query.chars() {
            let start = Instant::now();
            update::update(state, repo, Action::Edit(TextEdit::Insert(c)));
            draw(state);
            samples.push(start.elapsed());
            let start = Instant::now();
            if !state.visible_complete {
                state.complete_visible();
                draw(state);
            }
            behind.push(start.elapsed());
        }
    }
    update::update(state, repo, Action::Back);
    (figures(samples), figures(behind))
}

/// Moving to another customer: its profile, people, follow-ups and first history page.
fn bench_history(repo: &mut Repository, state: &mut State, moves: usize) -> Figures {
    let samples = (0..moves)
        .map(|i| {
            let action = if i % 2 == 0 {
                Action::PageDown
            } else {
                Action::MoveDown
            };
            let start = Instant::now();
            update::update(state, repo, action);
            start.elapsed()
        })
        .collect();
    figures(samples)
}

/// Logging a call with a follow-up, committed durably (WAL, synchronous=FULL), on a copy.
fn bench_log(path: &Path, runs: usize) -> Figures {
    let copy = path.with_extension("write-copy");
    std::fs::copy(path, &copy).expect("copy book");
    let mut repo = Repository::open(&copy).expect("open copy");
    repo.keep_app_page_cache().expect("the app's page cache");
    let id = repo.customer_rows().expect("rows")[0].id;
    let samples = (0..runs)
        .map(|i| {
            let interaction = InteractionDraft {
                customer_id: id,
                contact_id: None,
                at: now(),
                channel: Channel::Call,
                summary: format!("benchmark call {i}"),
                outcome: None,
            };
            let follow_up = FollowUpDraft {
                customer_id: id,
                due_on: now().date(),
                due_time: None,
                task: "call back".into(),
                repeat: None,
            };
            let start = Instant::now();
            repo.log_interaction(&interaction, Some(&follow_up))
                .expect("log");
            start.elapsed()
        })
        .collect();
    drop(repo);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", copy.display()));
    }
    figures(samples)
}

/// A session's worth of work in a fresh process: the peak RSS a person's fieldbook would reach.
fn session_rss(path: &Path) {
    let mut repo = Repository::open(path).expect("open");
    repo.keep_app_page_cache().expect("the app's page cache");
    let mut state =
        update::reading::first_screen(&repo, now(), "bench", Config::default()).expect("first");
    let reader = Repository::open_reader(path).expect("reader");
    let loaded = loader::load(&reader, &Config::default(), now().date()).expect("load");
    drop(reader);
    update::reading::install(&mut state, loaded, &repo).expect("install");
    draw(&mut state);
    bench_filter(&mut repo, &mut state, "northwind", 1);
    bench_filter(&mut repo, &mut state, "星河科技", 1);
    bench_history(&mut repo, &mut state, 50);
    println!("{}", peak_rss_kib());
}

/// Times each query is typed, from nothing kept: p99 over rounds x keystrokes samples.
const FILTER_ROUNDS: usize = 15;

/// What the filter benchmark types, a key at a time: each kind of query a salesperson uses.
const FILTER_QUERIES: [(&str, &str); 9] = [
    ("Latin", "northwind"),
    ("Chinese", "星河科技"),
    ("pinyin", "xinghe"),
    ("pinyin initials", "xhkj"),
    ("phone digits", "1380013"),
    ("a person's phone, spaced", "135 0355 0414"),
    ("multi-word Chinese", "武汉 海纳"),
    ("multi-word pinyin", "zhou xiuying"),
    ("multi-word Latin", "jennifer mu"),
];

fn main() {
    let args = args();
    if let Some((phase, path)) = args.child {
        match phase.as_str() {
            "rss" => session_rss(&path),
            other => panic!("unknown phase {other}"),
        }
        return;
    }
    let path = book_path(args.customers);
    ensure_book(&path, args.customers);
    println!(
        "machine: {} cores; times are wall clock, this process\n",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );

    if !args.only_filter {
        report("launch: open + first frame drawn", &bench_open(&path, 20));
        report(
            "whole book read (thread) + installed + frame",
            &bench_full_load(&path, 5),
        );
    }
    let mut repo = Repository::open(&path).expect("open");
    repo.keep_app_page_cache().expect("the app's page cache");
    let mut state = update::reading::load(&repo, now(), "bench").expect("load");
    for (label, query) in FILTER_QUERIES {
        let (keys, behind) = bench_filter(&mut repo, &mut state, query, FILTER_ROUNDS);
        report(
            &format!("filter keystroke -> frame ({label} '{query}')"),
            &keys,
        );
        report("  then the rest of the list, behind", &behind);
    }
    if args.only_filter {
        return;
    }
    report(
        "open a customer's history (select + load)",
        &bench_history(&mut repo, &mut state, 200),
    );
    for query in ["报价", "样品", "quote"] {
        let (f, hits) = bench_notes(&repo, query, 30);
        report(&format!("notes search '{query}' ({hits} hits shown)"), &f);
    }
    for query in ["northwind", "星河科技"] {
        let (ours, _) = bench_filter(&mut repo, &mut state, query, 3);
        match bench_fzf(&state.rows, query, 5) {
            Some(fzf) => println!(
                "{:<44} median {:>8.3} ms   ({:.0}x our last-keystroke median {:.3} ms)",
                format!("fzf --filter '{query}' (whole process)"),
                fzf.median,
                fzf.median / ours.median.max(0.001),
                ours.median
            ),
            None => println!("fzf --filter '{query}': fzf is not installed, no comparison"),
        }
    }
    report(
        "log a call in the app (save -> frame)",
        &bench_log_in_app(&mut repo, &mut state, 10),
    );
    drop(state);
    drop(repo);
    report(
        "log an interaction + follow-up (durable commit)",
        &bench_log(&path, 100),
    );
    if args.customers > 5_000 {
        let small = book_path(5_000);
        ensure_book(&small, 5_000);
        let mut repo = Repository::open(&small).expect("open");
        repo.keep_app_page_cache().expect("the app's page cache");
        let mut state = update::reading::load(&repo, now(), "bench").expect("load");
        let mut all = Vec::new();
        for query in ["northwind", "星河科技", "xhkj", "1380013"] {
            let (keys, behind) = bench_filter(&mut repo, &mut state, query, FILTER_ROUNDS);
            all.extend([keys, behind]);
        }
        let moves = bench_history(&mut repo, &mut state, 200);
        let worst = all.iter().map(|f| f.p99).fold(moves.p99, f64::max);
        println!(
            "{:<44} p99 {:>8.3} ms (filter keystrokes of 4 queries and 200 moves)",
            "5,000-customer book, any keystroke", worst
        );
    }

    let exe = std::env::current_exe().expect("own path");
    let out = Command::new(exe)
        .args(["--child", "rss"])
        .arg(&path)
        .output()
        .expect("run the RSS session");
    let kib: u64 = String::from_utf8_lossy(&out.stdout)
        .trim()
        .lines()
        .last()
        .and_then(|l| l.parse().ok())
        .unwrap_or(0);
    println!(
        "{:<44} {:.1} MB (VmHWM of a fresh process: open, filter, browse)",
        "peak RSS",
        kib as f64 / 1024.0
    );
}
