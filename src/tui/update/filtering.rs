//! The filter's two scopes (names, and what was said and noted) and a holiday greeting
//! recorded from the list.

use super::reading::{load_detail, load_more_history};
use crate::repository::{Repository, Result};
use crate::safe_text;
use crate::tui::action::Pane;
use crate::tui::state::{FoundAt, Screen, State};
use crate::tui::text_input::TextEdit;

/// `W`: the selected customer was greeted for the next holiday the config greets for.
pub(super) fn record_greeting(state: &mut State, repo: &mut Repository) -> Result<()> {
    use chrono::Datelike;
    let Some(row) = state.selected_row().cloned() else {
        return Ok(());
    };
    let next = crate::book::holidays::next_holidays(state.today, 370)
        .into_iter()
        .find(|h| state.config.greetings.iter().any(|g| g == h.key));
    let Some(holiday) = next else {
        state.info(t!("status-no-holiday-ahead"));
        return Ok(());
    };
    repo.record_greeting(row.id, holiday.key, holiday.on.year(), state.today)?;
    state.info(t!(
        "status-greeted",
        name = safe_text::line(&row.name).into_owned(),
        zh = holiday.name_zh,
        en = holiday.name_en,
        year = holiday.on.year().to_string()
    ));
    Ok(())
}

/// Filters the list for the query as it stands and shows the first match.
pub fn refilter_now(state: &mut State, repo: &Repository) -> Result<()> {
    state.refilter_pending = false;
    state.refilter();
    state.list.selected = 0;
    load_detail(state, repo)
}

/// The notes scope runs its full-text search as the query changes.
pub(super) fn search_notes(state: &mut State, repo: &Repository) -> Result<()> {
    state.note_hits = if state.notes_scope {
        repo.search_notes(state.filter.text(), 200)?
    } else {
        Vec::new()
    };
    state.note_list.step(0, state.note_hits.len());
    Ok(())
}

/// Enter on a notes hit: its customer selected (the filter cleared so it shows) and opened
/// where the words are: a contact's entry at the top of the history, a person or the
/// customer's notes in the profile, marked and scrolled into view.
pub(super) fn open_note_hit(state: &mut State, repo: &Repository) -> Result<()> {
    let Some(hit) = state.note_hits.get(state.note_list.selected).cloned() else {
        return Ok(());
    };
    state.screen = Screen::BOOK;
    state.notes_scope = false;
    state.note_hits.clear();
    state.filter = Default::default();
    state.refilter();
    if !state.select_customer(hit.customer_id) {
        state.info(t!("status-customer-archived"));
        return Ok(());
    }
    load_detail(state, repo)?;
    let found = match (hit.interaction_id, hit.contact_id) {
        (Some(id), _) => {
            state.history_scroll = repo.history_position(hit.customer_id, id)?;
            load_more_history(state, repo)?;
            FoundAt::Entry(id)
        }
        (None, Some(person)) => FoundAt::Person(person),
        (None, None) => FoundAt::Notes,
    };
    state.focus = match found {
        FoundAt::Entry(_) => Pane::History,
        FoundAt::Person(_) | FoundAt::Notes => Pane::Profile,
    };
    state.found_at = Some(found);
    state.profile_scroll.seek = true;
    Ok(())
}

/// Typing on the filter line: names are filtered at once (or once the burst of keys is in);
/// the notes scope searches as the query changes.
pub(super) fn edit_filter(state: &mut State, repo: &Repository, edit: TextEdit) -> Result<()> {
    change_filter(state, repo, |filter| filter.apply(edit, false))
}

/// Pasted text on the filter line: one line, whatever breaks it held.
pub(super) fn paste_filter(state: &mut State, repo: &Repository, text: &str) -> Result<()> {
    change_filter(state, repo, |filter| filter.paste(text, false))
}

fn change_filter(
    state: &mut State,
    repo: &Repository,
    change: impl FnOnce(&mut crate::tui::text_input::TextInput),
) -> Result<()> {
    if !state.screen.is_filtering() {
        return Ok(());
    }
    change(&mut state.filter);
    if state.notes_scope {
        state.note_list = Default::default();
        search_notes(state, repo)
    } else if state.defer_refilter {
        state.refilter_pending = true;
        Ok(())
    } else {
        refilter_now(state, repo)
    }
}
