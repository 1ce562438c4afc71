//! Where every write of the repository passes the book's one gate (`book::validate`).

use std::cell::Cell;

use super::{BookError, Repository, Result};
use crate::book::complaints::{self, ComplaintDraft};
use crate::book::deals::{self, DealDraft};
use crate::book::validate::{self, Problems};
use crate::i18n::account_words::{complaint_error, deal_error};
use crate::i18n::refusal;

thread_local! {
    static BEFORE_THE_GATE: Cell<bool> = const { Cell::new(false) };
}

/// What a refused value belongs to, said only when something is refused (an import checks
/// thousands that pass).
#[derive(Debug, Clone, Copy)]
pub(super) enum Subject<'a> {
    TheCustomer,
    ThePerson,
    TheContact,
    TheFollowUp,
    TheDeal,
    TheComplaint,
    ACustomer,
    APerson,
    /// A customer or person by name (an import's merged row).
    Named(&'a str),
}

impl Subject<'_> {
    pub(super) fn said(self) -> String {
        match self {
            Subject::TheCustomer => t!("gate-the-customer"),
            Subject::ThePerson => t!("gate-the-person"),
            Subject::TheContact => t!("gate-the-contact"),
            Subject::TheFollowUp => t!("gate-the-follow-up"),
            Subject::TheDeal => t!("gate-the-deal"),
            Subject::TheComplaint => t!("gate-the-complaint"),
            Subject::ACustomer => t!("gate-a-customer"),
            Subject::APerson => t!("gate-a-person"),
            Subject::Named(name) => name.to_string(),
        }
    }
}

/// The gate's verdict as the error every door shows, in the language spoken: "the customer:
/// city holds \u{1b} ...".
pub(super) fn gate(what: Subject<'_>, checked: std::result::Result<(), Problems>) -> Result<()> {
    if BEFORE_THE_GATE.get() {
        return Ok(());
    }
    checked.map_err(|p| {
        let problems = refusal::problems(&p);
        BookError::Invalid(t!("refusal-of", what = what.said(), problems = problems))
    })
}

/// A deal's own rules (a won order has its date...), then the gate.
pub(super) fn deal(d: &DealDraft) -> Result<()> {
    deals::check(d).map_err(|e| field_by_field(e, |field, said| deal_error(field, said, d)))?;
    gate(Subject::TheDeal, validate::deal(d))
}

pub(super) fn complaint(c: &ComplaintDraft) -> Result<()> {
    complaints::check(c)
        .map_err(|e| field_by_field(e, |field, said| complaint_error(field, said, c)))?;
    gate(Subject::TheComplaint, validate::complaint(c))
}

/// The deal's and complaint's own rules, said again in the language spoken by `say`.
fn field_by_field(
    errors: Vec<(&'static str, String)>,
    say: impl Fn(&str, &str) -> String,
) -> BookError {
    BookError::Invalid(
        errors
            .into_iter()
            .map(|(field, why)| {
                let label = refusal::label(field);
                t!(
                    "rule-field",
                    field = field,
                    label = label,
                    why = say(field, &why)
                )
            })
            .collect::<Vec<_>>()
            .join(&t!("refusal-separator")),
    )
}

struct Reset;

impl Drop for Reset {
    fn drop(&mut self) {
        BEFORE_THE_GATE.set(false);
    }
}

impl Repository {
    /// Runs `write` as a fieldbook from before the gate did: text the gate now refuses (escape
    /// sequences, bidi overrides) is stored as given. Books written then, or by other programs,
    /// hold such text, and the tests of how the app shows it need one. No door of the app
    /// calls this.
    #[doc(hidden)]
    pub fn as_before_the_gate<R>(&mut self, write: impl FnOnce(&mut Repository) -> R) -> R {
        BEFORE_THE_GATE.set(true);
        let _reset = Reset;
        write(self)
    }
}
