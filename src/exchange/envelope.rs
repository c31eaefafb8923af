//! The envelope every Pilotdeck file uses, and reading one safely.
//!
//! Reading goes from the outside in: size, JSON syntax, the format marker and version, counts,
//! then the typed plans and their own rules. Every problem names its place in the file
//! (`plans[3].steps[0].due_on`), so the user can find and fix it.

use super::error::ExchangeError;
use super::migrate::migrate;
use crate::domain::{validate_plan, Plan, Problem, SCHEMA_VERSION};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashSet;

/// The value of the envelope's `format` field.
pub const FORMAT_NAME: &str = "pilotdeck";
/// The largest file read, in bytes: far above any real portfolio, low enough to stay responsive.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// The most plans one file may hold.
pub const MAX_PLANS: usize = 5_000;

/// A file of plans: one plan or a whole portfolio, with what is needed to reproduce its scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    pub format: String,
    pub schema_version: u32,
    pub exported_at: DateTime<Utc>,
    pub app_version: String,
    /// The scoring model's version and parameters at export time; informative on import.
    #[serde(default)]
    pub score_model: Value,
    pub plans: Vec<Plan>,
}

impl Envelope {
    /// An envelope for exporting `plans` at `now`.
    pub fn new(plans: Vec<Plan>, now: DateTime<Utc>, score_model: Value) -> Self {
        Self {
            format: FORMAT_NAME.to_string(),
            schema_version: SCHEMA_VERSION,
            exported_at: now,
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            score_model,
            plans,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Reads a file's text into an envelope whose plans are all valid, or says everything wrong.
pub fn parse_envelope(text: &str) -> Result<Envelope, ExchangeError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ExchangeError::TooLarge {
            bytes: text.len(),
            max: MAX_FILE_BYTES,
        });
    }
    let mut value: Value =
        serde_json::from_str(text).map_err(|e| ExchangeError::NotJson(e.to_string()))?;
    let object = value.as_object_mut().ok_or(ExchangeError::NotPilotdeck)?;
    if object.get("format").and_then(Value::as_str) != Some(FORMAT_NAME) {
        return Err(ExchangeError::NotPilotdeck);
    }
    let version = object
        .get("schema_version")
        .ok_or(ExchangeError::MissingVersion)?;
    let version = version.as_u64().ok_or_else(|| {
        ExchangeError::Problems(vec![Problem {
            path: "schema_version".into(),
            message: format!("not a version number: {version}"),
        }])
    })?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(ExchangeError::NewerVersion {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    let from = u32::try_from(version).unwrap_or(0);
    if let Some(Value::Array(plans)) = object.get_mut("plans") {
        if plans.len() > MAX_PLANS {
            return Err(ExchangeError::TooManyPlans {
                count: plans.len(),
                max: MAX_PLANS,
            });
        }
        for plan in plans.iter_mut() {
            *plan = migrate(plan.take(), from).ok_or_else(|| {
                ExchangeError::Problems(vec![Problem {
                    path: "schema_version".into(),
                    message: format!("version {version} is not one this Pilotdeck can read"),
                }])
            })?;
        }
    }
    object.insert("schema_version".into(), Value::from(SCHEMA_VERSION));

    let envelope: Envelope = deserialize_at_path(&value)?;
    let mut problems = Vec::new();
    let mut ids = HashSet::new();
    for (index, plan) in envelope.plans.iter().enumerate() {
        for problem in validate_plan(plan) {
            problems.push(Problem {
                path: format!("plans[{index}].{}", problem.path),
                message: problem.message,
            });
        }
        if !ids.insert(plan.id.as_str()) {
            problems.push(Problem {
                path: format!("plans[{index}].id"),
                message: format!("the id \"{}\" is used by an earlier plan too", plan.id),
            });
        }
    }
    if problems.is_empty() {
        Ok(envelope)
    } else {
        Err(ExchangeError::Problems(problems))
    }
}

/// Deserializes `value`, turning the first type error into a problem at its path.
pub(crate) fn deserialize_at_path<T: serde::de::DeserializeOwned>(
    value: &Value,
) -> Result<T, ExchangeError> {
    serde_path_to_error::deserialize(value).map_err(|error| {
        let path = error.path().to_string();
        let found = lookup(value, &path)
            .map(|v| format!(" (found {})", snippet(v)))
            .unwrap_or_default();
        ExchangeError::Problems(vec![Problem {
            path: if path == "." { String::new() } else { path },
            message: format!("{}{found}", error.inner()),
        }])
    })
}

/// The value at a path such as `plans[3].steps[0].due_on`, if there is one.
fn lookup<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    let mut current = root;
    for segment in path.split('.').filter(|s| !s.is_empty()) {
        let (name, indexes) = match segment.find('[') {
            Some(at) => (&segment[..at], &segment[at..]),
            None => (segment, ""),
        };
        if !name.is_empty() {
            current = current.get(name)?;
        }
        for index in indexes.split('[').filter(|s| !s.is_empty()) {
            let index: usize = index.trim_end_matches(']').parse().ok()?;
            current = current.get(index)?;
        }
    }
    Some(current)
}

/// A short rendering of a JSON value for an error message.
fn snippet(value: &Value) -> String {
    const MAX: usize = 40;
    let text = value.to_string();
    if text.chars().count() > MAX {
        let cut: String = text.chars().take(MAX).collect();
        format!("{cut}…")
    } else {
        text
    }
}
