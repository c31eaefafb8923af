//! The shape of stored values: a plan with its schema version, and the index of plan ids.
//!
//! Reading a stored plan uses the same reader, migrations and rules as reading a file, so a
//! value that would be refused on import is refused here too.

use crate::domain::{validate_plan, Plan, PlanId, Trashed, SCHEMA_VERSION};
use crate::exchange::json::{read_json, write_json, JsonError, Layout};
use crate::exchange::migrate::{migrate, HAS_STEPS};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt::Write;

/// A plan as stored under its own key.
#[derive(Debug, Serialize)]
struct StoredPlan<'a> {
    schema_version: u32,
    plan: &'a Plan,
}

/// A stored plan as read back.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredPlanOwned {
    schema_version: u32,
    plan: Plan,
}

/// A deleted plan as stored in the trash.
#[derive(Serialize)]
struct StoredTrash<'a> {
    schema_version: u32,
    #[serde(with = "crate::domain::dates::timestamp")]
    deleted_at: &'a DateTime<Utc>,
    plan: &'a Plan,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredTrashOwned {
    #[allow(dead_code)]
    schema_version: u32,
    #[serde(with = "crate::domain::dates::timestamp")]
    deleted_at: DateTime<Utc>,
    plan: Plan,
}

/// The version a stored value says it has, read before the rest.
#[derive(Deserialize)]
struct VersionOnly {
    #[serde(default)]
    schema_version: Option<u64>,
}

/// The index: the ids of the stored plans, in the user's order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Index {
    pub schema_version: u32,
    pub plan_ids: Vec<PlanId>,
}

/// Why a stored value was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Written by a newer Pilotdeck; kept as it is, never rewritten by this one.
    Newer(u64),
    /// Damaged or wrongly shaped.
    Damaged(String),
}

impl Unreadable {
    pub fn describe(&self) -> String {
        match self {
            Unreadable::Newer(version) => {
                format!("saved by a newer Pilotdeck (schema_version {version})")
            }
            Unreadable::Damaged(reason) => reason.clone(),
        }
    }
}

fn damaged(error: JsonError) -> Unreadable {
    match error {
        JsonError::Syntax(message) => {
            Unreadable::Damaged(format!("it is not valid JSON ({message})"))
        }
        JsonError::Data(problem) => Unreadable::Damaged(problem.to_string()),
    }
}

/// JSON text for storage, with every character above U+00FF written as a `\uXXXX` escape
/// (a pair of them above U+FFFF) when that makes it at most an eighth longer. Readers get the
/// same value back either way.
///
/// Chromium keeps each value either as Latin-1 or as UTF-16: a plan in English with one dash
/// or curly quote is held in half the bytes once escaped, and loads from storage in about half
/// the time. Browsers count their quota in characters, though, and an escape is six of them,
/// so text mostly in another script (Greek, Cyrillic, Chinese…) is stored as it is.
///
/// Outside strings, JSON text is ASCII, so every such character is inside a string, where an
/// escape means the same character.
pub fn one_byte_json(json: String) -> String {
    let (length, escaped_length) = json.chars().fold((0, 0), |(plain, escaped), c| {
        let units = c.len_utf16();
        let one_byte = c <= '\u{ff}';
        (
            plain + units,
            escaped + if one_byte { 1 } else { 6 * units },
        )
    });
    if escaped_length == length || escaped_length > length + length / 8 {
        return json;
    }
    let mut out = String::with_capacity(escaped_length);
    for c in json.chars() {
        if c <= '\u{ff}' {
            out.push(c);
        } else {
            for unit in c.encode_utf16(&mut [0; 2]) {
                // Writing to a String cannot fail.
                let _ = write!(out, "\\u{unit:04x}");
            }
        }
    }
    out
}

/// Serializes a plan for its key.
pub fn encode_plan(plan: &Plan) -> String {
    let record = StoredPlan {
        schema_version: SCHEMA_VERSION,
        plan,
    };
    // Plans hold only strings, numbers, booleans and string-keyed maps: this cannot fail.
    one_byte_json(write_json(&record, Layout::Compact))
}

pub fn encode_index(plan_ids: &[PlanId]) -> String {
    let index = Index {
        schema_version: SCHEMA_VERSION,
        plan_ids: plan_ids.to_vec(),
    };
    one_byte_json(write_json(&index, Layout::Compact))
}

/// The schema version of a stored value, refusing values newer than this build.
fn checked_version(raw: &str) -> Result<u64, Unreadable> {
    let version = read_json::<VersionOnly>(raw)
        .map_err(damaged)?
        .schema_version
        .ok_or_else(|| Unreadable::Damaged("it has no schema_version".into()))?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(Unreadable::Newer(version));
    }
    Ok(version)
}

/// Reads the value stored for plan `id`.
pub fn decode_plan(raw: &str, id: &PlanId) -> Result<Plan, Unreadable> {
    // A plan of this version, the usual case, is read in one pass. Anything else is read
    // version first, so a newer or older value is named as such, not as damaged.
    let plan = match read_json::<StoredPlanOwned>(raw) {
        Ok(record) if record.schema_version == SCHEMA_VERSION => record.plan,
        _ => decode_other_version(raw)?,
    };
    if &plan.id != id {
        return Err(Unreadable::Damaged(format!(
            "it holds plan \"{}\" under the key of plan \"{id}\"",
            plan.id
        )));
    }
    match validate_plan(&plan).first() {
        Some(problem) => Err(Unreadable::Damaged(problem.to_string())),
        None => Ok(plan),
    }
}

/// A stored plan that did not read as one of this version: refused when newer or damaged,
/// migrated when older.
fn decode_other_version(raw: &str) -> Result<Plan, Unreadable> {
    let version = checked_version(raw)?;
    let migrated;
    let raw = if version == u64::from(SCHEMA_VERSION) {
        raw
    } else {
        migrated = migrate_record(raw, version)?;
        migrated.as_str()
    };
    Ok(read_json::<StoredPlanOwned>(raw).map_err(damaged)?.plan)
}

/// An older stored plan brought to the current version, as text again.
fn migrate_record(raw: &str, version: u64) -> Result<String, Unreadable> {
    let unknown = || Unreadable::Damaged(format!("schema_version {version} is unknown"));
    if !HAS_STEPS {
        return Err(unknown());
    }
    let from = u32::try_from(version).map_err(|_| unknown())?;
    let mut value: Value = read_json(raw).map_err(damaged)?;
    let plan = value
        .get_mut("plan")
        .map(Value::take)
        .ok_or_else(|| Unreadable::Damaged("it holds no plan".into()))?;
    value["plan"] = migrate(plan, from).ok_or_else(unknown)?;
    value["schema_version"] = Value::from(SCHEMA_VERSION);
    Ok(value.to_string())
}

pub fn encode_trashed(trashed: &Trashed) -> String {
    let record = StoredTrash {
        schema_version: SCHEMA_VERSION,
        deleted_at: &trashed.deleted_at,
        plan: &trashed.plan,
    };
    one_byte_json(write_json(&record, Layout::Compact))
}

/// Reads a deleted plan kept in the trash under the key of `id`; an older one is migrated as
/// a stored plan is.
pub fn decode_trashed(raw: &str, id: &PlanId) -> Result<Trashed, Unreadable> {
    let version = checked_version(raw)?;
    let migrated;
    let raw = if version == u64::from(SCHEMA_VERSION) {
        raw
    } else {
        migrated = migrate_record(raw, version)?;
        migrated.as_str()
    };
    let record = read_json::<StoredTrashOwned>(raw).map_err(damaged)?;
    if &record.plan.id != id {
        return Err(Unreadable::Damaged(format!(
            "it holds plan \"{}\" under the key of plan \"{id}\"",
            record.plan.id
        )));
    }
    match validate_plan(&record.plan).first() {
        Some(problem) => Err(Unreadable::Damaged(problem.to_string())),
        None => Ok(Trashed {
            deleted_at: record.deleted_at,
            plan: record.plan,
        }),
    }
}

/// The revision of a stored plan, read without the rest of it; `None` when unreadable.
pub fn stored_rev(raw: &str) -> Option<u64> {
    #[derive(Deserialize)]
    struct Record {
        plan: Revision,
    }
    #[derive(Deserialize)]
    struct Revision {
        #[serde(default)]
        rev: u64,
    }
    read_json::<Record>(raw).ok().map(|r| r.plan.rev)
}

/// Reads the index.
pub fn decode_index(raw: &str) -> Result<Index, Unreadable> {
    checked_version(raw)?;
    read_json(raw).map_err(damaged)
}
