//! Taking in what `update` read from the book: the first screen's rows, the whole book from
//! the loader, the list read again, one customer's row after a save, the open follow-ups.
//! Nothing here reads the book; the rows are finished (due dates, tiers) and sorted here.

use super::{FollowUpScope, State};
use crate::book::model::{CustomerId, CustomerRow, FollowUp};
use crate::services::customer_list::{self, Ranking};
use crate::tui::loader::Loaded;

impl State {
    /// The first rows and follow-ups of a big book, while the rest is read on a thread.
    pub fn put_first_rows(&mut self, mut rows: Vec<CustomerRow>, follow_ups: Vec<FollowUp>) {
        customer_list::finish_rows(&mut rows, &Ranking::default(), &self.config, self.today);
        self.rows = rows;
        self.search.rebuild(&self.rows);
        self.follow_ups = follow_ups;
        self.loading = true;
        self.resort();
    }

    /// The whole book from the loader, keeping the selection on the same customer.
    pub fn put_loaded(&mut self, loaded: Loaded) {
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
    }

    /// Every row read again (finished with `ranking`), keeping the selection on the same
    /// customer where it still exists.
    pub fn put_rows(&mut self, rows: Vec<CustomerRow>, ranking: Ranking) {
        let keep = self.selected_id();
        self.computed_tiers = ranking;
        self.rows = rows;
        self.search.rebuild(&self.rows);
        self.resort();
        if let Some(id) = keep {
            self.select_customer(id);
        }
    }

    /// One customer's row read again after a save; with `computed_tiers` when deals changed
    /// and every tier is ranked again. False when the list does not hold that customer.
    pub fn put_row(&mut self, mut row: CustomerRow, computed_tiers: Option<Ranking>) -> bool {
        let Some(pos) = self.rows.iter().position(|r| r.id == row.id) else {
            return false;
        };
        let ranking = computed_tiers.is_some();
        if let Some(tiers) = computed_tiers {
            self.computed_tiers = tiers;
        }
        customer_list::finish_rows(
            std::slice::from_mut(&mut row),
            &self.computed_tiers,
            &self.config,
            self.today,
        );
        let searched_text_changed = searched_text(&self.rows[pos]) != searched_text(&row);
        self.rows[pos] = row;
        if ranking {
            customer_list::reapply_tiers(
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
        true
    }

    /// The open follow-ups the pane shows.
    pub fn put_follow_ups(&mut self, follow_ups: Vec<FollowUp>) {
        self.follow_ups = follow_ups;
        self.follow_up_list.step(0, self.follow_ups.len());
    }

    /// One customer's open follow-ups, merged into the whole book's, earliest first.
    pub fn put_customer_follow_ups(&mut self, id: CustomerId, theirs: Vec<FollowUp>) {
        self.follow_ups.retain(|f| f.draft.customer_id != id);
        self.follow_ups.extend(theirs);
        self.follow_ups
            .sort_by_key(crate::book::follow_ups::order_key);
        self.follow_up_list.step(0, self.follow_ups.len());
    }
}

/// What the name filter searches: when none of it changed, the search keys stand.
fn searched_text(row: &CustomerRow) -> [&str; 7] {
    [
        &row.name,
        &row.people,
        &row.city,
        &row.tags,
        &row.phone,
        &row.email,
        &row.reach,
    ]
}
