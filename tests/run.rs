//! Running a pilot: the 30-day review state machine (scale / iterate / stop), next steps,
//! key-result check-ins and the quarterly timing re-confirmation.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use chrono::{NaiveDate, TimeZone, Utc};
use pilotdeck::domain::calendar::add_days;
use pilotdeck::domain::run::{
    complete_review, cycle_under_review, review_draft, review_state, ReviewAnswers, ReviewError,
    ReviewState,
};
use pilotdeck::domain::*;
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date")
}

fn day(offset: i64) -> NaiveDate {
    add_days(today(), offset)
}

fn step(id: &str, side: Side, due: i64) -> Step {
    Step {
        id: id.into(),
        title: format!("Step {id}"),
        owner_side: side,
        owner_name: "Maya Okafor".into(),
        created_on: day(-20),
        due_on: Some(day(due)),
        committed_on: None,
        done_on: None,
    }
}

fn key_result(name: &str) -> KeyResult {
    KeyResult {
        name: name.into(),
        baseline: 0.0,
        target: 100.0,
        current: None,
        unit: "accounts".into(),
        due_on: Some(day(10)),
        confidence: None,
        checked_on: None,
    }
}

fn cycle(started_on: NaiveDate) -> Cycle {
    Cycle::starting(started_on)
}

/// A live pilot launched 20 days ago, 30 days long, in its first (unreviewed) cycle.
fn live() -> Plan {
    let mut plan = Plan::draft(
        "Northwind — Business Flex bundle",
        Partner {
            name: "Northwind Mobile".into(),
            kind: PartnerKind::Telco,
            our_owner: "Maya Okafor".into(),
            their_champion: "Hannah Mercer".into(),
            notes: String::new(),
        },
        Utc.with_ymd_and_hms(2026, 10, 1, 9, 0, 0)
            .single()
            .expect("a time"),
    );
    plan.id = PlanId("plan-northwind".into());
    plan.stage = Stage::Live;
    plan.timing = Timing {
        their_priority: "Cut SMB churn".into(),
        how_we_fit: "Daily use keeps customers".into(),
        fit: Rating::new(4),
        readiness: Rating::new(4),
        in_rebuild: false,
        confirmed_on: Some(day(-30)),
    };
    plan.pilot.use_case = "Bundle the add-on".into();
    plan.pilot.stop_condition = "Under 30 activations in 30 days".into();
    plan.pilot.launch_on = Some(day(-20));
    plan.pilot.length_days = 30;
    plan.foundation.objective = "Prove bundles cut churn".into();
    plan.foundation.key_results = vec![key_result("Lines activated"), key_result("Salons live")];
    plan.foundation.rhythm.review_on = Some(day(10));
    plan.steps = vec![
        step("s-1", Side::Theirs, 3),
        step("s-2", Side::Ours, 5),
        step("s-3", Side::Joint, 8),
    ];
    plan.log = vec![LogEntry {
        id: "log-1".into(),
        on: day(-6),
        kind: LogKind::Sync,
        text: "Weekly sync".into(),
        both_sponsors_present: false,
        internal: false,
        step_id: None,
        owner_name: String::new(),
        resolved_on: None,
    }];
    plan.cycles = vec![cycle(day(-20))];
    assert_eq!(validate_plan(&plan), vec![], "the fixture is valid");
    plan
}

fn answers() -> ReviewAnswers {
    ReviewAnswers {
        keep: "The shared Slack channel".into(),
        change: "Move to ride-alongs".into(),
        stop: "The weekly lead email".into(),
    }
}

fn assert_valid(plan: &Plan) {
    assert_eq!(validate_plan(plan), vec![], "{} stays valid", plan.name);
}

// ---------------------------------------------------------------- review state

#[test]
fn plans_that_are_not_running_have_no_review_state() {
    for stage in [
        Stage::Exploring,
        Stage::Designing,
        Stage::Parked,
        Stage::Stopped,
    ] {
        let mut plan = live();
        plan.stage = stage;
        plan.revisit_on = Some(day(30));
        for at in [day(-40), day(0), day(10), day(200)] {
            assert_eq!(review_state(&plan, at), ReviewState::None, "{stage:?} {at}");
        }
    }
}

#[test]
fn a_running_plan_is_upcoming_before_its_review_date_and_due_on_and_after_it() {
    for stage in [Stage::Live, Stage::Reviewing, Stage::Scaling] {
        let mut plan = live();
        plan.stage = stage;
        let due = day(10); // the cycle started 20 days ago and runs 30
        assert_eq!(review_state(&plan, day(-20)), ReviewState::Upcoming(due));
        assert_eq!(review_state(&plan, day(9)), ReviewState::Upcoming(due));
        assert_eq!(review_state(&plan, day(10)), ReviewState::Due(due));
        assert_eq!(review_state(&plan, day(11)), ReviewState::Due(due));
        assert_eq!(review_state(&plan, day(400)), ReviewState::Due(due));
    }
}

#[test]
fn the_review_date_is_the_unreviewed_cycles_start_plus_the_pilot_length() {
    let mut plan = live();
    plan.cycles = vec![
        Cycle {
            reviewed_on: Some(day(-40)),
            decision: Some(Decision::Iterate),
            ..cycle(day(-75))
        },
        cycle(day(-40)),
    ];
    plan.pilot.length_days = 45;
    assert_eq!(review_state(&plan, day(4)), ReviewState::Upcoming(day(5)));
    assert_eq!(review_state(&plan, day(5)), ReviewState::Due(day(5)));
    plan.pilot.length_days = 14;
    assert_eq!(
        review_state(&plan, day(-27)),
        ReviewState::Upcoming(day(-26))
    );
    assert_eq!(review_state(&plan, day(0)), ReviewState::Due(day(-26)));
}

#[test]
fn without_cycles_the_review_date_counts_from_the_launch() {
    let mut plan = live();
    plan.cycles.clear();
    plan.pilot.launch_on = Some(day(-5));
    assert_eq!(review_state(&plan, day(24)), ReviewState::Upcoming(day(25)));
    assert_eq!(review_state(&plan, day(25)), ReviewState::Due(day(25)));
    plan.pilot.length_days = 60;
    assert_eq!(review_state(&plan, day(25)), ReviewState::Upcoming(day(55)));
}

#[test]
fn a_plan_whose_last_cycle_was_reviewed_has_nothing_to_review() {
    let mut plan = live();
    plan.cycles = vec![Cycle {
        reviewed_on: Some(day(-1)),
        decision: Some(Decision::Scale),
        ..cycle(day(-31))
    }];
    assert_eq!(review_state(&plan, day(0)), ReviewState::None);
    assert_eq!(review_state(&plan, day(100)), ReviewState::None);
}

// ---------------------------------------------------------------- completing a review

#[test]
fn scale_moves_to_scaling_closes_the_cycle_and_opens_the_next() {
    let mut plan = live();
    plan.stage = Stage::Reviewing;
    let log_before = plan.log.clone();
    assert_eq!(
        complete_review(&mut plan, answers(), Decision::Scale, "", day(10)),
        Ok(())
    );
    assert_eq!(plan.stage, Stage::Scaling);
    assert_eq!(plan.cycles.len(), 2);
    let reviewed = &plan.cycles[0];
    assert_eq!(reviewed.started_on, day(-20));
    assert_eq!(reviewed.reviewed_on, Some(day(10)));
    assert_eq!(reviewed.keep, "The shared Slack channel");
    assert_eq!(reviewed.change, "Move to ride-alongs");
    assert_eq!(reviewed.stop, "The weekly lead email");
    assert_eq!(reviewed.decision, Some(Decision::Scale));
    assert_eq!(plan.cycles[1], cycle(day(10)), "a fresh, empty cycle");
    assert_eq!(plan.foundation.rhythm.review_on, Some(day(40)));
    assert_eq!(plan.log, log_before, "scaling logs nothing");
    assert_eq!(review_state(&plan, day(10)), ReviewState::Upcoming(day(40)));
    assert_valid(&plan);
}

#[test]
fn iterate_goes_back_to_live_with_a_new_cycle_and_review_date() {
    let mut plan = live();
    plan.stage = Stage::Reviewing;
    assert_eq!(
        complete_review(&mut plan, answers(), Decision::Iterate, "", day(12)),
        Ok(())
    );
    assert_eq!(plan.stage, Stage::Live);
    assert_eq!(plan.cycles.len(), 2);
    assert_eq!(plan.cycles[0].reviewed_on, Some(day(12)));
    assert_eq!(plan.cycles[0].decision, Some(Decision::Iterate));
    assert_eq!(plan.cycles[0].keep, "The shared Slack channel");
    assert_eq!(plan.cycles[1], cycle(day(12)));
    assert_eq!(plan.foundation.rhythm.review_on, Some(day(42)));
    assert_eq!(
        review_state(&plan, day(42)),
        ReviewState::Due(day(42)),
        "the new cycle is due a pilot length later"
    );
    assert_valid(&plan);
}

#[test]
fn the_new_review_date_follows_the_pilot_length() {
    let mut plan = live();
    plan.pilot.length_days = 45;
    complete_review(&mut plan, answers(), Decision::Iterate, "", day(0)).expect("reviewed");
    assert_eq!(plan.foundation.rhythm.review_on, Some(day(45)));
    assert_eq!(review_state(&plan, day(0)), ReviewState::Upcoming(day(45)));
    assert_valid(&plan);
}

#[test]
fn stop_moves_to_stopped_and_logs_the_trimmed_reason() {
    let mut plan = live();
    let log_before = plan.log.len();
    assert_eq!(
        complete_review(
            &mut plan,
            answers(),
            Decision::Stop,
            "  Stop condition hit: 14 activations against 30.\n",
            day(10)
        ),
        Ok(())
    );
    assert_eq!(plan.stage, Stage::Stopped);
    assert_eq!(plan.cycles.len(), 1, "no new cycle after stop");
    assert_eq!(plan.cycles[0].reviewed_on, Some(day(10)));
    assert_eq!(plan.cycles[0].decision, Some(Decision::Stop));
    assert_eq!(plan.cycles[0].stop, "The weekly lead email");
    assert_eq!(plan.log.len(), log_before + 1);
    let note = plan.log.last().expect("a note");
    assert!(!note.id.is_empty(), "the note has an id of its own");
    assert_eq!(note.on, day(10));
    assert_eq!(note.kind, LogKind::Note);
    assert_eq!(
        note.text,
        "Pilot stopped: Stop condition hit: 14 activations against 30."
    );
    assert!(!note.both_sponsors_present);
    assert_eq!(plan.foundation.rhythm.review_on, None);
    assert_eq!(review_state(&plan, day(10)), ReviewState::None);
    assert_valid(&plan);
}

#[test]
fn a_plan_without_cycles_reviews_a_first_cycle_that_started_at_launch() {
    let mut plan = live();
    plan.cycles.clear();
    complete_review(&mut plan, answers(), Decision::Iterate, "", day(10)).expect("reviewed");
    assert_eq!(plan.cycles.len(), 2);
    assert_eq!(plan.cycles[0].started_on, day(-20), "the launch day");
    assert_eq!(plan.cycles[0].reviewed_on, Some(day(10)));
    assert_eq!(plan.cycles[0].decision, Some(Decision::Iterate));
    assert_eq!(plan.cycles[1], cycle(day(10)));
    assert_valid(&plan);
}

#[test]
fn iterating_twice_gives_three_cycles() {
    let mut plan = live();
    complete_review(&mut plan, answers(), Decision::Iterate, "", day(10)).expect("first review");
    let second = ReviewAnswers {
        keep: "Ride-alongs".into(),
        change: "Quote template".into(),
        stop: String::new(),
    };
    complete_review(&mut plan, second.clone(), Decision::Iterate, "", day(40))
        .expect("second review");
    assert_eq!(plan.stage, Stage::Live);
    assert_eq!(plan.cycles.len(), 3);
    assert_eq!(plan.cycles[0].started_on, day(-20));
    assert_eq!(plan.cycles[0].reviewed_on, Some(day(10)));
    assert_eq!(plan.cycles[0].keep, "The shared Slack channel");
    assert_eq!(plan.cycles[1].started_on, day(10));
    assert_eq!(plan.cycles[1].reviewed_on, Some(day(40)));
    assert_eq!(plan.cycles[1].keep, second.keep);
    assert_eq!(plan.cycles[1].change, second.change);
    assert_eq!(plan.cycles[1].decision, Some(Decision::Iterate));
    assert_eq!(plan.cycles[2], cycle(day(40)));
    assert_eq!(plan.foundation.rhythm.review_on, Some(day(70)));
    assert_eq!(review_state(&plan, day(50)), ReviewState::Upcoming(day(70)));
    assert_valid(&plan);
}

#[test]
fn only_a_running_plan_can_be_reviewed_and_a_refused_review_changes_nothing() {
    for stage in [
        Stage::Exploring,
        Stage::Designing,
        Stage::Parked,
        Stage::Stopped,
    ] {
        for decision in [Decision::Scale, Decision::Iterate, Decision::Stop] {
            let mut plan = live();
            plan.stage = stage;
            plan.revisit_on = Some(day(30));
            let before = plan.clone();
            assert_eq!(
                complete_review(&mut plan, answers(), decision, "A reason", day(10)),
                Err(ReviewError::NotRunning),
                "{stage:?} {decision:?}"
            );
            assert_eq!(plan, before, "{stage:?} {decision:?}");
        }
    }
}

#[test]
fn stopping_needs_a_reason_and_a_refused_stop_changes_nothing() {
    for reason in ["", " ", "\t\n  "] {
        let mut plan = live();
        let before = plan.clone();
        assert_eq!(
            complete_review(&mut plan, answers(), Decision::Stop, reason, day(10)),
            Err(ReviewError::NoStopReason),
            "{reason:?}"
        );
        assert_eq!(plan, before);
    }
    // The reason is only needed to stop.
    for decision in [Decision::Scale, Decision::Iterate] {
        let mut plan = live();
        assert_eq!(
            complete_review(&mut plan, answers(), decision, "  ", day(10)),
            Ok(())
        );
        assert_valid(&plan);
    }
}

#[test]
fn review_errors_read_as_sentences() {
    assert!(ReviewError::NotRunning.to_string().ends_with('.'));
    assert!(ReviewError::NoStopReason
        .to_string()
        .to_lowercase()
        .contains("reason"));
}

// ---------------------------------------------------------------- steps

#[test]
fn completing_and_reopening_a_step() {
    let mut plan = live();
    assert_eq!(plan.next_step_due().map(|s| s.id.as_str()), Some("s-1"));
    assert!(plan.complete_step("s-1", day(1)));
    assert_eq!(plan.steps[0].done_on, Some(day(1)));
    assert_eq!(plan.steps[1].done_on, None);
    assert_eq!(plan.steps[2].done_on, None);
    assert_eq!(
        plan.next_step_due().map(|s| s.id.as_str()),
        Some("s-2"),
        "a done step is no longer next"
    );
    assert_valid(&plan);
    assert!(plan.reopen_step("s-1"));
    assert_eq!(plan.steps[0].done_on, None);
    assert_eq!(plan, live(), "reopening undoes completing");
    assert_valid(&plan);
}

#[test]
fn step_operations_on_unknown_ids_do_nothing() {
    let mut plan = live();
    let before = plan.clone();
    assert!(!plan.complete_step("s-9", day(1)));
    assert!(!plan.complete_step("", day(1)));
    assert!(!plan.reopen_step("s-9"));
    assert_eq!(plan.remove_step("s-9"), None);
    assert!(plan.step_mut("S-1").is_none(), "ids are matched exactly");
    assert_eq!(plan, before);
}

#[test]
fn a_removed_step_comes_back_with_its_index_and_can_be_put_back() {
    let mut plan = live();
    let (index, removed) = plan.remove_step("s-2").expect("removed");
    assert_eq!(index, 1);
    assert_eq!(removed, step("s-2", Side::Ours, 5));
    let ids: Vec<&str> = plan.steps.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, vec!["s-1", "s-3"]);
    assert_valid(&plan);
    assert_eq!(plan.remove_step("s-2"), None, "already gone");
    plan.steps.insert(index, removed);
    assert_eq!(plan, live());
}

#[test]
fn a_new_step_is_open_created_today_and_added_last() {
    let mut plan = live();
    let mut added = Step::new(
        "Send the pricing sheet",
        Side::Theirs,
        "Hannah Mercer",
        Some(day(4)),
        today(),
    );
    assert!(!added.id.is_empty());
    assert_eq!(
        added.committed_on,
        Some(day(4)),
        "committed to its due date"
    );
    added.id = "s-4".into();
    assert_eq!(added.created_on, today());
    assert_eq!(added.done_on, None);
    assert_eq!(added.owner_side, Side::Theirs);
    assert_eq!(added.owner_name, "Hannah Mercer");
    assert_eq!(added.due_on, Some(day(4)));
    plan.add_step(added.clone());
    assert_eq!(plan.steps.len(), 4);
    assert_eq!(plan.steps[3], added);
    assert!(plan.complete_step("s-4", today()));
    assert_eq!(plan.steps[3].done_on, Some(today()));
    assert_valid(&plan);
}

// ---------------------------------------------------------------- check-ins and timing

#[test]
fn a_check_in_records_the_value_the_confidence_and_the_day() {
    let mut plan = live();
    assert!(plan.check_in(1, Some(42.5), Confidence::AtRisk, day(-1)));
    let kr = &plan.foundation.key_results[1];
    assert_eq!(kr.current, Some(42.5));
    assert_eq!(kr.confidence, Some(Confidence::AtRisk));
    assert_eq!(kr.checked_on, Some(day(-1)));
    assert_eq!(
        plan.foundation.key_results[0],
        key_result("Lines activated"),
        "the other key result is untouched"
    );
    assert_valid(&plan);

    // A later check-in replaces the earlier one, and may clear the value.
    assert!(plan.check_in(1, None, Confidence::OnTrack, day(0)));
    let kr = &plan.foundation.key_results[1];
    assert_eq!(kr.current, None);
    assert_eq!(kr.confidence, Some(Confidence::OnTrack));
    assert_eq!(kr.checked_on, Some(day(0)));
    assert_valid(&plan);
}

#[test]
fn a_check_in_for_a_missing_key_result_does_nothing() {
    let mut plan = live();
    let before = plan.clone();
    assert!(!plan.check_in(2, Some(1.0), Confidence::OnTrack, today()));
    assert!(!plan.check_in(usize::MAX, Some(1.0), Confidence::OffTrack, today()));
    plan.foundation.key_results.clear();
    assert!(!plan.check_in(0, Some(1.0), Confidence::OnTrack, today()));
    assert_eq!(
        Plan {
            foundation: before.foundation.clone(),
            ..plan
        },
        before
    );
}

#[test]
fn confirming_the_timing_sets_both_answers_and_the_date() {
    let mut plan = live();
    plan.confirm_timing(
        "Launch the 5G business tier".into(),
        "The bundle rides on the launch campaign".into(),
        today(),
    );
    assert_eq!(plan.timing.their_priority, "Launch the 5G business tier");
    assert_eq!(
        plan.timing.how_we_fit,
        "The bundle rides on the launch campaign"
    );
    assert_eq!(plan.timing.confirmed_on, Some(today()));
    let before = live().timing;
    assert_eq!(plan.timing.fit, before.fit, "the ratings are kept");
    assert_eq!(plan.timing.readiness, before.readiness);
    assert_eq!(plan.timing.in_rebuild, before.in_rebuild);
    assert_valid(&plan);
}

// ---------------------------------------------------------------- property

fn decision() -> impl Strategy<Value = Decision> {
    prop_oneof![
        Just(Decision::Scale),
        Just(Decision::Iterate),
        Just(Decision::Stop)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Any running plan takes any review decision and stays valid; only *stop* leaves no open
    /// cycle behind.
    #[test]
    fn any_review_of_a_running_plan_leaves_a_valid_plan(
        plan in support::plan().prop_filter("a running plan", |p| p.stage.is_running()),
        decision in decision(),
        reason in support::text(60).prop_filter("a reason", |r| !r.trim().is_empty()),
        keep in support::text(80),
        today in support::date(),
    ) {
        prop_assert_eq!(validate_plan(&plan), vec![]);
        let mut reviewed = plan.clone();
        let answers = ReviewAnswers { keep: keep.clone(), change: String::new(), stop: String::new() };
        prop_assert_eq!(
            complete_review(&mut reviewed, answers, decision, &reason, today),
            Ok(())
        );
        prop_assert_eq!(validate_plan(&reviewed), vec![]);
        let last = reviewed.cycles.last().expect("a cycle");
        prop_assert_eq!(last.reviewed_on.is_none(), decision != Decision::Stop);
        let closed = if decision == Decision::Stop {
            last
        } else {
            &reviewed.cycles[reviewed.cycles.len() - 2]
        };
        prop_assert_eq!(closed.decision, Some(decision));
        prop_assert_eq!(&closed.keep, &keep);
        match decision {
            Decision::Scale => prop_assert_eq!(reviewed.stage, Stage::Scaling),
            Decision::Iterate => prop_assert_eq!(reviewed.stage, Stage::Live),
            Decision::Stop => {
                prop_assert_eq!(reviewed.stage, Stage::Stopped);
                let note = reviewed.log.last().expect("the stop note");
                prop_assert_eq!(&note.text, &format!("Pilot stopped: {}", reason.trim()));
            }
        }
        if decision != Decision::Stop {
            let due = add_days(today, i64::from(reviewed.pilot.length_days));
            prop_assert_eq!(reviewed.foundation.rhythm.review_on, Some(due));
            prop_assert_eq!(review_state(&reviewed, today), ReviewState::Upcoming(due));
        }
    }
}

#[test]
fn parking_by_hand_waits_for_next_quarter_and_leaving_it_forgets_the_day() {
    let mut plan = live();
    plan.move_to(Stage::Parked, today());
    assert_eq!(plan.stage, Stage::Parked);
    assert_eq!(
        plan.revisit_on,
        NaiveDate::from_ymd_opt(2027, 1, 1),
        "the first day of the next quarter"
    );
    assert_valid(&plan);

    // A day already chosen stays when the plan is parked again.
    plan.revisit_on = Some(day(40));
    plan.move_to(Stage::Parked, today());
    assert_eq!(plan.revisit_on, Some(day(40)));

    plan.move_to(Stage::Live, today());
    assert_eq!((plan.stage, plan.revisit_on), (Stage::Live, None));
    assert_valid(&plan);
}

#[test]
fn a_parked_plan_waits_for_a_day_after_today() {
    use pilotdeck::domain::wizard::revisit_problem;
    assert_eq!(revisit_problem(day(1), today()), None);
    for past in [0, -1, -400] {
        assert_eq!(
            revisit_problem(day(past), today()),
            Some("Pick a day after today: the plan waits until then."),
            "{past} days from today"
        );
    }
}

#[test]
fn review_answers_are_kept_in_the_cycle_under_review_as_typed() {
    let mut plan = live();
    assert_eq!(review_draft(&plan), ReviewAnswers::default());
    cycle_under_review(&mut plan, today()).keep = "The weekly sync".into();
    cycle_under_review(&mut plan, today()).stop = "Manual sheets".into();
    assert_eq!(plan.cycles.len(), 1, "typing opens no second cycle");
    let draft = review_draft(&plan);
    assert_eq!(
        (draft.keep.as_str(), draft.stop.as_str()),
        ("The weekly sync", "Manual sheets")
    );
    assert_valid(&plan);

    complete_review(&mut plan, draft, Decision::Iterate, "", today()).expect("recorded");
    assert_eq!(plan.cycles[0].keep, "The weekly sync");
    assert_eq!(
        review_draft(&plan),
        ReviewAnswers::default(),
        "the new cycle starts blank"
    );

    // A plan without an open cycle gets one from its launch date when it is the first.
    let mut first = live();
    first.cycles.clear();
    cycle_under_review(&mut first, today()).change = "Fewer dealers".into();
    assert_eq!(first.cycles.len(), 1);
    assert_eq!(Some(first.cycles[0].started_on), first.pilot.launch_on);
}
