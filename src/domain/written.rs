//! How numbers, quantities and shortened text read on screen and in exported text: "120",
//! "12.5", "35%", "120 accounts", "A long name…". One rule for the screens, messages and the
//! Markdown export.

/// A number without a needless ".0". Fractions are written by the JSON writer's shortest float
/// formatter, already in the bundle, rather than by `f64`'s `Display`.
pub fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        (value as i64).to_string()
    } else {
        serde_json::Number::from_f64(value)
            .map(|n| n.to_string())
            .unwrap_or_else(|| "—".into())
    }
}

/// A number with its unit: "%" sticks to the number, other units follow after a space.
pub fn quantity(value: f64, unit: &str) -> String {
    match unit.trim() {
        "" => number(value),
        "%" => format!("{}%", number(value)),
        unit => format!("{} {unit}", number(value)),
    }
}

/// `text` cut to its first `max` characters, with an ellipsis when it was longer (after the
/// last word kept, not after a space).
pub fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", text[..at].trim_end()),
        None => text.to_string(),
    }
}

/// `text` cut to at most `max` characters at the end of a word, with an ellipsis when it was
/// longer; a single word longer than `max` is cut inside it.
pub fn cut_at_word(text: &str, max: usize) -> String {
    let Some((end, _)) = text.char_indices().nth(max) else {
        return text.to_string();
    };
    let head = &text[..end];
    // Cut before the word the limit falls in, unless the limit falls right after a word.
    let kept = if text[end..].starts_with(char::is_whitespace) {
        head
    } else {
        head.rfind(char::is_whitespace)
            .map_or(head, |at| &head[..at])
    };
    let kept = kept.trim_end_matches(|c: char| c.is_whitespace() || ",;:".contains(c));
    format!("{}…", if kept.is_empty() { head } else { kept })
}

/// `text` in lines of at most `width` characters, broken between words, at most `max_lines` of
/// them: a word longer than a line is cut, and text that does not fit ends in an ellipsis.
pub fn lines(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let fits = line.is_empty() || line.chars().count() + 1 + word.chars().count() <= width;
        if !fits {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push(line);
    }
    let more = out.len() > max_lines;
    out.truncate(max_lines);
    let mut out: Vec<String> = out.iter().map(|line| cut(line, width)).collect();
    if let Some(last) = out.last_mut().filter(|last| more && !last.ends_with('…')) {
        last.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_without_needless_decimals() {
        assert_eq!(number(120.0), "120");
        assert_eq!(number(12.5), "12.5");
        assert_eq!(number(-3.0), "-3");
        assert_eq!(number(f64::NAN), "—");
        assert_eq!(quantity(35.0, " % "), "35%");
        assert_eq!(quantity(120.0, "accounts"), "120 accounts");
        assert_eq!(quantity(0.5, ""), "0.5");
    }

    #[test]
    fn text_is_cut_with_an_ellipsis_only_when_too_long() {
        assert_eq!(cut("Northwind", 9), "Northwind");
        assert_eq!(cut("Northwind Mobile", 9), "Northwind…");
        assert_eq!(cut("Malmö — Zürich", 7), "Malmö —…");
        assert_eq!(cut("", 3), "");
        assert_eq!(cut("Northwind Mobile", 10), "Northwind…");
        assert_eq!(cut("Northwind  Mobile", 11), "Northwind…");
    }

    #[test]
    fn text_breaks_into_lines_between_words() {
        assert_eq!(
            lines(
                "Brightpath POS & IT — Slotwise at every salon install #3",
                40,
                2
            ),
            [
                "Brightpath POS & IT — Slotwise at every",
                "salon install #3"
            ]
        );
        assert_eq!(lines("Short name", 40, 2), ["Short name"]);
        assert_eq!(lines("   ", 40, 2), Vec::<String>::new());
        // Too many lines: the last one kept ends in an ellipsis.
        assert_eq!(lines("one two three four", 7, 2), ["one two", "three…"]);
        // A word longer than a line is cut to the line's width.
        assert_eq!(
            lines("Supercalifragilistic deal", 10, 2),
            ["Supercalif…", "deal"]
        );
        for line in lines(&"word ".repeat(100), 12, 3) {
            assert!(line.chars().count() <= 13, "{line}");
        }
    }
}
