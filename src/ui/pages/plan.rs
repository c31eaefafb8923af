//! `/plans/<id>`: one plan, every section of it.

use crate::domain::limits::MAX_NAME_CHARS;
use crate::domain::scoring::MODEL;
use crate::domain::wizard::revisit_problem;
use crate::domain::{validate_plan, LogEntry, LogKind, Plan, PlanId, Stage};
use crate::exchange::calendar::calendar_file;
use crate::exchange::export::plan_file;
use crate::exchange::markdown::{markdown_file, plan_markdown};
use crate::exchange::share;
use crate::ui::browser::{copy_text, download, focus_by_id};
use crate::ui::components::blockers_panel::BlockersPanel;
use crate::ui::components::field::{DateField, TextField};
use crate::ui::components::live_panel::{LivePanel, LiveStrip};
use crate::ui::components::log_panel::HistorySection;
use crate::ui::components::momentum_panel::MomentumPanel;
use crate::ui::components::plan_sections::{
    CyclesSection, FoundationSection, ParkingLotSection, PartnerSection, PilotSection,
    TimingSection,
};
use crate::ui::components::readiness_panel::ReadinessPanel;
use crate::ui::components::review_panel::{ReviewPanel, TimingBanner};
use crate::ui::components::stage_badge::StageBadge;
use crate::ui::components::steps_panel::StepsSection;
use crate::ui::editor::Editor;
use crate::ui::format;
use crate::ui::router::{use_router, Link, Route};
use crate::ui::state::{now, AppState};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The plan's "Delete plan" button, and the safe answer to its question, which takes the
/// keyboard (so Enter keeps the plan).
const DELETE_PLAN: &str = "delete-plan";
const KEEP_PLAN: &str = "keep-plan";

/// The field for the reason a pilot stops, which stopping from the stage menu asks for.
const STOP_REASON: &str = "stop-reason";
/// The pilot's name where it is shown, while it is renamed there.
const RENAME_FIELD: &str = "rename-plan";

/// The date a parked plan waits for, which parking from the stage menu asks for next.
const REVISIT_FIELD: &str = "plan-revisit-on";

#[component]
pub fn PlanPage(id: PlanId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let plan = {
        let id = id.clone();
        Memo::new(move |_| state.portfolio.with(|p| p.get(&id).cloned()))
    };

    view! {
        <Show
            when=move || plan.with(Option::is_some)
            fallback=|| {
                view! {
                    <section class="page narrow">
                        <h1>"Plan not found"</h1>
                        <p>
                            "No plan with this address is stored in this browser. "
                            "It may have been deleted, or it lives on another device: import its file to open it here."
                        </p>
                        <Link to=Route::Portfolio class="button primary">
                            "Go to the portfolio"
                        </Link>
                    </section>
                }
            }
        >
            <PlanView plan=plan id=id.clone() />
        </Show>
    }
}

#[component]
fn PlanView(plan: Memo<Option<Plan>>, id: PlanId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let router = use_router();
    let e = Editor::new(state, id.clone(), plan);
    let read =
        move |f: fn(&Plan) -> String| move || plan.with(|p| p.as_ref().map(f).unwrap_or_default());
    let stage = Signal::derive(move || {
        plan.with(|p| p.as_ref().map(|p| p.stage).unwrap_or(Stage::Designing))
    });
    let launched = move || e.read(false, |p| p.pilot.launch_on.is_some());
    let stopping = RwSignal::new(false);
    let stop_reason = RwSignal::new(String::new());
    let stop_problem = RwSignal::new(None::<String>);
    let stop = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let reason = stop_reason.get_untracked().trim().to_string();
        if reason.is_empty() {
            stop_problem.set(Some(
                "Say why it stops: the next team that tries will want to know.".into(),
            ));
            focus_by_id(STOP_REASON);
            return;
        }
        let today = state.today.get_untracked();
        e.edit(|p| {
            p.move_to(Stage::Stopped, today);
            p.record(LogEntry::new(
                LogKind::Note,
                today,
                format!("Pilot stopped: {reason}"),
            ));
        });
        stopping.set(false);
        stop_reason.set(String::new());
        stop_problem.set(None);
        state.notify("Stopped. The reason is in the history.");
    };
    let cancel_stop = move || {
        stopping.set(false);
        stop_problem.set(None);
        request_animation_frame(|| focus_by_id("plan-stage-select"));
    };
    let renaming = RwSignal::new(false);
    let name_problem = Signal::derive(move || {
        e.read(None, |p| {
            validate_plan(p)
                .iter()
                .any(|problem| problem.path == "name")
                .then(|| "A pilot needs a name. Until it has one, it is not saved.".to_string())
        })
    });
    let done_renaming = move || {
        renaming.set(false);
        request_animation_frame(|| focus_by_id("rename-button"));
    };
    let change_stage = move |ev: leptos::ev::Event| {
        let picked = event_target_value(&ev);
        let Some(to) = Stage::ALL.into_iter().find(|s| s.label() == picked) else {
            return;
        };
        let today = state.today.get_untracked();
        if to == Stage::Stopped {
            // Stopping asks why first, for the next team that tries; until then the menu shows
            // the stage the plan has.
            let select = event_target::<web_sys::HtmlSelectElement>(&ev);
            select.set_value(stage.get_untracked().label());
            stopping.set(true);
            request_animation_frame(|| focus_by_id(STOP_REASON));
            return;
        }
        e.edit(|p| p.move_to(to, today));
        if to == Stage::Parked {
            state.notify("Parked. Pick the day to look at it again.");
            request_animation_frame(|| focus_by_id(REVISIT_FIELD));
        } else {
            state.notify(format!("Stage changed to {}.", to.label()));
        }
    };
    let revisit_on = Signal::derive(move || e.read(None, |p| p.revisit_on));
    // What is typed is shown as typed; the plan keeps the last day that can be waited for.
    let typed_revisit = RwSignal::new(None::<chrono::NaiveDate>);
    let revisit_error = Signal::derive(move || {
        typed_revisit
            .get()
            .and_then(|on| revisit_problem(on, state.today.get()))
            .map(str::to_string)
    });
    let set_revisit = Callback::new(move |on: Option<chrono::NaiveDate>| {
        typed_revisit.set(on);
        if let Some(on) =
            on.filter(|on| revisit_problem(*on, state.today.get_untracked()).is_none())
        {
            e.edit(|p| p.revisit_on = Some(on));
        }
    });
    let workshop_id = StoredValue::new(id.clone());
    let offer = move |(name, text): (String, String), mime: &str| match download(&name, mime, &text)
    {
        Ok(()) => state.notify(format!("Saved {name}.")),
        Err(error) => state.notify(format!("The download did not start: {error}")),
    };
    let export = move |_| {
        let Some(plan) = plan.get_untracked() else {
            return;
        };
        offer(
            plan_file(&plan, now(), state.today.get_untracked(), &MODEL),
            "application/json",
        );
        state.record_export();
    };
    let download_markdown = move |_| {
        let Some(plan) = plan.get_untracked() else {
            return;
        };
        offer(
            markdown_file(&plan, state.today.get_untracked(), &MODEL),
            "text/markdown",
        );
    };
    let download_calendar = move |_| {
        let Some(plan) = plan.get_untracked() else {
            return;
        };
        offer(
            calendar_file(&plan, now(), state.today.get_untracked()),
            "text/calendar",
        );
    };
    let copy_markdown = move |_| {
        let Some(plan) = plan.get_untracked() else {
            return;
        };
        let text = plan_markdown(&plan, state.today.get_untracked(), &MODEL);
        spawn_local(async move {
            match copy_text(&text).await {
                Ok(()) => state.notify("The plan is on the clipboard as Markdown."),
                Err(error) => state.notify(format!(
                    "The browser did not allow copying ({error}); use “Download Markdown” instead."
                )),
            }
        });
    };
    let share_link = RwSignal::new(None::<String>);
    let copy_share_link = move |_| {
        let Some(plan) = plan.get_untracked() else {
            return;
        };
        let base = document().base_uri().ok().flatten().unwrap_or_default();
        // A share link is for the partner: what is internal stays on this device.
        let link = format!(
            "{base}{}#{}",
            Route::Share.href(),
            share::encode(&plan.for_partner(), now(), &MODEL)
        );
        share_link.set(Some(link.clone()));
        spawn_local(async move {
            match copy_text(&link).await {
                Ok(()) => state.notify("Share link copied. It holds the plan without anything internal: anyone who has the link can read it."),
                Err(_) => state.notify("The browser did not allow copying: copy the share link below."),
            }
        });
    };
    let confirming = RwSignal::new(false);
    // Leaving the question puts the keyboard back on the button that asked it.
    let cancel_delete = move || {
        confirming.set(false);
        request_animation_frame(|| focus_by_id(DELETE_PLAN));
    };
    let delete_id = id.clone();
    let live = expect_context::<crate::ui::live::Live>();
    let delete = move |_| {
        router.go(Route::Portfolio);
        // A deleted plan leaves the shared plan too; the others keep theirs.
        live.stop(&delete_id);
        state.delete_plan(&delete_id);
    };

    view! {
        <article class="page plan-page">
            <nav class="breadcrumb" aria-label="Breadcrumb">
                <Link to=Route::Portfolio>"Portfolio"</Link>
            </nav>
            <header class="plan-header">
                <div>
                    <Show
                        when=move || renaming.get()
                        fallback=move || {
                            view! {
                                <div class="plan-title">
                                    <h1>{read(|p| p.shown_name().to_string())}</h1>
                                    <button
                                        type="button"
                                        class="button small quiet"
                                        id="rename-button"
                                        on:click=move |_| {
                                            renaming.set(true);
                                            request_animation_frame(|| focus_by_id(RENAME_FIELD));
                                        }
                                    >
                                        "Rename"
                                        <span class="visually-hidden">" the pilot"</span>
                                    </button>
                                </div>
                            }
                        }
                    >
                        <div
                            class="plan-title renaming"
                            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                if ev.key() == "Enter" || ev.key() == "Escape" {
                                    ev.prevent_default();
                                    done_renaming()
                                }
                            }
                        >
                            <TextField
                                id=RENAME_FIELD
                                max=MAX_NAME_CHARS
                                label="Pilot name"
                                value=e.text(|p| &p.name)
                                on_change=e.setter(|p, v| p.name = v)
                                problem=name_problem
                            />
                            <button
                                type="button"
                                class="button small"
                                on:click=move |_| done_renaming()
                            >
                                "Done"
                            </button>
                        </div>
                    </Show>
                    <p class="subtitle">
                        {read(|p| p.partner.name.clone())} " · "
                        {read(|p| p.partner.kind.label().to_string())}
                    </p>
                    <p class="print-only printed-on" data-testid="printed-on">
                        {move || format!("Printed on {}", format::date(state.today.get()))}
                    </p>
                    <div class="plan-actions">
                        <button
                            type="button"
                            class="button primary"
                            on:click=move |_| {
                                state.save_now();
                                router
                                    .go(Route::Workshop {
                                        id: workshop_id.get_value(),
                                        slide: 0,
                                    });
                            }
                        >
                            "Workshop mode"
                        </button>
                        <button type="button" class="button" on:click=export>
                            "Export plan"
                        </button>
                    </div>
                    <div class="plan-actions share-actions" role="group" aria-label="Share">
                        <button type="button" class="button small" on:click=copy_share_link>
                            "Copy share link"
                        </button>
                        <button type="button" class="button small" on:click=copy_markdown>
                            "Copy as Markdown"
                        </button>
                        <button type="button" class="button small" on:click=download_markdown>
                            "Download Markdown"
                        </button>
                        <button type="button" class="button small" on:click=download_calendar>
                            "Download calendar"
                        </button>
                    </div>
                    <p class="share-note" data-testid="share-note">
                        <span class="tag tag-internal">"Partner-safe"</span>
                        " "
                        {move || e.read(String::new(), |p| p.withheld().sentence())}
                    </p>
                    {move || {
                        share_link
                            .get()
                            .map(|link| {
                                view! {
                                    <div class="field share-link">
                                        <label for="share-link">
                                            "Share link (the plan travels in the link; nothing is uploaded)"
                                        </label>
                                        <input
                                            id="share-link"
                                            type="text"
                                            readonly
                                            value=link
                                            data-testid="share-link"
                                        />
                                    </div>
                                }
                            })
                    }}
                </div>
                <div class="plan-header-side">
                    <StageBadge stage=stage />
                    <div class="field stage-field">
                        <label for="plan-stage-select">"Stage"</label>
                        <select
                            id="plan-stage-select"
                            on:change=change_stage
                            prop:value=move || stage.get().label()
                        >
                            {Stage::ALL
                                .into_iter()
                                .map(|s| {
                                    let blocked = move || s.has_launched() && !launched();
                                    // A stage that needs a launch date waits for one.
                                    view! {
                                        <option selected=move || stage.get() == s disabled=blocked>
                                            {s.label()}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <Show
                        when=move || confirming.get()
                        fallback=move || {
                            view! {
                                <button
                                    type="button"
                                    class="button small quiet"
                                    id=DELETE_PLAN
                                    on:click=move |_| {
                                        confirming.set(true);
                                        request_animation_frame(|| focus_by_id(KEEP_PLAN));
                                    }
                                >
                                    "Delete plan"
                                </button>
                            }
                        }
                    >
                        <div
                            class="confirm-delete"
                            role="group"
                            aria-label="Confirm deletion"
                            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                if ev.key() == "Escape" {
                                    cancel_delete()
                                }
                            }
                        >
                            <span>"Move this plan to the trash?"</span>
                            <button
                                type="button"
                                class="button small danger"
                                on:click=delete.clone()
                            >
                                "Delete"
                            </button>
                            <button
                                type="button"
                                class="button small"
                                id=KEEP_PLAN
                                on:click=move |_| cancel_delete()
                            >
                                "Cancel"
                            </button>
                        </div>
                    </Show>
                </div>
            </header>
            <LiveStrip e=e />
            <Show when=move || stopping.get()>
                <form
                    class="callout stop-question"
                    on:submit=stop
                    novalidate
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        if ev.key() == "Escape" {
                            cancel_stop()
                        }
                    }
                >
                    <p>
                        "Stop this pilot? Say why, for the next team that tries: it goes into the history."
                    </p>
                    <TextField
                        id=STOP_REASON
                        label="Why it stops"
                        value=Signal::derive(move || stop_reason.get())
                        on_change=Callback::new(move |v| stop_reason.set(v))
                        problem=Signal::derive(move || stop_problem.get())
                        multiline=true
                    />
                    <div class="actions">
                        <button type="submit" class="button danger">
                            "Stop the pilot"
                        </button>
                        <button type="button" class="button" on:click=move |_| cancel_stop()>
                            "Cancel"
                        </button>
                    </div>
                </form>
            </Show>
            <Show when=move || stage.get() == Stage::Parked>
                <div class="callout parked">
                    <p>
                        "Parked until " {read(|p| format::maybe_date(p.revisit_on))}
                        ". The timing was not right; look at it again then."
                    </p>
                    <DateField
                        id=REVISIT_FIELD.to_string()
                        label="Revisit on"
                        value=revisit_on
                        on_change=set_revisit
                        problem=revisit_error
                    />
                </div>
            </Show>
            <TimingBanner e=e />
            <ReviewPanel e=e />
            {move || match stage.get() {
                Stage::Live | Stage::Reviewing | Stage::Scaling => {
                    view! { <MomentumPanel plan=plan id=id.clone() /> }.into_any()
                }
                Stage::Stopped => {
                    view! {
                        <p class="callout">
                            "This pilot was stopped. Its history stays here for the next attempt."
                        </p>
                    }
                        .into_any()
                }
                _ => {
                    let today = state.today.get();
                    plan.get().map(|p| view! { <ReadinessPanel plan=p today=today /> }).into_any()
                }
            }}
            <BlockersPanel e=e />
            <LivePanel e=e />
            <div class="plan-sections">
                <PartnerSection e=e />
                <TimingSection e=e />
                <PilotSection e=e />
                <FoundationSection e=e />
                <StepsSection e=e />
                <HistorySection e=e />
                <CyclesSection e=e />
                <ParkingLotSection e=e />
            </div>
        </article>
    }
}
