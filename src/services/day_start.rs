//! What fieldbook does when it opens on a new day: birthdays and yearly dates coming round
//! become follow-ups (once per occurrence), so they show in the review, `today` and the list;
//! and the daily backup is taken. Both read the whole book, so the app does them only once its
//! first screen is up: the reminders are worked out on the thread that reads the book, the
//! backup starts once the whole list is in.

use chrono::NaiveDate;

use crate::book::care_dates::{CareItem, care_due};
use crate::book::model::{CustomerId, FollowUpDraft};
use crate::config::Config;
use crate::repository::{Repository, Result};

/// What the app does after its first screen, besides reading the whole book.
#[derive(Default)]
pub struct DayStart {
    /// Birthday follow-ups coming round are created (a book of the user's; not the demo).
    pub care: bool,
    /// Started once the whole list is in: the daily backup, which copies the whole book.
    pub then: Option<Box<dyn FnOnce() + Send>>,
}

impl DayStart {
    /// Starts what waits for the whole list (once; later calls do nothing).
    pub fn start_then(&mut self) {
        if let Some(then) = self.then.take() {
            then();
        }
    }
}

/// A birthday reminder due to be created: the customer, the person ("" for the customer
/// itself), the day it falls on, and the follow-up.
pub type CareReminder = (CustomerId, String, NaiveDate, FollowUpDraft);

/// Creates the follow-ups for birthdays within `care.birthday_lead_days`; returns how many
/// were new. A reminder already created (even if done or deleted since) is not made again.
pub fn schedule_care(repo: &mut Repository, config: &Config, today: NaiveDate) -> Result<usize> {
    let items = care_reminders(repo, config, today)?;
    repo.create_care_reminders(&items)
}

/// What a birthday reminder's follow-up says, in the language spoken when it is written:
/// "Birthday greeting: 张伟 (星河科技), 12-01, turns 41".
fn care_task(item: &CareItem, customer: &str) -> String {
    let who = match &item.person {
        Some(p) => t!(
            "task-birthday-person",
            person = p.as_str(),
            customer = customer
        ),
        None => customer.to_string(),
    };
    let date = item.on.format("%m-%d").to_string();
    match item.turns {
        Some(n) => t!("task-birthday-turns", who = who, date = date, turns = n),
        None => t!("task-birthday", who = who, date = date),
    }
}

/// The reminders `schedule_care` would create, read without writing: every birthday in the
/// book is read, so the app works them out on its reading thread and writes them after. Those
/// made already are left out here; `create_care_reminders` checks again as it writes.
pub fn care_reminders(
    repo: &Repository,
    config: &Config,
    today: NaiveDate,
) -> Result<Vec<CareReminder>> {
    // Only the birthdays that can fall in the window: the rule below decides.
    let all = repo.birthdays_within(today, config.care.birthday_lead_days)?;
    let names: std::collections::HashMap<_, _> = all
        .iter()
        .map(|(id, name, _, _)| (*id, name.clone()))
        .collect();
    let dates: Vec<_> = all
        .into_iter()
        .map(|(id, _, person, birthday)| (id, person, birthday))
        .collect();
    let mut items = Vec::new();
    for item in care_due(&dates, today, config.care.birthday_lead_days) {
        let person = item.person.as_deref().unwrap_or_default();
        // Most days an earlier run made them: their tasks are not worded again.
        if repo.care_reminder_made(item.customer_id, person, item.on)? {
            continue;
        }
        let customer = names.get(&item.customer_id).map_or("", String::as_str);
        let draft = FollowUpDraft {
            customer_id: item.customer_id,
            due_on: item.remind_on,
            due_time: None,
            task: care_task(&item, customer).into(),
            repeat: None,
        };
        items.push((
            item.customer_id,
            item.person.unwrap_or_default(),
            item.on,
            draft,
        ));
    }
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::book::model::{Birthday, ContactDraft, CustomerDraft};

    #[test]
    fn a_birthday_three_days_ahead_becomes_one_follow_up() {
        let mut repo = Repository::open_in_memory().unwrap();
        let id = repo
            .add_customer(&CustomerDraft {
                name: "星河科技".into(),
                ..Default::default()
            })
            .unwrap();
        repo.add_contact(
            id,
            &ContactDraft {
                name: "张伟".into(),
                birthday: Birthday::parse("1985-12-01"),
                ..Default::default()
            },
        )
        .unwrap();
        let config = Config::default();
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(
            schedule_care(&mut repo, &config, day("2026-11-20")).unwrap(),
            0
        );
        let to_make = care_reminders(&repo, &config, day("2026-11-28")).unwrap();
        assert_eq!(to_make.len(), 1, "read without writing: still to make");
        assert_eq!(
            schedule_care(&mut repo, &config, day("2026-11-28")).unwrap(),
            1
        );
        assert!(
            care_reminders(&repo, &config, day("2026-11-29"))
                .unwrap()
                .is_empty(),
            "made by an earlier run: not worded again"
        );
        assert_eq!(
            schedule_care(&mut repo, &config, day("2026-11-29")).unwrap(),
            0
        );
        let open = repo.open_follow_ups(Some(id)).unwrap();
        assert_eq!(open.len(), 1);
        assert_eq!(
            open[0].draft.task,
            "Birthday greeting: 张伟 (星河科技), 12-01, turns 41"
        );
        let item = CareItem {
            customer_id: id,
            person: Some("张伟".into()),
            on: day("2026-12-01"),
            remind_on: day("2026-11-28"),
            turns: Some(41),
        };
        let zh = crate::i18n::with_language(crate::i18n::Language::Chinese, || {
            care_task(&item, "星河科技")
        });
        assert_eq!(zh, "生日问候：张伟（星河科技），12-01，41岁生日");
        assert_eq!(open[0].draft.due_on, day("2026-11-28"));
        assert!(
            repo.undo_history(5)
                .unwrap()
                .iter()
                .all(|l| !l.contains("Birthday"))
        );
    }
}
