//! Saving only what changed: the plans edited since the last save, and the index when plans
//! were added or removed. A failed write keeps everything pending, so nothing is lost in memory
//! and the next save tries again. A plan that would not load again (a name past its length,
//! say) is never written: the last sound version stays stored, and the plan is reported.

use super::keys::{plan_key, trash_key, INDEX_KEY};
use super::record::{
    decode_index, decode_plan, encode_index, encode_plan, encode_trashed, stored_rev,
};
use super::store::{KeyValueStore, StorageError};
use crate::domain::validate::validate_plan;
use crate::domain::{PlanId, Portfolio, Trashed};

/// What is waiting to be written. The lists are short (the plans touched in one pause), so
/// they are plain vectors without duplicates.
#[derive(Debug, Default)]
pub struct Autosave {
    changed: Vec<PlanId>,
    removed: Vec<PlanId>,
    /// Plans moved to the trash: written there before their own key is removed.
    trashed: Vec<PlanId>,
    /// Trash entries to remove (restored, or deleted for good).
    untrashed: Vec<PlanId>,
    index_changed: bool,
    /// Plans whose stored value is unreadable and kept in place: never written over.
    protected: Vec<PlanId>,
    /// Plans removed or trashed in this tab: the index loses them even if another tab's
    /// index still lists them.
    removed_here: Vec<PlanId>,
    /// Plans kept in step live with another window (workshop mode): a newer save of theirs is
    /// no conflict, since this tab already holds its edits.
    live: Vec<PlanId>,
    /// Plans whose edits met a newer save in another tab: they wait for the user's choice, and
    /// until then they are unsaved edits, which another save of that tab never replaces.
    conflicted: Vec<PlanId>,
    read_only: bool,
}

fn insert(list: &mut Vec<PlanId>, id: &PlanId) {
    if !list.contains(id) {
        list.push(id.clone());
    }
}

/// A plan that was written, with the revision it was written at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub id: PlanId,
    pub rev: u64,
}

impl Autosave {
    pub fn new(protected: Vec<PlanId>, read_only: bool) -> Self {
        Self {
            protected,
            read_only,
            ..Self::default()
        }
    }

    pub fn plan_changed(&mut self, id: &PlanId) {
        insert(&mut self.changed, id);
    }

    pub fn plan_added(&mut self, id: &PlanId) {
        self.removed.retain(|r| r != id);
        self.removed_here.retain(|r| r != id);
        insert(&mut self.changed, id);
        self.index_changed = true;
    }

    pub fn plan_removed(&mut self, id: &PlanId) {
        self.changed.retain(|c| c != id);
        insert(&mut self.removed, id);
        insert(&mut self.removed_here, id);
        self.index_changed = true;
    }

    /// Whether this tab has a change to the plan that is not saved yet.
    pub fn is_unsaved(&self, id: &PlanId) -> bool {
        self.changed.contains(id) || self.conflicted.contains(id)
    }

    /// Drops the unsaved change to a plan: the user took another tab's newer version, or kept
    /// theirs as a copy.
    pub fn discard_change(&mut self, id: &PlanId) {
        self.changed.retain(|c| c != id);
        self.conflicted.retain(|c| c != id);
    }

    /// Marks a plan as kept in step live with another window.
    pub fn plan_live(&mut self, id: &PlanId) {
        insert(&mut self.live, id);
    }

    pub fn is_live(&self, id: &PlanId) -> bool {
        self.live.contains(id)
    }

    /// A plan moved from the portfolio to the trash.
    pub fn plan_trashed(&mut self, id: &PlanId) {
        self.changed.retain(|c| c != id);
        self.untrashed.retain(|u| u != id);
        insert(&mut self.trashed, id);
        insert(&mut self.removed_here, id);
        self.index_changed = true;
    }

    /// A plan taken back out of the trash into the portfolio.
    pub fn plan_restored(&mut self, id: &PlanId) {
        self.trashed.retain(|t| t != id);
        insert(&mut self.untrashed, id);
        self.plan_added(id);
    }

    /// A plan deleted from the trash for good.
    pub fn plan_forgotten(&mut self, id: &PlanId) {
        let before = self.trashed.len();
        self.trashed.retain(|t| t != id);
        if self.trashed.len() != before {
            // Its deletion was never saved: the plan's own key is still there and must go too.
            insert(&mut self.removed, id);
        }
        insert(&mut self.untrashed, id);
    }

    /// Rewrites the index on the next save (after a load could not repair it).
    pub fn index_changed(&mut self) {
        self.index_changed = true;
    }

    pub fn is_pending(&self) -> bool {
        !self.changed.is_empty()
            || !self.removed.is_empty()
            || !self.trashed.is_empty()
            || !self.untrashed.is_empty()
            || self.index_changed
    }

    pub fn is_protected(&self, id: &PlanId) -> bool {
        self.protected.contains(id)
    }

    /// Writes what is pending. Each plan is written with its revision plus one; the caller
    /// records the returned revisions in memory. A plan another tab saved at a newer revision
    /// is not written over: it is returned as a conflict for the user to settle. On error, what
    /// was not written stays pending.
    pub fn flush(
        &mut self,
        store: &dyn KeyValueStore,
        portfolio: &Portfolio,
        trash: &[Trashed],
    ) -> Flushed {
        let mut flushed = Flushed::default();
        if let Err(error) = self.write_pending(store, portfolio, trash, &mut flushed) {
            flushed.error = Some(error);
        }
        flushed
    }

    fn write_pending(
        &mut self,
        store: &dyn KeyValueStore,
        portfolio: &Portfolio,
        trash: &[Trashed],
        flushed: &mut Flushed,
    ) -> Result<(), StorageError> {
        if !self.is_pending() {
            return Ok(());
        }
        if self.read_only {
            return Err(StorageError::ReadOnly);
        }
        // Removals first: they only free room, and in a full store they are what lets the
        // writes after them succeed (the user deleted plans to make room).
        while let Some(id) = self.removed.first().cloned() {
            if !self.protected.contains(&id) {
                store.remove(&plan_key(&id))?;
            }
            self.removed.remove(0);
        }
        while let Some(id) = self.changed.first().cloned() {
            match portfolio.get(&id) {
                Some(plan) if !self.protected.contains(&id) => {
                    let key = plan_key(&id);
                    let stored = store.get(&key)?.as_deref().and_then(stored_rev);
                    let newer_elsewhere = stored.filter(|rev| *rev > plan.rev);
                    match newer_elsewhere {
                        Some(_) if !self.live.contains(&id) => {
                            insert(&mut self.conflicted, &id);
                            flushed.conflicts.push(id.clone());
                        }
                        _ => {
                            let mut next = plan.clone();
                            next.rev = plan.rev.max(newer_elsewhere.unwrap_or(0)) + 1;
                            // What loading would refuse is not written over what it would read.
                            match validate_plan(&next).into_iter().next() {
                                Some(problem) => flushed.refused.push(Refused {
                                    id: id.clone(),
                                    problem: problem.to_string(),
                                }),
                                None => {
                                    store.set(&key, &encode_plan(&next))?;
                                    flushed.saved.push(Saved {
                                        id: id.clone(),
                                        rev: next.rev,
                                    });
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
            self.changed.remove(0);
        }
        while let Some(id) = self.trashed.first().cloned() {
            if let Some(entry) = trash.iter().find(|t| t.plan.id == id) {
                // The copy in the trash is written before the plan's own key goes.
                if let Some(copy) = trash_copy(store, entry)? {
                    store.set(&trash_key(&id), &copy)?;
                }
                if !self.protected.contains(&id) {
                    store.remove(&plan_key(&id))?;
                }
            }
            self.trashed.remove(0);
        }
        let mut next = 0;
        while let Some(id) = self.untrashed.get(next).cloned() {
            // A restored plan refused above is not stored under its own key: its trash copy is
            // the only one, and it stays until the plan is written.
            if flushed.refused.iter().any(|r| r.id == id) {
                next += 1;
                continue;
            }
            // Restored plans were written above, so the trash copy is no longer needed.
            store.remove(&trash_key(&id))?;
            self.untrashed.remove(next);
        }
        if self.index_changed {
            let mut ids: Vec<PlanId> = portfolio
                .ids()
                .into_iter()
                .chain(self.protected.iter().cloned())
                .collect();
            // Plans another tab added that this one has not shown yet stay in the index.
            if let Some(Ok(stored)) = store.get(INDEX_KEY)?.as_deref().map(decode_index) {
                for id in stored.plan_ids {
                    let kept = !ids.contains(&id) && !self.removed_here.contains(&id);
                    if kept && store.get(&plan_key(&id))?.is_some() {
                        ids.push(id);
                    }
                }
            }
            store.set(INDEX_KEY, &encode_index(&ids))?;
            self.index_changed = false;
        }
        Ok(())
    }
}

/// What the trash keeps of a deleted plan: the plan as it was, or, when that would not load
/// again (an edit refused for a blank name, say), the last sound version stored under its own
/// key, so the trash never holds a value the next load would set aside. `None` when no sound
/// version was ever stored.
fn trash_copy(store: &dyn KeyValueStore, entry: &Trashed) -> Result<Option<String>, StorageError> {
    if validate_plan(&entry.plan).is_empty() {
        return Ok(Some(encode_trashed(entry)));
    }
    let stored = store.get(&plan_key(&entry.plan.id))?;
    let sound = stored.and_then(|raw| decode_plan(&raw, &entry.plan.id).ok());
    Ok(sound.map(|plan| {
        encode_trashed(&Trashed {
            deleted_at: entry.deleted_at,
            plan,
        })
    }))
}

/// A plan left unwritten, and the first thing that keeps it from loading again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub id: PlanId,
    pub problem: String,
}

/// The outcome of a save: what was written, and the error that stopped it, if any.
#[derive(Debug, Default)]
pub struct Flushed {
    pub saved: Vec<Saved>,
    /// Plans not written because another tab saved a newer version: the user chooses.
    pub conflicts: Vec<PlanId>,
    /// Plans not written because they would not load again; each is written once it is sound.
    pub refused: Vec<Refused>,
    pub error: Option<StorageError>,
}
