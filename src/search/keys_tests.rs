//! Keys read the same whichever way they were made: built on several threads, pushed one row
//! at a time, or put again after a save, and as each field's own folding and pinyin make them.

use super::fold::fold;
use super::keys::{FIELDS, Keys, PINYIN_FIELDS, fields, phones, push_digits};
use super::pinyin;
use super::tests::{demo_rows, row};
use crate::book::model::CustomerRow;

/// What row `i` of `keys` reads as, field by field, as text.
fn read(keys: &Keys, rows: &[CustomerRow], i: usize) -> Vec<String> {
    let f = fields(&rows[i]);
    let mut out: Vec<String> = (0..FIELDS).map(|k| keys.plain(&f, i, k).into()).collect();
    out.extend((0..FIELDS).map(|k| keys.pinyin(i, k).to_string()));
    out.push(keys.digits(i).into());
    out.push(keys.cities[keys.city_of(i)].clone());
    let k = &keys.rows[i];
    out.push(format!(
        "{:x} {:?} {:x} {:x}",
        k.mask, k.masks, k.name_starts, k.starts
    ));
    out
}

/// Row `row`'s keys made the plain way, field by field.
fn expected(row: &CustomerRow) -> Vec<String> {
    let f = fields(row);
    let mut out: Vec<String> = f.iter().take(FIELDS - 1).map(|t| fold(t)).collect();
    out.push(
        [&row.ways.phone, &row.ways.email, &row.ways.reach]
            .iter()
            .map(|t| format!("\n{}", fold(t)))
            .collect(),
    );
    for (k, field) in f.iter().enumerate() {
        let mut key = String::new();
        if k >= PINYIN_FIELDS || !pinyin::push_key(field, &mut key) {
            key.clear();
        }
        out.push(key);
    }
    let mut digits = String::new();
    for phone in phones(row) {
        push_digits(phone, &mut digits);
    }
    out.push(digits);
    out.push(row.city.to_string());
    out
}

#[test]
fn keys_built_on_threads_pushed_or_put_read_as_each_field_folds() {
    // Over 4,096 rows a part: three threads, each with its own cities and tags to merge.
    let rows = demo_rows(9_000);
    let built = Keys::build(&rows, 3);
    let mut pushed = Keys::default();
    for r in &rows {
        pushed.push(r);
    }
    pushed.finish(&rows);
    for i in 0..rows.len() {
        let b = read(&built, &rows, i);
        assert_eq!(b, read(&pushed, &rows, i), "row {i}");
        assert_eq!(b[..12], expected(&rows[i])[..], "row {i}");
    }
    assert!(built.cities.len() > 10, "the demo book has many cities");
    let mut distinct: Vec<&str> = rows.iter().map(|r| &*r.city).collect();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(built.cities.len(), distinct.len(), "each city listed once");

    // A saved row: a city no row had, then back to one the book has, and new tags.
    let mut keys = built;
    let mut saved = row(rows[7].id.0, "重庆山城火锅", "王芳", "Chongqing 重庆");
    saved.tags = "新客户,Hot Pot".into();
    keys.put(7, &saved);
    let mut now = rows.clone();
    now[7] = saved.clone();
    assert_eq!(read(&keys, &now, 7)[..12], expected(&saved)[..]);
    assert_eq!(keys.cities.len(), distinct.len() + 1);
    saved.city = rows[0].city.clone();
    keys.put(7, &saved);
    now[7] = saved.clone();
    assert_eq!(read(&keys, &now, 7)[..12], expected(&saved)[..]);
    assert_eq!(
        keys.cities.len(),
        distinct.len() + 1,
        "a known city is found again"
    );
    for i in (0..rows.len()).step_by(97) {
        assert_eq!(read(&keys, &now, i), read(&pushed, &now, i), "row {i}");
    }
}
