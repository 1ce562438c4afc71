//! Logging a contact, the one way every front end does it: a request in the words typed (the
//! command line's flags, a form's fields), checked against the book and the config into either
//! a message per bad field or a prepared log with its warnings, then written in one transaction.

use std::fmt;

use chrono::NaiveDateTime;

use crate::book::model::{
    CustomerId, FollowUp, FollowUpDraft, FollowUpId, InteractionDraft, InteractionId,
};
use crate::config::{Config, Outcome};
use crate::repository::{Repository, Result};

mod fields;
use fields::{read_channel, read_closes, read_follow_up, read_outcome, read_when, read_with};

/// A contact to log, as it was typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogRequest {
    pub customer_id: CustomerId,
    /// The person spoken with: a whole name in any case, or a part only one name contains.
    pub with: Option<String>,
    /// A channel (`call`, `visit`, ...); empty means a call.
    pub channel: String,
    /// An outcome's key from the config (`quote_sent`); its label is accepted too.
    pub outcome: Option<String>,
    /// When it happened (`yesterday 14:30`); empty or `now` means now. More than a few minutes
    /// ahead is refused: that is a follow-up.
    pub when: String,
    pub summary: String,
    pub follow_up: Option<FollowUpRequest>,
    /// The open follow-up this contact deals with: closed in the same transaction.
    pub closes: Closes,
    /// How satisfied the customer sounded, 1 to 5.
    pub satisfaction: Option<u8>,
}

/// The next step a log sets, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FollowUpRequest {
    /// A date, with a time of day if one matters (`fri 10:00`). Empty means no follow-up;
    /// `None` takes the date the outcome proposes (none when it proposes none).
    pub due: Option<String>,
    /// Empty: the outcome's task, else "Follow up: " and the summary's first line.
    pub task: String,
    /// A repeat rule as `Recurrence::parse` reads it (`monthly after done`); empty = once.
    pub repeat: String,
    /// The user confirmed a date already past (asked after [`Remedy::ConfirmPast`]).
    pub past_ok: bool,
}

/// Which open follow-up a log closes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Closes {
    /// The customer's earliest follow-up due today or overdue, if any: a contact with a
    /// customer who is waiting for one is, most often, that follow-up done.
    #[default]
    EarliestDue,
    /// None, even when one is due.
    Nothing,
    This(FollowUpId),
}

/// What the user can do to have a refused field taken, so each front end offers it in its own
/// words (a flag on the command line, a question in a form).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Remedy {
    /// The follow-up date is past: set `past_ok` once the user says it is meant.
    ConfirmPast,
    /// When is still to come: plan it as the follow-up date instead.
    MakeFollowUp,
}

/// The parts of a log a message can be about, so each front end puts it beside its own field
/// (a form's field, a command-line flag).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LogField {
    Summary,
    Channel,
    Outcome,
    With,
    When,
    FollowUpDate,
    Repeat,
    Closes,
    Satisfaction,
}

/// Every bad field of a request, each with what would have been accepted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(Vec<(LogField, String)>, Vec<(LogField, Remedy)>);

impl FieldErrors {
    fn add(&mut self, field: LogField, message: impl Into<String>) {
        self.0.push((field, message.into()));
    }

    fn refuse(&mut self, field: LogField, message: impl Into<String>, remedy: Remedy) {
        self.add(field, message);
        self.1.push((field, remedy));
    }

    /// What would have `field` taken, when something would.
    pub fn remedy(&self, field: LogField) -> Option<Remedy> {
        self.1.iter().find(|(f, _)| *f == field).map(|(_, r)| *r)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, field: LogField) -> Option<&str> {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }

    pub fn iter(&self) -> impl Iterator<Item = (LogField, &str)> {
        self.0.iter().map(|(f, m)| (*f, m.as_str()))
    }
}

impl fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let messages: Vec<&str> = self.iter().map(|(_, m)| m).collect();
        f.write_str(&messages.join("; "))
    }
}

impl std::error::Error for FieldErrors {}

/// A request that passed every check: what will be written, and the "not too often" warnings
/// to show with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedLog {
    pub interaction: InteractionDraft,
    pub follow_up: Option<FollowUpDraft>,
    /// The follow-up this contact closes, as it was before.
    pub closes: Option<FollowUp>,
    pub satisfaction: Option<u8>,
    /// Each warning once, however many of the log's dates raise it.
    pub warnings: Vec<crate::book::care::TooOften>,
}

/// What a committed log wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogOutcome {
    pub interaction_id: InteractionId,
    pub follow_up_id: Option<FollowUpId>,
}

/// Checks `request` against the book (the customer's people, the follow-up it closes) and the
/// config (outcomes, date order, the frequency ceiling). The outer error is a book that could
/// not be read; the inner one names every bad field.
pub fn validate(
    request: &LogRequest,
    repo: &Repository,
    config: &Config,
    now: NaiveDateTime,
) -> Result<Result<PreparedLog, FieldErrors>> {
    let mut errors = FieldErrors::default();
    let order = config.date_order;
    let summary = request.summary.trim_end().to_string();
    if summary.trim().is_empty() {
        errors.add(LogField::Summary, t!("log-error-summary"));
    }
    let channel = read_channel(&request.channel, &mut errors);
    let outcome = read_outcome(request.outcome.as_deref(), config, &mut errors);
    let contact_id = match request.with.as_deref().map(str::trim) {
        Some(name) if !name.is_empty() => {
            read_with(name, &repo.contacts(request.customer_id)?, &mut errors)
        }
        _ => None,
    };
    let at = read_when(&request.when, now, order, &mut errors);
    let follow_up = request.follow_up.as_ref().and_then(|f| {
        let (when, repeat) = read_follow_up(f, outcome, now, order, &mut errors)?;
        Some(FollowUpDraft {
            customer_id: request.customer_id,
            due_on: when.date,
            due_time: when.time,
            task: task_for(&f.task, outcome, &summary).into(),
            repeat,
        })
    });
    let closing = read_closes(request, repo, now, &mut errors)?;
    if request.satisfaction.is_some_and(|s| !(1..=5).contains(&s)) {
        errors.add(LogField::Satisfaction, t!("log-error-satisfaction"));
    }
    let (Some(at), Some(channel), true) = (at, channel, errors.is_empty()) else {
        return Ok(Err(errors));
    };
    let interaction = InteractionDraft {
        customer_id: request.customer_id,
        contact_id,
        at,
        channel,
        summary,
        outcome: outcome.map(|o| o.key.clone()),
    };
    let warnings = frequency_warnings(
        repo,
        config,
        &interaction,
        follow_up.as_ref(),
        closing.as_ref(),
    )?;
    Ok(Ok(PreparedLog {
        interaction,
        follow_up,
        closes: closing,
        satisfaction: request.satisfaction,
        warnings,
    }))
}

impl PreparedLog {
    /// Writes the interaction, its follow-up and the close of the follow-up it deals with (with
    /// a repeating one's next occurrence) in one transaction: one step for undo.
    pub fn commit(&self, repo: &mut Repository) -> Result<LogOutcome> {
        let (interaction_id, follow_up_id) = repo.log_closing(
            &self.interaction,
            self.follow_up.as_ref(),
            self.closes.as_ref().map(|f| f.id),
            self.satisfaction,
        )?;
        Ok(LogOutcome {
            interaction_id,
            follow_up_id,
        })
    }
}

/// The task a follow-up gets when none was typed: the outcome's, else the summary's first line,
/// so a bare date still says what it was about.
pub fn task_for(typed: &str, outcome: Option<&Outcome>, summary: &str) -> String {
    let typed = typed.trim();
    if !typed.is_empty() {
        return typed.to_string();
    }
    if let Some(task) = outcome.map(|o| o.task.trim()).filter(|t| !t.is_empty()) {
        return task.to_string();
    }
    t!(
        "task-follow-up",
        summary = crate::book::follow_ups::summary_head(summary)
    )
}

/// "Not too often" warnings for the contact's day and its follow-up's, leaving out the date of
/// the follow-up it closes (that plan is this very contact).
fn frequency_warnings(
    repo: &Repository,
    config: &Config,
    interaction: &InteractionDraft,
    follow_up: Option<&FollowUpDraft>,
    closing: Option<&FollowUp>,
) -> Result<Vec<crate::book::care::TooOften>> {
    let ceiling = config.frequency.ceiling();
    let handled = closing.map(|f| f.draft.due_on);
    let days = std::iter::once(interaction.at.date()).chain(follow_up.map(|f| f.due_on));
    let mut warnings = Vec::new();
    for day in days {
        for w in repo.frequency_warnings(interaction.customer_id, day, ceiling, handled)? {
            if !warnings.contains(&w) {
                warnings.push(w);
            }
        }
    }
    Ok(warnings)
}

#[cfg(test)]
mod tests;
