//! Fitting text into terminal columns, where CJK characters take two: the one place that
//! measures display width for cutting, so the CLI's tables and the TUI's panes cut alike.
//! Text is cut between graphemes, as the terminal draws them: never half a wide character,
//! never half a family emoji.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// `text` cut to at most `width` columns, without a mark where it was cut. A wide character
/// that would straddle the edge is left out whole.
pub fn cut(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    if text.chars().all(alone) {
        // Every char its own grapheme: cut by chars, without segmenting (a command's table
        // cuts hundreds of names and tasks).
        for c in text.chars() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + w > width {
                break;
            }
            used += w;
            out.push(c);
        }
        return out;
    }
    for g in text.graphemes(true) {
        let w = g.width();
        if used + w > width {
            break;
        }
        used += w;
        out.push_str(g);
    }
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
/// The result may be a column short of `width` when a wide character did not fit.
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

/// `text` clipped to `width` columns (`…` marking a cut) and padded with spaces to exactly
/// `width`. Padding counts display columns: format!'s padding counts chars, which misaligns
/// wide text.
pub fn pad(text: &str, width: usize) -> String {
    // Measured once where it fits: a listing pads hundreds of cells.
    let (mut out, has) = match text.width() {
        has if has <= width => (text.to_string(), has),
        _ => {
            let out = clip(text, width);
            let has = out.width();
            (out, has)
        }
    };
    out.push_str(&" ".repeat(width.saturating_sub(has)));
    out
}

/// `text` broken into lines of at most `width` columns: at spaces where it can, inside a word
/// where it must (a run of CJK has no spaces; it fills the line and goes on on the next).
/// Line breaks in `text` are kept.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let gap = usize::from(!line.is_empty());
            if line.width() + gap + word.width() <= width {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                continue;
            }
            let mut rest = word;
            // Chinese breaks between any two characters, and a word too long for any line
            // must break somewhere: either starts here rather than leave this line short.
            let breakable = word.width() > width || word.chars().any(is_wide);
            if breakable && line.width() + gap < width {
                if gap == 1 {
                    line.push(' ');
                }
                let head = cut(rest, width - line.width());
                rest = &rest[head.len()..];
                line.push_str(&head);
            }
            if !line.is_empty() {
                lines.push(line.trim_end().to_string());
                line.clear();
            }
            while rest.width() > width {
                let mut head = cut(rest, width);
                if head.is_empty() {
                    // A character wider than the whole line goes alone.
                    head = rest.graphemes(true).next().unwrap_or_default().to_string();
                }
                rest = &rest[head.len()..];
                lines.push(head);
            }
            line.push_str(rest);
        }
        lines.push(line);
    }
    lines
}

/// Whether `c` is always a grapheme of its own, whatever stands beside it: printable ASCII,
/// CJK ideographs, CJK punctuation (not the combining tone marks), full-width forms (not the
/// half-width ones, some of which combine).
fn alone(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{3000}'..='\u{3029}'
        | '\u{3030}'..='\u{303F}'
        | '\u{FF01}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}')
}

fn is_wide(c: char) -> bool {
    unicode_width::UnicodeWidthChar::width(c) == Some(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_count_two_columns() {
        assert_eq!(cut("星河科技", 5), "星河");
        assert_eq!(pad("星河科技", 5), "星河…");
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

    #[test]
    fn a_wide_character_that_does_not_fit_leaves_a_space_not_half_of_itself() {
        // Five columns for the text before the ellipsis: 星河 takes four, 科 would take six.
        assert_eq!(clip("星河科技", 6), "星河…");
        assert_eq!(pad("星河科技", 6), "星河… ");
        assert_eq!(pad("星河科技", 6).width(), 6);
        assert_eq!(pad("a星河", 3), "a… ");
    }

    #[test]
    fn a_family_emoji_is_cut_whole_as_the_terminal_draws_it() {
        let family = "👨‍👩‍👧‍👦";
        assert_eq!(family.width(), 2);
        assert_eq!(cut(&format!("ab{family}cd"), 4), format!("ab{family}"));
        assert_eq!(cut(&format!("ab{family}cd"), 3), "ab");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]
        /// Cutting by chars where each is its own grapheme cuts where the graphemes would;
        /// beside them, chars that join others into one (emoji, flags, Hangul jamo, marks).
        #[test]
        fn text_of_lone_chars_is_cut_as_graphemes_cut_it(
            text in "[a星\u{3000}\u{FF01}\u{FFE0}\u{302A}\u{FF9E}\u{0300}\u{200D}\u{FE0F}\u{1F468}\u{1F1E8}\u{1F1F3}\u{1100}\u{1161}]{0,6}",
            width in 0usize..8,
        ) {
            let mut by_graphemes = String::new();
            let mut used = 0;
            for g in text.graphemes(true) {
                if used + g.width() > width {
                    break;
                }
                used += g.width();
                by_graphemes.push_str(g);
            }
            proptest::prop_assert_eq!(cut(&text, width), by_graphemes);
        }
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_inside_long_words() {
        assert_eq!(wrap("call back on friday", 10), ["call back", "on friday"]);
        assert_eq!(
            wrap("喜欢喝茶，周一上午不方便", 8),
            ["喜欢喝茶", "，周一上", "午不方便"]
        );
        assert_eq!(
            wrap("ok 喜欢喝茶", 8),
            ["ok 喜欢", "喝茶"],
            "CJK fills the line"
        );
        assert_eq!(
            wrap("a date (going cold)", 9),
            ["a date", "(going", "cold)"]
        );
        assert_eq!(wrap("a\n\nb", 5), ["a", "", "b"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        for line in wrap("Northwind Pacific Trading Ltd. 北京星河科技有限公司 x", 7) {
            assert!(line.width() <= 7, "{line:?}");
        }
    }
}
