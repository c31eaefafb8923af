//! The only code that touches browser storage: typed keys, load → validate → then save,
//! quarantine of values that cannot be read, saving only the plans that changed, and the
//! [`Workspace`] that holds one session's rules (trash, undo, import, other tabs) together.
//!
//! Everything here works against [`KeyValueStore`], so the rules are tested natively with
//! [`MemoryStore`]; [`BrowserStore`] is the thin localStorage adapter used in the browser.

pub mod autosave;
#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod keys;
pub mod load;
pub mod record;
pub mod shared;
pub mod store;
pub mod tabs;
pub mod view;
pub mod workspace;

pub use autosave::{Autosave, Flushed, Refused, Saved};
#[cfg(target_arch = "wasm32")]
pub use browser::BrowserStore;
pub use load::{load, Loaded, Quarantined};
pub use store::{KeyValueStore, MemoryStore, StorageError};
pub use workspace::{Opened, StorageReport, Workspace};
