//! Every type of the model survives a trip through JSON unchanged: as a stored value, inside an
//! exported file, in a share link, and one value at a time.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use chrono::{DateTime, TimeZone, Utc};
use pilotdeck::domain::scoring::MODEL;
use pilotdeck::domain::*;
use pilotdeck::exchange::export::envelope_json;
use pilotdeck::exchange::parse_envelope;
use pilotdeck::exchange::share;
use pilotdeck::storage::record::{
    decode_index, decode_plan, encode_index, encode_plan, one_byte_json,
};
use proptest::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

/// The case count of the file and share-link properties: `PROPTEST_CASES` when set (for a long
/// run: `PROPTEST_CASES=10000 cargo test --release --test roundtrip`), 200 otherwise.
fn cases_from_env() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|value| value.trim().parse().ok())
        .unwrap_or(200);
    ProptestConfig::with_cases(cases)
}

fn export_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 0)
        .single()
        .expect("a time")
}

fn round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(value: &T) {
    let text = serde_json::to_string(value).expect("serializes");
    let back: T = serde_json::from_str(&text).expect("reads back");
    assert_eq!(&back, value, "{text}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_generated_plan_is_valid(plan in support::plan()) {
        prop_assert_eq!(validate_plan(&plan), vec![]);
    }

    #[test]
    fn a_plan_and_each_of_its_parts_round_trip(plan in support::plan()) {
        round_trip(&plan);
        round_trip(&plan.partner);
        round_trip(&plan.timing);
        round_trip(&plan.pilot);
        round_trip(&plan.pilot.primary_metric);
        round_trip(&plan.foundation);
        round_trip(&plan.foundation.governance);
        round_trip(&plan.foundation.rhythm);
        round_trip(&plan.foundation.key_results);
        round_trip(&plan.steps);
        round_trip(&plan.log);
        round_trip(&plan.cycles);
        round_trip(&plan.score_override);
    }

    #[test]
    fn a_stored_plan_reads_back_as_it_was_written(plan in support::plan()) {
        let stored = encode_plan(&plan);
        prop_assert_eq!(decode_plan(&stored, &plan.id).expect("decodes"), plan);
    }

    /// Generated text holds €, 中文, 🚀 and U+202E: stored, the plan is the same JSON value,
    /// written one byte per character or left as it was, whichever `one_byte_json` chose.
    #[test]
    fn a_stored_plan_is_the_same_json_value(plan in support::plan()) {
        let stored = encode_plan(&plan);
        let plain = serde_json::to_string(&serde_json::json!({"schema_version": SCHEMA_VERSION, "plan": &plan}))
            .expect("serializes");
        let stored_value: serde_json::Value = serde_json::from_str(&stored).expect("JSON");
        let plain_value: serde_json::Value = serde_json::from_str(&plain).expect("JSON");
        prop_assert_eq!(stored_value, plain_value);
        // Escaped throughout, or not at all (generated text has no control characters, the only
        // ones serde_json escapes this way).
        let one_byte = stored.chars().all(|c| c <= '\u{ff}');
        prop_assert!(one_byte || !stored.contains("\\u"), "{}", stored);
    }

    #[test]
    fn one_byte_json_keeps_any_text_and_grows_it_by_an_eighth_at_most(text in any::<String>()) {
        let json = serde_json::to_string(&text).expect("serializes");
        let escaped = one_byte_json(json.clone());
        prop_assert_eq!(serde_json::from_str::<String>(&escaped).expect("reads"), text);
        let units = |s: &str| s.encode_utf16().count();
        if escaped != json {
            let one_byte = escaped.chars().all(|c| c <= '\u{ff}');
            prop_assert!(one_byte, "{}", escaped);
            prop_assert!(units(&escaped) <= units(&json) + units(&json) / 8);
        } else {
            // Left as it was: already one byte per character, or escapes would grow it too much.
            let wide = json.chars().filter(|c| *c > '\u{ff}').map(char::len_utf16).sum::<usize>();
            prop_assert!(wide == 0 || 5 * wide > units(&json) / 8);
        }
    }

    #[test]
    fn the_index_keeps_ids_and_their_order(plans in support::plans(10)) {
        let ids: Vec<PlanId> = plans.iter().map(|p| p.id.clone()).collect();
        prop_assert_eq!(decode_index(&encode_index(&ids)).expect("decodes").plan_ids, ids);
    }
}

proptest! {
    #![proptest_config(cases_from_env())]

    #[test]
    fn an_exported_file_reads_back_with_the_same_plans(plans in support::plans(6)) {
        let now = export_time();
        let back = parse_envelope(&envelope_json(&plans, now, &MODEL)).expect("parses");
        prop_assert_eq!(back.plans, plans);
        prop_assert_eq!(back.exported_at, now);
        prop_assert_eq!(back.score_model.version, Some(MODEL.version));
    }

    #[test]
    fn a_share_link_reads_back_as_the_same_plan(plan in support::plan()) {
        let data = share::encode(&plan, export_time(), &MODEL);
        prop_assert!(data.len() <= share::MAX_LINK_CHARS);
        prop_assert_eq!(share::decode(&data).expect("decodes"), plan);
    }
}

#[test]
fn a_few_characters_above_latin_1_are_stored_as_escapes() {
    let text = "Café launch with the partner’s sales team — week one of the pilot in Malmö, with \
                the first ten salons booked, deposits switched on and a sync every Tuesday 🚀";
    assert_eq!(
        one_byte_json(serde_json::to_string(text).expect("serializes")),
        r#""Café launch with the partner\u2019s sales team \u2014 week one of the pilot in Malmö, with the first ten salons booked, deposits switched on and a sync every Tuesday \ud83d\ude80""#
    );
    // Text that is already one byte per character is returned as it is.
    assert_eq!(one_byte_json(r#"["é ü"]"#.to_string()), r#"["é ü"]"#);
}

#[test]
fn text_mostly_in_another_script_is_stored_as_it_is() {
    // Escaped, each letter would count six characters against the browser's quota.
    for text in [
        r#"["Пилотный проект"]"#,
        r#"["合作伙伴试点"]"#,
        r#"["Πιλοτικό"]"#,
    ] {
        assert_eq!(one_byte_json(text.to_string()), text);
    }
}

#[test]
fn every_enum_value_round_trips_with_its_snake_case_name() {
    let expect = |value: serde_json::Value, text: &str| assert_eq!(value.to_string(), text);
    for (stage, name) in Stage::ALL.iter().zip([
        "exploring",
        "designing",
        "live",
        "reviewing",
        "scaling",
        "parked",
        "stopped",
    ]) {
        round_trip(stage);
        expect(serde_json::json!(stage), &format!("\"{name}\""));
    }
    for (kind, name) in PartnerKind::ALL.iter().zip([
        "telco",
        "agency",
        "affiliate",
        "reseller",
        "tech_integration",
        "distributor",
        "strategic_alliance",
        "other",
    ]) {
        round_trip(kind);
        expect(serde_json::json!(kind), &format!("\"{name}\""));
    }
    for cadence in Cadence::ALL {
        round_trip(&cadence);
    }
    expect(serde_json::json!(Cadence::Monthly), "30");
    expect(serde_json::json!(Side::Joint), "\"joint\"");
    expect(serde_json::json!(LogKind::ExecSync), "\"exec_sync\"");
    expect(serde_json::json!(Confidence::AtRisk), "\"at_risk\"");
    expect(serde_json::json!(Decision::Iterate), "\"iterate\"");
    expect(
        serde_json::json!(Band::GhostTownRisk),
        "\"ghost_town_risk\"",
    );
}

#[test]
fn values_outside_their_range_are_refused() {
    assert!(serde_json::from_str::<Rating>("0").is_err());
    assert!(serde_json::from_str::<Rating>("6").is_err());
    assert_eq!(serde_json::from_str::<Rating>("5").ok(), Rating::new(5));
    let error = serde_json::from_str::<Cadence>("10").expect_err("not a cadence");
    assert!(error.to_string().contains("7, 14 or 30"), "{error}");
}
