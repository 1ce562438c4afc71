//! Whole-process figures: the release binary as a salesperson runs it, from a shell or in a
//! terminal, on books of 1,000, 10,000 and 100,000 customers (10 interactions each).
//!
//!     cargo bench --bench process                          # 1k, 10k and 100k
//!     cargo bench --bench process -- --sizes 1000,10000    # some sizes only
//!     cargo bench --bench process -- --runs 20             # more runs per figure (default 10)
//!
//! Commands (`log`, `today`, `find`, `show`) are timed from spawn to exit, with the CPU time and
//! peak RSS the kernel reports for the finished process (wait4). The TUI runs in a pseudo-terminal of 200x50
//! whose output is read into a terminal emulator (vt100): first byte, first complete frame
//! (header, panes and footer drawn), the frame after the whole list is installed (the header no
//! longer says it is reading the book), then `q`, and its peak RSS; then again with the default
//! config, which opens on today's review once the whole book is in (first frame, the review with
//! the whole book, peak RSS). Books are generated once with
//! `fieldbook demo` into target/ and reused; `log` writes to a copy.

use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_fieldbook");
const COLS: u16 = 200;
const ROWS: u16 = 50;

struct Args {
    sizes: Vec<usize>,
    runs: usize,
}

fn args() -> Args {
    let mut sizes = vec![1_000, 10_000, 100_000];
    let mut runs = 10;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--sizes" => {
                sizes = it
                    .next()
                    .expect("--sizes N,N")
                    .split(',')
                    .map(|n| n.trim().parse().expect("a number of customers"))
                    .collect();
            }
            "--runs" => runs = it.next().and_then(|n| n.parse().ok()).expect("--runs N"),
            _ => {} // cargo bench passes --bench; ignore what is not ours.
        }
    }
    Args { sizes, runs }
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from)
}

/// The demo book of `customers`, generated once by the binary itself.
fn ensure_book(customers: usize) -> PathBuf {
    let path = target_dir().join(format!(
        "process-book-{customers}-v{}.sqlite3",
        fieldbook::repository::LATEST_VERSION
    ));
    if path.exists() {
        return path;
    }
    let partial = path.with_extension("partial");
    let _ = std::fs::remove_file(&partial);
    let start = Instant::now();
    let status = Command::new(BIN)
        .args(["demo", &partial.display().to_string(), "--customers"])
        .arg(customers.to_string())
        .stdout(Stdio::null())
        .status()
        .expect("run fieldbook demo");
    assert!(status.success(), "fieldbook demo failed");
    std::fs::rename(&partial, &path).expect("rename the book");
    println!(
        "book: {customers} customers generated in {:.1} s -> {}",
        start.elapsed().as_secs_f64(),
        path.display()
    );
    path
}

/// A config that opens on the book, not the review, so every run draws the same first screen.
fn config(dir: &Path) -> PathBuf {
    let path = dir.join("config.toml");
    std::fs::write(&path, "review_on_start = false\n").expect("write the config");
    path
}

/// The default config, as a person without one has it: the app opens on today's review when
/// anything is due (every book here has overdue follow-ups).
fn default_config(dir: &Path) -> PathBuf {
    let path = dir.join("default.toml");
    std::fs::write(&path, "").expect("write the config");
    path
}

/// How one finished process went.
struct Run {
    wall: Duration,
    /// User and system CPU time: steadier than the wall clock on a shared machine.
    cpu: Duration,
    peak_kib: u64,
}

/// Waits for `pid` and reads its peak resident set and CPU time from the kernel's accounting.
fn reap(pid: u32) -> (i32, u64, Duration) {
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid out-parameter; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid as i32, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid as i32, "wait4");
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1_000);
    // ru_maxrss is in KiB on Linux.
    (
        status,
        usage.ru_maxrss as u64,
        time(usage.ru_utime) + time(usage.ru_stime),
    )
}

// Children are reaped by `reap` (wait4), which also gives the peak RSS that `Child::wait` does not.
#[allow(clippy::zombie_processes)]
fn command(book: &Path, cfg: &Path, args: &[&str]) -> Run {
    let start = Instant::now();
    let child = Command::new(BIN)
        .arg("--db")
        .arg(book)
        .arg("--config")
        .arg(cfg)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn fieldbook");
    let (status, peak_kib, cpu) = reap(child.id());
    let wall = start.elapsed();
    assert_eq!(status, 0, "fieldbook {args:?} failed");
    Run {
        wall,
        cpu,
        peak_kib,
    }
}

/// What the TUI showed and when, from spawn.
struct Screen {
    first_byte: Duration,
    first_frame: Duration,
    loaded: Duration,
    peak_kib: u64,
}

fn open_pty() -> (OwnedFd, OwnedFd) {
    let (mut master, mut slave) = (0, 0);
    let size = libc::winsize {
        ws_row: ROWS,
        ws_col: COLS,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: out-parameters for two descriptors; no name buffer and no termios asked for.
    let ok = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(ok, 0, "openpty");
    // SAFETY: openpty returned two fresh descriptors that nothing else owns.
    unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
}

/// Reads what arrived within `wait`, or nothing.
fn read_some(master: &mut std::fs::File, wait: Duration) -> Vec<u8> {
    let mut watched = libc::pollfd {
        fd: master.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    let ms = i32::try_from(wait.as_millis()).unwrap_or(i32::MAX);
    // SAFETY: one valid pollfd.
    if unsafe { libc::poll(&mut watched, 1, ms) } <= 0 {
        return Vec::new();
    }
    let mut buf = vec![0; 1 << 16];
    match master.read(&mut buf) {
        Ok(n) => buf.truncate(n),
        Err(_) => buf.clear(),
    }
    buf
}

/// The list's whole frame, once the whole book is in.
fn list_loaded(screen: &vt100::Screen) -> bool {
    complete(screen) && !screen.contents().contains("reading the whole book")
}

/// The review on screen, once the whole book is in (its going-cold share is chosen then).
fn review_loaded(screen: &vt100::Screen) -> bool {
    let text = screen.contents();
    text.starts_with("fieldbook")
        && text.contains("Today's review")
        && !text.contains("reading the whole book")
}

/// A whole frame: the header, the panes' borders and titles, the footer's hints.
fn complete(screen: &vt100::Screen) -> bool {
    let text = screen.contents();
    let rows: Vec<&str> = text.lines().collect();
    rows.first().is_some_and(|r| r.starts_with("fieldbook"))
        && rows
            .iter()
            .rev()
            .find(|r| !r.trim().is_empty())
            .is_some_and(|r| r.contains("help"))
        && text.contains("Customers")
        && text.contains("History")
}

#[allow(clippy::zombie_processes)] // reaped by `reap`, as in `command`
/// Runs the app until `loaded` says its screen is complete with the whole book in, then `q`.
fn tui(book: &Path, cfg: &Path, loaded_when: fn(&vt100::Screen) -> bool) -> Screen {
    let (master, slave) = open_pty();
    let start = Instant::now();
    let mut cmd = Command::new(BIN);
    cmd.arg("--db")
        .arg(book)
        .arg("--config")
        .arg(cfg)
        .env("TERM", "xterm-256color")
        .stdin(Stdio::from(slave.try_clone().expect("dup")))
        .stdout(Stdio::from(slave.try_clone().expect("dup")))
        .stderr(Stdio::from(slave));
    // SAFETY: only async-signal-safe calls between fork and exec: a new session whose
    // controlling terminal is the pty, as a terminal emulator would set it up.
    unsafe {
        cmd.pre_exec(|| {
            libc::setsid();
            libc::ioctl(0, libc::TIOCSCTTY, 0);
            Ok(())
        });
    }
    let child = cmd.spawn().expect("spawn fieldbook in a pty");
    drop(cmd);
    let mut master = std::fs::File::from(master);
    let size = |n: u16| std::num::NonZeroU16::new(n).expect("a screen size");
    let mut parser = vt100::Parser::new(size(ROWS), size(COLS), 0);
    let (mut first_byte, mut first_frame, mut loaded) = (None, None, None);
    while loaded.is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "no loaded frame in 2 minutes"
        );
        let bytes = read_some(&mut master, Duration::from_millis(500));
        if bytes.is_empty() {
            continue;
        }
        let at = start.elapsed();
        first_byte.get_or_insert(at);
        parser.process(&bytes);
        let screen = parser.screen();
        if first_frame.is_none() && (complete(screen) || loaded_when(screen)) {
            first_frame = Some(at);
        }
        if first_frame.is_some() && loaded_when(screen) {
            loaded = Some(at);
        }
    }
    master.write_all(b"q").expect("send q");
    // Keep draining so the program never blocks on a full pty while it quits.
    let drain =
        std::thread::spawn(
            move || while !read_some(&mut master, Duration::from_millis(200)).is_empty() {},
        );
    let (status, peak_kib, _) = reap(child.id());
    let _ = drain.join();
    assert_eq!(status, 0, "the TUI did not quit cleanly");
    Screen {
        first_byte: first_byte.unwrap_or_default(),
        first_frame: first_frame.unwrap_or_default(),
        loaded: loaded.unwrap_or_default(),
        peak_kib,
    }
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn report_command(name: &str, runs: &[Run]) {
    let wall: Vec<f64> = runs.iter().map(|r| ms(r.wall)).collect();
    let peak = runs.iter().map(|r| r.peak_kib).max().unwrap_or(0);
    let (lo, hi) = (
        wall.iter().copied().fold(f64::MAX, f64::min),
        wall.iter().copied().fold(0.0, f64::max),
    );
    let cpu = median(runs.iter().map(|r| ms(r.cpu)).collect());
    println!(
        "  {name:<28} median {:>8.1} ms  (min {lo:.1}, max {hi:.1}, n={})  CPU {cpu:.1} ms  peak RSS {:.1} MB",
        median(wall.clone()),
        wall.len(),
        peak as f64 / 1024.0
    );
}

fn main() {
    let args = args();
    println!("binary: {BIN}");
    let scratch = tempfile::tempdir().expect("a scratch folder");
    let cfg = config(scratch.path());
    let defaults = default_config(scratch.path());
    for &customers in &args.sizes {
        let book = ensure_book(customers);
        let copy = scratch.path().join(format!("copy-{customers}.sqlite3"));
        std::fs::copy(&book, &copy).expect("copy the book");
        println!(
            "\n{customers} customers ({} runs each, after one warm-up)",
            args.runs
        );
        let mid = (customers / 2).max(1);
        let id = format!("c{mid}");
        let cases: [(&str, Vec<&str>, &Path); 4] = [
            (
                "log c<mid> \"...\"",
                vec!["log", &id, "Called about the Q1 order"],
                &copy,
            ),
            ("today", vec!["today"], &book),
            ("find 星河", vec!["find", "星河"], &book),
            ("show c<mid>", vec!["show", &id], &book),
        ];
        for (name, cmd_args, on) in &cases {
            let _warm = command(on, &cfg, cmd_args);
            let runs: Vec<Run> = (0..args.runs)
                .map(|_| command(on, &cfg, cmd_args))
                .collect();
            report_command(name, &runs);
        }
        let _warm = tui(&book, &cfg, list_loaded);
        let screens: Vec<Screen> = (0..args.runs)
            .map(|_| tui(&book, &cfg, list_loaded))
            .collect();
        let pick =
            |f: &dyn Fn(&Screen) -> Duration| median(screens.iter().map(|s| ms(f(s))).collect());
        println!(
            "  {:<28} first byte {:.1} ms, first complete frame {:.1} ms, whole list installed {:.1} ms (medians, n={})  peak RSS {:.1} MB",
            "TUI in a 200x50 pty",
            pick(&|s| s.first_byte),
            pick(&|s| s.first_frame),
            pick(&|s| s.loaded),
            screens.len(),
            screens.iter().map(|s| s.peak_kib).max().unwrap_or(0) as f64 / 1024.0
        );
        // As a person without a config meets it: on the review, whose share of the customers
        // going cold is chosen once the whole book is in.
        let _warm = tui(&book, &defaults, review_loaded);
        let reviews: Vec<Screen> = (0..args.runs)
            .map(|_| tui(&book, &defaults, review_loaded))
            .collect();
        println!(
            "  {:<28} first complete frame {:.1} ms, review with the whole book {:.1} ms (medians, n={})  peak RSS {:.1} MB",
            "TUI, default config",
            median(reviews.iter().map(|s| ms(s.first_frame)).collect()),
            median(reviews.iter().map(|s| ms(s.loaded)).collect()),
            reviews.len(),
            reviews.iter().map(|s| s.peak_kib).max().unwrap_or(0) as f64 / 1024.0
        );
    }
}
