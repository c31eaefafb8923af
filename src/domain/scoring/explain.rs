//! Explaining momentum: the whole points each component earns (adding up to the score), the
//! biggest drag, and what-if actions with the points each would recover — found by scoring a
//! changed copy of the plan, so the stated gain is exactly what doing it would give.

use super::model::ScoreModel;
use super::momentum::{blockers, momentum, Component, Momentum};
use crate::domain::calendar::{add_days, days_between};
use crate::domain::{Band, Confidence, LogEntry, LogKind, Plan, Side, Step};
use chrono::NaiveDate;

/// Something the team could do today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    LogSync,
    /// Complete an open step that is past the date it was committed to.
    CompleteStep {
        id: String,
        title: String,
    },
    /// Add a step the partner owns, due within the commitments horizon.
    AddPartnerStep,
    LogWin,
    /// Resolve a blocker open for longer than the grace period (its text as logged).
    ResolveBlocker {
        id: String,
        text: String,
    },
    /// Check in on a key result (its value as it is, its confidence as last stated).
    CheckIn {
        index: usize,
        name: String,
    },
    ConfirmTiming,
}

/// Days ahead a what-if partner step is due: well inside the commitments horizon.
const PARTNER_STEP_DAYS: i64 = 14;

/// The most characters of a blocker's text a label quotes.
const QUOTED_CHARS: usize = 60;

impl Action {
    pub fn label(&self) -> String {
        match self {
            Action::LogSync => "Log today's sync".into(),
            Action::CompleteStep { title, .. } => format!("Complete “{title}”"),
            Action::AddPartnerStep => {
                "Add a step the partner owns, due in the next two weeks".into()
            }
            Action::LogWin => "Log a joint win".into(),
            Action::ResolveBlocker { text, .. } if text.trim().is_empty() => {
                "Resolve the open blocker".into()
            }
            Action::ResolveBlocker { text, .. } => {
                format!(
                    "Resolve “{}”",
                    crate::domain::written::cut_at_word(text.trim(), QUOTED_CHARS)
                )
            }
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
            Action::ResolveBlocker { id, .. } => {
                plan.resolve_blocker(id, today);
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

/// One component's part of the score, in whole points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    pub component: Component,
    /// Whole points earned; the five add up to the score. `None` for a component with no data,
    /// and for every component while the score is Unknown.
    pub points: Option<u32>,
    /// What the component counts for out of 100, once the weight of components with no data is
    /// shared out among the others; the five add up to 100 (0 for a component with no data,
    /// and for every component while the score is Unknown).
    pub out_of: u32,
}

/// Why the number is what it is, and what would move it.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    pub momentum: Momentum,
    /// Each component's whole points and what it counts for, in the order of
    /// [`Component::ALL`]; see [`shares`].
    pub shares: [Share; 5],
    /// The component losing the most points.
    pub biggest_drag: Option<Component>,
    /// Actions that would raise the number or the band, the biggest gain first.
    pub what_ifs: Vec<WhatIf>,
}

impl Explanation {
    pub fn share(&self, component: Component) -> Share {
        self.shares
            .iter()
            .copied()
            .find(|s| s.component == component)
            .unwrap_or(Share {
                component,
                points: None,
                out_of: 0,
            })
    }

    /// What the panel says when components have no data and the others count for more:
    /// "Outcomes has no data: the other four count for 100." `None` when all five have data,
    /// or when there is no score (Unknown).
    pub fn scaled_note(&self) -> Option<String> {
        self.momentum.score?;
        let missing: Vec<&str> = self
            .momentum
            .components
            .iter()
            .filter(|c| c.value.is_none())
            .map(|c| c.component.label())
            .collect();
        let others = self.momentum.components.len() - missing.len();
        let (verb, count) = match (missing.len(), others) {
            (0, _) => return None,
            (1, _) => ("has", "count"),
            (_, 1) => ("have", "counts"),
            _ => ("have", "count"),
        };
        let other = match others {
            1 => "the other one",
            2 => "the other two",
            3 => "the other three",
            _ => "the other four",
        };
        Some(format!(
            "{} {verb} no data: {other} {count} for 100.",
            listed(&missing)
        ))
    }
}

/// "A", "A and B", "A, B and C".
fn listed(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Each component's whole points and what it counts for. Points are the exact weighted
/// contributions (value × weight ÷ the weights with data) apportioned by largest remainder, so
/// they add up to the score; `out_of` is each weight with data scaled to 100, apportioned the
/// same way, so it adds up to 100.
pub fn shares(momentum: &Momentum) -> [Share; 5] {
    let components = &momentum.components;
    let Some(score) = momentum.score else {
        return components.map(|c| Share {
            component: c.component,
            points: None,
            out_of: 0,
        });
    };
    let weight: f64 = components
        .iter()
        .filter(|c| c.value.is_some())
        .map(|c| c.weight)
        .sum();
    let exact_points = components.map(|c| c.value.map(|v| v * c.weight / weight));
    let exact_out_of = components.map(|c| c.value.map(|_| 100.0 * c.weight / weight));
    let points = apportion(&exact_points, u32::from(score));
    let out_of = apportion(&exact_out_of, 100);
    let mut shares = components.map(|c| Share {
        component: c.component,
        points: None,
        out_of: 0,
    });
    for (i, share) in shares.iter_mut().enumerate() {
        share.points = points[i];
        share.out_of = out_of[i].unwrap_or(0);
    }
    shares
}

/// Whole numbers adding up to `total`, each as close to its exact value as can be (the
/// largest-remainder method): every value gets its whole part, and the units still missing go
/// to the largest fractional parts, the earlier component first on a tie. `None` stays `None`.
fn apportion<const N: usize>(exact: &[Option<f64>; N], total: u32) -> [Option<u32>; N] {
    let whole = exact.map(|x| x.map(|x| x.max(0.0).floor()));
    let remainder = |i: usize| match (exact[i], whole[i]) {
        (Some(x), Some(w)) => x - w,
        _ => f64::NAN,
    };
    let mut result = whole.map(|w| w.map(|w| w as u32));
    let given: u32 = result.iter().flatten().sum();
    let mut missing = i64::from(total) - i64::from(given);
    // Each round hands out (or, when rounding error overshot, takes back) one unit per value at
    // most, largest remainder first (smallest first when taking back).
    while missing != 0 {
        let mut done = [false; N];
        let mut moved = false;
        while missing != 0 {
            let pick = (0..N)
                .filter(|&i| !done[i] && result[i].is_some_and(|r| missing > 0 || r > 0))
                .fold(None::<usize>, |best, i| match best {
                    Some(b) if missing > 0 && remainder(b) >= remainder(i) => best,
                    Some(b) if missing < 0 && remainder(b) < remainder(i) => best,
                    _ => Some(i),
                });
            let Some(i) = pick else { break };
            done[i] = true;
            moved = true;
            if let Some(r) = result[i].as_mut() {
                if missing > 0 {
                    *r += 1;
                    missing -= 1;
                } else {
                    *r -= 1;
                    missing += 1;
                }
            }
        }
        if !moved {
            break;
        }
    }
    result
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
        if step.done_on.is_none() && step.commitment().is_some_and(|on| on < today) {
            candidates.push(Action::CompleteStep {
                id: step.id.clone(),
                title: step.title.clone(),
            });
        }
    }
    for blocker in blockers(plan, today, model).aging {
        candidates.push(Action::ResolveBlocker {
            id: blocker.id.clone(),
            text: blocker.text.clone(),
        });
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
        shares: shares(&now),
        momentum: now,
        biggest_drag,
        what_ifs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apportioning_gives_each_its_whole_part_and_the_rest_to_the_largest_remainders() {
        // 17.68 + 15 + 15 + 16.99 + 10.43 = 75.10 → 75: the whole parts give 73, the two
        // largest remainders (.99 and .68) get one more each.
        let exact = [
            Some(17.68),
            Some(15.0),
            Some(15.0),
            Some(16.99),
            Some(10.43),
        ];
        assert_eq!(
            apportion(&exact, 75),
            [Some(18), Some(15), Some(15), Some(17), Some(10)]
        );
        // Three thirds of 100: 33 each, the first of the tied remainders gets the unit.
        let thirds = [
            Some(100.0 / 3.0),
            None,
            Some(100.0 / 3.0),
            Some(100.0 / 3.0),
        ];
        assert_eq!(
            apportion(&thirds, 100),
            [Some(34), None, Some(33), Some(33)]
        );
        // Rounded down: 12.4 + 12.4 = 24.8 → 25 asks one unit; 24 asks none.
        assert_eq!(
            apportion(&[Some(12.4), Some(12.4)], 25),
            [Some(13), Some(12)]
        );
        assert_eq!(
            apportion(&[Some(12.4), Some(12.4)], 24),
            [Some(12), Some(12)]
        );
        // A total below the whole parts (only float error does that) takes back from the
        // smallest remainders.
        assert_eq!(
            apportion(&[Some(10.9), Some(10.1)], 19),
            [Some(10), Some(9)]
        );
    }

    #[test]
    fn a_long_blocker_is_quoted_up_to_a_word_boundary() {
        let text =
            "Their procurement team has not approved the pilot budget for the second region yet";
        let label = Action::ResolveBlocker {
            id: "b".into(),
            text: text.into(),
        }
        .label();
        assert_eq!(
            label,
            "Resolve “Their procurement team has not approved the pilot budget for…”"
        );
        assert_eq!(
            crate::domain::written::cut_at_word("Short text", 60),
            "Short text"
        );
        assert_eq!(
            crate::domain::written::cut_at_word("one two three", 7),
            "one two…"
        );
        assert_eq!(
            crate::domain::written::cut_at_word("one two, three", 9),
            "one two…"
        );
        assert_eq!(
            crate::domain::written::cut_at_word("abcdefghij", 4),
            "abcd…"
        );
        let blank = Action::ResolveBlocker {
            id: "b".into(),
            text: "  ".into(),
        };
        assert_eq!(blank.label(), "Resolve the open blocker");
    }
}
