//! `/share#<data>`: a plan someone shared as a link. It is read from the address's fragment
//! (which browsers never send anywhere), checked like an imported file, and shown read-only
//! until "Save to my plans". A damaged or oversized link says what is wrong and changes nothing.

use crate::domain::import::{Choice, Status};
use crate::domain::scoring::{headline, Headline, MODEL};
use crate::domain::{Plan, PlanId};
use crate::exchange::merge::preview;
use crate::exchange::share::decode;
use crate::ui::components::plan_sections::Fact;
use crate::ui::format;
use crate::ui::router::{use_router, Link, Route};
use crate::ui::state::AppState;
use leptos::prelude::*;

#[component]
pub fn SharePage() -> impl IntoView {
    let fragment = window().location().hash().unwrap_or_default();
    match decode(&fragment) {
        Ok(plan) => view! { <SharedPlan plan=plan /> }.into_any(),
        Err(error) => view! {
            <section class="page narrow">
                <h1>"This share link cannot be opened"</h1>
                <p class="banner banner-error" role="alert" data-testid="share-error">
                    {error.to_string()}
                </p>
                <p>"Nothing was saved and your plans are as they were."</p>
                <Link to=Route::Portfolio class="button primary">
                    "Go to the portfolio"
                </Link>
            </section>
        }
        .into_any(),
    }
}

#[component]
fn SharedPlan(plan: Plan) -> impl IntoView {
    let state = expect_context::<AppState>();
    let router = use_router();
    let today = state.today.get_untracked();
    let status = Memo::new({
        let plan = plan.clone();
        move |_| {
            state.portfolio.with(|p| {
                preview(p, vec![plan.clone()])
                    .incoming
                    .first()
                    .map_or(Status::New, |i| i.status)
            })
        }
    });
    let stored = StoredValue::new(plan.clone());
    let save = move |choice: Choice| {
        let plan = stored.get_value();
        let preview = state
            .portfolio
            .with_untracked(|p| preview(p, vec![plan.clone()]));
        let import = preview.resolve(|_| choice, PlanId::random);
        if import.is_empty() {
            return;
        }
        let done = match state.import(import) {
            Ok(done) => done,
            Err(reason) => {
                state.notify(format!("Not saved: {reason}. Nothing stored was changed."));
                return;
            }
        };
        let id = done
            .added
            .first()
            .cloned()
            .unwrap_or_else(|| plan.id.clone());
        router.go(Route::Plan(id));
        state.notify_import(format!("“{}” is saved in your plans.", plan.name));
    };
    let score = match headline(&plan, today, &MODEL) {
        Headline::Momentum { momentum, .. } => format!(
            "Momentum {} · {}",
            momentum
                .score
                .map_or("Unknown".to_string(), |s| s.to_string()),
            momentum.band.label()
        ),
        Headline::Readiness(r) => format!("Readiness {}%", r.percent()),
        Headline::Stopped => "Stopped".to_string(),
    };
    let steps = plan
        .open_steps_by_due()
        .into_iter()
        .map(|s| {
            let due = s
                .due_on
                .map(format::date)
                .unwrap_or_else(|| "no due date".into());
            view! {
                <li>
                    {s.title.clone()}
                    <span class="muted">
                        {format!(" · {} · {due}", s.owner_side.owner_label())}
                    </span>
                </li>
            }
        })
        .collect_view();
    let metric_text = format::metric(&plan.pilot.primary_metric);
    let id = plan.id.clone();
    view! {
        <article class="page narrow shared-plan">
            <p class="eyebrow">"A shared plan · read-only until you save it"</p>
            <h1>{plan.name.clone()}</h1>
            <p class="subtitle">
                {format!(
                    "{} · {} · {}",
                    format::text(&plan.partner.name),
                    plan.partner.kind.label(),
                    plan.stage.label(),
                )}
            </p>
            <p class="callout" data-testid="shared-score">
                {score}
            </p>
            <section class="panel" aria-labelledby="shared-facts-heading">
                <h2 id="shared-facts-heading">"The pilot"</h2>
                <dl class="facts">
                    <Fact label="Use case" value=format::text(&plan.pilot.use_case) />
                    <Fact label="Primary metric" value=metric_text />
                    <Fact
                        label="Fastest joint win"
                        value=format::text(&plan.pilot.fastest_joint_win)
                    />
                    <Fact label="Stop condition" value=format::text(&plan.pilot.stop_condition) />
                    <Fact label="Shared objective" value=format::text(&plan.foundation.objective) />
                    <Fact label="Launch date" value=format::maybe_date(plan.pilot.launch_on) />
                </dl>
                <h3>"Open steps"</h3>
                <ul class="shared-steps">{steps}</ul>
            </section>
            {move || match status.get() {
                Status::New => {
                    view! {
                        <div class="actions">
                            <button
                                type="button"
                                class="button primary"
                                on:click=move |_| save(Choice::TakeTheirs)
                            >
                                "Save to my plans"
                            </button>
                        </div>
                    }
                        .into_any()
                }
                Status::Identical => {
                    view! {
                        <p class="callout">
                            "This plan is already in your plans, exactly as shared. "
                            <Link to=Route::Plan(id.clone())>"Open it"</Link>
                        </p>
                    }
                        .into_any()
                }
                Status::Differs => {
                    view! {
                        <div class="callout">
                            <p>
                                "You have a version of this plan that differs from the shared one."
                            </p>
                            <div class="actions">
                                <button
                                    type="button"
                                    class="button primary"
                                    on:click=move |_| save(Choice::TakeTheirs)
                                >
                                    "Replace mine with this version"
                                </button>
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| save(Choice::KeepBoth)
                                >
                                    "Save as a copy"
                                </button>
                                <Link to=Route::Plan(id.clone()) class="button quiet">
                                    "Keep mine"
                                </Link>
                            </div>
                        </div>
                    }
                        .into_any()
                }
            }}
        </article>
    }
}
