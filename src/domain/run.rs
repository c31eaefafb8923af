//! Running a live pilot: next steps added, completed, reopened and removed; key-result
//! check-ins; re-confirming the timing each quarter; and the 30-day review that ends each cycle
//! in scale, iterate or stop.

use super::calendar::add_days;
use super::plan::{Confidence, Cycle, Decision, LogEntry, LogKind, Plan, Side, Stage, Step};
use super::scoring::alerts::review_due_on;
use chrono::NaiveDate;

impl Plan {
    /// Adds a next step.
    pub fn add_step(&mut self, step: Step) {
        self.steps.push(step);
    }

    /// Marks a step done on `on`; false when there is no such step.
    pub fn complete_step(&mut self, id: &str, on: NaiveDate) -> bool {
        self.step_mut(id).map(|s| s.done_on = Some(on)).is_some()
    }

    /// Makes a done step open again.
    pub fn reopen_step(&mut self, id: &str) -> bool {
        self.step_mut(id).map(|s| s.done_on = None).is_some()
    }

    /// Removes a step; it is returned so it can be put back.
    pub fn remove_step(&mut self, id: &str) -> Option<(usize, Step)> {
        let index = self.steps.iter().position(|s| s.id == id)?;
        Some((index, self.steps.remove(index)))
    }

    pub fn step_mut(&mut self, id: &str) -> Option<&mut Step> {
        self.steps.iter_mut().find(|s| s.id == id)
    }

    /// Open steps, soonest due first, undated ones last; otherwise in the order they were added.
    pub fn open_steps_by_due(&self) -> Vec<&Step> {
        let mut open: Vec<&Step> = self.steps.iter().filter(|s| s.done_on.is_none()).collect();
        insertion_order(&mut open, |a, b| match (a.due_on, b.due_on) {
            (Some(x), Some(y)) => x > y,
            (None, Some(_)) => true,
            _ => false,
        });
        open
    }

    /// Done steps, most recently done first.
    pub fn done_steps_latest_first(&self) -> Vec<&Step> {
        let mut done: Vec<&Step> = self.steps.iter().filter(|s| s.done_on.is_some()).collect();
        insertion_order(&mut done, |a, b| a.done_on < b.done_on);
        done
    }

    /// Records a key-result check-in: the value now, the owners' confidence, and the day.
    pub fn check_in(
        &mut self,
        index: usize,
        current: Option<f64>,
        confidence: Confidence,
        on: NaiveDate,
    ) -> bool {
        match self.foundation.key_results.get_mut(index) {
            Some(kr) => {
                kr.current = current;
                kr.confidence = Some(confidence);
                kr.checked_on = Some(on);
                true
            }
            None => false,
        }
    }

    /// Re-confirms the timing check with this quarter's answers.
    pub fn confirm_timing(&mut self, their_priority: String, how_we_fit: String, on: NaiveDate) {
        self.timing.their_priority = their_priority;
        self.timing.how_we_fit = how_we_fit;
        self.timing.confirmed_on = Some(on);
    }
}

/// Where a running pilot stands with its 30-day review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewState {
    /// Not running, or no cycle to review.
    None,
    /// The current cycle is reviewed on this date.
    Upcoming(NaiveDate),
    /// The current cycle reached its review date.
    Due(NaiveDate),
}

/// The review state of `plan` at `today`.
pub fn review_state(plan: &Plan, today: NaiveDate) -> ReviewState {
    if !plan.stage.is_running() {
        return ReviewState::None;
    }
    match review_due_on(plan) {
        Some(due) if today >= due => ReviewState::Due(due),
        Some(due) => ReviewState::Upcoming(due),
        None => ReviewState::None,
    }
}

/// What the two teams agreed in a review.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReviewAnswers {
    pub keep: String,
    pub change: String,
    pub stop: String,
}

/// Why a review could not be recorded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReviewError {
    #[error("Only a running pilot has a 30-day review.")]
    NotRunning,
    #[error("Stopping the pilot needs a reason, for the next team that tries.")]
    NoStopReason,
}

/// The cycle a review is about: the last one, while it is not reviewed yet; otherwise a new one
/// is opened (from the launch date for a plan's first cycle, else from `today`).
pub fn cycle_under_review(plan: &mut Plan, today: NaiveDate) -> &mut Cycle {
    let open = plan
        .cycles
        .last()
        .is_some_and(|cycle| cycle.reviewed_on.is_none());
    if !open {
        let started_on = plan
            .pilot
            .launch_on
            .filter(|_| plan.cycles.is_empty())
            .unwrap_or(today);
        plan.cycles.push(Cycle::starting(started_on));
    }
    let last = plan.cycles.len() - 1;
    &mut plan.cycles[last]
}

/// The answers typed so far for the review of the current cycle, kept in the plan as they are
/// typed so that a reload or a visit elsewhere loses none of them.
pub fn review_draft(plan: &Plan) -> ReviewAnswers {
    match plan.cycles.last() {
        Some(cycle) if cycle.reviewed_on.is_none() => ReviewAnswers {
            keep: cycle.keep.clone(),
            change: cycle.change.clone(),
            stop: cycle.stop.clone(),
        },
        _ => ReviewAnswers::default(),
    }
}

/// Records the review of the current cycle and acts on the decision:
/// *scale* moves the plan to `scaling` and *iterate* back to `live`, each with a new cycle and
/// review date; *stop* moves it to `stopped` and logs the reason.
pub fn complete_review(
    plan: &mut Plan,
    answers: ReviewAnswers,
    decision: Decision,
    stop_reason: &str,
    today: NaiveDate,
    new_id: &str,
) -> Result<(), ReviewError> {
    if !plan.stage.is_running() {
        return Err(ReviewError::NotRunning);
    }
    if decision == Decision::Stop && stop_reason.trim().is_empty() {
        return Err(ReviewError::NoStopReason);
    }
    let cycle = cycle_under_review(plan, today);
    cycle.reviewed_on = Some(today.max(cycle.started_on));
    cycle.keep = answers.keep;
    cycle.change = answers.change;
    cycle.stop = answers.stop;
    cycle.decision = Some(decision);

    let length = i64::from(plan.pilot.length_days);
    match decision {
        Decision::Scale | Decision::Iterate => {
            plan.stage = if decision == Decision::Scale {
                Stage::Scaling
            } else {
                Stage::Live
            };
            plan.cycles.push(Cycle::starting(today));
            plan.foundation.rhythm.review_on = Some(add_days(today, length));
        }
        Decision::Stop => {
            plan.stage = Stage::Stopped;
            plan.foundation.rhythm.review_on = None;
            plan.record(LogEntry {
                id: new_id.to_string(),
                on: today,
                kind: LogKind::Note,
                text: format!("Pilot stopped: {}", stop_reason.trim()),
                both_sponsors_present: false,
            });
        }
    }
    Ok(())
}

/// Orders a short, nearly sorted list in place, keeping equal items in their order; `after(a,
/// b)` says `a` belongs after `b`. A handful of steps: this keeps a general sort out of the
/// browser bundle.
fn insertion_order<T>(items: &mut [T], after: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && after(&items[j - 1], &items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// A new open step, created on `today`.
pub fn new_step(
    id: String,
    title: String,
    side: Side,
    owner: String,
    due: Option<NaiveDate>,
    today: NaiveDate,
) -> Step {
    Step {
        id,
        title,
        owner_side: side,
        owner_name: owner,
        created_on: today,
        due_on: due,
        done_on: None,
    }
}
