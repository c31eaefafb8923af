//! The storage keys, all under one versioned prefix.

use crate::domain::PlanId;

/// Every key Pilotdeck writes starts with this.
pub const PREFIX: &str = "pilotdeck/v1/";
/// The list of plan ids, in the user's order.
pub const INDEX_KEY: &str = "pilotdeck/v1/index";
/// Plans live under this, one key each.
pub const PLAN_PREFIX: &str = "pilotdeck/v1/plans/";
/// Deleted plans wait here until restored or deleted for good.
pub const TRASH_PREFIX: &str = "pilotdeck/v1/trash/";
/// The portfolio's search, filters and order.
pub const VIEW_KEY: &str = "pilotdeck/v1/view";
/// Plans shared live: how each is shared, and its document's state, one key each.
pub const SHARED_PREFIX: &str = "pilotdeck/v1/shared/";
/// The sync server's address given in Settings.
pub const SYNC_SERVER_KEY: &str = "pilotdeck/v1/sync-server";
/// The name others see on a shared plan.
pub const DISPLAY_NAME_KEY: &str = "pilotdeck/v1/display-name";
/// The theme chosen in Settings: "light", "dark" or "system".
pub const THEME_KEY: &str = "pilotdeck/v1/theme";
/// When the user last exported plans to a file (RFC 3339).
pub const LAST_EXPORT_KEY: &str = "pilotdeck/v1/last-export";
/// Values that could not be read are moved under this, untouched.
pub const QUARANTINE_PREFIX: &str = "pilotdeck/v1/quarantine/";

pub fn plan_key(id: &PlanId) -> String {
    format!("{PLAN_PREFIX}{id}")
}

/// The plan id a key holds, if it is a plan key.
pub fn plan_id_of(key: &str) -> Option<PlanId> {
    key.strip_prefix(PLAN_PREFIX)
        .filter(|id| !id.is_empty())
        .map(|id| PlanId(id.to_string()))
}

pub fn shared_key(id: &PlanId) -> String {
    format!("{SHARED_PREFIX}{id}")
}

pub fn trash_key(id: &PlanId) -> String {
    format!("{TRASH_PREFIX}{id}")
}

/// The plan id a trash key holds, if it is one.
pub fn trash_id_of(key: &str) -> Option<PlanId> {
    key.strip_prefix(TRASH_PREFIX)
        .filter(|id| !id.is_empty())
        .map(|id| PlanId(id.to_string()))
}

/// Where an unreadable value at `key` is kept; `attempt` > 0 avoids an earlier quarantined copy.
pub fn quarantine_key(key: &str, attempt: u32) -> String {
    let name = key.strip_prefix(PREFIX).unwrap_or(key);
    if attempt == 0 {
        format!("{QUARANTINE_PREFIX}{name}")
    } else {
        format!("{QUARANTINE_PREFIX}{name}#{}", attempt + 1)
    }
}
