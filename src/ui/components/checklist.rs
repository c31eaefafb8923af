//! The launch readiness checklist: each item done or to do, why it matters, and a link to the
//! place where it is fixed.

use crate::domain::scoring::{Readiness, Section};
use leptos::prelude::*;

#[component]
pub fn Checklist(
    readiness: Readiness,
    fix: impl Fn(Section) -> String + 'static,
    /// The section on screen: its items are fixed right here, so they link nowhere.
    #[prop(optional)]
    here: Option<Section>,
) -> impl IntoView {
    let items = readiness
        .items
        .iter()
        .map(|item| {
            let section = item.check.section();
            let status = if item.done { "Done" } else { "To do" };
            let href = (!item.done && here != Some(section)).then(|| fix(section));
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
                    {href
                        .map(|href| {
                            view! {
                                <a class="check-fix" href=href>
                                    "Fix in "
                                    {section.label()}
                                </a>
                            }
                        })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="checklist">{items}</ul> }
}
