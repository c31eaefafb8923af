//! Ordered, pure steps that bring a plan written by an older version up to the current schema.
//!
//! Version 1 is the first released schema, so there is no step yet. A step is a function from
//! one plan's JSON at version `n` to its JSON at version `n + 1`; `migrate` runs them in order.
//! Files and stored plans go through the same steps.

use crate::domain::SCHEMA_VERSION;
use serde_json::Value;

type Step = fn(Value) -> Value;

/// `STEPS[i]` turns version `i + 1` into version `i + 2`.
const STEPS: &[Step] = &[];

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
    fn unknown_versions_are_refused() {
        assert_eq!(migrate(Value::Null, 0), None);
        assert_eq!(migrate(Value::Null, SCHEMA_VERSION + 1), None);
    }
}
