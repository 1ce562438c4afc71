//! Forms: a list of labelled fields, the one being typed in, and a message beside any field whose
//! text can't be used. What was typed is never thrown away by a failed check or a failed write.

use super::text_input::{TextEdit, TextInput};
use crate::book::model::{Customer, CustomerId, FollowUpId};

mod choice;
mod keys;
pub use keys::{
    ComplaintField, CustomerField, DealField, FieldKey, FollowUpField, ImportField, LogField,
    PersonField, SnoozeField,
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    /// Enter inserts a line break (a call summary, notes).
    Multiline,
    /// One of a fixed list; typing jumps to the first option starting with what was typed.
    Choice(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub key: FieldKey,
    /// Shown beside the field: the key's label, in the language spoken.
    pub label: String,
    pub kind: FieldKind,
    pub input: TextInput,
    /// Shown dimmed when the field is empty: what may be typed.
    pub placeholder: String,
    /// A choice's options as the form shows them, beside `kind`'s stored values (empty: the
    /// values themselves): the book keeps `call`, the form may say 电话.
    pub shown: Vec<String>,
    pub error: Option<String>,
    /// What was typed into a Choice field since it was focused, to pick by prefix.
    pub(super) typed: String,
    /// The value is a proposal (a default date): the first character typed replaces it, as
    /// selected text would, rather than being appended to it.
    pub suggested: bool,
}

impl Field {
    pub fn text(
        key: impl Into<FieldKey>,
        value: impl Into<String>,
        placeholder: impl Into<String>,
    ) -> Self {
        let key = key.into();
        Self {
            key,
            label: key.label(),
            kind: FieldKind::Text,
            input: TextInput::new(value),
            placeholder: placeholder.into(),
            shown: Vec::new(),
            error: None,
            typed: String::new(),
            suggested: false,
        }
    }

    /// A text field holding a proposal that typing replaces (Enter or Ctrl-S keeps it).
    pub fn suggested(
        key: impl Into<FieldKey>,
        value: impl Into<String>,
        placeholder: impl Into<String>,
    ) -> Self {
        Self {
            suggested: true,
            ..Self::text(key, value, placeholder)
        }
    }

    pub fn multiline(
        key: impl Into<FieldKey>,
        value: impl Into<String>,
        placeholder: impl Into<String>,
    ) -> Self {
        Self {
            kind: FieldKind::Multiline,
            ..Self::text(key, value, placeholder)
        }
    }

    pub fn value(&self) -> &str {
        self.input.text()
    }

    fn edit(&mut self, edit: TextEdit) {
        if std::mem::take(&mut self.suggested) && matches!(edit, TextEdit::Insert(_)) {
            self.input.set("");
        }
        match &self.kind {
            FieldKind::Choice(options) => {
                let options = options.clone();
                self.choose(&options, edit)
            }
            FieldKind::Multiline => self.input.apply(edit, true),
            FieldKind::Text => self.input.apply(edit, false),
        }
    }

    /// Pasted text goes in as text, never as keys; a choice takes it only when it names an
    /// option.
    fn paste(&mut self, text: &str) {
        if std::mem::take(&mut self.suggested) {
            self.input.set("");
        }
        match &self.kind {
            FieldKind::Choice(options) => {
                let wanted = text.trim();
                if let Some(o) = options.iter().find(|o| o.eq_ignore_ascii_case(wanted)) {
                    self.input.set(o.clone());
                }
            }
            FieldKind::Multiline => self.input.paste(text, true),
            FieldKind::Text => self.input.paste(text, false),
        }
    }
}

/// What a form is for, and so what saving it writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormPurpose {
    AddCustomer,
    EditCustomer(CustomerId),
    AddPerson(CustomerId),
    LogInteraction(CustomerId),
    AddFollowUp(CustomerId),
    Snooze(FollowUpId),
    /// Add a deal for the customer, or edit the one picked in the form.
    Deal(CustomerId),
    /// Add a complaint for the customer, or move on the one picked in the form.
    Complaint(CustomerId),
    /// Name a file to import; saving previews it.
    Import,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub purpose: FormPurpose,
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Esc was pressed with typed text: waiting for y/n.
    pub confirm_discard: bool,
    /// A problem with the whole form, such as a failed write.
    pub error: Option<String>,
    /// The customer as an edit form showed it on opening: the save writes only if the book
    /// still holds that, so a change made meanwhile elsewhere is never overwritten unseen.
    pub opened: Option<Box<Customer>>,
    /// Asked about a customer probably in the book already, and told to add anyway.
    pub duplicate_ok: bool,
    /// A date for later refused as already past, and its text then: saving again with that
    /// same text says the past date is meant.
    past_asked: Option<(FieldKey, String)>,
    initial: Vec<String>,
}

impl Form {
    pub fn new(purpose: FormPurpose, title: impl Into<String>, fields: Vec<Field>) -> Self {
        let initial = fields.iter().map(|f| f.value().to_string()).collect();
        Self {
            purpose,
            title: title.into(),
            fields,
            focus: 0,
            confirm_discard: false,
            error: None,
            opened: None,
            duplicate_ok: false,
            past_asked: None,
            initial,
        }
    }

    pub fn focused(&self) -> &Field {
        &self.fields[self.focus]
    }

    pub fn edit(&mut self, edit: TextEdit) {
        self.fields[self.focus].edit(edit);
        self.fields[self.focus].error = None;
    }

    pub fn paste(&mut self, text: &str) {
        self.fields[self.focus].paste(text);
        self.fields[self.focus].error = None;
    }

    pub fn next_field(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len();
        self.fields[self.focus].typed.clear();
    }

    pub fn previous_field(&mut self) {
        self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
        self.fields[self.focus].typed.clear();
    }

    pub fn on_last_field(&self) -> bool {
        self.focus + 1 == self.fields.len()
    }

    /// Whether anything differs from what the form opened with.
    pub fn is_dirty(&self) -> bool {
        self.fields
            .iter()
            .zip(&self.initial)
            .any(|(f, init)| f.value() != init)
    }

    /// The fields changed since the form opened, with what was typed.
    pub fn typed_fields(&self) -> Vec<(FieldKey, String)> {
        self.fields
            .iter()
            .zip(&self.initial)
            .filter(|(f, init)| f.value() != init.as_str())
            .map(|(f, _)| (f.key, f.value().to_string()))
            .collect()
    }

    fn field_mut(&mut self, key: impl Into<FieldKey>) -> Option<&mut Field> {
        let key = key.into();
        self.fields.iter_mut().find(|f| f.key == key)
    }

    /// Whether the form has the field at all (some forms grow one for some customers).
    pub fn has(&self, key: impl Into<FieldKey>) -> bool {
        let key = key.into();
        self.fields.iter().any(|f| f.key == key)
    }

    pub fn value(&self, key: impl Into<FieldKey>) -> &str {
        let key = key.into();
        self.fields
            .iter()
            .find(|f| f.key == key)
            .map_or("", Field::value)
    }

    pub fn set_value(&mut self, key: impl Into<FieldKey>, value: &str) {
        if let Some(f) = self.field_mut(key) {
            f.input.set(value);
            f.suggested = false;
        }
    }

    /// Puts a proposal in a field: shown dimmed, replaced by the first character typed.
    pub fn suggest(&mut self, key: impl Into<FieldKey>, value: &str) {
        if let Some(f) = self.field_mut(key) {
            f.input.set(value);
            f.suggested = !value.is_empty();
        }
    }

    pub fn set_error(&mut self, key: impl Into<FieldKey>, message: impl Into<String>) {
        if let Some(f) = self.field_mut(key) {
            f.error = Some(message.into());
        }
    }

    /// Puts the cursor on a field.
    pub fn focus_on(&mut self, key: impl Into<FieldKey>) {
        let key = key.into();
        if let Some(i) = self.fields.iter().position(|f| f.key == key) {
            self.focus = i;
        }
    }

    /// The past date in `key` was refused, and is saved again as it was: it is meant.
    pub fn past_confirmed(&self, key: impl Into<FieldKey>) -> bool {
        let key = key.into();
        self.past_asked
            .as_ref()
            .is_some_and(|(k, text)| *k == key && text == self.value(key))
    }

    /// The date in `key` was refused as past: saving it again unchanged will confirm it.
    pub fn ask_past(&mut self, key: impl Into<FieldKey>) {
        let key = key.into();
        self.past_asked = Some((key, self.value(key).to_string()));
    }

    pub fn clear_error(&mut self, key: impl Into<FieldKey>) {
        if let Some(f) = self.field_mut(key) {
            f.error = None;
        }
    }

    pub fn has_errors(&self) -> bool {
        self.fields.iter().any(|f| f.error.is_some())
    }

    /// Moves the cursor to the first field with a message, so the fix is one keystroke away.
    pub fn focus_first_error(&mut self) {
        if let Some(i) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = i;
        }
    }

    pub fn clear_errors(&mut self) {
        self.error = None;
        for f in &mut self.fields {
            f.error = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHANNELS: &[&str] = &[
        "call", "visit", "wechat", "email", "meeting", "message", "other",
    ];

    #[test]
    fn typing_in_a_choice_picks_by_prefix() {
        let mut f = Field::choice(LogField::Channel, CHANNELS, "call");
        f.edit(TextEdit::Insert('v'));
        assert_eq!(f.value(), "visit");
        f.edit(TextEdit::Insert('m'));
        assert_eq!(
            f.value(),
            "meeting",
            "no option starts with 'vm': start over from 'm'"
        );
        f.edit(TextEdit::Insert('e'));
        f.edit(TextEdit::Insert('s'));
        assert_eq!(f.value(), "message");
        f.edit(TextEdit::Right);
        assert_eq!(f.value(), "other");
        f.edit(TextEdit::Right);
        assert_eq!(f.value(), "call", "wraps around");
        f.edit(TextEdit::Insert('z'));
        assert_eq!(f.value(), "call", "no match keeps the choice");
    }

    #[test]
    fn dirty_only_after_a_change() {
        let mut form = Form::new(
            FormPurpose::AddCustomer,
            "Add",
            vec![
                Field::text(CustomerField::Name, "", ""),
                Field::text(CustomerField::City, "", ""),
            ],
        );
        assert!(!form.is_dirty());
        form.edit(TextEdit::Insert('x'));
        assert!(form.is_dirty());
        form.edit(TextEdit::Backspace);
        assert!(!form.is_dirty());
    }
}
