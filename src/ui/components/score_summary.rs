//! A plan's headline number: momentum and band for running plans, readiness for the rest.

use crate::domain::Plan;
use leptos::prelude::*;

#[component]
pub fn ScoreSummary(plan: Memo<Option<Plan>>) -> impl IntoView {
    let running = move || plan.with(|p| p.as_ref().is_some_and(|p| p.stage.is_running()));
    view! {
        <Show
            when=running
            fallback=move || {
                view! {
                    <div class="score readiness">
                        <span class="score-label">"Readiness"</span>
                        <span class="score-value" data-testid="readiness-score">
                            "Unknown"
                        </span>
                    </div>
                }
            }
        >
            <div class="score momentum">
                <span class="score-label">"Momentum"</span>
                <span class="score-value" data-testid="momentum-score">
                    "Unknown"
                </span>
                <span class="band band-unknown" data-testid="momentum-band">
                    "Unknown"
                </span>
            </div>
        </Show>
    }
}
