//! Launch readiness: the checklist a plan must pass before its scrappy V1 goes live (SPEC §4).
//! Each item says why it matters and where it is fixed; launch is gated on all of them.

use super::model::ScoreModel;
use super::momentum::{round_half_up, timing_confirmed};
use crate::domain::calendar::add_days;
use crate::domain::{Plan, Rating};
use chrono::NaiveDate;

/// Where in the plan an item is fixed: the wizard step (and plan section) that holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Partner,
    Timing,
    FastestJointWin,
    Foundation,
    NextSteps,
    Launch,
}

impl Section {
    /// The wizard step's heading, which is also the plan page section's heading.
    pub fn label(self) -> &'static str {
        match self {
            Section::Partner => "Partner",
            Section::Timing => "Timing",
            Section::FastestJointWin => "Fastest joint win",
            Section::Foundation => "Foundation",
            Section::NextSteps => "Next three steps",
            Section::Launch => "Launch",
        }
    }

    /// The anchor of the plan page section.
    pub fn anchor(self) -> &'static str {
        match self {
            Section::Partner => "partner",
            Section::Timing => "timing",
            Section::FastestJointWin => "pilot",
            Section::Foundation => "foundation",
            Section::NextSteps => "steps",
            Section::Launch => "pilot",
        }
    }
}

/// The items of the checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    UseCase,
    PrimaryMetric,
    StopCondition,
    SharedObjective,
    Owners,
    Sponsors,
    Rhythm,
    Timing,
    NextSteps,
    LaunchDate,
}

impl Check {
    pub const ALL: [Check; 10] = [
        Check::UseCase,
        Check::PrimaryMetric,
        Check::StopCondition,
        Check::SharedObjective,
        Check::Owners,
        Check::Sponsors,
        Check::Rhythm,
        Check::Timing,
        Check::NextSteps,
        Check::LaunchDate,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Check::UseCase => "One narrow use case",
            Check::PrimaryMetric => "A primary metric with a baseline and a target",
            Check::StopCondition => "A pre-agreed stop condition",
            Check::SharedObjective => "A shared objective with a measurable key result",
            Check::Owners => "An owner on each side",
            Check::Sponsors => "A sponsor on each side",
            Check::Rhythm => "A cadence and the next sync date",
            Check::Timing => "Timing confirmed this quarter, rated, and not poor",
            Check::NextSteps => "Three owned, dated next steps, one the partner's",
            Check::LaunchDate => "A launch date within 30 days",
        }
    }

    /// Why the item matters, in the product's voice.
    pub fn reason(self) -> &'static str {
        match self {
            Check::UseCase => "Start small: one winnable use case proves value before you scale.",
            Check::PrimaryMetric => {
                "Without a baseline and a target, nobody can say the pilot worked."
            }
            Check::StopCondition => {
                "Agreeing when to stop, before you start, keeps a weak pilot from dragging on."
            }
            Check::SharedObjective => {
                "Shared OKRs are the foundation that compounds six months from now."
            }
            Check::Owners => "Someone on each side must own the day-to-day, or nothing moves.",
            Check::Sponsors => {
                "A sponsor on each side unblocks decisions and keeps the pilot on the agenda."
            }
            Check::Rhythm => {
                "An agreed rhythm is what keeps momentum after the launch excitement fades."
            }
            Check::Timing => {
                "Timing matters more than fit: a perfect fit in the wrong quarter goes nowhere."
            }
            Check::NextSteps => {
                "Secure the next three steps before the energy dips, and make them mutual."
            }
            Check::LaunchDate => "A scrappy V1 in 30 days teaches more than 30 more slides.",
        }
    }

    pub fn section(self) -> Section {
        match self {
            Check::UseCase | Check::PrimaryMetric | Check::StopCondition => {
                Section::FastestJointWin
            }
            Check::SharedObjective | Check::Owners | Check::Sponsors | Check::Rhythm => {
                Section::Foundation
            }
            Check::Timing => Section::Timing,
            Check::NextSteps => Section::NextSteps,
            Check::LaunchDate => Section::Launch,
        }
    }
}

/// One checklist item and whether the plan passes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    pub check: Check,
    pub done: bool,
}

/// The checklist at a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Readiness {
    pub items: Vec<Item>,
}

impl Readiness {
    /// The share of items done, in percent, rounded half up.
    pub fn percent(&self) -> u8 {
        let done = self.items.iter().filter(|i| i.done).count() as f64;
        round_half_up(100.0 * done / self.items.len() as f64) as u8
    }

    /// Whether every launch gate holds.
    pub fn ready(&self) -> bool {
        self.items.iter().all(|i| i.done)
    }

    pub fn missing(&self) -> impl Iterator<Item = Check> + '_ {
        self.items.iter().filter(|i| !i.done).map(|i| i.check)
    }
}

fn filled(text: &str) -> bool {
    !text.trim().is_empty()
}

/// Whether the timing check says the time is poor: low fit or readiness, or a rebuild.
pub fn poor_timing(plan: &Plan, model: &ScoreModel) -> bool {
    let low = |rating: Option<Rating>| {
        rating.is_some_and(|r| r.get() <= model.readiness.poor_timing_at_most)
    };
    plan.timing.in_rebuild || low(plan.timing.fit) || low(plan.timing.readiness)
}

/// The readiness checklist of `plan` at `today`.
pub fn readiness(plan: &Plan, today: NaiveDate, model: &ScoreModel) -> Readiness {
    let pilot = &plan.pilot;
    let metric = &pilot.primary_metric;
    let foundation = &plan.foundation;
    let governance = &foundation.governance;
    let timing = &plan.timing;
    let (steps, partner_step) = owned_dated_open_steps(plan, today);
    let latest_launch = add_days(today, model.readiness.launch_within_days);

    let done = |check: Check| match check {
        Check::UseCase => filled(&pilot.use_case),
        Check::PrimaryMetric => {
            filled(&metric.name)
                && matches!((metric.baseline, metric.target), (Some(b), Some(t)) if b != t)
        }
        Check::StopCondition => filled(&pilot.stop_condition),
        Check::SharedObjective => {
            filled(&foundation.objective)
                && foundation
                    .key_results
                    .iter()
                    .any(|kr| filled(&kr.name) && kr.target != kr.baseline)
        }
        Check::Owners => filled(&governance.our_owner) && filled(&governance.their_owner),
        Check::Sponsors => filled(&governance.our_sponsor) && filled(&governance.their_sponsor),
        Check::Rhythm => foundation
            .rhythm
            .next_sync_on
            .is_some_and(|next| next >= today),
        Check::Timing => {
            timing_confirmed(plan, today)
                && timing.fit.is_some()
                && timing.readiness.is_some()
                && !poor_timing(plan, model)
        }
        Check::NextSteps => steps >= model.readiness.steps_needed && partner_step,
        Check::LaunchDate => pilot
            .launch_on
            .is_some_and(|launch| today <= launch && launch <= latest_launch),
    };
    Readiness {
        items: Check::ALL
            .iter()
            .map(|&check| Item {
                check,
                done: done(check),
            })
            .collect(),
    }
}

/// Open steps with an owner and a due date not in the past, and whether one is the partner's.
pub fn owned_dated_open_steps(plan: &Plan, today: NaiveDate) -> (usize, bool) {
    let mut count = 0;
    let mut partner = false;
    for step in &plan.steps {
        let open = step.done_on.is_none();
        let owned = filled(&step.owner_name);
        let dated = step.due_on.is_some_and(|due| due >= today);
        if open && owned && dated {
            count += 1;
            partner |= step.owner_side.involves_partner();
        }
    }
    (count, partner)
}
