//! The wizard's rules: what each step needs before moving on, parking, and launching.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{NaiveDate, TimeZone, Utc};
use pilotdeck::domain::limits::MAX_NAME_CHARS;
use pilotdeck::domain::scoring::{readiness, Section, MODEL};
use pilotdeck::domain::wizard::{
    carry_owners, draft_name, first_incomplete, launch, launch_date_problem, park,
    should_offer_parking, step_problems, Field, LaunchKind, STEPS,
};
use pilotdeck::domain::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date")
}

fn day(offset: i64) -> NaiveDate {
    pilotdeck::domain::calendar::add_days(today(), offset)
}

fn empty() -> Plan {
    Plan::draft(
        "Untitled pilot",
        Partner {
            name: String::new(),
            kind: PartnerKind::Telco,
            our_owner: String::new(),
            their_champion: String::new(),
            notes: String::new(),
        },
        Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0)
            .single()
            .expect("a time"),
    )
}

fn step(title: &str, owner: &str, side: Side, due: i64) -> Step {
    Step {
        id: format!("s-{}", title.len() * 31 + due as usize),
        title: title.into(),
        owner_side: side,
        owner_name: owner.into(),
        created_on: today(),
        due_on: Some(day(due)),
        committed_on: None,
        done_on: None,
    }
}

/// A draft with every wizard answer filled in and every launch gate holding.
fn complete() -> Plan {
    let mut plan = empty();
    plan.partner.name = "Northwind Mobile".into();
    plan.partner.our_owner = "Maya Okafor".into();
    plan.partner.their_champion = "Hannah Mercer".into();
    plan.timing = Timing {
        their_priority: "Cut SMB churn".into(),
        how_we_fit: "Daily use".into(),
        fit: Rating::new(5),
        readiness: Rating::new(4),
        in_rebuild: false,
        confirmed_on: Some(today()),
    };
    plan.pilot.use_case = "Bundle the add-on".into();
    plan.pilot.segment = "Salons in the North-West".into();
    plan.pilot.primary_metric = Metric {
        name: "Activated accounts".into(),
        baseline: Some(0.0),
        target: Some(120.0),
        unit: "accounts".into(),
    };
    plan.pilot.fastest_joint_win = "25 salons in two weeks".into();
    plan.pilot.stop_condition = "Under 30 activations in 30 days".into();
    plan.pilot.launch_on = Some(day(5));
    plan.foundation.objective = "Prove bundles cut churn".into();
    plan.foundation.key_results = vec![KeyResult {
        name: "Bundled lines activated".into(),
        baseline: 0.0,
        target: 120.0,
        current: None,
        unit: "accounts".into(),
        due_on: None,
        confidence: None,
        checked_on: None,
    }];
    plan.foundation.governance = Governance {
        our_owner: "Maya".into(),
        their_owner: "Hannah".into(),
        our_sponsor: "Gareth".into(),
        their_sponsor: "Priya".into(),
        decision_rule: String::new(),
        escalation: String::new(),
    };
    plan.foundation.rhythm.next_sync_on = Some(day(7));
    plan.steps = vec![
        step("Whitelist sender", "Ravi", Side::Theirs, 5),
        step("Script", "Maya", Side::Ours, 7),
        step("Training", "Hannah", Side::Joint, 10),
    ];
    plan
}

fn fields(plan: &Plan, section: Section) -> Vec<Field> {
    step_problems(plan, section, today(), &MODEL)
        .into_iter()
        .map(|p| p.field)
        .collect()
}

#[test]
fn a_complete_draft_passes_every_step_and_every_gate() {
    let plan = complete();
    for section in STEPS {
        assert_eq!(fields(&plan, section), vec![], "{section:?}");
    }
    assert!(readiness(&plan, today(), &MODEL).ready());
    assert_eq!(first_incomplete(&plan, today(), &MODEL), Section::Launch);
}

#[test]
fn an_empty_draft_names_every_missing_field_of_each_step() {
    let plan = empty();
    assert_eq!(
        fields(&plan, Section::Partner),
        vec![Field::PartnerName, Field::OurOwner, Field::TheirChampion]
    );
    assert_eq!(
        fields(&plan, Section::Timing),
        vec![
            Field::TheirPriority,
            Field::HowWeFit,
            Field::Fit,
            Field::Readiness
        ]
    );
    assert_eq!(
        fields(&plan, Section::FastestJointWin),
        vec![
            Field::UseCase,
            Field::Segment,
            Field::MetricName,
            Field::MetricBaseline,
            Field::MetricTarget,
            Field::FastestWin,
            Field::StopCondition
        ]
    );
    let foundation = fields(&plan, Section::Foundation);
    assert!(foundation.contains(&Field::Objective));
    assert!(foundation.contains(&Field::KeyResultName(0)));
    assert!(foundation.contains(&Field::NextSync));
    let steps = fields(&plan, Section::NextSteps);
    for i in 0..3 {
        assert!(steps.contains(&Field::StepTitle(i)), "{steps:?}");
    }
    assert!(steps.contains(&Field::Steps));
    assert_eq!(fields(&plan, Section::Launch), vec![Field::LaunchDate]);
    assert_eq!(first_incomplete(&plan, today(), &MODEL), Section::Partner);
}

#[test]
fn blank_text_counts_as_missing() {
    let mut plan = complete();
    plan.partner.our_owner = "   ".into();
    assert_eq!(fields(&plan, Section::Partner), vec![Field::OurOwner]);
}

#[test]
fn a_metric_target_equal_to_its_baseline_is_refused() {
    let mut plan = complete();
    plan.pilot.primary_metric.target = Some(0.0);
    assert_eq!(
        fields(&plan, Section::FastestJointWin),
        vec![Field::MetricTarget]
    );
    plan.foundation.key_results[0].target = 0.0;
    assert_eq!(
        fields(&plan, Section::Foundation),
        vec![Field::KeyResultTarget(0)]
    );
}

#[test]
fn dates_in_the_past_are_refused_and_launch_must_be_within_30_days() {
    let mut plan = complete();
    plan.foundation.rhythm.next_sync_on = Some(day(-1));
    assert_eq!(fields(&plan, Section::Foundation), vec![Field::NextSync]);
    plan.steps[1].due_on = Some(day(-2));
    assert_eq!(fields(&plan, Section::NextSteps), vec![Field::StepDue(1)]);
    for (offset, ok) in [(-1, false), (0, true), (30, true), (31, false)] {
        plan.pilot.launch_on = Some(day(offset));
        assert_eq!(
            fields(&plan, Section::Launch).is_empty(),
            ok,
            "launch in {offset} days"
        );
    }
}

#[test]
fn next_steps_need_three_owned_dated_steps_one_the_partners() {
    let mut plan = complete();
    plan.steps.truncate(2);
    assert_eq!(fields(&plan, Section::NextSteps), vec![Field::StepTitle(2)]);
    assert!(!readiness(&plan, today(), &MODEL).ready());
    let mut plan = complete();
    for s in &mut plan.steps {
        s.owner_side = Side::Ours;
    }
    assert_eq!(fields(&plan, Section::NextSteps), vec![Field::Steps]);
    assert!(launch(&mut plan.clone(), today(), &MODEL, LaunchKind::New).is_err());
    plan.steps[2].owner_side = Side::Joint;
    assert_eq!(fields(&plan, Section::NextSteps), vec![]);
    plan.steps[0].owner_name = String::new();
    assert_eq!(fields(&plan, Section::NextSteps), vec![Field::StepOwner(0)]);
}

#[test]
fn launching_sets_the_stage_the_review_date_and_the_first_cycle() {
    let mut plan = complete();
    assert_eq!(launch(&mut plan, today(), &MODEL, LaunchKind::New), Ok(()));
    assert_eq!(plan.stage, Stage::Live);
    assert_eq!(plan.pilot.launch_on, Some(day(5)));
    assert_eq!(plan.foundation.rhythm.review_on, Some(day(35)));
    assert_eq!(plan.cycles.len(), 1);
    assert_eq!(plan.cycles[0].started_on, day(5));
    assert_eq!(plan.cycles[0].decision, None);
    assert_eq!(validate_plan(&plan), vec![]);
}

#[test]
fn launch_is_refused_with_the_reasons_while_a_gate_is_open() {
    let mut plan = complete();
    plan.timing.in_rebuild = true;
    plan.foundation.governance.their_sponsor = String::new();
    let before = plan.clone();
    let reasons = launch(&mut plan, today(), &MODEL, LaunchKind::New).expect_err("not ready");
    assert_eq!(
        reasons,
        vec![
            "A sponsor on each side".to_string(),
            "Timing confirmed this quarter, rated, and not poor".to_string()
        ]
    );
    assert_eq!(plan, before, "nothing changes when launch is refused");
}

#[test]
fn a_past_launch_date_says_at_the_field_how_to_record_a_pilot_already_running() {
    let message = launch_date_problem(Some(day(-21)), today(), &MODEL, LaunchKind::New)
        .expect("a new launch cannot be in the past");
    assert!(message.contains("Launched already"), "{message}");
    let mut plan = complete();
    plan.pilot.launch_on = Some(day(-21));
    let problems = step_problems(&plan, Section::Launch, today(), &MODEL);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].field, Field::LaunchDate);
    assert_eq!(problems[0].message, message);
}

#[test]
fn a_pilot_already_running_launched_today_or_in_the_last_year() {
    for (offset, ok) in [
        (1, false),
        (0, true),
        (-21, true),
        (-365, true),
        (-366, false),
    ] {
        assert_eq!(
            launch_date_problem(Some(day(offset)), today(), &MODEL, LaunchKind::Already).is_none(),
            ok,
            "launched {offset} days from today"
        );
    }
    assert!(launch_date_problem(None, today(), &MODEL, LaunchKind::Already).is_some());
}

#[test]
fn recording_a_pilot_already_running_keeps_its_launch_date_and_review() {
    let mut plan = complete();
    plan.pilot.launch_on = Some(day(-21));
    let before = plan.clone();
    // As a new launch, three weeks back is refused: the 30-day rule is not weakened.
    let reasons = launch(&mut plan, today(), &MODEL, LaunchKind::New).expect_err("refused");
    assert_eq!(reasons, vec!["A launch date within 30 days".to_string()]);
    assert_eq!(plan, before);

    assert_eq!(
        launch(&mut plan, today(), &MODEL, LaunchKind::Already),
        Ok(())
    );
    assert_eq!(plan.stage, Stage::Live);
    assert_eq!(plan.pilot.launch_on, Some(day(-21)));
    assert_eq!(plan.cycles[0].started_on, day(-21));
    assert_eq!(plan.foundation.rhythm.review_on, Some(day(9)));
    assert_eq!(validate_plan(&plan), vec![]);

    // Every other gate still holds for a pilot already running.
    let mut plan = before.clone();
    plan.foundation.governance.their_sponsor = String::new();
    assert_eq!(
        launch(&mut plan, today(), &MODEL, LaunchKind::Already),
        Err(vec!["A sponsor on each side".to_string()])
    );
    let mut plan = before;
    plan.pilot.launch_on = Some(day(-400));
    let reasons = launch(&mut plan, today(), &MODEL, LaunchKind::Already).expect_err("too old");
    assert!(reasons[0].contains("last year"), "{reasons:?}");
}

#[test]
fn poor_timing_offers_parking_and_parking_keeps_the_draft() {
    let mut plan = complete();
    assert!(!should_offer_parking(&plan, &MODEL));
    for (fit, readiness_rating, rebuild) in [(2, 4, false), (4, 2, false), (5, 5, true)] {
        plan.timing.fit = Rating::new(fit);
        plan.timing.readiness = Rating::new(readiness_rating);
        plan.timing.in_rebuild = rebuild;
        assert!(
            should_offer_parking(&plan, &MODEL),
            "{fit} {readiness_rating} {rebuild}"
        );
    }
    let answers = plan.clone();
    park(&mut plan, day(40));
    assert_eq!(plan.stage, Stage::Parked);
    assert_eq!(plan.revisit_on, Some(day(40)));
    assert_eq!(plan.pilot, answers.pilot);
    assert_eq!(plan.foundation, answers.foundation);
    assert_eq!(validate_plan(&plan), vec![]);
}

#[test]
fn a_draft_is_named_after_its_partner_and_use_case_and_valid_while_empty() {
    let mut plan = empty();
    assert_eq!(draft_name(&plan), "Untitled pilot");
    assert_eq!(validate_plan(&plan), vec![], "an empty draft can be stored");
    plan.partner.name = "Northwind".into();
    assert_eq!(draft_name(&plan), "Northwind pilot");
    plan.pilot.use_case = "Bundle the add-on".into();
    assert_eq!(draft_name(&plan), "Northwind — Bundle the add-on");
    // A long use case is cut between words, with an ellipsis.
    plan.pilot.use_case =
        "New SMB lines get our booking add-on free for 6 months into the spring season".into();
    assert_eq!(
        draft_name(&plan),
        "Northwind — New SMB lines get our booking add-on free for 6 months into…"
    );
}

#[test]
fn a_draft_name_stays_within_a_names_length_however_long_the_partners_name() {
    let mut plan = Plan::draft(
        "Untitled pilot",
        Partner {
            name: "P".repeat(MAX_NAME_CHARS),
            kind: PartnerKind::Telco,
            our_owner: String::new(),
            their_champion: String::new(),
            notes: String::new(),
        },
        Utc::now(),
    );
    for use_case in ["", "Bundle the add-on with every new line"] {
        plan.pilot.use_case = use_case.into();
        plan.name = draft_name(&plan);
        assert_eq!(plan.name.chars().count(), MAX_NAME_CHARS);
        assert!(plan.name.starts_with("PPP"));
        assert_eq!(validate_plan(&plan), vec![]);
    }
}

#[test]
fn the_owners_named_on_the_partner_step_carry_into_the_foundation_once() {
    let mut plan = empty();
    assert!(!carry_owners(&mut plan), "nothing named, nothing carried");
    plan.partner.our_owner = " Maya Okafor ".into();
    plan.partner.their_champion = "Hannah Mercer".into();
    assert!(carry_owners(&mut plan));
    assert_eq!(plan.foundation.governance.our_owner, "Maya Okafor");
    assert_eq!(plan.foundation.governance.their_owner, "Hannah Mercer");
    // What the user typed there is never replaced.
    plan.foundation.governance.their_owner = "Gareth Lowe".into();
    assert!(!carry_owners(&mut plan));
    assert_eq!(plan.foundation.governance.their_owner, "Gareth Lowe");
}

#[test]
fn a_next_step_slot_is_added_on_first_edit_with_the_last_one_the_partners() {
    use pilotdeck::domain::wizard::{next_step_slot, next_step_slots, slot_side};
    let mut plan = empty();
    // Editing the third slot first adds the two before it, ours, and the third, theirs.
    assert_eq!(next_step_slot(&mut plan, 2, today()), 2);
    let sides: Vec<Side> = plan.steps.iter().map(|s| s.owner_side).collect();
    assert_eq!(sides, vec![Side::Ours, Side::Ours, Side::Theirs]);
    assert_eq!(sides, (0..3).map(slot_side).collect::<Vec<_>>());
    assert!(plan
        .steps
        .iter()
        .all(|s| s.title.is_empty() && s.created_on == today()));
    // A slot already there is found, not added again; a step done leaves the slots.
    assert_eq!(next_step_slot(&mut plan, 0, today()), 0);
    plan.steps[0].done_on = Some(today());
    assert_eq!(next_step_slots(&plan), vec![1, 2]);
    assert_eq!(next_step_slot(&mut plan, 2, today()), 3);
    assert_eq!(plan.steps.len(), 4);
}

#[test]
fn a_key_result_added_by_hand_keeps_the_plan_saveable_and_stops_at_three() {
    let mut plan = empty();
    plan.name = "Northwind pilot".into();
    for _ in 0..3 {
        assert!(plan.foundation.add_key_result());
    }
    assert!(!plan.foundation.add_key_result(), "three at most");
    assert_eq!(plan.foundation.key_results.len(), 3);
    let added = &plan.foundation.key_results[0];
    assert_ne!(added.target, added.baseline);
    assert_eq!(validate_plan(&plan), vec![]);
    plan.foundation.remove_key_result(5);
    plan.foundation.remove_key_result(0);
    assert_eq!(plan.foundation.key_results.len(), 2);
}
