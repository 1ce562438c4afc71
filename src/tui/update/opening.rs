//! Keys on the book that open something: a form for the selected customer or follow-up, the
//! archive question, the dashboard, the archived list.

use crate::repository::{Repository, Result};
use crate::services::dashboard::Dashboard;
use crate::tui::action::Action;
use crate::tui::state::{ArchivedList, Overlay, Question, Screen, State};
use crate::tui::{account_forms, book_forms as forms, customer_forms, importing};

use super::follow_up_customer_into_focus;

/// Opens what `action` asks for; a form about a customer needs one selected.
pub(super) fn open(state: &mut State, repo: &mut Repository, action: Action) -> Result<()> {
    if matches!(
        action,
        Action::LogInteraction | Action::AddFollowUp | Action::EditDeals | Action::EditComplaints
    ) {
        // From the follow-ups pane these act on the follow-up's customer.
        follow_up_customer_into_focus(state, repo)?;
    }
    match action {
        Action::AddCustomer => state.open_form(customer_forms::customer_form(None, "")),
        Action::StartImport => state.open_form(importing::import_form()),
        Action::ArchiveCustomer => {
            if let Some(row) = state.selected_row() {
                let question = Question::Archive {
                    id: row.id,
                    name: row.name.to_string(),
                };
                state.overlay = Some(Overlay::Confirm(question));
            }
        }
        Action::SnoozeFollowUp => {
            if let Some(f) = state.selected_follow_up() {
                let form = forms::snooze_form(f.id, &f.draft.task);
                state.open_form(form);
            }
        }
        Action::ShowDashboard => {
            let dashboard = Dashboard::load(repo, state.today, &state.config)?;
            state.screen = Screen::Dashboard {
                dashboard: Box::new(dashboard),
                scroll: 0,
            };
        }
        Action::ShowArchived => {
            state.screen = Screen::Archived(ArchivedList {
                rows: repo.archived_rows()?,
                cursor: Default::default(),
            });
        }
        customer_action => {
            if let Some(form) = customer_form(state, customer_action) {
                state.open_form(form);
            }
        }
    }
    Ok(())
}

/// The form `action` opens about the selected customer, if one is selected.
fn customer_form(state: &State, action: Action) -> Option<crate::tui::form::Form> {
    let d = state.detail.as_ref()?;
    let (id, name) = (d.customer.id, &d.customer.draft.name);
    Some(match action {
        Action::EditCustomer => {
            let o = &d.account.overrides;
            let why = if o.tier_reason.is_empty() {
                &o.stage_reason
            } else {
                &o.tier_reason
            };
            customer_forms::customer_form(Some(&d.customer), why)
        }
        Action::AddPerson => customer_forms::person_form(id, name),
        Action::LogInteraction => {
            let mut due: Vec<_> = (d.follow_ups.iter())
                .filter(|f| f.done_at.is_none() && f.draft.due_on <= state.today)
                .cloned()
                .collect();
            due.sort_by_key(|f| (f.draft.due_on, f.draft.due_time));
            forms::log_form_closing(id, name, &state.config.outcomes, &due, state.today)
        }
        Action::AddFollowUp => forms::follow_up_form(id, name),
        Action::EditDeals => {
            account_forms::deal_form(id, name, &d.account.deals, &state.config.currency)
        }
        Action::EditComplaints => account_forms::complaint_form(id, name, &d.account.complaints),
        _ => return None,
    })
}
