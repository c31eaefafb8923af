//! Where each part of a plan lives in the shared document, and what stays on this device.
//!
//! The plan is mapped through its JSON form (the same field names as a Pilotdeck file), so that
//! a plan read back from the document goes through the very reader and rules an import uses.
//!
//! - `meta` (map): `format` and `schema_version`, so a newer Pilotdeck's document is recognised.
//! - `plan` (map): every shared scalar of the plan under its dotted path (`partner.kind`,
//!   `foundation.rhythm.next_sync_on`), each last-writer-wins. `score_override` is one value,
//!   so a band and its reason always travel together.
//! - one text per free text of the plan, named by its path ([`TEXTS`]), changed by the smallest
//!   edit, so that two people typing into the objective both keep what they typed.
//! - each list ([`LISTS`]) is a map of items keyed by identity plus an array `<path>#order` of
//!   those keys. An item is a map keyed by field (two people editing different fields of the
//!   same step both keep their edit); its free texts are texts too.
//!
//! Every one of these is a root type, and roots are never created twice: two devices that
//! each start a shared list never end up with two competing copies of it.

use crate::domain::limits::{
    MAX_CYCLES, MAX_KEY_RESULTS, MAX_LIST_ITEMS, MAX_LOG_ENTRIES, MAX_STEPS,
};
use serde_json::Value;
use std::sync::Arc;
use yrs::{Any, Number};

/// A JSON object, as serde_json reads one.
pub type Object = serde_json::Map<String, Value>;

/// The root map of the document's own facts.
pub const META: &str = "meta";
/// The root map of the plan's scalars, by dotted path.
pub const FIELDS: &str = "plan";
/// The `format` written in `meta`.
pub const FORMAT: &str = "pilotdeck";

/// The plan's free texts: each one a shared text, merged character by character.
pub const TEXTS: [&str; 8] = [
    "timing.their_priority",
    "timing.how_we_fit",
    "pilot.use_case",
    "pilot.fastest_joint_win",
    "pilot.stop_condition",
    "foundation.objective",
    "foundation.governance.decision_rule",
    "foundation.governance.escalation",
];

/// Stored in one piece: a manual band is its band, reason and date together.
pub const WHOLE: [&str; 1] = ["score_override"];

/// What never enters the shared document. `updated_at` and `rev` are this device's record of
/// its own saves (each device counts its saves, and a merge is not a save); `example` says how
/// this device got the plan; `partner.notes` is always internal. Log entries marked internal
/// are left out as a whole (see `Plan::for_partner`).
pub const LOCAL: [&str; 4] = ["updated_at", "rev", "example", "partner.notes"];

/// How a list's items are told apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Identity {
    /// By the item's own `id` (steps, log entries): the key is the id.
    Id,
    /// By a random key made when the item first enters the document and kept there only
    /// (cycles, key results, short texts). A plan's list is matched to the document's by
    /// position, around the items that are equal at both ends.
    Key,
}

/// A list of the plan as it lives in the document.
#[derive(Debug)]
pub struct List {
    /// The list's path in the plan's JSON, and the name of its map of items.
    pub path: &'static str,
    pub identity: Identity,
    /// The item fields that are free texts.
    pub texts: &'static [&'static str],
    /// The most items a sound plan holds: a longer list is not read item by item.
    pub max: usize,
}

pub const LISTS: [List; 6] = [
    List {
        path: "steps",
        identity: Identity::Id,
        texts: &["title"],
        max: MAX_STEPS,
    },
    List {
        path: "log",
        identity: Identity::Id,
        texts: &["text"],
        max: MAX_LOG_ENTRIES,
    },
    List {
        path: "cycles",
        identity: Identity::Key,
        texts: &["keep", "change", "stop"],
        max: MAX_CYCLES,
    },
    List {
        path: "foundation.key_results",
        identity: Identity::Key,
        texts: &[],
        max: MAX_KEY_RESULTS,
    },
    List {
        path: "parking_lot",
        identity: Identity::Key,
        texts: &[],
        max: MAX_LIST_ITEMS,
    },
    List {
        path: "pilot.out_of_scope",
        identity: Identity::Key,
        texts: &[],
        max: MAX_LIST_ITEMS,
    },
];

impl List {
    /// The name of the array that keeps the items' order.
    pub fn order_name(&self) -> String {
        format!("{}#order", self.path)
    }
}

/// Whether `path` is mapped by something other than a scalar field.
fn mapped_apart(path: &str) -> bool {
    LOCAL.contains(&path) || TEXTS.contains(&path) || LISTS.iter().any(|list| list.path == path)
}

/// The plan's scalars as `(dotted path, value)`: nested objects are opened, texts, lists and
/// local fields are left to their own mapping.
pub fn scalars(plan: &Object) -> Vec<(String, &Value)> {
    let mut out = Vec::new();
    collect_scalars("", plan, &mut out);
    out
}

fn collect_scalars<'a>(prefix: &str, object: &'a Object, out: &mut Vec<(String, &'a Value)>) {
    for (key, value) in object {
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        if mapped_apart(&path) {
            continue;
        }
        match value {
            Value::Object(inner) if !WHOLE.contains(&path.as_str()) => {
                collect_scalars(&path, inner, out)
            }
            _ => out.push((path, value)),
        }
    }
}

/// Whether a scalar read from the document under `path` is one this device keeps for itself.
pub fn is_local(path: &str) -> bool {
    mapped_apart(path)
}

/// The value at a dotted path of `object`, if there is one.
pub fn get<'a>(object: &'a Object, path: &str) -> Option<&'a Value> {
    let mut parts = path.split('.');
    let mut value = object.get(parts.next()?)?;
    for part in parts {
        value = value.as_object()?.get(part)?;
    }
    Some(value)
}

/// Puts `value` at a dotted path of `object`, making the objects on the way. False, and
/// nothing put, when a value already stands where an object is needed, or an object where the
/// value goes.
pub fn put(object: &mut Object, path: &str, value: Value) -> bool {
    let mut parts: Vec<&str> = path.split('.').collect();
    let Some(last) = parts.pop() else {
        return false;
    };
    let mut at = object;
    for part in parts {
        at = match at
            .entry(part.to_string())
            .or_insert_with(|| Value::Object(Object::new()))
        {
            Value::Object(inner) => inner,
            _ => return false,
        };
    }
    match at.get(last) {
        Some(Value::Object(_)) => false,
        _ => {
            at.insert(last.to_string(), value);
            true
        }
    }
}

/// A JSON value as a document value.
pub fn to_any(value: &Value) -> Any {
    match value {
        Value::Null => Any::Null,
        Value::Bool(flag) => Any::Bool(*flag),
        Value::Number(number) => match number.as_i64() {
            Some(int) => Any::Number(Number::Int(int)),
            None => Any::Number(Number::Float(number.as_f64().unwrap_or(f64::NAN))),
        },
        Value::String(text) => Any::String(Arc::from(text.as_str())),
        Value::Array(items) => Any::Array(items.iter().map(to_any).collect()),
        Value::Object(fields) => Any::Map(Arc::new(
            fields
                .iter()
                .map(|(key, value)| (key.clone(), to_any(value)))
                .collect(),
        )),
    }
}

/// The largest integer a float holds exactly (2^53).
const EXACT_INTEGERS: f64 = 9_007_199_254_740_992.0;

/// A document value as JSON; `None` for what JSON cannot hold (bytes, NaN, infinities).
pub fn to_json(any: &Any) -> Option<Value> {
    Some(match any {
        Any::Null | Any::Undefined => Value::Null,
        Any::Bool(flag) => Value::Bool(*flag),
        Any::Number(Number::Int(int)) => Value::from(*int),
        // A whole number read as one, so that it also reads into an integer field (a peer in
        // JavaScript has only floats); -0 stays a float so that it reads back as -0.
        Any::Number(Number::Float(float))
            if float.fract() == 0.0
                && float.abs() <= EXACT_INTEGERS
                && !(*float == 0.0 && float.is_sign_negative()) =>
        {
            Value::from(*float as i64)
        }
        Any::Number(Number::Float(float)) => Value::Number(serde_json::Number::from_f64(*float)?),
        Any::String(text) => Value::String(text.to_string()),
        Any::Buffer(_) => return None,
        Any::Array(items) => Value::Array(items.iter().map(to_json).collect::<Option<_>>()?),
        Any::Map(fields) => {
            // One insert at a time: collecting would sort, a sort the bundle does not need.
            let mut object = Object::new();
            for (key, value) in fields.iter() {
                object.insert(key.clone(), to_json(value)?);
            }
            Value::Object(object)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn scalars_are_opened_down_to_their_values_and_the_rest_is_left_aside() {
        let plan = json!({
            "id": "p1",
            "rev": 7,
            "partner": {"name": "Northwind", "notes": "internal"},
            "foundation": {"objective": "text", "key_results": [], "rhythm": {"cadence_days": 14}},
            "score_override": {"band": "moving", "reason": "why", "set_on": "2026-01-01"},
            "steps": [],
        });
        let found = scalars(plan.as_object().unwrap());
        let paths: Vec<&str> = found.iter().map(|(path, _)| path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "foundation.rhythm.cadence_days",
                "id",
                "partner.name",
                "score_override"
            ]
        );
    }

    #[test]
    fn values_put_at_paths_come_back_and_clashes_are_refused() {
        let mut object = Object::new();
        assert!(put(&mut object, "a.b.c", json!(1)));
        assert!(put(&mut object, "a.d", json!("x")));
        assert_eq!(get(&object, "a.b.c"), Some(&json!(1)));
        assert_eq!(
            object,
            *json!({"a": {"b": {"c": 1}, "d": "x"}}).as_object().unwrap()
        );
        assert!(!put(&mut object, "a.d.e", json!(2)));
        assert!(!put(&mut object, "a.b", json!(2)));
    }

    #[test]
    fn numbers_keep_their_value_both_ways() {
        for value in [
            json!(0),
            json!(-3),
            json!(2.5),
            json!(1e300),
            json!(-0.0),
            json!(30),
        ] {
            assert_eq!(to_json(&to_any(&value)), Some(value.clone()), "{value}");
        }
        // A whole float from a JavaScript peer reads as an integer.
        assert_eq!(to_json(&Any::Number(Number::Float(30.0))), Some(json!(30)));
        assert_eq!(to_json(&Any::Number(Number::Float(f64::NAN))), None);
        assert_eq!(to_json(&Any::Buffer(Arc::from(&b"x"[..]))), None);
    }
}
