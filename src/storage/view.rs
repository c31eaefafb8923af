//! What the app remembers besides plans: the portfolio's search, filters and order, and when
//! plans were last exported. Preferences, not data: a value that cannot be read counts as none.

use super::keys::{LAST_EXPORT_KEY, VIEW_KEY};
use super::record::one_byte_json;
use super::store::{KeyValueStore, StorageError};
use crate::domain::dates::parse_timestamp;
use crate::domain::overview::View;
use crate::exchange::json::{write_json, Layout};
use chrono::{DateTime, Utc};

pub fn load_last_export(store: &dyn KeyValueStore) -> Option<DateTime<Utc>> {
    store
        .get(LAST_EXPORT_KEY)
        .ok()
        .flatten()
        .and_then(|raw| parse_timestamp(&raw))
}

pub fn save_last_export(store: &dyn KeyValueStore, at: DateTime<Utc>) -> Result<(), StorageError> {
    store.set(
        LAST_EXPORT_KEY,
        &at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    )
}

pub fn load_view(store: &dyn KeyValueStore) -> View {
    store
        .get(VIEW_KEY)
        .ok()
        .flatten()
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default()
}

pub fn save_view(store: &dyn KeyValueStore, view: &View) -> Result<(), StorageError> {
    let raw = one_byte_json(write_json(view, Layout::Compact));
    store.set(VIEW_KEY, &raw)
}
