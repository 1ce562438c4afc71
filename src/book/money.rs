//! Money as salespeople type and read it: integer minor units (fen, cents), never floats.
//!
//! Every currency is kept in hundredths of its unit. Typing accepts `12345`, `12,345.67`,
//! `1.2万` / `3w` (×10,000, as amounts are said in Chinese sales talk), `1.5亿` (×100,000,000),
//! `12.3k`, `1.2M`, and a `¥`, `￥`, `$`, `HK$`, `US$` or `EUR ` in front.
//! Narrow columns use the short form: `¥1.2万` / `¥3.5亿` for yuan (how it is said in China),
//! `$12.3k` / `$1.2M` for every other currency.

/// Minor units in one unit of any currency.
const MINOR: i128 = 100;

/// The largest amount the book stores, in units: beyond any real order, well inside `i64`.
const MAX_UNITS: i128 = 1_000_000_000_000_000;

/// Reads an amount as typed; the result is in minor units (`12,345.67` → `1234567`).
pub fn parse_amount(text: &str) -> Result<i64, String> {
    parse_money(text).map(|(minor, _)| minor)
}

/// Reads an amount and the currency its symbol or code names, if any (`$12` → USD, `¥12` → CNY,
/// `HK$12` → HKD, `EUR 12` → EUR), so a form can fill the currency from what was typed.
pub fn parse_money(text: &str) -> Result<(i64, Option<String>), String> {
    let example = "type an amount such as 12,345.67 or 1.2万";
    let mut rest = text.trim();
    if rest.is_empty() {
        return Err(format!("no amount: {example}"));
    }
    let mut negative = false;
    if let Some(r) = rest.strip_prefix('-') {
        negative = true;
        rest = r.trim_start();
    }
    let (currency, r) = strip_currency(rest);
    rest = r.trim_start();
    if !negative && let Some(r) = rest.strip_prefix('-') {
        negative = true;
        rest = r.trim_start();
    }
    let rest = rest.strip_suffix('元').unwrap_or(rest).trim_end();
    let (number, multiplier) = split_multiplier(rest);
    let number = number.trim_end();
    let (whole, fraction) = match number.split_once('.') {
        Some((w, f)) => (w, f),
        None => (number, ""),
    };
    if whole.is_empty() && fraction.is_empty() {
        return Err(format!("no amount in \"{}\": {example}", text.trim()));
    }
    let whole = read_whole(whole)
        .ok_or_else(|| format!("\"{}\" is not an amount: {example}", text.trim()))?;
    if !fraction.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!("\"{}\" is not an amount: {example}", text.trim()));
    }
    // value = (whole + fraction / 10^len) × multiplier, which must land on whole minor units.
    if fraction.len() > 12 {
        return Err(format!("too many decimals in \"{}\"", text.trim()));
    }
    let scale = (0..fraction.len()).fold(1i128, |s, _| s * 10);
    let fraction_value: i128 = if fraction.is_empty() {
        0
    } else {
        fraction
            .parse()
            .map_err(|_| format!("\"{}\" is not an amount", text.trim()))?
    };
    if whole > MAX_UNITS {
        return Err(format!("\"{}\" is too large for an amount", text.trim()));
    }
    let scaled = (whole * scale + fraction_value) * multiplier * MINOR;
    if scaled % scale != 0 {
        return Err(if multiplier == 1 {
            format!(
                "\"{}\" has more than 2 decimals: amounts go to the cent (分)",
                text.trim()
            )
        } else {
            format!("\"{}\" does not come to whole cents (分)", text.trim())
        });
    }
    let minor = scaled / scale;
    if minor > MAX_UNITS * MINOR {
        return Err(format!("\"{}\" is too large for an amount", text.trim()));
    }
    let minor = i64::try_from(if negative { -minor } else { minor })
        .map_err(|_| format!("\"{}\" is too large for an amount", text.trim()))?;
    Ok((minor, currency))
}

/// Takes a currency symbol or code off the front.
fn strip_currency(text: &str) -> (Option<String>, &str) {
    const SYMBOLS: &[(&str, &str)] = &[
        ("HK$", "HKD"),
        ("US$", "USD"),
        ("RMB", "CNY"),
        ("¥", "CNY"),
        ("￥", "CNY"),
        ("$", "USD"),
        ("€", "EUR"),
        ("£", "GBP"),
    ];
    for (symbol, code) in SYMBOLS {
        if let Some(rest) = text.strip_prefix(symbol) {
            return (Some((*code).to_string()), rest);
        }
    }
    // A three-letter code: `EUR 12.00`, `usd12`.
    let code: String = text.chars().take(3).collect();
    let after = text.get(code.len()..).unwrap_or("");
    let code_like = code.len() == 3 && code.chars().all(|c| c.is_ascii_alphabetic());
    let next_ok = after
        .chars()
        .next()
        .is_none_or(|c| !c.is_ascii_alphabetic());
    if code_like && next_ok {
        return (Some(code.to_ascii_uppercase()), after);
    }
    (None, text)
}

/// Takes a multiplier word off the end: 万/w (10^4), 亿 (10^8), k (10^3), M (10^6).
fn split_multiplier(text: &str) -> (&str, i128) {
    const WORDS: &[(&str, i128)] = &[
        ("万", 10_000),
        ("w", 10_000),
        ("W", 10_000),
        ("亿", 100_000_000),
        ("k", 1_000),
        ("K", 1_000),
        ("M", 1_000_000),
    ];
    for (word, multiplier) in WORDS {
        if let Some(rest) = text.strip_suffix(word) {
            return (rest, *multiplier);
        }
    }
    (text, 1)
}

/// The digits before the point, with or without thousands commas (`12,345`, not `1,23`).
fn read_whole(text: &str) -> Option<i128> {
    if text.is_empty() {
        return Some(0);
    }
    let groups: Vec<&str> = text.split(',').collect();
    let well_grouped = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    let digits: String = groups.concat();
    if !well_grouped || digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    // More than 19 digits is beyond any amount; the caller reports it as too large.
    if digits.trim_start_matches('0').len() > 19 {
        return Some(MAX_UNITS + 1);
    }
    digits.parse().ok()
}

/// The symbol written before an amount: `¥`, `$`, `HK$`, else the code and a space.
pub fn currency_prefix(currency: &str) -> String {
    match currency.trim().to_ascii_uppercase().as_str() {
        "CNY" | "RMB" => "¥".to_string(),
        "USD" => "$".to_string(),
        "HKD" => "HK$".to_string(),
        "" => String::new(),
        code => format!("{code} "),
    }
}

/// `¥12,345.67`, `$1,000.00`, `HK$5.50`, `EUR 12.00`; negative as `-¥3.00`.
pub fn format_amount(minor: i64, currency: &str) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    format!(
        "{sign}{}{}.{:02}",
        currency_prefix(currency),
        group_thousands(abs / 100),
        abs % 100
    )
}

/// For narrow columns, to one decimal: `¥8,500`, `¥1.2万`, `¥3.5亿` for yuan; `$850`,
/// `$12.3k`, `$1.2M` for every other currency. Rounded half up.
pub fn format_short(minor: i64, currency: &str) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = u128::from(minor.unsigned_abs());
    let yuan = matches!(currency.trim().to_ascii_uppercase().as_str(), "CNY" | "RMB");
    let units: &[(u128, &str)] = if yuan {
        &[(100_000_000, "亿"), (10_000, "万")]
    } else {
        &[(1_000_000, "M"), (1_000, "k")]
    };
    let prefix = currency_prefix(currency);
    for (size, word) in units {
        let unit_minor = size * 100;
        let tenths = (abs * 10 + unit_minor / 2) / unit_minor;
        if tenths >= 10 {
            let number = if tenths % 10 == 0 {
                group_thousands_u128(tenths / 10)
            } else {
                format!("{}.{}", group_thousands_u128(tenths / 10), tenths % 10)
            };
            return format!("{sign}{prefix}{number}{word}");
        }
    }
    let whole = (abs + 50) / 100;
    format!("{sign}{prefix}{}", group_thousands_u128(whole))
}

fn group_thousands(n: u64) -> String {
    group_thousands_u128(u128::from(n))
}

fn group_thousands_u128(n: u128) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_plain_grouped_and_decimal_amounts() {
        assert_eq!(parse_amount("12345"), Ok(1_234_500));
        assert_eq!(parse_amount(" 12,345.67 "), Ok(1_234_567));
        assert_eq!(parse_amount("0.5"), Ok(50));
        assert_eq!(parse_amount(".5"), Ok(50));
        assert_eq!(parse_amount("7."), Ok(700));
        assert_eq!(parse_amount("1,000,000"), Ok(100_000_000));
        assert_eq!(parse_amount("0"), Ok(0));
    }

    #[test]
    fn reads_wan_yi_and_k() {
        assert_eq!(parse_amount("1.2万"), Ok(1_200_000));
        assert_eq!(parse_amount("3万"), Ok(3_000_000));
        assert_eq!(parse_amount("3w"), Ok(3_000_000));
        assert_eq!(parse_amount("¥1.2345万"), Ok(1_234_500));
        assert_eq!(parse_amount("1.5亿"), Ok(15_000_000_000));
        assert_eq!(parse_amount("$12.3k"), Ok(1_230_000));
        assert_eq!(parse_amount("1.2M"), Ok(120_000_000));
        assert_eq!(parse_amount("5000元"), Ok(500_000));
        // 1.2345678万 = 12,345.678: not whole cents.
        assert!(parse_amount("1.2345678万").is_err());
    }

    #[test]
    fn reads_currency_symbols_and_codes() {
        assert_eq!(parse_money("¥12.50"), Ok((1250, Some("CNY".into()))));
        assert_eq!(parse_money("￥12"), Ok((1200, Some("CNY".into()))));
        assert_eq!(parse_money("$12"), Ok((1200, Some("USD".into()))));
        assert_eq!(parse_money("HK$5.50"), Ok((550, Some("HKD".into()))));
        assert_eq!(parse_money("EUR 12.00"), Ok((1200, Some("EUR".into()))));
        assert_eq!(parse_money("usd12"), Ok((1200, Some("USD".into()))));
        assert_eq!(parse_money("12"), Ok((1200, None)));
        assert_eq!(parse_money("-¥3.00"), Ok((-300, Some("CNY".into()))));
        assert_eq!(parse_money("¥-3"), Ok((-300, Some("CNY".into()))));
    }

    #[test]
    fn rejects_garbage_with_a_clear_message() {
        let err = parse_amount("12.345").unwrap_err();
        assert!(err.contains("more than 2 decimals"), "{err}");
        assert!(parse_amount("").unwrap_err().contains("no amount"));
        assert!(parse_amount("¥").unwrap_err().contains("no amount"));
        for bad in [
            "abc", "12a", "1,23", "12,34.5", ",123", "1.2.3", "--5", "12 34", "1e5", "万", "NaN",
            "1,2345", "five",
        ] {
            let err = parse_amount(bad);
            assert!(err.is_err(), "{bad} read as {err:?}");
        }
        let huge = parse_amount("99999999999999999999999999").unwrap_err();
        assert!(huge.contains("too large"), "{huge}");
        assert!(
            parse_amount("20000000亿")
                .unwrap_err()
                .contains("too large")
        );
    }

    #[test]
    fn formats_with_symbol_grouping_and_cents() {
        assert_eq!(format_amount(1_234_567, "CNY"), "¥12,345.67");
        assert_eq!(format_amount(100_000, "usd"), "$1,000.00");
        assert_eq!(format_amount(550, "HKD"), "HK$5.50");
        assert_eq!(format_amount(1200, "EUR"), "EUR 12.00");
        assert_eq!(format_amount(5, "CNY"), "¥0.05");
        assert_eq!(format_amount(0, "CNY"), "¥0.00");
        assert_eq!(format_amount(-300, "CNY"), "-¥3.00");
        assert_eq!(
            format_amount(i64::MIN, "CNY"),
            "-¥92,233,720,368,547,758.08"
        );
    }

    #[test]
    fn short_form_uses_wan_for_yuan_and_k_for_others() {
        assert_eq!(format_short(850_000, "CNY"), "¥8,500");
        assert_eq!(format_short(1_200_000, "CNY"), "¥1.2万");
        assert_eq!(format_short(3_000_000, "CNY"), "¥3万");
        assert_eq!(format_short(1_234_567, "CNY"), "¥1.2万");
        assert_eq!(format_short(12_345_600_000, "CNY"), "¥1.2亿");
        assert_eq!(format_short(123_456_789, "CNY"), "¥123.5万");
        // 9,999.96万 rounds to 1亿, not "10,000万".
        assert_eq!(format_short(9_999_960_000, "CNY"), "¥1亿");
        assert_eq!(format_short(85_000, "USD"), "$850");
        assert_eq!(format_short(1_234_567, "USD"), "$12.3k");
        assert_eq!(format_short(99_960, "USD"), "$1k");
        assert_eq!(format_short(120_000_000, "HKD"), "HK$1.2M");
        assert_eq!(format_short(-1_200_000, "CNY"), "-¥1.2万");
        assert_eq!(format_short(0, "EUR"), "EUR 0");
    }

    proptest! {
        #[test]
        fn format_then_parse_round_trips(
            minor in -100_000_000_000_000_000i64..=100_000_000_000_000_000i64,
            currency in prop::sample::select(vec!["CNY", "USD", "HKD", "EUR", "JPY"]),
        ) {
            let text = format_amount(minor, currency);
            let (back, code) = parse_money(&text).map_err(TestCaseError::fail)?;
            prop_assert_eq!(back, minor, "{}", text);
            prop_assert_eq!(code.as_deref(), Some(currency));
        }

        #[test]
        fn short_form_parses_back_within_its_rounding(
            minor in -100_000_000_000_000i64..=100_000_000_000_000i64,
            currency in prop::sample::select(vec!["CNY", "USD", "EUR"]),
        ) {
            let text = format_short(minor, currency);
            let back = parse_amount(&text).map_err(TestCaseError::fail)?;
            // Half a tenth of the unit shown, which can be 5.3% of 0.95 of it (shown as 1).
            let tolerance = minor.abs() / 18 + 50;
            prop_assert!((back - minor).abs() <= tolerance, "{} -> {} vs {}", text, back, minor);
        }

        #[test]
        fn never_panics_on_any_text(text in "\\PC{0,24}") {
            let _ = parse_money(&text);
        }
    }
}
