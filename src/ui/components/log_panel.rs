//! The log: one line to record a sync, exec sync, win, blocker or note (dated today unless
//! changed, internal when only our side should see it), and the history of everything, newest
//! first, where every entry can be corrected or deleted (with "Undo"), and a blocker resolved.

use super::field::{no_problem, DateField, TextField};
use crate::domain::calendar::days_between;
use crate::domain::limits::MAX_NAME_CHARS;
use crate::domain::{LogEntry, LogKind, Plan};
use crate::ui::editor::Editor;
use crate::ui::format;
use crate::ui::state::Undo;
use leptos::prelude::*;

const KINDS: [LogKind; 5] = [
    LogKind::Sync,
    LogKind::ExecSync,
    LogKind::Win,
    LogKind::Blocker,
    LogKind::Note,
];

fn log_class(kind: LogKind) -> &'static str {
    match kind {
        LogKind::Sync => "sync",
        LogKind::ExecSync => "exec-sync",
        LogKind::Win => "win",
        LogKind::Blocker => "blocker",
        LogKind::Note => "note",
    }
}

/// What an entry is called in a message: "Sync of 3 Dec".
fn entry_name(entry: &LogEntry) -> String {
    format!("{} of {}", entry.kind.label(), format::short_date(entry.on))
}

/// The choice of log kind, as a select.
#[component]
fn KindPicker(id: String, value: Signal<LogKind>, on_change: Callback<LogKind>) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>"What happened"</label>
            <select
                id=id
                on:change=move |ev| {
                    let picked = event_target_value(&ev);
                    if let Some(k) = KINDS.into_iter().find(|k| k.label() == picked) {
                        on_change.run(k);
                    }
                }
            >
                {KINDS
                    .into_iter()
                    .map(|k| {
                        view! { <option selected=move || value.get() == k>{k.label()}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A labelled checkbox.
#[component]
fn Check(
    id: String,
    label: &'static str,
    value: Signal<bool>,
    on_change: Callback<bool>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div class="field field-check">
            <input
                type="checkbox"
                id=id.clone()
                prop:checked=move || value.get()
                on:change=move |ev| on_change.run(event_target_checked(&ev))
            />
            <label for=id>{label}</label>
            {hint.map(|hint| view! { <span class="field-hint">{hint}</span> })}
        </div>
    }
}

/// The step a blocker holds up: none, or one of the plan's open steps (or the one it names).
#[component]
fn BlockedStepPicker(
    e: Editor,
    id: String,
    value: Signal<Option<String>>,
    on_change: Callback<Option<String>>,
) -> impl IntoView {
    let choices = move || {
        e.read(Vec::new(), |p| {
            let current = value.get();
            p.steps
                .iter()
                .filter(|s| s.is_open() || current.as_deref() == Some(s.id.as_str()))
                .map(|s| (s.id.clone(), s.title.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="field">
            <label for=id.clone()>"Blocks step"</label>
            <select
                id=id
                on:change=move |ev| {
                    let picked = event_target_value(&ev);
                    on_change.run((!picked.is_empty()).then_some(picked));
                }
            >
                <option value="" selected=move || value.get().is_none()>
                    "No particular step"
                </option>
                {move || {
                    choices()
                        .into_iter()
                        .map(|(step_id, title)| {
                            let selected = value.get().as_deref() == Some(step_id.as_str());
                            view! {
                                <option value=step_id selected=selected>
                                    {title}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

/// What a blocker says about itself: who owns it, what it blocks, and since when.
fn blocker_status(entry: &LogEntry, plan: &Plan, today: chrono::NaiveDate) -> String {
    let mut parts = Vec::new();
    if !entry.owner_name.trim().is_empty() {
        parts.push(format!("Owner: {}", entry.owner_name));
    }
    if let Some(step_id) = &entry.step_id {
        parts.push(match plan.step(step_id) {
            Some(step) => format!("blocks “{}”", step.title),
            None => "blocks a step since deleted".to_string(),
        });
    }
    parts.push(match entry.resolved_on {
        Some(on) => format!("resolved {}", format::date(on)),
        None => format!(
            "open for {}",
            format::days(days_between(entry.on, today).max(0))
        ),
    });
    let mut text = parts.join(" · ");
    if let Some(first) = text.get(..1) {
        text = first.to_uppercase() + &text[1..];
    }
    text
}

#[component]
pub fn HistorySection(e: Editor) -> impl IntoView {
    let today = e.state.today;
    let kind = RwSignal::new(LogKind::Sync);
    let text = RwSignal::new(String::new());
    let on = RwSignal::new(Some(today.get_untracked()));
    let sponsors = RwSignal::new(false);
    let internal = RwSignal::new(false);
    let owner = RwSignal::new(String::new());
    let blocks = RwSignal::new(None::<String>);
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let day = on.get_untracked().unwrap_or_else(|| today.get_untracked());
        let kind = kind.get_untracked();
        let mut entry = LogEntry::new(kind, day, text.get_untracked().trim());
        entry.both_sponsors_present = kind == LogKind::ExecSync && sponsors.get_untracked();
        entry.internal = internal.get_untracked();
        if kind == LogKind::Blocker {
            entry.owner_name = owner.get_untracked().trim().to_string();
            entry.step_id = blocks.get_untracked();
        }
        let said = format!(
            "{} logged for {}{}.",
            kind.label(),
            format::date(day),
            if entry.internal { ", internal" } else { "" }
        );
        e.state.log_entry(&e.id(), entry, said);
        text.set(String::new());
        owner.set(String::new());
        blocks.set(None);
    };
    // The rows are keyed by entry: each reads its own entry, so editing one keeps its fields
    // (and the keyboard) where they are.
    let history = move || {
        e.read(Vec::new(), |p| {
            p.history()
                .into_iter()
                .map(|entry| entry.id.clone())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="panel wide" id="history" aria-labelledby="log-heading">
            <h2 id="log-heading">"History"</h2>
            <form class="log-form" on:submit=record>
                <KindPicker
                    id="log-kind".to_string()
                    value=kind.into()
                    on_change=Callback::new(move |k| kind.set(k))
                />
                <div class="field log-text-field">
                    <label for="log-text">"In one line"</label>
                    <input
                        id="log-text"
                        type="text"
                        maxlength="500"
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                    />
                </div>
                <DateField
                    id="log-on".to_string()
                    label="On"
                    value=on
                    on_change=Callback::new(move |v| on.set(v))
                    problem=no_problem()
                />
                <Show when=move || kind.get() == LogKind::ExecSync>
                    <Check
                        id="log-sponsors".to_string()
                        label="Both sponsors present"
                        value=sponsors.into()
                        on_change=Callback::new(move |v| sponsors.set(v))
                    />
                </Show>
                <Show when=move || kind.get() == LogKind::Blocker>
                    <TextField
                        id="log-owner"
                        max=MAX_NAME_CHARS
                        label="Owner"
                        hint="Who clears it"
                        value=owner
                        on_change=Callback::new(move |v| owner.set(v))
                        problem=no_problem()
                    />
                    <BlockedStepPicker
                        e=e
                        id="log-blocks".to_string()
                        value=blocks.into()
                        on_change=Callback::new(move |v| blocks.set(v))
                    />
                </Show>
                <Check
                    id="log-internal".to_string()
                    label="Internal"
                    hint="Only our side sees it: never shared with the partner"
                    value=internal.into()
                    on_change=Callback::new(move |v| internal.set(v))
                />
                <button type="submit" class="button primary">
                    "Log"
                </button>
            </form>
            <Show when=move || e.read(true, |p| p.log.is_empty())>
                <p class="muted">"Nothing logged yet."</p>
            </Show>
            <ol class="timeline">
                <For each=history key=|id| id.clone() let:id>
                    <EntryRow e=e id=id />
                </For>
            </ol>
        </section>
    }
}

#[component]
fn EntryRow(e: Editor, id: String) -> impl IntoView {
    let today = e.state.today;
    let id = StoredValue::new(id);
    let editing = RwSignal::new(false);
    let current = Memo::new(move |_| {
        e.read(None, |p| {
            p.log.iter().find(|x| x.id == id.get_value()).cloned()
        })
    });
    let write = move |change: Box<dyn FnOnce(&mut LogEntry)>| {
        e.edit(|p| {
            p.edit_entry(&id.get_value(), change);
        })
    };
    let kind = Signal::derive(move || current.get().map_or(LogKind::Note, |x| x.kind));
    let status = move || {
        let entry = current.get()?;
        (entry.kind == LogKind::Blocker)
            .then(|| e.read(String::new(), |p| blocker_status(&entry, p, today.get())))
    };
    let resolve = move |_| {
        let on = today.get_untracked();
        e.edit(|p| {
            p.resolve_blocker(&id.get_value(), on);
        });
        e.state.notify("Blocker resolved.");
    };
    let reopen = move |_| {
        e.edit(|p| {
            p.reopen_blocker(&id.get_value());
        });
        e.state.notify("Blocker open again.");
    };
    let delete = move |_| {
        let mut removed = None;
        e.edit(|p| removed = p.remove_entry(&id.get_value()));
        if let Some((at, entry)) = removed {
            e.state.notify_undo(
                format!("{} deleted.", entry_name(&entry)),
                Undo::EntryDeleted {
                    plan: e.id(),
                    at,
                    entry,
                },
            );
        }
    };
    let name = move || current.get().map(|x| entry_name(&x)).unwrap_or_default();
    view! {
        <li
            class=move || {
                let entry = current.get();
                format!(
                    "log-entry log-{}{}{}",
                    log_class(kind.get()),
                    if entry.as_ref().is_some_and(|x| x.internal) { " internal" } else { "" },
                    if entry
                        .as_ref()
                        .is_some_and(|x| x.kind == LogKind::Blocker && x.resolved_on.is_none())
                    {
                        " open-blocker"
                    } else {
                        ""
                    },
                )
            }
            data-testid="log-entry"
        >
            <div class="log-main">
                <time datetime=move || {
                    current.get().map(|x| x.on.to_string()).unwrap_or_default()
                }>{move || current.get().map(|x| format::date(x.on)).unwrap_or_default()}</time>
                <span class="log-kind">{move || kind.get().label()}</span>
                <span class="log-text">
                    {move || current.get().map(|x| x.text).unwrap_or_default()}
                    {move || {
                        current
                            .get()
                            .filter(|x| x.both_sponsors_present)
                            .map(|_| {
                                view! { <span class="muted">" (both sponsors present)"</span> }
                            })
                    }} {move || status().map(|s| view! { <span class="blocker-status">{s}</span> })}
                </span>
                {move || {
                    current
                        .get()
                        .filter(|x| x.internal)
                        .map(|_| {
                            view! {
                                <span class="tag tag-internal" title="Only our side sees it">
                                    "Internal"
                                </span>
                            }
                        })
                }}
                <span class="log-actions">
                    {move || match current.get() {
                        Some(x) if x.kind == LogKind::Blocker && x.resolved_on.is_none() => {
                            view! {
                                <button type="button" class="button small" on:click=resolve>
                                    "Resolve"
                                    <span class="visually-hidden">
                                        {format!(" the blocker “{}”", x.text)}
                                    </span>
                                </button>
                            }
                                .into_any()
                        }
                        Some(x) if x.kind == LogKind::Blocker => {
                            view! {
                                <button type="button" class="button small quiet" on:click=reopen>
                                    "Reopen"
                                    <span class="visually-hidden">
                                        {format!(" the blocker “{}”", x.text)}
                                    </span>
                                </button>
                            }
                                .into_any()
                        }
                        _ => ().into_any(),
                    }}
                    <button
                        type="button"
                        class="button small quiet"
                        aria-expanded=move || editing.get().to_string()
                        on:click=move |_| editing.update(|x| *x = !*x)
                    >
                        {move || if editing.get() { "Close" } else { "Edit" }}
                        <span class="visually-hidden">{move || format!(" {}", name())}</span>
                    </button>
                </span>
            </div>
            <Show when=move || editing.get()>
                <div class="log-edit">
                    <DateField
                        id=format!("edit-{}-on", id.get_value())
                        label="On"
                        value=Signal::derive(move || current.get().map(|x| x.on))
                        on_change=Callback::new(move |v: Option<chrono::NaiveDate>| {
                            if let Some(on) = v {
                                write(Box::new(move |x| x.on = on))
                            }
                        })
                        problem=no_problem()
                    />
                    <KindPicker
                        id=format!("edit-{}-kind", id.get_value())
                        value=kind
                        on_change=Callback::new(move |k| write(Box::new(move |x| x.set_kind(k))))
                    />
                    <TextField
                        id=format!("edit-{}-text", id.get_value())
                        label="In one line"
                        value=Signal::derive(move || {
                            current.get().map(|x| x.text).unwrap_or_default()
                        })
                        on_change=Callback::new(move |v: String| write(
                            Box::new(move |x| x.text = v),
                        ))
                        problem=no_problem()
                    />
                    <Show when=move || kind.get() == LogKind::ExecSync>
                        <Check
                            id=format!("edit-{}-sponsors", id.get_value())
                            label="Both sponsors present"
                            value=Signal::derive(move || {
                                current.get().is_some_and(|x| x.both_sponsors_present)
                            })
                            on_change=Callback::new(move |v| write(
                                Box::new(move |x| x.both_sponsors_present = v),
                            ))
                        />
                    </Show>
                    <Show when=move || kind.get() == LogKind::Blocker>
                        <TextField
                            id=format!("edit-{}-owner", id.get_value())
                            max=MAX_NAME_CHARS
                            label="Owner"
                            value=Signal::derive(move || {
                                current.get().map(|x| x.owner_name).unwrap_or_default()
                            })
                            on_change=Callback::new(move |v: String| write(
                                Box::new(move |x| x.owner_name = v),
                            ))
                            problem=no_problem()
                        />
                        <BlockedStepPicker
                            e=e
                            id=format!("edit-{}-blocks", id.get_value())
                            value=Signal::derive(move || current.get().and_then(|x| x.step_id))
                            on_change=Callback::new(move |v| write(
                                Box::new(move |x| x.step_id = v),
                            ))
                        />
                    </Show>
                    <Check
                        id=format!("edit-{}-internal", id.get_value())
                        label="Internal"
                        hint="Only our side sees it"
                        value=Signal::derive(move || current.get().is_some_and(|x| x.internal))
                        on_change=Callback::new(move |v| write(Box::new(move |x| x.internal = v)))
                    />
                    <button type="button" class="button small danger-quiet" on:click=delete>
                        "Delete entry"
                        <span class="visually-hidden">{move || format!(" {}", name())}</span>
                    </button>
                </div>
            </Show>
        </li>
    }
}
