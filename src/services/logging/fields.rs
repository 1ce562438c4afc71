//! Each field of a log request read into what the book stores, or a message for the field.

use chrono::NaiveDateTime;

use super::{Closes, FieldErrors, FollowUpRequest, LogField, LogRequest, Remedy};
use crate::book::dates::{self, DateOrder};
use crate::book::follow_ups::find_person;
use crate::book::model::{Channel, Contact, ContactId, FollowUp};
use crate::book::recurrence::Recurrence;
use crate::config::{Config, Outcome};
use crate::repository::{BookError, Repository, Result};
use crate::safe_text;
use crate::services::later::{self, LaterError};

pub(super) fn read_channel(text: &str, errors: &mut FieldErrors) -> Option<Channel> {
    if text.trim().is_empty() {
        return Some(Channel::Call);
    }
    let channel = Channel::parse(text);
    if channel.is_none() {
        let all: Vec<&str> = Channel::ALL.iter().map(|c| c.as_str()).collect();
        errors.add(
            LogField::Channel,
            t!(
                "log-error-channel",
                typed = safe_text::escaped(text.trim()),
                all = all.join(", ")
            ),
        );
    }
    channel
}

pub(super) fn read_outcome<'a>(
    key: Option<&str>,
    config: &'a Config,
    errors: &mut FieldErrors,
) -> Option<&'a Outcome> {
    let key = key.map(str::trim).filter(|k| !k.is_empty())?;
    let outcome = config.outcome(key);
    if outcome.is_none() {
        let keys: Vec<&str> = config.outcomes.iter().map(|o| o.key.as_str()).collect();
        errors.add(
            LogField::Outcome,
            t!(
                "log-error-outcome",
                typed = safe_text::escaped(key),
                all = keys.join(", ")
            ),
        );
    }
    outcome
}

pub(super) fn read_with(
    name: &str,
    contacts: &[Contact],
    errors: &mut FieldErrors,
) -> Option<ContactId> {
    let found = find_person(contacts, name).map(|c| c.id);
    if found.is_none() {
        errors.add(
            LogField::With,
            t!("log-error-with", typed = safe_text::escaped(name)),
        );
    }
    found
}

/// A contact is logged once it has happened; a When a little ahead (a clock running fast, a
/// call logged the moment it starts) is let through.
const AHEAD_GRACE_MINUTES: i64 = 10;

pub(super) fn read_when(
    text: &str,
    now: NaiveDateTime,
    order: DateOrder,
    errors: &mut FieldErrors,
) -> Option<NaiveDateTime> {
    let at = match text.trim() {
        "" | "now" => return Some(now),
        text => dates::parse_datetime_in(text, now, order)
            .map_err(|e| errors.add(LogField::When, e.to_string()))
            .ok()?,
    };
    if (at - now).num_minutes() > AHEAD_GRACE_MINUTES {
        errors.refuse(
            LogField::When,
            t!(
                "log-error-when-ahead",
                at = at.format("%Y-%m-%d %H:%M").to_string()
            ),
            Remedy::MakeFollowUp,
        );
        return None;
    }
    Some(at)
}

/// When the follow-up is due and how it repeats; `None` when there is none (or it is bad).
pub(super) fn read_follow_up(
    request: &FollowUpRequest,
    outcome: Option<&Outcome>,
    now: NaiveDateTime,
    order: DateOrder,
    errors: &mut FieldErrors,
) -> Option<(dates::When, Option<Recurrence>)> {
    let due = match &request.due {
        Some(typed) => typed.trim().to_string(),
        None => outcome.and_then(|o| o.next.clone()).unwrap_or_default(),
    };
    let repeat = request.repeat.trim();
    if due.is_empty() {
        if !request.task.trim().is_empty() || !repeat.is_empty() {
            errors.add(LogField::FollowUpDate, t!("log-error-follow-up-date"));
        }
        return None;
    }
    let when = match later::read_later(&due, now, order, request.past_ok) {
        Ok(when) => Some(when),
        Err(e @ LaterError::Past { .. }) => {
            errors.refuse(LogField::FollowUpDate, e.to_string(), Remedy::ConfirmPast);
            None
        }
        Err(e) => {
            errors.add(LogField::FollowUpDate, e.to_string());
            None
        }
    };
    let rule = match repeat {
        "" => None,
        text => {
            let rule = Recurrence::parse(text);
            if rule.is_none() {
                errors.add(
                    LogField::Repeat,
                    t!("log-error-repeat", typed = safe_text::escaped(text)),
                );
            }
            rule
        }
    };
    Some((when?, rule))
}

/// The follow-up a log closes: the one asked for, which must be open and the same customer's;
/// by default the customer's earliest follow-up due by now (calling about it is what it asked
/// for), none when there is none.
pub(super) fn read_closes(
    request: &LogRequest,
    repo: &Repository,
    now: NaiveDateTime,
    errors: &mut FieldErrors,
) -> Result<Option<FollowUp>> {
    let id = match request.closes {
        Closes::Nothing => return Ok(None),
        Closes::EarliestDue => {
            let open = repo.open_follow_ups(Some(request.customer_id))?;
            // Listed in the order they are done, so the first due is the earliest.
            return Ok(open.into_iter().find(|f| f.draft.due_on <= now.date()));
        }
        Closes::This(id) => id,
    };
    let found = match repo.follow_up(id) {
        Ok(f) => Some(f),
        Err(BookError::Invalid(_)) => None,
        Err(e) => return Err(e),
    };
    let open = found.filter(|f| f.draft.customer_id == request.customer_id && f.done_at.is_none());
    if open.is_none() {
        errors.add(LogField::Closes, t!("log-error-closes", id = id));
    }
    Ok(open)
}
