//! The fastest joint win: one use case for one segment, the metric that says it worked, the
//! first win both teams can celebrate, what is out of scope, and when to stop.

use super::PlanForm;
use crate::domain::wizard::Field;
use crate::ui::components::field::{no_problem, NumberField, Suggestions, TextField};
use leptos::prelude::*;

#[component]
pub fn FastestWinForm(form: PlanForm) -> impl IntoView {
    let metrics = form.suggestions().map_or(&[][..], |t| t.metrics);
    let pick_metric = Callback::new(move |name: &'static str| {
        if let Some(idea) = metrics.iter().find(|m| m.name == name) {
            form.edit(|p| p.pilot.primary_metric = idea.metric());
        }
    });
    let number = move |read: fn(&crate::domain::Metric) -> Option<f64>| {
        Signal::derive(move || form.read(None, |p| read(&p.pilot.primary_metric)))
    };
    view! {
        <TextField
            id=form.id("use-case")
            label="One use case"
            hint="One narrow, winnable use case. Prove value, then scale."
            value=form.text(|p| &p.pilot.use_case)
            on_change=form.setter(|p, v| p.pilot.use_case = v)
            problem=form.problem(Field::UseCase)
            suggestions=form.suggest(|t| t.use_cases)
            autofocus=form.is_guided()
        />
        <TextField
            id=form.id("segment")
            label="Segment"
            hint="Which customers, region or product line the pilot covers."
            value=form.text(|p| &p.pilot.segment)
            on_change=form.setter(|p, v| p.pilot.segment = v)
            problem=form.problem(Field::Segment)
            suggestions=form.suggest(|t| t.segments)
        />
        <fieldset class="field-group">
            <legend>"The primary metric"</legend>
            <TextField
                id=form.id("metric-name")
                label="Metric"
                value=form.text(|p| &p.pilot.primary_metric.name)
                on_change=form.setter(|p, v| p.pilot.primary_metric.name = v)
                problem=form.problem(Field::MetricName)
            />
            <div class="field-row">
                <NumberField
                    not_numbers=form.not_numbers()
                    id=form.id("metric-baseline")
                    label="Baseline (today)"
                    value=number(|m| m.baseline)
                    on_change=Callback::new(move |v| {
                        form.edit(|p| p.pilot.primary_metric.baseline = v)
                    })
                    problem=form.problem(Field::MetricBaseline)
                />
                <NumberField
                    not_numbers=form.not_numbers()
                    id=form.id("metric-target")
                    label="Target"
                    value=number(|m| m.target)
                    on_change=Callback::new(move |v| {
                        form.edit(|p| p.pilot.primary_metric.target = v)
                    })
                    problem=form.problem(Field::MetricTarget)
                />
                <TextField
                    id=form.id("metric-unit")
                    label="Unit"
                    value=form.text(|p| &p.pilot.primary_metric.unit)
                    on_change=form.setter(|p, v| p.pilot.primary_metric.unit = v)
                    problem=no_problem()
                />
            </div>
            <Suggestions
                items=metrics.iter().map(|m| m.name).collect()
                on_pick=pick_metric
                label="Metric ideas"
            />
        </fieldset>
        <TextField
            id=form.id("fastest-win")
            label="The fastest joint win"
            hint="The first thing both teams can celebrate, within weeks."
            value=form.text(|p| &p.pilot.fastest_joint_win)
            on_change=form.setter(|p, v| p.pilot.fastest_joint_win = v)
            problem=form.problem(Field::FastestWin)
            suggestions=form.suggest(|t| t.fastest_wins)
            multiline=true
        />
        <OutOfScopeField form=form />
        <TextField
            id=form.id("stop-condition")
            label="Stop condition"
            hint="Agreed now, before you start: when would you stop?"
            value=form.text(|p| &p.pilot.stop_condition)
            on_change=form.setter(|p, v| p.pilot.stop_condition = v)
            problem=form.problem(Field::StopCondition)
            suggestions=form.suggest(|t| t.stop_conditions)
            multiline=true
        />
    }
}

/// What the pilot leaves out, one item per line; blank lines are dropped.
#[component]
fn OutOfScopeField(form: PlanForm) -> impl IntoView {
    fn items(text: &str) -> Vec<String> {
        text.lines()
            .map(str::to_string)
            .filter(|l| !l.trim().is_empty())
            .collect()
    }
    // The box follows the items, not every change to the plan: a line just started, or a blank
    // one, stays as typed until the items change.
    let held = Memo::new(move |_| form.read(Vec::new(), |p| p.pilot.out_of_scope.clone()));
    let add = Callback::new(move |text: &'static str| {
        form.edit(|p| {
            if !p.pilot.out_of_scope.iter().any(|t| t == text) {
                p.pilot.out_of_scope.push(text.to_string());
            }
        })
    });
    let id = form.id("out-of-scope");
    let hint = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id.clone()>"Out of scope"</label>
            <p class="field-hint" id=hint.clone()>
                "One item per line: what this pilot will not try to do."
            </p>
            <textarea
                id=id
                rows="3"
                aria-describedby=hint
                prop:value=move || held.with(|items| items.join("\n"))
                on:input=move |ev| {
                    let typed = items(&event_target_value(&ev));
                    form.edit(|p| p.pilot.out_of_scope = typed)
                }
            ></textarea>
            <Suggestions items=form.suggest(|t| t.out_of_scope) on_pick=add />
        </div>
    }
}
