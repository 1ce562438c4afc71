//! Rules of a follow-up, the next step promised after a contact: what one needs, the order
//! they are listed in, and what completing a repeating one leaves behind.

use chrono::{NaiveDate, NaiveTime};

use super::model::{Contact, CustomerId, FollowUp, FollowUpDraft, FollowUpId};

/// How follow-ups are listed: in the order they are done in ([`super::due::follow_up_order`]:
/// by day, timed ones first by time), then in the order they were made.
pub fn order_key(f: &FollowUp) -> ((NaiveDate, bool, Option<NaiveTime>), FollowUpId) {
    (
        super::due::follow_up_order(f.draft.due_on, f.draft.due_time),
        f.id,
    )
}

/// An open follow-up's place in the list and whose it is, without its words: the app keeps
/// one for each of the book's open follow-ups (32 bytes, where a whole one is 120 and its
/// task and customer's name), and reads the whole ones around what is on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FollowUpKey {
    pub id: FollowUpId,
    pub customer_id: CustomerId,
    pub due_on: NaiveDate,
    pub due_time: Option<NaiveTime>,
}

impl FollowUpKey {
    pub fn of(f: &FollowUp) -> Self {
        FollowUpKey {
            id: f.id,
            customer_id: f.draft.customer_id,
            due_on: f.draft.due_on,
            due_time: f.draft.due_time,
        }
    }

    /// Where it is listed: `order_key` of its follow-up.
    pub fn order(&self) -> ((NaiveDate, bool, Option<NaiveTime>), FollowUpId) {
        (
            super::due::follow_up_order(self.due_on, self.due_time),
            self.id,
        )
    }
}

/// A follow-up says what to do.
pub fn check(draft: &FollowUpDraft) -> Result<(), String> {
    if draft.task.trim().is_empty() {
        return Err("a follow-up needs something to do".into());
    }
    Ok(())
}

/// What completing `current` on `done_on` leaves to do: for a repeating follow-up, its next
/// occurrence (the same task, due again); `Ok(None)` for one that does not repeat.
pub fn next_occurrence(
    current: &FollowUpDraft,
    done_on: NaiveDate,
) -> Result<Option<FollowUpDraft>, String> {
    let Some(rule) = current.repeat else {
        return Ok(None);
    };
    let due_on = rule
        .next_due(current.due_on, done_on)
        .ok_or("the next occurrence is past the year 9999")?;
    Ok(Some(FollowUpDraft {
        due_on,
        ..current.clone()
    }))
}

/// What a follow-up without a task quotes of the contact's summary (its first line, cut to 60
/// characters), so a bare date still says what it was about; the front ends word the task.
pub fn summary_head(summary: &str) -> String {
    let first: String = summary
        .lines()
        .next()
        .unwrap_or("")
        .chars()
        .take(60)
        .collect();
    first
}

/// The person `name` means among a customer's people, ignoring case: the one of that name,
/// else the only one whose name contains it; `None` when nobody or several match.
pub fn find_person<'a>(people: &'a [Contact], name: &str) -> Option<&'a Contact> {
    let lower = name.trim().to_lowercase();
    if lower.is_empty() {
        return None;
    }
    people
        .iter()
        .find(|c| c.draft.name.trim().to_lowercase() == lower)
        .or_else(|| {
            let mut hits = people
                .iter()
                .filter(|c| c.draft.name.to_lowercase().contains(&lower));
            hits.next().filter(|_| hits.next().is_none())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::book::model::{ContactDraft, ContactId, CustomerId, FollowUpId};
    use crate::book::recurrence::Recurrence;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn draft(task: &str, repeat: Option<&str>) -> FollowUpDraft {
        FollowUpDraft {
            customer_id: CustomerId(1),
            due_on: d("2026-11-28"),
            due_time: None,
            task: task.into(),
            repeat: repeat.and_then(Recurrence::parse),
        }
    }

    #[test]
    fn a_follow_up_needs_a_task() {
        assert!(check(&draft("Call back", None)).is_ok());
        assert!(check(&draft("  ", None)).is_err());
    }

    #[test]
    fn completing_a_repeating_follow_up_leaves_the_next_one() {
        assert_eq!(
            next_occurrence(&draft("Call", None), d("2026-11-28")),
            Ok(None)
        );
        let weekly = draft("Call", Some("every week"));
        let next = next_occurrence(&weekly, d("2026-11-28")).unwrap().unwrap();
        assert_eq!(next.task, "Call");
        assert!(next.due_on > weekly.due_on, "{next:?}");
    }

    #[test]
    fn timed_follow_ups_come_first_on_their_day_by_time() {
        let at = |id, time: Option<&str>| FollowUp {
            id: FollowUpId(id),
            draft: FollowUpDraft {
                due_time: time.map(|t| t.parse().unwrap()),
                ..draft("x", None)
            },
            interaction_id: None,
            customer_name: Default::default(),
            done_at: None,
        };
        let mut list = [at(1, Some("09:00")), at(2, None), at(3, Some("08:00"))];
        list.sort_by_key(order_key);
        let ids: Vec<_> = list.iter().map(|f| f.id.get()).collect();
        // Appointments first (the order they are done in), then the rest of the day.
        assert_eq!(ids, [3, 1, 2]);
    }

    #[test]
    fn the_default_task_quotes_the_summary_s_first_line() {
        assert_eq!(
            summary_head("Sent the quote\nthey will call"),
            "Sent the quote"
        );
        assert_eq!(summary_head(&"长".repeat(80)).chars().count(), 60);
    }

    #[test]
    fn a_person_is_found_by_name_ignoring_case() {
        let person = |id, name: &str| Contact {
            id: ContactId(id),
            customer_id: CustomerId(1),
            draft: ContactDraft {
                name: name.into(),
                ..Default::default()
            },
        };
        let people = [
            person(1, "Michael Chen"),
            person(2, "Michelle Wu"),
            person(3, "张伟"),
        ];
        let found = |name| find_person(&people, name).map(|c| c.id.get());
        assert_eq!(found("michael chen"), Some(1));
        assert_eq!(found("WU"), Some(2));
        assert_eq!(found("mich"), None, "two match");
        assert_eq!(found("张"), Some(3));
        assert_eq!(found("nobody"), None);
        assert_eq!(found(" "), None);
    }
}
