//! The search keys of a field's distinct values: a city or a set of tags is shared by
//! thousands of rows, so its folded text, pinyin key and masks are made and held once, and a
//! row keeps only its value's index (see `keys.rs`).

use std::collections::HashMap;

use super::keys::{OWN, push_folded, push_pinyin};
use super::masks::{mask, narrow};
use super::pinyin;

/// The keys of one field's distinct values (cities, sets of tags): a few thousand among
/// 100,000 rows, so each is folded and read in pinyin once, and held once.
#[derive(Debug, Default)]
pub(super) struct Values {
    /// Each value as rows have it, then folded (unless it folds to itself), then its pinyin.
    text: String,
    keys: Vec<ValueKeys>,
    /// Each value's index, while rows are added (`Keys::finish` drops it; a row put after
    /// that looks its value up in `keys`).
    seen: HashMap<Box<str>, u32>,
}

#[derive(Debug, Clone, Copy)]
struct ValueKeys {
    start: u32,
    /// Byte lengths of the value, of its folded text (`OWN`: the value itself) and of its
    /// pinyin key (0: no Chinese).
    raw: u32,
    plain: u16,
    pinyin: u16,
    /// `mask` of the folded text and the pinyin key, and the `narrow`ed pinyin starts.
    mask: u64,
    starts: u32,
}

impl Values {
    /// The index of `value`, its keys made when it is new.
    pub(super) fn id(&mut self, value: &str) -> u32 {
        if let Some(&id) = self.seen.get(value) {
            return id;
        }
        // Once `finish` dropped the index (a row put after a save), every value is looked at.
        if self.seen.len() < self.keys.len()
            && let Some(id) = (0..self.keys.len()).find(|&i| self.raw(i) == value)
        {
            return id as u32;
        }
        let id = u32::try_from(self.keys.len()).expect("over 4 billion distinct values");
        let start = self.text.len();
        self.text.push_str(value);
        let plain = push_folded(&mut self.text, value);
        let pinyin = push_pinyin(&mut self.text, value);
        let mut keys = ValueKeys {
            start: u32::try_from(start).expect("search keys over 4 GB"),
            raw: u32::try_from(value.len()).expect("a value over 4 GB"),
            plain,
            pinyin,
            mask: 0,
            starts: 0,
        };
        self.keys.push(keys);
        keys.mask = mask(self.plain(id as usize)) | mask(self.pinyin(id as usize));
        keys.starts = narrow(pinyin::starts(self.pinyin(id as usize)));
        self.keys[id as usize] = keys;
        if self.seen.len() + 1 == self.keys.len() {
            self.seen.insert(value.into(), id);
        }
        id
    }

    pub(super) fn len(&self) -> usize {
        self.keys.len()
    }

    /// Value `i`'s `mask` (of its folded text and pinyin key) and `narrow`ed pinyin starts.
    pub(super) fn masks(&self, i: usize) -> (u64, u32) {
        (self.keys[i].mask, self.keys[i].starts)
    }

    pub(super) fn raw(&self, i: usize) -> &str {
        let k = &self.keys[i];
        &self.text[k.start as usize..(k.start + k.raw) as usize]
    }

    pub(super) fn plain(&self, i: usize) -> &str {
        let k = &self.keys[i];
        if k.plain & OWN != 0 {
            return self.raw(i);
        }
        let start = (k.start + k.raw) as usize;
        &self.text[start..start + usize::from(k.plain)]
    }

    pub(super) fn pinyin(&self, i: usize) -> &str {
        let k = &self.keys[i];
        let plain = match k.plain & OWN {
            0 => usize::from(k.plain),
            _ => 0,
        };
        let start = (k.start + k.raw) as usize + plain;
        &self.text[start..start + usize::from(k.pinyin)]
    }

    /// Values of `other` added to these: `other`'s index -> the index here.
    pub(super) fn merge(&mut self, other: &Values) -> Vec<u32> {
        (0..other.keys.len())
            .map(|i| self.id(other.raw(i)))
            .collect()
    }

    pub(super) fn finish(&mut self) {
        self.seen = HashMap::new();
        self.text.shrink_to_fit();
        self.keys.shrink_to_fit();
    }
}
