//! The top of the portfolio: what needs attention, plan by plan with each plan's alerts together,
//! the most urgent plan first, and
//! the ghost-town radar.

use super::radar::Radar;
use crate::domain::overview::{needs_attention, radar};
use crate::domain::scoring::MODEL;
use crate::ui::router::{Link, Route};
use crate::ui::state::AppState;
use crate::ui::timing;
use leptos::prelude::*;

/// Plans shown before "Show all".
const FIRST: usize = 6;

#[component]
pub fn Overview() -> impl IntoView {
    let state = expect_context::<AppState>();
    let attention = Memo::new(move |_| {
        let today = state.today.get();
        timing::measure(timing::ATTENTION, || {
            state
                .portfolio
                .with(|p| needs_attention(p.plans(), today, &MODEL))
        })
    });
    let points = Memo::new(move |_| {
        let today = state.today.get();
        timing::measure(timing::RADAR, || {
            state.portfolio.with(|p| radar(p.plans(), today, &MODEL))
        })
    });
    let starting_later = move || {
        let today = state.today.get();
        state.portfolio.with(|p| {
            p.plans()
                .iter()
                .filter(|plan| plan.stage.is_running())
                .filter(|plan| plan.days_since_launch(today).is_some_and(|d| d < 0))
                .count()
        })
    };
    let all = RwSignal::new(false);
    view! {
        <div class="overview">
            <section class="panel attention" aria-labelledby="attention-heading">
                <h2 id="attention-heading">
                    "Needs attention "
                    <span class="count">
                        {move || match attention.with(Vec::len) {
                            1 => "(1 plan)".to_string(),
                            n => format!("({n} plans)"),
                        }}
                    </span>
                </h2>
                {move || {
                    let items = attention.get();
                    if items.is_empty() {
                        return view! {
                            <p class="muted">"Nothing needs attention: every pilot is moving."</p>
                        }
                            .into_any();
                    }
                    let total = items.len();
                    let limit = if all.get() { total } else { FIRST };
                    view! {
                        <ul class="attention-list" data-testid="needs-attention">
                            {items
                                .into_iter()
                                .take(limit)
                                .map(|item| {
                                    view! {
                                        <li class="attention-plan" data-testid="attention-plan">
                                            <Link to=Route::Plan(item.plan)>{item.plan_name}</Link>
                                            <ul class="attention-alerts">
                                                {item
                                                    .alerts
                                                    .iter()
                                                    .map(|alert| {
                                                        view! {
                                                            <li class="alert">
                                                                <strong>{alert.kind.label()} ": "</strong>
                                                                <span class="attention-message">{alert.message()}</span>
                                                            </li>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </ul>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                        {(total > FIRST && !all.get())
                            .then(|| {
                                view! {
                                    <button
                                        type="button"
                                        class="button small"
                                        on:click=move |_| all.set(true)
                                    >
                                        {format!("Show all {total} plans")}
                                    </button>
                                }
                            })}
                    }
                        .into_any()
                }}
            </section>
            <section class="panel radar-panel" aria-labelledby="radar-heading">
                <h2 id="radar-heading">"Ghost-town radar"</h2>
                {move || view! { <Radar points=points.get() starting_later=starting_later() /> }}
            </section>
        </div>
    }
}
