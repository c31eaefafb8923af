//! Timings of a plan shared live: merging the edits one device made offline into another's
//! document and reading the plan back (checked like an import), as one batch, through the sync
//! protocol, and one update at a time; and making one edit. Prints the median of several runs.
//! Run with `cargo bench --bench sync`.

#[cfg(not(target_arch = "wasm32"))]
mod timing;

/// The measurements use native timers; a browser build of this file does nothing.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::timing::{median_of, record, report};
    use chrono::NaiveDate;
    use pilotdeck::domain::{LogEntry, LogKind, Plan, Side, Step};
    use pilotdeck::exchange::example_plans;
    use pilotdeck::sync::{Session, SharedPlan};
    use std::hint::black_box;
    use std::time::{Duration, Instant};
    use yrs::sync::{Message, SyncMessage};
    use yrs::updates::encoder::Encode;

    const EXAMPLE: &str = include_str!("../public/examples/portfolio.json");
    const EDITS: usize = 1_000;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date")
    }

    /// The busiest example plan.
    fn plan() -> Plan {
        example_plans(EXAMPLE, today())
            .expect("the example reads")
            .into_iter()
            .max_by_key(|plan| plan.log.len() + plan.steps.len())
            .expect("plans")
    }

    /// A day's worth of edits and more, as a person makes them: typing into the objective
    /// one character at a time, moving dates, adding steps and history, checking in.
    fn edit(plan: &mut Plan, i: usize) {
        match i % 8 {
            0..=2 => plan.foundation.objective.push(['a', 'b', ' '][i % 3]),
            3 => {
                let count = plan.steps.len();
                let day = today() + chrono::Days::new((i % 40) as u64);
                plan.steps[i % count].set_due(Some(day), today());
            }
            4 if i % 32 == 4 => plan.steps.push(Step::new(
                format!("Follow-up {i}"),
                Side::Joint,
                "Ana",
                None,
                today(),
            )),
            4 => {
                let count = plan.steps.len();
                plan.steps[i % count].title.push('.');
            }
            5 if i % 40 == 5 => {
                plan.log
                    .push(LogEntry::new(LogKind::Note, today(), format!("Note {i}")))
            }
            5 => plan.timing.their_priority.push('x'),
            6 => {
                if let Some(kr) = plan.foundation.key_results.first_mut() {
                    kr.current = Some(i as f64);
                }
            }
            _ => plan.pilot.use_case.push('y'),
        }
    }

    pub fn run() {
        let base = plan();
        let online = SharedPlan::new();
        online.apply_plan(&base).expect("written");
        let saved = online.encode_state();

        // The device that was offline: its plan, and the updates it queued, one per edit.
        let offline = SharedPlan::from_state(&saved).expect("reads");
        let mut edited = base.clone();
        let mut queue = Vec::with_capacity(EDITS);
        let making = Instant::now();
        for i in 0..EDITS {
            edit(&mut edited, i);
            // An edit that sets what is there already sends nothing.
            queue.extend(offline.apply_plan(&edited).expect("written"));
        }
        let per_edit = making.elapsed() / EDITS as u32;
        let queued: usize = queue.iter().map(Vec::len).sum();
        assert!(queue.len() > EDITS * 9 / 10, "{} updates", queue.len());
        let reconnect = offline.changes_since(&online.state_vector());
        let mut within = true;

        let fresh = || SharedPlan::from_state(&saved).expect("reads");
        let check = |shared: &SharedPlan| {
            let merged = shared.read_plan(Some(&base)).expect("a sound plan");
            assert_eq!(merged.foundation.objective, edited.foundation.objective);
            black_box(merged);
        };

        let batch = median_of(fresh, |shared| {
            let updates: Vec<&[u8]> = queue.iter().map(Vec::as_slice).collect();
            shared.apply_updates(&updates).expect("taken");
            check(&shared);
        });
        within &= report(
            &format!(
                "merge 1,000 queued offline edits ({} KB) and read back",
                queued / 1024
            ),
            batch,
            Some(Duration::from_millis(100)),
        );
        record("sync-merge", batch);

        // What the server sends the device that stayed online when the other one is back.
        let step2 = Message::Sync(SyncMessage::SyncStep2(reconnect.clone())).encode_v1();
        let protocol = median_of(
            || Session::new(fresh()),
            |mut session| {
                let received = session.receive(&step2).expect("taken");
                assert!(received.plan_changed);
                check(session.shared());
            },
        );
        within &= report(
            &format!(
                "the same on reconnecting (one sync message, {} KB)",
                reconnect.len() / 1024
            ),
            protocol,
            Some(Duration::from_millis(100)),
        );

        let one_by_one = median_of(fresh, |shared| {
            for update in &queue {
                shared.apply_update(update).expect("taken");
            }
            check(&shared);
        });
        report("the same, one update message at a time", one_by_one, None);
        report(
            "make one edit (write the plan, get its update)",
            per_edit,
            None,
        );

        if !within {
            std::process::exit(1);
        }
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    native::run();
}
