//! The portfolio overview: search, filters and sort order; every plan's alerts, most urgent
//! first; and the ghost-town radar's points (days since launch against momentum).

use super::plan::{Band, PartnerKind, Plan, PlanId, Stage};
use super::scoring::{alerts, momentum, Alert, ScoreModel};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// How the portfolio is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortBy {
    /// The order plans were added in.
    #[default]
    Added,
    /// Lowest momentum first: where attention is needed.
    Momentum,
    /// Longest running first.
    DaysSinceLaunch,
    /// The soonest next step first.
    NextStepDue,
    Name,
}

impl SortBy {
    pub const ALL: [SortBy; 5] = [
        SortBy::Added,
        SortBy::Momentum,
        SortBy::DaysSinceLaunch,
        SortBy::NextStepDue,
        SortBy::Name,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SortBy::Added => "Date added",
            SortBy::Momentum => "Momentum, lowest first",
            SortBy::DaysSinceLaunch => "Days since launch, longest first",
            SortBy::NextStepDue => "Next step due, soonest first",
            SortBy::Name => "Name",
        }
    }
}

/// What the portfolio shows: a search and filters, and an order. Kept across reloads.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct View {
    pub search: String,
    pub kind: Option<PartnerKind>,
    pub stage: Option<Stage>,
    pub band: Option<Band>,
    pub sort: SortBy,
}

impl View {
    pub fn is_filtered(&self) -> bool {
        !self.search.trim().is_empty()
            || self.kind.is_some()
            || self.stage.is_some()
            || self.band.is_some()
    }
}

/// What sorting and filtering need to know about one plan.
struct Facts {
    score: Option<u8>,
    band: Option<Band>,
    days_since_launch: Option<i64>,
    next_due: Option<NaiveDate>,
}

fn facts(plan: &Plan, today: NaiveDate, model: &ScoreModel) -> Facts {
    let scored = plan
        .stage
        .is_running()
        .then(|| momentum(plan, today, model));
    Facts {
        score: scored.as_ref().and_then(|m| m.score),
        band: scored.map(|m| m.band),
        days_since_launch: plan.days_since_launch(today),
        next_due: plan.next_step_due().and_then(|s| s.due_on),
    }
}

fn matches(plan: &Plan, facts: &Facts, view: &View) -> bool {
    let needle = view.search.trim().to_lowercase();
    let found = needle.is_empty()
        || plan.name.to_lowercase().contains(&needle)
        || plan.partner.name.to_lowercase().contains(&needle);
    found
        && view.kind.is_none_or(|kind| plan.partner.kind == kind)
        && view.stage.is_none_or(|stage| plan.stage == stage)
        && view.band.is_none_or(|band| facts.band == Some(band))
}

/// `None` last, whatever the direction.
fn some_first<T: Ord>(a: Option<T>, b: Option<T>, cmp: impl Fn(T, T) -> Ordering) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => cmp(a, b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The positions (in `plans`) of the plans the view shows, in its order.
pub fn arrange(plans: &[Plan], view: &View, today: NaiveDate, model: &ScoreModel) -> Vec<usize> {
    let all: Vec<Facts> = plans.iter().map(|p| facts(p, today, model)).collect();
    let mut shown: Vec<usize> = (0..plans.len())
        .filter(|&i| matches(&plans[i], &all[i], view))
        .collect();
    let order = |a: &usize, b: &usize| -> Ordering {
        let (fa, fb) = (&all[*a], &all[*b]);
        let by = match view.sort {
            SortBy::Added => Ordering::Equal,
            SortBy::Momentum => some_first(fa.score, fb.score, |x, y| x.cmp(&y)),
            SortBy::DaysSinceLaunch => {
                some_first(fa.days_since_launch, fb.days_since_launch, |x, y| y.cmp(&x))
            }
            SortBy::NextStepDue => some_first(fa.next_due, fb.next_due, |x, y| x.cmp(&y)),
            SortBy::Name => plans[*a]
                .name
                .to_lowercase()
                .cmp(&plans[*b].name.to_lowercase()),
        };
        // Ties keep the order plans were added in.
        by.then(a.cmp(b))
    };
    shown.sort_unstable_by(order);
    shown
}

/// One plan's alerts, most urgent first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attention {
    pub plan: PlanId,
    pub plan_name: String,
    /// Never empty.
    pub alerts: Vec<Alert>,
}

impl Attention {
    /// The plan's most urgent alert.
    pub fn first(&self) -> Option<&Alert> {
        self.alerts.first()
    }
}

/// Every plan with alerts, each once with all of its alerts together: the plan whose most
/// urgent alert is the most urgent first; between equals, the one with more alerts, then the
/// portfolio's order.
pub fn needs_attention(plans: &[Plan], today: NaiveDate, model: &ScoreModel) -> Vec<Attention> {
    let mut all: Vec<(usize, Attention)> = plans
        .iter()
        .enumerate()
        .filter_map(|(i, plan)| {
            let alerts = alerts(plan, today, model);
            (!alerts.is_empty()).then(|| {
                (
                    i,
                    Attention {
                        plan: plan.id.clone(),
                        plan_name: plan.name.clone(),
                        alerts,
                    },
                )
            })
        })
        .collect();
    all.sort_unstable_by(|(ia, a), (ib, b)| {
        let kind = |x: &Attention| x.first().map(|alert| alert.kind);
        kind(a)
            .cmp(&kind(b))
            .then(b.alerts.len().cmp(&a.alerts.len()))
            .then(ia.cmp(ib))
    });
    all.into_iter().map(|(_, a)| a).collect()
}

/// One plan on the ghost-town radar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RadarPoint {
    pub plan: PlanId,
    pub name: String,
    pub days_since_launch: i64,
    pub score: u8,
    pub band: Band,
    /// Why the band is not the number's ("set by hand", "held: …"), if it is not.
    pub reason: Option<String>,
}

/// Every running plan with a score and a launch date in the past or today.
pub fn radar(plans: &[Plan], today: NaiveDate, model: &ScoreModel) -> Vec<RadarPoint> {
    plans
        .iter()
        .filter(|p| p.stage.is_running())
        .filter_map(|plan| {
            let days = plan.days_since_launch(today).filter(|d| *d >= 0)?;
            let m = momentum(plan, today, model);
            Some(RadarPoint {
                plan: plan.id.clone(),
                name: plan.name.clone(),
                days_since_launch: days,
                score: m.score?,
                band: m.band,
                reason: m.band_reason(),
            })
        })
        .collect()
}
