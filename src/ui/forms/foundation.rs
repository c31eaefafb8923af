//! The foundation: the shared objective, one to three key results, who owns and sponsors the
//! pilot on each side, and the rhythm of syncs.

use super::PlanForm;
use crate::domain::limits::{MAX_KEY_RESULTS, MAX_NAME_CHARS};
use crate::domain::wizard::Field;
use crate::domain::{Cadence, KeyResult};
use crate::ui::components::field::{
    no_problem, CadenceField, DateField, NumberField, Problem, TextField,
};
use leptos::prelude::*;

#[component]
pub fn FoundationForm(form: PlanForm) -> impl IntoView {
    let ideas = form.suggestions();
    view! {
        <TextField
            id=form.id("objective")
            label="Shared objective"
            hint="One sentence both sides would sign."
            value=form.text(|p| &p.foundation.objective)
            on_change=form.setter(|p, v| p.foundation.objective = v)
            problem=form.problem(Field::Objective)
            multiline=true
            autofocus=form.is_guided()
            suggestions=ideas.map(|t| vec![t.objective]).unwrap_or_default()
        />
        <KeyResultsForm form=form />
        <fieldset class="field-group">
            <legend>"Governance"</legend>
            <div class="field-row">
                <TextField
                    id=form.id("gov-our-owner")
                    max=MAX_NAME_CHARS
                    label="Our owner"
                    value=form.text(|p| &p.foundation.governance.our_owner)
                    on_change=form.setter(|p, v| p.foundation.governance.our_owner = v)
                    problem=form.problem(Field::GovernanceOurOwner)
                />
                <TextField
                    id=form.id("gov-their-owner")
                    max=MAX_NAME_CHARS
                    label="Their owner"
                    value=form.text(|p| &p.foundation.governance.their_owner)
                    on_change=form.setter(|p, v| p.foundation.governance.their_owner = v)
                    problem=form.problem(Field::GovernanceTheirOwner)
                />
            </div>
            <div class="field-row">
                <TextField
                    id=form.id("gov-our-sponsor")
                    max=MAX_NAME_CHARS
                    label="Our sponsor"
                    value=form.text(|p| &p.foundation.governance.our_sponsor)
                    on_change=form.setter(|p, v| p.foundation.governance.our_sponsor = v)
                    problem=form.problem(Field::OurSponsor)
                />
                <TextField
                    id=form.id("gov-their-sponsor")
                    max=MAX_NAME_CHARS
                    label="Their sponsor"
                    value=form.text(|p| &p.foundation.governance.their_sponsor)
                    on_change=form.setter(|p, v| p.foundation.governance.their_sponsor = v)
                    problem=form.problem(Field::TheirSponsor)
                />
            </div>
            <TextField
                id=form.id("decision-rule")
                label="Decision rule"
                hint="How joint decisions are made (optional)."
                value=form.text(|p| &p.foundation.governance.decision_rule)
                on_change=form.setter(|p, v| p.foundation.governance.decision_rule = v)
                problem=no_problem()
            />
            <TextField
                id=form.id("escalation")
                label="Escalation"
                hint="Who decides when the owners can't (optional)."
                value=form.text(|p| &p.foundation.governance.escalation)
                on_change=form.setter(|p, v| p.foundation.governance.escalation = v)
                problem=no_problem()
            />
        </fieldset>
        <fieldset class="field-group">
            <legend>"Rhythm"</legend>
            <div class="field-row">
                <CadenceField
                    id=form.id("cadence")
                    value=Signal::derive(move || {
                        form.read(Cadence::default(), |p| p.foundation.rhythm.cadence_days)
                    })
                    on_change=Callback::new(move |c| {
                        form.edit(|p| p.foundation.rhythm.cadence_days = c)
                    })
                />
                <DateField
                    id=form.id("next-sync")
                    label="Next sync"
                    value=Signal::derive(move || {
                        form.read(None, |p| p.foundation.rhythm.next_sync_on)
                    })
                    on_change=Callback::new(move |v| {
                        form.edit(|p| p.foundation.rhythm.next_sync_on = v)
                    })
                    problem=form.problem(Field::NextSync)
                />
                // The wizard sets the review date at launch; a running plan moves it here.
                <Show when=move || form.is_dated()>
                    <DateField
                        id=form.id("review-on")
                        label="30-day review on"
                        value=Signal::derive(move || {
                            form.read(None, |p| p.foundation.rhythm.review_on)
                        })
                        on_change=Callback::new(move |v| {
                            form.edit(|p| p.foundation.rhythm.review_on = v)
                        })
                        problem=no_problem()
                    />
                </Show>
            </div>
        </fieldset>
    }
}

/// The key results, each with its name, numbers and unit, and "Add key result" (up to three);
/// guided, the partner kind's starters too.
#[component]
pub fn KeyResultsForm(form: PlanForm) -> impl IntoView {
    let count = Memo::new(move |_| form.read(0, |p| p.foundation.key_results.len()));
    let starters = form.suggestions().map(|ideas| {
        let use_starters = move |_| form.edit(|p| ideas.use_starters(&mut p.foundation));
        view! {
            <p class="field-hint">
                {format!("Starter key results for {}: ", ideas.kind.a_pilot())}
                <button type="button" class="chip" on:click=use_starters>
                    "Use the starters"
                </button>
            </p>
        }
    });
    view! {
        <fieldset class="field-group">
            <legend>"Key results (one to three)"</legend>
            {starters}
            // A row keeps its index: when one is removed, the rows after it show the next one.
            <For each=move || 0..count.get() key=|index| *index let:index>
                <KeyResultFields form=form index=index />
            </For>
            // "Add at least one" is said where the first one's name goes.
            <Show when=move || count.get() == 0>
                <Problem id=form.id("kr-0-name") problem=form.problem(Field::KeyResultName(0)) />
            </Show>
            <button
                type="button"
                class="button small"
                disabled=move || { count.get() >= MAX_KEY_RESULTS }
                on:click=move |_| {
                    form.edit(|p| {
                        p.foundation.add_key_result();
                    })
                }
            >
                "Add key result"
            </button>
        </fieldset>
    }
}

/// The name, numbers and unit of the key result at `index`.
#[component]
fn KeyResultFields(form: PlanForm, index: usize) -> impl IntoView {
    let kr = move || form.read(None, |p| p.foundation.key_results.get(index).cloned());
    let write = move |change: Box<dyn FnOnce(&mut KeyResult)>| {
        form.edit(|p| {
            if let Some(kr) = p.foundation.key_results.get_mut(index) {
                change(kr)
            }
        })
    };
    let with_due = form.is_dated();
    view! {
        <div class="kr-row" class:with-due=with_due>
            <TextField
                id=form.id(&format!("kr-{index}-name"))
                label="Key result"
                value=Signal::derive(move || kr().map(|k| k.name).unwrap_or_default())
                on_change=Callback::new(move |v: String| write(Box::new(move |k| k.name = v)))
                problem=form.problem(Field::KeyResultName(index))
            />
            <NumberField
                not_numbers=form.not_numbers()
                id=form.id(&format!("kr-{index}-baseline"))
                label="Baseline"
                value=Signal::derive(move || kr().map(|k| k.baseline))
                on_change=Callback::new(move |v: Option<f64>| write(
                    Box::new(move |k| k.baseline = v.unwrap_or(0.0)),
                ))
                problem=no_problem()
            />
            <NumberField
                not_numbers=form.not_numbers()
                id=form.id(&format!("kr-{index}-target"))
                label="Target"
                value=Signal::derive(move || kr().map(|k| k.target))
                on_change=Callback::new(move |v: Option<f64>| write(
                    Box::new(move |k| k.target = v.unwrap_or(0.0)),
                ))
                problem=form.problem(Field::KeyResultTarget(index))
            />
            <TextField
                id=form.id(&format!("kr-{index}-unit"))
                max=MAX_NAME_CHARS
                label="Unit"
                value=Signal::derive(move || kr().map(|k| k.unit).unwrap_or_default())
                on_change=Callback::new(move |v: String| write(Box::new(move |k| k.unit = v)))
                problem=no_problem()
            />
            // Without a date of its own, a key result is due when the pilot's cycle ends.
            {with_due
                .then(|| {
                    view! {
                        <DateField
                            id=form.id(&format!("kr-{index}-due"))
                            label="Due"
                            value=Signal::derive(move || kr().and_then(|k| k.due_on))
                            on_change=Callback::new(move |v| write(Box::new(move |k| k.due_on = v)))
                            problem=no_problem()
                        />
                    }
                })}
            <button
                type="button"
                class="button small quiet"
                on:click=move |_| form.edit(|p| p.foundation.remove_key_result(index))
            >
                "Remove"
                <span class="visually-hidden">{format!(" key result {}", index + 1)}</span>
            </button>
        </div>
    }
}
