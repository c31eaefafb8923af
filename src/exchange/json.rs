//! Reading JSON text into typed values, with errors that say where and what in plain words, and
//! writing values as JSON text, compact or indented.

use super::locate::{locate, offset_of};
use crate::domain::Problem;
use serde::{Deserialize, Serialize};
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};
use std::io;

/// Why JSON text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonError {
    /// Not JSON at all (or cut short): the reader's message, with its line and column.
    Syntax(String),
    /// JSON, but a value of the wrong kind: where, and what is wrong.
    Data(Problem),
}

/// Reads `text` as a `T` (which may borrow from it).
pub fn read_json<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, JsonError> {
    serde_json::from_str(text).map_err(|error| describe(text, &error))
}

/// How written JSON is laid out.
pub enum Layout {
    /// No whitespace: what storage, share links and the workshop's messages hold.
    Compact,
    /// Two-space indents, one value per line: files people may open.
    Indented,
}

/// `value` as JSON text.
///
/// Every value Pilotdeck writes goes through this one serializer, whatever its layout, so the
/// serializing code of each type is in the wasm once rather than once per layout.
pub fn write_json<T: Serialize + ?Sized>(value: &T, layout: Layout) -> String {
    let formatter = match layout {
        Layout::Compact => Layered::Compact,
        Layout::Indented => Layered::Indented(PrettyFormatter::new()),
    };
    let mut out = Vec::with_capacity(256);
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, formatter);
    // Pilotdeck's values hold only strings, numbers, booleans and string-keyed maps, and the
    // writer is memory: this cannot fail, and if it ever did the text would be empty.
    if value.serialize(&mut serializer).is_err() {
        return String::new();
    }
    // serde_json writes only UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// A formatter that picks its layout when it runs: the layouts differ only in whitespace.
enum Layered {
    Compact,
    Indented(PrettyFormatter<'static>),
}

/// Each method where the layouts differ, passed to the layout's own formatter.
macro_rules! by_layout {
    ($($method:ident($($arg:ident: $kind:ty),*);)*) => {
        $(
            fn $method<W: ?Sized + io::Write>(
                &mut self,
                writer: &mut W,
                $($arg: $kind),*
            ) -> io::Result<()> {
                match self {
                    Layered::Compact => CompactFormatter.$method(writer, $($arg),*),
                    Layered::Indented(pretty) => pretty.$method(writer, $($arg),*),
                }
            }
        )*
    };
}

impl Formatter for Layered {
    by_layout! {
        begin_array();
        end_array();
        begin_array_value(first: bool);
        end_array_value();
        begin_object();
        end_object();
        begin_object_key(first: bool);
        begin_object_value();
        end_object_value();
    }
}

fn describe(text: &str, error: &serde_json::Error) -> JsonError {
    use serde_json::error::Category;
    let full = error.to_string();
    match error.classify() {
        // Valid JSON where a choice (a word in quotes) belongs: serde_json calls this a syntax
        // error, but the text is fine and the value is of the wrong kind.
        Category::Syntax if full.starts_with("expected value") => {
            match literal_at(text, error.line(), error.column()) {
                Some(found) => JsonError::Data(Problem {
                    message: format!("a choice is written as a word in quotes, not {found}"),
                    path: locate(text, error.line(), error.column()).path,
                }),
                None => JsonError::Syntax(full),
            }
        }
        Category::Syntax | Category::Eof | Category::Io => {
            JsonError::Syntax(super::words::syntax_in_words(&full))
        }
        Category::Data => {
            let message = match full.rfind(" at line ") {
                Some(at) => &full[..at],
                None => &full,
            };
            let location = locate(text, error.line(), error.column());
            JsonError::Data(Problem {
                message: humanize(
                    &super::words::data_in_words(message),
                    location.token.as_deref(),
                ),
                path: location.path,
            })
        }
    }
}

/// The JSON number, `true`, `false`, `null` or list that starts at a 1-based line and column, as
/// shown in a message; `None` when no such value starts there.
fn literal_at(text: &str, line: usize, column: usize) -> Option<String> {
    let at = offset_of(text, line, column).checked_sub(1)?;
    let rest = text.get(at..)?;
    if rest.starts_with('[') {
        return Some("a list".into());
    }
    let end = rest
        .find(|c: char| matches!(c, ',' | '}' | ']') || c.is_whitespace())
        .unwrap_or(rest.len());
    let literal = &rest[..end];
    let number = literal.starts_with(|c: char| c.is_ascii_digit() || c == '-');
    (number || matches!(literal, "true" | "false" | "null")).then(|| shorten(literal))
}

/// Serde's own message, with the value found when the message does not show it already.
fn humanize(message: &str, token: Option<&str>) -> String {
    let found = token.map(shorten).unwrap_or_default();
    if found.is_empty() || message.contains(&found) {
        message.to_string()
    } else {
        format!("{message}: {found}")
    }
}

fn shorten(token: &str) -> String {
    crate::domain::written::cut(token, 40)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Step;

    fn data_error<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> Problem {
        match read_json::<T>(text) {
            Err(JsonError::Data(problem)) => problem,
            other => panic!("expected a data error, got {other:?}"),
        }
    }

    fn example_plans() -> Vec<crate::domain::Plan> {
        let text = include_str!("../../public/examples/portfolio.json");
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");
        crate::exchange::example_plans(text, today).expect("the example portfolio reads")
    }

    #[test]
    fn both_layouts_write_what_serde_json_writes() {
        for plan in example_plans() {
            assert_eq!(
                write_json(&plan, Layout::Compact),
                serde_json::to_string(&plan).expect("a plan serializes")
            );
            assert_eq!(
                write_json(&plan, Layout::Indented),
                serde_json::to_string_pretty(&plan).expect("a plan serializes")
            );
        }
        let empty: [u32; 0] = [];
        assert_eq!(write_json(&empty, Layout::Indented), "[]");
        assert_eq!(
            write_json(&[[1, 2]], Layout::Indented),
            "[\n  [\n    1,\n    2\n  ]\n]"
        );
        assert_eq!(write_json(&[[1, 2]], Layout::Compact), "[[1,2]]");
    }

    #[test]
    fn a_bad_date_names_the_field_and_shows_the_value() {
        let problem = data_error::<Vec<Step>>(
            r#"[{"id":"s1","title":"Kick-off","owner_side":"ours","created_on":"2026-11-01","due_on":"31/02/2026"}]"#,
        );
        assert_eq!(problem.path, "[0].due_on");
        assert_eq!(
            problem.message,
            "not a date (expected YYYY-MM-DD): \"31/02/2026\""
        );
    }

    #[test]
    fn an_unknown_side_lists_the_choices() {
        let problem = data_error::<Step>(
            r#"{"id":"s1","title":"Kick-off","owner_side":"partner","created_on":"2026-11-01"}"#,
        );
        assert_eq!(problem.path, "owner_side");
        assert_eq!(
            problem.message,
            "\"partner\" is not one of ours, theirs, joint"
        );
    }

    #[test]
    fn syntax_errors_keep_their_line_and_column() {
        match read_json::<Step>("{\"id\": ") {
            Err(JsonError::Syntax(message)) => assert!(message.contains("line 1"), "{message}"),
            other => panic!("expected a syntax error, got {other:?}"),
        }
    }
}
