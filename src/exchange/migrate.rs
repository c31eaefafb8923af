//! Ordered, pure steps that bring a plan written by an older version up to the current schema.
//!
//! A step is a function from one plan's JSON at version `n` to its JSON at version `n + 1`;
//! `migrate` runs them in order. Files and stored plans (and the trash) go through the same
//! steps.
//!
//! - 1 → 2: each step with a due date is committed to it (`committed_on = due_on`). Everything
//!   else version 2 adds has a default that means what version 1 meant: entries are not
//!   internal, blockers have no owner and are not resolved, plans are not examples.

use crate::domain::dates::parse_date;
use crate::domain::SCHEMA_VERSION;
use serde_json::Value;

type Step = fn(Value) -> Value;

/// `STEPS[i]` turns version `i + 1` into version `i + 2`.
const STEPS: &[Step] = &[commit_due_dates];

/// Version 1 → 2: a step's commitment is the due date it has. A due date that is not a date
/// is left for the reader to report at its own place, not copied to a second one.
fn commit_due_dates(mut plan: Value) -> Value {
    if let Some(Value::Array(steps)) = plan.get_mut("steps") {
        for step in steps.iter_mut().filter_map(Value::as_object_mut) {
            let due = match step.get("due_on") {
                Some(Value::String(due)) if parse_date(due).is_some() => due.clone(),
                _ => continue,
            };
            step.entry("committed_on").or_insert(Value::String(due));
        }
    }
    plan
}

/// Whether any older version can be migrated (a constant, so unused migration code is dropped).
pub const HAS_STEPS: bool = !STEPS.is_empty();

/// The oldest schema version this build can read.
pub const OLDEST_READABLE: u32 = SCHEMA_VERSION - STEPS.len() as u32;

/// Brings a plan's JSON, written at `from`, to the current version; `None` when `from` is unknown.
pub fn migrate(mut value: Value, from: u32) -> Option<Value> {
    if !(OLDEST_READABLE..=SCHEMA_VERSION).contains(&from) {
        return None;
    }
    for step in &STEPS[(from - OLDEST_READABLE) as usize..] {
        value = step(value);
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_current_version_passes_through_unchanged() {
        let value = serde_json::json!({"plans": []});
        assert_eq!(migrate(value.clone(), SCHEMA_VERSION), Some(value));
    }

    #[test]
    fn version_1_steps_are_committed_to_their_due_dates() {
        let v1 = serde_json::json!({"steps": [
            {"id": "a", "due_on": "2026-12-10"},
            {"id": "b", "due_on": null},
            {"id": "c"},
            {"id": "d", "due_on": "31/02/2026"},
        ]});
        let v2 = migrate(v1, 1).expect("version 1 is readable");
        assert_eq!(v2["steps"][0]["committed_on"], "2026-12-10");
        assert!(v2["steps"][1].get("committed_on").is_none());
        assert!(v2["steps"][2].get("committed_on").is_none());
        assert!(
            v2["steps"][3].get("committed_on").is_none(),
            "a wrong due date is reported once, at its own place"
        );
    }

    #[test]
    fn a_plan_without_steps_or_of_another_shape_passes_through() {
        let plan = serde_json::json!({"name": "x"});
        assert_eq!(migrate(plan.clone(), 1), Some(plan));
        assert_eq!(migrate(Value::Null, 1), Some(Value::Null));
    }

    #[test]
    fn unknown_versions_are_refused() {
        assert_eq!(migrate(Value::Null, 0), None);
        assert_eq!(migrate(Value::Null, SCHEMA_VERSION + 1), None);
    }
}
