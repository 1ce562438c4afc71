//! Laying out a field's text in the columns it has, with the cursor always inside them: a
//! one-line field scrolls sideways, a multi-line one wraps. Measured in display columns by
//! grapheme (a CJK character takes two, a family emoji two), the way the terminal draws them.
//! Each frame walks the text once, so a 50,000-character paste costs one pass per frame.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::safe_text;

/// The graphemes of `text` as drawn: byte offset, safe text, columns.
fn graphemes(text: &str) -> impl Iterator<Item = (usize, Cow<'_, str>, usize)> {
    text.grapheme_indices(true).map(|(at, g)| {
        let shown = safe_text::line(g);
        let width = shown.width();
        (at, shown, width)
    })
}

/// One line of `width` columns that shows the cursor: the text from the start while the
/// cursor fits, else the stretch that ends at the cursor. Returns the text and the cursor's
/// column.
pub fn one_line(text: &str, cursor: usize, width: usize) -> (String, usize) {
    let all: Vec<_> = graphemes(text).collect();
    let at = all.partition_point(|g| g.0 < cursor);
    // The cursor itself needs a column.
    let room = width.max(1) - 1;
    let (mut start, mut col) = (at, 0);
    while start > 0 && col + all[start - 1].2 <= room {
        start -= 1;
        col += all[start].2;
    }
    let mut shown = String::new();
    let mut used = 0;
    for (_, g, w) in &all[start..] {
        if used + w > width {
            break;
        }
        shown.push_str(g);
        used += w;
    }
    (shown, col)
}

/// `text` wrapped to `width` columns, a row per line and more where a line is long, and the
/// cursor's (row, column). A cursor at the end of a full row goes to the start of the next.
pub fn wrapped(text: &str, cursor: usize, width: usize) -> (Vec<String>, (usize, usize)) {
    let width = width.max(2);
    let mut rows = vec![String::new()];
    let mut col = 0;
    let mut found = None;
    for (at, raw) in text.grapheme_indices(true) {
        if raw == "\n" || raw == "\r\n" {
            if at == cursor {
                found = Some((rows.len() - 1, col));
            }
            rows.push(String::new());
            col = 0;
            continue;
        }
        let shown = safe_text::line(raw);
        let w = shown.width();
        if col + w > width && col > 0 {
            rows.push(String::new());
            col = 0;
        }
        if at == cursor {
            found = Some((rows.len() - 1, col));
        }
        rows.last_mut().expect("never empty").push_str(&shown);
        col += w;
    }
    let cursor_at = found.unwrap_or_else(|| {
        if col >= width {
            rows.push(String::new());
            col = 0;
        }
        (rows.len() - 1, col)
    });
    (rows, cursor_at)
}

/// The first of `count` rows to show in a window of `height` so that `cursor_row` is in it.
pub fn window_start(count: usize, height: usize, cursor_row: usize) -> usize {
    let height = height.max(1);
    cursor_row
        .saturating_sub(height - 1)
        .min(count.saturating_sub(height))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_one_line_value_scrolls_to_keep_the_cursor_in_view() {
        let text = "北京星河科技有限公司采购部";
        let (shown, col) = one_line(text, text.len(), 10);
        assert_eq!((shown.as_str(), col), ("司采购部", 8));
        let (shown, col) = one_line(text, 0, 10);
        assert_eq!((shown.as_str(), col), ("北京星河科", 0));
        let (shown, col) = one_line("short", 2, 10);
        assert_eq!((shown.as_str(), col), ("short", 2));
    }

    #[test]
    fn multi_line_text_wraps_by_columns_and_places_the_cursor() {
        // Byte 6 is just before the first 伟.
        let (rows, cursor) = wrapped("ab\n张伟张伟张", 6, 4);
        assert_eq!(rows, vec!["ab", "张伟", "张伟", "张"]);
        assert_eq!(cursor, (1, 2));
        let (rows, cursor) = wrapped("abcd", 4, 4);
        assert_eq!(
            (rows.len(), cursor),
            (2, (1, 0)),
            "a full row moves the cursor down"
        );
        let (rows, cursor) = wrapped("a\tb", 3, 10);
        assert_eq!((rows, cursor), (vec!["a b".to_string()], (0, 3)));
    }

    #[test]
    fn the_window_follows_the_cursor() {
        assert_eq!(window_start(20, 6, 0), 0);
        assert_eq!(window_start(20, 6, 10), 5);
        assert_eq!(window_start(3, 6, 2), 0);
    }
}
