//! Working offline: registers the service worker (sw.js, written at build time) in release
//! builds, and tells the user when a new version is ready instead of switching under them.
//! The worker is not used in debug builds, so `trunk serve` always shows the latest code.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

/// Whether a newer version waits to take over, and the way to let it.
#[derive(Clone, Copy)]
pub struct Updates {
    pub ready: RwSignal<bool>,
    registration: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>,
}

impl Updates {
    /// Registers the worker (release builds) and watches for a newer version.
    pub fn start() -> Self {
        let updates = Self {
            ready: RwSignal::new(false),
            registration: StoredValue::new_local(None),
        };
        // Registered once the first screen is painted: the worker's first install fetches
        // every file of the build, which should not compete with the page's own loading.
        if cfg!(not(debug_assertions)) {
            crate::ui::timing::after_next_frame(move || {
                if let Some(container) = container() {
                    leptos::task::spawn_local(async move {
                        if let Some(registration) = register(&container).await {
                            updates.watch(&container, registration);
                        }
                    });
                }
            });
        }
        updates
    }

    fn watch(&self, container: &ServiceWorkerContainer, registration: ServiceWorkerRegistration) {
        let ready = self.ready;
        // A worker already waiting (the page was opened while an update was pending), or one
        // installing right now (the browser checked while this page was loading).
        if registration.waiting().is_some() && container.controller().is_some() {
            ready.set(true);
        }
        if let Some(installing) = registration.installing() {
            track(installing, container.clone(), ready);
        }
        let found = {
            let registration = registration.clone();
            let container = container.clone();
            Closure::<dyn FnMut()>::new(move || {
                if let Some(installing) = registration.installing() {
                    track(installing, container.clone(), ready);
                }
            })
        };
        registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
        // The registration lives as long as the page: so do its listeners.
        found.forget();
        // Ask for a check now rather than waiting for the browser's own schedule.
        let _ = registration.update();
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

/// Says "ready" once `installing` has installed while an older version controls the page: an
/// update, not the first visit.
fn track(installing: ServiceWorker, container: ServiceWorkerContainer, ready: RwSignal<bool>) {
    let worker = installing.clone();
    let changed = Closure::<dyn FnMut()>::new(move || {
        if worker.state() == ServiceWorkerState::Installed && container.controller().is_some() {
            ready.set(true);
        }
    });
    installing.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
    changed.forget();
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    // Browsers without service workers (or with them disabled) have no such property.
    js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
        .ok()
        .filter(|has| *has)
        .map(|_| navigator.service_worker())
}

async fn register(container: &ServiceWorkerContainer) -> Option<ServiceWorkerRegistration> {
    // Relative to the page's base URL, so the app also works from a sub-path.
    let registration = JsFuture::from(container.register("sw.js")).await.ok()?;
    registration.dyn_into().ok()
}
