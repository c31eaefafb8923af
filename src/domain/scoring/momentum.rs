//! Momentum: how alive a running pilot is, from 0 to 100, in five components (SPEC §4).
//!
//! `momentum(plan, day, model)` is a pure function. It always reads the plan "as known at `day`":
//! log entries after `day` are ignored, steps created after `day` are ignored, steps done after
//! `day` count as open, and a key-result check-in after `day` counts as none. At today's date
//! that changes nothing; at an earlier date it gives the trend and the history.

use super::model::ScoreModel;
use crate::domain::calendar::{add_days, days_between, same_quarter};
use crate::domain::{Band, Confidence, LogKind, Plan};
use chrono::NaiveDate;

/// The five components of momentum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Component {
    Rhythm,
    FollowThrough,
    Commitments,
    Outcomes,
    Energy,
}

impl Component {
    pub const ALL: [Component; 5] = [
        Component::Rhythm,
        Component::FollowThrough,
        Component::Commitments,
        Component::Outcomes,
        Component::Energy,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Component::Rhythm => "Rhythm",
            Component::FollowThrough => "Follow-through",
            Component::Commitments => "Commitments",
            Component::Outcomes => "Outcomes",
            Component::Energy => "Energy",
        }
    }

    /// What the component measures, in a sentence for the screen.
    pub fn meaning(self) -> &'static str {
        match self {
            Component::Rhythm => "Syncs held at the agreed cadence.",
            Component::FollowThrough => "Steps due in the last 45 days, done on time.",
            Component::Commitments => {
                "Owned, dated steps due in the next 30 days, some the partner's."
            }
            Component::Outcomes => "Key results on pace, and the owners' confidence in them.",
            Component::Energy => "Recent joint wins.",
        }
    }

    pub fn weight(self, model: &ScoreModel) -> f64 {
        let w = &model.weights;
        match self {
            Component::Rhythm => w.rhythm,
            Component::FollowThrough => w.follow_through,
            Component::Commitments => w.commitments,
            Component::Outcomes => w.outcomes,
            Component::Energy => w.energy,
        }
    }
}

/// One component's value (0–100, or `None` for n/a) and its weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ComponentScore {
    pub component: Component,
    pub value: Option<f64>,
    pub weight: f64,
}

impl ComponentScore {
    /// Points earned out of the weight (the value scaled to the weight).
    pub fn points(&self) -> Option<f64> {
        self.value.map(|v| v * self.weight / 100.0)
    }

    /// Points missing from the weight.
    pub fn lost(&self) -> Option<f64> {
        self.points().map(|p| self.weight - p)
    }
}

/// Why the band is no better than Drifting whatever the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cap {
    /// Rhythm, Follow-through or Commitments is below the floor.
    Low(Component),
    /// Timing has not been confirmed this quarter.
    TimingNotConfirmed,
}

/// The facts the rules were computed from, for alerts and explanations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Facts {
    pub days_since_launch: i64,
    /// Days since the last sync (or since launch, before the first one).
    pub days_since_sync: i64,
    pub days_since_exec_sync: i64,
    /// The last exec sync is older than the rule allows (Rhythm loses its penalty).
    pub exec_sync_overdue: bool,
    pub days_since_win: i64,
    /// Whether any win was logged since launch (on launch day or later).
    pub won_since_launch: bool,
    /// Open, owned steps due within the commitments horizon.
    pub commitments: usize,
    /// Whether one of those is the partner's, alone or jointly.
    pub partner_commitment: bool,
    /// Steps due in the follow-through window, and how many of them were done on time or late.
    pub due_steps: usize,
    pub on_time_steps: usize,
    pub late_steps: usize,
    pub overdue_steps: usize,
    pub timing_confirmed: bool,
    pub key_results: usize,
}

/// A manual band in force, and when it ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveOverride {
    pub band: Band,
    pub reason: String,
    /// The last day it applies, unless a sync comes first.
    pub until: NaiveDate,
}

/// Momentum at one date.
#[derive(Debug, Clone, PartialEq)]
pub struct Momentum {
    pub day: NaiveDate,
    /// 0–100, or `None` (Unknown) when fewer than two components have data.
    pub score: Option<u8>,
    /// The band from the number, its caps and the ghost-town rule.
    pub computed_band: Band,
    /// The band shown: the manual band while an override is in force, else the computed one.
    pub band: Band,
    pub components: [ComponentScore; 5],
    pub caps: Vec<Cap>,
    /// The number alone would be Moving, but a cap holds the band at Drifting.
    pub held_by_caps: bool,
    pub ghost_town: bool,
    pub manual: Option<ActiveOverride>,
    pub facts: Facts,
}

impl Momentum {
    pub fn component(&self, component: Component) -> ComponentScore {
        self.components
            .iter()
            .copied()
            .find(|c| c.component == component)
            .unwrap_or(ComponentScore {
                component,
                value: None,
                weight: 0.0,
            })
    }
}

/// Rounds to the nearest integer, halves up. (Not `(x + 0.5).floor()`: that addition itself
/// rounds 0.49999999999999994 up to 1.)
pub fn round_half_up(value: f64) -> f64 {
    let floor = value.floor();
    if value - floor >= 0.5 {
        floor + 1.0
    } else {
        floor
    }
}

fn clamp(value: f64) -> f64 {
    value.clamp(0.0, 100.0)
}

/// The band a number falls in.
pub fn band_of(score: u8, model: &ScoreModel) -> Band {
    if score >= model.bands.moving_from {
        Band::Moving
    } else if score >= model.bands.drifting_from {
        Band::Drifting
    } else {
        Band::GhostTownRisk
    }
}

/// Whether timing was confirmed in the same calendar quarter as `day`, as known at `day`: a
/// confirmation dated later was not known then (this keeps trend and history honest).
pub fn timing_confirmed(plan: &Plan, day: NaiveDate) -> bool {
    plan.timing
        .confirmed_on
        .is_some_and(|on| on <= day && same_quarter(on, day))
}

/// Open steps owned by someone and due between `day` and the horizon, as known at `day`:
/// how many, and whether one is the partner's.
pub fn open_commitments(plan: &Plan, day: NaiveDate, model: &ScoreModel) -> (usize, bool) {
    let horizon = add_days(day, model.commitments.horizon_days);
    let mut count = 0;
    let mut partner = false;
    for step in plan.steps.iter().filter(|s| s.created_on <= day) {
        let open = step.done_on.is_none_or(|done| done > day);
        let owned = !step.owner_name.trim().is_empty();
        let due_soon = step.due_on.is_some_and(|due| day <= due && due <= horizon);
        if open && owned && due_soon {
            count += 1;
            partner |= step.owner_side.involves_partner();
        }
    }
    (count, partner)
}

/// Momentum of `plan` as known at `day`.
pub fn momentum(plan: &Plan, day: NaiveDate, model: &ScoreModel) -> Momentum {
    let cadence = f64::from(plan.foundation.rhythm.cadence_days.days());
    let launch = plan.pilot.launch_on;

    // The last sync, exec sync and win as known at `day`, never earlier than launch; whether
    // any win has been logged since launch (a win on launch day counts) is tracked apart.
    let (mut last_sync, mut last_exec, mut last_win) = (launch, launch, launch);
    let mut won_since_launch = false;
    for entry in plan.log.iter().filter(|e| e.on <= day) {
        let latest = |slot: &mut Option<NaiveDate>| {
            if slot.is_none_or(|at| entry.on > at) {
                *slot = Some(entry.on);
            }
        };
        match entry.kind {
            LogKind::Sync => latest(&mut last_sync),
            LogKind::ExecSync => {
                latest(&mut last_sync);
                latest(&mut last_exec);
            }
            LogKind::Win => {
                won_since_launch |= launch.is_none_or(|launch| entry.on >= launch);
                latest(&mut last_win);
            }
            LogKind::Blocker | LogKind::Note => {}
        }
    }
    let since = |at: Option<NaiveDate>| at.map(|at| days_between(at, day));

    let exec_limit = model.rhythm.exec_sync_cadences * cadence;
    let exec_sync_overdue = since(last_exec).is_some_and(|d| d as f64 > exec_limit);
    let rhythm = since(last_sync).map(|days| {
        let overdue = (days as f64 - cadence).max(0.0);
        let mut value = 100.0 * 0.5f64.powf(overdue / cadence);
        if exec_sync_overdue {
            value = (value - model.rhythm.missing_exec_sync_penalty).max(0.0);
        }
        value
    });

    let rule = &model.follow_through;
    let window_start = add_days(day, -rule.window_days);
    let (mut due, mut on_time, mut late, mut overdue) = (0u32, 0u32, 0u32, 0u32);
    for step in plan.steps.iter().filter(|s| s.created_on <= day) {
        let Some(due_on) = step.due_on else { continue };
        let done = step.done_on.filter(|d| *d <= day);
        if window_start <= due_on && due_on <= day {
            due += 1;
            match done {
                Some(done) if done <= due_on => on_time += 1,
                Some(_) => late += 1,
                None => {}
            }
        }
        if done.is_none() && due_on < day {
            overdue += 1;
        }
    }
    let follow_through = (due > 0).then(|| {
        let credit = f64::from(on_time) + rule.late_credit * f64::from(late);
        100.0 * credit / f64::from(due) - rule.overdue_penalty * f64::from(overdue)
    });

    let (commitment_count, partner_commitment) = open_commitments(plan, day, model);
    let points = &model.commitments.points_by_count;
    let mut commitments = points[commitment_count.min(points.len() - 1)];
    if !partner_commitment {
        commitments = commitments.min(model.commitments.one_sided_cap);
    }

    let outcomes = launch.and_then(|launch| outcomes(plan, launch, day, cadence, model));

    let days_since_launch = since(launch);
    let energy = since(last_win).map(|days| {
        let no_win_yet = !won_since_launch;
        let in_hold =
            days_since_launch.is_some_and(|d| (0..=model.energy.launch_hold_days).contains(&d));
        if no_win_yet && in_hold {
            model.energy.launch_hold
        } else {
            100.0 * 0.5f64.powf(days as f64 / model.energy.half_life_days)
        }
    });

    let scored = |component: Component, value: Option<f64>| ComponentScore {
        component,
        value: value.map(clamp),
        weight: component.weight(model),
    };
    let components = [
        scored(Component::Rhythm, rhythm),
        scored(Component::FollowThrough, follow_through),
        scored(Component::Commitments, Some(commitments)),
        scored(Component::Outcomes, outcomes),
        scored(Component::Energy, energy),
    ];

    let with_data: Vec<&ComponentScore> = components.iter().filter(|c| c.value.is_some()).collect();
    let score = (with_data.len() >= model.bands.min_components).then(|| {
        let weight: f64 = with_data.iter().map(|c| c.weight).sum();
        let total: f64 = with_data
            .iter()
            .map(|c| c.value.unwrap_or(0.0) * c.weight)
            .sum();
        round_half_up(total / weight).clamp(0.0, 100.0) as u8
    });

    let facts = Facts {
        days_since_launch: days_since_launch.unwrap_or(0),
        days_since_sync: since(last_sync).unwrap_or(0),
        days_since_exec_sync: since(last_exec).unwrap_or(0),
        exec_sync_overdue,
        days_since_win: since(last_win).unwrap_or(0),
        won_since_launch,
        commitments: commitment_count,
        partner_commitment,
        due_steps: due as usize,
        on_time_steps: on_time as usize,
        late_steps: late as usize,
        overdue_steps: overdue as usize,
        timing_confirmed: timing_confirmed(plan, day),
        key_results: plan.foundation.key_results.len(),
    };

    let mut caps = Vec::new();
    for scored in &components[..3] {
        if scored
            .value
            .is_some_and(|v| v < model.bands.component_floor)
        {
            caps.push(Cap::Low(scored.component));
        }
    }
    if !facts.timing_confirmed {
        caps.push(Cap::TimingNotConfirmed);
    }

    let ghost = &model.ghost_town;
    let ghost_town = days_since_launch.is_some_and(|d| d >= ghost.after_launch_days)
        && facts.days_since_sync >= ghost.quiet_days
        && commitment_count == 0;

    let held_by_caps =
        !ghost_town && !caps.is_empty() && score.is_some_and(|s| band_of(s, model) == Band::Moving);
    let computed_band = match score {
        None => Band::Unknown,
        Some(_) if ghost_town => Band::GhostTownRisk,
        Some(_) if held_by_caps => Band::Drifting,
        Some(score) => band_of(score, model),
    };

    let manual = active_override(plan, day, cadence, model);
    Momentum {
        day,
        score,
        computed_band,
        band: manual.as_ref().map_or(computed_band, |m| m.band),
        components,
        caps,
        held_by_caps,
        ghost_town,
        manual,
        facts,
    }
}

/// Outcomes: the mean over key results of pace and confidence; `None` without key results.
fn outcomes(
    plan: &Plan,
    launch: NaiveDate,
    day: NaiveDate,
    cadence: f64,
    model: &ScoreModel,
) -> Option<f64> {
    let rule = &model.outcomes;
    let results = &plan.foundation.key_results;
    if results.is_empty() {
        return None;
    }
    let default_due = add_days(launch, i64::from(plan.pilot.length_days));
    let total: f64 = results
        .iter()
        .map(|kr| {
            // A check-in after `day` is unknown at `day`: its value and confidence count as none.
            let checked = kr.checked_on.filter(|on| *on <= day);
            let known = kr.checked_on.is_none_or(|on| on <= day);
            let current = kr.current.filter(|_| known);
            let progress = kr.progress_at(current);
            let due = kr.due_on.unwrap_or(default_due);
            let elapsed = if due <= launch {
                1.0
            } else {
                (days_between(launch, day) as f64 / days_between(launch, due) as f64)
                    .clamp(0.0, 1.0)
            };
            let pace = (100.0 * progress / elapsed.max(rule.min_elapsed)).min(100.0);
            let confidence = match (checked, kr.confidence) {
                (Some(on), Some(confidence)) => {
                    let value = match confidence {
                        Confidence::OnTrack => rule.on_track,
                        Confidence::AtRisk => rule.at_risk,
                        Confidence::OffTrack => rule.off_track,
                    };
                    let age = days_between(on, day) as f64;
                    let fresh_for = rule.drift_after_cadences * cadence;
                    if age > fresh_for {
                        rule.unchecked
                            + (value - rule.unchecked) * 0.5f64.powf((age - fresh_for) / cadence)
                    } else {
                        value
                    }
                }
                _ => rule.unchecked,
            };
            rule.pace_share * pace + rule.confidence_share * confidence
        })
        .sum();
    Some(total / results.len() as f64)
}

/// The plan's manual band, if it is in force at `day`: set on or before `day`, within its
/// expiry, and with no sync logged after the day it was set.
fn active_override(
    plan: &Plan,
    day: NaiveDate,
    cadence: f64,
    model: &ScoreModel,
) -> Option<ActiveOverride> {
    let manual = plan.score_override.as_ref()?;
    let lasts = i64::from(model.override_cadences) * cadence as i64;
    let until = add_days(manual.set_on, lasts - 1);
    let synced_since = plan
        .log
        .iter()
        .any(|e| e.kind.is_sync() && e.on > manual.set_on && e.on <= day);
    (manual.set_on <= day && day <= until && !synced_since).then(|| ActiveOverride {
        band: manual.band,
        reason: manual.reason.clone(),
        until,
    })
}
