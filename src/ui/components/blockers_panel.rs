//! The open blockers of a plan, on the plan page: what is stuck, who clears it, which step it
//! holds up and for how long, with "Resolve". Shown only while something is blocked.

use crate::domain::calendar::days_between;
use crate::domain::scoring::MODEL;
use crate::ui::editor::Editor;
use crate::ui::format;
use leptos::prelude::*;

/// One open blocker as the panel shows it.
#[derive(Clone, PartialEq)]
struct Open {
    id: String,
    text: String,
    owner: String,
    step: Option<String>,
    days: i64,
    internal: bool,
}

#[component]
pub fn BlockersPanel(e: Editor) -> impl IntoView {
    let today = e.state.today;
    let open = Memo::new(move |_| {
        let today = today.get();
        e.read(Vec::new(), |p| {
            p.open_blockers(today)
                .into_iter()
                .map(|b| Open {
                    id: b.id.clone(),
                    text: b.text.clone(),
                    owner: b.owner_name.clone(),
                    step: b
                        .step_id
                        .as_deref()
                        .and_then(|id| p.step(id))
                        .map(|s| s.title.clone()),
                    days: days_between(b.on, today),
                    internal: b.internal,
                })
                .collect::<Vec<_>>()
        })
    });
    let resolve = move |id: String| {
        let on = today.get_untracked();
        e.edit(|p| {
            p.resolve_blocker(&id, on);
        });
        e.state.notify("Blocker resolved.");
    };
    view! {
        <Show when=move || open.with(|o| !o.is_empty())>
            <section
                class="panel wide blockers-panel"
                aria-labelledby="blockers-heading"
                data-testid="open-blockers"
            >
                <h2 id="blockers-heading">
                    {move || match open.with(Vec::len) {
                        1 => "1 open blocker".to_string(),
                        n => format!("{n} open blockers"),
                    }}
                </h2>
                <ul class="blocker-list">
                    {move || {
                        open.get()
                            .into_iter()
                            .map(|b| {
                                let id = b.id.clone();
                                let text = if b.text.trim().is_empty() {
                                    "A blocker".to_string()
                                } else {
                                    b.text.clone()
                                };
                                let said = text.clone();
                                let aging = b.days > MODEL.energy.blocker_grace_days;
                                view! {
                                    <li class="blocker" class:aging=aging>
                                        <span class="blocker-text">{text}</span>
                                        <span class="blocker-facts">
                                            {format!(
                                                "{} · open for {}{}",
                                                if b.owner.trim().is_empty() {
                                                    "No owner yet".to_string()
                                                } else {
                                                    format!("Owner: {}", b.owner)
                                                },
                                                format::days(b.days.max(0)),
                                                b
                                                    .step
                                                    .as_ref()
                                                    .map(|s| format!(" · blocks “{s}”"))
                                                    .unwrap_or_default(),
                                            )}
                                        </span>
                                        {b
                                            .internal
                                            .then(|| {
                                                view! { <span class="tag tag-internal">"Internal"</span> }
                                            })}
                                        <button
                                            type="button"
                                            class="button small"
                                            on:click=move |_| resolve(id.clone())
                                        >
                                            "Resolve"
                                            <span class="visually-hidden">
                                                {format!(" “{said}”")}
                                            </span>
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </section>
        </Show>
    }
}
