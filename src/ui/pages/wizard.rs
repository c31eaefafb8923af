//! `/new`: the Scrappy V1 wizard. Six steps from an idea to a launched 30-day pilot; every
//! keystroke is saved to a draft plan, "Back" and "Next" keep every answer, and "Next" on an
//! incomplete step says what is missing next to each field.

use crate::domain::calendar::{add_days, Quarter};
use crate::domain::prompts;
use crate::domain::scoring::{readiness, Check, Section, MODEL};
use crate::domain::templates::template;
use crate::domain::wizard::{
    carry_owners, draft_name, launch, launch_blockers, launch_date_problem, next_step_slots, park,
    revisit_problem, should_offer_parking, step_problems, Field, FieldProblem, LaunchKind,
    NEXT_STEPS, STEPS,
};
use crate::domain::{Partner, PartnerKind, Plan, PlanId};
use crate::ui::components::checklist::Checklist;
use crate::ui::components::field::{DateField, Problem};
use crate::ui::format;
use crate::ui::forms::{
    FastestWinForm, FoundationForm, PartnerForm, PlanForm, StepAt, StepFields, TimingForm,
};
use crate::ui::router::{use_router, Link, Route, Router};
use crate::ui::state::{now, AppState};
use leptos::prelude::*;

/// The seed's prompt that guides each step.
fn prompt(step: Section) -> &'static str {
    match step {
        Section::Partner => prompts::PARTNER,
        Section::Timing => prompts::TIMING,
        Section::FastestJointWin => prompts::FASTEST_JOINT_WIN,
        Section::Foundation => prompts::FOUNDATION,
        Section::NextSteps => prompts::NEXT_STEPS,
        Section::Launch => prompts::SCRAPPY_V1,
    }
}

fn step_number(step: Section) -> usize {
    STEPS.iter().position(|s| *s == step).unwrap_or(0) + 1
}

/// An empty draft, to check a step against before anything was typed.
fn blank_plan() -> Plan {
    Plan::draft(
        "Untitled pilot",
        Partner {
            name: String::new(),
            kind: PartnerKind::Other,
            our_owner: String::new(),
            their_champion: String::new(),
            notes: String::new(),
        },
        now(),
    )
}

/// The wizard's view of its draft, and the one way it changes it.
#[derive(Clone, Copy)]
struct Draft {
    state: AppState,
    router: Router,
    id: RwSignal<Option<PlanId>>,
    plan: Memo<Option<Plan>>,
    step: Section,
    /// Whether "Next" was pressed on this step: problems show from then on.
    tried: RwSignal<bool>,
    /// The number fields of this step whose text is not a number: the draft still holds their
    /// last number, so "Next" waits until they hold one again (or are emptied).
    not_numbers: RwSignal<Vec<String>>,
}

impl Draft {
    /// Changes the draft, creating it on the first change.
    fn edit(&self, change: impl FnOnce(&mut Plan)) {
        let id = match self.id.get_untracked() {
            Some(id) => id,
            None => {
                let plan = blank_plan();
                let id = plan.id.clone();
                self.state.add_plans(vec![plan]);
                self.id.set(Some(id.clone()));
                self.router.replace_address(&Route::Wizard {
                    draft: Some(id.clone()),
                    step: self.step,
                });
                id
            }
        };
        self.state.edit_plan(&id, |plan| {
            // The name follows the partner and use case until someone names the pilot.
            let automatic = plan.name == draft_name(plan);
            change(plan);
            if automatic {
                plan.name = draft_name(plan);
            }
        });
    }

    fn read<T>(&self, read: impl FnOnce(&Plan) -> T) -> T {
        self.plan.with(|p| match p {
            Some(plan) => read(plan),
            None => read(&blank_plan()),
        })
    }

    fn problems(&self) -> Vec<FieldProblem> {
        let today = self.state.today.get();
        self.read(|plan| step_problems(plan, self.step, today, &MODEL))
    }

    /// The plan's forms on the draft, guided, with `shown` said next to the fields.
    fn form(&self, shown: Memo<Vec<FieldProblem>>) -> PlanForm {
        let draft = *self;
        PlanForm::new(self.plan, self.state.today.into(), move |change| {
            draft.edit(change)
        })
        .with_problems(shown.into())
        .guided(self.not_numbers)
    }
}

#[component]
pub fn WizardPage(draft: Option<PlanId>, step: Section) -> impl IntoView {
    let state = expect_context::<AppState>();
    let router = use_router();
    let known = draft
        .as_ref()
        .is_none_or(|id| state.portfolio.with_untracked(|p| p.contains(id)));
    if !known {
        return view! {
            <section class="page narrow">
                <h1>"Draft not found"</h1>
                <p>
                    "This draft is not stored in this browser. Start a new pilot, or open the plan from the portfolio."
                </p>
                <Link to=Route::new_pilot() class="button primary">
                    "Start a pilot"
                </Link>
            </section>
        }
        .into_any();
    }
    let id = RwSignal::new(draft);
    let plan = Memo::new(move |_| {
        id.get()
            .and_then(|id| state.portfolio.with(|p| p.get(&id).cloned()))
    });
    let d = Draft {
        state,
        router,
        id,
        plan,
        step,
        tried: RwSignal::new(false),
        not_numbers: RwSignal::new(Vec::new()),
    };
    // What the step still needs, said next to each field once "Next" was pressed.
    let shown = Memo::new(move |_| {
        if d.tried.get() {
            d.problems()
        } else {
            Vec::new()
        }
    });
    let form = d.form(shown);

    let go = move |to: Section| {
        router.go(Route::Wizard {
            draft: id.get_untracked(),
            step: to,
        })
    };
    let index = step_number(step) - 1;
    let next = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if step == Section::Launch {
            return;
        }
        if d.not_numbers.with_untracked(|ids| !ids.is_empty()) {
            d.tried.set(true);
            focus_first_problem();
        } else if d.problems().is_empty() {
            if id.get_untracked().is_none() {
                d.edit(|_| {});
            }
            go(STEPS[index + 1]);
        } else {
            d.tried.set(true);
            focus_first_problem();
        }
    };
    let back = move |_| {
        if index > 0 {
            go(STEPS[index - 1]);
        }
    };
    let missing = move || {
        if !d.tried.get() {
            return None;
        }
        let count = shown.with(Vec::len);
        let not_numbers = d.not_numbers.with(Vec::len);
        if count == 0 && not_numbers > 0 {
            return Some(if not_numbers == 1 {
                "A number on this step is not a number yet: see the message next to the field."
                    .to_string()
            } else {
                format!("{not_numbers} numbers on this step are not numbers yet: see the messages next to the fields.")
            });
        }
        (count > 0).then(|| {
            if count == 1 {
                "One thing on this step needs an answer or a fix: see the message next to the field."
                    .to_string()
            } else {
                format!(
                    "{count} things on this step need an answer or a fix: see the messages next to the fields."
                )
            }
        })
    };

    let body = match step {
        Section::Partner => view! { <PartnerForm form=form /> }.into_any(),
        Section::Timing => view! { <TimingStep d=d form=form /> }.into_any(),
        Section::FastestJointWin => view! { <FastestWinForm form=form /> }.into_any(),
        Section::Foundation => view! { <FoundationStep d=d form=form /> }.into_any(),
        Section::NextSteps => view! { <NextStepsStep d=d form=form /> }.into_any(),
        Section::Launch => view! { <LaunchStep d=d /> }.into_any(),
    };

    view! {
        <section class="page wizard">
            <p class="eyebrow">"Scrappy V1 · " {move || d.read(|p| p.name.clone())}</p>
            <nav aria-label="Progress">
                <ol class="wizard-progress">
                    {STEPS
                        .into_iter()
                        .enumerate()
                        .map(|(i, s)| {
                            let current = s == step;
                            let done = move || {
                                let today = state.today.get();
                                d.plan
                                    .with(|p| {
                                        p.as_ref()
                                            .is_some_and(|p| {
                                                step_problems(p, s, today, &MODEL).is_empty()
                                            })
                                    })
                            };
                            view! {
                                <li
                                    class:current=current
                                    class:done=done
                                    aria-current=current.then_some("step")
                                >
                                    <span class="wizard-progress-step">
                                        <span class="wizard-progress-number" aria-hidden="true">
                                            {move || {
                                                if done() && !current {
                                                    "✓".to_string()
                                                } else {
                                                    (i + 1).to_string()
                                                }
                                            }}
                                        </span>
                                        <span class="wizard-progress-label">
                                            <span class="visually-hidden">
                                                {format!("Step {} of {}: ", i + 1, STEPS.len())}
                                            </span>
                                            {s.label()}
                                            <span class="visually-hidden">
                                                {move || if done() { ", complete" } else { "" }}
                                            </span>
                                        </span>
                                    </span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </nav>
            <form class="wizard-step" on:submit=next novalidate>
                <h1>{step.label()}</h1>
                <p class="prompt">
                    {(step == Section::Timing).then_some("Ask the partner: ")} {prompt(step)}
                </p>
                {body}
                <p class="wizard-missing" role="alert">
                    {missing}
                </p>
                <div class="wizard-nav">
                    <button type="button" class="button" on:click=back disabled=index == 0>
                        "Back"
                    </button>
                    {(step != Section::Launch)
                        .then(|| {
                            view! {
                                <button type="submit" class="button primary">
                                    "Next"
                                </button>
                            }
                        })}
                </div>
            </form>
        </section>
    }
    .into_any()
}

/// Moves keyboard focus to the first field with a problem.
fn focus_first_problem() {
    request_animation_frame(|| {
        let found = document()
            .query_selector("[aria-invalid=true]")
            .ok()
            .flatten()
            .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
        if let Some(element) = found {
            let _ = element.focus();
        }
    });
}

#[component]
fn TimingStep(d: Draft, form: PlanForm) -> impl IntoView {
    let state = d.state;
    let router = d.router;
    let poor = move || d.read(|p| should_offer_parking(p, &MODEL));
    let revisit = RwSignal::new(Some(Quarter::of(state.today.get_untracked()).next_start()));
    let revisit_problem = Signal::derive(move || {
        revisit
            .get()
            .and_then(|on| revisit_problem(on, state.today.get()))
            .map(str::to_string)
    });
    let park_now = move |_| {
        let Some(on) = revisit.get_untracked() else {
            return;
        };
        if revisit_problem.get_untracked().is_some() {
            return;
        }
        d.edit(|p| park(p, on));
        if let Some(id) = d.id.get_untracked() {
            state.save_now();
            router.go(Route::Plan(id));
            state.notify(format!(
                "Parked until {}. The draft is kept; revisit it then.",
                format::date(on)
            ));
        }
    };
    view! {
        <TimingForm form=form />
        <Show when=poor>
            <div class="callout callout-warning" role="status">
                <p>
                    <strong>"The timing looks poor. "</strong>
                    "A perfect fit in the wrong quarter goes nowhere. Parking the plan until the timing changes is a good outcome, not a failure: everything you wrote is kept."
                </p>
                <div class="park">
                    <DateField
                        id="revisit-on".to_string()
                        label="Revisit on"
                        value=revisit
                        on_change=Callback::new(move |v| revisit.set(v))
                        problem=revisit_problem
                    />
                    <button
                        type="button"
                        class="button"
                        on:click=park_now
                        disabled=move || revisit.get().is_none() || revisit_problem.get().is_some()
                    >
                        "Park until…"
                    </button>
                </div>
            </div>
        </Show>
    }
}

#[component]
fn FoundationStep(d: Draft, form: PlanForm) -> impl IntoView {
    // The people named on the first step need not be typed twice.
    if d.id.get_untracked().is_some() {
        let mut carried = d.plan.get_untracked();
        if carried.as_mut().is_some_and(carry_owners) {
            d.edit(|p| {
                carry_owners(p);
            });
        }
    }
    view! { <FoundationForm form=form /> }
}

#[component]
fn NextStepsStep(d: Draft, form: PlanForm) -> impl IntoView {
    let kind = d.read(|p| p.partner.kind);
    let ideas = template(kind).first_steps;
    view! {
        <p class="field-hint">
            "Three owned, dated steps, at least one owned by the partner or jointly: the structure that keeps the energy after launch."
        </p>
        {(0..NEXT_STEPS)
            .map(|i| {
                view! {
                    <fieldset class="field-group step-slot">
                        <legend>{format!("Step {}", i + 1)}</legend>
                        <StepFields form=form at=StepAt::Slot(i) />
                    </fieldset>
                }
            })
            .collect_view()}
        <Problem id="steps".to_string() problem=form.problem(Field::Steps) />
        <p class="field-hint">
            {format!("Ideas for {}: ", kind.a_pilot())}
            {ideas
                .iter()
                .map(|(t, s)| format!("{t} ({})", s.label().to_lowercase()))
                .collect::<Vec<_>>()
                .join(" · ")}
        </p>
    }
}

#[component]
fn LaunchStep(d: Draft) -> impl IntoView {
    let state = d.state;
    let router = d.router;
    // Ticked for a pilot that is running already; not kept across a reload, so a launch date
    // that has passed since is never taken as a launch that happened.
    let already = RwSignal::new(false);
    let kind = move || {
        if already.get() {
            LaunchKind::Already
        } else {
            LaunchKind::New
        }
    };
    let checklist = Memo::new(move |_| {
        let today = state.today.get();
        let kind = kind();
        d.read(|p| {
            let mut checklist = readiness(p, today, &MODEL);
            // A pilot already running is held to its own launch-date rule, said at the field.
            if kind == LaunchKind::Already {
                checklist
                    .items
                    .retain(|item| item.check != Check::LaunchDate);
            }
            checklist
        })
    });
    let blockers = Memo::new(move |_| {
        let today = state.today.get();
        let kind = kind();
        d.read(|p| launch_blockers(p, today, &MODEL, kind))
    });
    let ready = move || blockers.with(Vec::is_empty);
    let missing = move || blockers.get();
    // The launch date's problem shows as soon as a date is there: this step has no "Next".
    let date_problem = Signal::derive(move || {
        let today = state.today.get();
        let on = d.read(|p| p.pilot.launch_on);
        if on.is_none() && !d.tried.get() {
            return None;
        }
        launch_date_problem(on, today, &MODEL, kind())
    });
    let fix = move |section: Section| {
        Route::Wizard {
            draft: d.id.get_untracked(),
            step: section,
        }
        .href()
    };
    let launch_now = move |_| {
        let today = state.today.get_untracked();
        let Some(id) = d.id.get_untracked() else {
            return;
        };
        let mut outcome = Ok(());
        let kind = kind();
        state.edit_plan(&id, |p| outcome = launch(p, today, &MODEL, kind));
        match outcome {
            Ok(()) => {
                state.save_now();
                router.go(Route::Plan(id));
                state.notify(match kind {
                    LaunchKind::New => {
                        "Launched. Now keep the rhythm: log the syncs and wins as they happen."
                    }
                    LaunchKind::Already => {
                        "Recorded as running since its launch date. Log the syncs, wins and steps done so far, each on its day."
                    }
                });
            }
            Err(missing) => state.notify(format!("Not launched yet: {}.", missing.join("; "))),
        }
    };
    let summary = move || d.read(|p| p.clone());
    view! {
        <div class="field field-check">
            <input
                type="checkbox"
                id="launched-already"
                prop:checked=move || already.get()
                on:change=move |ev| already.set(event_target_checked(&ev))
            />
            <label for="launched-already">"Launched already"</label>
            <span class="field-hint">
                "The pilot is running: record it with the day it went live, up to a year back."
            </span>
        </div>
        <DateField
            id="launch-on".to_string()
            label="Launch date"
            hint=Some(
                "A scrappy V1 launches soon: within the next 30 days. Running already? Its launch day.",
            )
            value=Signal::derive(move || d.read(|p| p.pilot.launch_on))
            on_change=Callback::new(move |v| d.edit(|p| p.pilot.launch_on = v))
            problem=date_problem
        />
        {move || {
            let p = summary();
            let metric = &p.pilot.primary_metric;
            view! {
                <section class="one-pager" aria-labelledby="one-pager-heading">
                    <h2 id="one-pager-heading">"The plan on one page"</h2>
                    <dl class="facts one-pager-facts">
                        <div class="fact">
                            <dt>"Partner"</dt>
                            <dd>
                                {format!(
                                    "{} · {}",
                                    format::text(&p.partner.name),
                                    p.partner.kind.label(),
                                )}
                            </dd>
                        </div>
                        <div class="fact">
                            <dt>"Their priority this quarter"</dt>
                            <dd>{format::text(&p.timing.their_priority)}</dd>
                        </div>
                        <div class="fact">
                            <dt>"Use case"</dt>
                            <dd>{format::text(&p.pilot.use_case)}</dd>
                        </div>
                        <div class="fact">
                            <dt>"Primary metric"</dt>
                            <dd>
                                {match (metric.baseline, metric.target) {
                                    (Some(b), Some(t)) => {
                                        format!(
                                            "{}: {} → {}",
                                            format::text(&metric.name),
                                            format::quantity(b, &metric.unit),
                                            format::quantity(t, &metric.unit),
                                        )
                                    }
                                    _ => format::text(&metric.name),
                                }}
                            </dd>
                        </div>
                        <div class="fact">
                            <dt>"Fastest joint win"</dt>
                            <dd>{format::text(&p.pilot.fastest_joint_win)}</dd>
                        </div>
                        <div class="fact">
                            <dt>"Stop condition"</dt>
                            <dd>{format::text(&p.pilot.stop_condition)}</dd>
                        </div>
                        <div class="fact">
                            <dt>"Shared objective"</dt>
                            <dd>{format::text(&p.foundation.objective)}</dd>
                        </div>
                        <div class="fact">
                            <dt>"Owners"</dt>
                            <dd>
                                {format!(
                                    "{} and {}",
                                    format::text(&p.foundation.governance.our_owner),
                                    format::text(&p.foundation.governance.their_owner),
                                )}
                            </dd>
                        </div>
                        <div class="fact">
                            <dt>"Sponsors"</dt>
                            <dd>
                                {format!(
                                    "{} and {}",
                                    format::text(&p.foundation.governance.our_sponsor),
                                    format::text(&p.foundation.governance.their_sponsor),
                                )}
                            </dd>
                        </div>
                        <div class="fact">
                            <dt>"Rhythm"</dt>
                            <dd>
                                {format!(
                                    "{}; next sync {}",
                                    p.foundation.rhythm.cadence_days.label(),
                                    format::maybe_date(p.foundation.rhythm.next_sync_on),
                                )}
                            </dd>
                        </div>
                        <div class="fact">
                            <dt>"Next three steps"</dt>
                            <dd>
                                {next_step_slots(&p)
                                    .into_iter()
                                    .map(|i| &p.steps[i])
                                    .map(|s| {
                                        format!(
                                            "{} ({}, {})",
                                            s.title,
                                            format::text(&s.owner_name),
                                            format::maybe_date(s.due_on),
                                        )
                                    })
                                    .collect::<Vec<_>>()
                                    .join("; ")}
                            </dd>
                        </div>
                        <div class="fact">
                            <dt>"Review"</dt>
                            <dd>
                                {p
                                    .pilot
                                    .launch_on
                                    .map(|l| {
                                        format!(
                                            "{}-day review on {}",
                                            p.pilot.length_days,
                                            format::date(add_days(l, i64::from(p.pilot.length_days))),
                                        )
                                    })
                                    .unwrap_or_else(|| "Set when the launch date is chosen".into())}
                            </dd>
                        </div>
                    </dl>
                </section>
            }
        }}
        <h2>"Launch readiness"</h2>
        {move || view! { <Checklist readiness=checklist.get() fix=fix here=Section::Launch /> }}
        <div class="launch">
            <button
                type="button"
                class="button primary launch-button"
                on:click=launch_now
                disabled=move || !ready()
                aria-describedby="launch-why"
            >
                "Launch scrappy V1"
            </button>
            <p id="launch-why" class="launch-why">
                {move || {
                    if ready() {
                        "Every launch gate holds.".to_string()
                    } else {
                        format!("Launch waits for: {}.", missing().join("; "))
                    }
                }}
            </p>
        </div>
    }
}
