//! The user's plans, in the order they were added, and the edits that change them.

use super::plan::{Plan, PlanId};
use chrono::{DateTime, Utc};

/// Every plan the user holds on this device.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Portfolio {
    plans: Vec<Plan>,
}

/// A deleted plan, kept so it can be restored.
#[derive(Debug, Clone, PartialEq)]
pub struct Trashed {
    pub deleted_at: DateTime<Utc>,
    pub plan: Plan,
}

/// What adding a batch of plans did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Added {
    pub added: Vec<PlanId>,
    /// Plans skipped because one with the same id is already here.
    pub already_here: Vec<PlanId>,
}

impl Portfolio {
    pub fn new(plans: Vec<Plan>) -> Self {
        Self { plans }
    }

    pub fn plans(&self) -> &[Plan] {
        &self.plans
    }

    pub fn len(&self) -> usize {
        self.plans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.plans.is_empty()
    }

    pub fn get(&self, id: &PlanId) -> Option<&Plan> {
        self.plans.iter().find(|p| &p.id == id)
    }

    pub fn contains(&self, id: &PlanId) -> bool {
        self.get(id).is_some()
    }

    pub fn ids(&self) -> Vec<PlanId> {
        self.plans.iter().map(|p| p.id.clone()).collect()
    }

    /// Adds the plans whose ids are not here yet; plans already here are left as they are.
    pub fn add_new(&mut self, plans: Vec<Plan>) -> Added {
        let mut outcome = Added::default();
        for plan in plans {
            if self.contains(&plan.id) {
                outcome.already_here.push(plan.id);
            } else {
                outcome.added.push(plan.id.clone());
                self.plans.push(plan);
            }
        }
        outcome
    }

    /// Applies `change` to one plan and stamps `updated_at`; false when there is no such plan.
    pub fn edit(
        &mut self,
        id: &PlanId,
        now: DateTime<Utc>,
        change: impl FnOnce(&mut Plan),
    ) -> bool {
        match self.plans.iter_mut().find(|p| &p.id == id) {
            Some(plan) => {
                change(plan);
                plan.updated_at = now.max(plan.created_at);
                true
            }
            None => false,
        }
    }

    /// Puts `plan` in place of the stored plan with its id, as it is (no new `updated_at`);
    /// false when there is no such plan.
    pub fn replace(&mut self, plan: Plan) -> bool {
        match self.plans.iter_mut().find(|p| p.id == plan.id) {
            Some(slot) => {
                *slot = plan;
                true
            }
            None => false,
        }
    }

    /// Sets a plan's revision after it was saved, without counting as an edit.
    pub fn set_rev(&mut self, id: &PlanId, rev: u64) {
        if let Some(plan) = self.plans.iter_mut().find(|p| &p.id == id) {
            plan.rev = rev;
        }
    }

    /// Where a plan stands in the order plans were added.
    pub fn position(&self, id: &PlanId) -> Option<usize> {
        self.plans.iter().position(|p| &p.id == id)
    }

    /// Puts a plan back where it stood (or last, if fewer plans are left); false when a plan
    /// with its id is already here.
    pub fn put_back(&mut self, plan: Plan, at: usize) -> bool {
        if self.contains(&plan.id) {
            return false;
        }
        self.plans.insert(at.min(self.plans.len()), plan);
        true
    }

    pub fn remove(&mut self, id: &PlanId) -> Option<Plan> {
        let index = self.plans.iter().position(|p| &p.id == id)?;
        Some(self.plans.remove(index))
    }
}
