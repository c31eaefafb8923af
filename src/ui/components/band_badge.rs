//! A momentum band as a badge: its name and a shape, so it reads without colour.

use crate::domain::Band;
use leptos::prelude::*;

pub fn band_class(band: Band) -> &'static str {
    match band {
        Band::Moving => "band band-moving",
        Band::Drifting => "band band-drifting",
        Band::GhostTownRisk => "band band-ghost",
        Band::Unknown => "band band-unknown",
    }
}

fn band_icon(band: Band) -> &'static str {
    match band {
        Band::Moving => "▲",
        Band::Drifting => "◆",
        Band::GhostTownRisk => "▼",
        Band::Unknown => "?",
    }
}

/// The band with its icon; `test_id` marks the one tests read.
#[component]
pub fn BandBadge(band: Band, #[prop(optional)] test_id: Option<&'static str>) -> impl IntoView {
    view! {
        <span class=band_class(band)>
            <span class="band-icon" aria-hidden="true">
                {band_icon(band)}
            </span>
            <span data-testid=test_id>{band.label()}</span>
        </span>
    }
}
