//! Notes search that reads right: the notes that hold the words (the customer's or a
//! person's), the line that matched, newest contact first.

use fieldbook::book::model::{Channel, ContactDraft, CustomerDraft, InteractionDraft};
use fieldbook::search::snippet;

use crate::common::{empty_book, now};

#[test]
fn a_hit_shows_whose_words_and_the_line_that_matched_newest_first() {
    let mut repo = empty_book();
    let id = repo
        .add_customer(&CustomerDraft {
            name: "北京星河科技有限公司".into(),
            notes: "喜欢喝茶，周一上午不方便".into(),
            ..Default::default()
        })
        .unwrap();
    let person = ContactDraft {
        name: "张伟".into(),
        notes: "Prefers WeChat voice calls after 6pm".into(),
        ..Default::default()
    };
    repo.add_contact(id, &person).unwrap();
    let log = |repo: &mut fieldbook::repository::Repository, days: u64, summary: &str| {
        let draft = InteractionDraft {
            customer_id: id,
            contact_id: None,
            at: now() - chrono::Days::new(days),
            channel: Channel::Call,
            summary: summary.into(),
            outcome: None,
        };
        repo.log_interaction(&draft, None).unwrap();
    };
    // Logged out of date order: the older call is written last.
    log(
        &mut repo,
        2,
        "Called about samples\nThey liked them\nAsked for a quote on 500 units",
    );
    log(&mut repo, 9, "First call: a quote for the catalogue");

    let hits = repo.search_notes("wechat calls", 50).unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].person.as_deref(), Some("张伟"));
    assert_eq!(hits[0].text, "Prefers WeChat voice calls after 6pm");

    let hits = repo.search_notes("quote", 50).unwrap();
    assert_eq!(hits.len(), 2, "{hits:?}");
    let dates: Vec<_> = hits.iter().map(|h| h.at.unwrap()).collect();
    assert!(dates[0] > dates[1], "newest first: {dates:?}");
    let (shown, lit) = snippet(&hits[0].text, "quote", 60);
    assert_eq!(shown, "Asked for a quote on 500 units", "the third line");
    let marked: String = lit.iter().filter_map(|&i| shown.chars().nth(i)).collect();
    assert_eq!(marked, "quote");

    let hits = repo.search_notes("喝茶", 50).unwrap();
    assert_eq!(
        (hits.len(), hits[0].person.clone()),
        (1, None),
        "the customer's own notes"
    );
}

/// Enter on a hit opens the customer where the words are.
mod opened_there {
    use fieldbook::book::model::{Channel, ContactDraft, InteractionDraft};
    use fieldbook::repository::Repository;
    use fieldbook::tui::action::{Action, Pane};
    use fieldbook::tui::state::{FoundAt, State};
    use ratatui::{Terminal, backend::TestBackend};

    use crate::common::{now, run, sample_book, state_for, typed};

    /// Searches what was said and noted for `words` and presses Enter on the hit `pick`
    /// chooses.
    fn open_hit(
        state: &mut State,
        repo: &mut Repository,
        words: &str,
        pick: impl Fn(&fieldbook::book::model::NoteHit) -> bool,
    ) {
        run(
            state,
            repo,
            [Action::StartFilter, Action::ToggleSearchScope],
        );
        run(state, repo, typed(words));
        let at = state
            .note_hits
            .iter()
            .position(pick)
            .expect("the hit is listed");
        run(state, repo, vec![Action::MoveDown; at]);
        run(state, repo, [Action::KeepFilter]);
    }

    /// Whether the row of the frame that holds `text` is drawn reversed (marked) there.
    fn marked(state: &mut State, text: &str) -> bool {
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        terminal
            .draw(|f| fieldbook::tui::ui::draw(f, state))
            .unwrap();
        let buffer = terminal.backend().buffer();
        (0..buffer.area.height).any(|y| {
            // Where each cell's text starts in the row, so a wide character before the text
            // does not shift which cell is looked at.
            let mut row = String::new();
            let mut starts = Vec::new();
            for x in 0..buffer.area.width {
                starts.push((row.len(), x));
                row.push_str(buffer[(x, y)].symbol());
            }
            let Some(at) = row.find(text) else {
                return false;
            };
            let Some(&(_, x)) = starts.iter().find(|(start, _)| *start == at) else {
                return false;
            };
            buffer[(x, y)]
                .modifier
                .contains(ratatui::style::Modifier::REVERSED)
        })
    }

    fn screen(state: &mut State, width: u16, height: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|f| fieldbook::tui::ui::draw(f, state))
            .unwrap();
        terminal.backend().to_string()
    }

    #[test]
    fn a_persons_note_opens_the_profile_scrolled_to_that_person_marked() {
        let (mut repo, s) = sample_book();
        for n in 1..=11 {
            let person = ContactDraft {
                name: format!("Buyer {n:02}"),
                title: "purchasing".into(),
                ..Default::default()
            };
            repo.add_contact(s.northwind, &person).unwrap();
        }
        let grace = ContactDraft {
            name: "Grace Lin".into(),
            phone: "+852 9123 4567".into(),
            notes: "Only drinks 龙井, never coffee".into(),
            ..Default::default()
        };
        let grace = repo.add_contact(s.northwind, &grace).unwrap();
        let mut state = state_for(&repo);
        open_hit(&mut state, &mut repo, "龙井", |h| {
            h.contact_id == Some(grace)
        });

        assert_eq!(state.selected_id(), Some(s.northwind));
        assert_eq!(state.focus, Pane::Profile);
        assert_eq!(state.found_at, Some(FoundAt::Person(grace)));
        let shown = screen(&mut state, 120, 40);
        assert!(shown.contains("› Grace Lin · +852 9123 4567"), "{shown}");
        insta::assert_snapshot!(shown);

        // Another customer selected: nothing is marked any more.
        run(
            &mut state,
            &mut repo,
            [Action::FocusPane(Pane::Customers), Action::MoveDown],
        );
        assert_eq!(state.found_at, None);
    }

    #[test]
    fn a_summary_hit_opens_the_history_at_that_entry_marked() {
        let (mut repo, s) = sample_book();
        let mut ids = Vec::new();
        for (days, summary) in [
            (30, "Visited the plant"),
            (
                20,
                "Called about samples\nThey liked them\nAsked for a quote on 500 units",
            ),
            (10, "Sent the contract"),
        ] {
            let draft = InteractionDraft {
                customer_id: s.quiet,
                contact_id: None,
                at: now() - chrono::Days::new(days),
                channel: Channel::Call,
                summary: summary.into(),
                outcome: None,
            };
            ids.push(repo.log_interaction(&draft, None).unwrap().0);
        }
        let mut state = state_for(&repo);
        open_hit(&mut state, &mut repo, "500 units", |h| {
            h.interaction_id == Some(ids[1])
        });

        assert_eq!(state.selected_id(), Some(s.quiet));
        assert_eq!(state.focus, Pane::History);
        assert_eq!(state.found_at, Some(FoundAt::Entry(ids[1])));
        let detail = state.detail.as_ref().unwrap();
        assert_eq!(
            detail.history[state.history_scroll].id, ids[1],
            "its entry on top"
        );
        let shown = screen(&mut state, 120, 40);
        assert!(shown.contains("3 History (2/3)"), "{shown}");
        assert!(shown.contains("Asked for a quote on 500 units"), "{shown}");
        assert!(
            marked(&mut state, "2026-11-08 10:15  call"),
            "its heading is marked: {shown}"
        );
        run(&mut state, &mut repo, [Action::MoveDown]);
        assert!(screen(&mut state, 120, 40).contains("2026-10-29 10:15  call"));
        assert!(
            !marked(&mut state, "2026-10-29 10:15  call"),
            "only the entry found is marked"
        );
    }

    #[test]
    fn the_customers_own_note_opens_the_profile_at_its_notes() {
        let (mut repo, s) = sample_book();
        let mut state = state_for(&repo);
        open_hit(&mut state, &mut repo, "喝茶", |h| h.person.is_none());
        assert_eq!(state.selected_id(), Some(s.xinghe));
        assert_eq!(
            (state.focus, state.found_at),
            (Pane::Profile, Some(FoundAt::Notes))
        );
        let shown = screen(&mut state, 120, 40);
        assert!(shown.contains("喜欢喝茶，周一上午不方便"), "{shown}");
    }
}
