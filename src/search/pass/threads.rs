//! A pass's rows on both cores: split in parts, each scored on a thread, merged in order; and
//! a pass watched by the input thread, dropped when a key waits.

use std::sync::atomic::{AtomicBool, Ordering};

use super::{NO_CEILING, Pass};
use crate::search::sort_key::merge;

impl Pass<'_> {
    /// Sort keys of the matching candidate rows, in result order, on up to `threads` threads.
    pub fn run_split(&self, candidates: &[u32], threads: usize, parallel_from: usize) -> Vec<u64> {
        self.run_split_under(candidates, (threads, parallel_from), NO_CEILING)
            .0
    }

    /// `run_split`, leaving out rows that may match only by a class above `ceiling` (a bucket
    /// of `head.rs` needs no worse): those are given apart.
    pub(super) fn run_split_under(
        &self,
        candidates: &[u32],
        (threads, parallel_from): (usize, usize),
        ceiling: u8,
    ) -> (Vec<u64>, Vec<u32>) {
        let run = |part: &[u32]| self.run_with(part, &mut self.scorers(), ceiling);
        if candidates.is_empty() {
            return (Vec::new(), Vec::new());
        }
        if threads < 2 || candidates.len() < parallel_from {
            return run(candidates);
        }
        let chunk = candidates.len().div_ceil(threads);
        let parts: Vec<(Vec<u64>, Vec<u32>)> = std::thread::scope(|s| {
            let others: Vec<_> = candidates
                .chunks(chunk)
                .skip(1)
                .map(|part| s.spawn(move || run(part)))
                .collect();
            let mut parts = vec![run(&candidates[..chunk])];
            parts.extend(others.into_iter().map(|h| h.join().expect("search thread")));
            parts
        });
        parts
            .into_iter()
            .reduce(|(a, mut x), (b, y)| {
                x.extend(y);
                (merge(a, b), x)
            })
            .unwrap_or_default()
    }

    /// Like `run_split`, but every part runs on a thread of its own while the calling thread
    /// watches `interrupted` (a key waiting): then the pass stops early and gives `None`, so a
    /// query already typed past is never finished.
    pub fn run_watched(
        &self,
        candidates: &[u32],
        threads: usize,
        interrupted: &dyn Fn() -> bool,
    ) -> Option<Vec<u64>> {
        if interrupted() {
            return None;
        }
        let cancel = AtomicBool::new(false);
        let chunk = candidates.len().div_ceil(threads.max(1)).max(1);
        let parts: Vec<Option<Vec<u64>>> = std::thread::scope(|s| {
            let handles: Vec<_> = candidates
                .chunks(chunk)
                .map(|part| {
                    let cancel = &cancel;
                    s.spawn(move || self.run_until(part, cancel))
                })
                .collect();
            while !handles.iter().all(|h| h.is_finished()) {
                if interrupted() {
                    cancel.store(true, Ordering::Relaxed);
                    break;
                }
                std::thread::sleep(std::time::Duration::from_micros(500));
            }
            handles
                .into_iter()
                .map(|h| h.join().expect("search thread"))
                .collect()
        });
        let parts: Option<Vec<Vec<u64>>> = parts.into_iter().collect();
        Some(parts?.into_iter().reduce(merge).unwrap_or_default())
    }

    /// `run`, checking `cancel` every few thousand rows.
    fn run_until(&self, candidates: &[u32], cancel: &AtomicBool) -> Option<Vec<u64>> {
        let mut scorers = self.scorers();
        let mut keys = Vec::new();
        for block in candidates.chunks(2048) {
            if cancel.load(Ordering::Relaxed) {
                return None;
            }
            keys.extend(
                block
                    .iter()
                    .filter_map(|&row| self.sort_key(row, &mut scorers)),
            );
        }
        keys.sort_unstable();
        Some(keys)
    }
}
