//! A plan shared through Yjs: it survives the trip into the document and back, internal content
//! never enters the document, concurrent edits from two devices merge with every edit kept that
//! did not touch the same field, what other devices send is refused when it is too large or
//! damaged, and two protocol sessions passing messages converge.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use chrono::NaiveDate;
use pilotdeck::domain::*;
use pilotdeck::exchange::example_plans;
use pilotdeck::sync::layout::{self, LISTS, TEXTS};
use pilotdeck::sync::{Engine, Engines, Session, SharedPlan, SyncError, MAX_UPDATE_BYTES};
use proptest::prelude::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

const EXAMPLE: &str = include_str!("../public/examples/portfolio.json");

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date")
}

fn examples() -> Vec<Plan> {
    example_plans(EXAMPLE, today()).expect("the example portfolio reads")
}

/// The case count: `PROPTEST_CASES` when set, `default` otherwise.
fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|value| value.trim().parse().ok())
        .unwrap_or(default);
    ProptestConfig::with_cases(cases)
}

/// What another device learns of `plan`: the partner's view, with this device's own
/// bookkeeping as a device new to the plan has it.
fn as_seen_elsewhere(plan: &Plan) -> Plan {
    let mut plan = plan.for_partner();
    plan.rev = 0;
    plan.updated_at = plan.created_at;
    plan.example = false;
    plan
}

fn shared_from(plan: &Plan) -> SharedPlan {
    let shared = SharedPlan::new();
    shared.apply_plan(plan).expect("a plan is written");
    shared
}

/// Whether `needle` occurs in `haystack`.
fn holds(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

// ---- The trip into the document and back ----

#[test]
fn every_example_plan_comes_back_exactly_and_internal_content_stays_local() {
    let plans = examples();
    assert!(plans.iter().any(|plan| !plan.withheld().is_nothing()));
    for plan in plans {
        let shared = shared_from(&plan);
        assert_eq!(
            shared.read_plan(Some(&plan)),
            Ok(plan.clone()),
            "{}",
            plan.name
        );
        assert_eq!(
            shared.read_plan(None),
            Ok(as_seen_elsewhere(&plan)),
            "{}",
            plan.name
        );
        // The saved state holds the same document.
        let reloaded = SharedPlan::from_state(&shared.encode_state()).expect("state reads");
        assert_eq!(reloaded.read_plan(Some(&plan)), Ok(plan.clone()));
        assert_ne!(reloaded.client_id(), shared.client_id());
        // Writing the same plan again changes nothing.
        assert_eq!(shared.apply_plan(&plan), Ok(None));
    }
}

proptest! {
    #![proptest_config(cases(128))]

    #[test]
    fn generated_plans_come_back_exactly(plan in support::plan()) {
        let shared = shared_from(&plan);
        prop_assert_eq!(shared.read_plan(Some(&plan)), Ok(plan.clone()));
        prop_assert_eq!(shared.read_plan(None), Ok(as_seen_elsewhere(&plan)));
        prop_assert_eq!(shared.apply_plan(&plan), Ok(None));
    }

    #[test]
    fn any_plan_can_follow_any_other_in_the_same_document(
        first in support::plan(),
        mut second in support::plan(),
    ) {
        second.id = first.id.clone();
        let shared = shared_from(&first);
        shared.apply_plan(&second).expect("written");
        prop_assert_eq!(shared.read_plan(Some(&second)), Ok(second.clone()));
        let other = SharedPlan::from_state(&shared.encode_state()).expect("reads");
        prop_assert_eq!(other.read_plan(Some(&second)), Ok(second));
    }
}

#[test]
fn internal_content_never_enters_the_document() {
    let mut plan = examples()
        .into_iter()
        .find(|plan| !plan.steps.is_empty())
        .expect("a plan with steps");
    plan.partner.notes = "SECRET-NOTE their VP is leaving".into();
    let mut internal = LogEntry::new(LogKind::Note, today(), "SECRET-ENTRY budget is tight");
    internal.internal = true;
    let internal_id = internal.id.clone();
    plan.log.insert(1.min(plan.log.len()), internal);
    let shared_entry = LogEntry::new(LogKind::Win, today(), "LATER-INTERNAL first order");
    plan.log.push(shared_entry.clone());

    let shared = SharedPlan::new();
    let update = shared
        .apply_plan(&plan)
        .expect("written")
        .expect("a change");
    let state = shared.encode_state();
    for bytes in [&update, &state] {
        assert!(!holds(bytes, "SECRET-NOTE"));
        assert!(!holds(bytes, "SECRET-ENTRY"));
        assert!(!holds(bytes, &internal_id));
        assert!(holds(bytes, "LATER-INTERNAL"));
    }
    // Read back here, the plan keeps everything, internal entries in their place.
    assert_eq!(shared.read_plan(Some(&plan)), Ok(plan.clone()));
    // Another device gets none of it.
    let elsewhere = SharedPlan::from_state(&state).expect("reads");
    let theirs = elsewhere.read_plan(None).expect("reads");
    assert_eq!(theirs.partner.notes, "");
    assert!(theirs.log.iter().all(|entry| entry.id != internal_id));

    // An entry marked internal later leaves the document, and its text with it.
    let entry = plan
        .log
        .iter_mut()
        .find(|e| e.id == shared_entry.id)
        .unwrap();
    entry.internal = true;
    let update = shared
        .apply_plan(&plan)
        .expect("written")
        .expect("a change");
    assert!(!holds(&update, "LATER-INTERNAL"));
    assert!(!holds(&shared.encode_state(), "LATER-INTERNAL"));
    assert_eq!(shared.read_plan(Some(&plan)), Ok(plan.clone()));
    elsewhere.apply_update(&update).expect("taken");
    let theirs = elsewhere.read_plan(None).expect("reads");
    assert!(theirs.log.iter().all(|entry| entry.id != shared_entry.id));
}

#[test]
fn a_local_edit_is_a_small_update() {
    let mut plan = examples()
        .into_iter()
        .max_by_key(|plan| plan.log.len() + plan.steps.len())
        .expect("plans");
    let shared = shared_from(&plan);
    let whole = shared.encode_state().len();

    plan.foundation.objective.push('!');
    let typed = shared.apply_plan(&plan).unwrap().expect("a change");
    plan.steps[0].set_due(Some(today()), today());
    let moved = shared.apply_plan(&plan).unwrap().expect("a change");
    plan.steps.push(Step::new(
        "Send the pricing sheet",
        Side::Theirs,
        "Ana",
        None,
        today(),
    ));
    let added = shared.apply_plan(&plan).unwrap().expect("a change");
    plan.log.remove(0);
    let removed = shared.apply_plan(&plan).unwrap().expect("a change");
    plan.parking_lot.push("Co-marketing budget".into());
    let parked = shared.apply_plan(&plan).unwrap().expect("a change");

    for (what, update, max) in [
        ("a typed character", &typed, 64),
        ("a moved date", &moved, 96),
        ("an added step", &added, 400),
        ("a removed entry", &removed, 64),
        ("a parked idea", &parked, 160),
    ] {
        assert!(
            update.len() <= max,
            "{what}: {} bytes (the whole plan is {whole})",
            update.len()
        );
    }
    assert_eq!(shared.read_plan(Some(&plan)), Ok(plan));
}

// ---- Two devices editing at once ----

/// Two devices holding the same plan: the first wrote it, the second took its state.
fn pair(plan: &Plan) -> (SharedPlan, SharedPlan, Plan) {
    let ours = shared_from(plan);
    let theirs = SharedPlan::from_state(&ours.encode_state()).expect("reads");
    let their_plan = theirs.read_plan(None).expect("reads");
    (ours, theirs, their_plan)
}

/// Sends every change each side made to the other.
fn exchange(a: &SharedPlan, b: &SharedPlan) {
    let to_b = a.changes_since(&b.state_vector());
    let to_a = b.changes_since(&a.state_vector());
    b.apply_update(&to_b).expect("taken");
    a.apply_update(&to_a).expect("taken");
}

fn example_with_everything() -> Plan {
    let mut plan = examples()
        .into_iter()
        .find(|plan| plan.steps.len() >= 2 && plan.log.len() >= 2)
        .expect("a busy plan");
    plan.cycles = vec![
        Cycle::starting(today()),
        Cycle::starting(today()),
        Cycle::starting(today()),
    ];
    plan.parking_lot = vec!["Pricing".into(), "Pricing".into(), "Events".into()];
    plan
}

#[test]
fn two_people_adding_steps_both_keep_theirs() {
    let plan = example_with_everything();
    let (a, b, mut theirs) = pair(&plan);
    let mut ours = plan.clone();
    ours.steps
        .push(Step::new("Ours", Side::Ours, "Ana", None, today()));
    theirs
        .steps
        .push(Step::new("Theirs", Side::Theirs, "Bo", None, today()));
    a.apply_plan(&ours).unwrap();
    b.apply_plan(&theirs).unwrap();
    exchange(&a, &b);
    let merged = a.read_plan(Some(&ours)).expect("sound");
    assert_eq!(merged.steps.len(), plan.steps.len() + 2);
    let titles: BTreeSet<&str> = merged.steps.iter().map(|s| s.title.as_str()).collect();
    assert!(titles.contains("Ours") && titles.contains("Theirs"));
    assert_eq!(
        as_seen_elsewhere(&merged),
        as_seen_elsewhere(&b.read_plan(Some(&theirs)).expect("sound"))
    );
}

#[test]
fn two_people_editing_one_step_keep_both_edits_on_different_fields() {
    let plan = example_with_everything();
    let (a, b, mut theirs) = pair(&plan);
    let mut ours = plan.clone();
    ours.steps[0].owner_name = "Ana Lima".into();
    ours.steps[0].title.insert_str(0, "Ours: ");
    theirs.steps[0].set_due(Some(today()), today());
    theirs.steps[0].title.push_str(" (theirs)");
    a.apply_plan(&ours).unwrap();
    b.apply_plan(&theirs).unwrap();
    exchange(&a, &b);
    let step = &a.read_plan(Some(&ours)).expect("sound").steps[0];
    assert_eq!(step.owner_name, "Ana Lima");
    assert_eq!(step.due_on, Some(today()));
    assert_eq!(
        step.title,
        format!("Ours: {} (theirs)", plan.steps[0].title)
    );
}

#[test]
fn two_people_typing_into_the_objective_both_keep_everything() {
    let mut plan = example_with_everything();
    plan.foundation.objective = "Win ten joint customers".into();
    let (a, b, mut theirs) = pair(&plan);
    let mut ours = plan.clone();
    ours.foundation.objective = "Win ten joint customers in DACH".into();
    theirs.foundation.objective = "Quickly win ten joint customers".into();
    a.apply_plan(&ours).unwrap();
    b.apply_plan(&theirs).unwrap();
    exchange(&a, &b);
    for (shared, local) in [(&a, &ours), (&b, &theirs)] {
        assert_eq!(
            shared
                .read_plan(Some(local))
                .expect("sound")
                .foundation
                .objective,
            "Quickly win ten joint customers in DACH"
        );
    }
}

#[test]
fn items_without_ids_keep_both_edits_and_deletions() {
    let plan = example_with_everything();
    let (a, b, mut theirs) = pair(&plan);
    let mut ours = plan.clone();
    // Ours: the first cycle's review, and the last parked idea gone.
    ours.cycles[0].keep = "Weekly call".into();
    ours.parking_lot.pop();
    // Theirs: the third cycle's decision, a new idea, and a key result checked in.
    theirs.cycles[2].decision = Some(Decision::Iterate);
    theirs.parking_lot.insert(0, "Partner summit".into());
    if let Some(kr) = theirs.foundation.key_results.first_mut() {
        kr.current = Some(42.0);
    }
    a.apply_plan(&ours).unwrap();
    b.apply_plan(&theirs).unwrap();
    exchange(&a, &b);
    let merged = a.read_plan(Some(&ours)).expect("sound");
    assert_eq!(merged.cycles.len(), 3);
    assert_eq!(merged.cycles[0].keep, "Weekly call");
    assert_eq!(merged.cycles[2].decision, Some(Decision::Iterate));
    assert_eq!(merged.parking_lot, ["Partner summit", "Pricing", "Pricing"]);
    if !plan.foundation.key_results.is_empty() {
        assert_eq!(merged.foundation.key_results[0].current, Some(42.0));
    }
    assert_eq!(
        as_seen_elsewhere(&merged),
        as_seen_elsewhere(&b.read_plan(Some(&theirs)).expect("sound"))
    );
}

#[test]
fn a_merge_that_breaks_a_rule_is_returned_with_its_problems() {
    let mut plan = example_with_everything();
    plan.foundation.key_results = vec![
        KeyResult::new("First", 0.0, 1.0, "deals"),
        KeyResult::new("Second", 0.0, 2.0, "deals"),
    ];
    let (a, b, mut theirs) = pair(&plan);
    let mut ours = plan.clone();
    ours.foundation
        .key_results
        .push(KeyResult::new("Ours", 0.0, 10.0, "deals"));
    theirs
        .foundation
        .key_results
        .push(KeyResult::new("Theirs", 0.0, 5.0, "deals"));
    a.apply_plan(&ours).unwrap();
    b.apply_plan(&theirs).unwrap();
    exchange(&a, &b);
    let Err(SyncError::Problems(problems)) = a.read_plan(Some(&ours)) else {
        panic!("four key results are one too many");
    };
    assert_eq!(problems[0].path, "foundation.key_results");
    // The next save of a sound plan repairs the document for everyone.
    let update = a.apply_plan(&ours).unwrap().expect("a change");
    b.apply_update(&update).unwrap();
    assert_eq!(a.read_plan(Some(&ours)), Ok(ours.clone()));
    assert_eq!(
        as_seen_elsewhere(&b.read_plan(None).expect("sound")),
        as_seen_elsewhere(&ours)
    );
}

/// One edit a device makes to its plan.
#[derive(Debug, Clone)]
enum Edit {
    Name(String),
    PartnerName(String),
    Notes(String),
    Fit(Option<u8>),
    NextSync(Option<NaiveDate>),
    MetricTarget(Option<f64>),
    Type {
        text: usize,
        at: usize,
        typed: String,
    },
    AddStep {
        title: String,
        due: Option<NaiveDate>,
    },
    TypeInStep {
        step: usize,
        at: usize,
        typed: String,
    },
    StepDue {
        step: usize,
        due: Option<NaiveDate>,
    },
    StepOwner {
        step: usize,
        owner: String,
    },
    DeleteStep {
        step: usize,
    },
    AddEntry {
        text: String,
        internal: bool,
    },
    TypeInEntry {
        entry: usize,
        at: usize,
        typed: String,
    },
    DeleteEntry {
        entry: usize,
    },
    Park(String),
    AddCycle(String),
    CheckIn {
        kr: usize,
        current: Option<f64>,
    },
    /// Take, in order, what the other device has sent so far, and read the plan again.
    Deliver,
}

fn edit() -> impl Strategy<Value = Edit> {
    let typed = || "[a-z🚀é ]{1,6}";
    let name = || "[A-Z][a-z]{2,8}";
    prop_oneof![
        name().prop_map(Edit::Name),
        name().prop_map(Edit::PartnerName),
        "[a-z ]{0,12}".prop_map(Edit::Notes),
        proptest::option::of(1u8..=5).prop_map(Edit::Fit),
        proptest::option::of(support::date()).prop_map(Edit::NextSync),
        proptest::option::of(support::amount()).prop_map(Edit::MetricTarget),
        (0usize..3, any::<usize>(), typed()).prop_map(|(text, at, typed)| Edit::Type {
            text,
            at,
            typed
        }),
        (name(), proptest::option::of(support::date()))
            .prop_map(|(title, due)| Edit::AddStep { title, due }),
        (any::<usize>(), any::<usize>(), typed()).prop_map(|(step, at, typed)| Edit::TypeInStep {
            step,
            at,
            typed
        }),
        (any::<usize>(), proptest::option::of(support::date()))
            .prop_map(|(step, due)| Edit::StepDue { step, due }),
        (any::<usize>(), name()).prop_map(|(step, owner)| Edit::StepOwner { step, owner }),
        any::<usize>().prop_map(|step| Edit::DeleteStep { step }),
        ("[a-z ]{1,12}", any::<bool>())
            .prop_map(|(text, internal)| Edit::AddEntry { text, internal }),
        (any::<usize>(), any::<usize>(), typed())
            .prop_map(|(entry, at, typed)| Edit::TypeInEntry { entry, at, typed }),
        any::<usize>().prop_map(|entry| Edit::DeleteEntry { entry }),
        name().prop_map(Edit::Park),
        name().prop_map(Edit::AddCycle),
        (0usize..3, proptest::option::of(support::amount()))
            .prop_map(|(kr, current)| Edit::CheckIn { kr, current }),
        Just(Edit::Deliver),
    ]
}

const FREE_TEXTS: [&str; 3] = [
    "foundation.objective",
    "pilot.use_case",
    "timing.their_priority",
];

/// What one device did, field by field: an address is a dotted path of the plan,
/// `steps/<id>/<field>`, `log/<id>/<field>` or `kr/<index>/<field>`.
#[derive(Default, Debug)]
struct Footprint {
    set: BTreeSet<String>,
    /// Texts typed into (only ever inserted), and how many characters.
    typed: BTreeMap<String, usize>,
    added: BTreeSet<String>,
    deleted: BTreeSet<String>,
    /// Parked ideas and cycles added, by their (unique) text.
    appended: BTreeSet<String>,
}

struct Device {
    shared: SharedPlan,
    plan: Plan,
    sent: Vec<Vec<u8>>,
    /// How many of the other device's updates it has taken, in order.
    taken: usize,
    did: Footprint,
    /// Unique texts made on this device.
    made: usize,
    tag: char,
}

/// Where `typed` goes in `text`: the character boundary nearest `at`.
fn insert_at(text: &mut String, at: usize, typed: &str) {
    let chars = text.chars().count();
    let index = text
        .char_indices()
        .nth(at % (chars + 1))
        .map_or(text.len(), |(index, _)| index);
    text.insert_str(index, typed);
}

impl Device {
    fn new(shared: SharedPlan, plan: Plan, tag: char) -> Self {
        Self {
            shared,
            plan,
            sent: Vec::new(),
            taken: 0,
            did: Footprint::default(),
            made: 0,
            tag,
        }
    }

    fn unique(&mut self, text: &str) -> String {
        self.made += 1;
        format!("{text}-{}{}", self.tag, self.made)
    }

    fn make(&mut self, edit: &Edit, other: &[Vec<u8>]) {
        let plan = &mut self.plan;
        let did = &mut self.did;
        match edit {
            Edit::Name(name) => {
                plan.name = name.clone();
                did.set.insert("name".into());
            }
            Edit::PartnerName(name) => {
                plan.partner.name = name.clone();
                did.set.insert("partner.name".into());
            }
            Edit::Notes(notes) => plan.partner.notes = notes.clone(),
            Edit::Fit(fit) => {
                plan.timing.fit = fit.and_then(Rating::new);
                did.set.insert("timing.fit".into());
            }
            Edit::NextSync(on) => {
                plan.foundation.rhythm.next_sync_on = *on;
                did.set.insert("foundation.rhythm.next_sync_on".into());
            }
            Edit::MetricTarget(target) => {
                plan.pilot.primary_metric.target = *target;
                did.set.insert("pilot.primary_metric.target".into());
            }
            Edit::Type { text, at, typed } => {
                let path = FREE_TEXTS[*text];
                let field = match path {
                    "foundation.objective" => &mut plan.foundation.objective,
                    "pilot.use_case" => &mut plan.pilot.use_case,
                    _ => &mut plan.timing.their_priority,
                };
                if field.chars().count() + typed.chars().count() > 3_000 {
                    return;
                }
                insert_at(field, *at, typed);
                *did.typed.entry(path.into()).or_default() += typed.chars().count();
            }
            Edit::AddStep { title, due } => {
                let step = Step::new(title.clone(), Side::Joint, "", *due, today());
                did.added.insert(format!("steps/{}", step.id));
                plan.steps.push(step);
            }
            Edit::TypeInStep { step, at, typed } if !plan.steps.is_empty() => {
                let count = plan.steps.len();
                let step = &mut plan.steps[step % count];
                insert_at(&mut step.title, *at, typed);
                *did.typed
                    .entry(format!("steps/{}/title", step.id))
                    .or_default() += typed.chars().count();
            }
            Edit::StepDue { step, due } if !plan.steps.is_empty() => {
                let count = plan.steps.len();
                let step = &mut plan.steps[step % count];
                step.set_due(*due, today());
                did.set.insert(format!("steps/{}/due_on", step.id));
                did.set.insert(format!("steps/{}/committed_on", step.id));
            }
            Edit::StepOwner { step, owner } if !plan.steps.is_empty() => {
                let count = plan.steps.len();
                let step = &mut plan.steps[step % count];
                step.owner_name = owner.clone();
                did.set.insert(format!("steps/{}/owner_name", step.id));
            }
            Edit::DeleteStep { step } if !plan.steps.is_empty() => {
                let step = plan.steps.remove(step % plan.steps.len());
                did.deleted.insert(format!("steps/{}", step.id));
            }
            Edit::AddEntry { text, internal } => {
                let mut entry = LogEntry::new(LogKind::Note, today(), text.clone());
                entry.internal = *internal;
                did.added.insert(format!("log/{}", entry.id));
                plan.log.push(entry);
            }
            Edit::TypeInEntry { entry, at, typed } if !plan.log.is_empty() => {
                let count = plan.log.len();
                let entry = &mut plan.log[entry % count];
                if entry.text.chars().count() + typed.chars().count() > 3_000 {
                    return;
                }
                insert_at(&mut entry.text, *at, typed);
                *did.typed
                    .entry(format!("log/{}/text", entry.id))
                    .or_default() += typed.chars().count();
            }
            Edit::DeleteEntry { entry } if !plan.log.is_empty() => {
                let entry = plan.log.remove(entry % plan.log.len());
                did.deleted.insert(format!("log/{}", entry.id));
            }
            Edit::Park(idea) if plan.parking_lot.len() < 150 => {
                let idea = self.unique(idea);
                self.did.appended.insert(idea.clone());
                self.plan.parking_lot.push(idea);
            }
            Edit::AddCycle(keep) if plan.cycles.len() < 150 => {
                let keep = self.unique(keep);
                let mut cycle = Cycle::starting(today());
                cycle.keep = keep.clone();
                self.did.appended.insert(keep);
                self.plan.cycles.push(cycle);
            }
            Edit::CheckIn { kr, current } if *kr < plan.foundation.key_results.len() => {
                plan.foundation.key_results[*kr].current = *current;
                did.set.insert(format!("kr/{kr}/current"));
            }
            Edit::Deliver => {
                for update in &other[self.taken..] {
                    self.shared
                        .apply_update(update)
                        .expect("an update in order");
                }
                self.taken = other.len();
                self.plan = self
                    .shared
                    .read_plan(Some(&self.plan))
                    .expect("a plan taken in order is sound");
                return;
            }
            _ => return,
        }
        if let Some(update) = self.shared.apply_plan(&self.plan).expect("written") {
            self.sent.push(update);
        }
    }
}

/// The value at an address (see [`Footprint`]), as JSON.
fn value_at(plan: &Plan, address: &str) -> Option<Value> {
    let parts: Vec<&str> = address.split('/').collect();
    match parts[..] {
        ["steps", id, field] => plan
            .steps
            .iter()
            .find(|s| s.id == id)
            .and_then(|s| json(s).get(field).cloned()),
        ["log", id, field] => plan
            .log
            .iter()
            .find(|e| e.id == id)
            .and_then(|e| json(e).get(field).cloned()),
        ["kr", index, field] => plan
            .foundation
            .key_results
            .get(index.parse::<usize>().ok()?)
            .and_then(|kr| json(kr).get(field).cloned()),
        [path] => layout::get(json(plan).as_object()?, path).cloned(),
        _ => None,
    }
}

/// A model value as JSON.
fn json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("a model value is JSON")
}

/// Whether every character of `part` occurs in `whole`, in order.
fn is_subsequence(part: &str, whole: &str) -> bool {
    let mut whole = whole.chars();
    part.chars().all(|c| whole.any(|w| w == c))
}

/// The item an address belongs to (`steps/<id>`), for item fields.
fn item_of(address: &str) -> Option<String> {
    let parts: Vec<&str> = address.split('/').collect();
    (parts.len() == 3 && parts[0] != "kr").then(|| format!("{}/{}", parts[0], parts[1]))
}

/// A tiny deterministic shuffle, so that delivery orders come from the test's seed.
fn shuffle<T>(items: &mut [T], mut seed: u64) {
    for i in (1..items.len()).rev() {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        items.swap(i, (seed >> 33) as usize % (i + 1));
    }
}

proptest! {
    #![proptest_config(cases(96))]

    #[test]
    fn concurrent_edits_merge_in_any_order_and_keep_every_edit_on_its_own_field(
        base in support::plan(),
        ours in proptest::collection::vec(edit(), 0..24),
        theirs in proptest::collection::vec(edit(), 0..24),
        seed in any::<u64>(),
        again in 0usize..4,
    ) {
        let (a, b, their_plan) = pair(&base);
        let mut a = Device::new(a, base.clone(), 'a');
        let mut b = Device::new(b, their_plan, 'b');
        let base_plan = as_seen_elsewhere(&base);
        for step in 0..ours.len().max(theirs.len()) {
            if let Some(edit) = ours.get(step) {
                let sent = b.sent.clone();
                a.make(edit, &sent);
            }
            if let Some(edit) = theirs.get(step) {
                let sent = a.sent.clone();
                b.make(edit, &sent);
            }
        }

        // Everything not taken yet arrives in any order, some of it twice.
        let (from_a, from_b) = (a.sent.clone(), b.sent.clone());
        for (to, from) in [(&mut a, from_b), (&mut b, from_a)] {
            let mut late: Vec<&Vec<u8>> = from[to.taken..].iter().collect();
            late.extend(from.iter().take(again));
            shuffle(&mut late, seed);
            for update in late {
                to.shared.apply_update(update).expect("an update is taken");
            }
        }

        let merged_a = a.shared.read_plan(Some(&a.plan));
        let merged_b = b.shared.read_plan(Some(&b.plan));
        prop_assert!(merged_a.is_ok(), "{:?}", merged_a);
        prop_assert!(merged_b.is_ok(), "{:?}", merged_b);
        let (merged_a, merged_b) = (merged_a.unwrap(), merged_b.unwrap());
        prop_assert_eq!(as_seen_elsewhere(&merged_a), as_seen_elsewhere(&merged_b));
        // Each device keeps its own notes and internal entries; the other never gets them.
        prop_assert_eq!(&merged_a.partner.notes, &a.plan.partner.notes);
        prop_assert_eq!(&merged_b.partner.notes, &b.plan.partner.notes);
        prop_assert_eq!(&b.shared.read_plan(None).unwrap().partner.notes, "");
        for entry in a.plan.log.iter().filter(|e| e.internal) {
            prop_assert!(merged_a.log.contains(entry));
            prop_assert!(merged_b.log.iter().all(|e| e.id != entry.id));
        }

        let deleted: BTreeSet<&String> =
            a.did.deleted.iter().chain(&b.did.deleted).collect();
        let gone = |address: &str| item_of(address).is_some_and(|item| deleted.contains(&item));
        let devices = [
            (&a.did, &a.plan, &merged_a, &b.did, &b.plan),
            (&b.did, &b.plan, &merged_b, &a.did, &a.plan),
        ];
        for (mine, my_plan, merged, theirs, their_plan) in devices {
            for address in mine.set.iter().filter(|address| !gone(address)) {
                let found = value_at(merged, address);
                if theirs.set.contains(address) {
                    prop_assert!(
                        found == value_at(my_plan, address) || found == value_at(their_plan, address),
                        "{} is neither side's: {:?}", address, found
                    );
                } else {
                    prop_assert_eq!(found, value_at(my_plan, address), "{}", address);
                }
            }
            for (address, count) in mine.typed.iter().filter(|(address, _)| !gone(address)) {
                let text = |plan: &Plan| value_at(plan, address)
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                let found = text(merged);
                prop_assert!(is_subsequence(&text(my_plan), &found), "{} lost typing: {}", address, found);
                let both = count + theirs.typed.get(address).copied().unwrap_or(0);
                let before = text(&base_plan).chars().count();
                if value_at(&base_plan, address).is_some() {
                    prop_assert_eq!(found.chars().count(), before + both, "{}", address);
                }
            }
            for item in &mine.added {
                let held = merged.steps.iter().any(|s| format!("steps/{}", s.id) == *item)
                    || merged.log.iter().any(|e| format!("log/{}", e.id) == *item);
                prop_assert_eq!(held, !deleted.contains(item), "{}", item);
            }
            for text in &mine.appended {
                prop_assert!(
                    merged.parking_lot.contains(text)
                        || merged.cycles.iter().any(|c| &c.keep == text),
                    "{} is lost", text
                );
            }
        }
        let merged = merged_a;
        for item in deleted {
            let held = merged.steps.iter().any(|s| format!("steps/{}", s.id) == *item)
                || merged.log.iter().any(|e| format!("log/{}", e.id) == *item);
            prop_assert!(!held, "{} was deleted", item);
        }
    }
}

// ---- What other devices send ----

/// A shared plan and an update from another device that changes it.
fn plan_and_update() -> (SharedPlan, Vec<u8>) {
    let mut plan = example_with_everything();
    let (a, b, _) = pair(&plan);
    plan.name = "Renamed elsewhere".into();
    plan.steps
        .push(Step::new("From elsewhere", Side::Joint, "", None, today()));
    let update = a.apply_plan(&plan).unwrap().expect("a change");
    (b, update)
}

#[test]
fn an_oversized_or_damaged_update_is_refused_and_changes_nothing() {
    let (shared, update) = plan_and_update();
    let before = shared.encode_state();
    let too_large = vec![0u8; MAX_UPDATE_BYTES + 1];
    assert_eq!(
        shared.apply_update(&too_large),
        Err(SyncError::TooLarge {
            bytes: MAX_UPDATE_BYTES + 1,
            max: MAX_UPDATE_BYTES
        })
    );
    for garbage in [
        &b"not an update"[..],
        &[0xff; 16][..],
        &update[..update.len() / 2],
    ] {
        assert!(matches!(
            shared.apply_update(garbage),
            Err(SyncError::Malformed(_))
        ));
    }
    // A batch with one bad update in it is refused whole.
    assert!(shared.apply_updates(&[&update, b"bad"]).is_err());
    assert!(shared.encode_state() == before, "the document changed");
    assert!(shared.apply_update(&update).expect("a good update"));
    assert_eq!(
        shared.read_plan(None).expect("sound").name,
        "Renamed elsewhere"
    );
    // The same update again changes nothing.
    assert!(!shared.apply_update(&update).expect("a good update"));
}

#[test]
fn an_update_refused_half_way_changes_nothing() {
    use yrs::{Map, MapPrelim, Transact};
    let plan = example_with_everything();
    let shared = shared_from(&plan);
    // Two writers under one client id (which Yjs forbids): the first change of each has the
    // same id, a value for one and a map for the other, so the map's field has a parent that
    // is not a map where the value was taken.
    let first = yrs::Doc::with_client_id(7);
    let second = yrs::Doc::with_client_id(7);
    let value = {
        let fields = first.get_or_insert_map("plan");
        let mut txn = first.transact_mut();
        fields.insert(&mut txn, "segment", "Retail");
        txn.encode_update_v1()
    };
    let nested = {
        let fields = second.get_or_insert_map("plan");
        let mut txn = second.transact_mut();
        let inner = fields.insert(&mut txn, "segment", MapPrelim::default());
        inner.insert(&mut txn, "field", "inside");
        txn.encode_update_v1()
    };
    // In the same update, sound changes from other writers, taken before and after the bad one.
    let others: Vec<Vec<u8>> = [1, 1_000]
        .into_iter()
        .map(|client| {
            let other = yrs::Doc::with_client_id(client);
            let fields = other.get_or_insert_map("plan");
            let mut txn = other.transact_mut();
            fields.insert(&mut txn, "name", format!("Renamed by writer {client}"));
            txn.encode_update_v1()
        })
        .collect();
    let nested = yrs::merge_updates_v1([&nested, &others[0], &others[1]]).expect("merged");
    shared.apply_update(&value).expect("a value is taken");
    let before = shared.encode_state();
    let Err(SyncError::Malformed(why)) = shared.apply_update(&nested) else {
        panic!("the update is refused");
    };
    assert!(why.contains("parent"), "{why}");
    assert!(shared.encode_state() == before, "the document changed");
    // What comes next is still taken.
    let mut renamed = plan.clone();
    renamed.name = "Renamed here".into();
    shared.apply_plan(&renamed).expect("written");
    assert_eq!(shared.read_plan(None).unwrap().name, "Renamed here");
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn a_damaged_update_never_panics_and_a_refused_one_changes_nothing(
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
        cut in any::<prop::sample::Index>(),
        noise in proptest::collection::vec(any::<u8>(), 0..64),
    ) {
        let (shared, update) = plan_and_update();
        let mut damaged = update.clone();
        damaged[at.index(update.len())] = byte;
        for candidate in [damaged, update[..cut.index(update.len())].to_vec(), noise] {
            let before = shared.encode_state();
            match shared.apply_update(&candidate) {
                Err(_) => prop_assert!(shared.encode_state() == before, "a refused update changed the document"),
                // What reads as an update is taken; reading the plan then never panics.
                Ok(_) => { let _ = shared.read_plan(None); }
            }
        }
    }
}

#[test]
fn a_document_from_a_newer_pilotdeck_is_read_only() {
    let plan = example_with_everything();
    let shared = shared_from(&plan);
    // A newer Pilotdeck has written a later schema version into the meta.
    {
        use yrs::updates::decoder::Decode;
        use yrs::{Map, Transact};
        let doc = yrs::Doc::new();
        let meta = doc.get_or_insert_map("meta");
        let state = yrs::Update::decode_v1(&shared.encode_state()).unwrap();
        doc.transact_mut().apply_update(state).unwrap();
        let mut txn = doc.transact_mut();
        meta.insert(&mut txn, "schema_version", i64::from(SCHEMA_VERSION) + 1);
        let update = txn.encode_update_v1();
        drop(txn);
        shared.apply_update(&update).expect("taken");
    }
    let found = u64::from(SCHEMA_VERSION) + 1;
    let refused = SyncError::NewerVersion {
        found,
        supported: SCHEMA_VERSION,
    };
    assert_eq!(shared.read_plan(Some(&plan)), Err(refused.clone()));
    assert_eq!(shared.apply_plan(&plan), Err(refused));
    assert_eq!(SharedPlan::new().read_plan(None), Err(SyncError::Empty));
}

#[test]
fn another_plan_is_not_merged_into_this_one() {
    let plans = examples();
    let shared = shared_from(&plans[0]);
    assert_eq!(
        shared.read_plan(Some(&plans[1])),
        Err(SyncError::OtherPlan {
            shared: plans[0].id.clone(),
            local: plans[1].id.clone()
        })
    );
}

#[test]
fn what_a_peer_writes_into_local_fields_is_ignored() {
    let plan = example_with_everything();
    let shared = shared_from(&plan);
    // A peer writing where only this device writes: its notes, its save count, "internal".
    let update = {
        use yrs::{Map, Transact};
        let doc = shared.encode_state();
        let raw = yrs::Doc::new();
        let fields = raw.get_or_insert_map("plan");
        let log = raw.get_or_insert_map("log");
        {
            let mut txn = raw.transact_mut();
            use yrs::updates::decoder::Decode;
            txn.apply_update(yrs::Update::decode_v1(&doc).unwrap())
                .unwrap();
        }
        let mut txn = raw.transact_mut();
        fields.insert(&mut txn, "partner.notes", "planted");
        fields.insert(&mut txn, "rev", 99_999);
        let shared_entry = plan
            .log
            .iter()
            .find(|e| !e.internal)
            .expect("a shared entry");
        if let Some(yrs::Out::YMap(entry)) = log.get(&txn, &shared_entry.id) {
            entry.insert(&mut txn, "internal", true);
        }
        txn.encode_update_v1()
    };
    shared.apply_update(&update).unwrap();
    assert_eq!(shared.read_plan(Some(&plan)), Ok(plan.clone()));
    assert_eq!(shared.read_plan(None).unwrap().partner.notes, "");
}

#[test]
fn the_layout_names_every_free_text_and_list_once() {
    let names: BTreeSet<&str> = TEXTS
        .iter()
        .copied()
        .chain(LISTS.iter().map(|list| list.path))
        .collect();
    assert_eq!(names.len(), TEXTS.len() + LISTS.len());
}

// ---- The protocol ----

/// Messages in flight between two sessions, delivered until neither has anything to say.
fn settle(
    a: &mut dyn Engine,
    b: &mut dyn Engine,
    mut to_a: VecDeque<Vec<u8>>,
    mut to_b: VecDeque<Vec<u8>>,
) {
    let mut rounds = 0;
    while !(to_a.is_empty() && to_b.is_empty()) {
        rounds += 1;
        assert!(rounds < 100, "the sessions keep talking");
        if let Some(message) = to_b.pop_front() {
            let received = b.receive(&message).expect("a message is taken");
            to_a.extend(received.replies);
        }
        if let Some(message) = to_a.pop_front() {
            let received = a.receive(&message).expect("a message is taken");
            to_b.extend(received.replies);
        }
    }
}

#[test]
fn two_sessions_passing_messages_converge() {
    let plan = example_with_everything();
    let mut ours = Session::new(SharedPlan::new());
    let mut theirs = Session::new(SharedPlan::new());
    ours.local_change(&plan).unwrap().expect("the plan goes in");
    let hello_ana = ours.set_display_name("  Ana \"Nana\"  ");
    let hello_bo = theirs.set_display_name("Bo");
    assert!(!theirs.is_synced());
    let (to_theirs, to_ours) = (ours.start(), theirs.start());
    settle(&mut ours, &mut theirs, to_ours.into(), to_theirs.into());
    assert!(ours.is_synced() && theirs.is_synced());
    let their_plan = theirs.shared().read_plan(None).expect("the plan arrived");
    assert_eq!(their_plan, as_seen_elsewhere(&plan));
    assert!(!hello_ana.is_empty() && !hello_bo.is_empty());
    assert_eq!(theirs.peers().len(), 1);
    assert_eq!(theirs.peers()[0].name, "Ana \"Nana\"");
    assert_eq!(theirs.peers()[0].client_id, ours.shared().client_id());
    assert_eq!(ours.peers()[0].name, "Bo");

    // Live: each edit is one message.
    let mut edited = their_plan.clone();
    edited.steps[0].title.push_str(" today");
    let message = theirs.local_change(&edited).unwrap().expect("a change");
    assert_eq!(theirs.local_change(&edited), Ok(None));
    let received = ours.receive(&message).expect("taken");
    assert!(received.plan_changed && received.replies.is_empty());
    let merged = ours.shared().read_plan(Some(&plan)).expect("sound");
    assert_eq!(merged.steps[0].title, edited.steps[0].title);
    assert_eq!(merged.partner.notes, plan.partner.notes);

    // Leaving is seen.
    let bye = theirs.leave();
    assert!(ours.receive(&bye).expect("taken").peers_changed);
    assert!(ours.peers().is_empty());
}

#[test]
fn a_facilitators_workshop_reaches_the_others_in_their_presence() {
    let plan = example_with_everything();
    let mut facilitator = Session::new(shared_from(&plan));
    let mut participant = Session::new(SharedPlan::new());
    facilitator.set_display_name("Maya");
    let (to_participant, to_facilitator) = (facilitator.start(), participant.start());
    settle(
        &mut facilitator,
        &mut participant,
        to_facilitator.into(),
        to_participant.into(),
    );
    assert_eq!(participant.peers()[0].workshop, None, "no workshop yet");

    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("a clock")
        .as_millis() as f64;
    let mut deck = workshop::Session::at(0);
    assert!(deck.go_to(3, now));
    assert!(deck.adjust_minutes(2));
    deck.timer.toggle(now - 30_000.0);
    let message = facilitator.set_workshop(Some(deck.clone()));
    assert!(participant.receive(&message).expect("taken").peers_changed);
    let peers = participant.peers();
    let seen = peers[0].workshop.clone().expect("the workshop is seen");
    assert_eq!(peers[0].name, "Maya");
    assert_eq!((seen.slide, &seen.minutes), (3, &deck.minutes));
    // Same clock on both sides here: the countdown is where it was, within the message's trip.
    let drift = (seen.timer.remaining_ms(now) - deck.timer.remaining_ms(now)).abs();
    assert!(drift < 5_000, "the countdown drifted {drift} ms");

    // Renewed presence keeps the workshop; leaving the deck takes it away.
    let renewed = facilitator.presence().expect("a presence");
    participant.receive(&renewed).expect("taken");
    assert_eq!(
        participant.peers()[0].workshop.as_ref().map(|w| w.slide),
        Some(3)
    );
    let left = facilitator.set_workshop(None);
    participant.receive(&left).expect("taken");
    assert_eq!(participant.peers()[0].workshop, None);
    assert_eq!(participant.peers()[0].name, "Maya");
}

#[test]
fn a_session_refuses_what_it_cannot_read_and_changes_nothing() {
    let plan = example_with_everything();
    let mut ours = Session::new(shared_from(&plan));
    let mut theirs = Session::new(SharedPlan::from_state(&ours.shared().encode_state()).unwrap());
    let message = theirs
        .local_change(&Plan {
            name: "Changed".into(),
            ..plan.clone()
        })
        .unwrap()
        .expect("a change");
    let before = ours.shared().encode_state();
    for refused in [
        &message[..message.len() - 1],
        &[message.clone(), vec![7]].concat()[..],
        &[][..],
        &[0, 9, 9][..],
    ] {
        assert!(matches!(
            ours.receive(refused),
            Err(SyncError::Malformed(_))
        ));
    }
    let mut large = vec![0u8, 2];
    large.extend(varint(MAX_UPDATE_BYTES + 1));
    large.resize(large.len() + MAX_UPDATE_BYTES + 1, 0);
    assert!(matches!(
        ours.receive(&large),
        Err(SyncError::TooLarge { .. })
    ));
    assert!(
        ours.shared().encode_state() == before,
        "the document changed"
    );
    assert!(ours.receive(&message).expect("taken").plan_changed);
    // A server that denies access says why.
    let denied = [vec![2u8, 0], varint(4), b"nope".to_vec()].concat();
    assert_eq!(
        ours.receive(&denied),
        Err(SyncError::PermissionDenied("nope".into()))
    );
}

/// An unsigned number as lib0 writes it.
fn varint(mut value: usize) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return out;
        }
        out.push(byte | 0x80);
    }
}

#[test]
fn a_saved_state_keeps_offline_edits_across_a_reload() {
    let plan = example_with_everything();
    let shared = shared_from(&plan);
    // A server that has the plan as it was before going offline.
    let server = SharedPlan::from_state(&shared.encode_state()).unwrap();
    let mut offline = plan.clone();
    offline.foundation.objective.push_str(" — edited offline");
    shared.apply_plan(&offline).unwrap();
    let saved = shared.encode_state();
    let reloaded = SharedPlan::from_state(&saved).unwrap();
    assert_eq!(reloaded.read_plan(Some(&offline)), Ok(offline.clone()));
    // It gets the offline edit on the next sync.
    server
        .apply_update(&reloaded.changes_since(&server.state_vector()))
        .unwrap();
    assert!(server
        .read_plan(None)
        .unwrap()
        .foundation
        .objective
        .ends_with("edited offline"));
    assert!(matches!(
        SharedPlan::from_state(b"garbage"),
        Err(SyncError::Malformed(_))
    ));
}

#[test]
fn the_engine_the_browser_loads_shares_joins_and_resumes_a_plan() {
    let plan = example_with_everything();
    let engines = Engines::yjs();
    let mut ours = (engines.share)(&plan).expect("a sound plan is shared");
    let mut theirs = (engines.join)();
    assert_eq!(theirs.read_plan(None), Err(SyncError::Empty));
    let (to_theirs, to_ours) = (ours.start(), theirs.start());
    settle(
        ours.as_mut(),
        theirs.as_mut(),
        to_ours.into(),
        to_theirs.into(),
    );
    assert!(ours.is_synced() && theirs.is_synced());
    assert_eq!(theirs.read_plan(None), Ok(as_seen_elsewhere(&plan)));

    // Reopened from the state kept beside the plan, the same document, and it goes on.
    let kept = theirs.encode_state();
    let mut reopened = (engines.resume)(&kept).expect("the kept state reads");
    assert_eq!(reopened.read_plan(None), Ok(as_seen_elsewhere(&plan)));
    let mut edited = as_seen_elsewhere(&plan);
    edited.steps[0].title.push_str(" today");
    let message = reopened.local_change(&edited).unwrap().expect("a change");
    assert!(ours.receive(&message).expect("taken").plan_changed);
    assert_eq!(
        ours.read_plan(Some(&plan)).expect("sound").steps[0].title,
        edited.steps[0].title
    );

    // A workshop said, and a state that is not a document refused.
    assert!(ours.workshop().is_none());
    assert!((engines.resume)(b"not a document").is_err());
}
