//! An editable text value with a cursor, counted in chars so CJK and emoji edit correctly.

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
    /// Ctrl-U: clear back to the start of the field.
    ClearToStart,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    /// Cursor position in chars, 0..=char count.
    cursor: usize,
}

impl TextInput {
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let cursor = text.chars().count();
        Self { text, cursor }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn set(&mut self, text: impl Into<String>) {
        *self = Self::new(text);
    }

    fn byte_at(&self, char_index: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_index)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// Applies an edit; `multiline` decides whether Newline inserts a line break.
    pub fn apply(&mut self, edit: TextEdit, multiline: bool) {
        let len = self.text.chars().count();
        match edit {
            TextEdit::Insert(c) => {
                let at = self.byte_at(self.cursor);
                self.text.insert(at, c);
                self.cursor += 1;
            }
            TextEdit::Newline if multiline => self.apply(TextEdit::Insert('\n'), multiline),
            TextEdit::Newline => {}
            TextEdit::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                let at = self.byte_at(self.cursor);
                self.text.remove(at);
            }
            TextEdit::Delete if self.cursor < len => {
                let at = self.byte_at(self.cursor);
                self.text.remove(at);
            }
            TextEdit::Backspace | TextEdit::Delete => {}
            TextEdit::Left => self.cursor = self.cursor.saturating_sub(1),
            TextEdit::Right => self.cursor = (self.cursor + 1).min(len),
            TextEdit::Home => self.cursor = 0,
            TextEdit::End => self.cursor = len,
            TextEdit::ClearToStart => {
                let at = self.byte_at(self.cursor);
                self.text.replace_range(..at, "");
                self.cursor = 0;
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
}
