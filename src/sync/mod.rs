//! Working on one plan together, live and offline, through Yjs: the plan as a Yjs document
//! (merged by `yrs`, no merge rules of our own), the standard sync and awareness protocols
//! without the socket, and the document's state to save with the plan.
//!
//! Partner-safe by construction: what is internal (our partner notes, log entries marked
//! internal) never enters the document, and a plan read back from it is checked like an import
//! before anyone sees it. Pure, so it is tested natively; the browser side owns the websocket.

pub mod engine;
pub mod error;
pub mod layout;
pub mod link;
pub mod protocol;
pub mod shared;
pub mod text;

pub use engine::{Engine, Engines};
pub use error::SyncError;
pub use protocol::{Peer, Received, Session};
pub use shared::{SharedPlan, MAX_UPDATE_BYTES};
