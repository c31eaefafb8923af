//! The trend arrow, with its meaning in words for screen readers and on hover.

use crate::domain::scoring::{Direction, Trend, MODEL};
use leptos::prelude::*;

#[component]
pub fn TrendArrow(trend: Option<Trend>) -> impl IntoView {
    trend.map(|trend| {
        let days = MODEL.trend.lookback_days;
        let text = format!(
            "{} ({:+} since {days} days ago, from {})",
            trend.direction.label(),
            trend.delta(),
            trend.then
        );
        let class = match trend.direction {
            Direction::Up => "trend trend-up",
            Direction::Flat => "trend trend-flat",
            Direction::Down => "trend trend-down",
        };
        let title = text.clone();
        view! {
            <span class=class title=title data-testid="trend">
                <span aria-hidden="true">{trend.direction.arrow()}</span>
                <span class="visually-hidden">{text}</span>
            </span>
        }
    })
}
