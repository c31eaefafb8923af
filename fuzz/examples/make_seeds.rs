//! Writes the fuzzers' seed corpus from the example portfolio: good files and share links, and a
//! few broken ones that stop at each stage of reading. Run after the file format changes:
//!
//!     cd fuzz && cargo run --example make_seeds
//!
//! Seeds only give the fuzzers a start; libFuzzer finds the rest. Every seed is checked here to
//! be read the way its name says, so a stale seed shows up when this runs.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, TimeZone, Utc};
use pilotdeck::domain::scoring::MODEL;
use pilotdeck::domain::Plan;
use pilotdeck::exchange::export::envelope_json;
use pilotdeck::exchange::{parse_envelope, share};
use std::fs;
use std::path::{Path, PathBuf};

const PORTFOLIO: &str = include_str!("../../public/examples/portfolio.json");

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
}

fn compact(json: &str) -> String {
    serde_json::from_str::<serde_json::Value>(json)
        .expect("our own JSON")
        .to_string()
}

fn link_of_text(text: &str) -> String {
    URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 9))
}

fn write(dir: &Path, name: &str, text: &str) {
    fs::write(dir.join(name), text).expect("writes a seed");
}

fn main() {
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let import = seeds.join("import");
    let links = seeds.join("share_link");
    for dir in [&import, &links] {
        if dir.exists() {
            fs::remove_dir_all(dir).expect("clears old seeds");
        }
        fs::create_dir_all(dir).expect("makes the seed folder");
    }

    let plans: Vec<Plan> = parse_envelope(PORTFOLIO).expect("the example reads").plans;
    let one = envelope_json(&plans[..1], now(), &MODEL);

    // Files that import.
    let good = [
        ("portfolio.json", PORTFOLIO.to_string()),
        ("one_plan.json", one.clone()),
        ("one_plan_compact.json", compact(&one)),
        ("no_plans.json", envelope_json(&[], now(), &MODEL)),
    ];
    for (name, text) in &good {
        assert!(parse_envelope(text).is_ok(), "{name} should import");
        write(&import, name, text);
    }

    // Files that stop at each stage: syntax, marker, version, count, plan rules, duplicates.
    let twice = envelope_json(&[plans[0].clone(), plans[0].clone()], now(), &MODEL);
    let broken = [
        (
            "not_json.txt",
            "Partner pilots, Q4\n- Northwind\n".to_string(),
        ),
        (
            "cut_short.json",
            PORTFOLIO[..PORTFOLIO.len() / 3].to_string(),
        ),
        (
            "other_format.json",
            one.replacen("\"pilotdeck\"", "\"pilotdock\"", 1),
        ),
        (
            "newer_version.json",
            one.replacen("\"schema_version\": 1", "\"schema_version\": 2", 1),
        ),
        (
            "no_version.json",
            one.replacen("\"schema_version\": 1,", "", 1),
        ),
        (
            "version_zero.json",
            one.replacen("\"schema_version\": 1", "\"schema_version\": 0", 1),
        ),
        (
            "bad_date.json",
            one.replacen("\"created_at\": \"2026", "\"created_at\": \"2026-13", 1),
        ),
        (
            "unknown_field.json",
            one.replacen("\"plans\":", "\"extra\": true,\n  \"plans\":", 1),
        ),
        (
            "plans_not_a_list.json",
            compact(&envelope_json(&[], now(), &MODEL)).replace("[]", "{}"),
        ),
        ("same_id_twice.json", twice),
    ];
    for (name, text) in &broken {
        assert!(parse_envelope(text).is_err(), "{name} should be refused");
        write(&import, name, text);
    }

    // Links that open: every example plan, and one pasted with its `#`.
    for (index, plan) in plans.iter().enumerate() {
        let link = share::encode(plan, now(), &MODEL);
        assert_eq!(share::decode(&link).as_ref(), Ok(plan));
        write(&links, &format!("plan_{index}.txt"), &link);
    }
    let first = share::encode(&plans[0], now(), &MODEL);
    write(&links, "with_hash.txt", &format!("#{first}"));

    // Links that are refused at each stage.
    let two = compact(&envelope_json(&plans[..2], now(), &MODEL));
    let refused = [
        ("empty.txt", "#".to_string()),
        ("not_base64.txt", "this is not a link!".to_string()),
        (
            "not_deflate.txt",
            URL_SAFE_NO_PAD.encode("plain text, not deflated"),
        ),
        ("cut_short.txt", first[..first.len() / 2].to_string()),
        ("two_plans.txt", link_of_text(&two)),
        ("not_a_file.txt", link_of_text("{\"format\":\"pilotdeck\"}")),
    ];
    for (name, link) in &refused {
        assert!(share::decode(link).is_err(), "{name} should be refused");
        write(&links, name, link);
    }

    println!("wrote seeds to {}", seeds.display());
}
