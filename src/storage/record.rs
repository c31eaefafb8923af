//! The shape of stored values: a plan with its schema version, and the index of plan ids.
//!
//! Reading a stored plan uses the same migrations and rules as reading a file, so a value that
//! would be refused on import is refused here too.

use crate::domain::{validate_plan, Plan, PlanId, SCHEMA_VERSION};
use crate::exchange::envelope::deserialize_at_path;
use crate::exchange::migrate::migrate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A plan as stored under its own key.
#[derive(Debug, Serialize)]
pub struct StoredPlan<'a> {
    pub schema_version: u32,
    pub plan: &'a Plan,
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

/// Serializes a plan for its key.
pub fn encode_plan(plan: &Plan) -> String {
    let record = StoredPlan {
        schema_version: SCHEMA_VERSION,
        plan,
    };
    // Plans hold only strings, numbers, booleans and string-keyed maps: this cannot fail.
    serde_json::to_string(&record).unwrap_or_default()
}

pub fn encode_index(plan_ids: &[PlanId]) -> String {
    let index = Index {
        schema_version: SCHEMA_VERSION,
        plan_ids: plan_ids.to_vec(),
    };
    serde_json::to_string(&index).unwrap_or_default()
}

/// The schema version a stored value says it has.
fn version_of(value: &Value) -> Result<u64, Unreadable> {
    value
        .get("schema_version")
        .and_then(Value::as_u64)
        .ok_or_else(|| Unreadable::Damaged("it has no schema_version".into()))
}

/// Reads the value stored for plan `id`.
pub fn decode_plan(raw: &str, id: &PlanId) -> Result<Plan, Unreadable> {
    let mut value: Value = serde_json::from_str(raw)
        .map_err(|e| Unreadable::Damaged(format!("it is not valid JSON ({e})")))?;
    let version = version_of(&value)?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(Unreadable::Newer(version));
    }
    let plan = value
        .get_mut("plan")
        .map(Value::take)
        .ok_or_else(|| Unreadable::Damaged("it holds no plan".into()))?;
    let plan = u32::try_from(version)
        .ok()
        .and_then(|from| migrate(plan, from))
        .ok_or_else(|| Unreadable::Damaged(format!("schema_version {version} is unknown")))?;
    let plan: Plan = deserialize_at_path(&plan).map_err(|e| Unreadable::Damaged(e.to_string()))?;
    if &plan.id != id {
        return Err(Unreadable::Damaged(format!(
            "it holds plan \"{}\" under the key of plan \"{id}\"",
            plan.id
        )));
    }
    let problems = validate_plan(&plan);
    if let Some(first) = problems.first() {
        return Err(Unreadable::Damaged(first.to_string()));
    }
    Ok(plan)
}

/// Reads the index.
pub fn decode_index(raw: &str) -> Result<Index, Unreadable> {
    let value: Value = serde_json::from_str(raw)
        .map_err(|e| Unreadable::Damaged(format!("it is not valid JSON ({e})")))?;
    let version = version_of(&value)?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(Unreadable::Newer(version));
    }
    serde_json::from_value(value).map_err(|e| Unreadable::Damaged(e.to_string()))
}
