//! Every value of the wrong kind in a plan's text, not only the first.
//!
//! The JSON reader stops at the first value it cannot read. To find the others, the part it
//! stopped at is set aside and the plan is read again, until it reads: one item of a list field
//! (`steps[2]`) is left out, and a whole field takes the value an empty plan has (or is left out,
//! when a plan has no such field), so that setting it aside makes nothing else go wrong. A field
//! found missing is filled in the same way, so every missing field is named, not only the first.
//! Each problem keeps the path it has in the file.

use super::json::{read_json, write_json, JsonError, Layout};
use crate::domain::{Partner, PartnerKind, Plan, Problem};
use chrono::DateTime;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use std::fmt;

/// The most problems reported for one plan.
const MAX_PER_PLAN: usize = 50;

/// How much plan text one file may have read again in all, in bytes: about 40 busy plans read
/// 50 times each, a few tens of milliseconds, so a large hostile file cannot freeze the page.
pub const READ_AGAIN_BYTES: usize = 2 * 1024 * 1024;

/// The problems of a plan whose text is JSON but does not read as a plan, in the order the
/// reader meets them; `first` is the one the reader reported for the whole text. Each reading
/// again takes the plan's length from `budget`; none is made once it is spent.
pub fn plan_problems(text: &str, first: Problem, budget: &mut usize) -> Vec<Problem> {
    // The last problem as the reader reported it, its path in the plan as read then (before
    // anything is set aside, the same as in the file).
    let mut last = first.clone();
    let mut found = vec![first];
    let Ok(Fields(fields)) = read_json::<Fields>(text) else {
        return found;
    };
    let empty = write_json(
        &Plan::draft(
            "",
            Partner::named("", PartnerKind::Telco),
            DateTime::UNIX_EPOCH,
        ),
        Layout::Compact,
    );
    let Ok(Fields(empty)) = read_json::<Fields>(&empty) else {
        return found;
    };
    let mut aside = SetAside::default();
    while found.len() < MAX_PER_PLAN && aside.set_aside(&last, &fields) {
        let again = aside.text(&fields, &empty);
        let Some(left) = budget.checked_sub(again.len()) else {
            break;
        };
        *budget = left;
        let problem = match read_json::<Plan>(&again) {
            Ok(_) | Err(JsonError::Syntax(_)) => break,
            Err(JsonError::Data(problem)) => problem,
        };
        let in_file = Problem {
            path: aside.path_in_file(&problem.path),
            message: problem.message.clone(),
        };
        if found.contains(&in_file) {
            break;
        }
        found.push(in_file);
        last = problem;
    }
    found
}

/// A plan's fields in the order written, each still as its JSON text.
struct Fields<'a>(Vec<(String, &'a RawValue)>);

impl<'de: 'a, 'a> Deserialize<'de> for Fields<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldsVisitor;

        impl<'de> Visitor<'de> for FieldsVisitor {
            type Value = Fields<'de>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a plan")
            }

            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
                let mut fields = Vec::new();
                while let Some(field) = map.next_entry::<String, &'de RawValue>()? {
                    fields.push(field);
                }
                Ok(Fields(fields))
            }
        }

        deserializer.deserialize_map(FieldsVisitor)
    }
}

/// What has been set aside so far.
#[derive(Default)]
struct SetAside {
    /// Fields that take an empty plan's value (or are left out when it has none), by name.
    fields: Vec<String>,
    /// Items of list fields left out: the field's name and the items' places in the file.
    items: Vec<(String, Vec<usize>)>,
}

impl SetAside {
    /// Sets aside what `problem` (its path in the plan as read now) is about; false when it is
    /// about the plan itself, or about something already set aside.
    fn set_aside(&mut self, problem: &Problem, fields: &[(String, &RawValue)]) -> bool {
        let (name, item) = match missing_field(problem) {
            Some(name) => (name, None),
            None => split_path(&problem.path),
        };
        if name.is_empty() || self.fields.iter().any(|f| f == name) {
            return false;
        }
        let is_list = fields
            .iter()
            .any(|(key, raw)| key == name && raw.get().starts_with('['));
        match item {
            Some(index) if is_list => {
                let in_file = self.item_in_file(name, index);
                match self.items.iter_mut().find(|(field, _)| field == name) {
                    Some((_, left)) => {
                        let at = left.partition_point(|&i| i < in_file);
                        left.insert(at, in_file);
                    }
                    None => self.items.push((name.to_string(), vec![in_file])),
                }
            }
            _ => self.fields.push(name.to_string()),
        }
        true
    }

    /// The place in the file of item `index` of list `field` as read now.
    fn item_in_file(&self, field: &str, index: usize) -> usize {
        let left = self
            .items
            .iter()
            .find(|(name, _)| name == field)
            .map_or(&[][..], |(_, left)| left.as_slice());
        let mut in_file = index;
        for &gone in left {
            if gone <= in_file {
                in_file += 1;
            }
        }
        in_file
    }

    /// `path` (in the plan as read now) as it is in the file.
    fn path_in_file(&self, path: &str) -> String {
        match split_path(path) {
            (name, Some(index)) => {
                let rest = &path[name.len()..];
                let rest = rest.find(']').map_or("", |end| &rest[end + 1..]);
                format!("{name}[{}]{rest}", self.item_in_file(name, index))
            }
            _ => path.to_string(),
        }
    }

    /// The plan's text with what is set aside replaced by `empty`'s value or left out.
    fn text(&self, fields: &[(String, &RawValue)], empty: &[(String, &RawValue)]) -> String {
        let empty_value = |name: &str| empty.iter().find(|(key, _)| key == name).map(|f| f.1);
        let mut text = String::from("{");
        let mut field = |name: &str, value: &str| {
            if text.len() > 1 {
                text.push(',');
            }
            text.push_str(&write_json(name, Layout::Compact));
            text.push(':');
            text.push_str(value);
        };
        for (name, raw) in fields {
            if self.fields.contains(name) {
                if let Some(value) = empty_value(name) {
                    field(name, value.get());
                }
                continue;
            }
            match self.items.iter().find(|(list, _)| list == name) {
                Some((_, left)) => {
                    let items = read_json::<Vec<&RawValue>>(raw.get()).unwrap_or_default();
                    let kept: Vec<&str> = items
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| left.binary_search(i).is_err())
                        .map(|(_, item)| item.get())
                        .collect();
                    field(name, &format!("[{}]", kept.join(",")));
                }
                None => field(name, raw.get()),
            }
        }
        // Fields found missing.
        for name in &self.fields {
            if fields.iter().all(|(key, _)| key != name) {
                if let Some(value) = empty_value(name) {
                    field(name, value.get());
                }
            }
        }
        text.push('}');
        text
    }
}

/// The field a "missing field" problem of the plan itself names.
fn missing_field(problem: &Problem) -> Option<&str> {
    if !problem.path.is_empty() {
        return None;
    }
    // As the reader words it (`super::words`): the field "name" is missing.
    problem
        .message
        .strip_prefix("the field \"")?
        .strip_suffix("\" is missing")
}

/// The plan's field a path starts with, and the list item it names next, if any:
/// `steps[2].due_on` is `("steps", Some(2))`, `partner.kind` is `("partner", None)`.
fn split_path(path: &str) -> (&str, Option<usize>) {
    let end = path.find(['.', '[']).unwrap_or(path.len());
    let name = &path[..end];
    let item = path[end..]
        .strip_prefix('[')
        .and_then(|rest| rest.split(']').next())
        .and_then(|index| index.parse().ok());
    (name, item)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> Problem {
        match read_json::<Plan>(text) {
            Err(JsonError::Data(problem)) => problem,
            other => panic!("expected a data error, got {other:?}"),
        }
    }

    fn paths(text: &str) -> Vec<String> {
        plan_problems(text, first(text), &mut READ_AGAIN_BYTES.clone())
            .into_iter()
            .map(|p| p.path)
            .collect()
    }

    /// A plan as a file holds it, with `edit` applied to its JSON.
    fn plan_text(edit: impl FnOnce(&mut serde_json::Value)) -> String {
        let text = include_str!("../../public/examples/portfolio.json");
        let mut file: serde_json::Value = serde_json::from_str(text).expect("the example reads");
        let mut plan = file["plans"][0].take();
        edit(&mut plan);
        plan.to_string()
    }

    #[test]
    fn splits_paths_into_field_and_item() {
        assert_eq!(split_path("steps[2].due_on"), ("steps", Some(2)));
        assert_eq!(split_path("partner.kind"), ("partner", None));
        assert_eq!(split_path("stage"), ("stage", None));
        assert_eq!(split_path(""), ("", None));
    }

    #[test]
    fn every_wrong_value_is_reported_with_its_path_in_the_file() {
        let text = plan_text(|plan| {
            plan["steps"][0]["due_on"] = "31/02/2026".into();
            plan["steps"][2]["due_on"] = "tomorrow".into();
            plan["stage"] = "flying".into();
            plan["partner"]["kind"] = 7.into();
            plan["log"][1]["kind"] = "party".into();
            plan["parking_lot"] = serde_json::json!(["fine", 3, "fine", false]);
        });
        let found = paths(&text);
        let mut sorted = found.clone();
        sorted.sort();
        assert_eq!(
            sorted,
            [
                "log[1].kind",
                "parking_lot[1]",
                "parking_lot[3]",
                "partner.kind",
                "stage",
                "steps[0].due_on",
                "steps[2].due_on",
            ],
            "{found:?}"
        );
        let problems = plan_problems(&text, first(&text), &mut READ_AGAIN_BYTES.clone());
        let date = problems
            .iter()
            .find(|p| p.path == "steps[2].due_on")
            .expect("the second date");
        assert!(date.message.contains("\"tomorrow\""), "{}", date.message);
    }

    #[test]
    fn every_missing_field_is_reported_and_nothing_set_aside_is() {
        let text = plan_text(|plan| {
            let fields = plan.as_object_mut().expect("an object");
            fields.remove("partner");
            fields.remove("name");
            plan["stage"] = "flying".into();
            plan["created_at"] = "yesterday".into();
        });
        let problems = plan_problems(&text, first(&text), &mut READ_AGAIN_BYTES.clone());
        let found: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(problems.len(), 4, "{found:#?}");
        let has = |start: &str| found.iter().any(|p| p.starts_with(start));
        assert!(
            has("stage: \"flying\" is not one of exploring, designing"),
            "{found:#?}"
        );
        assert!(has("created_at: "), "{found:#?}");
        assert!(has("the field \"name\" is missing"), "{found:#?}");
        assert!(has("the field \"partner\" is missing"), "{found:#?}");
    }

    #[test]
    fn one_wrong_value_is_one_problem() {
        let text = plan_text(|plan| plan["steps"][1]["owner_side"] = "partner".into());
        assert_eq!(paths(&text), ["steps[1].owner_side"]);
        let text = plan_text(|plan| plan["rev"] = "new".into());
        assert_eq!(paths(&text), ["rev"]);
    }

    #[test]
    fn unknown_fields_are_each_reported() {
        let text = plan_text(|plan| {
            plan["colour"] = "blue".into();
            plan["size"] = 3.into();
        });
        let problems = plan_problems(&text, first(&text), &mut READ_AGAIN_BYTES.clone());
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems.iter().all(|p| p
            .message
            .contains("is not a field this version of Pilotdeck knows")));
    }

    #[test]
    fn a_plan_that_is_not_an_object_is_one_problem() {
        let text = "[1, 2]";
        assert_eq!(
            plan_problems(text, first(text), &mut READ_AGAIN_BYTES.clone()).len(),
            1
        );
    }

    #[test]
    fn reading_again_stops_when_the_budget_is_spent() {
        let text = plan_text(|plan| {
            plan["stage"] = "flying".into();
            plan["rev"] = "new".into();
        });
        let mut budget = text.len() + 10;
        assert_eq!(plan_problems(&text, first(&text), &mut budget).len(), 2);
        assert!(budget < 100, "{budget}");
        assert_eq!(plan_problems(&text, first(&text), &mut budget).len(), 1);
        assert_eq!(plan_problems(&text, first(&text), &mut 0).len(), 1);
    }

    #[test]
    fn many_wrong_values_stop_at_the_limit() {
        let text = plan_text(|plan| {
            plan["parking_lot"] = serde_json::Value::Array((0..200).map(|i| i.into()).collect());
        });
        assert_eq!(paths(&text).len(), MAX_PER_PLAN);
    }
}
