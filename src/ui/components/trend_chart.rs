//! Momentum over the last twelve weeks as an SVG chart: band zones, labelled axes, one point per
//! week with its value on hover, and the same figures as a table for screen readers.

use super::band_zones::{BandScale, BandZones};
use crate::domain::scoring::{HistoryPoint, MODEL};
use crate::ui::format;
use leptos::prelude::*;

// The drawing's coordinate space: whole numbers, scaled by CSS.
const LEFT: i64 = 44;
const RIGHT: i64 = 32;
const TOP: i64 = 12;
const PLOT_HEIGHT: i64 = 200;
const BOTTOM: i64 = 36;
const WEEK: i64 = 56;

#[component]
pub fn TrendChart(points: Vec<HistoryPoint>) -> impl IntoView {
    let weeks = i64::from(MODEL.history_weeks);
    let width = LEFT + (weeks - 1) * WEEK + RIGHT;
    let height = TOP + PLOT_HEIGHT + BOTTOM;
    let offset = (weeks - points.len() as i64).max(0);
    let x = move |i: usize| LEFT + (offset + i as i64) * WEEK;
    let scale = BandScale {
        left: LEFT,
        top: TOP,
        width: (weeks - 1) * WEEK,
        height: PLOT_HEIGHT,
    };
    let y = move |score: u8| scale.y(score);
    let line = points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.score.map(|s| format!("{},{}", x(i), y(s))))
        .collect::<Vec<_>>()
        .join(" ");
    let summary = match (
        points.iter().find_map(|p| p.score),
        points.iter().rev().find_map(|p| p.score),
    ) {
        (Some(first), Some(last)) => format!(
            "Momentum each week for the last {} weeks, from {first} to {last}.",
            points.len()
        ),
        _ => "Not enough history for a chart yet.".to_string(),
    };
    let marks = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let label = format!(
                "{}: {}",
                format::short_date(p.on),
                p.score.map_or_else(
                    || "Unknown".to_string(),
                    |s| format!("{s}, {}", p.band.label())
                )
            );
            let x_label = (i % 2 == (points.len() - 1) % 2).then(|| {
                view! {
                    <text class="chart-axis" x=x(i) y=TOP + PLOT_HEIGHT + 22 text-anchor="middle">
                        {format::short_date(p.on)}
                    </text>
                }
            });
            let dot = p.score.map(|s| {
                view! {
                    <circle class="chart-point" cx=x(i) cy=y(s) r="5">
                        <title>{label.clone()}</title>
                    </circle>
                }
            });
            view! {
                {x_label}
                {dot}
            }
        })
        .collect_view();
    let rows = points
        .iter()
        .map(|p| {
            view! {
                <tr>
                    <td>{format::date(p.on)}</td>
                    <td>{p.score.map_or_else(|| "Unknown".to_string(), |s| s.to_string())}</td>
                    <td>{p.band.label()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="trend-chart">
            <svg
                viewBox=format!("0 0 {width} {height}")
                role="img"
                aria-label=summary.clone()
                data-testid="trend-chart"
            >
                <BandZones scale=scale grid=true named=true />
                <polyline class="chart-line" points=line />
                {marks}
            </svg>
            <figcaption>{summary}</figcaption>
            <table class="visually-hidden">
                <caption>"Momentum by week"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Week of"</th>
                        <th scope="col">"Momentum"</th>
                        <th scope="col">"Band"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </figure>
    }
}
