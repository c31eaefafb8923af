//! The portfolio as leadership reads it: one row per plan with its number, band and the band's
//! reason, trend, days since launch, next step and owner, and open blockers. The printable
//! report shows the running pilots; the CSV export writes every plan.

use super::calendar::days_between;
use super::plan::{Band, Plan, PlanId, Stage};
use super::scoring::{headline, Direction, Headline, ScoreModel};
use chrono::NaiveDate;

/// The next step of a plan, as the report names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextStep {
    pub title: String,
    pub owner: String,
    pub due_on: Option<NaiveDate>,
}

/// An open blocker, as the report names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenBlocker {
    pub text: String,
    pub owner: String,
    pub days_open: i64,
}

/// One plan in the report.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportRow {
    pub id: PlanId,
    pub name: String,
    pub partner: String,
    pub kind: &'static str,
    pub stage: Stage,
    /// Momentum, for running plans (`None` when Unknown or not running).
    pub score: Option<u8>,
    /// The band shown, for running plans.
    pub band: Option<Band>,
    /// Why the band is not the number's, if it is not.
    pub band_reason: Option<String>,
    /// Which way momentum moved in the last 14 days, and by how much.
    pub trend: Option<(Direction, i32)>,
    /// Readiness in percent, for plans not yet live.
    pub readiness: Option<u8>,
    pub days_since_launch: Option<i64>,
    pub next_step: Option<NextStep>,
    /// Blockers open today, oldest first.
    pub blockers: Vec<OpenBlocker>,
    /// Until when a parked plan waits.
    pub parked_until: Option<NaiveDate>,
}

impl ReportRow {
    pub fn of(plan: &Plan, today: NaiveDate, model: &ScoreModel) -> Self {
        let (score, band, band_reason, trend, readiness) = match headline(plan, today, model) {
            Headline::Momentum { momentum, trend } => (
                momentum.score,
                Some(momentum.band),
                momentum.band_reason(),
                trend.map(|t| (t.direction, t.delta())),
                None,
            ),
            Headline::Readiness(readiness) => (None, None, None, None, Some(readiness.percent())),
            Headline::Stopped => (None, None, None, None, None),
        };
        Self {
            id: plan.id.clone(),
            name: plan.shown_name().to_string(),
            partner: plan.partner.name.clone(),
            kind: plan.partner.kind.label(),
            stage: plan.stage,
            score,
            band,
            band_reason,
            trend,
            readiness,
            days_since_launch: plan.days_since_launch(today),
            next_step: plan.next_step_due().map(|step| NextStep {
                title: step.title.clone(),
                owner: step.owner_name.clone(),
                due_on: step.due_on,
            }),
            blockers: plan
                .open_blockers(today)
                .into_iter()
                .map(|b| OpenBlocker {
                    text: b.text.clone(),
                    owner: b.owner_name.clone(),
                    days_open: days_between(b.on, today),
                })
                .collect(),
            parked_until: (plan.stage == Stage::Parked)
                .then_some(plan.revisit_on)
                .flatten(),
        }
    }
}

/// How urgent a band is for leadership: ghost towns first.
pub fn urgency(band: Option<Band>) -> u8 {
    match band {
        Some(Band::GhostTownRisk) => 0,
        Some(Band::Drifting) => 1,
        Some(Band::Unknown) => 2,
        Some(Band::Moving) => 3,
        None => 4,
    }
}

/// The running pilots for the printable report, the most urgent first (ghost-town risk, then
/// drifting, unknown and moving; within a band the lowest number first), and how many plans
/// are at each other stage.
pub fn running_report(plans: &[Plan], today: NaiveDate, model: &ScoreModel) -> Vec<ReportRow> {
    let mut rows: Vec<ReportRow> = plans
        .iter()
        .filter(|p| p.stage.is_running())
        .map(|p| ReportRow::of(p, today, model))
        .collect();
    super::order::insertion_order(&mut rows, |a, b| {
        (urgency(a.band), a.score) > (urgency(b.band), b.score)
    });
    rows
}

/// How many plans are at each stage, in the order of [`Stage::ALL`], leaving out stages with
/// none.
pub fn stage_counts(plans: &[Plan]) -> Vec<(Stage, usize)> {
    Stage::ALL
        .into_iter()
        .map(|stage| (stage, plans.iter().filter(|p| p.stage == stage).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}
