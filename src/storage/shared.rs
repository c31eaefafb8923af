//! Plans shared live, on this device: for each, the sync server and room it is shared through,
//! and the document's state (every change it holds, offline ones too), so a reload while
//! offline keeps what was typed and merges it on reconnecting. Kept beside the plan, not in it:
//! a file exported for a backup or a partner carries no room.

use super::keys::{shared_key, SHARED_PREFIX};
use super::store::{KeyValueStore, StorageError};
use crate::domain::PlanId;
use crate::sync::link::{LiveLink, Server};
use base64::engine::general_purpose::STANDARD_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};

/// How one plan is shared, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Share {
    pub plan: PlanId,
    pub link: LiveLink,
    /// The Yjs document's state (update format 1), empty before the first sync.
    pub state: Vec<u8>,
    /// Joined from someone else's link (rather than shared from here): such a device follows
    /// the facilitator's workshop by default.
    pub joined: bool,
    /// Changes made here that the server has not taken yet (offline ones), as the status line
    /// counts them.
    pub waiting: usize,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored {
    server: String,
    room: String,
    #[serde(default)]
    state: String,
    #[serde(default)]
    joined: bool,
    #[serde(default)]
    waiting: usize,
}

/// Every plan shared live from this device. A value that cannot be read is left out (and left
/// alone): the plan stays as an ordinary plan.
pub fn load_shares(store: &dyn KeyValueStore) -> Vec<Share> {
    let keys = store.keys().unwrap_or_default();
    keys.iter()
        .filter_map(|key| {
            let id = key
                .strip_prefix(SHARED_PREFIX)
                .filter(|id| !id.is_empty())?;
            let raw = store.get(key).ok().flatten()?;
            decode(&PlanId(id.to_string()), &raw)
        })
        .collect()
}

fn decode(plan: &PlanId, raw: &str) -> Option<Share> {
    let stored: Stored = serde_json::from_str(raw).ok()?;
    let link = LiveLink::parse(&format!("{}/{}", stored.server, stored.room)).ok()?;
    let state = STANDARD_NO_PAD.decode(stored.state).ok()?;
    Some(Share {
        plan: plan.clone(),
        link,
        state,
        joined: stored.joined,
        waiting: stored.waiting,
    })
}

/// Keeps how `share.plan` is shared, with its document's state.
pub fn save_share(store: &dyn KeyValueStore, share: &Share) -> Result<(), StorageError> {
    let stored = Stored {
        server: share.link.server.to_string(),
        room: share.link.room.clone(),
        state: STANDARD_NO_PAD.encode(&share.state),
        joined: share.joined,
        waiting: share.waiting,
    };
    let raw = serde_json::to_string(&stored).unwrap_or_default();
    store.set(&shared_key(&share.plan), &raw)
}

/// Forgets that a plan is shared (the plan itself stays, as an ordinary plan).
pub fn remove_share(store: &dyn KeyValueStore, plan: &PlanId) -> Result<(), StorageError> {
    store.remove(&shared_key(plan))
}

/// The sync server's address kept in Settings, if one was given and reads as one.
pub fn load_server(store: &dyn KeyValueStore) -> Option<Server> {
    let raw = store.get(super::keys::SYNC_SERVER_KEY).ok().flatten()?;
    Server::parse(&raw).ok()
}

pub fn save_server(store: &dyn KeyValueStore, server: &Server) -> Result<(), StorageError> {
    store.set(super::keys::SYNC_SERVER_KEY, server.as_str())
}

/// The name others see when they have a shared plan open at the same time.
pub fn load_display_name(store: &dyn KeyValueStore) -> String {
    store
        .get(super::keys::DISPLAY_NAME_KEY)
        .ok()
        .flatten()
        .unwrap_or_default()
}

pub fn save_display_name(store: &dyn KeyValueStore, name: &str) -> Result<(), StorageError> {
    store.set(super::keys::DISPLAY_NAME_KEY, name.trim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryStore;

    #[test]
    fn a_share_is_kept_with_its_state_and_forgotten_whole() {
        let store = MemoryStore::new();
        let link = LiveLink::new_room(Server::parse("wss://sync.example.org").unwrap());
        let share = Share {
            plan: PlanId("p1".into()),
            link,
            state: vec![1, 2, 3, 250],
            joined: true,
            waiting: 3,
        };
        save_share(&store, &share).expect("saved");
        assert_eq!(load_shares(&store), vec![share.clone()]);
        store
            .set(&shared_key(&PlanId("broken".into())), "{not json")
            .expect("set");
        assert_eq!(
            load_shares(&store),
            vec![share.clone()],
            "an unreadable one is left out"
        );
        remove_share(&store, &share.plan).expect("removed");
        assert_eq!(load_shares(&store), vec![]);
    }

    #[test]
    fn the_server_and_display_name_are_kept_as_settings() {
        let store = MemoryStore::new();
        assert_eq!(load_server(&store), None);
        let server = Server::parse("https://sync.example.org").unwrap();
        save_server(&store, &server).expect("saved");
        assert_eq!(load_server(&store), Some(server));
        save_display_name(&store, "  Maya Okafor ").expect("saved");
        assert_eq!(load_display_name(&store), "Maya Okafor");
    }
}
