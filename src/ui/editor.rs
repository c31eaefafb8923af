//! Editing one stored plan in place: read a field as a signal, write it on every keystroke.
//! Fields bound this way are not redrawn while typing, so focus and caret stay put.

use crate::domain::{Plan, PlanId};
use crate::ui::forms::PlanForm;
use crate::ui::state::AppState;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Editor {
    pub state: AppState,
    pub plan: Memo<Option<Plan>>,
    id: StoredValue<PlanId>,
}

impl Editor {
    pub fn new(state: AppState, id: PlanId, plan: Memo<Option<Plan>>) -> Self {
        Self {
            state,
            plan,
            id: StoredValue::new(id),
        }
    }

    pub fn id(&self) -> PlanId {
        self.id.get_value()
    }

    /// Reads from the plan (tracked), with `fallback` when it is gone.
    #[track_caller]
    pub fn read<T>(&self, fallback: T, read: impl FnOnce(&Plan) -> T) -> T {
        self.plan.with(|p| p.as_ref().map(read).unwrap_or(fallback))
    }

    /// Reads from the plan without tracking it: a starting value, kept when the plan changes.
    pub fn read_untracked<T>(&self, fallback: T, read: impl FnOnce(&Plan) -> T) -> T {
        self.plan
            .with_untracked(|p| p.as_ref().map(read).unwrap_or(fallback))
    }

    pub fn edit(&self, change: impl FnOnce(&mut Plan)) {
        self.state.edit_plan(&self.id.get_value(), change);
    }

    /// The plan's forms on this plan, their field ids starting with `prefix`.
    pub fn form(&self, prefix: &'static str) -> PlanForm {
        let editor = *self;
        PlanForm::new(self.plan, self.state.today.into(), move |change| {
            editor.edit(change)
        })
        .prefixed(prefix)
    }

    pub fn text(&self, read: fn(&Plan) -> &String) -> Signal<String> {
        let editor = *self;
        Signal::derive(move || editor.read(String::new(), |p| read(p).clone()))
    }

    pub fn setter(&self, write: fn(&mut Plan, String)) -> Callback<String> {
        let editor = *self;
        Callback::new(move |value: String| editor.edit(|p| write(p, value)))
    }
}
