//! A plan's headline on its card: momentum, band, trend and sparkline for running plans,
//! readiness for plans not yet live, the outcome for stopped ones.

use super::band_badge::BandBadge;
use super::sparkline::Sparkline;
use super::trend_arrow::TrendArrow;
use crate::domain::scoring::{headline, history, Headline, MODEL};
use crate::domain::Plan;
use crate::ui::state::AppState;
use leptos::prelude::*;

#[component]
pub fn ScoreSummary(plan: Memo<Option<Plan>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let summary = Memo::new(move |_| {
        let today = state.today.get();
        plan.with(|p| p.as_ref().map(|p| headline(p, today, &MODEL)))
    });
    let weeks = MODEL.history_weeks as usize;
    let sparkline = Memo::new(move |_| {
        let today = state.today.get();
        plan.with(|p| {
            p.as_ref()
                .filter(|p| p.stage.is_running())
                .map(|p| history(p, today, &MODEL))
        })
    });
    move || match summary.get() {
        Some(Headline::Momentum { momentum, trend }) => view! {
            <div class="score momentum">
                <span class="score-label">"Momentum"</span>
                <span class="score-value" data-testid="momentum-score">
                    {momentum.score.map_or_else(|| "Unknown".to_string(), |s| s.to_string())}
                </span>
                <TrendArrow trend=trend/>
                <BandBadge band=momentum.band test_id="momentum-band"/>
                {sparkline.get().map(|points| view! { <Sparkline points=points weeks=weeks/> })}
            </div>
        }
        .into_any(),
        Some(Headline::Readiness(readiness)) => {
            let percent = readiness.percent();
            view! {
                <div class="score readiness">
                    <span class="score-label">"Readiness"</span>
                    <span class="score-value" data-testid="readiness-score">
                        {format!("{percent}%")}
                    </span>
                    <span class="meter" aria-hidden="true">
                        <span class="meter-fill" style:width=format!("{percent}%")></span>
                    </span>
                </div>
            }
            .into_any()
        }
        Some(Headline::Stopped) => view! {
            <div class="score stopped">
                <span class="score-label">"Stopped"</span>
            </div>
        }
        .into_any(),
        None => ().into_any(),
    }
}
