//! The trend arrow and the weekly history: the same momentum function at earlier dates.

use super::model::ScoreModel;
use super::momentum::momentum;
use crate::domain::calendar::add_days;
use crate::domain::{Band, Plan};
use chrono::NaiveDate;

/// Which way momentum moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Up,
    Flat,
    Down,
}

impl Direction {
    pub fn arrow(self) -> &'static str {
        match self {
            Direction::Up => "↑",
            Direction::Flat => "→",
            Direction::Down => "↓",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Direction::Up => "rising",
            Direction::Flat => "steady",
            Direction::Down => "falling",
        }
    }
}

/// Momentum now against the lookback date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trend {
    pub now: u8,
    pub then: u8,
    pub direction: Direction,
}

impl Trend {
    pub fn delta(&self) -> i32 {
        i32::from(self.now) - i32::from(self.then)
    }
}

/// The trend at `today`; `None` when either score is Unknown or the plan was not launched yet.
pub fn trend(plan: &Plan, today: NaiveDate, model: &ScoreModel) -> Option<Trend> {
    let then_day = add_days(today, -model.trend.lookback_days);
    if plan.pilot.launch_on.is_none_or(|launch| launch > then_day) {
        return None;
    }
    let now = momentum(plan, today, model).score?;
    let then = momentum(plan, then_day, model).score?;
    let delta = i32::from(now) - i32::from(then);
    let direction = if delta >= model.trend.threshold {
        Direction::Up
    } else if delta <= -model.trend.threshold {
        Direction::Down
    } else {
        Direction::Flat
    };
    Some(Trend {
        now,
        then,
        direction,
    })
}

/// One weekly point of the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HistoryPoint {
    pub on: NaiveDate,
    pub score: Option<u8>,
    pub band: Band,
}

/// Momentum each week for the model's number of weeks, ending today, oldest first; weeks
/// before launch are left out.
pub fn history(plan: &Plan, today: NaiveDate, model: &ScoreModel) -> Vec<HistoryPoint> {
    (0..i64::from(model.history_weeks))
        .rev()
        .map(|weeks| add_days(today, -7 * weeks))
        .filter(|day| plan.pilot.launch_on.is_some_and(|launch| launch <= *day))
        .map(|day| {
            let m = momentum(plan, day, model);
            HistoryPoint {
                on: day,
                score: m.score,
                band: m.computed_band,
            }
        })
        .collect()
}
