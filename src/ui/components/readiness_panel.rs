//! Launch readiness on the plan page: the checklist, why each item matters, and where to fix it.

use crate::domain::scoring::{alerts, readiness, MODEL};
use crate::domain::Plan;
use crate::ui::router::Route;
use leptos::prelude::*;

#[component]
pub fn ReadinessPanel(plan: Plan, today: chrono::NaiveDate) -> impl IntoView {
    let checklist = readiness(&plan, today, &MODEL);
    let percent = checklist.percent();
    let done = checklist.items.iter().filter(|i| i.done).count();
    let total = checklist.items.len();
    let page = Route::Plan(plan.id.clone()).href();
    let notes = alerts(&plan, today, &MODEL);
    let items = checklist
        .items
        .iter()
        .map(|item| {
            let section = item.check.section();
            let status = if item.done { "Done" } else { "To do" };
            view! {
                <li class=if item.done { "check check-done" } else { "check check-todo" }>
                    <span class="check-icon" aria-hidden="true">
                        {if item.done { "✓" } else { "○" }}
                    </span>
                    <div>
                        <p class="check-label">
                            <span class="visually-hidden">{status} ": "</span>
                            {item.check.label()}
                        </p>
                        <p class="check-reason">{item.check.reason()}</p>
                    </div>
                    {(!item.done)
                        .then(|| {
                            view! {
                                <a class="check-fix" href=format!("{page}#{}", section.anchor())>
                                    "Fix in " {section.label()}
                                </a>
                            }
                        })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel wide readiness-panel" aria-labelledby="readiness-heading">
            <div class="panel-head">
                <h2 id="readiness-heading">"Launch readiness"</h2>
                <p class="readiness-figure">
                    <span class="score-value" data-testid="readiness-score">{format!("{percent}%")}</span>
                    <span class="muted">{format!(" {done} of {total} launch gates hold")}</span>
                </p>
            </div>
            <span class="meter meter-wide" aria-hidden="true">
                <span class="meter-fill" style:width=format!("{percent}%")></span>
            </span>
            <p class="muted">
                {if checklist.ready() {
                    "Every gate holds: this pilot is ready to launch its scrappy V1."
                } else {
                    "Launch waits until every gate holds: each one is a lesson from pilots that died quietly."
                }}
            </p>
            {(!notes.is_empty())
                .then(|| {
                    view! {
                        <ul class="alert-list">
                            {notes
                                .into_iter()
                                .map(|a| {
                                    view! {
                                        <li class="alert">
                                            <strong>{a.kind.label()} ": "</strong>
                                            {a.message}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
            <ul class="checklist">{items}</ul>
        </section>
    }
}
