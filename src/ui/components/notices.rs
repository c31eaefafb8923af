//! The short message about the last action on this screen, with "Undo" when it can be undone.
//! Undoing a delete puts the keyboard focus on the plan that came back, since the button that
//! had it is gone.

use crate::domain::PlanId;
use crate::ui::router::use_router;
use crate::ui::state::{AppState, Undo};
use leptos::prelude::*;

#[component]
pub fn Notices() -> impl IntoView {
    let state = expect_context::<AppState>();
    let router = use_router();
    let notice = Memo::new(move |_| state.notice_for(&router.route()));
    view! {
        <div class="notice" class:notice-empty=move || notice.with(Option::is_none)>
            <p role="status" aria-live="polite">
                {move || notice.get().map(|n| n.text).unwrap_or_default()}
            </p>
            {move || {
                notice
                    .get()
                    .and_then(|n| n.undo)
                    .map(|undo| {
                        let label = undo.label();
                        view! {
                            <button
                                type="button"
                                class="button small"
                                on:click=move |_| {
                                    state.undo(&undo);
                                    if let Undo::Delete(id) = &undo {
                                        focus_card(id);
                                    }
                                }
                            >
                                {label}
                            </button>
                        }
                    })
            }}
        </div>
    }
}

/// Focuses the link of a plan's card once the card is drawn (when it is on this page).
fn focus_card(id: &PlanId) {
    let selector = format!("[data-plan-id=\"{id}\"] a");
    crate::ui::timing::after_next_frame(move || {
        let link = document()
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
        if let Some(link) = link {
            let _ = link.focus();
        }
    });
}
