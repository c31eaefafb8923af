//! Alerts: what needs attention before a pilot turns into a ghost town (SPEC §4, with the
//! alerts model version 2 adds: a missed sync, a blocker left open, a step that slipped).

use super::model::ScoreModel;
use super::momentum::{blockers, momentum, slipped_steps, timing_confirmed};
use crate::domain::calendar::{add_days, days_between, written, written_short, Quarter};
use crate::domain::{Band, Plan, Stage};
use chrono::{Datelike, NaiveDate};

/// What an alert is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AlertKind {
    /// Ordered most urgent first.
    GhostTownRisk,
    GoingQuiet,
    /// The planned sync date passed with no sync on or after it.
    MissedSync,
    OverdueSteps,
    /// Blockers open for longer than the grace period: they cost Energy.
    BlockerAging,
    /// Open steps whose due date moved off the date they were committed to.
    SlippedSteps,
    EnergyDip,
    ReviewDue,
    /// Blockers open for the grace period or less.
    OpenBlockers,
    TimingStale,
    PlanningTooLong,
    RevisitDue,
}

impl AlertKind {
    pub fn label(self) -> &'static str {
        match self {
            AlertKind::GhostTownRisk => "Ghost-town risk",
            AlertKind::GoingQuiet => "Going quiet",
            AlertKind::MissedSync => "Missed sync",
            AlertKind::OverdueSteps => "Overdue steps",
            AlertKind::BlockerAging => "Ageing blockers",
            AlertKind::SlippedSteps => "Slipped steps",
            AlertKind::EnergyDip => "Launch energy dip",
            AlertKind::ReviewDue => "30-day review due",
            AlertKind::OpenBlockers => "Open blockers",
            AlertKind::TimingStale => "Timing stale",
            AlertKind::PlanningTooLong => "Planning too long",
            AlertKind::RevisitDue => "Time to revisit",
        }
    }
}

/// One alert: what it is about, and the figures its message is written from.
///
/// The message is written only when it is shown ([`Alert::message`]): a portfolio of a
/// thousand plans raises over a thousand alerts, and shows six of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Alert {
    pub kind: AlertKind,
    detail: Detail,
}

/// What an alert's message says, as numbers and dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Detail {
    /// In the ghost-town band; `silent` when it is so for silence with nothing committed.
    GhostTown {
        silent: bool,
        days_since_launch: i64,
        days_since_sync: i64,
    },
    GoingQuiet {
        days_since_sync: i64,
    },
    MissedSync {
        planned: NaiveDate,
        today: NaiveDate,
    },
    /// Open steps past the date they were committed to (version 1: their due date).
    OverdueSteps {
        count: usize,
    },
    BlockerAging {
        count: usize,
        oldest_days: i64,
        grace_days: i64,
    },
    /// `from` is the committed date when one step slipped.
    SlippedSteps {
        count: usize,
        from: Option<NaiveDate>,
        today: NaiveDate,
    },
    EnergyDip {
        day: i64,
        commitments: usize,
    },
    ReviewDue {
        cycle_days: i64,
    },
    /// `since` is the day the oldest of them was logged.
    OpenBlockers {
        count: usize,
        since: NaiveDate,
        today: NaiveDate,
    },
    TimingStale {
        confirmed_on: Option<NaiveDate>,
        today: NaiveDate,
    },
    PlanningTooLong {
        days: i64,
    },
    RevisitDue {
        parked_until: NaiveDate,
    },
}

impl Detail {
    fn kind(self) -> AlertKind {
        match self {
            Detail::GhostTown { .. } => AlertKind::GhostTownRisk,
            Detail::GoingQuiet { .. } => AlertKind::GoingQuiet,
            Detail::MissedSync { .. } => AlertKind::MissedSync,
            Detail::OverdueSteps { .. } => AlertKind::OverdueSteps,
            Detail::BlockerAging { .. } => AlertKind::BlockerAging,
            Detail::SlippedSteps { .. } => AlertKind::SlippedSteps,
            Detail::EnergyDip { .. } => AlertKind::EnergyDip,
            Detail::ReviewDue { .. } => AlertKind::ReviewDue,
            Detail::OpenBlockers { .. } => AlertKind::OpenBlockers,
            Detail::TimingStale { .. } => AlertKind::TimingStale,
            Detail::PlanningTooLong { .. } => AlertKind::PlanningTooLong,
            Detail::RevisitDue { .. } => AlertKind::RevisitDue,
        }
    }
}

impl Alert {
    fn new(detail: Detail) -> Self {
        Self {
            kind: detail.kind(),
            detail,
        }
    }

    /// What the alert says, in a sentence or two.
    pub fn message(&self) -> String {
        match self.detail {
            Detail::GhostTown {
                silent: true,
                days_since_launch,
                days_since_sync,
            } => format!(
                "Day {days_since_launch} since launch, no sync for {} and no open commitment.",
                plural(days_since_sync, "day")
            ),
            Detail::GhostTown { .. } => "Momentum is in the ghost-town band.".to_string(),
            Detail::GoingQuiet { days_since_sync } => format!(
                "No sync for {}: twice the agreed cadence.",
                plural(days_since_sync, "day")
            ),
            Detail::MissedSync { planned, today } => format!(
                "Sync planned for {} was missed.",
                near(planned, today)
            ),
            Detail::OverdueSteps { count } => format!(
                "{} past {} committed date{}.",
                plural(count as i64, "step"),
                if count == 1 { "its" } else { "their" },
                if count == 1 { "" } else { "s" }
            ),
            Detail::BlockerAging {
                count: 1,
                oldest_days,
                ..
            } => format!(
                "1 blocker open for {}: it costs Energy until it is resolved.",
                plural(oldest_days, "day")
            ),
            Detail::BlockerAging {
                count,
                oldest_days,
                grace_days,
            } => format!(
                "{} open for more than {}, the oldest for {}: they cost Energy until they are resolved.",
                plural(count as i64, "blocker"),
                plural(grace_days, "day"),
                plural(oldest_days, "day")
            ),
            Detail::SlippedSteps {
                count: 1,
                from: Some(from),
                today,
            } => format!(
                "1 step slipped from its committed date ({}).",
                near(from, today)
            ),
            Detail::SlippedSteps { count, .. } => format!(
                "{} slipped from the dates they were committed to.",
                plural(count as i64, "step")
            ),
            Detail::EnergyDip { day, commitments } => format!(
                "Day {day} after launch with {} open: secure the next three steps before the energy dips.",
                plural(commitments as i64, "commitment")
            ),
            Detail::ReviewDue { cycle_days } => format!(
                "The cycle that started {cycle_days} days ago is ready for its keep / change / stop review."
            ),
            Detail::OpenBlockers {
                count: 1,
                since,
                today,
            } => format!("1 blocker open since {}.", near(since, today)),
            Detail::OpenBlockers {
                count,
                since,
                today,
            } => format!(
                "{} open, the oldest since {}.",
                plural(count as i64, "blocker"),
                near(since, today)
            ),
            Detail::TimingStale {
                confirmed_on,
                today,
            } => {
                let quarter = Quarter::of(today).label();
                match confirmed_on {
                    Some(on) => format!(
                        "Timing was last confirmed in {}. What's top-of-mind for their leadership in {quarter}?",
                        Quarter::of(on).label()
                    ),
                    None => format!(
                        "Timing has not been confirmed. What's top-of-mind for their leadership in {quarter}?"
                    ),
                }
            }
            Detail::PlanningTooLong { days } => format!(
                "In design for {days} days. Launch a scrappy V1: 30 days of doing beat 30 more slides."
            ),
            Detail::RevisitDue { parked_until } => format!(
                "Parked until {}: check whether the timing is right now.",
                written(parked_until)
            ),
        }
    }
}

/// A date near `today`: "10 Dec" in the same year, "10 Dec 2026" in another.
fn near(date: NaiveDate, today: NaiveDate) -> String {
    if date.year() == today.year() {
        written_short(date)
    } else {
        written(date)
    }
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
    let mut raise = |detail: Detail| alerts.push(Alert::new(detail));
    match plan.stage {
        Stage::Live | Stage::Reviewing | Stage::Scaling => {
            let m = momentum(plan, today, model);
            let facts = m.facts;
            let cadence = i64::from(plan.foundation.rhythm.cadence_days.days());
            if m.computed_band == Band::GhostTownRisk {
                raise(Detail::GhostTown {
                    silent: m.ghost_town,
                    days_since_launch: facts.days_since_launch,
                    days_since_sync: facts.days_since_sync,
                });
            }
            if facts.days_since_sync >= model.alerts.quiet_cadences * cadence {
                raise(Detail::GoingQuiet {
                    days_since_sync: facts.days_since_sync,
                });
            }
            if let Some(planned) = missed_sync(plan, today) {
                raise(Detail::MissedSync { planned, today });
            }
            if facts.overdue_steps > 0 {
                raise(Detail::OverdueSteps {
                    count: facts.overdue_steps,
                });
            }
            let open = blockers(plan, today, model);
            if let Some(oldest) = open.aging.first() {
                raise(Detail::BlockerAging {
                    count: open.aging.len(),
                    oldest_days: days_between(oldest.on, today),
                    grace_days: model.energy.blocker_grace_days,
                });
            }
            let slipped: Vec<_> = slipped_steps(plan, today).collect();
            if let Some(first) = slipped.first() {
                raise(Detail::SlippedSteps {
                    count: slipped.len(),
                    from: first.slipped_from().filter(|_| slipped.len() == 1),
                    today,
                });
            }
            let dip = model.alerts.energy_dip_from_day..=model.alerts.energy_dip_to_day;
            if dip.contains(&facts.days_since_launch)
                && facts.commitments < model.alerts.energy_dip_commitments
            {
                raise(Detail::EnergyDip {
                    day: facts.days_since_launch,
                    commitments: facts.commitments,
                });
            }
            if let Some(due) = review_due_on(plan) {
                if today >= due {
                    raise(Detail::ReviewDue {
                        cycle_days: days_between(
                            add_days(due, -i64::from(plan.pilot.length_days)),
                            today,
                        ),
                    });
                }
            }
            if let Some(oldest) = open.recent.first() {
                raise(Detail::OpenBlockers {
                    count: open.recent.len(),
                    since: oldest.on,
                    today,
                });
            }
            if !timing_confirmed(plan, today) {
                raise(Detail::TimingStale {
                    confirmed_on: plan.timing.confirmed_on,
                    today,
                });
            }
        }
        Stage::Exploring | Stage::Designing => {
            let planning = days_between(plan.created_at.date_naive(), today);
            if plan.stage == Stage::Designing && planning > model.alerts.planning_too_long_days {
                raise(Detail::PlanningTooLong { days: planning });
            }
        }
        Stage::Parked => {
            if let Some(revisit) = plan.revisit_on.filter(|on| *on <= today) {
                raise(Detail::RevisitDue {
                    parked_until: revisit,
                });
            }
        }
        Stage::Stopped => {}
    }
    // Raised in the order of `AlertKind`, most urgent first.
    alerts
}

/// The planned sync date, when it has passed with no sync (or exec sync) dated on or after it.
pub fn missed_sync(plan: &Plan, today: NaiveDate) -> Option<NaiveDate> {
    let planned = plan.foundation.rhythm.next_sync_on.filter(|p| *p < today)?;
    let held = plan
        .log
        .iter()
        .any(|e| e.kind.is_sync() && planned <= e.on && e.on <= today);
    (!held).then_some(planned)
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

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::dates::ymd as date;

    #[test]
    fn each_alert_is_written_from_its_figures_and_named_by_its_kind() {
        let cases = [
            (
                Detail::GhostTown {
                    silent: true,
                    days_since_launch: 76,
                    days_since_sync: 41,
                },
                "Day 76 since launch, no sync for 41 days and no open commitment.",
            ),
            (
                Detail::GhostTown {
                    silent: false,
                    days_since_launch: 76,
                    days_since_sync: 1,
                },
                "Momentum is in the ghost-town band.",
            ),
            (
                Detail::GoingQuiet { days_since_sync: 1 },
                "No sync for 1 day: twice the agreed cadence.",
            ),
            (
                Detail::MissedSync {
                    planned: date(2026, 12, 10),
                    today: date(2026, 12, 14),
                },
                "Sync planned for 10 Dec was missed.",
            ),
            (
                Detail::MissedSync {
                    planned: date(2026, 12, 28),
                    today: date(2027, 1, 4),
                },
                "Sync planned for 28 Dec 2026 was missed.",
            ),
            (
                Detail::OverdueSteps { count: 1 },
                "1 step past its committed date.",
            ),
            (
                Detail::OverdueSteps { count: 2 },
                "2 steps past their committed dates.",
            ),
            (
                Detail::BlockerAging {
                    count: 1,
                    oldest_days: 12,
                    grace_days: 7,
                },
                "1 blocker open for 12 days: it costs Energy until it is resolved.",
            ),
            (
                Detail::BlockerAging {
                    count: 2,
                    oldest_days: 12,
                    grace_days: 7,
                },
                "2 blockers open for more than 7 days, the oldest for 12 days: they cost Energy until they are resolved.",
            ),
            (
                Detail::SlippedSteps {
                    count: 1,
                    from: Some(date(2026, 12, 12)),
                    today: date(2026, 12, 14),
                },
                "1 step slipped from its committed date (12 Dec).",
            ),
            (
                Detail::SlippedSteps {
                    count: 3,
                    from: None,
                    today: date(2026, 12, 14),
                },
                "3 steps slipped from the dates they were committed to.",
            ),
            (
                Detail::EnergyDip {
                    day: 42,
                    commitments: 1,
                },
                "Day 42 after launch with 1 commitment open: secure the next three steps before the energy dips.",
            ),
            (
                Detail::ReviewDue { cycle_days: 30 },
                "The cycle that started 30 days ago is ready for its keep / change / stop review.",
            ),
            (
                Detail::OpenBlockers {
                    count: 1,
                    since: date(2026, 12, 3),
                    today: date(2026, 12, 7),
                },
                "1 blocker open since 3 Dec.",
            ),
            (
                Detail::OpenBlockers {
                    count: 2,
                    since: date(2026, 12, 29),
                    today: date(2027, 1, 2),
                },
                "2 blockers open, the oldest since 29 Dec 2026.",
            ),
            (
                Detail::TimingStale {
                    confirmed_on: Some(date(2026, 8, 14)),
                    today: date(2026, 11, 23),
                },
                "Timing was last confirmed in Q3 2026. What's top-of-mind for their leadership in Q4 2026?",
            ),
            (
                Detail::TimingStale {
                    confirmed_on: None,
                    today: date(2026, 11, 23),
                },
                "Timing has not been confirmed. What's top-of-mind for their leadership in Q4 2026?",
            ),
            (
                Detail::PlanningTooLong { days: 61 },
                "In design for 61 days. Launch a scrappy V1: 30 days of doing beat 30 more slides.",
            ),
            (
                Detail::RevisitDue {
                    parked_until: date(2027, 1, 22),
                },
                "Parked until 22 Jan 2027: check whether the timing is right now.",
            ),
        ];
        let mut kinds = Vec::new();
        for (detail, message) in cases {
            let alert = Alert::new(detail);
            assert_eq!(alert.kind, detail.kind());
            assert_eq!(alert.message(), message);
            if !kinds.contains(&alert.kind) {
                kinds.push(alert.kind);
            }
        }
        // Every kind is written here at least once, and the cases run most urgent first.
        assert_eq!(kinds.len(), 12);
        assert!(kinds.windows(2).all(|pair| pair[0] < pair[1]));
    }
}
