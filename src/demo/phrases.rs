//! What a salesperson writes: contact summaries, follow-up tasks and customer notes, in Chinese
//! and English. `{p}` is a product, `{q}` a quarter, `{n}` a quantity, `{w}` a weekday.

use std::fmt::Write;

use super::rng::Rng;
use crate::book::model::Channel;
use crate::book::recurrence::{Basis, Recurrence, Unit};

const fn every(every: u32, unit: Unit, basis: Basis) -> Recurrence {
    Recurrence { every, unit, basis }
}

pub type Summary = (&'static str, Option<&'static str>);

pub struct Phrases {
    /// Summaries by channel, in `Channel::ALL` order, with the outcome (a key of the default
    /// config) a salesperson would pick for them.
    pub by_channel: [&'static [Summary]; 7],
    /// A second line some summaries get.
    pub extras: &'static [&'static str],
    pub tasks: &'static [&'static str],
    /// Tasks for someone not contacted yet.
    pub first_tasks: &'static [&'static str],
    /// Tasks that come back, with how often.
    pub repeating: &'static [(&'static str, Recurrence)],
    pub notes: &'static [&'static str],
    products: &'static [&'static str],
    weekdays: &'static [&'static str],
}

pub const CN: Phrases = Phrases {
    by_channel: [
        &[
            ("上门拜访，参观了工厂，客户对{p}感兴趣，要样品", None),
            ("拜访采购部，当面介绍{p}，对方表示{q}有采购计划", None),
            ("到客户办公室送样品，顺便了解竞品情况", None),
            ("陪技术同事上门调试设备，问题已解决", None),
            ("拜访老板，喝茶聊了一个小时，关系不错", None),
            ("去仓库看了库存，{p}还剩大约{n}件", None),
        ],
        &[
            ("电话沟通{q}订单，客户要求下周报价", Some("quote_sent")),
            ("打电话确认交货期，客户希望提前到{w}", None),
            ("电话回访，客户反馈{p}使用正常", None),
            ("电话没人接，稍后再打", Some("no_answer")),
            ("电话沟通付款进度，财务说月底付", None),
            (
                "客户来电投诉上批货有{n}件破损，答应尽快补发",
                Some("complaint"),
            ),
            ("客户表示暂时没有需求，明年再说", Some("not_interested")),
        ],
        &[
            ("微信发了{p}的资料和报价单", None),
            ("微信语音聊了新项目，预算还没定", None),
            ("客户确认下单{n}件{p}", Some("order_placed")),
            ("微信确认了收货，客户发了照片", None),
            ("客户微信问{p}的价格，已回复", None),
            ("微信问候，顺便问了{q}的计划", None),
            ("微信群里通知了新品上市", None),
        ],
        &[
            ("邮件发送正式报价，{n}件，含税含运费", Some("quote_sent")),
            ("发邮件确认合同条款，等待盖章回传", None),
            ("收到客户邮件，询问{p}的技术参数", None),
            ("邮件发送对账单，请财务核对", None),
        ],
        &[
            ("在客户公司开会，和采购、技术一起评审方案", None),
            ("参加客户季度供应商会议，介绍{q}新品", None),
            ("展会上见面，聊了{p}的合作", None),
            ("和老板、采购经理一起吃饭，谈明年框架协议", None),
        ],
        &[
            ("短信提醒客户明天送货", None),
            ("发短信确认会议时间改到{w}", Some("meeting_booked")),
            ("短信发送物流单号", None),
        ],
        &[
            ("寄送样品{n}件，快递已发出", None),
            ("客户到我们工厂参观", None),
            ("客户转介绍了一位新客户", None),
            ("中秋节送了月饼礼盒", None),
        ],
    ],
    extras: &[
        "客户提到竞品报价更低。",
        "需要老板最后拍板。",
        "付款方式要求月结60天。",
        "对交货期比较在意。",
        "下次带技术同事一起去。",
        "顺便问了明年的预算。",
    ],
    tasks: &[
        "发报价单",
        "寄样品：{p}",
        "回访：确认样品测试结果",
        "催款：{q}货款",
        "拜访工厂，看新产线",
        "约老板吃饭",
        "发合同",
        "确认交货期",
        "送节日礼品",
        "跟进{p}的试用反馈",
    ],
    first_tasks: &[
        "初次电话联系，介绍公司",
        "约第一次拜访",
        "发公司介绍和{p}资料",
    ],
    repeating: &[
        ("每月对账", every(1, Unit::Month, Basis::Schedule)),
        ("定期回访", every(2, Unit::Week, Basis::Done)),
        ("季度业务回顾", every(3, Unit::Month, Basis::Schedule)),
    ],
    notes: &[
        "喜欢喝茶，周一上午不方便",
        "老板是潮汕人，喜欢功夫茶",
        "付款周期60天，月底对账",
        "午休时间（12:00-14:00）不要打电话",
        "每年春节前送礼",
        "采购流程严格，需要三家比价",
        "只接受增值税专用发票",
        "喜欢用微信语音，不爱看邮件",
        "决策人是老板娘",
    ],
    products: &[
        "新款控制器",
        "X200控制器",
        "标准件",
        "定制模具",
        "传感器模组",
        "S系列水泵",
        "包装膜",
    ],
    weekdays: &["周一", "周二", "周三", "周四", "周五"],
};

pub const EN: Phrases = Phrases {
    by_channel: [
        &[
            ("Visited the plant; they want samples of {p}.", None),
            (
                "On-site visit with purchasing. They plan a {q} order.",
                None,
            ),
            (
                "Dropped off samples and walked their line; competitor kit everywhere.",
                None,
            ),
            (
                "Went with our engineer to fix the installation. Sorted.",
                None,
            ),
            ("Visited the warehouse: about {n} {p} left.", None),
        ],
        &[
            (
                "Call about the {q} order; they want a quote by next week.",
                Some("quote_sent"),
            ),
            (
                "Called to confirm delivery; they asked to pull it in to {w}.",
                None,
            ),
            ("Follow-up call: {p} working fine, happy so far.", None),
            ("No answer, left a voicemail.", Some("left_message")),
            (
                "Call with finance about the overdue invoice; payment promised end of month.",
                None,
            ),
            (
                "No need this year, they say; try again later.",
                Some("not_interested"),
            ),
        ],
        &[
            ("Sent the brochure and price list for {p} on WeChat.", None),
            (
                "WeChat voice chat about a new project; no budget yet.",
                None,
            ),
            ("They confirmed delivery on WeChat and sent photos.", None),
        ],
        &[
            (
                "Emailed the formal quote for {n} units, incl. freight.",
                Some("quote_sent"),
            ),
            (
                "Sent the contract draft; waiting for their legal team.",
                None,
            ),
            ("They emailed asking for spec sheets on {p}.", None),
            ("Sent the monthly statement for reconciliation.", None),
            ("PO received for {n} {p}.", Some("order_placed")),
        ],
        &[
            ("Quarterly review with purchasing and engineering.", None),
            ("Met at the trade fair; talked about {p}.", None),
            (
                "Dinner with the MD and the purchasing manager: next year's frame agreement.",
                None,
            ),
            ("Video call to walk through the {q} roadmap.", None),
        ],
        &[
            ("Texted a reminder about tomorrow's delivery.", None),
            ("Message: meeting moved to {w}.", Some("meeting_booked")),
            ("Sent the tracking number by SMS.", None),
        ],
        &[
            ("Shipped {n} samples by courier.", None),
            ("They visited our factory.", None),
            ("They referred us to a new prospect.", None),
            ("Sent a Mid-Autumn gift box.", None),
        ],
    ],
    extras: &[
        "Asked about payment terms.",
        "Competitor is quoting lower.",
        "Decision sits with the MD.",
        "Lead time is their main worry.",
        "Bring an engineer next time.",
        "Mentioned next year's budget.",
    ],
    tasks: &[
        "Send revised quote",
        "Ship samples of {p}",
        "Call back about the {q} order",
        "Chase payment",
        "Book a plant visit",
        "Send contract for signature",
        "Confirm delivery date",
        "Check trial feedback on {p}",
    ],
    first_tasks: &[
        "First call: introduce ourselves",
        "Book a first visit",
        "Send company profile and a brochure on {p}",
    ],
    repeating: &[
        (
            "Monthly statement check",
            every(1, Unit::Month, Basis::Schedule),
        ),
        ("Regular check-in call", every(2, Unit::Week, Basis::Done)),
        (
            "Quarterly business review",
            every(3, Unit::Month, Basis::Schedule),
        ),
    ],
    notes: &[
        "Prefers WeChat over email.",
        "Decision maker travels a lot; call before 10am.",
        "Vegetarian: pick restaurants accordingly.",
        "Speaks Cantonese and English.",
        "Net 60 payment terms; invoices must quote the PO number.",
        "Likes detailed spec sheets before any call.",
    ],
    products: &[
        "X200 controllers",
        "spare parts",
        "custom molds",
        "sensor modules",
        "S-series pumps",
        "packaging film",
    ],
    weekdays: &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
};

/// What the demo writes for the user to read and act on (follow-up tasks, customer notes):
/// in Chinese when fieldbook speaks Chinese, else as the salesperson wrote for that customer.
/// The choice draws nothing from the generator, so an English demo is the same book as ever.
pub fn for_the_user(written: &'static Phrases) -> &'static Phrases {
    match crate::i18n::current() {
        crate::i18n::Language::Chinese => &CN,
        crate::i18n::Language::English => written,
    }
}

impl Phrases {
    pub fn summaries(&self, channel: Channel) -> &'static [Summary] {
        let index = Channel::ALL.iter().position(|c| *c == channel);
        self.by_channel[index.unwrap_or(Channel::ALL.len() - 1)]
    }

    /// Appends `template` to `out` with its blanks filled in.
    pub fn fill(&self, out: &mut String, template: &str, rng: &mut Rng) {
        let mut rest = template;
        while let Some((before, after)) = rest.split_once('{') {
            let Some((blank, tail)) = after.split_once('}') else {
                break;
            };
            out.push_str(before);
            match blank {
                "p" => out.push_str(rng.pick(self.products)),
                "q" => {
                    let _ = write!(out, "Q{}", rng.between(1, 4));
                }
                "n" => {
                    let _ = write!(out, "{}", rng.between(1, 40) * 10);
                }
                "w" => out.push_str(rng.pick(self.weekdays)),
                other => out.push_str(other),
            }
            rest = tail;
        }
        out.push_str(rest);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_fills_without_leftover_braces() {
        let mut rng = Rng::stream(3, 3);
        for phrases in [&CN, &EN] {
            let all = phrases
                .by_channel
                .iter()
                .flat_map(|t| t.iter().map(|s| &s.0));
            let tasks = phrases.tasks.iter().chain(phrases.first_tasks);
            for template in all.chain(tasks).chain(phrases.extras) {
                let mut out = String::new();
                phrases.fill(&mut out, template, &mut rng);
                assert!(!out.contains(['{', '}']), "{out}");
                assert!(!out.trim().is_empty());
            }
        }
    }
}
