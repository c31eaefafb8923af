//! A plan's stage as a labelled badge.

use crate::domain::Stage;
use leptos::prelude::*;

#[component]
pub fn StageBadge(#[prop(into)] stage: Signal<Stage>) -> impl IntoView {
    view! {
        <span
            class=move || format!("stage-badge stage-{}", stage_class(stage.get()))
            data-testid="plan-stage"
        >
            {move || stage.get().label()}
        </span>
    }
}

fn stage_class(stage: Stage) -> &'static str {
    match stage {
        Stage::Exploring => "exploring",
        Stage::Designing => "designing",
        Stage::Live => "live",
        Stage::Reviewing => "reviewing",
        Stage::Scaling => "scaling",
        Stage::Parked => "parked",
        Stage::Stopped => "stopped",
    }
}
