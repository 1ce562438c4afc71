//! `i`: importing a file from inside the app. A form names the file and the policy; the import
//! then runs into a copy of the book to preview exactly what would happen (the book is only
//! read, so a `fieldbook log` from a shell meanwhile goes through), and only a yes on the
//! preview writes it (one short transaction, one undo step).

use crate::services::import_words;
use std::path::PathBuf;

use super::form::{Field, Form, FormPurpose, ImportField};
use crate::book::dates::DateOrder;
use crate::interop::{self, Batch, Commit, Duplicates, ImportPolicy, ImportReport, ReadOptions};
use crate::repository::{Repository, Result};

/// What the preview shows, and what a yes would write.
#[derive(Debug, Clone)]
pub struct ImportPreview {
    pub batch: Batch,
    pub policy: ImportPolicy,
    pub report: ImportReport,
    /// The form as filled in, to go back to.
    pub form: Form,
    pub scroll: usize,
}

impl ImportPreview {
    /// Bad records and the policy refuses them: nothing can be written as asked.
    pub fn blocked(&self) -> bool {
        self.batch.has_bad() && !self.policy.skip_bad
    }
}

pub fn import_form() -> Form {
    let fields = vec![
        Field::text(ImportField::File, "", t!("form-hint-import-file")),
        Field::choice(
            ImportField::Duplicates,
            &["skip", "merge", "keep both"],
            "skip",
        )
        .shown_as([
            t!("form-import-skip"),
            t!("form-import-merge"),
            t!("form-import-keep-both"),
        ]),
        Field::choice(
            ImportField::BadRows,
            &["refuse the file", "leave them out"],
            "refuse the file",
        )
        .shown_as([t!("form-import-refuse"), t!("form-import-leave-out")]),
    ];
    Form::new(FormPurpose::Import, t!("form-title-import"), fields)
}

fn expand_home(text: &str) -> PathBuf {
    match (text.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(text),
    }
}

/// Reads the file and runs the import without keeping it. A file that cannot be read gets its
/// message beside the File field; the form stays as typed.
pub fn preview(
    form: &mut Form,
    repo: &mut Repository,
    date_order: DateOrder,
) -> Result<Option<ImportPreview>> {
    form.clear_errors();
    let typed = form.value(ImportField::File).trim().to_string();
    if typed.is_empty() {
        form.set_error(ImportField::File, t!("form-error-import-file"));
        return Ok(None);
    }
    let options = ReadOptions {
        date_order,
        newest_schema: Some(crate::repository::LATEST_VERSION),
        ..ReadOptions::default()
    };
    let batch = match interop::read_file(&expand_home(&typed), &options) {
        Ok(batch) => batch,
        Err(e) => {
            form.set_error(ImportField::File, import_words::read_error(&e));
            return Ok(None);
        }
    };
    let policy = ImportPolicy {
        duplicates: match form.value(ImportField::Duplicates) {
            "merge" => Duplicates::Merge,
            "keep both" => Duplicates::KeepBoth,
            _ => Duplicates::Skip,
        },
        skip_bad: form.value(ImportField::BadRows) == "leave them out",
    };
    let report = repo.import(&batch, &policy, Commit::No, &mut |_, _| {})?;
    Ok(Some(ImportPreview {
        batch,
        policy,
        report,
        form: form.clone(),
        scroll: 0,
    }))
}

/// Writes the previewed import for real.
pub fn commit(preview: &ImportPreview, repo: &mut Repository) -> Result<ImportReport> {
    repo.import(&preview.batch, &preview.policy, Commit::Yes, &mut |_, _| {})
}
