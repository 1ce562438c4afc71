//! The book's small vocabularies as the interface says them: channels, stages, deal stages,
//! complaint severities and statuses. What is stored in the book (`as_str`) and what a person
//! may type for one (`parse`, which also takes the English label) do not change with the language.

use crate::book::complaints::{ComplaintStatus, Severity};
use crate::book::deals::DealStage;
use crate::book::model::{Channel, Stage};

pub fn channel(c: Channel) -> String {
    match c {
        Channel::Visit => t!("channel-visit"),
        Channel::Call => t!("channel-call"),
        Channel::WeChat => t!("channel-wechat"),
        Channel::Email => t!("channel-email"),
        Channel::Meeting => t!("channel-meeting"),
        Channel::Message => t!("channel-message"),
        Channel::Other => t!("channel-other"),
    }
}

pub fn stage(s: Stage) -> String {
    match s {
        Stage::Prospect => t!("stage-prospect"),
        Stage::New => t!("stage-new"),
        Stage::Active => t!("stage-active"),
        Stage::Repeat => t!("stage-repeat"),
        Stage::AtRisk => t!("stage-at-risk"),
        Stage::Lost => t!("stage-lost"),
    }
}

pub fn deal_stage(s: DealStage) -> String {
    match s {
        DealStage::Lead => t!("deal-stage-lead"),
        DealStage::Qualified => t!("deal-stage-qualified"),
        DealStage::Proposal => t!("deal-stage-proposal"),
        DealStage::Negotiation => t!("deal-stage-negotiation"),
        DealStage::Won => t!("deal-stage-won"),
        DealStage::Lost => t!("deal-stage-lost"),
    }
}

pub fn severity(s: Severity) -> String {
    match s {
        Severity::Low => t!("severity-low"),
        Severity::Medium => t!("severity-medium"),
        Severity::High => t!("severity-high"),
    }
}

pub fn complaint_status(s: ComplaintStatus) -> String {
    match s {
        ComplaintStatus::Open => t!("complaint-open"),
        ComplaintStatus::InProgress => t!("complaint-in-progress"),
        ComplaintStatus::Resolved => t!("complaint-resolved"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, with_language};

    #[test]
    fn english_words_are_the_book_labels_and_chinese_ones_differ() {
        let check = |en: Vec<String>, labels: Vec<&str>, zh: Vec<String>| {
            assert_eq!(en, labels);
            for (e, z) in en.iter().zip(&zh) {
                assert_ne!(e, z, "{e} is not translated");
            }
        };
        let words = |language| {
            with_language(language, || {
                let channels: Vec<String> = Channel::ALL.iter().map(|&c| channel(c)).collect();
                let stages: Vec<String> = Stage::ALL.iter().map(|&s| stage(s)).collect();
                let deals: Vec<String> = DealStage::ALL.iter().map(|&s| deal_stage(s)).collect();
                let severities: Vec<String> = Severity::ALL.iter().map(|&s| severity(s)).collect();
                let statuses: Vec<String> = ComplaintStatus::ALL
                    .iter()
                    .map(|&s| complaint_status(s))
                    .collect();
                [channels, stages, deals, severities, statuses]
            })
        };
        let [en, zh] = [words(Language::English), words(Language::Chinese)];
        let [a, b, c, d, e] = en;
        let [za, zb, zc, zd, ze] = zh;
        check(a, Channel::ALL.iter().map(|c| c.label()).collect(), za);
        check(b, Stage::ALL.iter().map(|c| c.label()).collect(), zb);
        check(c, DealStage::ALL.iter().map(|c| c.label()).collect(), zc);
        check(d, Severity::ALL.iter().map(|c| c.label()).collect(), zd);
        check(
            e,
            ComplaintStatus::ALL.iter().map(|c| c.label()).collect(),
            ze,
        );
    }
}
