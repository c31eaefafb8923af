#![cfg(not(target_arch = "wasm32"))]
//! Properties of the scoring model (SPEC §4, model version 2) over any valid plan and date.

mod support;

use chrono::{NaiveDate, TimeDelta};
use pilotdeck::domain::scoring::explain::WHAT_IF_ID;
use pilotdeck::domain::scoring::{explain, history, momentum, trend, Component, Direction, MODEL};
use pilotdeck::domain::*;
use proptest::prelude::*;

/// `date` moved into the window `[today − 120, today + 60]`, keeping its spread.
fn near(date: NaiveDate, today: NaiveDate) -> NaiveDate {
    let base = NaiveDate::from_ymd_opt(2024, 1, 1).expect("a valid date");
    let spread = (date - base).num_days().rem_euclid(181);
    today + TimeDelta::days(spread - 120)
}

/// Every date of the plan but its launch moved into the months around `today`, so that steps,
/// syncs, wins, blockers and check-ins land where the rules look. A committed date moves with
/// its due date, and a resolution with its blocker, so slips and resolutions keep their spans.
fn localize(plan: &mut Plan, today: NaiveDate) {
    let mv = |d: &mut NaiveDate| *d = near(*d, today);
    for step in &mut plan.steps {
        mv(&mut step.created_on);
        if let Some(due) = step.due_on {
            let shift = near(due, today) - due;
            step.due_on = Some(due + shift);
            step.committed_on = step.committed_on.map(|on| on + shift);
        }
        step.done_on.iter_mut().for_each(mv);
    }
    for entry in &mut plan.log {
        let shift = near(entry.on, today) - entry.on;
        entry.on += shift;
        entry.resolved_on = entry.resolved_on.map(|on| on + shift);
    }
    for kr in &mut plan.foundation.key_results {
        kr.due_on.iter_mut().for_each(mv);
        kr.checked_on.iter_mut().for_each(mv);
    }
    plan.timing.confirmed_on.iter_mut().for_each(mv);
    if let Some(manual) = &mut plan.score_override {
        mv(&mut manual.set_on);
    }
    for cycle in &mut plan.cycles {
        mv(&mut cycle.started_on);
        cycle.reviewed_on.iter_mut().for_each(mv);
    }
}

/// A plan and a day to score it at: any day, a day near launch, or a day near launch with the
/// plan's dates pulled around it.
fn scenario() -> impl Strategy<Value = (Plan, NaiveDate)> {
    (support::plan(), support::date(), -40i64..400, 0u8..3).prop_map(
        |(mut plan, any_day, offset, mode)| {
            let today = match (mode, plan.pilot.launch_on) {
                (0, _) | (_, None) => any_day,
                (_, Some(launch)) => launch + TimeDelta::days(offset),
            };
            if mode == 2 {
                localize(&mut plan, today);
            }
            (plan, today)
        },
    )
}

fn component(plan: &Plan, today: NaiveDate, c: Component) -> Option<f64> {
    momentum(plan, today, &MODEL).component(c).value
}

/// Steps open at `today` as known then (written down by then, not done by then).
fn open_at(plan: &Plan, today: NaiveDate) -> Vec<usize> {
    plan.steps
        .iter()
        .enumerate()
        .filter(|(_, s)| s.created_on <= today && s.done_on.is_none_or(|done| done > today))
        .map(|(i, _)| i)
        .collect()
}

/// Steps the model sees as overdue open at `today`: open, past the date committed to.
fn overdue(plan: &Plan, today: NaiveDate) -> Vec<usize> {
    open_at(plan, today)
        .into_iter()
        .filter(|&i| plan.steps[i].commitment().is_some_and(|on| on < today))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn scores_are_0_to_100_and_deterministic((plan, today) in scenario()) {
        let m = momentum(&plan, today, &MODEL);
        prop_assert_eq!(&m, &momentum(&plan, today, &MODEL));
        if let Some(score) = m.score {
            prop_assert!(score <= 100);
        }
        for c in &m.components {
            if let Some(v) = c.value {
                prop_assert!(v.is_finite() && (0.0..=100.0).contains(&v), "{:?} = {}", c.component, v);
            }
        }
        prop_assert_eq!(m.score.is_none(), m.computed_band == Band::Unknown);
        prop_assert_eq!(history(&plan, today, &MODEL), history(&plan, today, &MODEL));
        prop_assert_eq!(trend(&plan, today, &MODEL), trend(&plan, today, &MODEL));
        prop_assert_eq!(explain(&plan, today, &MODEL), explain(&plan, today, &MODEL));
    }

    #[test]
    fn logging_a_sync_today_never_lowers_rhythm((plan, today) in scenario(), exec in any::<bool>()) {
        let before = component(&plan, today, Component::Rhythm);
        let mut after_plan = plan.clone();
        after_plan.log.push(LogEntry {
            id: "new-sync".into(),
            on: today,
            kind: if exec { LogKind::ExecSync } else { LogKind::Sync },
            text: String::new(),
            both_sponsors_present: exec,
            internal: false,
            step_id: None,
            owner_name: String::new(),
            resolved_on: None,
        });
        let after = component(&after_plan, today, Component::Rhythm);
        if let Some(before) = before {
            let after = after.expect("still has a rhythm");
            prop_assert!(after >= before - 1e-9, "rhythm {} → {}", before, after);
        }
    }

    #[test]
    fn shares_add_up_to_the_score_and_count_for_100((plan, today) in scenario()) {
        let e = explain(&plan, today, &MODEL);
        let points: u32 = e.shares.iter().filter_map(|s| s.points).sum();
        let out_of: u32 = e.shares.iter().map(|s| s.out_of).sum();
        match e.momentum.score {
            Some(score) => {
                prop_assert_eq!(points, u32::from(score));
                prop_assert_eq!(out_of, 100);
            }
            None => prop_assert!(e.shares.iter().all(|s| s.points.is_none() && s.out_of == 0)),
        }
        for (share, scored) in e.shares.iter().zip(&e.momentum.components) {
            prop_assert_eq!(share.component, scored.component);
            prop_assert_eq!(share.points.is_some(), scored.value.is_some() && e.momentum.score.is_some());
            // Whole points stay within one of the exact contribution, and never above what the
            // component counts for.
            if let (Some(points), Some(value)) = (share.points, scored.value) {
                let exact = value * f64::from(share.out_of) / 100.0;
                prop_assert!((f64::from(points) - exact).abs() < 2.0, "{:?}: {} vs {}", share.component, points, exact);
            }
        }
        prop_assert_eq!(
            e.scaled_note().is_some(),
            e.momentum.score.is_some() && e.momentum.components.iter().any(|c| c.value.is_none())
        );
    }

    #[test]
    fn completing_an_open_step_by_its_commitment_never_lowers_follow_through(
        (plan, today) in scenario(),
        early in 0i64..20,
    ) {
        let before = component(&plan, today, Component::FollowThrough);
        for i in open_at(&plan, today) {
            let Some(committed) = plan.steps[i].commitment() else { continue };
            // Done today, or earlier, and never after the date committed to.
            let on = (today - TimeDelta::days(early)).min(committed);
            let mut after_plan = plan.clone();
            let id = after_plan.steps[i].id.clone();
            prop_assert!(after_plan.complete_step(&id, on));
            let after = component(&after_plan, today, Component::FollowThrough);
            if let Some(before) = before {
                let after = after.expect("still counted");
                prop_assert!(after >= before - 1e-9, "follow-through {} → {}", before, after);
            }
        }
    }

    #[test]
    fn completing_an_overdue_step_committed_in_the_window_never_lowers_follow_through(
        (plan, today) in scenario(),
    ) {
        // Done today, it turns from open (no credit, −10) into late (half credit). A step
        // overdue for longer than the window is different: it was not counted, only penalised,
        // and done today it is counted late; see `completing_a_long_overdue_step_counts_it_late_in_the_window`.
        let window_start = today - TimeDelta::days(MODEL.follow_through.window_days);
        let before = component(&plan, today, Component::FollowThrough);
        for i in overdue(&plan, today) {
            if plan.steps[i].commitment().is_some_and(|on| on < window_start) {
                continue;
            }
            let mut after_plan = plan.clone();
            after_plan.steps[i].done_on = Some(today);
            let after = component(&after_plan, today, Component::FollowThrough);
            prop_assert_eq!(before.is_some(), after.is_some());
            if let (Some(before), Some(after)) = (before, after) {
                prop_assert!(after >= before - 1e-9, "follow-through {} → {}", before, after);
            }
        }
    }

    #[test]
    fn moving_an_open_steps_due_date_later_never_raises_the_score(
        (plan, today) in scenario(),
        later in 1i64..60,
    ) {
        let before = momentum(&plan, today, &MODEL);
        for i in open_at(&plan, today) {
            let step = &plan.steps[i];
            let Some(due) = step.due_on else { continue };
            // On the very day a step is committed to, a new date is still a new commitment
            // (SPEC §3: the commitment follows changes made on or before the day it names), and
            // the step leaves today's count; every other move later is a slip or a plan ahead.
            if step.commitment() == Some(today) {
                continue;
            }
            let mut after_plan = plan.clone();
            after_plan.steps[i].set_due(Some(due + TimeDelta::days(later)), today);
            let after = momentum(&after_plan, today, &MODEL);
            prop_assert_eq!(before.score.is_some(), after.score.is_some());
            if let (Some(before), Some(after)) = (before.score, after.score) {
                prop_assert!(after <= before, "score {} → {} moving step {}", before, after, i);
            }
        }
    }

    #[test]
    fn an_open_blocker_never_raises_energy((plan, today) in scenario(), age in 0i64..30) {
        let before = component(&plan, today, Component::Energy);
        let mut after_plan = plan.clone();
        after_plan.log.push(LogEntry::with_id(
            "new-blocker",
            LogKind::Blocker,
            today - TimeDelta::days(age),
            "",
        ));
        let after = component(&after_plan, today, Component::Energy);
        prop_assert_eq!(before.is_some(), after.is_some());
        if let (Some(before), Some(after)) = (before, after) {
            prop_assert!(after <= before + 1e-9, "energy {} → {}", before, after);
            let cost = if age > MODEL.energy.blocker_grace_days { MODEL.energy.blocker_penalty } else { 0.0 };
            prop_assert!(before - after <= cost + 1e-9, "energy {} → {}", before, after);
        }
    }

    #[test]
    fn a_partner_step_due_within_30_days_never_lowers_commitments(
        (plan, today) in scenario(),
        due_in in 0i64..=30,
        joint in any::<bool>(),
        owner in support::name(),
    ) {
        let before = component(&plan, today, Component::Commitments).expect("commitments");
        let mut after_plan = plan.clone();
        after_plan.steps.push(Step {
            id: "new-step".into(),
            title: "Partner step".into(),
            owner_side: if joint { Side::Joint } else { Side::Theirs },
            owner_name: owner,
            created_on: today,
            due_on: Some(today + TimeDelta::days(due_in)),
            committed_on: None,
            done_on: None,
        });
        let after = component(&after_plan, today, Component::Commitments).expect("commitments");
        prop_assert!(after >= before, "commitments {} → {}", before, after);
        // One partner commitment is always worth at least 40.
        prop_assert!(after >= 40.0);
    }

    #[test]
    fn what_ifs_state_exactly_what_doing_them_gives((plan, today) in scenario()) {
        let e = explain(&plan, today, &MODEL);
        let before = momentum(&plan, today, &MODEL);
        prop_assert_eq!(&e.momentum, &before);
        for pair in e.what_ifs.windows(2) {
            prop_assert!(pair[0].gain >= pair[1].gain, "ordered by gain");
        }
        for w in &e.what_ifs {
            let after = momentum(&w.action.apply(&plan, today, WHAT_IF_ID), today, &MODEL);
            let gain = match (before.score, after.score) {
                (Some(b), Some(a)) => i32::from(a) - i32::from(b),
                _ => 0,
            };
            prop_assert_eq!(w.gain, gain, "{:?}", w.action);
            prop_assert_eq!(w.band_after, after.computed_band, "{:?}", w.action);
            prop_assert!(w.gain > 0 || w.band_after != before.computed_band, "{:?}", w.action);
        }
    }

    #[test]
    fn history_is_weekly_within_range_and_the_same_function((plan, today) in scenario()) {
        let points = history(&plan, today, &MODEL);
        prop_assert!(points.len() <= 12);
        match plan.pilot.launch_on {
            Some(launch) if launch <= today => {
                prop_assert_eq!(points.last().map(|p| p.on), Some(today));
            }
            _ => prop_assert!(points.is_empty()),
        }
        for pair in points.windows(2) {
            prop_assert_eq!(pair[1].on - pair[0].on, TimeDelta::days(7));
        }
        for p in &points {
            prop_assert!((today - p.on).num_days() < 7 * 12);
            prop_assert!(plan.pilot.launch_on.is_some_and(|launch| launch <= p.on));
            if let Some(score) = p.score {
                prop_assert!(score <= 100);
            }
            let m = momentum(&plan, p.on, &MODEL);
            prop_assert_eq!(p.score, m.score);
            prop_assert_eq!(p.band, m.computed_band);
        }
    }

    #[test]
    fn trend_compares_with_14_days_ago((plan, today) in scenario()) {
        if let Some(t) = trend(&plan, today, &MODEL) {
            let then = today - TimeDelta::days(14);
            prop_assert_eq!(Some(t.now), momentum(&plan, today, &MODEL).score);
            prop_assert_eq!(Some(t.then), momentum(&plan, then, &MODEL).score);
            let delta = i32::from(t.now) - i32::from(t.then);
            let expected = if delta >= 5 {
                Direction::Up
            } else if delta <= -5 {
                Direction::Down
            } else {
                Direction::Flat
            };
            prop_assert_eq!(t.direction, expected);
        }
    }

    #[test]
    fn caps_change_the_band_not_the_number((plan, today) in scenario()) {
        // Confirming timing today lifts at most a cap: the number stays.
        let mut confirmed = plan.clone();
        confirmed.timing.confirmed_on = Some(today);
        let before = momentum(&plan, today, &MODEL);
        let after = momentum(&confirmed, today, &MODEL);
        prop_assert_eq!(before.score, after.score);
        if before.computed_band == Band::Moving {
            prop_assert_eq!(after.computed_band, Band::Moving);
        }
    }
}
