//! "Work on it together" on the plan page: share the plan live through a sync server, the link
//! to give the others, who is here now, and a status line that is never silent — "Synced",
//! "Offline — 3 changes waiting", "Can't reach the sync server at …". What the partner will
//! see is said before sharing: everything but what is internal.

use super::field::TextField;
use crate::storage::shared::{load_server, save_server};
use crate::storage::BrowserStore;
use crate::sync::link::{LiveLink, Server};
use crate::ui::browser::copy_text;
use crate::ui::editor::Editor;
use crate::ui::live::{reachable, Live};
use crate::ui::router::Route;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Under the plan's heading, for a plan shared live: its status and who is here now, at a
/// glance, with a way down to the panel.
#[component]
pub fn LiveStrip(e: Editor) -> impl IntoView {
    let live = expect_context::<Live>();
    let id = StoredValue::new(e.id());
    let shared = move || live.is_shared(&id.get_value());
    let status = move || live.status_text(&id.get_value());
    let here = move || live.here_text(&id.get_value());
    view! {
        <Show when=shared>
            <p class="live-strip" data-testid="live-strip">
                <span class="tag tag-shared">"Shared live"</span>
                <span class="live-strip-status">{status}</span>
                <span class="live-strip-here">{here}</span>
                <button
                    type="button"
                    class="button small quiet"
                    on:click=move |_| {
                        if let Some(panel) = document().get_element_by_id("live") {
                            panel.scroll_into_view();
                        }
                    }
                >
                    "Sharing and link"
                </button>
            </p>
        </Show>
    }
}

#[component]
pub fn LivePanel(e: Editor) -> impl IntoView {
    let live = expect_context::<Live>();
    let id = StoredValue::new(e.id());
    let shared = move || live.is_shared(&id.get_value());
    let server_text = RwSignal::new(
        BrowserStore::open()
            .ok()
            .and_then(|store| load_server(&store))
            .map(|s| s.to_string())
            .unwrap_or_default(),
    );
    let problem = RwSignal::new(None::<String>);
    let share = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let server = match Server::parse(&server_text.get_untracked()) {
            Ok(server) => server,
            Err(error) => {
                problem.set(Some(error.to_string()));
                return;
            }
        };
        if let Err(why) = reachable(&server) {
            problem.set(Some(why));
            return;
        }
        problem.set(None);
        if let Ok(store) = BrowserStore::open() {
            let _ = save_server(&store, &server);
        }
        let Some(plan) = e.plan.get_untracked() else {
            return;
        };
        match live.share(&plan, LiveLink::new_room(server)) {
            Ok(()) => e.state.notify(
                "Shared live. Send the link to the people working on this plan: whoever has it can edit.",
            ),
            Err(error) => problem.set(Some(error.to_string())),
        }
    };
    let link = move || {
        live.link(&id.get_value()).map(|link| {
            let base = document().base_uri().ok().flatten().unwrap_or_default();
            format!("{base}{}#{}", Route::Join.href(), link.fragment())
        })
    };
    let copy = move |_| {
        let Some(link) = link() else { return };
        spawn_local(async move {
            match copy_text(&link).await {
                Ok(()) => e.state.notify("The link is on the clipboard."),
                Err(_) => e
                    .state
                    .notify("The browser did not allow copying: copy the link from its field."),
            }
        });
    };
    let stop = move |_| {
        live.stop(&id.get_value());
        e.state
            .notify("Stopped sharing: this copy stays here as an ordinary plan.");
    };
    let partner_sees = move || e.read(String::new(), |p| p.withheld().sentence());
    let status = move || live.status_text(&id.get_value());
    let here = move || live.here_text(&id.get_value());
    view! {
        <section class="panel wide live-panel" id="live" aria-labelledby="live-heading">
            <h2 id="live-heading">"Work on it together"</h2>
            <Show
                when=shared
                fallback=move || {
                    view! {
                        <p>
                            "Share live: your team and your partner edit this plan at the same time, online or offline, through your sync server. Every edit merges; nothing is sent anywhere else."
                        </p>
                        <p class="share-note" data-testid="live-partner-sees">
                            <span class="tag tag-internal">"Partner-safe"</span>
                            " "
                            {partner_sees}
                        </p>
                        <form class="inline-form live-form" on:submit=share novalidate>
                            <TextField
                                id="live-server"
                                label="Sync server address"
                                hint="Kept in Settings for next time, like wss://sync.example.org."
                                value=Signal::derive(move || server_text.get())
                                on_change=Callback::new(move |v| server_text.set(v))
                                problem=Signal::derive(move || problem.get())
                            />
                            <button type="submit" class="button primary">
                                "Share live"
                            </button>
                        </form>
                    }
                }
            >
                <p class="live-status" role="status" data-testid="live-status">
                    {status}
                </p>
                <p class="presence" data-testid="presence">
                    {here}
                </p>
                <div class="field share-link">
                    <label for="live-link">
                        "Link to this plan (whoever has it can edit: send it only to the people working on it)"
                    </label>
                    <input
                        id="live-link"
                        type="text"
                        readonly
                        prop:value=move || link().unwrap_or_default()
                        data-testid="live-link"
                    />
                </div>
                <p class="share-note">{partner_sees}</p>
                <div class="actions">
                    <button type="button" class="button" on:click=copy>
                        "Copy link"
                    </button>
                    <button type="button" class="button quiet" on:click=stop>
                        "Stop sharing"
                    </button>
                </div>
            </Show>
        </section>
    }
}
