//! A plan's headline on its card: momentum, band, trend and sparkline for running plans,
//! readiness for plans not yet live, the outcome for stopped ones.

use super::band_badge::BandBadge;
use super::sparkline::Sparkline;
use super::trend_arrow::TrendArrow;
use crate::domain::scoring::{Headline, HistoryPoint, MODEL};
use leptos::prelude::*;

#[component]
pub fn ScoreSummary(headline: Headline, history: Vec<HistoryPoint>) -> impl IntoView {
    match headline {
        Headline::Momentum { momentum, trend } => view! {
            <div class="score momentum">
                <span class="score-label">"Momentum"</span>
                <span class="score-value" data-testid="momentum-score">
                    {momentum.score.map_or_else(|| "Unknown".to_string(), |s| s.to_string())}
                </span>
                <TrendArrow trend=trend />
                <BandBadge band=momentum.band test_id="momentum-band" />
                {momentum
                    .band_reason()
                    .map(|reason| {
                        view! {
                            <span class="band-reason" data-testid="band-reason">
                                {reason}
                            </span>
                        }
                    })}
                <Sparkline points=history weeks=MODEL.history_weeks as usize />
            </div>
        }
        .into_any(),
        Headline::Readiness(readiness) => {
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
        Headline::Stopped => view! {
            <div class="score stopped">
                <span class="score-label">"Stopped"</span>
            </div>
        }
        .into_any(),
    }
}
