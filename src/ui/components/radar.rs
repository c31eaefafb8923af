//! The ghost-town radar: days since launch (x, with 30, 60 and 90-day markers) against momentum
//! (y, with the band zones), one dot per scored plan. Each dot is named on hover and focus,
//! reachable by keyboard, and opens its plan; the same figures open as a table.

use super::band_zones::{BandScale, BandZones};
use crate::domain::overview::RadarPoint;
use crate::domain::Band;
use crate::ui::router::{use_router, Link, Route};
use leptos::prelude::*;

// The drawing's coordinate space: whole numbers, scaled by CSS.
const LEFT: i64 = 44;
const TOP: i64 = 14;
const WIDTH: i64 = 560;
const HEIGHT: i64 = 220;
const BOTTOM: i64 = 40;
const MARKERS: [i64; 3] = [30, 60, 90];
/// More running pilots than this and the radar draws plain dots.
const DENSE_FROM: usize = 40;

/// Opens the plan of the dot an event came from (one listener for every dot).
fn open_dot(router: crate::ui::router::Router, event: &web_sys::Event) {
    use wasm_bindgen::JsCast;
    let dot = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("[data-plan-id]").ok().flatten());
    if let Some(id) = dot.and_then(|d| d.get_attribute("data-plan-id")) {
        router.go(Route::Plan(crate::domain::PlanId(id)));
    }
}

fn dot_class(band: Band) -> &'static str {
    match band {
        Band::Moving => "dot-moving",
        Band::Drifting => "dot-drifting",
        Band::GhostTownRisk => "dot-ghost",
        Band::Unknown => "dot-unknown",
    }
}

const SCALE: BandScale = BandScale {
    left: LEFT,
    top: TOP,
    width: WIDTH,
    height: HEIGHT,
};

fn y(score: u8) -> i64 {
    SCALE.y(score)
}

#[component]
pub fn Radar(points: Vec<RadarPoint>) -> impl IntoView {
    let router = use_router();
    let span = points
        .iter()
        .map(|p| p.days_since_launch)
        .max()
        .unwrap_or(0)
        .max(100)
        + 10;
    let x = move |days: i64| LEFT + days.clamp(0, span) * WIDTH / span;
    // Past a few dozen pilots, labels and a tab stop per dot help no one: the dots are drawn
    // plain (a tooltip names each, a click opens it) and the table below is the way in by keyboard.
    let dense = points.len() > DENSE_FROM;
    let dots = points
        .iter()
        .map(|p| {
            let label = format!(
                "{}: day {}, momentum {} ({})",
                p.name,
                p.days_since_launch,
                p.score,
                p.band.label()
            );
            let (cx, cy) = (x(p.days_since_launch), y(p.score));
            let class = format!("radar-dot {}", dot_class(p.band));
            if dense {
                return view! {
                    <circle class=class data-testid="radar-dot" data-plan-id=p.plan.to_string() cx=cx cy=cy r="6">
                        <title>{label}</title>
                    </circle>
                }
                .into_any();
            }
            let aria = label.clone();
            let anchor_right = cx > LEFT + WIDTH * 2 / 3;
            let short: String = p.name.chars().take(28).collect();
            view! {
                <g
                    class=class
                    tabindex="0"
                    role="link"
                    aria-label=aria
                    data-testid="radar-dot"
                    data-plan-id=p.plan.to_string()
                >
                    <title>{label}</title>
                    <circle cx=cx cy=cy r="8"/>
                    <text class="radar-label" x=if anchor_right { cx - 12 } else { cx + 12 } y=cy + 4 text-anchor=if anchor_right { "end" } else { "start" }>
                        {short}
                    </text>
                </g>
            }
            .into_any()
        })
        .collect_view();
    // The table is drawn only when opened: a large portfolio has hundreds of rows.
    let rows: Vec<(RadarPoint, &'static str)> =
        points.iter().map(|p| (p.clone(), p.band.label())).collect();
    let table_open = RwSignal::new(false);
    let count = points.len();
    view! {
        <figure class="radar">
            <svg
                viewBox=format!("0 0 {} {}", LEFT + WIDTH + 12, TOP + HEIGHT + BOTTOM)
                role="group"
                aria-labelledby="radar-caption"
                on:click=move |ev| open_dot(router, &ev)
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Enter" || ev.key() == " " {
                        ev.prevent_default();
                        open_dot(router, &ev);
                    }
                }
            >
                <BandZones scale=SCALE/>
                {MARKERS
                    .into_iter()
                    .map(|d| view! {
                        <line class="radar-marker" x1=x(d) x2=x(d) y1=TOP y2=TOP + HEIGHT/>
                        <text class="chart-axis" x=x(d) y=TOP + HEIGHT + 18 text-anchor="middle">{format!("{d} days")}</text>
                    })
                    .collect_view()}
                <text class="chart-axis" x=LEFT y=TOP + HEIGHT + 34>"Days since launch →"</text>
                {dots}
            </svg>
            <figcaption id="radar-caption">
                {if count == 0 {
                    "No running pilot to plot yet.".to_string()
                } else {
                    let reach = if dense { " Open the table below to reach each one." } else { "" };
                    format!("{count} running pilots by days since launch and momentum. Pilots low and to the right are turning into ghost towns.{reach}")
                }}
            </figcaption>
            <details class="radar-table" on:toggle=move |_| table_open.update(|o| *o = !*o)>
                <summary>"The radar as a table"</summary>
                {move || table_open.get().then(|| {
                    let rows = rows.clone()
                        .into_iter()
                        .map(|(p, band)| view! {
                            <tr>
                                <th scope="row"><Link to=Route::Plan(p.plan)>{p.name}</Link></th>
                                <td>{p.days_since_launch}</td>
                                <td>{p.score}</td>
                                <td>{band}</td>
                            </tr>
                        })
                        .collect_view();
                    view! {
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">"Pilot"</th>
                                    <th scope="col">"Days since launch"</th>
                                    <th scope="col">"Momentum"</th>
                                    <th scope="col">"Band"</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    }
                })}
            </details>
        </figure>
    }
}
