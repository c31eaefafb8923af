//! Reading JSON text into typed values, with errors that say where and what in plain words.

use super::locate::locate;
use crate::domain::Problem;
use serde::Deserialize;

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

fn describe(text: &str, error: &serde_json::Error) -> JsonError {
    use serde_json::error::Category;
    let full = error.to_string();
    match error.classify() {
        Category::Syntax | Category::Eof | Category::Io => JsonError::Syntax(full),
        Category::Data => {
            let message = match full.rfind(" at line ") {
                Some(at) => &full[..at],
                None => &full,
            };
            let location = locate(text, error.line(), error.column());
            JsonError::Data(Problem {
                message: humanize(message, location.token.as_deref()),
                path: location.path,
            })
        }
    }
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
        assert!(
            problem.message.contains("unknown variant `partner`"),
            "{}",
            problem.message
        );
        assert!(problem.message.contains("`theirs`"), "{}", problem.message);
    }

    #[test]
    fn syntax_errors_keep_their_line_and_column() {
        match read_json::<Step>("{\"id\": ") {
            Err(JsonError::Syntax(message)) => assert!(message.contains("line 1"), "{message}"),
            other => panic!("expected a syntax error, got {other:?}"),
        }
    }
}
