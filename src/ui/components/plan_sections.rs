//! The plan page's sections — partner, timing, the fastest joint win, the foundation with its
//! key-result check-ins, the cycles and the parking lot. Each reads as a summary and turns into
//! a form with "Edit"; fields save as the user types.

use super::field::{no_problem, DateField, NumberField, TextField};
use super::text_list::TextList;
use crate::domain::limits::MAX_NAME_CHARS;
use crate::domain::wizard::{Field, FieldProblem};
use crate::domain::{validate_plan, Confidence, KeyResult, Rating};
use crate::ui::browser::focus_by_id;
use crate::ui::editor::Editor;
use crate::ui::format;
use crate::ui::forms::{FastestWinForm, FoundationForm, PartnerForm, TimingForm};
use leptos::prelude::*;

/// A labelled value in a definition list.
#[component]
pub fn Fact(label: &'static str, value: String) -> impl IntoView {
    let unset = value == "Not set";
    view! {
        <div class="fact">
            <dt>{label}</dt>
            <dd class:unset=unset>{value}</dd>
        </div>
    }
}

/// A section's heading with its "Edit" / "Done" toggle.
#[component]
fn SectionHead(id: &'static str, title: &'static str, editing: RwSignal<bool>) -> impl IntoView {
    view! {
        <div class="section-head">
            <h2 id=format!("{id}-heading")>{title}</h2>
            <button
                type="button"
                class="button small"
                aria-expanded=move || editing.get().to_string()
                on:click=move |_| editing.update(|e| *e = !*e)
            >
                {move || if editing.get() { "Done" } else { "Edit" }}
                <span class="visually-hidden">{format!(" {}", title.to_lowercase())}</span>
            </button>
        </div>
    }
}

fn rating(r: Option<Rating>) -> String {
    r.map(|r| format!("{} of 5", r.get()))
        .unwrap_or_else(|| "Not set".into())
}

#[component]
pub fn PartnerSection(e: Editor) -> impl IntoView {
    let editing = RwSignal::new(false);
    // The two names a plan cannot do without, said at the field, since the plan is not saved
    // without them. The rules are the validator's; the fields hold no more than a name's
    // length, so a missing name is the one problem these fields can have.
    let said_at = move |path: &'static str, message: &'static str| {
        Signal::derive(move || {
            e.read(None, |p| {
                validate_plan(p)
                    .iter()
                    .any(|problem| problem.path == path)
                    .then(|| message.to_string())
            })
        })
    };
    let name_problem = said_at(
        "name",
        "A pilot needs a name. Until it has one, it is not saved.",
    );
    let partner_problem = said_at(
        "partner.name",
        "A launched pilot needs its partner's name. Until it has one, it is not saved.",
    );
    let form = e.form("edit").with_problems(Signal::derive(move || {
        partner_problem
            .get()
            .map(|message| FieldProblem {
                field: Field::PartnerName,
                message,
            })
            .into_iter()
            .collect()
    }));
    view! {
        <section class="panel" id="partner" aria-labelledby="partner-heading">
            <SectionHead id="partner" title="Partner" editing=editing />
            <Show
                when=move || editing.get()
                fallback=move || {
                    e.read(
                        ().into_any(),
                        |p| {
                            view! {
                                <dl class="facts">
                                    <Fact label="Partner" value=format::text(&p.partner.name) />
                                    <Fact label="Kind" value=p.partner.kind.label().to_string() />
                                    <Fact
                                        label="Our owner"
                                        value=format::text(&p.partner.our_owner)
                                    />
                                    <Fact
                                        label="Their champion"
                                        value=format::text(&p.partner.their_champion)
                                    />
                                    <div class="fact internal-fact">
                                        <dt>
                                            "Notes "
                                            <span
                                                class="tag tag-internal"
                                                title="Never shared with the partner"
                                            >
                                                "Internal"
                                            </span>
                                        </dt>
                                        <dd class:unset=p
                                            .partner
                                            .notes
                                            .trim()
                                            .is_empty()>{format::text(&p.partner.notes)}</dd>
                                    </div>
                                </dl>
                            }
                                .into_any()
                        },
                    )
                }
            >
                <div class="edit-form">
                    <TextField
                        id="edit-plan-name"
                        max=MAX_NAME_CHARS
                        label="Pilot name"
                        value=e.text(|p| &p.name)
                        on_change=e.setter(|p, v| p.name = v)
                        problem=name_problem
                    />
                    <PartnerForm form=form />
                    <TextField
                        id="edit-notes"
                        label="Notes (internal)"
                        hint="Only our side sees them: never in a share link or on the shared screen."
                        value=e.text(|p| &p.partner.notes)
                        on_change=e.setter(|p, v| p.partner.notes = v)
                        problem=no_problem()
                        multiline=true
                    />
                </div>
            </Show>
        </section>
    }
}

#[component]
pub fn TimingSection(e: Editor) -> impl IntoView {
    let editing = RwSignal::new(false);
    view! {
        <section class="panel" id="timing" aria-labelledby="timing-heading">
            <SectionHead id="timing" title="Timing" editing=editing />
            <Show
                when=move || editing.get()
                fallback=move || {
                    e.read(
                        ().into_any(),
                        |p| {
                            let confirmed = p
                                .timing
                                .confirmed_on
                                .map(|d| {
                                    let quarter = crate::domain::calendar::Quarter::of(d).label();
                                    format!("{} ({quarter})", format::date(d))
                                })
                                .unwrap_or_else(|| "Not set".into());
                            view! {
                                <dl class="facts">
                                    <Fact
                                        label="What's top-of-mind for their leadership this quarter"
                                        value=format::text(&p.timing.their_priority)
                                    />
                                    <Fact
                                        label="How this partnership fits that picture"
                                        value=format::text(&p.timing.how_we_fit)
                                    />
                                    <Fact label="Fit" value=rating(p.timing.fit) />
                                    <Fact label="Readiness" value=rating(p.timing.readiness) />
                                    <Fact
                                        label="In a rebuild phase"
                                        value=if p.timing.in_rebuild {
                                            "Yes".into()
                                        } else {
                                            "No".into()
                                        }
                                    />
                                    <Fact label="Confirmed on" value=confirmed />
                                </dl>
                            }
                                .into_any()
                        },
                    )
                }
            >
                <div class="edit-form">
                    <TimingForm form=e.form("edit") />
                </div>
            </Show>
        </section>
    }
}

#[component]
pub fn PilotSection(e: Editor) -> impl IntoView {
    let editing = RwSignal::new(false);
    view! {
        <section class="panel" id="pilot" aria-labelledby="pilot-heading">
            <SectionHead id="pilot" title="Fastest joint win" editing=editing />
            <Show
                when=move || editing.get()
                fallback=move || {
                    e.read(
                        ().into_any(),
                        |p| {
                            let metric_text = format::metric(&p.pilot.primary_metric);
                            let out = if p.pilot.out_of_scope.is_empty() {
                                "Not set".to_string()
                            } else {
                                p.pilot.out_of_scope.join("; ")
                            };
                            view! {
                                <dl class="facts">
                                    <Fact label="Use case" value=format::text(&p.pilot.use_case) />
                                    <Fact label="Segment" value=format::text(&p.pilot.segment) />
                                    <Fact label="Primary metric" value=metric_text />
                                    <Fact
                                        label="Fastest joint win"
                                        value=format::text(&p.pilot.fastest_joint_win)
                                    />
                                    <Fact label="Out of scope" value=out />
                                    <Fact
                                        label="Stop condition"
                                        value=format::text(&p.pilot.stop_condition)
                                    />
                                    <Fact
                                        label="Launch date"
                                        value=format::maybe_date(p.pilot.launch_on)
                                    />
                                    <Fact
                                        label="Pilot length"
                                        value=format!("{} days", p.pilot.length_days)
                                    />
                                </dl>
                            }
                                .into_any()
                        },
                    )
                }
            >
                <div class="edit-form">
                    <FastestWinForm form=e.form("edit") />
                    <Show when=move || e.read(false, |p| !p.stage.has_launched())>
                        <DateField
                            id="edit-launch-on".to_string()
                            label="Launch date"
                            value=Signal::derive(move || e.read(None, |p| p.pilot.launch_on))
                            on_change=Callback::new(move |v| e.edit(|p| p.pilot.launch_on = v))
                            problem=no_problem()
                        />
                    </Show>
                </div>
            </Show>
        </section>
    }
}

#[component]
pub fn FoundationSection(e: Editor) -> impl IntoView {
    let editing = RwSignal::new(false);
    view! {
        <section class="panel wide" id="foundation" aria-labelledby="foundation-heading">
            <SectionHead id="foundation" title="Foundation" editing=editing />
            <Show when=move || editing.get() fallback=move || view! { <FoundationSummary e=e /> }>
                <div class="edit-form">
                    <FoundationForm form=e.form("edit").dated() />
                </div>
            </Show>
        </section>
    }
}

/// The foundation as read: the objective, key results with progress and check-ins, governance
/// and rhythm.
#[component]
fn FoundationSummary(e: Editor) -> impl IntoView {
    move || {
        e.read(().into_any(), |p| {
            let f = &p.foundation;
            let results = f
                .key_results
                .iter()
                .enumerate()
                .map(|(i, kr)| view! { <KeyResultRow e=e index=i kr=kr.clone() /> })
                .collect_view();
            view! {
                <dl class="facts">
                    <Fact label="Shared objective" value=format::text(&f.objective) />
                </dl>
                <h3>"Key results"</h3>
                {if f.key_results.is_empty() {
                    view! { <p class="muted">"No key results yet."</p> }.into_any()
                } else {
                    view! { <ul class="kr-list">{results}</ul> }.into_any()
                }}
                <div class="two-columns">
                    <div>
                        <h3>"Governance"</h3>
                        <dl class="facts">
                            <Fact label="Our owner" value=format::text(&f.governance.our_owner) />
                            <Fact
                                label="Their owner"
                                value=format::text(&f.governance.their_owner)
                            />
                            <Fact
                                label="Our sponsor"
                                value=format::text(&f.governance.our_sponsor)
                            />
                            <Fact
                                label="Their sponsor"
                                value=format::text(&f.governance.their_sponsor)
                            />
                            <Fact
                                label="Decision rule"
                                value=format::text(&f.governance.decision_rule)
                            />
                            <Fact label="Escalation" value=format::text(&f.governance.escalation) />
                        </dl>
                    </div>
                    <div>
                        <h3>"Rhythm"</h3>
                        <dl class="facts">
                            <Fact label="Cadence" value=f.rhythm.cadence_days.label().to_string() />
                            <Fact
                                label="Next sync"
                                value=format::maybe_date(f.rhythm.next_sync_on)
                            />
                            <Fact label="Review" value=format::maybe_date(f.rhythm.review_on) />
                        </dl>
                    </div>
                </div>
            }
            .into_any()
        })
    }
}

/// Progress between baseline and target in percent, for the bar.
fn progress(kr: &KeyResult) -> u32 {
    (kr.progress() * 100.0).round() as u32
}

const CONFIDENCES: [Confidence; 3] = [
    Confidence::OnTrack,
    Confidence::AtRisk,
    Confidence::OffTrack,
];

/// One key result: its progress, its last check-in, and a small form for a new one.
#[component]
fn KeyResultRow(e: Editor, index: usize, kr: KeyResult) -> impl IntoView {
    let percent = progress(&kr);
    let current_text = kr
        .current
        .map(|c| format::quantity(c, &kr.unit))
        .unwrap_or_else(|| "no value yet".into());
    let checked = match (kr.checked_on, kr.confidence) {
        (Some(on), Some(c)) => format!("{} on {}", c.label(), format::date(on)),
        _ => "Not checked in yet".to_string(),
    };
    let open = RwSignal::new(false);
    let value = RwSignal::new(kr.current);
    let confidence = RwSignal::new(kr.confidence.unwrap_or(Confidence::OnTrack));
    let on = RwSignal::new(Some(e.state.today.get_untracked()));
    let name = kr.name.clone();
    let unparsed = RwSignal::new(Vec::<String>::new());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // What the field shows must be what is saved: a value that is not a number (the field
        // says so) is not checked in as the last number it held.
        if let Some(field) = unparsed.with_untracked(|ids| ids.first().cloned()) {
            focus_by_id(&field);
            e.state
                .notify("Not checked in: the value now is not a number.");
            return;
        }
        let day = on
            .get_untracked()
            .unwrap_or_else(|| e.state.today.get_untracked());
        e.edit(|p| {
            p.check_in(
                index,
                value.get_untracked(),
                confidence.get_untracked(),
                day,
            );
        });
        e.state.notify("Key result checked in.");
        // The row is drawn again with the new value: the keyboard goes back to its button.
        open.set(false);
        request_animation_frame(move || focus_by_id(&format!("checkin-{index}-open")));
    };
    let close = move || {
        open.set(false);
        request_animation_frame(move || focus_by_id(&format!("checkin-{index}-open")));
    };
    view! {
        <li class="kr">
            <div class="kr-head">
                <strong>{kr.name.clone()}</strong>
                <span class="muted">
                    {format!(
                        "{} → {} · now {current_text}",
                        format::quantity(kr.baseline, &kr.unit),
                        format::quantity(kr.target, &kr.unit),
                    )}
                </span>
            </div>
            <span
                class="meter meter-wide"
                role="img"
                aria-label=format!("{percent}% of the way to the target")
            >
                <span class="meter-fill" style:width=format!("{percent}%")></span>
            </span>
            <p class="kr-meta">
                {format!("{percent}% of the way · {checked}")}
                {kr.due_on.map(|d| format!(" · due {}", format::date(d)))} " "
                <button
                    type="button"
                    class="button small"
                    id=format!("checkin-{index}-open")
                    aria-expanded=move || open.get().to_string()
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    "Check in"
                    <span class="visually-hidden">{format!(" on {name}")}</span>
                </button>
            </p>
            <Show when=move || open.get()>
                <form
                    class="checkin-form"
                    on:submit=save
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        if ev.key() == "Escape" {
                            close();
                        }
                    }
                >
                    <NumberField
                        id=format!("checkin-{index}-value")
                        label="Value now"
                        value=value
                        not_numbers=Some(unparsed)
                        on_change=Callback::new(move |v| value.set(v))
                        problem=no_problem()
                    />
                    <div class="field">
                        <label for=format!("checkin-{index}-confidence")>"Confidence"</label>
                        <select
                            id=format!("checkin-{index}-confidence")
                            on:change=move |ev| {
                                let picked = event_target_value(&ev);
                                if let Some(c) = CONFIDENCES
                                    .into_iter()
                                    .find(|c| c.label() == picked)
                                {
                                    confidence.set(c);
                                }
                            }
                        >
                            {CONFIDENCES
                                .into_iter()
                                .map(|c| {
                                    view! {
                                        <option selected=move || {
                                            confidence.get() == c
                                        }>{c.label()}</option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <DateField
                        id=format!("checkin-{index}-on")
                        label="On"
                        value=on
                        on_change=Callback::new(move |v| on.set(v))
                        problem=no_problem()
                    />
                    <button type="submit" class="button primary">
                        "Save check-in"
                    </button>
                </form>
            </Show>
        </li>
    }
}

#[component]
pub fn CyclesSection(e: Editor) -> impl IntoView {
    view! {
        <section
            class="panel"
            id="cycles"
            aria-labelledby="cycles-heading"
            class:print-empty=move || e.read(true, |p| p.cycles.is_empty())
        >
            <h2 id="cycles-heading">"30-day cycles"</h2>
            {move || {
                let cycles = e.read(Vec::new(), |p| p.cycles.clone());
                if cycles.is_empty() {
                    return view! { <p class="muted">"The first cycle starts at launch."</p> }
                        .into_any();
                }
                view! {
                    <ol class="cycle-list">
                        {cycles
                            .into_iter()
                            .enumerate()
                            .map(|(i, cycle)| {
                                view! {
                                    <li>
                                        <h3>
                                            {format!(
                                                "Cycle {} · from {}",
                                                i + 1,
                                                format::date(cycle.started_on),
                                            )}
                                        </h3>
                                        <dl class="facts">
                                            <Fact
                                                label="Reviewed"
                                                value=format::maybe_date(cycle.reviewed_on)
                                            />
                                            <Fact label="Keep" value=format::text(&cycle.keep) />
                                            <Fact label="Change" value=format::text(&cycle.change) />
                                            <Fact label="Stop" value=format::text(&cycle.stop) />
                                            <Fact
                                                label="Decision"
                                                value=cycle
                                                    .decision
                                                    .map(|d| d.label().to_string())
                                                    .unwrap_or_else(|| "Not yet".into())
                                            />
                                        </dl>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                }
                    .into_any()
            }}
        </section>
    }
}

#[component]
pub fn ParkingLotSection(e: Editor) -> impl IntoView {
    view! {
        <section class="panel" id="parking-lot" aria-labelledby="parking-heading">
            <h2 id="parking-heading">"Parking lot"</h2>
            <ParkingLot e=e id="parking-new" />
        </section>
    }
}

/// The plan's parking lot: ideas for later, added in one line.
#[component]
pub fn ParkingLot(
    e: Editor,
    id: &'static str,
    #[prop(optional)] show_label: bool,
) -> impl IntoView {
    view! {
        <TextList
            id=id
            label="Park an idea"
            show_label=show_label
            placeholder="Park an idea for later"
            button="Park it"
            empty="Nothing parked."
            item_name="parking lot item"
            items=Signal::derive(move || e.read(Vec::new(), |p| p.parking_lot.clone()))
            on_add=Callback::new(move |text| e.edit(|p| p.parking_lot.push(text)))
            on_remove=Callback::new(move |i: usize| {
                e.edit(|p| {
                    if i < p.parking_lot.len() {
                        p.parking_lot.remove(i);
                    }
                })
            })
        />
    }
}
