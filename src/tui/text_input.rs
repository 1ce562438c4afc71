//! An editable text value with a cursor. The cursor is kept as a byte offset on a char
//! boundary, so typing at the end of a long text (a 50,000-character paste, then more keys)
//! costs a copy at most, never a walk from the start counting chars.

/// One edit a person makes to a text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEdit {
    Insert(char),
    Newline,
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    /// Ctrl-Left / Alt-b: to the start of the word before the cursor.
    WordLeft,
    /// Ctrl-Right / Alt-f: past the end of the word after the cursor.
    WordRight,
    /// Ctrl-W: delete the word before the cursor.
    DeleteWordBack,
    /// Ctrl-U: clear back to the start of the field.
    ClearToStart,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    /// Byte offset of the cursor, always on a char boundary.
    at: usize,
}

impl TextInput {
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let at = text.len();
        Self { text, at }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Cursor position in chars (counted on demand: drawing needs it, editing does not).
    pub fn cursor(&self) -> usize {
        self.text[..self.at].chars().count()
    }

    /// Cursor position as a byte offset into `text()`.
    pub fn cursor_byte(&self) -> usize {
        self.at
    }

    pub fn set(&mut self, text: impl Into<String>) {
        *self = Self::new(text);
    }

    /// Inserts pasted text at the cursor as one edit. A one-line field gets its line breaks
    /// and tabs as spaces, so a pasted address stays in the field it was pasted into.
    pub fn paste(&mut self, text: &str, multiline: bool) {
        let cleaned: String = if multiline {
            text.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            text.replace("\r\n", " ")
                .chars()
                .map(|c| {
                    if matches!(c, '\n' | '\r' | '\t') {
                        ' '
                    } else {
                        c
                    }
                })
                .collect()
        };
        self.text.insert_str(self.at, &cleaned);
        self.at += cleaned.len();
    }

    fn prev_boundary(&self) -> usize {
        self.text[..self.at]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        self.text[self.at..]
            .chars()
            .next()
            .map_or(self.at, |c| self.at + c.len_utf8())
    }

    /// The start of the word before the cursor: back over spaces, then over the word.
    fn word_start(&self) -> usize {
        let before = &self.text[..self.at];
        let trimmed = before.trim_end_matches(char::is_whitespace);
        trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8())
    }

    /// The end of the word after the cursor: over spaces, then over the word.
    fn word_end(&self) -> usize {
        let after = &self.text[self.at..];
        let spaces = after.len() - after.trim_start_matches(char::is_whitespace).len();
        let word = after[spaces..]
            .find(char::is_whitespace)
            .unwrap_or(after.len() - spaces);
        self.at + spaces + word
    }

    /// Applies an edit; `multiline` decides whether Newline inserts a line break.
    pub fn apply(&mut self, edit: TextEdit, multiline: bool) {
        match edit {
            TextEdit::Insert(c) => {
                self.text.insert(self.at, c);
                self.at += c.len_utf8();
            }
            TextEdit::Newline if multiline => self.apply(TextEdit::Insert('\n'), multiline),
            TextEdit::Newline => {}
            TextEdit::Backspace => {
                let from = self.prev_boundary();
                self.text.replace_range(from..self.at, "");
                self.at = from;
            }
            TextEdit::Delete => {
                let to = self.next_boundary();
                self.text.replace_range(self.at..to, "");
            }
            TextEdit::Left => self.at = self.prev_boundary(),
            TextEdit::Right => self.at = self.next_boundary(),
            TextEdit::Home => self.at = 0,
            TextEdit::End => self.at = self.text.len(),
            TextEdit::WordLeft => self.at = self.word_start(),
            TextEdit::WordRight => self.at = self.word_end(),
            TextEdit::DeleteWordBack => {
                let from = self.word_start();
                self.text.replace_range(from..self.at, "");
                self.at = from;
            }
            TextEdit::ClearToStart => {
                self.text.replace_range(..self.at, "");
                self.at = 0;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_count_chars_not_bytes() {
        let mut t = TextInput::new("张伟");
        t.apply(TextEdit::Left, false);
        t.apply(TextEdit::Insert('大'), false);
        assert_eq!(t.text(), "张大伟");
        t.apply(TextEdit::Backspace, false);
        t.apply(TextEdit::Delete, false);
        assert_eq!(t.text(), "张");
        t.apply(TextEdit::End, false);
        t.apply(TextEdit::Newline, false);
        assert_eq!(t.text(), "张", "single-line fields ignore newlines");
        t.apply(TextEdit::Newline, true);
        t.apply(TextEdit::Insert('👍'), true);
        assert_eq!(t.text(), "张\n👍");
        t.apply(TextEdit::ClearToStart, true);
        assert_eq!(t.text(), "");
        t.apply(TextEdit::Backspace, true);
        assert_eq!((t.text(), t.cursor()), ("", 0));
    }

    #[test]
    fn word_moves_and_delete_word_back() {
        let mut t = TextInput::new("call 张伟  about the quote");
        t.apply(TextEdit::WordLeft, false);
        assert_eq!(&t.text()[t.cursor_byte()..], "quote");
        t.apply(TextEdit::WordLeft, false);
        t.apply(TextEdit::WordLeft, false);
        assert_eq!(&t.text()[t.cursor_byte()..], "about the quote");
        t.apply(TextEdit::DeleteWordBack, false);
        assert_eq!(t.text(), "call about the quote");
        assert_eq!(t.cursor(), 5);
        t.apply(TextEdit::WordRight, false);
        assert_eq!(&t.text()[..t.cursor_byte()], "call about");
        t.apply(TextEdit::Home, false);
        t.apply(TextEdit::WordLeft, false);
        assert_eq!(t.cursor(), 0, "nothing before the start");
        t.apply(TextEdit::End, false);
        t.apply(TextEdit::WordRight, false);
        assert_eq!(t.cursor_byte(), t.text().len(), "nothing after the end");
    }

    #[test]
    fn paste_keeps_breaks_only_where_lines_are_allowed() {
        let mut one = TextInput::new("a");
        one.paste("b\tc\r\nd\ne", false);
        assert_eq!(one.text(), "ab c d e");
        let mut many = TextInput::new("");
        many.paste("b\tc\r\nd\re", true);
        assert_eq!(many.text(), "b\tc\nd\ne");
        many.apply(TextEdit::Insert('!'), true);
        assert!(many.text().ends_with("e!"), "the cursor is after the paste");
    }
}
