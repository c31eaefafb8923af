//! Working offline: registers the service worker (sw.js, written at build time) in release
//! builds, says whether this browser keeps a copy of Pilotdeck for offline use, and tells the
//! user when a new version is ready instead of switching under them. The worker is not used in
//! debug builds, so `trunk serve` always shows the latest code.

use crate::ui::browser::settle;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

/// Whether this browser keeps a copy of Pilotdeck, so that it opens with no network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OfflineUse {
    /// A debug build: no service worker, so the latest code always shows.
    Development,
    /// The browser offers no service workers (some private windows, some settings).
    Unavailable,
    /// The worker is keeping the app's files; not yet done.
    Preparing,
    /// The app's files are kept: it opens and works offline.
    Ready,
    /// The browser refused the worker, or keeping the files failed.
    Failed,
}

impl OfflineUse {
    /// What Settings says about it. `plans_kept` is false when the browser's storage cannot be
    /// used, so nothing is said to be kept in it.
    pub fn describe(&self, plans_kept: bool) -> String {
        let (kept, or_end) = if plans_kept {
            (
                " Your plans are still kept in this browser.",
                "; your plans are still kept in this browser.",
            )
        } else {
            ("", ".")
        };
        match self {
            OfflineUse::Development => {
                "Offline use is off in development builds, so they always show the latest code.".into()
            }
            OfflineUse::Unavailable => format!(
                "Not available offline in this browser: it does not let sites keep a copy of themselves (some private windows and settings turn this off). Pilotdeck needs a network to open here{or_end}"
            ),
            OfflineUse::Preparing => {
                "Getting ready to work offline: this browser is keeping a copy of Pilotdeck…".into()
            }
            OfflineUse::Ready => {
                "Ready to work offline: this browser keeps a copy of Pilotdeck, so it opens and saves your plans with no network, even in a meeting room with bad Wi-Fi.".into()
            }
            OfflineUse::Failed => format!(
                "This browser could not keep a copy of Pilotdeck for offline use, so it needs a network to open.{kept} Reloading the page tries again."
            ),
        }
    }
}

/// The copy of Pilotdeck this browser keeps through the service worker: whether the app works
/// offline, and whether a newer version waits to take over, with the way to let it.
#[derive(Clone, Copy)]
pub struct KeptCopy {
    pub update_ready: RwSignal<bool>,
    pub offline: RwSignal<OfflineUse>,
    registration: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>,
}

impl KeptCopy {
    /// Registers the worker (release builds) and watches for a newer version.
    pub fn start() -> Self {
        let container = container();
        let offline = match &container {
            _ if cfg!(debug_assertions) => OfflineUse::Development,
            None => OfflineUse::Unavailable,
            // A worker controls the page only once it has kept every file.
            Some(container) if container.controller().is_some() => OfflineUse::Ready,
            Some(_) => OfflineUse::Preparing,
        };
        let copy = Self {
            update_ready: RwSignal::new(false),
            offline: RwSignal::new(offline),
            registration: StoredValue::new_local(None),
        };
        // Registered once the first screen is complete and painted: the worker's first install
        // fetches every file of the build, which should not compete with the page's own loading.
        if cfg!(not(debug_assertions)) {
            crate::ui::timing::after_first_screen(move || {
                if let Some(container) = container {
                    leptos::task::spawn_local(async move {
                        match register(&container).await {
                            Some(registration) => copy.watch(&container, registration),
                            None => copy.offline.set(OfflineUse::Failed),
                        }
                    });
                }
            });
        }
        copy
    }

    fn watch(&self, container: &ServiceWorkerContainer, registration: ServiceWorkerRegistration) {
        let copy = *self;
        if registration.active().is_some() {
            self.offline.set(OfflineUse::Ready);
        }
        // A worker already waiting (the page was opened while an update was pending), or one
        // installing right now (the first visit, or the browser checked while this page was
        // loading).
        if registration.waiting().is_some() && container.controller().is_some() {
            self.update_ready.set(true);
        }
        if let Some(installing) = registration.installing() {
            track(installing, &registration, container.clone(), copy);
        } else if let (Some(waiting), None) = (registration.waiting(), registration.active()) {
            // Installed on the first visit, about to become active.
            track(waiting, &registration, container.clone(), copy);
        }
        let found = {
            let registration = registration.clone();
            let container = container.clone();
            Closure::<dyn FnMut()>::new(move || {
                if let Some(installing) = registration.installing() {
                    track(installing, &registration, container.clone(), copy);
                }
            })
        };
        registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
        // The registration lives as long as the page: so do its listeners.
        found.forget();
        // With a version already active, ask for a newer one now rather than on the browser's
        // own schedule. The check fails when the network is down or the first install failed
        // (the registration is gone): nothing to report, but its promise is handled, so the
        // page shows no unhandled rejection.
        if registration.active().is_some() {
            if let Ok(check) = registration.update() {
                settle(check);
            }
        }
        self.registration.set_value(Some(registration));
    }

    /// Lets the waiting version take over, then reloads into it.
    pub fn reload(&self) {
        let waiting = self
            .registration
            .with_value(|r| r.as_ref().and_then(ServiceWorkerRegistration::waiting));
        let (Some(waiting), Some(container)) = (waiting, container()) else {
            let _ = window().location().reload();
            return;
        };
        let on_change = Closure::<dyn FnMut()>::new(|| {
            let _ = window().location().reload();
        });
        container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget();
        let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
    }
}

/// Follows `installing`: an update is ready once it has installed while an older version
/// controls the page; the app works offline once a version is active; and a first install that
/// fails leaves it needing the network.
fn track(
    installing: ServiceWorker,
    registration: &ServiceWorkerRegistration,
    container: ServiceWorkerContainer,
    copy: KeptCopy,
) {
    let worker = installing.clone();
    let registration = registration.clone();
    let changed = Closure::<dyn FnMut()>::new(move || match worker.state() {
        ServiceWorkerState::Installed if container.controller().is_some() => {
            copy.update_ready.set(true)
        }
        ServiceWorkerState::Activated => copy.offline.set(OfflineUse::Ready),
        ServiceWorkerState::Redundant if registration.active().is_none() => {
            copy.offline.set(OfflineUse::Failed)
        }
        _ => {}
    });
    installing.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
    changed.forget();
}

/// Whether a service worker answers for this page: the app has been kept on this device by an
/// earlier visit.
pub fn returning() -> bool {
    container().is_some_and(|container| container.controller().is_some())
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    // Browsers without service workers (or with them disabled) have no such property, or one
    // that holds nothing (Firefox's private windows have been seen with `undefined`).
    js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
        .ok()
        .filter(|value| !value.is_undefined() && !value.is_null())
        .map(|_| navigator.service_worker())
}

async fn register(container: &ServiceWorkerContainer) -> Option<ServiceWorkerRegistration> {
    // Relative to the page's base URL, so the app also works from a sub-path.
    let registration = JsFuture::from(container.register("sw.js")).await.ok()?;
    registration.dyn_into().ok()
}
