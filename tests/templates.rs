//! Partner-type templates: one per kind, full enough for the wizard to prefill every step,
//! every text fit to show, and every suggestion specific to its kind.
#![cfg(not(target_arch = "wasm32"))]

use pilotdeck::domain::templates::{template, KeyResultIdea, Template, TEMPLATES};
use pilotdeck::domain::{PartnerKind, Side};
use std::collections::HashSet;

const MAX_CHARS: usize = 200;

/// Every text of a template, named by where it sits, for the checks that apply to all texts.
fn texts(t: &Template) -> Vec<(String, &'static str)> {
    let mut all = vec![
        ("summary".to_string(), t.summary),
        ("objective".to_string(), t.objective),
    ];
    let lists: [(&str, &[&'static str]); 6] = [
        ("use_cases", t.use_cases),
        ("segments", t.segments),
        ("fastest_wins", t.fastest_wins),
        ("out_of_scope", t.out_of_scope),
        ("stop_conditions", t.stop_conditions),
        ("risks", t.risks),
    ];
    for (name, list) in lists {
        all.extend(
            list.iter()
                .enumerate()
                .map(|(i, s)| (format!("{name}[{i}]"), *s)),
        );
    }
    for (name, ideas) in [("metrics", t.metrics), ("key_results", t.key_results)] {
        for (i, idea) in ideas.iter().enumerate() {
            all.push((format!("{name}[{i}].name"), idea.name));
            all.push((format!("{name}[{i}].unit"), idea.unit));
        }
    }
    all.extend(
        t.first_steps
            .iter()
            .enumerate()
            .map(|(i, (title, _))| (format!("first_steps[{i}]"), *title)),
    );
    all
}

fn assert_no_duplicates(kind: PartnerKind, name: &str, items: impl IntoIterator<Item = String>) {
    let mut seen = HashSet::new();
    for item in items {
        assert!(
            seen.insert(item.to_lowercase()),
            "{kind:?}: {name} lists {item:?} twice"
        );
    }
}

fn assert_ideas_measurable(kind: PartnerKind, name: &str, ideas: &[KeyResultIdea]) {
    for idea in ideas {
        assert!(
            idea.baseline.is_finite() && idea.target.is_finite(),
            "{kind:?}: {name} {:?} needs finite numbers",
            idea.name
        );
        assert!(
            idea.baseline != idea.target,
            "{kind:?}: {name} {:?} goes nowhere ({} to {})",
            idea.name,
            idea.baseline,
            idea.target
        );
        assert!(
            !idea.unit.trim().is_empty(),
            "{kind:?}: {name} {:?} has no unit",
            idea.name
        );
    }
}

#[test]
fn there_is_one_template_per_kind_in_kind_order() {
    assert_eq!(TEMPLATES.len(), PartnerKind::ALL.len());
    for (t, kind) in TEMPLATES.iter().zip(PartnerKind::ALL) {
        assert_eq!(t.kind, kind);
    }
    for kind in PartnerKind::ALL {
        assert_eq!(template(kind).kind, kind);
    }
}

#[test]
fn every_template_has_enough_suggestions_for_each_wizard_step() {
    for kind in PartnerKind::ALL {
        let t = template(kind);
        let counts = [
            ("use_cases", t.use_cases.len(), 4),
            ("segments", t.segments.len(), 3),
            ("metrics", t.metrics.len(), 3),
            ("fastest_wins", t.fastest_wins.len(), 4),
            ("out_of_scope", t.out_of_scope.len(), 3),
            ("stop_conditions", t.stop_conditions.len(), 3),
            ("risks", t.risks.len(), 3),
            ("first_steps", t.first_steps.len(), 4),
        ];
        for (name, count, min) in counts {
            assert!(
                count >= min,
                "{kind:?}: {name} has {count}, needs at least {min}"
            );
        }
        assert!(
            (2..=3).contains(&t.key_results.len()),
            "{kind:?}: {} starter key results, expected 2 or 3",
            t.key_results.len()
        );
    }
}

#[test]
fn every_text_is_non_empty_trimmed_and_short() {
    for kind in PartnerKind::ALL {
        for (place, text) in texts(template(kind)) {
            assert!(!text.is_empty(), "{kind:?}: {place} is empty");
            assert_eq!(text.trim(), text, "{kind:?}: {place} has outer spaces");
            assert!(
                !text.contains("  ") && !text.contains('\n'),
                "{kind:?}: {place} has a line break or double space: {text:?}"
            );
            let chars = text.chars().count();
            assert!(
                chars < MAX_CHARS,
                "{kind:?}: {place} is {chars} characters: {text:?}"
            );
        }
    }
}

#[test]
fn no_list_repeats_an_entry() {
    for kind in PartnerKind::ALL {
        let t = template(kind);
        let lists: [(&str, &[&str]); 6] = [
            ("use_cases", t.use_cases),
            ("segments", t.segments),
            ("fastest_wins", t.fastest_wins),
            ("out_of_scope", t.out_of_scope),
            ("stop_conditions", t.stop_conditions),
            ("risks", t.risks),
        ];
        for (name, list) in lists {
            assert_no_duplicates(kind, name, list.iter().map(|s| s.to_string()));
        }
        assert_no_duplicates(
            kind,
            "metrics",
            t.metrics.iter().map(|m| m.name.to_string()),
        );
        assert_no_duplicates(
            kind,
            "key_results",
            t.key_results.iter().map(|k| k.name.to_string()),
        );
        assert_no_duplicates(
            kind,
            "first_steps",
            t.first_steps.iter().map(|(s, _)| s.to_string()),
        );
    }
}

#[test]
fn every_metric_and_key_result_moves_somewhere_measurable() {
    for kind in PartnerKind::ALL {
        let t = template(kind);
        assert_ideas_measurable(kind, "metric", t.metrics);
        assert_ideas_measurable(kind, "key result", t.key_results);
    }
}

#[test]
fn first_steps_include_one_the_partner_owns_alone_or_jointly() {
    for kind in PartnerKind::ALL {
        let steps = template(kind).first_steps;
        assert!(
            steps.iter().any(|(_, side)| side.involves_partner()),
            "{kind:?}: no first step owned by the partner or jointly"
        );
        assert!(
            steps.iter().any(|(_, side)| *side == Side::Ours),
            "{kind:?}: no first step of our own"
        );
    }
}

#[test]
fn use_cases_are_specific_to_each_kind() {
    let mut seen: HashSet<String> = HashSet::new();
    for kind in PartnerKind::ALL {
        for use_case in template(kind).use_cases {
            assert!(
                seen.insert(use_case.to_lowercase()),
                "{kind:?}: use case {use_case:?} is reused from another kind"
            );
        }
    }
}

#[test]
fn summaries_and_objectives_differ_across_kinds() {
    let summaries: HashSet<&str> = TEMPLATES.iter().map(|t| t.summary).collect();
    let objectives: HashSet<&str> = TEMPLATES.iter().map(|t| t.objective).collect();
    assert_eq!(summaries.len(), TEMPLATES.len());
    assert_eq!(objectives.len(), TEMPLATES.len());
}

#[test]
fn the_starters_fill_a_blank_objective_and_replace_the_key_results() {
    use pilotdeck::domain::Foundation;
    let telco = template(PartnerKind::Telco);
    let mut foundation = Foundation::default();
    telco.use_starters(&mut foundation);
    assert_eq!(foundation.objective, telco.objective);
    assert_eq!(foundation.key_results.len(), telco.key_results.len().min(3));
    assert_eq!(foundation.key_results[0].name, telco.key_results[0].name);
    // An objective already written is kept.
    foundation.objective = "Ours".into();
    template(PartnerKind::Agency).use_starters(&mut foundation);
    assert_eq!(foundation.objective, "Ours");
    assert_eq!(
        foundation.key_results[0].name,
        template(PartnerKind::Agency).key_results[0].name
    );
    // A metric idea becomes the primary metric as it is.
    let metric = telco.metrics[0].metric();
    assert_eq!(metric.name, telco.metrics[0].name);
    assert_eq!(
        (metric.baseline, metric.target),
        (
            Some(telco.metrics[0].baseline),
            Some(telco.metrics[0].target)
        )
    );
}
