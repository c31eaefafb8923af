//! Alerts: what needs attention before a pilot turns into a ghost town (SPEC §4).

use super::model::ScoreModel;
use super::momentum::{momentum, timing_confirmed};
use crate::domain::calendar::{add_days, days_between, written, Quarter};
use crate::domain::{Band, Plan, Stage};
use chrono::NaiveDate;

/// What an alert is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AlertKind {
    /// Ordered most urgent first.
    GhostTownRisk,
    GoingQuiet,
    OverdueSteps,
    EnergyDip,
    ReviewDue,
    TimingStale,
    PlanningTooLong,
    RevisitDue,
}

impl AlertKind {
    pub fn label(self) -> &'static str {
        match self {
            AlertKind::GhostTownRisk => "Ghost-town risk",
            AlertKind::GoingQuiet => "Going quiet",
            AlertKind::OverdueSteps => "Overdue steps",
            AlertKind::EnergyDip => "Launch energy dip",
            AlertKind::ReviewDue => "30-day review due",
            AlertKind::TimingStale => "Timing stale",
            AlertKind::PlanningTooLong => "Planning too long",
            AlertKind::RevisitDue => "Time to revisit",
        }
    }
}

/// One alert with its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    pub kind: AlertKind,
    pub message: String,
}

fn plural(n: i64, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Every alert for `plan` at `today`, most urgent first.
pub fn alerts(plan: &Plan, today: NaiveDate, model: &ScoreModel) -> Vec<Alert> {
    let mut alerts = Vec::new();
    let mut raise = |kind: AlertKind, message: String| alerts.push(Alert { kind, message });
    match plan.stage {
        Stage::Live | Stage::Reviewing | Stage::Scaling => {
            let m = momentum(plan, today, model);
            let facts = m.facts;
            let cadence = i64::from(plan.foundation.rhythm.cadence_days.days());
            if m.computed_band == Band::GhostTownRisk {
                raise(
                    AlertKind::GhostTownRisk,
                    if m.ghost_town {
                        format!(
                            "Day {} since launch, no sync for {} and no open commitment.",
                            facts.days_since_launch,
                            plural(facts.days_since_sync, "day")
                        )
                    } else {
                        "Momentum is in the ghost-town band.".to_string()
                    },
                );
            }
            if facts.days_since_sync >= model.alerts.quiet_cadences * cadence {
                raise(
                    AlertKind::GoingQuiet,
                    format!(
                        "No sync for {}: twice the agreed cadence.",
                        plural(facts.days_since_sync, "day")
                    ),
                );
            }
            if facts.overdue_steps > 0 {
                raise(
                    AlertKind::OverdueSteps,
                    format!(
                        "{} past {} due date.",
                        plural(facts.overdue_steps as i64, "step"),
                        if facts.overdue_steps == 1 {
                            "its"
                        } else {
                            "their"
                        }
                    ),
                );
            }
            let dip = model.alerts.energy_dip_from_day..=model.alerts.energy_dip_to_day;
            if dip.contains(&facts.days_since_launch)
                && facts.commitments < model.alerts.energy_dip_commitments
            {
                raise(
                    AlertKind::EnergyDip,
                    format!(
                        "Day {} after launch with {} open: secure the next three steps before the energy dips.",
                        facts.days_since_launch,
                        plural(facts.commitments as i64, "commitment")
                    ),
                );
            }
            if let Some(due) = review_due_on(plan) {
                if today >= due {
                    raise(
                        AlertKind::ReviewDue,
                        format!(
                            "The cycle that started {} days ago is ready for its keep / change / stop review.",
                            days_between(add_days(due, -i64::from(plan.pilot.length_days)), today)
                        ),
                    );
                }
            }
            if !timing_confirmed(plan, today) {
                raise(AlertKind::TimingStale, timing_message(plan, today));
            }
        }
        Stage::Exploring | Stage::Designing => {
            let planning = days_between(plan.created_at.date_naive(), today);
            if plan.stage == Stage::Designing && planning > model.alerts.planning_too_long_days {
                raise(
                    AlertKind::PlanningTooLong,
                    format!(
                        "In design for {} days. Launch a scrappy V1: 30 days of doing beat 30 more slides.",
                        planning
                    ),
                );
            }
        }
        Stage::Parked => {
            if let Some(revisit) = plan.revisit_on.filter(|on| *on <= today) {
                raise(
                    AlertKind::RevisitDue,
                    format!(
                        "Parked until {}: check whether the timing is right now.",
                        written(revisit)
                    ),
                );
            }
        }
        Stage::Stopped => {}
    }
    // Raised in the order of `AlertKind`, most urgent first.
    alerts
}

/// When the current 30-day cycle is due for review.
pub fn review_due_on(plan: &Plan) -> Option<NaiveDate> {
    let length = i64::from(plan.pilot.length_days);
    match plan.cycles.last() {
        Some(cycle) if cycle.reviewed_on.is_none() => Some(add_days(cycle.started_on, length)),
        Some(_) => None,
        None => plan.pilot.launch_on.map(|launch| add_days(launch, length)),
    }
}

fn timing_message(plan: &Plan, today: NaiveDate) -> String {
    let quarter = Quarter::of(today).label();
    match plan.timing.confirmed_on {
        Some(on) => format!(
            "Timing was last confirmed in {}. What's top-of-mind for their leadership in {quarter}?",
            Quarter::of(on).label()
        ),
        None => format!(
            "Timing has not been confirmed. What's top-of-mind for their leadership in {quarter}?"
        ),
    }
}
