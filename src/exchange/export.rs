//! Writing Pilotdeck files: the envelope of SPEC §6 for one plan or many, with the scoring
//! model's version and every parameter (so the numbers can be reproduced), and file names that
//! say what a file holds and when it was made (`pilotdeck-northwind-mobile-2026-11-23.json`).

use super::envelope::FORMAT_NAME;
use super::json::{write_json, Layout};
use crate::domain::scoring::ScoreModel;
use crate::domain::{Plan, SCHEMA_VERSION};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

/// The envelope as written. Reading uses [`super::Envelope`], which takes the model's version
/// and leaves its parameters aside: they describe the file, they do not change the plans.
#[derive(Serialize)]
struct Export<'a> {
    format: &'static str,
    schema_version: u32,
    #[serde(with = "crate::domain::dates::timestamp")]
    exported_at: &'a DateTime<Utc>,
    app_version: &'static str,
    score_model: ModelNote<'a>,
    plans: &'a [Plan],
}

#[derive(Serialize)]
struct ModelNote<'a> {
    version: u32,
    parameters: &'a ScoreModel,
}

/// The JSON of a Pilotdeck file holding `plans`, exported at `now`, indented as files are saved.
pub fn envelope_json(plans: &[Plan], now: DateTime<Utc>, model: &ScoreModel) -> String {
    envelope_text(plans, now, model, Layout::Indented)
}

/// The same file in the given layout: compact is what share links pack.
pub fn envelope_text(
    plans: &[Plan],
    now: DateTime<Utc>,
    model: &ScoreModel,
    layout: Layout,
) -> String {
    let export = Export {
        format: FORMAT_NAME,
        schema_version: SCHEMA_VERSION,
        exported_at: &now,
        app_version: env!("CARGO_PKG_VERSION"),
        score_model: ModelNote {
            version: model.version,
            parameters: model,
        },
        plans,
    };
    write_json(&export, layout)
}

/// The longest name part of a file name, in characters.
const MAX_SLUG_CHARS: usize = 40;

/// Lower-case ASCII letters and digits of `text`, words joined by single hyphens.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.len() + word.len() + 1 > MAX_SLUG_CHARS {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out
}

/// `pilotdeck-<subject>-<date>.json`, or `pilotdeck-<date>.json` when the subject has no
/// letters or digits to use.
pub fn file_name(subject: &str, on: NaiveDate) -> String {
    named(&slug(subject), on, "json")
}

fn named(subject: &str, on: NaiveDate, extension: &str) -> String {
    if subject.is_empty() {
        format!("pilotdeck-{on}.{extension}")
    } else {
        format!("pilotdeck-{subject}-{on}.{extension}")
    }
}

/// One plan's file name, whatever the format: after the partner, or the plan when the
/// partner's name has no letters or digits, so one plan's files sort together.
pub fn plan_file_name(plan: &Plan, on: NaiveDate, extension: &str) -> String {
    let subject = match slug(&plan.partner.name) {
        partner if partner.is_empty() => slug(&plan.name),
        partner => partner,
    };
    named(&subject, on, extension)
}

/// One plan as a file: its name (after the partner, or the plan when the partner has no name)
/// and its JSON.
pub fn plan_file(
    plan: &Plan,
    now: DateTime<Utc>,
    today: NaiveDate,
    model: &ScoreModel,
) -> (String, String) {
    (
        plan_file_name(plan, today, "json"),
        envelope_json(std::slice::from_ref(plan), now, model),
    )
}

/// Every plan as one file: `pilotdeck-portfolio-<date>.json`.
pub fn portfolio_file(
    plans: &[Plan],
    now: DateTime<Utc>,
    today: NaiveDate,
    model: &ScoreModel,
) -> (String, String) {
    (
        file_name("portfolio", today),
        envelope_json(plans, now, model),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn file_names_say_what_and_when() {
        assert_eq!(
            file_name("Northwind", day()),
            "pilotdeck-northwind-2026-11-23.json"
        );
        assert_eq!(
            file_name("  Ridgeway College — training salon!", day()),
            "pilotdeck-ridgeway-college-training-salon-2026-11-23.json"
        );
        assert_eq!(
            file_name("Überbank ✨", day()),
            "pilotdeck-berbank-2026-11-23.json"
        );
        assert_eq!(file_name("«»", day()), "pilotdeck-2026-11-23.json");
        assert_eq!(
            file_name("../../etc/passwd", day()),
            "pilotdeck-etc-passwd-2026-11-23.json"
        );
        let long = "word ".repeat(50);
        assert!(slug(&long).len() <= MAX_SLUG_CHARS);
    }

    #[test]
    fn an_export_records_the_model_and_reads_back() {
        use crate::domain::scoring::MODEL;
        let example = include_str!("../../public/examples/portfolio.json");
        let plans = crate::exchange::example_plans(example, day()).expect("the example reads");
        let now = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 11, 23, 9, 0, 0).unwrap();
        let (name, json) = portfolio_file(&plans, now, day(), &MODEL);
        assert_eq!(name, "pilotdeck-portfolio-2026-11-23.json");
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["score_model"]["version"], 2);
        assert_eq!(
            value["score_model"]["parameters"]["weights"]["rhythm"],
            25.0
        );
        assert_eq!(value["app_version"], env!("CARGO_PKG_VERSION"));
        let back = crate::exchange::parse_envelope(&json).expect("reads back");
        assert_eq!(back.plans, plans);
        assert_eq!(back.exported_at, now);
        assert_eq!(back.score_model.version, Some(2));
    }
}
