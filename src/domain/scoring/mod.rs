//! Launch readiness and momentum (SPEC §4, scoring model version 2): pure functions of a plan
//! and a date, with every parameter in [`ScoreModel`].

pub mod alerts;
pub mod explain;
pub mod model;
pub mod momentum;
pub mod readiness;
pub mod trend;

pub use alerts::{alerts, Alert, AlertKind};
pub use explain::{explain, shares, Action, Explanation, Share, WhatIf};
pub use model::{ScoreModel, MODEL};
pub use momentum::{blockers, momentum, Blockers, Cap, Component, ComponentScore, Facts, Momentum};
pub use readiness::{readiness, Check, Readiness, Section};
pub use trend::{history, trend, Direction, HistoryPoint, Trend};

use crate::domain::{Plan, Stage};
use chrono::NaiveDate;

/// What a plan's card and header show: momentum for running plans, readiness for plans not yet
/// live, and nothing for stopped ones.
#[derive(Debug, Clone, PartialEq)]
pub enum Headline {
    Momentum {
        momentum: Box<Momentum>,
        trend: Option<Trend>,
    },
    Readiness(Readiness),
    Stopped,
}

pub fn headline(plan: &Plan, today: NaiveDate, model: &ScoreModel) -> Headline {
    match plan.stage {
        Stage::Live | Stage::Reviewing | Stage::Scaling => Headline::Momentum {
            momentum: Box::new(momentum(plan, today, model)),
            trend: trend(plan, today, model),
        },
        Stage::Exploring | Stage::Designing | Stage::Parked => {
            Headline::Readiness(readiness(plan, today, model))
        }
        Stage::Stopped => Headline::Stopped,
    }
}
