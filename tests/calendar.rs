//! The calendar export reads back with an independent iCalendar parser: for every plan of the
//! example portfolio and for generated plans, one event per date the plan implies, each with the
//! summary it should have, whatever text the plan holds.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use icalendar::parser::{read_calendar, unfold, Component};
use pilotdeck::domain::{Plan, Side, Step};
use pilotdeck::exchange::calendar::{calendar_file, plan_calendar};
use pilotdeck::exchange::example_plans;
use proptest::prelude::*;

const EXAMPLE: &str = include_str!("../public/examples/portfolio.json");

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
        .single()
        .expect("valid time")
}

/// The summaries the plan's calendar should hold, in the order the events are written: the
/// sync rhythm, the review, then each open step with a due date.
fn expected_summaries(plan: &Plan) -> Vec<String> {
    let rhythm = &plan.foundation.rhythm;
    let mut summaries = Vec::new();
    if rhythm.next_sync_on.is_some() {
        summaries.push(format!("Partner sync: {}", plan.name));
    }
    if rhythm.review_on.is_some() {
        summaries.push(format!("30-day review: {}", plan.name));
    }
    for step in &plan.steps {
        if step.done_on.is_none() && step.due_on.is_some() {
            summaries.push(format!("Due: {}", step.title));
        }
    }
    summaries
}

fn value(component: &Component<'_>, name: &str) -> Option<String> {
    component
        .find_prop(name)
        .map(|p| p.val.as_str().to_string())
}

/// Parses the plan's calendar and checks it against what the plan implies; the error says what
/// differs, for proptest to report.
fn check(plan: &Plan) -> Result<(), String> {
    let text = plan_calendar(plan, now());
    for (i, line) in text.split_terminator("\r\n").enumerate() {
        if line.len() > 75 {
            return Err(format!("line {i} is {} octets: {line}", line.len()));
        }
    }
    if !text.ends_with("\r\n") || text.replace("\r\n", "").contains(['\r', '\n']) {
        return Err("a line does not end with CRLF".into());
    }
    let unfolded = unfold(&text);
    let calendar = read_calendar(&unfolded).map_err(|e| format!("{e}\n{text}"))?;
    let property = |name: &str| {
        calendar
            .properties
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.val.as_str().to_string())
    };
    if property("VERSION").as_deref() != Some("2.0") {
        return Err("no VERSION:2.0".into());
    }
    if property("X-WR-CALNAME").is_none() {
        return Err("no calendar name".into());
    }
    let events: Vec<&Component<'_>> = calendar
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    let expected = expected_summaries(plan);
    if events.len() != expected.len() || calendar.components.len() != events.len() {
        return Err(format!(
            "{} events (of {} components), expected {}",
            events.len(),
            calendar.components.len(),
            expected.len()
        ));
    }
    let mut uids = std::collections::HashSet::new();
    for (event, summary) in events.iter().zip(&expected) {
        // The parser unescapes TEXT values; line breaks come back as LF, however they were typed.
        let normalised = summary.replace("\r\n", "\n").replace('\r', "\n");
        if value(event, "SUMMARY").as_deref() != Some(normalised.as_str()) {
            return Err(format!(
                "SUMMARY {:?} is not {normalised:?}",
                value(event, "SUMMARY")
            ));
        }
        for name in ["UID", "DTSTAMP", "DTSTART", "DTEND", "DESCRIPTION"] {
            if value(event, name).is_none() {
                return Err(format!("an event has no {name}"));
            }
        }
        let uid = value(event, "UID").unwrap_or_default();
        if !uid.starts_with(plan.id.as_str()) || !uid.ends_with("@pilotdeck") {
            return Err(format!("UID {uid} is not the plan's"));
        }
        if !uids.insert(uid.clone()) {
            return Err(format!("UID {uid} is used twice"));
        }
        if value(event, "DTSTAMP").as_deref() != Some("20261123T090000Z") {
            return Err("DTSTAMP is not `now`".into());
        }
    }
    Ok(())
}

#[test]
fn every_plan_of_the_example_portfolio_reads_back() {
    let plans = example_plans(EXAMPLE, day(2026, 11, 23)).expect("the example reads");
    assert!(!plans.is_empty());
    for plan in &plans {
        check(plan).unwrap_or_else(|e| panic!("{}: {e}", plan.name));
    }
    // The example has plans with a rhythm, a review and dated open steps: the check above ran
    // on each kind of event.
    let text: String = plans.iter().map(|p| plan_calendar(p, now())).collect();
    for kind in ["Partner sync: ", "30-day review: ", "Due: ", "RRULE:"] {
        assert!(text.contains(kind), "the example has a {kind} event");
    }
}

#[test]
fn hostile_text_still_reads_back() {
    let mut plan = example_plans(EXAMPLE, day(2026, 11, 23))
        .expect("the example reads")
        .into_iter()
        .next()
        .expect("a plan");
    plan.name = "Evil\r\nEND:VCALENDAR\r\nBEGIN:VEVENT; a,b \\n 🚀 \u{202E}evil".into();
    plan.steps = vec![
        Step {
            id: "x;y,z".into(),
            title: format!(
                "Line one\r\nLine two\rthree\n{}",
                "é🚀\u{202E}".repeat(1_000)
            ),
            owner_side: Side::Joint,
            owner_name: "N".repeat(4_000),
            created_on: day(2026, 11, 1),
            due_on: Some(day(2026, 12, 1)),
            committed_on: None,
            done_on: None,
        },
        Step {
            id: "done".into(),
            title: "Already done".into(),
            owner_side: Side::Ours,
            owner_name: String::new(),
            created_on: day(2026, 11, 1),
            due_on: Some(day(2026, 11, 20)),
            committed_on: None,
            done_on: Some(day(2026, 11, 19)),
        },
    ];
    check(&plan).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn the_file_is_named_after_the_partner() {
    let plans = example_plans(EXAMPLE, day(2026, 11, 23)).expect("the example reads");
    let plan = plans
        .iter()
        .find(|p| p.partner.name.starts_with("Northwind"))
        .expect("the Northwind plan");
    let (name, text) = calendar_file(plan, now(), day(2026, 11, 23));
    assert!(
        name.starts_with("pilotdeck-northwind") && name.ends_with("-2026-11-23.ics"),
        "{name}"
    );
    assert_eq!(text, plan_calendar(plan, now()));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    #[test]
    fn every_generated_plan_reads_back(plan in support::plan()) {
        if let Err(e) = check(&plan) {
            prop_assert!(false, "{}", e);
        }
    }
}
