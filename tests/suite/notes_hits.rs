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
