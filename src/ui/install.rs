//! Installing Pilotdeck as an app: the browser's own install prompt, kept so that Settings can
//! offer it as a button, and whether this window already is the installed app.

use crate::ui::browser::{call_for_promise, property};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where installing stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Installing {
    /// This window is the installed app.
    InApp,
    /// The browser offers to install it: Settings shows a button.
    Offered,
    /// The browser's install dialog is open, or it is installing.
    Underway,
    /// Installed on this device in this visit.
    Installed,
    /// The browser offers nothing to this page (it may still have an install option of its
    /// own, or not support installing at all).
    NotOffered,
}

impl Installing {
    /// What Settings says about it.
    pub fn describe(self) -> &'static str {
        match self {
            Installing::InApp => {
                "This window is Pilotdeck installed as an app. Your plans are the same here and in the browser."
            }
            Installing::Offered => {
                "Install Pilotdeck to open it from its own icon and window, like any app. Your plans are the same in the app and in the browser."
            }
            Installing::Underway => "Installing Pilotdeck…",
            Installing::Installed => {
                "Pilotdeck is installed on this device: open it from its icon. Your plans are the same in the app and in the browser."
            }
            Installing::NotOffered => {
                "To open Pilotdeck from its own icon and window, install it: browsers that offer it show an Install option in the address bar or the browser menu. Installed or not, your plans are the same."
            }
        }
    }
}

/// The install prompt the browser offered, and where installing stands.
#[derive(Clone, Copy)]
pub struct Install {
    pub state: RwSignal<Installing>,
    offer: StoredValue<Option<web_sys::Event>, LocalStorage>,
}

impl Install {
    /// Listens for the browser's offer to install, and for the app being installed.
    pub fn start() -> Self {
        let in_app = window()
            .match_media("(display-mode: standalone)")
            .ok()
            .flatten()
            .is_some_and(|query| query.matches());
        let install = Self {
            state: RwSignal::new(if in_app {
                Installing::InApp
            } else {
                Installing::NotOffered
            }),
            offer: StoredValue::new_local(None),
        };
        if let Some(early) = take_early_offer() {
            install.offer.set_value(Some(early));
            if !in_app {
                install.state.set(Installing::Offered);
            }
        }
        let offered = window_event_listener_untyped("beforeinstallprompt", move |event| {
            // Keep the offer for the button in Settings, instead of the browser's own banner.
            event.prevent_default();
            install.offer.set_value(Some(event));
            if install.state.get_untracked() == Installing::NotOffered {
                install.state.set(Installing::Offered);
            }
        });
        let installed = window_event_listener_untyped("appinstalled", move |_| {
            install.offer.set_value(None);
            if install.state.get_untracked() != Installing::InApp {
                install.state.set(Installing::Installed);
            }
        });
        on_cleanup(move || {
            offered.remove();
            installed.remove();
        });
        install
    }

    /// Opens the browser's install dialog. An offer can be used once: dismissed, the button
    /// goes until the browser offers again.
    pub fn prompt(&self) {
        let Some(offer) = self.offer.with_value(Clone::clone) else {
            return;
        };
        self.offer.set_value(None);
        let state = self.state;
        let Some(opened) = call_for_promise(&offer, "prompt") else {
            state.set(Installing::NotOffered);
            return;
        };
        state.set(Installing::Underway);
        leptos::task::spawn_local(async move {
            let shown = JsFuture::from(opened).await.is_ok();
            let choice = match property(&offer, "userChoice")
                .and_then(|c| c.dyn_into::<js_sys::Promise>().ok())
            {
                Some(choice) => JsFuture::from(choice).await.ok(),
                None => None,
            };
            let accepted = shown
                && choice
                    .and_then(|choice| property(&choice, "outcome"))
                    .and_then(|outcome| outcome.as_string())
                    .is_some_and(|outcome| outcome == "accepted");
            // Accepted: "installed" follows when the browser is done.
            if !accepted && state.get_untracked() == Installing::Underway {
                state.set(Installing::NotOffered);
            }
        });
    }
}

/// An offer the browser made before the app started, kept by the script at the top of
/// `index.html`; taken once.
fn take_early_offer() -> Option<web_sys::Event> {
    const KEPT_AT: &str = "pilotdeckInstallOffer";
    let window: JsValue = window().into();
    let offer = property(&window, KEPT_AT)?
        .dyn_into::<web_sys::Event>()
        .ok()?;
    // Deleting a property of the window does not fail; were it kept, nothing reads it again.
    let _ = js_sys::Reflect::delete_property(
        window.unchecked_ref::<js_sys::Object>(),
        &JsValue::from_str(KEPT_AT),
    );
    Some(offer)
}
