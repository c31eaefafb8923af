//! Pilotdeck: plan, launch and keep alive partner pilots, entirely in the browser.
//!
//! `domain` holds the product's rules, `exchange` the file format, `sync` a plan shared live
//! through Yjs, `storage` the only code that touches browser storage, and `ui` (browser builds
//! only) the Leptos screens.

pub mod domain;
pub mod exchange;
pub mod storage;
pub mod sync;
#[cfg(target_arch = "wasm32")]
pub mod ui;
