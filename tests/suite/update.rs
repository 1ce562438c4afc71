//! Driving the app by Actions against a real (in-memory) book, asserting state and rows.

use crate::common;

use common::driving::form;
use common::{Sample, run, sample_book, state_for, today, typed};
use fieldbook::book::ids::CustomerId;
use fieldbook::book::model::Channel;
use fieldbook::repository::Repository;
use fieldbook::tui::action::{Action, Pane};
use fieldbook::tui::form::{
    ComplaintField, CustomerField, DealField, FormPurpose, ImportField, LogField, SnoozeField,
};
use fieldbook::tui::state::{FollowUpScope, Overlay, Screen, State};
use fieldbook::tui::text_input::TextEdit;
use fieldbook::tui::update::reading;

fn setup() -> (Repository, State, Sample) {
    let (repo, sample) = sample_book();
    let state = state_for(&repo);
    (repo, state, sample)
}

fn names(state: &State) -> Vec<&str> {
    state
        .visible
        .iter()
        .map(|&i| state.rows[i].name.as_str())
        .collect()
}

/// The book's panes have the keys: no other screen, no filter line, nothing open over them.
fn browsing(state: &State) -> bool {
    state.screen.is_book() && state.overlay.is_none()
}

fn archived_rows(state: &State) -> &[fieldbook::book::model::CustomerRow] {
    match &state.screen {
        Screen::Archived(list) => &list.rows,
        _ => panic!("expected the archived list"),
    }
}

#[test]
fn the_list_opens_in_attention_order_with_the_first_customer_loaded() {
    let (_repo, state, s) = setup();
    let ids: Vec<CustomerId> = state.visible.iter().map(|&i| state.rows[i].id).collect();
    assert_eq!(
        ids,
        [s.xinghe, s.northwind, s.zhangwei, s.hostile, s.quiet],
        "overdue, today, soon, later, nothing"
    );
    let detail = state.detail.as_ref().unwrap();
    assert_eq!(detail.customer.id, s.xinghe);
    assert_eq!(detail.history.len(), 3);
    assert_eq!(detail.contacts[0].draft.name, "张伟");
}

#[test]
fn moving_loads_the_selected_customer_and_sort_cycles() {
    let (mut repo, mut state, s) = setup();
    run(&mut state, &mut repo, [Action::MoveDown]);
    assert_eq!(state.detail.as_ref().unwrap().customer.id, s.northwind);
    run(&mut state, &mut repo, [Action::MoveLast]);
    assert_eq!(state.selected_id(), Some(s.quiet));
    run(&mut state, &mut repo, [Action::MoveFirst, Action::MoveUp]);
    assert_eq!(state.selected_id(), Some(s.xinghe), "clamped at the top");
    run(&mut state, &mut repo, [Action::CycleSort]);
    let ids: Vec<CustomerId> = state.visible.iter().map(|&i| state.rows[i].id).collect();
    // By letters and digits, case folded: the escape-laden name sorts by its "2J31m..." residue.
    assert_eq!(
        ids,
        [s.hostile, s.quiet, s.northwind, s.xinghe, s.zhangwei],
        "by name"
    );
    assert_eq!(
        state.selected_id(),
        Some(s.xinghe),
        "selection stays on the same customer"
    );
    run(&mut state, &mut repo, [Action::CycleSort]);
    assert_eq!(
        names(&state)[0],
        "Bluefin Analytics",
        "never contacted first by last contact"
    );
    run(&mut state, &mut repo, [Action::CycleSort]);
    assert_eq!(state.visible.len(), 5);
}

#[test]
fn the_filter_narrows_live_and_esc_clears_it() {
    let (mut repo, mut state, s) = setup();
    run(&mut state, &mut repo, [Action::StartFilter]);
    assert!(state.screen.is_filtering() && state.overlay.is_none());
    run(&mut state, &mut repo, typed("星河"));
    assert_eq!(names(&state), ["北京星河科技有限公司"]);
    run(
        &mut state,
        &mut repo,
        [Action::Edit(TextEdit::ClearToStart)],
    );
    run(&mut state, &mut repo, typed("michael"));
    assert_eq!(
        state.selected_id(),
        Some(s.northwind),
        "a person at the customer"
    );
    assert_eq!(state.detail.as_ref().unwrap().customer.id, s.northwind);
    run(&mut state, &mut repo, [Action::KeepFilter]);
    assert!(browsing(&state));
    assert_eq!(state.filter.text(), "michael", "Enter keeps the filter");
    run(&mut state, &mut repo, [Action::Back]);
    assert_eq!(state.filter.text(), "");
    assert_eq!(state.visible.len(), 5);
    assert_eq!(
        state.selected_id(),
        Some(s.northwind),
        "still on the customer found"
    );
}

#[test]
fn adding_a_customer_selects_it() {
    let (mut repo, mut state, _) = setup();
    run(&mut state, &mut repo, [Action::AddCustomer]);
    run(&mut state, &mut repo, typed("杭州西湖云计算有限公司"));
    run(
        &mut state,
        &mut repo,
        [Action::NextField, Action::NextField],
    );
    run(&mut state, &mut repo, typed("杭州"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    assert!(browsing(&state));
    let row = state.selected_row().unwrap();
    assert_eq!(
        (row.name.as_str(), row.city.as_str()),
        ("杭州西湖云计算有限公司", "杭州")
    );
    assert_eq!(repo.customer_count().unwrap(), 6);
    assert!(state.status.as_ref().unwrap().text.contains("added"));
}

#[test]
fn an_empty_name_keeps_the_form_and_everything_typed() {
    let (mut repo, mut state, _) = setup();
    run(
        &mut state,
        &mut repo,
        [Action::AddCustomer, Action::NextField, Action::NextField],
    );
    run(&mut state, &mut repo, typed("上海"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    let f = form(&state);
    assert_eq!(f.fields[0].error.as_deref(), Some("a name is needed"));
    assert_eq!(f.value(CustomerField::City), "上海", "typed text kept");
    assert_eq!(repo.customer_count().unwrap(), 5, "nothing written");
    assert!(state.status.as_ref().unwrap().is_error);
}

#[test]
fn logging_a_call_with_a_follow_up_writes_both() {
    let (mut repo, mut state, s) = setup();
    run(
        &mut state,
        &mut repo,
        [Action::MoveDown, Action::LogInteraction],
    );
    assert_eq!(
        form(&state).purpose,
        FormPurpose::LogInteraction(s.northwind)
    );
    assert_eq!(
        form(&state).focused().label,
        "Summary",
        "the log form opens on Summary"
    );
    run(&mut state, &mut repo, typed("Talked about the Q1 order"));
    run(&mut state, &mut repo, [Action::SubmitField]); // a new line in the summary
    run(&mut state, &mut repo, typed("wants a quote"));
    run(&mut state, &mut repo, [Action::NextField]);
    run(&mut state, &mut repo, typed("v"));
    run(
        &mut state,
        &mut repo,
        [Action::NextField, Action::NextField],
    );
    run(&mut state, &mut repo, typed("michael"));
    run(
        &mut state,
        &mut repo,
        [Action::NextField, Action::NextField],
    );
    run(&mut state, &mut repo, typed("tomorrow"));
    run(&mut state, &mut repo, [Action::NextField]);
    run(&mut state, &mut repo, typed("Send the quote"));
    run(&mut state, &mut repo, [Action::SubmitField]); // Enter moves on to Repeat
    run(&mut state, &mut repo, [Action::SubmitField]); // and on to Satisfaction
    run(&mut state, &mut repo, [Action::SubmitField]); // Enter on the last field saves
    assert!(browsing(&state), "{:?}", state.status);

    let history = repo.history(s.northwind, 10, 0).unwrap();
    assert_eq!(
        history[0].draft.summary,
        "Talked about the Q1 order\nwants a quote"
    );
    assert_eq!(history[0].draft.channel, Channel::Visit);
    assert_eq!(history[0].contact_name.as_deref(), Some("Michael Chen"));
    assert_eq!(history[0].draft.at, common::now());
    let f = state
        .follow_ups
        .held()
        .find(|f| f.draft.task == "Send the quote")
        .expect("in the follow-ups pane");
    assert_eq!(f.draft.due_on, today().succ_opt().unwrap());
    assert_eq!(f.interaction_id, Some(history[0].id));
    assert_eq!(
        state.detail.as_ref().unwrap().history[0].id,
        history[0].id,
        "history pane reloaded"
    );
    let row = state.selected_row().unwrap();
    assert_eq!(
        row.last_contact_at,
        Some(common::now()),
        "last contact is right after the write"
    );
}

#[test]
fn a_bad_date_gets_a_message_beside_the_field_and_nothing_is_written() {
    let (mut repo, mut state, s) = setup();
    run(&mut state, &mut repo, [Action::LogInteraction]);
    run(&mut state, &mut repo, typed("电话沟通"));
    run(
        &mut state,
        &mut repo,
        [
            Action::NextField,
            Action::NextField,
            Action::NextField,
            Action::NextField,
            Action::NextField,
        ],
    );
    run(&mut state, &mut repo, typed("flurb"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    let f = form(&state);
    let field = &f.fields[f.focus];
    assert_eq!(
        field.label, "Follow-up date",
        "the cursor goes to the field to fix"
    );
    assert!(
        field.error.as_deref().unwrap().contains("can't read"),
        "{:?}",
        field.error
    );
    assert_eq!(f.value(LogField::Summary), "电话沟通");
    assert_eq!(field.value(), "flurb");
    assert_eq!(repo.interaction_count(s.xinghe).unwrap(), 3);
    // Fixing the date saves.
    run(
        &mut state,
        &mut repo,
        [Action::Edit(TextEdit::ClearToStart)],
    );
    run(&mut state, &mut repo, typed("下周一"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    assert!(browsing(&state));
    assert_eq!(repo.interaction_count(s.xinghe).unwrap(), 4);
    // The log closed the customer's overdue 发报价单 (the service's default): what is left is
    // the one just planned.
    let next = repo.customer(s.xinghe).unwrap().unwrap().next_follow_up_on;
    assert_eq!(next, Some("2026-11-30".parse().unwrap()));
    let open = repo.open_follow_ups(Some(s.xinghe)).unwrap();
    assert!(open.iter().all(|f| f.draft.task != "发报价单"), "{open:?}");
    let said = state.status.as_ref().map(|s| s.text.as_str()).unwrap_or("");
    assert!(said.contains("closed 发报价单"), "{said}");
}

#[test]
fn follow_ups_complete_snooze_and_select_their_customer() {
    let (mut repo, mut state, s) = setup();
    run(&mut state, &mut repo, [Action::FocusPane(Pane::FollowUps)]);
    assert_eq!(state.follow_ups.len(), 4);
    assert_eq!(
        state.selected_follow_up().unwrap().draft.task,
        "发报价单",
        "overdue first"
    );
    run(&mut state, &mut repo, [Action::MoveDown, Action::Open]);
    assert_eq!(
        state.selected_id(),
        Some(s.northwind),
        "Enter selects the follow-up's customer"
    );

    run(
        &mut state,
        &mut repo,
        [Action::MoveFirst, Action::CompleteFollowUp],
    );
    assert_eq!(state.follow_ups.len(), 3);
    assert!(repo.open_follow_ups(Some(s.xinghe)).unwrap().is_empty());

    run(&mut state, &mut repo, [Action::SnoozeFollowUp]);
    assert_eq!(
        form(&state).value(SnoozeField::Until),
        "tomorrow",
        "snooze defaults to tomorrow"
    );
    run(&mut state, &mut repo, [Action::SaveForm]);
    let snoozed = repo.open_follow_ups(Some(s.northwind)).unwrap();
    assert_eq!(snoozed[0].draft.due_on, today().succ_opt().unwrap());

    run(
        &mut state,
        &mut repo,
        [Action::SnoozeFollowUp, Action::Edit(TextEdit::ClearToStart)],
    );
    run(&mut state, &mut repo, typed("someday"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    assert!(
        form(&state).fields[0].error.is_some(),
        "a bad snooze date is refused in place"
    );
}

#[test]
fn the_follow_up_pane_can_show_only_the_selected_customer() {
    let (mut repo, mut state, s) = setup();
    run(
        &mut state,
        &mut repo,
        [
            Action::FocusPane(Pane::FollowUps),
            Action::ToggleFollowUpScope,
        ],
    );
    assert_eq!(state.follow_up_scope, FollowUpScope::SelectedCustomer);
    assert!(
        state
            .follow_ups
            .held()
            .all(|f| f.draft.customer_id == s.xinghe)
    );
    run(
        &mut state,
        &mut repo,
        [Action::FocusPane(Pane::Customers), Action::MoveDown],
    );
    assert!(
        state
            .follow_ups
            .held()
            .all(|f| f.draft.customer_id == s.northwind),
        "follows the selection"
    );
    run(
        &mut state,
        &mut repo,
        [
            Action::FocusPane(Pane::FollowUps),
            Action::ToggleFollowUpScope,
        ],
    );
    assert_eq!(state.follow_ups.len(), 4);
}

#[test]
fn archiving_asks_first() {
    let (mut repo, mut state, s) = setup();
    run(&mut state, &mut repo, [Action::ArchiveCustomer]);
    assert!(matches!(state.overlay, Some(Overlay::Confirm(_))));
    run(&mut state, &mut repo, [Action::Answer(false)]);
    assert_eq!(state.visible.len(), 5, "no keeps the customer");
    run(
        &mut state,
        &mut repo,
        [Action::ArchiveCustomer, Action::Answer(true)],
    );
    assert_eq!(state.visible.len(), 4);
    assert!(repo.customer(s.xinghe).unwrap().unwrap().archived);
    assert!(
        state
            .follow_ups
            .held()
            .all(|f| f.draft.customer_id != s.xinghe)
    );
}

#[test]
fn esc_and_quit_ask_before_discarding_typed_text() {
    let (mut repo, mut state, _) = setup();
    run(&mut state, &mut repo, [Action::Back]);
    assert!(browsing(&state));
    run(&mut state, &mut repo, [Action::AddCustomer, Action::Back]);
    assert!(browsing(&state), "an untouched form just closes");
    run(&mut state, &mut repo, [Action::AddCustomer]);
    run(&mut state, &mut repo, typed("Half typed"));
    run(&mut state, &mut repo, [Action::Back]);
    assert!(form(&state).confirm_discard);
    run(&mut state, &mut repo, [Action::Answer(false)]);
    assert_eq!(
        form(&state).value(CustomerField::Name),
        "Half typed",
        "n keeps editing"
    );
    run(&mut state, &mut repo, [Action::Quit]);
    assert!(!state.quit, "quit asks too");
    assert!(form(&state).confirm_discard);
    run(&mut state, &mut repo, [Action::Answer(true)]);
    assert!(browsing(&state));
    run(&mut state, &mut repo, [Action::Quit]);
    assert!(state.quit);
}

#[test]
fn a_failed_write_keeps_the_form_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    let mut repo = Repository::open(&path).unwrap();
    repo.set_clock(common::now);
    let id = repo
        .add_customer(&fieldbook::book::model::CustomerDraft {
            name: "Acme".into(),
            ..Default::default()
        })
        .unwrap();
    let mut state = state_for(&repo);
    run(&mut state, &mut repo, [Action::LogInteraction]);
    run(&mut state, &mut repo, typed("important call"));
    // Someone else removes the customer underneath: the insert now breaks a foreign key.
    let other = rusqlite::Connection::open(&path).unwrap();
    fieldbook::repository::notes::register(&other).unwrap();
    other
        .execute("DELETE FROM customer WHERE id = ?1", [id])
        .unwrap();
    run(&mut state, &mut repo, [Action::SaveForm]);
    let f = form(&state);
    assert_eq!(f.value(LogField::Summary), "important call");
    assert!(f.error.is_some(), "the form says the write failed");
    assert!(state.status.as_ref().unwrap().is_error);
}

#[test]
fn focus_moves_between_panes() {
    let (mut repo, mut state, _) = setup();
    run(&mut state, &mut repo, [Action::NextPane]);
    assert_eq!(state.focus, Pane::Profile);
    run(
        &mut state,
        &mut repo,
        [Action::PreviousPane, Action::PreviousPane],
    );
    assert_eq!(state.focus, Pane::FollowUps);
    run(
        &mut state,
        &mut repo,
        [Action::FocusPane(Pane::Customers), Action::Open],
    );
    assert_eq!(
        state.focus,
        Pane::History,
        "Enter on a customer opens its history"
    );
    run(
        &mut state,
        &mut repo,
        [Action::MoveDown, Action::MoveDown, Action::MoveLast],
    );
    assert_eq!(state.history_scroll, 2, "history scrolls by entry, clamped");
}

#[test]
fn undo_reverses_the_last_change_and_says_what() {
    let (mut repo, mut state, s) = setup();
    let before = repo.interaction_count(s.xinghe).unwrap();
    run(&mut state, &mut repo, [Action::LogInteraction]);
    run(&mut state, &mut repo, typed("电话：客户确认订单"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    assert_eq!(repo.interaction_count(s.xinghe).unwrap(), before + 1);
    run(&mut state, &mut repo, [Action::Undo]);
    assert_eq!(repo.interaction_count(s.xinghe).unwrap(), before);
    let status = state.status.clone().unwrap();
    assert_eq!(
        status.text,
        "undone: 'log call with 北京星河科技有限公司' (done 10:15) · U redoes it"
    );
    assert_eq!(
        state.detail.as_ref().unwrap().history_total,
        before as usize,
        "the screen shows the book as it is now"
    );
}

#[test]
fn archived_customers_are_listed_and_restored() {
    let (mut repo, mut state, s) = setup();
    run(
        &mut state,
        &mut repo,
        [Action::ArchiveCustomer, Action::Answer(true)],
    );
    assert!(!state.visible.iter().any(|&i| state.rows[i].id == s.xinghe));
    run(&mut state, &mut repo, [Action::ShowArchived]);
    assert!(matches!(state.screen, Screen::Archived(_)) && state.overlay.is_none());
    let archived: Vec<CustomerId> = archived_rows(&state).iter().map(|r| r.id).collect();
    assert_eq!(archived, [s.xinghe]);
    run(&mut state, &mut repo, [Action::Unarchive]);
    assert!(archived_rows(&state).is_empty());
    assert!(state.visible.iter().any(|&i| state.rows[i].id == s.xinghe));
    assert_eq!(
        state.status.as_ref().unwrap().text,
        "restored 北京星河科技有限公司"
    );
    run(&mut state, &mut repo, [Action::Undo]);
    assert_eq!(archived_rows(&state).len(), 1, "undo archives it again");
    run(&mut state, &mut repo, [Action::Back]);
    assert!(browsing(&state));
}

/// Tabs to the field `label` of the open form.
fn focus(state: &mut State, repo: &mut Repository, label: &str) {
    for _ in 0..20 {
        if form(state).focused().label == label {
            return;
        }
        run(state, repo, [Action::NextField]);
    }
    panic!("no field {label}");
}

#[test]
fn a_won_deal_is_added_then_edited_and_the_profile_shows_revenue() {
    let (mut repo, mut state, s) = setup();
    run(&mut state, &mut repo, [Action::EditDeals]);
    focus(&mut state, &mut repo, "Title");
    run(&mut state, &mut repo, typed("注塑机配件 200套"));
    focus(&mut state, &mut repo, "Amount");
    run(&mut state, &mut repo, typed("1.2万"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    assert!(browsing(&state), "{:?}", state.status);
    let deals = repo.deals_of(s.xinghe).unwrap();
    assert_eq!(deals.len(), 1);
    assert_eq!(deals[0].draft.amount, 1_200_000, "1.2万 yuan in fen");
    assert_eq!(deals[0].draft.closed_on, Some(today()));
    let account = &state.detail.as_ref().unwrap().account;
    assert_eq!(account.revenue_12m, 1_200_000);
    assert_eq!(account.deals.len(), 1);
    // The only customer with revenue is the whole of it: A.
    assert_eq!(
        state.rows.iter().find(|r| r.id == s.xinghe).unwrap().tier,
        Some(fieldbook::book::model::Tier::A)
    );

    // Picking the deal in the first field fills the form; saving edits it in place.
    run(&mut state, &mut repo, [Action::EditDeals]);
    run(&mut state, &mut repo, [Action::Edit(TextEdit::Right)]);
    assert_eq!(form(&state).value(DealField::Title), "注塑机配件 200套");
    assert_eq!(form(&state).value(DealField::Amount), "12,000.00");
    focus(&mut state, &mut repo, "Amount");
    run(
        &mut state,
        &mut repo,
        [Action::Edit(TextEdit::ClearToStart)],
    );
    run(&mut state, &mut repo, typed("15000"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    let deals = repo.deals_of(s.xinghe).unwrap();
    assert_eq!((deals.len(), deals[0].draft.amount), (1, 1_500_000));
}

#[test]
fn a_bad_amount_keeps_the_form_and_a_complaint_is_resolved_with_a_score() {
    let (mut repo, mut state, s) = setup();
    run(&mut state, &mut repo, [Action::EditDeals]);
    focus(&mut state, &mut repo, "Title");
    run(&mut state, &mut repo, typed("Spare parts"));
    focus(&mut state, &mut repo, "Amount");
    run(&mut state, &mut repo, typed("twelve"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    let f = form(&state);
    assert_eq!(f.value(DealField::Amount), "twelve", "what was typed stays");
    assert!(
        f.fields
            .iter()
            .any(|x| x.label == "Amount" && x.error.is_some())
    );
    run(&mut state, &mut repo, [Action::Back, Action::Answer(true)]);
    assert!(repo.deals_of(s.xinghe).unwrap().is_empty());

    run(&mut state, &mut repo, [Action::EditComplaints]);
    focus(&mut state, &mut repo, "What");
    run(&mut state, &mut repo, typed("交货晚了一周"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    assert_eq!(repo.open_complaint_counts().unwrap()[&s.xinghe], 1);
    let account = &state.detail.as_ref().unwrap().account;
    // No order yet: still a prospect, with the complaint in the reason; the stage set by
    // hand (repeat) wins, and says so.
    assert_eq!(
        account.verdict.stage,
        fieldbook::book::model::Stage::Prospect
    );
    assert_eq!(
        account.stage(),
        (fieldbook::book::model::Stage::Repeat, true)
    );
    assert!(
        account.verdict.reason.contains("complaint"),
        "{}",
        account.verdict.reason
    );

    run(&mut state, &mut repo, [Action::EditComplaints]);
    run(&mut state, &mut repo, [Action::Edit(TextEdit::Right)]);
    assert_eq!(form(&state).value(ComplaintField::What), "交货晚了一周");
    focus(&mut state, &mut repo, "Status");
    run(&mut state, &mut repo, typed("r"));
    focus(&mut state, &mut repo, "Satisfaction");
    run(&mut state, &mut repo, typed("4"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    assert!(repo.open_complaint_counts().unwrap().is_empty());
    let c = &repo.complaints(Some(s.xinghe)).unwrap()[0].draft;
    assert_eq!((c.resolved_on, c.satisfaction), (Some(today()), Some(4)));
}

#[test]
fn the_dashboard_opens_scrolls_and_closes_through_help() {
    let (mut repo, mut state, _) = setup();
    run(&mut state, &mut repo, [Action::ShowDashboard]);
    assert!(matches!(state.screen, Screen::Dashboard { .. }) && state.overlay.is_none());
    run(
        &mut state,
        &mut repo,
        [Action::MoveDown, Action::MoveDown, Action::MoveUp],
    );
    assert!(matches!(state.screen, Screen::Dashboard { scroll: 1, .. }));
    run(&mut state, &mut repo, [Action::ShowHelp, Action::Back]);
    assert!(
        matches!(state.screen, Screen::Dashboard { .. }) && state.overlay.is_none(),
        "help returns to the dashboard"
    );
    run(&mut state, &mut repo, [Action::Back]);
    assert!(browsing(&state));
    assert!(!matches!(state.screen, Screen::Dashboard { .. }));
}

#[test]
fn a_log_can_carry_a_satisfaction_score() {
    let (mut repo, mut state, s) = setup();
    run(&mut state, &mut repo, [Action::LogInteraction]);
    run(&mut state, &mut repo, typed("回访：客户对新型号很满意"));
    focus(&mut state, &mut repo, "Satisfaction");
    run(&mut state, &mut repo, typed("5"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    assert!(browsing(&state));
    assert_eq!(repo.satisfaction_scores(s.xinghe).unwrap(), [(today(), 5)]);
    assert_eq!(state.detail.as_ref().unwrap().account.satisfaction.len(), 1);
}

#[test]
fn import_previews_then_writes_on_yes_and_undo_takes_it_back() {
    let (mut repo, mut state, _) = setup();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("客户.csv");
    std::fs::write(
        &file,
        "客户名称,联系人,手机,城市\n杭州精诚化工有限公司,李娜,13912345678,杭州\n,,,\n宁波海天贸易,王强,13700001111,宁波\n",
    )
    .unwrap();
    let before = repo.customer_rows().unwrap().len();

    run(&mut state, &mut repo, [Action::StartImport]);
    run(&mut state, &mut repo, typed("/no/such/file.csv"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    let f = form(&state);
    assert!(f.fields[0].error.is_some(), "the message sits beside File");
    assert_eq!(f.value(ImportField::File), "/no/such/file.csv");

    run(
        &mut state,
        &mut repo,
        [Action::Edit(TextEdit::ClearToStart)],
    );
    run(&mut state, &mut repo, typed(&file.display().to_string()));
    run(&mut state, &mut repo, [Action::SaveForm]);
    assert!(state.overlay.is_none());
    let Screen::ImportPreview(preview) = &state.screen else {
        panic!("expected the import preview");
    };
    assert_eq!(preview.report.customers.created, 2);
    assert_eq!(preview.report.people.created, 2);
    assert_eq!(
        repo.customer_rows().unwrap().len(),
        before,
        "a preview writes nothing"
    );

    // Back keeps the form as filled in.
    run(&mut state, &mut repo, [Action::Back]);
    assert_eq!(
        form(&state).value(ImportField::File),
        file.display().to_string()
    );
    run(
        &mut state,
        &mut repo,
        [Action::SaveForm, Action::ConfirmImport],
    );
    assert!(browsing(&state));
    assert_eq!(repo.customer_rows().unwrap().len(), before + 2);
    assert!(
        state.status.as_ref().unwrap().text.contains("2 new"),
        "{:?}",
        state.status
    );
    assert!(state.rows.iter().any(|r| r.name == "宁波海天贸易"));

    run(&mut state, &mut repo, [Action::Undo]);
    assert_eq!(
        repo.customer_rows().unwrap().len(),
        before,
        "one undo takes the import back"
    );
}

#[test]
fn a_query_typed_while_the_book_loads_is_applied_to_the_whole_book() {
    use fieldbook::config::Config;
    use fieldbook::tui::loader;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    let mut repo = Repository::open(&path).unwrap();
    fieldbook::demo::generate(
        &mut repo,
        fieldbook::demo::DemoSize::with_customers(300),
        common::now(),
    )
    .unwrap();
    let target = repo
        .customer_rows()
        .unwrap()
        .into_iter()
        .find(|r| r.next_follow_up_on.is_none_or(|d| d > today()))
        .expect("someone with nothing due, so not on the first screen");

    let mut state = reading::first_screen(&repo, common::now(), "demo", Config::default()).unwrap();
    assert!(state.loading);
    assert!(
        !state.rows.iter().any(|r| r.id == target.id),
        "not read yet"
    );
    // The person starts typing before the rest of the book is in.
    run(&mut state, &mut repo, [Action::StartFilter]);
    run(&mut state, &mut repo, typed(&target.name));
    let loaded = loader::load(
        &Repository::open_reader(&path).unwrap(),
        &Config::default(),
        today(),
    )
    .unwrap();
    reading::install(&mut state, loaded, &repo).unwrap();
    assert!(!state.loading);
    assert_eq!(state.filter.text(), target.name, "nothing typed was lost");
    assert!(state.screen.is_filtering() && state.overlay.is_none());
    assert!(
        state.visible.iter().any(|&i| state.rows[i].id == target.id),
        "the query now runs over the whole book"
    );
    assert_eq!(state.rows.len(), repo.customer_rows().unwrap().len());
}

#[test]
fn a_write_while_the_book_loads_is_not_lost_either() {
    use fieldbook::config::Config;
    use fieldbook::tui::loader;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.sqlite3");
    let mut repo = Repository::open(&path).unwrap();
    let mut state = reading::first_screen(&repo, common::now(), "new", Config::default()).unwrap();
    let loaded = loader::load(
        &Repository::open_reader(&path).unwrap(),
        &Config::default(),
        today(),
    )
    .unwrap();
    run(&mut state, &mut repo, [Action::AddCustomer]);
    run(&mut state, &mut repo, typed("Added while loading"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    reading::install(&mut state, loaded, &repo).unwrap();
    assert!(state.rows.iter().any(|r| r.name == "Added while loading"));
}

#[test]
fn reading_one_customer_after_a_save_matches_reading_the_whole_book() {
    let (mut repo, mut state, s) = setup();
    state.select_customer(s.zhangwei);
    reading::load_detail(&mut state, &repo).unwrap();
    run(&mut state, &mut repo, [Action::LogInteraction]);
    run(&mut state, &mut repo, typed("送样品"));
    focus(&mut state, &mut repo, "Follow-up date");
    // A date already past is refused now (the form cannot confirm one yet): due today.
    run(&mut state, &mut repo, typed("today"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    run(&mut state, &mut repo, [Action::EditDeals]);
    focus(&mut state, &mut repo, "Title");
    run(&mut state, &mut repo, typed("样品订单"));
    focus(&mut state, &mut repo, "Amount");
    run(&mut state, &mut repo, typed("5000"));
    run(&mut state, &mut repo, [Action::SaveForm]);
    let fresh = state_for(&repo);
    let order = |st: &State| {
        st.visible
            .iter()
            .map(|&i| {
                (
                    st.rows[i].id,
                    st.rows[i].tier,
                    st.rows[i].cold_by,
                    st.rows[i].next_follow_up_on,
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(order(&state), order(&fresh));
    let ids = |st: &State| {
        st.follow_ups
            .keys()
            .iter()
            .map(|f| f.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&state), ids(&fresh));
    assert_eq!(
        state.visible.get(2).map(|&i| state.rows[i].id),
        Some(s.zhangwei),
        "due today now: after the one overdue and Northwind, also due today"
    );
}

#[test]
fn the_notes_scope_finds_what_was_said_and_opens_it_in_the_history() {
    let (mut repo, mut state, s) = setup();
    run(
        &mut state,
        &mut repo,
        [Action::StartFilter, Action::ToggleSearchScope],
    );
    assert!(state.notes_scope);
    run(&mut state, &mut repo, typed("样品"));
    let found: Vec<&str> = state.note_hits.iter().map(|h| h.text.as_str()).collect();
    assert_eq!(
        found,
        [
            "微信确认样品已收到",
            "拜访工厂，参观新生产线。\n客户对新型号很感兴趣，要求样品。"
        ],
        "newest first"
    );
    run(&mut state, &mut repo, [Action::KeepFilter]);
    assert!(browsing(&state));
    assert!(!state.notes_scope);
    assert_eq!(state.selected_id(), Some(s.xinghe));
    assert_eq!(state.focus, Pane::History);
    assert_eq!(state.history_scroll, 1, "the second newest contact of 星河");

    // Tab goes back to names; Esc leaves the scope.
    run(
        &mut state,
        &mut repo,
        [Action::StartFilter, Action::ToggleSearchScope],
    );
    run(&mut state, &mut repo, typed("喝茶"));
    assert_eq!(state.note_hits[0].interaction_id, None, "customer notes");
    run(&mut state, &mut repo, [Action::ToggleSearchScope]);
    assert!(!state.notes_scope);
    run(&mut state, &mut repo, [Action::Back]);
    assert!(state.filter.text().is_empty());
}

#[test]
fn a_burst_of_typing_filters_once_for_the_newest_query() {
    let (mut repo, mut state, s) = setup();
    run(&mut state, &mut repo, [Action::StartFilter]);
    state.defer_refilter = true; // as the event loop does while more keys are waiting
    run(&mut state, &mut repo, typed("north"));
    assert_eq!(state.visible.len(), 5, "no pass for the queries typed past");
    assert!(state.refilter_pending);
    state.defer_refilter = false;
    fieldbook::tui::update::refilter_now(&mut state, &repo).unwrap();
    assert!(!state.refilter_pending);
    assert_eq!(names(&state), ["Northwind Pacific Trading Ltd."]);
    assert_eq!(state.selected_id(), Some(s.northwind));
}

#[test]
fn w_records_a_greeting_for_the_next_holiday_and_u_takes_it_back() {
    let (mut repo, mut state, s) = setup();
    run(&mut state, &mut repo, [Action::RecordGreeting]);
    assert_eq!(
        repo.greeted_in(2027).unwrap(),
        [(s.xinghe, "new_year".to_string())],
        "New Year's Day 2027 is the next holiday greeted after 2026-11-28"
    );
    assert!(state.status.as_ref().unwrap().text.contains("元旦"));
    run(&mut state, &mut repo, [Action::Undo]);
    assert!(repo.greeted_in(2027).unwrap().is_empty());
}

#[test]
fn slash_filters_from_any_pane_of_the_book_and_focuses_the_list() {
    for pane in [Pane::Profile, Pane::History, Pane::FollowUps] {
        let (mut repo, mut state, _) = setup();
        run(&mut state, &mut repo, [Action::FocusPane(pane)]);
        let slash = fieldbook::tui::keymap::Key {
            code: ratatui::crossterm::event::KeyCode::Char('/'),
            mods: ratatui::crossterm::event::KeyModifiers::NONE,
        };
        let action = fieldbook::tui::keymap::action_for_key(&state, slash);
        assert_eq!(action, Some(Action::StartFilter), "{pane:?}");
        run(&mut state, &mut repo, action);
        run(&mut state, &mut repo, typed("northwind"));
        assert_eq!(state.focus, Pane::Customers, "{pane:?}");
        assert_eq!(
            names(&state),
            ["Northwind Pacific Trading Ltd."],
            "{pane:?}"
        );
    }
}
