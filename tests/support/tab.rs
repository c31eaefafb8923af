//! One tab of the app, natively: its workspace and the portfolio and trash it lends to it (the
//! app keeps those two in signals). Each method only passes the tab's own plans along.

use chrono::{DateTime, Utc};
use pilotdeck::domain::{Added, Plan, PlanId, Portfolio, Trashed};
use pilotdeck::storage::tabs::External;
use pilotdeck::storage::workspace::{Deleted, Restored};
use pilotdeck::storage::{Flushed, KeyValueStore, Opened, Workspace};
use std::rc::Rc;

pub struct Tab {
    pub workspace: Workspace,
    pub portfolio: Portfolio,
    pub trash: Vec<Trashed>,
}

impl Tab {
    /// Opens a tab on `store`, shared with the test (and with other tabs).
    pub fn open<S: KeyValueStore + 'static>(store: &Rc<S>) -> Self {
        let Opened {
            workspace,
            portfolio,
            trash,
        } = Workspace::open(Box::new(Rc::clone(store)));
        Self {
            workspace,
            portfolio,
            trash,
        }
    }

    pub fn add(&mut self, plans: Vec<Plan>) -> Added {
        self.workspace.add(&mut self.portfolio, plans)
    }

    pub fn edit(
        &mut self,
        id: &PlanId,
        now: DateTime<Utc>,
        change: impl FnOnce(&mut Plan),
    ) -> bool {
        self.workspace.edit(&mut self.portfolio, id, now, change)
    }

    pub fn delete(&mut self, id: &PlanId, now: DateTime<Utc>) -> Option<Deleted> {
        self.workspace
            .delete(&mut self.portfolio, &mut self.trash, id, now)
    }

    pub fn restore(&mut self, id: &PlanId) -> Option<Restored> {
        self.workspace
            .restore(&mut self.portfolio, &mut self.trash, id)
    }

    pub fn forget(&mut self, id: &PlanId) -> bool {
        self.workspace.forget(&mut self.trash, id)
    }

    pub fn save(&mut self) -> Flushed {
        self.workspace.flush(&mut self.portfolio, &self.trash)
    }

    /// What this tab hears when another tab changes `key`.
    pub fn hear(&mut self, key: &str, new_value: Option<&str>) -> External {
        self.workspace
            .on_external(&mut self.portfolio, &mut self.trash, key, new_value)
    }

    pub fn plan(&self, id: &PlanId) -> &Plan {
        self.portfolio.get(id).expect("the plan is here")
    }
}
