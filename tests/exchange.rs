//! Reading Pilotdeck files: what is refused, and how the refusal reads.
#![cfg(not(target_arch = "wasm32"))]

use pilotdeck::exchange::{parse_envelope, ExchangeError, MAX_FILE_BYTES, MAX_PLANS};
use proptest::prelude::*;
use serde_json::{json, Value};

const EXAMPLE: &str = include_str!("../public/examples/portfolio.json");

fn example() -> Value {
    serde_json::from_str(EXAMPLE).expect("json")
}

fn problems(value: &Value) -> Vec<String> {
    match parse_envelope(&value.to_string()) {
        Err(ExchangeError::Problems(problems)) => {
            problems.iter().map(ToString::to_string).collect()
        }
        other => panic!("expected problems, got {other:?}"),
    }
}

#[test]
fn a_bad_date_is_reported_at_its_place_with_the_value_found() {
    let mut file = example();
    file["plans"][3]["steps"][0]["due_on"] = json!("31/02/2026");
    assert_eq!(
        problems(&file),
        vec!["plans[3].steps[0].due_on: not a date (expected YYYY-MM-DD): \"31/02/2026\""]
    );
}

#[test]
fn wrong_types_unknown_values_and_unknown_fields_name_their_place() {
    let mut file = example();
    file["plans"][0]["timing"]["fit"] = json!(9);
    let found = problems(&file);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].starts_with("plans[0].timing.fit: a rating must be 1 to 5, not 9"),
        "{found:?}"
    );

    let mut file = example();
    file["plans"][1]["partner"]["kind"] = json!("bank");
    let found = problems(&file);
    assert!(
        found[0].starts_with("plans[1].partner.kind: \"bank\" is not one of telco, agency,"),
        "{found:?}"
    );

    let mut file = example();
    file["plans"][2]["colour"] = json!("blue");
    let found = problems(&file);
    assert!(
        found[0].starts_with(
            "plans[2].colour: \"colour\" is not a field this version of Pilotdeck knows"
        ),
        "{found:?}"
    );

    let mut file = example();
    file["plans"][2]["foundation"]["rhythm"]["cadence_days"] = json!(10);
    let found = problems(&file);
    assert!(
        found[0].starts_with(
            "plans[2].foundation.rhythm.cadence_days: a cadence is 7, 14 or 30 days, not 10"
        ),
        "{found:?}"
    );
}

#[test]
fn a_missing_field_names_the_object_it_is_missing_from() {
    let mut file = example();
    file["plans"][4]["partner"]
        .as_object_mut()
        .expect("an object")
        .remove("kind");
    assert_eq!(
        problems(&file),
        vec!["plans[4].partner: the field \"kind\" is missing"]
    );
}

#[test]
fn rule_problems_are_listed_together() {
    let mut file = example();
    file["plans"][0]["name"] = json!("  ");
    let duplicate = file["plans"][0]["steps"][0]["id"].clone();
    file["plans"][0]["steps"][1]["id"] = duplicate;
    file["plans"][1]["id"] = file["plans"][0]["id"].clone();
    let found = problems(&file);
    assert!(
        found.contains(&"plans[0].name: a plan needs a name".to_string()),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("plans[0].steps[1].id: duplicate id")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|p| p.starts_with("plans[1].id: the id")),
        "{found:?}"
    );
}

#[test]
fn ids_are_checked_for_length_in_characters_and_for_what_they_hold() {
    let cases = [
        ("", Some("missing id")),
        (&*"a".repeat(64), None),
        (&*"a".repeat(65), Some("id longer than 64 characters")),
        (
            "step one",
            Some("an id may hold only letters, digits, '-' and '_'"),
        ),
        (
            "étape",
            Some("an id may hold only letters, digits, '-' and '_'"),
        ),
        // 40 characters but 80 bytes: long in bytes, not in characters.
        (
            &*"é".repeat(40),
            Some("an id may hold only letters, digits, '-' and '_'"),
        ),
        (&*"é".repeat(65), Some("id longer than 64 characters")),
        ("Step_2-b", None),
    ];
    for (id, expected) in cases {
        let mut file = example();
        file["plans"][0]["steps"][0]["id"] = json!(id);
        match expected {
            Some(message) => assert_eq!(
                problems(&file),
                vec![format!("plans[0].steps[0].id: {message}")],
                "id {id:?}"
            ),
            None => assert!(
                parse_envelope(&file.to_string()).is_ok(),
                "id {id:?} is accepted"
            ),
        }
    }
}

#[test]
fn files_that_are_not_pilotdeck_files_say_so() {
    assert!(matches!(
        parse_envelope("{\"plans\": "),
        Err(ExchangeError::NotJson(_))
    ));
    assert_eq!(parse_envelope("[1, 2]"), Err(ExchangeError::NotPilotdeck));
    assert_eq!(
        parse_envelope("{\"format\": \"other\"}"),
        Err(ExchangeError::NotPilotdeck)
    );
    assert_eq!(
        parse_envelope("{\"format\": 7}"),
        Err(ExchangeError::NotPilotdeck)
    );
    assert_eq!(
        parse_envelope("{\"format\": \"pilotdeck\", \"plans\": []}"),
        Err(ExchangeError::MissingVersion)
    );
}

#[test]
fn a_file_from_a_newer_version_is_refused_with_both_versions_named() {
    let mut file = example();
    file["schema_version"] = json!(3);
    let error = parse_envelope(&file.to_string()).expect_err("refused");
    assert_eq!(
        error,
        ExchangeError::NewerVersion {
            found: 3,
            supported: 2
        }
    );
    assert!(error.to_string().contains("newer Pilotdeck"));
    file["schema_version"] = json!("1");
    assert!(problems(&file)[0].starts_with("schema_version:"));
    file["schema_version"] = json!(0);
    assert!(problems(&file)[0].starts_with("schema_version:"));
}

#[test]
fn size_and_count_caps_are_enforced_before_reading_plans() {
    let big = " ".repeat(MAX_FILE_BYTES + 1);
    assert!(matches!(
        parse_envelope(&big),
        Err(ExchangeError::TooLarge { .. })
    ));
    let many = format!(
        "{{\"format\":\"pilotdeck\",\"schema_version\":1,\"plans\":[{}]}}",
        vec!["0"; MAX_PLANS + 1].join(",")
    );
    assert_eq!(
        parse_envelope(&many),
        Err(ExchangeError::TooManyPlans {
            count: MAX_PLANS + 1,
            max: MAX_PLANS
        })
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any text at all gives a value or an error, never a panic.
    #[test]
    fn arbitrary_text_never_panics(text in ".{0,400}") {
        let _ = parse_envelope(&text);
    }

    /// Cutting a valid file anywhere gives an error, never a panic or a partial import.
    #[test]
    fn a_truncated_file_is_refused(cut in 1usize..EXAMPLE.len() - 2) {
        let end = (0..=cut).rev().find(|i| EXAMPLE.is_char_boundary(*i)).unwrap_or(0);
        prop_assert!(parse_envelope(&EXAMPLE[..end]).is_err());
    }

    /// Flipping one byte of a valid file never panics, and an error always names something.
    #[test]
    fn a_corrupted_byte_never_panics(at in 0usize..EXAMPLE.len(), byte in 32u8..127) {
        let mut bytes = EXAMPLE.as_bytes().to_vec();
        bytes[at] = byte;
        if let Ok(text) = String::from_utf8(bytes) {
            if let Err(error) = parse_envelope(&text) {
                prop_assert!(!error.to_string().is_empty());
            }
        }
    }
}

#[test]
fn every_wrong_plan_is_reported_at_once() {
    let mut file = example();
    file["plans"][0]["steps"][0]["due_on"] = json!("31/02/2026");
    file["plans"][2]["name"] = json!(42);
    file["plans"][4]["stage"] = json!("launched");
    file["plans"][5]["partner"]["surprise"] = json!(true);
    let found = problems(&file);
    assert_eq!(found.len(), 4, "{found:#?}");
    assert!(
        found[0].starts_with("plans[0].steps[0].due_on: not a date"),
        "{}",
        found[0]
    );
    assert!(
        found[1].starts_with("plans[2].name: expected a text, found the number 42"),
        "{}",
        found[1]
    );
    assert!(
        found[2].starts_with("plans[4].stage: \"launched\" is not one of exploring,"),
        "{}",
        found[2]
    );
    assert!(
        found[3].starts_with("plans[5].partner.surprise: \"surprise\" is not a field"),
        "{}",
        found[3]
    );
}

#[test]
fn every_wrong_value_in_one_plan_is_reported_at_once() {
    let mut file = example();
    file["plans"][1]["steps"][0]["due_on"] = json!("31/02/2026");
    file["plans"][1]["steps"][1]["due_on"] = json!("soon");
    file["plans"][1]["stage"] = json!(7);
    file["plans"][1]["partner"]["kind"] = json!("bank");
    file["plans"][1]
        .as_object_mut()
        .expect("an object")
        .remove("name");
    let mut found = problems(&file);
    found.sort();
    assert_eq!(found.len(), 5, "{found:#?}");
    assert!(
        found[0].starts_with("plans[1].partner.kind: \"bank\" is not one of telco, agency,"),
        "{found:#?}"
    );
    assert_eq!(
        found[1..],
        [
            "plans[1].stage: a choice is written as a word in quotes, not 7",
            "plans[1].steps[0].due_on: not a date (expected YYYY-MM-DD): \"31/02/2026\"",
            "plans[1].steps[1].due_on: not a date (expected YYYY-MM-DD): \"soon\"",
            "plans[1]: the field \"name\" is missing",
        ]
    );
}

#[test]
fn a_choice_given_as_a_number_list_or_true_says_so() {
    for (value, shown) in [
        (json!(3), "3"),
        (json!(true), "true"),
        (json!(null), "null"),
        (json!(["live"]), "a list"),
    ] {
        let mut file = example();
        file["plans"][0]["stage"] = value;
        assert_eq!(
            problems(&file),
            vec![format!(
                "plans[0].stage: a choice is written as a word in quotes, not {shown}"
            )]
        );
    }
}

#[test]
fn a_broken_escape_inside_a_plan_is_named_at_its_field() {
    let text = EXAMPLE.replacen("\"notes\": \"", "\"notes\": \"\\ud800 ", 1);
    assert_ne!(text, EXAMPLE, "the example has partner notes");
    let found = problems_of_text(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with("plans[0].partner.notes: not readable text"),
        "{}",
        found[0]
    );
    assert!(!found[0].contains(" at line "), "{}", found[0]);
}

fn problems_of_text(text: &str) -> Vec<String> {
    match parse_envelope(text) {
        Err(ExchangeError::Problems(problems)) => {
            problems.iter().map(ToString::to_string).collect()
        }
        other => panic!("expected problems, got {other:?}"),
    }
}
