//! The ghost-town radar: days since launch (x, with 30, 60 and 90-day markers) against momentum
//! (y, with the band zones), one dot per scored plan. Each dot is named on hover and focus,
//! reachable by keyboard, and opens its plan; the same figures open as a table.
//!
//! Past a few dozen pilots the dots are drawn plain: one piece of markup for all of them, named
//! by one tooltip that follows the pointer, opened by a click, and reached by keyboard through
//! the table.

use super::band_zones::{BandScale, BandZones};
use crate::domain::overview::RadarPoint;
use crate::domain::{written, Band};
use crate::ui::router::{use_router, Link, Route, Router};
use leptos::prelude::*;
use std::fmt::Write;
use std::sync::Arc;
use wasm_bindgen::JsCast;

// The drawing's coordinate space: whole numbers, scaled by CSS.
const LEFT: i64 = 44;
const TOP: i64 = 14;
const WIDTH: i64 = 560;
const HEIGHT: i64 = 220;
const BOTTOM: i64 = 40;
const MARKERS: [i64; 3] = [30, 60, 90];
/// More running pilots than this and the radar draws plain dots.
const DENSE_FROM: usize = 40;

/// The dot an event came from: a labelled dot's plan id, or a plain dot's place in `points`.
fn dot_of(event: &web_sys::Event) -> Option<web_sys::Element> {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("[data-plan-id], [data-i]").ok().flatten())
}

/// The index in `points` of a plain dot.
fn plain_index(dot: &web_sys::Element) -> Option<usize> {
    dot.get_attribute("data-i")?.parse().ok()
}

/// Opens the plan of the dot an event came from (one listener for every dot).
fn open_dot(router: Router, points: &[RadarPoint], event: &web_sys::Event) {
    let Some(dot) = dot_of(event) else { return };
    let id = match plain_index(&dot) {
        Some(i) => points.get(i).map(|p| p.plan.clone()),
        None => dot.get_attribute("data-plan-id").map(crate::domain::PlanId),
    };
    if let Some(id) = id {
        router.go(Route::Plan(id));
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

/// Which third of the chart's width `cx` falls in (0, 1 or 2): text next to a dot in the right
/// third is anchored at its end, so it stays inside the chart.
fn third(cx: i64) -> u8 {
    if cx > LEFT + WIDTH * 2 / 3 {
        2
    } else if cx < LEFT + WIDTH / 3 {
        0
    } else {
        1
    }
}

fn y(score: u8) -> i64 {
    SCALE.y(score)
}

fn dot_label(p: &RadarPoint) -> String {
    format!(
        "{}: day {}, momentum {} ({})",
        p.name,
        p.days_since_launch,
        p.score,
        p.band.label()
    )
}

/// Every plain dot as SVG markup, so the browser's parser builds hundreds of circles in one
/// step instead of one call per circle and attribute. It is given each dot's band and centre
/// only: no plan's text can reach the markup.
fn plain_dots_markup(dots: impl ExactSizeIterator<Item = (Band, i64, i64)>) -> String {
    let mut markup = String::with_capacity(dots.len() * 110);
    for (i, (band, cx, cy)) in dots.enumerate() {
        // Writing to a String cannot fail.
        let _ = write!(
            markup,
            r#"<circle class="radar-dot {}" data-testid="radar-dot" data-i="{i}" cx="{cx}" cy="{cy}" r="6"></circle>"#,
            dot_class(band),
        );
    }
    markup
}

#[component]
pub fn Radar(
    points: Vec<RadarPoint>,
    /// Running pilots whose launch date is still to come: not plotted yet, but said.
    #[prop(optional)]
    starting_later: usize,
) -> impl IntoView {
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
    let dots = if dense {
        view! {
            <g
                class="radar-plain-dots"
                inner_html=plain_dots_markup(
                    points.iter().map(|p| (p.band, x(p.days_since_launch), y(p.score))),
                )
            ></g>
        }
        .into_any()
    } else {
        points
            .iter()
            .map(|p| {
                let label = dot_label(p);
                let (cx, cy) = (x(p.days_since_launch), y(p.score));
                let aria = label.clone();
                let anchor_right = third(cx) == 2;
                let short = written::cut(&p.name, 28);
                view! {
                    <g
                        class=format!("radar-dot {}", dot_class(p.band))
                        tabindex="0"
                        role="link"
                        aria-label=aria
                        data-testid="radar-dot"
                        data-plan-id=p.plan.to_string()
                    >
                        <title>{label}</title>
                        <circle cx=cx cy=cy r="8" />
                        <text
                            class="radar-label"
                            x=if anchor_right { cx - 12 } else { cx + 12 }
                            y=cy + 4
                            text-anchor=if anchor_right { "end" } else { "start" }
                        >
                            {short}
                        </text>
                    </g>
                }
            })
            .collect_view()
            .into_any()
    };
    // The plain dots' tooltip: the dot the pointer is over, named in two lines drawn in the
    // radar above it (below it near the top edge).
    let tip = RwSignal::new(None::<usize>);
    let points = Arc::new(points);
    let tip_points = Arc::clone(&points);
    let click_points = Arc::clone(&points);
    let key_points = Arc::clone(&points);
    let point_over = move |ev: web_sys::PointerEvent| {
        tip.set(dot_of(&ev).and_then(|dot| plain_index(&dot)));
    };
    let tooltip = move || {
        let p = tip_points.get(tip.get()?)?;
        let (cx, cy) = (x(p.days_since_launch), y(p.score));
        let mut lines = written::lines(&p.name, 40, 2);
        lines.push(format!(
            "Day {} · momentum {} · {}",
            p.days_since_launch,
            p.score,
            p.band.label()
        ));
        // Lines 18 units apart, ending just above the dot, or starting below it near the top.
        let count = lines.len() as i64;
        let first = if cy - 12 - 18 * (count - 1) < TOP + 4 {
            cy + 24
        } else {
            cy - 12 - 18 * (count - 1)
        };
        let anchor = match third(cx) {
            2 => "end",
            0 => "start",
            _ => "middle",
        };
        let lines = lines
            .into_iter()
            .enumerate()
            .map(|(i, line)| {
                view! {
                    <tspan x=cx y=first + 18 * i as i64>
                        {line}
                    </tspan>
                }
            })
            .collect_view();
        Some(view! {
            <text class="radar-tip" aria-hidden="true" text-anchor=anchor>
                {lines}
            </text>
        })
    };
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
                on:click=move |ev| open_dot(router, &click_points, &ev)
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Enter" || ev.key() == " " {
                        ev.prevent_default();
                        open_dot(router, &key_points, &ev);
                    }
                }
                on:pointerover=point_over
                on:pointerleave=move |_| tip.set(None)
            >
                <BandZones scale=SCALE />
                {MARKERS
                    .into_iter()
                    .map(|d| {
                        view! {
                            <line class="radar-marker" x1=x(d) x2=x(d) y1=TOP y2=TOP + HEIGHT />
                            <text
                                class="chart-axis"
                                x=x(d)
                                y=TOP + HEIGHT + 18
                                text-anchor="middle"
                            >
                                {format!("{d} days")}
                            </text>
                        }
                    })
                    .collect_view()}
                <text class="chart-axis" x=LEFT y=TOP + HEIGHT + 34>
                    "Days since launch →"
                </text>
                {dots}
                {tooltip}
            </svg>
            <figcaption id="radar-caption">
                {match starting_later {
                    0 => String::new(),
                    1 => {
                        "One running pilot launches later; it joins the radar on its launch day. "
                            .to_string()
                    }
                    n => {
                        format!(
                            "{n} running pilots launch later; each joins the radar on its launch day. ",
                        )
                    }
                }}
                {if count == 0 {
                    "No running pilot to plot yet.".to_string()
                } else {
                    let reach = if dense { " Open the table below to reach each one." } else { "" };
                    let pilots = if count == 1 {
                        "1 running pilot".to_string()
                    } else {
                        format!("{count} running pilots")
                    };
                    format!(
                        "{pilots} by days since launch and momentum. Pilots low and to the right are turning into ghost towns.{reach}",
                    )
                }}
            </figcaption>
            <details class="radar-table" on:toggle=move |_| table_open.update(|o| *o = !*o)>
                <summary>"The radar as a table"</summary>
                {move || {
                    table_open
                        .get()
                        .then(|| {
                            let rows = rows
                                .clone()
                                .into_iter()
                                .map(|(p, band)| {
                                    view! {
                                        <tr>
                                            <th scope="row">
                                                <Link to=Route::Plan(p.plan)>{p.name}</Link>
                                            </th>
                                            <td>{p.days_since_launch}</td>
                                            <td>{p.score}</td>
                                            <td>
                                                {band}
                                                {p
                                                    .reason
                                                    .map(|reason| {
                                                        view! {
                                                            <span class="band-reason">{format!(" ({reason})")}</span>
                                                        }
                                                    })}
                                            </td>
                                        </tr>
                                    }
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
                        })
                }}
            </details>
        </figure>
    }
}
