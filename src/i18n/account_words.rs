//! A deal's or complaint's refusal, said in the language spoken. The rules live in `book::deals`,
//! `book::complaints` and `book::money`, which word them in English; the forms and the
//! repository (for the command line) read each back by its shape and say it again from the
//! draft's own values. A message of a shape not known here is shown as the book wrote it.

use crate::book::complaints::ComplaintDraft;
use crate::book::deals::DealDraft;
use crate::i18n::words;

/// A deal rule's message for `field`.
pub fn deal_error(field: &str, said: &str, d: &DealDraft) -> String {
    match field {
        "title" => t!("deal-error-title"),
        "amount" if said.contains("negative") => t!("deal-error-negative"),
        "currency" => t!("deal-error-currency", code = d.currency.trim()),
        "closed_on" if said.starts_with("a won order") => t!("deal-error-won-needs-date"),
        "closed_on" if said.starts_with("a deal still at") => {
            t!(
                "deal-error-open-has-date",
                stage = words::deal_stage(d.stage)
            )
        }
        _ => said.to_string(),
    }
}

/// A complaint rule's message for `field`.
pub fn complaint_error(field: &str, said: &str, c: &ComplaintDraft) -> String {
    match (field, c.resolved_on, c.satisfaction) {
        ("what", ..) => t!("complaint-error-what"),
        ("resolved_on", None, _) => t!("complaint-error-needs-resolved-on"),
        ("resolved_on", Some(on), _) if said.starts_with("resolved on") => t!(
            "complaint-error-resolved-before-opened",
            on = on.to_string(),
            opened = c.opened_on.to_string()
        ),
        ("resolved_on", Some(_), _) => t!(
            "complaint-error-open-has-resolved-on",
            status = words::complaint_status(c.status)
        ),
        ("satisfaction", _, Some(score)) if said.contains(" not ") => {
            t!("complaint-error-score", score = score)
        }
        ("satisfaction", ..) => t!("complaint-error-score-once-resolved"),
        _ => said.to_string(),
    }
}

/// An amount not read, with what was typed (which the caller has made safe to show).
pub fn amount_error(said: &str, typed: &str) -> String {
    let typed = typed.trim();
    if said.starts_with("no amount in") {
        t!("amount-error-none-in", typed = typed)
    } else if said.starts_with("no amount") {
        t!("amount-error-missing")
    } else if said.contains("is not an amount") {
        t!("amount-error-unreadable", typed = typed)
    } else if said.contains("whole cents") {
        t!("amount-error-whole-cents", typed = typed)
    } else if said.contains("decimals") {
        t!("amount-error-cents", typed = typed)
    } else if said.contains("too large") {
        t!("amount-error-too-large", typed = typed)
    } else {
        said.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::book::complaints::{self, ComplaintStatus};
    use crate::book::deals::{self, DealStage};
    use crate::book::model::CustomerId;
    use crate::i18n::{Language, with_language};

    fn day(s: &str) -> chrono::NaiveDate {
        s.parse().unwrap()
    }

    /// Drafts that break every rule of `book::deals` and `book::complaints` between them.
    fn bad_drafts() -> (Vec<DealDraft>, Vec<ComplaintDraft>) {
        let deal = DealDraft {
            customer_id: CustomerId(1),
            title: " ".into(),
            amount: -1,
            currency: "RMB1".into(),
            stage: DealStage::Won,
            closed_on: None,
            expected_close: None,
        };
        let open = DealDraft {
            stage: DealStage::Proposal,
            closed_on: Some(day("2026-11-01")),
            ..deal.clone()
        };
        let complaint = ComplaintDraft {
            customer_id: CustomerId(1),
            opened_on: day("2026-11-10"),
            what: String::new(),
            severity: complaints::Severity::High,
            status: ComplaintStatus::Resolved,
            resolved_on: Some(day("2026-11-01")),
            resolution: String::new(),
            satisfaction: Some(9),
        };
        let open_complaint = ComplaintDraft {
            status: ComplaintStatus::InProgress,
            satisfaction: Some(4),
            ..complaint.clone()
        };
        let unresolved = ComplaintDraft {
            resolved_on: None,
            ..complaint.clone()
        };
        (
            vec![deal, open],
            vec![complaint, open_complaint, unresolved],
        )
    }

    const AMOUNTS: [&str; 5] = ["", "abc", "1.234", "1.2345678万", "99999999999999999"];

    /// Every refusal the book's rules give is known here: none is left in English.
    #[test]
    fn every_deal_and_complaint_refusal_is_said_in_chinese() {
        let (deal_drafts, complaint_drafts) = bad_drafts();
        let said_in = |language| {
            with_language(language, || {
                let mut said = Vec::new();
                for d in &deal_drafts {
                    for (field, e) in deals::check(d).unwrap_err() {
                        said.push(deal_error(field, &e, d));
                    }
                }
                for c in &complaint_drafts {
                    for (field, e) in complaints::check(c).unwrap_err() {
                        said.push(complaint_error(field, &e, c));
                    }
                }
                for typed in AMOUNTS {
                    let e = crate::book::money::parse_amount(typed).unwrap_err();
                    said.push(amount_error(&e, typed));
                }
                said
            })
        };
        // In English, each says word for word what the book said.
        let mut book = Vec::new();
        for d in &deal_drafts {
            book.extend(deals::check(d).unwrap_err().into_iter().map(|(_, e)| e));
        }
        for c in &complaint_drafts {
            let errors = complaints::check(c).unwrap_err();
            book.extend(errors.into_iter().map(|(_, e)| e));
        }
        for typed in AMOUNTS {
            book.push(crate::book::money::parse_amount(typed).unwrap_err());
        }
        assert_eq!(said_in(Language::English), book);
        let said = said_in(Language::Chinese);
        assert_eq!(said.len(), book.len());
        for s in &said {
            let english = s
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|w| w.len() > 2 && !["RMB", "CNY", "USD", "abc"].contains(&w));
            assert!(!english, "English left in {s:?}");
        }
        assert!(
            said.contains(&"赢单必须填写成交日期".to_string()),
            "{said:?}"
        );
    }
}
