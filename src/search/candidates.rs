//! Which rows a pass visits.

use chrono::NaiveDate;

use super::CustomerSearch;
use super::query::Query;
use super::sort_key::rank_of;

impl CustomerSearch {
    /// The rows a pass for `query` visits: those a kept result for a shorter query found (a
    /// query that extends it can only match those), else all; in row order, so the row keys
    /// are read front to back.
    pub(super) fn candidates(&self, query: &Query, today: NaiveDate, order: &[usize]) -> Vec<u32> {
        let narrower = self
            .recent
            .iter()
            .filter(|r| r.today == today && query.narrows(&r.query))
            .max_by_key(|r| r.query.text.len());
        let rows = self.keys.rows.len();
        match narrower {
            Some(r) => in_row_order(r.keys.iter().map(|&k| order[rank_of(k) as usize]), rows),
            None => (0..rows as u32).collect(),
        }
    }
}

/// Rows (all below `rows`, each once) in row order: sorted when few, else marked in a bitset
/// and read back, as a kept result may hold most of the book.
pub(super) fn in_row_order(found: impl ExactSizeIterator<Item = usize>, rows: usize) -> Vec<u32> {
    if found.len() * 16 < rows {
        let mut out: Vec<u32> = found.map(|row| row as u32).collect();
        out.sort_unstable();
        return out;
    }
    let mut marks = vec![0u64; rows.div_ceil(64)];
    for row in found {
        marks[row / 64] |= 1 << (row % 64);
    }
    let mut out = Vec::new();
    for (i, &word) in marks.iter().enumerate() {
        let mut bits = word;
        while bits != 0 {
            out.push((i * 64) as u32 + bits.trailing_zeros());
            bits &= bits - 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::in_row_order;

    #[test]
    fn rows_come_back_in_row_order_few_or_many() {
        let few = [70usize, 3, 64, 0];
        assert_eq!(in_row_order(few.into_iter(), 1_000), [0, 3, 64, 70]);
        let many: Vec<usize> = (0..200).rev().filter(|r| r % 3 != 1).collect();
        let want: Vec<u32> = (0..200).filter(|r| r % 3 != 1).collect();
        assert_eq!(in_row_order(many.into_iter(), 200), want);
        assert_eq!(in_row_order([129usize].into_iter(), 130), [129]);
    }
}
