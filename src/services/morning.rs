//! The morning's list as `fieldbook today` gives it: the agenda (overdue, today, coming up,
//! birthdays, going cold) and the open complaints, read for one day.

use chrono::NaiveDateTime;

use super::customer_list;
use crate::book::agenda::Agenda;
use crate::book::complaints::Complaint;
use crate::book::model::CustomerRow;
use crate::config::Config;
use crate::repository::{Repository, Result};

pub struct Morning {
    pub agenda: Agenda,
    /// An open complaint puts the customer at risk: it belongs on the morning's list.
    pub open_complaints: Vec<Complaint>,
    /// The ranked list the agenda was built from, for names.
    pub rows: Vec<CustomerRow>,
}

/// The agenda with follow-ups up to `days` ahead; a follow-up at a time of day is overdue once
/// `now` has passed it.
pub fn read(repo: &Repository, config: &Config, now: NaiveDateTime, days: u32) -> Result<Morning> {
    let rows = customer_list::customer_rows(repo, config, now.date())?;
    let agenda = Agenda::build(
        repo.open_follow_ups(None)?,
        &rows,
        &repo.birthdays()?,
        now,
        days,
    );
    let open_complaints = repo
        .complaints(None)?
        .into_iter()
        .filter(|c| c.draft.status.is_open())
        .collect();
    Ok(Morning {
        agenda,
        open_complaints,
        rows,
    })
}
