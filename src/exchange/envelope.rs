//! The envelope every Pilotdeck file uses, and reading one safely.
//!
//! Reading goes from the outside in: size, JSON syntax, the format marker and version, counts,
//! then the typed plans and their own rules. Every problem names its place in the file
//! (`plans[3].steps[0].due_on`), so the user can find and fix it.

use super::error::ExchangeError;
use super::json::{read_json, write_json, JsonError, Layout};
use super::migrate::{migrate, OLDEST_READABLE};
use super::problems::{plan_problems, READ_AGAIN_BYTES};
use crate::domain::{validate_plan, Plan, Problem, SCHEMA_VERSION};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
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
    #[serde(with = "crate::domain::dates::timestamp")]
    pub exported_at: DateTime<Utc>,
    pub app_version: String,
    /// The scoring model that produced the file's numbers; informative on import.
    #[serde(default)]
    pub score_model: ScoreModelNote,
    pub plans: Vec<Plan>,
}

/// What a file says about its scoring model. Only the version is read; the parameters are
/// recorded on export so numbers can be reproduced, and are not needed to import plans.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ScoreModelNote {
    #[serde(default)]
    pub version: Option<u32>,
}

impl Envelope {
    /// An envelope for exporting `plans` at `now`.
    pub fn new(plans: Vec<Plan>, now: DateTime<Utc>, score_model: ScoreModelNote) -> Self {
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
        write_json(self, Layout::Indented)
    }
}

/// The fields read before anything else: what the file is, its version and how many plans.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    schema_version: Option<u64>,
    #[serde(default)]
    plans: Option<Vec<serde::de::IgnoredAny>>,
}

/// The envelope with each plan still as its JSON text, so every plan is read on its own and a
/// file with several wrong plans reports each of them, not only the first.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEnvelope<'a> {
    format: String,
    /// Read first through the header; declared so that the envelope knows every field.
    #[allow(dead_code)]
    schema_version: u32,
    #[serde(with = "crate::domain::dates::timestamp")]
    exported_at: DateTime<Utc>,
    app_version: String,
    #[serde(default)]
    score_model: ScoreModelNote,
    #[serde(borrow)]
    plans: Vec<&'a RawValue>,
}

/// Where in plan `index` its text stops being JSON, and why, in the file's terms.
fn plan_syntax_problem(index: usize, text: &str) -> Problem {
    let Err(error) = serde_json::from_str::<Plan>(text) else {
        return Problem {
            path: format!("plans[{index}]"),
            message: "this plan could not be read".into(),
        };
    };
    let inner = super::locate::locate(text, error.line(), error.column()).path;
    let full = error.to_string();
    let reason = full
        .rfind(" at line ")
        .map_or(full.as_str(), |at| &full[..at]);
    Problem {
        path: if inner.is_empty() {
            format!("plans[{index}]")
        } else {
            format!("plans[{index}].{inner}")
        },
        message: format!("not readable text ({reason}); a text may hold any character, but not a broken escape like \\ud800"),
    }
}

fn problem(path: &str, message: String) -> ExchangeError {
    ExchangeError::Problems(vec![Problem {
        path: path.to_string(),
        message,
    }])
}

fn from_json_error(error: JsonError) -> ExchangeError {
    match error {
        JsonError::Syntax(message) => ExchangeError::NotJson(message),
        JsonError::Data(found) => ExchangeError::Problems(vec![found]),
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
    let header: Header = match read_json(text) {
        Ok(header) => header,
        Err(JsonError::Data(found)) if found.path != "schema_version" && found.path != "plans" => {
            return Err(ExchangeError::NotPilotdeck)
        }
        Err(error) => return Err(from_json_error(error)),
    };
    if header.format.as_deref() != Some(FORMAT_NAME) {
        return Err(ExchangeError::NotPilotdeck);
    }
    let version = header.schema_version.ok_or(ExchangeError::MissingVersion)?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(ExchangeError::NewerVersion {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    let count = header.plans.as_ref().map_or(0, Vec::len);
    if count > MAX_PLANS {
        return Err(ExchangeError::TooManyPlans {
            count,
            max: MAX_PLANS,
        });
    }

    let from = match u32::try_from(version) {
        Ok(from) if from >= OLDEST_READABLE => from,
        _ => {
            return Err(problem(
                "schema_version",
                format!("version {version} is not one this Pilotdeck can read"),
            ))
        }
    };

    let raw: RawEnvelope = read_json(text).map_err(from_json_error)?;
    let mut problems = Vec::new();
    let mut plans = Vec::with_capacity(raw.plans.len());
    let mut read_again = READ_AGAIN_BYTES;
    for (index, plan) in raw.plans.iter().enumerate() {
        // An older plan is brought to this version on its own, so a plan that is not readable
        // text is still named at its place, and the others are still read.
        let migrated;
        let plan_text = if from == SCHEMA_VERSION {
            plan.get()
        } else {
            match migrate_plan(plan.get(), from) {
                Some(text) => {
                    migrated = text;
                    migrated.as_str()
                }
                None => {
                    problems.push(plan_syntax_problem(index, plan.get()));
                    continue;
                }
            }
        };
        match read_json::<Plan>(plan_text) {
            Ok(plan) => plans.push(plan),
            Err(JsonError::Data(first)) => {
                for found in plan_problems(plan_text, first, &mut read_again) {
                    problems.push(Problem {
                        path: if found.path.is_empty() {
                            format!("plans[{index}]")
                        } else {
                            format!("plans[{index}].{}", found.path)
                        },
                        message: found.message,
                    });
                }
            }
            // The whole file read as JSON, but a plan's own text may still not: an escape that
            // is no character (a lone surrogate such as "\ud800") passes the first reading.
            Err(JsonError::Syntax(_)) => problems.push(plan_syntax_problem(index, plan_text)),
        }
    }
    let envelope = Envelope {
        format: raw.format,
        schema_version: SCHEMA_VERSION,
        exported_at: raw.exported_at,
        app_version: raw.app_version,
        score_model: raw.score_model,
        plans,
    };

    let mut ids = HashSet::new();
    for (index, plan) in envelope.plans.iter().enumerate() {
        for found in validate_plan(plan) {
            problems.push(Problem {
                path: format!("plans[{index}].{}", found.path),
                message: found.message,
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

/// An older plan's JSON brought to the current version, as text again; `None` when it is not
/// readable JSON (the reader then names where it breaks).
fn migrate_plan(text: &str, from: u32) -> Option<String> {
    let value: Value = read_json(text).ok()?;
    migrate(value, from).map(|value| value.to_string())
}
