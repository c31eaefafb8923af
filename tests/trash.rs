//! Deleting a plan can be undone (SPEC §7): the trash in storage, restoring and forgetting as
//! the app's workspace does them, damaged trash entries, refused writes, and the portfolio view
//! kept across reloads.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use chrono::{DateTime, TimeZone, Utc};
use pilotdeck::domain::overview::{SortBy, View};
use pilotdeck::domain::{Band, PartnerKind, Plan, PlanId, Portfolio, Stage, Trashed};
use pilotdeck::exchange::parse_envelope;
use pilotdeck::storage::keys::{plan_key, quarantine_key, trash_key, INDEX_KEY, VIEW_KEY};
use pilotdeck::storage::record::{decode_index, decode_trashed, encode_trashed};
use pilotdeck::storage::view::{load_view, save_view};
use pilotdeck::storage::{load, KeyValueStore, MemoryStore, StorageError};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use support::tab::Tab;

const EXAMPLE: &str = include_str!("../public/examples/portfolio.json");

fn example() -> Vec<Plan> {
    parse_envelope(EXAMPLE).expect("the example parses").plans
}

fn at(hour: u32, minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, hour, minute, 0)
        .single()
        .expect("a time")
}

/// A store holding `plans`, saved by the app's workspace.
fn store_with(plans: &[Plan]) -> Rc<MemoryStore> {
    let store = Rc::new(MemoryStore::new());
    let mut tab = Tab::open(&store);
    tab.add(plans.to_vec());
    assert_eq!(tab.save().error, None);
    store
}

fn index_ids(store: &dyn KeyValueStore) -> Vec<PlanId> {
    let raw = store.get(INDEX_KEY).expect("get").expect("an index");
    decode_index(&raw).expect("a readable index").plan_ids
}

fn ids(plans: &[Plan]) -> Vec<PlanId> {
    plans.iter().map(|p| p.id.clone()).collect()
}

/// A store that records every write and removal, and can refuse removals alone.
#[derive(Default)]
struct Recording {
    inner: MemoryStore,
    ops: RefCell<Vec<String>>,
    refuse_removals: Cell<bool>,
}

impl KeyValueStore for Recording {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.inner.get(key)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.ops.borrow_mut().push(format!("set {key}"));
        self.inner.set(key, value)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        if self.refuse_removals.get() {
            return Err(StorageError::Failed("removal refused".into()));
        }
        self.ops.borrow_mut().push(format!("remove {key}"));
        self.inner.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.inner.keys()
    }
}

fn recording_with(plans: &[Plan]) -> Rc<Recording> {
    let store = Rc::new(Recording::default());
    let mut tab = Tab::open(&store);
    tab.add(plans.to_vec());
    assert_eq!(tab.save().error, None);
    store.ops.borrow_mut().clear();
    store
}

// ---------------------------------------------------------------- trashing

#[test]
fn a_plan_put_back_stands_where_it_stood() {
    let plans = example();
    let mut portfolio = Portfolio::new(plans.clone());
    let id = plans[2].id.clone();
    let at = portfolio.position(&id).expect("a position");
    let plan = portfolio.remove(&id).expect("removed");
    assert!(portfolio.put_back(plan.clone(), at));
    assert_eq!(portfolio.plans(), &plans[..]);
    assert!(!portfolio.put_back(plan.clone(), 0), "never twice");
    // With fewer plans left than its place, it goes last.
    let mut short = Portfolio::new(plans[..1].to_vec());
    assert!(short.put_back(plan, 5));
    assert_eq!(short.ids(), vec![plans[0].id.clone(), id]);
}

#[test]
fn trashing_writes_the_trash_entry_before_removing_the_plan_and_updates_the_index() {
    let plans = example();
    let store = recording_with(&plans);
    let victim = plans[2].id.clone();
    let mut tab = Tab::open(&store);
    store.ops.borrow_mut().clear();
    tab.delete(&victim, at(10, 0)).expect("the plan is here");
    assert!(tab.workspace.is_pending());
    assert_eq!(tab.save().error, None);
    assert!(!tab.workspace.is_pending());

    let ops = store.ops.borrow().clone();
    let written = ops
        .iter()
        .position(|op| op == &format!("set {}", trash_key(&victim)))
        .expect("the trash entry is written");
    let removed = ops
        .iter()
        .position(|op| op == &format!("remove {}", plan_key(&victim)))
        .expect("the plan key is removed");
    assert!(written < removed, "{ops:?}");
    assert!(ops.contains(&format!("set {INDEX_KEY}")), "{ops:?}");
    for plan in plans.iter().filter(|p| p.id != victim) {
        assert!(
            !ops.contains(&format!("set {}", plan_key(&plan.id))),
            "{} is not rewritten",
            plan.name
        );
    }

    assert_eq!(store.get(&plan_key(&victim)).expect("get"), None);
    let raw = store
        .get(&trash_key(&victim))
        .expect("get")
        .expect("a trash entry");
    assert_eq!(raw, encode_trashed(&tab.trash[0]));
    let entry = decode_trashed(&raw, &victim).expect("readable");
    assert_eq!(entry.deleted_at, at(10, 0));
    assert_eq!(entry.plan, tab.trash[0].plan);
    let expected: Vec<PlanId> = ids(&plans).into_iter().filter(|id| id != &victim).collect();
    assert_eq!(index_ids(&store), expected);
}

#[test]
fn the_trash_reloads_newest_deletion_first_with_its_deletion_times() {
    let plans = example();
    let store = store_with(&plans);
    let mut tab = Tab::open(&store);
    // Deleted in this order, but not in time order: the load sorts by deletion time.
    let deleted = [
        (plans[1].id.clone(), at(9, 0)),
        (plans[5].id.clone(), at(11, 30)),
        (plans[3].id.clone(), at(10, 15)),
    ];
    for (id, when) in &deleted {
        tab.delete(id, *when).expect("the plan is here");
    }
    assert_eq!(tab.save().error, None);

    let loaded = load(&store).expect("loads");
    let trash: Vec<(PlanId, DateTime<Utc>)> = loaded
        .trash
        .iter()
        .map(|t| (t.plan.id.clone(), t.deleted_at))
        .collect();
    assert_eq!(
        trash,
        vec![
            (plans[5].id.clone(), at(11, 30)),
            (plans[3].id.clone(), at(10, 15)),
            (plans[1].id.clone(), at(9, 0)),
        ]
    );
    for entry in &loaded.trash {
        let original = plans
            .iter()
            .find(|p| p.id == entry.plan.id)
            .expect("a plan");
        assert_eq!(entry.plan.name, original.name);
        assert_eq!(entry.plan.steps, original.steps);
        assert_eq!(entry.plan.stage, original.stage);
    }
    let left: Vec<PlanId> = [0, 2, 4, 6, 7, 8]
        .iter()
        .map(|&i| plans[i].id.clone())
        .collect();
    assert_eq!(
        ids(&loaded.plans),
        left,
        "trashed plans are not in the portfolio"
    );
    assert!(loaded.quarantined.is_empty());
}

#[test]
fn a_trash_entry_keeps_the_plan_exactly_as_it_was() {
    let plans = example();
    let trashed = Trashed {
        deleted_at: Utc
            .with_ymd_and_hms(2026, 11, 23, 14, 5, 9)
            .single()
            .expect("a time")
            + chrono::TimeDelta::milliseconds(250),
        plan: plans[0].clone(),
    };
    let raw = encode_trashed(&trashed);
    assert_eq!(decode_trashed(&raw, &plans[0].id), Ok(trashed));
}

// ---------------------------------------------------------------- restoring and forgetting

#[test]
fn restoring_writes_the_plan_back_and_removes_the_trash_entry() {
    let plans = example();
    let store = store_with(&plans);
    let victim = plans[4].id.clone();
    let mut tab = Tab::open(&store);
    tab.delete(&victim, at(10, 0)).expect("the plan is here");
    assert_eq!(tab.save().error, None);

    let mut tab = Tab::open(&store);
    assert_eq!(tab.trash.len(), 1);
    tab.restore(&victim).expect("in the trash");
    assert_eq!(tab.save().error, None);
    assert!(!tab.workspace.is_pending());

    assert_eq!(store.get(&trash_key(&victim)).expect("get"), None);
    assert!(store.get(&plan_key(&victim)).expect("get").is_some());
    assert!(index_ids(&store).contains(&victim));
    let loaded = load(&store).expect("loads");
    assert!(loaded.trash.is_empty());
    assert_eq!(loaded.plans.len(), plans.len());
    let back = loaded
        .plans
        .iter()
        .find(|p| p.id == victim)
        .expect("restored");
    let original = plans.iter().find(|p| p.id == victim).expect("a plan");
    assert_eq!(
        Plan {
            rev: original.rev,
            ..back.clone()
        },
        *original,
        "only the revision moved on"
    );
    assert!(back.rev > original.rev);
}

#[test]
fn restoring_before_the_deletion_was_saved_keeps_the_plan() {
    let plans = example();
    let store = store_with(&plans);
    let victim = plans[0].id.clone();
    let mut tab = Tab::open(&store);
    tab.delete(&victim, at(10, 0)).expect("the plan is here");
    tab.restore(&victim).expect("in the trash");
    assert_eq!(tab.save().error, None);
    assert!(store.get(&plan_key(&victim)).expect("get").is_some());
    assert_eq!(store.get(&trash_key(&victim)).expect("get"), None);
    let loaded = load(&store).expect("loads");
    assert_eq!(loaded.plans.len(), plans.len());
    assert!(loaded.trash.is_empty());
    assert_eq!(ids(&loaded.plans), ids(&plans), "back where it stood");
}

#[test]
fn forgetting_removes_the_trash_entry_for_good() {
    let plans = example();
    let store = store_with(&plans);
    let victim = plans[6].id.clone();
    let kept = plans[7].id.clone();
    let mut tab = Tab::open(&store);
    tab.delete(&victim, at(10, 0)).expect("the plan is here");
    tab.delete(&kept, at(10, 5)).expect("the plan is here");
    assert_eq!(tab.save().error, None);

    let mut tab = Tab::open(&store);
    tab.forget(&victim);
    assert!(tab.workspace.is_pending());
    assert_eq!(tab.save().error, None);
    assert_eq!(store.get(&trash_key(&victim)).expect("get"), None);
    assert_eq!(store.get(&plan_key(&victim)).expect("get"), None);
    assert!(!index_ids(&store).contains(&victim));
    let loaded = load(&store).expect("loads");
    assert_eq!(
        ids(&loaded
            .trash
            .iter()
            .map(|t| t.plan.clone())
            .collect::<Vec<_>>()),
        vec![kept]
    );
    assert_eq!(loaded.plans.len(), plans.len() - 2);
    assert!(loaded.plans.iter().all(|p| p.id != victim));
}

// ---------------------------------------------------------------- damage and refusals

#[test]
fn a_damaged_trash_entry_is_quarantined_and_the_rest_loads() {
    let plans = example();
    let store = store_with(&plans);
    let mut tab = Tab::open(&store);
    let damaged = plans[1].id.clone();
    let fine = plans[2].id.clone();
    tab.delete(&damaged, at(9, 0)).expect("the plan is here");
    tab.delete(&fine, at(9, 30)).expect("the plan is here");
    assert_eq!(tab.save().error, None);
    store
        .set(
            &trash_key(&damaged),
            "{\"schema_version\":1,\"deleted_at\":",
        )
        .expect("damage");

    let loaded = load(&store).expect("loads");
    assert_eq!(loaded.plans.len(), plans.len() - 2);
    assert_eq!(loaded.trash.len(), 1);
    assert_eq!(loaded.trash[0].plan.id, fine);
    assert_eq!(loaded.quarantined.len(), 1);
    let aside = quarantine_key(&trash_key(&damaged), 0);
    assert_eq!(loaded.quarantined[0].key, trash_key(&damaged));
    assert_eq!(loaded.quarantined[0].kept_at, aside);
    assert!(
        loaded.quarantined[0].reason.contains("not valid JSON"),
        "{}",
        loaded.quarantined[0].reason
    );
    assert_eq!(
        store.get(&aside).expect("get").as_deref(),
        Some("{\"schema_version\":1,\"deleted_at\":"),
        "kept byte for byte"
    );
    assert_eq!(store.get(&trash_key(&damaged)).expect("get"), None);
    assert!(loaded.kept_aside.contains(&aside));
    assert!(
        loaded.protected.is_empty(),
        "a trash entry is no plan to protect"
    );
}

#[test]
fn a_trash_entry_holding_another_plan_is_quarantined() {
    let plans = example();
    let store = store_with(&plans[..2]);
    let entry = Trashed {
        deleted_at: at(8, 0),
        plan: plans[5].clone(),
    };
    let wrong = PlanId("someone-else".into());
    store
        .set(&trash_key(&wrong), &encode_trashed(&entry))
        .expect("write");
    let loaded = load(&store).expect("loads");
    assert!(loaded.trash.is_empty());
    assert_eq!(loaded.plans.len(), 2);
    assert_eq!(loaded.quarantined.len(), 1);
    assert!(
        loaded.quarantined[0].reason.contains("someone-else"),
        "{}",
        loaded.quarantined[0].reason
    );
    assert_eq!(
        store
            .get(&loaded.quarantined[0].kept_at)
            .expect("get")
            .as_deref(),
        Some(encode_trashed(&entry).as_str())
    );
}

#[test]
fn a_refused_write_while_trashing_loses_nothing_and_the_next_save_completes_it() {
    let plans = example();
    let store = store_with(&plans);
    let victim = plans[3].id.clone();
    let stored_plan = store.get(&plan_key(&victim)).expect("get").expect("stored");
    let mut tab = Tab::open(&store);
    tab.delete(&victim, at(10, 0)).expect("the plan is here");

    store.refuse_writes(true);
    assert_eq!(tab.save().error, Some(StorageError::QuotaExceeded));
    assert!(tab.workspace.is_pending(), "the deletion waits");
    assert_eq!(
        store.get(&plan_key(&victim)).expect("get").as_deref(),
        Some(stored_plan.as_str()),
        "the plan is still stored"
    );
    assert_eq!(store.get(&trash_key(&victim)).expect("get"), None);
    assert!(index_ids(&store).contains(&victim));

    store.refuse_writes(false);
    assert_eq!(tab.save().error, None);
    assert!(!tab.workspace.is_pending());
    assert_eq!(store.get(&plan_key(&victim)).expect("get"), None);
    assert!(!index_ids(&store).contains(&victim));
    let loaded = load(&store).expect("loads");
    assert_eq!(loaded.trash.len(), 1);
    assert_eq!(loaded.trash[0].plan.id, victim);
    assert_eq!(loaded.trash[0].deleted_at, at(10, 0));
    assert_eq!(loaded.plans.len(), plans.len() - 1);
}

#[test]
fn a_refused_removal_after_the_trash_write_keeps_both_copies_until_the_next_save() {
    let plans = example();
    let store = recording_with(&plans);
    let victim = plans[0].id.clone();
    let mut tab = Tab::open(&store);
    tab.delete(&victim, at(10, 0)).expect("the plan is here");

    store.refuse_removals.set(true);
    assert!(tab.save().error.is_some());
    assert!(tab.workspace.is_pending());
    assert!(store.get(&trash_key(&victim)).expect("get").is_some());
    assert!(store.get(&plan_key(&victim)).expect("get").is_some());

    store.refuse_removals.set(false);
    assert_eq!(tab.save().error, None);
    assert!(!tab.workspace.is_pending());
    assert_eq!(store.get(&plan_key(&victim)).expect("get"), None);
    let loaded = load(&store).expect("loads");
    assert_eq!(loaded.trash.len(), 1);
    assert_eq!(loaded.plans.len(), plans.len() - 1);
}

#[test]
fn a_refused_restore_keeps_the_trash_entry_until_the_plan_is_written() {
    let plans = example();
    let store = store_with(&plans);
    let victim = plans[8].id.clone();
    let mut tab = Tab::open(&store);
    tab.delete(&victim, at(10, 0)).expect("the plan is here");
    assert_eq!(tab.save().error, None);

    let mut tab = Tab::open(&store);
    tab.restore(&victim).expect("in the trash");
    store.refuse_writes(true);
    assert!(tab.save().error.is_some());
    assert!(tab.workspace.is_pending());
    assert!(
        store.get(&trash_key(&victim)).expect("get").is_some(),
        "the only stored copy stays"
    );
    store.refuse_writes(false);
    assert_eq!(tab.save().error, None);
    assert_eq!(store.get(&trash_key(&victim)).expect("get"), None);
    let loaded = load(&store).expect("loads");
    assert_eq!(loaded.plans.len(), plans.len());
    assert!(loaded.trash.is_empty());
}

#[test]
fn a_plan_deleted_with_a_refused_edit_goes_to_the_trash_as_last_stored_and_restores_after_reload() {
    let plans = example();
    let store = store_with(&plans);
    let victim = plans[4].id.clone();
    let mut tab = Tab::open(&store);
    let as_stored = tab.portfolio.get(&victim).expect("stored").clone();
    // An edit that would not load again (a blank name) is refused, so never written.
    tab.edit(&victim, at(9, 0), |p| p.name = "   ".into());
    let flushed = tab.save();
    assert_eq!(flushed.refused.len(), 1);

    tab.delete(&victim, at(10, 0)).expect("the plan is here");
    assert_eq!(tab.save().error, None);
    assert_eq!(store.get(&plan_key(&victim)).expect("get"), None);

    let mut reopened = Tab::open(&store);
    let loaded = load(&store).expect("loads");
    assert!(
        loaded.quarantined.is_empty(),
        "nothing set aside: {:?}",
        loaded.quarantined
    );
    assert_eq!(reopened.trash.len(), 1);
    assert_eq!(reopened.trash[0].deleted_at, at(10, 0));
    assert_eq!(
        reopened.trash[0].plan, as_stored,
        "the trash keeps the last version that was stored"
    );
    reopened.restore(&victim).expect("in the trash");
    assert_eq!(reopened.save().error, None);
    let restored = load(&store).expect("loads");
    assert!(restored.trash.is_empty());
    assert!(restored
        .plans
        .iter()
        .any(|p| p.id == victim && p.name == plans[4].name));
}

#[test]
fn a_plan_never_stored_soundly_leaves_nothing_in_the_trash_to_set_aside() {
    let plans = example();
    let store = store_with(&plans[..2]);
    let mut tab = Tab::open(&store);
    let mut fresh = plans[2].clone();
    fresh.name = String::new();
    let id = fresh.id.clone();
    tab.add(vec![fresh]);
    tab.delete(&id, at(10, 0)).expect("the plan is here");
    assert_eq!(tab.save().error, None);

    assert_eq!(store.get(&trash_key(&id)).expect("get"), None);
    assert_eq!(store.get(&plan_key(&id)).expect("get"), None);
    let loaded = load(&store).expect("loads");
    assert!(loaded.quarantined.is_empty());
    assert!(loaded.trash.is_empty());
    assert_eq!(loaded.plans.len(), 2);
}

#[test]
fn a_restored_plan_whose_edit_is_refused_keeps_its_trash_copy_until_it_is_written() {
    let plans = example();
    let store = store_with(&plans);
    let victim = plans[1].id.clone();
    let mut tab = Tab::open(&store);
    tab.delete(&victim, at(10, 0)).expect("the plan is here");
    assert_eq!(tab.save().error, None);
    let kept = store
        .get(&trash_key(&victim))
        .expect("get")
        .expect("in the trash");

    tab.restore(&victim).expect("in the trash");
    tab.edit(&victim, at(11, 0), |p| p.name = String::new());
    let flushed = tab.save();
    assert_eq!(flushed.error, None);
    assert_eq!(flushed.refused.len(), 1);
    assert_eq!(
        store.get(&trash_key(&victim)).expect("get").as_deref(),
        Some(kept.as_str()),
        "the only sound copy stays"
    );
    assert!(tab.workspace.is_pending(), "the restore is not done");
    let meanwhile = load(&store).expect("loads");
    assert_eq!(meanwhile.trash.len(), 1);
    assert!(meanwhile.quarantined.is_empty());

    tab.edit(&victim, at(11, 5), |p| p.name = "Named again".into());
    assert_eq!(tab.save().error, None);
    assert!(!tab.workspace.is_pending());
    assert_eq!(store.get(&trash_key(&victim)).expect("get"), None);
    let loaded = load(&store).expect("loads");
    assert!(loaded.trash.is_empty());
    assert!(loaded
        .plans
        .iter()
        .any(|p| p.id == victim && p.name == "Named again"));
}

// ---------------------------------------------------------------- the portfolio view

#[test]
fn the_view_round_trips_through_storage() {
    let store = MemoryStore::new();
    assert_eq!(load_view(&store), View::default(), "nothing saved yet");
    let view = View {
        search: "north «wind» 🚀".into(),
        kind: Some(PartnerKind::TechIntegration),
        stage: Some(Stage::Reviewing),
        band: Some(Band::GhostTownRisk),
        sort: SortBy::NextStepDue,
    };
    assert_eq!(save_view(&store, &view), Ok(()));
    assert_eq!(load_view(&store), view);
    for sort in SortBy::ALL {
        let view = View {
            sort,
            ..View::default()
        };
        save_view(&store, &view).expect("saved");
        assert_eq!(load_view(&store), view);
    }
}

#[test]
fn a_damaged_view_loads_as_the_default() {
    let store = MemoryStore::new();
    for damaged in [
        "",
        "not json",
        "{\"sort\":\"sideways\"}",
        "{\"kind\":\"bakery\"}",
        "{\"search\":42}",
        "[]",
        "null",
    ] {
        store.set(VIEW_KEY, damaged).expect("write");
        assert_eq!(load_view(&store), View::default(), "{damaged:?}");
    }
}

#[test]
fn a_view_missing_some_fields_keeps_the_ones_it_has() {
    let store = MemoryStore::new();
    store
        .set(VIEW_KEY, "{\"search\":\"ledger\",\"sort\":\"momentum\"}")
        .expect("write");
    assert_eq!(
        load_view(&store),
        View {
            search: "ledger".into(),
            sort: SortBy::Momentum,
            ..View::default()
        }
    );
}

#[test]
fn a_refused_view_save_is_reported_and_the_saved_view_stays() {
    let store = MemoryStore::new();
    let saved = View {
        search: "salon".into(),
        ..View::default()
    };
    save_view(&store, &saved).expect("saved");
    store.refuse_writes(true);
    assert_eq!(
        save_view(&store, &View::default()),
        Err(StorageError::QuotaExceeded)
    );
    assert_eq!(load_view(&store), saved);
}

#[test]
fn the_view_key_is_not_mistaken_for_a_plan_or_trash_entry() {
    let plans = example();
    let store = store_with(&plans);
    let view = View {
        search: "x".into(),
        ..View::default()
    };
    save_view(&store, &view).expect("saved");
    let loaded = load(&store).expect("loads");
    assert_eq!(loaded.plans.len(), plans.len());
    assert!(loaded.trash.is_empty());
    assert!(loaded.quarantined.is_empty());
    assert_eq!(load_view(&store), view);
    assert!(store.get(&plan_key(&plans[0].id)).expect("get").is_some());
}

#[test]
fn a_plan_forgotten_before_its_deletion_was_saved_stays_gone() {
    let plans = example();
    let store = store_with(&plans);
    let victim = plans[2].id.clone();
    let mut tab = Tab::open(&store);
    tab.delete(&victim, at(10, 0)).expect("the plan is here");
    tab.forget(&victim);
    assert_eq!(tab.save().error, None);
    assert_eq!(store.get(&trash_key(&victim)).expect("get"), None);
    assert_eq!(store.get(&plan_key(&victim)).expect("get"), None);
    let loaded = load(&store).expect("loads");
    assert!(
        loaded.plans.iter().all(|p| p.id != victim),
        "it does not come back"
    );
    assert!(loaded.trash.is_empty());
}

#[test]
fn a_plan_forgotten_while_storage_refused_its_deletion_stays_gone() {
    let plans = example();
    let store = store_with(&plans);
    let victim = plans[2].id.clone();
    let mut tab = Tab::open(&store);
    tab.delete(&victim, at(10, 0)).expect("the plan is here");
    store.refuse_writes(true);
    assert!(tab.save().error.is_some());
    tab.forget(&victim);
    store.refuse_writes(false);
    assert_eq!(tab.save().error, None);
    assert_eq!(store.get(&plan_key(&victim)).expect("get"), None);
    let loaded = load(&store).expect("loads");
    assert!(
        loaded.plans.iter().all(|p| p.id != victim),
        "it does not come back"
    );
    assert!(loaded.trash.is_empty());
}
