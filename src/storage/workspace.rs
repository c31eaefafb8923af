//! The workspace: the rules of one session with the user's plans, in plain Rust behind the
//! [`KeyValueStore`] seam, so they run in native tests exactly as they run in the browser.
//!
//! It owns the store and everything the session remembers beside the plans: what waits to be
//! saved ([`Autosave`]), where deleted plans stood and how to undo the last import (the undo
//! memory), newer versions other tabs saved of plans this tab was changing (the conflicts), and
//! what the storage banners report. It does not own the plans themselves. The caller holds the
//! portfolio and the trash (the app keeps them in signals, so screens redraw from them) and
//! lends them to each operation; an operation takes only what it may change, and returns what
//! it did — a [`Deleted`] plan with its name and place, a [`Flushed`] save with its revisions,
//! new conflicts and refused plans, the [`External`] change another tab made — so that the
//! caller announces exactly what changed and words its own notices.
//!
//! Time and new ids are parameters (`now`, `copy_id`), never read inside. When to save is the
//! caller's choice too ([`Workspace::flush`]: the app saves at once after a deletion, about
//! 300 ms after an edit, and when the page is hidden); only [`Workspace::import`] saves by
//! itself, because an import is all or nothing and that depends on the write.
//!
//! Changes made elsewhere — another tab's save today, a shared plan's remote edits later — come
//! in through [`Workspace::on_external`], so they meet the same undo memory and conflicts.

use super::autosave::{Autosave, Flushed};
use super::keys::{plan_id_of, plan_key, QUARANTINE_PREFIX};
use super::load::{load, Quarantined};
use super::record::decode_plan;
use super::store::{KeyValueStore, MemoryStore, StorageError};
use super::tabs::{external_change, my_copy, External, Mine};
use super::view::{load_last_export, load_view, save_last_export, save_view};
use crate::domain::import::{Import, Snapshot};
use crate::domain::overview::View;
use crate::domain::{Added, Plan, PlanId, Portfolio, Trashed};
use chrono::{DateTime, Utc};

/// What the storage banners say.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StorageReport {
    /// Storage could not be used at all: the app runs in memory.
    pub unavailable: Option<StorageError>,
    /// The stored data is from a newer Pilotdeck: shown, never written.
    pub read_only: bool,
    /// Values set aside as unreadable in this load.
    pub quarantined: Vec<Quarantined>,
    /// Keys holding values set aside, by this load or earlier ones.
    pub kept_aside: Vec<String>,
    /// The last save failed; the edits are kept in memory.
    pub save_error: Option<SaveError>,
    /// Plans whose edits are not written because the plan would not load again.
    pub unsaved: Vec<Unsaved>,
}

impl StorageReport {
    /// Where the values the banner lists were moved aside: what "Discard" deletes. A value left
    /// in its place (data from a newer version, or one that could not be moved) is never among
    /// them, nor is one set aside by an earlier visit, which the banner does not list.
    pub fn discardable(&self) -> Vec<String> {
        if self.read_only {
            return Vec::new();
        }
        self.quarantined
            .iter()
            .filter(|q| q.kept_at.starts_with(QUARANTINE_PREFIX))
            .map(|q| q.kept_at.clone())
            .collect()
    }
}

/// A plan kept in memory only, until what keeps it from loading again is fixed.
#[derive(Debug, Clone, PartialEq)]
pub struct Unsaved {
    pub id: PlanId,
    pub name: String,
    pub problem: String,
}

/// Why the last save failed, as the banner says it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    #[error("Browser storage is full — your changes are kept in this tab; export now.")]
    Full,
    #[error("{0} Your changes are kept in this tab only.")]
    Refused(StorageError),
}

impl From<StorageError> for SaveError {
    fn from(error: StorageError) -> Self {
        match error {
            StorageError::QuotaExceeded => SaveError::Full,
            other => SaveError::Refused(other),
        }
    }
}

/// Why an import was taken back whole.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("there is not enough room left in this browser's storage for these plans")]
    NoRoom,
    #[error("{0}")]
    Storage(StorageError),
}

impl From<StorageError> for ImportError {
    fn from(error: StorageError) -> Self {
        match error {
            StorageError::QuotaExceeded => ImportError::NoRoom,
            other => ImportError::Storage(other),
        }
    }
}

/// Some of the unreadable values the banner lists could not be deleted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Some unreadable data could not be deleted; it is still set aside.")]
pub struct NotDiscarded {
    /// Where those values are still kept.
    pub kept: Vec<String>,
}

/// A plan moved to the trash, and where it stood in the portfolio.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deleted {
    pub id: PlanId,
    pub name: String,
    pub at: usize,
}

/// A plan brought back from the trash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    pub id: PlanId,
    pub name: String,
}

/// This tab's version of a plan, kept as a new plan beside another tab's newer one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copied {
    pub id: PlanId,
    pub name: String,
}

/// A workspace just opened, and the plans it read.
pub struct Opened {
    pub workspace: Workspace,
    pub portfolio: Portfolio,
    pub trash: Vec<Trashed>,
}

/// One session with the user's plans: the store, what waits to be saved, what can be undone,
/// the conflicts with other tabs, and what the storage banners report.
pub struct Workspace {
    store: Box<dyn KeyValueStore>,
    autosave: Autosave,
    /// Where plans deleted in this session stood in the portfolio, so a restore puts each back
    /// there.
    deleted_from: Vec<(PlanId, usize)>,
    /// How to undo the last import, until it is undone or another one replaces it.
    last_import: Option<Snapshot>,
    /// Newer versions other tabs saved of plans this tab was changing: the user chooses.
    conflicts: Vec<Plan>,
    report: StorageReport,
}

impl Workspace {
    /// Reads and checks everything in `store`, and starts from what could be read. A store that
    /// cannot be read at all is left alone: the session runs in memory and the report says why.
    pub fn open(store: Box<dyn KeyValueStore>) -> Opened {
        let loaded = match load(store.as_ref()) {
            Ok(loaded) => loaded,
            Err(error) => return Self::in_memory(error),
        };
        let mut autosave = Autosave::new(loaded.protected, loaded.read_only);
        if loaded.index_stale {
            autosave.index_changed();
        }
        let report = StorageReport {
            read_only: loaded.read_only,
            quarantined: loaded.quarantined,
            kept_aside: loaded.kept_aside,
            ..StorageReport::default()
        };
        Opened {
            workspace: Self::new(store, autosave, report),
            portfolio: Portfolio::new(loaded.plans),
            trash: loaded.trash,
        }
    }

    /// A session in memory, for when the browser's storage cannot be used (`why`).
    pub fn in_memory(why: StorageError) -> Opened {
        let report = StorageReport {
            unavailable: Some(why),
            ..StorageReport::default()
        };
        Opened {
            workspace: Self::new(Box::new(MemoryStore::new()), Autosave::default(), report),
            portfolio: Portfolio::default(),
            trash: Vec::new(),
        }
    }

    fn new(store: Box<dyn KeyValueStore>, autosave: Autosave, report: StorageReport) -> Self {
        Self {
            store,
            autosave,
            deleted_from: Vec::new(),
            last_import: None,
            conflicts: Vec::new(),
            report,
        }
    }

    /// What the storage banners say.
    pub fn report(&self) -> &StorageReport {
        &self.report
    }

    /// Newer versions other tabs saved of plans this tab was changing.
    pub fn conflicts(&self) -> &[Plan] {
        &self.conflicts
    }

    /// The portfolio's search, filters and order, as last kept.
    pub fn saved_view(&self) -> View {
        load_view(self.store.as_ref())
    }

    /// Keeps the portfolio's view for the next visit (a preference: a refusal is not reported).
    pub fn keep_view(&self, view: &View) {
        if !self.report.read_only {
            let _ = save_view(self.store.as_ref(), view);
        }
    }

    /// When plans were last exported to a file, on this device.
    pub fn last_export(&self) -> Option<DateTime<Utc>> {
        load_last_export(self.store.as_ref())
    }

    /// Remembers that plans were exported `at`.
    pub fn record_export(&self, at: DateTime<Utc>) {
        if !self.report.read_only {
            let _ = save_last_export(self.store.as_ref(), at);
        }
    }

    /// Adds the plans whose ids are new (and not held by an unreadable stored value), marking
    /// them for the next save.
    pub fn add(&mut self, portfolio: &mut Portfolio, plans: Vec<Plan>) -> Added {
        let plans = plans
            .into_iter()
            .filter(|p| !self.autosave.is_protected(&p.id))
            .collect();
        let added = portfolio.add_new(plans);
        for id in &added.added {
            self.autosave.plan_added(id);
        }
        added
    }

    /// Changes one plan at `now` and marks it for the next save; false when there is no such
    /// plan.
    pub fn edit(
        &mut self,
        portfolio: &mut Portfolio,
        id: &PlanId,
        now: DateTime<Utc>,
        change: impl FnOnce(&mut Plan),
    ) -> bool {
        let edited = portfolio.edit(id, now, change);
        if edited {
            self.autosave.plan_changed(id);
        }
        edited
    }

    /// Moves a plan to the trash at `now`, remembering where it stood; `None` when there is no
    /// such plan.
    pub fn delete(
        &mut self,
        portfolio: &mut Portfolio,
        trash: &mut Vec<Trashed>,
        id: &PlanId,
        now: DateTime<Utc>,
    ) -> Option<Deleted> {
        let at = portfolio.position(id)?;
        let plan = portfolio.remove(id)?;
        self.deleted_from.retain(|(deleted, _)| deleted != id);
        self.deleted_from.push((id.clone(), at));
        let name = plan.name.clone();
        trash.insert(
            0,
            Trashed {
                deleted_at: now,
                plan,
            },
        );
        self.autosave.plan_trashed(id);
        Some(Deleted {
            id: id.clone(),
            name,
            at,
        })
    }

    /// Moves every example plan to the trash in one action.
    pub fn remove_examples(
        &mut self,
        portfolio: &mut Portfolio,
        trash: &mut Vec<Trashed>,
        now: DateTime<Utc>,
    ) -> Vec<Deleted> {
        let examples: Vec<PlanId> = portfolio
            .plans()
            .iter()
            .filter(|plan| plan.example)
            .map(|plan| plan.id.clone())
            .collect();
        examples
            .iter()
            .filter_map(|id| self.delete(portfolio, trash, id, now))
            .collect()
    }

    /// Brings a plan back from the trash, where it stood when it was deleted in this session
    /// (last when it was deleted in another tab, or before a reload); `None` when it is not in
    /// the trash.
    pub fn restore(
        &mut self,
        portfolio: &mut Portfolio,
        trash: &mut Vec<Trashed>,
        id: &PlanId,
    ) -> Option<Restored> {
        let index = trash.iter().position(|t| &t.plan.id == id)?;
        let trashed = trash.remove(index);
        let name = trashed.plan.name.clone();
        let at = self
            .deleted_from
            .iter()
            .position(|(deleted, _)| deleted == id)
            .map(|i| self.deleted_from.remove(i).1);
        portfolio.put_back(trashed.plan, at.unwrap_or(usize::MAX));
        self.autosave.plan_restored(id);
        Some(Restored {
            id: id.clone(),
            name,
        })
    }

    /// Brings back plans deleted together, last first, so each goes back into the place it was
    /// taken from.
    pub fn restore_all(
        &mut self,
        portfolio: &mut Portfolio,
        trash: &mut Vec<Trashed>,
        ids: &[PlanId],
    ) -> Vec<Restored> {
        ids.iter()
            .rev()
            .filter_map(|id| self.restore(portfolio, trash, id))
            .collect()
    }

    /// Deletes a plan from the trash for good (from storage too, on the next save); false when
    /// it was not in this tab's trash.
    pub fn forget(&mut self, trash: &mut Vec<Trashed>, id: &PlanId) -> bool {
        let before = trash.len();
        trash.retain(|t| &t.plan.id != id);
        self.autosave.plan_forgotten(id);
        trash.len() != before
    }

    /// Applies an import in one change and saves it. All or nothing: when storage cannot take
    /// all of it (full, say), it is taken back whole, what it wrote is removed again, and the
    /// reason is returned. Once saved, it can be undone with [`Workspace::undo_import`].
    pub fn import(
        &mut self,
        portfolio: &mut Portfolio,
        trash: &[Trashed],
        import: Import,
    ) -> Result<Snapshot, ImportError> {
        let snapshot = import.apply(portfolio);
        for plan in &snapshot.replaced {
            self.autosave.plan_changed(&plan.id);
        }
        for id in &snapshot.added {
            self.autosave.plan_added(id);
        }
        if let Some(error) = self.flush(portfolio, trash).error {
            self.take_back(portfolio, &snapshot);
            self.flush(portfolio, trash);
            return Err(error.into());
        }
        self.last_import = Some(snapshot.clone());
        Ok(snapshot)
    }

    /// Puts the portfolio back as it was before the last import; false when there is none to
    /// undo.
    pub fn undo_import(&mut self, portfolio: &mut Portfolio) -> bool {
        let Some(snapshot) = self.last_import.take() else {
            return false;
        };
        self.take_back(portfolio, &snapshot);
        true
    }

    /// Puts the portfolio back as it was before an import, and marks what that changes for
    /// the next save.
    fn take_back(&mut self, portfolio: &mut Portfolio, snapshot: &Snapshot) {
        snapshot.undo(portfolio);
        for id in &snapshot.added {
            self.autosave.plan_removed(id);
        }
        for plan in &snapshot.replaced {
            self.autosave.plan_changed(&plan.id);
        }
    }

    /// Writes everything pending. Records the written revisions in `portfolio`, takes newer
    /// versions other tabs saved of plans changed here as conflicts, keeps the list of plans
    /// left unwritten up to date, and reports the error that stopped the save, if one did (what
    /// was not written stays pending).
    pub fn flush(&mut self, portfolio: &mut Portfolio, trash: &[Trashed]) -> Flushed {
        let flushed = self.autosave.flush(self.store.as_ref(), portfolio, trash);
        for id in &flushed.conflicts {
            let stored = self.store.get(&plan_key(id)).ok().flatten();
            if let Some(newer) = stored.and_then(|raw| decode_plan(&raw, id).ok()) {
                self.add_conflict(newer);
            }
        }
        // The revision is bookkeeping for other tabs; it changes nothing the user sees.
        for saved in &flushed.saved {
            portfolio.set_rev(&saved.id, saved.rev);
        }
        self.note_unsaved(portfolio, &flushed);
        self.report.save_error = flushed.error.clone().map(SaveError::from);
        flushed
    }

    /// Whether anything waits to be saved.
    pub fn is_pending(&self) -> bool {
        self.autosave.is_pending()
    }

    /// Keeps the list of plans left unwritten up to date: a plan leaves it once it is written
    /// or gone, and joins it (or changes its reason) when a save refuses it.
    fn note_unsaved(&mut self, portfolio: &Portfolio, flushed: &Flushed) {
        let unsaved = &mut self.report.unsaved;
        unsaved.retain(|u| {
            portfolio.get(&u.id).is_some() && !flushed.saved.iter().any(|s| s.id == u.id)
        });
        for refused in &flushed.refused {
            let Some(plan) = portfolio.get(&refused.id) else {
                continue;
            };
            let entry = Unsaved {
                id: refused.id.clone(),
                name: plan.shown_name().to_string(),
                problem: refused.problem.clone(),
            };
            match unsaved.iter_mut().find(|u| u.id == refused.id) {
                Some(slot) => *slot = entry,
                None => unsaved.push(entry),
            }
        }
    }

    fn add_conflict(&mut self, theirs: Plan) {
        self.conflicts.retain(|p| p.id != theirs.id);
        self.conflicts.push(theirs);
    }

    /// Applies another tab's change of `key` to `new_value` (`None` when removed): its newer
    /// plans are taken, a newer save of a plan this tab is changing becomes a conflict for the
    /// user to settle, and the trash stays in step. Returns the change, as applied.
    pub fn on_external(
        &mut self,
        portfolio: &mut Portfolio,
        trash: &mut Vec<Trashed>,
        key: &str,
        new_value: Option<&str>,
    ) -> External {
        let id = plan_id_of(key);
        let mine = Mine {
            plan: id.as_ref().and_then(|id| portfolio.get(id)),
            unsaved: id.as_ref().is_some_and(|id| self.autosave.is_unsaved(id)),
            live: id.as_ref().is_some_and(|id| self.autosave.is_live(id)),
        };
        let change = external_change(key, new_value, mine);
        match &change {
            External::Take(plan) => {
                self.conflicts.retain(|p| p.id != plan.id);
                if !portfolio.replace(plan.clone()) {
                    portfolio.add_new(vec![plan.clone()]);
                }
            }
            External::Conflict(plan) => self.add_conflict(plan.clone()),
            External::Revision(id, rev) => portfolio.set_rev(id, *rev),
            External::Gone(id) => {
                portfolio.remove(id);
            }
            // Deleted in another tab while this one holds unsaved edits of it: the edits keep
            // the plan, so it is restored, not listed in the trash as well.
            External::TrashAdded(trashed)
                if portfolio.contains(&trashed.plan.id)
                    && self.autosave.is_unsaved(&trashed.plan.id) =>
            {
                self.autosave.plan_restored(&trashed.plan.id);
            }
            External::TrashAdded(trashed) => {
                if !trash.iter().any(|t| t.plan.id == trashed.plan.id) {
                    trash.insert(0, trashed.clone());
                }
            }
            External::TrashRemoved(id) => trash.retain(|t| &t.plan.id != id),
            External::Nothing => {}
        }
        change
    }

    fn take_conflict(&mut self, id: &PlanId) -> Option<Plan> {
        let at = self.conflicts.iter().position(|p| &p.id == id)?;
        Some(self.conflicts.remove(at))
    }

    /// Settles a conflict by taking the newer version another tab saved, dropping this tab's
    /// unsaved change; false when there is no conflict about plan `id`.
    pub fn take_newer(&mut self, portfolio: &mut Portfolio, id: &PlanId) -> bool {
        let Some(theirs) = self.take_conflict(id) else {
            return false;
        };
        self.autosave.discard_change(id);
        portfolio.replace(theirs);
        true
    }

    /// Settles a conflict by keeping both: the newer version under the plan's id, this tab's
    /// version as a new plan `copy_id` named "… (my copy)", marked for the next save.
    pub fn keep_mine_as_copy(
        &mut self,
        portfolio: &mut Portfolio,
        id: &PlanId,
        copy_id: PlanId,
    ) -> Option<Copied> {
        let theirs = self.take_conflict(id)?;
        let mine = portfolio.get(id)?.clone();
        self.autosave.discard_change(id);
        portfolio.replace(theirs);
        let copy = my_copy(mine, copy_id);
        let copied = Copied {
            id: copy.id.clone(),
            name: copy.name.clone(),
        };
        self.add(portfolio, vec![copy]);
        Some(copied)
    }

    /// Takes a plan as another window of this browser just edited it (workshop mode's deck and
    /// presenter view). That window saves it, so nothing is marked here; an edit made here
    /// afterwards saves the plan with both windows' changes. False when nothing changed.
    pub fn adopt(&mut self, portfolio: &mut Portfolio, plan: Plan) -> bool {
        self.autosave.plan_live(&plan.id);
        portfolio.get(&plan.id) != Some(&plan) && portfolio.replace(plan)
    }

    /// Takes a plan as the shared document now says it is (a merge of everyone's edits), and
    /// marks it to be saved: it replaces this device's version, or joins the portfolio when
    /// this device did not have it. A shared plan is kept in step by its document, so another
    /// tab's save of it is no conflict. False when nothing changed.
    pub fn apply_shared(&mut self, portfolio: &mut Portfolio, plan: Plan) -> bool {
        let id = plan.id.clone();
        self.autosave.plan_live(&id);
        match portfolio.get(&id) {
            Some(mine) if *mine == plan => false,
            Some(mine) => {
                let mut plan = plan;
                plan.rev = mine.rev;
                let changed = portfolio.replace(plan);
                if changed {
                    self.autosave.plan_changed(&id);
                }
                changed
            }
            // A plan joined from a link: new here, so the index lists it too.
            None => {
                let added = !portfolio.add_new(vec![plan]).added.is_empty();
                if added {
                    self.autosave.plan_added(&id);
                }
                added
            }
        }
    }

    /// Marks a plan as shared live: another tab's save of it merges through the document.
    pub fn shared(&mut self, id: &PlanId) {
        self.autosave.plan_live(id);
    }

    /// Whether closing now would lose edits: a save that cannot be written (a full store, data
    /// from a newer version), a plan that would not load again, a version kept here while
    /// another tab's newer one waits for the user's choice, or edits made while the browser's
    /// storage could not be used at all.
    pub fn has_unkept_edits(&self) -> bool {
        !self.report.unsaved.is_empty()
            || !self.conflicts.is_empty()
            || self.autosave.is_pending()
            || (self.report.unavailable.is_some()
                && self.store.keys().is_ok_and(|keys| !keys.is_empty()))
    }

    /// Deletes, for good, the values set aside as unreadable that the banner lists (after the
    /// user chose "Discard"); the others stay set aside.
    pub fn discard_unreadable(&mut self) -> Result<(), NotDiscarded> {
        let listed = self.report.discardable();
        let kept: Vec<String> = listed
            .iter()
            .filter(|key| self.store.remove(key).is_err())
            .cloned()
            .collect();
        self.report
            .kept_aside
            .retain(|key| !listed.contains(key) || kept.contains(key));
        if !kept.is_empty() {
            return Err(NotDiscarded { kept });
        }
        self.report.quarantined.clear();
        Ok(())
    }

    /// The raw values set aside as unreadable, keyed by where they are kept.
    pub fn unreadable_values(&self) -> Vec<(String, String)> {
        self.report
            .kept_aside
            .iter()
            .filter_map(|key| {
                let raw = self.store.get(key).ok().flatten()?;
                Some((key.clone(), raw))
            })
            .collect()
    }

    /// Bytes of browser storage Pilotdeck's keys and values take (two bytes a character, as
    /// browsers count them).
    pub fn storage_used(&self) -> usize {
        self.store
            .keys()
            .unwrap_or_default()
            .into_iter()
            .filter(|k| k.starts_with("pilotdeck/"))
            .map(|k| {
                let value = self.store.get(&k).ok().flatten().unwrap_or_default();
                2 * (k.encode_utf16().count() + value.encode_utf16().count())
            })
            .sum()
    }
}
