//! The Scrappy V1 wizard's rules: its six steps, what each step needs before moving on (with
//! a message per field), parking a plan whose timing is poor, and launching one.

use super::calendar::add_days;
use super::limits::MAX_NAME_CHARS;
use super::plan::{Cycle, Plan, Side, Stage, Step};
use super::scoring::readiness::{poor_timing, readiness, Check, Section};
use super::scoring::ScoreModel;
use chrono::NaiveDate;

/// The wizard's steps, in order (the same six sections the readiness checklist points to).
pub const STEPS: [Section; 6] = [
    Section::Partner,
    Section::Timing,
    Section::FastestJointWin,
    Section::Foundation,
    Section::NextSteps,
    Section::Launch,
];

/// The number of next steps a pilot launches with.
pub const NEXT_STEPS: usize = 3;

/// A field the wizard asks for, so a message can sit next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    PartnerName,
    OurOwner,
    TheirChampion,
    TheirPriority,
    HowWeFit,
    Fit,
    Readiness,
    UseCase,
    Segment,
    MetricName,
    MetricBaseline,
    MetricTarget,
    FastestWin,
    StopCondition,
    Objective,
    KeyResultName(usize),
    KeyResultTarget(usize),
    GovernanceOurOwner,
    GovernanceTheirOwner,
    OurSponsor,
    TheirSponsor,
    NextSync,
    StepTitle(usize),
    StepOwner(usize),
    StepDue(usize),
    /// The three steps as a whole (one must be the partner's).
    Steps,
    LaunchDate,
}

/// What is missing or wrong in a field, in words for the person filling it in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: Field,
    pub message: String,
}

fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// Everything a step still needs, field by field; empty when the step is complete.
pub fn step_problems(
    plan: &Plan,
    step: Section,
    today: NaiveDate,
    model: &ScoreModel,
) -> Vec<FieldProblem> {
    let mut problems = Vec::new();
    let mut need = |missing: bool, field: Field, message: &str| {
        if missing {
            problems.push(FieldProblem {
                field,
                message: message.to_string(),
            });
        }
    };
    match step {
        Section::Partner => {
            let partner = &plan.partner;
            need(
                blank(&partner.name),
                Field::PartnerName,
                "Name the partner.",
            );
            need(
                blank(&partner.our_owner),
                Field::OurOwner,
                "Who on our side owns this partnership?",
            );
            need(
                blank(&partner.their_champion),
                Field::TheirChampion,
                "Who champions it on their side?",
            );
        }
        Section::Timing => {
            let timing = &plan.timing;
            need(
                blank(&timing.their_priority),
                Field::TheirPriority,
                "Write down what their leadership is focused on this quarter.",
            );
            need(
                blank(&timing.how_we_fit),
                Field::HowWeFit,
                "Say how this partnership fits into that picture.",
            );
            need(
                timing.fit.is_none(),
                Field::Fit,
                "Rate the fit from 1 to 5.",
            );
            need(
                timing.readiness.is_none(),
                Field::Readiness,
                "Rate whether now is the right time, from 1 to 5.",
            );
        }
        Section::FastestJointWin => {
            let pilot = &plan.pilot;
            let metric = &pilot.primary_metric;
            need(
                blank(&pilot.use_case),
                Field::UseCase,
                "Pick one narrow use case.",
            );
            need(
                blank(&pilot.segment),
                Field::Segment,
                "Which customers or region does the pilot cover?",
            );
            need(
                blank(&metric.name),
                Field::MetricName,
                "Name the one metric that says it worked.",
            );
            need(
                metric.baseline.is_none(),
                Field::MetricBaseline,
                "Where does the metric stand today?",
            );
            need(
                metric.target.is_none(),
                Field::MetricTarget,
                "What number would prove it?",
            );
            need(
                metric.baseline.is_some() && metric.baseline == metric.target,
                Field::MetricTarget,
                "The target must differ from the baseline.",
            );
            need(
                blank(&pilot.fastest_joint_win),
                Field::FastestWin,
                "What's the fastest joint win you can deliver together?",
            );
            need(
                blank(&pilot.stop_condition),
                Field::StopCondition,
                "Agree now when you would stop.",
            );
        }
        Section::Foundation => {
            let foundation = &plan.foundation;
            let governance = &foundation.governance;
            need(
                blank(&foundation.objective),
                Field::Objective,
                "Write the objective both sides share, in one sentence.",
            );
            if foundation.key_results.is_empty() {
                need(
                    true,
                    Field::KeyResultName(0),
                    "Add at least one measurable key result.",
                );
            }
            for (i, kr) in foundation.key_results.iter().enumerate() {
                need(
                    blank(&kr.name),
                    Field::KeyResultName(i),
                    "Name the key result.",
                );
                need(
                    kr.target == kr.baseline,
                    Field::KeyResultTarget(i),
                    "The target must differ from the baseline.",
                );
            }
            need(
                blank(&governance.our_owner),
                Field::GovernanceOurOwner,
                "Name our owner.",
            );
            need(
                blank(&governance.their_owner),
                Field::GovernanceTheirOwner,
                "Name their owner.",
            );
            need(
                blank(&governance.our_sponsor),
                Field::OurSponsor,
                "Name our sponsor.",
            );
            need(
                blank(&governance.their_sponsor),
                Field::TheirSponsor,
                "Name their sponsor.",
            );
            match foundation.rhythm.next_sync_on {
                None => need(true, Field::NextSync, "Put the next sync in the calendar."),
                Some(on) => need(
                    on < today,
                    Field::NextSync,
                    "The next sync can't be in the past.",
                ),
            }
        }
        Section::NextSteps => {
            let slots = next_step_slots(plan);
            for i in 0..NEXT_STEPS {
                match slots.get(i).map(|&index| &plan.steps[index]) {
                    None => need(true, Field::StepTitle(i), "Describe this step."),
                    Some(step) => {
                        need(
                            blank(&step.title),
                            Field::StepTitle(i),
                            "Describe this step.",
                        );
                        need(
                            blank(&step.owner_name),
                            Field::StepOwner(i),
                            "Who owns it, by name?",
                        );
                        match step.due_on {
                            None => need(true, Field::StepDue(i), "When is it due?"),
                            Some(due) => need(
                                due < today,
                                Field::StepDue(i),
                                "The due date is in the past.",
                            ),
                        }
                    }
                }
            }
            let mutual = slots
                .iter()
                .any(|&index| plan.steps[index].owner_side.involves_partner());
            need(
                !mutual,
                Field::Steps,
                "At least one step must be owned by the partner, or jointly.",
            );
        }
        Section::Launch => {
            if let Some(message) =
                launch_date_problem(plan.pilot.launch_on, today, model, LaunchKind::New)
            {
                need(true, Field::LaunchDate, &message);
            }
        }
    }
    problems
}

/// Where the wizard's "next three steps" are in the plan: the first three steps still open
/// (steps already done stay in the plan's history).
pub fn next_step_slots(plan: &Plan) -> Vec<usize> {
    plan.steps
        .iter()
        .enumerate()
        .filter(|(_, step)| step.done_on.is_none())
        .map(|(index, _)| index)
        .take(NEXT_STEPS)
        .collect()
}

/// The side the wizard's next step `slot` (0-based) is owned by until someone picks one: ours,
/// but the last is the partner's, since one of the three must involve them.
pub fn slot_side(slot: usize) -> Side {
    if slot + 1 >= NEXT_STEPS {
        Side::Theirs
    } else {
        Side::Ours
    }
}

/// Where the wizard's next step `slot` is in the plan, adding blank steps made on `today` up to
/// it when they are not there yet (the wizard adds a step on its first edit).
pub fn next_step_slot(plan: &mut Plan, slot: usize, today: NaiveDate) -> usize {
    let slot = slot.min(NEXT_STEPS - 1);
    loop {
        let slots = next_step_slots(plan);
        if let Some(&index) = slots.get(slot) {
            return index;
        }
        plan.steps
            .push(Step::new("", slot_side(slots.len()), "", None, today));
    }
}

/// The first step with something missing: where "Continue" resumes a draft.
pub fn first_incomplete(plan: &Plan, today: NaiveDate, model: &ScoreModel) -> Section {
    STEPS
        .into_iter()
        .find(|step| !step_problems(plan, *step, today, model).is_empty())
        .unwrap_or(Section::Launch)
}

/// Whether the timing step should offer parking instead of pressing on.
pub fn should_offer_parking(plan: &Plan, model: &ScoreModel) -> bool {
    poor_timing(plan, model)
}

/// What is wrong with parking a plan until `revisit_on`: parking waits for the timing to
/// change, so a day already here or gone is no such wait.
pub fn revisit_problem(revisit_on: NaiveDate, today: NaiveDate) -> Option<&'static str> {
    (revisit_on <= today).then_some("Pick a day after today: the plan waits until then.")
}

/// Parks a draft until `revisit_on`: the timing is wrong, the plan is kept.
pub fn park(plan: &mut Plan, revisit_on: NaiveDate) {
    plan.stage = Stage::Parked;
    plan.revisit_on = Some(revisit_on);
}

/// How far back a pilot that is already running may have launched.
pub const LAUNCHED_ALREADY_WITHIN_DAYS: i64 = 365;

/// Whether the wizard launches a new pilot, or records one that is already running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LaunchKind {
    /// A scrappy V1 that launches within the next 30 days.
    #[default]
    New,
    /// A pilot that launched already, up to a year ago: the wizard records it as it is.
    Already,
}

/// What is wrong with a launch date, said at the field: a new launch is today or within 30
/// days; a pilot already running launched today or in the last year.
pub fn launch_date_problem(
    launch_on: Option<NaiveDate>,
    today: NaiveDate,
    model: &ScoreModel,
    kind: LaunchKind,
) -> Option<String> {
    let within = model.readiness.launch_within_days;
    match (kind, launch_on) {
        (LaunchKind::New, None) => Some("Pick the launch date.".into()),
        (LaunchKind::Already, None) => Some("When did the pilot launch?".into()),
        (LaunchKind::New, Some(on)) if on < today => Some(
            "The launch date is in the past. If the pilot is already running, tick “Launched already”."
                .into(),
        ),
        (LaunchKind::New, Some(on)) if on > add_days(today, within) => Some(format!(
            "Launch within {within} days: a scrappy V1 beats a perfect plan."
        )),
        (LaunchKind::Already, Some(on)) if on > today => Some(
            "A pilot already running launched today or earlier. For a launch to come, untick “Launched already”."
                .into(),
        ),
        (LaunchKind::Already, Some(on)) if on < add_days(today, -LAUNCHED_ALREADY_WITHIN_DAYS) => {
            Some("Record a pilot that launched in the last year; an older one is best started afresh.".into())
        }
        _ => None,
    }
}

/// What still keeps a plan from launching as `kind`: the readiness checklist's missing items
/// (for a pilot already running, every item but the new-launch date), then the launch date's
/// own problem.
pub fn launch_blockers(
    plan: &Plan,
    today: NaiveDate,
    model: &ScoreModel,
    kind: LaunchKind,
) -> Vec<String> {
    let checklist = readiness(plan, today, model);
    let mut missing: Vec<String> = checklist
        .missing()
        .filter(|check| kind == LaunchKind::New || *check != Check::LaunchDate)
        .map(|check| check.label().to_string())
        .collect();
    if kind == LaunchKind::Already {
        if let Some(problem) = launch_date_problem(plan.pilot.launch_on, today, model, kind) {
            missing.push(problem);
        }
    }
    missing
}

/// Why a plan cannot launch yet, or `Ok` after launching it: stage live, the launch date and
/// review date set, and the first 30-day cycle started (on the launch date, so a pilot already
/// running has its review where it belongs).
pub fn launch(
    plan: &mut Plan,
    today: NaiveDate,
    model: &ScoreModel,
    kind: LaunchKind,
) -> Result<(), Vec<String>> {
    let missing = launch_blockers(plan, today, model, kind);
    if !missing.is_empty() {
        return Err(missing);
    }
    let launch_on = plan.pilot.launch_on.unwrap_or(today);
    plan.stage = Stage::Live;
    plan.revisit_on = None;
    plan.foundation.rhythm.review_on = Some(add_days(launch_on, i64::from(plan.pilot.length_days)));
    plan.cycles.push(Cycle::starting(launch_on));
    Ok(())
}

/// Fills the foundation's owners from the people named on the partner step, where they are
/// still blank: our owner is ours again, and their champion is the likely owner on their side.
/// True when it filled something.
pub fn carry_owners(plan: &mut Plan) -> bool {
    let partner = &plan.partner;
    let governance = &mut plan.foundation.governance;
    let mut filled = false;
    for (owner, named) in [
        (&mut governance.our_owner, &partner.our_owner),
        (&mut governance.their_owner, &partner.their_champion),
    ] {
        if owner.trim().is_empty() && !named.trim().is_empty() {
            *owner = named.trim().to_string();
            filled = true;
        }
    }
    filled
}

/// The name a draft carries until the user names it: the partner and the use case, within a
/// name's length however long the partner's name is.
pub fn draft_name(plan: &Plan) -> String {
    let partner = plan.partner.name.trim();
    let use_case = plan.pilot.use_case.trim();
    let name = match (partner.is_empty(), use_case.is_empty()) {
        (true, _) => return "Untitled pilot".to_string(),
        (false, true) => format!("{partner} pilot"),
        (false, false) => {
            // Cut between words, with an ellipsis: never "…free for 6 months into the".
            let short = super::written::cut_at_word(use_case, 60);
            format!("{partner} — {short}")
        }
    };
    name.chars().take(MAX_NAME_CHARS).collect()
}
