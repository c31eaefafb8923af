//! Two tabs on one store, natively: edits to different plans both survive, a tab never writes
//! over a newer save of the same plan, plans added in either tab stay in the index, and the
//! workshop's two windows, which share edits live, do not trip over each other's saves.
#![cfg(not(target_arch = "wasm32"))]

use chrono::Utc;
use pilotdeck::domain::{Plan, PlanId, Portfolio};
use pilotdeck::exchange::parse_envelope;
use pilotdeck::storage::keys::plan_key;
use pilotdeck::storage::tabs::{external_change, External, Mine};
use pilotdeck::storage::{load, Autosave, KeyValueStore, MemoryStore};

const EXAMPLE: &str = include_str!("../public/examples/portfolio.json");

/// One tab: what it loaded, and what it has not saved yet.
struct Tab {
    portfolio: Portfolio,
    autosave: Autosave,
}

impl Tab {
    fn open(store: &MemoryStore) -> Self {
        let loaded = load(store).expect("loads");
        Self {
            portfolio: Portfolio::new(loaded.plans),
            autosave: Autosave::new(loaded.protected, loaded.read_only),
        }
    }

    fn edit(&mut self, id: &PlanId, change: impl FnOnce(&mut Plan)) {
        assert!(self.portfolio.edit(id, Utc::now(), change));
        self.autosave.plan_changed(id);
    }

    fn add(&mut self, plan: Plan) {
        let id = plan.id.clone();
        self.portfolio.add_new(vec![plan]);
        self.autosave.plan_added(&id);
    }

    /// Saves, records the written revisions, and returns the conflicts.
    fn save(&mut self, store: &MemoryStore) -> Vec<PlanId> {
        let flushed = self.autosave.flush(store, &self.portfolio, &[]);
        assert_eq!(flushed.error, None);
        for saved in &flushed.saved {
            self.portfolio.set_rev(&saved.id, saved.rev);
        }
        flushed.conflicts
    }
}

fn example() -> Vec<Plan> {
    parse_envelope(EXAMPLE).expect("parses").plans
}

fn shared_store() -> MemoryStore {
    let store = MemoryStore::new();
    let mut first = Tab {
        portfolio: Portfolio::new(Vec::new()),
        autosave: Autosave::default(),
    };
    for plan in example() {
        first.add(plan);
    }
    assert!(first.save(&store).is_empty());
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
    a.edit(&ids[0], |p| p.name = "Renamed in tab A".into());
    b.edit(&ids[1], |p| p.name = "Renamed in tab B".into());
    assert!(a.save(&store).is_empty());
    assert!(b.save(&store).is_empty());
    assert_eq!(stored(&store, &ids[0]).name, "Renamed in tab A");
    assert_eq!(stored(&store, &ids[1]).name, "Renamed in tab B");
}

#[test]
fn a_tab_never_writes_over_a_newer_save_of_the_same_plan() {
    let store = shared_store();
    let id = Portfolio::new(example()).ids()[0].clone();
    let (mut a, mut b) = (Tab::open(&store), Tab::open(&store));
    a.edit(&id, |p| p.name = "A's name".into());
    assert!(a.save(&store).is_empty());
    let after_a = store.get(&plan_key(&id)).expect("get").expect("value");

    b.edit(&id, |p| p.name = "B's name".into());
    assert_eq!(
        b.save(&store),
        vec![id.clone()],
        "B is told, not silently saved"
    );
    assert_eq!(
        store.get(&plan_key(&id)).expect("get"),
        Some(after_a.clone())
    );

    // What B's tab hears about A's save: a conflict to settle, since B has unsaved changes.
    let b_plan = b.portfolio.get(&id).expect("in B").clone();
    let change = external_change(
        &plan_key(&id),
        Some(&after_a),
        Mine {
            plan: Some(&b_plan),
            unsaved: true,
            live: false,
        },
    );
    assert!(matches!(change, External::Conflict(ref theirs) if theirs.name == "A's name"));
}

#[test]
fn plans_added_in_either_tab_stay_listed() {
    let store = shared_store();
    let mut template = example()[0].clone();
    let (mut a, mut b) = (Tab::open(&store), Tab::open(&store));
    template.id = PlanId("added-in-a".into());
    a.add(template.clone());
    assert!(a.save(&store).is_empty());
    template.id = PlanId("added-in-b".into());
    b.add(template);
    let gone = b.portfolio.ids()[0].clone();
    b.portfolio.remove(&gone);
    b.autosave.plan_removed(&gone);
    assert!(b.save(&store).is_empty());

    let ids: Vec<String> = load(&store)
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
    deck.autosave.plan_live(&id);
    presenter.autosave.plan_live(&id);
    presenter.edit(&id, |p| p.parking_lot.push("From the presenter".into()));
    assert!(presenter.save(&store).is_empty());
    // The deck already holds the presenter's edit (sent live) and adds its own.
    let shared = presenter.portfolio.get(&id).expect("plan").clone();
    deck.portfolio.replace(Plan { rev: 0, ..shared });
    deck.edit(&id, |p| p.parking_lot.push("From the deck".into()));
    assert!(deck.save(&store).is_empty());
    let saved = stored(&store, &id);
    assert!(saved.parking_lot.iter().any(|t| t == "From the presenter"));
    assert!(saved.parking_lot.iter().any(|t| t == "From the deck"));
    assert!(saved.rev > presenter.portfolio.get(&id).expect("plan").rev);
}
