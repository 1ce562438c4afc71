//! The book's small vocabularies as the interface says them: channels, stages, deal stages,
//! complaint severities and statuses. What is stored in the book (`as_str`) and what a person
//! may type for one (`parse`, which also takes the English label) do not change with the language.

use crate::book::care::TooOften;
use crate::book::complaints::{ComplaintStatus, Severity};
use crate::book::deals::DealStage;
use crate::book::due::{Bucket, SortOrder};
use crate::book::lifecycle::Why;
use crate::book::model::{Channel, CustomerKind, Stage};
use crate::book::recurrence::{Basis, Recurrence, Unit};

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

/// Whether a customer is a company or a single person.
pub fn customer_kind(k: CustomerKind) -> String {
    match k {
        CustomerKind::Company => t!("kind-company"),
        CustomerKind::Person => t!("kind-person"),
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

/// How the customer list is sorted, as its title and the status line say it.
pub fn sort_order(o: SortOrder) -> String {
    match o {
        SortOrder::Attention => t!("sort-attention"),
        SortOrder::Name => t!("sort-name"),
        SortOrder::LastContact => t!("sort-last-contact"),
    }
}

/// The heading of a group of follow-ups: "Overdue", "Today"...
pub fn bucket(b: Bucket) -> String {
    match b {
        Bucket::Overdue => t!("bucket-overdue"),
        Bucket::Today => t!("bucket-today"),
        Bucket::NextSevenDays => t!("bucket-next-seven-days"),
        Bucket::Later => t!("bucket-later"),
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

/// "weekly", "every 2 weeks after done" / "每周", "每2周(从完成日算起)": how a repeat rule reads.
pub fn repeat(r: &Recurrence) -> String {
    let n = r.every;
    let rule = match r.unit {
        Unit::Day => t!("repeat-days", n = n),
        Unit::Week => t!("repeat-weeks", n = n),
        Unit::Month => t!("repeat-months", n = n),
        Unit::Year => t!("repeat-years", n = n),
    };
    match r.basis {
        Basis::Schedule => rule,
        Basis::Done => t!("repeat-after-done", rule = rule),
    }
}

/// Why a customer is at the stage it is, or at risk: "no order for 110 days; usually every
/// 31" / "110天没有下单，通常每31天一单". A reason typed by hand is book text: sanitize it.
pub fn reasons(whys: &[Why]) -> String {
    let days = |n: i64| t!("report-days", n = n);
    let said: Vec<String> = whys
        .iter()
        .map(|why| match why {
            Why::MarkedLost => t!("reason-marked-lost"),
            Why::NoOrderYet => t!("reason-no-order-yet"),
            Why::NoOrderFor { days: d } => t!("reason-no-order-for", days = days(*d)),
            Why::OrderGap { days: d, usual } => {
                t!("reason-order-gap", days = days(*d), usual = *usual)
            }
            Why::OpenComplaints { n } => t!("reason-open-complaints", n = *n),
            Why::Silent { days: d, cadence } => {
                t!("reason-silent", days = days(*d), cadence = *cadence)
            }
            Why::FirstOrder { ago, orders } => {
                t!("reason-first-order", ago = days(*ago), orders = *orders)
            }
            Why::LastOrder { ago, usual } => {
                t!("reason-last-order", ago = days(*ago), usual = *usual)
            }
            Why::OneOrder { ago } => t!("reason-one-order", ago = days(*ago)),
            Why::SetByHand { why } if why.is_empty() => t!("reason-set-by-hand"),
            Why::SetByHand { why } => t!("reason-set-by-hand-why", why = why),
        })
        .collect();
    said.join(&t!("reason-separator"))
}

/// A "not too often" warning: the contact planned is close to another, or one too many.
pub fn too_often(w: &TooOften) -> String {
    match *w {
        TooOften::TooClose { gap, min_days } => t!("too-often-close", gap = gap, min = min_days),
        TooOften::TooMany { count, ceiling } => {
            t!("too-often-many", count = count, ceiling = ceiling)
        }
    }
}

impl std::fmt::Display for TooOften {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&too_often(self))
    }
}

/// In `--json`, in English whatever the locale: scripts never break when it changes.
impl serde::Serialize for TooOften {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::with_language(super::Language::English, || {
            too_often(self)
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, with_language};

    /// Said in the language spoken; in `--json` the same English under every locale.
    #[test]
    fn too_often_is_said_in_chinese_and_stays_english_in_json() {
        let close = TooOften::TooClose {
            gap: 0,
            min_days: 2,
        };
        let many = TooOften::TooMany {
            count: 9,
            ceiling: 8,
        };
        let english = "another contact is within the same day of this one (care, not harassment: \
                       at least 2 days apart)";
        assert_eq!(
            with_language(Language::English, || close.to_string()),
            english
        );
        let (zh_close, zh_many, json) = with_language(Language::Chinese, || {
            (
                close.to_string(),
                many.to_string(),
                serde_json::to_string(&[close, many]).unwrap(),
            )
        });
        assert_eq!(zh_close, "同一天已有其他联系（关心而不打扰：至少间隔2天）");
        assert_eq!(zh_many, "30天内联系9次（上限8次）");
        assert_eq!(
            json,
            format!("[\"{english}\",\"9 contacts within 30 days (the ceiling is 8)\"]")
        );
    }

    #[test]
    fn reasons_read_as_the_book_says_them_in_english_and_in_chinese() {
        use crate::book::lifecycle::english;
        let cases: Vec<(Vec<Why>, &str)> = vec![
            (vec![Why::MarkedLost], "手动标记为流失"),
            (
                vec![Why::NoOrderYet, Why::OpenComplaints { n: 1 }],
                "还没有订单；有未解决的投诉",
            ),
            (vec![Why::NoOrderFor { days: 400 }], "400天没有下单"),
            (
                vec![
                    Why::OrderGap {
                        days: 110,
                        usual: 31,
                    },
                    Why::OpenComplaints { n: 2 },
                ],
                "110天没有下单，通常每31天一单；2个未解决的投诉",
            ),
            (
                vec![Why::Silent {
                    days: 1,
                    cadence: 30,
                }],
                "1天没有联系 (联系周期30天)",
            ),
            (vec![Why::FirstOrder { ago: 1, orders: 1 }], "1天前首次下单"),
            (
                vec![Why::FirstOrder { ago: 58, orders: 2 }],
                "58天前首次下单，至今2单",
            ),
            (
                vec![Why::LastOrder { ago: 10, usual: 30 }],
                "上次下单在10天前，通常每30天一单",
            ),
            (
                vec![Why::OneOrder { ago: 180 }],
                "只有一单，在180天前，节奏还不清楚",
            ),
            (
                vec![Why::SetByHand { why: String::new() }, Why::NoOrderYet],
                "手动设定；还没有订单",
            ),
            (
                vec![Why::SetByHand {
                    why: "老客户".into(),
                }],
                "手动设定：老客户",
            ),
        ];
        for (whys, zh) in cases {
            assert_eq!(
                with_language(Language::English, || reasons(&whys)),
                english(&whys)
            );
            assert_eq!(with_language(Language::Chinese, || reasons(&whys)), zh);
        }
    }

    #[test]
    fn repeat_rules_read_as_the_book_describes_them_and_in_chinese() {
        let cases = [
            ("weekly", "每周"),
            ("daily", "每天"),
            ("monthly after done", "每月(从完成日算起)"),
            ("every 2 weeks", "每2周"),
            ("every 3 months after done", "每3个月(从完成日算起)"),
            ("yearly", "每年"),
            ("every 10 days", "每10天"),
        ];
        for (text, zh) in cases {
            let r = Recurrence::parse(text).unwrap();
            assert_eq!(
                with_language(Language::English, || repeat(&r)),
                r.describe()
            );
            assert_eq!(
                with_language(Language::Chinese, || repeat(&r)),
                zh,
                "{text}"
            );
        }
    }

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
