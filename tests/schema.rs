//! The published JSON Schema (`public/schema/pilotdeck-file-v2.schema.json`) agrees with the
//! code: every file Pilotdeck writes validates against it, and what the reader refuses the
//! schema refuses too, so a partner's tooling can check a file before sending it. The schema of
//! version 1 stays published for the files version 1 wrote, which still read.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use chrono::{DateTime, TimeZone, Utc};
use jsonschema::Validator;
use pilotdeck::domain::scoring::MODEL;
use pilotdeck::domain::Plan;
use pilotdeck::exchange::export::envelope_json;
use pilotdeck::exchange::{parse_envelope, ExchangeError};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::path::Path;
use std::sync::OnceLock;

const SCHEMA: &str = include_str!("../public/schema/pilotdeck-file-v2.schema.json");
const SCHEMA_V1: &str = include_str!("../public/schema/pilotdeck-file-v1.schema.json");
const EXAMPLE: &str = include_str!("../public/examples/portfolio.json");

fn schema() -> Value {
    serde_json::from_str(SCHEMA).expect("the schema is JSON")
}

/// The schema compiled once, checking `format` (dates, date-times) as well as patterns.
fn validator() -> &'static Validator {
    static VALIDATOR: OnceLock<Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        jsonschema::draft202012::options()
            .should_validate_formats(true)
            .build(&schema())
            .expect("the schema compiles")
    })
}

/// Every validation error, one per line, each with its place in the file.
fn schema_errors(instance: &Value) -> Vec<String> {
    validator()
        .iter_errors(instance)
        .map(|error| format!("{}: {error}", error.instance_path()))
        .collect()
}

/// The instance paths (JSON pointers) of every validation error.
fn error_paths(instance: &Value) -> Vec<String> {
    validator()
        .iter_errors(instance)
        .map(|error| error.instance_path().to_string())
        .collect()
}

fn assert_valid(what: &str, instance: &Value) {
    let errors = schema_errors(instance);
    assert!(
        errors.is_empty(),
        "{what} does not match the schema:\n{}",
        errors.join("\n")
    );
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 0)
        .single()
        .expect("a time")
}

fn example_plans() -> Vec<Plan> {
    parse_envelope(EXAMPLE).expect("the example reads").plans
}

/// A file as Pilotdeck writes it, as JSON to mutate.
fn export(plans: &[Plan]) -> Value {
    serde_json::from_str(&envelope_json(plans, now(), &MODEL)).expect("an export is JSON")
}

#[test]
fn the_schema_is_a_valid_draft_2020_12_schema_with_a_title() {
    let schema = schema();
    if let Err(error) = jsonschema::meta::validate(&schema) {
        panic!(
            "the schema breaks its meta-schema at {}: {error}",
            error.instance_path()
        );
    }
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert!(schema["title"].is_string());
    assert!(schema["description"].is_string());
}

#[test]
fn the_example_portfolio_matches_the_schema() {
    assert_valid(
        "public/examples/portfolio.json",
        &serde_json::from_str(EXAMPLE).expect("json"),
    );
}

#[test]
fn an_export_of_the_example_plans_matches_the_schema() {
    let plans = example_plans();
    assert_valid("the export of the example plans", &export(&plans));
    for plan in &plans {
        assert_valid(
            &format!("the export of {}", plan.id),
            &export(std::slice::from_ref(plan)),
        );
    }
    assert_valid("an export of no plans", &export(&[]));
}

/// The fixtures of one version, as JSON.
fn fixtures(version: u32) -> Vec<(String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/v{version}"));
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("the fixtures directory exists") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_some_and(|ext| ext == "json") {
            let text = std::fs::read_to_string(&path).expect("readable");
            found.push((
                path.display().to_string(),
                serde_json::from_str(&text).expect("json"),
            ));
        }
    }
    assert!(!found.is_empty(), "no fixture in {}", dir.display());
    found
}

#[test]
fn every_migration_fixture_of_version_2_matches_the_schema() {
    for (path, file) in fixtures(2) {
        assert_valid(&path, &file);
    }
}

#[test]
fn version_1_fixtures_match_the_version_1_schema_still_published() {
    let schema: Value = serde_json::from_str(SCHEMA_V1).expect("JSON");
    let v1 = jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the version 1 schema compiles");
    for (path, file) in fixtures(1) {
        let errors: Vec<String> = v1.iter_errors(&file).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{path}: {errors:?}");
        assert!(
            !validator().is_valid(&file),
            "{path}: a version 1 file is not a version 2 file"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_generated_portfolio_export_matches_the_schema(plans in support::plans(6)) {
        let file = export(&plans);
        let errors = schema_errors(&file);
        prop_assert!(errors.is_empty(), "schema errors:\n{}", errors.join("\n"));
    }
}

/// A change to a valid export that both the schema and the reader must refuse.
struct Breakage {
    what: &'static str,
    /// Where the schema should report it (a JSON pointer).
    at: &'static str,
    change: fn(&mut Value),
}

fn breakages() -> Vec<Breakage> {
    vec![
        Breakage {
            what: "an unknown plan field",
            at: "/plans/0",
            change: |file| file["plans"][0]["colour"] = json!("blue"),
        },
        Breakage {
            what: "an unknown field in a nested object",
            at: "/plans/1/foundation/rhythm",
            change: |file| file["plans"][1]["foundation"]["rhythm"]["weekday"] = json!("tue"),
        },
        Breakage {
            what: "an unknown envelope field",
            at: "",
            change: |file| file["exported_by"] = json!("someone"),
        },
        Breakage {
            what: "a wrong stage",
            at: "/plans/0/stage",
            change: |file| file["plans"][0]["stage"] = json!("paused"),
        },
        Breakage {
            what: "a partner kind in another case",
            at: "/plans/1/partner/kind",
            change: |file| file["plans"][1]["partner"]["kind"] = json!("TechIntegration"),
        },
        Breakage {
            what: "a wrong step side",
            at: "/plans/0/steps/0/owner_side",
            change: |file| file["plans"][0]["steps"][0]["owner_side"] = json!("partner"),
        },
        Breakage {
            what: "a wrong confidence",
            at: "/plans/0/foundation/key_results/0/confidence",
            change: |file| {
                file["plans"][0]["foundation"]["key_results"][0]["confidence"] = json!("green")
            },
        },
        Breakage {
            what: "a date written day first",
            at: "/plans/3/steps/0/due_on",
            change: |file| file["plans"][3]["steps"][0]["due_on"] = json!("31/02/2026"),
        },
        Breakage {
            what: "a date that does not exist",
            at: "/plans/0/log/0/on",
            change: |file| file["plans"][0]["log"][0]["on"] = json!("2026-02-30"),
        },
        Breakage {
            what: "a timestamp without a time zone",
            at: "/exported_at",
            change: |file| file["exported_at"] = json!("2026-11-23T09:30:00"),
        },
        Breakage {
            what: "a missing required plan field",
            at: "/plans/4/partner",
            change: |file| {
                file["plans"][4]["partner"]
                    .as_object_mut()
                    .expect("an object")
                    .remove("kind");
            },
        },
        Breakage {
            what: "a missing step id",
            at: "/plans/0/steps/1",
            change: |file| {
                file["plans"][0]["steps"][1]
                    .as_object_mut()
                    .expect("an object")
                    .remove("id");
            },
        },
        Breakage {
            what: "a 201-character plan name",
            at: "/plans/2/name",
            change: |file| file["plans"][2]["name"] = json!("n".repeat(201)),
        },
        Breakage {
            what: "a blank plan name",
            at: "/plans/2/name",
            change: |file| file["plans"][2]["name"] = json!("   "),
        },
        Breakage {
            what: "a 4,001-character note",
            at: "/plans/0/partner/notes",
            change: |file| file["plans"][0]["partner"]["notes"] = json!("é".repeat(4_001)),
        },
        Breakage {
            what: "an id with a space",
            at: "/plans/0/log/2/id",
            change: |file| file["plans"][0]["log"][2]["id"] = json!("nw l03"),
        },
        Breakage {
            what: "a rating of 6",
            at: "/plans/0/timing/fit",
            change: |file| file["plans"][0]["timing"]["fit"] = json!(6),
        },
        Breakage {
            what: "a cadence of 10 days",
            at: "/plans/2/foundation/rhythm/cadence_days",
            change: |file| file["plans"][2]["foundation"]["rhythm"]["cadence_days"] = json!(10),
        },
        Breakage {
            what: "a fourth key result",
            at: "/plans/0/foundation/key_results",
            change: |file| {
                let key_results = &mut file["plans"][0]["foundation"]["key_results"];
                let first = key_results[0].clone();
                key_results.as_array_mut().expect("a list").push(first);
            },
        },
        Breakage {
            what: "a pilot of 0 days",
            at: "/plans/0/pilot/length_days",
            change: |file| file["plans"][0]["pilot"]["length_days"] = json!(0),
        },
        Breakage {
            what: "a parked plan without a date to revisit it",
            at: "/plans/6/revisit_on",
            change: |file| file["plans"][6]["revisit_on"] = Value::Null,
        },
        Breakage {
            what: "a live plan without a launch date",
            at: "/plans/0/pilot/launch_on",
            change: |file| file["plans"][0]["pilot"]["launch_on"] = Value::Null,
        },
        Breakage {
            what: "a stopped plan whose partner has no name",
            at: "/plans/7/partner/name",
            change: |file| file["plans"][7]["partner"]["name"] = json!(""),
        },
        Breakage {
            what: "schema_version 3",
            at: "/schema_version",
            change: |file| file["schema_version"] = json!(3),
        },
        Breakage {
            what: "a note with a blocker's owner",
            at: "/plans/0/log/0/owner_name",
            change: |file| file["plans"][0]["log"][0]["owner_name"] = json!("Ravi"),
        },
        Breakage {
            what: "a note resolved like a blocker",
            at: "/plans/0/log/0/resolved_on",
            change: |file| file["plans"][0]["log"][0]["resolved_on"] = json!("2026-11-01"),
        },
        Breakage {
            what: "an internal flag that is not true or false",
            at: "/plans/0/log/0/internal",
            change: |file| file["plans"][0]["log"][0]["internal"] = json!("yes"),
        },
        Breakage {
            what: "a step id that is no id",
            at: "/plans/0/log/0/step_id",
            change: |file| file["plans"][0]["log"][0]["step_id"] = json!("two words"),
        },
        Breakage {
            what: "a committed date that is not a date",
            at: "/plans/0/steps/0/committed_on",
            change: |file| file["plans"][0]["steps"][0]["committed_on"] = json!("31/12/2026"),
        },
        Breakage {
            what: "another format",
            at: "/format",
            change: |file| file["format"] = json!("pilotdesk"),
        },
    ]
}

#[test]
fn the_schema_refuses_what_the_reader_refuses_at_the_same_place() {
    let valid = export(&example_plans());
    assert_valid("the export the breakages start from", &valid);
    for breakage in breakages() {
        let mut file = valid.clone();
        (breakage.change)(&mut file);
        let paths = error_paths(&file);
        assert!(
            paths.iter().any(|path| path == breakage.at),
            "{}: the schema should report {:?}, it reported {paths:?}",
            breakage.what,
            breakage.at
        );
        assert!(
            parse_envelope(&file.to_string()).is_err(),
            "{}: the reader accepted it",
            breakage.what
        );
    }
}

#[test]
fn schema_version_3_is_refused_as_a_newer_file_by_the_reader() {
    let mut file = export(&example_plans());
    file["schema_version"] = json!(3);
    assert_eq!(
        parse_envelope(&file.to_string()),
        Err(ExchangeError::NewerVersion {
            found: 3,
            supported: 2
        })
    );
}

#[test]
fn left_out_optional_fields_and_nulls_are_accepted_by_both() {
    // What a hand-written file may look like: only the required fields, optional dates as null
    // or absent, a timestamp with an offset and a fraction.
    let file = json!({
        "format": "pilotdeck",
        "schema_version": 2,
        "exported_at": "2026-11-23T10:30:00.25+01:00",
        "app_version": "0.1.0",
        "plans": [
            {
                "id": "minimal",
                "name": "A first call",
                "created_at": "2026-11-20T09:00:00Z",
                "updated_at": "2026-11-20T09:00:00Z",
                "stage": "exploring",
                "partner": { "name": "", "kind": "other" },
                "revisit_on": null,
                "timing": { "fit": null, "confirmed_on": null },
                "foundation": { "rhythm": { "next_sync_on": null } },
                "steps": [
                    { "id": "s1", "title": "Call back", "owner_side": "ours", "created_on": "2026-11-20" }
                ],
                "score_override": null
            }
        ]
    });
    assert_valid("a minimal file", &file);
    let read = parse_envelope(&file.to_string()).expect("the reader accepts it");
    assert_valid("its re-export", &export(&read.plans));
}
