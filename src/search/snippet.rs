//! The part of a long text that a notes search matched: the line holding the first word found,
//! cut to a window around it, with every typed word in it marked.

use unicode_width::UnicodeWidthChar;

use super::fold::fold;

/// A window of at most `width` terminal columns of `text` around where a word of `typed` first appears
/// (`…` marking a cut), and the char indices in that window of every typed word found there.
/// Without a match, the first line that has text.
pub fn snippet(text: &str, typed: &str, width: usize) -> (String, Vec<usize>) {
    let words: Vec<Vec<char>> = typed
        .split_whitespace()
        .map(|w| fold(w).chars().collect())
        .collect();
    let lines = text.lines().filter(|l| !l.trim().is_empty());
    let found = lines.clone().find_map(|line| {
        let folded: Vec<char> = fold(line).chars().collect();
        let at = words.iter().filter_map(|w| find(&folded, w, 0)).min()?;
        Some((line, folded, at))
    });
    let Some((line, folded, at)) = found else {
        let first = lines.clone().next().unwrap_or("").trim();
        let (_, end) = window(&first.chars().collect::<Vec<_>>(), 0, width.max(8));
        return (first.chars().take(end).collect(), Vec::new());
    };
    let chars: Vec<char> = line.chars().collect();
    let (start, end) = window(&chars, at, width.max(8));
    let lead = usize::from(start > 0);
    let mut shown: String = if start > 0 {
        "…".into()
    } else {
        String::new()
    };
    shown.extend(&chars[start..end]);
    if end < chars.len() {
        shown.push('…');
    }
    let mut lit = Vec::new();
    for w in words.iter().filter(|w| !w.is_empty()) {
        let mut from = start;
        while let Some(i) = find(&folded[..end], w, from) {
            lit.extend((i..(i + w.len()).min(end)).map(|j| j - start + lead));
            from = i + 1;
        }
    }
    lit.sort_unstable();
    lit.dedup();
    (shown, lit)
}

/// The chars around `at` that fill `width` terminal columns (a Chinese character takes two):
/// some context before the match (two spare columns for the `…`s), most of the window after.
fn window(chars: &[char], at: usize, width: usize) -> (usize, usize) {
    let cols = |c: &char| c.width().unwrap_or(0);
    let total: usize = chars.iter().map(cols).sum();
    if total <= width {
        return (0, chars.len());
    }
    let width = width - 2;
    let mut start = at;
    let mut used = 0;
    while start > 0 && used + cols(&chars[start - 1]) <= width / 4 {
        start -= 1;
        used += cols(&chars[start]);
    }
    let mut end = start;
    used = 0;
    while end < chars.len() && used + cols(&chars[end]) <= width {
        used += cols(&chars[end]);
        end += 1;
    }
    // Near the end of the line, the window slides back to stay full.
    while start > 0 && used + cols(&chars[start - 1]) <= width {
        start -= 1;
        used += cols(&chars[start]);
    }
    (start, end)
}

fn find(hay: &[char], needle: &[char], from: usize) -> Option<usize> {
    if needle.is_empty() || from >= hay.len() {
        return None;
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_matching_line_is_shown_around_the_match() {
        let text = "Visit went well\n\nAsked about delivery\nWants a QUOTE for 500 units by Friday";
        let (shown, lit) = snippet(text, "quote", 80);
        assert_eq!(shown, "Wants a QUOTE for 500 units by Friday");
        assert_eq!(lit, vec![8, 9, 10, 11, 12]);
        let (shown, lit) = snippet(text, "friday", 12);
        assert!(
            shown.starts_with('…') && shown.contains("Friday"),
            "{shown}"
        );
        let at: String = lit.iter().map(|&i| shown.chars().nth(i).unwrap()).collect();
        assert_eq!(at, "Friday");
    }

    #[test]
    fn chinese_and_no_match() {
        let (shown, lit) = snippet("第一行\n客户要求下周报价", "报价", 40);
        assert_eq!(shown, "客户要求下周报价");
        assert_eq!(lit, vec![6, 7]);
        assert_eq!(
            snippet("first\nsecond", "zzz", 40),
            ("first".into(), vec![])
        );
    }
}
