//! `/plans/<id>/workshop/presenter`: the presenter view, opened in a second window from the
//! deck. It shows the current slide (editable, like the deck), the facilitation notes for it,
//! the timer and the next slide, and stays in step with the deck both ways.

use super::workshop::{plan_memo, WorkshopPlanMissing};
use crate::domain::workshop::DECK;
use crate::domain::{Plan, PlanId};
use crate::ui::components::slide::SlideView;
use crate::ui::components::workshop_timer::WorkshopTimer;
use crate::ui::editor::Editor;
use crate::ui::router::{use_router, Route};
use crate::ui::state::AppState;
use crate::ui::workshop::Workshop;
use leptos::prelude::*;

#[component]
pub fn PresenterPage(id: PlanId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let plan = plan_memo(state, id.clone());
    view! {
        <Show when=move || plan.with(Option::is_some) fallback=|| view! { <WorkshopPlanMissing /> }>
            <Presenter plan=plan id=id.clone() />
        </Show>
    }
}

#[component]
fn Presenter(plan: Memo<Option<Plan>>, id: PlanId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let router = use_router();
    let e = Editor::new(state, id.clone(), plan);
    let workshop = Workshop::start(state, id.clone(), 0);
    let current = Memo::new(move |_| workshop.session.with(|s| s.current()));
    let upcoming = Memo::new(move |_| workshop.session.with(|s| s.upcoming()));

    let plan_id = StoredValue::new(id);
    // A window the deck opened closes; one opened by hand goes to the deck instead.
    let close = move || {
        state.save_now();
        let _ = window().close();
        let slide = current.get_untracked().index();
        router.go(Route::Workshop {
            id: plan_id.get_value(),
            slide,
        });
    };
    let on_key = window_event_listener(leptos::ev::keydown, move |event| {
        workshop.on_key(&event, false, close);
    });
    on_cleanup(move || on_key.remove());

    let notes = move || current.get().notes();
    view! {
        <div class="presenter">
            <div class="presenter-current">
                <p class="presenter-label">
                    {move || {
                        let slide = current.get().index() + 1;
                        if workshop.other_left.get() {
                            format!(
                                "Presenter view · slide {slide} of {} · the shared screen has left workshop mode",
                                DECK.len(),
                            )
                        } else {
                            format!(
                                "Presenter view · slide {slide} of {} · on the shared screen now",
                                DECK.len(),
                            )
                        }
                    }}
                </p>
                {move || {
                    let slide = current.get();
                    view! { <SlideView e=e slide=slide test_id="slide" /> }
                }}
            </div>
            <aside class="presenter-side" aria-label="Presenter tools">
                <section class="panel" aria-labelledby="presenter-timer-heading">
                    <h2 id="presenter-timer-heading">"Timer"</h2>
                    <WorkshopTimer workshop=workshop />
                </section>
                <section
                    class="panel presenter-notes"
                    aria-labelledby="presenter-notes-heading"
                    data-testid="presenter-notes"
                >
                    <h2 id="presenter-notes-heading">"Notes"</h2>
                    <h3>"Ask"</h3>
                    <p>{move || notes().ask}</p>
                    <h3>"A good answer sounds like"</h3>
                    <p>{move || notes().good_answer}</p>
                    <h3>"The trap to avoid"</h3>
                    <p>{move || notes().trap}</p>
                </section>
                {move || {
                    let notes = e.read(String::new(), |p| p.partner.notes.trim().to_string());
                    (!notes.is_empty())
                        .then(|| {
                            view! {
                                <section
                                    class="panel presenter-internal"
                                    aria-labelledby="presenter-internal-heading"
                                    data-testid="presenter-internal"
                                >
                                    <h2 id="presenter-internal-heading">
                                        "Our notes "
                                        <span class="tag tag-internal">"Internal"</span>
                                    </h2>
                                    <p class="muted small">
                                        "Only on this screen: the shared screen never shows them."
                                    </p>
                                    <p>{notes}</p>
                                </section>
                            }
                        })
                }}
                <section
                    class="panel"
                    aria-labelledby="presenter-next-heading"
                    data-testid="next-slide"
                >
                    <h2 id="presenter-next-heading">"Next slide"</h2>
                    {move || match upcoming.get() {
                        Some(next) => {
                            view! {
                                <p class="next-title">{next.title()}</p>
                                <p class="muted">{next.prompt()}</p>
                            }
                                .into_any()
                        }
                        None => view! { <p class="muted">"This is the last slide."</p> }.into_any(),
                    }}
                </section>
                <nav class="presenter-controls" aria-label="Workshop controls">
                    <button
                        type="button"
                        class="button"
                        disabled=move || workshop.session.with(|s| s.is_first())
                        on:click=move |_| workshop.previous()
                    >
                        "Previous slide"
                    </button>
                    <button
                        type="button"
                        class="button primary"
                        disabled=move || workshop.session.with(|s| s.is_last())
                        on:click=move |_| workshop.next()
                    >
                        "Next slide"
                    </button>
                    <button type="button" class="button small quiet" on:click=move |_| close()>
                        "Close presenter view"
                    </button>
                </nav>
            </aside>
        </div>
    }
}
