//! The session's rules, natively on the real workspace: deleting and undoing, the examples
//! removed and brought back, imports all or nothing and undone, other tabs' saves and the
//! conflicts they raise, plans kept unsaved with their reason, discarding what the banner
//! lists, failed saves, and the storage figure in Settings.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use chrono::{DateTime, TimeZone, Utc};
use pilotdeck::domain::import::{same_content, Import};
use pilotdeck::domain::overview::View;
use pilotdeck::domain::{validate_plan, Plan, PlanId};
use pilotdeck::exchange::parse_envelope;
use pilotdeck::storage::keys::{plan_key, trash_key, INDEX_KEY, LAST_EXPORT_KEY, VIEW_KEY};
use pilotdeck::storage::tabs::External;
use pilotdeck::storage::workspace::{
    Copied, Deleted, ImportError, NotDiscarded, Restored, SaveError, Unsaved,
};
use pilotdeck::storage::{load, KeyValueStore, MemoryStore, StorageError, Workspace};
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

/// A store holding `plans`, saved by a workspace.
fn store_with(plans: &[Plan]) -> Rc<MemoryStore> {
    let store = Rc::new(MemoryStore::new());
    let mut tab = Tab::open(&store);
    tab.add(plans.to_vec());
    assert_eq!(tab.save().error, None);
    store
}

fn stored_ids(store: &MemoryStore) -> Vec<PlanId> {
    load(store)
        .expect("loads")
        .plans
        .iter()
        .map(|p| p.id.clone())
        .collect()
}

fn ids(plans: &[Plan]) -> Vec<PlanId> {
    plans.iter().map(|p| p.id.clone()).collect()
}

fn value(store: &MemoryStore, key: &str) -> Option<String> {
    store.get(key).expect("get")
}

// ---------------------------------------------------------------- delete and undo

#[test]
fn a_deleted_plan_comes_back_where_it_stood() {
    let plans = example();
    let store = store_with(&plans);
    let mut tab = Tab::open(&store);
    let victim = plans[2].id.clone();

    let deleted = tab.delete(&victim, at(10, 0)).expect("deleted");
    assert_eq!(
        deleted,
        Deleted {
            id: victim.clone(),
            name: plans[2].name.clone(),
            at: 2,
        }
    );
    assert!(!tab.portfolio.contains(&victim));
    assert_eq!(tab.trash[0].plan.id, victim);
    assert_eq!(tab.trash[0].deleted_at, at(10, 0));
    assert_eq!(tab.save().error, None);
    assert!(value(&store, &trash_key(&victim)).is_some());
    assert_eq!(tab.delete(&victim, at(10, 1)), None, "not twice");

    let restored = tab.restore(&victim).expect("restored");
    assert_eq!(
        restored,
        Restored {
            id: victim.clone(),
            name: plans[2].name.clone(),
        }
    );
    assert_eq!(tab.portfolio.ids(), ids(&plans), "back in its place");
    assert!(tab.trash.is_empty());
    assert_eq!(tab.save().error, None);
    assert_eq!(stored_ids(&store), ids(&plans), "stored in its place too");
    assert_eq!(value(&store, &trash_key(&victim)), None);
    assert_eq!(tab.restore(&victim), None, "nothing left to restore");
}

#[test]
fn a_plan_deleted_before_a_reload_comes_back_last() {
    let plans = example();
    let store = store_with(&plans);
    let victim = plans[0].id.clone();
    let mut before = Tab::open(&store);
    before.delete(&victim, at(9, 0));
    assert_eq!(before.save().error, None);

    let mut after = Tab::open(&store);
    assert!(after.restore(&victim).is_some());
    assert_eq!(after.portfolio.ids().last(), Some(&victim));
    assert_eq!(after.portfolio.len(), plans.len());
}

#[test]
fn the_examples_removed_together_come_back_together_in_their_places() {
    let mut plans = example();
    for i in [0, 3, 4, 8] {
        plans[i].example = true;
    }
    let store = store_with(&plans);
    let mut tab = Tab::open(&store);

    let removed = tab
        .workspace
        .remove_examples(&mut tab.portfolio, &mut tab.trash, at(10, 0));
    let removed_ids: Vec<PlanId> = removed.iter().map(|d| d.id.clone()).collect();
    let examples: Vec<PlanId> = plans
        .iter()
        .filter(|p| p.example)
        .map(|p| p.id.clone())
        .collect();
    assert_eq!(removed_ids, examples);
    assert!(tab.portfolio.plans().iter().all(|p| !p.example));
    assert_eq!(tab.trash.len(), 4);
    assert_eq!(tab.save().error, None);
    assert_eq!(stored_ids(&store).len(), plans.len() - 4);

    let restored = tab
        .workspace
        .restore_all(&mut tab.portfolio, &mut tab.trash, &removed_ids);
    assert_eq!(restored.len(), 4);
    assert_eq!(tab.portfolio.ids(), ids(&plans), "each in its place");
    assert_eq!(tab.save().error, None);
    assert_eq!(stored_ids(&store), ids(&plans));
    assert!(load(&*store).expect("loads").trash.is_empty());
}

#[test]
fn forgetting_deletes_from_the_trash_for_good() {
    let plans = example();
    let store = store_with(&plans);
    let mut tab = Tab::open(&store);
    let victim = plans[5].id.clone();
    tab.delete(&victim, at(10, 0));
    assert!(tab.forget(&victim));
    assert!(!tab.forget(&victim), "gone already");
    assert_eq!(tab.save().error, None);
    assert_eq!(value(&store, &trash_key(&victim)), None);
    assert_eq!(value(&store, &plan_key(&victim)), None);
    assert!(!stored_ids(&store).contains(&victim));
}

// ---------------------------------------------------------------- import

#[test]
fn an_import_is_saved_at_once_and_undone_as_a_whole() {
    let plans = example();
    let store = store_with(&plans[..3]);
    let mut tab = Tab::open(&store);
    let mine = tab.plan(&plans[0].id).clone();
    let mut theirs = plans[0].clone();
    theirs.name = "Renamed in the file".into();
    let import = Import {
        add: plans[3..5].to_vec(),
        replace: vec![theirs],
    };

    let snapshot = tab
        .workspace
        .import(&mut tab.portfolio, &tab.trash, import)
        .expect("imported");
    assert_eq!(snapshot.added, ids(&plans[3..5]));
    assert_eq!(snapshot.replaced, vec![mine]);
    assert!(!tab.workspace.is_pending(), "saved at once");
    let stored = load(&*store).expect("loads").plans;
    assert_eq!(stored.len(), 5);
    assert_eq!(stored[0].name, "Renamed in the file");

    assert!(tab.workspace.undo_import(&mut tab.portfolio));
    assert!(!tab.workspace.undo_import(&mut tab.portfolio), "once");
    assert_eq!(tab.save().error, None);
    let stored = load(&*store).expect("loads").plans;
    assert_eq!(ids(&stored), ids(&plans[..3]));
    for (back, original) in stored.iter().zip(&plans[..3]) {
        assert!(same_content(back, original), "{}", original.name);
    }
    assert!(stored[0].rev > plans[0].rev, "the undo is the newest save");
}

#[test]
fn an_import_storage_has_no_room_for_is_taken_back_whole() {
    let plans = example();
    let store = store_with(&plans[..2]);
    let mut tab = Tab::open(&store);
    let before = tab.portfolio.clone();
    // Room for a renamed plan, not for a new one.
    store.limit_to(Some(store.used() + 500));
    let mut theirs = plans[0].clone();
    theirs.name = "Renamed in the file".into();
    let import = Import {
        add: plans[2..].to_vec(),
        replace: vec![theirs],
    };

    let error = tab
        .workspace
        .import(&mut tab.portfolio, &tab.trash, import)
        .expect_err("no room");
    assert_eq!(error, ImportError::NoRoom);
    assert_eq!(
        error.to_string(),
        "there is not enough room left in this browser's storage for these plans"
    );
    assert_eq!(tab.portfolio.ids(), before.ids(), "nothing added");
    for (now, then) in tab.portfolio.plans().iter().zip(before.plans()) {
        assert!(same_content(now, then), "{}", then.name);
    }
    let stored = load(&*store).expect("loads").plans;
    assert_eq!(ids(&stored), ids(&plans[..2]), "what it wrote was removed");
    assert_eq!(stored[0].name, plans[0].name);
    assert_eq!(tab.workspace.report().save_error, None);
    assert!(
        !tab.workspace.undo_import(&mut tab.portfolio),
        "an import taken back is no import to undo"
    );
}

#[test]
fn an_import_refused_for_another_reason_says_so_in_storage_words() {
    let error = ImportError::from(StorageError::Failed("the disk said no".into()));
    assert_eq!(
        error.to_string(),
        "Browser storage failed: the disk said no."
    );
}

// ---------------------------------------------------------------- other tabs

#[test]
fn another_tabs_newer_save_of_a_plan_changed_here_waits_for_the_user() {
    let plans = example();
    let store = store_with(&plans);
    let id = plans[0].id.clone();
    let (mut a, mut b) = (Tab::open(&store), Tab::open(&store));
    a.edit(&id, at(9, 0), |p| p.name = "A's name".into());
    assert_eq!(a.save().error, None);
    let after_a = value(&store, &plan_key(&id)).expect("stored");

    b.edit(&id, at(9, 5), |p| p.name = "B's name".into());
    // B hears A's save while its own edit waits to be saved: the user chooses.
    let heard = b.hear(&plan_key(&id), Some(&after_a));
    assert!(matches!(heard, External::Conflict(ref theirs) if theirs.name == "A's name"));
    assert_eq!(b.workspace.conflicts().len(), 1);
    assert_eq!(b.workspace.conflicts()[0].name, "A's name");
    assert_eq!(
        b.plan(&id).name,
        "B's name",
        "kept here until the user chooses"
    );

    // B's save does not write over A's, and the conflict is listed once.
    assert_eq!(b.save().conflicts, vec![id.clone()]);
    assert_eq!(value(&store, &plan_key(&id)), Some(after_a.clone()));
    assert_eq!(b.workspace.conflicts().len(), 1);
    assert!(b.workspace.has_unkept_edits());

    assert!(b.workspace.take_newer(&mut b.portfolio, &id));
    assert_eq!(b.plan(&id).name, "A's name");
    assert!(b.workspace.conflicts().is_empty());
    assert!(!b.workspace.has_unkept_edits());
    assert!(!b.workspace.take_newer(&mut b.portfolio, &id), "settled");
}

#[test]
fn keeping_mine_as_a_copy_keeps_both_versions() {
    let plans = example();
    let store = store_with(&plans);
    let id = plans[1].id.clone();
    let (mut a, mut b) = (Tab::open(&store), Tab::open(&store));
    a.edit(&id, at(9, 0), |p| p.name = "A's name".into());
    assert_eq!(a.save().error, None);
    b.edit(&id, at(9, 5), |p| p.name = "B's name".into());
    assert_eq!(b.save().conflicts, vec![id.clone()]);

    let copy_id = PlanId("my-copy".into());
    let copied = b
        .workspace
        .keep_mine_as_copy(&mut b.portfolio, &id, copy_id.clone())
        .expect("kept");
    assert_eq!(
        copied,
        Copied {
            id: copy_id.clone(),
            name: "B's name (my copy)".into(),
        }
    );
    assert_eq!(b.save().error, None);
    let stored = load(&*store).expect("loads").plans;
    let name = |id: &PlanId| stored.iter().find(|p| &p.id == id).map(|p| p.name.clone());
    assert_eq!(name(&id).as_deref(), Some("A's name"));
    assert_eq!(name(&copy_id).as_deref(), Some("B's name (my copy)"));
    assert!(b.workspace.conflicts().is_empty());
    assert_eq!(
        b.workspace
            .keep_mine_as_copy(&mut b.portfolio, &id, PlanId("again".into())),
        None
    );
}

#[test]
fn plans_added_deleted_and_forgotten_in_another_tab_reach_this_one() {
    let plans = example();
    let store = store_with(&plans[..3]);
    let (mut a, mut b) = (Tab::open(&store), Tab::open(&store));

    a.add(vec![plans[3].clone()]);
    assert_eq!(a.save().error, None);
    let new = plans[3].id.clone();
    let raw = value(&store, &plan_key(&new));
    assert!(matches!(
        b.hear(&plan_key(&new), raw.as_deref()),
        External::Take(_)
    ));
    assert!(b.portfolio.contains(&new));

    let victim = plans[0].id.clone();
    a.delete(&victim, at(10, 0));
    assert_eq!(a.save().error, None);
    let raw = value(&store, &trash_key(&victim));
    assert!(matches!(
        b.hear(&trash_key(&victim), raw.as_deref()),
        External::TrashAdded(_)
    ));
    assert_eq!(
        b.hear(&plan_key(&victim), None),
        External::Gone(victim.clone())
    );
    assert!(!b.portfolio.contains(&victim));
    assert_eq!(b.trash.len(), 1);
    assert_eq!(b.trash[0].deleted_at, at(10, 0));

    a.forget(&victim);
    assert_eq!(a.save().error, None);
    assert_eq!(
        b.hear(&trash_key(&victim), None),
        External::TrashRemoved(victim.clone())
    );
    assert!(b.trash.is_empty());
    assert_eq!(b.hear(VIEW_KEY, Some("{}")), External::Nothing);
}

#[test]
fn a_plan_shared_live_by_the_workshop_windows_raises_no_conflict() {
    let plans = example();
    let store = store_with(&plans);
    let id = plans[0].id.clone();
    let (mut deck, mut presenter) = (Tab::open(&store), Tab::open(&store));
    let same = deck.plan(&id).clone();
    assert!(
        !deck.workspace.adopt(&mut deck.portfolio, same),
        "nothing new"
    );
    presenter.edit(&id, at(9, 0), |p| {
        p.parking_lot.push("From the presenter".into())
    });
    let sent = presenter.plan(&id).clone();
    assert!(deck.workspace.adopt(&mut deck.portfolio, sent));
    assert_eq!(presenter.save().error, None);
    let raw = value(&store, &plan_key(&id));
    let heard = deck.hear(&plan_key(&id), raw.as_deref());
    assert!(matches!(heard, External::Revision(_, rev) if rev == presenter.plan(&id).rev));
    assert!(deck.workspace.conflicts().is_empty());
}

// ---------------------------------------------------------------- saving

#[test]
fn a_plan_that_would_not_load_again_is_kept_unsaved_with_its_reason() {
    let plans = example();
    let store = store_with(&plans);
    let id = plans[4].id.clone();
    let as_stored = value(&store, &plan_key(&id));
    let mut tab = Tab::open(&store);

    assert!(tab.edit(&id, at(9, 0), |p| p.name = "   ".into()));
    let flushed = tab.save();
    assert_eq!(flushed.error, None);
    assert_eq!(flushed.refused.len(), 1);
    let problem = validate_plan(tab.plan(&id))[0].to_string();
    assert_eq!(
        tab.workspace.report().unsaved,
        vec![Unsaved {
            id: id.clone(),
            name: "Untitled pilot".into(),
            problem,
        }]
    );
    assert_eq!(
        value(&store, &plan_key(&id)),
        as_stored,
        "the sound version stays"
    );
    assert!(tab.workspace.has_unkept_edits());

    assert!(tab.edit(&id, at(9, 5), |p| p.name = "Named again".into()));
    assert_eq!(tab.save().error, None);
    assert!(
        tab.workspace.report().unsaved.is_empty(),
        "written, so off the list"
    );
    assert!(!tab.workspace.has_unkept_edits());

    // A plan deleted while it is refused leaves the list too.
    tab.edit(&id, at(9, 10), |p| p.name = String::new());
    tab.save();
    assert_eq!(tab.workspace.report().unsaved.len(), 1);
    tab.delete(&id, at(9, 15));
    tab.save();
    assert!(tab.workspace.report().unsaved.is_empty());
}

#[test]
fn a_failed_save_keeps_the_edit_says_why_and_succeeds_later() {
    let plans = example();
    let store = store_with(&plans);
    let id = plans[0].id.clone();
    let mut tab = Tab::open(&store);
    store.refuse_writes(true);
    tab.edit(&id, at(9, 0), |p| p.name = "Renamed while full".into());
    assert_eq!(tab.save().error, Some(StorageError::QuotaExceeded));
    let error = tab.workspace.report().save_error.clone().expect("reported");
    assert_eq!(error, SaveError::Full);
    assert_eq!(
        error.to_string(),
        "Browser storage is full — your changes are kept in this tab; export now."
    );
    assert!(tab.workspace.is_pending());
    assert!(tab.workspace.has_unkept_edits());

    store.refuse_writes(false);
    assert_eq!(tab.save().error, None);
    assert_eq!(tab.workspace.report().save_error, None);
    assert_eq!(
        load(&*store).expect("loads").plans[0].name,
        "Renamed while full"
    );
    assert_eq!(
        tab.plan(&id).rev,
        plans[0].rev + 2,
        "the revision written is recorded"
    );
}

#[test]
fn data_from_a_newer_version_is_read_and_never_written() {
    let plans = example();
    let store = store_with(&plans);
    store
        .set(INDEX_KEY, "{\"schema_version\":99,\"plan_ids\":[]}")
        .expect("a newer index");
    let mut tab = Tab::open(&store);
    assert!(tab.workspace.report().read_only);
    tab.edit(&plans[0].id, at(9, 0), |p| p.name = "Changed here".into());
    tab.save();
    let error = tab.workspace.report().save_error.clone().expect("reported");
    assert_eq!(
        error.to_string(),
        "The data here was saved by a newer version of Pilotdeck, so this tab does not write to it. Your changes are kept in this tab only."
    );
    tab.workspace.keep_view(&View {
        search: "x".into(),
        ..View::default()
    });
    tab.workspace.record_export(at(12, 0));
    assert_eq!(value(&store, VIEW_KEY), None);
    assert_eq!(value(&store, LAST_EXPORT_KEY), None);
    assert!(tab.workspace.report().discardable().is_empty());
}

#[test]
fn the_view_and_the_last_export_are_kept_for_the_next_visit() {
    let store = store_with(&example()[..1]);
    let tab = Tab::open(&store);
    let view = View {
        search: "north".into(),
        ..View::default()
    };
    tab.workspace.keep_view(&view);
    tab.workspace.record_export(at(12, 30));
    let next = Tab::open(&store);
    assert_eq!(next.workspace.saved_view(), view);
    assert_eq!(next.workspace.last_export(), Some(at(12, 30)));
}

/// A store that cannot even list its keys.
struct Unreadable;

impl KeyValueStore for Unreadable {
    fn get(&self, _: &str) -> Result<Option<String>, StorageError> {
        Err(StorageError::Failed("no access".into()))
    }
    fn set(&self, _: &str, _: &str) -> Result<(), StorageError> {
        Err(StorageError::Failed("no access".into()))
    }
    fn remove(&self, _: &str) -> Result<(), StorageError> {
        Err(StorageError::Failed("no access".into()))
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Err(StorageError::Failed("no access".into()))
    }
}

#[test]
fn storage_that_cannot_be_read_runs_in_memory_and_says_so() {
    let store = Rc::new(Unreadable);
    let mut tab = Tab::open(&store);
    assert_eq!(
        tab.workspace.report().unavailable,
        Some(StorageError::Failed("no access".into()))
    );
    assert!(!tab.workspace.has_unkept_edits(), "nothing done yet");
    tab.add(example());
    assert_eq!(tab.save().error, None, "kept in memory");
    assert!(tab.workspace.has_unkept_edits(), "lost when the tab closes");

    let opened = Workspace::in_memory(StorageError::Unavailable("private window".into()));
    assert!(opened.portfolio.is_empty() && opened.trash.is_empty());
    assert_eq!(
        opened
            .workspace
            .report()
            .unavailable
            .as_ref()
            .map(ToString::to_string)
            .as_deref(),
        Some("Browser storage is not available here (private window).")
    );
}

// ---------------------------------------------------------------- unreadable values

/// Damages `plan`'s stored value; returns its key.
fn damage(store: &MemoryStore, plan: &Plan) -> String {
    let key = plan_key(&plan.id);
    store.set(&key, "not json at all").expect("damage");
    key
}

#[test]
fn discarding_deletes_only_the_values_the_banner_lists() {
    let plans = example();
    let store = store_with(&plans);
    damage(&store, &plans[2]);
    let earlier = Tab::open(&store).workspace.report().quarantined[0]
        .kept_at
        .clone();
    damage(&store, &plans[0]);

    let mut tab = Tab::open(&store);
    let report = tab.workspace.report().clone();
    assert_eq!(
        report.quarantined.len(),
        1,
        "the banner lists this visit's value"
    );
    assert_eq!(report.kept_aside.len(), 2);
    let listed = report.quarantined[0].kept_at.clone();
    assert_eq!(report.discardable(), vec![listed.clone()]);
    assert_eq!(
        tab.workspace.unreadable_values().len(),
        2,
        "offered for download"
    );

    assert_eq!(tab.workspace.discard_unreadable(), Ok(()));
    assert_eq!(value(&store, &listed), None);
    assert!(
        value(&store, &earlier).is_some(),
        "not listed, still set aside"
    );
    assert!(tab.workspace.report().quarantined.is_empty());
    assert_eq!(tab.workspace.report().kept_aside, vec![earlier]);
    assert_eq!(load(&*store).expect("loads").plans.len(), plans.len() - 2);
}

#[test]
fn what_could_not_be_discarded_stays_listed() {
    let plans = example();
    let store = store_with(&plans);
    damage(&store, &plans[1]);
    let mut tab = Tab::open(&store);
    let listed = tab.workspace.report().quarantined[0].kept_at.clone();
    store.refuse_writes(true);

    let refused = tab.workspace.discard_unreadable().expect_err("refused");
    assert_eq!(
        refused,
        NotDiscarded {
            kept: vec![listed.clone()]
        }
    );
    assert_eq!(
        refused.to_string(),
        "Some unreadable data could not be deleted; it is still set aside."
    );
    assert!(value(&store, &listed).is_some());
    assert_eq!(tab.workspace.report().quarantined.len(), 1);
    assert_eq!(tab.workspace.report().kept_aside, vec![listed]);
}

// ---------------------------------------------------------------- the storage figure

#[test]
fn storage_used_counts_two_bytes_a_character_of_pilotdecks_keys_and_values() {
    let store = Rc::new(MemoryStore::new());
    // 14 characters of key; "é" is one UTF-16 unit, "🚀" two.
    store.set("pilotdeck/v1/x", "é🚀").expect("set");
    store.set("pilotdeck/v1/y", "").expect("set");
    store.set("another-app/key", "not ours").expect("set");
    let tab = Tab::open(&store);
    let ours = [("pilotdeck/v1/x", 3), ("pilotdeck/v1/y", 0)];
    let expected: usize = ours.iter().map(|(k, units)| 2 * (k.len() + units)).sum();
    assert_eq!(tab.workspace.storage_used(), expected);
    assert_eq!(expected, 62);

    let plans = store_with(&example()[..2]);
    let tab = Tab::open(&plans);
    let all: usize = plans
        .keys()
        .expect("keys")
        .iter()
        .map(|k| {
            2 * (k.encode_utf16().count()
                + value(&plans, k).expect("a value").encode_utf16().count())
        })
        .sum();
    assert_eq!(tab.workspace.storage_used(), all);
}

// ---------------------------------------------------------------- plans shared live

#[test]
fn a_plan_joined_from_a_link_is_saved_with_the_index_and_later_merges_replace_it() {
    let plans = example();
    // A browser that never held a plan.
    let store = Rc::new(MemoryStore::new());
    let mut tab = Tab::open(&store);
    let joined = plans[4].clone();
    assert!(tab
        .workspace
        .apply_shared(&mut tab.portfolio, joined.clone()));
    assert_eq!(tab.save().error, None);
    assert_eq!(stored_ids(&store), vec![joined.id.clone()]);
    let index = value(&store, INDEX_KEY).expect("an index");
    assert!(index.contains(&joined.id.0), "the index lists it: {index}");

    // The same plan again changes nothing; a merged edit replaces it, keeping the local rev.
    let same = tab.plan(&joined.id).clone();
    assert!(!tab.workspace.apply_shared(&mut tab.portfolio, same));
    let mut merged = tab.plan(&joined.id).clone();
    merged.name = "Renamed by the partner".into();
    merged.rev = 99;
    assert!(tab.workspace.apply_shared(&mut tab.portfolio, merged));
    assert_eq!(tab.save().error, None);
    let stored = load(&*store).expect("loads");
    let kept = stored
        .plans
        .iter()
        .find(|p| p.id == joined.id)
        .expect("kept");
    assert_eq!(kept.name, "Renamed by the partner");
    assert_ne!(kept.rev, 99, "the rev counts this device's saves");
}
