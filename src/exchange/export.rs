//! Writing Pilotdeck files: the envelope for one plan or many, and file names that say what a
//! file holds and when it was made (`pilotdeck-northwind-mobile-2026-11-23.json`).

use super::envelope::{Envelope, ScoreModelNote};
use crate::domain::scoring::ScoreModel;
use crate::domain::Plan;
use chrono::{DateTime, NaiveDate, Utc};

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
    match slug(subject) {
        s if s.is_empty() => format!("pilotdeck-{on}.json"),
        s => format!("pilotdeck-{s}-{on}.json"),
    }
}

/// One plan as a file: its name (after the partner, or the plan when the partner has no name)
/// and its JSON.
pub fn plan_file(
    plan: &Plan,
    now: DateTime<Utc>,
    today: NaiveDate,
    model: &ScoreModel,
) -> (String, String) {
    let subject = if slug(&plan.partner.name).is_empty() {
        &plan.name
    } else {
        &plan.partner.name
    };
    let envelope = Envelope::new(
        vec![plan.clone()],
        now,
        ScoreModelNote {
            version: Some(model.version),
        },
    );
    (file_name(subject, today), envelope.to_json())
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
}
