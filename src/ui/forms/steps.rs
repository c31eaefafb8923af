//! One next step: what, owned by which side, whose name, due when.

use super::PlanForm;
use crate::domain::limits::MAX_NAME_CHARS;
use crate::domain::wizard::{next_step_slot, next_step_slots, slot_side, Field};
use crate::domain::{Plan, Side, Step};
use crate::ui::components::field::{no_problem, DateField, TextField};
use chrono::NaiveDate;
use leptos::prelude::*;

const SIDES: [Side; 3] = [Side::Ours, Side::Theirs, Side::Joint];

/// Which step a [`StepFields`] edits.
#[derive(Debug, Clone, PartialEq)]
pub enum StepAt {
    /// The wizard's next step `n` (0-based): the `n`th open step, added on its first edit.
    Slot(usize),
    /// A step in the plan, by its id.
    Id(String),
}

impl StepAt {
    fn find<'p>(&self, plan: &'p Plan) -> Option<&'p Step> {
        match self {
            StepAt::Slot(n) => next_step_slots(plan).get(*n).map(|&i| &plan.steps[i]),
            StepAt::Id(id) => plan.step(id),
        }
    }

    fn find_or_add<'p>(&self, plan: &'p mut Plan, today: NaiveDate) -> Option<&'p mut Step> {
        match self {
            StepAt::Slot(n) => {
                let i = next_step_slot(plan, *n, today);
                plan.steps.get_mut(i)
            }
            StepAt::Id(id) => plan.step_mut(id),
        }
    }

    /// The side shown while the step is not there.
    fn side(&self) -> Side {
        match self {
            StepAt::Slot(n) => slot_side(*n),
            StepAt::Id(_) => Side::Ours,
        }
    }
}

/// "Owned by": us, the partner, or both.
#[component]
pub fn SidePicker(
    #[prop(into)] id: String,
    #[prop(into)] value: Signal<Side>,
    on_change: Callback<Side>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>"Owned by"</label>
            <select
                id=id
                on:change=move |ev| {
                    let picked = event_target_value(&ev);
                    if let Some(side) = SIDES.into_iter().find(|s| s.owner_label() == picked) {
                        on_change.run(side);
                    }
                }
            >
                {SIDES
                    .into_iter()
                    .map(|s| {
                        view! {
                            <option selected=move || value.get() == s>{s.owner_label()}</option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A step's fields, with ids `step-<n>-…` for the wizard's slot `n` and `<id>-…` for a step in
/// the plan (after the form's prefix). Guided, the first slot suggests the partner kind's first
/// steps, and a step named after one takes its usual side.
#[component]
pub fn StepFields(form: PlanForm, at: StepAt) -> impl IntoView {
    let today = form.today;
    let base = form.id(&match &at {
        StepAt::Slot(n) => format!("step-{n}"),
        StepAt::Id(id) => id.clone(),
    });
    let slot = match at {
        StepAt::Slot(n) => Some(n),
        StepAt::Id(_) => None,
    };
    let problem = move |field: fn(usize) -> Field| match slot {
        Some(n) => form.problem(field(n)),
        None => no_problem(),
    };
    let ideas = form
        .suggestions()
        .map(|t| t.first_steps)
        .unwrap_or_default();
    let first = slot == Some(0) && form.is_guided();
    let at = StoredValue::new(at);
    let step = Memo::new(move |_| form.read(None, |p| at.with_value(|at| at.find(p).cloned())));
    let text = move |read: fn(&Step) -> &String| {
        Signal::derive(move || {
            step.with(|s| s.as_ref().map(|s| read(s).clone()).unwrap_or_default())
        })
    };
    let edit = move |change: Box<dyn FnOnce(&mut Step)>| {
        let today = today.get_untracked();
        form.edit(|p| {
            if let Some(step) = at.with_value(|at| at.find_or_add(p, today)) {
                change(step)
            }
        })
    };
    view! {
        <TextField
            id=format!("{base}-title")
            label="Step"
            value=text(|s| &s.title)
            on_change=Callback::new(move |v: String| edit(
                Box::new(move |s| {
                    if let Some((_, side)) = ideas.iter().find(|(t, _)| *t == v) {
                        s.owner_side = *side;
                    }
                    s.title = v;
                }),
            ))
            problem=problem(Field::StepTitle)
            autofocus=first
            suggestions=if first { ideas.iter().map(|(t, _)| *t).collect() } else { Vec::new() }
        />
        <div class="field-row">
            <SidePicker
                id=format!("{base}-side")
                value=Signal::derive(move || {
                    step.with(|s| {
                        s.as_ref().map_or_else(|| at.with_value(StepAt::side), |s| s.owner_side)
                    })
                })
                on_change=Callback::new(move |side| edit(Box::new(move |s| s.owner_side = side)))
            />
            <TextField
                id=format!("{base}-owner")
                max=MAX_NAME_CHARS
                label="Owner's name"
                value=text(|s| &s.owner_name)
                on_change=Callback::new(move |v: String| edit(Box::new(move |s| s.owner_name = v)))
                problem=problem(Field::StepOwner)
            />
            // A step being written has no committed day yet to slip from.
            <DateField
                id=format!("{base}-due")
                label="Due"
                value=Signal::derive(move || step.with(|s| s.as_ref().and_then(|s| s.due_on)))
                hint=slot
                    .is_none()
                    .then_some("Once the committed day has passed, a later date shows as slipped.")
                on_change=Callback::new(move |v| edit(
                    Box::new(move |s| s.set_due(v, today.get_untracked())),
                ))
                problem=problem(Field::StepDue)
            />
        </div>
    }
}
