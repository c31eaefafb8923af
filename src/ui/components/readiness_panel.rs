//! Launch readiness on the plan page: the checklist, why each item matters, and where to fix it.

use super::alert_list::AlertList;
use super::checklist::Checklist;
use crate::domain::scoring::{alerts, readiness, Section, MODEL};
use crate::domain::wizard::first_incomplete;
use crate::domain::{Plan, Stage};
use crate::ui::router::Route;
use leptos::prelude::*;

#[component]
pub fn ReadinessPanel(plan: Plan, today: chrono::NaiveDate) -> impl IntoView {
    let checklist = readiness(&plan, today, &MODEL);
    let percent = checklist.percent();
    let done = checklist.items.iter().filter(|i| i.done).count();
    let total = checklist.items.len();
    let ready = checklist.ready();
    // A draft or parked plan is fixed in the wizard; anything else on its own page.
    let id = plan.id.clone();
    let in_wizard = matches!(
        plan.stage,
        Stage::Exploring | Stage::Designing | Stage::Parked
    );
    let continue_href = Route::Wizard {
        draft: Some(id.clone()),
        step: first_incomplete(&plan, today, &MODEL),
    }
    .href();
    let fix_in = move |section: Section| {
        if in_wizard {
            Route::Wizard {
                draft: Some(id.clone()),
                step: section,
            }
            .href()
        } else {
            format!("{}#{}", Route::Plan(id.clone()).href(), section.anchor())
        }
    };
    let notes = alerts(&plan, today, &MODEL);
    view! {
        <section class="panel wide readiness-panel" aria-labelledby="readiness-heading">
            <div class="panel-head">
                <h2 id="readiness-heading">"Launch readiness"</h2>
                <p class="readiness-figure">
                    <span class="score-value" data-testid="readiness-score">
                        {format!("{percent}%")}
                    </span>
                    <span class="muted">{format!(" {done} of {total} launch gates hold")}</span>
                </p>
            </div>
            <span class="meter meter-wide" aria-hidden="true">
                <span class="meter-fill" style:width=format!("{percent}%")></span>
            </span>
            <p class="muted">
                {if ready {
                    "Every gate holds: this pilot is ready to launch its scrappy V1."
                } else {
                    "Launch waits until every gate holds: each one is a lesson from pilots that died quietly."
                }}
            </p>
            {(!notes.is_empty()).then(|| view! { <AlertList alerts=notes /> })}
            {in_wizard
                .then(|| {
                    view! {
                        <p>
                            <a class="button primary" href=continue_href>
                                "Continue in the wizard"
                            </a>
                        </p>
                    }
                })}
            <Checklist readiness=checklist fix=fix_in />
        </section>
    }
}
