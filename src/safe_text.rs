//! Text from the book is untrusted (typed, imported, pasted): before it reaches a widget, every
//! control character and bidi override becomes a visible, harmless stand-in. The stored text is
//! never changed; only what is drawn.

use std::borrow::Cow;

/// Characters that would let text move the cursor, recolour the screen, write the clipboard
/// (OSC 52) or reorder what the reader sees (Trojan Source style bidi overrides).
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
        )
}

fn stand_in(c: char) -> char {
    match c {
        // Control Pictures block: ␀ ␛ ␇ … keep one column and show what was there.
        '\0'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{7F}' => '\u{2421}',
        _ => '\u{FFFD}',
    }
}

/// One display line: newlines and tabs fold to spaces, everything else unsafe gets a stand-in.
pub fn line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\n' | '\r' | '\t' => ' ',
                c if is_unsafe(c) => stand_in(c),
                c => c,
            })
            .collect(),
    )
}

/// Multi-line text (a call summary, notes) split into safe display lines.
pub fn lines(text: &str) -> Vec<String> {
    text.split('\n')
        .map(|l| line(l.strip_suffix('\r').unwrap_or(l)).into_owned())
        .collect()
}

/// For messages that quote what was typed: escapes instead of stand-ins (`\u{1b}`).
pub fn escaped(text: &str) -> String {
    text.chars()
        .map(|c| {
            if is_unsafe(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed_untouched() {
        assert!(matches!(line("北京星河科技 👨‍👩‍👧‍👦 Zoë"), Cow::Borrowed(_)));
    }

    #[test]
    fn escapes_and_bidi_never_pass() {
        let hostile =
            "张\x1b]52;c;aGVsbG8=\x07伟 \x1b[2J Bob\u{9b}31m 发票\u{202e}fdp.exe \0 \u{2066}x";
        let shown = line(hostile);
        assert!(!shown.chars().any(is_unsafe), "{shown:?}");
        assert!(shown.contains("张␛]52;c;aGVsbG8=␇伟"));
        assert!(shown.contains("发票\u{FFFD}fdp.exe"));
    }

    #[test]
    fn lines_split_and_fold_tabs() {
        assert_eq!(lines("a\r\nb\tc"), vec!["a", "b c"]);
    }

    #[test]
    fn escaped_shows_codes() {
        assert_eq!(escaped("a\x1bb"), "a\\u{1b}b");
    }
}
