//! The JSON reader's messages said in words a partnership leader can act on: "expected a
//! number, found the text "two hundred"" instead of `invalid type: string "two hundred",
//! expected f64`, "the file ends too early — was it cut short?" instead of "EOF while parsing".
//! The place (`plans[3].target`) is kept by the caller; a message not recognised is kept as
//! it is, so nothing is ever hidden.

/// A value's type in words, as serde names it in "invalid type" (`string "x"`, `integer `4``).
fn found_in_words(found: &str) -> String {
    let unquote = |s: &str| s.trim_matches('`').to_string();
    if let Some(text) = found.strip_prefix("string ") {
        return format!("the text {text}");
    }
    for prefix in ["integer ", "floating point "] {
        if let Some(number) = found.strip_prefix(prefix) {
            return format!("the number {}", unquote(number));
        }
    }
    if let Some(value) = found.strip_prefix("boolean ") {
        return unquote(value);
    }
    match found {
        "null" => "nothing (null)".to_string(),
        "map" => "a group of fields".to_string(),
        "sequence" => "a list".to_string(),
        "unit value" => "nothing".to_string(),
        other => other.to_string(),
    }
}

/// What was expected, in words.
fn expected_in_words(expected: &str) -> String {
    let expected = expected.trim();
    match expected {
        "f64" | "f32" => "a number".to_string(),
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" => {
            "a whole number".to_string()
        }
        "a string" | "a borrowed string" => "a text".to_string(),
        "a boolean" => "true or false".to_string(),
        "a sequence" => "a list".to_string(),
        "unit" => "nothing".to_string(),
        e if e.starts_with("struct ") || e == "a map" => "a group of fields".to_string(),
        e if e.starts_with("a sequence") => "a list".to_string(),
        e if e.starts_with("enum ") => "one of the choices".to_string(),
        other => other.to_string(),
    }
}

/// "`a`, `b`, `c`" → "a, b, c".
fn choices(list: &str) -> String {
    list.split(", ")
        .map(|c| c.trim().trim_matches('`'))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A data problem (the value is of the wrong kind or not allowed), in words.
pub fn data_in_words(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return format!(
                "expected {}, found {}",
                expected_in_words(expected),
                found_in_words(found)
            );
        }
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return format!(
                "expected {}, found {}",
                expected_in_words(expected),
                found_in_words(found)
            );
        }
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (value, list) = rest
            .split_once(", expected one of ")
            .or_else(|| rest.split_once(", expected "))
            .unwrap_or((rest, ""));
        let value = value.trim_matches('`');
        return if list.is_empty() {
            format!("\"{value}\" is not one of the choices")
        } else {
            format!("\"{value}\" is not one of {}", choices(list))
        };
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (field, list) = rest
            .split_once(", expected one of ")
            .or_else(|| rest.split_once(", expected "))
            .unwrap_or((rest, ""));
        let field = field.trim_matches('`');
        return if list.is_empty() {
            format!("\"{field}\" is not a field this version of Pilotdeck knows")
        } else {
            format!(
                "\"{field}\" is not a field this version of Pilotdeck knows (it knows {})",
                choices(list)
            )
        };
    }
    if let Some(field) = message.strip_prefix("missing field ") {
        return format!("the field \"{}\" is missing", field.trim_matches('`'));
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        return format!("the field \"{}\" is given twice", rest.trim_matches('`'));
    }
    message.to_string()
}

/// A syntax problem (the text is not JSON), in words, keeping where it was found.
pub fn syntax_in_words(message: &str) -> String {
    let (what, place) = match message.rfind(" at line ") {
        Some(at) => (&message[..at], message[at + 4..].to_string()),
        None => (message, String::new()),
    };
    let place = if place.is_empty() {
        String::new()
    } else {
        format!(" ({place})")
    };
    if what.starts_with("EOF while parsing") {
        return format!("the file ends too early — was it cut short?{place}");
    }
    let said = match what {
        "trailing characters" => "there is more text after the end of the data".to_string(),
        "expected value" => "a value is missing or is not JSON".to_string(),
        "key must be a string" => "a field name is not in double quotes".to_string(),
        "trailing comma" => "a comma is followed by nothing".to_string(),
        "invalid escape" | "invalid unicode code point" => {
            "a text holds a broken escape (a backslash that starts nothing)".to_string()
        }
        "lone leading surrogate in hex escape" | "unexpected end of hex escape" => {
            "a text holds a broken escape (like \\ud800)".to_string()
        }
        w if w.starts_with("control character") => {
            "a text holds a line break or control character that must be escaped".to_string()
        }
        w if w.starts_with("expected `") => format!(
            "something is missing or out of place: {}",
            w.replace('`', "\"")
        ),
        other => other.to_string(),
    };
    format!("{said}{place}")
}

/// A size in bytes as people read it: "830 bytes", "12.5 KB", "21.4 MB".
pub fn size(bytes: usize) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if b < KB {
        format!("{bytes} bytes")
    } else if b < KB * KB {
        format!("{:.1} KB", b / KB)
    } else {
        format!("{:.1} MB", b / (KB * KB))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_types_say_what_was_expected_and_what_was_found() {
        assert_eq!(
            data_in_words("invalid type: string \"two hundred\", expected f64"),
            "expected a number, found the text \"two hundred\""
        );
        assert_eq!(
            data_in_words("invalid type: integer `42`, expected a string"),
            "expected a text, found the number 42"
        );
        assert_eq!(
            data_in_words("invalid type: string \"very\", expected u8"),
            "expected a whole number, found the text \"very\""
        );
        assert_eq!(
            data_in_words("invalid type: map, expected a sequence"),
            "expected a list, found a group of fields"
        );
        assert_eq!(
            data_in_words("invalid type: null, expected struct Partner"),
            "expected a group of fields, found nothing (null)"
        );
    }

    #[test]
    fn unknown_choices_list_the_known_ones() {
        assert_eq!(
            data_in_words(
                "unknown variant `Live`, expected one of `exploring`, `designing`, `live`"
            ),
            "\"Live\" is not one of exploring, designing, live"
        );
        assert_eq!(
            data_in_words("unknown field `colour`, expected one of `id`, `name`"),
            "\"colour\" is not a field this version of Pilotdeck knows (it knows id, name)"
        );
        assert_eq!(
            data_in_words("missing field `kind`"),
            "the field \"kind\" is missing"
        );
        assert_eq!(
            data_in_words("a rating must be 1 to 5, not 7"),
            "a rating must be 1 to 5, not 7",
            "our own words stay"
        );
    }

    #[test]
    fn syntax_problems_keep_their_place() {
        assert_eq!(
            syntax_in_words("EOF while parsing a value at line 10 column 3"),
            "the file ends too early — was it cut short? (line 10 column 3)"
        );
        assert_eq!(
            syntax_in_words("expected `,` or `}` at line 2 column 5"),
            "something is missing or out of place: expected \",\" or \"}\" (line 2 column 5)"
        );
        assert_eq!(
            syntax_in_words("trailing characters at line 1 column 4"),
            "there is more text after the end of the data (line 1 column 4)"
        );
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(size(830), "830 bytes");
        assert_eq!(size(12_800), "12.5 KB");
        assert_eq!(size(22_439_526), "21.4 MB");
        assert_eq!(size(20 * 1024 * 1024), "20.0 MB");
    }
}
