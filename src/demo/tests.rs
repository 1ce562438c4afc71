use std::collections::HashSet;
use std::time::{Duration, Instant};

use chrono::{NaiveDateTime, NaiveTime};

use super::*;
use crate::book::due::Bucket;
use crate::book::model::{Channel, CustomerId, FollowUpId, Interaction, Tier};

fn now() -> NaiveDateTime {
    "2026-11-26T10:15:00".parse().unwrap()
}

fn demo(size: DemoSize) -> (Repository, DemoSummary) {
    let mut repo = Repository::open_in_memory().unwrap();
    let summary = generate(&mut repo, size, now()).unwrap();
    (repo, summary)
}

fn all_history(repo: &Repository, id: CustomerId) -> Vec<Interaction> {
    repo.history(id, 100_000, 0).unwrap()
}

/// Every row of the book, as text.
fn dump(repo: &Repository, s: &DemoSummary) -> Vec<String> {
    let mut rows = Vec::new();
    for id in (1..=s.customers as i64).map(CustomerId) {
        rows.push(format!("{:?}", repo.customer(id).unwrap()));
        rows.push(format!("{:?}", repo.contacts(id).unwrap()));
        rows.push(format!("{:?}", all_history(repo, id)));
    }
    for id in (1..=(s.follow_ups + s.done_follow_ups) as i64).map(FollowUpId) {
        rows.push(format!("{:?}", repo.follow_up(id).unwrap()));
    }
    rows
}

#[test]
fn the_same_size_and_now_give_the_same_book() {
    let size = DemoSize::with_customers(120);
    let (a, sa) = demo(size);
    let (b, sb) = demo(size);
    assert_eq!(sa, sb);
    assert_eq!(dump(&a, &sa), dump(&b, &sb));
}

#[test]
fn the_book_has_the_size_asked_for() {
    let size = DemoSize::with_customers(300);
    let (repo, s) = demo(size);
    assert_eq!(s.customers, 300);
    assert_eq!(s.interactions, size.interactions);
    assert_eq!(s.follow_ups, size.follow_ups);
    assert!(s.done_follow_ups > 0);
    assert!((300..=900).contains(&s.contacts), "{}", s.contacts);
    let open = repo.open_follow_ups(None).unwrap();
    assert_eq!(
        open.len(),
        s.follow_ups,
        "archived customers have nothing open"
    );
    assert_eq!(DemoSize::benchmark(), DemoSize::with_customers(100_000));
    assert_eq!(
        DemoSize::benchmark(),
        DemoSize {
            customers: 100_000,
            interactions: 1_000_000,
            follow_ups: 50_000
        }
    );
}

#[test]
fn the_300_demo_has_a_due_list_worth_opening() {
    let (repo, _) = demo(DemoSize::with_customers(300));
    let open = repo.open_follow_ups(None).unwrap();
    let today = now().date();
    let count = |b: Bucket| {
        open.iter()
            .filter(|f| Bucket::of(f.draft.due_on, f.draft.due_time, now()) == b)
            .count()
    };
    assert!(count(Bucket::Overdue) >= 10, "{}", count(Bucket::Overdue));
    assert!(count(Bucket::Today) >= 5, "{}", count(Bucket::Today));
    assert!(count(Bucket::NextSevenDays) >= 30);
    assert!(count(Bucket::Later) >= 30);
    let overdue_days = open.iter().map(|f| (today - f.draft.due_on).num_days());
    assert!(overdue_days.max().unwrap() <= 20);
    assert!(open.iter().any(|f| f.draft.due_time.is_some()));
    assert!(open.iter().any(|f| f.draft.due_time.is_none()));
    assert!(open.iter().any(|f| f.interaction_id.is_some()));
    assert!(open.iter().all(|f| f.done_at.is_none()));
    assert!(open.iter().any(|f| f.draft.repeat.is_some()));
}

#[test]
fn the_300_demo_looks_like_a_real_territory() {
    let (repo, s) = demo(DemoSize::with_customers(300));
    let rows = repo.customer_rows().unwrap();
    let archived = 300 - rows.len();
    assert!((1..=12).contains(&archived), "{archived} archived");
    let never = rows.iter().filter(|r| r.last_contact_at.is_none()).count();
    assert!((2..=20).contains(&never), "{never} never contacted");

    let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let chinese = rows.iter().filter(|r| cjk(&r.name)).count();
    assert!((140..=220).contains(&chinese), "{chinese} Chinese names");
    assert!(rows.iter().any(|r| r.name.ends_with("有限公司")));
    assert!(
        rows.iter()
            .any(|r| r.name.chars().count() <= 4 && cjk(&r.name))
    );
    assert!(
        rows.iter()
            .any(|r| r.name.is_ascii() && r.name.contains(' '))
    );

    let customers: Vec<_> = (1..=300)
        .map(CustomerId)
        .map(|id| repo.customer(id).unwrap().unwrap())
        .collect();
    // Tiers are computed from revenue: a few big accounts bring most of it. Only a few are set
    // by hand, each with a reason.
    let hand_set = customers.iter().filter(|c| c.draft.tier.is_some()).count();
    assert!((1..=25).contains(&hand_set), "{hand_set} tiers set by hand");
    let today = now().date();
    let (from, to) = crate::book::deals::last_12_months(today);
    let revenue = repo.revenue_between(from, to, "CNY").unwrap();
    let tiers = crate::book::tiers::compute_tiers(&revenue, Default::default());
    let computed = |t| tiers.values().filter(|x| **x == t).count();
    assert!(
        (8..=60).contains(&computed(Tier::A)),
        "{} A",
        computed(Tier::A)
    );
    assert!(
        (10..=90).contains(&computed(Tier::B)),
        "{} B",
        computed(Tier::B)
    );
    assert!(
        computed(Tier::C) > computed(Tier::A),
        "most customers are C"
    );
    // Every lifecycle stage shows up, computed from orders, contacts and complaints.
    let orders = repo.order_dates().unwrap();
    let open = repo.open_complaint_counts().unwrap();
    let mut stages = std::collections::HashSet::new();
    for c in &customers {
        let facts = crate::book::lifecycle::LifecycleFacts {
            order_dates: orders.get(&c.id).cloned().unwrap_or_default(),
            last_contact: c.last_contact_at.map(|t| t.date()),
            cadence_days: c.draft.cadence_days,
            open_complaints: open.get(&c.id).copied().unwrap_or(0),
            marked_lost: c.draft.stage == Some(crate::book::model::Stage::Lost),
        };
        stages.insert(crate::book::lifecycle::derive_stage(&facts, today).stage);
    }
    assert_eq!(stages.len(), 6, "{stages:?}");
    assert!(!open.is_empty(), "some open complaints");
    assert!(
        repo.all_deals()
            .unwrap()
            .iter()
            .any(|d| d.draft.stage.is_open())
    );
    for c in &customers {
        let d = &c.draft;
        assert!(
            d.email.is_empty() || d.email.ends_with(".example"),
            "{}",
            d.email
        );
        assert!(d.website.is_empty() || d.website.ends_with(".example"));
        assert!(c.created_at <= c.updated_at && c.updated_at <= now());
        assert!(c.last_contact_at.is_none_or(|l| c.created_at < l));
    }
    let birthdays: Vec<_> = customers.iter().filter_map(|c| c.draft.birthday).collect();
    assert!(birthdays.iter().any(|b| b.year.is_some()));
    assert!(birthdays.iter().any(|b| b.year.is_none()));
    assert!(customers.iter().any(|c| !c.draft.tags.is_empty()));
    assert!(customers.iter().any(|c| c.draft.cadence_days == Some(14)));
    assert!(customers.iter().any(|c| c.draft.notes.contains('，')));
    assert!(customers.iter().any(|c| !c.draft.wechat.is_empty()));
    assert!(customers.iter().any(|c| c.draft.phone.contains('-')));

    let people: Vec<_> = (1..=300)
        .map(CustomerId)
        .flat_map(|id| repo.contacts(id).unwrap())
        .collect();
    assert_eq!(people.len(), s.contacts);
    assert!(people.iter().any(|p| p.draft.title == "总经理"));
    assert!(people.iter().all(|p| p.draft.email.ends_with(".example")));
}

#[test]
fn history_spans_a_year_of_working_hours_on_every_channel() {
    let (repo, _) = demo(DemoSize::with_customers(300));
    let history: Vec<_> = (1..=300)
        .map(CustomerId)
        .flat_map(|id| all_history(&repo, id))
        .collect();
    let channels: HashSet<Channel> = history.iter().map(|i| i.draft.channel).collect();
    assert_eq!(channels.len(), Channel::ALL.len(), "{channels:?}");
    let opening = NaiveTime::from_hms_opt(8, 30, 0).unwrap();
    let closing = NaiveTime::from_hms_opt(21, 0, 0).unwrap();
    let year_ago = now() - chrono::Duration::days(368);
    for i in &history {
        let at = i.draft.at;
        assert!(year_ago <= at && at <= now(), "{at}");
        assert!((opening..=closing).contains(&at.time()), "{at}");
    }
    assert!(history.iter().any(|i| i.contact_name.is_some()));
    assert!(history.iter().any(|i| i.draft.summary.contains('\n')));
    let outcomes: HashSet<_> = history
        .iter()
        .filter_map(|i| i.draft.outcome.as_deref())
        .collect();
    let known = crate::config::Config::default();
    assert!(outcomes.len() >= 5, "{outcomes:?}");
    assert!(
        outcomes.iter().all(|o| known.outcome(o).is_some()),
        "{outcomes:?}"
    );
    let english = history
        .iter()
        .filter(|i| i.draft.summary.is_ascii())
        .count();
    assert!(english > 200 && english < history.len() / 2, "{english}");
}

#[test]
fn roll_ups_agree_with_the_rows_they_summarize() {
    let (repo, _) = demo(DemoSize::with_customers(300));
    for id in (1..=300).map(CustomerId) {
        let customer = repo.customer(id).unwrap().unwrap();
        let newest = repo.history(id, 1, 0).unwrap();
        assert_eq!(
            customer.last_contact_at,
            newest.first().map(|i| i.draft.at),
            "#{id}"
        );
        let open = repo.open_follow_ups(Some(id)).unwrap();
        let earliest = open.iter().map(|f| f.draft.due_on).min();
        assert_eq!(customer.next_follow_up_on, earliest, "#{id}");
    }
}

/// CPU time of this thread where Linux tells it, else wall time: the test machine is shared, and
/// a busy neighbour must not fail a test about our own speed.
fn spent<T>(work: impl FnOnce() -> T) -> (T, Duration) {
    fn cpu() -> Option<Duration> {
        let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
        Some(Duration::from_nanos(stat.split(' ').next()?.parse().ok()?))
    }
    let (cpu_start, wall_start) = (cpu(), Instant::now());
    let out = work();
    match (cpu_start, cpu()) {
        (Some(a), Some(b)) => (out, b - a),
        _ => (out, wall_start.elapsed()),
    }
}

#[test]
fn a_demo_book_is_quick_to_make() {
    let ((_, s), took) = spent(|| demo(DemoSize::with_customers(1_000)));
    assert_eq!(s.interactions, 10_000);
    // About half a second in a debug build; release makes 100k customers in seconds.
    assert!(took < Duration::from_secs(5), "{took:?}");
}

#[test]
fn tiny_books_work() {
    for n in [0, 1, 2, 7] {
        let (repo, s) = demo(DemoSize::with_customers(n));
        assert_eq!(s.customers, n);
        assert_eq!(repo.open_follow_ups(None).unwrap().len(), s.follow_ups);
    }
}

/// Under Chinese, every task the demo sets and every note it writes is Chinese, the English
/// customers' too; under English the book is as it always was (its own mix of both).
#[test]
fn tasks_and_notes_follow_the_language_fieldbook_speaks() {
    use crate::i18n::{Language, with_language};
    let size = DemoSize::with_customers(120);
    let chinese = |text: &str| text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let (repo, s) = with_language(Language::Chinese, || demo(size));
    let open = repo.open_follow_ups(None).unwrap();
    assert!(open.len() > 50);
    for f in &open {
        assert!(chinese(&f.draft.task), "{:?}", f.draft.task);
    }
    for id in (1..=s.customers as i64).map(CustomerId) {
        let notes = repo.customer(id).unwrap().unwrap().draft.notes;
        assert!(notes.is_empty() || chinese(&notes), "{notes:?}");
    }
    let (repo, _) = with_language(Language::English, || demo(size));
    let open = repo.open_follow_ups(None).unwrap();
    assert!(open.iter().any(|f| !chinese(&f.draft.task)));
    assert!(open.iter().any(|f| chinese(&f.draft.task)));
}
