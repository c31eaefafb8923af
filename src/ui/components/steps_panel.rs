//! Next steps on the plan page: add one, complete it in one click, edit, reopen or delete it.
//! Open steps come first, the overdue ones marked; done steps follow.

use super::field::{no_problem, DateField, TextField};
use crate::domain::validate::MAX_NAME_CHARS;
use crate::domain::{Side, Step};
use crate::ui::browser::focus_by_id;
use crate::ui::editor::Editor;
use crate::ui::format;
use leptos::prelude::*;

const SIDES: [Side; 3] = [Side::Ours, Side::Theirs, Side::Joint];

#[component]
fn SidePicker(id: String, value: Signal<Side>, on_change: Callback<Side>) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>"Owned by"</label>
            <select id=id on:change=move |ev| {
                let picked = event_target_value(&ev);
                if let Some(side) = SIDES.into_iter().find(|s| s.owner_label() == picked) {
                    on_change.run(side);
                }
            }>
                {SIDES.into_iter().map(|s| view! { <option selected=move || value.get() == s>{s.owner_label()}</option> }).collect_view()}
            </select>
        </div>
    }
}

/// The one-line form that adds a step: what, owned by which side, whose name, due when. Field
/// ids start with `prefix`.
#[component]
pub fn AddStepForm(e: Editor, prefix: &'static str) -> impl IntoView {
    let today = e.state.today;
    let title = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let side = RwSignal::new(Side::Theirs);
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
            <TextField id=format!("{prefix}-title") label="New step" value=Signal::derive(move || title.get())
                on_change=Callback::new(move |v| title.set(v)) problem=Signal::derive(move || problem.get())/>
            <SidePicker id=format!("{prefix}-side") value=Signal::derive(move || side.get()) on_change=Callback::new(move |s| side.set(s))/>
            <TextField id=format!("{prefix}-owner") max=MAX_NAME_CHARS label="Owner's name" value=Signal::derive(move || owner.get())
                on_change=Callback::new(move |v| owner.set(v)) problem=no_problem()/>
            <DateField id=format!("{prefix}-due") label="Due" value=Signal::derive(move || due.get())
                on_change=Callback::new(move |v| due.set(v)) problem=no_problem()/>
            <button type="submit" class="button primary">"Add step"</button>
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
            <AddStepForm e=e prefix=NEW_STEP/>
            <ul class="step-list">
                <For each=ordered key=|s| (s.id.clone(), s.done_on) let:step>
                    <StepRow e=e step=step/>
                </For>
            </ul>
            <Show when=move || e.read(true, |p| p.steps.is_empty())>
                <p class="muted">"No next steps yet: secure the next three before the energy dips."</p>
            </Show>
        </section>
    }
}

#[component]
fn StepRow(e: Editor, step: Step) -> impl IntoView {
    let today = e.state.today;
    let id = StoredValue::new(step.id.clone());
    let editing = RwSignal::new(false);
    let current = move || {
        e.read(None, |p| {
            p.steps.iter().find(|s| s.id == id.get_value()).cloned()
        })
    };
    // What the row shows follows the step as it is edited; the row itself stays put.
    let status = move || {
        let s = current()?;
        Some(match (s.done_on, s.due_on) {
            (Some(done), _) => (format!("Done {}", format::date(done)), "done"),
            (None, Some(due)) if due < today.get() => {
                (format!("Overdue since {}", format::date(due)), "overdue")
            }
            (None, Some(due)) => (format!("Due {}", format::date(due)), "open"),
            (None, None) => ("No due date".to_string(), "open"),
        })
    };
    let key = step.id.clone();
    let done = step.done_on.is_some();
    let title = step.title.clone();
    let write = move |change: Box<dyn FnOnce(&mut Step)>| {
        e.edit(|p| {
            if let Some(s) = p.step_mut(&id.get_value()) {
                change(s)
            }
        })
    };
    view! {
        <li class=move || format!("step step-{}", status().map_or("open", |s| s.1))>
            <div class="step-main">
                {if done {
                    view! {
                        <button type="button" class="button small" on:click=move |_| { e.edit(|p| { p.reopen_step(&id.get_value()); }); }>
                            "Reopen" <span class="visually-hidden">{format!(" “{title}”")}</span>
                        </button>
                    }
                    .into_any()
                } else {
                    view! {
                        <button type="button" class="button small primary" id=done_button_id(&key) on:click=move |_| {
                            let on = today.get_untracked();
                            // The row moves to the done steps: the keyboard goes on with the
                            // open step that takes its place (or the one before it, or the form).
                            let next = e.read(None, |p| {
                                let open = p.open_steps_by_due();
                                let at = open.iter().position(|s| s.id == id.get_value())?;
                                open.get(at + 1).or(open.get(at.wrapping_sub(1))).map(|s| done_button_id(&s.id))
                            });
                            e.edit(|p| { p.complete_step(&id.get_value(), on); });
                            e.state.notify("Step completed.");
                            request_animation_frame(move || {
                                focus_by_id(next.as_deref().unwrap_or(NEW_STEP_TITLE));
                            });
                        }>
                            "Done" <span class="visually-hidden">{format!(": complete “{title}”")}</span>
                        </button>
                    }
                    .into_any()
                }}
                <span class="step-title">{move || current().map(|s| s.title).unwrap_or_default()}</span>
                <span class="step-owner">
                    {move || current().map(|s| format!("{} · {}", s.owner_side.label(), format::text(&s.owner_name))).unwrap_or_default()}
                </span>
                <span class="step-status">{move || status().map(|s| s.0).unwrap_or_default()}</span>
                <button type="button" class="button small quiet" aria-expanded=move || editing.get().to_string() on:click=move |_| editing.update(|x| *x = !*x)>
                    {move || if editing.get() { "Close" } else { "Edit" }}
                    <span class="visually-hidden">{format!(" “{}”", step.title)}</span>
                </button>
                <button type="button" class="button small quiet" on:click=move |_| { e.edit(|p| { p.remove_step(&id.get_value()); }); e.state.notify("Step deleted."); }>
                    "Delete" <span class="visually-hidden">{format!(" “{}”", step.title)}</span>
                </button>
            </div>
            <Show when=move || editing.get()>
                <div class="step-edit">
                    <TextField id=format!("edit-{key}-title") label="Step" value=Signal::derive(move || current().map(|s| s.title).unwrap_or_default())
                        on_change=Callback::new(move |v: String| write(Box::new(move |s| s.title = v))) problem=no_problem()/>
                    <SidePicker id=format!("edit-{key}-side") value=Signal::derive(move || current().map(|s| s.owner_side).unwrap_or(Side::Ours))
                        on_change=Callback::new(move |side| write(Box::new(move |s| s.owner_side = side)))/>
                    <TextField id=format!("edit-{key}-owner") max=MAX_NAME_CHARS label="Owner's name" value=Signal::derive(move || current().map(|s| s.owner_name).unwrap_or_default())
                        on_change=Callback::new(move |v: String| write(Box::new(move |s| s.owner_name = v))) problem=no_problem()/>
                    <DateField id=format!("edit-{key}-due") label="Due" value=Signal::derive(move || current().and_then(|s| s.due_on))
                        on_change=Callback::new(move |v| write(Box::new(move |s| s.due_on = v))) problem=no_problem()/>
                </div>
            </Show>
        </li>
    }
}
