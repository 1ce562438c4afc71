//! Every subcommand through the real binary: output, exit codes (0 ok, 1 bad input, 2 not found
//! or ambiguous), and that bad input writes nothing.

use chrono::{Days, Local};

use crate::common::CliBook as Book;

fn tomorrow() -> String {
    (Local::now().date_naive() + Days::new(1))
        .format("%Y-%m-%d")
        .to_string()
}

#[test]
fn add_log_with_a_next_step_and_see_it_today() {
    let book = Book::new();
    assert!(
        book.ok(&[
            "add",
            "北京星河科技有限公司",
            "--city",
            "北京",
            "--tag",
            "vip"
        ])
        .contains("added c1")
    );
    book.ok(&[
        "add",
        "Northwind Pacific Trading",
        "--city",
        "Hong Kong",
        "--tier",
        "b",
    ]);
    let out = book.ok(&[
        "log",
        "星河",
        "电话沟通Q1订单",
        "--next",
        "tomorrow",
        "--todo",
        "发报价单",
    ]);
    assert!(
        out.contains("logged call with 北京星河科技有限公司"),
        "{out}"
    );
    assert!(out.contains(&tomorrow()), "{out}");
    let today = book.ok(&["today"]);
    assert!(today.contains("发报价单"), "{today}");
    assert!(today.contains("Next 7 days (1)"), "{today}");
    let json: serde_json::Value = serde_json::from_str(&book.ok(&["agenda", "--json"])).unwrap();
    assert_eq!(json["upcoming"][0]["draft"]["task"], "发报价单");
    let show = book.ok(&["show", "星河"]);
    assert!(
        show.contains("电话沟通Q1订单") && show.contains("tags     vip"),
        "{show}"
    );
}

#[test]
fn a_summary_is_read_from_stdin_and_an_outcome_proposes_the_next_step() {
    let book = Book::new();
    book.ok(&["add", "Acme"]);
    let out = book
        .cmd(&["log", "acme", "--outcome", "quote_sent", "--json"])
        .write_stdin("Sent the quote for 200 units\nthey decide Friday\n")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let due = (Local::now().date_naive() + Days::new(3))
        .format("%Y-%m-%d")
        .to_string();
    assert_eq!(
        json["follow_up_due"],
        due.as_str(),
        "quote_sent proposes +3d"
    );
    let show = book.ok(&["show", "acme", "--json"]);
    let show: serde_json::Value = serde_json::from_str(&show).unwrap();
    assert_eq!(
        show["history"][0]["draft"]["summary"],
        "Sent the quote for 200 units\nthey decide Friday"
    );
    assert_eq!(show["history"][0]["draft"]["outcome"], "quote_sent");
    assert_eq!(show["follow_ups"][0]["draft"]["task"], "Chase the quote");
}

#[test]
fn bad_input_exits_1_and_writes_nothing() {
    let book = Book::new();
    book.ok(&["add", "Acme"]);
    for args in [
        vec!["log", "acme", "hello", "--next", "someday"],
        vec!["log", "acme", "hello", "--channel", "pigeon"],
        vec!["log", "acme", "hello", "--at", "the other day"],
        vec!["log", "acme", "hello", "--outcome", "no_such_outcome"],
        vec![
            "log",
            "acme",
            "hello",
            "--next",
            "fri",
            "--every",
            "now and then",
        ],
        vec!["log", "acme", "hello", "--with", "nobody"],
        vec!["add", "   "],
        vec!["add", "X", "--tier", "Z"],
        vec!["snooze", "1", "flurb"],
        vec!["done", "abc"],
        vec!["frobnicate"],
    ] {
        let (code, out, err) = book.run(&args);
        assert_eq!(code, 1, "{args:?}\n{out}\n{err}");
        assert!(!err.is_empty(), "{args:?} says why on stderr");
    }
    let (_, out, _) = book.run(&["show", "acme", "--json"]);
    let show: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        show["history"].as_array().unwrap().len(),
        0,
        "nothing was logged"
    );
}

#[test]
fn unknown_and_ambiguous_customers_exit_2_without_writing() {
    let book = Book::new();
    book.ok(&["add", "Acme Trading"]);
    book.ok(&["add", "Acme Logistics"]);
    let (code, _, err) = book.run(&["log", "zzzz", "hello"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no customer matches"), "{err}");
    let (code, _, err) = book.run(&["log", "acme", "hello"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("Acme Trading") && err.contains("Acme Logistics"),
        "candidates listed: {err}"
    );
    // An exact name or a c-id picks one.
    book.ok(&["log", "acme trading", "hello"]);
    book.ok(&["log", "c2", "hi there"]);
    let (code, _, _) = book.run(&["done", "#99"]);
    assert_eq!(code, 2);
    let (code, _, _) = book.run(&["show", "nobody at all"]);
    assert_eq!(code, 2);
}

#[test]
fn done_and_snooze_by_id_with_repeats() {
    let book = Book::new();
    book.ok(&["add", "Acme"]);
    let out = book.ok(&[
        "log",
        "acme",
        "monthly check-in",
        "--next",
        "today",
        "--todo",
        "check in",
        "--every",
        "monthly",
    ]);
    assert!(out.contains("follow-up #1"), "{out}");
    let done = book.ok(&["done", "#1"]);
    assert!(
        done.contains("done #1") && done.contains("next #2"),
        "{done}"
    );
    let (code, _, err) = book.run(&["done", "1"]);
    assert_eq!(code, 1, "already done: {err}");
    let snoozed = book.ok(&["snooze", "2", "明天"]);
    assert!(snoozed.contains(&tomorrow()), "{snoozed}");
    let today = book.ok(&["today", "--days", "3"]);
    assert!(
        today.contains("#2") && today.contains("(monthly)"),
        "{today}"
    );
}

#[test]
fn find_lists_and_completions_print() {
    let book = Book::new();
    book.ok(&["add", "北京星河科技有限公司", "--city", "北京"]);
    book.ok(&[
        "add",
        "上海浦江贸易有限公司",
        "--city",
        "上海",
        "--phone",
        "021-5888 1234",
    ]);
    let out = book.ok(&["find", "上海"]);
    assert!(
        out.contains("上海浦江贸易有限公司") && !out.contains("星河"),
        "{out}"
    );
    assert!(book.ok(&["find", "5888"]).contains("浦江"), "by phone");
    let (code, _, _) = book.run(&["find", "qqqqzzzz"]);
    assert_eq!(code, 2);
    let bash = book.ok(&["completions", "bash"]);
    assert!(bash.contains("fieldbook") && bash.contains("snooze"));
    assert!(book.ok(&["--version"]).starts_with("fieldbook "));
}

#[test]
fn hostile_names_never_reach_the_terminal_raw() {
    let book = Book::new();
    // `add` now refuses such a name (tests/gate.rs); a book written before the gate, or by
    // another program, can still hold one.
    let mut repo =
        fieldbook::repository::Repository::open(&book.dir.path().join("book.sqlite3")).unwrap();
    repo.as_before_the_gate(|repo| {
        repo.add_customer(&fieldbook::book::model::CustomerDraft {
            name: "\x1b[2J恶意\u{202e}cod.exe".into(),
            city: "深圳\x07".into(),
            ..Default::default()
        })
        .unwrap()
    });
    drop(repo);
    for args in [vec!["find", "恶意"], vec!["show", "恶意"]] {
        let out = book.ok(&args);
        assert!(
            !out.contains('\x1b') && !out.contains('\u{202e}') && !out.contains('\x07'),
            "{out:?}"
        );
        assert!(out.contains("␛[2J恶意"), "{out:?}");
    }
}

#[test]
fn a_malformed_config_warns_and_uses_the_defaults() {
    let book = Book::new();
    std::fs::write(
        book.dir.path().join("config.toml"),
        "[cadence]\nA = \"soon\"\n",
    )
    .unwrap();
    let (code, _, err) = book.run(&["today"]);
    assert_eq!(code, 0);
    assert!(err.contains("line 2"), "names the line: {err}");
}

#[test]
fn backup_check_and_restore() {
    let book = Book::new();
    book.ok(&["add", "星河科技", "--city", "北京"]);
    let out = book.ok(&["backup"]);
    assert!(out.contains("backed up"), "{out}");
    let backups: Vec<_> = std::fs::read_dir(book.dir.path().join("backups"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    let copy = backups[0].display().to_string();

    let checked = book.ok(&["check"]);
    assert!(checked.contains(": ok (book version"), "{checked}");
    assert!(checked.contains("1 customers"), "{checked}");

    book.ok(&["add", "Northwind"]);
    // Not on a terminal and no --yes: refused, nothing changed.
    let (code, _, err) = book.run(&["restore", &copy]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("--yes"), "{err}");
    assert!(book.ok(&["find", "Northwind"]).contains("Northwind"));

    let out = book.ok(&["restore", &copy, "--yes"]);
    assert!(out.contains("previous book is saved"), "{out}");
    let (code, _, _) = book.run(&["find", "Northwind"]);
    assert_eq!(code, 2, "Northwind came after the backup");
    assert!(book.ok(&["find", "星河"]).contains("星河科技"));

    // A file that is not a book: check says so and exits 1; restore refuses it.
    let junk = book.dir.path().join("junk.sqlite3");
    std::fs::write(&junk, "hello").unwrap();
    let junk = junk.display().to_string();
    let (code, _, err) = book.run(&["--db", &junk, "check"]);
    assert_eq!(code, 1);
    assert!(!err.is_empty());
    let (code, _, err) = book.run(&["restore", &junk, "--yes"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        book.ok(&["find", "星河"]).contains("星河科技"),
        "book untouched"
    );
}

#[test]
fn deals_rank_tiers_and_greetings_are_listed_and_recorded() {
    let book = Book::new();
    book.ok(&["add", "星河科技", "--city", "北京"]);
    book.ok(&["add", "Northwind", "--city", "Hong Kong"]);
    let out = book.ok(&[
        "deal",
        "add",
        "星河",
        "注塑机配件 200套",
        "--amount",
        "1.2万",
    ]);
    assert!(
        out.contains("won deal #1 with 星河科技: ¥12,000.00"),
        "{out}"
    );
    book.ok(&[
        "deal",
        "add",
        "northwind",
        "Annual film supply",
        "--amount",
        "$30k",
        "--stage",
        "negotiation",
        "--close",
        "+30d",
    ]);
    let (code, _, err) = book.run(&["deal", "add", "星河", "x", "--amount", "lots"]);
    assert_eq!(code, 1, "{err}");
    let (code, _, err) = book.run(&[
        "deal", "add", "星河", "x", "--amount", "5", "--stage", "maybe",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("negotiation"), "{err}");

    let list: serde_json::Value =
        serde_json::from_str(&book.ok(&["deal", "list", "--json"])).unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["draft"]["stage"], "negotiation", "open deals first");
    assert_eq!(list[0]["draft"]["currency"], "USD", "the $ sign says USD");
    assert_eq!(list[1]["draft"]["amount"], 1_200_000);

    // The only revenue is 星河's: it is A, Northwind (a USD opportunity only) is C.
    let find = book.ok(&["show", "星河", "--json"]);
    assert!(find.contains("星河科技"));

    let greet: serde_json::Value =
        serde_json::from_str(&book.ok(&["greetings", "--holiday", "spring_festival", "--json"]))
            .unwrap();
    assert_eq!(greet["holiday"]["key"], "spring_festival");
    assert_eq!(
        greet["to_greet"].as_array().unwrap().len(),
        2,
        "everyone at Spring Festival"
    );
    let mid: serde_json::Value =
        serde_json::from_str(&book.ok(&["greetings", "--holiday", "mid_autumn", "--json"]))
            .unwrap();
    assert_eq!(
        mid["to_greet"].as_array().unwrap().len(),
        1,
        "only A and B otherwise"
    );
    book.ok(&["greeted", "星河", "--holiday", "spring_festival"]);
    let greet: serde_json::Value =
        serde_json::from_str(&book.ok(&["greetings", "--holiday", "spring_festival", "--json"]))
            .unwrap();
    assert_eq!(
        greet["to_greet"].as_array().unwrap().len(),
        1,
        "greeted once is enough"
    );
    let (code, _, err) = book.run(&["greetings", "--holiday", "festivus"]);
    assert_eq!(code, 1);
    assert!(err.contains("spring_festival"), "{err}");
}

#[test]
fn find_notes_searches_what_was_said() {
    let book = Book::new();
    book.ok(&["add", "星河科技"]);
    book.ok(&["log", "星河", "电话沟通Q1订单，客户要求下周报价"]);
    let out = book.ok(&["find", "--notes", "报价"]);
    assert!(
        out.contains("星河科技") && out.contains("客户要求下周报价"),
        "{out}"
    );
    let (code, _, _) = book.run(&["find", "--notes", "nothing like this"]);
    assert_eq!(code, 2);
    let hits: serde_json::Value =
        serde_json::from_str(&book.ok(&["find", "--notes", "q1", "--json"])).unwrap();
    assert_eq!(hits[0]["channel"], "call");
}

/// An import killed half way (SIGKILL: no chance to clean up) leaves the book as it was.
#[cfg(unix)]
#[test]
fn a_killed_import_leaves_the_book_as_it_was() {
    let book = Book::new();
    book.ok(&["add", "Before the import"]);
    let file = book.dir.path().join("big.csv");
    let mut text = String::from("Company,Name,Email,City\n");
    for i in 0..60_000 {
        text.push_str(&format!(
            "Firm {i},Person {i},p{i}@firm{i}.example,City {}\n",
            i % 50
        ));
    }
    std::fs::write(&file, text).unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("fieldbook"))
        .env("FIELDBOOK_DB", book.dir.path().join("book.sqlite3"))
        .env("FIELDBOOK_CONFIG", book.dir.path().join("config.toml"))
        .args(["import", file.to_str().unwrap()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Killed while it writes: the write-ahead log grows as the transaction spills pages. The
    // book is written only once the import is prepared and checked in a copy, which takes a
    // while for 60,000 rows on a debug build.
    let wal = book.dir.path().join("book.sqlite3-wal");
    let start = std::time::Instant::now();
    let writing = loop {
        let size = std::fs::metadata(&wal).map_or(0, |m| m.len());
        if size > 256 * 1024 {
            break true;
        }
        if child.try_wait().unwrap().is_some() || start.elapsed().as_secs() > 600 {
            break false;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        writing,
        "the import must be caught writing, not before or after"
    );
    let found: serde_json::Value = serde_json::from_str(&book.ok(&["find", "", "--json"])).unwrap();
    assert_eq!(
        found.as_array().unwrap().len(),
        1,
        "nothing of the import was kept"
    );
    assert!(book.ok(&["check"]).contains(": ok"));
}

/// `fieldbook today | head -1`: the reader goes away early and fieldbook stops quietly.
#[cfg(unix)]
#[test]
fn a_closed_pipe_is_not_a_crash() {
    let book = Book::new();
    let db = book.dir.path().join("demo.sqlite3");
    let db_s = db.display().to_string();
    book.ok(&["demo", &db_s, "--customers", "1000"]);
    // Every deal of the book is far more than a pipe holds: head leaves while they print.
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "FIELDBOOK_CONFIG=/dev/null '{}' --db '{db_s}' deal list | head -c 100",
            assert_cmd::cargo::cargo_bin("fieldbook").display(),
        ))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(out.stdout.len(), 100);
}

#[test]
fn holidays_are_named_in_chinese_or_english_wherever_one_is_asked_for() {
    let book = Book::new();
    let path = book.path().display().to_string();
    book.ok(&["demo", &path, "--customers", "30"]);
    for (name, shown) in [
        ("春节", "春节 Spring Festival"),
        ("中秋", "中秋节 Mid-Autumn Festival"),
        ("端午节", "端午节 Dragon Boat Festival"),
        ("spring_festival", "春节 Spring Festival"),
    ] {
        let out = book.ok(&["greetings", "--holiday", name]);
        assert!(out.starts_with(shown), "{name}: {out}");
    }
    let (code, _, err) = book.run(&["greetings", "--holiday", "复活节"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("unknown holiday"), "{err}");
}

#[test]
fn show_lists_how_to_reach_each_person() {
    use fieldbook::book::model::ContactDraft;
    let book = Book::new();
    book.ok(&["add", "北京星河科技有限公司", "--city", "北京"]);
    {
        let mut repo = fieldbook::repository::Repository::open(&book.path()).unwrap();
        let id = repo.customer_rows().unwrap()[0].id;
        let person = |name: &str, phone: &str, wechat: &str, email: &str| ContactDraft {
            name: name.into(),
            title: "采购经理".into(),
            phone: phone.into(),
            email: email.into(),
            wechat: wechat.into(),
            birthday: None,
            notes: String::new(),
        };
        repo.add_contact(
            id,
            &person("张伟", "138 0013 8000", "zhangwei_bj", "zw@xh.example"),
        )
        .unwrap();
        repo.add_contact(id, &person("李娜", "", "", "")).unwrap();
    }
    let show = book.ok(&["show", "星河"]);
    let line = |name: &str| {
        show.lines()
            .find(|l| l.starts_with("person") && l.contains(name))
            .unwrap_or_else(|| panic!("no line for {name}:\n{show}"))
            .to_string()
    };
    let zhang = line("张伟");
    for part in ["138 0013 8000", "wechat zhangwei_bj", "zw@xh.example"] {
        assert!(zhang.contains(part), "{zhang}");
    }
    assert!(!line("李娜").contains("wechat"), "{show}");
}
