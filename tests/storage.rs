//! Storage rules, natively against the in-memory store: load before write, quarantine without
//! loss, only changed plans written, and nothing written over data from a newer version.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use chrono::Utc;
use pilotdeck::domain::limits::MAX_NAME_CHARS;
use pilotdeck::domain::validate_plan;
use pilotdeck::domain::{Plan, PlanId, Portfolio};
use pilotdeck::exchange::parse_envelope;
use pilotdeck::storage::keys::{plan_key, quarantine_key, INDEX_KEY};
use pilotdeck::storage::record::{decode_index, encode_index};
use pilotdeck::storage::{load, Autosave, KeyValueStore, MemoryStore, Refused, StorageError};
use proptest::prelude::*;

const EXAMPLE: &str = include_str!("../public/examples/portfolio.json");

fn example() -> Vec<Plan> {
    parse_envelope(EXAMPLE).expect("the example parses").plans
}

/// A store holding `plans`, saved the way the app saves them.
fn store_with(plans: &[Plan]) -> MemoryStore {
    let store = MemoryStore::new();
    let portfolio = Portfolio::new(plans.to_vec());
    let mut autosave = Autosave::default();
    for id in portfolio.ids() {
        autosave.plan_added(&id);
    }
    let flushed = autosave.flush(&store, &portfolio, &[]);
    assert_eq!(flushed.error, None);
    store
}

fn snapshot(store: &MemoryStore) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = store
        .keys()
        .expect("keys")
        .into_iter()
        .map(|k| {
            let v = store.get(&k).expect("get").expect("a value");
            (k, v)
        })
        .collect();
    all.sort();
    all
}

#[test]
fn loading_an_empty_store_writes_nothing() {
    let store = MemoryStore::new();
    let loaded = load(&store).expect("loads");
    assert!(loaded.plans.is_empty());
    assert!(store.is_empty());
}

#[test]
fn saved_plans_load_back_in_the_same_order_with_their_revisions() {
    let plans = example();
    let store = store_with(&plans);
    assert_eq!(
        store.len(),
        plans.len() + 1,
        "one key per plan plus the index"
    );
    let loaded = load(&store).expect("loads");
    let ids: Vec<_> = loaded.plans.iter().map(|p| p.id.clone()).collect();
    let expected: Vec<_> = plans.iter().map(|p| p.id.clone()).collect();
    assert_eq!(ids, expected);
    for (before, after) in plans.iter().zip(&loaded.plans) {
        assert_eq!(after.rev, before.rev + 1, "each save adds one to rev");
        assert_eq!(
            Plan {
                rev: before.rev,
                ..after.clone()
            },
            *before
        );
    }
    assert!(loaded.quarantined.is_empty());
}

#[test]
fn only_the_edited_plan_is_written() {
    let plans = example();
    let store = store_with(&plans);
    let loaded = load(&store).expect("loads");
    let before = snapshot(&store);
    let mut portfolio = Portfolio::new(loaded.plans);
    let mut autosave = Autosave::new(loaded.protected, loaded.read_only);
    let edited = portfolio.ids()[3].clone();
    portfolio.edit(&edited, Utc::now(), |p| {
        p.partner.notes = "New notes".into()
    });
    autosave.plan_changed(&edited);
    let flushed = autosave.flush(&store, &portfolio, &[]);
    assert_eq!(flushed.saved.len(), 1);
    let after = snapshot(&store);
    let changed: Vec<&String> = before
        .iter()
        .zip(&after)
        .filter(|(b, a)| b != a)
        .map(|(b, _)| &b.0)
        .collect();
    assert_eq!(changed, vec![&plan_key(&edited)]);
    assert!(!autosave.is_pending());
}

#[test]
fn a_damaged_plan_is_moved_aside_byte_for_byte_and_the_index_repaired() {
    let plans = example();
    let store = store_with(&plans);
    let victim = plans[4].id.clone();
    store
        .set(&plan_key(&victim), "{\"schema_version\":1,\"plan\":")
        .expect("damage");
    let loaded = load(&store).expect("loads");
    assert_eq!(loaded.plans.len(), plans.len() - 1);
    let aside = quarantine_key(&plan_key(&victim), 0);
    assert_eq!(loaded.quarantined.len(), 1);
    assert_eq!(loaded.quarantined[0].kept_at, aside);
    assert!(loaded.quarantined[0].reason.contains("not valid JSON"));
    assert_eq!(
        store.get(&aside).expect("get").as_deref(),
        Some("{\"schema_version\":1,\"plan\":")
    );
    assert_eq!(store.get(&plan_key(&victim)).expect("get"), None);
    let index = store.get(INDEX_KEY).expect("get").expect("an index");
    assert!(
        !index.contains(victim.as_str()),
        "the index no longer lists it"
    );
}

#[test]
fn a_wrongly_shaped_plan_is_quarantined_with_the_place_of_the_problem() {
    let plans = example();
    let store = store_with(&plans);
    let victim = &plans[0];
    let mut value: serde_json::Value = serde_json::from_str(
        &store
            .get(&plan_key(&victim.id))
            .expect("get")
            .expect("value"),
    )
    .expect("json");
    value["plan"]["steps"][1]["due_on"] = serde_json::json!("next Tuesday");
    store
        .set(&plan_key(&victim.id), &value.to_string())
        .expect("write");
    let loaded = load(&store).expect("loads");
    assert_eq!(loaded.quarantined.len(), 1);
    let reason = &loaded.quarantined[0].reason;
    assert!(
        reason.starts_with("plan.steps[1].due_on: not a date"),
        "{reason}"
    );
}

#[test]
fn a_second_damaged_copy_does_not_replace_the_first() {
    let plans = example();
    let store = store_with(&plans);
    let victim = plans[0].id.clone();
    store
        .set(&plan_key(&victim), "first damage")
        .expect("damage");
    load(&store).expect("loads");
    store
        .set(&plan_key(&victim), "second damage")
        .expect("damage");
    let loaded = load(&store).expect("loads again");
    let first = quarantine_key(&plan_key(&victim), 0);
    let second = quarantine_key(&plan_key(&victim), 1);
    assert_eq!(
        store.get(&first).expect("get").as_deref(),
        Some("first damage")
    );
    assert_eq!(
        store.get(&second).expect("get").as_deref(),
        Some("second damage")
    );
    // Both are listed: the one an earlier load set aside and the one this load did.
    assert_eq!(loaded.kept_aside, vec![first, second]);
}

#[test]
fn when_nothing_can_be_written_a_damaged_value_stays_in_place_and_is_protected() {
    let plans = example();
    let store = store_with(&plans);
    let victim = plans[1].id.clone();
    store.set(&plan_key(&victim), "damaged").expect("damage");
    store.refuse_writes(true);
    let loaded = load(&store).expect("loads");
    assert_eq!(loaded.quarantined[0].kept_at, plan_key(&victim));
    assert_eq!(loaded.protected, vec![victim.clone()]);
    store.refuse_writes(false);

    // Saving everything again never touches the protected key, and keeps it in the index.
    let mut portfolio = Portfolio::new(loaded.plans);
    let mut autosave = Autosave::new(loaded.protected, false);
    let mut impostor = plans[1].clone();
    impostor.name = "Would overwrite the damaged value".into();
    portfolio.add_new(vec![impostor]);
    autosave.plan_added(&victim);
    autosave.index_changed();
    assert_eq!(autosave.flush(&store, &portfolio, &[]).error, None);
    assert_eq!(
        store.get(&plan_key(&victim)).expect("get").as_deref(),
        Some("damaged")
    );
    let index = store.get(INDEX_KEY).expect("get").expect("an index");
    assert!(index.contains(victim.as_str()));
}

#[test]
fn an_unreadable_index_is_set_aside_and_rebuilt_from_the_plan_keys() {
    let plans = example();
    let store = store_with(&plans);
    store.set(INDEX_KEY, "[not an index").expect("damage");
    let loaded = load(&store).expect("loads");
    assert_eq!(loaded.plans.len(), plans.len());
    assert_eq!(
        store
            .get(&quarantine_key(INDEX_KEY, 0))
            .expect("get")
            .as_deref(),
        Some("[not an index")
    );
    let rebuilt = store.get(INDEX_KEY).expect("get").expect("an index");
    for plan in &plans {
        assert!(rebuilt.contains(plan.id.as_str()));
    }
}

#[test]
fn a_plan_missing_from_the_index_is_still_loaded() {
    let plans = example();
    let store = store_with(&plans[..3]);
    let orphan = &plans[5];
    store
        .set(
            &plan_key(&orphan.id),
            &pilotdeck::storage::record::encode_plan(orphan),
        )
        .expect("write an orphan");
    let loaded = load(&store).expect("loads");
    assert_eq!(loaded.plans.len(), 4);
    assert_eq!(loaded.plans[3].id, orphan.id);
}

#[test]
fn data_from_a_newer_version_is_read_only() {
    let plans = example();
    let store = store_with(&plans);
    store
        .set(INDEX_KEY, "{\"schema_version\":9,\"plan_ids\":[]}")
        .expect("newer index");
    store
        .set(
            &plan_key(&plans[0].id),
            "{\"schema_version\":9,\"plan\":{}}",
        )
        .expect("newer plan");
    let before = snapshot(&store);
    let loaded = load(&store).expect("loads");
    assert!(loaded.read_only);
    assert_eq!(loaded.plans.len(), plans.len() - 1);
    let mut autosave = Autosave::new(loaded.protected, loaded.read_only);
    let portfolio = Portfolio::new(loaded.plans);
    autosave.plan_changed(&portfolio.ids()[0]);
    assert_eq!(
        autosave.flush(&store, &portfolio, &[]).error,
        Some(StorageError::ReadOnly)
    );
    assert_eq!(snapshot(&store), before);
}

#[test]
fn one_plan_from_a_newer_version_makes_the_storage_read_only_and_stays_in_place() {
    let plans = example();
    let store = store_with(&plans);
    let newer = "{\"schema_version\":3,\"plan\":{\"id\":\"x\"}}";
    store
        .set(&plan_key(&plans[3].id), newer)
        .expect("a plan from a newer version");
    let before = snapshot(&store);
    let loaded = load(&store).expect("loads");
    assert!(loaded.read_only, "that version owns this storage");
    assert_eq!(loaded.plans.len(), plans.len() - 1);
    assert_eq!(loaded.protected, vec![plans[3].id.clone()]);
    assert_eq!(loaded.quarantined.len(), 1);
    assert_eq!(loaded.quarantined[0].kept_at, plan_key(&plans[3].id));
    assert!(loaded.quarantined[0].reason.contains("newer Pilotdeck"));
    assert_eq!(snapshot(&store), before, "nothing moved, nothing written");
}

#[test]
fn a_refused_write_keeps_the_plan_pending_until_a_later_save_succeeds() {
    let store = MemoryStore::new();
    let portfolio = Portfolio::new(example());
    let mut autosave = Autosave::default();
    let id = portfolio.ids()[0].clone();
    autosave.plan_added(&id);
    store.refuse_writes(true);
    let refused = autosave.flush(&store, &portfolio, &[]);
    assert_eq!(refused.error, Some(StorageError::QuotaExceeded));
    assert!(autosave.is_pending());
    store.refuse_writes(false);
    let saved = autosave.flush(&store, &portfolio, &[]);
    assert_eq!(saved.error, None);
    assert_eq!(saved.saved[0].id, id);
    assert_eq!(load(&store).expect("loads").plans.len(), 1);
}

#[test]
fn a_plan_that_would_not_load_again_is_not_written_and_the_last_sound_one_stays() {
    let plans = example();
    let store = store_with(&plans);
    let loaded = load(&store).expect("loads");
    let mut portfolio = Portfolio::new(loaded.plans);
    let mut autosave = Autosave::new(loaded.protected, loaded.read_only);
    let id = portfolio.ids()[2].clone();
    let stored = store.get(&plan_key(&id)).expect("get");

    portfolio.edit(&id, Utc::now(), |p| p.name = "N".repeat(MAX_NAME_CHARS + 1));
    autosave.plan_changed(&id);
    let flushed = autosave.flush(&store, &portfolio, &[]);
    assert_eq!(flushed.error, None);
    assert!(flushed.saved.is_empty());
    assert_eq!(
        flushed.refused,
        vec![Refused {
            id: id.clone(),
            problem: format!(
                "name: too long ({} characters; at most {MAX_NAME_CHARS})",
                MAX_NAME_CHARS + 1
            ),
        }]
    );
    assert_eq!(store.get(&plan_key(&id)).expect("get"), stored);
    assert_eq!(load(&store).expect("loads").plans.len(), plans.len());

    // Fixed, it is written on the next save.
    portfolio.edit(&id, Utc::now(), |p| p.name = "Short again".into());
    autosave.plan_changed(&id);
    let flushed = autosave.flush(&store, &portfolio, &[]);
    assert!(flushed.refused.is_empty());
    assert_eq!(flushed.saved.len(), 1);
    let reloaded = load(&store).expect("loads");
    assert!(reloaded.quarantined.is_empty());
    let plan = reloaded
        .plans
        .iter()
        .find(|p| p.id == id)
        .expect("the plan");
    assert_eq!(plan.name, "Short again");
}

#[test]
fn an_id_the_index_lists_twice_loads_once_and_the_index_is_repaired() {
    let plans = example();
    let store = store_with(&plans);
    let mut ids: Vec<PlanId> = plans.iter().map(|p| p.id.clone()).collect();
    ids.insert(3, ids[0].clone());
    store
        .set(INDEX_KEY, &encode_index(&ids))
        .expect("write the index");
    let loaded = load(&store).expect("loads");
    let loaded_ids: Vec<PlanId> = loaded.plans.iter().map(|p| p.id.clone()).collect();
    let unique: Vec<PlanId> = plans.iter().map(|p| p.id.clone()).collect();
    assert_eq!(loaded_ids, unique);
    let index = decode_index(&store.get(INDEX_KEY).expect("get").expect("an index"))
        .expect("a sound index");
    assert_eq!(index.plan_ids, unique);
}

#[test]
fn in_a_full_store_plans_deleted_for_good_make_room_for_the_waiting_edit() {
    let plans = example();
    let store = store_with(&plans);
    store.limit_to(Some(store.used()));
    let loaded = load(&store).expect("loads");
    let mut portfolio = Portfolio::new(loaded.plans);
    let mut autosave = Autosave::new(loaded.protected, loaded.read_only);
    let edited = portfolio.ids()[0].clone();
    portfolio.edit(&edited, Utc::now(), |p| {
        p.partner.notes.push_str(&"x".repeat(500))
    });
    autosave.plan_changed(&edited);
    let full = autosave.flush(&store, &portfolio, &[]);
    assert_eq!(full.error, Some(StorageError::QuotaExceeded));

    // The user deletes a plan for good (its copy in the trash never fitted either).
    let gone = portfolio.ids()[1].clone();
    portfolio.remove(&gone);
    autosave.plan_trashed(&gone);
    autosave.plan_forgotten(&gone);
    let flushed = autosave.flush(&store, &portfolio, &[]);
    assert_eq!(flushed.error, None);
    assert_eq!(flushed.saved.len(), 1);
    assert_eq!(flushed.saved[0].id, edited);
    assert_eq!(store.get(&plan_key(&gone)).expect("get"), None);
    assert!(!autosave.is_pending());
    let reloaded = load(&store).expect("loads");
    assert_eq!(reloaded.plans.len(), plans.len() - 1);
}

#[test]
fn removing_a_plan_deletes_its_key_and_its_index_entry() {
    let plans = example();
    let store = store_with(&plans);
    let mut portfolio = Portfolio::new(load(&store).expect("loads").plans);
    let gone: PlanId = portfolio.ids()[2].clone();
    portfolio.remove(&gone);
    let mut autosave = Autosave::default();
    autosave.plan_removed(&gone);
    assert_eq!(autosave.flush(&store, &portfolio, &[]).error, None);
    assert_eq!(store.get(&plan_key(&gone)).expect("get"), None);
    let loaded = load(&store).expect("loads");
    assert_eq!(loaded.plans.len(), plans.len() - 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever garbage sits under a plan key, loading never panics, never loses the value,
    /// and the readable plans all load.
    #[test]
    fn arbitrary_stored_values_are_kept_and_never_crash_loading(garbage in ".{0,200}", plans in support::plans(5)) {
        let store = store_with(&plans);
        store.set(&plan_key(&PlanId("garbage".into())), &garbage).expect("write");
        let loaded = load(&store).expect("loads");
        prop_assert_eq!(loaded.plans.len(), plans.len());
        let kept = loaded.quarantined.iter().any(|q| store.get(&q.kept_at).ok().flatten() == Some(garbage.clone()));
        prop_assert!(kept, "the value is kept somewhere");
    }

    /// Whatever an edit leaves a plan holding, what is written loads back: a save never stores
    /// what loading would set aside.
    #[test]
    fn every_plan_a_save_writes_loads_back(
        plans in support::plans(4).prop_filter("a plan to edit", |p| !p.is_empty()),
        name in prop_oneof![Just(String::new()), Just(" ".to_string()), ".{0,260}"],
        partner in ".{0,260}",
        unit in ".{0,260}",
    ) {
        let store = store_with(&plans);
        let loaded = load(&store).expect("loads");
        let mut portfolio = Portfolio::new(loaded.plans);
        let mut autosave = Autosave::new(loaded.protected, loaded.read_only);
        let id = portfolio.ids()[0].clone();
        portfolio.edit(&id, Utc::now(), |p| {
            p.name = name.clone();
            p.partner.name = partner.clone();
            p.pilot.primary_metric.unit = unit.clone();
        });
        autosave.plan_changed(&id);
        let flushed = autosave.flush(&store, &portfolio, &[]);
        prop_assert_eq!(flushed.error, None);
        prop_assert_eq!(flushed.saved.len() + flushed.refused.len(), 1);
        let reloaded = load(&store).expect("loads");
        prop_assert!(reloaded.quarantined.is_empty());
        prop_assert_eq!(reloaded.plans.len(), plans.len());
        let sound = validate_plan(portfolio.get(&id).expect("the plan")).is_empty();
        prop_assert_eq!(flushed.saved.len() == 1, sound);
    }
}

/// Values as version 1 of Pilotdeck stored them: each plan's version 1 JSON under its key, one
/// of them in the trash, and the index.
fn version_1_store() -> (MemoryStore, Vec<serde_json::Value>) {
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/v1/portfolio.json")).expect("JSON");
    let plans = fixture["plans"].as_array().expect("plans").clone();
    let store = MemoryStore::new();
    let (trashed, kept) = plans.split_last().expect("plans");
    for plan in kept {
        let id = PlanId(plan["id"].as_str().expect("an id").to_string());
        let value = serde_json::json!({"schema_version": 1, "plan": plan});
        store.set(&plan_key(&id), &value.to_string()).expect("set");
    }
    let trashed_id = PlanId(trashed["id"].as_str().expect("an id").to_string());
    let trash = serde_json::json!({
        "schema_version": 1,
        "deleted_at": "2026-11-22T10:00:00Z",
        "plan": trashed,
    });
    store
        .set(
            &pilotdeck::storage::keys::trash_key(&trashed_id),
            &trash.to_string(),
        )
        .expect("set");
    let ids: Vec<&serde_json::Value> = kept.iter().map(|p| &p["id"]).collect();
    let index = serde_json::json!({"schema_version": 1, "plan_ids": ids});
    store.set(INDEX_KEY, &index.to_string()).expect("set");
    (store, plans)
}

#[test]
fn plans_and_trash_stored_by_version_1_load_migrated_and_are_rewritten_only_when_edited() {
    let (store, written) = version_1_store();
    let before = snapshot(&store);
    let loaded = load(&store).expect("loads");
    assert!(!loaded.read_only);
    assert!(loaded.quarantined.is_empty(), "{:?}", loaded.quarantined);
    assert_eq!(loaded.plans.len(), written.len() - 1);
    assert_eq!(
        loaded.trash.len(),
        1,
        "the version 1 trash entry is restorable"
    );
    assert_eq!(snapshot(&store), before, "loading writes nothing");

    let fixture = parse_envelope(include_str!("fixtures/v1/portfolio.json"))
        .expect("reads")
        .plans;
    assert_eq!(loaded.plans, fixture[..fixture.len() - 1].to_vec());
    assert_eq!(loaded.trash[0].plan, fixture[fixture.len() - 1]);
    assert!(loaded
        .plans
        .iter()
        .flat_map(|p| &p.steps)
        .all(|s| s.committed_on == s.due_on));

    // An edit writes that plan at version 2; the others stay as version 1 wrote them.
    let mut portfolio = Portfolio::new(loaded.plans);
    let edited = portfolio.ids()[0].clone();
    portfolio.edit(&edited, Utc::now(), |p| p.name.push_str(" (renamed)"));
    let mut autosave = Autosave::default();
    autosave.plan_changed(&edited);
    assert_eq!(
        autosave.flush(&store, &portfolio, &loaded.trash).error,
        None
    );
    let version = |id: &PlanId| {
        let raw = store.get(&plan_key(id)).expect("get").expect("a value");
        serde_json::from_str::<serde_json::Value>(&raw).expect("JSON")["schema_version"].clone()
    };
    assert_eq!(version(&edited), 2);
    assert_eq!(version(&portfolio.ids()[1]), 1);
    let reloaded = load(&store).expect("loads again");
    assert_eq!(reloaded.plans.len(), written.len() - 1);
    assert!(reloaded.quarantined.is_empty());
}
