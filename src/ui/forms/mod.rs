//! The plan's forms — partner, timing, the fastest joint win, the foundation and a step —
//! written once and drawn by the wizard and by the plan page. Each takes a [`PlanForm`]: how
//! to read and change the plan, what to say next to each field, the prefix of its field ids,
//! and whether the wizard guides it (the partner kind's suggestions, the first field focused,
//! numbers that are not numbers yet held back).

mod fastest_win;
mod foundation;
mod partner;
mod steps;
mod timing;

pub use fastest_win::FastestWinForm;
pub use foundation::{FoundationForm, KeyResultsForm};
pub use partner::PartnerForm;
pub use steps::{SidePicker, StepAt, StepFields};
pub use timing::TimingForm;

use crate::domain::templates::{template, Template};
use crate::domain::wizard::{Field, FieldProblem};
use crate::domain::{PartnerKind, Plan};
use chrono::NaiveDate;
use leptos::prelude::*;
use std::sync::Arc;

/// The one way a form changes its plan: the wizard's draft is made on the first change, a
/// stored plan is changed in place.
type Write = Arc<dyn Fn(&mut dyn FnMut(&mut Plan)) + Send + Sync>;

/// One plan as its forms see it. `Copy`, so each field's closures hold it.
#[derive(Clone, Copy)]
pub struct PlanForm {
    plan: Memo<Option<Plan>>,
    write: StoredValue<Write>,
    problems: Signal<Vec<FieldProblem>>,
    /// Today: answering the timing confirms it today, a step's due date is committed from today.
    pub today: Signal<NaiveDate>,
    prefix: &'static str,
    /// The number fields whose text is not a number, when the wizard guides the form: the plan
    /// still holds their last number, so "Next" waits for them.
    not_numbers: Option<RwSignal<Vec<String>>>,
    /// The dates a running plan moves by hand (the review, a key result's own due date): on
    /// the plan page, not in the wizard (it sets them at launch) nor on a slide.
    dated: bool,
}

impl PlanForm {
    /// A form on `plan` that changes it through `write`, with no problems to show, unguided.
    pub fn new(
        plan: Memo<Option<Plan>>,
        today: Signal<NaiveDate>,
        write: impl Fn(&mut dyn FnMut(&mut Plan)) + Send + Sync + 'static,
    ) -> Self {
        let write: Write = Arc::new(write);
        Self {
            plan,
            write: StoredValue::new(write),
            problems: Signal::derive(Vec::new),
            today,
            prefix: "",
            not_numbers: None,
            dated: false,
        }
    }

    /// Shows the dates a running plan moves by hand.
    pub fn dated(self) -> Self {
        Self {
            dated: true,
            ..self
        }
    }

    pub fn is_dated(&self) -> bool {
        self.dated
    }

    /// Field ids start with `prefix` and a hyphen, for a page that shows the same form twice.
    pub fn prefixed(self, prefix: &'static str) -> Self {
        Self { prefix, ..self }
    }

    /// Each problem is said next to its field.
    pub fn with_problems(self, problems: Signal<Vec<FieldProblem>>) -> Self {
        Self { problems, ..self }
    }

    /// The wizard's help: the partner kind's suggestions, the first field focused, and the
    /// number fields whose text is not a number listed in `not_numbers`.
    pub fn guided(self, not_numbers: RwSignal<Vec<String>>) -> Self {
        Self {
            not_numbers: Some(not_numbers),
            ..self
        }
    }

    pub fn is_guided(&self) -> bool {
        self.not_numbers.is_some()
    }

    pub fn not_numbers(&self) -> Option<RwSignal<Vec<String>>> {
        self.not_numbers
    }

    /// The id of the field called `name` in this form.
    pub fn id(&self, name: &str) -> String {
        if self.prefix.is_empty() {
            name.to_string()
        } else {
            format!("{}-{name}", self.prefix)
        }
    }

    /// Reads from the plan (tracked), with `fallback` while there is none.
    pub fn read<T>(&self, fallback: T, read: impl FnOnce(&Plan) -> T) -> T {
        self.plan.with(|p| p.as_ref().map(read).unwrap_or(fallback))
    }

    pub fn edit(&self, change: impl FnOnce(&mut Plan)) {
        let mut change = Some(change);
        self.write.with_value(|write| {
            write(&mut |plan| {
                if let Some(change) = change.take() {
                    change(plan);
                }
            })
        });
    }

    pub fn text(&self, read: fn(&Plan) -> &String) -> Signal<String> {
        let form = *self;
        Signal::derive(move || form.read(String::new(), |p| read(p).clone()))
    }

    pub fn setter(&self, write: fn(&mut Plan, String)) -> Callback<String> {
        let form = *self;
        Callback::new(move |value: String| form.edit(|p| write(p, value)))
    }

    /// What to say next to `field`, if anything.
    pub fn problem(&self, field: Field) -> Signal<Option<String>> {
        let problems = self.problems;
        Signal::derive(move || {
            problems.with(|all| {
                all.iter()
                    .find(|p| p.field == field)
                    .map(|p| p.message.clone())
            })
        })
    }

    pub fn kind(&self) -> PartnerKind {
        self.read(PartnerKind::Other, |p| p.partner.kind)
    }

    /// What the template of the plan's partner kind suggests for a field, when the wizard guides
    /// the form (nothing otherwise).
    pub fn suggest(&self, pick: fn(&Template) -> &'static [&'static str]) -> Vec<&'static str> {
        self.suggestions()
            .map(|t| pick(t).to_vec())
            .unwrap_or_default()
    }

    /// The template of the plan's partner kind, when the wizard guides the form; taken once, as
    /// the form is drawn.
    pub fn suggestions(&self) -> Option<&'static Template> {
        self.is_guided().then(|| {
            template(
                self.plan
                    .with_untracked(|p| p.as_ref().map(|p| p.partner.kind))
                    .unwrap_or(PartnerKind::Other),
            )
        })
    }
}
