//! The momentum scale both charts share: the band zones (from the scoring model's thresholds),
//! the 0/40/70/100 axis labels, and where a score sits vertically.

use crate::domain::scoring::MODEL;
use leptos::prelude::*;

/// A chart's plot area, in the drawing's whole-number coordinates.
#[derive(Debug, Clone, Copy)]
pub struct BandScale {
    pub left: i64,
    pub top: i64,
    pub width: i64,
    pub height: i64,
}

impl BandScale {
    /// The vertical position of a momentum score.
    pub fn y(&self, score: u8) -> i64 {
        self.top + self.height - i64::from(score) * self.height / 100
    }
}

/// The band zones and the score axis; `grid` adds lines at the thresholds, `named` the zones'
/// names at their top left, away from the newest weeks, which a trend draws at the right.
#[component]
pub fn BandZones(
    scale: BandScale,
    #[prop(optional)] grid: bool,
    #[prop(optional)] named: bool,
) -> impl IntoView {
    let moving = MODEL.bands.moving_from;
    let drifting = MODEL.bands.drifting_from;
    let right = scale.left + scale.width;
    let zone = move |from: u8, to: u8, class: &'static str| {
        view! {
            <rect
                class=class
                x=scale.left
                y=scale.y(to)
                width=scale.width
                height=scale.y(from) - scale.y(to)
            />
        }
    };
    let name = move |top: u8, text: &'static str| {
        named.then(|| {
            view! {
                <text class="chart-zone-label" x=scale.left + 6 y=scale.y(top) + 16>
                    {text}
                </text>
            }
        })
    };
    view! {
        {zone(moving, 100, "zone zone-moving")}
        {zone(drifting, moving, "zone zone-drifting")}
        {zone(0, drifting, "zone zone-ghost")}
        {[0u8, drifting, moving, 100]
            .into_iter()
            .map(|s| {
                view! {
                    {grid
                        .then(|| {
                            view! {
                                <line
                                    class="chart-grid"
                                    x1=scale.left
                                    x2=right
                                    y1=scale.y(s)
                                    y2=scale.y(s)
                                />
                            }
                        })}
                    <text class="chart-axis" x=scale.left - 8 y=scale.y(s) + 5 text-anchor="end">
                        {s.to_string()}
                    </text>
                }
            })
            .collect_view()}
        {name(100, "Moving")}
        {name(moving, "Drifting")}
        {name(drifting, "Ghost-town risk")}
    }
}
