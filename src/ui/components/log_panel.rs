//! The log: one line to record a sync, exec sync, win, blocker or note (dated today unless
//! changed), and the history of everything, newest first.

use super::field::{no_problem, DateField};
use crate::domain::{LogEntry, LogKind};
use crate::ui::editor::Editor;
use crate::ui::format;
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

#[component]
pub fn HistorySection(e: Editor) -> impl IntoView {
    let kind = RwSignal::new(LogKind::Sync);
    let text = RwSignal::new(String::new());
    let on = RwSignal::new(Some(e.state.today.get_untracked()));
    let sponsors = RwSignal::new(false);
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let day = on
            .get_untracked()
            .unwrap_or_else(|| e.state.today.get_untracked());
        let mut entry = LogEntry::new(kind.get_untracked(), day, text.get_untracked().trim());
        entry.both_sponsors_present =
            kind.get_untracked() == LogKind::ExecSync && sponsors.get_untracked();
        let label = entry.kind.label();
        e.edit(|p| p.record(entry));
        text.set(String::new());
        e.state.notify(format!("{label} logged."));
    };
    let history = move || {
        e.read(Vec::new(), |p| {
            p.history().into_iter().cloned().collect::<Vec<_>>()
        })
    };
    view! {
        <section class="panel wide" id="history" aria-labelledby="log-heading">
            <h2 id="log-heading">"History"</h2>
            <form class="log-form" on:submit=record>
                <div class="field">
                    <label for="log-kind">"What happened"</label>
                    <select id="log-kind" on:change=move |ev| {
                        let picked = event_target_value(&ev);
                        if let Some(k) = KINDS.into_iter().find(|k| k.label() == picked) { kind.set(k); }
                    }>
                        {KINDS.into_iter().map(|k| view! { <option selected=move || kind.get() == k>{k.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field log-text-field">
                    <label for="log-text">"In one line"</label>
                    <input id="log-text" type="text" maxlength="500" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))/>
                </div>
                <DateField id="log-on".to_string() label="On" value=on on_change=Callback::new(move |v| on.set(v)) problem=no_problem()/>
                <Show when=move || kind.get() == LogKind::ExecSync>
                    <div class="field field-check">
                        <label>
                            <input type="checkbox" prop:checked=move || sponsors.get() on:change=move |ev| sponsors.set(event_target_checked(&ev))/>
                            " Both sponsors present"
                        </label>
                    </div>
                </Show>
                <button type="submit" class="button primary">"Log"</button>
            </form>
            {move || {
                let entries = history();
                if entries.is_empty() {
                    return view! { <p class="muted">"Nothing logged yet."</p> }.into_any();
                }
                view! {
                    <ol class="timeline">
                        {entries
                            .into_iter()
                            .map(|entry| {
                                view! {
                                    <li class=format!("log-entry log-{}", log_class(entry.kind))>
                                        <time datetime=entry.on.to_string()>{format::date(entry.on)}</time>
                                        <span class="log-kind">{entry.kind.label()}</span>
                                        <span class="log-text">
                                            {entry.text}
                                            {entry.both_sponsors_present.then(|| view! { <span class="muted">" (both sponsors present)"</span> })}
                                        </span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                }
                .into_any()
            }}
        </section>
    }
}
