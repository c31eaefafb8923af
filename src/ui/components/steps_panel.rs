//! Next steps on the plan page: add one, complete it in one click, edit, reopen or delete it.
//! Open steps come first, the overdue ones marked; done steps follow.

use super::field::{no_problem, DateField, TextField};
use crate::domain::limits::MAX_NAME_CHARS;
use crate::domain::{Side, Step};
use crate::ui::browser::focus_by_id;
use crate::ui::editor::Editor;
use crate::ui::format;
use crate::ui::forms::{SidePicker, StepAt, StepFields};
use crate::ui::state::Undo;
use leptos::prelude::*;

/// The one-line form that adds a step: what, owned by which side, whose name, due when. Field
/// ids start with `prefix`.
#[component]
pub fn AddStepForm(e: Editor, prefix: &'static str) -> impl IntoView {
    let today = e.state.today;
    let title = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    // A step typed in one line is ours until someone says otherwise.
    let side = RwSignal::new(Side::Ours);
    let due = RwSignal::new(None);
    let problem = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = title.get_untracked().trim().to_string();
        if text.is_empty() {
            problem.set(Some("Describe the step.".into()));
            return;
        }
        problem.set(None);
        let step = Step::new(
            text,
            side.get_untracked(),
            owner.get_untracked().trim(),
            due.get_untracked(),
            today.get_untracked(),
        );
        e.edit(|p| p.add_step(step));
        title.set(String::new());
        e.state.notify("Step added.");
    };
    view! {
        <form class="add-step" on:submit=add novalidate>
            <TextField
                id=format!("{prefix}-title")
                label="New step"
                value=Signal::derive(move || title.get())
                on_change=Callback::new(move |v| title.set(v))
                problem=Signal::derive(move || problem.get())
            />
            <SidePicker
                id=format!("{prefix}-side")
                value=Signal::derive(move || side.get())
                on_change=Callback::new(move |s| side.set(s))
            />
            <TextField
                id=format!("{prefix}-owner")
                max=MAX_NAME_CHARS
                label="Owner's name"
                value=Signal::derive(move || owner.get())
                on_change=Callback::new(move |v| owner.set(v))
                problem=no_problem()
            />
            <DateField
                id=format!("{prefix}-due")
                label="Due"
                value=Signal::derive(move || due.get())
                on_change=Callback::new(move |v| due.set(v))
                problem=no_problem()
            />
            <button type="submit" class="button primary">
                "Add step"
            </button>
        </form>
    }
}

/// The plan page's form for a new step: its field ids start with this.
const NEW_STEP: &str = "new-step";
const NEW_STEP_TITLE: &str = "new-step-title";

/// The id of an open step's "Done" button.
fn done_button_id(step_id: &str) -> String {
    format!("step-{step_id}-done")
}

#[component]
pub fn StepsSection(e: Editor) -> impl IntoView {
    // Open steps first (soonest due first), then done ones (latest first).
    let ordered = move || {
        e.read(Vec::new(), |p| {
            p.open_steps_by_due()
                .into_iter()
                .chain(p.done_steps_latest_first())
                .cloned()
                .collect::<Vec<Step>>()
        })
    };
    view! {
        <section class="panel wide" id="steps" aria-labelledby="steps-heading">
            <h2 id="steps-heading">"Next steps"</h2>
            <AddStepForm e=e prefix=NEW_STEP />
            <ul class="step-list">
                <For each=ordered key=|s| (s.id.clone(), s.done_on) let:step>
                    <StepRow e=e step=step />
                </For>
            </ul>
            <Show when=move || e.read(true, |p| p.steps.is_empty())>
                <p class="muted">
                    "No next steps yet: secure the next three before the energy dips."
                </p>
            </Show>
        </section>
    }
}

/// Why a "Done on" date cannot be taken.
fn done_problem(on: chrono::NaiveDate, today: chrono::NaiveDate) -> Option<&'static str> {
    (on > today).then_some("A step can't be done after today.")
}

#[component]
fn StepRow(e: Editor, step: Step) -> impl IntoView {
    let today = e.state.today;
    let id = StoredValue::new(step.id.clone());
    let editing = RwSignal::new(false);
    let current = Memo::new(move |_| {
        e.read(None, |p| {
            p.steps.iter().find(|s| s.id == id.get_value()).cloned()
        })
    });
    // What the row shows follows the step as it is edited; the row itself stays put.
    let status = move || {
        let s = current.get()?;
        let today = today.get();
        let slipped = s
            .slipped_from()
            .map(|from| format!(" · slipped from {}", format::short_date(from)))
            .unwrap_or_default();
        Some(match (s.done_on, s.due_on) {
            (Some(done), _) => (format!("Done {}{slipped}", format::date(done)), "done"),
            (None, Some(due)) if due < today => (
                format!("Overdue since {}{slipped}", format::date(due)),
                "overdue",
            ),
            (None, _) if s.commitment_frozen(today) => (
                format!(
                    "{}{slipped}",
                    s.due_on.map_or("No due date".to_string(), |due| format!(
                        "Due {}",
                        format::date(due)
                    ))
                ),
                "overdue slipped",
            ),
            (None, Some(due)) => (format!("Due {}", format::date(due)), "open"),
            (None, None) => ("No due date".to_string(), "open"),
        })
    };
    // The open blockers that name this step.
    let blocked_by = move || {
        let today = today.get();
        e.read(Vec::new(), |p| {
            p.open_blockers(today)
                .into_iter()
                .filter(|b| b.step_id.as_deref() == Some(id.get_value().as_str()))
                .map(|b| b.text.clone())
                .collect::<Vec<_>>()
        })
    };
    let key = step.id.clone();
    let done = step.done_on.is_some();
    let title = step.title.clone();
    // The day "Done" records: today unless another day up to today is picked.
    let done_on = RwSignal::new(Some(today.get_untracked()));
    let complete = move || {
        let today = today.get_untracked();
        let on = done_on.get_untracked().unwrap_or(today);
        if let Some(problem) = done_problem(on, today) {
            e.state.notify(problem);
            return;
        }
        // The row moves to the done steps: the keyboard goes on with the open step that takes
        // its place (or the one before it, or the form).
        let next = e.read(None, |p| {
            let open = p.open_steps_by_due();
            let at = open.iter().position(|s| s.id == id.get_value())?;
            open.get(at + 1)
                .or(open.get(at.wrapping_sub(1)))
                .map(|s| done_button_id(&s.id))
        });
        e.edit(|p| {
            p.complete_step(&id.get_value(), on);
        });
        e.state.notify(if on == today {
            "Step completed.".to_string()
        } else {
            format!("Step completed on {}.", format::date(on))
        });
        request_animation_frame(move || {
            focus_by_id(next.as_deref().unwrap_or(NEW_STEP_TITLE));
        });
    };
    let delete = move |_| {
        let mut removed = None;
        e.edit(|p| removed = p.remove_step(&id.get_value()));
        if let Some((at, step)) = removed {
            e.state.notify_undo(
                format!("Step “{}” deleted.", step.title),
                Undo::StepDeleted {
                    plan: e.id(),
                    at,
                    step,
                },
            );
            request_animation_frame(|| focus_by_id(NEW_STEP_TITLE));
        }
    };
    let label_title = title.clone();
    view! {
        <li
            class=move || format!("step step-{}", status().map_or("open", |s| s.1))
            data-testid="step"
        >
            <div class="step-main">
                {if done {
                    view! {
                        <button
                            type="button"
                            class="button small"
                            on:click=move |_| {
                                e.edit(|p| {
                                    p.reopen_step(&id.get_value());
                                });
                            }
                        >
                            "Reopen"
                            <span class="visually-hidden">{format!(" “{title}”")}</span>
                        </button>
                    }
                        .into_any()
                } else {
                    view! {
                        <span class="step-done">
                            <button
                                type="button"
                                class="button small primary"
                                id=done_button_id(&key)
                                on:click=move |_| complete()
                            >
                                "Done"
                                <span class="visually-hidden">
                                    {format!(": complete “{title}”")}
                                </span>
                            </button>
                            <input
                                type="date"
                                class="done-on"
                                id=format!("step-{key}-done-on")
                                aria-label=format!("Done on (for “{label_title}”)")
                                max=move || today.get().to_string()
                                prop:value=move || {
                                    done_on.get().map(|d| d.to_string()).unwrap_or_default()
                                }
                                on:change=move |ev| {
                                    done_on
                                        .set(
                                            crate::domain::dates::parse_date(&event_target_value(&ev)),
                                        )
                                }
                                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                    if ev.key() == "Enter" {
                                        ev.prevent_default();
                                        complete()
                                    }
                                }
                            />
                        </span>
                    }
                        .into_any()
                }}
                <span class="step-title">
                    {move || current.get().map(|s| s.title).unwrap_or_default()}
                </span>
                <span class="step-owner">
                    {move || {
                        current
                            .get()
                            .map(|s| {
                                format!(
                                    "{} · {}",
                                    s.owner_side.label(),
                                    format::text(&s.owner_name),
                                )
                            })
                            .unwrap_or_default()
                    }}
                </span>
                <span class="step-status">{move || status().map(|s| s.0).unwrap_or_default()}</span>
                <button
                    type="button"
                    class="button small quiet"
                    aria-expanded=move || editing.get().to_string()
                    on:click=move |_| editing.update(|x| *x = !*x)
                >
                    {move || if editing.get() { "Close" } else { "Edit" }}
                    <span class="visually-hidden">{format!(" “{}”", step.title)}</span>
                </button>
            </div>
            {move || {
                let blockers = blocked_by();
                (!blockers.is_empty())
                    .then(|| {
                        view! { <p class="step-blocked">"Blocked: " {blockers.join("; ")}</p> }
                    })
            }}
            <Show when=move || editing.get()>
                <div class="step-edit">
                    <StepFields form=e.form("edit") at=StepAt::Id(id.get_value()) />
                    <Show when=move || current.get().is_some_and(|s| s.done_on.is_some())>
                        <DoneOnField e=e id=id.get_value() />
                    </Show>
                    <button type="button" class="button small danger-quiet" on:click=delete>
                        "Delete step"
                        <span class="visually-hidden">{format!(" “{}”", step.title)}</span>
                    </button>
                </div>
            </Show>
        </li>
    }
}

/// The day a done step was done, to correct it: any day up to today.
#[component]
fn DoneOnField(e: Editor, id: String) -> impl IntoView {
    let today = e.state.today;
    let id = StoredValue::new(id);
    let typed = RwSignal::new(None::<chrono::NaiveDate>);
    let problem = Signal::derive(move || {
        typed
            .get()
            .and_then(|on| done_problem(on, today.get()))
            .map(str::to_string)
    });
    let value =
        Signal::derive(move || e.read(None, |p| p.step(&id.get_value()).and_then(|s| s.done_on)));
    view! {
        <DateField
            id=format!("edit-{}-done-on", id.get_value())
            label="Done on"
            value=value
            on_change=Callback::new(move |v: Option<chrono::NaiveDate>| {
                typed.set(v);
                if let Some(on) = v.filter(|on| done_problem(*on, today.get_untracked()).is_none())
                {
                    e.edit(|p| {
                        p.complete_step(&id.get_value(), on);
                    });
                }
            })
            problem=problem
        />
    }
}
