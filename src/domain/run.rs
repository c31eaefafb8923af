//! Running a live pilot: next steps added, completed, reopened and removed; key-result
//! check-ins; re-confirming the timing each quarter; and the 30-day review that ends each cycle
//! in scale, iterate or stop.

use super::calendar::add_days;
use super::order::insertion_order;
use super::plan::{Confidence, Cycle, Decision, LogEntry, LogKind, Plan, Stage, Step};
use super::scoring::alerts::review_due_on;
use chrono::NaiveDate;

impl Plan {
    /// Adds a next step.
    pub fn add_step(&mut self, step: Step) {
        self.steps.push(step);
    }

    /// Marks a step done on `on` (any day up to today: work done earlier can be recorded);
    /// false when there is no such step. A step done before the day it was written down was
    /// known by then, so it counts from that day.
    pub fn complete_step(&mut self, id: &str, on: NaiveDate) -> bool {
        self.step_mut(id)
            .map(|s| {
                s.done_on = Some(on);
                s.created_on = s.created_on.min(on);
            })
            .is_some()
    }

    /// Makes a done step open again.
    pub fn reopen_step(&mut self, id: &str) -> bool {
        self.step_mut(id).map(|s| s.done_on = None).is_some()
    }

    /// Removes a step; it is returned with its place so it can be put back.
    pub fn remove_step(&mut self, id: &str) -> Option<(usize, Step)> {
        let index = self.steps.iter().position(|s| s.id == id)?;
        Some((index, self.steps.remove(index)))
    }

    /// Puts a removed step back where it stood (or last), unless a step with its id is here.
    pub fn put_back_step(&mut self, index: usize, step: Step) -> bool {
        if self.steps.iter().any(|s| s.id == step.id) {
            return false;
        }
        self.steps.insert(index.min(self.steps.len()), step);
        true
    }

    /// Changes a step's due date on `today`, keeping its commitment (see [`Step::set_due`]).
    pub fn set_step_due(&mut self, id: &str, due_on: Option<NaiveDate>, today: NaiveDate) -> bool {
        self.step_mut(id)
            .map(|s| s.set_due(due_on, today))
            .is_some()
    }

    pub fn entry_mut(&mut self, id: &str) -> Option<&mut LogEntry> {
        self.log.iter_mut().find(|e| e.id == id)
    }

    /// Changes a log entry. An entry turned into a sync, or a sync moved to a later day, moves
    /// the next sync on as logging it would have.
    pub fn edit_entry(&mut self, id: &str, change: impl FnOnce(&mut LogEntry)) -> bool {
        let Some(entry) = self.entry_mut(id) else {
            return false;
        };
        change(entry);
        // A blocker is never resolved before it was logged: moving it later moves that too.
        if let Some(resolved) = entry.resolved_on.as_mut() {
            *resolved = (*resolved).max(entry.on);
        }
        let (sync, on) = (entry.kind.is_sync(), entry.on);
        if sync {
            self.sync_held(on);
        }
        true
    }

    /// Removes a log entry; it is returned with its place so it can be put back.
    pub fn remove_entry(&mut self, id: &str) -> Option<(usize, LogEntry)> {
        let index = self.log.iter().position(|e| e.id == id)?;
        Some((index, self.log.remove(index)))
    }

    /// Puts a removed entry back where it stood (or last), unless an entry with its id is here.
    pub fn put_back_entry(&mut self, index: usize, entry: LogEntry) -> bool {
        if self.log.iter().any(|e| e.id == entry.id) {
            return false;
        }
        self.log.insert(index.min(self.log.len()), entry);
        true
    }

    /// Marks a blocker cleared on `on`; false when there is no such blocker.
    pub fn resolve_blocker(&mut self, id: &str, on: NaiveDate) -> bool {
        match self.entry_mut(id) {
            Some(entry) if entry.kind == LogKind::Blocker => {
                entry.resolved_on = Some(on.max(entry.on));
                true
            }
            _ => false,
        }
    }

    /// Makes a resolved blocker open again.
    pub fn reopen_blocker(&mut self, id: &str) -> bool {
        self.entry_mut(id)
            .map(|entry| entry.resolved_on = None)
            .is_some()
    }

    /// Blockers open on `day`, oldest first.
    pub fn open_blockers(&self, day: NaiveDate) -> Vec<&LogEntry> {
        let mut open: Vec<&LogEntry> = self.log.iter().filter(|e| e.blocks_on(day)).collect();
        insertion_order(&mut open, |a, b| a.on > b.on);
        open
    }

    /// The step with this id, if it is still in the plan.
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
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
            plan.record(LogEntry::new(
                LogKind::Note,
                today,
                format!("Pilot stopped: {}", stop_reason.trim()),
            ));
        }
    }
    Ok(())
}
