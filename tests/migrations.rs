//! Files written by every released version still read, and read as the same plans.
//!
//! `tests/fixtures/v<N>/` holds files as version N wrote them, kept unchanged once released.
//! Each must read (through the migration steps of `src/exchange/migrate.rs` when N is older than
//! this build's version), and its plans must survive an export by this build and a second read
//! unchanged. Versions this build does not read are refused with the right reason.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{TimeZone, Utc};
use pilotdeck::domain::scoring::MODEL;
use pilotdeck::domain::{Problem, SCHEMA_VERSION};
use pilotdeck::exchange::export::envelope_json;
use pilotdeck::exchange::migrate::OLDEST_READABLE;
use pilotdeck::exchange::{parse_envelope, ExchangeError};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The version a `v<N>` directory holds files of.
fn version_of(dir: &Path) -> Option<u32> {
    dir.file_name()?.to_str()?.strip_prefix('v')?.parse().ok()
}

/// Every `tests/fixtures/v*/*.json`, with the version of its directory.
fn fixtures() -> Vec<(u32, PathBuf)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(fixtures_dir()).expect("tests/fixtures exists") {
        let dir = entry.expect("a directory entry").path();
        if !dir.is_dir() {
            continue;
        }
        let version =
            version_of(&dir).unwrap_or_else(|| panic!("{} is not named v<version>", dir.display()));
        for file in std::fs::read_dir(&dir).expect("readable") {
            let path = file.expect("a directory entry").path();
            if path.extension().is_some_and(|ext| ext == "json") {
                found.push((version, path));
            }
        }
    }
    found.sort();
    assert!(!found.is_empty(), "no fixture under tests/fixtures");
    found
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn v1_portfolio() -> Value {
    serde_json::from_str(&read(&fixtures_dir().join("v1/portfolio.json"))).expect("json")
}

/// The fixture of the version this build writes.
fn current_portfolio() -> Value {
    let path = fixtures_dir().join(format!("v{SCHEMA_VERSION}/portfolio.json"));
    serde_json::from_str(&read(&path)).expect("json")
}

#[test]
fn there_is_a_fixture_for_every_version_this_build_reads_and_no_other() {
    let versions: BTreeSet<u32> = fixtures().into_iter().map(|(v, _)| v).collect();
    let readable: BTreeSet<u32> = (1..=SCHEMA_VERSION).collect();
    assert_eq!(
        versions, readable,
        "tests/fixtures/v<N> should exist for each released version 1..={SCHEMA_VERSION}"
    );
    assert_eq!(
        OLDEST_READABLE, 1,
        "every released version should still be readable (a migration step was dropped?)"
    );
}

#[test]
fn every_fixture_says_the_version_of_its_directory() {
    for (version, path) in fixtures() {
        let file: Value = serde_json::from_str(&read(&path)).expect("json");
        assert_eq!(
            file["schema_version"],
            json!(version),
            "{}: schema_version differs from its directory",
            path.display()
        );
        assert_eq!(file["format"], "pilotdeck", "{}", path.display());
    }
}

#[test]
fn every_fixture_reads_and_its_plans_survive_a_re_export() {
    let now = Utc
        .with_ymd_and_hms(2026, 11, 24, 8, 0, 0)
        .single()
        .expect("a time");
    for (_, path) in fixtures() {
        let shown = path.display();
        let read_first = parse_envelope(&read(&path))
            .unwrap_or_else(|error| panic!("{shown} does not read:\n{error}"));
        assert!(!read_first.plans.is_empty(), "{shown} holds no plan");

        let exported = envelope_json(&read_first.plans, now, &MODEL);
        let read_again = parse_envelope(&exported)
            .unwrap_or_else(|error| panic!("{shown} re-exported does not read:\n{error}"));
        assert_eq!(read_again.plans, read_first.plans, "{shown}");
        assert_eq!(read_again.exported_at, now, "{shown}");
        assert_eq!(read_again.schema_version, SCHEMA_VERSION, "{shown}");

        // The current writer is a fixed point: a second export writes the same text.
        assert_eq!(
            envelope_json(&read_again.plans, now, &MODEL),
            exported,
            "{shown}"
        );
    }
}

/// The paths of a JSON value's fields, with list indices left out (`plans[].steps[].due_on`),
/// keeping only those whose value is not null when `non_null` is set.
fn field_paths(value: &Value, prefix: &str, non_null: bool, found: &mut BTreeSet<String>) {
    match value {
        Value::Object(fields) => {
            for (name, inner) in fields {
                let path = if prefix.is_empty() {
                    name.clone()
                } else {
                    format!("{prefix}.{name}")
                };
                if !(non_null && inner.is_null()) {
                    found.insert(path.clone());
                }
                field_paths(inner, &path, non_null, found);
            }
        }
        Value::Array(items) => {
            for item in items {
                field_paths(item, &format!("{prefix}[]"), non_null, found);
            }
        }
        _ => {}
    }
}

#[test]
fn the_current_fixture_sets_every_field_the_writer_writes() {
    let fixture = current_portfolio();
    let plans = parse_envelope(&fixture.to_string())
        .expect("the fixture reads")
        .plans;
    let now = Utc
        .with_ymd_and_hms(2026, 11, 24, 8, 0, 0)
        .single()
        .expect("a time");
    let exported: Value = serde_json::from_str(&envelope_json(&plans, now, &MODEL)).expect("json");

    let mut written = BTreeSet::new();
    field_paths(&exported, "", false, &mut written);
    let mut set = BTreeSet::new();
    field_paths(&fixture, "", true, &mut set);
    let missing: Vec<&String> = written.difference(&set).collect();
    assert!(
        missing.is_empty(),
        "fields the writer writes that the fixture never sets: {missing:?}"
    );
}

#[test]
fn every_fixture_uses_every_value_of_every_choice() {
    for (_, path) in fixtures() {
        let fixture: Value = serde_json::from_str(&read(&path)).expect("json");
        uses_every_value_of_every_choice(&fixture, &path.display().to_string());
    }
}

fn uses_every_value_of_every_choice(fixture: &Value, shown: &str) {
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut note = |field: &str, value: &Value| {
        seen.insert(format!("{field}={value}"));
    };
    for plan in fixture["plans"].as_array().expect("plans") {
        note("stage", &plan["stage"]);
        note("kind", &plan["partner"]["kind"]);
        note("rating", &plan["timing"]["fit"]);
        note("rating", &plan["timing"]["readiness"]);
        note("in_rebuild", &plan["timing"]["in_rebuild"]);
        note("cadence", &plan["foundation"]["rhythm"]["cadence_days"]);
        note(
            "band",
            &plan["score_override"]
                .get("band")
                .cloned()
                .unwrap_or_default(),
        );
        let list = |field: &str| plan[field].as_array().cloned().unwrap_or_default();
        for kr in plan["foundation"]["key_results"]
            .as_array()
            .cloned()
            .unwrap_or_default()
        {
            note("confidence", &kr["confidence"]);
        }
        for step in list("steps") {
            note("side", &step["owner_side"]);
        }
        for entry in list("log") {
            note("log", &entry["kind"]);
            note("both_sponsors_present", &entry["both_sponsors_present"]);
        }
        for cycle in list("cycles") {
            note("decision", &cycle["decision"]);
        }
    }
    let expected = [
        (
            "stage",
            json!([
                "exploring",
                "designing",
                "live",
                "reviewing",
                "scaling",
                "parked",
                "stopped"
            ]),
        ),
        (
            "kind",
            json!([
                "telco",
                "agency",
                "affiliate",
                "reseller",
                "tech_integration",
                "distributor",
                "strategic_alliance",
                "other"
            ]),
        ),
        ("rating", json!([1, 2, 3, 4, 5, null])),
        ("in_rebuild", json!([true, false])),
        ("cadence", json!([7, 14, 30])),
        (
            "band",
            json!(["moving", "drifting", "ghost_town_risk", "unknown"]),
        ),
        (
            "confidence",
            json!(["on_track", "at_risk", "off_track", null]),
        ),
        ("side", json!(["ours", "theirs", "joint"])),
        (
            "log",
            json!(["sync", "exec_sync", "win", "blocker", "note"]),
        ),
        ("both_sponsors_present", json!([true, false])),
        ("decision", json!(["scale", "iterate", "stop", null])),
    ];
    let mut missing = Vec::new();
    for (field, values) in expected {
        for value in values.as_array().expect("a list") {
            if !seen.contains(&format!("{field}={value}")) {
                missing.push(format!("{field}={value}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{shown}: values the fixture never uses: {missing:?}"
    );
}

#[test]
fn a_version_1_file_reads_as_version_2_with_each_step_committed_to_its_due_date() {
    let v1 = v1_portfolio();
    let plans = parse_envelope(&v1.to_string())
        .expect("the version 1 fixture reads")
        .plans;
    let v1_plans = v1["plans"].as_array().expect("plans");
    assert_eq!(plans.len(), v1_plans.len());
    let mut dated = 0;
    for (plan, written) in plans.iter().zip(v1_plans) {
        let steps = written["steps"].as_array().cloned().unwrap_or_default();
        assert_eq!(plan.steps.len(), steps.len(), "{}", plan.id);
        for step in &plan.steps {
            assert_eq!(step.committed_on, step.due_on, "{} {}", plan.id, step.id);
            assert_eq!(step.slipped_from(), None, "nothing slipped in version 1");
            dated += usize::from(step.due_on.is_some());
        }
        for entry in &plan.log {
            assert!(!entry.internal, "version 1 had nothing internal");
            assert_eq!(entry.step_id, None);
            assert_eq!(entry.owner_name, "");
            assert_eq!(entry.resolved_on, None);
        }
        assert!(!plan.example, "version 1 had no example flag");
    }
    assert!(dated > 20, "the fixture has dated steps to migrate");
}

#[test]
fn the_version_2_fixture_holds_what_version_2_adds() {
    let plans = parse_envelope(&read(&fixtures_dir().join("v2/portfolio.json")))
        .expect("reads")
        .plans;
    let steps = || plans.iter().flat_map(|p| &p.steps);
    let log = || plans.iter().flat_map(|p| &p.log);
    assert!(
        steps().any(|s| s.slipped_from().is_some()),
        "a slipped step"
    );
    assert!(log().any(|e| e.internal), "an internal entry");
    assert!(log().any(|e| e.resolved_on.is_some()), "a resolved blocker");
    assert!(
        log().any(|e| e.kind == pilotdeck::domain::LogKind::Blocker && e.resolved_on.is_none()),
        "an open blocker"
    );
    assert!(log().any(|e| e.step_id.is_some()), "an entry about a step");
    assert!(plans.iter().any(|p| p.example), "an example plan");
}

fn with_version(version: Option<Value>) -> String {
    let mut file = v1_portfolio();
    let fields = file.as_object_mut().expect("an object");
    match version {
        Some(version) => fields.insert("schema_version".to_string(), version),
        None => fields.remove("schema_version"),
    };
    file.to_string()
}

#[test]
fn versions_this_build_does_not_read_are_refused_with_the_reason() {
    assert_eq!(
        parse_envelope(&with_version(None)),
        Err(ExchangeError::MissingVersion)
    );
    assert_eq!(
        parse_envelope(&with_version(Some(Value::Null))),
        Err(ExchangeError::MissingVersion)
    );
    for newer in [SCHEMA_VERSION + 1, SCHEMA_VERSION + 1_000] {
        assert_eq!(
            parse_envelope(&with_version(Some(json!(newer)))),
            Err(ExchangeError::NewerVersion {
                found: u64::from(newer),
                supported: SCHEMA_VERSION
            })
        );
    }
    assert_eq!(
        parse_envelope(&with_version(Some(json!(0)))),
        Err(ExchangeError::Problems(vec![Problem {
            path: "schema_version".to_string(),
            message: "version 0 is not one this Pilotdeck can read".to_string(),
        }]))
    );
    for not_a_version in [json!(-1), json!("1"), json!(1.5)] {
        match parse_envelope(&with_version(Some(not_a_version.clone()))) {
            Err(ExchangeError::Problems(problems)) => assert!(
                problems.iter().any(|p| p.path == "schema_version"),
                "{not_a_version}: {problems:?}"
            ),
            other => panic!("{not_a_version}: expected a problem at schema_version, got {other:?}"),
        }
    }
}
