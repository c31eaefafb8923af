//! The portfolio's search, filters and order, kept across reloads. A preference, not data: a
//! value that cannot be read is simply replaced by the default view.

use super::keys::VIEW_KEY;
use super::store::{KeyValueStore, StorageError};
use crate::domain::overview::View;

pub fn load_view(store: &dyn KeyValueStore) -> View {
    store
        .get(VIEW_KEY)
        .ok()
        .flatten()
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default()
}

pub fn save_view(store: &dyn KeyValueStore, view: &View) -> Result<(), StorageError> {
    let raw = serde_json::to_string(view).unwrap_or_default();
    store.set(VIEW_KEY, &raw)
}
