//! Banners that say what happened to browser storage: unavailable, read-only, unreadable values
//! set aside, a save that failed, or a plan left unsaved because it would not load again. Each says what it means for the user's data.

use crate::domain::scoring::MODEL;
use crate::exchange::export::portfolio_file;
use crate::exchange::json::{write_json, Layout};
use crate::ui::browser::download;
use crate::ui::router::{Link, Route};
use crate::ui::state::{now, AppState};
use leptos::prelude::*;

/// Values as one JSON object: each key with its text, in the order given.
struct TextByKey(Vec<(String, String)>);

impl serde::Serialize for TextByKey {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(key, text)| (key, text)))
    }
}

#[component]
pub fn StorageBanners() -> impl IntoView {
    let state = expect_context::<AppState>();
    let report = state.storage;
    let dismissed_quarantine = RwSignal::new(false);

    let download_unreadable = move |_| {
        let text = write_json(&TextByKey(state.unreadable_values()), Layout::Indented);
        let file = format!("pilotdeck-unreadable-{}.json", state.today.get_untracked());
        if let Err(error) = download(&file, "application/json", &text) {
            state.notify(format!("The download did not start: {error}"));
        }
    };

    // Everything in memory, saved or not: the way out when the browser will not store it.
    let export_everything = move |_| {
        let plans = state.portfolio.with_untracked(|p| p.plans().to_vec());
        let (name, json) = portfolio_file(&plans, now(), state.today.get_untracked(), &MODEL);
        match download(&name, "application/json", &json) {
            Ok(()) => state.record_export(),
            Err(error) => state.notify(format!("The export did not start: {error}")),
        }
    };

    view! {
        <div class="banners">
            {move || {
                report
                    .with(|r| r.unavailable.as_ref().map(ToString::to_string))
                    .map(|reason| {
                        view! {
                            <div
                                class="banner banner-error"
                                role="alert"
                                data-testid="storage-banner"
                            >
                                <strong>"Changes will not be kept. "</strong>
                                {reason}
                                " Pilotdeck is running in memory: what you do here is lost when this tab closes."
                            </div>
                        }
                    })
            }} <Show when=move || report.with(|r| r.read_only)>
                <div class="banner banner-warning" role="alert" data-testid="storage-banner">
                    <strong>"Read-only. "</strong>
                    "The plans in this browser were saved by a newer version of Pilotdeck. "
                    "They are shown as they are; nothing you change here will be saved."
                </div>
            </Show>
            <Show when=move || {
                !dismissed_quarantine.get() && report.with(|r| !r.quarantined.is_empty())
            }>
                <div class="banner banner-warning" role="alert" data-testid="storage-banner">
                    <p>
                        <strong>
                            {move || {
                                let n = report.with(|r| r.quarantined.len());
                                if n == 1 {
                                    "One stored value could not be read. ".to_string()
                                } else {
                                    format!("{n} stored values could not be read. ")
                                }
                            }}
                        </strong>
                        {move || {
                            if report.with(|r| r.read_only) {
                                "They were left untouched where they are; everything else loaded normally."
                            } else {
                                "They were set aside untouched; everything else loaded normally."
                            }
                        }}
                    </p>
                    <ul class="banner-details">
                        {move || {
                            report
                                .with(|r| r.quarantined.clone())
                                .into_iter()
                                .map(|q| {
                                    view! {
                                        <li>
                                            <code>{q.key}</code>
                                            ": "
                                            {q.reason}
                                            " — kept at "
                                            <code>{q.kept_at}</code>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                    <div class="banner-actions">
                        <button type="button" class="button small" on:click=download_unreadable>
                            "Download unreadable data"
                        </button>
                        // Only values moved aside can be discarded; data a newer version owns cannot.
                        <Show when=move || report.with(|r| !r.discardable().is_empty())>
                            <button
                                type="button"
                                class="button small"
                                on:click=move |_| state.discard_unreadable()
                            >
                                "Discard"
                            </button>
                        </Show>
                        <button
                            type="button"
                            class="button small quiet"
                            on:click=move |_| dismissed_quarantine.set(true)
                        >
                            "Dismiss"
                        </button>
                    </div>
                </div>
            </Show>
            {move || {
                report
                    .with(|r| r.save_error.as_ref().map(ToString::to_string))
                    .map(|message| {
                        view! {
                            <div class="banner banner-error" role="alert" data-testid="save-banner">
                                <p>
                                    <strong>"Not saved. "</strong>
                                    {message}
                                </p>
                                <div class="banner-actions">
                                    <button
                                        type="button"
                                        class="button small"
                                        on:click=export_everything
                                    >
                                        "Export all"
                                    </button>
                                    <button
                                        type="button"
                                        class="button small quiet"
                                        on:click=move |_| state.save_now()
                                    >
                                        "Try again"
                                    </button>
                                </div>
                            </div>
                        }
                    })
            }}
            // Short lists (a plan or two): drawn whole, without the keyed updates of `For`, which
            // cost about 3 KB of gzipped wasm each (6 KB for the two).
            {move || {
                report
                    .with(|r| r.unsaved.clone())
                    .into_iter()
                    .map(|unsaved| {
                        view! {
                            <div
                                class="banner banner-error"
                                role="alert"
                                data-testid="unsaved-banner"
                            >
                                <p>
                                    <strong>
                                        {format!("“{}” is not saved. ", unsaved.name)}
                                    </strong>
                                    {format!("{}.", unsaved.problem)}
                                    " Your changes are kept in this tab; once this is fixed they are saved. Until then, reopening Pilotdeck shows the plan as it was last saved."
                                </p>
                                <div class="banner-actions">
                                    <Link to=Route::Plan(unsaved.id) class="button small">
                                        "Open the plan"
                                    </Link>
                                </div>
                            </div>
                        }
                    })
                    .collect_view()
            }}
            {move || {
                state
                    .conflicts
                    .get()
                    .into_iter()
                    .map(|theirs| view! { <ConflictBanner theirs=theirs /> })
                    .collect_view()
            }}
        </div>
    }
}

/// Another tab saved a newer version of a plan this tab was changing: take it, or keep both.
#[component]
fn ConflictBanner(theirs: crate::domain::Plan) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = StoredValue::new(theirs.id.clone());
    let name = state
        .plan(&theirs.id)
        .map_or(theirs.name.clone(), |p| p.name);
    view! {
        <div class="banner banner-warning" role="alert" data-testid="conflict-banner">
            <p>
                <strong>{format!("“{name}” was changed in another tab ")}</strong>
                "while you were changing it here. Your changes are kept in this tab until you choose."
            </p>
            <div class="banner-actions">
                <button
                    type="button"
                    class="button small primary"
                    on:click=move |_| state.take_newer(&id.get_value())
                >
                    "Take the newer version"
                </button>
                <button
                    type="button"
                    class="button small"
                    on:click=move |_| state.keep_mine_as_copy(&id.get_value())
                >
                    "Keep mine as a copy"
                </button>
            </div>
        </div>
    }
}
