//! A customer's past year of contacts and the follow-ups they set.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use super::people::Profile;
use super::phrases::for_the_user;
use super::rng::Rng;
use crate::book::bulk::{BulkFollowUp, BulkInteraction};
use crate::book::model::{
    Channel, ContactId, CustomerId, FollowUpDraft, FollowUpId, InteractionDraft, InteractionId,
    Stage,
};

/// Where an open follow-up falls relative to today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    Overdue,
    Today,
    ThisWeek,
    Later,
}

impl Due {
    /// The n-th open follow-up of the book: a fixed 20-slot pattern (stepped by 7, coprime to
    /// 20, so one customer's follow-ups differ) gives every book, even a small one, 10% overdue,
    /// 5% due today, 40% in the next week and the rest later.
    pub fn of(n: usize) -> Self {
        match (n * 7) % 20 {
            0 | 1 => Due::Overdue,
            2 => Due::Today,
            3..=10 => Due::ThisWeek,
            _ => Due::Later,
        }
    }
}

pub struct Ids {
    pub interaction: InteractionId,
    pub follow_up: FollowUpId,
}

/// A working moment `days_back` days before `now` (weekends mostly shifted to Friday), never
/// after `now`.
fn working_time(rng: &mut Rng, now: NaiveDateTime, days_back: i64, evening: bool) -> NaiveDateTime {
    let mut day = now.date() - Duration::days(days_back);
    match day.weekday() {
        Weekday::Sun => day -= Duration::days(2),
        Weekday::Sat if rng.percent(70) => day -= Duration::days(1),
        _ => {}
    }
    let last_minute = if evening { 21 * 60 } else { 18 * 60 + 30 };
    let minute = rng.between(8 * 60 + 30, last_minute) / 5 * 5;
    let at = day.and_time(NaiveTime::MIN) + Duration::minutes(minute);
    if at <= now {
        at
    } else {
        // Later today than it is now: move to the same time the day before.
        at - Duration::days(1)
    }
}

/// Office hours on a day `near..=far` days before `before`, and not after it.
pub fn office_time(rng: &mut Rng, before: NaiveDateTime, near: i64, far: i64) -> NaiveDateTime {
    let day = before.date() - Duration::days(rng.between(near, far));
    let at = day.and_time(NaiveTime::MIN) + Duration::minutes(rng.between(9 * 60, 18 * 60));
    at.min(before)
}

fn channel(rng: &mut Rng, chinese: bool) -> Channel {
    use Channel::*;
    if chinese {
        rng.weighted(&[
            (Visit, 15),
            (Call, 22),
            (WeChat, 33),
            (Email, 8),
            (Meeting, 8),
            (Message, 6),
            (Other, 8),
        ])
    } else {
        rng.weighted(&[
            (Visit, 15),
            (Call, 22),
            (WeChat, 8),
            (Email, 33),
            (Meeting, 12),
            (Message, 5),
            (Other, 5),
        ])
    }
}

/// How far back a customer's history reaches, by where it stands with us.
fn window(stage: Stage) -> (i64, i64) {
    match stage {
        Stage::Lost => (120, 365),
        Stage::AtRisk => (45, 365),
        Stage::Prospect | Stage::New => (0, 90),
        Stage::Active | Stage::Repeat => (0, 365),
    }
}

/// Appends `count` interactions (oldest first, ids rising with time) and the done follow-ups
/// some of them set. `times` is a reused buffer.
#[allow(clippy::too_many_arguments)]
pub fn interactions(
    rng: &mut Rng,
    p: &Profile,
    customer_id: CustomerId,
    people: &[ContactId],
    count: usize,
    now: NaiveDateTime,
    ids: &mut Ids,
    times: &mut Vec<(NaiveDateTime, Channel)>,
    out: &mut Vec<BulkInteraction>,
    done: &mut Vec<BulkFollowUp>,
) {
    let (near, far) = window(p.stage);
    times.clear();
    for _ in 0..count {
        let channel = channel(rng, p.chinese);
        // People answer WeChat and texts after hours too.
        let evening = matches!(channel, Channel::WeChat | Channel::Message);
        let days_back = rng.between(near, far);
        times.push((working_time(rng, now, days_back, evening), channel));
    }
    times.sort_unstable_by_key(|(at, _)| *at);
    for &(at, channel) in times.iter() {
        let phrases = p.phrases(rng);
        let mut summary = String::with_capacity(96);
        let (template, outcome) = rng.pick(phrases.summaries(channel));
        phrases.fill(&mut summary, template, rng);
        if rng.percent(30) {
            summary.push('\n');
            summary.push_str(rng.pick(phrases.extras));
        }
        let contact_id = (!people.is_empty() && rng.percent(65)).then(|| rng.pick(people));
        ids.interaction.0 += 1;
        out.push(BulkInteraction {
            id: ids.interaction,
            draft: InteractionDraft {
                customer_id,
                contact_id,
                at,
                channel,
                summary,
                outcome: outcome.map(String::from),
            },
            created_at: at,
        });
        if rng.percent(12) {
            let due_on = at.date() + Duration::days(rng.between(1, 10));
            let done_at = working_time(rng, now, (now.date() - due_on).num_days(), false);
            if due_on < now.date() && done_at > at {
                ids.follow_up.0 += 1;
                let mut task = String::new();
                let tasks = for_the_user(phrases);
                tasks.fill(&mut task, rng.pick(tasks.tasks), rng);
                done.push(BulkFollowUp {
                    id: ids.follow_up,
                    draft: FollowUpDraft {
                        customer_id,
                        due_on,
                        due_time: None,
                        task: task.into(),
                        repeat: None,
                    },
                    interaction_id: Some(ids.interaction),
                    created_at: at,
                    done_at: Some(done_at),
                });
            }
        }
    }
}

/// The open follow-up numbered `n` in the book, for a customer whose contacts are `recent`,
/// oldest first.
#[allow(clippy::too_many_arguments)]
pub fn open_follow_up(
    rng: &mut Rng,
    p: &Profile,
    customer_id: CustomerId,
    n: usize,
    recent: &[BulkInteraction],
    now: NaiveDateTime,
    ids: &mut Ids,
    out: &mut Vec<BulkFollowUp>,
) {
    let today = now.date();
    let due_on: NaiveDate = match Due::of(n) {
        Due::Overdue => today - Duration::days(rng.between(1, 20)),
        Due::Today => today,
        Due::ThisWeek => today + Duration::days(rng.between(1, 7)),
        Due::Later => today + Duration::days(rng.between(8, 60)),
    };
    let due_time = rng.percent(30).then(|| {
        let (h, m) = rng.pick(&[
            (9, 0),
            (9, 30),
            (10, 0),
            (11, 0),
            (14, 0),
            (15, 30),
            (17, 0),
        ]);
        NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)
    });
    // Promised at the newest contact before it fell due, when there was one.
    let from = recent
        .iter()
        .rev()
        .find(|i| i.draft.at.date() <= due_on)
        .filter(|_| rng.percent(75));
    let created_at = match from {
        Some(i) => i.draft.at,
        None => {
            let day = (due_on - Duration::days(rng.between(1, 14))).min(today);
            let at = day.and_time(NaiveTime::MIN) + Duration::minutes(rng.between(510, 1110));
            at.min(now)
        }
    };
    let phrases = for_the_user(p.phrases(rng));
    let mut task = String::new();
    let mut repeat = None;
    if recent.is_empty() {
        phrases.fill(&mut task, rng.pick(phrases.first_tasks), rng);
    } else if rng.percent(8) {
        let (what, every) = rng.pick(phrases.repeating);
        task.push_str(what);
        repeat = Some(every);
    } else {
        phrases.fill(&mut task, rng.pick(phrases.tasks), rng);
    }
    ids.follow_up.0 += 1;
    out.push(BulkFollowUp {
        id: ids.follow_up,
        draft: FollowUpDraft {
            customer_id,
            due_on,
            due_time,
            task: task.into(),
            repeat,
        },
        interaction_id: from.map(|i| i.id),
        created_at,
        done_at: None,
    });
}
