//! Momentum on the plan page: the number, band and trend; each component's points out of its
//! weight and what they come from; the biggest drag; what-if actions with their gains; the alerts;
//! the twelve-week chart; quick actions; and the manual band.

use super::alert_list::AlertList;
use super::band_badge::BandBadge;
use super::override_control::OverrideControl;
use super::trend_arrow::TrendArrow;
use super::trend_chart::TrendChart;
use crate::domain::scoring::{
    alerts, explain, history, trend, Cap, Component, ComponentScore, Explanation, MODEL,
};
use crate::domain::{Band, LogEntry, LogKind, Plan, PlanId};
use crate::ui::format;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// What a component's value comes from, in words.
fn detail(score: &ComponentScore, explanation: &Explanation, cadence: u32) -> String {
    let facts = &explanation.momentum.facts;
    match (score.component, score.value) {
        // A pilot launched ahead of its launch date counts its days from that date (the scoring
        // model's rule), so until then there is no "ago" to say.
        (Component::Rhythm, _) if facts.days_since_sync < 0 => format!(
            "The pilot starts in {}; syncs count from then, every {}.",
            format::days(-facts.days_since_sync),
            format::days(i64::from(cadence))
        ),
        (Component::Rhythm, _) => {
            let cadence = format::days(i64::from(cadence));
            let mut text = match (facts.synced_since_launch, facts.days_since_sync) {
                (false, 0) => {
                    format!("No sync logged since launch today; the agreed cadence is every {cadence}.")
                }
                (false, days) => format!(
                    "No sync logged since launch, {} ago; the agreed cadence is every {cadence}.",
                    format::days(days)
                ),
                (true, 0) => format!("Last sync today; the agreed cadence is every {cadence}."),
                (true, days) => format!(
                    "Last sync {} ago; the agreed cadence is every {cadence}.",
                    format::days(days)
                ),
            };
            if facts.exec_sync_overdue {
                text.push_str(&format!(
                    " No exec sync for {}.",
                    format::days(facts.days_since_exec_sync)
                ));
            }
            text
        }
        (Component::FollowThrough, None) => format!(
            "No steps were due or done in the last {}.",
            format::days(MODEL.follow_through.window_days)
        ),
        (Component::FollowThrough, Some(_)) => format!(
            "{} of {} steps due or done in the last {} were on time, {} late; {} open past the date committed to.",
            facts.on_time_steps,
            facts.due_steps,
            format::days(MODEL.follow_through.window_days),
            facts.late_steps,
            facts.overdue_steps
        ),
        (Component::Commitments, _) => format!(
            "{} open, owned, dated in the next {}{}.",
            match facts.commitments {
                1 => "1 step".to_string(),
                n => format!("{n} steps"),
            },
            format::days(MODEL.commitments.horizon_days),
            if facts.commitments == 0 || facts.partner_commitment {
                ""
            } else {
                ", none the partner's"
            }
        ),
        (Component::Outcomes, None) => "No key results to measure yet.".to_string(),
        (Component::Outcomes, Some(_)) => format!(
            "Pace and confidence of {}.",
            match facts.key_results {
                1 => "1 key result".to_string(),
                n => format!("{n} key results"),
            }
        ),
        (Component::Energy, _) if facts.days_since_launch < 0 => format!(
            "The pilot starts in {}; no win is due before then.",
            format::days(-facts.days_since_launch)
        ),
        (Component::Energy, _) => {
            let mut text = if !facts.won_since_launch
                && facts.days_since_launch <= MODEL.energy.launch_hold_days
            {
                format!(
                    "No win yet: held steady through the first {} after launch.",
                    format::days(MODEL.energy.launch_hold_days)
                )
            } else {
                format!("Last joint win {} ago.", format::days(facts.days_since_win))
            };
            if facts.aging_blockers > 0 {
                text.push_str(&format!(
                    " {} open for more than {} {} {} off Energy's 100.",
                    match facts.aging_blockers {
                        1 => "1 blocker".to_string(),
                        n => format!("{n} blockers"),
                    },
                    format::days(MODEL.energy.blocker_grace_days),
                    if facts.aging_blockers == 1 { "takes" } else { "take" },
                    facts.blocker_penalty.round() as i64
                ));
            }
            text
        }
    }
}

/// A component's name in markup hooks (`data-component`): "follow-through".
fn component_slug(component: Component) -> &'static str {
    match component {
        Component::Rhythm => "rhythm",
        Component::FollowThrough => "follow-through",
        Component::Commitments => "commitments",
        Component::Outcomes => "outcomes",
        Component::Energy => "energy",
    }
}

fn cap_text(cap: Cap) -> String {
    match cap {
        Cap::Low(component) => format!(
            "{} is below {}",
            component.label(),
            MODEL.bands.component_floor as u32
        ),
        Cap::TimingNotConfirmed => "timing is not confirmed this quarter".to_string(),
    }
}

#[component]
pub fn MomentumPanel(plan: Memo<Option<Plan>>, id: PlanId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let explanation = Memo::new(move |_| {
        let today = state.today.get();
        plan.with(|p| p.as_ref().map(|p| explain(p, today, &MODEL)))
    });
    let trend_now = Memo::new(move |_| {
        let today = state.today.get();
        plan.with(|p| p.as_ref().and_then(|p| trend(p, today, &MODEL)))
    });
    let weekly = Memo::new(move |_| {
        let today = state.today.get();
        plan.with(|p| {
            p.as_ref()
                .map(|p| history(p, today, &MODEL))
                .unwrap_or_default()
        })
    });
    let notices = Memo::new(move |_| {
        let today = state.today.get();
        plan.with(|p| {
            p.as_ref()
                .map(|p| alerts(p, today, &MODEL))
                .unwrap_or_default()
        })
    });
    let cadence = move || {
        plan.with(|p| {
            p.as_ref()
                .map_or(14, |p| p.foundation.rhythm.cadence_days.days())
        })
    };

    let log = {
        let id = id.clone();
        move |kind: LogKind| {
            let today = state.today.get_untracked();
            state.log_entry(
                &id,
                LogEntry::new(kind, today, ""),
                format!(
                    "{} logged for today, {}.",
                    kind.label(),
                    format::date(today)
                ),
            );
        }
    };
    let log_sync = log.clone();

    view! {
        <section class="panel wide momentum-panel" aria-labelledby="momentum-heading">
            {move || {
                explanation
                    .get()
                    .map(|e| {
                        let m = e.momentum.clone();
                        view! {
                            <div class="momentum-head">
                                <div>
                                    <h2 id="momentum-heading">"Momentum"</h2>
                                    <p class="momentum-figure">
                                        <span class="momentum-number" data-testid="momentum-score">
                                            {m
                                                .score
                                                .map_or_else(|| "Unknown".to_string(), |s| s.to_string())}
                                        </span>
                                        <span class="muted">" / 100"</span>
                                        <TrendArrow trend=trend_now.get() />
                                        <BandBadge band=m.band test_id="momentum-band" />
                                    </p>
                                    {m
                                        .manual
                                        .clone()
                                        .map(|manual| {
                                            view! {
                                                <p class="override-note">
                                                    "Shown as " {manual.band.label()} " by hand: “"
                                                    {manual.reason} "”. " "Computed: "
                                                    <strong>{m.computed_band.label()}</strong> ". " "Until "
                                                    {format::date(manual.until)} " or the next sync."
                                                </p>
                                            }
                                        })}
                                    {m
                                        .held_by_caps
                                        .then(|| {
                                            view! {
                                                <p class="cap-note">
                                                    "Held at Drifting because "
                                                    {m
                                                        .caps
                                                        .iter()
                                                        .map(|c| cap_text(*c))
                                                        .collect::<Vec<_>>()
                                                        .join(" and ")} "."
                                                </p>
                                            }
                                        })}
                                    {m
                                        .ghost_town
                                        .then(|| {
                                            view! {
                                                <p class="cap-note">
                                                    "Ghost-town risk: day " {m.facts.days_since_launch}
                                                    " since launch, no sync for "
                                                    {format::days(m.facts.days_since_sync)}
                                                    " and no open commitment."
                                                </p>
                                            }
                                        })}
                                </div>
                            </div>
                        }
                    })
            }}
            <div class="quick-actions actions">
                <button
                    type="button"
                    class="button primary"
                    on:click=move |_| log_sync(LogKind::Sync)
                >
                    "Log sync"
                </button>
                <button type="button" class="button" on:click=move |_| log(LogKind::Win)>
                    "Log win"
                </button>
            </div>
            <div class="momentum-body">
                <div>
                    <h3>"Where the points come from"</h3>
                    <ul class="components">
                        {move || {
                            explanation
                                .get()
                                .map(|e| {
                                    e.momentum
                                        .components
                                        .iter()
                                        .map(|c| {
                                            let drag = e.biggest_drag == Some(c.component);
                                            let width = c.value.map_or(0.0, |v| v.round());
                                            let share = e.share(c.component);
                                            let slug = component_slug(c.component);
                                            view! {
                                                <li
                                                    class="component"
                                                    class:drag=drag
                                                    data-component=slug
                                                    data-value=c
                                                        .value
                                                        .map(format::tenths)
                                                        .unwrap_or_else(|| "n/a".into())
                                                >
                                                    <div class="component-head">
                                                        <span class="component-name">{c.component.label()}</span>
                                                        <span class="component-points">
                                                            {match share.points {
                                                                Some(points) => {
                                                                    view! {
                                                                        <span data-points=points>{points}</span>
                                                                        " / "
                                                                        {share.out_of}
                                                                    }
                                                                        .into_any()
                                                                }
                                                                None => view! { "n/a" }.into_any(),
                                                            }}
                                                        </span>
                                                    </div>
                                                    <span class="meter" aria-hidden="true">
                                                        <span
                                                            class="meter-fill"
                                                            style:width=format!("{}%", width as u32)
                                                        ></span>
                                                    </span>
                                                    <p class="component-detail">
                                                        {drag.then(|| view! { <strong>"Biggest drag. "</strong> })}
                                                        {detail(c, &e, cadence())}
                                                    </p>
                                                </li>
                                            }
                                        })
                                        .collect_view()
                                })
                        }}
                    </ul>
                    <p class="muted small points-note">
                        {move || {
                            let scaled = explanation.get().and_then(|e| e.scaled_note());
                            let sum = "Each component's 0–100 value scaled to what it counts for; the points add up to the score.";
                            match scaled {
                                Some(note) => format!("{note} {sum}"),
                                None => sum.to_string(),
                            }
                        }}
                    </p>
                </div>
                <div>
                    <h3>"What would move it"</h3>
                    {move || {
                        let (what_ifs, band_now) = explanation
                            .get()
                            .map(|e| (e.what_ifs, e.momentum.computed_band))
                            .unwrap_or((Vec::new(), Band::Unknown));
                        if what_ifs.is_empty() {
                            view! {
                                <p class="muted">
                                    "Nothing quick would raise it today: keep the rhythm."
                                </p>
                            }
                                .into_any()
                        } else {
                            view! {
                                <ul class="what-ifs">
                                    {what_ifs
                                        .into_iter()
                                        .map(|w| {
                                            view! {
                                                <li>
                                                    <span class="what-if-action">{w.action.label()}</span>
                                                    <span class="what-if-effect">
                                                        <strong class="gain">
                                                            {if w.gain > 0 {
                                                                format!("+{}", w.gain)
                                                            } else {
                                                                "±0".to_string()
                                                            }}
                                                        </strong>
                                                        {(w.band_after != band_now)
                                                            .then(|| {
                                                                view! {
                                                                    <span class="muted">" → " {w.band_after.label()}</span>
                                                                }
                                                            })}
                                                    </span>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                    }}
                    <h3>"Needs attention"</h3>
                    {move || {
                        let list = notices.get();
                        if list.is_empty() {
                            view! { <p class="muted">"Nothing right now."</p> }.into_any()
                        } else {
                            view! { <AlertList alerts=list /> }.into_any()
                        }
                    }}
                </div>
            </div>
            <h3>
                {move || match weekly.with(Vec::len) {
                    1 => "This week".to_string(),
                    n => format!("Last {n} weeks"),
                }}
            </h3>
            {move || view! { <TrendChart points=weekly.get() /> }}
            <OverrideControl plan=plan id=id.clone() />
        </section>
    }
}
