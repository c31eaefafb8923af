//! Finding where in a JSON text an error happened, as a path a person can follow
//! (`plans[3].steps[0].due_on`), from the line and column the JSON reader reports.
//!
//! A small scanner walks the text up to the error, keeping the stack of objects and arrays it
//! is inside and the key or index of each. This gives paths without a second, path-tracking
//! copy of every deserializer in the app.

/// Where an error happened: the path, and the last value read before it, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: String,
    pub token: Option<String>,
}

enum Frame {
    Object { key: Option<String> },
    Array { index: usize, started: bool },
}

/// The byte offset of a 1-based line and a column counted in bytes from the line's start.
pub(super) fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(at) => start += at + 1,
            None => return text.len(),
        }
    }
    (start + column).min(text.len())
}

/// The location of the value being read at `line` and `column` (as serde_json reports them).
pub fn locate(text: &str, line: usize, column: usize) -> Location {
    let end = offset_of(text, line, column);
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut token: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => {
                mark_value(&mut stack);
                stack.push(Frame::Object { key: None });
                token = None;
            }
            b'[' => {
                mark_value(&mut stack);
                stack.push(Frame::Array {
                    index: 0,
                    started: false,
                });
                token = None;
            }
            b'}' | b']' => {
                stack.pop();
                token = None;
            }
            b',' => {
                match stack.last_mut() {
                    Some(Frame::Array { index, .. }) => *index += 1,
                    Some(Frame::Object { key }) => *key = None,
                    None => {}
                }
                token = None;
            }
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                let stop = (i + 1).min(bytes.len());
                match stack.last_mut() {
                    Some(Frame::Object { key }) if key.is_none() => {
                        let raw = &text[start + 1..stop.saturating_sub(1).max(start + 1)];
                        *key = Some(unescape(raw));
                    }
                    _ => {
                        mark_value(&mut stack);
                        token = Some((start, stop));
                    }
                }
                i = stop;
                continue;
            }
            b if b.is_ascii_whitespace() || b == b':' => {}
            _ => {
                let start = i;
                while i < bytes.len() && !b",}]: \t\r\n".contains(&bytes[i]) {
                    i += 1;
                }
                mark_value(&mut stack);
                token = Some((start, i));
                continue;
            }
        }
        i += 1;
    }
    Location {
        path: render(&stack),
        token: token.map(|(start, stop)| text[start..stop.min(text.len())].to_string()),
    }
}

/// Notes that the innermost array has an element at its current index.
fn mark_value(stack: &mut [Frame]) {
    if let Some(Frame::Array { started, .. }) = stack.last_mut() {
        *started = true;
    }
}

fn render(stack: &[Frame]) -> String {
    let mut path = String::new();
    for frame in stack {
        match frame {
            Frame::Object { key: Some(key) } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { key: None } => {}
            Frame::Array { index, started } => {
                if *started {
                    path.push_str(&format!("[{index}]"));
                }
            }
        }
    }
    path
}

/// Keys are plain ASCII names in Pilotdeck files; escapes are kept readable, not decoded fully.
fn unescape(raw: &str) -> String {
    raw.replace("\\\"", "\"").replace("\\\\", "\\")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_end_of(text: &str, needle: &str) -> Location {
        let offset = text.find(needle).expect("needle in text") + needle.len();
        locate(text, 1, offset)
    }

    #[test]
    fn a_value_inside_arrays_and_objects() {
        let text = r#"{"plans":[{"id":"a"},{"steps":[{"due_on":"x"},{"due_on":"31/02/2026"}]}]}"#;
        let found = at_end_of(text, r#""31/02/2026""#);
        assert_eq!(found.path, "plans[1].steps[1].due_on");
        assert_eq!(found.token.as_deref(), Some("\"31/02/2026\""));
    }

    #[test]
    fn an_unknown_key_is_named() {
        let text = r#"{"plans":[{"id":"a","colour":"red"}]}"#;
        assert_eq!(at_end_of(text, r#""colour""#).path, "plans[0].colour");
    }

    #[test]
    fn after_a_closed_object_the_path_is_that_object() {
        let text = r#"{"plans":[{"partner":{"kind":"telco"}}]}"#;
        assert_eq!(at_end_of(text, r#""telco"}"#).path, "plans[0].partner");
    }

    #[test]
    fn numbers_and_literals_are_tokens_and_lines_count() {
        let text = "{\n  \"timing\": {\n    \"fit\": 7,\n    \"in_rebuild\": true\n  }\n}";
        let found = locate(text, 3, "    \"fit\": 7".len());
        assert_eq!(found.path, "timing.fit");
        assert_eq!(found.token.as_deref(), Some("7"));
    }

    #[test]
    fn escaped_quotes_do_not_end_a_string() {
        let text = r#"{"a":"say \"hi\"","b":[1,2,x]}"#;
        let found = at_end_of(text, "x");
        assert_eq!(found.path, "b[2]");
    }

    #[test]
    fn offsets_past_the_end_are_clamped() {
        assert_eq!(locate("{\"a\":1}", 9, 99).path, "");
    }
}
