//! End-to-end in Chinese: the real binary in tmux with `LANG=zh_CN.UTF-8` and no
//! `FIELDBOOK_LANG`, as a salesperson whose terminal speaks Chinese starts it. The same walk
//! as the English test (add a customer, log a call with a next step, quit, open again), every
//! step found by its Chinese words; at the end the TUI is ended by its process id.

#![cfg(unix)]

use std::process::Command;

use crate::e2e_tmux::{CUSTOMER, Exit, Tmux, has_in_order, sandbox_env};

#[test]
fn a_chinese_locale_gets_a_chinese_interface_and_the_book_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.sqlite3");
    let book_s = book.display().to_string();
    let mut vars = sandbox_env(dir.path());
    // After the LANG=C.UTF-8 every pane starts with: the locale of a Chinese terminal.
    vars.push("LANG=zh_CN.UTF-8".to_string());
    let args = ["--db", book_s.as_str()];
    let Some(tmux) = Tmux::start(dir.path(), &vars, &args) else {
        return;
    };

    tmux.wait_for(&["欢迎使用 fieldbook"]);
    tmux.keys(&["a"]);
    tmux.wait_for_line(&["新增客户", "Ctrl-S 保存", "Esc 取消"]);
    tmux.wait_for_line(&["›名称"]);
    tmux.type_text(CUSTOMER);
    tmux.wait_for_line(&["›名称", CUSTOMER]);
    tmux.tab_to("城市");
    tmux.type_text("北京");
    tmux.wait_for_line(&["›城市", "北京"]);
    tmux.keys(&["C-s"]);
    tmux.wait_for_line(&["已添加", CUSTOMER]);
    tmux.wait_until("the new customer under the Chinese list title", |s| {
        s.contains("1 客户 (1)")
            && s.lines().any(|l| has_in_order(l, &[CUSTOMER, "北京"]))
            && !s.contains("欢迎使用 fieldbook")
    });

    tmux.keys(&["l"]);
    tmux.wait_for_line(&["记录与", CUSTOMER, "的联系"]);
    tmux.wait_for_line(&["›摘要"]);
    tmux.type_text("电话沟通Q1订单");
    tmux.wait_for_line(&["›摘要", "电话沟通Q1订单"]);
    tmux.tab_to("渠道");
    tmux.wait_for_line(&["›渠道", "电话"]);
    tmux.tab_to("跟进日期");
    tmux.type_text("明天");
    tmux.tab_to("跟进事项");
    tmux.type_text("发报价单");
    tmux.wait_for_line(&["›跟进事项", "发报价单"]);
    tmux.keys(&["C-s"]);
    tmux.wait_for_line(&["已记录电话", "明天跟进"]);
    tmux.wait_until("the form closed and the follow-up listed", |s| {
        !s.contains("的联系 · Ctrl-S")
            && s.contains("未来7天 (1)")
            && s.lines()
                .any(|l| has_in_order(l, &["明天", CUSTOMER, "发报价单"]))
    });

    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_exit(), Exit::Status(0), "{}", tmux.screen());

    // Opened again: the customer, the call and its follow-up are in the book, said in Chinese.
    tmux.respawn(&vars, &args);
    tmux.wait_for_line(&["1 客户 (1)"]);
    tmux.wait_for_line(&[CUSTOMER, "北京"]);
    tmux.keys(&["Enter"]);
    tmux.wait_until(
        "the history focused, with the call and the follow-up",
        |s| {
            s.contains("3 联系记录 (1/1)")
                && s.contains("电话沟通Q1订单")
                && s.contains("发报价单")
                && s.contains("l 记录")
        },
    );

    // Ended by its process id, as a closing session would: it restores the terminal itself.
    let pid = tmux.program_pid();
    let killed = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(killed.success(), "kill -TERM {pid}");
    assert_eq!(tmux.wait_exit(), Exit::Status(143));
    assert!(
        !tmux.alternate_on(),
        "terminal left in the alternate screen"
    );
}
