//! Where every write of the repository passes the book's one gate (`book::validate`).

use std::cell::Cell;

use super::{BookError, Repository, Result};
use crate::book::complaints::{self, ComplaintDraft};
use crate::book::deals::{self, DealDraft};
use crate::book::validate::{self, Problems};

thread_local! {
    static BEFORE_THE_GATE: Cell<bool> = const { Cell::new(false) };
}

/// The gate's verdict as the error every door shows: "the customer: city holds \u{1b} ...".
pub(super) fn gate(what: &str, checked: std::result::Result<(), Problems>) -> Result<()> {
    if BEFORE_THE_GATE.get() {
        return Ok(());
    }
    checked.map_err(|p| BookError::Invalid(format!("{what}: {}", validate::describe(&p))))
}

/// A deal's own rules (a won order has its date...), then the gate.
pub(super) fn deal(d: &DealDraft) -> Result<()> {
    deals::check(d).map_err(field_by_field)?;
    gate("the deal", validate::deal(d))
}

pub(super) fn complaint(c: &ComplaintDraft) -> Result<()> {
    complaints::check(c).map_err(field_by_field)?;
    gate("the complaint", validate::complaint(c))
}

fn field_by_field(errors: Problems) -> BookError {
    BookError::Invalid(
        errors
            .into_iter()
            .map(|(field, why)| format!("{field}: {why}"))
            .collect::<Vec<_>>()
            .join("; "),
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
