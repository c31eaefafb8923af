//! Domain timings for the benchmark command: scoring a large portfolio with its histories,
//! reading a large file, reading a large portfolio back from storage, and encoding one plan for
//! storage. Prints the median of several runs.
//! Run with `cargo bench --bench domain` (scripts/bench does).

#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/support/mod.rs"]
mod support;
#[cfg(not(target_arch = "wasm32"))]
mod timing;

/// The measurements use native timers; a browser build of this file does nothing.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::support;
    use super::timing::{median, report};
    use chrono::{NaiveDate, TimeZone, Utc};
    use pilotdeck::domain::scoring::{headline, history, MODEL};
    use pilotdeck::domain::{Plan, PlanId};
    use pilotdeck::exchange::envelope::ScoreModelNote;
    use pilotdeck::exchange::{parse_envelope, Envelope};
    use pilotdeck::storage::record::{decode_plan, encode_plan};
    use proptest::strategy::{Strategy, ValueTree};
    use proptest::test_runner::TestRunner;
    use std::hint::black_box;
    use std::time::Duration;

    const PLANS: usize = 1_000;

    /// A thousand varied, valid plans, the same on every run.
    fn portfolio() -> Vec<Plan> {
        let mut runner = TestRunner::deterministic();
        (0..PLANS)
            .map(|i| {
                let mut plan = support::plan()
                    .new_tree(&mut runner)
                    .expect("a plan")
                    .current();
                plan.id = PlanId(format!("bench-{i}"));
                plan
            })
            .collect()
    }

    pub fn run() {
        let plans = portfolio();
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");
        let mut within = true;

        let scoring = median(|| {
            for plan in &plans {
                black_box(headline(plan, today, &MODEL));
                if plan.stage.is_running() {
                    black_box(history(plan, today, &MODEL));
                }
            }
        });
        within &= report(
            "score 1,000 plans with their 12-week histories (median)",
            scoring,
            Some(Duration::from_millis(20)),
        );

        let now = Utc
            .with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
            .single()
            .expect("a time");
        let file = Envelope::new(
            plans.clone(),
            now,
            ScoreModelNote {
                version: Some(MODEL.version),
            },
        )
        .to_json();
        let reading = median(|| {
            black_box(parse_envelope(&file).expect("parses"));
        });
        within &= report(
            &format!(
                "read and check a file of 1,000 plans ({} KB)",
                file.len() / 1024
            ),
            reading,
            Some(Duration::from_millis(200)),
        );

        let stored: Vec<(PlanId, String)> = plans
            .iter()
            .map(|plan| (plan.id.clone(), encode_plan(plan)))
            .collect();
        let loading = median(|| {
            for (id, raw) in &stored {
                black_box(decode_plan(raw, id).expect("reads"));
            }
        });
        let bytes: usize = stored.iter().map(|(_, raw)| raw.len()).sum();
        report(
            &format!("read and check 1,000 stored plans ({} KB)", bytes / 1024),
            loading,
            None,
        );

        let one = &plans[PLANS / 2];
        let encoding = median(|| {
            for _ in 0..100 {
                black_box(encode_plan(black_box(one)));
            }
        });
        within &= report(
            "encode one plan for storage (per plan)",
            encoding / 100,
            Some(Duration::from_millis(5)),
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
