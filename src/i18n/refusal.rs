//! The book's gate refusals (`book::validate::Refusal`) in the language spoken. The English
//! wording is the one the gate always had: `--json` output says it in English (see
//! `i18n::with_language`) and scripts may match it.

use crate::book::validate::{Control, Problems, Reading, Refusal, YEARS};

/// Why one value was refused: "holds \u{1b} (a terminal control character)".
pub fn refusal(r: &Refusal) -> String {
    let (from, to) = (YEARS.start().to_string(), YEARS.end().to_string());
    match r {
        Refusal::Empty => t!("refusal-empty"),
        Refusal::Invisible => t!("refusal-invisible"),
        Refusal::Holds { c, control } => holds(*c, *control),
        Refusal::TooLong { length, limit } => t!(
            "refusal-too-long",
            length = length.to_string(),
            limit = limit.to_string()
        ),
        Refusal::DateOutside { date } => {
            t!(
                "refusal-date-outside",
                date = date.to_string(),
                from = from,
                to = to
            )
        }
        Refusal::YearOutside { year } => {
            t!(
                "refusal-year-outside",
                year = year.to_string(),
                from = from,
                to = to
            )
        }
        Refusal::NotADay => t!("refusal-not-a-day"),
        Refusal::Cadence { days } => t!(
            "refusal-cadence",
            days = days.to_string(),
            most = crate::book::validate::MAX_CADENCE_DAYS.to_string()
        ),
        Refusal::Amount => t!(
            "refusal-amount",
            most = crate::book::validate::MAX_AMOUNT.to_string()
        ),
        Refusal::IntOutside { n, lo, hi } => t!(
            "refusal-int-outside",
            n = n.to_string(),
            lo = lo.to_string(),
            hi = hi.to_string()
        ),
        Refusal::NotWhole { value } => t!("refusal-not-whole", value = value.as_str()),
        Refusal::NotANumber => t!("refusal-not-a-number"),
        Refusal::NotText => t!("refusal-not-text"),
        Refusal::Unreadable { value, reading } => unreadable(value, *reading),
        Refusal::NotOneOf { value, words } => t!(
            "refusal-not-one-of",
            value = value.as_str(),
            words = words.join(", ")
        ),
    }
}

fn holds(c: char, control: Control) -> String {
    // Escaped: the character itself must never reach the terminal.
    let c = c.escape_unicode().to_string();
    match control {
        Control::Bidi => t!("refusal-holds-bidi", char = c),
        Control::LineBreak => t!("refusal-holds-line-break", char = c),
        Control::Terminal => t!("refusal-holds-control", char = c),
    }
}

fn unreadable(value: &str, reading: Reading) -> String {
    match reading {
        Reading::Date => t!("refusal-not-date", value = value),
        Reading::Stamp => t!("refusal-not-stamp", value = value),
        Reading::Time => t!("refusal-not-time", value = value),
        Reading::Birthday => t!("refusal-not-birthday", value = value),
    }
}

/// "field why; field why", for a status line or an error: in English the field's key
/// (`name`), in Chinese its label on the forms (名称).
pub fn problems(problems: &Problems) -> String {
    problems
        .iter()
        .map(|(field, why)| {
            t!(
                "refusal-field",
                field = *field,
                label = label(field),
                why = refusal(why)
            )
        })
        .collect::<Vec<_>>()
        .join(&t!("refusal-separator"))
}

/// The label a form shows for the gate's field `key`; the key itself for one no form shows.
pub fn label(key: &str) -> String {
    match key {
        "name" => t!("form-customer-name"),
        "industry" => t!("form-industry"),
        "city" => t!("form-city"),
        "phone" => t!("form-phone"),
        "email" => t!("form-email"),
        "wechat" => t!("form-wechat"),
        "website" => t!("form-website"),
        "lead_source" => t!("form-lead-source"),
        "tags" => t!("form-tags"),
        "address" => t!("form-address"),
        "notes" => t!("form-notes"),
        "birthday" => t!("form-birthday"),
        "cadence_days" => t!("form-cadence"),
        "title" => t!("form-deal-title"),
        "at" => t!("form-when"),
        "summary" => t!("form-summary"),
        "outcome" => t!("form-outcome"),
        "due_on" => t!("form-due"),
        "task" => t!("form-task"),
        "amount" => t!("form-amount"),
        "expected_close" => t!("form-expected-close"),
        "closed_on" => t!("form-order-date"),
        "opened_on" => t!("form-opened"),
        "resolved_on" => t!("form-resolved-on"),
        "what" => t!("form-what"),
        "resolution" => t!("form-resolution"),
        "currency" => t!("form-currency"),
        "satisfaction" => t!("form-satisfaction"),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::book::validate::{Shape, text};
    use crate::i18n::{Language, with_language};

    #[test]
    fn english_keeps_the_gates_words_and_chinese_says_them() {
        let control = text("a\x1bb", Shape::Name).unwrap_err();
        let long = text(&"名".repeat(201), Shape::Name).unwrap_err();
        let both = vec![("name", control.clone()), ("city", long.clone())];
        with_language(Language::English, || {
            assert_eq!(
                refusal(&control),
                "holds \\u{1b} (a terminal control character)"
            );
            assert_eq!(
                problems(&both),
                "name holds \\u{1b} (a terminal control character); \
                 city is 201 characters long; it holds at most 200"
            );
        });
        with_language(Language::Chinese, || {
            assert_eq!(
                problems(&both),
                "名称含有 \\u{1b}（终端控制字符）；城市长 201 个字符，最多 200 个"
            );
        });
    }
}
