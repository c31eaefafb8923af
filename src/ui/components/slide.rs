//! One slide of the workshop deck, built from the plan: the seed's prompt in large type and the
//! plan's own fields for that lesson, editable right there and saved as typed. Used by the deck
//! and by the presenter view, so an answer typed in either lands in the same plan.

use super::field::{no_problem, CadenceField, DateField, NumberField, RatingField, TextField};
use super::plan_sections::ParkingLot;
use super::score_summary::ScoreSummary;
use super::steps_panel::AddStepForm;
use super::text_list::TextList;
use crate::domain::calendar::Quarter;
use crate::domain::limits::MAX_NAME_CHARS;
use crate::domain::scoring::{headline, history, readiness, MODEL};
use crate::domain::workshop::{agreed_steps, Commitments, LaunchTiming, Slide, DECK};
use crate::domain::{Cadence, Plan, Rating, Step};
use crate::exchange::export::plan_file;
use crate::ui::browser::download;
use crate::ui::editor::Editor;
use crate::ui::format;
use crate::ui::forms::KeyResultsForm;
use crate::ui::state::now;
use leptos::prelude::*;

/// The slide as shown: its kicker, heading, prompt and body. `test_id` marks the current slide.
#[component]
pub fn SlideView(
    e: Editor,
    slide: Slide,
    #[prop(optional)] test_id: Option<&'static str>,
) -> impl IntoView {
    let position = format!("Slide {} of {}", slide.index() + 1, DECK.len());
    let kicker = match slide.lesson() {
        Some(lesson) => format!("{position} · {lesson}"),
        None => position,
    };
    let body = match slide {
        Slide::Title => view! { <TitleBody e=e /> }.into_any(),
        Slide::Foundation => view! { <FoundationBody e=e /> }.into_any(),
        Slide::Timing => view! { <TimingBody e=e /> }.into_any(),
        Slide::StartSmall => view! { <StartSmallBody e=e /> }.into_any(),
        Slide::LaunchEnergy => view! { <LaunchEnergyBody e=e /> }.into_any(),
        Slide::Motion => view! { <MotionBody e=e /> }.into_any(),
        Slide::ParkingLot => {
            view! { <ParkingLot e=e id="ws-parking-new" show_label=true /> }.into_any()
        }
        Slide::Closing => view! { <ClosingBody e=e /> }.into_any(),
    };
    let heading = move || match slide {
        Slide::Title => e.read(String::new(), |p| p.shown_name().to_string()),
        other => other.title().to_string(),
    };
    view! {
        <section
            class=format!("slide slide-{}", slide.index() + 1)
            data-testid=test_id
            data-slide=slide.index() + 1
            aria-labelledby="slide-heading"
        >
            <header class="slide-head">
                <p class="slide-kicker">{kicker}</p>
                <h1 id="slide-heading">{heading}</h1>
            </header>
            <p class="slide-prompt">{slide.prompt()}</p>
            <div class="slide-body">{body}</div>
            <SlideChecks e=e slide=slide />
        </section>
    }
}

/// The launch-readiness checks this slide settles, each done or to do, in words and a shape;
/// shown while the plan has not launched.
#[component]
fn SlideChecks(e: Editor, slide: Slide) -> impl IntoView {
    let today = e.state.today;
    move || {
        let checks = slide.checks();
        let items = e.read(Vec::new(), |p| {
            if checks.is_empty() || p.stage.has_launched() {
                return Vec::new();
            }
            let r = readiness(p, today.get(), &MODEL);
            r.items
                .into_iter()
                .filter(|item| checks.contains(&item.check))
                .collect()
        });
        (!items.is_empty()).then(|| {
            view! {
                <ul class="slide-checks" aria-label="Launch readiness on this slide">
                    {items
                        .into_iter()
                        .map(|item| {
                            let (icon, status) = if item.done {
                                ("✓", "Done")
                            } else {
                                ("○", "To do")
                            };
                            view! {
                                <li class:check-done=item.done>
                                    <span aria-hidden="true">{icon}</span>
                                    <span class="visually-hidden">{status} ": "</span>
                                    {item.check.label()}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
        })
    }
}

#[component]
fn TitleBody(e: Editor) -> impl IntoView {
    let today = e.state.today.get_untracked();
    let subtitle = move || {
        e.read(String::new(), |p| {
            format!(
                "{} · {}",
                format::text(&p.partner.name),
                p.partner.kind.label()
            )
        })
    };
    let agenda = DECK
        .iter()
        .skip(1)
        .map(|slide| {
            view! {
                <li>
                    <span>{slide.title()}</span>
                    <span class="agenda-minutes">{format!("{} min", slide.default_minutes())}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="title-grid">
            <div>
                <p class="slide-subtitle">{subtitle}</p>
                <p>{format!("Partnership workshop · {}", format::date(today))}</p>
                <p class="muted keys-hint">
                    "Keys: ← → move · T timer · F full screen · Esc leave"
                </p>
            </div>
            <div>
                <h2>"Agenda"</h2>
                <ol class="agenda">{agenda}</ol>
            </div>
        </div>
    }
}

#[component]
fn FoundationBody(e: Editor) -> impl IntoView {
    let cadence =
        Signal::derive(move || e.read(Cadence::default(), |p| p.foundation.rhythm.cadence_days));
    view! {
        <div class="slide-columns">
            <div>
                <TextField
                    id="ws-objective"
                    label="Shared objective"
                    value=e.text(|p| &p.foundation.objective)
                    on_change=e.setter(|p, v| p.foundation.objective = v)
                    problem=no_problem()
                    multiline=true
                />
                // Governance and rhythm in one group: a second frame and legend would push a
                // long objective's slide past the bottom of a 1080p screen.
                <fieldset class="field-group">
                    <legend>"Owners, sponsors and rhythm"</legend>
                    <div class="field-pair">
                        <TextField
                            id="ws-our-owner"
                            wraps=true
                            max=MAX_NAME_CHARS
                            label="Our owner"
                            value=e.text(|p| &p.foundation.governance.our_owner)
                            on_change=e.setter(|p, v| p.foundation.governance.our_owner = v)
                            problem=no_problem()
                        />
                        <TextField
                            id="ws-their-owner"
                            wraps=true
                            max=MAX_NAME_CHARS
                            label="Their owner"
                            value=e.text(|p| &p.foundation.governance.their_owner)
                            on_change=e.setter(|p, v| p.foundation.governance.their_owner = v)
                            problem=no_problem()
                        />
                        <TextField
                            id="ws-our-sponsor"
                            wraps=true
                            max=MAX_NAME_CHARS
                            label="Our sponsor"
                            value=e.text(|p| &p.foundation.governance.our_sponsor)
                            on_change=e.setter(|p, v| p.foundation.governance.our_sponsor = v)
                            problem=no_problem()
                        />
                        <TextField
                            id="ws-their-sponsor"
                            wraps=true
                            max=MAX_NAME_CHARS
                            label="Their sponsor"
                            value=e.text(|p| &p.foundation.governance.their_sponsor)
                            on_change=e.setter(|p, v| p.foundation.governance.their_sponsor = v)
                            problem=no_problem()
                        />
                        <CadenceField
                            id="ws-cadence"
                            value=cadence
                            on_change=Callback::new(move |c| {
                                e.edit(|p| p.foundation.rhythm.cadence_days = c)
                            })
                        />
                        <DateField
                            id="ws-next-sync".to_string()
                            label="Next sync"
                            value=Signal::derive(move || {
                                e.read(None, |p| p.foundation.rhythm.next_sync_on)
                            })
                            on_change=Callback::new(move |v| {
                                e.edit(|p| p.foundation.rhythm.next_sync_on = v)
                            })
                            problem=no_problem()
                        />
                    </div>
                </fieldset>
            </div>
            <div>
                <KeyResultsForm form=e.form("ws") />
            </div>
        </div>
    }
}

#[component]
fn TimingBody(e: Editor) -> impl IntoView {
    let today = e.state.today;
    // Answering the timing questions in the room is confirming them, today.
    let confirm = move |p: &mut Plan| p.timing.confirmed_on = Some(today.get_untracked());
    let rated = move |read: fn(&Plan) -> Option<Rating>| {
        Signal::derive(move || e.read(None, |p| read(p).map(Rating::get)))
    };
    let confirmed = move || {
        e.read(None, |p| p.timing.confirmed_on).map(|on| {
            format!(
                "Confirmed for {} on {}.",
                Quarter::of(on).label(),
                format::date(on)
            )
        })
    };
    view! {
        <div class="slide-columns">
            <div>
                <TextField
                    id="ws-their-priority"
                    label="What's top-of-mind for their leadership this quarter?"
                    value=e.text(|p| &p.timing.their_priority)
                    on_change=Callback::new(move |v| {
                        e.edit(|p| {
                            p.timing.their_priority = v;
                            confirm(p);
                        })
                    })
                    problem=no_problem()
                    multiline=true
                />
                <TextField
                    id="ws-how-we-fit"
                    label="How does this partnership fit into that picture?"
                    value=e.text(|p| &p.timing.how_we_fit)
                    on_change=Callback::new(move |v| {
                        e.edit(|p| {
                            p.timing.how_we_fit = v;
                            confirm(p);
                        })
                    })
                    problem=no_problem()
                    multiline=true
                />
            </div>
            <div>
                <RatingField
                    name="ws-fit"
                    legend="Fit"
                    low="poor"
                    high="excellent"
                    value=rated(|p| p.timing.fit)
                    on_change=Callback::new(move |n| {
                        e.edit(|p| {
                            p.timing.fit = Rating::new(n);
                            confirm(p);
                        })
                    })
                    problem=no_problem()
                />
                <RatingField
                    name="ws-readiness"
                    legend="Is this the right time for both of us?"
                    low="not now"
                    high="right now"
                    value=rated(|p| p.timing.readiness)
                    on_change=Callback::new(move |n| {
                        e.edit(|p| {
                            p.timing.readiness = Rating::new(n);
                            confirm(p);
                        })
                    })
                    problem=no_problem()
                />
                <p class="muted">
                    {move || confirmed().unwrap_or_else(|| "Not confirmed yet.".into())}
                </p>
            </div>
        </div>
    }
}

#[component]
fn StartSmallBody(e: Editor) -> impl IntoView {
    view! {
        <div class="slide-columns">
            <div>
                <TextField
                    id="ws-use-case"
                    label="One use case"
                    value=e.text(|p| &p.pilot.use_case)
                    on_change=e.setter(|p, v| p.pilot.use_case = v)
                    problem=no_problem()
                    multiline=true
                />
                <TextField
                    id="ws-fastest-win"
                    label="The fastest joint win"
                    value=e.text(|p| &p.pilot.fastest_joint_win)
                    on_change=e.setter(|p, v| p.pilot.fastest_joint_win = v)
                    problem=no_problem()
                    multiline=true
                />
                <TextField
                    id="ws-stop-condition"
                    label="Stop condition"
                    value=e.text(|p| &p.pilot.stop_condition)
                    on_change=e.setter(|p, v| p.pilot.stop_condition = v)
                    problem=no_problem()
                    multiline=true
                />
            </div>
            <div>
                <TextField
                    id="ws-metric"
                    label="Primary metric"
                    value=e.text(|p| &p.pilot.primary_metric.name)
                    on_change=e.setter(|p, v| p.pilot.primary_metric.name = v)
                    problem=no_problem()
                />
                <div class="field-pair">
                    <NumberField
                        id="ws-metric-baseline".to_string()
                        label="Baseline"
                        value=Signal::derive(move || {
                            e.read(None, |p| p.pilot.primary_metric.baseline)
                        })
                        on_change=Callback::new(move |v| {
                            e.edit(|p| p.pilot.primary_metric.baseline = v)
                        })
                        problem=no_problem()
                    />
                    <NumberField
                        id="ws-metric-target".to_string()
                        label="Target"
                        value=Signal::derive(move || {
                            e.read(None, |p| p.pilot.primary_metric.target)
                        })
                        on_change=Callback::new(move |v| {
                            e.edit(|p| p.pilot.primary_metric.target = v)
                        })
                        problem=no_problem()
                    />
                </div>
                <TextField
                    id="ws-metric-unit"
                    label="Unit"
                    value=e.text(|p| &p.pilot.primary_metric.unit)
                    on_change=e.setter(|p, v| p.pilot.primary_metric.unit = v)
                    problem=no_problem()
                />
                <TextField
                    id="ws-segment"
                    label="Segment"
                    value=e.text(|p| &p.pilot.segment)
                    on_change=e.setter(|p, v| p.pilot.segment = v)
                    problem=no_problem()
                    multiline=true
                />
            </div>
        </div>
    }
}

/// One open step as the room reads it: what, who, by when, and "Done".
#[component]
fn OpenStep(e: Editor, step: Step) -> impl IntoView {
    let today = e.state.today;
    let id = StoredValue::new(step.id.clone());
    let owner = format!(
        "{} · {}",
        step.owner_side.owner_label(),
        format::text(&step.owner_name)
    );
    let due = step
        .due_on
        .map(|d| format!("due {}", format::date(d)))
        .unwrap_or_else(|| "no due date".into());
    let title = step.title.clone();
    view! {
        <li class="slide-step">
            <span class="slide-step-title">{step.title}</span>
            <span class="slide-step-meta">{format!("{owner} · {due}")}</span>
            <button
                type="button"
                class="button small"
                on:click=move |_| {
                    let on = today.get_untracked();
                    e.edit(|p| {
                        p.complete_step(&id.get_value(), on);
                    });
                    e.state.notify("Step completed.");
                }
            >
                "Done"
                <span class="visually-hidden">{format!(": complete “{title}”")}</span>
            </button>
        </li>
    }
}

#[component]
fn LaunchEnergyBody(e: Editor) -> impl IntoView {
    let today = e.state.today;
    let open = move || {
        e.read(Vec::new(), |p| {
            p.open_steps_by_due()
                .into_iter()
                .cloned()
                .collect::<Vec<Step>>()
        })
    };
    let commitments = move || e.read(None, |p| Some(Commitments::of(p, today.get(), &MODEL)));
    view! {
        <div class="slide-columns">
            <div>
                <p class="commitments">
                    {move || {
                        commitments()
                            .map(|c| {
                                let icon = if c.complete() { "✓" } else { "○" };
                                let partner = if c.partner_owned {
                                    "one is the partner's"
                                } else {
                                    "none is the partner's yet"
                                };
                                format!(
                                    "{icon} {} of {} owned, dated steps secured; {partner}.",
                                    c.secured.min(c.needed),
                                    c.needed,
                                )
                            })
                    }}
                </p>
                <ul class="slide-steps" aria-label="Open steps">
                    <For
                        each=open
                        key=|s| (s.id.clone(), s.title.clone(), s.owner_name.clone(), s.due_on)
                        let:step
                    >
                        <OpenStep e=e step=step />
                    </For>
                </ul>
                <Show when=move || e.read(true, |p| p.open_steps_by_due().is_empty())>
                    <p class="muted">"No open steps yet."</p>
                </Show>
            </div>
            <div>
                <AddStepForm e=e prefix="ws-step" />
            </div>
        </div>
    }
}

#[component]
fn MotionBody(e: Editor) -> impl IntoView {
    let today = e.state.today;
    let launch = move || e.read(None, |p| p.pilot.launch_on);
    let launched = move || e.read(false, |p| p.stage.has_launched());
    let status = move || {
        let window = MODEL.readiness.launch_within_days;
        match e.read(LaunchTiming::NotSet, |p| {
            LaunchTiming::of(p, today.get(), &MODEL)
        }) {
            LaunchTiming::Launched { on, day } => {
                format!(
                    "✓ Launched on {}: day {day} of the pilot.",
                    format::date(on)
                )
            }
            LaunchTiming::Passed { on } => {
                format!(
                    "○ The launch date, {}, has passed: pick a new one.",
                    format::date(on)
                )
            }
            LaunchTiming::Within { days: 0 } => "✓ Launch is today.".to_string(),
            LaunchTiming::Within { days } => {
                format!("✓ Launch in {}: within {window} days.", format::days(days))
            }
            LaunchTiming::TooFar { days } => {
                format!(
                    "○ Launch is {} away: bring it within {window} days.",
                    format::days(days)
                )
            }
            LaunchTiming::NotSet => "○ No launch date yet.".to_string(),
        }
    };
    view! {
        <div class="slide-columns">
            <div>
                <Show when=move || !launched()>
                    <DateField
                        id="ws-launch-on".to_string()
                        label="Launch date"
                        value=Signal::derive(launch)
                        on_change=Callback::new(move |v| e.edit(|p| p.pilot.launch_on = v))
                        problem=no_problem()
                    />
                </Show>
                <p class="launch-status">{status}</p>
                <p class="muted">
                    {move || {
                        e.read(
                            String::new(),
                            |p| {
                                format!(
                                    "The pilot runs {} days, then the 30-day review decides: scale, iterate or stop.",
                                    p.pilot.length_days,
                                )
                            },
                        )
                    }}
                </p>
            </div>
            <div>
                <h2>"Not in V1"</h2>
                <TextList
                    id="ws-out-of-scope"
                    label="Leave out of V1"
                    show_label=true
                    placeholder="Something V1 will not do"
                    button="Leave it out"
                    empty="Nothing ruled out yet."
                    item_name="out-of-scope item"
                    items=Signal::derive(move || {
                        e.read(Vec::new(), |p| p.pilot.out_of_scope.clone())
                    })
                    on_add=Callback::new(move |text| e.edit(|p| p.pilot.out_of_scope.push(text)))
                    on_remove=Callback::new(move |i: usize| {
                        e.edit(|p| {
                            if i < p.pilot.out_of_scope.len() {
                                p.pilot.out_of_scope.remove(i);
                            }
                        })
                    })
                />
            </div>
        </div>
    }
}

#[component]
fn ClosingBody(e: Editor) -> impl IntoView {
    let today = e.state.today;
    let agreed = move || {
        e.read(Vec::new(), |p| {
            agreed_steps(p).into_iter().cloned().collect::<Vec<Step>>()
        })
    };
    let score = move || {
        let today = today.get();
        e.read(None, |p| {
            Some((headline(p, today, &MODEL), history(p, today, &MODEL)))
        })
        .map(|(headline, history)| view! { <ScoreSummary headline=headline history=history /> })
    };
    let next_sync = move || {
        e.read(None, |p| p.foundation.rhythm.next_sync_on)
            .map(|d| format!("Next sync: {}", format::date(d)))
            .unwrap_or_else(|| "No next sync yet: set it on the Foundation slide.".into())
    };
    let export = move |_| {
        let Some(plan) = e.plan.get_untracked() else {
            return;
        };
        let (name, json) = plan_file(&plan, now(), today.get_untracked(), &MODEL);
        match download(&name, "application/json", &json) {
            Ok(()) => {
                e.state.record_export();
                e.state.notify(format!("Exported {name}."));
            }
            Err(error) => e.state.notify(format!("The export did not start: {error}")),
        }
    };
    view! {
        <div class="slide-columns">
            <div>
                {move || {
                    let steps = agreed();
                    if steps.is_empty() {
                        view! {
                            <p class="muted">
                                "No open steps: go back to Launch energy and secure three."
                            </p>
                        }
                            .into_any()
                    } else {
                        view! {
                            <ol class="agreed-steps">
                                {steps
                                    .into_iter()
                                    .map(|s| {
                                        let due = s
                                            .due_on
                                            .map(format::date)
                                            .unwrap_or_else(|| "no due date".into());
                                        view! {
                                            <li>
                                                <strong>{s.title}</strong>
                                                <span>
                                                    {format!(
                                                        "{} · {} · {due}",
                                                        s.owner_side.owner_label(),
                                                        format::text(&s.owner_name),
                                                    )}
                                                </span>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ol>
                        }
                            .into_any()
                    }
                }} <p>{next_sync}</p>
            </div>
            <div class="closing-side">
                {score} <button type="button" class="button primary" on:click=export>
                    "Export plan"
                </button>
                <p class="muted">
                    "A JSON file the partner can open in Pilotdeck, in their own browser."
                </p>
            </div>
        </div>
    }
}
