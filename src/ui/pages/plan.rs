//! `/plans/<id>`: one plan, every section of it.

use crate::domain::{LogEntry, LogKind, Plan, PlanId, Stage};
use crate::ui::components::momentum_panel::MomentumPanel;
use crate::ui::components::readiness_panel::ReadinessPanel;
use crate::ui::components::stage_badge::StageBadge;
use crate::ui::format;
use crate::ui::router::{Link, Route};
use crate::ui::state::AppState;
use leptos::prelude::*;

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
                        <Link to=Route::Portfolio class="button primary">"Go to the portfolio"</Link>
                    </section>
                }
            }
        >
            <PlanView plan=plan id=id.clone()/>
        </Show>
    }
}

#[component]
fn PlanView(plan: Memo<Option<Plan>>, id: PlanId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let read =
        move |f: fn(&Plan) -> String| move || plan.with(|p| p.as_ref().map(f).unwrap_or_default());
    let stage = Signal::derive(move || {
        plan.with(|p| p.as_ref().map(|p| p.stage).unwrap_or(Stage::Designing))
    });

    view! {
        <article class="page plan-page">
            <nav class="breadcrumb" aria-label="Breadcrumb">
                <Link to=Route::Portfolio>"Portfolio"</Link>
            </nav>
            <header class="plan-header">
                <div>
                    <h1>{read(|p| p.name.clone())}</h1>
                    <p class="subtitle">
                        {read(|p| p.partner.name.clone())} " · "
                        {read(|p| p.partner.kind.label().to_string())}
                    </p>
                </div>
                <div class="plan-header-side">
                    <StageBadge stage=stage/>
                </div>
            </header>
            <Show when=move || stage.get() == Stage::Parked>
                <p class="callout">
                    "Parked until " {read(|p| format::maybe_date(p.revisit_on))}
                    ". The timing was not right; look at it again then."
                </p>
            </Show>
            {move || match stage.get() {
                Stage::Live | Stage::Reviewing | Stage::Scaling => {
                    view! { <MomentumPanel plan=plan id=id.clone()/> }.into_any()
                }
                Stage::Stopped => view! {
                    <p class="callout">"This pilot was stopped. Its history stays here for the next attempt."</p>
                }
                .into_any(),
                _ => {
                    let today = state.today.get();
                    plan.get()
                        .map(|p| view! { <ReadinessPanel plan=p today=today/> })
                        .into_any()
                }
            }}
            {move || plan.get().map(|p| view! { <PlanSections plan=p today=state.today.get()/> })}
        </article>
    }
}

/// A labelled value in a definition list.
#[component]
fn Fact(label: &'static str, value: String) -> impl IntoView {
    let unset = value == "Not set";
    view! {
        <div class="fact">
            <dt>{label}</dt>
            <dd class:unset=unset>{value}</dd>
        </div>
    }
}

#[component]
fn PlanSections(plan: Plan, today: chrono::NaiveDate) -> impl IntoView {
    let plan_history: Vec<LogEntry> = plan.history().into_iter().cloned().collect();
    let Plan {
        partner,
        timing,
        pilot,
        foundation,
        steps,
        cycles,
        parking_lot,
        ..
    } = plan;
    let rating = |r: Option<crate::domain::Rating>| {
        r.map(|r| format!("{} of 5", r.get()))
            .unwrap_or_else(|| "Not set".into())
    };
    let confirmed = timing
        .confirmed_on
        .map(|d| {
            let quarter = crate::domain::calendar::Quarter::of(d).label();
            format!("{} ({quarter})", format::date(d))
        })
        .unwrap_or_else(|| "Not set".into());
    let metric = &pilot.primary_metric;
    let metric_text = match (metric.baseline, metric.target) {
        (Some(b), Some(t)) => format!(
            "{}: from {} to {}",
            format::text(&metric.name),
            format::quantity(b, &metric.unit),
            format::quantity(t, &metric.unit)
        ),
        _ => format::text(&metric.name),
    };
    let governance = foundation.governance.clone();
    let rhythm = foundation.rhythm.clone();

    view! {
        <div class="plan-sections">
            <section class="panel" id="partner" aria-labelledby="partner-heading">
                <h2 id="partner-heading">"Partner"</h2>
                <dl class="facts">
                    <Fact label="Partner" value=format::text(&partner.name)/>
                    <Fact label="Kind" value=partner.kind.label().to_string()/>
                    <Fact label="Our owner" value=format::text(&partner.our_owner)/>
                    <Fact label="Their champion" value=format::text(&partner.their_champion)/>
                    <Fact label="Notes" value=format::text(&partner.notes)/>
                </dl>
            </section>

            <section class="panel" id="timing" aria-labelledby="timing-heading">
                <h2 id="timing-heading">"Timing"</h2>
                <dl class="facts">
                    <Fact
                        label="What's top-of-mind for their leadership this quarter"
                        value=format::text(&timing.their_priority)
                    />
                    <Fact label="How this partnership fits that picture" value=format::text(&timing.how_we_fit)/>
                    <Fact label="Fit" value=rating(timing.fit)/>
                    <Fact label="Readiness" value=rating(timing.readiness)/>
                    <Fact label="In a rebuild phase" value=if timing.in_rebuild { "Yes".into() } else { "No".into() }/>
                    <Fact label="Confirmed on" value=confirmed/>
                </dl>
            </section>

            <section class="panel" id="pilot" aria-labelledby="pilot-heading">
                <h2 id="pilot-heading">"Fastest joint win"</h2>
                <dl class="facts">
                    <Fact label="Use case" value=format::text(&pilot.use_case)/>
                    <Fact label="Segment" value=format::text(&pilot.segment)/>
                    <Fact label="Primary metric" value=metric_text/>
                    <Fact label="Fastest joint win" value=format::text(&pilot.fastest_joint_win)/>
                    <Fact
                        label="Out of scope"
                        value=if pilot.out_of_scope.is_empty() {
                            "Not set".into()
                        } else {
                            pilot.out_of_scope.join("; ")
                        }
                    />
                    <Fact label="Stop condition" value=format::text(&pilot.stop_condition)/>
                    <Fact label="Launch date" value=format::maybe_date(pilot.launch_on)/>
                    <Fact label="Pilot length" value=format!("{} days", pilot.length_days)/>
                </dl>
            </section>

            <section class="panel wide" id="foundation" aria-labelledby="foundation-heading">
                <h2 id="foundation-heading">"Foundation"</h2>
                <dl class="facts">
                    <Fact label="Shared objective" value=format::text(&foundation.objective)/>
                </dl>
                <h3>"Key results"</h3>
                {if foundation.key_results.is_empty() {
                    view! { <p class="muted">"No key results yet."</p> }.into_any()
                } else {
                    view! {
                        <div class="table-wrap">
                            <table>
                                <thead>
                                    <tr>
                                        <th scope="col">"Key result"</th>
                                        <th scope="col">"Baseline"</th>
                                        <th scope="col">"Current"</th>
                                        <th scope="col">"Target"</th>
                                        <th scope="col">"Due"</th>
                                        <th scope="col">"Confidence"</th>
                                        <th scope="col">"Checked in"</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {foundation
                                        .key_results
                                        .iter()
                                        .map(|kr| {
                                            view! {
                                                <tr>
                                                    <th scope="row">{kr.name.clone()}</th>
                                                    <td>{format::quantity(kr.baseline, &kr.unit)}</td>
                                                    <td>
                                                        {kr
                                                            .current
                                                            .map(|c| format::quantity(c, &kr.unit))
                                                            .unwrap_or_else(|| "—".into())}
                                                    </td>
                                                    <td>{format::quantity(kr.target, &kr.unit)}</td>
                                                    <td>{format::maybe_date(kr.due_on)}</td>
                                                    <td>
                                                        {kr
                                                            .confidence
                                                            .map(|c| c.label())
                                                            .unwrap_or("Not checked in")}
                                                    </td>
                                                    <td>{format::maybe_date(kr.checked_on)}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }
                        .into_any()
                }}
                <div class="two-columns">
                    <div>
                        <h3>"Governance"</h3>
                        <dl class="facts">
                            <Fact label="Our owner" value=format::text(&governance.our_owner)/>
                            <Fact label="Their owner" value=format::text(&governance.their_owner)/>
                            <Fact label="Our sponsor" value=format::text(&governance.our_sponsor)/>
                            <Fact label="Their sponsor" value=format::text(&governance.their_sponsor)/>
                            <Fact label="Decision rule" value=format::text(&governance.decision_rule)/>
                            <Fact label="Escalation" value=format::text(&governance.escalation)/>
                        </dl>
                    </div>
                    <div>
                        <h3>"Rhythm"</h3>
                        <dl class="facts">
                            <Fact label="Cadence" value=rhythm.cadence_days.label().to_string()/>
                            <Fact label="Next sync" value=format::maybe_date(rhythm.next_sync_on)/>
                            <Fact label="Review" value=format::maybe_date(rhythm.review_on)/>
                        </dl>
                    </div>
                </div>
            </section>

            <section class="panel wide" id="steps" aria-labelledby="steps-heading">
                <h2 id="steps-heading">"Next steps"</h2>
                {if steps.is_empty() {
                    view! { <p class="muted">"No next steps yet."</p> }.into_any()
                } else {
                    view! {
                        <ul class="step-list">
                            {steps
                                .iter()
                                .map(|step| {
                                    let (status, class) = match (step.done_on, step.due_on) {
                                        (Some(done), _) => (format!("Done {}", format::date(done)), "done"),
                                        (None, Some(due)) if due < today => (format!("Overdue since {}", format::date(due)), "overdue"),
                                        (None, Some(due)) => (format!("Due {}", format::date(due)), "open"),
                                        (None, None) => ("No due date".to_string(), "open"),
                                    };
                                    view! {
                                        <li class=format!("step step-{class}")>
                                            <span class="step-title">{step.title.clone()}</span>
                                            <span class="step-owner">
                                                {step.owner_side.label()} " · " {format::text(&step.owner_name)}
                                            </span>
                                            <span class="step-status">{status}</span>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }}
            </section>

            <section class="panel wide" id="history" aria-labelledby="log-heading">
                <h2 id="log-heading">"History"</h2>
                {if plan_history.is_empty() {
                    view! { <p class="muted">"Nothing logged yet."</p> }.into_any()
                } else {
                    view! {
                        <ol class="timeline">
                            {plan_history
                                .into_iter()
                                .map(|entry| {
                                    view! {
                                        <li class=format!("log-entry log-{}", log_class(entry.kind))>
                                            <time datetime=entry.on.to_string()>{format::date(entry.on)}</time>
                                            <span class="log-kind">{entry.kind.label()}</span>
                                            <span class="log-text">{entry.text}</span>
                                            {entry
                                                .both_sponsors_present
                                                .then(|| view! { <span class="muted">" (both sponsors present)"</span> })}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                    }
                        .into_any()
                }}
            </section>

            <section class="panel" id="cycles" aria-labelledby="cycles-heading">
                <h2 id="cycles-heading">"30-day cycles"</h2>
                {if cycles.is_empty() {
                    view! { <p class="muted">"The first cycle starts at launch."</p> }.into_any()
                } else {
                    view! {
                        <ol class="cycle-list">
                            {cycles
                                .into_iter()
                                .enumerate()
                                .map(|(i, cycle)| {
                                    view! {
                                        <li>
                                            <h3>{format!("Cycle {} · from {}", i + 1, format::date(cycle.started_on))}</h3>
                                            <dl class="facts">
                                                <Fact label="Reviewed" value=format::maybe_date(cycle.reviewed_on)/>
                                                <Fact label="Keep" value=format::text(&cycle.keep)/>
                                                <Fact label="Change" value=format::text(&cycle.change)/>
                                                <Fact label="Stop" value=format::text(&cycle.stop)/>
                                                <Fact
                                                    label="Decision"
                                                    value=cycle.decision.map(|d| d.label().to_string()).unwrap_or_else(|| "Not yet".into())
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

            <section class="panel" id="parking-lot" aria-labelledby="parking-heading">
                <h2 id="parking-heading">"Parking lot"</h2>
                {if parking_lot.is_empty() {
                    view! { <p class="muted">"Nothing parked."</p> }.into_any()
                } else {
                    view! {
                        <ul class="parking-lot">
                            {parking_lot.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}
                        </ul>
                    }
                        .into_any()
                }}
            </section>
        </div>
    }
}

fn log_class(kind: LogKind) -> &'static str {
    match kind {
        LogKind::Sync => "sync",
        LogKind::ExecSync => "exec-sync",
        LogKind::Win => "win",
        LogKind::Blocker => "blocker",
        LogKind::Note => "note",
    }
}
