//! clap's own errors (an unknown flag, a missing or a bad value, an unknown command) in the
//! user's language. clap words them in English only; in Chinese they are said again from the
//! error's context (its kind, the argument, the value), keeping clap's usage line and the exit
//! code. A kind without a wording here keeps clap's English, so nothing is ever lost.

use clap::error::{ContextKind, ContextValue, Error, ErrorKind};

use crate::i18n::{self, Language};

/// The error as fieldbook says it in the current language; None to let clap print its own
/// (English, `--help`, `--version`).
pub fn said(e: &Error) -> Option<String> {
    if i18n::current() == Language::English || !e.use_stderr() {
        return None;
    }
    let mut out = t!("clap-error", what = what_went_wrong(e)?);
    out.push_str(&tips(e));
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.strip_prefix("Usage:").unwrap_or(&usage);
        out.push_str(&format!("\n\n{}{usage}", t!("help-usage")));
    }
    out.push_str(&format!("\n\n{}\n", t!("clap-try-help")));
    Some(out)
}

fn text(e: &Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(list) => Some(list.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn list(e: &Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::Strings(list)) => list.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

/// The first line, after "错误：".
fn what_went_wrong(e: &Error) -> Option<String> {
    let arg = || text(e, ContextKind::InvalidArg);
    let value = || text(e, ContextKind::InvalidValue);
    Some(match e.kind() {
        ErrorKind::UnknownArgument => t!("clap-unknown-argument", arg = arg()?),
        ErrorKind::InvalidSubcommand => t!(
            "clap-unknown-subcommand",
            command = text(e, ContextKind::InvalidSubcommand)?
        ),
        ErrorKind::InvalidValue if value()?.is_empty() => {
            t!("clap-value-missing", arg = arg()?)
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let mut line = t!("clap-value-invalid", arg = arg()?, value = value()?);
            let valid = list(e, ContextKind::ValidValue);
            if !valid.is_empty() {
                line.push_str(&t!("clap-possible-values", list = valid.join(", ")));
            }
            line
        }
        ErrorKind::MissingRequiredArgument => {
            let missing: Vec<String> = list(e, ContextKind::InvalidArg)
                .iter()
                .map(|a| format!("\n  {a}"))
                .collect();
            format!("{}{}", t!("clap-missing-arguments"), missing.concat())
        }
        ErrorKind::MissingSubcommand => t!(
            "clap-missing-subcommand",
            command = text(e, ContextKind::InvalidSubcommand)?,
            list = list(e, ContextKind::ValidSubcommand).join(", ")
        ),
        ErrorKind::TooManyValues => t!("clap-too-many-values", arg = arg()?, value = value()?),
        ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => t!(
            "clap-wrong-number-of-values",
            arg = arg()?,
            expected = text(e, ContextKind::ExpectedNumValues)
                .or_else(|| text(e, ContextKind::MinValues))?,
            actual = text(e, ContextKind::ActualNumValues)?
        ),
        ErrorKind::ArgumentConflict => conflict(e)?,
        ErrorKind::NoEquals => t!("clap-no-equals", arg = arg()?),
        _ => return None,
    })
}

fn conflict(e: &Error) -> Option<String> {
    let arg =
        text(e, ContextKind::InvalidArg).or_else(|| text(e, ContextKind::InvalidSubcommand))?;
    let prior = list(e, ContextKind::PriorArg);
    if prior.is_empty() || prior == [arg.clone()] {
        return Some(t!("clap-used-twice", arg = arg));
    }
    let prior: Vec<String> = prior.iter().map(|p| format!("'{p}'")).collect();
    Some(t!(
        "clap-conflict",
        arg = arg,
        other = prior.join(t!("clap-list-and").as_str())
    ))
}

/// "Did you mean" lines: a similar command, flag or value.
fn tips(e: &Error) -> String {
    let mut out = String::new();
    for kind in [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ] {
        let similar = list(e, kind);
        if !similar.is_empty() {
            let similar: Vec<String> = similar.iter().map(|s| format!("'{s}'")).collect();
            out.push_str(&format!(
                "\n\n  {}",
                t!("clap-similar", list = similar.join(", "))
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::with_language;

    fn error_of(args: &[&str]) -> Error {
        let mut argv = vec!["fieldbook"];
        argv.extend(args);
        super::super::help::command()
            .try_get_matches_from(argv)
            .unwrap_err()
    }

    #[test]
    fn common_usage_errors_are_said_in_chinese_with_clap_usage_line() {
        with_language(Language::Chinese, || {
            let said = |args: &[&str]| said(&error_of(args)).unwrap();
            let unknown = said(&["today", "--bogus"]);
            assert!(
                unknown.starts_with("错误：无法识别的参数 '--bogus'"),
                "{unknown}"
            );
            assert!(unknown.contains("用法: fieldbook today"), "{unknown}");
            assert!(
                unknown.ends_with("更多信息请运行 '--help'。\n"),
                "{unknown}"
            );
            assert!(said(&["todya"]).contains("没有 'todya' 这个命令"));
            assert!(
                said(&["todya"]).contains("'today'"),
                "a similar command is named"
            );
            assert!(said(&["today", "--days"]).contains("'--days <DAYS>' 需要一个值"));
            let bad = said(&["today", "--days", "x"]);
            assert!(bad.contains("'--days <DAYS>' 的值 'x' 无效"), "{bad}");
            assert!(said(&["snooze"]).contains("缺少必需的参数：\n  <ID>"));
            let both = said(&["add", "x", "--merge", "--keep-both"]);
            assert!(
                both.contains("不能与") && both.contains("同时使用"),
                "{both}"
            );
            for text in [unknown, bad, both] {
                assert!(
                    !text.contains("error:") && !text.contains("Usage:"),
                    "{text}"
                );
            }
        });
    }

    #[test]
    fn english_help_and_version_are_left_to_clap() {
        let unknown = error_of(&["today", "--bogus"]);
        assert_eq!(with_language(Language::English, || said(&unknown)), None);
        with_language(Language::Chinese, || {
            assert_eq!(said(&error_of(&["--help"])), None);
            assert_eq!(said(&error_of(&["--version"])), None);
        });
    }
}
