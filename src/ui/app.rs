//! The root: loads the state, provides it, shows the screen for the address, keeps the page
//! title in step, saves when the page is hidden, and has the browser ask before closing a tab
//! whose edits could not be written.

use super::components::banners::StorageBanners;
use super::components::notices::Notices;
use super::install::Install;
use super::live::Live;
use super::offline::KeptCopy;
use super::pages::{not_found::NotFoundPage, portfolio::PortfolioPage};
use super::router::{Link, Route, Router, SkipLink};
use super::screens::{self, on_demand, Place};
use super::state::AppState;
use super::theme::ThemeChoice;
use super::timing;
use super::workshop::use_projector_theme;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let router = Router::provide();
    let state = AppState::load(router);
    provide_context(state);
    provide_context(ThemeChoice::load());
    provide_context(Live::start(state));
    timing::mark(timing::LOADED);
    // "Ready" is the first frame after the first screen is complete: what the benchmark
    // reports. The whole first render happens in this task, so the frame is the one that shows
    // it; a portfolio with plans is complete when their module has arrived (it marks then).
    // Asked for before the work put off until that frame (below), so the mark is recorded ahead
    // of that work.
    let plans_shown =
        router.route() == Route::Portfolio && state.portfolio.with_untracked(|p| !p.is_empty());
    if !plans_shown {
        timing::first_screen_shown();
    }

    // Whatever is pending is written as soon as the tab is hidden or closed.
    let on_hidden = window_event_listener_untyped("visibilitychange", move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            state.save_now();
        }
    });
    let on_pagehide = window_event_listener_untyped("pagehide", move |_| state.save_now());
    // Edits that could not be written live only in this tab: the browser asks before it closes.
    let on_leave = window_event_listener_untyped("beforeunload", move |event| {
        state.save_now();
        if state.has_unkept_edits() {
            event.prevent_default();
            // Browsers before the standard's preventDefault ask when returnValue is set.
            let _ = js_sys::Reflect::set(&event, &"returnValue".into(), &"".into());
        }
    });
    let stop_following = state.follow_other_tabs();
    let copy = KeptCopy::start();
    provide_context(copy);
    provide_context(Install::start());
    // The screens not yet loaded are fetched and started in the first idle moment after the
    // first screen is painted, so a navigation does not wait for them (src/ui/screens.rs).
    timing::after_first_screen(|| {
        timing::when_idle(1_000, || leptos::task::spawn_local(screens::preload()))
    });
    // Asked once the first screen is painted: the answer is for Settings, not for that screen.
    if state.storage.with_untracked(|r| r.unavailable.is_none()) {
        timing::after_first_screen(move || state.ask_for_persistent_storage());
    }
    on_cleanup(move || {
        on_hidden.remove();
        on_pagehide.remove();
        on_leave.remove();
        stop_following();
    });

    // The tab's title names the screen (a DOM side effect, not derived state).
    Effect::new(move |_| {
        let screen = match router.route() {
            Route::Portfolio => "Portfolio".to_string(),
            Route::Wizard { step, .. } => format!("{} · Start a pilot", step.label()),
            Route::Plan(id) | Route::Workshop { id, .. } | Route::Presenter(id) => {
                let name = state
                    .portfolio
                    .with(|p| p.get(&id).map(|plan| plan.shown_name().to_string()))
                    .unwrap_or_else(|| "Plan not found".into());
                match router.route() {
                    Route::Workshop { .. } => format!("Workshop · {name}"),
                    Route::Presenter(_) => format!("Presenter view · {name}"),
                    _ => name,
                }
            }
            Route::Settings => "Settings".to_string(),
            Route::Report => "Portfolio report".to_string(),
            Route::Share => "A shared plan".to_string(),
            Route::Join => "Joining a shared plan".to_string(),
            Route::NotFound => "Page not found".to_string(),
        };
        document().set_title(&format!("{screen} · Pilotdeck"));
    });

    let screen = move || match router.route() {
        Route::Portfolio => view! { <PortfolioPage /> }.into_any(),
        Route::Wizard { draft, step } => on_demand(Place::Screen, screens::wizard, move |build| {
            build(draft.clone(), step)
        }),
        Route::Plan(id) => on_demand(Place::Screen, screens::plan, move |build| build(id.clone())),
        Route::Workshop { id, slide } => {
            // The room sees the projector theme from the first frame, "Opening…" included.
            use_projector_theme();
            on_demand(Place::Screen, screens::workshop, move |build| {
                build(id.clone(), slide)
            })
        }
        Route::Presenter(id) => on_demand(Place::Screen, screens::presenter, move |build| {
            build(id.clone())
        }),
        Route::Settings => on_demand(Place::Screen, screens::settings, |build| build()),
        Route::Report => on_demand(Place::Screen, screens::report, |build| build()),
        Route::Share => on_demand(Place::Screen, screens::share, |build| build()),
        Route::Join => on_demand(Place::Screen, screens::join, |build| build()),
        Route::NotFound => view! { <NotFoundPage /> }.into_any(),
    };
    // Workshop mode is on a shared screen: no navigation, nothing about any other plan.
    let workshop = Memo::new(move |_| router.route().is_workshop());

    view! {
        <Show
            when=move || !workshop.get()
            fallback=move || {
                view! {
                    <StorageBanners />
                    <main id="main" class="workshop-main" tabindex="-1">
                        <Notices />
                        {screen}
                    </main>
                }
            }
        >
            <SkipLink />
            <header class="app-header">
                <Link to=Route::Portfolio class="brand">
                    <span class="brand-mark" aria-hidden="true">
                        "◆"
                    </span>
                    "Pilotdeck"
                </Link>
                <nav aria-label="Main">
                    <Link to=Route::Portfolio nav=true>
                        "Plans"
                    </Link>
                    <Link to=Route::new_pilot() nav=true>
                        "New pilot"
                    </Link>
                    <Link to=Route::Settings nav=true>
                        "Settings"
                    </Link>
                </nav>
            </header>
            <StorageBanners />
            <UpdateBanner copy=copy />
            <main id="main" tabindex="-1">
                <Notices />
                {screen}
            </main>
            <footer class="app-footer">
                <p>"Your plans stay on this device. Nothing is sent anywhere."</p>
            </footer>
        </Show>
    }
}

/// "A new version is ready — reload": shown when a newer build waits to take over.
#[component]
fn UpdateBanner(copy: KeptCopy) -> impl IntoView {
    view! {
        <Show when=move || copy.update_ready.get()>
            <div class="banner banner-info" role="status" data-testid="update-banner">
                <p>
                    <strong>"A new version is ready — reload. "</strong>
                    "Your plans are kept; the new version opens where you are."
                </p>
                <div class="banner-actions">
                    <button
                        type="button"
                        class="button small primary"
                        on:click=move |_| copy.reload()
                    >
                        "Reload"
                    </button>
                </div>
            </div>
        </Show>
    }
}
