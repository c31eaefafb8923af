//! `/join#<server>/<room>`: a plan shared live, opened from its link. The plan joins this
//! device's portfolio, marked as shared, once the sync server has sent it; the page then moves
//! on to it. A damaged link, or a server that cannot be reached, says so and changes nothing.

use crate::sync::link::LiveLink;
use crate::ui::live::{reachable, Live};
use crate::ui::router::{use_router, Link, Route};
use leptos::prelude::*;

#[component]
pub fn JoinPage() -> impl IntoView {
    let live = expect_context::<Live>();
    let router = use_router();
    let fragment = window().location().hash().unwrap_or_default();
    let link = LiveLink::parse(&fragment)
        .map_err(|error| error.to_string())
        .and_then(|link| reachable(&link.server).map(|()| link));
    let link = match link {
        Ok(link) => link,
        Err(error) => {
            return view! {
                <section class="page narrow">
                    <h1>"This shared plan cannot be opened"</h1>
                    <p class="banner banner-error" role="alert" data-testid="join-error">
                        {error}
                    </p>
                    <p>"Nothing was saved and your plans are as they were."</p>
                    <Link to=Route::Portfolio class="button primary">
                        "Go to the portfolio"
                    </Link>
                </section>
            }
            .into_any();
        }
    };
    let room = link.room.clone();
    let server = link.server.to_string();
    let waiting = live.join(link);
    // Once the plan has arrived, open it.
    Effect::new(move |_| {
        let arrived = live.joined.with(|j| {
            j.iter()
                .find(|(r, _)| *r == room)
                .map(|(_, plan)| plan.clone())
        });
        if let Some(plan) = arrived {
            router.go(Route::Plan(plan));
        }
    });
    let status = move || live.status_text(&waiting);
    view! {
        <section class="page narrow">
            <h1>"Joining a shared plan"</h1>
            <p>{format!("Fetching the plan from the sync server at {server}…")}</p>
            <p class="live-status" role="status" data-testid="live-status">
                {status}
            </p>
            <p class="muted">
                "Once it arrives it is in your portfolio, marked as shared: your edits and theirs merge, and it works offline too."
            </p>
        </section>
    }
    .into_any()
}
