//! The book's gate, applied to each record as a file is read.

use super::{Batch, Notice, Severity};
use crate::book::validate;

/// Every record passes the book's own gate while reading, so a value the book would refuse is
/// listed by record and field with the other bad ones, before anything is written.
pub(super) fn gate(batch: &mut Batch) {
    let notices = &mut batch.notices;
    batch.records.retain(|r| {
        let mut problems = validate::customer(&r.customer).err().unwrap_or_default();
        if let Some(p) = &r.person {
            problems.extend(validate::contact(p).err().unwrap_or_default());
        }
        for (field, why) in &problems {
            notices.push(Notice {
                place: r.place,
                severity: Severity::Bad,
                column: Some((*field).to_string()),
                message: why.clone(),
            });
        }
        problems.is_empty()
    });
}
