//! Moving every date in a plan by the same number of days.
//!
//! The example portfolio is written on one day and loaded on another; shifting its dates by the
//! difference makes it look the same ("launched 40 days ago") whenever it is loaded.

use super::calendar::add_days;
use super::plan::Plan;
use chrono::{DateTime, NaiveDate, TimeDelta, Utc};

fn shift_date(date: &mut NaiveDate, days: i64) {
    *date = add_days(*date, days);
}

fn shift_opt(date: &mut Option<NaiveDate>, days: i64) {
    if let Some(date) = date {
        shift_date(date, days);
    }
}

fn shift_time(time: &mut DateTime<Utc>, days: i64) {
    if let Some(moved) = TimeDelta::try_days(days).and_then(|delta| time.checked_add_signed(delta))
    {
        *time = moved;
    }
}

impl Plan {
    /// Every date and timestamp of the plan moved by `days`.
    pub fn shift_dates(&mut self, days: i64) {
        if days == 0 {
            return;
        }
        shift_time(&mut self.created_at, days);
        shift_time(&mut self.updated_at, days);
        shift_opt(&mut self.revisit_on, days);
        shift_opt(&mut self.timing.confirmed_on, days);
        shift_opt(&mut self.pilot.launch_on, days);
        for kr in &mut self.foundation.key_results {
            shift_opt(&mut kr.due_on, days);
            shift_opt(&mut kr.checked_on, days);
        }
        shift_opt(&mut self.foundation.rhythm.next_sync_on, days);
        shift_opt(&mut self.foundation.rhythm.review_on, days);
        for step in &mut self.steps {
            shift_date(&mut step.created_on, days);
            shift_opt(&mut step.due_on, days);
            shift_opt(&mut step.committed_on, days);
            shift_opt(&mut step.done_on, days);
        }
        for entry in &mut self.log {
            shift_date(&mut entry.on, days);
            shift_opt(&mut entry.resolved_on, days);
        }
        for cycle in &mut self.cycles {
            shift_date(&mut cycle.started_on, days);
            shift_opt(&mut cycle.reviewed_on, days);
        }
        if let Some(over) = &mut self.score_override {
            shift_date(&mut over.set_on, days);
        }
    }
}
