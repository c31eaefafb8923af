//! The sync engine behind one seam: a shared plan's document and protocol session as a trait
//! object, and the three ways to make one as plain functions. The browser reaches `yrs` only
//! through these, so a split build can leave the whole engine out of the module a first visit
//! downloads and load it when a plan is shared, joined or reopened (`ui/live.rs`).

use super::error::SyncError;
use super::protocol::{Peer, Received, Session};
use super::shared::SharedPlan;
use crate::domain::workshop::Session as Workshop;
use crate::domain::Plan;

/// One shared plan's document and its protocol session: what the connection asks of them.
pub trait Engine {
    /// A new connection starts the protocol afresh, from the document as it is.
    fn restart(&mut self);
    /// The messages that open a connection: the document's state vector and presence.
    fn start(&mut self) -> Vec<Vec<u8>>;
    /// Takes one message from the server.
    fn receive(&mut self, data: &[u8]) -> Result<Received, SyncError>;
    /// Whether this side has everything the server had when the connection opened.
    fn is_synced(&self) -> bool;
    /// Writes a local plan into the document: the update to send, if it changed anything.
    fn local_change(&mut self, plan: &Plan) -> Result<Option<Vec<u8>>, SyncError>;
    /// The plan the document holds, with `local`'s internal content put back.
    fn read_plan(&self, local: Option<&Plan>) -> Result<Plan, SyncError>;
    /// The document's state, to keep beside the plan.
    fn encode_state(&self) -> Vec<u8>;
    fn set_display_name(&mut self, name: &str) -> Vec<u8>;
    fn set_workshop(&mut self, session: Option<Workshop>) -> Vec<u8>;
    fn workshop(&self) -> Option<&Workshop>;
    /// Presence renewed, when it is due.
    fn presence(&mut self) -> Option<Vec<u8>>;
    /// The message that says this device has left.
    fn leave(&mut self) -> Vec<u8>;
    fn peers(&self) -> Vec<Peer>;
}

impl Engine for Session {
    fn restart(&mut self) {
        Session::restart(self)
    }
    fn start(&mut self) -> Vec<Vec<u8>> {
        Session::start(self)
    }
    fn receive(&mut self, data: &[u8]) -> Result<Received, SyncError> {
        Session::receive(self, data)
    }
    fn is_synced(&self) -> bool {
        Session::is_synced(self)
    }
    fn local_change(&mut self, plan: &Plan) -> Result<Option<Vec<u8>>, SyncError> {
        Session::local_change(self, plan)
    }
    fn read_plan(&self, local: Option<&Plan>) -> Result<Plan, SyncError> {
        self.shared().read_plan(local)
    }
    fn encode_state(&self) -> Vec<u8> {
        self.shared().encode_state()
    }
    fn set_display_name(&mut self, name: &str) -> Vec<u8> {
        Session::set_display_name(self, name)
    }
    fn set_workshop(&mut self, session: Option<Workshop>) -> Vec<u8> {
        Session::set_workshop(self, session)
    }
    fn workshop(&self) -> Option<&Workshop> {
        Session::workshop(self)
    }
    fn presence(&mut self) -> Option<Vec<u8>> {
        Session::presence(self)
    }
    fn leave(&mut self) -> Vec<u8> {
        Session::leave(self)
    }
    fn peers(&self) -> Vec<Peer> {
        Session::peers(self)
    }
}

/// An engine made, or why not.
pub type Made = Result<Box<dyn Engine>, SyncError>;

/// The ways to make an engine, as plain functions: what the engine's module hands over.
#[derive(Clone, Copy)]
pub struct Engines {
    /// A plan shared from this device: a new document filled from it.
    pub share: fn(&Plan) -> Made,
    /// A plan joined from a link: an empty document, filled by the server.
    pub join: fn() -> Box<dyn Engine>,
    /// A plan shared before: its document from the state kept beside it.
    pub resume: fn(&[u8]) -> Made,
}

impl Engines {
    /// The engine: `yrs` and the sync and awareness protocols of `protocol.rs`.
    pub fn yjs() -> Engines {
        Engines {
            share: |plan| {
                let shared = SharedPlan::new();
                shared.apply_plan(plan)?;
                Ok(Box::new(Session::new(shared)))
            },
            join: || Box::new(Session::new(SharedPlan::new())),
            resume: |state| Ok(Box::new(Session::new(SharedPlan::from_state(state)?))),
        }
    }
}
