//! One plan on the portfolio: name, partner, stage, score, days since launch, next step due.

use super::score_summary::ScoreSummary;
use super::stage_badge::StageBadge;
use crate::domain::{PlanId, Stage};
use crate::ui::format;
use crate::ui::router::{Link, Route};
use crate::ui::state::AppState;
use leptos::prelude::*;

#[component]
pub fn PlanCard(id: PlanId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let plan = {
        let id = id.clone();
        Memo::new(move |_| state.portfolio.with(|p| p.get(&id).cloned()))
    };
    let field = move |f: fn(&crate::domain::Plan) -> String| {
        move || plan.with(|p| p.as_ref().map(f).unwrap_or_default())
    };
    let stage = Signal::derive(move || {
        plan.with(|p| p.as_ref().map(|p| p.stage).unwrap_or(Stage::Designing))
    });
    let launched = move || {
        let today = state.today.get();
        plan.with(|p| {
            p.as_ref()
                .and_then(|p| p.days_since_launch(today))
                .map(|days| match days {
                    d if d < 0 => format!("Launches in {} days", -d),
                    0 => "Launched today".to_string(),
                    1 => "Launched yesterday".to_string(),
                    d => format!("Day {d} since launch"),
                })
        })
    };
    let next_step = move || {
        plan.with(|p| {
            p.as_ref().and_then(|p| p.next_step_due()).map(|s| {
                let due = s.due_on.map(format::short_date);
                format!("{} · due {}", s.title, due.unwrap_or_default())
            })
        })
    };

    view! {
        <article class="plan-card" data-testid="plan-card" data-plan-id=id.to_string()>
            <header class="plan-card-head">
                <h2 class="plan-card-title">
                    <Link to=Route::Plan(id.clone()) class="stretched-link">
                        <span data-testid="plan-name">{field(|p| p.name.clone())}</span>
                    </Link>
                </h2>
                <StageBadge stage=stage/>
            </header>
            <p class="plan-card-partner">
                {field(|p| p.partner.name.clone())}
                <span class="muted">" · " {field(|p| p.partner.kind.label().to_string())}</span>
            </p>
            <ScoreSummary plan=plan/>
            <dl class="plan-card-facts">
                {move || {
                    launched()
                        .map(|text| {
                            view! {
                                <div>
                                    <dt>"Launch"</dt>
                                    <dd>{text}</dd>
                                </div>
                            }
                        })
                }}
                <div>
                    <dt>"Next step"</dt>
                    <dd>{move || next_step().unwrap_or_else(|| "None planned".to_string())}</dd>
                </div>
            </dl>
        </article>
    }
}
