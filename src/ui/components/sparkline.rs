//! A small line of momentum over the last weeks, for a card.
//!
//! Drawn in a 0–100 coordinate space (x: weeks, y: score) and stretched by CSS, so every
//! coordinate is a whole number.

use crate::domain::scoring::{HistoryPoint, MODEL};
use leptos::prelude::*;

/// Horizontal units per week.
const WEEK: usize = 10;

/// The points as SVG coordinates (x in weeks × 10, y = 100 − score), oldest first, placed at
/// the right end when there are fewer weeks than `weeks`; Unknown weeks are skipped.
pub fn polyline(points: &[HistoryPoint], weeks: usize) -> String {
    let offset = weeks.saturating_sub(points.len());
    points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            p.score
                .map(|s| format!("{},{}", (offset + i) * WEEK, 100 - s))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[component]
pub fn Sparkline(points: Vec<HistoryPoint>, weeks: usize) -> impl IntoView {
    let first = points.iter().find_map(|p| p.score);
    let last = points.iter().rev().find_map(|p| p.score);
    let label = match (first, last) {
        (Some(first), Some(last)) => format!(
            "Momentum over the last {} weeks: from {first} to {last}",
            points.len()
        ),
        _ => "Not enough history yet".to_string(),
    };
    let width = (weeks.max(2) - 1) * WEEK;
    let line = |score: u8| 100 - score;
    view! {
        <svg
            class="sparkline"
            viewBox=format!("0 0 {width} 100")
            preserveAspectRatio="none"
            role="img"
            aria-label=label
        >
            <line
                class="sparkline-threshold"
                x1="0"
                x2=width
                y1=line(MODEL.bands.moving_from)
                y2=line(MODEL.bands.moving_from)
            />
            <line
                class="sparkline-threshold"
                x1="0"
                x2=width
                y1=line(MODEL.bands.drifting_from)
                y2=line(MODEL.bands.drifting_from)
            />
            <polyline class="sparkline-line" points=polyline(&points, weeks) />
        </svg>
    }
}
