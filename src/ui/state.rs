//! The app's state, provided as context: the portfolio (the only persisted source data) and the
//! trash in signals, the [`Workspace`] whose rules change them, the timers that save, and what
//! the banners and notices say.
//!
//! Every change to a plan goes through [`AppState`], which hands it to the workspace (where the
//! rules live and are tested natively), then announces exactly the signals the outcome says
//! changed and shows the notice for it. Edits are saved about 300 ms after the last one;
//! deleting, restoring and forgetting save at once. Saving reads the portfolio untracked, so
//! rendering never causes a write, and a save never runs before a load succeeded.

use crate::domain::import::{Import, Snapshot};
use crate::domain::overview::View;
use crate::domain::{Added, LogEntry, Plan, PlanId, Portfolio, Recorded, Step, Trashed};
use crate::storage::tabs::External;
use crate::storage::workspace::{ImportError, Opened};
use crate::storage::{BrowserStore, Workspace};
use crate::ui::router::{Route, Router};
use crate::ui::timing;
use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use std::time::Duration;

pub use crate::storage::workspace::{StorageReport, Unsaved};

/// How long edits settle before they are written.
const SAVE_DELAY: Duration = Duration::from_millis(300);
/// How soon a failed save is tried again.
const RETRY_DELAY: Duration = Duration::from_secs(3);

/// The session's rules and the timer that will save next.
struct Session {
    workspace: Workspace,
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
    /// What the workspace reports about storage, for the banners.
    pub storage: RwSignal<StorageReport>,
    /// A short message about the last action ("Added 9 example plans.") and the screen it
    /// belongs to: it is shown there only, so it does not follow the user elsewhere.
    pub notice: RwSignal<Option<Notice>>,
    router: Router,
    pub today: RwSignal<NaiveDate>,
    /// When plans were last exported to a file, on this device.
    pub last_export: RwSignal<Option<DateTime<Utc>>>,
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
        let Opened {
            workspace,
            portfolio,
            trash,
        } = match BrowserStore::open() {
            Ok(store) => Workspace::open(Box::new(store)),
            Err(error) => Workspace::in_memory(error),
        };
        Self {
            portfolio: RwSignal::new(portfolio),
            trash: RwSignal::new(trash),
            view: RwSignal::new(workspace.saved_view()),
            storage: RwSignal::new(workspace.report().clone()),
            notice: RwSignal::new(None),
            router,
            today: RwSignal::new(local_today()),
            last_export: RwSignal::new(workspace.last_export()),
            conflicts: RwSignal::new(Vec::new()),
            persisted: RwSignal::new(None),
            reminder_dismissed: RwSignal::new(false),
            session: StoredValue::new_local(Session {
                workspace,
                timer: None,
            }),
        }
    }

    /// Runs one of the workspace's operations on the portfolio and the trash without
    /// announcing either (the caller announces what the outcome says changed), then brings the
    /// banners and conflicts up to date. `None` once the state is gone.
    fn work<R>(
        &self,
        operation: impl FnOnce(&mut Workspace, &mut Portfolio, &mut Vec<Trashed>) -> R,
    ) -> Option<R> {
        let outcome = self.portfolio.try_update_untracked(|portfolio| {
            self.trash.try_update_untracked(|trash| {
                self.session
                    .try_update_value(|s| operation(&mut s.workspace, portfolio, trash))
            })
        });
        self.show_report();
        outcome.flatten().flatten()
    }

    /// Copies what the workspace reports into the banners' signals, each only when it changed.
    fn show_report(&self) {
        let changed = self.session.try_with_value(|s| {
            let report = s.workspace.report();
            let conflicts = s.workspace.conflicts();
            (
                self.storage
                    .with_untracked(|r| r != report)
                    .then(|| report.clone()),
                self.conflicts
                    .with_untracked(|c| c != conflicts)
                    .then(|| conflicts.to_vec()),
            )
        });
        let Some((report, conflicts)) = changed else {
            return;
        };
        if let Some(report) = report {
            self.storage.set(report);
        }
        if let Some(conflicts) = conflicts {
            self.conflicts.set(conflicts);
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
                let restored = self
                    .work(|w, portfolio, trash| w.restore_all(portfolio, trash, ids))
                    .unwrap_or_default();
                if !restored.is_empty() {
                    self.portfolio.notify();
                    self.trash.notify();
                    self.save_now();
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
        let deleted = self
            .work(|w, portfolio, trash| w.delete(portfolio, trash, id, now()))
            .flatten();
        let Some(deleted) = deleted else {
            return;
        };
        self.portfolio.notify();
        self.trash.notify();
        self.save_now();
        self.notice.set(Some(Notice {
            route: Route::Portfolio,
            text: format!("“{}” was moved to the trash.", deleted.name),
            undo: Some(Undo::Delete(deleted.id)),
        }));
    }

    /// Moves every example plan to the trash in one action; the notice offers to undo it.
    pub fn remove_examples(&self) {
        let removed = self
            .work(|w, portfolio, trash| w.remove_examples(portfolio, trash, now()))
            .unwrap_or_default();
        if removed.is_empty() {
            return;
        }
        self.portfolio.notify();
        self.trash.notify();
        self.save_now();
        let text = match removed.len() {
            1 => "The example plan was moved to the trash.".to_string(),
            n => format!("The {n} example plans were moved to the trash."),
        };
        self.notice.set(Some(Notice {
            route: Route::Portfolio,
            text,
            undo: Some(Undo::DeleteMany(
                removed.into_iter().map(|deleted| deleted.id).collect(),
            )),
        }));
    }

    /// Brings a plan back from the trash.
    pub fn restore_plan(&self, id: &PlanId) {
        let restored = self
            .work(|w, portfolio, trash| w.restore(portfolio, trash, id))
            .flatten();
        let Some(restored) = restored else { return };
        self.portfolio.notify();
        self.trash.notify();
        self.save_now();
        self.notify(format!("“{}” is back.", restored.name));
    }

    /// Deletes a plan from the trash for good.
    pub fn forget_plan(&self, id: &PlanId) {
        if self.work(|w, _, trash| w.forget(trash, id)) == Some(true) {
            self.trash.notify();
        }
        self.save_now();
    }

    /// Bytes of browser storage Pilotdeck's keys and values take (two bytes a character, as
    /// browsers count them).
    pub fn storage_used(&self) -> usize {
        self.session
            .try_with_value(|s| s.workspace.storage_used())
            .unwrap_or(0)
    }

    /// Changes the portfolio's view and keeps it for the next visit.
    pub fn set_view(&self, change: impl FnOnce(&mut View)) {
        self.view.update(change);
        let view = self.view.get_untracked();
        self.session.with_value(|s| s.workspace.keep_view(&view));
    }

    pub fn plan(&self, id: &PlanId) -> Option<Plan> {
        self.portfolio.with(|p| p.get(id).cloned())
    }

    /// Adds plans whose ids are new and saves them.
    pub fn add_plans(&self, plans: Vec<Plan>) -> Added {
        let added = self
            .work(|w, portfolio, _| w.add(portfolio, plans))
            .unwrap_or_default();
        self.portfolio.notify();
        self.schedule_save();
        added
    }

    /// Changes one plan and schedules its save.
    pub fn edit_plan(&self, id: &PlanId, change: impl FnOnce(&mut Plan)) {
        let edited = self.work(|w, portfolio, _| w.edit(portfolio, id, now(), change));
        if edited == Some(true) {
            self.portfolio.notify();
            self.schedule_save();
        }
    }

    /// Applies an import in one change and saves it; the notice offers to undo it. All or
    /// nothing: when storage cannot take all of it (full, say), it is taken back whole, what it
    /// wrote is removed again, and the reason is returned.
    pub fn import(&self, import: Import) -> Result<Snapshot, ImportError> {
        self.clear_timer();
        let imported = self.work(|w, portfolio, trash| {
            timing::measure(timing::SAVE, || w.import(portfolio, trash, import))
        });
        self.portfolio.notify();
        self.retry_while_unsaved();
        imported.unwrap_or_else(|| Ok(Snapshot::default()))
    }

    /// Puts the portfolio back as it was before the last import.
    pub fn undo_import(&self) {
        if self.work(|w, portfolio, _| w.undo_import(portfolio)) != Some(true) {
            return;
        }
        self.portfolio.notify();
        self.save_now();
        self.notify("The import was undone: your plans are as they were before it.");
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
        self.session.with_value(|s| s.workspace.record_export(at));
    }

    /// Asks the browser to keep this site's storage even when space runs low.
    pub fn ask_for_persistent_storage(&self) {
        let state = *self;
        leptos::task::spawn_local(async move {
            let answer = crate::ui::browser::persist_storage().await;
            state.persisted.set(answer);
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
        let change =
            self.work(|w, portfolio, trash| w.on_external(portfolio, trash, key, new_value));
        match change {
            Some(External::Take(_) | External::Gone(_)) => self.portfolio.notify(),
            Some(External::TrashAdded(_) | External::TrashRemoved(_)) => self.trash.notify(),
            // A conflict shows through the conflicts signal; a revision is bookkeeping for
            // other tabs and changes nothing on screen.
            Some(External::Conflict(_) | External::Revision(..) | External::Nothing) | None => {}
        }
    }

    /// Settles a conflict by taking the newer version another tab saved.
    pub fn take_newer(&self, id: &PlanId) {
        if self.work(|w, portfolio, _| w.take_newer(portfolio, id)) != Some(true) {
            return;
        }
        self.portfolio.notify();
        self.notify("You now see the newer version saved in the other tab.");
    }

    /// Settles a conflict by keeping both: the newer version under the plan's id, this tab's
    /// version as a new plan named "… (my copy)".
    pub fn keep_mine_as_copy(&self, id: &PlanId) {
        let copied = self
            .work(|w, portfolio, _| w.keep_mine_as_copy(portfolio, id, PlanId::random()))
            .flatten();
        let Some(copied) = copied else { return };
        self.portfolio.notify();
        self.save_now();
        self.notify(format!(
            "Both are kept: your version is now “{}”.",
            copied.name
        ));
    }

    /// Takes a plan as another window of this browser just edited it (workshop mode's deck and
    /// presenter view). That window saves it, so nothing is scheduled here; an edit made here
    /// afterwards saves the plan with both windows' changes.
    pub fn adopt_plan(&self, plan: Plan) {
        if self.work(|w, portfolio, _| w.adopt(portfolio, plan)) == Some(true) {
            self.portfolio.notify();
        }
    }

    /// Takes a shared plan as its document now says (everyone's edits merged), and saves it.
    pub fn apply_shared(&self, plan: Plan) {
        if self.work(|w, portfolio, _| w.apply_shared(portfolio, plan)) == Some(true) {
            self.portfolio.notify();
            self.schedule_save();
        }
    }

    /// Marks a plan as shared live: another tab's save of it is merged, not asked about.
    pub fn mark_shared(&self, id: &PlanId) {
        self.work(|w, _, _| w.shared(id));
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

    fn clear_timer(&self) {
        self.session.try_update_value(|s| {
            if let Some(timer) = s.timer.take() {
                timer.clear();
            }
        });
    }

    /// Writes everything pending now (also when the page is hidden or closed).
    pub fn save_now(&self) {
        self.clear_timer();
        self.work(|w, portfolio, trash| {
            timing::measure(timing::SAVE, || w.flush(portfolio, trash))
        });
        self.retry_while_unsaved();
    }

    /// A full store may get room again (the user deletes something, another tab frees space):
    /// after a failed save, keep trying while edits wait, without waiting for the next
    /// keystroke. Data from a newer version is never written, so that is not retried.
    fn retry_while_unsaved(&self) {
        let state = *self;
        self.session.try_update_value(|s| {
            let report = s.workspace.report();
            if report.save_error.is_some() && !report.read_only && s.timer.is_none() {
                s.timer = set_timeout_with_handle(move || state.save_now(), RETRY_DELAY).ok();
            }
        });
    }

    /// Whether closing the tab now would lose edits (see [`Workspace::has_unkept_edits`]).
    pub fn has_unkept_edits(&self) -> bool {
        self.session
            .try_with_value(|s| s.workspace.has_unkept_edits())
            .unwrap_or(false)
    }

    /// Deletes the values set aside as unreadable that the banner lists, for good (after the
    /// user chose "Discard").
    pub fn discard_unreadable(&self) {
        let Some(discarded) = self
            .session
            .try_update_value(|s| s.workspace.discard_unreadable())
        else {
            return;
        };
        self.show_report();
        match discarded {
            Ok(()) => self.notify("The unreadable data was deleted."),
            Err(not_discarded) => self.notify(not_discarded.to_string()),
        }
    }

    /// The raw values set aside as unreadable, keyed by where they are kept.
    pub fn unreadable_values(&self) -> Vec<(String, String)> {
        self.session
            .try_with_value(|s| s.workspace.unreadable_values())
            .unwrap_or_default()
    }
}
