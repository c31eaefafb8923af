//! Combining two versions of a plan (the import preview's "Combine"): lists united by item,
//! a differing field from the side changed later, every difference listed, our internal
//! notes never lost to a partner's copy.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use chrono::{Duration, NaiveDate};
use pilotdeck::domain::import::Taken;
use pilotdeck::domain::*;
use pilotdeck::exchange::example_plans;
use pilotdeck::exchange::merge::compare;
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date")
}

fn northwind() -> Plan {
    example_plans(include_str!("../public/examples/portfolio.json"), today())
        .expect("reads")
        .into_iter()
        .find(|p| p.id.as_str() == "example-telco-northwind")
        .expect("northwind")
}

#[test]
fn a_partners_newer_copy_combines_with_ours_and_every_difference_is_listed() {
    let mine = {
        let mut p = northwind();
        p.steps
            .push(Step::new("Our new step", Side::Ours, "Maya", None, today()));
        p
    };
    // The partner worked from a share link (no internal content), a day later.
    let theirs = {
        let mut p = northwind().for_partner();
        p.updated_at += Duration::days(1);
        p.steps.push(Step::new(
            "Their new step",
            Side::Theirs,
            "Hannah",
            None,
            today(),
        ));
        p.steps[0].title = "DPA signed by both legal teams (countersigned)".into();
        p.log.push(LogEntry::new(
            LogKind::Win,
            today(),
            "First 100 activations",
        ));
        p.foundation.objective = "Their sharper objective".into();
        p
    };
    let comparison = compare(&mine, &theirs);
    assert!(comparison.theirs_later);
    let combined = comparison.combined.clone().expect("combines");
    assert_eq!(validate_plan(&combined), vec![]);

    let titles: Vec<&str> = combined.steps.iter().map(|s| s.title.as_str()).collect();
    assert!(titles.contains(&"Our new step"), "ours kept");
    assert!(titles.contains(&"Their new step"), "theirs kept");
    assert_eq!(
        combined.steps[0].title,
        "DPA signed by both legal teams (countersigned)"
    );
    assert_eq!(combined.foundation.objective, "Their sharper objective");
    assert!(combined
        .log
        .iter()
        .any(|e| e.text == "First 100 activations"));
    // What they never had stays: our notes and our internal entries.
    assert_eq!(combined.partner.notes, mine.partner.notes);
    let internal: Vec<&LogEntry> = mine.log.iter().filter(|e| e.internal).collect();
    assert!(!internal.is_empty());
    for entry in internal {
        assert!(combined.log.contains(entry));
    }
    assert_eq!(combined.rev, mine.rev);
    assert_eq!(combined.updated_at, theirs.updated_at);

    let places: Vec<(&str, Taken)> = comparison
        .differences
        .iter()
        .map(|d| (d.place.as_str(), d.taken))
        .collect();
    assert!(
        places.contains(&("foundation › objective", Taken::Theirs)),
        "{places:#?}"
    );
    assert!(
        places.contains(&("partner › notes", Taken::Mine)),
        "{places:#?}"
    );
    assert!(
        places.contains(&("steps › “Our new step”", Taken::Kept)),
        "{places:#?}"
    );
    assert!(
        places.contains(&("steps › “Their new step”", Taken::Kept)),
        "{places:#?}"
    );
    assert!(
        places
            .iter()
            .any(|(p, t)| p.ends_with("› title") && *t == Taken::Theirs),
        "{places:#?}"
    );
    let objective = comparison
        .differences
        .iter()
        .find(|d| d.place == "foundation › objective")
        .expect("listed");
    assert_eq!(
        objective.theirs.as_deref(),
        Some("“Their sharper objective”")
    );
}

#[test]
fn when_mine_is_newer_a_differing_field_stays_mine() {
    let mut mine = northwind();
    mine.updated_at += Duration::days(2);
    mine.name = "Northwind — renamed here".into();
    let theirs = northwind();
    let comparison = compare(&mine, &theirs);
    assert!(!comparison.theirs_later);
    let combined = comparison.combined.expect("combines");
    assert_eq!(combined.name, "Northwind — renamed here");
    assert_eq!(comparison.differences.len(), 1);
    assert_eq!(comparison.differences[0].place, "name");
    assert_eq!(comparison.differences[0].taken, Taken::Mine);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// Combining keeps every step and log entry of both sides, validates, and combining a plan
    /// with itself changes nothing.
    #[test]
    fn combining_unites_every_item_and_is_sound(mine in support::plan(), theirs in support::plan()) {
        let mut theirs = theirs;
        theirs.id = mine.id.clone();
        let comparison = compare(&mine, &theirs);
        if let Some(combined) = comparison.combined {
            prop_assert_eq!(validate_plan(&combined), vec![]);
            for step in mine.steps.iter().chain(&theirs.steps) {
                prop_assert!(combined.steps.iter().any(|s| s.id == step.id));
            }
            for entry in mine.log.iter().chain(&theirs.log) {
                prop_assert!(combined.log.iter().any(|e| e.id == entry.id));
            }
        }
        let same = compare(&mine, &mine);
        prop_assert!(same.differences.is_empty());
        prop_assert_eq!(same.combined, Some(mine));
    }
}
