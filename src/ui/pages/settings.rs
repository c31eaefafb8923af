//! `/settings`: how much browser storage Pilotdeck uses and when plans were last exported,
//! whether it works offline and how to install it, the trash of deleted plans, the file format,
//! and what happens to your data.

use crate::storage::shared::{load_display_name, load_server, save_display_name, save_server};
use crate::storage::view::Theme;
use crate::storage::BrowserStore;
use crate::sync::link::Server;
use crate::ui::browser::focus_by_id;
use crate::ui::components::field::TextField;
use crate::ui::format;
use crate::ui::install::{Install, Installing};
use crate::ui::live::{reachable, Live};
use crate::ui::offline::KeptCopy;
use crate::ui::router::{Link, Route};
use crate::ui::state::AppState;
use crate::ui::theme::ThemeChoice;
use leptos::prelude::*;

/// The trash's heading, where the keyboard goes once a plan is deleted for good.
const TRASH_HEADING: &str = "trash-heading";
/// The button that confirms deleting a plan for good: there is one at a time.
/// The safe answer to "Delete it for good?", which takes the keyboard: Enter keeps the plan.
const KEEP_IN_TRASH: &str = "keep-in-trash";

/// The id of a trashed plan's "Delete for good" button.
fn forget_button_id(plan_id: &str) -> String {
    format!("forget-{plan_id}")
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let theme_choice = expect_context::<ThemeChoice>();
    let live = expect_context::<Live>();
    let kept = BrowserStore::open().ok();
    let server = RwSignal::new(
        kept.as_ref()
            .and_then(|store| load_server(store))
            .map(|s| s.to_string())
            .unwrap_or_default(),
    );
    let server_problem = RwSignal::new(None::<String>);
    let display_name = RwSignal::new(
        kept.as_ref()
            .map(|store| load_display_name(store))
            .unwrap_or_default(),
    );
    // The trashed plan whose "Delete for good" waits for a confirmation.
    let confirming = RwSignal::new(None::<crate::domain::PlanId>);
    let copy = expect_context::<KeptCopy>();
    let install = expect_context::<Install>();
    let used = move || {
        // Recomputed when plans or the trash change.
        state.portfolio.track();
        state.trash.track();
        state.storage_used()
    };
    // Whether the browser's storage can be used at all; without it nothing is stored to count,
    // kept when space runs low, or promised to stay.
    let stored = move || state.storage.with(|r| r.unavailable.is_none());
    view! {
        <section class="page narrow settings">
            <h1>"Settings"</h1>
            <section class="panel" aria-labelledby="storage-heading">
                <h2 id="storage-heading">"Storage"</h2>
                <dl class="facts">
                    <Show when=stored>
                        <div class="fact">
                            <dt>"Storage used"</dt>
                            <dd data-testid="storage-used">
                                {move || {
                                    let used = used();
                                    format!(
                                        "{} of about {} MB ({}%)",
                                        kilobytes(used),
                                        QUOTA_BYTES / (1024 * 1024),
                                        (used * 100).div_ceil(QUOTA_BYTES),
                                    )
                                }}
                            </dd>
                        </div>
                    </Show>
                    <div class="fact">
                        <dt>"Last export"</dt>
                        <dd data-testid="last-export">
                            {move || {
                                state
                                    .last_export
                                    .get()
                                    .map(|at| format::date(
                                        at.with_timezone(&chrono::Local).date_naive(),
                                    ))
                                    .unwrap_or_else(|| "No export yet".into())
                            }}
                        </dd>
                    </div>
                </dl>
                <Show
                    when=stored
                    fallback=|| {
                        view! {
                            <p data-testid="storage-where">
                                "This browser does not let Pilotdeck use its storage here, so plans live only in this tab and are gone when it closes. Export what you want to keep: “Export all” on the portfolio saves a file."
                            </p>
                        }
                    }
                >
                    <p class="muted" data-testid="storage-where">
                        "Plans live in this browser's storage, on this device only. Browsers can clear it (for example when you clear site data), so keep a file export of anything you would miss."
                    </p>
                </Show>
                <Show when=stored>
                    <p data-testid="persistence">
                        {move || match state.persisted.get() {
                            Some(true) => {
                                "The browser agreed to keep this storage when space runs low. Clearing site data still deletes it."
                            }
                            Some(false) => {
                                "The browser may clear this storage when space runs low: export regularly."
                            }
                            None => {
                                "The browser did not say whether it keeps this storage when space runs low: export regularly."
                            }
                        }}
                    </p>
                </Show>
            </section>
            <section class="panel" aria-labelledby="live-settings-heading">
                <h2 id="live-settings-heading">"Working together"</h2>
                <p class="muted">
                    "Plans shared live go through a sync server your team runs (see the README's “Working together”). Nothing is shared until you press “Share live” on a plan."
                </p>
                <TextField
                    id="sync-server"
                    label="Sync server address"
                    hint="Like wss://sync.example.org. Used for the next plan you share."
                    value=Signal::derive(move || server.get())
                    on_change=Callback::new(move |v: String| {
                        server.set(v.clone());
                        match Server::parse(&v) {
                            Ok(parsed) => {
                                server_problem.set(reachable(&parsed).err());
                                if let Ok(store) = BrowserStore::open() {
                                    let _ = save_server(&store, &parsed);
                                }
                            }
                            Err(_) if v.trim().is_empty() => server_problem.set(None),
                            Err(error) => server_problem.set(Some(error.to_string())),
                        }
                    })
                    problem=Signal::derive(move || server_problem.get())
                />
                <TextField
                    id="display-name"
                    label="Display name"
                    hint="What the others see beside a plan you both have open."
                    max=crate::domain::limits::MAX_NAME_CHARS
                    value=Signal::derive(move || display_name.get())
                    on_change=Callback::new(move |v: String| {
                        display_name.set(v.clone());
                        if let Ok(store) = BrowserStore::open() {
                            let _ = save_display_name(&store, &v);
                        }
                        live.rename(&v);
                    })
                    problem=crate::ui::components::field::no_problem()
                />
            </section>
            <section class="panel" aria-labelledby="theme-heading">
                <h2 id="theme-heading">"Appearance"</h2>
                <fieldset class="decision theme-choice">
                    <legend>"Theme"</legend>
                    {Theme::ALL
                        .into_iter()
                        .map(|theme| {
                            view! {
                                <label class="decision-option">
                                    <input
                                        type="radio"
                                        name="theme"
                                        prop:checked=move || theme_choice.0.get() == theme
                                        on:change=move |_| {
                                            let may_write = state
                                                .storage
                                                .with_untracked(|r| {
                                                    !r.read_only && r.unavailable.is_none()
                                                });
                                            theme_choice.set(theme, may_write);
                                        }
                                    />
                                    {theme.label()}
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <p class="muted">
                    "Workshop mode always uses the projector theme, made for a shared screen."
                </p>
            </section>
            <section class="panel" aria-labelledby="offline-heading">
                <h2 id="offline-heading">"Offline use"</h2>
                <p data-testid="offline-status" aria-live="polite">
                    {move || { copy.offline.with(|offline| offline.describe(stored())) }}
                </p>
                <p class="muted" data-testid="install-status" aria-live="polite">
                    {move || install.state.get().describe()}
                </p>
                <Show when=move || install.state.get() == Installing::Offered>
                    <button type="button" class="button primary" on:click=move |_| install.prompt()>
                        "Install Pilotdeck"
                    </button>
                </Show>
            </section>
            <section class="panel" aria-labelledby="trash-heading">
                <h2 id=TRASH_HEADING tabindex="-1">
                    "Trash"
                </h2>
                {move || {
                    let items = state.trash.get();
                    if items.is_empty() {
                        return view! { <p class="muted">"The trash is empty."</p> }.into_any();
                    }
                    view! {
                        <ul class="trash-list" data-testid="trash">
                            {items
                                .into_iter()
                                .map(|t| {
                                    let restore_id = t.plan.id.clone();
                                    let id = StoredValue::new(t.plan.id.clone());
                                    let name = t.plan.name.clone();
                                    let asking = move || {
                                        confirming.with(|c| c.as_ref() == Some(&id.get_value()))
                                    };
                                    let ask = move |_| {
                                        confirming.set(Some(id.get_value()));
                                        request_animation_frame(|| focus_by_id(KEEP_IN_TRASH));
                                    };
                                    let back = move || {
                                        confirming.set(None);
                                        request_animation_frame(move || focus_by_id(
                                            &forget_button_id(id.get_value().as_str()),
                                        ));
                                    };
                                    let shown_name = StoredValue::new(name.clone());
                                    let forget = move |_| {
                                        confirming.set(None);
                                        state.forget_plan(&id.get_value());
                                        state
                                            .notify(
                                                format!(
                                                    "“{}” was deleted for good.",
                                                    shown_name.get_value(),
                                                ),
                                            );
                                        request_animation_frame(|| focus_by_id(TRASH_HEADING));
                                    };
                                    view! {
                                        <li>
                                            <span class="trash-name">{t.plan.name.clone()}</span>
                                            <span class="muted">
                                                {format!(
                                                    "deleted {}",
                                                    format::date(t.deleted_at.date_naive()),
                                                )}
                                            </span>
                                            <button
                                                type="button"
                                                class="button small"
                                                on:click=move |_| state.restore_plan(&restore_id)
                                            >
                                                "Restore"
                                                <span class="visually-hidden">
                                                    {format!(" “{name}”")}
                                                </span>
                                            </button>
                                            <Show
                                                when=asking
                                                fallback=move || {
                                                    view! {
                                                        <button
                                                            type="button"
                                                            class="button small quiet"
                                                            id=forget_button_id(id.get_value().as_str())
                                                            on:click=ask
                                                        >
                                                            "Delete for good"
                                                            <span class="visually-hidden">
                                                                {format!(" “{}”", t.plan.name)}
                                                            </span>
                                                        </button>
                                                    }
                                                }
                                            >
                                                <div
                                                    class="confirm-delete"
                                                    role="group"
                                                    aria-label="Confirm deletion for good"
                                                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                                        if ev.key() == "Escape" {
                                                            back()
                                                        }
                                                    }
                                                >
                                                    <span>"Delete it for good? This cannot be undone."</span>
                                                    <button
                                                        type="button"
                                                        class="button small danger"
                                                        on:click=forget
                                                    >
                                                        "Delete for good"
                                                    </button>
                                                    <button
                                                        type="button"
                                                        class="button small"
                                                        id=KEEP_IN_TRASH
                                                        on:click=move |_| back()
                                                    >
                                                        "Cancel"
                                                    </button>
                                                </div>
                                            </Show>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }}
            </section>
            <section class="panel" aria-labelledby="files-heading">
                <h2 id="files-heading">"Files"</h2>
                <p>
                    "“Export all” on the portfolio and “Export plan” on a plan save Pilotdeck files (JSON). They are your backup and the way plans travel: anyone can open one in Pilotdeck in their own browser, no account needed. "
                    "The format is published as a "
                    <a href="schema/pilotdeck-file-v2.schema.json">"JSON Schema"</a>
                    " for tools that read or write it."
                </p>
            </section>
            <section class="panel" aria-labelledby="privacy-heading">
                <h2 id="privacy-heading">"Privacy"</h2>
                <p>
                    "Nothing leaves this device. Pilotdeck has no account and no server, sends no analytics and loads nothing from anywhere but its own address. The theme follows your system's light or dark setting."
                </p>
            </section>
            <Link to=Route::Portfolio class="button">
                "Back to the portfolio"
            </Link>
        </section>
    }
}

/// What browsers let one site keep in this storage, counted like `storage_used` (two bytes a
/// character): 5,242,880 characters in Chromium, measured by filling it; Firefox and Safari
/// allow about as much or somewhat less.
const QUOTA_BYTES: usize = 10 * 1024 * 1024;

fn kilobytes(bytes: usize) -> String {
    let tenths = (bytes * 10 + 512) / 1024;
    format!("{}.{} KB", tenths / 10, tenths % 10)
}
