//! The defaults in each language: the commented file written on first start, and the call
//! outcomes it lists (the only defaults with words; their keys are the same in every language).

use super::Outcome;
use crate::i18n::Language;

/// Written on first start, so the settings can be discovered by opening the file.
pub const DEFAULTS_TOML: &str = include_str!("defaults.toml");
/// The same in Chinese, written when fieldbook first starts speaking Chinese: its comments,
/// outcome labels and proposed tasks are Chinese, its keys the same.
pub const DEFAULTS_TOML_ZH: &str = include_str!("defaults.zh-CN.toml");

/// The commented defaults file in `language`.
#[must_use]
pub fn defaults_toml(language: Language) -> &'static str {
    match language {
        Language::English => DEFAULTS_TOML,
        Language::Chinese => DEFAULTS_TOML_ZH,
    }
}

/// The default outcomes in `language`, as its defaults file lists them.
pub(super) fn outcomes(language: Language) -> Vec<Outcome> {
    match language {
        Language::English => english_outcomes(),
        Language::Chinese => chinese_outcomes(),
    }
}

fn outcome(key: &str, label: &str, next: &str, task: &str) -> Outcome {
    Outcome {
        key: key.into(),
        label: label.into(),
        next: (!next.is_empty()).then(|| next.into()),
        task: task.into(),
    }
}

/// As `defaults.zh-CN.toml` lists them (a test holds the two together).
fn chinese_outcomes() -> Vec<Outcome> {
    vec![
        outcome("no_answer", "未接通", "明天", "明天再打"),
        outcome("left_message", "已留言", "两天后", "没回复就再打一次"),
        outcome("quote_sent", "已报价", "三天后", "跟进报价"),
        outcome(
            "order_placed",
            "已下单",
            "两周后",
            "关怀回访：订单进展如何？",
        ),
        outcome("complaint", "投诉", "明天", "回访投诉的处理情况"),
        outcome("meeting_booked", "已约见面", "", ""),
        outcome("not_interested", "不感兴趣", "三个月后", "过段时间再联系"),
    ]
}

/// As `defaults.toml` lists them.
fn english_outcomes() -> Vec<Outcome> {
    vec![
        outcome("no_answer", "no answer 未接通", "tomorrow", "Try again"),
        outcome(
            "left_message",
            "left a message 已留言",
            "+2d",
            "Call back if no reply",
        ),
        outcome("quote_sent", "quote sent 已报价", "+3d", "Chase the quote"),
        outcome(
            "order_placed",
            "order placed 已下单",
            "+14d",
            "Care call: how is the order going?",
        ),
        outcome(
            "complaint",
            "complaint 投诉",
            "tomorrow",
            "Check back on the complaint",
        ),
        outcome("meeting_booked", "meeting booked 已约见面", "", ""),
        outcome(
            "not_interested",
            "not interested 不感兴趣",
            "+3m",
            "Try again later",
        ),
    ]
}
