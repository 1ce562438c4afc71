//! vCard's backslash escapes: splitting a structured value and reading its text.

/// Splits on `sep` where it is not escaped with a backslash; the pieces stay escaped.
pub(super) fn split_escaped(s: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut start, mut escaped) = (0, false);
    for (i, c) in s.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == sep {
            parts.push(&s[start..i]);
            start = i + c.len_utf8();
        }
    }
    parts.push(&s[start..]);
    parts
}

/// `\n` `\,` `\;` `\:` `\\` (Apple escapes the colon in URLs too); other backslashes stay.
pub(super) fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(e @ (',' | ';' | ':' | '\\')) => out.push(e),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(unescape(r"a\, b\; c\nd\\e\:f\x"), "a, b; c\nd\\e:f\\x");
        assert_eq!(split_escaped(r"a\;b;c;;", ';'), vec![r"a\;b", "c", "", ""]);
        assert_eq!(split_escaped(r"a\\;b", ';'), vec![r"a\\", "b"]);
    }
}
