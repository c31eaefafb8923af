//! Plans shared live: one WebSocket per shared plan to the sync server it is shared through,
//! speaking the standard Yjs protocols (`crate::sync`). Local edits become document updates as
//! they are typed; the others' updates are merged by Yjs, read back, checked like an import and
//! handed to the workspace. Offline, edits go into the document only, which is kept with the
//! plan, and merge when the connection comes back. A status is always shown: synced, offline
//! with the changes waiting, or the server that cannot be reached.

use crate::domain::workshop::Session as WorkshopSession;
use crate::domain::{Plan, PlanId};
use crate::storage::shared::{load_display_name, load_shares, remove_share, save_share, Share};
use crate::storage::BrowserStore;
use crate::sync::link::{policy_allows, LiveLink, Server};
use crate::sync::protocol::PRESENCE_RENEW_MS;
use crate::sync::{Engine, Engines, Peer, SyncError};
use crate::ui::screens::{poll_now, Unavailable};
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::task::Poll;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{BinaryType, MessageEvent, WebSocket};

/// How long to wait before trying a lost connection again, growing up to the last.
const RETRY_SECONDS: [u64; 5] = [1, 2, 4, 8, 15];
/// How soon after a change the document's state is kept with the plan.
const KEEP_STATE_AFTER: Duration = Duration::from_millis(500);

/// Where one shared plan's connection stands, as its status line says it.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    Connecting,
    /// Connected, and every change is on both sides.
    Synced,
    /// No network: changes wait on this device.
    Offline {
        waiting: usize,
    },
    /// The network is there, but the server is not answering.
    Unreachable {
        server: String,
        waiting: usize,
    },
    /// A change from another device was refused, or the merged plan breaks a rule; the last
    /// sound version stays.
    Refused(String),
}

impl Status {
    pub fn text(&self) -> String {
        let waiting = |n: usize| match n {
            0 => String::new(),
            1 => " — 1 change waiting".to_string(),
            n => format!(" — {n} changes waiting"),
        };
        match self {
            Status::Connecting => "Connecting…".to_string(),
            Status::Synced => "Synced".to_string(),
            Status::Offline { waiting: n } => format!("Offline{}", waiting(*n)),
            Status::Unreachable { server, waiting: n } => {
                format!("Can't reach the sync server at {server}{}", waiting(*n))
            }
            Status::Refused(why) => why.clone(),
        }
    }
}

/// Who else has a shared plan open, in words: "Here now: Sam Reyes, Ana Lima".
fn here_now(peers: &[Peer]) -> String {
    if peers.is_empty() {
        return "Nobody else has it open right now.".to_string();
    }
    let names: Vec<&str> = peers
        .iter()
        .map(|p| {
            if p.name.is_empty() {
                "someone without a name"
            } else {
                p.name.as_str()
            }
        })
        .collect();
    format!("Here now: {}", names.join(", "))
}

/// Whether this page may open a connection to `server`, as its Content-Security-Policy says;
/// if not, a sentence saying which servers it may reach and how that is changed.
pub fn reachable(server: &Server) -> Result<(), String> {
    let policy = document()
        .query_selector(r#"meta[http-equiv="Content-Security-Policy"]"#)
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_default();
    let origin = window().location().origin().unwrap_or_default();
    policy_allows(&policy, &origin, server).map_err(|listed| {
        let how = "Whoever hosts Pilotdeck names the sync servers when building it (PILOTDECK_SYNC_SERVERS, in the README's “Working together”).";
        if listed.is_empty() {
            format!("This copy of Pilotdeck may not reach any sync server, so not {}. {how}", server.origin())
        } else {
            format!(
                "This copy of Pilotdeck may reach only {}, not {}. {how}",
                listed.join(" and "),
                server.origin()
            )
        }
    })
}

/// How a connection starts.
#[derive(Default)]
struct Opening {
    /// The plan is not on this device until the server has sent it.
    joining: bool,
    /// Joined from someone else's link.
    joined: bool,
    /// Changes kept from before that the server has not taken yet.
    waiting: usize,
}

/// A socket's event handlers, kept as long as the socket is.
struct Handlers {
    _open: Closure<dyn FnMut()>,
    _message: Closure<dyn FnMut(MessageEvent)>,
    _close: Closure<dyn FnMut()>,
}

/// One shared plan's connection and document.
struct Conn {
    plan: PlanId,
    link: LiveLink,
    session: Box<dyn Engine>,
    socket: Option<WebSocket>,
    handlers: Option<Handlers>,
    /// The plan as last written to or read from the document: what needs no update.
    known: Option<Plan>,
    /// Local changes made since the last time both sides were in step.
    waiting: usize,
    attempt: usize,
    /// Joining: the plan is not on this device until the server has sent it.
    joining: bool,
    /// Joined from someone else's link, not shared from here.
    joined: bool,
    keep_timer: Option<TimeoutHandle>,
}

/// The live connections, provided as context.
#[derive(Clone, Copy)]
pub struct Live {
    state: AppState,
    conns: StoredValue<Vec<Conn>, LocalStorage>,
    /// Each shared plan's status.
    pub statuses: RwSignal<Vec<(PlanId, Status)>>,
    /// Who else has each shared plan open.
    pub peers: RwSignal<Vec<(PlanId, Vec<Peer>)>>,
    /// Rooms joined from a link, and the plan each turned out to be once it arrived.
    pub joined: RwSignal<Vec<(String, PlanId)>>,
    /// The sync engine, once its module is here.
    engines: StoredValue<Option<Engines>>,
}

/// What a plan's status says when the sync engine's module could not be fetched.
const ENGINE_UNAVAILABLE: &str = "The live-sharing part of Pilotdeck could not be loaded: this \
    device has not kept it yet, and the server did not answer. Reload once you are online.";

/// The sync engine (`yrs` and the protocols), in a module of its own in a split build, fetched
/// when a plan is shared, joined or reopened, or in idle time (src/ui/screens.rs says how).
#[cfg(pilotdeck_split)]
#[leptos::wasm_split::wasm_split(pilotdeck_sync, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn engines() -> Result<Engines, Unavailable> {
    Ok(Engines::yjs())
}

/// The sync engine: in the one module of a build that is not split, ready at once.
#[cfg(not(pilotdeck_split))]
pub async fn engines() -> Result<Engines, Unavailable> {
    Ok(Engines::yjs())
}

impl Live {
    /// Opens every plan this device shares, and follows local edits into their documents.
    pub fn start(state: AppState) -> Self {
        let live = Self {
            state,
            conns: StoredValue::new_local(Vec::new()),
            statuses: RwSignal::new(Vec::new()),
            peers: RwSignal::new(Vec::new()),
            joined: RwSignal::new(Vec::new()),
            engines: StoredValue::new(None),
        };
        let shares = BrowserStore::open()
            .map(|store| load_shares(&store))
            .unwrap_or_default();
        let ids: Vec<PlanId> = shares.iter().map(|share| share.plan.clone()).collect();
        // A device that shares nothing leaves the engine to the idle moment after the first
        // screen (src/ui/screens.rs), or to the first share.
        if !ids.is_empty() {
            live.with_engines(ids, move |engines| {
                for share in shares {
                    // A share whose plan is gone (deleted for good elsewhere) is left to Stop sharing.
                    match (engines.resume)(&share.state) {
                        Ok(engine) => live.open(
                            share.plan,
                            share.link,
                            engine,
                            Opening {
                                joining: false,
                                joined: share.joined,
                                waiting: share.waiting,
                            },
                        ),
                        Err(error) => {
                            live.set_status(&share.plan, Status::Refused(error.to_string()))
                        }
                    }
                }
            });
        }
        // Every edit here goes into its document as it is typed.
        Effect::new(move |_| {
            let ids: Vec<PlanId> = live
                .conns
                .with_value(|c| c.iter().map(|c| c.plan.clone()).collect());
            state.portfolio.with(|portfolio| {
                for id in ids {
                    if let Some(plan) = portfolio.get(&id) {
                        live.local_change(plan);
                    }
                }
            });
        });
        let renew = set_interval_with_handle(
            move || live.renew_presence(),
            Duration::from_millis(PRESENCE_RENEW_MS),
        )
        .ok();
        let online = window_event_listener_untyped("online", move |_| live.reconnect_all());
        // The browser says the network is gone: a socket it has not closed yet is not trusted
        // (nothing would arrive through it), so edits wait here until it comes back.
        let offline = window_event_listener_untyped("offline", move |_| live.disconnect_all());
        // Leaving or reloading the page keeps every document's state as it is now.
        let hidden = window_event_listener_untyped("pagehide", move |_| live.keep_all_now());
        on_cleanup(move || {
            if let Some(renew) = renew {
                renew.clear();
            }
            online.remove();
            offline.remove();
            hidden.remove();
        });
        live
    }

    pub fn is_shared(&self, id: &PlanId) -> bool {
        self.statuses.with(|s| s.iter().any(|(p, _)| p == id))
    }

    pub fn status(&self, id: &PlanId) -> Option<Status> {
        self.statuses
            .with(|s| s.iter().find(|(p, _)| p == id).map(|(_, s)| s.clone()))
    }

    /// The status line of a shared plan, empty for one that is not shared.
    pub fn status_text(&self, id: &PlanId) -> String {
        self.status(id).map(|s| s.text()).unwrap_or_default()
    }

    /// Who else has a shared plan open, in words.
    pub fn here_text(&self, id: &PlanId) -> String {
        here_now(&self.peers_of(id))
    }

    pub fn peers_of(&self, id: &PlanId) -> Vec<Peer> {
        self.peers.with(|p| {
            p.iter()
                .find(|(plan, _)| plan == id)
                .map(|(_, peers)| peers.clone())
                .unwrap_or_default()
        })
    }

    /// Whether this device joined the plan from someone else's link.
    pub fn joined_here(&self, id: &PlanId) -> bool {
        // The connections are not reactive; the statuses change whenever one opens.
        self.statuses.track();
        self.conns
            .with_value(|c| c.iter().any(|c| &c.plan == id && c.joined))
    }

    /// The link of a plan shared from this device.
    pub fn link(&self, id: &PlanId) -> Option<LiveLink> {
        self.statuses.track();
        self.conns
            .with_value(|c| c.iter().find(|c| &c.plan == id).map(|c| c.link.clone()))
    }

    /// Shares `plan` live in a new room on the link's server: its document is filled from the
    /// plan (without what is internal), kept, and sent once the server answers.
    /// An error of the plan's comes back at once when the engine is here (as it is once the
    /// first idle moment has passed), else in the plan's status once it has arrived.
    pub fn share(&self, plan: &Plan, link: LiveLink) -> Result<(), SyncError> {
        if let Some(engines) = self.engines.get_value() {
            let engine = (engines.share)(plan)?;
            self.open(plan.id.clone(), link, engine, Opening::default());
            self.keep_state(&plan.id);
            return Ok(());
        }
        let live = *self;
        let id = plan.id.clone();
        self.set_status(&id, Status::Connecting);
        self.with_engines(vec![id.clone()], move |_| {
            // The plan as it is now: edits made while the engine was on its way are shared too.
            match live.state.plan(&id).map(|plan| live.share(&plan, link)) {
                Some(Ok(())) => {}
                Some(Err(error)) => live.set_status(&id, Status::Refused(error.to_string())),
                // Deleted meanwhile: nothing to share.
                None => live.stop(&id),
            }
        });
        Ok(())
    }

    /// Runs `then` with the sync engine: at once when its module is here, else once it has
    /// arrived; when it cannot be fetched, each plan of `ids` says so.
    fn with_engines(&self, ids: Vec<PlanId>, then: impl FnOnce(Engines) + 'static) {
        if let Some(engines) = self.engines.get_value() {
            return then(engines);
        }
        let live = *self;
        let refused = move |ids: Vec<PlanId>| {
            for id in ids {
                live.set_status(&id, Status::Refused(ENGINE_UNAVAILABLE.into()));
            }
        };
        let mut load = Box::pin(engines());
        match poll_now(&mut load) {
            Poll::Ready(Ok(engines)) => {
                self.engines.set_value(Some(engines));
                then(engines)
            }
            Poll::Ready(Err(Unavailable)) => refused(ids),
            Poll::Pending => leptos::task::spawn_local(async move {
                match load.await {
                    Ok(engines) => {
                        if live.engines.try_set_value(Some(engines)).is_none() {
                            then(engines)
                        }
                    }
                    Err(Unavailable) => refused(ids),
                }
            }),
        }
    }

    /// Joins the plan shared at `link`: it joins the portfolio once the server has sent it, and
    /// [`Live::joined`] then names it. A room this device is in already is not joined twice.
    pub fn join(&self, link: LiveLink) -> PlanId {
        let here = self.conns.with_value(|c| {
            c.iter()
                .find(|c| c.link.room == link.room)
                .map(|c| (c.plan.clone(), c.joining))
        });
        match here {
            Some((plan, false)) => {
                self.joined
                    .update(|j| j.push((link.room.clone(), plan.clone())));
                plan
            }
            Some((plan, true)) => plan,
            None => {
                let id = PlanId(format!("joining-{}", link.room));
                let joining = Opening {
                    joining: true,
                    joined: true,
                    waiting: 0,
                };
                let live = *self;
                let opened = id.clone();
                self.set_status(&id, Status::Connecting);
                self.with_engines(vec![id.clone()], move |engines| {
                    live.open(opened, link, (engines.join)(), joining)
                });
                id
            }
        }
    }

    /// The plan a connection to `room` is filed under now.
    fn plan_in(&self, room: &str) -> Option<PlanId> {
        self.conns
            .try_with_value(|c| {
                c.iter()
                    .find(|c| c.link.room == room)
                    .map(|c| c.plan.clone())
            })
            .flatten()
    }

    /// The room of a joining connection filed under `id`.
    fn joining_room(&self, id: &PlanId) -> Option<String> {
        self.conns.with_value(|c| {
            c.iter()
                .find(|c| &c.plan == id && c.joining)
                .map(|c| c.link.room.clone())
        })
    }

    /// Stops sharing a plan on this device: the others are told, the connection closes, and
    /// the plan stays here as an ordinary plan.
    pub fn stop(&self, id: &PlanId) {
        self.conns.update_value(|conns| {
            if let Some(at) = conns.iter().position(|c| &c.plan == id) {
                let mut conn = conns.remove(at);
                let leave = conn.session.leave();
                if let Some(socket) = conn.socket.take() {
                    let _ = socket.send_with_u8_array(&leave);
                    close(&socket);
                }
                if let Some(timer) = conn.keep_timer.take() {
                    timer.clear();
                }
            }
        });
        if let Ok(store) = BrowserStore::open() {
            let _ = remove_share(&store, id);
        }
        self.statuses.update(|s| s.retain(|(p, _)| p != id));
        self.peers.update(|p| p.retain(|(plan, _)| plan != id));
    }

    fn open(&self, plan: PlanId, link: LiveLink, engine: Box<dyn Engine>, opening: Opening) {
        let Opening {
            joining,
            joined,
            waiting,
        } = opening;
        self.state.mark_shared(&plan);
        let known = if joining {
            None
        } else {
            self.state.plan(&plan)
        };
        self.conns.update_value(|conns| {
            conns.push(Conn {
                plan: plan.clone(),
                link,
                session: engine,
                socket: None,
                handlers: None,
                known,
                waiting,
                attempt: 0,
                joining,
                joined,
                keep_timer: None,
            })
        });
        // Said even when it said so already (a share that waited for the engine), so that what
        // reads the connections (the link, how it was joined) reads them again.
        self.statuses
            .update(|s| match s.iter_mut().find(|(p, _)| *p == plan) {
                Some(slot) => slot.1 = Status::Connecting,
                None => s.push((plan.clone(), Status::Connecting)),
            });
        self.connect(&plan);
    }

    fn set_status(&self, id: &PlanId, status: Status) {
        let same = self
            .statuses
            .with_untracked(|s| s.iter().any(|(p, now)| p == id && *now == status));
        if same {
            return;
        }
        self.statuses
            .update(|s| match s.iter_mut().find(|(p, _)| p == id) {
                Some(slot) => slot.1 = status,
                None => s.push((id.clone(), status)),
            });
    }

    fn connect(&self, id: &PlanId) {
        if !window().navigator().on_line() {
            self.lost(id, false);
            return;
        }
        let Some((url, room)) = self.conns.with_value(|c| {
            c.iter()
                .find(|c| &c.plan == id)
                .map(|c| (c.link.socket_url(), c.link.room.clone()))
        }) else {
            return;
        };
        let socket = match WebSocket::new(&url) {
            Ok(socket) => socket,
            Err(_) => {
                self.lost(id, false);
                return;
            }
        };
        socket.set_binary_type(BinaryType::Arraybuffer);
        let live = *self;
        // The handlers find their connection by its room: a joined plan's connection is filed
        // under a new id once the plan has arrived.
        let on_open = Closure::<dyn FnMut()>::new({
            let room = room.clone();
            move || {
                if let Some(plan) = live.plan_in(&room) {
                    live.opened(&plan)
                }
            }
        });
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new({
            let room = room.clone();
            move |event: MessageEvent| {
                if let (Ok(buffer), Some(plan)) = (
                    event.data().dyn_into::<js_sys::ArrayBuffer>(),
                    live.plan_in(&room),
                ) {
                    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                    live.received(&plan, &bytes);
                }
            }
        });
        let on_close = Closure::<dyn FnMut()>::new(move || {
            if let Some(plan) = live.plan_in(&room) {
                live.lost(&plan, true)
            }
        });
        socket.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        socket.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        socket.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        self.conns.update_value(|conns| {
            if let Some(conn) = conns.iter_mut().find(|c| &c.plan == id) {
                if let Some(old) = conn.socket.replace(socket) {
                    close(&old);
                }
                // The old socket's handlers are unset: they may go.
                conn.handlers = Some(Handlers {
                    _open: on_open,
                    _message: on_message,
                    _close: on_close,
                });
            }
        });
    }

    fn opened(&self, id: &PlanId) {
        let name = BrowserStore::open()
            .map(|store| load_display_name(&store))
            .unwrap_or_default();
        self.conns.update_value(|conns| {
            if let Some(conn) = conns.iter_mut().find(|c| &c.plan == id) {
                conn.attempt = 0;
                // A new connection starts the protocol afresh, from the document as it is.
                conn.session.restart();
                // The name goes out with the presence `start` sends.
                conn.session.set_display_name(&name);
                let messages = conn.session.start();
                if let Some(socket) = &conn.socket {
                    for message in messages {
                        let _ = socket.send_with_u8_array(&message);
                    }
                }
            }
        });
    }

    fn received(&self, id: &PlanId, bytes: &[u8]) {
        let mut outcome = None;
        let mut caught_up = false;
        self.conns.update_value(|conns| {
            let Some(conn) = conns.iter_mut().find(|c| &c.plan == id) else {
                return;
            };
            // Edits typed since the last update go into the document before the others' do.
            if !conn.joining {
                if let Some(plan) = self.state.plan(id) {
                    send_local(conn, &plan);
                }
            }
            match conn.session.receive(bytes) {
                Ok(received) => {
                    if let Some(socket) = &conn.socket {
                        for reply in &received.replies {
                            let _ = socket.send_with_u8_array(reply);
                        }
                    }
                    let synced = conn.session.is_synced();
                    if synced && conn.waiting > 0 {
                        conn.waiting = 0;
                        caught_up = true;
                    }
                    let read = (received.plan_changed || (conn.joining && synced)).then(|| {
                        let shared = &conn.session;
                        match shared.read_plan(self.state.plan(id).as_ref()) {
                            // Joining a plan this device has: what it keeps to itself stays.
                            Ok(plan) if conn.joining => match self.state.plan(&plan.id) {
                                Some(local) => shared.read_plan(Some(&local)),
                                None => Ok(plan),
                            },
                            other => other,
                        }
                    });
                    outcome = Some((synced, read, received.peers_changed, conn.session.peers()));
                }
                Err(error) => outcome = Some((false, Some(Err(error)), false, Vec::new())),
            }
        });
        let Some((synced, read, peers_changed, peers)) = outcome else {
            return;
        };
        if caught_up {
            // Nothing waits any more: kept so, for a reload.
            self.keep_state(id);
        }
        if peers_changed {
            self.peers
                .update(|p| match p.iter_mut().find(|(plan, _)| plan == id) {
                    Some(slot) => slot.1 = peers,
                    None => p.push((id.clone(), peers)),
                });
        }
        match read {
            Some(Ok(plan)) => self.take(id, plan),
            Some(Err(SyncError::Empty)) if synced => {
                self.set_status(id, Status::Refused("The shared plan holds nothing: ask for the link again, or share the plan anew.".into()));
                return;
            }
            Some(Err(error)) => {
                self.set_status(
                    id,
                    Status::Refused(format!(
                        "Not taken from the shared plan, which keeps its last sound version here: {error}"
                    )),
                );
                return;
            }
            None => {}
        }
        if synced {
            self.set_status(id, Status::Synced);
        }
    }

    /// Takes the plan the document now holds.
    fn take(&self, id: &PlanId, plan: Plan) {
        let room = self.joining_room(id);
        let joined = room.is_some();
        let real = plan.id.clone();
        if joined && &real != id {
            // The plan's own id is known now: the connection is filed under it.
            self.conns.update_value(|conns| {
                if let Some(conn) = conns.iter_mut().find(|c| &c.plan == id) {
                    conn.plan = real.clone();
                }
            });
            self.statuses.update(|s| s.retain(|(p, _)| p != id));
            // Whoever was heard from while the plan was on its way is here on the plan too.
            self.peers.update(|p| {
                for (plan, _) in p.iter_mut().filter(|(plan, _)| plan == id) {
                    *plan = real.clone();
                }
            });
            self.state.mark_shared(&real);
        }
        self.conns.update_value(|conns| {
            if let Some(conn) = conns.iter_mut().find(|c| c.plan == real) {
                conn.known = Some(plan.clone());
                conn.joining = false;
            }
        });
        self.state.apply_shared(plan);
        self.set_status(&real, Status::Synced);
        self.keep_state(&real);
        if let Some(room) = room {
            self.joined.update(|j| j.push((room, real)));
        }
    }

    fn local_change(&self, plan: &Plan) {
        let mut changed = false;
        self.conns.update_value(|conns| {
            if let Some(conn) = conns.iter_mut().find(|c| c.plan == plan.id && !c.joining) {
                changed = send_local(conn, plan);
            }
        });
        if changed {
            let waiting = self.conns.with_value(|c| {
                c.iter()
                    .find(|c| c.plan == plan.id)
                    .filter(|c| {
                        c.socket
                            .as_ref()
                            .is_none_or(|s| s.ready_state() != WebSocket::OPEN)
                    })
                    .map(|c| c.waiting)
            });
            if let Some(waiting) = waiting {
                let status = match self.status(&plan.id) {
                    Some(Status::Unreachable { server, .. }) => {
                        Status::Unreachable { server, waiting }
                    }
                    _ => Status::Offline { waiting },
                };
                self.set_status(&plan.id, status);
            }
            self.keep_state(&plan.id);
        }
    }

    /// The connection went (or could not be made): say so, and try again a little later.
    fn lost(&self, id: &PlanId, was_socket: bool) {
        let mut retry = None;
        let mut waiting = 0;
        let mut server = String::new();
        self.conns.update_value(|conns| {
            if let Some(conn) = conns.iter_mut().find(|c| &c.plan == id) {
                if was_socket {
                    conn.socket = None;
                }
                waiting = conn.waiting;
                server = conn.link.server.to_string();
                retry = Some(RETRY_SECONDS[conn.attempt.min(RETRY_SECONDS.len() - 1)]);
                conn.attempt += 1;
            }
        });
        let Some(seconds) = retry else { return };
        let online = window().navigator().on_line();
        self.set_status(
            id,
            if online {
                Status::Unreachable { server, waiting }
            } else {
                Status::Offline { waiting }
            },
        );
        self.peers.update(|p| p.retain(|(plan, _)| plan != id));
        let live = *self;
        let id = id.clone();
        set_timeout(
            move || {
                let still = live
                    .conns
                    .try_with_value(|c| c.iter().any(|c| c.plan == id && c.socket.is_none()))
                    .unwrap_or(false);
                // Offline, the "online" event brings the connection back.
                if still && window().navigator().on_line() {
                    live.connect(&id);
                }
            },
            Duration::from_secs(seconds),
        );
    }

    /// The plans whose connection is open (`true`) or lost (`false`).
    fn plans_connected(&self, connected: bool) -> Vec<PlanId> {
        self.conns.with_value(|c| {
            c.iter()
                .filter(|c| c.socket.is_some() == connected)
                .map(|c| c.plan.clone())
                .collect()
        })
    }

    fn disconnect_all(&self) {
        for id in self.plans_connected(true) {
            self.conns.update_value(|conns| {
                if let Some(socket) = conns
                    .iter_mut()
                    .find(|c| c.plan == id)
                    .and_then(|c| c.socket.take())
                {
                    close(&socket);
                }
            });
            self.lost(&id, true);
        }
    }

    fn reconnect_all(&self) {
        for id in self.plans_connected(false) {
            self.connect(&id);
        }
    }

    fn renew_presence(&self) {
        let mut changes = Vec::new();
        self.conns.update_value(|conns| {
            for conn in conns.iter_mut() {
                if let (Some(socket), Some(message)) = (&conn.socket, conn.session.presence()) {
                    if socket.ready_state() == WebSocket::OPEN {
                        let _ = socket.send_with_u8_array(&message);
                    }
                }
                changes.push((conn.plan.clone(), conn.session.peers()));
            }
        });
        // Someone silent for long enough is gone.
        for (id, peers) in changes {
            if self.peers_of(&id) != peers {
                self.peers
                    .update(|p| match p.iter_mut().find(|(plan, _)| plan == &id) {
                        Some(slot) => slot.1 = peers,
                        None => p.push((id, peers)),
                    });
            }
        }
    }

    /// Says to the others that this device runs the workshop of `id` at `session`, or, with
    /// `None`, that it no longer does. Said again only when it changed.
    pub fn present(&self, id: &PlanId, session: Option<WorkshopSession>) {
        self.conns.update_value(|conns| {
            let Some(conn) = conns.iter_mut().find(|c| &c.plan == id) else {
                return;
            };
            if conn.session.workshop() == session.as_ref() {
                return;
            }
            let message = conn.session.set_workshop(session);
            if let Some(socket) = &conn.socket {
                if socket.ready_state() == WebSocket::OPEN {
                    let _ = socket.send_with_u8_array(&message);
                }
            }
        });
    }

    /// Sends the display name to every open connection (after it changed in Settings).
    pub fn rename(&self, name: &str) {
        self.conns.update_value(|conns| {
            for conn in conns.iter_mut() {
                let message = conn.session.set_display_name(name);
                if let Some(socket) = &conn.socket {
                    if socket.ready_state() == WebSocket::OPEN {
                        let _ = socket.send_with_u8_array(&message);
                    }
                }
            }
        });
    }

    /// Keeps the document's state with the plan, a moment after the last change.
    fn keep_state(&self, id: &PlanId) {
        let live = *self;
        let plan = id.clone();
        self.conns.update_value(|conns| {
            if let Some(conn) = conns.iter_mut().find(|c| &c.plan == id) {
                if let Some(timer) = conn.keep_timer.take() {
                    timer.clear();
                }
                conn.keep_timer =
                    set_timeout_with_handle(move || live.write_state(&plan), KEEP_STATE_AFTER).ok();
            }
        });
    }

    fn keep_all_now(&self) {
        let mut ids: Vec<PlanId> = Vec::new();
        self.conns.update_value(|conns| {
            ids = conns
                .iter_mut()
                .filter_map(|c| c.keep_timer.take().map(|timer| (c.plan.clone(), timer)))
                .map(|(id, timer)| {
                    timer.clear();
                    id
                })
                .collect();
        });
        for id in ids {
            self.write_state(&id);
        }
    }

    fn write_state(&self, id: &PlanId) {
        let share = self.conns.try_with_value(|conns| {
            conns
                .iter()
                .find(|c| &c.plan == id && !c.joining)
                .map(|c| Share {
                    plan: c.plan.clone(),
                    link: c.link.clone(),
                    state: c.session.encode_state(),
                    joined: c.joined,
                    waiting: c.waiting,
                })
        });
        if let (Some(Some(share)), Ok(store)) = (share, BrowserStore::open()) {
            let _ = save_share(&store, &share);
        }
    }
}

/// Writes a local plan into the connection's document and sends the update, or counts it as
/// waiting; true when the document changed.
fn send_local(conn: &mut Conn, plan: &Plan) -> bool {
    if conn.known.as_ref() == Some(plan) {
        return false;
    }
    match conn.session.local_change(plan) {
        Ok(Some(message)) => {
            conn.known = Some(plan.clone());
            let sent = conn
                .socket
                .as_ref()
                .filter(|s| s.ready_state() == WebSocket::OPEN && conn.session.is_synced())
                .is_some_and(|socket| socket.send_with_u8_array(&message).is_ok());
            if !sent {
                conn.waiting += 1;
            }
            true
        }
        Ok(None) => {
            conn.known = Some(plan.clone());
            false
        }
        Err(_) => false,
    }
}

fn close(socket: &WebSocket) {
    socket.set_onopen(None);
    socket.set_onmessage(None);
    socket.set_onclose(None);
    let _ = socket.close();
}
