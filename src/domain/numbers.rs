//! Numbers as people type them into a form: "1200", "12.5", "-3", with thousands grouped
//! ("1,200", "1 200 000"), with a decimal comma where it cannot be a thousands separator
//! ("1,5", "12,25", "1.234,5"), and with a percent sign after it ("15%"). Anything else is not
//! a number, so a value is never read from part of what was typed.

/// The number `text` holds, or `None`.
pub fn parse_number(text: &str) -> Option<f64> {
    let text = text.trim();
    // "15%" and "15 %" are 15: a percentage typed with its sign.
    let text = text
        .strip_suffix('%')
        .map_or(text, |number| number.trim_end());
    if text.is_empty() {
        return None;
    }
    let plain = ungrouped(text).or_else(|| decimal_comma(text));
    // The JSON reader's number parser is already in the bundle; `str::parse` would add another.
    serde_json::from_str::<f64>(plain.as_deref().unwrap_or(text)).ok()
}

/// `text` with its decimal comma as a point, where the comma cannot be a thousands separator:
/// one comma, followed by other than three digits ("1,5", "12,25"), or after a whole part
/// grouped in threes with points ("1.234,5"). "1,500" stays a thousand and a half.
fn decimal_comma(text: &str) -> Option<String> {
    let (whole, fraction) = text.split_once(',')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(fraction) || fraction.len() == 3 && !whole.contains('.') {
        return None;
    }
    let (sign, whole) = match whole.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", whole),
    };
    let mut groups = whole.split('.');
    let first = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    let sound = digits(first)
        && (rest.is_empty()
            || (first.len() <= 3 && rest.iter().all(|g| g.len() == 3 && digits(g))));
    sound.then(|| format!("{sign}{first}{}.{fraction}", rest.concat()))
}

/// `text` without its thousands separators, when it groups its whole part in threes with one
/// kind of separator (a comma, a space, or a no-break or thin space): "1,234,567.5". A comma
/// anywhere else ("1,5") is not a separator, so such text stays as it is and is refused.
fn ungrouped(text: &str) -> Option<String> {
    let (sign, rest) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (whole, fraction) = match rest.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (rest, None),
    };
    let separator = whole
        .chars()
        .find(|c| matches!(c, ',' | ' ' | '\u{a0}' | '\u{202f}'))?;
    let mut groups = whole.split(separator);
    let first = groups.next()?;
    let grouped = (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    if !grouped {
        return None;
    }
    let mut plain: String = sign.to_string();
    plain.extend(whole.chars().filter(|c| *c != separator));
    if let Some(fraction) = fraction {
        plain.push('.');
        plain.push_str(fraction);
    }
    Some(plain)
}

#[cfg(test)]
mod tests {
    use super::parse_number;

    #[test]
    fn plain_and_grouped_numbers_are_read_and_anything_else_is_refused() {
        for (text, number) in [
            ("1200", 1200.0),
            (" 12.5 ", 12.5),
            ("-3", -3.0),
            ("0", 0.0),
            ("1,000", 1000.0),
            ("1,234,567.25", 1_234_567.25),
            ("-12,000", -12_000.0),
            ("1 000", 1000.0),
            ("2\u{a0}500", 2500.0),
            ("3\u{202f}000\u{202f}000", 3_000_000.0),
            ("15%", 15.0),
            ("12.5 %", 12.5),
            ("1,5", 1.5),
            ("-12,25", -12.25),
            ("1,00", 1.0),
            ("12,3456", 12.3456),
            ("1.000,5", 1000.5),
            ("1.234.567,25", 1_234_567.25),
        ] {
            assert_eq!(parse_number(text), Some(number), "{text:?}");
        }
        for text in [
            "",
            " ",
            "abc",
            "%",
            "12%%",
            "1,000 000",
            "1,5,5",
            "12.3,5",
            "1.23,5",
            ",100",
            "1,000,",
            "--3",
            "1e",
            "NaN",
            "1 2",
        ] {
            assert_eq!(parse_number(text), None, "{text:?}");
        }
    }
}
