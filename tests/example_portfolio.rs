//! The example portfolio: it parses with the import code, every plan in it is valid, and it
//! shows the whole range of partner kinds and stages a new user should see.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use pilotdeck::domain::{validate_plan, PartnerKind, Stage};
use pilotdeck::exchange::{example_plans, parse_envelope};
use std::collections::HashSet;

const EXAMPLE: &str = include_str!("../public/examples/portfolio.json");

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

#[test]
fn the_example_parses_as_an_export_and_every_plan_is_valid() {
    let envelope = parse_envelope(EXAMPLE).expect("the example portfolio parses");
    assert!(envelope.plans.len() >= 8, "one plan per kind at least");
    for plan in &envelope.plans {
        assert_eq!(validate_plan(plan), vec![], "plan {} is valid", plan.name);
    }
}

#[test]
fn the_example_covers_every_partner_kind_and_the_main_stages() {
    let plans = parse_envelope(EXAMPLE).expect("parses").plans;
    let kinds: HashSet<PartnerKind> = plans.iter().map(|p| p.partner.kind).collect();
    for kind in PartnerKind::ALL {
        if kind != PartnerKind::Other {
            assert!(kinds.contains(&kind), "a {kind:?} plan is in the example");
        }
    }
    let stages: HashSet<Stage> = plans.iter().map(|p| p.stage).collect();
    for stage in [
        Stage::Designing,
        Stage::Live,
        Stage::Reviewing,
        Stage::Scaling,
        Stage::Parked,
        Stage::Stopped,
    ] {
        assert!(
            stages.contains(&stage),
            "a {stage:?} plan is in the example"
        );
    }
}

#[test]
fn running_plans_have_steps_log_entries_key_results_and_cycles() {
    let plans = parse_envelope(EXAMPLE).expect("parses").plans;
    for plan in plans.iter().filter(|p| p.stage.is_running()) {
        assert!(!plan.steps.is_empty(), "{} has steps", plan.name);
        assert!(!plan.log.is_empty(), "{} has log entries", plan.name);
        assert!(
            !plan.foundation.key_results.is_empty(),
            "{} has key results",
            plan.name
        );
        assert!(!plan.cycles.is_empty(), "{} has a cycle", plan.name);
    }
}

#[test]
fn loading_the_example_shifts_every_date_by_the_days_since_its_export() {
    let envelope = parse_envelope(EXAMPLE).expect("parses");
    let exported = envelope.exported_at.date_naive();
    let today = day(2031, 2, 14);
    let shift = (today - exported).num_days();
    let shifted = example_plans(EXAMPLE, today).expect("loads");
    for (before, after) in envelope.plans.iter().zip(&shifted) {
        let before_dates = dates_in(&serde_json::to_value(before).expect("serializes"));
        let after_dates = dates_in(&serde_json::to_value(after).expect("serializes"));
        assert_eq!(before_dates.len(), after_dates.len());
        assert!(!before_dates.is_empty());
        for (b, a) in before_dates.iter().zip(&after_dates) {
            assert_eq!(
                (*a - *b).num_days(),
                shift,
                "every date moves in {}",
                before.name
            );
        }
    }
}

/// Every calendar date in a JSON value, including the date part of timestamps, in order.
fn dates_in(value: &serde_json::Value) -> Vec<NaiveDate> {
    let mut found = Vec::new();
    collect_dates(value, &mut found);
    found
}

fn collect_dates(value: &serde_json::Value, found: &mut Vec<NaiveDate>) {
    match value {
        serde_json::Value::String(s) if s.len() >= 10 => {
            if let Ok(date) = NaiveDate::parse_from_str(&s[..10], "%Y-%m-%d") {
                found.push(date);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_dates(v, found)),
        serde_json::Value::Object(map) => map.values().for_each(|v| collect_dates(v, found)),
        _ => {}
    }
}
