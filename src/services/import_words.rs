//! What an import says, in words: where a record is in the file, what is wrong with it, why a
//! record is probably a book customer. `interop/` hands back places and problems as values;
//! both front ends (the CLI's preview and the TUI's) say them here, in the current language.
//! `--json` says them in English whatever the language ([`notice_json`]): scripts read it.

use serde_json::{Value, json};

use crate::i18n::{self, Language};
use crate::interop::columns::Field;
use crate::interop::dedup::LikelyWhy;
use crate::interop::{Notice, Problem, ReadError};

pub use crate::repository::import::said::place;

/// A notice in one line: where, which column, what is wrong.
pub fn notice(n: &Notice) -> String {
    let place = place(&n.place);
    let problem = problem(&n.problem);
    match &n.column {
        Some(column) => t!(
            "import-notice-column",
            place = place,
            column = column.as_str(),
            problem = problem
        ),
        None => t!("import-notice", place = place, problem = problem),
    }
}

/// A notice as `--json` writes it: the same in every language.
pub fn notice_json(n: &Notice) -> Value {
    let message = i18n::with_language(Language::English, || problem(&n.problem));
    json!({ "place": n.place, "severity": n.severity, "column": n.column, "message": message })
}

/// Why a record is probably a book customer, as `--json` writes it.
pub fn likely_why_json(why: &LikelyWhy) -> String {
    i18n::with_language(Language::English, || likely_why(why))
}

pub fn likely_why(why: &LikelyWhy) -> String {
    match why {
        LikelyWhy::SameName => t!("import-likely-same-name"),
        LikelyWhy::SameEmail(e) => t!("import-likely-same-email", email = e.as_str()),
        LikelyWhy::SamePhone(p) => t!("import-likely-same-phone", phone = p.as_str()),
        LikelyWhy::SameKeys => t!("import-likely-same-keys"),
    }
}

/// Why a file could not be read at all.
pub fn read_error(e: &ReadError) -> String {
    match e {
        ReadError::CantRead { name, error } => {
            t!(
                "import-cant-read",
                file = name.as_str(),
                why = error.as_str()
            )
        }
        ReadError::TooBig { name, size, cap } => match size {
            Some(size) => t!(
                "import-too-big",
                file = name.as_str(),
                size = *size,
                cap = *cap
            ),
            None => t!("import-over-cap", file = name.as_str(), cap = *cap),
        },
        ReadError::MapNotAPair { given } => t!("import-map-not-a-pair", given = given.as_str()),
        ReadError::MapUnknownField { column, field } => t!(
            "import-map-unknown-field",
            column = column.as_str(),
            field = field.as_str(),
            fields = Field::all_names().join(", "),
            personal = Field::personal_names().join(", ")
        ),
        ReadError::MapNoSuchColumn { column, header } => t!(
            "import-map-no-such-column",
            column = column.as_str(),
            header = header.join(", ")
        ),
        ReadError::NoNameColumn { header } => {
            t!("import-no-name-column", header = header.join(", "))
        }
        ReadError::NoHeader => t!("import-no-header"),
        ReadError::HeaderUnreadable { error } => {
            t!("import-header-unreadable", why = error.as_str())
        }
        ReadError::BomButNot { encoding } => t!("import-bom-but-not", encoding = encoding.as_str()),
        ReadError::NotUtf8 { line } => t!("import-not-utf8", line = *line),
        ReadError::NotGb18030 => t!("import-not-gb18030"),
        ReadError::JsonNotUtf8 { line } => t!("import-json-not-utf8", line = *line),
        ReadError::NotAnExport { error } => t!("import-not-an-export", why = error.as_str()),
        ReadError::OtherFormat { format } => t!("import-other-format", format = format.as_str()),
        ReadError::NewerExport {
            version,
            schema,
            reads_version,
            reads_schema,
        } => t!(
            "import-newer-export",
            version = *version,
            schema = *schema,
            reads_version = *reads_version,
            reads_schema = *reads_schema
        ),
        ReadError::NoVcard => t!("import-no-vcard"),
    }
}

/// What is wrong, without where.
pub fn problem(p: &Problem) -> String {
    match p {
        Problem::Refused(why) => crate::i18n::refusal::refusal(why),
        Problem::NotUtf8OrGb18030 => t!("import-not-utf8-or-gb18030"),
        Problem::NotValidText { encoding } => {
            t!("import-not-valid-text", encoding = encoding.as_str())
        }
        Problem::UnknownCharset { value } => t!("import-unknown-charset", value = value.as_str()),
        Problem::BadQuotedPrintable { sequence } => {
            t!("import-bad-quoted-printable", sequence = sequence.as_str())
        }
        Problem::RestUnreadable { error } => t!("import-rest-unreadable", error = error.as_str()),
        Problem::QuoteNeverCloses => t!("import-quote-never-closes"),
        Problem::TooManyFields { fields, header } => {
            t!("import-too-many-fields", fields = *fields, header = *header)
        }
        Problem::LoneField { value } => t!("import-lone-field", value = value.as_str()),
        Problem::NotAKind { value } => t!("import-not-a-kind", value = value.as_str()),
        Problem::NotATier { value } => t!("import-not-a-tier", value = value.as_str()),
        Problem::NotAStage { value } => t!("import-not-a-stage", value = value.as_str()),
        Problem::NotDays { value } => t!("import-not-days", value = value.as_str()),
        Problem::NotADate { value } => t!("import-not-a-date", value = value.as_str()),
        Problem::DigitsLost { value } => t!("import-digits-lost", value = value.as_str()),
        Problem::NoNameNoCompany => t!("import-no-name-no-company"),
        Problem::NoNameNoOrganization => t!("import-no-name-no-organization"),
        Problem::CardInsideCard { line } => t!("import-card-inside-card", line = *line),
        Problem::CardNeverEnds => t!("import-card-never-ends"),
        Problem::OutsideAnyCard => t!("import-outside-any-card"),
        Problem::PropertyTooLong { limit } => t!("import-property-too-long", limit = *limit),
        Problem::Missing => t!("import-missing"),
        Problem::SameIdTwice => t!("import-same-id-twice"),
        Problem::NoSuchCustomer { id } => t!("import-no-such-customer", id = *id),
        Problem::HoldsObject => t!("import-holds-object"),
        Problem::NotANumber => t!("import-not-a-number"),
        Problem::Unreadable { value } => t!("import-unreadable", value = value.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interop::{Place, Severity};

    fn date_notice() -> Notice {
        Notice {
            place: Place::Row { row: 3, line: 4 },
            severity: Severity::Warning,
            column: Some("生日".into()),
            problem: Problem::NotADate {
                value: "\"32/13\"".into(),
            },
        }
    }

    #[test]
    fn a_notice_names_its_row_and_column_in_either_language() {
        let n = date_notice();
        assert_eq!(
            i18n::with_language(Language::English, || notice(&n)),
            "row 3 (line 4), 生日: \"32/13\" is not a date; kept in the notes"
        );
        assert_eq!(
            i18n::with_language(Language::Chinese, || notice(&n)),
            "第3行（文件第4行），生日：\"32/13\" 不是日期，已放进备注"
        );
    }

    #[test]
    fn json_says_a_notice_in_english_under_chinese_too() {
        let n = date_notice();
        let zh = i18n::with_language(Language::Chinese, || notice_json(&n));
        let en = i18n::with_language(Language::English, || notice_json(&n));
        assert_eq!(zh, en);
        assert_eq!(en["message"], "\"32/13\" is not a date; kept in the notes");
    }
}
