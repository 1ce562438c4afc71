//! Fitting text into terminal columns, where CJK characters take two: the one place that
//! measures display width for cutting, so the CLI's tables and the TUI's panes cut alike.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text` cut to at most `width` columns, without a mark where it was cut.
pub fn cut(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out
}

/// `text` cut to `width` columns and padded with spaces to exactly `width`. Padding counts
/// display columns: format!'s padding counts chars, which misaligns wide text.
pub fn pad(text: &str, width: usize) -> String {
    let mut out = cut(text, width);
    out.push_str(&" ".repeat(width.saturating_sub(out.width())));
    out
}

/// `text` followed by spaces up to `width` columns; longer text is whole. format!'s `{:<12}`
/// counts chars, which leaves "逾期2天" three columns short.
pub fn fill(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

/// `text` right-aligned in `width` columns (by display width, as [`pad`]); longer text is whole.
pub fn pad_left(text: &str, width: usize) -> String {
    format!("{}{text}", " ".repeat(width.saturating_sub(text.width())))
}

/// `text` cut to `width` columns with an ellipsis marking the cut; text that fits is whole.
pub fn clip(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = cut(text, width - 1);
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_count_two_columns() {
        assert_eq!(cut("星河科技", 5), "星河");
        assert_eq!(pad("星河科技", 5), "星河 ");
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(pad_left("本周", 6), "  本周");
        assert_eq!(fill("逾期2天", 12), "逾期2天     ");
        assert_eq!(
            fill("tomorrow 09:00", 12),
            format!("{:<12}", "tomorrow 09:00")
        );
        assert_eq!(pad_left("3 days", 9), format!("{:>9}", "3 days"));
        assert_eq!(pad_left("too long", 3), "too long");
        assert_eq!(clip("星河科技", 5), "星河…");
        assert_eq!(clip("星河科技", 8), "星河科技");
        assert_eq!(clip("abc", 0), "");
        assert_eq!(clip("abcdef", 4), "abc…");
    }
}
