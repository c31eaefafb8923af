//! The theme chosen in Settings (light, dark, or following the system), kept in storage and
//! applied as a class on `<html>`, where the style sheet's light-dark() colours read it.

use crate::storage::view::{load_theme, save_theme, Theme};
use crate::storage::BrowserStore;
use leptos::prelude::*;

/// The theme in force, provided as context.
#[derive(Clone, Copy)]
pub struct ThemeChoice(pub RwSignal<Theme>);

impl ThemeChoice {
    /// Reads the kept theme and applies it (before the first frame, so nothing flashes).
    pub fn load() -> Self {
        let theme = BrowserStore::open()
            .map(|store| load_theme(&store))
            .unwrap_or_default();
        apply(theme);
        Self(RwSignal::new(theme))
    }

    /// Switches to `theme` and keeps it, unless storage is not this tab's to write.
    pub fn set(&self, theme: Theme, may_write: bool) {
        self.0.set(theme);
        apply(theme);
        if may_write {
            if let Ok(store) = BrowserStore::open() {
                let _ = save_theme(&store, theme);
            }
        }
    }
}

fn apply(theme: Theme) {
    if let Some(root) = document().document_element() {
        let classes = root.class_list();
        let _ = classes.toggle_with_force("theme-light", theme == Theme::Light);
        let _ = classes.toggle_with_force("theme-dark", theme == Theme::Dark);
    }
}
