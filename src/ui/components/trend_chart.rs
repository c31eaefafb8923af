//! Momentum over the last twelve weeks as an SVG chart: band zones, labelled axes, one point per
//! week with its value on hover, and the same figures as a table for screen readers.

use crate::domain::scoring::{HistoryPoint, MODEL};
use crate::ui::format;
use leptos::prelude::*;

// The drawing's coordinate space: whole numbers, scaled by CSS.
const LEFT: usize = 44;
const RIGHT: usize = 12;
const TOP: usize = 12;
const PLOT_HEIGHT: usize = 200;
const BOTTOM: usize = 36;
const WEEK: usize = 56;

fn y(score: u8) -> usize {
    TOP + PLOT_HEIGHT - usize::from(score) * PLOT_HEIGHT / 100
}

#[component]
pub fn TrendChart(points: Vec<HistoryPoint>) -> impl IntoView {
    let weeks = MODEL.history_weeks as usize;
    let width = LEFT + (weeks - 1) * WEEK + RIGHT;
    let height = TOP + PLOT_HEIGHT + BOTTOM;
    let offset = weeks.saturating_sub(points.len());
    let x = move |i: usize| LEFT + (offset + i) * WEEK;
    let moving = MODEL.bands.moving_from;
    let drifting = MODEL.bands.drifting_from;
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
    let plot_right = LEFT + (weeks - 1) * WEEK;
    let zone = move |from: u8, to: u8, class: &'static str| {
        view! {
            <rect
                class=class
                x=LEFT
                y=y(to)
                width=plot_right - LEFT
                height=y(from) - y(to)
            />
        }
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
            view! { {x_label} {dot} }
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
                {zone(moving, 100, "zone zone-moving")}
                {zone(drifting, moving, "zone zone-drifting")}
                {zone(0, drifting, "zone zone-ghost")}
                {[0u8, drifting, moving, 100]
                    .into_iter()
                    .map(|s| {
                        view! {
                            <line class="chart-grid" x1=LEFT x2=plot_right y1=y(s) y2=y(s)/>
                            <text class="chart-axis" x=LEFT - 8 y=y(s) + 5 text-anchor="end">
                                {s.to_string()}
                            </text>
                        }
                    })
                    .collect_view()}
                <text class="chart-zone-label" x=plot_right - 6 y=y(100) + 16 text-anchor="end">"Moving"</text>
                <text class="chart-zone-label" x=plot_right - 6 y=y(moving) + 16 text-anchor="end">"Drifting"</text>
                <text class="chart-zone-label" x=plot_right - 6 y=y(drifting) + 16 text-anchor="end">"Ghost-town risk"</text>
                <polyline class="chart-line" points=line/>
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
