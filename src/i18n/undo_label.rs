//! What an undo step did, as `u` and `U` say it. The book stores each step's label as written
//! when the change was made ("add follow-up: Send the quote", "log call with 华为"), in
//! English, by every fieldbook, old and new: the label is read back here by its known shape and
//! said in the language spoken, so a book keeps one form whatever language wrote it, and a
//! label of an unknown shape (written by a later fieldbook) is shown as stored.

use crate::book::model::Channel;

/// The stored label said in the current language.
pub fn undo_label(stored: &str) -> String {
    said(stored).unwrap_or_else(|| stored.to_string())
}

fn said(stored: &str) -> Option<String> {
    let after = |prefix: &str| stored.strip_prefix(prefix).map(str::to_string);
    if let Some(rest) = stored.strip_prefix("log ") {
        let (channel, customer) = rest.split_once(" with ")?;
        let channel = crate::i18n::words::channel(Channel::parse(channel)?);
        return Some(t!("undo-log", channel = channel, customer = customer));
    }
    let text = [
        ("add customer ", "undo-add-customer"),
        ("edit customer ", "undo-edit-customer"),
        ("archive customer ", "undo-archive-customer"),
        ("restore customer ", "undo-restore-customer"),
        ("add person ", "undo-add-person"),
        ("add follow-up: ", "undo-add-follow-up"),
        ("done: ", "undo-done"),
        ("snooze: ", "undo-snooze"),
        ("add deal: ", "undo-add-deal"),
        ("edit deal: ", "undo-edit-deal"),
        ("add complaint: ", "undo-add-complaint"),
        ("edit complaint: ", "undo-edit-complaint"),
        ("greeted for ", "undo-greeted"),
        ("import ", "undo-import"),
    ];
    for (prefix, id) in text {
        if let Some(what) = after(prefix) {
            return Some(with_what(id, what));
        }
    }
    match stored {
        "satisfaction score" => Some(t!("undo-satisfaction")),
        "tier and stage set by hand" => Some(t!("undo-tier-stage")),
        _ => None,
    }
}

/// Ids are literals (the catalogue tests read them from the code), so each is spelled out.
fn with_what(id: &str, what: String) -> String {
    match id {
        "undo-add-customer" => t!("undo-add-customer", what = what),
        "undo-edit-customer" => t!("undo-edit-customer", what = what),
        "undo-archive-customer" => t!("undo-archive-customer", what = what),
        "undo-restore-customer" => t!("undo-restore-customer", what = what),
        "undo-add-person" => t!("undo-add-person", what = what),
        "undo-add-follow-up" => t!("undo-add-follow-up", what = what),
        "undo-done" => t!("undo-done", what = what),
        "undo-snooze" => t!("undo-snooze", what = what),
        "undo-add-deal" => t!("undo-add-deal", what = what),
        "undo-edit-deal" => t!("undo-edit-deal", what = what),
        "undo-add-complaint" => t!("undo-add-complaint", what = what),
        "undo-edit-complaint" => t!("undo-edit-complaint", what = what),
        "undo-greeted" => t!("undo-greeted", what = what),
        _ => t!("undo-import", what = what),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, with_language};

    #[test]
    fn stored_labels_are_said_in_the_language_spoken() {
        let zh = |s: &str| with_language(Language::Chinese, || undo_label(s));
        let en = |s: &str| with_language(Language::English, || undo_label(s));
        assert_eq!(zh("log call with 华为"), "记录与华为的电话");
        assert_eq!(en("log call with 华为"), "log call with 华为");
        assert_eq!(
            zh("add follow-up: Send the quote"),
            "新增跟进：Send the quote"
        );
        assert_eq!(
            en("add follow-up: Send the quote"),
            "add follow-up: Send the quote"
        );
        assert_eq!(zh("import 客户.csv"), "导入 客户.csv");
        assert_eq!(zh("tier and stage set by hand"), "手动设置等级和阶段");
        // A shape this fieldbook does not know is shown as stored, never lost.
        assert_eq!(zh("merge twins 7 and 9"), "merge twins 7 and 9");
        assert_eq!(zh("log fax with X"), "log fax with X");
    }
}
