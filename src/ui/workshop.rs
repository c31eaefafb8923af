//! A live workshop, shared by the deck and the presenter view: the session (slide, timeboxes,
//! timer), the clock that drives the countdown, the keyboard, and the BroadcastChannel that
//! keeps the two windows in step both ways — slide changes, the timer and plan edits — with
//! no server. Without BroadcastChannel each window still works on its own.

use crate::domain::workshop::Session;
use crate::domain::{Plan, PlanId};
use crate::exchange::broadcast::{channel_name, Message};
use crate::ui::browser::{call_for_promise, settle};
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{BroadcastChannel, KeyboardEvent, MessageEvent};

/// How often the countdown's clock is read while it runs.
const TICK: Duration = Duration::from_millis(250);

/// The channel and its listener, kept together so both are released when the screen closes.
struct Link {
    channel: BroadcastChannel,
    _listener: Closure<dyn FnMut(MessageEvent)>,
}

/// The current instant in milliseconds since the Unix epoch, the same in every window.
fn epoch_ms() -> f64 {
    js_sys::Date::now()
}

#[derive(Clone, Copy)]
pub struct Workshop {
    pub session: RwSignal<Session>,
    /// The clock the countdown is read against; it moves while the timer runs.
    pub now: RwSignal<f64>,
    /// The other window said it left workshop mode (until it, or another, says hello again).
    pub other_left: RwSignal<bool>,
    /// Counts the slide and timer changes made in this window (keys, buttons), not those taken
    /// from elsewhere: someone following a facilitator who moves on their own stops following.
    pub own_moves: RwSignal<u32>,
    link: StoredValue<Option<Link>, LocalStorage>,
    state: AppState,
}

impl Workshop {
    /// Starts a workshop on plan `id` at `slide`, joins the plan's channel, and asks the other
    /// window (if one is open) for its session, so a window that opens second follows the first.
    pub fn start(state: AppState, id: PlanId, slide: usize) -> Self {
        let workshop = Self {
            session: RwSignal::new(Session::at(slide)),
            now: RwSignal::new(epoch_ms()),
            other_left: RwSignal::new(false),
            own_moves: RwSignal::new(0),
            link: StoredValue::new_local(None),
            state,
        };
        // The last version of the plan this window sent or received: what it need not send.
        let plan = {
            let id = id.clone();
            Memo::new(move |_| state.portfolio.with(|p| p.get(&id).cloned()))
        };
        let synced = StoredValue::new(plan.get_untracked());

        let listener = {
            let id = id.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let Some(text) = event.data().as_string() else {
                    return;
                };
                match Message::decode(&text, &id) {
                    Some(Message::Hello) => {
                        workshop.other_left.set(false);
                        workshop.send_session();
                    }
                    Some(Message::Session { session }) => {
                        workshop.other_left.set(false);
                        workshop.now.set(epoch_ms());
                        workshop.session.set(session);
                    }
                    Some(Message::Left) => workshop.other_left.set(true),
                    Some(Message::Plan { plan }) => {
                        synced.set_value(Some((*plan).clone()));
                        state.adopt_plan(*plan);
                    }
                    None => {}
                }
            })
        };
        if let Ok(channel) = BroadcastChannel::new(&channel_name(&id)) {
            channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
            workshop.link.set_value(Some(Link {
                channel,
                _listener: listener,
            }));
        }
        workshop.send(&Message::Hello);

        // Every edit made in this window goes to the other one as it is typed.
        Effect::new(move |_| {
            plan.with(|current| {
                if synced.with_value(|last| last != current) {
                    synced.set_value(current.clone());
                    if let Some(plan) = current {
                        workshop.send_plan(plan);
                    }
                }
            })
        });

        let tick = set_interval_with_handle(
            move || {
                // `try_`: a tick queued as the deck closes finds its signals gone, and does
                // nothing.
                let running = workshop
                    .session
                    .try_with_untracked(|s| s.timer.is_running())
                    .unwrap_or(false);
                if running {
                    workshop.now.try_set(epoch_ms());
                }
            },
            TICK,
        )
        .ok();
        on_cleanup(move || {
            if let Some(tick) = tick {
                tick.clear();
            }
            // The other window learns that this one left before the channel closes.
            workshop.send(&Message::Left);
            workshop.link.update_value(|link| {
                if let Some(link) = link.take() {
                    link.channel.set_onmessage(None);
                    link.channel.close();
                }
            });
        });
        workshop
    }

    fn send(&self, message: &Message) {
        self.link.with_value(|link| {
            if let Some(link) = link {
                let _ = link.channel.post_message(&message.encode().into());
            }
        });
    }

    fn send_session(&self) {
        let session = self.session.get_untracked();
        self.send(&Message::Session { session });
    }

    fn send_plan(&self, plan: &Plan) {
        self.send(&Message::Plan {
            plan: Box::new(plan.clone()),
        });
    }

    /// Applies a change to the session here and in the other window.
    fn change(&self, change: impl FnOnce(&mut Session, f64) -> bool) {
        let now = epoch_ms();
        self.now.set(now);
        let mut changed = false;
        self.session.update(|s| changed = change(s, now));
        if changed {
            self.own_moves.update(|n| *n += 1);
            self.send_session();
        }
    }

    /// Takes the slide, timeboxes and timer of the facilitator's deck on another device, and
    /// passes them on to this browser's other window.
    pub fn follow(&self, session: Session) {
        if self.session.with_untracked(|s| *s == session) {
            return;
        }
        self.now.set(epoch_ms());
        self.session.set(session);
        self.send_session();
    }

    pub fn next(&self) {
        self.change(|s, now| s.next(now));
    }

    pub fn previous(&self) {
        self.change(|s, now| s.previous(now));
    }

    pub fn go_to(&self, slide: usize) {
        self.change(|s, now| s.go_to(slide, now));
    }

    pub fn toggle_timer(&self) {
        self.change(|s, now| {
            s.timer.toggle(now);
            true
        });
    }

    pub fn adjust_minutes(&self, delta: i32) {
        self.change(|s, _| s.adjust_minutes(delta));
    }

    /// Handles the deck's keys: ←/→ and PageUp/PageDown move, Home/End jump, T starts and
    /// pauses the timer, F toggles full screen (where `fullscreen` is set), and Esc calls
    /// `leave`. Keys typed into a field stay in the field; Esc there only leaves the field.
    pub fn on_key(&self, event: &KeyboardEvent, fullscreen: bool, leave: impl FnOnce()) {
        if event.default_prevented() || event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        let key = event.key();
        if typing_in_a_field(event) {
            if key == "Escape" {
                blur_active_element();
            }
            return;
        }
        match key.as_str() {
            "ArrowRight" | "PageDown" => self.next(),
            "ArrowLeft" | "PageUp" => self.previous(),
            "Home" => self.go_to(0),
            "End" => self.go_to(crate::domain::workshop::DECK.len() - 1),
            "t" | "T" => self.toggle_timer(),
            "f" | "F" if fullscreen => self.toggle_fullscreen(),
            "Escape" => leave(),
            _ => return,
        }
        event.prevent_default();
    }

    /// Shows the whole page full screen, or leaves full screen. The browser may refuse (a
    /// policy of the page embedding it, or a setting): the deck works either way, and says so.
    pub fn toggle_fullscreen(&self) {
        if is_fullscreen() {
            exit_fullscreen();
            return;
        }
        let Some(root) = document().document_element() else {
            return;
        };
        let state = self.state;
        let refused = move || {
            state.notify("The browser did not allow full screen here: use its own full-screen command instead (F11, or Control-Command-F on a Mac).");
        };
        match call_for_promise(&root, "requestFullscreen") {
            Some(asked) => leptos::task::spawn_local(async move {
                if JsFuture::from(asked).await.is_err() {
                    refused();
                }
            }),
            None => refused(),
        }
    }
}

/// Whether a key went to a text field, a choice or an editable element, which use the arrows
/// and letters themselves.
fn typing_in_a_field(event: &KeyboardEvent) -> bool {
    let Some(element) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || element.is_content_editable()
}

fn blur_active_element() {
    if let Some(active) = document()
        .active_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = active.blur();
    }
}

/// Whether the page is shown full screen.
pub fn is_fullscreen() -> bool {
    document().fullscreen_element().is_some()
}

/// Leaves full screen if the page is shown that way. Leaving fails only when the page is no
/// longer full screen by then, which is what was asked.
pub fn exit_fullscreen() {
    if is_fullscreen() {
        if let Some(left) = call_for_promise(&document(), "exitFullscreen") {
            settle(left);
        }
    }
}

/// Applies the projector theme (high contrast, large type) while the calling screen is shown:
/// the workshop deck's route (src/ui/app.rs), whether its module is here yet or not.
pub fn use_projector_theme() {
    let set = |on: bool| {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().toggle_with_force("theme-projector", on);
        }
    };
    set(true);
    on_cleanup(move || set(false));
}
