//! The review's steps: open it, walk it, and act on the item on screen.

use std::collections::HashSet;

use super::super::book_forms as forms;
use super::super::form::FollowUpField;
use super::super::review::{Handled, QuickDate, RECENT, Review, ReviewItem};
use super::super::state::{Screen, State};
use super::reading::{load_detail, refresh_customer};
use crate::book::agenda::{self, Agenda};
use crate::book::care::TooOften;
use crate::book::model::{CustomerId, CustomerRow, FollowUp, FollowUpDraft, FollowUpId};
use crate::i18n::calendar;
use crate::repository::{Repository, Result};
use crate::safe_text;
use crate::services::morning;

/// The task written when a customer going cold is planned in rather than contacted now.
/// The task a follow-up planned for a customer going cold gets, in the language spoken (it is
/// written into the book as the person would have typed it).
pub fn reconnect_task() -> String {
    t!("task-reconnect")
}

/// Resumes today's review where it was left, or builds it from the book as it is now. An
/// empty one stays closed with a message.
pub fn open(state: &mut State, repo: &Repository) -> Result<()> {
    let paused = state.paused_review.take();
    if let Some(review) = paused.filter(|r| r.day == state.today) {
        return resume(state, repo, review);
    }
    // Only what is due by today, read through the open-by-due index: the app does not hold
    // the whole book's follow-ups, and its customers going cold are not copied to pick the
    // morning's share.
    let due = repo.open_follow_ups_due_by(state.now.date())?;
    let agenda = Agenda::build(due, &[], &[], state.now, 0);
    let mut review = Review::new(
        state.today,
        agenda.overdue.into_iter().chain(agenda.today).collect(),
    );
    if !state.loading {
        let (cold, total) = cold_share(state, repo)?;
        review.add_cold(cold, total);
    }
    if review.is_empty() {
        state.info(match review.cold_total {
            0 => t!("status-review-clear-day"),
            n => t!("status-review-cold-left-out", n = n),
        });
        return Ok(());
    }
    state.screen = Screen::Review(Box::new(review));
    load_current(state, repo)
}

/// The review paused earlier today, its marks brought up to date with the book.
fn resume(state: &mut State, repo: &Repository, review: Box<Review>) -> Result<()> {
    state.screen = Screen::Review(review);
    let added = follow_book(state, repo)?;
    let Some(r) = state.review() else {
        return Ok(());
    };
    let place = if r.is_finished() {
        t!("status-review-at-summary")
    } else {
        t!("status-review-at", at = r.at + 1, of = r.items.len())
    };
    state.info(match added {
        0 => t!("status-review-resumed", place = place),
        n => t!("status-review-resumed-added", place = place, n = n),
    });
    Ok(())
}

/// The review on screen, after the book was read again or written elsewhere: marks follow
/// the book, follow-ups due since join the walk, and a going-cold part left out while the book
/// was still being read is chosen now. Returns how many follow-ups were added.
pub fn follow_book(state: &mut State, repo: &Repository) -> Result<usize> {
    if state.review().is_none() {
        return Ok(0);
    }
    let open = open_for_review(state, repo)?;
    let cold_part = match state.review() {
        Some(r) if !r.cold_chosen && !state.loading => Some(cold_share(state, repo)?),
        _ => None,
    };
    let (rows, now) = (&state.rows, state.now);
    let Screen::Review(review) = &mut state.screen else {
        return Ok(0);
    };
    let added = review.reconcile(&open, rows, now);
    if let Some((cold, total)) = cold_part {
        review.add_cold(cold, total);
    }
    load_current(state, repo)?;
    Ok(added)
}

/// Today's share of the customers going cold, and how many they are.
fn cold_share(state: &State, repo: &Repository) -> Result<(Vec<CustomerRow>, usize)> {
    let cold = agenda::cold_rows(&state.rows, state.now.date());
    let total = cold.len();
    Ok((morning::cold_for_review(repo, &state.config, cold)?, total))
}

/// What `Review::reconcile` needs of the book's open follow-ups: those due by today (any may
/// have joined the walk) and those of the walk still open, whatever their day now (one
/// snoozed is open and due later). Not the whole book's.
fn open_for_review(state: &State, repo: &Repository) -> Result<Vec<FollowUp>> {
    let mut open = repo.open_follow_ups_due_by(state.now.date())?;
    let due: HashSet<FollowUpId> = open.iter().map(|f| f.id).collect();
    let walked: Vec<FollowUpId> = (state.review().into_iter())
        .flat_map(|r| &r.items)
        .filter_map(|item| match item {
            ReviewItem::FollowUp(f) if !due.contains(&f.id) => Some(f.id),
            _ => None,
        })
        .collect();
    if !walked.is_empty() {
        open.extend(repo.open_follow_ups_among(&walked)?);
    }
    Ok(open)
}

/// True when something is overdue or due today: what opens fieldbook on the review. The
/// whole-book follow-ups are loaded earliest first, so the first one tells.
pub fn anything_due(state: &State) -> bool {
    state.follow_up_scope == crate::tui::state::FollowUpScope::WholeBook
        && state
            .follow_ups
            .keys()
            .first()
            .is_some_and(|f| f.due_on <= state.today)
}

/// Reads the current item's customer and latest interactions.
pub fn load_current(state: &mut State, repo: &Repository) -> Result<()> {
    let (computed_tiers, config, today) = (&state.computed_tiers, &state.config, state.today);
    let Screen::Review(review) = &mut state.screen else {
        return Ok(());
    };
    let Some(id) = review.current().map(ReviewItem::customer_id) else {
        review.account = None;
        review.customer = None;
        review.recent.clear();
        review.recent_total = 0;
        review.people.clear();
        return Ok(());
    };
    review.customer = repo.customer(id)?;
    review.account = match &review.customer {
        Some(c) => Some(crate::services::account::Account::load(
            repo,
            c,
            computed_tiers.computed_tier(id),
            config,
            today,
        )?),
        None => None,
    };
    review.recent = repo.history(id, RECENT, 0)?;
    review.recent_total = repo.interaction_count(id)? as usize;
    review.people = repo.contacts(id)?;
    Ok(())
}

/// Leaves the review for the book, keeping it for `t` to resume. Every write the review made
/// already brought its customer up to date, so nothing needs reading again.
pub fn close(state: &mut State, repo: &Repository) -> Result<()> {
    if let Screen::Review(review) = std::mem::replace(&mut state.screen, Screen::BOOK) {
        state.paused_review = Some(review);
    }
    load_detail(state, repo)
}

/// `J`: past the customers going cold, to what is left.
pub fn skip_going_cold(state: &mut State, repo: &Repository) -> Result<()> {
    let Some(review) = state.review_mut() else {
        return Ok(());
    };
    let skipped = review.skip_going_cold();
    let message = match skipped {
        0 => t!("status-review-no-cold-to-skip"),
        n => t!("status-review-cold-skipped", n = n),
    };
    load_current(state, repo)?;
    state.info(message);
    Ok(())
}

pub fn step(state: &mut State, repo: &Repository, delta: isize) -> Result<()> {
    if let Some(r) = state.review_mut() {
        r.step(delta);
    }
    load_current(state, repo)
}

/// Records what became of the item and moves on. Anything but a skip wrote the book, so that
/// customer is read again (the header's counts and the list follow).
pub fn settle(state: &mut State, repo: &Repository, handled: Handled) -> Result<()> {
    let customer = state
        .review()
        .and_then(|r| r.current())
        .map(ReviewItem::customer_id);
    if let Some(r) = state.review_mut() {
        r.settle(handled);
    }
    if let Some(id) = customer.filter(|_| handled != Handled::Skipped) {
        refresh_customer(state, repo, id, false)?;
    }
    load_current(state, repo)
}

/// The follow-up on screen, if it is one and is still open.
pub fn open_follow_up(state: &State) -> Option<&crate::book::model::FollowUp> {
    let review = state.review()?;
    match (review.current()?, review.current_handled()) {
        (ReviewItem::FollowUp(_), Some(Handled::Done | Handled::Snoozed(_) | Handled::Logged)) => {
            None
        }
        (ReviewItem::FollowUp(f), _) => Some(f),
        (ReviewItem::Cold(_), _) => None,
    }
}

pub fn done(state: &mut State, repo: &mut Repository) -> Result<()> {
    let Some(review) = state.review() else {
        return Ok(());
    };
    match review.current() {
        Some(ReviewItem::FollowUp(_)) => {}
        Some(ReviewItem::Cold(_)) => {
            state.info(t!("status-review-cold-not-done"));
            return Ok(());
        }
        None => return Ok(()),
    }
    let Some(f) = open_follow_up(state).cloned() else {
        state.info(t!("status-review-dealt-with"));
        return Ok(());
    };
    let next = repo.complete_follow_up(f.id, state.today)?;
    let next = next.map(|id| repo.follow_up(id)).transpose()?;
    settle(state, repo, Handled::Done)?;
    state.info(done_message(&f, next.as_ref(), state.today));
    Ok(())
}

/// `s`: show the quick choices, unless the item is already closed.
pub fn choose_date(state: &mut State) {
    let closed = matches!(
        state.review().and_then(|r| r.current()),
        Some(ReviewItem::FollowUp(_))
    ) && open_follow_up(state).is_none();
    if closed {
        state.info(t!("status-review-dealt-with"));
    } else if let Some(r) = state.review_mut().filter(|r| !r.is_finished()) {
        r.choosing_date = true;
    }
}

/// A quick snooze: a follow-up moves to the date; a customer going cold gets a follow-up on it.
pub fn quick_snooze(state: &mut State, repo: &mut Repository, choice: QuickDate) -> Result<()> {
    let Some(review) = state.review_mut() else {
        return Ok(());
    };
    review.choosing_date = false;
    let Some(item) = review.current().cloned() else {
        return Ok(());
    };
    let Some(until) = choice.resolve(state.today) else {
        state.open_form(match &item {
            ReviewItem::FollowUp(f) => forms::snooze_form(f.id, &f.draft.task),
            ReviewItem::Cold(row) => reconnect_form(row.id, &row.name),
        });
        return Ok(());
    };
    let when = calendar::due_label(Some(until), state.today);
    match item {
        ReviewItem::FollowUp(f) => {
            repo.snooze_follow_up(f.id, until)?;
            settle(state, repo, Handled::Snoozed(until))?;
            state.info(t!(
                "status-snoozed-to",
                when = when,
                task = safe_text::line(&f.draft.task).into_owned()
            ));
        }
        ReviewItem::Cold(row) => {
            let ceiling = state.config.frequency.ceiling();
            let warnings = repo.frequency_warnings(row.id, until, ceiling, None)?;
            repo.add_follow_up(&FollowUpDraft {
                customer_id: row.id,
                due_on: until,
                due_time: None,
                task: reconnect_task().into(),
                repeat: None,
            })?;
            settle(state, repo, Handled::Planned(until))?;
            state.info(with_warnings(
                t!(
                    "status-follow-up-planned",
                    when = when,
                    task = safe_text::line(&row.name).into_owned()
                ),
                &warnings,
            ));
        }
    }
    Ok(())
}

/// The follow-up form with the reconnect task filled in, for a typed date.
pub fn reconnect_form(customer_id: CustomerId, name: &str) -> crate::tui::form::Form {
    let mut form = forms::follow_up_form(customer_id, name);
    form.suggest(FollowUpField::Task, &reconnect_task());
    form.focus_on(FollowUpField::Due);
    form
}

/// The log form for the item on screen; saving it also closes the follow-up shown.
pub fn log_form(state: &State) -> Option<crate::tui::form::Form> {
    let review = state.review()?;
    let customer = review.customer.as_ref()?;
    let mut form = forms::log_form(customer.id, &customer.draft.name, &state.config.outcomes);
    if let Some(f) = open_follow_up(state) {
        form.title = t!(
            "form-title-closes",
            title = form.title,
            task = f.draft.task.as_str()
        );
    }
    Some(form)
}

pub fn follow_up_form(state: &State) -> Option<crate::tui::form::Form> {
    let customer = state.review()?.customer.as_ref()?;
    Some(forms::follow_up_form(customer.id, &customer.draft.name))
}

/// Enter: the item's customer, selected in the book.
pub fn open_in_book(state: &mut State, repo: &Repository) -> Result<()> {
    let Some(id) = state
        .review()
        .and_then(|r| r.current())
        .map(ReviewItem::customer_id)
    else {
        return close(state, repo);
    };
    close(state, repo)?;
    if !state.select_customer(id) {
        state.filter = Default::default();
        state.refilter();
        state.select_customer(id);
    }
    state.focus = crate::tui::action::Pane::History;
    load_detail(state, repo)
}

/// "done: Send the quote; next one in 7d": a follow-up ticked off, and its next repeat.
pub fn done_message(f: &FollowUp, next: Option<&FollowUp>, today: chrono::NaiveDate) -> String {
    let task = safe_text::line(&f.draft.task).into_owned();
    match next {
        Some(n) => t!(
            "status-done-next",
            task = task,
            when = calendar::due_label(Some(n.draft.due_on), today)
        ),
        None => t!("status-done", task = task),
    }
}

/// Appends "not too often" warnings to a status message.
pub fn with_warnings(message: String, warnings: &[TooOften]) -> String {
    if warnings.is_empty() {
        return message;
    }
    let said: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    t!(
        "status-careful",
        message = message,
        warnings = said.join(&t!("list-separator"))
    )
}
