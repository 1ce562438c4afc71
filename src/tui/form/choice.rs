//! A choice field: one of a fixed list of stored values, picked by typing the start of one or
//! with the arrows, and shown in the language spoken.

use super::{Field, FieldKey, FieldKind};
use crate::tui::text_input::TextEdit;

impl Field {
    pub fn choice<S: AsRef<str>>(key: impl Into<FieldKey>, options: &[S], value: &str) -> Self {
        let options: Vec<String> = options.iter().map(|o| o.as_ref().to_string()).collect();
        let value = options
            .iter()
            .find(|o| o.eq_ignore_ascii_case(value))
            .unwrap_or(&options[0])
            .clone();
        Self {
            kind: FieldKind::Choice(options),
            ..Self::text(key, value, "")
        }
    }

    pub(super) fn choose(&mut self, options: &[String], edit: TextEdit) {
        let current = options.iter().position(|o| *o == self.value()).unwrap_or(0);
        let pick = match edit {
            TextEdit::Insert(c) => {
                self.typed.push(c);
                // The stored value (`call`) or the label the form shows (电话) may be typed.
                let shown = &self.shown;
                let starts = |prefix: &str| {
                    let prefix = prefix.to_lowercase();
                    let fits = |o: &str| !o.is_empty() && o.to_lowercase().starts_with(&prefix);
                    (0..options.len()).find(|&i| {
                        fits(&options[i]) || shown.get(i).is_some_and(|label| fits(label))
                    })
                };
                match starts(&self.typed) {
                    Some(i) => i,
                    None => {
                        self.typed = c.to_string();
                        starts(&self.typed).unwrap_or(current)
                    }
                }
            }
            TextEdit::Right => (current + 1) % options.len(),
            TextEdit::Left => (current + options.len() - 1) % options.len(),
            TextEdit::Backspace | TextEdit::Delete | TextEdit::ClearToStart => {
                self.typed.clear();
                current
            }
            _ => current,
        };
        self.input.set(options[pick].clone());
    }

    /// The options as the form shows them, in the order of the stored values.
    #[must_use]
    pub fn shown_as(mut self, labels: impl IntoIterator<Item = String>) -> Self {
        self.shown = labels.into_iter().collect();
        self
    }

    /// How `option` (a stored value) is shown: its label when the form has one, else itself.
    pub fn shown_option<'a>(&'a self, option: &'a str) -> &'a str {
        let FieldKind::Choice(options) = &self.kind else {
            return option;
        };
        options
            .iter()
            .position(|o| o == option)
            .and_then(|i| self.shown.get(i))
            .map_or(option, String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use crate::tui::form::{Field, LogField};
    use crate::tui::text_input::TextEdit;

    /// The form shows 电话 and the book gets `call`: typing picks by the stored value or the label.
    #[test]
    fn a_choice_shows_its_labels_and_keeps_its_values() {
        let f = Field::choice(LogField::Channel, &["call", "visit"], "call")
            .shown_as(["电话".to_string(), "拜访".to_string()]);
        assert_eq!((f.value(), f.shown_option(f.value())), ("call", "电话"));
        let mut f = f;
        f.edit(TextEdit::Insert('v'));
        assert_eq!((f.value(), f.shown_option(f.value())), ("visit", "拜访"));
        f.edit(TextEdit::Insert('电'));
        assert_eq!((f.value(), f.shown_option(f.value())), ("call", "电话"));
        // An option without a label shows as it is.
        assert_eq!(f.shown_option("other"), "other");
    }
}
