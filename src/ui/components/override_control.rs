//! Setting a band by hand, with a reason. It shows its expiry; the computed band stays visible.

use crate::domain::scoring::MODEL;
use crate::domain::{Band, Plan, PlanId, ScoreOverride};
use crate::ui::state::AppState;
use leptos::prelude::*;

const CHOICES: [Band; 3] = [Band::Moving, Band::Drifting, Band::GhostTownRisk];

#[component]
pub fn OverrideControl(plan: Memo<Option<Plan>>, id: PlanId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let band = RwSignal::new(Band::Drifting);
    let reason = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<&'static str>);
    let has_override =
        move || plan.with(|p| p.as_ref().is_some_and(|p| p.score_override.is_some()));
    let cadence_days = move || {
        plan.with(|p| {
            p.as_ref()
                .map_or(14, |p| p.foundation.rhythm.cadence_days.days())
        })
    };

    let set_id = id.clone();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let text = reason.get_untracked().trim().to_string();
        if text.is_empty() {
            problem.set(Some(
                "Say why: a manual band needs a reason the partner would accept.",
            ));
            return;
        }
        problem.set(None);
        let today = state.today.get_untracked();
        let chosen = band.get_untracked();
        state.edit_plan(&set_id, |p| {
            p.score_override = Some(ScoreOverride {
                band: chosen,
                reason: text,
                set_on: today,
            })
        });
        reason.set(String::new());
    };
    let clear = move |_| state.edit_plan(&id, |p| p.score_override = None);

    view! {
        <details class="override">
            <summary>"Set the band by hand"</summary>
            <p class="muted">
                {move || {
                    format!(
                        "When you know something the numbers don't, show a different band with your reason. It ends after {} days or at the next sync, and the computed band stays visible.",
                        MODEL.override_cadences * cadence_days(),
                    )
                }}
            </p>
            <Show when=has_override>
                <p>
                    <button type="button" class="button small" on:click=clear.clone()>
                        "Clear the manual band"
                    </button>
                </p>
            </Show>
            <form class="override-form" on:submit=submit novalidate>
                <label>
                    "Band"
                    <select on:change=move |ev| {
                        let value = event_target_value(&ev);
                        if let Some(choice) = CHOICES.into_iter().find(|b| b.label() == value) {
                            band.set(choice);
                        }
                    }>
                        {CHOICES
                            .into_iter()
                            .map(|b| {
                                view! { <option selected=b == Band::Drifting>{b.label()}</option> }
                            })
                            .collect_view()}
                    </select>
                </label>
                <label>
                    "Reason"
                    <input
                        type="text"
                        maxlength="300"
                        prop:value=move || reason.get()
                        on:input=move |ev| reason.set(event_target_value(&ev))
                        aria-invalid=move || problem.get().is_some().then_some("true")
                        aria-describedby="override-problem"
                    />
                </label>
                <button type="submit" class="button">
                    "Set band"
                </button>
                <p id="override-problem" class="field-problem" role="alert">
                    {move || problem.get()}
                </p>
            </form>
        </details>
    }
}
