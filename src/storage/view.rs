//! What the app remembers besides plans: the portfolio's search, filters and order, the theme,
//! and when plans were last exported. Preferences, not data: a value that cannot be read counts
//! as none.

use super::keys::{LAST_EXPORT_KEY, THEME_KEY, VIEW_KEY};
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

/// The colours the app is drawn in: light, dark, or whatever the system says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    Light,
    Dark,
    #[default]
    System,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::System];

    pub fn label(self) -> &'static str {
        match self {
            Theme::Light => "Light",
            Theme::Dark => "Dark",
            Theme::System => "Follow the system",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::System => "system",
        }
    }
}

pub fn load_theme(store: &dyn KeyValueStore) -> Theme {
    let raw = store.get(THEME_KEY).ok().flatten();
    Theme::ALL
        .into_iter()
        .find(|theme| raw.as_deref() == Some(theme.key()))
        .unwrap_or_default()
}

pub fn save_theme(store: &dyn KeyValueStore, theme: Theme) -> Result<(), StorageError> {
    store.set(THEME_KEY, theme.key())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryStore;

    #[test]
    fn the_theme_is_kept_and_anything_unreadable_follows_the_system() {
        let store = MemoryStore::new();
        assert_eq!(load_theme(&store), Theme::System);
        for theme in Theme::ALL {
            save_theme(&store, theme).expect("saved");
            assert_eq!(load_theme(&store), theme);
        }
        store.set(THEME_KEY, "purple").expect("set");
        assert_eq!(load_theme(&store), Theme::System);
    }
}
