//! `/plans/<id>/workshop`: workshop mode's deck, for a shared screen. One plan's slides in the
//! projector theme, with nothing from any other plan on screen (no navigation, no portfolio,
//! no names), a control bar for the mouse and keys for everything: ←/→ and PageUp/PageDown
//! move, T starts and pauses the timer, F toggles full screen, Esc leaves.

use crate::domain::workshop::DECK;
use crate::domain::{Plan, PlanId};
use crate::ui::components::remote_workshop::RemoteWorkshop;
use crate::ui::components::slide::SlideView;
use crate::ui::components::workshop_timer::WorkshopTimer;
use crate::ui::editor::Editor;
use crate::ui::live::Live;
use crate::ui::router::{use_router, Link, Route};
use crate::ui::state::AppState;
use crate::ui::workshop::{exit_fullscreen, is_fullscreen, Workshop};
use leptos::prelude::*;

/// A plan that is not stored here: said without naming any other plan.
#[component]
pub fn WorkshopPlanMissing() -> impl IntoView {
    view! {
        <section class="page narrow">
            <h1>"Plan not found"</h1>
            <p>
                "No plan with this address is stored in this browser, so there is no workshop to show."
            </p>
            <Link to=Route::Portfolio class="button primary">
                "Leave workshop"
            </Link>
        </section>
    }
}

/// The plan with `id`, read from the portfolio.
pub fn plan_memo(state: AppState, id: PlanId) -> Memo<Option<Plan>> {
    Memo::new(move |_| state.portfolio.with(|p| p.get(&id).cloned()))
}

#[component]
pub fn WorkshopPage(id: PlanId, slide: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let plan = plan_memo(state, id.clone());
    view! {
        <Show when=move || plan.with(Option::is_some) fallback=|| view! { <WorkshopPlanMissing /> }>
            <Deck plan=plan id=id.clone() slide=slide />
        </Show>
    }
}

#[component]
fn Deck(plan: Memo<Option<Plan>>, id: PlanId, slide: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let router = use_router();
    let e = Editor::new(state, id.clone(), plan);
    let workshop = Workshop::start(state, id.clone(), slide);
    let current = Memo::new(move |_| workshop.session.with(|s| s.current()));

    // The address names the slide, so a reload comes back to it.
    let address_id = id.clone();
    Effect::new(move |_| {
        let slide = current.get().index();
        router.replace_address(&Route::Workshop {
            id: address_id.clone(),
            slide,
        });
    });

    let live = expect_context::<Live>();
    let shared_id = id.clone();
    let shared = move || live.is_shared(&shared_id);
    let plan_id = StoredValue::new(id);
    let leave = move || {
        state.save_now();
        exit_fullscreen();
        router.go(Route::Plan(plan_id.get_value()));
    };
    let fullscreen = RwSignal::new(is_fullscreen());
    let on_key = window_event_listener(leptos::ev::keydown, move |event| {
        workshop.on_key(&event, true, leave);
    });
    let on_fullscreen = window_event_listener_untyped("fullscreenchange", move |_| {
        fullscreen.set(is_fullscreen());
    });
    on_cleanup(move || {
        on_key.remove();
        on_fullscreen.remove();
    });

    let open_presenter = move |_| {
        // The presenter view reads the plan from storage: write what is pending first.
        state.save_now();
        let id = plan_id.get_value();
        let href = Route::Presenter(id.clone()).href();
        let opened = window().open_with_url_and_target_and_features(
            &href,
            &format!("pilotdeck-presenter-{id}"),
            "popup,width=1280,height=800",
        );
        if !matches!(opened, Ok(Some(_))) {
            state.notify("The browser blocked the presenter window: allow pop-ups for this page, then press “Open presenter view” again.");
        }
    };

    let announced = move || {
        let slide = current.get();
        format!(
            "Slide {} of {}: {}",
            slide.index() + 1,
            DECK.len(),
            slide.title()
        )
    };
    view! {
        <div class="deck">
            {move || {
                let slide = current.get();
                view! { <SlideView e=e slide=slide test_id="slide" /> }
            }} <nav class="deck-controls" aria-label="Workshop controls">
                <div class="deck-move">
                    <button
                        type="button"
                        class="button small"
                        aria-keyshortcuts="ArrowLeft"
                        disabled=move || workshop.session.with(|s| s.is_first())
                        on:click=move |_| workshop.previous()
                    >
                        <span aria-hidden="true">"← "</span>
                        "Previous slide"
                    </button>
                    <span class="visually-hidden" aria-live="polite">
                        {announced}
                    </span>
                    <button
                        type="button"
                        class="button small primary"
                        aria-keyshortcuts="ArrowRight"
                        disabled=move || workshop.session.with(|s| s.is_last())
                        on:click=move |_| workshop.next()
                    >
                        "Next slide"
                        <span aria-hidden="true">" →"</span>
                    </button>
                </div>
                <WorkshopTimer workshop=workshop />
                <div class="deck-actions">
                    <Show when=shared.clone()>
                        <RemoteWorkshop workshop=workshop id=plan_id.get_value() />
                    </Show>
                    <button
                        type="button"
                        class="button small fullscreen-button"
                        aria-keyshortcuts="F"
                        aria-pressed=move || fullscreen.get().to_string()
                        on:click=move |_| workshop.toggle_fullscreen()
                    >
                        "Full screen"
                    </button>
                    <button
                        type="button"
                        class="button small presenter-button"
                        on:click=open_presenter
                    >
                        "Open presenter view"
                    </button>
                    <button
                        type="button"
                        class="button small"
                        aria-keyshortcuts="Escape"
                        on:click=move |_| leave()
                    >
                        "Leave workshop"
                    </button>
                </div>
            </nav>
        </div>
    }
}
