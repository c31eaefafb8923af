//! `/`: every plan on this device, or a friendly start when there are none.
//!
//! The start is in the module every visit downloads: a first visit has no plans. The plans —
//! overview, filters, cards, exports — are [`PortfolioPlans`], loaded on demand
//! (`src/ui/screens.rs`); on a device that has plans the app waits for them before its first
//! render ([`crate::ui::screens::mount_with_plans`]).

use crate::domain::backup::export_reminder;
use crate::domain::overview::arrange;
use crate::domain::scoring::MODEL;
use crate::exchange::example::EXAMPLE_PATH;
use crate::exchange::export::portfolio_file;
use crate::ui::browser::{download, fetch_text, focus_by_id};
use crate::ui::components::filters::Filters;
use crate::ui::components::importer::{drop_file, ImportButton, ImportDialog, Importer};
use crate::ui::components::overview::Overview;
use crate::ui::components::plan_card::{CardSummary, PlanCard};
use crate::ui::pages::report::export_csv;
use crate::ui::router::{use_router, Link, Route};
use crate::ui::screens::{self, on_demand, Place, Unavailable};
use crate::ui::state::{now, AppState};
use crate::ui::timing;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn PortfolioPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let importer = Importer::new(state);
    let is_empty = move || state.portfolio.with(|p| p.is_empty());
    view! {
        <Show when=move || !is_empty() fallback=move || view! { <FirstStart importer=importer /> }>
            {on_demand(Place::Screen, screens::portfolio_plans, move |build| build(importer))}
        </Show>
    }
}

/// The page's frame: a section a Pilotdeck file can be dropped anywhere on.
#[component]
fn PortfolioSection(importer: Importer, children: Children) -> impl IntoView {
    view! {
        <section
            class="page portfolio"
            on:dragover=|ev: web_sys::DragEvent| ev.prevent_default()
            on:drop=move |ev: web_sys::DragEvent| drop_file(importer, ev)
        >
            {children()}
        </section>
    }
}

/// An empty portfolio: what Pilotdeck is for, and the three ways to begin.
#[component]
fn FirstStart(importer: Importer) -> impl IntoView {
    view! {
        <PortfolioSection importer=importer>
            <header class="page-header">
                <div>
                    <h1>"Portfolio"</h1>
                </div>
            </header>
            <ImportDialog importer=importer />
            <div class="empty-state">
                <h2>"Launch partner pilots that don't die quietly"</h2>
                <p>
                    "Pilotdeck turns a partnership idea into one narrow pilot with shared goals, "
                    "three owned next steps and a scrappy V1 live within 30 days, then tells you "
                    "when its momentum fades. Your plans stay in this browser: no account, nothing sent anywhere."
                </p>
                <p class="muted">
                    "Have a Pilotdeck file? Import it, or drop it anywhere on this page."
                </p>
                <div class="actions">
                    <StartActions importer=importer />
                </div>
            </div>
        </PortfolioSection>
    }
}

/// "Start a pilot", "Load example portfolio" and "Import plans": on the empty portfolio and
/// first among the full one's actions.
#[component]
fn StartActions(importer: Importer) -> impl IntoView {
    let state = expect_context::<AppState>();
    let router = use_router();
    let loading = RwSignal::new(false);
    let start = move |_| router.go(Route::new_pilot());
    let load_example = move |_| {
        loading.set(true);
        // The code that reads the file and the cards' module come while the file is fetched.
        screens::start_loading(screens::example_plans());
        screens::fetch_portfolio();
        spawn_local(async move {
            let message = match (
                fetch_text(EXAMPLE_PATH).await,
                screens::example_plans().await,
            ) {
                (Err(error), _) => format!("The example portfolio could not be loaded: {error}"),
                (Ok(_), Err(Unavailable)) => "The example portfolio could not be loaded: the \
                    part of Pilotdeck that reads files is not on this device yet, and the server \
                    did not answer. Try again once you are online."
                    .to_string(),
                (Ok(text), Ok(read)) => match read(&text, state.today.get_untracked()) {
                    Ok(plans) => {
                        let added = state.add_plans(plans);
                        match (added.added.len(), added.already_here.len()) {
                            (0, _) => "The example plans are already here.".to_string(),
                            (n, 0) => format!("Added {n} example plans."),
                            (n, m) => format!("Added {n} example plans; {m} were already here."),
                        }
                    }
                    Err(error) => format!("The example portfolio could not be read: {error}"),
                },
            };
            state.notify(message);
            // Gone with the empty portfolio when the plans were added to one.
            let _ = loading.try_set(false);
        });
    };
    view! {
        <button type="button" class="button primary" on:click=start>
            "Start a pilot"
        </button>
        <button type="button" class="button" on:click=load_example disabled=move || loading.get()>
            {move || {
                if loading.get() {
                    "Loading example portfolio…"
                } else {
                    "Load example portfolio"
                }
            }}
        </button>
        <ImportButton importer=importer />
    }
}

/// A portfolio with plans: the overview, the filters, a page of cards at a time, and the
/// exports. Loaded on demand ([`screens::portfolio_plans`]).
#[component]
pub fn PortfolioPlans(importer: Importer) -> impl IntoView {
    let state = expect_context::<AppState>();
    let live = expect_context::<crate::ui::live::Live>();
    // The first screen of a visit with plans is complete once these are drawn.
    timing::first_screen_shown();
    let count = move || state.portfolio.with(|p| p.len());
    let running = move || {
        state
            .portfolio
            .with(|p| p.plans().iter().filter(|p| p.stage.is_running()).count())
    };

    // Every plan scored, filtered and sorted, measured: the benchmark reports this span.
    let order = Memo::new(move |_| {
        let today = state.today.get();
        timing::measure(timing::SCORE, || {
            state.view.with(|view| {
                state
                    .portfolio
                    .with(|p| arrange(p.plans(), view, today, &MODEL))
            })
        })
    });
    let matching = move || order.with(Vec::len);
    // A long portfolio shows a page of cards at a time, and only the cards shown get their
    // figures (headline, trend and the sparkline's twelve weeks).
    let shown = RwSignal::new(FIRST_PAGE);
    let hidden = move || matching().saturating_sub(shown.get());
    let cards = move || {
        let today = state.today.get();
        let limit = shown.get();
        order.with(|order| {
            state.portfolio.with(|p| {
                order
                    .iter()
                    .take(limit)
                    .map(|&i| {
                        let plan = &p.plans()[i];
                        CardSummary::of(plan, today).shared(live.is_shared(&plan.id))
                    })
                    .collect::<Vec<_>>()
            })
        })
    };

    let examples = move || {
        state
            .portfolio
            .with(|p| p.plans().iter().filter(|plan| plan.example).count())
    };
    // "Export all" asks whether the example plans go in, when there are some besides the
    // user's own; the question's answer exports.
    let asking = RwSignal::new(false);
    let export = move |with_examples: bool| {
        asking.set(false);
        let plans: Vec<_> = state.portfolio.with_untracked(|p| {
            p.plans()
                .iter()
                .filter(|plan| with_examples || !plan.example)
                .cloned()
                .collect()
        });
        let (name, json) = portfolio_file(&plans, now(), state.today.get_untracked(), &MODEL);
        match download(&name, "application/json", &json) {
            Ok(()) => {
                state.record_export();
                state.notify(format!(
                    "Exported {} to {name}.",
                    plural(plans.len(), "plan")
                ));
            }
            Err(error) => state.notify(format!("The export did not start: {error}")),
        }
    };
    let export_all = move |_| {
        let own = count() - examples();
        if examples() > 0 && own > 0 {
            asking.set(true);
            request_animation_frame(|| focus_by_id(EXPORT_WITHOUT));
        } else {
            export(true);
        }
    };

    let actions = move || {
        view! {
            <div class="actions">
                <StartActions importer=importer />
                <button type="button" class="button" on:click=export_all>
                    "Export all"
                </button>
                <button type="button" class="button" on:click=move |_| export_csv(state)>
                    "Export CSV"
                </button>
                <Link to=Route::Report class="button">
                    "Portfolio report"
                </Link>
                <Show when=move || { examples() > 0 }>
                    <button
                        type="button"
                        class="button quiet"
                        on:click=move |_| state.remove_examples()
                    >
                        "Remove examples"
                    </button>
                </Show>
            </div>
        }
    };
    let export_question = move || {
        asking.get().then(|| {
            let n = examples();
            view! {
                <div
                    class="callout export-question"
                    role="group"
                    aria-labelledby="export-question"
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        if ev.key() == "Escape" {
                            asking.set(false)
                        }
                    }
                >
                    <p id="export-question">
                        {format!("Include the {} in the file?", plural(n, "example plan"))}
                    </p>
                    <div class="actions">
                        <button
                            type="button"
                            class="button primary"
                            id=EXPORT_WITHOUT
                            on:click=move |_| export(false)
                        >
                            "Export without examples"
                        </button>
                        <button type="button" class="button" on:click=move |_| export(true)>
                            "Export with examples"
                        </button>
                        <button
                            type="button"
                            class="button quiet"
                            on:click=move |_| asking.set(false)
                        >
                            "Cancel"
                        </button>
                    </div>
                </div>
            }
        })
    };

    view! {
        <PortfolioSection importer=importer>
            <header class="page-header">
                <div>
                    <h1>"Portfolio"</h1>
                    <p class="subtitle">
                        {move || plural(count(), "plan")} " · " {move || running()} " running"
                    </p>
                </div>
                {actions}
            </header>
            {export_question}
            <ImportDialog importer=importer />
            {move || {
                let reminder = state
                    .portfolio
                    .with(|p| { export_reminder(p.plans(), state.last_export.get(), now()) });
                reminder
                    .filter(|_| !state.reminder_dismissed.get())
                    .map(|r| {
                        view! {
                            <div class="callout backup-reminder" data-testid="backup-reminder">
                                <p>{r.message()}</p>
                                <div class="actions">
                                    <button
                                        type="button"
                                        class="button small primary"
                                        on:click=export_all
                                    >
                                        "Export a backup"
                                    </button>
                                    <button
                                        type="button"
                                        class="button small quiet"
                                        on:click=move |_| state.reminder_dismissed.set(true)
                                    >
                                        "Not now"
                                    </button>
                                </div>
                            </div>
                        }
                    })
            }}
            <Overview />
            <Filters />
            <Show when=move || { matching() == 0 }>
                <p class="callout">"No plan matches this search and these filters."</p>
            </Show>
            <ul class="plan-grid" aria-label="Plans">
                <For
                    each=cards
                    key=|card| (card.id.clone(), card.updated_at, card.today, card.shown)
                    let:card
                >
                    <li>
                        <PlanCard card=card />
                    </li>
                </For>
            </ul>
            <Show when=move || { hidden() > 0 }>
                <p class="show-more">
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| shown.update(|n| *n += MORE)
                    >
                        {move || format!("Show {} more", hidden().min(MORE))}
                    </button>
                    <span class="muted">{move || format!(" {} not shown yet", hidden())}</span>
                </p>
            </Show>
        </PortfolioSection>
    }
}

/// The answer "Export all" focuses when it asks about the example plans: the user's own plans.
const EXPORT_WITHOUT: &str = "export-without-examples";

/// Cards shown at first: a large screen's worth (the rest is not drawn until asked for, which
/// keeps a portfolio of a thousand plans quick to open).
const FIRST_PAGE: usize = 24;
/// Cards added by each "Show more".
const MORE: usize = 48;

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
