//! Two tabs on one store, natively: edits to different plans both survive, a tab never writes
//! over a newer save of the same plan, plans added in either tab stay in the index, and the
//! workshop's two windows, which share edits live, do not trip over each other's saves. Each
//! tab is the app's workspace on the shared store.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use chrono::Utc;
use pilotdeck::domain::{Plan, PlanId, Portfolio};
use pilotdeck::exchange::parse_envelope;
use pilotdeck::storage::keys::plan_key;
use pilotdeck::storage::tabs::External;
use pilotdeck::storage::{load, KeyValueStore, MemoryStore};
use std::rc::Rc;
use support::tab::Tab;

const EXAMPLE: &str = include_str!("../public/examples/portfolio.json");

/// Edits one plan now; it must be here.
fn edit(tab: &mut Tab, id: &PlanId, change: impl FnOnce(&mut Plan)) {
    assert!(tab.edit(id, Utc::now(), change));
}

/// Saves, and returns the conflicts (the workspace records the written revisions).
fn save(tab: &mut Tab) -> Vec<PlanId> {
    let flushed = tab.save();
    assert_eq!(flushed.error, None);
    flushed.conflicts
}

fn example() -> Vec<Plan> {
    parse_envelope(EXAMPLE).expect("parses").plans
}

fn shared_store() -> Rc<MemoryStore> {
    let store = Rc::new(MemoryStore::new());
    let mut first = Tab::open(&store);
    first.add(example());
    assert!(save(&mut first).is_empty());
    store
}

fn stored(store: &MemoryStore, id: &PlanId) -> Plan {
    load(store)
        .expect("loads")
        .plans
        .into_iter()
        .find(|p| &p.id == id)
        .expect("stored")
}

#[test]
fn edits_to_different_plans_in_two_tabs_both_survive() {
    let store = shared_store();
    let ids = Portfolio::new(example()).ids();
    let (mut a, mut b) = (Tab::open(&store), Tab::open(&store));
    edit(&mut a, &ids[0], |p| p.name = "Renamed in tab A".into());
    edit(&mut b, &ids[1], |p| p.name = "Renamed in tab B".into());
    assert!(save(&mut a).is_empty());
    assert!(save(&mut b).is_empty());
    assert_eq!(stored(&store, &ids[0]).name, "Renamed in tab A");
    assert_eq!(stored(&store, &ids[1]).name, "Renamed in tab B");
}

#[test]
fn a_tab_never_writes_over_a_newer_save_of_the_same_plan() {
    let store = shared_store();
    let id = Portfolio::new(example()).ids()[0].clone();
    let (mut a, mut b) = (Tab::open(&store), Tab::open(&store));
    edit(&mut a, &id, |p| p.name = "A's name".into());
    assert!(save(&mut a).is_empty());
    let after_a = store.get(&plan_key(&id)).expect("get").expect("value");

    edit(&mut b, &id, |p| p.name = "B's name".into());
    // What B's tab hears about A's save: a conflict to settle, since B has unsaved changes.
    let change = b.hear(&plan_key(&id), Some(&after_a));
    assert!(matches!(change, External::Conflict(ref theirs) if theirs.name == "A's name"));
    assert_eq!(
        save(&mut b),
        vec![id.clone()],
        "B is told, not silently saved"
    );
    assert_eq!(
        store.get(&plan_key(&id)).expect("get"),
        Some(after_a.clone())
    );
}

#[test]
fn edits_waiting_on_a_conflict_are_not_replaced_when_the_other_tab_saves_again() {
    let store = shared_store();
    let id = Portfolio::new(example()).ids()[0].clone();
    let (mut a, mut b) = (Tab::open(&store), Tab::open(&store));
    edit(&mut b, &id, |p| p.name = "B's name".into());
    // A saves first; B saves without having heard it, and is told of the conflict.
    edit(&mut a, &id, |p| p.name = "A's name".into());
    assert!(save(&mut a).is_empty());
    assert_eq!(save(&mut b), vec![id.clone()]);
    // A saves again while B has not chosen: B keeps asking, its edits stay.
    edit(&mut a, &id, |p| p.name = "A's second name".into());
    assert!(save(&mut a).is_empty());
    let again = store.get(&plan_key(&id)).expect("get").expect("value");
    let change = b.hear(&plan_key(&id), Some(&again));
    assert!(
        matches!(change, External::Conflict(ref theirs) if theirs.name == "A's second name"),
        "{change:?}"
    );
    assert_eq!(b.plan(&id).name, "B's name");
}

#[test]
fn plans_added_in_either_tab_stay_listed() {
    let store = shared_store();
    let mut template = example()[0].clone();
    let (mut a, mut b) = (Tab::open(&store), Tab::open(&store));
    template.id = PlanId("added-in-a".into());
    a.add(vec![template.clone()]);
    assert!(save(&mut a).is_empty());
    template.id = PlanId("added-in-b".into());
    b.add(vec![template]);
    let gone = b.portfolio.ids()[0].clone();
    b.delete(&gone, Utc::now()).expect("deleted in B");
    assert!(save(&mut b).is_empty());

    let ids: Vec<String> = load(&*store)
        .expect("loads")
        .plans
        .iter()
        .map(|p| p.id.0.clone())
        .collect();
    assert!(ids.contains(&"added-in-a".to_string()), "{ids:?}");
    assert!(ids.contains(&"added-in-b".to_string()), "{ids:?}");
    assert!(!ids.contains(&gone.0), "removed in B, gone for both");
    assert_eq!(ids.len(), example().len() + 1);
}

#[test]
fn the_workshop_windows_save_each_others_edits_without_a_conflict() {
    let store = shared_store();
    let id = Portfolio::new(example()).ids()[0].clone();
    let (mut deck, mut presenter) = (Tab::open(&store), Tab::open(&store));
    // Each window takes the plan as the other sent it, which shares it live.
    let opened = deck.plan(&id).clone();
    presenter.workspace.adopt(&mut presenter.portfolio, opened);
    edit(&mut presenter, &id, |p| {
        p.parking_lot.push("From the presenter".into())
    });
    assert!(save(&mut presenter).is_empty());
    // The deck already holds the presenter's edit (sent live) and adds its own.
    let shared = presenter.plan(&id).clone();
    deck.workspace
        .adopt(&mut deck.portfolio, Plan { rev: 0, ..shared });
    edit(&mut deck, &id, |p| {
        p.parking_lot.push("From the deck".into())
    });
    assert!(save(&mut deck).is_empty());
    let saved = stored(&store, &id);
    assert!(saved.parking_lot.iter().any(|t| t == "From the presenter"));
    assert!(saved.parking_lot.iter().any(|t| t == "From the deck"));
    assert!(saved.rev > presenter.plan(&id).rev);
}

#[test]
fn a_plan_deleted_in_one_tab_while_edited_in_another_stays_once_and_leaves_the_trash() {
    let store = shared_store();
    let id = Portfolio::new(example()).ids()[0].clone();
    let (mut a, mut b) = (Tab::open(&store), Tab::open(&store));
    edit(&mut b, &id, |p| p.name = "Still being edited in B".into());
    a.delete(&id, Utc::now()).expect("deleted in A");
    assert!(save(&mut a).is_empty());
    // B hears the plan's key go, and its trash copy arrive.
    let trash_key = pilotdeck::storage::keys::trash_key(&id);
    let trashed = store.get(&trash_key).expect("get").expect("in the trash");
    assert!(matches!(b.hear(&plan_key(&id), None), External::Nothing));
    b.hear(&trash_key, Some(&trashed));
    assert!(b.trash.iter().all(|t| t.plan.id != id), "not in B's trash");
    assert!(save(&mut b).is_empty());
    // Stored once, as B's edit, and no longer in the trash.
    assert_eq!(stored(&store, &id).name, "Still being edited in B");
    let loaded = load(&*store).expect("loads");
    assert!(
        loaded.trash.iter().all(|t| t.plan.id != id),
        "the trash copy went"
    );
    assert_eq!(loaded.plans.iter().filter(|p| p.id == id).count(), 1);
}
