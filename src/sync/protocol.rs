//! The standard Yjs sync and awareness protocols (y-protocols, as `yrs::sync` implements them),
//! for one shared plan, without the socket: a websocket client feeds in each binary message it
//! receives and sends each message this returns, one message per websocket frame, as
//! y-websocket does.
//!
//! The client starts with [`Session::start`]; the server answers with its state vector and
//! what the client lacks, and asks for what it lacks in turn. Afterwards every local change is
//! one update message ([`Session::local_change`]). Awareness carries who else has the plan
//! open: a display name, under `user.name` as other Yjs tools write it, and, while a device runs
//! the plan's workshop, its slide and timer under `workshop`, for the others to follow.

use super::error::SyncError;
use super::shared::{SharedPlan, MAX_UPDATE_BYTES};
use crate::domain::limits::MAX_NAME_CHARS;
use crate::domain::workshop::Session as Workshop;
use crate::domain::Plan;
use crate::exchange::json::{read_json, write_json, Layout};
use serde::Serialize;
use serde_json::Value;
use yrs::encoding::read::Cursor;
use yrs::sync::{Awareness, AwarenessUpdate, Message, MessageReader, SyncMessage};
use yrs::updates::decoder::DecoderV1;
use yrs::updates::encoder::Encode;

/// The largest message read: one update at its largest, and room for the framing and presence.
pub const MAX_MESSAGE_BYTES: usize = MAX_UPDATE_BYTES + 64 * 1024;
/// How long a peer's presence lasts without being renewed (as in y-protocols), in milliseconds.
pub const PRESENCE_TIMEOUT_MS: u64 = 30_000;
/// How often to renew this device's presence with [`Session::presence`], in milliseconds.
pub const PRESENCE_RENEW_MS: u64 = 15_000;

/// What handling a received message did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Received {
    /// Messages to send back, each as its own frame.
    pub replies: Vec<Vec<u8>>,
    /// The plan changed: read it again with [`SharedPlan::read_plan`].
    pub plan_changed: bool,
    /// Someone arrived, left or changed their name: ask [`Session::peers`] again.
    pub peers_changed: bool,
}

/// Someone else who has the plan open.
#[derive(Debug, Clone, PartialEq)]
pub struct Peer {
    pub client_id: u64,
    /// Their display name, trimmed and cut to a name's length; empty when they gave none.
    pub name: String,
    /// The workshop they are running on this plan, on this device's clock (see
    /// [`Workshop::rebased`]): slide, timeboxes and countdown.
    pub workshop: Option<Workshop>,
}

/// One connection's view of a shared plan: the document and who else is there.
pub struct Session {
    shared: SharedPlan,
    awareness: Awareness,
    synced: bool,
    /// What this device tells the others about itself.
    name: String,
    workshop: Option<Workshop>,
}

/// This device's presence as others read it.
#[derive(Serialize)]
struct LocalState<'a> {
    user: User<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    workshop: Option<Presenting<'a>>,
}

#[derive(Serialize)]
struct User<'a> {
    name: &'a str,
}

/// A workshop being run, with the sender's clock when it was sent.
#[derive(Serialize)]
struct Presenting<'a> {
    session: &'a Workshop,
    sent_at: f64,
}

/// Milliseconds since 1970, for presence: the browser's clock in a browser build.
fn now_ms() -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now() as u64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.as_millis() as u64)
    }
}

fn encode(message: Message) -> Vec<u8> {
    message.encode_v1()
}

impl Session {
    pub fn new(shared: SharedPlan) -> Self {
        // `Awareness::new` has no clock in a browser build: the clock is given.
        let awareness = Awareness::with_clock(shared.doc().clone(), now_ms);
        Self {
            shared,
            awareness,
            synced: false,
            name: String::new(),
            workshop: None,
        }
    }

    /// Starts the protocol afresh on a new connection: the other side is not in step with
    /// this document until it answers [`Session::start`] again.
    pub fn restart(&mut self) {
        self.synced = false;
    }

    pub fn shared(&self) -> &SharedPlan {
        &self.shared
    }

    pub fn into_shared(self) -> SharedPlan {
        self.shared
    }

    /// Whether the other side has sent everything it had (its answer to [`Session::start`]).
    /// A device joining a plan writes nothing before this: see [`SharedPlan`].
    pub fn is_synced(&self) -> bool {
        self.synced
    }

    /// The messages that open a connection: this document's state vector (the other side
    /// answers with what it lacks), and this device's presence.
    pub fn start(&mut self) -> Vec<Vec<u8>> {
        let state = self.shared.state_vector();
        let mut messages = vec![encode(Message::Sync(SyncMessage::SyncStep1(state)))];
        messages.extend(self.presence());
        messages
    }

    /// Handles one received binary message (it may hold several protocol messages). A message
    /// that cannot be read, or an update that is too large or damaged, is refused as a whole
    /// and changes nothing.
    pub fn receive(&mut self, data: &[u8]) -> Result<Received, SyncError> {
        if data.len() > MAX_MESSAGE_BYTES {
            return Err(SyncError::TooLarge {
                bytes: data.len(),
                max: MAX_MESSAGE_BYTES,
            });
        }
        let messages = read_messages(data)?;
        let mut received = Received::default();
        let mut updates: Vec<Vec<u8>> = Vec::new();
        let mut presences: Vec<AwarenessUpdate> = Vec::new();
        let mut synced = false;
        for message in messages {
            match message {
                Message::Sync(SyncMessage::SyncStep1(seen)) => {
                    let missing = self.shared.changes_since(&seen);
                    received
                        .replies
                        .push(encode(Message::Sync(SyncMessage::SyncStep2(missing))));
                }
                Message::Sync(SyncMessage::SyncStep2(update)) => {
                    updates.push(update);
                    synced = true;
                }
                Message::Sync(SyncMessage::Update(update)) => updates.push(update),
                Message::Awareness(update) => presences.push(update),
                Message::AwarenessQuery => received.replies.extend(self.everyone()),
                Message::Auth(Some(reason)) => return Err(SyncError::PermissionDenied(reason)),
                // Permission granted, or a message of an extension this client does not use.
                Message::Auth(None) | Message::Custom(..) => {}
            }
        }
        let updates: Vec<&[u8]> = updates.iter().map(Vec::as_slice).collect();
        received.plan_changed = self.shared.apply_updates(&updates)?;
        for presence in presences {
            let summary = self
                .awareness
                .apply_update_summary(presence)
                .map_err(|error| SyncError::Malformed(error.to_string()))?;
            received.peers_changed |= summary.is_some();
        }
        self.synced |= synced;
        Ok(received)
    }

    /// Brings the document to `plan` (see [`SharedPlan::apply_plan`]) and returns the update
    /// message to send, or `None` when nothing changed.
    pub fn local_change(&mut self, plan: &Plan) -> Result<Option<Vec<u8>>, SyncError> {
        Ok(self
            .shared
            .apply_plan(plan)?
            .map(|update| encode(Message::Sync(SyncMessage::Update(update)))))
    }

    /// Sets the name others see, and returns the message that tells them.
    pub fn set_display_name(&mut self, name: &str) -> Vec<u8> {
        self.name = clean_name(name);
        self.presence().unwrap_or_default()
    }

    /// Says that this device runs the plan's workshop at `session` (or no longer does), and
    /// returns the message that tells the others.
    pub fn set_workshop(&mut self, session: Option<Workshop>) -> Vec<u8> {
        self.workshop = session;
        self.presence().unwrap_or_default()
    }

    /// The workshop this device says it runs.
    pub fn workshop(&self) -> Option<&Workshop> {
        self.workshop.as_ref()
    }

    /// This device's presence, to send again every [`PRESENCE_RENEW_MS`] so others keep it.
    /// Written afresh each time, with the clock it is sent at.
    pub fn presence(&mut self) -> Option<Vec<u8>> {
        let state = LocalState {
            user: User { name: &self.name },
            workshop: self.workshop.as_ref().map(|session| Presenting {
                session,
                sent_at: now_ms() as f64,
            }),
        };
        self.awareness
            .set_local_state_raw(write_json(&state, Layout::Compact));
        let own = self.awareness.client_id();
        let update = self.awareness.update_with_clients([own]).ok()?;
        Some(encode(Message::Awareness(update)))
    }

    /// The message that tells the others this device has left.
    pub fn leave(&mut self) -> Vec<u8> {
        self.awareness.clean_local_state();
        let own = self.awareness.client_id();
        match self.awareness.update_with_clients([own]) {
            Ok(update) => encode(Message::Awareness(update)),
            Err(_) => Vec::new(),
        }
    }

    /// Everyone else who has the plan open and was heard from lately, by client id.
    pub fn peers(&self) -> Vec<Peer> {
        let own = self.awareness.client_id();
        let now = now_ms();
        let mut peers: Vec<Peer> = Vec::new();
        for (client, state) in self.awareness.iter() {
            if client == own || now.saturating_sub(state.last_updated) > PRESENCE_TIMEOUT_MS {
                continue;
            }
            let received_at = state.last_updated as f64;
            let Some(json) = state.data else { continue };
            let state: Option<Value> = read_json(&json).ok();
            let name = state
                .as_ref()
                .and_then(|state| state.pointer("/user/name"))
                .and_then(Value::as_str)
                .map(clean_name)
                .unwrap_or_default();
            let workshop = state
                .as_ref()
                .and_then(|state| read_workshop(state, received_at));
            // In order of name, then of client id, by insertion: a handful of people, and no
            // sort in the bundle for it.
            let at = peers.partition_point(|peer| {
                (peer.name.as_str(), peer.client_id) < (name.as_str(), client.get())
            });
            peers.insert(
                at,
                Peer {
                    client_id: client.get(),
                    name,
                    workshop,
                },
            );
        }
        peers
    }

    /// Every presence this side knows, in answer to a query.
    fn everyone(&self) -> Option<Vec<u8>> {
        let update = self.awareness.update().ok()?;
        Some(encode(Message::Awareness(update)))
    }
}

/// The workshop a peer runs, from their presence received at `received_at` (this device's
/// clock); nothing unless it is a session this deck can show.
fn read_workshop(state: &Value, received_at: f64) -> Option<Workshop> {
    let presenting = state.get("workshop")?;
    let sent_at = presenting.get("sent_at")?.as_f64()?;
    let session: Workshop = serde_json::from_value(presenting.get("session")?.clone()).ok()?;
    let session = session.rebased(received_at - sent_at);
    session.is_valid().then_some(session)
}

fn clean_name(name: &str) -> String {
    name.trim().chars().take(MAX_NAME_CHARS).collect()
}

/// Every protocol message in `data`; refused unless they make up all of it.
fn read_messages(data: &[u8]) -> Result<Vec<Message>, SyncError> {
    let mut decoder = DecoderV1::new(Cursor::new(data));
    let messages = MessageReader::new(&mut decoder)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|error| SyncError::Malformed(error.to_string()))?;
    // The reader stops quietly at a message cut short; what it read must be the whole message.
    let read: usize = messages
        .iter()
        .map(|message| message.encode_v1().len())
        .sum();
    if read != data.len() || messages.is_empty() {
        return Err(SyncError::Malformed(format!(
            "{} of its {} bytes are messages",
            read,
            data.len()
        )));
    }
    Ok(messages)
}
