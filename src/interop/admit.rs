//! What a file must be to be let in: no longer than the limit, however it arrives (a file, a
//! pipe, stdin), and each record through the book's gate.

use std::io::Read;

use super::{Batch, Notice, Problem, ReadError, Severity};
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
                problem: Problem::Refused(why.clone()),
            });
        }
        problems.is_empty()
    });
}

/// Reads at most `cap` bytes from `source` (a file, a pipe, stdin), refusing a longer one
/// without reading more than one byte past the cap.
pub fn read_capped(source: impl Read, name: &str, cap: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    source
        .take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::CantRead {
            name: name.to_string(),
            error: e.to_string(),
        })?;
    if bytes.len() as u64 > cap {
        return Err(ReadError::TooBig {
            name: name.to_string(),
            size: None,
            cap,
        });
    }
    Ok(bytes)
}
