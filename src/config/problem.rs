//! Where in the config text a problem is, and how to say it to a salesperson.

/// Why a config text was refused, and where.
#[derive(Debug)]
pub(super) struct Problem {
    pub line: Option<usize>,
    pub what: String,
}

impl Problem {
    /// Places a TOML or serde error on its line, in plain words.
    pub fn from_toml(text: &str, error: &toml::de::Error) -> Self {
        let line = error.span().map(|span| line_at(text, span.start));
        let key = line.and_then(|l| key_on_line(text, l));
        Self {
            line,
            what: plain_words(error.message().trim(), key),
        }
    }

    pub fn describe(&self, file: &str) -> String {
        match self.line {
            Some(line) => t!(
                "config-problem-at-line",
                file = file,
                line = line,
                what = self.what.as_str()
            ),
            None => t!("config-problem", file = file, what = self.what.as_str()),
        }
    }
}

/// The 1-based line holding byte `offset`.
fn line_at(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Serde's wording, turned round to say what a setting wants: "invalid type: string "x",
/// expected u32" becomes "expected a whole number for cadence.A, found string "x"".
fn plain_words(message: &str, key: Option<String>) -> String {
    let message = message
        .replace("expected u32", "expected a whole number")
        .replace("expected a boolean", "expected true or false")
        .replace("unknown field", "unknown setting")
        .replace("missing field", "missing setting");
    let found_expected = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
        .and_then(|rest| rest.rsplit_once(", expected "));
    match (found_expected, key) {
        (Some((found, expected)), Some(key)) => t!(
            "config-expected-found",
            expected = kind_said(expected),
            key = key,
            found = found,
            // serde's "string \"thirty\"": the value alone, for a language without its words.
            value = found.split_once(' ').map_or(found, |(_, v)| v)
        ),
        _ => message,
    }
}

/// What a setting wants, in the language spoken when it is one fieldbook's settings take.
fn kind_said(expected: &str) -> String {
    match expected {
        "a whole number" => t!("config-kind-whole-number"),
        "true or false" => t!("config-kind-true-or-false"),
        "a string" => t!("config-kind-text"),
        other => other.to_string(),
    }
}

/// The dotted name (`cadence.A`) of the setting written on 1-based `line`, if it holds one.
fn key_on_line(text: &str, line: usize) -> Option<String> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let (key, _) = lines.get(line.checked_sub(1)?)?.split_once('=')?;
    let key = key.trim().trim_matches(['"', '\'']);
    let table = lines[..line - 1]
        .iter()
        .rev()
        .find(|l| l.starts_with('['))
        .and_then(|l| l.split('#').next())
        .map(|l| l.trim().trim_matches(['[', ']']).trim());
    Some(match table {
        Some(table) => format!("{table}.{key}"),
        None => key.to_string(),
    })
}

/// The 1-based line of `field` in the `index`-th `[[outcome]]` table, or of its header when the
/// field is not written out. Serde keeps no positions, so this re-reads the text.
pub(super) fn outcome_field_line(text: &str, index: usize, field: &str) -> Option<usize> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let header = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with("[[outcome]]"))
        .nth(index)?
        .0;
    let in_table = lines[header + 1..]
        .iter()
        .take_while(|l| !l.starts_with('['))
        .position(|l| {
            l.strip_prefix(field)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        });
    Some(header + 1 + in_table.map_or(0, |p| p + 1))
}
