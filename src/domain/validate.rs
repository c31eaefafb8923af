//! What makes a stored or imported plan sound: ids, sizes and the consistency of its stage.
//!
//! Types already refuse wrong shapes (a rating of 7, a cadence of 10 days, an unknown field);
//! these checks cover what a type cannot say. Each problem names the place it was found, in the
//! same path notation the file importer uses (`steps[0].id`).

use super::limits::*;
use super::plan::Plan;
use std::collections::HashSet;
use std::fmt;

/// One thing wrong with a plan, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Collects problems under a path prefix.
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn report(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    /// Checks a text's length. The path is written out only for a problem: a thousand stored
    /// plans hold tens of thousands of texts, and nearly all of them are fine.
    fn text(&mut self, path: impl fmt::Display, value: &str, max: usize) {
        // A character is at least one byte: a text of at most `max` bytes is short enough.
        if value.len() <= max {
            return;
        }
        let chars = value.chars().count();
        if chars > max {
            self.report(
                path.to_string(),
                format!("too long ({chars} characters; at most {max})"),
            );
        }
    }

    /// Checks an id, byte by byte: every character an id may hold is ASCII, so any other byte
    /// (including each byte of a longer character) is already wrong.
    fn id(&mut self, path: impl fmt::Display, value: &str) {
        if value.is_empty() {
            self.report(path.to_string(), "missing id");
        } else if value.len() > MAX_ID_CHARS && value.chars().count() > MAX_ID_CHARS {
            self.report(
                path.to_string(),
                format!("id longer than {MAX_ID_CHARS} characters"),
            );
        } else if !value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            self.report(
                path.to_string(),
                "an id may hold only letters, digits, '-' and '_'".to_string(),
            );
        }
    }

    fn count(&mut self, path: &str, len: usize, max: usize) {
        if len > max {
            self.report(path, format!("{len} entries; at most {max}"));
        }
    }

    fn unique_ids<'a>(&mut self, list: &str, ids: impl Iterator<Item = &'a str>) {
        let mut seen = HashSet::new();
        for (index, id) in ids.enumerate() {
            self.id(format_args!("{list}[{index}].id"), id);
            if !seen.insert(id) {
                self.report(
                    format!("{list}[{index}].id"),
                    format!("duplicate id \"{id}\""),
                );
            }
        }
    }
}

/// Every problem with `plan`; empty when it is sound.
pub fn validate_plan(plan: &Plan) -> Vec<Problem> {
    let mut c = Checker {
        problems: Vec::new(),
    };
    c.id("id", plan.id.as_str());
    if plan.name.trim().is_empty() {
        c.report("name", "a plan needs a name");
    }
    c.text("name", &plan.name, MAX_NAME_CHARS);
    if plan.updated_at < plan.created_at {
        c.report("updated_at", "earlier than created_at");
    }
    if plan.stage == super::Stage::Parked && plan.revisit_on.is_none() {
        c.report("revisit_on", "a parked plan needs a date to revisit it");
    }
    if plan.stage.has_launched() && plan.pilot.launch_on.is_none() {
        c.report(
            "pilot.launch_on",
            format!("a {} plan needs its launch date", plan.stage.label()),
        );
    }

    let partner = &plan.partner;
    // A draft may not name its partner yet; anything past design must.
    let draft = matches!(
        plan.stage,
        super::Stage::Exploring | super::Stage::Designing
    );
    if partner.name.trim().is_empty() && !draft {
        c.report("partner.name", "the partner needs a name");
    }
    c.text("partner.name", &partner.name, MAX_NAME_CHARS);
    c.text("partner.our_owner", &partner.our_owner, MAX_NAME_CHARS);
    c.text(
        "partner.their_champion",
        &partner.their_champion,
        MAX_NAME_CHARS,
    );
    c.text("partner.notes", &partner.notes, MAX_TEXT_CHARS);

    c.text(
        "timing.their_priority",
        &plan.timing.their_priority,
        MAX_TEXT_CHARS,
    );
    c.text("timing.how_we_fit", &plan.timing.how_we_fit, MAX_TEXT_CHARS);

    let pilot = &plan.pilot;
    for (path, value) in [
        ("pilot.use_case", &pilot.use_case),
        ("pilot.segment", &pilot.segment),
        ("pilot.primary_metric.name", &pilot.primary_metric.name),
        ("pilot.primary_metric.unit", &pilot.primary_metric.unit),
        ("pilot.fastest_joint_win", &pilot.fastest_joint_win),
        ("pilot.stop_condition", &pilot.stop_condition),
    ] {
        c.text(path, value, MAX_TEXT_CHARS);
    }
    c.count(
        "pilot.out_of_scope",
        pilot.out_of_scope.len(),
        MAX_LIST_ITEMS,
    );
    for (i, item) in pilot.out_of_scope.iter().enumerate() {
        c.text(
            format_args!("pilot.out_of_scope[{i}]"),
            item,
            MAX_TEXT_CHARS,
        );
    }
    if pilot.length_days == 0 || pilot.length_days > MAX_PILOT_DAYS {
        c.report(
            "pilot.length_days",
            format!("a pilot runs 1 to {MAX_PILOT_DAYS} days"),
        );
    }

    let foundation = &plan.foundation;
    c.text(
        "foundation.objective",
        &foundation.objective,
        MAX_TEXT_CHARS,
    );
    c.count(
        "foundation.key_results",
        foundation.key_results.len(),
        MAX_KEY_RESULTS,
    );
    for (i, kr) in foundation.key_results.iter().enumerate() {
        if kr.name.trim().is_empty() {
            c.report(
                format!("foundation.key_results[{i}].name"),
                "a key result needs a name",
            );
        }
        c.text(
            format_args!("foundation.key_results[{i}].name"),
            &kr.name,
            MAX_TEXT_CHARS,
        );
        c.text(
            format_args!("foundation.key_results[{i}].unit"),
            &kr.unit,
            MAX_NAME_CHARS,
        );
    }
    let governance = &foundation.governance;
    for (path, value, max) in [
        (
            "foundation.governance.our_owner",
            &governance.our_owner,
            MAX_NAME_CHARS,
        ),
        (
            "foundation.governance.their_owner",
            &governance.their_owner,
            MAX_NAME_CHARS,
        ),
        (
            "foundation.governance.our_sponsor",
            &governance.our_sponsor,
            MAX_NAME_CHARS,
        ),
        (
            "foundation.governance.their_sponsor",
            &governance.their_sponsor,
            MAX_NAME_CHARS,
        ),
        (
            "foundation.governance.decision_rule",
            &governance.decision_rule,
            MAX_TEXT_CHARS,
        ),
        (
            "foundation.governance.escalation",
            &governance.escalation,
            MAX_TEXT_CHARS,
        ),
    ] {
        c.text(path, value, max);
    }

    c.count("steps", plan.steps.len(), MAX_STEPS);
    c.unique_ids("steps", plan.steps.iter().map(|s| s.id.as_str()));
    for (i, step) in plan.steps.iter().enumerate() {
        if step.title.trim().is_empty() {
            c.report(format!("steps[{i}].title"), "a step needs a title");
        }
        c.text(
            format_args!("steps[{i}].title"),
            &step.title,
            MAX_TEXT_CHARS,
        );
        c.text(
            format_args!("steps[{i}].owner_name"),
            &step.owner_name,
            MAX_NAME_CHARS,
        );
    }

    c.count("log", plan.log.len(), MAX_LOG_ENTRIES);
    c.unique_ids("log", plan.log.iter().map(|e| e.id.as_str()));
    for (i, entry) in plan.log.iter().enumerate() {
        c.text(format_args!("log[{i}].text"), &entry.text, MAX_TEXT_CHARS);
        if let Some(step_id) = &entry.step_id {
            c.id(format_args!("log[{i}].step_id"), step_id);
        }
        if entry.kind != super::LogKind::Blocker {
            if !entry.owner_name.is_empty() {
                c.report(
                    format!("log[{i}].owner_name"),
                    "only a blocker has an owner",
                );
            }
            if entry.resolved_on.is_some() {
                c.report(
                    format!("log[{i}].resolved_on"),
                    "only a blocker is resolved",
                );
            }
        }
        c.text(
            format_args!("log[{i}].owner_name"),
            &entry.owner_name,
            MAX_NAME_CHARS,
        );
        if entry
            .resolved_on
            .is_some_and(|resolved| resolved < entry.on)
        {
            c.report(
                format!("log[{i}].resolved_on"),
                "resolved before it was logged",
            );
        }
    }

    c.count("cycles", plan.cycles.len(), MAX_CYCLES);
    for (i, cycle) in plan.cycles.iter().enumerate() {
        for (field, value) in [
            ("keep", &cycle.keep),
            ("change", &cycle.change),
            ("stop", &cycle.stop),
        ] {
            c.text(format_args!("cycles[{i}].{field}"), value, MAX_TEXT_CHARS);
        }
        if cycle.reviewed_on.is_some_and(|r| r < cycle.started_on) {
            c.report(
                format!("cycles[{i}].reviewed_on"),
                "reviewed before the cycle started",
            );
        }
    }

    if let Some(over) = &plan.score_override {
        c.text("score_override.reason", &over.reason, MAX_TEXT_CHARS);
    }

    c.count("parking_lot", plan.parking_lot.len(), MAX_LIST_ITEMS);
    for (i, item) in plan.parking_lot.iter().enumerate() {
        c.text(format_args!("parking_lot[{i}]"), item, MAX_TEXT_CHARS);
    }

    c.problems
}
