//! Bytes to text (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK as Excel writes on a
//! Chinese Windows) and the checks every imported value passes: no terminal controls, no bidi
//! overrides, bounded size. Values are stored as they are, or the record is refused; never
//! silently altered.

use super::{Problem, ReadError};
use encoding_rs::{Encoding, GB18030, UTF_8};
use serde::Serialize;

pub use crate::book::validate::{LINE_LIMIT, NAME_LIMIT, Shape, TEXT_LIMIT};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Charset {
    Utf8,
    Gb18030,
}

impl Charset {
    /// `utf-8`, `utf8`, `gb18030`, `gbk`, `gb2312`, `cp936`.
    pub fn parse(text: &str) -> Option<Charset> {
        match text.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "utf-8" | "utf8" => Some(Charset::Utf8),
            "gb18030" | "gbk" | "gb2312" | "cp936" | "gb-18030" => Some(Charset::Gb18030),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Charset::Utf8 => "UTF-8",
            Charset::Gb18030 => "GB18030",
        }
    }

    fn encoding(self) -> &'static Encoding {
        match self {
            Charset::Utf8 => UTF_8,
            Charset::Gb18030 => GB18030,
        }
    }
}

/// A whole file as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// What it was read as: `UTF-8`, `UTF-8 (BOM)`, `GB18030`, `UTF-16LE (BOM)`.
    pub label: String,
    /// Neither UTF-8 nor GB18030: decoded as UTF-8 with U+FFFD for the bad bytes, so the
    /// records holding them can be refused one by one.
    pub lossy: bool,
}

/// The 1-based line holding byte `at`.
pub fn line_of(bytes: &[u8], at: usize) -> usize {
    bytes[..at.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Decodes a whole file: a BOM decides; else the chosen charset; else UTF-8, then GB18030.
pub fn decode(bytes: &[u8], chosen: Option<Charset>) -> Result<Decoded, ReadError> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, bad) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if bad {
            return Err(ReadError::BomButNot {
                encoding: encoding.name().to_string(),
            });
        }
        return Ok(Decoded {
            text: text.into_owned(),
            label: format!("{} (BOM)", encoding.name()),
            lossy: false,
        });
    }
    let strict = |charset: Charset| {
        charset
            .encoding()
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(|t| Decoded {
                text: t.into_owned(),
                label: charset.label().to_string(),
                lossy: false,
            })
    };
    let utf8_error = || ReadError::NotUtf8 {
        line: std::str::from_utf8(bytes).map_or_else(|e| line_of(bytes, e.valid_up_to()), |_| 1),
    };
    match chosen {
        Some(Charset::Utf8) => strict(Charset::Utf8).ok_or_else(utf8_error),
        Some(Charset::Gb18030) => strict(Charset::Gb18030).ok_or(ReadError::NotGb18030),
        None => Ok(strict(Charset::Utf8)
            .or_else(|| strict(Charset::Gb18030))
            .unwrap_or_else(|| Decoded {
                text: String::from_utf8_lossy(bytes).into_owned(),
                label: "UTF-8 (with bad bytes)".into(),
                lossy: true,
            })),
    }
}

/// Decodes one vCard value: its CHARSET parameter, else the file's charset.
pub fn decode_value(bytes: &[u8], charset: Option<&str>, file: Charset) -> Result<String, Problem> {
    let encoding = match charset {
        Some(label) => {
            Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| Problem::UnknownCharset {
                value: escaped_excerpt(label),
            })?
        }
        None => file.encoding(),
    };
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|t| t.into_owned())
        .ok_or_else(|| Problem::NotValidText {
            encoding: encoding.name().to_string(),
        })
}

/// Why `value` from another program can't be stored as a `shape` field, if it can't: the
/// book's own gate (too long, terminal controls, bidi overrides), and bytes that were neither
/// UTF-8 nor GB18030. An empty name part is for the record's check to judge, not this one.
pub fn check(value: &str, shape: Shape) -> Result<(), Problem> {
    crate::book::validate::characters(value, shape).map_err(Problem::Refused)?;
    if value.contains('\u{FFFD}') {
        return Err(Problem::NotUtf8OrGb18030);
    }
    Ok(())
}

/// A value quoted in a message: escaped (controls and bidi as `\u{..}`) and cut to 40 chars.
pub fn escaped_excerpt(value: &str) -> String {
    crate::book::validate::quoted(value)
}

/// `value` without `prefix`, compared ignoring ASCII case; never slices inside a character.
pub fn strip_prefix_ignore_case<'a>(value: &'a str, prefix: &str) -> Option<&'a str> {
    value
        .get(..prefix.len())
        .filter(|head| head.eq_ignore_ascii_case(prefix))
        .map(|_| &value[prefix.len()..])
}

/// Trims ASCII and ideographic (U+3000) whitespace, as names are compared.
pub fn trim(value: &str) -> &str {
    value.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::book::validate::{Control, Refusal};

    #[test]
    fn utf8_wins_then_gb18030_then_lossy() {
        let d = decode("客户名称,联系人".as_bytes(), None).unwrap();
        assert_eq!((d.label.as_str(), d.lossy), ("UTF-8", false));
        let (gbk, _, _) = GB18030.encode("客户名称,联系人\r\n北京");
        let d = decode(&gbk, None).unwrap();
        assert_eq!(
            (d.text.as_str(), d.label.as_str()),
            ("客户名称,联系人\r\n北京", "GB18030")
        );
        let d = decode(b"\xEF\xBB\xBFName", None).unwrap();
        assert_eq!((d.text.as_str(), d.label.as_str()), ("Name", "UTF-8 (BOM)"));
        let d = decode(b"ok\n\xff\xff\x80", None).unwrap();
        assert!(d.lossy);
        assert_eq!(
            decode(&gbk, Some(Charset::Utf8)).unwrap_err(),
            ReadError::NotUtf8 { line: 1 }
        );
        let utf16: Vec<u8> = [0xFF, 0xFE, b'A', 0, b',', 0, b'B', 0].to_vec();
        assert_eq!(decode(&utf16, None).unwrap().text, "A,B");
    }

    #[test]
    fn checks_refuse_controls_and_bidi_but_not_zwj() {
        assert!(check("👨‍👩‍👧‍👦 刘家", Shape::Name).is_ok());
        assert!(check("a\nb\tc", Shape::Text).is_ok());
        let refused = |value, shape| match check(value, shape) {
            Err(Problem::Refused(Refusal::Holds { c, control })) => Some((c, control)),
            _ => None,
        };
        let line_break = Some(('\n', Control::LineBreak));
        assert_eq!(refused("a\nb", Shape::Name), line_break);
        let escape = Some(('\x1b', Control::Terminal));
        assert_eq!(refused("张\x1b]52;c;x\x07伟", Shape::Name), escape);
        assert!(check("Bob\u{9b}31m", Shape::Name).is_err());
        let rlo = Some(('\u{202e}', Control::Bidi));
        assert_eq!(refused("发票\u{202e}fdp.exe", Shape::Name), rlo);
        assert!(check(&"x".repeat(NAME_LIMIT + 1), Shape::Name).is_err());
        assert_eq!(escaped_excerpt("a\x1bb"), "\"a\\u{1b}b\"");
    }
}
