//! `/new`: the Scrappy V1 wizard. Six steps from an idea to a launched 30-day pilot; every
//! keystroke is saved to a draft plan, "Back" and "Next" keep every answer, and "Next" on an
//! incomplete step says what is missing next to each field.

use crate::domain::calendar::{add_days, Quarter};
use crate::domain::limits::{MAX_KEY_RESULTS, MAX_NAME_CHARS};
use crate::domain::prompts;
use crate::domain::scoring::{readiness, Check, Section, MODEL};
use crate::domain::templates::template;
use crate::domain::wizard::{
    carry_owners, draft_name, launch, launch_blockers, launch_date_problem, next_step_slots, park,
    revisit_problem, should_offer_parking, step_problems, Field, FieldProblem, LaunchKind,
    NEXT_STEPS, STEPS,
};
use crate::domain::{KeyResult, Partner, PartnerKind, Plan, PlanId, Rating, Side, Step};
use crate::ui::components::checklist::Checklist;
use crate::ui::components::field::{
    no_problem, CadenceField, DateField, NumberField, RatingField, Suggestions, TextField,
};
use crate::ui::format;
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
    /// Bumped when a suggestion fills number fields, so they are drawn again with the new value.
    filled: RwSignal<u32>,
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

    /// The message for `field`, once "Next" was pressed.
    fn problem(&self, field: Field) -> Signal<Option<String>> {
        let draft = *self;
        Signal::derive(move || {
            if !draft.tried.get() {
                return None;
            }
            draft
                .problems()
                .into_iter()
                .find(|p| p.field == field)
                .map(|p| p.message)
        })
    }

    fn text(&self, read: fn(&Plan) -> &String) -> Signal<String> {
        let draft = *self;
        Signal::derive(move || draft.read(|p| read(p).clone()))
    }

    fn setter(&self, write: fn(&mut Plan, String)) -> Callback<String> {
        let draft = *self;
        Callback::new(move |value: String| draft.edit(|p| write(p, value)))
    }

    fn kind(&self) -> PartnerKind {
        self.read(|p| p.partner.kind)
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
                <p>"This draft is not stored in this browser. Start a new pilot, or open the plan from the portfolio."</p>
                <Link to=Route::new_pilot() class="button primary">"Start a pilot"</Link>
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
        filled: RwSignal::new(0),
        not_numbers: RwSignal::new(Vec::new()),
    };

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
        let count = d.problems().len();
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
                "One thing is missing on this step: see the message next to the field.".to_string()
            } else {
                format!(
                    "{count} things are missing on this step: see the messages next to the fields."
                )
            }
        })
    };

    let body = match step {
        Section::Partner => view! { <PartnerStep d=d/> }.into_any(),
        Section::Timing => view! { <TimingStep d=d/> }.into_any(),
        Section::FastestJointWin => view! { <WinStep d=d/> }.into_any(),
        Section::Foundation => view! { <FoundationStep d=d/> }.into_any(),
        Section::NextSteps => view! { <NextStepsStep d=d/> }.into_any(),
        Section::Launch => view! { <LaunchStep d=d/> }.into_any(),
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
                                d.plan.with(|p| {
                                    p.as_ref().is_some_and(|p| {
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
                                            {move || if done() && !current { "✓".to_string() } else { (i + 1).to_string() }}
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
                <p class="prompt">{prompt(step)}</p>
                {body}
                <p class="wizard-missing" role="alert">{missing}</p>
                <div class="wizard-nav">
                    <button type="button" class="button" on:click=back disabled=index == 0>
                        "Back"
                    </button>
                    {(step != Section::Launch)
                        .then(|| view! { <button type="submit" class="button primary">"Next"</button> })}
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
fn PartnerStep(d: Draft) -> impl IntoView {
    let kinds = PartnerKind::ALL;
    let summary = move || template(d.kind()).summary;
    view! {
        <TextField
            id="partner-name" max=MAX_NAME_CHARS
            label="Partner name"
            value=d.text(|p| &p.partner.name)
            on_change=d.setter(|p, v| p.partner.name = v)
            problem=d.problem(Field::PartnerName)
            autofocus=true
        />
        <div class="field">
            <label for="partner-kind">"Kind of partnership"</label>
            <p class="field-hint" id="partner-kind-hint">
                "The kind loads suggestions for the next steps."
            </p>
            <select
                id="partner-kind"
                aria-describedby="partner-kind-hint"
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    if let Some(kind) = kinds.into_iter().find(|k| k.label() == value) {
                        d.edit(|p| {
                            p.partner.kind = kind;
                            p.foundation.rhythm.cadence_days = template(kind).cadence;
                        });
                    }
                }
            >
                {kinds
                    .into_iter()
                    .map(|k| {
                        view! {
                            <option selected=move || d.kind() == k>{k.label()}</option>
                        }
                    })
                    .collect_view()}
            </select>
            <p class="template-summary">{summary}</p>
            <details class="risks">
                <summary>{move || format!("Typical risks in {}", d.kind().a_pilot())}</summary>
                <ul>
                    {move || template(d.kind()).risks.iter().map(|risk| view! { <li>{*risk}</li> }).collect_view()}
                </ul>
            </details>
        </div>
        <TextField
            id="our-owner" max=MAX_NAME_CHARS
            label="Our owner"
            hint="Who on our side owns the partnership day to day."
            value=d.text(|p| &p.partner.our_owner)
            on_change=d.setter(|p, v| p.partner.our_owner = v)
            problem=d.problem(Field::OurOwner)
        />
        <TextField
            id="their-champion" max=MAX_NAME_CHARS
            label="Their champion"
            hint="The person on their side who wants this to work."
            value=d.text(|p| &p.partner.their_champion)
            on_change=d.setter(|p, v| p.partner.their_champion = v)
            problem=d.problem(Field::TheirChampion)
        />
    }
}

#[component]
fn TimingStep(d: Draft) -> impl IntoView {
    let state = d.state;
    let router = d.router;
    let poor = move || d.read(|p| should_offer_parking(p, &MODEL));
    let revisit = RwSignal::new(Some(Quarter::of(state.today.get_untracked()).next_start()));
    let rating = |read: fn(&Plan) -> Option<Rating>| {
        Signal::derive(move || d.read(|p| read(p).map(Rating::get)))
    };
    // Answering the timing questions is confirming the timing, today.
    let confirm = move |p: &mut Plan| p.timing.confirmed_on = Some(state.today.get_untracked());
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
        <TextField
            id="their-priority"
            label="What's top-of-mind for their leadership this quarter?"
            value=d.text(|p| &p.timing.their_priority)
            on_change=Callback::new(move |v| d.edit(|p| {
                p.timing.their_priority = v;
                confirm(p);
            }))
            problem=d.problem(Field::TheirPriority)
            multiline=true
            autofocus=true
        />
        <TextField
            id="how-we-fit"
            label="How does this partnership fit into that picture?"
            value=d.text(|p| &p.timing.how_we_fit)
            on_change=Callback::new(move |v| d.edit(|p| {
                p.timing.how_we_fit = v;
                confirm(p);
            }))
            problem=d.problem(Field::HowWeFit)
            multiline=true
        />
        <RatingField
            name="fit"
            legend="Fit: how well does this serve both sides?"
            low="poor"
            high="excellent"
            value=rating(|p| p.timing.fit)
            on_change=Callback::new(move |n| d.edit(|p| {
                p.timing.fit = Rating::new(n);
                confirm(p);
            }))
            problem=d.problem(Field::Fit)
        />
        <RatingField
            name="readiness"
            legend="Readiness: is this the right time for both of us?"
            low="not now"
            high="right now"
            value=rating(|p| p.timing.readiness)
            on_change=Callback::new(move |n| d.edit(|p| {
                p.timing.readiness = Rating::new(n);
                confirm(p);
            }))
            problem=d.problem(Field::Readiness)
        />
        <div class="field field-check">
            <label>
                <input
                    type="checkbox"
                    prop:checked=move || d.read(|p| p.timing.in_rebuild)
                    on:change=move |ev| {
                        let checked = event_target_checked(&ev);
                        d.edit(|p| {
                            p.timing.in_rebuild = checked;
                            confirm(p);
                        })
                    }
                />
                " They are in a rebuild phase (reorganisation, migration, new leadership)"
            </label>
        </div>
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
fn WinStep(d: Draft) -> impl IntoView {
    let kind = Memo::new(move |_| d.kind());
    let metric_ideas = move || template(kind.get()).metrics;
    let pick_metric = Callback::new(move |name: &'static str| {
        if let Some(idea) = metric_ideas().iter().find(|m| m.name == name) {
            d.edit(|p| {
                let metric = &mut p.pilot.primary_metric;
                metric.name = idea.name.to_string();
                metric.baseline = Some(idea.baseline);
                metric.target = Some(idea.target);
                metric.unit = idea.unit.to_string();
            });
            d.filled.update(|n| *n += 1);
        }
    });
    let add_out_of_scope = Callback::new(move |text: &'static str| {
        d.edit(|p| {
            if !p.pilot.out_of_scope.iter().any(|t| t == text) {
                p.pilot.out_of_scope.push(text.to_string());
            }
        })
    });
    view! {
        <TextField
            id="use-case"
            label="One use case"
            hint="One narrow, winnable use case. Prove value, then scale."
            value=d.text(|p| &p.pilot.use_case)
            on_change=d.setter(|p, v| p.pilot.use_case = v)
            problem=d.problem(Field::UseCase)
            suggestions=template(kind.get_untracked()).use_cases.to_vec()
            autofocus=true
        />
        <TextField
            id="segment"
            label="Segment"
            hint="Which customers, region or product line the pilot covers."
            value=d.text(|p| &p.pilot.segment)
            on_change=d.setter(|p, v| p.pilot.segment = v)
            problem=d.problem(Field::Segment)
            suggestions=template(kind.get_untracked()).segments.to_vec()
        />
        <fieldset class="field-group">
            <legend>"The primary metric"</legend>
            <TextField
                id="metric-name"
                label="Metric"
                value=d.text(|p| &p.pilot.primary_metric.name)
                on_change=d.setter(|p, v| p.pilot.primary_metric.name = v)
                problem=d.problem(Field::MetricName)
            />
            {move || {
                d.filled.get();
                let (baseline, target) = d.read(|p| (p.pilot.primary_metric.baseline, p.pilot.primary_metric.target));
                view! {
                    <div class="field-row">
                        <NumberField
                            not_numbers=Some(d.not_numbers)
                            id="metric-baseline".to_string()
                            label="Baseline (today)"
                            value=baseline
                            on_change=Callback::new(move |v| d.edit(|p| p.pilot.primary_metric.baseline = v))
                            problem=d.problem(Field::MetricBaseline)
                        />
                        <NumberField
                            not_numbers=Some(d.not_numbers)
                            id="metric-target".to_string()
                            label="Target"
                            value=target
                            on_change=Callback::new(move |v| d.edit(|p| p.pilot.primary_metric.target = v))
                            problem=d.problem(Field::MetricTarget)
                        />
                        <TextField
                            id="metric-unit"
                            label="Unit"
                            value=d.text(|p| &p.pilot.primary_metric.unit)
                            on_change=d.setter(|p, v| p.pilot.primary_metric.unit = v)
                            problem=no_problem()
                        />
                    </div>
                }
            }}
            <Suggestions
                items=template(kind.get_untracked()).metrics.iter().map(|m| m.name).collect()
                on_pick=pick_metric
                label="Metric ideas"
            />
        </fieldset>
        <TextField
            id="fastest-win"
            label="The fastest joint win"
            hint="The first thing both teams can celebrate, within weeks."
            value=d.text(|p| &p.pilot.fastest_joint_win)
            on_change=d.setter(|p, v| p.pilot.fastest_joint_win = v)
            problem=d.problem(Field::FastestWin)
            suggestions=template(kind.get_untracked()).fastest_wins.to_vec()
            multiline=true
        />
        <div class="field">
            <label for="out-of-scope">"Out of scope"</label>
            <p class="field-hint" id="out-of-scope-hint">"One item per line: what this pilot will not try to do."</p>
            <textarea
                id="out-of-scope"
                rows="3"
                aria-describedby="out-of-scope-hint"
                prop:value=move || d.read(|p| p.pilot.out_of_scope.join("\n"))
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    d.edit(|p| {
                        p.pilot.out_of_scope = text
                            .lines()
                            .map(str::to_string)
                            .filter(|l| !l.trim().is_empty())
                            .collect()
                    })
                }
            ></textarea>
            <Suggestions items=template(kind.get_untracked()).out_of_scope.to_vec() on_pick=add_out_of_scope/>
        </div>
        <TextField
            id="stop-condition"
            label="Stop condition"
            hint="Agreed now, before you start: when would you stop?"
            value=d.text(|p| &p.pilot.stop_condition)
            on_change=d.setter(|p, v| p.pilot.stop_condition = v)
            problem=d.problem(Field::StopCondition)
            suggestions=template(kind.get_untracked()).stop_conditions.to_vec()
            multiline=true
        />
    }
}

#[component]
fn FoundationStep(d: Draft) -> impl IntoView {
    // The people named on the first step need not be typed twice.
    if d.id.get_untracked().is_some() {
        let mut carried = d.plan.get_untracked();
        if carried.as_mut().is_some_and(carry_owners) {
            d.edit(|p| {
                carry_owners(p);
            });
        }
    }
    let kind = d.kind();
    let ideas = template(kind);
    let count = move || d.read(|p| p.foundation.key_results.len());
    let add_kr = move |_| {
        d.edit(|p| {
            if p.foundation.key_results.len() < MAX_KEY_RESULTS {
                p.foundation
                    .key_results
                    .push(KeyResult::new("", 0.0, 0.0, ""))
            }
        });
        d.filled.update(|n| *n += 1);
    };
    let use_starters = move |_| {
        d.edit(|p| {
            if p.foundation.objective.trim().is_empty() {
                p.foundation.objective = ideas.objective.to_string();
            }
            p.foundation.key_results = ideas
                .key_results
                .iter()
                .take(MAX_KEY_RESULTS)
                .map(|idea| KeyResult::new(idea.name, idea.baseline, idea.target, idea.unit))
                .collect();
        });
        d.filled.update(|n| *n += 1);
    };
    let cadence_now = move || d.read(|p| p.foundation.rhythm.cadence_days);
    view! {
        <TextField
            id="objective"
            label="Shared objective"
            hint="One sentence both sides would sign."
            value=d.text(|p| &p.foundation.objective)
            on_change=d.setter(|p, v| p.foundation.objective = v)
            problem=d.problem(Field::Objective)
            suggestions=vec![ideas.objective]
            multiline=true
            autofocus=true
        />
        <fieldset class="field-group">
            <legend>"Key results (one to three)"</legend>
            <p class="field-hint">{format!("Starter key results for {}: ", kind.a_pilot())}
                <button type="button" class="chip" on:click=use_starters>"Use the starters"</button>
            </p>
            {move || {
                d.filled.get();
                let results = d.read(|p| p.foundation.key_results.clone());
                let first_problem = d.problem(Field::KeyResultName(0));
                if results.is_empty() {
                    return view! { <crate::ui::components::field::Problem id="kr-0-name".to_string() problem=first_problem/> }.into_any();
                }
                results
                    .into_iter()
                    .enumerate()
                    .map(|(i, kr)| {
                        view! {
                            <div class="kr-row">
                                <TextField
                                    id=KR_NAME_IDS[i]
                                    label="Key result"
                                    value=Signal::derive(move || d.read(|p| p.foundation.key_results.get(i).map(|k| k.name.clone()).unwrap_or_default()))
                                    on_change=Callback::new(move |v: String| d.edit(|p| if let Some(k) = p.foundation.key_results.get_mut(i) { k.name = v }))
                                    problem=d.problem(Field::KeyResultName(i))
                                />
                                <NumberField
                                    not_numbers=Some(d.not_numbers)
                                    id=format!("kr-{i}-baseline")
                                    label="Baseline"
                                    value=Some(kr.baseline)
                                    on_change=Callback::new(move |v: Option<f64>| d.edit(|p| if let Some(k) = p.foundation.key_results.get_mut(i) { k.baseline = v.unwrap_or(0.0) }))
                                    problem=no_problem()
                                />
                                <NumberField
                                    not_numbers=Some(d.not_numbers)
                                    id=format!("kr-{i}-target")
                                    label="Target"
                                    value=Some(kr.target)
                                    on_change=Callback::new(move |v: Option<f64>| d.edit(|p| if let Some(k) = p.foundation.key_results.get_mut(i) { k.target = v.unwrap_or(0.0) }))
                                    problem=d.problem(Field::KeyResultTarget(i))
                                />
                                <TextField
                                    id=KR_UNIT_IDS[i] max=MAX_NAME_CHARS
                                    label="Unit"
                                    value=Signal::derive(move || d.read(|p| p.foundation.key_results.get(i).map(|k| k.unit.clone()).unwrap_or_default()))
                                    on_change=Callback::new(move |v: String| d.edit(|p| if let Some(k) = p.foundation.key_results.get_mut(i) { k.unit = v }))
                                    problem=no_problem()
                                />
                                <button
                                    type="button"
                                    class="button small quiet"
                                    on:click=move |_| {
                                        d.edit(|p| { if i < p.foundation.key_results.len() { p.foundation.key_results.remove(i); } });
                                        d.filled.update(|n| *n += 1);
                                    }
                                >
                                    "Remove" <span class="visually-hidden">{format!(" key result {}", i + 1)}</span>
                                </button>
                            </div>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
            <button type="button" class="button small" on:click=add_kr disabled=move || { count() >= MAX_KEY_RESULTS }>
                "Add key result"
            </button>
        </fieldset>
        <fieldset class="field-group">
            <legend>"Governance"</legend>
            <div class="field-row">
                <TextField id="gov-our-owner" max=MAX_NAME_CHARS label="Our owner" value=d.text(|p| &p.foundation.governance.our_owner) on_change=d.setter(|p, v| p.foundation.governance.our_owner = v) problem=d.problem(Field::GovernanceOurOwner)/>
                <TextField id="gov-their-owner" max=MAX_NAME_CHARS label="Their owner" value=d.text(|p| &p.foundation.governance.their_owner) on_change=d.setter(|p, v| p.foundation.governance.their_owner = v) problem=d.problem(Field::GovernanceTheirOwner)/>
            </div>
            <div class="field-row">
                <TextField id="gov-our-sponsor" max=MAX_NAME_CHARS label="Our sponsor" value=d.text(|p| &p.foundation.governance.our_sponsor) on_change=d.setter(|p, v| p.foundation.governance.our_sponsor = v) problem=d.problem(Field::OurSponsor)/>
                <TextField id="gov-their-sponsor" max=MAX_NAME_CHARS label="Their sponsor" value=d.text(|p| &p.foundation.governance.their_sponsor) on_change=d.setter(|p, v| p.foundation.governance.their_sponsor = v) problem=d.problem(Field::TheirSponsor)/>
            </div>
            <TextField id="decision-rule" label="Decision rule" hint="How joint decisions are made (optional)." value=d.text(|p| &p.foundation.governance.decision_rule) on_change=d.setter(|p, v| p.foundation.governance.decision_rule = v) problem=no_problem()/>
            <TextField id="escalation" label="Escalation" hint="Who decides when the owners can't (optional)." value=d.text(|p| &p.foundation.governance.escalation) on_change=d.setter(|p, v| p.foundation.governance.escalation = v) problem=no_problem()/>
        </fieldset>
        <fieldset class="field-group">
            <legend>"Rhythm"</legend>
            <CadenceField
                id="cadence"
                value=Signal::derive(cadence_now)
                on_change=Callback::new(move |c| d.edit(|p| p.foundation.rhythm.cadence_days = c))
            />
            <DateField
                id="next-sync".to_string()
                label="Next sync"
                value=Signal::derive(move || d.read(|p| p.foundation.rhythm.next_sync_on))
                on_change=Callback::new(move |v| d.edit(|p| p.foundation.rhythm.next_sync_on = v))
                problem=d.problem(Field::NextSync)
            />
        </fieldset>
    }
}

const KR_NAME_IDS: [&str; MAX_KEY_RESULTS] = ["kr-0-name", "kr-1-name", "kr-2-name"];
const KR_UNIT_IDS: [&str; MAX_KEY_RESULTS] = ["kr-0-unit", "kr-1-unit", "kr-2-unit"];
const STEP_TITLE_IDS: [&str; NEXT_STEPS] = ["step-0-title", "step-1-title", "step-2-title"];
const STEP_OWNER_IDS: [&str; NEXT_STEPS] = ["step-0-owner", "step-1-owner", "step-2-owner"];

#[component]
fn NextStepsStep(d: Draft) -> impl IntoView {
    let state = d.state;
    // The wizard shows the first three open steps; a slot not there yet is added on first edit.
    let ensure = move |p: &mut Plan, i: usize| -> usize {
        loop {
            let slots = next_step_slots(p);
            if let Some(&index) = slots.get(i) {
                return index;
            }
            let n = slots.len();
            let side = if n == NEXT_STEPS - 1 {
                Side::Theirs
            } else {
                Side::Ours
            };
            p.steps
                .push(Step::new("", side, "", None, state.today.get_untracked()));
        }
    };
    let ideas = template(d.kind()).first_steps;
    let sides = [Side::Ours, Side::Theirs, Side::Joint];
    view! {
        <p class="field-hint">"Three owned, dated steps, at least one owned by the partner or jointly: the structure that keeps the energy after launch."</p>
        {(0..NEXT_STEPS)
            .map(|i| {
                let step_of = move |p: &Plan| next_step_slots(p).get(i).map(|&index| p.steps[index].clone());
                let suggestions: Vec<&'static str> = ideas.iter().map(|(t, _)| *t).collect();
                view! {
                    <fieldset class="field-group step-slot">
                        <legend>{format!("Step {}", i + 1)}</legend>
                        <TextField
                            id=STEP_TITLE_IDS[i]
                            label="What"
                            value=Signal::derive(move || d.read(|p| step_of(p).map(|s| s.title).unwrap_or_default()))
                            on_change=Callback::new(move |v: String| d.edit(|p| {
                                let at = ensure(p, i);
                                p.steps[at].title = v.clone();
                                if let Some((_, side)) = ideas.iter().find(|(t, _)| *t == v) {
                                    p.steps[at].owner_side = *side;
                                }
                            }))
                            problem=d.problem(Field::StepTitle(i))
                            suggestions=if i == 0 { suggestions } else { Vec::new() }
                            autofocus=i == 0
                        />
                        <div class="field-row">
                            <div class="field">
                                <label for=format!("step-{i}-side")>"Owned by"</label>
                                <select id=format!("step-{i}-side") on:change=move |ev| {
                                    let value = event_target_value(&ev);
                                    if let Some(side) = sides.into_iter().find(|s| s.owner_label() == value) {
                                        d.edit(|p| { let at = ensure(p, i); p.steps[at].owner_side = side; });
                                    }
                                }>
                                    {sides
                                        .into_iter()
                                        .map(|s| {
                                            let selected = move || d.read(|p| step_of(p).map(|x| x.owner_side).unwrap_or(if i == 2 { Side::Theirs } else { Side::Ours })) == s;
                                            view! { <option selected=selected>{s.owner_label()}</option> }
                                        })
                                        .collect_view()}
                                </select>
                            </div>
                            <TextField
                                id=STEP_OWNER_IDS[i]
                                max=MAX_NAME_CHARS
                                label="Owner's name"
                                value=Signal::derive(move || d.read(|p| step_of(p).map(|s| s.owner_name).unwrap_or_default()))
                                on_change=Callback::new(move |v: String| d.edit(|p| { let at = ensure(p, i); p.steps[at].owner_name = v; }))
                                problem=d.problem(Field::StepOwner(i))
                            />
                            <DateField
                                id=format!("step-{i}-due")
                                label="Due"
                                value=Signal::derive(move || d.read(|p| step_of(p).and_then(|s| s.due_on)))
                                on_change=Callback::new(move |v| d.edit(|p| { let at = ensure(p, i); p.steps[at].set_due(v, state.today.get_untracked()); }))
                                problem=d.problem(Field::StepDue(i))
                            />
                        </div>
                    </fieldset>
                }
            })
            .collect_view()}
        <crate::ui::components::field::Problem id="steps".to_string() problem=d.problem(Field::Steps)/>
        <p class="field-hint">
            {format!("Ideas for {}: ", d.kind().a_pilot())}
            {ideas.iter().map(|(t, s)| format!("{t} ({})", s.owner_label().to_lowercase())).collect::<Vec<_>>().join(" · ")}
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
            <input type="checkbox" id="launched-already" prop:checked=move || already.get()
                on:change=move |ev| already.set(event_target_checked(&ev))/>
            <label for="launched-already">"Launched already"</label>
            <span class="field-hint">"The pilot is running: record it with the day it went live, up to a year back."</span>
        </div>
        <DateField
            id="launch-on".to_string()
            label="Launch date"
            hint=Some("A scrappy V1 launches soon: within the next 30 days. Running already? Its launch day.")
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
                        <div class="fact"><dt>"Partner"</dt><dd>{format!("{} · {}", format::text(&p.partner.name), p.partner.kind.label())}</dd></div>
                        <div class="fact"><dt>"Their priority this quarter"</dt><dd>{format::text(&p.timing.their_priority)}</dd></div>
                        <div class="fact"><dt>"Use case"</dt><dd>{format::text(&p.pilot.use_case)}</dd></div>
                        <div class="fact"><dt>"Primary metric"</dt><dd>{match (metric.baseline, metric.target) {
                            (Some(b), Some(t)) => format!("{}: {} → {}", format::text(&metric.name), format::quantity(b, &metric.unit), format::quantity(t, &metric.unit)),
                            _ => format::text(&metric.name),
                        }}</dd></div>
                        <div class="fact"><dt>"Fastest joint win"</dt><dd>{format::text(&p.pilot.fastest_joint_win)}</dd></div>
                        <div class="fact"><dt>"Stop condition"</dt><dd>{format::text(&p.pilot.stop_condition)}</dd></div>
                        <div class="fact"><dt>"Shared objective"</dt><dd>{format::text(&p.foundation.objective)}</dd></div>
                        <div class="fact"><dt>"Owners"</dt><dd>{format!("{} and {}", format::text(&p.foundation.governance.our_owner), format::text(&p.foundation.governance.their_owner))}</dd></div>
                        <div class="fact"><dt>"Sponsors"</dt><dd>{format!("{} and {}", format::text(&p.foundation.governance.our_sponsor), format::text(&p.foundation.governance.their_sponsor))}</dd></div>
                        <div class="fact"><dt>"Rhythm"</dt><dd>{format!("{}; next sync {}", p.foundation.rhythm.cadence_days.label(), format::maybe_date(p.foundation.rhythm.next_sync_on))}</dd></div>
                        <div class="fact"><dt>"Next three steps"</dt><dd>{next_step_slots(&p).into_iter().map(|i| &p.steps[i]).map(|s| format!("{} ({}, {})", s.title, format::text(&s.owner_name), format::maybe_date(s.due_on))).collect::<Vec<_>>().join("; ")}</dd></div>
                        <div class="fact"><dt>"Review"</dt><dd>{p.pilot.launch_on.map(|l| format!("{}-day review on {}", p.pilot.length_days, format::date(add_days(l, i64::from(p.pilot.length_days))))).unwrap_or_else(|| "Set when the launch date is chosen".into())}</dd></div>
                    </dl>
                </section>
            }
        }}
        <h2>"Launch readiness"</h2>
        {move || view! { <Checklist readiness=checklist.get() fix=fix/> }}
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
