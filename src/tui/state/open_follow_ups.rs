//! The open follow-ups the pane lists: every one's place (`FollowUpKey`, 32 bytes), and the
//! whole follow-ups (task, customer's name) only around the selection, read from the book as
//! it moves (`update::reading::fill_follow_ups`). A book of 100,000 customers has some 50,000
//! open follow-ups: held whole, with their words, they were 8.7 MB of the app's memory.

use std::collections::{HashMap, HashSet};

use crate::book::follow_ups::FollowUpKey;
use crate::book::model::{CustomerId, FollowUp, FollowUpId};

/// How far either side of the selection the whole follow-ups are wanted: a pane up to this
/// many lines tall shows only whole ones (its window always holds the selection).
pub const NEAR: usize = 120;
/// How far either side of the selection a read takes, so moving through the list reads the
/// book once every hundred steps or so, not at every one.
const READ_AROUND: usize = 2 * NEAR;
/// How many whole ones are kept at most; past it, those far from the selection are let go.
const KEEP_AT_MOST: usize = 8 * NEAR;

#[derive(Debug, Default, Clone)]
pub struct OpenFollowUps {
    /// Earliest first (`FollowUpKey::order`): the pane finds its buckets by halving, and a
    /// follow-up is merged in at its place.
    keys: Vec<FollowUpKey>,
    /// Whole follow-ups by id; `None`: asked of the book and no longer open there (done or
    /// archived meanwhile), so it is not asked again at every frame.
    whole: HashMap<FollowUpId, Option<FollowUp>>,
}

impl OpenFollowUps {
    /// All of `follow_ups`, in any order, keeping whole those around `selected`.
    pub fn from_whole(mut follow_ups: Vec<FollowUp>, selected: usize) -> Self {
        // The key ends in the id: no two are equal, and an unstable sort needs no scratch copy.
        follow_ups.sort_unstable_by_key(crate::book::follow_ups::order_key);
        let keys: Vec<FollowUpKey> = follow_ups.iter().map(FollowUpKey::of).collect();
        let near = around(selected, READ_AROUND, keys.len());
        let whole = follow_ups
            .into_iter()
            .enumerate()
            .filter(|(i, _)| near.contains(i))
            .map(|(_, f)| (f.id, Some(f)))
            .collect();
        OpenFollowUps { keys, whole }
    }

    /// The places of all open follow-ups, in any order; none is whole until read.
    pub fn from_keys(mut keys: Vec<FollowUpKey>) -> Self {
        keys.sort_unstable_by_key(FollowUpKey::order);
        // Read into a vector grown by doubling: give back the slack.
        keys.shrink_to_fit();
        OpenFollowUps {
            keys,
            whole: HashMap::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Every open follow-up's place, earliest first.
    pub fn keys(&self) -> &[FollowUpKey] {
        &self.keys
    }

    /// Follow-up `i` in the list, when it is held whole.
    pub fn get(&self, i: usize) -> Option<&FollowUp> {
        let key = self.keys.get(i)?;
        self.whole.get(&key.id)?.as_ref()
    }

    /// The follow-ups held whole, in the list's order: all of them in a small book (or one
    /// customer's list), those around the selection in a big one.
    pub fn held(&self) -> impl Iterator<Item = &FollowUp> {
        self.keys
            .iter()
            .filter_map(|k| self.whole.get(&k.id)?.as_ref())
    }

    /// The follow-ups to read whole from the book so those near `selected` are: none when they
    /// already are (or were asked for).
    pub fn wanted(&self, selected: usize) -> Option<Vec<FollowUpId>> {
        let len = self.keys.len();
        let known = |k: &FollowUpKey| self.whole.contains_key(&k.id);
        if self.keys[around(selected, NEAR, len)].iter().all(known) {
            return None;
        }
        let ids = self.keys[around(selected, READ_AROUND, len)]
            .iter()
            .filter(|k| !known(k))
            .map(|k| k.id)
            .collect();
        Some(ids)
    }

    /// Takes in what the book gave for `asked` (`wanted`): those it did not give are no longer
    /// open. Then lets go of those far from `selected` when many are held.
    pub fn put_whole(&mut self, asked: &[FollowUpId], found: Vec<FollowUp>, selected: usize) {
        for id in asked {
            self.whole.insert(*id, None);
        }
        for f in found {
            self.whole.insert(f.id, Some(f));
        }
        if self.whole.len() > KEEP_AT_MOST {
            let near: HashSet<FollowUpId> = self.keys[around(selected, READ_AROUND, self.len())]
                .iter()
                .map(|k| k.id)
                .collect();
            self.whole.retain(|id, _| near.contains(id));
        }
    }

    /// Some customers' open follow-ups (`ids` sorted, `theirs` whole) in place of what was
    /// held of theirs: each put in its place, the others left where they are.
    pub fn merge(&mut self, ids: &[CustomerId], theirs: Vec<FollowUp>) {
        let theirs_now = |c: &CustomerId| ids.binary_search(c).is_ok();
        self.keys.retain(|k| !theirs_now(&k.customer_id));
        // A whole one not given again is no longer theirs or open; one asked of the book and
        // not found may be theirs again: asked anew.
        self.whole.retain(|_, f| match f {
            Some(f) => !theirs_now(&f.draft.customer_id),
            None => false,
        });
        if theirs.len() > 32 {
            // Many (a day's birthday reminders): one sort beats as many moves of the rest. A
            // stable sort finds the list's run and merges the new ones in, copying aside only
            // the shorter side.
            self.keys.extend(theirs.iter().map(FollowUpKey::of));
            self.keys.sort_by_key(FollowUpKey::order);
        } else {
            for f in &theirs {
                let key = FollowUpKey::of(f);
                let at = self.keys.partition_point(|k| k.order() <= key.order());
                self.keys.insert(at, key);
            }
        }
        self.whole
            .extend(theirs.into_iter().map(|f| (f.id, Some(f))));
    }
}

/// The indices within `reach` of `i`, in a list of `len`.
fn around(i: usize, reach: usize, len: usize) -> std::ops::Range<usize> {
    let i = i.min(len.saturating_sub(1));
    i.saturating_sub(reach)..(i + reach + 1).min(len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::book::model::FollowUpDraft;

    fn follow_up(id: i64, customer: i64, day: u64) -> FollowUp {
        FollowUp {
            id: FollowUpId(id),
            draft: FollowUpDraft {
                customer_id: CustomerId(customer),
                due_on: "2026-11-01".parse::<chrono::NaiveDate>().unwrap() + chrono::Days::new(day),
                due_time: None,
                task: format!("task {id}").into(),
                repeat: None,
            },
            interaction_id: None,
            customer_name: format!("customer {customer}").into(),
            done_at: None,
        }
    }

    fn book(n: i64) -> Vec<FollowUp> {
        (0..n)
            .map(|i| follow_up(i, 1 + i % 50, (i * 7 % 400) as u64))
            .collect()
    }

    /// The book's answer to `wanted`, as `open_follow_ups_among` gives it.
    fn read(all: &[FollowUp], ids: &[FollowUpId]) -> Vec<FollowUp> {
        all.iter()
            .filter(|f| ids.contains(&f.id))
            .cloned()
            .collect()
    }

    #[test]
    fn only_those_near_the_selection_are_held_whole_and_the_rest_are_read_as_it_moves() {
        let all = {
            let mut all = book(2_000);
            all.sort_by_key(crate::book::follow_ups::order_key);
            all
        };
        let mut list = OpenFollowUps::from_keys(all.iter().rev().map(FollowUpKey::of).collect());
        assert_eq!(
            list.keys(),
            all.iter().map(FollowUpKey::of).collect::<Vec<_>>()
        );
        assert!(list.get(0).is_none(), "none whole before a read");
        for selected in [0, 5, 300, 1_999, 1_000, 40] {
            if let Some(ids) = list.wanted(selected) {
                list.put_whole(&ids, read(&all, &ids), selected);
            }
            assert_eq!(list.wanted(selected), None, "all near {selected} are whole");
            for i in around(selected, NEAR, all.len()) {
                assert_eq!(list.get(i), Some(&all[i]), "follow-up {i} near {selected}");
            }
            assert!(list.whole.len() <= KEEP_AT_MOST + 2 * READ_AROUND + 1);
        }
        assert!(list.get(1_999).is_none(), "far ones are let go");
    }

    #[test]
    fn one_the_book_no_longer_has_open_is_asked_once() {
        let all = book(10);
        let mut list = OpenFollowUps::from_keys(all.iter().map(FollowUpKey::of).collect());
        let ids = list.wanted(0).expect("all wanted");
        let gone = ids[3];
        let found = read(&all, &ids)
            .into_iter()
            .filter(|f| f.id != gone)
            .collect();
        list.put_whole(&ids, found, 0);
        assert_eq!(list.wanted(0), None);
        let at = list.keys().iter().position(|k| k.id == gone).unwrap();
        assert_eq!(list.get(at), None);
    }

    #[test]
    fn a_customers_follow_ups_are_merged_in_their_place_and_held_whole() {
        let all = book(300);
        let mut list = OpenFollowUps::from_whole(all.clone(), 0);
        let theirs: Vec<FollowUp> = [follow_up(1_000, 7, 3), follow_up(1_001, 7, 390)].into();
        list.merge(&[CustomerId(7)], theirs.clone());
        let mut want: Vec<FollowUp> = all
            .into_iter()
            .filter(|f| f.draft.customer_id != CustomerId(7))
            .chain(theirs.clone())
            .collect();
        want.sort_by_key(crate::book::follow_ups::order_key);
        assert_eq!(
            list.keys(),
            want.iter().map(FollowUpKey::of).collect::<Vec<_>>()
        );
        for f in &theirs {
            let at = list.keys().iter().position(|k| k.id == f.id).unwrap();
            assert_eq!(list.get(at), Some(f));
        }
        // Many (a day's birthday reminders), in no order.
        let many: Vec<FollowUp> = (0..40)
            .map(|i| follow_up(2_000 + i, 9, (i * 13 % 50) as u64))
            .collect();
        list.merge(&[CustomerId(7), CustomerId(9)], many);
        assert!(list.keys().is_sorted_by_key(FollowUpKey::order));
        let nines: Vec<i64> = (list.keys().iter())
            .filter(|k| k.customer_id == CustomerId(9))
            .map(|k| k.id.get())
            .collect();
        assert_eq!(nines.len(), 40);
        assert!(nines.iter().all(|&id| id >= 2_000), "theirs replaced");
        assert!(!list.keys().iter().any(|k| k.customer_id == CustomerId(7)));
    }
}
