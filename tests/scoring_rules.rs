#![cfg(not(target_arch = "wasm32"))]
//! Every rule and boundary of SPEC §4 (scoring model version 2), one small plan at a time.
//!
//! Each expected number is worked out by hand from the spec's text (the arithmetic is in the
//! comment next to it), never by asking the code under test. `c` is the cadence in days.
//! Where a number of version 1 changed in version 2, the comment says what it was and why.
//! Unless a test says otherwise, "today" is Wed 20 May 2026 (Q2: 1 Apr – 30 Jun), written `T`,
//! and `T−n` is n days earlier.

use chrono::{NaiveDate, TimeDelta, TimeZone, Utc};
use pilotdeck::domain::scoring::momentum::{band_of, round_half_up, timing_confirmed};
use pilotdeck::domain::scoring::readiness::poor_timing;
use pilotdeck::domain::scoring::{
    alerts, explain, history, momentum, readiness, trend, Action, AlertKind, Cap, Check, Component,
    Direction, Momentum, MODEL,
};
use pilotdeck::domain::*;

// ---------------------------------------------------------------------------------------------
// Plans built by hand
// ---------------------------------------------------------------------------------------------

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

/// Today in most tests: 20 May 2026, in Q2.
fn today() -> NaiveDate {
    date(2026, 5, 20)
}

/// `T + days` (negative: earlier).
fn at(days: i64) -> NaiveDate {
    today() + TimeDelta::days(days)
}

fn partner() -> Partner {
    Partner {
        name: "Northwind".into(),
        kind: PartnerKind::Reseller,
        our_owner: "Ana".into(),
        their_champion: "Ben".into(),
        notes: String::new(),
    }
}

/// A draft with nothing filled in, created at `created` days from T.
fn draft(created: i64) -> Plan {
    let day = at(created);
    let created_at = Utc
        .with_ymd_and_hms(
            chrono::Datelike::year(&day),
            chrono::Datelike::month(&day),
            chrono::Datelike::day(&day),
            9,
            0,
            0,
        )
        .single()
        .expect("a valid timestamp");
    Plan::draft("Pilot with Northwind", partner(), created_at)
}

/// A live plan launched at `T + launch` with cadence `cadence`, timing confirmed today, and
/// nothing else: no log, no steps, no key results.
fn live(launch: i64, cadence: Cadence) -> Plan {
    let mut plan = draft(-300);
    plan.stage = Stage::Live;
    plan.pilot.launch_on = Some(at(launch));
    plan.foundation.rhythm.cadence_days = cadence;
    plan.timing.confirmed_on = Some(today());
    plan
}

fn log(plan: &mut Plan, kind: LogKind, on: i64) {
    let id = format!("log-{}", plan.log.len());
    plan.log.push(LogEntry {
        id,
        on: at(on),
        kind,
        text: String::new(),
        both_sponsors_present: kind == LogKind::ExecSync,
        internal: false,
        step_id: None,
        owner_name: String::new(),
        resolved_on: None,
    });
}

fn owner_of(side: Side) -> &'static str {
    match side {
        Side::Ours => "Ana",
        Side::Theirs => "Ben",
        Side::Joint => "Ana and Ben",
    }
}

/// Adds a blocker logged at `T + on`, resolved at `T + resolved` if given; returns its id.
fn blocker(plan: &mut Plan, on: i64, resolved: Option<i64>) -> String {
    let id = format!("log-{}", plan.log.len());
    let mut entry = LogEntry::with_id(id.clone(), LogKind::Blocker, at(on), "Waiting on their IT");
    entry.owner_name = "Ben".into();
    entry.resolved_on = resolved.map(at);
    plan.log.push(entry);
    id
}

/// Adds a step created at `T + created`, and returns its id.
fn step_full(
    plan: &mut Plan,
    side: Side,
    owner: &str,
    created: i64,
    due: Option<i64>,
    done: Option<i64>,
) -> String {
    let id = format!("step-{}", plan.steps.len());
    plan.steps.push(Step {
        id: id.clone(),
        title: format!("Step {}", plan.steps.len()),
        owner_side: side,
        owner_name: owner.into(),
        created_on: at(created),
        due_on: due.map(at),
        committed_on: None,
        done_on: done.map(at),
    });
    id
}

/// An open step owned on `side`, due at `T + due`, created long ago.
fn open_step(plan: &mut Plan, side: Side, due: i64) -> String {
    step_full(plan, side, owner_of(side), -200, Some(due), None)
}

/// A step of ours due at `T + due` and done at `T + done`, created long ago.
fn done_step(plan: &mut Plan, due: i64, done: i64) -> String {
    step_full(plan, Side::Ours, "Ana", -200, Some(due), Some(done))
}

fn kr(
    baseline: f64,
    target: f64,
    current: Option<f64>,
    due: Option<i64>,
    confidence: Option<Confidence>,
    checked: Option<i64>,
) -> KeyResult {
    KeyResult {
        name: "Joint customers live".into(),
        baseline,
        target,
        current,
        unit: String::new(),
        due_on: due.map(at),
        confidence,
        checked_on: checked.map(at),
    }
}

/// A fully healthy running plan, score 100:
/// c = 14, launched T−40, exec sync T−2 (Rhythm 100), one step due T−5 done T−6 (Follow-through
/// 100), three open steps due T+5 ours, T+10 theirs, T+15 joint (Commitments 100), one key result
/// at target checked in today on track (Outcomes 100), a win today (Energy 100), timing confirmed.
fn moving() -> Plan {
    let mut plan = live(-40, Cadence::Fortnightly);
    log(&mut plan, LogKind::ExecSync, -2);
    log(&mut plan, LogKind::Win, 0);
    done_step(&mut plan, -5, -6);
    open_step(&mut plan, Side::Ours, 5);
    open_step(&mut plan, Side::Theirs, 10);
    open_step(&mut plan, Side::Joint, 15);
    plan.foundation.key_results.push(kr(
        0.0,
        100.0,
        Some(100.0),
        None,
        Some(Confidence::OnTrack),
        Some(0),
    ));
    plan
}

fn score_at(plan: &Plan, day: NaiveDate) -> Momentum {
    momentum(plan, day, &MODEL)
}

fn score(plan: &Plan) -> Momentum {
    score_at(plan, today())
}

fn value(m: &Momentum, component: Component) -> Option<f64> {
    m.component(component).value
}

#[track_caller]
fn assert_close(actual: Option<f64>, expected: f64) {
    let actual = actual.unwrap_or_else(|| panic!("expected {expected}, got n/a"));
    assert!(
        (actual - expected).abs() < 0.01,
        "expected {expected}, got {actual}"
    );
}

fn rhythm(plan: &Plan) -> Option<f64> {
    value(&score(plan), Component::Rhythm)
}

fn follow_through(plan: &Plan) -> Option<f64> {
    value(&score(plan), Component::FollowThrough)
}

fn commitments(plan: &Plan) -> Option<f64> {
    value(&score(plan), Component::Commitments)
}

fn outcomes(plan: &Plan) -> Option<f64> {
    value(&score(plan), Component::Outcomes)
}

fn energy(plan: &Plan) -> Option<f64> {
    value(&score(plan), Component::Energy)
}

#[test]
fn the_healthy_plan_scores_100_and_is_moving() {
    // Every component 100 → (25+25+15+20+15)×100 / 100 = 100.
    let m = score(&moving());
    for component in Component::ALL {
        assert_close(value(&m, component), 100.0);
    }
    assert_eq!(m.score, Some(100));
    assert_eq!(m.computed_band, Band::Moving);
    assert_eq!(m.band, Band::Moving);
    assert!(m.caps.is_empty());
    assert!(!m.ghost_town);
}

#[test]
fn weights_are_the_specs() {
    assert_eq!(MODEL.weights.rhythm, 25.0);
    assert_eq!(MODEL.weights.follow_through, 25.0);
    assert_eq!(MODEL.weights.commitments, 15.0);
    assert_eq!(MODEL.weights.outcomes, 20.0);
    assert_eq!(MODEL.weights.energy, 15.0);
}

// ---------------------------------------------------------------------------------------------
// Rhythm: 100 × 0.5^(max(0, days since last sync − c) / c), −10 if the last exec sync > 3c old
// ---------------------------------------------------------------------------------------------

/// Launched long ago (T−100), c = 14, with one exec sync `days` ago.
fn exec_synced(days: i64) -> Plan {
    let mut plan = live(-100, Cadence::Fortnightly);
    log(&mut plan, LogKind::ExecSync, -days);
    plan
}

#[test]
fn rhythm_is_full_within_the_cadence() {
    // 10 ≤ 14 → 100 × 0.5^0 = 100.
    assert_close(rhythm(&exec_synced(10)), 100.0);
    assert_close(rhythm(&exec_synced(0)), 100.0);
}

#[test]
fn rhythm_is_full_exactly_at_the_cadence() {
    // max(0, 14 − 14) = 0 → 100.
    assert_close(rhythm(&exec_synced(14)), 100.0);
}

#[test]
fn rhythm_halves_per_cadence_overdue() {
    // 28 days: 100 × 0.5^((28−14)/14) = 50 (exec sync 28 ≤ 42: no penalty).
    assert_close(rhythm(&exec_synced(28)), 50.0);
    // 42 days: 100 × 0.5^((42−14)/14) = 25 (exec sync 42 is not older than 3c = 42).
    assert_close(rhythm(&exec_synced(42)), 25.0);
    // 21 days: 100 × 0.5^(7/14) = 70.71.
    assert_close(rhythm(&exec_synced(21)), 70.71);
}

#[test]
fn rhythm_uses_the_plans_cadence() {
    // Weekly, exec sync 21 days ago: 100 × 0.5^((21−7)/7) = 25; 21 is not > 3×7.
    let mut weekly = live(-100, Cadence::Weekly);
    log(&mut weekly, LogKind::ExecSync, -21);
    assert_close(rhythm(&weekly), 25.0);
    // Monthly, exec sync 60 days ago: 100 × 0.5^((60−30)/30) = 50; 60 ≤ 90.
    let mut monthly = live(-100, Cadence::Monthly);
    log(&mut monthly, LogKind::ExecSync, -60);
    assert_close(rhythm(&monthly), 50.0);
}

#[test]
fn rhythm_uses_the_latest_sync_whatever_the_log_order() {
    // Syncs at T−5 and T−30 (logged newest first): 5 days → 100.
    let mut plan = exec_synced(30);
    log(&mut plan, LogKind::Sync, -5);
    plan.log.reverse();
    assert_close(rhythm(&plan), 100.0);
}

#[test]
fn rhythm_counts_from_launch_before_the_first_sync() {
    // Launched T−28, never synced: 100 × 0.5^((28−14)/14) = 50.
    let plan = live(-28, Cadence::Fortnightly);
    assert_close(rhythm(&plan), 50.0);
    assert_eq!(score(&plan).facts.days_since_sync, 28);
    // A sync before launch (T−40) is not a sync after launch: still 50.
    let mut early = live(-28, Cadence::Fortnightly);
    log(&mut early, LogKind::Sync, -40);
    assert_close(rhythm(&early), 50.0);
}

#[test]
fn rhythm_loses_10_when_the_exec_sync_is_older_than_three_cadences() {
    // Sync T−3 → 100; exec sync T−43: 43 > 3×14 = 42 → 100 − 10 = 90.
    let mut plan = exec_synced(43);
    log(&mut plan, LogKind::Sync, -3);
    assert_close(rhythm(&plan), 90.0);
    // Exec sync T−42: 42 is not more than 42 → 100.
    let mut plan = exec_synced(42);
    log(&mut plan, LogKind::Sync, -3);
    assert_close(rhythm(&plan), 100.0);
}

#[test]
fn rhythm_exec_sync_counts_from_launch_when_there_was_none() {
    // Launched T−43, plain sync T−1: 100, no exec sync since launch 43 > 42 → 90.
    let mut plan = live(-43, Cadence::Fortnightly);
    log(&mut plan, LogKind::Sync, -1);
    assert_close(rhythm(&plan), 90.0);
    // Launched T−42: 42 is not more than 42 → 100.
    let mut plan = live(-42, Cadence::Fortnightly);
    log(&mut plan, LogKind::Sync, -1);
    assert_close(rhythm(&plan), 100.0);
}

#[test]
fn rhythm_penalty_applies_after_the_decay_and_is_clamped_at_zero() {
    // Weekly, plain sync T−35: 100 × 0.5^((35−7)/7) = 6.25; no exec sync since launch (100 > 21)
    // → 6.25 − 10 = −3.75 → clamped to 0.
    let mut plan = live(-100, Cadence::Weekly);
    log(&mut plan, LogKind::Sync, -35);
    assert_close(rhythm(&plan), 0.0);
    // Weekly, plain sync T−14: 100 × 0.5^1 = 50 → 50 − 10 = 40 (after the decay, not before:
    // (100 − 10) × 0.5 would be 45).
    let mut plan = live(-100, Cadence::Weekly);
    log(&mut plan, LogKind::Sync, -14);
    assert_close(rhythm(&plan), 40.0);
}

#[test]
fn rhythm_counts_an_exec_sync_as_a_sync() {
    // Only an exec sync, T−5: 5 ≤ 14 → 100 (from launch it would be 100 × 0.5^(86/14) ≈ 1.4).
    let plan = exec_synced(5);
    assert_close(rhythm(&plan), 100.0);
    assert_eq!(score(&plan).facts.days_since_sync, 5);
}

#[test]
fn rhythm_ignores_wins_blockers_and_notes() {
    // Launched T−28, no sync; a win, a blocker and a note today are not syncs → 50.
    let mut plan = live(-28, Cadence::Fortnightly);
    log(&mut plan, LogKind::Win, 0);
    log(&mut plan, LogKind::Blocker, 0);
    log(&mut plan, LogKind::Note, 0);
    assert_close(rhythm(&plan), 50.0);
}

// ---------------------------------------------------------------------------------------------
// Follow-through: steps due in [T−45, T]: 100 × (on time + 0.5 × late) / due, −10 per overdue
// ---------------------------------------------------------------------------------------------

fn ft_plan() -> Plan {
    let mut plan = live(-100, Cadence::Fortnightly);
    log(&mut plan, LogKind::ExecSync, 0);
    plan
}

#[test]
fn follow_through_on_time_is_full() {
    // Done T−12, due T−10: on time → 100 × 1/1 = 100.
    let mut plan = ft_plan();
    done_step(&mut plan, -10, -12);
    assert_close(follow_through(&plan), 100.0);
    // Done on its due date is on time (done_on ≤ due_on).
    let mut plan = ft_plan();
    done_step(&mut plan, -10, -10);
    assert_close(follow_through(&plan), 100.0);
}

#[test]
fn follow_through_done_late_gets_half_credit() {
    // Due T−10, done T−9: 100 × 0.5/1 = 50.
    let mut plan = ft_plan();
    done_step(&mut plan, -10, -9);
    assert_close(follow_through(&plan), 50.0);
}

#[test]
fn follow_through_open_overdue_step_counts_as_due_and_costs_10() {
    // 3 on time + 1 open due T−1: 100 × 3/4 − 10 = 65.
    let mut plan = ft_plan();
    for due in [-10, -20, -30] {
        done_step(&mut plan, due, due);
    }
    open_step(&mut plan, Side::Ours, -1);
    assert_close(follow_through(&plan), 65.0);
    assert_eq!(score(&plan).facts.overdue_steps, 1);
}

#[test]
fn follow_through_mixes_on_time_late_and_open() {
    // 2 on time, 1 late, 1 open overdue: 100 × (2 + 0.5)/4 − 10 = 52.5.
    let mut plan = ft_plan();
    done_step(&mut plan, -10, -11);
    done_step(&mut plan, -20, -20);
    done_step(&mut plan, -30, -25);
    open_step(&mut plan, Side::Theirs, -5);
    assert_close(follow_through(&plan), 52.5);
}

#[test]
fn follow_through_is_clamped_at_zero() {
    // One open step due T−2: 100 × 0/1 − 10 = −10 → 0.
    let mut plan = ft_plan();
    open_step(&mut plan, Side::Ours, -2);
    assert_close(follow_through(&plan), 0.0);
}

#[test]
fn follow_through_penalises_overdue_steps_of_any_age() {
    // On time T−10, plus an open step due T−100 (outside the window): 100 − 10 = 90.
    let mut plan = ft_plan();
    done_step(&mut plan, -10, -10);
    open_step(&mut plan, Side::Ours, -100);
    assert_close(follow_through(&plan), 90.0);
    // ... and one due T−46: 100 − 2 × 10 = 80.
    open_step(&mut plan, Side::Theirs, -46);
    assert_close(follow_through(&plan), 80.0);
    assert_eq!(score(&plan).facts.overdue_steps, 2);
}

#[test]
fn follow_through_window_starts_exactly_45_days_ago() {
    // On time T−10 and late at due T−45 (in the window): 100 × (1 + 0.5)/2 = 75.
    let mut plan = ft_plan();
    done_step(&mut plan, -10, -10);
    done_step(&mut plan, -45, -40);
    assert_close(follow_through(&plan), 75.0);
    // Due T−47 and done T−46: neither date is in the window → 100 × 1/1 = 100.
    // (Version 1 used due T−46, done T−40 here; version 2 counts a step *done* in the window
    // too, so that one is now counted late: see `follow_through_counts_a_step_done_in_the_window`.)
    let mut plan = ft_plan();
    done_step(&mut plan, -10, -10);
    done_step(&mut plan, -47, -46);
    assert_close(follow_through(&plan), 100.0);
}

#[test]
fn follow_through_counts_a_step_due_today_as_due_but_not_overdue() {
    // On time T−10 + open step due today: 100 × 1/2 = 50, no penalty (due_on < today is false).
    let mut plan = ft_plan();
    done_step(&mut plan, -10, -10);
    open_step(&mut plan, Side::Ours, 0);
    assert_close(follow_through(&plan), 50.0);
    assert_eq!(score(&plan).facts.overdue_steps, 0);
    assert_eq!(score(&plan).facts.due_steps, 2);
}

#[test]
fn follow_through_is_na_when_nothing_was_due() {
    // Steps due in the future, due too long ago and done, or without a date: none due in window.
    let mut plan = ft_plan();
    open_step(&mut plan, Side::Ours, 3);
    done_step(&mut plan, -60, -60);
    step_full(&mut plan, Side::Ours, "Ana", -200, None, None);
    assert_eq!(follow_through(&plan), None);
}

// ---------------------------------------------------------------------------------------------
// Follow-through, version 2: steps due *or done* in [T−45, T], held to their committed date
// ---------------------------------------------------------------------------------------------

#[test]
fn follow_through_counts_a_step_done_early_as_on_time_the_day_it_is_done() {
    // A step of ours due T+4, open: nothing due or done in the window → n/a.
    let mut plan = ft_plan();
    let id = open_step(&mut plan, Side::Ours, 4);
    assert_eq!(follow_through(&plan), None);
    // Done today, four days early: done in the window, T ≤ T+4 → on time → 100 × 1/1 = 100.
    // (Version 1 counted it only from T+4, when it fell due.)
    assert!(plan.complete_step(&id, today()));
    assert_close(follow_through(&plan), 100.0);
    let facts = score(&plan).facts;
    assert_eq!(
        (facts.due_steps, facts.on_time_steps, facts.late_steps),
        (1, 1, 0)
    );
    // The day before it was done it was open and not yet due: n/a, as before.
    assert_eq!(
        value(&score_at(&plan, at(-1)), Component::FollowThrough),
        None
    );
}

#[test]
fn the_issue_case_a_partner_step_done_four_days_early_does_not_drop_the_score() {
    // c = 14, launched T−40, sync T−3 → Rhythm 100 (no exec sync since launch, but 40 ≤ 42).
    // Win T−21 → Energy 50. No key results → Outcomes n/a. Timing confirmed today.
    // A step of ours due T−10 done T−8 → late → Follow-through 100 × 0.5/1 = 50.
    // Open: ours T+5, theirs T+4, ours T+12 → 3 with the partner → Commitments 100.
    // Before: (25×100 + 25×50 + 15×100 + 15×50)/80 = 6000/80 = 75 → 75, Moving.
    let mut plan = live(-40, Cadence::Fortnightly);
    log(&mut plan, LogKind::Sync, -3);
    log(&mut plan, LogKind::Win, -21);
    done_step(&mut plan, -10, -8);
    open_step(&mut plan, Side::Ours, 5);
    let theirs = open_step(&mut plan, Side::Theirs, 4);
    open_step(&mut plan, Side::Ours, 12);
    let before = score(&plan);
    assert_eq!(before.score, Some(75));
    assert_eq!(before.computed_band, Band::Moving);

    // The partner marks their step done today, four days early.
    // Commitments: 2 left, both ours → min(70, 60) = 60.
    // Follow-through: the step is done in the window and on time → 100 × (1 + 0.5)/2 = 75.
    // After: (2500 + 25×75 + 15×60 + 750)/80 = 6025/80 = 75.3125 → 75: no drop, still Moving.
    // Version 1 left Follow-through at 50: (2500 + 1250 + 900 + 750)/80 = 67.5 → 68, Drifting.
    assert!(plan.complete_step(&theirs, today()));
    let after = score(&plan);
    assert_close(value(&after, Component::FollowThrough), 75.0);
    assert_close(value(&after, Component::Commitments), 60.0);
    assert_eq!(after.score, Some(75));
    assert_eq!(after.computed_band, Band::Moving);
}

#[test]
fn follow_through_counts_a_step_done_in_the_window_whatever_its_date() {
    // Due T−60, done T−45 (the first day of the window): counted, late. With an on-time step
    // due T−10: 100 × (1 + 0.5)/2 = 75.
    let mut plan = ft_plan();
    done_step(&mut plan, -10, -10);
    done_step(&mut plan, -60, -45);
    assert_close(follow_through(&plan), 75.0);
    // Done T−46: neither date in the window → not counted → 100.
    let mut plan = ft_plan();
    done_step(&mut plan, -10, -10);
    done_step(&mut plan, -60, -46);
    assert_close(follow_through(&plan), 100.0);
}

#[test]
fn completing_a_long_overdue_step_counts_it_late_in_the_window() {
    // On time T−10 and an open step due T−100: 100 × 1/1 − 10 = 90.
    // Done today, it is done in the window and after its date: 100 × (1 + 0.5)/2 = 75.
    // The spec's rule, pinned here because it lowers the component: a step finished very late
    // is counted late for 45 days (version 1 dropped it, giving 100).
    let mut plan = ft_plan();
    done_step(&mut plan, -10, -10);
    let old = open_step(&mut plan, Side::Ours, -100);
    assert_close(follow_through(&plan), 90.0);
    assert!(plan.complete_step(&old, today()));
    assert_close(follow_through(&plan), 75.0);
}

#[test]
fn follow_through_holds_a_step_to_its_committed_date() {
    // Committed to T−10, due date moved to T−5 after that day, done T−7: done after the date it
    // was committed to → late → 50 (version 1 read due_on: on time, 100).
    let mut plan = ft_plan();
    let id = done_step(&mut plan, -5, -7);
    plan.step_mut(&id).expect("step").committed_on = Some(at(-10));
    assert_close(follow_through(&plan), 50.0);
    // A step written without committed_on (version 1) is held to its due date: on time.
    plan.step_mut(&id).expect("step").committed_on = None;
    assert_close(follow_through(&plan), 100.0);
}

#[test]
fn a_step_with_no_date_at_all_is_not_counted() {
    // Undated, done today: held to nothing, so not on time, not late, not counted → n/a.
    let mut plan = ft_plan();
    step_full(&mut plan, Side::Ours, "Ana", -20, None, Some(0));
    step_full(&mut plan, Side::Ours, "Ana", -20, None, None);
    let m = score(&plan);
    assert_eq!(value(&m, Component::FollowThrough), None);
    assert_eq!((m.facts.due_steps, m.facts.overdue_steps), (0, 0));
}

#[test]
fn a_slip_before_its_day_moves_the_commitment() {
    // A step created T−20, committed to T−10. On T−12 its date moves to T−5: the day it names
    // has not come, so the commitment follows. Done T−6 → on time → 100; nothing slipped.
    let mut plan = ft_plan();
    plan.add_step(Step::new(
        "Send the schedule",
        Side::Theirs,
        "Ben",
        Some(at(-10)),
        at(-20),
    ));
    let id = plan.steps[0].id.clone();
    assert!(plan.set_step_due(&id, Some(at(-5)), at(-12)));
    assert!(plan.complete_step(&id, at(-6)));
    let step = plan.step(&id).expect("step");
    assert_eq!(
        (step.commitment(), step.slipped_from()),
        (Some(at(-5)), None)
    );
    assert_close(follow_through(&plan), 100.0);
    // Moved on the day itself (T−10) it follows too: on or before the day it names.
    let mut plan = ft_plan();
    plan.add_step(Step::new(
        "Send the schedule",
        Side::Theirs,
        "Ben",
        Some(at(-10)),
        at(-20),
    ));
    assert!(plan.set_step_due(&id_of(&plan), Some(at(-5)), at(-10)));
    assert_eq!(plan.steps[0].commitment(), Some(at(-5)));
    // Not moved, the same step done T−6 is late → 50.
    let mut plan = ft_plan();
    plan.add_step(Step::new(
        "Send the schedule",
        Side::Theirs,
        "Ben",
        Some(at(-10)),
        at(-20),
    ));
    assert!(plan.complete_step(&id_of(&plan), at(-6)));
    assert_close(follow_through(&plan), 50.0);
}

fn id_of(plan: &Plan) -> String {
    plan.steps[0].id.clone()
}

/// c = 14, launched T−100, exec sync and win today (Rhythm 100, Energy 100), no key results
/// (Outcomes n/a): one step of ours done on time at T−20, and one of ours due T−3, open.
/// Follow-through 100 × 1/2 − 10 = 40; Commitments 0.
/// Score (2500 + 25×40 + 0 + 1500)/80 = 5000/80 = 62.5 → 63.
fn slipping() -> (Plan, String) {
    let mut plan = ft_plan();
    log(&mut plan, LogKind::Win, 0);
    done_step(&mut plan, -20, -20);
    let late = open_step(&mut plan, Side::Ours, -3);
    (plan, late)
}

#[test]
fn a_slip_after_its_day_is_frozen_and_does_not_raise_the_score() {
    let (mut plan, late) = slipping();
    let before = score(&plan);
    assert_close(value(&before, Component::FollowThrough), 40.0);
    assert_eq!(before.score, Some(63));

    // Today its date moves to T+10. T−3 has passed, so the commitment stays at T−3: a slip.
    assert!(plan.set_step_due(&late, Some(at(10)), today()));
    let step = plan.step(&late).expect("step");
    assert_eq!(step.committed_on, Some(at(-3)));
    assert_eq!(step.slipped_from(), Some(at(-3)));
    // Still counted and still overdue (−10): Follow-through 40. Due T+10 is in the horizon, but
    // a step past its committed date is not a commitment: Commitments 0. The score stays 63.
    // (Version 1 read the new date: Follow-through 100, Commitments 40 →
    // (2500 + 2500 + 600 + 1500)/80 = 88.75 → 89, +26 for moving a date.)
    let after = score(&plan);
    assert_close(value(&after, Component::FollowThrough), 40.0);
    assert_close(value(&after, Component::Commitments), 0.0);
    assert_eq!(after.score, Some(63));
    assert_eq!(
        (
            after.facts.overdue_steps,
            after.facts.slipped_steps,
            after.facts.commitments
        ),
        (1, 1, 0)
    );

    // Done today, before its new date but after the committed one: late →
    // 100 × (1 + 0.5)/2 = 75 → (2500 + 1875 + 0 + 1500)/80 = 73.4375 → 73.
    assert!(plan.complete_step(&late, today()));
    let done = score(&plan);
    assert_close(value(&done, Component::FollowThrough), 75.0);
    assert_eq!((done.facts.late_steps, done.facts.slipped_steps), (1, 0));
    assert_eq!(done.score, Some(73));
}

#[test]
fn a_slipped_step_is_still_overdue_at_an_earlier_date() {
    // The slipped step of `a_slip_after_its_day_is_frozen_and_does_not_raise_the_score`, seen
    // from T−1: its committed date T−3 had passed → overdue, and counted (T−3 in the window).
    // Follow-through 100 × 1/2 − 10 = 40, as today.
    let (mut plan, late) = slipping();
    assert!(plan.set_step_due(&late, Some(at(10)), today()));
    let then = score_at(&plan, at(-1));
    assert_close(value(&then, Component::FollowThrough), 40.0);
    assert_eq!(then.facts.overdue_steps, 1);
}

#[test]
fn total_is_the_weighted_mean_over_components_with_data() {
    // c = 14, launched T−100. Exec sync T−28 → Rhythm 100 × 0.5^(14/14) = 50 (28 ≤ 42).
    // One open step of ours due T+5 → Commitments 40; nothing due → Follow-through n/a.
    // A key result never checked in, no current → Outcomes 0.6×0 + 0.4×50 = 20.
    // Win T−21 → Energy 100 × 0.5^(21/21) = 50.
    // Total = (25×50 + 15×40 + 20×20 + 15×50) / (25+15+20+15) = 3000/75 = 40
    // (with Follow-through as 0 instead of n/a it would be 3000/100 = 30).
    let mut plan = live(-100, Cadence::Fortnightly);
    log(&mut plan, LogKind::ExecSync, -28);
    log(&mut plan, LogKind::Win, -21);
    open_step(&mut plan, Side::Ours, 5);
    plan.foundation
        .key_results
        .push(kr(0.0, 100.0, None, None, None, None));
    let m = score(&plan);
    assert_close(value(&m, Component::Rhythm), 50.0);
    assert_eq!(value(&m, Component::FollowThrough), None);
    assert_close(value(&m, Component::Commitments), 40.0);
    assert_close(value(&m, Component::Outcomes), 20.0);
    assert_close(value(&m, Component::Energy), 50.0);
    assert_eq!(m.score, Some(40));
    // 40 is the bottom of Drifting.
    assert_eq!(m.computed_band, Band::Drifting);
}

// ---------------------------------------------------------------------------------------------
// Commitments: open, owned steps due in [T, T+30]: 0,1,2,3+ → 0,40,70,100; ≤ 60 if one-sided
// ---------------------------------------------------------------------------------------------

fn c_plan() -> Plan {
    let mut plan = live(-10, Cadence::Fortnightly);
    log(&mut plan, LogKind::Sync, 0);
    plan
}

#[test]
fn commitments_count_to_points() {
    // 0 → 0.
    let mut plan = c_plan();
    assert_close(commitments(&plan), 0.0);
    // 1 (theirs) → 40; 2 → 70; 3 → 100; 4 → 100.
    let dues = [5, 10, 15, 20];
    let expected = [40.0, 70.0, 100.0, 100.0];
    for (due, expected) in dues.into_iter().zip(expected) {
        open_step(&mut plan, Side::Theirs, due);
        assert_close(commitments(&plan), expected);
    }
    assert_eq!(score(&plan).facts.commitments, 4);
}

#[test]
fn commitments_are_capped_at_60_when_none_is_the_partners() {
    // 1 ours → 40 (under the cap).
    let mut plan = c_plan();
    open_step(&mut plan, Side::Ours, 5);
    assert_close(commitments(&plan), 40.0);
    // 2 ours → min(70, 60) = 60; 3 ours → min(100, 60) = 60.
    open_step(&mut plan, Side::Ours, 6);
    assert_close(commitments(&plan), 60.0);
    open_step(&mut plan, Side::Ours, 7);
    assert_close(commitments(&plan), 60.0);
    // A joint one lifts the cap: 4 with a joint one → 100.
    open_step(&mut plan, Side::Joint, 8);
    assert_close(commitments(&plan), 100.0);
}

#[test]
fn commitments_joint_counts_as_the_partners() {
    // 3 steps: ours, ours, joint → 100.
    let mut plan = c_plan();
    open_step(&mut plan, Side::Ours, 5);
    open_step(&mut plan, Side::Ours, 6);
    open_step(&mut plan, Side::Joint, 7);
    assert_close(commitments(&plan), 100.0);
}

#[test]
fn commitments_horizon_is_today_to_today_plus_30() {
    // Due T (counts), T+30 (counts), T+31 (no), T−1 (overdue, no) → 2 theirs → 70.
    let mut plan = c_plan();
    open_step(&mut plan, Side::Theirs, 0);
    open_step(&mut plan, Side::Theirs, 30);
    open_step(&mut plan, Side::Theirs, 31);
    open_step(&mut plan, Side::Theirs, -1);
    assert_close(commitments(&plan), 70.0);
    assert_eq!(score(&plan).facts.commitments, 2);
}

#[test]
fn commitments_need_a_named_owner() {
    // Three theirs, one with "" and one with "   " as owner → 1 → 40.
    let mut plan = c_plan();
    open_step(&mut plan, Side::Theirs, 5);
    step_full(&mut plan, Side::Theirs, "", -200, Some(6), None);
    step_full(&mut plan, Side::Theirs, "   ", -200, Some(7), None);
    assert_close(commitments(&plan), 40.0);
}

#[test]
fn commitments_need_a_due_date() {
    // One theirs with a date, two without → 1 → 40.
    let mut plan = c_plan();
    open_step(&mut plan, Side::Theirs, 5);
    step_full(&mut plan, Side::Theirs, "Ben", -200, None, None);
    step_full(&mut plan, Side::Joint, "Ben", -200, None, None);
    assert_close(commitments(&plan), 40.0);
}

#[test]
fn commitments_do_not_count_done_steps() {
    // Three theirs due T+5..T+7, one done yesterday, one done today → 1 open → 40.
    let mut plan = c_plan();
    open_step(&mut plan, Side::Theirs, 5);
    step_full(&mut plan, Side::Theirs, "Ben", -200, Some(6), Some(-1));
    step_full(&mut plan, Side::Theirs, "Ben", -200, Some(7), Some(0));
    assert_close(commitments(&plan), 40.0);
}

// ---------------------------------------------------------------------------------------------
// Outcomes: mean of 0.6 × pace + 0.4 × confidence
// ---------------------------------------------------------------------------------------------

/// Launched T−15, c = 14, with one key result; due T+15 gives elapsed 15/30 = 0.5.
fn o_plan(kr: KeyResult) -> Plan {
    let mut plan = live(-15, Cadence::Fortnightly);
    log(&mut plan, LogKind::Sync, 0);
    plan.foundation.key_results.push(kr);
    plan
}

/// A key result due T+15, never checked in (confidence 50).
fn unchecked(baseline: f64, target: f64, current: Option<f64>) -> KeyResult {
    kr(baseline, target, current, Some(15), None, None)
}

#[test]
fn outcomes_pace_against_elapsed_time() {
    // Progress (12.5 − 10)/(20 − 10) = 0.25, elapsed 0.5 → pace 100 × 0.25/0.5 = 50.
    // 0.6 × 50 + 0.4 × 50 = 50.
    assert_close(outcomes(&o_plan(unchecked(10.0, 20.0, Some(12.5)))), 50.0);
}

#[test]
fn outcomes_progress_is_clamped_to_zero_and_one() {
    // Below baseline: (5 − 10)/10 = −0.5 → 0 → 0.6×0 + 0.4×50 = 20.
    assert_close(outcomes(&o_plan(unchecked(10.0, 20.0, Some(5.0)))), 20.0);
    // Above target: (30 − 10)/10 = 2 → 1; pace min(100, 100 × 1/0.5 = 200) = 100 → 60 + 20 = 80.
    assert_close(outcomes(&o_plan(unchecked(10.0, 20.0, Some(30.0)))), 80.0);
}

#[test]
fn outcomes_handle_decreasing_targets() {
    // Baseline 100, target 50 (e.g. churn). current 75: (75−100)/(50−100) = 0.5 → pace 100 → 80.
    assert_close(outcomes(&o_plan(unchecked(100.0, 50.0, Some(75.0)))), 80.0);
    // current 90: (−10)/(−50) = 0.2 → pace 40 → 0.6×40 + 20 = 44.
    assert_close(outcomes(&o_plan(unchecked(100.0, 50.0, Some(90.0)))), 44.0);
    // current 120 (worse than baseline): −0.4 → 0 → 20.
    assert_close(outcomes(&o_plan(unchecked(100.0, 50.0, Some(120.0)))), 20.0);
    // current 40 (past target): 1.2 → 1 → 80.
    assert_close(outcomes(&o_plan(unchecked(100.0, 50.0, Some(40.0)))), 80.0);
}

#[test]
fn outcomes_progress_is_zero_without_a_current_value() {
    // No current → progress 0 → 0.4 × 50 = 20.
    assert_close(outcomes(&o_plan(unchecked(0.0, 100.0, None))), 20.0);
}

#[test]
fn outcomes_elapsed_never_counts_below_ten_percent() {
    // Launched T−2, due T+28 (launch + 30): elapsed 2/30 = 0.067 → 0.1. Progress 0.05 →
    // pace 100 × 0.05/0.1 = 50 → 0.6×50 + 0.4×50 = 50 (without the floor: pace 75 → 65).
    let mut plan = live(-2, Cadence::Fortnightly);
    plan.foundation
        .key_results
        .push(kr(0.0, 100.0, Some(5.0), Some(28), None, None));
    assert_close(outcomes(&plan), 50.0);
    // Launch day: elapsed 0 → 0.1; same progress → 50.
    let mut plan = live(0, Cadence::Fortnightly);
    plan.foundation
        .key_results
        .push(kr(0.0, 100.0, Some(5.0), Some(30), None, None));
    assert_close(outcomes(&plan), 50.0);
}

#[test]
fn outcomes_due_date_defaults_to_launch_plus_length() {
    // Launched T−15, length 60, no due_on → due T+45, elapsed 15/60 = 0.25. Progress 0.2 →
    // pace 100 × 0.2/0.25 = 80 → 0.6×80 + 0.4×50 = 68.
    let mut plan = o_plan(kr(0.0, 100.0, Some(20.0), None, None, None));
    plan.pilot.length_days = 60;
    assert_close(outcomes(&plan), 68.0);
    // Length 30 (the default): elapsed 15/30 = 0.5 → pace 40 → 24 + 20 = 44.
    plan.pilot.length_days = 30;
    assert_close(outcomes(&plan), 44.0);
}

#[test]
fn outcomes_elapsed_is_one_when_due_on_or_before_launch() {
    // Launched T−15, due T−20 (before launch): elapsed 1. Progress 0.5 → pace 50 → 30 + 20 = 50.
    assert_close(
        outcomes(&o_plan(kr(0.0, 100.0, Some(50.0), Some(-20), None, None))),
        50.0,
    );
    // Due on launch day (T−15): elapsed 1 → 50.
    assert_close(
        outcomes(&o_plan(kr(0.0, 100.0, Some(50.0), Some(-15), None, None))),
        50.0,
    );
    // Due T−5, after launch but past: 15/10 = 1.5 → clamped to 1 → 50.
    assert_close(
        outcomes(&o_plan(kr(0.0, 100.0, Some(50.0), Some(-5), None, None))),
        50.0,
    );
}

#[test]
fn outcomes_confidence_on_track_at_risk_off_track() {
    // Progress 0 (current = baseline) isolates confidence: 0.4 × confidence.
    let checked_today =
        |c: Confidence| o_plan(kr(0.0, 100.0, Some(0.0), Some(15), Some(c), Some(0)));
    // On track 100 → 40; at risk 60 → 24; off track 0 → 0.
    assert_close(outcomes(&checked_today(Confidence::OnTrack)), 40.0);
    assert_close(outcomes(&checked_today(Confidence::AtRisk)), 24.0);
    assert_close(outcomes(&checked_today(Confidence::OffTrack)), 0.0);
}

#[test]
fn outcomes_never_checked_in_means_confidence_50() {
    // A stated confidence without a check-in date is never checked in: 0.4 × 50 = 20.
    let plan = o_plan(kr(
        0.0,
        100.0,
        Some(0.0),
        Some(15),
        Some(Confidence::OnTrack),
        None,
    ));
    assert_close(outcomes(&plan), 20.0);
}

#[test]
fn outcomes_confidence_drifts_to_50_after_two_cadences() {
    // c = 14, 2c = 28. Progress 0 → Outcomes = 0.4 × confidence.
    let checked = |c: Confidence, age: i64| {
        let mut plan = live(-60, Cadence::Fortnightly);
        plan.foundation
            .key_results
            .push(kr(0.0, 100.0, Some(0.0), Some(15), Some(c), Some(-age)));
        outcomes(&plan)
    };
    // Age 28 = 2c: no drift → 0.4 × 100 = 40.
    assert_close(checked(Confidence::OnTrack, 28), 40.0);
    // Age 29: 50 + 50 × 0.5^(1/14) = 97.585 → 39.034.
    assert_close(checked(Confidence::OnTrack, 29), 39.034);
    // Age 42 = 2c + c: halfway to 50: 50 + 50 × 0.5 = 75 → 30.
    assert_close(checked(Confidence::OnTrack, 42), 30.0);
    // Off track at age 42: 50 + (0 − 50) × 0.5 = 25 → 10.
    assert_close(checked(Confidence::OffTrack, 42), 10.0);
    // At risk at age 42: 50 + 10 × 0.5 = 55 → 22.
    assert_close(checked(Confidence::AtRisk, 42), 22.0);
}

#[test]
fn outcomes_drift_uses_the_plans_cadence() {
    // Monthly: c = 30, age 90 = 2c + c → 50 + 50 × 0.5 = 75 → 0.4 × 75 = 30.
    let mut plan = live(-100, Cadence::Monthly);
    plan.foundation.key_results.push(kr(
        0.0,
        100.0,
        Some(0.0),
        Some(15),
        Some(Confidence::OnTrack),
        Some(-90),
    ));
    assert_close(outcomes(&plan), 30.0);
}

#[test]
fn outcomes_is_the_mean_over_key_results() {
    // 80 (at target, unchecked) and 20 (below baseline, unchecked) → 50.
    let mut plan = o_plan(unchecked(0.0, 10.0, Some(10.0)));
    plan.foundation
        .key_results
        .push(unchecked(0.0, 10.0, Some(-3.0)));
    assert_close(outcomes(&plan), 50.0);
}

#[test]
fn outcomes_is_na_without_key_results() {
    assert_eq!(outcomes(&live(-15, Cadence::Fortnightly)), None);
}

// ---------------------------------------------------------------------------------------------
// Energy: 100 × 0.5^(days since last win / 21); held at 60 for 30 days after launch, no win yet
// ---------------------------------------------------------------------------------------------

#[test]
fn energy_halves_every_21_days_since_the_last_win() {
    let with_win = |days: i64| {
        let mut plan = live(-100, Cadence::Fortnightly);
        log(&mut plan, LogKind::Win, -days);
        energy(&plan)
    };
    // 0 → 100; 7 → 100 × 0.5^(1/3) = 79.37; 21 → 50; 42 → 25.
    assert_close(with_win(0), 100.0);
    assert_close(with_win(7), 79.37);
    assert_close(with_win(21), 50.0);
    assert_close(with_win(42), 25.0);
}

#[test]
fn energy_is_held_at_60_for_the_first_30_days_without_a_win() {
    // Day 0, 10 and 30 after launch, no win → 60.
    for launch in [0, -10, -30] {
        assert_close(energy(&live(launch, Cadence::Fortnightly)), 60.0);
    }
    // Day 31 → 100 × 0.5^(31/21) = 35.94.
    assert_close(energy(&live(-31, Cadence::Fortnightly)), 35.94);
}

#[test]
fn energy_hold_ends_with_the_first_win() {
    // Launched T−10, win T−5: not held → 100 × 0.5^(5/21) = 84.79.
    let mut plan = live(-10, Cadence::Fortnightly);
    log(&mut plan, LogKind::Win, -5);
    assert_close(energy(&plan), 84.79);
}

#[test]
fn energy_win_on_launch_day_is_a_win() {
    // Launched T−10, win T−10 (launch day): there is a win, so no hold:
    // 100 × 0.5^(10/21) = 71.89.
    let mut plan = live(-10, Cadence::Fortnightly);
    log(&mut plan, LogKind::Win, -10);
    assert_close(energy(&plan), 71.89);
}

#[test]
fn energy_counts_from_launch_before_the_first_win() {
    // Launched T−42, no win: 100 × 0.5^(42/21) = 25.
    assert_close(energy(&live(-42, Cadence::Fortnightly)), 25.0);
    // A win before launch (T−50) is not a win after launch: still 25.
    let mut plan = live(-42, Cadence::Fortnightly);
    log(&mut plan, LogKind::Win, -50);
    assert_close(energy(&plan), 25.0);
    assert_eq!(score(&plan).facts.days_since_win, 42);
}

// ---------------------------------------------------------------------------------------------
// Energy, version 2: −10 per blocker open more than 7 days on the day scored, at most −30
// ---------------------------------------------------------------------------------------------

/// Launched T−100, c = 14, a win today: Energy 100 before blockers.
fn won_today() -> Plan {
    let mut plan = live(-100, Cadence::Fortnightly);
    log(&mut plan, LogKind::Win, 0);
    plan
}

#[test]
fn a_blocker_costs_nothing_for_its_first_7_days() {
    // Logged today, or 7 days ago (open for 7 days, not more): 100, no cost.
    for on in [0, -7] {
        let mut plan = won_today();
        blocker(&mut plan, on, None);
        let m = score(&plan);
        assert_close(value(&m, Component::Energy), 100.0);
        assert_eq!((m.facts.open_blockers, m.facts.aging_blockers), (1, 0));
        assert_eq!(m.facts.blocker_penalty, 0.0);
    }
    // Logged 8 days ago: open for more than 7 → 100 − 10 = 90.
    let mut plan = won_today();
    blocker(&mut plan, -8, None);
    let m = score(&plan);
    assert_close(value(&m, Component::Energy), 90.0);
    assert_eq!((m.facts.open_blockers, m.facts.aging_blockers), (1, 1));
    assert_eq!(m.facts.blocker_penalty, 10.0);
}

#[test]
fn blockers_cost_10_each_and_at_most_30() {
    // 1, 2, 3, 4 blockers open 20 days: 90, 80, 70, and 70 again (the cost stops at 30).
    let mut plan = won_today();
    for (count, expected) in [(1, 90.0), (2, 80.0), (3, 70.0), (4, 70.0)] {
        blocker(&mut plan, -20, None);
        let m = score(&plan);
        assert_close(value(&m, Component::Energy), expected);
        assert_eq!(m.facts.aging_blockers, count);
    }
    assert_eq!(score(&plan).facts.blocker_penalty, 30.0);
    // A fresh one beside them is open, costs nothing: still 70.
    blocker(&mut plan, -1, None);
    let m = score(&plan);
    assert_close(value(&m, Component::Energy), 70.0);
    assert_eq!((m.facts.open_blockers, m.facts.aging_blockers), (5, 4));
}

#[test]
fn a_resolved_blocker_costs_nothing_but_still_counts_at_an_earlier_date() {
    // Launched T−20, no win: Energy held at 60 (days 0–30). A blocker logged T−15, resolved T−2.
    let mut plan = live(-20, Cadence::Fortnightly);
    blocker(&mut plan, -15, Some(-2));
    // Today it is resolved: 60.
    assert_close(energy(&plan), 60.0);
    assert_eq!(score(&plan).facts.open_blockers, 0);
    // At T−5 it was open (resolved after T−5) and 10 days old: 60 − 10 = 50.
    let then = score_at(&plan, at(-5));
    assert_close(value(&then, Component::Energy), 50.0);
    assert_eq!(then.facts.aging_blockers, 1);
    // At T−8 it was open for 7 days: no cost yet → 60.
    assert_close(value(&score_at(&plan, at(-8)), Component::Energy), 60.0);
    // Resolved on T−5 itself: not open at T−5 → 60.
    plan.log[0].resolved_on = Some(at(-5));
    assert_close(value(&score_at(&plan, at(-5)), Component::Energy), 60.0);
}

#[test]
fn a_blocker_logged_after_the_day_is_unknown_that_day() {
    // Logged T−3: at T−5 it did not exist → 60 (held); today it is 3 days old → 60.
    let mut plan = live(-20, Cadence::Fortnightly);
    blocker(&mut plan, -3, None);
    let then = score_at(&plan, at(-5));
    assert_close(value(&then, Component::Energy), 60.0);
    assert_eq!(then.facts.open_blockers, 0);
}

#[test]
fn the_blocker_cost_applies_to_the_launch_hold_and_stops_at_zero() {
    // Launched T−10, no win → held at 60; one blocker open 8 days → 50.
    let mut plan = live(-10, Cadence::Fortnightly);
    blocker(&mut plan, -8, None);
    assert_close(energy(&plan), 50.0);
    // Launched T−42, no win: 100 × 0.5^(42/21) = 25; three blockers open 9 days: 25 − 30 → 0.
    let mut plan = live(-42, Cadence::Fortnightly);
    for _ in 0..3 {
        blocker(&mut plan, -9, None);
    }
    let m = score(&plan);
    assert_close(value(&m, Component::Energy), 0.0);
    assert_eq!(m.facts.blocker_penalty, 30.0);
}

#[test]
fn blockers_do_not_give_energy_a_value() {
    // No launch date and no win: Energy is n/a, blockers or not, and they take nothing.
    let mut plan = draft(-30);
    plan.stage = Stage::Live;
    log(&mut plan, LogKind::Sync, -3);
    blocker(&mut plan, -20, None);
    let m = score(&plan);
    assert_eq!(value(&m, Component::Energy), None);
    assert_eq!(m.facts.aging_blockers, 1);
    assert_eq!(m.facts.blocker_penalty, 0.0);
}

#[test]
fn blockers_leave_the_other_components_alone() {
    // The healthy plan (100) with a blocker open 20 days: only Energy moves, 100 → 90:
    // (2500 + 2500 + 1500 + 2000 + 15×90)/100 = 98.5 → 99.
    let mut plan = moving();
    blocker(&mut plan, -20, None);
    let m = score(&plan);
    for component in [
        Component::Rhythm,
        Component::FollowThrough,
        Component::Commitments,
        Component::Outcomes,
    ] {
        assert_close(value(&m, component), 100.0);
    }
    assert_eq!(m.score, Some(99));
}

// ---------------------------------------------------------------------------------------------
// Rhythm's facts: no sync since launch is not "0 days ago"
// ---------------------------------------------------------------------------------------------

#[test]
fn before_the_first_sync_after_launch_days_count_from_launch_and_say_so() {
    // Launched T−12, never synced: 12 days, counted from launch, not from a sync.
    let mut plan = live(-12, Cadence::Fortnightly);
    let facts = score(&plan).facts;
    assert_eq!(
        (facts.days_since_sync, facts.synced_since_launch),
        (12, false)
    );
    // A sync before launch is not one since launch.
    log(&mut plan, LogKind::Sync, -20);
    assert!(!score(&plan).facts.synced_since_launch);
    // A sync on launch day is: still 12 days.
    log(&mut plan, LogKind::ExecSync, -12);
    let facts = score(&plan).facts;
    assert_eq!(
        (facts.days_since_sync, facts.synced_since_launch),
        (12, true)
    );
    // Known at T−13, before launch, that sync had not happened.
    assert!(!score_at(&plan, at(-13)).facts.synced_since_launch);
}

// ---------------------------------------------------------------------------------------------
// Total, rounding and Unknown
// ---------------------------------------------------------------------------------------------

#[test]
fn round_half_up_rounds_halves_up() {
    // x.5 always goes up (not to even): 0.5 → 1, 2.5 → 3, 69.5 → 70, 92.5 → 93.
    assert_eq!(round_half_up(0.5), 1.0);
    assert_eq!(round_half_up(2.5), 3.0);
    assert_eq!(round_half_up(69.5), 70.0);
    assert_eq!(round_half_up(92.5), 93.0);
    assert_eq!(round_half_up(69.49), 69.0);
    assert_eq!(round_half_up(39.5), 40.0);
    assert_eq!(round_half_up(0.0), 0.0);
    assert_eq!(round_half_up(100.0), 100.0);
}

#[test]
fn round_half_up_does_not_round_just_below_a_half_up() {
    // 0.49999999999999994 is the largest double below 0.5: its nearest integer is 0.
    assert_eq!(round_half_up(0.499_999_999_999_999_94), 0.0);
}

#[test]
fn total_rounds_an_exact_half_up() {
    // c = 14, launched T−10. Sync T−5 → Rhythm 100. Step due T−8 done T−8 → Follow-through 100.
    // Open ours T+5, theirs T+10, joint T+15 → Commitments 100. No key results → Outcomes n/a.
    // No win, day 10 → Energy held at 60.
    // (25×100 + 25×100 + 15×100 + 15×60) / 80 = 7400/80 = 92.5 → 93.
    let mut plan = live(-10, Cadence::Fortnightly);
    log(&mut plan, LogKind::Sync, -5);
    done_step(&mut plan, -8, -8);
    open_step(&mut plan, Side::Ours, 5);
    open_step(&mut plan, Side::Theirs, 10);
    open_step(&mut plan, Side::Joint, 15);
    let m = score(&plan);
    assert_close(value(&m, Component::Energy), 60.0);
    assert_eq!(value(&m, Component::Outcomes), None);
    assert_eq!(m.score, Some(93));
}

#[test]
fn a_running_plan_without_launch_date_is_unknown() {
    // No launch_on, no log, no steps, no key results: only Commitments (0) has data → Unknown.
    let mut plan = draft(-30);
    plan.stage = Stage::Live;
    let m = score(&plan);
    assert_eq!(m.score, None);
    assert_eq!(m.computed_band, Band::Unknown);
    assert_eq!(m.band, Band::Unknown);
    assert_eq!(value(&m, Component::Rhythm), None);
    assert_eq!(value(&m, Component::Energy), None);
}

#[test]
fn two_components_with_data_give_a_number() {
    // No launch_on, one sync T−3 → Rhythm 100 (no exec sync to count from: no penalty);
    // Commitments 0 → (25×100 + 15×0)/40 = 62.5 → 63.
    let mut plan = draft(-30);
    plan.stage = Stage::Live;
    plan.timing.confirmed_on = Some(today());
    log(&mut plan, LogKind::Sync, -3);
    let m = score(&plan);
    assert_close(value(&m, Component::Rhythm), 100.0);
    assert_eq!(m.score, Some(63));
    assert_eq!(m.computed_band, Band::Drifting);
}

// ---------------------------------------------------------------------------------------------
// Bands and caps
// ---------------------------------------------------------------------------------------------

#[test]
fn bands_boundaries() {
    assert_eq!(band_of(100, &MODEL), Band::Moving);
    assert_eq!(band_of(70, &MODEL), Band::Moving);
    assert_eq!(band_of(69, &MODEL), Band::Drifting);
    assert_eq!(band_of(40, &MODEL), Band::Drifting);
    assert_eq!(band_of(39, &MODEL), Band::GhostTownRisk);
    assert_eq!(band_of(0, &MODEL), Band::GhostTownRisk);
}

#[test]
fn cap_low_rhythm_keeps_the_number_and_caps_the_band() {
    // The healthy plan, weekly (c = 7), with its exec sync T−28 instead of T−2:
    // 100 × 0.5^((28−7)/7) = 12.5, exec sync 28 > 21 → 2.5.
    // Total = (25×2.5 + 25×100 + 15×100 + 20×100 + 15×100)/100 = 75.625 → 76: Moving by number,
    // capped at Drifting.
    let mut plan = moving();
    plan.foundation.rhythm.cadence_days = Cadence::Weekly;
    plan.log[0].on = at(-28);
    let m = score(&plan);
    assert_close(value(&m, Component::Rhythm), 2.5);
    assert_eq!(m.score, Some(76));
    assert_eq!(m.computed_band, Band::Drifting);
    assert_eq!(m.caps, vec![Cap::Low(Component::Rhythm)]);
}

#[test]
fn cap_low_follow_through_keeps_the_number_and_caps_the_band() {
    // The healthy plan with its done step replaced by one open step due T−3:
    // Follow-through 0/1 − 10 → 0. Total = (2500 + 0 + 1500 + 2000 + 1500)/100 = 75 → Drifting.
    let mut plan = moving();
    plan.steps[0].done_on = None;
    plan.steps[0].due_on = Some(at(-3));
    let m = score(&plan);
    assert_close(value(&m, Component::FollowThrough), 0.0);
    assert_eq!(m.score, Some(75));
    assert_eq!(m.computed_band, Band::Drifting);
    assert_eq!(m.caps, vec![Cap::Low(Component::FollowThrough)]);
}

#[test]
fn cap_no_commitments_keeps_the_number_and_caps_the_band() {
    // The healthy plan without its three open steps: Commitments 0.
    // Total = (2500 + 2500 + 0 + 2000 + 1500)/100 = 85 → Drifting.
    let mut plan = moving();
    plan.steps.truncate(1);
    let m = score(&plan);
    assert_eq!(m.score, Some(85));
    assert_eq!(m.computed_band, Band::Drifting);
    assert_eq!(m.caps, vec![Cap::Low(Component::Commitments)]);
}

#[test]
fn commitments_of_40_do_not_cap() {
    // One open step of ours: Commitments 40 ≥ 20, no cap.
    // Total = (2500 + 2500 + 15×40 + 2000 + 1500)/100 = 91 → Moving.
    let mut plan = moving();
    plan.steps.truncate(2);
    let m = score(&plan);
    assert_eq!(m.score, Some(91));
    assert_eq!(m.computed_band, Band::Moving);
    assert!(m.caps.is_empty());
}

#[test]
fn cap_timing_not_confirmed_this_quarter() {
    // Never confirmed: 100, Drifting.
    let mut plan = moving();
    plan.timing.confirmed_on = None;
    let m = score(&plan);
    assert_eq!(m.score, Some(100));
    assert_eq!(m.computed_band, Band::Drifting);
    assert_eq!(m.caps, vec![Cap::TimingNotConfirmed]);
    // Confirmed on the last day of last quarter: still capped.
    plan.timing.confirmed_on = Some(date(2026, 3, 31));
    let m = score(&plan);
    assert_eq!(m.score, Some(100));
    assert_eq!(m.computed_band, Band::Drifting);
    // Confirmed on the first day of this quarter: Moving.
    plan.timing.confirmed_on = Some(date(2026, 4, 1));
    let m = score(&plan);
    assert_eq!(m.computed_band, Band::Moving);
    assert!(m.caps.is_empty());
}

#[test]
fn timing_confirmed_later_than_the_day_is_not_known_that_day() {
    // Confirmed when confirmed_on falls in the same calendar quarter as the day, as known at
    // that day: 25 May 2026 is in Q2 like 20 May 2026, but it had not happened yet on 20 May,
    // so the trend and history of 20 May treat it as unconfirmed. Once the day comes, it counts.
    let mut plan = moving();
    plan.timing.confirmed_on = Some(at(5));
    assert!(!timing_confirmed(&plan, today()));
    assert!(timing_confirmed(&plan, at(5)));
}

#[test]
fn caps_do_not_raise_a_lower_band() {
    // c = 14, launched T−42, never synced: 100 × 0.5^((42−14)/14) = 25 (42 is not > 42).
    // One open step due T−3: Follow-through 0. Commitments 0. Key result unchecked, no current:
    // Outcomes 20. No win, day 42: 100 × 0.5^(42/21) = 25. Timing never confirmed.
    // Total = (25×25 + 0 + 0 + 20×20 + 15×25)/100 = 1400/100 = 14 → Ghost-town risk, not Drifting.
    let mut plan = live(-42, Cadence::Fortnightly);
    plan.timing.confirmed_on = None;
    open_step(&mut plan, Side::Ours, -3);
    plan.foundation
        .key_results
        .push(kr(0.0, 100.0, None, None, None, None));
    let m = score(&plan);
    assert_eq!(m.score, Some(14));
    assert!(!m.ghost_town);
    assert_eq!(
        m.caps,
        vec![
            Cap::Low(Component::FollowThrough),
            Cap::Low(Component::Commitments),
            Cap::TimingNotConfirmed
        ]
    );
    assert_eq!(m.computed_band, Band::GhostTownRisk);
}

#[test]
fn caps_leave_a_drifting_number_drifting() {
    // The 40-point plan of `total_is_the_weighted_mean_over_components_with_data`, timing
    // never confirmed: still 40 and Drifting.
    let mut plan = live(-100, Cadence::Fortnightly);
    plan.timing.confirmed_on = None;
    log(&mut plan, LogKind::ExecSync, -28);
    log(&mut plan, LogKind::Win, -21);
    open_step(&mut plan, Side::Ours, 5);
    plan.foundation
        .key_results
        .push(kr(0.0, 100.0, None, None, None, None));
    let m = score(&plan);
    assert_eq!(m.score, Some(40));
    assert_eq!(m.computed_band, Band::Drifting);
}

// ---------------------------------------------------------------------------------------------
// Ghost-town rule: 60+ days after launch, no sync for 30+ days, no open commitment
// ---------------------------------------------------------------------------------------------

/// Monthly cadence (c = 30), launched `T + launch`, exec sync `T − quiet`, a win today, one
/// step due T−5 done on time, key result at target checked in today, no open commitment.
/// Rhythm: 30 ≤ c → 100 (for quiet ≤ 30); Follow-through 100; Commitments 0; Outcomes 100;
/// Energy 100 → (2500 + 2500 + 0 + 2000 + 1500)/100 = 85.
fn ghost(launch: i64, quiet: i64) -> Plan {
    let mut plan = live(launch, Cadence::Monthly);
    log(&mut plan, LogKind::ExecSync, -quiet);
    log(&mut plan, LogKind::Win, 0);
    done_step(&mut plan, -5, -5);
    plan.foundation.key_results.push(kr(
        0.0,
        100.0,
        Some(100.0),
        None,
        Some(Confidence::OnTrack),
        Some(0),
    ));
    plan
}

#[test]
fn ghost_town_rule_overrides_the_number() {
    // Day 60, last sync 30 days ago, no commitment: 85 but Ghost-town risk.
    let m = score(&ghost(-60, 30));
    assert_eq!(m.score, Some(85));
    assert!(m.ghost_town);
    assert_eq!(m.computed_band, Band::GhostTownRisk);
}

#[test]
fn ghost_town_rule_needs_60_days_since_launch() {
    // Day 59: not a ghost town; 85 capped by Commitments 0 → Drifting.
    let m = score(&ghost(-59, 30));
    assert_eq!(m.score, Some(85));
    assert!(!m.ghost_town);
    assert_eq!(m.computed_band, Band::Drifting);
}

#[test]
fn ghost_town_rule_needs_30_quiet_days() {
    // Last sync 29 days ago: not a ghost town → Drifting.
    let m = score(&ghost(-60, 29));
    assert_eq!(m.score, Some(85));
    assert!(!m.ghost_town);
    assert_eq!(m.computed_band, Band::Drifting);
}

#[test]
fn ghost_town_rule_needs_no_open_commitment() {
    // One open step of ours due T+10: Commitments 40 → (8500 + 15×40)/100 = 91, no cap → Moving.
    let mut plan = ghost(-60, 30);
    open_step(&mut plan, Side::Ours, 10);
    let m = score(&plan);
    assert_eq!(m.score, Some(91));
    assert!(!m.ghost_town);
    assert_eq!(m.computed_band, Band::Moving);
}

#[test]
fn ghost_town_rule_counts_quiet_days_from_launch_without_syncs() {
    // Launched T−60, never synced: 60 quiet days. Rhythm 100 × 0.5^((60−30)/30) = 50,
    // exec sync from launch 60 ≤ 90. Score (25×50 + 2500 + 0 + 2000 + 1500)/100 = 72.5 → 73.
    let mut plan = ghost(-60, 30);
    plan.log.retain(|e| e.kind == LogKind::Win);
    let m = score(&plan);
    assert_eq!(m.score, Some(73));
    assert!(m.ghost_town);
    assert_eq!(m.computed_band, Band::GhostTownRisk);
}

// ---------------------------------------------------------------------------------------------
// Quarter boundaries for timing
// ---------------------------------------------------------------------------------------------

fn confirmed(on: NaiveDate) -> Plan {
    let mut plan = live(-10, Cadence::Fortnightly);
    plan.timing.confirmed_on = Some(on);
    plan
}

#[test]
fn timing_goes_stale_at_the_october_boundary() {
    let plan = confirmed(date(2026, 9, 30));
    assert!(timing_confirmed(&plan, date(2026, 9, 30)));
    assert!(!timing_confirmed(&plan, date(2026, 10, 1)));
    let plan = confirmed(date(2026, 10, 1));
    assert!(timing_confirmed(&plan, date(2026, 10, 1)));
    assert!(timing_confirmed(&plan, date(2026, 12, 31)));
}

#[test]
fn timing_goes_stale_at_the_new_year() {
    let plan = confirmed(date(2026, 12, 31));
    assert!(timing_confirmed(&plan, date(2026, 12, 31)));
    assert!(!timing_confirmed(&plan, date(2027, 1, 1)));
    // Same quarter number, another year: stale.
    let plan = confirmed(date(2026, 1, 15));
    assert!(!timing_confirmed(&plan, date(2027, 1, 15)));
}

#[test]
fn timing_missing_is_not_confirmed() {
    let mut plan = live(-10, Cadence::Fortnightly);
    plan.timing.confirmed_on = None;
    assert!(!timing_confirmed(&plan, today()));
    assert!(!score(&plan).facts.timing_confirmed);
}

#[test]
fn timing_quarter_boundary_caps_the_band() {
    // The healthy plan confirmed 30 Sep 2026, scored 1 Oct 2026 with everything shifted there.
    let shift = TimeDelta::days((date(2026, 10, 1) - today()).num_days());
    let mut plan = moving();
    plan.pilot.launch_on = plan.pilot.launch_on.map(|d| d + shift);
    for entry in &mut plan.log {
        entry.on += shift;
    }
    for step in &mut plan.steps {
        step.created_on += shift;
        step.due_on = step.due_on.map(|d| d + shift);
        step.done_on = step.done_on.map(|d| d + shift);
    }
    for kr in &mut plan.foundation.key_results {
        kr.checked_on = kr.checked_on.map(|d| d + shift);
    }
    plan.timing.confirmed_on = Some(date(2026, 9, 30));
    let oct1 = score_at(&plan, date(2026, 10, 1));
    assert_eq!(oct1.score, Some(100));
    assert_eq!(oct1.computed_band, Band::Drifting);
    assert_eq!(oct1.caps, vec![Cap::TimingNotConfirmed]);
    plan.timing.confirmed_on = Some(date(2026, 10, 1));
    assert_eq!(
        score_at(&plan, date(2026, 10, 1)).computed_band,
        Band::Moving
    );
}

// ---------------------------------------------------------------------------------------------
// History: the plan as known at an earlier date d
// ---------------------------------------------------------------------------------------------

#[test]
fn as_known_at_d_ignores_later_log_entries() {
    // c = 14, exec sync T−40, plain sync today. At d = T−12: last sync T−40 → 28 days →
    // 100 × 0.5^(14/14) = 50. At T: 100.
    let mut plan = live(-60, Cadence::Fortnightly);
    log(&mut plan, LogKind::ExecSync, -40);
    log(&mut plan, LogKind::Sync, 0);
    assert_close(value(&score_at(&plan, at(-12)), Component::Rhythm), 50.0);
    assert_close(rhythm(&plan), 100.0);
    // A win today is unknown at d = T−21: no win since launch (T−60) → 39 days →
    // 100 × 0.5^(39/21) = 27.6; today: 100.
    log(&mut plan, LogKind::Win, 0);
    assert_close(
        value(&score_at(&plan, at(-21)), Component::Energy),
        100.0 * 0.5f64.powf(39.0 / 21.0),
    );
    assert_close(energy(&plan), 100.0);
}

#[test]
fn as_known_at_d_ignores_steps_created_later() {
    // A theirs step created T−5, due T+5. At d = T−10 it does not exist: Commitments 0.
    // At T: 1 with the partner → 40.
    let mut plan = live(-60, Cadence::Fortnightly);
    step_full(&mut plan, Side::Theirs, "Ben", -5, Some(5), None);
    assert_close(
        value(&score_at(&plan, at(-10)), Component::Commitments),
        0.0,
    );
    assert_close(commitments(&plan), 40.0);
}

#[test]
fn as_known_at_d_steps_done_later_are_open_and_can_be_overdue() {
    // Step due T−20, done T−3. At d = T−10: due in [d−45, d], open, overdue →
    // 0/1 − 10 → 0. At T: done late → 50.
    let mut plan = live(-60, Cadence::Fortnightly);
    done_step(&mut plan, -20, -3);
    let then = score_at(&plan, at(-10));
    assert_close(value(&then, Component::FollowThrough), 0.0);
    assert_eq!(then.facts.overdue_steps, 1);
    assert_close(follow_through(&plan), 50.0);
    assert_eq!(score(&plan).facts.overdue_steps, 0);
}

#[test]
fn as_known_at_d_steps_done_later_are_still_commitments() {
    // Theirs step due T+10, done T−5. At d = T−10: open, due within [d, d+30] → 40. At T: 0.
    let mut plan = live(-60, Cadence::Fortnightly);
    step_full(&mut plan, Side::Theirs, "Ben", -60, Some(10), Some(-5));
    assert_close(
        value(&score_at(&plan, at(-10)), Component::Commitments),
        40.0,
    );
    assert_close(commitments(&plan), 0.0);
}

#[test]
fn as_known_at_d_a_later_check_in_counts_as_none() {
    // Key result at target (100 of 0..100), checked T−3 on track; no due_on → launch + 30 =
    // T−30, so elapsed is 1 at both dates.
    // At d = T−10: no check-in yet → no current (progress 0) and confidence 50 → 0.4×50 = 20.
    // At T: progress 1 → pace 100; on track → 0.6×100 + 0.4×100 = 100.
    let mut plan = live(-60, Cadence::Fortnightly);
    plan.foundation.key_results.push(kr(
        0.0,
        100.0,
        Some(100.0),
        None,
        Some(Confidence::OnTrack),
        Some(-3),
    ));
    assert_close(value(&score_at(&plan, at(-10)), Component::Outcomes), 20.0);
    assert_close(outcomes(&plan), 100.0);
}

// ---------------------------------------------------------------------------------------------
// Trend and history
// ---------------------------------------------------------------------------------------------

/// c = 14, launched T−30, syncs at T−14 and T (Rhythm 100 at T−14 and at T; no exec sync, but
/// 16 and 30 days since launch are ≤ 42), no win (Energy held at 60 on days 16 and 30), no key
/// results (Outcomes n/a), timing confirmed T−20. One step due T−20 is done at T−18 (late →
/// Follow-through 50) when `late`, else at T−20 (on time → 100), at both dates.
/// Score = (2500 + 25 × FT + 15 × C + 15 × 60)/80.
fn trend_plan(late: bool) -> Plan {
    let mut plan = live(-30, Cadence::Fortnightly);
    plan.timing.confirmed_on = Some(at(-20));
    log(&mut plan, LogKind::Sync, -14);
    log(&mut plan, LogKind::Sync, 0);
    step_full(
        &mut plan,
        Side::Ours,
        "Ana",
        -30,
        Some(-20),
        Some(if late { -18 } else { -20 }),
    );
    // A step of ours due T+10, a commitment at both dates.
    step_full(&mut plan, Side::Ours, "Ana", -30, Some(10), None);
    plan
}

fn trend_of(plan: &Plan) -> pilotdeck::domain::scoring::Trend {
    trend(plan, today(), &MODEL).expect("a trend")
}

#[test]
fn trend_up_at_plus_5() {
    // FT 50. Then (T−14): 1 ours → C 40 → (2500 + 1250 + 600 + 900)/80 = 65.625 → 66.
    // Now: + a theirs step created T−5, due T+20 → 2 with the partner → 70 →
    // (2500 + 1250 + 1050 + 900)/80 = 71.25 → 71. 71 − 66 = +5 → ↑.
    let mut plan = trend_plan(true);
    step_full(&mut plan, Side::Theirs, "Ben", -5, Some(20), None);
    let t = trend_of(&plan);
    assert_eq!((t.then, t.now), (66, 71));
    assert_eq!(t.direction, Direction::Up);
}

#[test]
fn trend_down_at_minus_5() {
    // FT 100. Then: 1 ours → 40 → (2500 + 2500 + 600 + 900)/80 = 81.25 → 81.
    // Now: three blockers logged T−10 are open 10 days (> 7): Energy 60 − 30 = 30 →
    // (2500 + 2500 + 600 + 450)/80 = 75.625 → 76. At T−14 they were not logged yet.
    // 76 − 81 = −5 → ↓.
    let mut plan = trend_plan(false);
    for _ in 0..3 {
        blocker(&mut plan, -10, None);
    }
    let t = trend_of(&plan);
    assert_eq!((t.then, t.now), (81, 76));
    assert_eq!(t.direction, Direction::Down);
}

#[test]
fn trend_finishing_a_partner_step_early_no_longer_turns_the_arrow_down() {
    // FT 50 (one step late). A theirs step due T+10 is done at T−5, 15 days early.
    // Then (T−14): still open, 2 commitments with the partner → 70 →
    // (2500 + 1250 + 1050 + 900)/80 = 71.25 → 71.
    // Now: 1 ours → 40; the step done early is counted on time (done in the window):
    // FT 100 × (1 + 0.5)/2 = 75 → (2500 + 1875 + 600 + 900)/80 = 73.4375 → 73. 73 − 71 = +2 → →.
    // Version 1 did not count it (not due yet), so it showed 71 → 66, ↓: finishing early cost
    // five points.
    let mut plan = trend_plan(true);
    step_full(&mut plan, Side::Theirs, "Ben", -30, Some(10), Some(-5));
    let t = trend_of(&plan);
    assert_eq!((t.then, t.now), (71, 73));
    assert_eq!(t.direction, Direction::Flat);
}

#[test]
fn trend_flat_at_plus_4() {
    // FT 100. Then: 1 ours → 40 → (2500 + 2500 + 600 + 900)/80 = 81.25 → 81.
    // Now: + an ours step created T−5 → 2 ours → min(70, 60) = 60 → 6800/80 = 85. +4 → →.
    let mut plan = trend_plan(false);
    step_full(&mut plan, Side::Ours, "Ana", -5, Some(20), None);
    let t = trend_of(&plan);
    assert_eq!((t.then, t.now), (81, 85));
    assert_eq!(t.direction, Direction::Flat);
}

#[test]
fn trend_flat_at_minus_4() {
    // FT 100. An ours step due T+10 done T−5: then 2 ours → 60 → 85; now 1 → 40 → 81. −4 → →.
    let mut plan = trend_plan(false);
    step_full(&mut plan, Side::Ours, "Ana", -30, Some(10), Some(-5));
    let t = trend_of(&plan);
    assert_eq!((t.then, t.now), (85, 81));
    assert_eq!(t.direction, Direction::Flat);
}

#[test]
fn trend_needs_14_days_since_launch() {
    // Launched T−13: 14 days ago it had not launched → no trend.
    let mut plan = trend_plan(true);
    plan.pilot.launch_on = Some(at(-13));
    assert_eq!(trend(&plan, today(), &MODEL), None);
    // Launched T−14: a trend.
    plan.pilot.launch_on = Some(at(-14));
    assert!(trend(&plan, today(), &MODEL).is_some());
}

#[test]
fn history_is_12_weekly_points_ending_today() {
    let mut plan = moving();
    plan.pilot.launch_on = Some(at(-200));
    let points = history(&plan, today(), &MODEL);
    assert_eq!(points.len(), 12);
    assert_eq!(points[0].on, at(-77));
    assert_eq!(points[11].on, today());
    for pair in points.windows(2) {
        assert_eq!(pair[1].on - pair[0].on, TimeDelta::days(7));
    }
    // The last point is today's momentum: the healthy plan's 100.
    assert_eq!(points[11].score, Some(100));
    assert_eq!(points[11].band, Band::Moving);
}

#[test]
fn history_skips_weeks_before_launch() {
    // Launched T−30: points at T−28, T−21, T−14, T−7, T (T−35 is before launch).
    let mut plan = trend_plan(true);
    step_full(&mut plan, Side::Theirs, "Ben", -5, Some(20), None);
    let points = history(&plan, today(), &MODEL);
    let days: Vec<NaiveDate> = points.iter().map(|p| p.on).collect();
    assert_eq!(days, vec![at(-28), at(-21), at(-14), at(-7), today()]);
    // The points at T−14 and T are the trend's 66 and 71, computed by hand above.
    assert_eq!(points[2].score, Some(66));
    assert_eq!(points[4].score, Some(71));
    // Launched exactly T−21: T−21 is included.
    plan.pilot.launch_on = Some(at(-21));
    assert_eq!(history(&plan, today(), &MODEL)[0].on, at(-21));
    assert_eq!(history(&plan, today(), &MODEL).len(), 4);
    // Not launched: no history.
    plan.pilot.launch_on = None;
    assert!(history(&plan, today(), &MODEL).is_empty());
}

// ---------------------------------------------------------------------------------------------
// Overrides: a manual band for 2c days or until the next sync
// ---------------------------------------------------------------------------------------------

/// The healthy plan (computed Moving) with a manual Ghost-town risk set at T−1; c = 14, so it
/// lasts through T−1 + 28 − 1 = T+26.
fn overridden() -> Plan {
    let mut plan = moving();
    plan.score_override = Some(ScoreOverride {
        band: Band::GhostTownRisk,
        reason: "Their sponsor left".into(),
        set_on: at(-1),
    });
    plan
}

#[test]
fn override_shows_the_manual_band_and_keeps_the_computed_one() {
    let m = score(&overridden());
    assert_eq!(m.band, Band::GhostTownRisk);
    assert_eq!(m.computed_band, Band::Moving);
    assert_eq!(m.score, Some(100));
    let manual = m.manual.expect("an override in force");
    assert_eq!(manual.reason, "Their sponsor left");
    assert_eq!(manual.band, Band::GhostTownRisk);
    assert_eq!(manual.until, at(26));
}

#[test]
fn override_is_in_force_from_the_day_it_is_set_until_two_cadences_less_a_day() {
    let plan = overridden();
    // Set on T−1: in force that day.
    assert_eq!(score_at(&plan, at(-1)).band, Band::GhostTownRisk);
    // Not before it was set.
    assert!(score_at(&plan, at(-2)).manual.is_none());
    // Last day: set_on + 2c − 1 = T+26.
    assert_eq!(score_at(&plan, at(26)).band, Band::GhostTownRisk);
    // Gone at set_on + 2c = T+27.
    let gone = score_at(&plan, at(27));
    assert!(gone.manual.is_none());
    assert_eq!(gone.band, gone.computed_band);
}

#[test]
fn override_ends_at_the_next_sync() {
    // A sync today, after the override set at T−1: gone today, still in force at T−1.
    let mut plan = overridden();
    log(&mut plan, LogKind::Sync, 0);
    let m = score(&plan);
    assert!(m.manual.is_none());
    assert_eq!(m.band, Band::Moving);
    assert_eq!(score_at(&plan, at(-1)).band, Band::GhostTownRisk);
    // An exec sync is a sync too.
    let mut plan = overridden();
    log(&mut plan, LogKind::ExecSync, 1);
    assert!(score_at(&plan, at(1)).manual.is_none());
}

#[test]
fn override_survives_wins_and_notes() {
    let mut plan = overridden();
    log(&mut plan, LogKind::Win, 0);
    log(&mut plan, LogKind::Note, 0);
    assert_eq!(score(&plan).band, Band::GhostTownRisk);
}

#[test]
fn override_lasts_two_cadences_of_the_plans_rhythm() {
    // Weekly: set T−1, lasts through T−1 + 14 − 1 = T+12; gone at T+13.
    let mut plan = overridden();
    plan.foundation.rhythm.cadence_days = Cadence::Weekly;
    assert_eq!(score_at(&plan, at(12)).band, Band::GhostTownRisk);
    assert!(score_at(&plan, at(13)).manual.is_none());
}

// ---------------------------------------------------------------------------------------------
// Launch readiness: 10 checks
// ---------------------------------------------------------------------------------------------

/// A designing plan that passes all ten checks at T.
fn ready_plan() -> Plan {
    let mut plan = draft(-10);
    plan.pilot.use_case = "Bundle our app with their fibre plans in one region".into();
    plan.pilot.primary_metric = Metric {
        name: "Activations".into(),
        baseline: Some(0.0),
        target: Some(200.0),
        unit: "accounts".into(),
    };
    plan.pilot.stop_condition = "Fewer than 20 activations by day 30".into();
    plan.pilot.launch_on = Some(at(14));
    plan.foundation.objective = "Prove the bundle sells in one region".into();
    plan.foundation
        .key_results
        .push(kr(0.0, 200.0, None, None, None, None));
    plan.foundation.governance = Governance {
        our_owner: "Ana".into(),
        their_owner: "Ben".into(),
        our_sponsor: "Carla".into(),
        their_sponsor: "Dev".into(),
        decision_rule: String::new(),
        escalation: String::new(),
    };
    plan.foundation.rhythm.cadence_days = Cadence::Fortnightly;
    plan.foundation.rhythm.next_sync_on = Some(at(7));
    plan.timing = Timing {
        their_priority: "Cut churn".into(),
        how_we_fit: "Bundles reduce churn".into(),
        fit: Rating::new(4),
        readiness: Rating::new(4),
        in_rebuild: false,
        confirmed_on: Some(today()),
    };
    open_step(&mut plan, Side::Ours, 3);
    open_step(&mut plan, Side::Ours, 7);
    open_step(&mut plan, Side::Theirs, 10);
    plan
}

#[track_caller]
fn assert_only_missing(plan: &Plan, check: Check) {
    let r = readiness(plan, today(), &MODEL);
    assert_eq!(r.missing().collect::<Vec<_>>(), vec![check]);
    // 9 of 10 → 90.
    assert_eq!(r.percent(), 90);
    assert!(!r.ready());
}

#[test]
fn readiness_full_plan_is_ready() {
    let r = readiness(&ready_plan(), today(), &MODEL);
    assert_eq!(r.items.len(), 10);
    assert_eq!(r.percent(), 100);
    assert!(r.ready());
}

#[test]
fn readiness_use_case() {
    let mut plan = ready_plan();
    plan.pilot.use_case = "  ".into();
    assert_only_missing(&plan, Check::UseCase);
}

#[test]
fn readiness_primary_metric_needs_baseline_and_target() {
    let mut plan = ready_plan();
    plan.pilot.primary_metric.target = None;
    assert_only_missing(&plan, Check::PrimaryMetric);
    let mut plan = ready_plan();
    plan.pilot.primary_metric.baseline = None;
    assert_only_missing(&plan, Check::PrimaryMetric);
    let mut plan = ready_plan();
    plan.pilot.primary_metric.name = String::new();
    assert_only_missing(&plan, Check::PrimaryMetric);
}

#[test]
fn readiness_stop_condition() {
    let mut plan = ready_plan();
    plan.pilot.stop_condition = String::new();
    assert_only_missing(&plan, Check::StopCondition);
}

#[test]
fn readiness_shared_objective_with_a_key_result() {
    let mut plan = ready_plan();
    plan.foundation.objective = String::new();
    assert_only_missing(&plan, Check::SharedObjective);
    let mut plan = ready_plan();
    plan.foundation.key_results.clear();
    assert_only_missing(&plan, Check::SharedObjective);
}

#[test]
fn readiness_an_owner_on_each_side() {
    let mut plan = ready_plan();
    plan.foundation.governance.their_owner = String::new();
    assert_only_missing(&plan, Check::Owners);
    let mut plan = ready_plan();
    plan.foundation.governance.our_owner = " ".into();
    assert_only_missing(&plan, Check::Owners);
}

#[test]
fn readiness_a_sponsor_on_each_side() {
    let mut plan = ready_plan();
    plan.foundation.governance.their_sponsor = String::new();
    assert_only_missing(&plan, Check::Sponsors);
    let mut plan = ready_plan();
    plan.foundation.governance.our_sponsor = String::new();
    assert_only_missing(&plan, Check::Sponsors);
}

#[test]
fn readiness_a_next_sync_date() {
    let mut plan = ready_plan();
    plan.foundation.rhythm.next_sync_on = None;
    assert_only_missing(&plan, Check::Rhythm);
}

#[test]
fn readiness_timing_confirmed_this_quarter() {
    let mut plan = ready_plan();
    plan.timing.confirmed_on = None;
    assert_only_missing(&plan, Check::Timing);
    let mut plan = ready_plan();
    plan.timing.confirmed_on = Some(date(2026, 3, 31));
    assert_only_missing(&plan, Check::Timing);
    let mut plan = ready_plan();
    plan.timing.confirmed_on = Some(date(2026, 4, 1));
    assert!(readiness(&plan, today(), &MODEL).ready());
}

#[test]
fn readiness_timing_not_poor() {
    // Fit 2, readiness 2 or a rebuild is poor timing; fit 3 is not.
    let mut plan = ready_plan();
    plan.timing.fit = Rating::new(2);
    assert!(poor_timing(&plan, &MODEL));
    assert_only_missing(&plan, Check::Timing);
    let mut plan = ready_plan();
    plan.timing.readiness = Rating::new(2);
    assert!(poor_timing(&plan, &MODEL));
    assert_only_missing(&plan, Check::Timing);
    let mut plan = ready_plan();
    plan.timing.fit = Rating::new(1);
    assert!(poor_timing(&plan, &MODEL));
    let mut plan = ready_plan();
    plan.timing.in_rebuild = true;
    assert!(poor_timing(&plan, &MODEL));
    assert_only_missing(&plan, Check::Timing);
    let mut plan = ready_plan();
    plan.timing.fit = Rating::new(3);
    plan.timing.readiness = Rating::new(3);
    assert!(!poor_timing(&plan, &MODEL));
    assert!(readiness(&plan, today(), &MODEL).ready());
}

#[test]
fn readiness_timing_needs_both_ratings() {
    // "Timing confirmed this quarter and not poor": a timing check without its fit and
    // readiness ratings has not been done, so the item waits for them. Unrated is not poor.
    let mut plan = ready_plan();
    plan.timing.fit = None;
    plan.timing.readiness = None;
    assert!(!poor_timing(&plan, &MODEL));
    assert_only_missing(&plan, Check::Timing);
}

#[test]
fn readiness_three_owned_dated_steps_one_the_partners() {
    // All three ours.
    let mut plan = ready_plan();
    plan.steps[2].owner_side = Side::Ours;
    assert_only_missing(&plan, Check::NextSteps);
    // Joint counts as the partner's.
    plan.steps[2].owner_side = Side::Joint;
    assert!(readiness(&plan, today(), &MODEL).ready());
    // Only two.
    let mut plan = ready_plan();
    plan.steps.remove(0);
    assert_only_missing(&plan, Check::NextSteps);
    // One without an owner.
    let mut plan = ready_plan();
    plan.steps[0].owner_name = "  ".into();
    assert_only_missing(&plan, Check::NextSteps);
    // One without a date.
    let mut plan = ready_plan();
    plan.steps[0].due_on = None;
    assert_only_missing(&plan, Check::NextSteps);
    // One done already.
    let mut plan = ready_plan();
    plan.steps[0].done_on = Some(at(-1));
    assert_only_missing(&plan, Check::NextSteps);
}

#[test]
fn readiness_launch_date_within_30_days() {
    for ok in [0, 30] {
        let mut plan = ready_plan();
        plan.pilot.launch_on = Some(at(ok));
        assert!(readiness(&plan, today(), &MODEL).ready(), "launch T+{ok}");
    }
    for late in [31, -1] {
        let mut plan = ready_plan();
        plan.pilot.launch_on = Some(at(late));
        assert_only_missing(&plan, Check::LaunchDate);
    }
    let mut plan = ready_plan();
    plan.pilot.launch_on = None;
    assert_only_missing(&plan, Check::LaunchDate);
}

#[test]
fn readiness_percent_counts_each_check_as_ten() {
    // Two missing → 80.
    let mut plan = ready_plan();
    plan.pilot.use_case = String::new();
    plan.pilot.stop_condition = String::new();
    let r = readiness(&plan, today(), &MODEL);
    assert_eq!(r.percent(), 80);
    assert!(!r.ready());
    // Nothing filled → 0.
    let r = readiness(&draft(-1), today(), &MODEL);
    assert_eq!(r.percent(), 0);
}

// ---------------------------------------------------------------------------------------------
// Alerts
// ---------------------------------------------------------------------------------------------

fn kinds(plan: &Plan) -> Vec<AlertKind> {
    kinds_at(plan, today())
}

fn kinds_at(plan: &Plan, day: NaiveDate) -> Vec<AlertKind> {
    alerts(plan, day, &MODEL).iter().map(|a| a.kind).collect()
}

/// Launched `T + launch`, synced today, with two open commitments (theirs T+5, ours T+10).
fn dip_plan(launch: i64) -> Plan {
    let mut plan = live(launch, Cadence::Fortnightly);
    log(&mut plan, LogKind::Sync, 0);
    open_step(&mut plan, Side::Theirs, 5);
    open_step(&mut plan, Side::Ours, 10);
    plan
}

#[test]
fn alert_energy_dip_from_day_14_to_60_with_fewer_than_three_commitments() {
    for day in [14, 30, 60] {
        assert!(
            kinds(&dip_plan(-day)).contains(&AlertKind::EnergyDip),
            "day {day}"
        );
    }
    for day in [13, 61] {
        assert!(
            !kinds(&dip_plan(-day)).contains(&AlertKind::EnergyDip),
            "day {day}"
        );
    }
    // Three commitments: no dip.
    let mut plan = dip_plan(-20);
    open_step(&mut plan, Side::Joint, 15);
    assert!(!kinds(&plan).contains(&AlertKind::EnergyDip));
}

#[test]
fn alert_going_quiet_at_twice_the_cadence() {
    // c = 14: last sync 28 days ago → quiet; 27 → not.
    let mut plan = live(-100, Cadence::Fortnightly);
    log(&mut plan, LogKind::ExecSync, -28);
    assert!(kinds(&plan).contains(&AlertKind::GoingQuiet));
    plan.log[0].on = at(-27);
    assert!(!kinds(&plan).contains(&AlertKind::GoingQuiet));
    // Weekly: 14 → quiet, 13 → not.
    plan.foundation.rhythm.cadence_days = Cadence::Weekly;
    plan.log[0].on = at(-14);
    assert!(kinds(&plan).contains(&AlertKind::GoingQuiet));
    plan.log[0].on = at(-13);
    assert!(!kinds(&plan).contains(&AlertKind::GoingQuiet));
}

#[test]
fn alert_overdue_steps() {
    let mut plan = dip_plan(-100);
    assert!(!kinds(&plan).contains(&AlertKind::OverdueSteps));
    // Due today: not yet overdue.
    let id = open_step(&mut plan, Side::Ours, 0);
    assert!(!kinds(&plan).contains(&AlertKind::OverdueSteps));
    // Due yesterday, open: overdue.
    plan.steps
        .iter_mut()
        .find(|s| s.id == id)
        .expect("step")
        .due_on = Some(at(-1));
    assert!(kinds(&plan).contains(&AlertKind::OverdueSteps));
    // Done: no longer.
    plan.steps
        .iter_mut()
        .find(|s| s.id == id)
        .expect("step")
        .done_on = Some(at(0));
    assert!(!kinds(&plan).contains(&AlertKind::OverdueSteps));
}

#[test]
fn alert_ghost_town_risk() {
    assert!(kinds(&ghost(-60, 30)).contains(&AlertKind::GhostTownRisk));
    assert!(!kinds(&ghost(-59, 30)).contains(&AlertKind::GhostTownRisk));
    assert!(!kinds(&moving()).contains(&AlertKind::GhostTownRisk));
}

#[test]
fn alert_timing_stale_in_a_new_quarter() {
    let mut plan = moving();
    assert!(!kinds(&plan).contains(&AlertKind::TimingStale));
    plan.timing.confirmed_on = Some(date(2026, 3, 31));
    assert!(kinds(&plan).contains(&AlertKind::TimingStale));
    plan.timing.confirmed_on = None;
    assert!(kinds(&plan).contains(&AlertKind::TimingStale));
    // 31 Dec → 1 Jan.
    plan.timing.confirmed_on = Some(date(2026, 12, 31));
    assert!(!kinds_at(&plan, date(2026, 12, 31)).contains(&AlertKind::TimingStale));
    assert!(kinds_at(&plan, date(2027, 1, 1)).contains(&AlertKind::TimingStale));
}

#[test]
fn alert_planning_too_long_after_30_days_of_design() {
    // Designing, created 31 days ago → alert; 30 days ago → none.
    let plan = draft(-31);
    assert_eq!(plan.stage, Stage::Designing);
    assert!(kinds(&plan).contains(&AlertKind::PlanningTooLong));
    assert!(!kinds(&draft(-30)).contains(&AlertKind::PlanningTooLong));
    // Exploring is not designing.
    let mut plan = draft(-31);
    plan.stage = Stage::Exploring;
    assert!(!kinds(&plan).contains(&AlertKind::PlanningTooLong));
}

#[test]
fn alert_review_due_after_the_pilot_length() {
    // No cycle yet: due at launch + length (30). Launched T−30 → due; T−29 → not.
    let plan = dip_plan(-30);
    assert!(kinds(&plan).contains(&AlertKind::ReviewDue));
    assert!(!kinds(&dip_plan(-29)).contains(&AlertKind::ReviewDue));
    // A 45-day pilot launched T−30 is not due.
    let mut plan = dip_plan(-30);
    plan.pilot.length_days = 45;
    assert!(!kinds(&plan).contains(&AlertKind::ReviewDue));
    // A cycle started T−30 and not reviewed is due; started T−29, not; reviewed, not.
    let mut plan = dip_plan(-100);
    let cycle = |started: i64, reviewed: Option<i64>| Cycle {
        started_on: at(started),
        reviewed_on: reviewed.map(at),
        keep: String::new(),
        change: String::new(),
        stop: String::new(),
        decision: None,
    };
    plan.cycles = vec![cycle(-30, None)];
    assert!(kinds(&plan).contains(&AlertKind::ReviewDue));
    plan.cycles = vec![cycle(-29, None)];
    assert!(!kinds(&plan).contains(&AlertKind::ReviewDue));
    plan.cycles = vec![cycle(-40, Some(-5))];
    assert!(!kinds(&plan).contains(&AlertKind::ReviewDue));
}

#[test]
fn alert_revisit_due_for_parked_plans() {
    let mut plan = draft(-100);
    plan.stage = Stage::Parked;
    plan.revisit_on = Some(today());
    assert!(kinds(&plan).contains(&AlertKind::RevisitDue));
    plan.revisit_on = Some(at(1));
    assert!(!kinds(&plan).contains(&AlertKind::RevisitDue));
}

#[test]
fn a_healthy_plan_has_no_alerts_and_a_stopped_plan_none_at_all() {
    // The healthy plan: launched T−40 so its first review is due (T−10); nothing else.
    assert_eq!(kinds(&moving()), vec![AlertKind::ReviewDue]);
    let mut plan = ghost(-60, 30);
    plan.stage = Stage::Stopped;
    assert!(kinds(&plan).is_empty());
}

// ---------------------------------------------------------------------------------------------
// Explanation
// ---------------------------------------------------------------------------------------------

#[test]
fn explain_log_sync_on_a_plan_three_cadences_quiet() {
    // c = 14, launched T−60, exec sync T−42 (3 cadences quiet), win T−21, a step due T−10 done
    // on time, open steps T+5 ours, T+10 theirs, T+15 joint, no key results.
    // Rhythm 100 × 0.5^((42−14)/14) = 25 (exec sync 42 is not > 42); FT 100; C 100; O n/a;
    // Energy 100 × 0.5^(21/21) = 50.
    // Now: (25×25 + 2500 + 1500 + 15×50)/80 = 5375/80 = 67.19 → 67, Drifting.
    // Log a sync: Rhythm 100 → (2500 + 2500 + 1500 + 750)/80 = 90.625 → 91: +24, Moving.
    // Log a win: Energy 100 → (625 + 2500 + 1500 + 1500)/80 = 76.5625 → 77: +10, Moving.
    // Add a partner step: Commitments stays 100: no gain, not listed.
    // Points lost: Rhythm 25 × 0.75 = 18.75, Energy 15 × 0.5 = 7.5 → biggest drag Rhythm.
    let mut plan = live(-60, Cadence::Fortnightly);
    log(&mut plan, LogKind::ExecSync, -42);
    log(&mut plan, LogKind::Win, -21);
    done_step(&mut plan, -10, -10);
    open_step(&mut plan, Side::Ours, 5);
    open_step(&mut plan, Side::Theirs, 10);
    open_step(&mut plan, Side::Joint, 15);
    let e = explain(&plan, today(), &MODEL);
    assert_eq!(e.momentum.score, Some(67));
    assert_eq!(e.momentum.computed_band, Band::Drifting);
    assert_eq!(e.biggest_drag, Some(Component::Rhythm));
    let got: Vec<(Action, i32, Band)> = e
        .what_ifs
        .iter()
        .map(|w| (w.action.clone(), w.gain, w.band_after))
        .collect();
    assert_eq!(
        got,
        vec![
            (Action::LogSync, 24, Band::Moving),
            (Action::LogWin, 10, Band::Moving),
        ]
    );
    // Points per component: Rhythm 25 × 25/100 = 6.25 of 25.
    let r = e.momentum.component(Component::Rhythm);
    assert_close(r.points(), 6.25);
    assert_close(r.lost(), 18.75);
}

#[test]
fn explain_orders_what_ifs_by_gain() {
    // c = 14, launched T−20, sync T−3 (Rhythm 100; no exec sync but 20 ≤ 42), no win (held 60),
    // no key results, one open step of ours due T−5 (FT 0/1 − 10 → 0), one open step of ours
    // due T+10 (Commitments 40).
    // Now: (2500 + 0 + 15×40 + 15×60)/80 = 4000/80 = 50, Drifting.
    // Complete the overdue step today: done late → FT 50 → (2500 + 1250 + 600 + 900)/80 =
    //   65.625 → 66: +16, Drifting (66 < 70).
    // Log a win: Energy 100 → (2500 + 600 + 1500)/80 = 57.5 → 58: +8, Drifting.
    // Add a partner step due T+14: 2 with the partner → 70 → (2500 + 1050 + 900)/80 = 55.625 →
    //   56: +6, Drifting.
    // Log a sync: Rhythm already 100: no gain, not listed.
    // Points lost: FT 25, Commitments 15 × 0.6 = 9, Energy 15 × 0.4 = 6 → biggest drag FT.
    let mut plan = live(-20, Cadence::Fortnightly);
    log(&mut plan, LogKind::Sync, -3);
    let late = step_full(&mut plan, Side::Ours, "Ana", -20, Some(-5), None);
    open_step(&mut plan, Side::Ours, 10);
    let e = explain(&plan, today(), &MODEL);
    assert_eq!(e.momentum.score, Some(50));
    assert_eq!(e.biggest_drag, Some(Component::FollowThrough));
    let got: Vec<(Action, i32, Band)> = e
        .what_ifs
        .iter()
        .map(|w| (w.action.clone(), w.gain, w.band_after))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                Action::CompleteStep {
                    id: late,
                    title: "Step 0".into()
                },
                16,
                Band::Drifting
            ),
            (Action::LogWin, 8, Band::Drifting),
            (Action::AddPartnerStep, 6, Band::Drifting),
        ]
    );
}

#[test]
fn explain_lists_a_band_lift_with_no_points() {
    // The healthy plan with timing never confirmed: 100 but Drifting; confirming lifts the band
    // to Moving for 0 points. Nothing loses points → no biggest drag.
    let mut plan = moving();
    plan.timing.confirmed_on = None;
    let e = explain(&plan, today(), &MODEL);
    assert_eq!(e.biggest_drag, None);
    assert_eq!(e.what_ifs.len(), 1);
    assert_eq!(e.what_ifs[0].action, Action::ConfirmTiming);
    assert_eq!(e.what_ifs[0].gain, 0);
    assert_eq!(e.what_ifs[0].band_after, Band::Moving);
}

#[test]
fn explain_check_in_on_a_key_result() {
    // The healthy plan, its key result never checked in (at target, due launch + 30 = T−10 so
    // elapsed 1): Outcomes 0.6 × 100 + 0.4 × 50 = 80 → (2500 + 2500 + 1500 + 20×80 + 1500)/100
    // = 96. Checking in (confidence as stated: on track) → Outcomes 100 → 100: +4.
    // Points lost: Outcomes 20 × 0.2 = 4, nothing else → biggest drag Outcomes.
    let mut plan = moving();
    plan.foundation.key_results[0].checked_on = None;
    let e = explain(&plan, today(), &MODEL);
    assert_eq!(e.momentum.score, Some(96));
    assert_eq!(e.biggest_drag, Some(Component::Outcomes));
    assert_eq!(e.what_ifs.len(), 1);
    assert!(matches!(
        e.what_ifs[0].action,
        Action::CheckIn { index: 0, .. }
    ));
    assert_eq!(e.what_ifs[0].gain, 4);
    assert_eq!(e.what_ifs[0].band_after, Band::Moving);
}

// ---------------------------------------------------------------------------------------------
// Explanation, version 2: whole points that add up to the score, and what n/a does to them
// ---------------------------------------------------------------------------------------------

fn points_and_out_of(e: &pilotdeck::domain::scoring::Explanation) -> Vec<(Option<u32>, u32)> {
    e.shares.iter().map(|s| (s.points, s.out_of)).collect()
}

#[test]
fn explain_points_are_the_weights_when_every_component_is_full() {
    let e = explain(&moving(), today(), &MODEL);
    assert_eq!(
        points_and_out_of(&e),
        vec![
            (Some(25), 25),
            (Some(25), 25),
            (Some(15), 15),
            (Some(20), 20),
            (Some(15), 15)
        ]
    );
    assert_eq!(e.scaled_note(), None);
}

#[test]
fn explain_points_add_up_with_one_component_na() {
    // The 92.5 → 93 plan of `total_rounds_an_exact_half_up`: Rhythm, Follow-through and
    // Commitments 100, Outcomes n/a, Energy 60; the weights with data add up to 80.
    // Exact points: 100×25/80 = 31.25, 31.25, 100×15/80 = 18.75, n/a, 60×15/80 = 11.25 (92.5).
    // Whole parts 31 + 31 + 18 + 11 = 91; two more for 93, to the largest remainders:
    // Commitments (.75), then Rhythm (.25, first of the tied three) → 32, 31, 19, –, 11.
    // Out of: 25/80 × 100 = 31.25, 31.25, 18.75, –, 18.75 → 31 + 31 + 18 + 18 = 98; two more,
    // to the .75s → 31, 31, 19, 0, 19.
    let mut plan = live(-10, Cadence::Fortnightly);
    log(&mut plan, LogKind::Sync, -5);
    done_step(&mut plan, -8, -8);
    open_step(&mut plan, Side::Ours, 5);
    open_step(&mut plan, Side::Theirs, 10);
    open_step(&mut plan, Side::Joint, 15);
    let e = explain(&plan, today(), &MODEL);
    assert_eq!(e.momentum.score, Some(93));
    assert_eq!(
        points_and_out_of(&e),
        vec![
            (Some(32), 31),
            (Some(31), 31),
            (Some(19), 19),
            (None, 0),
            (Some(11), 19)
        ]
    );
    assert_eq!(
        e.scaled_note().as_deref(),
        Some("Outcomes has no data: the other four count for 100.")
    );
}

#[test]
fn explain_points_add_up_with_two_components_na() {
    // c = 14, launched T−20, sync T−3 → Rhythm 100; nothing due or done → Follow-through n/a;
    // one open step of ours due T+10 → Commitments 40; no key results → Outcomes n/a; no win,
    // day 20 → Energy held at 60. Weights with data 25 + 15 + 15 = 55.
    // Score (2500 + 600 + 900)/55 = 72.73 → 73.
    // Exact points 2500/55 = 45.45, 600/55 = 10.91, 900/55 = 16.36 → 45 + 10 + 16 = 71; two
    // more to .91 (Commitments) and .45 (Rhythm) → 46, 11, 16.
    // Out of 45.45, 27.27, 27.27 → 45 + 27 + 27 = 99; one more to Rhythm → 46, 27, 27.
    let mut plan = live(-20, Cadence::Fortnightly);
    log(&mut plan, LogKind::Sync, -3);
    open_step(&mut plan, Side::Ours, 10);
    let e = explain(&plan, today(), &MODEL);
    assert_eq!(e.momentum.score, Some(73));
    assert_eq!(
        points_and_out_of(&e),
        vec![
            (Some(46), 46),
            (None, 0),
            (Some(11), 27),
            (None, 0),
            (Some(16), 27)
        ]
    );
    assert_eq!(
        e.scaled_note().as_deref(),
        Some("Follow-through and Outcomes have no data: the other three count for 100.")
    );
}

#[test]
fn explain_points_add_up_to_a_score_rounded_down() {
    // The 40-point plan of `total_is_the_weighted_mean_over_components_with_data`: Rhythm 50,
    // Follow-through n/a, Commitments 40, Outcomes 20, Energy 50; weights with data 75.
    // Exact 50×25/75 = 16.67, 8, 20×20/75 = 5.33, 50×15/75 = 10 (40): whole parts 39, one more
    // to Rhythm → 17, –, 8, 5, 10. Out of 33.33, 20, 26.67, 20 → 99, one more to Outcomes.
    let mut plan = live(-100, Cadence::Fortnightly);
    log(&mut plan, LogKind::ExecSync, -28);
    log(&mut plan, LogKind::Win, -21);
    open_step(&mut plan, Side::Ours, 5);
    plan.foundation
        .key_results
        .push(kr(0.0, 100.0, None, None, None, None));
    let e = explain(&plan, today(), &MODEL);
    assert_eq!(e.momentum.score, Some(40));
    assert_eq!(
        points_and_out_of(&e),
        vec![
            (Some(17), 33),
            (None, 0),
            (Some(8), 20),
            (Some(5), 27),
            (Some(10), 20)
        ]
    );
    assert_eq!(
        e.scaled_note().as_deref(),
        Some("Follow-through has no data: the other four count for 100.")
    );
}

#[test]
fn explain_has_no_points_while_the_score_is_unknown() {
    // Only Commitments has data: Unknown, so no points, nothing counts for anything, no note.
    let mut plan = draft(-30);
    plan.stage = Stage::Live;
    let e = explain(&plan, today(), &MODEL);
    assert_eq!(e.momentum.score, None);
    assert!(e.shares.iter().all(|s| s.points.is_none() && s.out_of == 0));
    assert_eq!(e.scaled_note(), None);
}

#[test]
fn explain_offers_to_complete_a_slipped_step_by_its_committed_date() {
    // The slipped step of `a_slip_after_its_day_is_frozen_and_does_not_raise_the_score`: due
    // T+10 now, committed to T−3, so it is offered. Score 63, Drifting (Commitments 0 < 20).
    // Complete it today: late → Follow-through 75 → 73 (+10), still held by Commitments 0.
    // Add a partner step due T+14: Commitments 40 → (2500 + 1000 + 600 + 1500)/80 = 70 (+7),
    // no cap left → Moving. Log a sync or a win: both already 100, not listed.
    let (mut plan, late) = slipping();
    assert!(plan.set_step_due(&late, Some(at(10)), today()));
    let e = explain(&plan, today(), &MODEL);
    assert_eq!(e.momentum.score, Some(63));
    let got: Vec<(Action, i32, Band)> = e
        .what_ifs
        .iter()
        .map(|w| (w.action.clone(), w.gain, w.band_after))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                Action::CompleteStep {
                    id: late,
                    title: "Step 1".into()
                },
                10,
                Band::Drifting
            ),
            (Action::AddPartnerStep, 7, Band::Moving),
        ]
    );
}

#[test]
fn explain_offers_to_resolve_a_blocker_open_more_than_7_days() {
    // The healthy plan with a blocker open 12 days (Energy 90 → 98.5 → 99) and one open 2 days
    // (no cost). Resolving the old one today: Energy 100 → 100, +1. The new one is not offered.
    let mut plan = moving();
    let old = blocker(&mut plan, -12, None);
    blocker(&mut plan, -2, None);
    plan.log[2].text =
        "Their procurement team has not approved the pilot budget for the second region yet".into();
    let e = explain(&plan, today(), &MODEL);
    assert_eq!(e.momentum.score, Some(99));
    assert_eq!(e.biggest_drag, Some(Component::Energy));
    assert_eq!(e.what_ifs.len(), 1);
    let resolve = &e.what_ifs[0];
    assert_eq!(
        resolve.action,
        Action::ResolveBlocker {
            id: old.clone(),
            text: plan.log[2].text.clone()
        }
    );
    assert_eq!((resolve.gain, resolve.band_after), (1, Band::Moving));
    assert_eq!(
        resolve.action.label(),
        "Resolve “Their procurement team has not approved the pilot budget for…”"
    );
    // Applying it resolves the blocker today, and nothing else.
    let after = resolve.action.apply(&plan, today(), "unused");
    assert_eq!(after.log[2].resolved_on, Some(today()));
    assert_eq!(after.log[3].resolved_on, None);
}

// ---------------------------------------------------------------------------------------------
// Alerts, version 2: a missed sync, blockers, slipped steps
// ---------------------------------------------------------------------------------------------

fn messages(plan: &Plan) -> Vec<(AlertKind, String)> {
    alerts(plan, today(), &MODEL)
        .iter()
        .map(|a| (a.kind, a.message()))
        .collect()
}

/// c = 14, launched T−100, synced T−20 with the next sync planned a cadence later, T−6
/// (14 May 2026), as logging that sync would have set it.
fn planned_sync() -> Plan {
    let mut plan = live(-100, Cadence::Fortnightly);
    plan.record(LogEntry::with_id("sync", LogKind::Sync, at(-20), ""));
    plan
}

#[test]
fn logging_a_sync_moves_the_next_sync_a_cadence_on_never_back() {
    let mut plan = planned_sync();
    assert_eq!(plan.foundation.rhythm.next_sync_on, Some(at(-6)));
    // A sync today: T + 14.
    plan.record(LogEntry::with_id("today", LogKind::ExecSync, today(), ""));
    assert_eq!(plan.foundation.rhythm.next_sync_on, Some(at(14)));
    // A sync recorded late, dated T−30: T−30 + 14 is earlier, so the date stays.
    plan.record(LogEntry::with_id("old", LogKind::Sync, at(-30), ""));
    assert_eq!(plan.foundation.rhythm.next_sync_on, Some(at(14)));
    // A win moves nothing.
    plan.record(LogEntry::with_id("win", LogKind::Win, at(1), ""));
    assert_eq!(plan.foundation.rhythm.next_sync_on, Some(at(14)));
}

#[test]
fn alert_missed_sync_after_the_planned_day_without_a_sync() {
    let plan = planned_sync();
    // Today, T−6 has passed with no sync since.
    assert!(messages(&plan).contains(&(
        AlertKind::MissedSync,
        "Sync planned for 14 May was missed.".to_string()
    )));
    // On the planned day itself it is not missed yet.
    assert!(!kinds_at(&plan, at(-6)).contains(&AlertKind::MissedSync));
    // A sync on the planned day, or after it, holds it; one before it does not.
    for (on, missed) in [(-6, false), (-2, false), (-7, true)] {
        let mut plan = planned_sync();
        log(&mut plan, LogKind::Sync, on);
        assert_eq!(
            kinds(&plan).contains(&AlertKind::MissedSync),
            missed,
            "sync at T{on}"
        );
    }
    // Logged through `Plan::record`, a sync moves the plan to the next date: nothing missed.
    let mut plan = planned_sync();
    plan.record(LogEntry::with_id("late", LogKind::Sync, at(-2), ""));
    assert_eq!(plan.foundation.rhythm.next_sync_on, Some(at(12)));
    assert!(!kinds(&plan).contains(&AlertKind::MissedSync));
    // No planned date: nothing to miss.
    let mut plan = planned_sync();
    plan.foundation.rhythm.next_sync_on = None;
    assert!(!kinds(&plan).contains(&AlertKind::MissedSync));
}

#[test]
fn alert_slipped_steps() {
    // One slipped step (committed T−3 = 17 May, moved to T+10 today).
    let (mut plan, late) = slipping();
    assert!(!kinds(&plan).contains(&AlertKind::SlippedSteps));
    assert!(plan.set_step_due(&late, Some(at(10)), today()));
    assert!(messages(&plan).contains(&(
        AlertKind::SlippedSteps,
        "1 step slipped from its committed date (17 May).".to_string()
    )));
    // Still overdue too: it is past the date it was committed to.
    assert!(kinds(&plan).contains(&AlertKind::OverdueSteps));
    // Two slipped steps.
    let second = open_step(&mut plan, Side::Theirs, -1);
    assert!(plan.set_step_due(&second, Some(at(5)), today()));
    assert!(messages(&plan).contains(&(
        AlertKind::SlippedSteps,
        "2 steps slipped from the dates they were committed to.".to_string()
    )));
    // Done, a slipped step needs no alert.
    assert!(plan.complete_step(&late, today()));
    assert!(plan.complete_step(&second, today()));
    assert!(!kinds(&plan).contains(&AlertKind::SlippedSteps));
}

#[test]
fn alert_blockers_open_and_ageing() {
    // The healthy plan (its review is due) with a blocker open 12 days and one open 3 days.
    let mut plan = moving();
    blocker(&mut plan, -12, None);
    blocker(&mut plan, -3, None);
    assert_eq!(
        messages(&plan),
        vec![
            (
                AlertKind::BlockerAging,
                "1 blocker open for 12 days: it costs Energy until it is resolved.".to_string()
            ),
            (
                AlertKind::ReviewDue,
                "The cycle that started 40 days ago is ready for its keep / change / stop review."
                    .to_string()
            ),
            (
                AlertKind::OpenBlockers,
                "1 blocker open since 17 May.".to_string()
            ),
        ]
    );
    // A second old one: counted, with the oldest's age.
    blocker(&mut plan, -9, None);
    assert!(messages(&plan).contains(&(
        AlertKind::BlockerAging,
        "2 blockers open for more than 7 days, the oldest for 12 days: they cost Energy until they are resolved."
            .to_string()
    )));
    // Resolved, they raise nothing.
    for entry in &mut plan.log {
        if entry.kind == LogKind::Blocker {
            entry.resolved_on = Some(today());
        }
    }
    assert_eq!(kinds(&plan), vec![AlertKind::ReviewDue]);
}

#[test]
fn alerts_come_most_urgent_first() {
    // A quiet plan with everything going wrong: launched T−100, c = 14, last sync T−40 with the
    // next one planned T−26, a step committed T−3 and moved to T+10, a blocker open 12 days and
    // one open 2 days, timing never confirmed.
    let mut plan = live(-100, Cadence::Fortnightly);
    plan.timing.confirmed_on = None;
    plan.record(LogEntry::with_id("sync", LogKind::Sync, at(-40), ""));
    let late = open_step(&mut plan, Side::Ours, -3);
    assert!(plan.set_step_due(&late, Some(at(10)), today()));
    blocker(&mut plan, -12, None);
    blocker(&mut plan, -2, None);
    assert_eq!(
        kinds(&plan),
        vec![
            AlertKind::GhostTownRisk,
            AlertKind::GoingQuiet,
            AlertKind::MissedSync,
            AlertKind::OverdueSteps,
            AlertKind::BlockerAging,
            AlertKind::SlippedSteps,
            AlertKind::ReviewDue,
            AlertKind::OpenBlockers,
            AlertKind::TimingStale,
        ]
    );
}
