//! The profile's account lines: tier, stage and revenue with where each comes from, deals and
//! complaints.

use chrono::NaiveDate;
use ratatui::text::{Line, Span};

use super::label;
use crate::book::complaints::{self, Trend};
use crate::book::deals::DealStage;
use crate::book::model::{Stage, Tier};
use crate::book::money;
use crate::i18n::{calendar, words};
use crate::safe_text;
use crate::services::account::Account;
use crate::text::{fill, pad_left};
use crate::tui::theme::THEME;

/// Tier and stage, each with where it comes from, and revenue.
pub(super) fn value_lines(a: &Account) -> Vec<Line<'static>> {
    let (tier, tier_by_hand) = a.tier();
    let tier_note = if tier_by_hand {
        let why = if a.overrides.tier_reason.trim().is_empty() {
            t!("profile-by-hand")
        } else {
            t!(
                "profile-by-hand-because",
                why = safe_text::line(&a.overrides.tier_reason).into_owned()
            )
        };
        match a.computed_tier {
            Some(computed) => t!("profile-tier-computed", why = why, tier = computed.as_str()),
            None => t!("profile-note", note = why),
        }
    } else if tier.is_some() {
        t!("profile-tier-by-revenue")
    } else {
        t!("profile-tier-no-revenue")
    };
    let tier = tier.map_or("-", Tier::as_str);
    let (stage, stage_by_hand) = a.stage();
    let stage_note = if stage_by_hand {
        let why = if a.overrides.stage_reason.trim().is_empty() {
            t!("profile-by-hand")
        } else {
            t!(
                "profile-by-hand-because",
                why = safe_text::line(&a.overrides.stage_reason).into_owned()
            )
        };
        t!(
            "profile-stage-facts",
            why = why,
            stage = words::stage(a.verdict.stage)
        )
    } else {
        t!(
            "profile-note",
            note = safe_text::line(&words::reasons(&a.verdict.why)).into_owned()
        )
    };
    let stage_style = match stage {
        Stage::AtRisk | Stage::Lost => THEME.overdue,
        _ => THEME.title,
    };
    vec![
        Line::from(vec![
            label(t!("form-tier")),
            Span::styled(tier.to_string(), THEME.title),
            Span::styled(format!(" {tier_note}"), THEME.dim),
        ]),
        Line::from(vec![
            label(t!("form-customer-stage")),
            Span::styled(words::stage(stage), stage_style),
            Span::styled(format!(" {stage_note}"), THEME.dim),
        ]),
        Line::from(vec![
            label(t!("profile-revenue")),
            if a.revenue_all == 0 {
                Span::styled(t!("profile-no-orders"), THEME.dim)
            } else {
                Span::raw(t!(
                    "profile-revenue-value",
                    year = money::format_short(a.revenue_12m, &a.currency),
                    all = money::format_short(a.revenue_all, &a.currency)
                ))
            },
        ]),
    ]
}

/// Open deals first, then the latest orders; all of them, as the profile scrolls.
pub(super) fn deal_lines(a: &Account, today: NaiveDate) -> Vec<Line<'static>> {
    if a.deals.is_empty() {
        return Vec::new();
    }
    let mut out = vec![Line::styled(
        t!("profile-deals", n = a.deals.len()),
        THEME.header,
    )];
    for deal in &a.deals {
        let d = &deal.draft;
        let when = match (d.stage, d.closed_on, d.expected_close) {
            (DealStage::Won | DealStage::Lost, Some(on), _) => on.format("%Y-%m-%d").to_string(),
            (_, _, Some(close)) => t!(
                "profile-deal-closes",
                when = calendar::due_label(Some(close), today)
            ),
            _ => String::new(),
        };
        out.push(Line::from(vec![
            Span::styled(
                format!("  {} ", fill(&words::deal_stage(d.stage), 11)),
                THEME.label,
            ),
            Span::raw(format!(
                "{}  ",
                pad_left(&money::format_short(d.amount, &d.currency), 9)
            )),
            Span::raw(safe_text::line(&d.title).into_owned()),
            Span::styled(format!("  {when}"), THEME.dim),
        ]));
    }
    out
}

/// Open complaints with how long they have been open; resolved ones with days to resolve and
/// the score; the satisfaction trend.
pub(super) fn complaint_lines(a: &Account, today: NaiveDate) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if !a.complaints.is_empty() {
        out.push(Line::styled(
            t!("profile-complaints", n = a.complaints.len()),
            THEME.header,
        ));
    }
    for c in a.complaints.iter().take(4) {
        let d = &c.draft;
        let (status, style) = if d.status.is_open() {
            let days = complaints::days_open(d, today).unwrap_or(0);
            let status = words::complaint_status(d.status);
            (
                t!("profile-complaint-open", status = status, n = days),
                THEME.overdue,
            )
        } else {
            let days = complaints::days_to_resolve(d).unwrap_or(0);
            let said = match d.satisfaction {
                Some(score) => t!("profile-resolved-scored", n = days, score = score),
                None => t!("profile-resolved", n = days),
            };
            (said, THEME.dim)
        };
        out.push(Line::from(vec![
            Span::styled(format!("  {} ", fill(&status, 20)), style),
            Span::styled(
                format!("{} ", fill(&words::severity(d.severity), 6)),
                THEME.label,
            ),
            Span::raw(safe_text::line(&d.what).into_owned()),
        ]));
    }
    if !a.satisfaction.is_empty() {
        let scores: Vec<String> = a
            .satisfaction
            .iter()
            .rev()
            .take(6)
            .rev()
            .map(|(_, s)| s.to_string())
            .collect();
        let trend = match a.trend {
            Some(Trend::Up) => format!(" {}", t!("profile-trend-up")),
            Some(Trend::Down) => format!(" {}", t!("profile-trend-down")),
            Some(Trend::Flat) => format!(" {}", t!("profile-trend-flat")),
            None => String::new(),
        };
        out.push(Line::from(vec![
            label(t!("profile-satisfied")),
            Span::raw(format!("{}{trend}", scores.join(" "))),
        ]));
    }
    out
}
