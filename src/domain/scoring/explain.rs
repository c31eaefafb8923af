//! Explaining momentum: the points each component earns, the biggest drag, and what-if actions
//! with the points each would recover — found by scoring a changed copy of the plan, so the
//! stated gain is exactly what doing it would give.

use super::model::ScoreModel;
use super::momentum::{momentum, Component, Momentum};
use crate::domain::calendar::{add_days, days_between};
use crate::domain::{Band, Confidence, LogEntry, LogKind, Plan, Side, Step};
use chrono::NaiveDate;

/// Something the team could do today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    LogSync,
    /// Complete an open step that is past its due date.
    CompleteStep {
        id: String,
        title: String,
    },
    /// Add a step the partner owns, due within the commitments horizon.
    AddPartnerStep,
    LogWin,
    /// Check in on a key result (its value as it is, its confidence as last stated).
    CheckIn {
        index: usize,
        name: String,
    },
    ConfirmTiming,
}

/// Days ahead a what-if partner step is due: well inside the commitments horizon.
const PARTNER_STEP_DAYS: i64 = 14;

impl Action {
    pub fn label(&self) -> String {
        match self {
            Action::LogSync => "Log today's sync".into(),
            Action::CompleteStep { title, .. } => format!("Complete “{title}”"),
            Action::AddPartnerStep => {
                "Add a step the partner owns, due in the next two weeks".into()
            }
            Action::LogWin => "Log a joint win".into(),
            Action::CheckIn { name, .. } => format!("Check in on “{name}”"),
            Action::ConfirmTiming => "Confirm this quarter's timing with the partner".into(),
        }
    }

    /// The plan as it would be after the action, done on `today`; new entries get `new_id`.
    pub fn apply(&self, plan: &Plan, today: NaiveDate, new_id: &str) -> Plan {
        let mut plan = plan.clone();
        match self {
            Action::LogSync | Action::LogWin => {
                let kind = if *self == Action::LogSync {
                    LogKind::Sync
                } else {
                    LogKind::Win
                };
                plan.record(LogEntry::with_id(new_id, kind, today, ""));
            }
            Action::CompleteStep { id, .. } => {
                if let Some(step) = plan.steps.iter_mut().find(|s| &s.id == id) {
                    step.done_on = Some(today);
                }
            }
            Action::AddPartnerStep => {
                let governance = &plan.foundation.governance;
                let owner = [&governance.their_owner, &plan.partner.their_champion]
                    .into_iter()
                    .find(|name| !name.trim().is_empty())
                    .cloned()
                    .unwrap_or_else(|| plan.partner.name.clone());
                let mut step = Step::new(
                    "Next step owned by the partner",
                    Side::Theirs,
                    owner,
                    Some(add_days(today, PARTNER_STEP_DAYS)),
                    today,
                );
                step.id = new_id.to_string();
                plan.steps.push(step);
            }
            Action::CheckIn { index, .. } => {
                if let Some(kr) = plan.foundation.key_results.get_mut(*index) {
                    kr.checked_on = Some(today);
                    kr.confidence = Some(kr.confidence.unwrap_or(Confidence::OnTrack));
                }
            }
            Action::ConfirmTiming => plan.timing.confirmed_on = Some(today),
        }
        plan
    }
}

/// An action and what it would change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhatIf {
    pub action: Action,
    /// Points the score would gain (0 when it only lifts a cap).
    pub gain: i32,
    pub band_after: Band,
}

/// Why the number is what it is, and what would move it.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    pub momentum: Momentum,
    /// The component losing the most points.
    pub biggest_drag: Option<Component>,
    /// Actions that would raise the number or the band, the biggest gain first.
    pub what_ifs: Vec<WhatIf>,
}

fn band_rank(band: Band) -> u8 {
    match band {
        Band::Unknown => 0,
        Band::GhostTownRisk => 1,
        Band::Drifting => 2,
        Band::Moving => 3,
    }
}

/// The id given to entries a what-if adds.
pub const WHAT_IF_ID: &str = "what-if";

/// Explains momentum at `today`.
pub fn explain(plan: &Plan, today: NaiveDate, model: &ScoreModel) -> Explanation {
    let now = momentum(plan, today, model);
    let biggest_drag = now
        .components
        .iter()
        .filter_map(|c| c.lost().map(|lost| (c.component, lost)))
        .filter(|(_, lost)| *lost > 0.0)
        .fold(
            None::<(Component, f64)>,
            |best, (component, lost)| match best {
                Some((_, most)) if most >= lost => best,
                _ => Some((component, lost)),
            },
        )
        .map(|(component, _)| component);

    let cadence = i64::from(plan.foundation.rhythm.cadence_days.days());
    let mut candidates = vec![Action::LogSync, Action::AddPartnerStep, Action::LogWin];
    for step in &plan.steps {
        if step.done_on.is_none() && step.due_on.is_some_and(|due| due < today) {
            candidates.push(Action::CompleteStep {
                id: step.id.clone(),
                title: step.title.clone(),
            });
        }
    }
    for (index, kr) in plan.foundation.key_results.iter().enumerate() {
        let stale = kr
            .checked_on
            .is_none_or(|on| days_between(on, today) > cadence);
        if stale {
            candidates.push(Action::CheckIn {
                index,
                name: kr.name.clone(),
            });
        }
    }
    if !now.facts.timing_confirmed {
        candidates.push(Action::ConfirmTiming);
    }

    let mut what_ifs: Vec<WhatIf> = Vec::new();
    for action in candidates {
        let after = momentum(&action.apply(plan, today, WHAT_IF_ID), today, model);
        let gain = match (now.score, after.score) {
            (Some(before), Some(after)) => i32::from(after) - i32::from(before),
            _ => 0,
        };
        let better_band = band_rank(after.computed_band) > band_rank(now.computed_band);
        if gain > 0 || better_band {
            let what_if = WhatIf {
                action,
                gain,
                band_after: after.computed_band,
            };
            // Biggest gain first; few entries, so an insertion keeps it simple.
            let at = what_ifs
                .iter()
                .position(|w| w.gain < what_if.gain)
                .unwrap_or(what_ifs.len());
            what_ifs.insert(at, what_if);
        }
    }
    Explanation {
        momentum: now,
        biggest_drag,
        what_ifs,
    }
}
