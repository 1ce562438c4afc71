//! Going cold is one rule: on the demo book, `today`, the review, the dashboard and the report
//! count the same customers.

use chrono::NaiveDateTime;
use fieldbook::config::Config;
use fieldbook::demo::{self, DemoSize};
use fieldbook::repository::Repository;
use fieldbook::services::dashboard::Dashboard;
use fieldbook::services::{day_start, morning};
use fieldbook::tui::action::Action;
use fieldbook::tui::loader;
use fieldbook::tui::review::ReviewItem;
use fieldbook::tui::update::{reading, update};

fn now() -> NaiveDateTime {
    "2026-11-28T10:15:00".parse().unwrap()
}

#[test]
fn today_the_review_the_dashboard_and_the_report_count_the_same_customers_going_cold() {
    let mut repo = Repository::open_in_memory().unwrap();
    demo::generate(&mut repo, DemoSize::with_customers(300), now()).unwrap();
    let config = Config::default();
    let today = now().date();
    // What the app and `today`/`report` do first on a new day.
    day_start::schedule_care(&mut repo, &config, today).unwrap();

    // `fieldbook today --json` serializes this agenda.
    let morning = morning::read(&mut repo, &config, now(), 7, None).unwrap();
    let today_json = serde_json::to_value(&morning.agenda).unwrap();
    let today_cold = today_json["cold"].as_array().unwrap().len();

    // The review as the app opens it: first screen, the whole book from the loader, `t`.
    let mut state = reading::first_screen(&repo, now(), "demo", config.clone()).unwrap();
    let loaded = loader::load(&repo, &config, today).unwrap();
    reading::install(&mut state, loaded, &repo).unwrap();
    update(&mut state, &mut repo, Action::OpenReview);
    // The review counts them all and walks today's share, the cap from the config.
    let review = state.review().expect("the demo morning has a review");
    let review_cold = review.cold_total;
    let walked = review
        .items
        .iter()
        .filter(|i| matches!(i, ReviewItem::Cold(_)))
        .count();
    assert_eq!(walked, config.review_cold_per_day as usize);

    // The dashboard pane draws this; `fieldbook report --json` serializes it as it is.
    let dash = Dashboard::load(&repo, today, &config).unwrap();
    let report_json = serde_json::to_value(&dash).unwrap();
    let report_cold = report_json["going_cold"]["total"].as_u64().unwrap() as usize;

    assert!(
        today_cold > walked,
        "the demo book has more customers going cold than the review walks"
    );
    assert_eq!(
        [review_cold, dash.going_cold.total, report_cold],
        [today_cold; 3],
        "review, dashboard, report against today"
    );
}
