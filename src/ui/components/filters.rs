//! The portfolio's search, filters and sort order. Every change is kept for the next visit.

use crate::domain::overview::SortBy;
use crate::domain::{Band, PartnerKind, Stage};
use crate::ui::state::AppState;
use leptos::prelude::*;

const ANY: &str = "Any";
const BANDS: [Band; 4] = [
    Band::Moving,
    Band::Drifting,
    Band::GhostTownRisk,
    Band::Unknown,
];

/// A select over `choices` plus "Any", bound to one optional filter of the view.
#[component]
fn Choice<T: Copy + PartialEq + Send + Sync + 'static>(
    id: &'static str,
    label: &'static str,
    choices: Vec<T>,
    name: fn(T) -> &'static str,
    #[prop(into)] value: Signal<Option<T>>,
    on_change: Callback<Option<T>>,
) -> impl IntoView {
    let options = choices.clone();
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select
                id=id
                on:change=move |ev| {
                    let picked = event_target_value(&ev);
                    on_change.run(options.iter().copied().find(|c| name(*c) == picked));
                }
            >
                <option selected=move || value.get().is_none()>{ANY}</option>
                {choices
                    .into_iter()
                    .map(|c| {
                        view! { <option selected=move || value.get() == Some(c)>{name(c)}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

#[component]
pub fn Filters() -> impl IntoView {
    let state = expect_context::<AppState>();
    let view_of = state.view;
    view! {
        <form
            class="filters"
            role="search"
            aria-label="Find plans"
            on:submit=|ev| ev.prevent_default()
        >
            <div class="field search">
                <label for="filter-search">"Search"</label>
                <input
                    id="filter-search"
                    type="search"
                    placeholder="Plan or partner name"
                    prop:value=move || view_of.with(|v| v.search.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        state.set_view(|v| v.search = text);
                    }
                />
            </div>
            <Choice
                id="filter-kind"
                label="Partner kind"
                choices=PartnerKind::ALL.to_vec()
                name=PartnerKind::label
                value=Signal::derive(move || view_of.with(|v| v.kind))
                on_change=Callback::new(move |k| state.set_view(|v| v.kind = k))
            />
            <Choice
                id="filter-stage"
                label="Stage"
                choices=Stage::ALL.to_vec()
                name=Stage::label
                value=Signal::derive(move || view_of.with(|v| v.stage))
                on_change=Callback::new(move |s| state.set_view(|v| v.stage = s))
            />
            <Choice
                id="filter-band"
                label="Band"
                choices=BANDS.to_vec()
                name=Band::label
                value=Signal::derive(move || view_of.with(|v| v.band))
                on_change=Callback::new(move |b| state.set_view(|v| v.band = b))
            />
            <div class="field">
                <label for="filter-sort">"Sort by"</label>
                <select
                    id="filter-sort"
                    on:change=move |ev| {
                        let picked = event_target_value(&ev);
                        if let Some(sort) = SortBy::ALL.into_iter().find(|s| s.label() == picked) {
                            state.set_view(|v| v.sort = sort);
                        }
                    }
                >
                    {SortBy::ALL
                        .into_iter()
                        .map(|s| {
                            view! {
                                <option selected=move || {
                                    view_of.with(|v| v.sort == s)
                                }>{s.label()}</option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <Show when=move || view_of.with(|v| v.is_filtered())>
                <button
                    type="button"
                    class="button small"
                    on:click=move |_| {
                        state
                            .set_view(|v| {
                                let sort = v.sort;
                                *v = Default::default();
                                v.sort = sort;
                            })
                    }
                >
                    "Clear filters"
                </button>
            </Show>
        </form>
    }
}
