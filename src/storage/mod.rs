//! The only code that touches browser storage: typed keys, load → validate → then save,
//! quarantine of values that cannot be read, and saving only the plans that changed.
//!
//! Everything here works against [`KeyValueStore`], so the rules are tested natively with
//! [`MemoryStore`]; [`BrowserStore`] is the thin localStorage adapter used in the browser.

pub mod autosave;
#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod keys;
pub mod load;
pub mod record;
pub mod store;
pub mod tabs;
pub mod view;

pub use autosave::{Autosave, Flushed, Refused, Saved};
#[cfg(target_arch = "wasm32")]
pub use browser::BrowserStore;
pub use load::{load, Loaded, Quarantined};
pub use store::{KeyValueStore, MemoryStore, StorageError};
