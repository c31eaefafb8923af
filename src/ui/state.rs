//! The app's state, provided as context: the portfolio (the only persisted source data), the
//! storage session behind it, and what the banners report.
//!
//! Every change to a plan goes through [`AppState`], which marks exactly that plan for saving
//! and schedules one save about 300 ms after the last change. Saving reads the portfolio
//! untracked, so rendering never causes a write, and a save never runs before a load succeeded.

use crate::domain::import::{Import, Snapshot};
use crate::domain::overview::View;
use crate::domain::{Added, LogEntry, Plan, PlanId, Portfolio, Recorded, Step, Trashed};
use crate::storage::keys::{plan_id_of, plan_key, QUARANTINE_PREFIX};
use crate::storage::record::decode_plan;
use crate::storage::tabs::{external_change, my_copy, External, Mine};
use crate::storage::view::{load_last_export, load_view, save_last_export, save_view};
use crate::storage::{
    load, Autosave, BrowserStore, Flushed, KeyValueStore, MemoryStore, Quarantined, StorageError,
};
use crate::ui::router::{Route, Router};
use crate::ui::timing;
use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use std::time::Duration;

/// How long edits settle before they are written.
const SAVE_DELAY: Duration = Duration::from_millis(300);
/// How soon a failed save is tried again.
const RETRY_DELAY: Duration = Duration::from_secs(3);

/// What the storage banners say.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StorageReport {
    /// Storage could not be used at all: the app runs in memory.
    pub unavailable: Option<String>,
    /// The stored data is from a newer Pilotdeck: shown, never written.
    pub read_only: bool,
    /// Values set aside as unreadable in this load.
    pub quarantined: Vec<Quarantined>,
    /// Keys holding values set aside, by this load or earlier ones.
    pub kept_aside: Vec<String>,
    /// The last save failed; the edits are kept in memory.
    pub save_error: Option<String>,
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

/// The storage area and what is waiting to be written to it.
struct Session {
    store: Box<dyn KeyValueStore>,
    autosave: Autosave,
    timer: Option<TimeoutHandle>,
}

/// A short message on one screen, and what it offers to undo.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub route: Route,
    pub text: String,
    pub undo: Option<Undo>,
}

/// What a notice can undo.
#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    /// A deleted plan, brought back from the trash.
    Delete(PlanId),
    /// Plans deleted together (the examples), brought back together.
    DeleteMany(Vec<PlanId>),
    /// The last import, undone as a whole.
    Import,
    /// An entry just logged, taken back with what logging it changed (the next sync date, a
    /// manual band a sync ended).
    Logged { plan: PlanId, recorded: Recorded },
    /// A log entry deleted from the history, put back where it stood.
    EntryDeleted {
        plan: PlanId,
        at: usize,
        entry: LogEntry,
    },
    /// A deleted step, put back where it stood.
    StepDeleted { plan: PlanId, at: usize, step: Step },
}

impl Undo {
    /// The button's words.
    pub fn label(&self) -> &'static str {
        match self {
            Undo::Import => "Undo import",
            _ => "Undo",
        }
    }
}

/// The app's state and the only way to change it.
#[derive(Clone, Copy)]
pub struct AppState {
    pub portfolio: RwSignal<Portfolio>,
    /// Deleted plans, most recent first, until restored or deleted for good.
    pub trash: RwSignal<Vec<Trashed>>,
    /// The portfolio's search, filters and order.
    pub view: RwSignal<View>,
    pub storage: RwSignal<StorageReport>,
    /// A short message about the last action ("Added 9 example plans.") and the screen it
    /// belongs to: it is shown there only, so it does not follow the user elsewhere.
    pub notice: RwSignal<Option<Notice>>,
    router: Router,
    pub today: RwSignal<NaiveDate>,
    /// When plans were last exported to a file, on this device.
    pub last_export: RwSignal<Option<DateTime<Utc>>>,
    /// How to undo the last import, until it is undone or another one replaces it.
    last_import: StoredValue<Option<Snapshot>>,
    /// Where plans deleted in this tab stood in the portfolio, so "Undo" puts each back there.
    deleted_from: StoredValue<Vec<(PlanId, usize)>>,
    /// Newer versions other tabs saved of plans this tab was changing: the user chooses.
    pub conflicts: RwSignal<Vec<Plan>>,
    /// Whether the browser agreed to keep this site's storage under pressure (`None` until it
    /// answers, or where it cannot be asked).
    pub persisted: RwSignal<Option<bool>>,
    /// The export reminder was put off for this visit.
    pub reminder_dismissed: RwSignal<bool>,
    session: StoredValue<Session, LocalStorage>,
}

/// The current instant.
pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// The user's calendar day.
pub fn local_today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

impl AppState {
    /// Opens storage, reads and checks everything in it, and starts from what could be read.
    pub fn load(router: Router) -> Self {
        let mut report = StorageReport::default();
        let (store, loaded): (Box<dyn KeyValueStore>, _) = match BrowserStore::open() {
            Ok(store) => match load(&store) {
                Ok(loaded) => (Box::new(store), Some(loaded)),
                Err(error) => {
                    report.unavailable = Some(error.to_string());
                    (Box::new(MemoryStore::new()), None)
                }
            },
            Err(error) => {
                report.unavailable = Some(error.to_string());
                (Box::new(MemoryStore::new()), None)
            }
        };
        let view = load_view(store.as_ref());
        let last_export = load_last_export(store.as_ref());
        let (plans, trash, autosave) = match loaded {
            Some(loaded) => {
                report.read_only = loaded.read_only;
                report.quarantined = loaded.quarantined;
                report.kept_aside = loaded.kept_aside;
                let mut autosave = Autosave::new(loaded.protected, loaded.read_only);
                if loaded.index_stale {
                    autosave.index_changed();
                }
                (loaded.plans, loaded.trash, autosave)
            }
            None => (Vec::new(), Vec::new(), Autosave::default()),
        };
        Self {
            portfolio: RwSignal::new(Portfolio::new(plans)),
            trash: RwSignal::new(trash),
            view: RwSignal::new(view),
            storage: RwSignal::new(report),
            notice: RwSignal::new(None),
            router,
            today: RwSignal::new(local_today()),
            last_export: RwSignal::new(last_export),
            last_import: StoredValue::new(None),
            deleted_from: StoredValue::new(Vec::new()),
            conflicts: RwSignal::new(Vec::new()),
            persisted: RwSignal::new(None),
            reminder_dismissed: RwSignal::new(false),
            session: StoredValue::new_local(Session {
                store,
                autosave,
                timer: None,
            }),
        }
    }

    /// Shows a short message on the current screen.
    pub fn notify(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            route: self.router.current_untracked(),
            text: text.into(),
            undo: None,
        }));
    }

    /// Shows a message on the current screen with a button that undoes what it reports.
    pub fn notify_undo(&self, text: impl Into<String>, undo: Undo) {
        self.notice.set(Some(Notice {
            route: self.router.current_untracked(),
            text: text.into(),
            undo: Some(undo),
        }));
    }

    /// Logs an entry in a plan and says so, with "Undo" next to it.
    pub fn log_entry(&self, id: &PlanId, entry: LogEntry, said: String) {
        let mut recorded = None;
        self.edit_plan(id, |p| recorded = Some(p.record(entry)));
        if let Some(recorded) = recorded {
            self.notify_undo(
                said,
                Undo::Logged {
                    plan: id.clone(),
                    recorded,
                },
            );
        }
    }

    /// Undoes what a notice offered to undo (a deleted plan is handled by the notice, which
    /// also moves the keyboard to it).
    pub fn undo(&self, undo: &Undo) {
        match undo {
            Undo::Delete(id) => self.restore_plan(id),
            Undo::DeleteMany(ids) => {
                // Restored last first, so each goes back into the place it was taken from.
                for id in ids.iter().rev() {
                    self.restore_plan(id);
                }
                self.notify(match ids.len() {
                    1 => "The example plan is back.".to_string(),
                    n => format!("The {n} example plans are back."),
                });
            }
            Undo::Import => self.undo_import(),
            Undo::Logged { plan, recorded } => {
                let mut undone = false;
                self.edit_plan(plan, |p| undone = p.unrecord(recorded));
                self.notify(if undone {
                    "Undone: the entry is gone, and so is what it changed."
                } else {
                    "That entry is gone already."
                });
            }
            Undo::EntryDeleted { plan, at, entry } => {
                let entry = entry.clone();
                self.edit_plan(plan, |p| {
                    p.put_back_entry(*at, entry);
                });
                self.notify("The entry is back.");
            }
            Undo::StepDeleted { plan, at, step } => {
                let step = step.clone();
                self.edit_plan(plan, |p| {
                    p.put_back_step(*at, step);
                });
                self.notify("The step is back.");
            }
        }
    }

    /// The message for `route`, if there is one.
    pub fn notice_for(&self, route: &Route) -> Option<Notice> {
        self.notice
            .with(|n| n.as_ref().filter(|n| &n.route == route).cloned())
    }

    /// Moves a plan to the trash; the notice offers to undo it.
    pub fn delete_plan(&self, id: &PlanId) {
        let Some(name) = self.trash_plan(id) else {
            return;
        };
        self.save_now();
        self.notice.set(Some(Notice {
            route: Route::Portfolio,
            text: format!("“{name}” was moved to the trash."),
            undo: Some(Undo::Delete(id.clone())),
        }));
    }

    /// Moves every example plan to the trash in one action; the notice offers to undo it.
    pub fn remove_examples(&self) {
        let ids: Vec<PlanId> = self.portfolio.with_untracked(|p| {
            p.plans()
                .iter()
                .filter(|plan| plan.example)
                .map(|plan| plan.id.clone())
                .collect()
        });
        let removed: Vec<PlanId> = ids
            .into_iter()
            .filter(|id| self.trash_plan(id).is_some())
            .collect();
        if removed.is_empty() {
            return;
        }
        self.save_now();
        let text = match removed.len() {
            1 => "The example plan was moved to the trash.".to_string(),
            n => format!("The {n} example plans were moved to the trash."),
        };
        self.notice.set(Some(Notice {
            route: Route::Portfolio,
            text,
            undo: Some(Undo::DeleteMany(removed)),
        }));
    }

    /// Takes a plan out of the portfolio into the trash, remembering where it stood; its name,
    /// or `None` when there is no such plan.
    fn trash_plan(&self, id: &PlanId) -> Option<String> {
        let mut removed = None;
        self.portfolio.update(|p| {
            let at = p.position(id);
            removed = p.remove(id).zip(at);
        });
        let (plan, at) = removed?;
        self.deleted_from.update_value(|d| {
            d.retain(|(deleted, _)| deleted != id);
            d.push((id.clone(), at));
        });
        let name = plan.name.clone();
        self.trash.update(|t| {
            t.insert(
                0,
                Trashed {
                    deleted_at: now(),
                    plan,
                },
            )
        });
        self.session.update_value(|s| s.autosave.plan_trashed(id));
        Some(name)
    }

    /// Brings a plan back from the trash.
    pub fn restore_plan(&self, id: &PlanId) {
        let mut found = None;
        self.trash.update(|t| {
            if let Some(at) = t.iter().position(|x| &x.plan.id == id) {
                found = Some(t.remove(at));
            }
        });
        let Some(trashed) = found else { return };
        let name = trashed.plan.name.clone();
        let mut at = None;
        self.deleted_from.update_value(|d| {
            if let Some(i) = d.iter().position(|(deleted, _)| deleted == id) {
                at = Some(d.remove(i).1);
            }
        });
        // A plan deleted in another tab, or before a reload, has no place remembered: last.
        self.portfolio.update(|p| {
            p.put_back(trashed.plan, at.unwrap_or(usize::MAX));
        });
        self.session.update_value(|s| s.autosave.plan_restored(id));
        self.save_now();
        self.notify(format!("“{name}” is back."));
    }

    /// Deletes a plan from the trash for good.
    pub fn forget_plan(&self, id: &PlanId) {
        self.trash.update(|t| t.retain(|x| &x.plan.id != id));
        self.session.update_value(|s| s.autosave.plan_forgotten(id));
        self.save_now();
    }

    /// Bytes of browser storage Pilotdeck's keys and values take (two bytes a character, as
    /// browsers count them).
    pub fn storage_used(&self) -> usize {
        self.session.with_value(|s| {
            s.store
                .keys()
                .unwrap_or_default()
                .into_iter()
                .filter(|k| k.starts_with("pilotdeck/"))
                .map(|k| {
                    let value = s.store.get(&k).ok().flatten().unwrap_or_default();
                    2 * (k.encode_utf16().count() + value.encode_utf16().count())
                })
                .sum()
        })
    }

    /// Changes the portfolio's view and keeps it for the next visit.
    pub fn set_view(&self, change: impl FnOnce(&mut View)) {
        self.view.update(change);
        let view = self.view.get_untracked();
        let read_only = self.storage.with_untracked(|r| r.read_only);
        if !read_only {
            self.session.with_value(|s| {
                let _ = save_view(s.store.as_ref(), &view);
            });
        }
    }

    pub fn plan(&self, id: &PlanId) -> Option<Plan> {
        self.portfolio.with(|p| p.get(id).cloned())
    }

    /// Adds plans whose ids are new and saves them.
    pub fn add_plans(&self, plans: Vec<Plan>) -> Added {
        let protected: Vec<Plan> = self.session.with_value(|s| {
            plans
                .into_iter()
                .filter(|p| !s.autosave.is_protected(&p.id))
                .collect()
        });
        let mut added = Added::default();
        self.portfolio.update(|p| added = p.add_new(protected));
        self.session.update_value(|s| {
            for id in &added.added {
                s.autosave.plan_added(id);
            }
        });
        self.schedule_save();
        added
    }

    /// Changes one plan and schedules its save.
    pub fn edit_plan(&self, id: &PlanId, change: impl FnOnce(&mut Plan)) {
        let mut edited = false;
        self.portfolio
            .update(|p| edited = p.edit(id, now(), change));
        if edited {
            self.session.update_value(|s| s.autosave.plan_changed(id));
            self.schedule_save();
        }
    }

    /// Applies an import in one change and saves it; the notice offers to undo it. All or
    /// nothing: when storage cannot take all of it (full, say), it is taken back whole, what it
    /// wrote is removed again, and the reason is returned.
    pub fn import(&self, import: Import) -> Result<Snapshot, String> {
        let mut snapshot = Snapshot::default();
        self.portfolio.update(|p| snapshot = import.apply(p));
        self.session.update_value(|s| {
            for plan in &snapshot.replaced {
                s.autosave.plan_changed(&plan.id);
            }
            for id in &snapshot.added {
                s.autosave.plan_added(id);
            }
        });
        if let Some(error) = self.write_pending() {
            self.take_back(&snapshot);
            self.save_now();
            return Err(match error {
                StorageError::QuotaExceeded => {
                    "there is not enough room left in this browser's storage for these plans"
                        .to_string()
                }
                other => other.to_string(),
            });
        }
        self.last_import.set_value(Some(snapshot.clone()));
        Ok(snapshot)
    }

    /// Puts the portfolio back as it was before the last import.
    pub fn undo_import(&self) {
        let Some(snapshot) = self.last_import.try_update_value(Option::take).flatten() else {
            return;
        };
        self.take_back(&snapshot);
        self.save_now();
        self.notify("The import was undone: your plans are as they were before it.");
    }

    /// Puts the portfolio back as it was before an import, and marks what that changes for
    /// the next save.
    fn take_back(&self, snapshot: &Snapshot) {
        self.portfolio.update(|p| snapshot.undo(p));
        self.session.update_value(|s| {
            for id in &snapshot.added {
                s.autosave.plan_removed(id);
            }
            for plan in &snapshot.replaced {
                s.autosave.plan_changed(&plan.id);
            }
        });
    }

    /// Shows a message with an "Undo import" button on the current screen.
    pub fn notify_import(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            route: self.router.current_untracked(),
            text: text.into(),
            undo: Some(Undo::Import),
        }));
    }

    /// Remembers that plans were exported now (shown in settings).
    pub fn record_export(&self) {
        let at = now();
        self.last_export.set(Some(at));
        if !self.storage.with_untracked(|r| r.read_only) {
            self.session.with_value(|s| {
                let _ = save_last_export(s.store.as_ref(), at);
            });
        }
    }

    /// Asks the browser to keep this site's storage even when space runs low.
    pub fn ask_for_persistent_storage(&self) {
        let state = *self;
        leptos::task::spawn_local(async move {
            let answer = crate::ui::browser::persist_storage().await;
            state.persisted.set(answer);
        });
    }

    fn add_conflict(&self, theirs: Plan) {
        self.conflicts.update(|c| {
            c.retain(|p| p.id != theirs.id);
            c.push(theirs);
        });
    }

    /// Follows what other tabs save: their newer plans show here, a newer save of a plan this
    /// tab is changing asks the user, and the trash stays in step.
    pub fn follow_other_tabs(&self) -> impl FnOnce() + Send + Sync + 'static {
        let state = *self;
        let handle = window_event_listener_untyped("storage", move |event| {
            let Ok(event) = wasm_bindgen::JsCast::dyn_into::<web_sys::StorageEvent>(event) else {
                return;
            };
            let Some(key) = event.key() else { return };
            let new_value = event.new_value();
            state.on_external(&key, new_value.as_deref());
        });
        move || handle.remove()
    }

    /// Applies another tab's change of `key` to this tab.
    pub fn on_external(&self, key: &str, new_value: Option<&str>) {
        let id = plan_id_of(key);
        let change = self.portfolio.with_untracked(|p| {
            let plan = id.as_ref().and_then(|id| p.get(id));
            self.session.with_value(|s| {
                let mine = Mine {
                    plan,
                    unsaved: id.as_ref().is_some_and(|id| s.autosave.is_unsaved(id)),
                    live: id.as_ref().is_some_and(|id| s.autosave.is_live(id)),
                };
                external_change(key, new_value, mine)
            })
        });
        match change {
            External::Take(plan) => {
                self.conflicts.update(|c| c.retain(|p| p.id != plan.id));
                self.portfolio.update(|p| {
                    if !p.replace(plan.clone()) {
                        p.add_new(vec![plan]);
                    }
                });
            }
            External::Conflict(plan) => self.add_conflict(plan),
            External::Revision(id, rev) => self.portfolio.update_untracked(|p| p.set_rev(&id, rev)),
            External::Gone(id) => {
                self.portfolio.update(|p| {
                    p.remove(&id);
                });
            }
            External::TrashAdded(trashed) => self.trash.update(|t| {
                if !t.iter().any(|x| x.plan.id == trashed.plan.id) {
                    t.insert(0, trashed);
                }
            }),
            External::TrashRemoved(id) => self.trash.update(|t| t.retain(|x| x.plan.id != id)),
            External::Nothing => {}
        }
    }

    /// Settles a conflict by taking the newer version another tab saved.
    pub fn take_newer(&self, id: &PlanId) {
        let Some(theirs) = self.take_conflict(id) else {
            return;
        };
        self.session.update_value(|s| s.autosave.discard_change(id));
        self.portfolio.update(|p| {
            p.replace(theirs);
        });
        self.notify("You now see the newer version saved in the other tab.");
    }

    /// Settles a conflict by keeping both: the newer version under the plan's id, this tab's
    /// version as a new plan named "… (my copy)".
    pub fn keep_mine_as_copy(&self, id: &PlanId) {
        let Some(theirs) = self.take_conflict(id) else {
            return;
        };
        let Some(mine) = self.plan(id) else { return };
        self.session.update_value(|s| s.autosave.discard_change(id));
        self.portfolio.update(|p| {
            p.replace(theirs);
        });
        let copy = my_copy(mine, PlanId::random());
        let name = copy.name.clone();
        self.add_plans(vec![copy]);
        self.save_now();
        self.notify(format!("Both are kept: your version is now “{name}”."));
    }

    fn take_conflict(&self, id: &PlanId) -> Option<Plan> {
        let mut found = None;
        self.conflicts.update(|c| {
            if let Some(at) = c.iter().position(|p| &p.id == id) {
                found = Some(c.remove(at));
            }
        });
        found
    }

    /// Takes a plan as another window of this browser just edited it (workshop mode's deck and
    /// presenter view). That window saves it, so nothing is scheduled here; an edit made here
    /// afterwards saves the plan with both windows' changes.
    pub fn adopt_plan(&self, plan: Plan) {
        self.session
            .update_value(|s| s.autosave.plan_live(&plan.id));
        if self
            .portfolio
            .with_untracked(|p| p.get(&plan.id) != Some(&plan))
        {
            self.portfolio.update(|p| {
                p.replace(plan);
            });
        }
    }

    /// Saves about 300 ms after the last change.
    fn schedule_save(&self) {
        let state = *self;
        self.session.update_value(|s| {
            if let Some(timer) = s.timer.take() {
                timer.clear();
            }
            s.timer = set_timeout_with_handle(move || state.save_now(), SAVE_DELAY).ok();
        });
    }

    /// Writes everything pending now (also when the page is hidden or closed).
    pub fn save_now(&self) {
        self.write_pending();
    }

    /// Writes everything pending now; returns the storage error that stopped it, if one did.
    fn write_pending(&self) -> Option<StorageError> {
        let flushed = self.session.try_update_value(|s| {
            if let Some(timer) = s.timer.take() {
                timer.clear();
            }
            self.portfolio.with_untracked(|portfolio| {
                self.trash.with_untracked(|trash| {
                    timing::measure(timing::SAVE, || {
                        s.autosave.flush(s.store.as_ref(), portfolio, trash)
                    })
                })
            })
        });
        let flushed = flushed?;
        if !flushed.conflicts.is_empty() {
            let newer: Vec<Plan> = self.session.with_value(|s| {
                flushed
                    .conflicts
                    .iter()
                    .filter_map(|id| {
                        let raw = s.store.get(&plan_key(id)).ok().flatten()?;
                        decode_plan(&raw, id).ok()
                    })
                    .collect()
            });
            for plan in newer {
                self.add_conflict(plan);
            }
        }
        if !flushed.saved.is_empty() {
            // The revision is bookkeeping for other tabs; it changes nothing on screen.
            self.portfolio.update_untracked(|p| {
                for saved in &flushed.saved {
                    p.set_rev(&saved.id, saved.rev);
                }
            });
        }
        self.note_unsaved(&flushed);
        let failed = flushed.error.is_some();
        let message = flushed.error.as_ref().map(describe_save_error);
        if self.storage.with_untracked(|r| r.save_error != message) {
            self.storage.update(|r| r.save_error = message);
        }
        // A full store may get room again (the user deletes something, another tab frees
        // space): keep trying while edits wait, without waiting for the next keystroke.
        let read_only = self.storage.with_untracked(|r| r.read_only);
        if failed && !read_only {
            let state = *self;
            self.session.update_value(|s| {
                if s.timer.is_none() {
                    s.timer = set_timeout_with_handle(move || state.save_now(), RETRY_DELAY).ok();
                }
            });
        }
        flushed.error
    }

    /// Whether closing the tab now would lose edits: a save that cannot be written (a full
    /// store, data from a newer version), a plan that would not load again, a version kept here
    /// while another tab's newer one waits for the user's choice, or edits made while the
    /// browser's storage could not be used at all.
    pub fn has_unkept_edits(&self) -> bool {
        let (unsaved, in_memory) = self
            .storage
            .with_untracked(|r| (!r.unsaved.is_empty(), r.unavailable.is_some()));
        unsaved
            || self.conflicts.with_untracked(|c| !c.is_empty())
            || self
                .session
                .try_with_value(|s| {
                    s.autosave.is_pending()
                        || (in_memory && s.store.keys().is_ok_and(|keys| !keys.is_empty()))
                })
                .unwrap_or(false)
    }

    /// Keeps the list of plans left unwritten up to date: a plan leaves it once it is written
    /// or gone, and joins it (or changes its reason) when a save refuses it.
    fn note_unsaved(&self, flushed: &Flushed) {
        let unsaved = self.portfolio.with_untracked(|portfolio| {
            let mut unsaved = self.storage.with_untracked(|r| r.unsaved.clone());
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
            unsaved
        });
        if self.storage.with_untracked(|r| r.unsaved != unsaved) {
            self.storage.update(|r| r.unsaved = unsaved);
        }
    }

    /// Deletes the values set aside as unreadable that the banner lists, for good (after the
    /// user chose "Discard").
    pub fn discard_unreadable(&self) {
        let listed = self.storage.with_untracked(StorageReport::discardable);
        let mut kept = Vec::new();
        self.session.with_value(|s| {
            for key in &listed {
                if s.store.remove(key).is_err() {
                    kept.push(key.clone());
                }
            }
        });
        let all_gone = kept.is_empty();
        self.storage.update(|r| {
            r.kept_aside
                .retain(|key| !listed.contains(key) || kept.contains(key));
            if all_gone {
                r.quarantined.clear();
            }
        });
        if all_gone {
            self.notify("The unreadable data was deleted.");
        } else {
            self.notify("Some unreadable data could not be deleted; it is still set aside.");
        }
    }

    /// The raw values set aside as unreadable, keyed by where they are kept.
    pub fn unreadable_values(&self) -> Vec<(String, String)> {
        let keys = self.storage.with_untracked(|r| r.kept_aside.clone());
        self.session.with_value(|s| {
            keys.into_iter()
                .filter_map(|key| s.store.get(&key).ok().flatten().map(|raw| (key, raw)))
                .collect()
        })
    }
}

fn describe_save_error(error: &StorageError) -> String {
    match error {
        StorageError::QuotaExceeded => {
            "Browser storage is full — your changes are kept in this tab; export now.".into()
        }
        other => format!("{other} Your changes are kept in this tab only."),
    }
}
