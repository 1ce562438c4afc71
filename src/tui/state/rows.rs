//! Taking in what `update` read from the book: the first screen's rows, the ranking read ahead,
//! the whole book from the loader, the list read again, one customer's row after a save, the
//! open follow-ups. Nothing here reads the book; the rows are finished (due dates, tiers) and
//! sorted here.

use std::collections::HashMap;

use super::{FollowUpScope, OpenFollowUps, State};
use crate::book::due::SortOrder;
use crate::book::follow_ups::FollowUpKey;
use crate::book::model::{CustomerId, CustomerRow, FollowUp, share_repeated};
use crate::services::customer_list::{self, Ranking};
use crate::tui::loader::Loaded;

impl State {
    /// The first rows and follow-ups of a big book, while the rest is read on a thread.
    pub fn put_first_rows(&mut self, mut rows: Vec<CustomerRow>, follow_ups: Vec<FollowUp>) {
        customer_list::finish_rows(&mut rows, &Ranking::default(), &self.config, self.today);
        self.search.rebuild(&rows);
        customer_list::keep_listed(&mut rows);
        share_repeated(&mut rows);
        self.rows = rows;
        self.put_follow_ups(follow_ups);
        self.loading = true;
        self.resort();
    }

    /// The revenue ranking, read before the whole book: the rows on screen get their computed
    /// tiers (and going-cold marks, which follow the tier's cadence).
    pub fn put_ranking(&mut self, ranking: Ranking) {
        self.computed_tiers = ranking;
        customer_list::reapply_tiers(
            &mut self.rows,
            &self.computed_tiers,
            &self.config,
            self.today,
        );
        self.resort_keeping_selection();
    }

    /// The whole book from the loader, keeping the selection on the same customer.
    pub fn put_loaded(&mut self, loaded: Loaded) {
        let keep = self.selected_id();
        self.rows = loaded.rows;
        self.computed_tiers = loaded.computed_tiers;
        self.search = loaded.search;
        if self.follow_up_scope == FollowUpScope::WholeBook {
            self.put_follow_up_keys(loaded.follow_ups);
        }
        match (self.order, loaded.today == self.today) {
            (SortOrder::Attention, true) => self.put_sorted(loaded.attention),
            _ => self.resort(),
        }
        if let Some(id) = keep {
            self.select_customer(id);
        }
    }

    /// Every row read again (finished with `ranking`), keeping the selection on the same
    /// customer where it still exists.
    pub fn put_rows(&mut self, mut rows: Vec<CustomerRow>, ranking: Ranking) {
        // Read before the rows change: `visible` indexes the old ones.
        let keep = self.selected_id();
        self.computed_tiers = ranking;
        self.search.rebuild(&rows);
        customer_list::keep_listed(&mut rows);
        share_repeated(&mut rows);
        self.rows = rows;
        self.visible.clear();
        self.resort();
        if let Some(id) = keep {
            self.select_customer(id);
        }
    }

    /// One customer's row read again after a save, or a customer just added; with
    /// `computed_tiers` when deals changed and every tier is ranked again. Only that row moves
    /// (and only its search keys are built again), so a save costs the same in a book of
    /// 100,000 as in one of 100; a new ranking can move anyone, so then the list is sorted again.
    pub fn put_row(&mut self, mut row: CustomerRow, computed_tiers: Option<Ranking>) {
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
        let keep = self.selected_id();
        let i = self.set_row(row);
        if ranking {
            customer_list::reapply_tiers(
                &mut self.rows,
                &self.computed_tiers,
                &self.config,
                self.today,
            );
            self.resort();
        } else {
            self.replace_in_order(i);
        }
        if let Some(keep) = keep {
            self.select_customer(keep);
        }
    }

    /// Takes customer `id` out of the list (archived): the other rows keep their order.
    pub fn remove_row(&mut self, id: CustomerId) {
        let Some(i) = self.rows.iter().position(|r| r.id == id) else {
            return;
        };
        let keep = self.selected_id().filter(|&k| k != id);
        let last = self.rows.len() - 1;
        self.rows.swap_remove(i);
        self.search.remove_row(i);
        // The last row now sits at `i`.
        self.sorted.retain(|&j| j != i);
        for j in &mut self.sorted {
            if *j == last {
                *j = i;
            }
        }
        self.refilter();
        if let Some(keep) = keep {
            self.select_customer(keep);
        }
    }

    /// Several customers' rows read again (finished here), with one sort for all of them.
    pub fn put_changed_rows(&mut self, mut rows: Vec<CustomerRow>) {
        customer_list::finish_rows(&mut rows, &self.computed_tiers, &self.config, self.today);
        let mut changed: HashMap<CustomerId, CustomerRow> =
            rows.into_iter().map(|r| (r.id, r)).collect();
        for i in 0..self.rows.len() {
            if let Some(row) = changed.remove(&self.rows[i].id) {
                self.set_row_at(i, row);
            }
        }
        for (_, row) in changed {
            self.set_row(row);
        }
        self.resort_keeping_selection();
    }

    /// Puts `row` in place of the row with its id, or after the others when there is none;
    /// its search keys follow. Returns its index. The order is for the caller to mend.
    fn set_row(&mut self, row: CustomerRow) -> usize {
        let i = self
            .rows
            .iter()
            .position(|r| r.id == row.id)
            .unwrap_or(self.rows.len());
        self.set_row_at(i, row);
        i
    }

    /// `set_row` at index `i` (the number of rows: a new one).
    fn set_row_at(&mut self, i: usize, mut row: CustomerRow) {
        // Always: results the search kept may hang on more than the text (`due:today`).
        self.search.put_row(i, &row);
        customer_list::keep_listed(std::slice::from_mut(&mut row));
        match self.rows.get_mut(i) {
            Some(slot) => *slot = row,
            None => self.rows.push(row),
        }
    }

    fn resort_keeping_selection(&mut self) {
        let keep = self.selected_id();
        self.resort();
        if let Some(id) = keep {
            self.select_customer(id);
        }
    }

    /// The open follow-ups the pane shows, all of them whole (one customer's, the first
    /// screen's).
    pub fn put_follow_ups(&mut self, follow_ups: Vec<FollowUp>) {
        self.follow_ups = OpenFollowUps::from_whole(follow_ups, self.follow_up_list.selected);
        self.follow_up_list.step(0, self.follow_ups.len());
    }

    /// The places of the whole book's open follow-ups: those on screen are read whole next
    /// (`update::reading::fill_follow_ups`).
    pub fn put_follow_up_keys(&mut self, keys: Vec<FollowUpKey>) {
        self.follow_ups = OpenFollowUps::from_keys(keys);
        self.follow_up_list.step(0, self.follow_ups.len());
    }

    /// One customer's open follow-ups, merged into the whole book's, earliest first.
    pub fn put_customer_follow_ups(&mut self, id: CustomerId, theirs: Vec<FollowUp>) {
        self.put_customers_follow_ups(&[id], theirs);
    }

    /// Some customers' open follow-ups (`ids` sorted), merged into the whole book's: each put
    /// in its place, the others left where they are.
    pub fn put_customers_follow_ups(&mut self, ids: &[CustomerId], theirs: Vec<FollowUp>) {
        self.follow_ups.merge(ids, theirs);
        self.follow_up_list.step(0, self.follow_ups.len());
    }
}
