//! Reading the book into the state: the first screen of a big book, installing the whole
//! book read on the loader thread, reading it all again, or just the one customer a save
//! touched.

use std::collections::HashMap;

use chrono::NaiveDateTime;

use super::{FollowUpScope, State};
use crate::book::model::{CustomerId, FollowUp};
use crate::config::Config;
use crate::repository::{Repository, Result};

impl State {
    /// The first screen of a big book, from indexed queries only: what is overdue and due
    /// today, the earliest follow-ups, and the first customer. `install` brings in the rest.
    pub fn first_screen(
        repo: &Repository,
        now: NaiveDateTime,
        book_name: impl Into<String>,
        config: Config,
    ) -> Result<Self> {
        let mut state = Self::empty(now, book_name, config);
        state.rows = repo.first_rows(state.today, 200)?;
        crate::listing::finish_rows(&mut state.rows, &HashMap::new(), &state.config, state.today);
        state.search.rebuild(&state.rows);
        state.follow_ups = repo.first_follow_ups(500)?;
        state.loading = true;
        state.resort();
        state.load_detail(repo)?;
        Ok(state)
    }

    /// Brings in the whole book read by the loader, keeping the filter, the selection, the
    /// focus and whatever is open. A write made while it was read makes it stale: then the
    /// book is read again here.
    pub fn install(&mut self, loaded: crate::tui::loader::Loaded, repo: &Repository) -> Result<()> {
        self.loading = false;
        if loaded.as_of_step != repo.last_step_id()? {
            return self.reload(repo);
        }
        let keep = self.selected_id();
        self.rows = loaded.rows;
        self.computed_tiers = loaded.computed_tiers;
        self.search = loaded.search;
        if self.follow_up_scope == FollowUpScope::WholeBook {
            self.follow_ups = loaded.follow_ups;
            self.follow_up_list.step(0, self.follow_ups.len());
        }
        self.resort();
        if let Some(id) = keep {
            self.select_customer(id);
        }
        self.load_detail(repo)
    }

    /// Re-reads the list, the selected customer and follow-ups, keeping the selection on the same
    /// customer where it still exists.
    pub fn reload(&mut self, repo: &Repository) -> Result<()> {
        let keep = self.selected_id();
        self.computed_tiers = crate::listing::computed_tiers(repo, &self.config, self.today)?;
        self.rows = repo.customer_rows()?;
        crate::listing::finish_rows(
            &mut self.rows,
            &self.computed_tiers,
            &self.config,
            self.today,
        );
        self.search.rebuild(&self.rows);
        self.resort();
        if let Some(id) = keep {
            self.select_customer(id);
        }
        self.load_detail(repo)?;
        self.load_follow_ups(repo)
    }

    /// After a write that touched one customer (a log, a follow-up, a deal, an edit): that
    /// customer's row and follow-ups are read again, not the whole book, so saving stays quick
    /// in a book of 100,000. `ranking` says deals changed, so tiers are ranked again.
    pub fn refresh_customer(
        &mut self,
        repo: &Repository,
        id: CustomerId,
        ranking: bool,
    ) -> Result<()> {
        let Some(pos) = self.rows.iter().position(|r| r.id == id) else {
            return self.reload(repo);
        };
        let Some(mut row) = repo.customer_row(id)? else {
            return self.reload(repo);
        };
        if ranking {
            self.computed_tiers = crate::listing::computed_tiers(repo, &self.config, self.today)?;
        }
        crate::listing::finish_rows(
            std::slice::from_mut(&mut row),
            &self.computed_tiers,
            &self.config,
            self.today,
        );
        let old = &self.rows[pos];
        let searched_text_changed = (
            &old.name,
            &old.people,
            &old.city,
            &old.tags,
            &old.phone,
            &old.email,
            &old.reach,
        ) != (
            &row.name,
            &row.people,
            &row.city,
            &row.tags,
            &row.phone,
            &row.email,
            &row.reach,
        );
        self.rows[pos] = row;
        if ranking {
            crate::listing::reapply_tiers(
                &mut self.rows,
                &self.computed_tiers,
                &self.config,
                self.today,
            );
        }
        if searched_text_changed {
            self.search.rebuild(&self.rows);
        }
        let keep = self.selected_id();
        self.resort();
        if let Some(keep) = keep {
            self.select_customer(keep);
        }
        self.load_detail(repo)?;
        match self.follow_up_scope {
            FollowUpScope::WholeBook => {
                self.follow_ups.retain(|f| f.draft.customer_id != id);
                self.follow_ups.extend(repo.open_follow_ups(Some(id))?);
                self.follow_ups.sort_by(|a, b| {
                    let key = |f: &FollowUp| {
                        (
                            f.draft.due_on,
                            f.draft.due_time.is_some(),
                            f.draft.due_time,
                            f.id,
                        )
                    };
                    key(a).cmp(&key(b))
                });
                self.follow_up_list.step(0, self.follow_ups.len());
                Ok(())
            }
            FollowUpScope::SelectedCustomer => self.load_follow_ups(repo),
        }
    }
}
