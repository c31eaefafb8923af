//! The root: loads the state, provides it, routes, and saves when the page is hidden.

use super::components::banners::StorageBanners;
use super::pages::{
    new_plan::NewPlanPage, not_found::NotFoundPage, plan::PlanPage, portfolio::PortfolioPage,
};
use super::state::AppState;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let state = AppState::load();
    provide_context(state);

    // Whatever is pending is written as soon as the tab is hidden or closed.
    let on_hidden = window_event_listener_untyped("visibilitychange", move |_| {
        let hidden = document().visibility_state() == web_sys::VisibilityState::Hidden;
        if hidden {
            state.save_now();
        }
    });
    let on_pagehide = window_event_listener_untyped("pagehide", move |_| state.save_now());
    on_cleanup(move || {
        on_hidden.remove();
        on_pagehide.remove();
    });

    view! {
        <Title text="Pilotdeck"/>
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="app-header">
                <A href="/" attr:class="brand">
                    <span class="brand-mark" aria-hidden="true">"◆"</span>
                    "Pilotdeck"
                </A>
                <nav aria-label="Main">
                    <A href="/">"Plans"</A>
                    <A href="/new">"New pilot"</A>
                </nav>
            </header>
            <StorageBanners/>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=PortfolioPage/>
                    <Route path=path!("/new") view=NewPlanPage/>
                    <Route path=path!("/plans/:id") view=PlanPage/>
                </Routes>
            </main>
            <footer class="app-footer">
                <p>"Your plans stay on this device. Nothing is sent anywhere."</p>
            </footer>
        </Router>
    }
}
