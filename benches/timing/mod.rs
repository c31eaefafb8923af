//! What both benchmarks share: the median of several timed runs, one line per result, and the
//! result left for the summary of `scripts/bench`.

// Each benchmark uses part of it.
#![allow(dead_code)]

use std::time::{Duration, Instant};

/// Timed runs per measurement; the median is reported.
pub const RUNS: usize = 11;

/// The median of [`RUNS`] timings of `work` on a fresh input made by `setup` (not timed), after
/// one run to warm up.
pub fn median_of<T>(mut setup: impl FnMut() -> T, mut work: impl FnMut(T)) -> Duration {
    work(setup());
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let input = setup();
            let start = Instant::now();
            work(input);
            start.elapsed()
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

/// The median of [`RUNS`] timings of `work`.
pub fn median(mut work: impl FnMut()) -> Duration {
    median_of(|| (), |()| work())
}

/// Prints one result, against its budget when it has one; false when the budget is missed.
pub fn report(what: &str, time: Duration, budget: Option<Duration>) -> bool {
    let ms = time.as_secs_f64() * 1000.0;
    match budget {
        Some(budget) => {
            let within = time <= budget;
            println!(
                "{what:<58} {ms:>9.3} ms  (budget {} ms: {})",
                budget.as_millis(),
                if within { "within" } else { "OVER" }
            );
            within
        }
        None => {
            println!("{what:<58} {ms:>9.3} ms");
            true
        }
    }
}

/// Leaves a median for the summary of `scripts/bench` (see scripts/benchmarks/results.mjs):
/// one JSON line in the file PILOTDECK_BENCH_RESULTS names, when it names one.
pub fn record(id: &str, time: Duration) {
    let Ok(file) = std::env::var("PILOTDECK_BENCH_RESULTS") else {
        return;
    };
    let ms = time.as_secs_f64() * 1000.0;
    let line = serde_json::json!({ "id": id, "value": ms, "runs": [ms], "note": "" });
    let written = std::fs::OpenOptions::new()
        .append(true)
        .open(&file)
        .and_then(|mut out| {
            use std::io::Write;
            writeln!(out, "{line}")
        });
    if let Err(error) = written {
        eprintln!("could not record {id} in {file}: {error}");
    }
}
