//! `/new`: where the Scrappy V1 wizard will live.

use crate::ui::router::{Link, Route};
use leptos::prelude::*;

#[component]
pub fn NewPlanPage() -> impl IntoView {
    view! {
        <section class="page narrow">
            <p class="eyebrow">"Scrappy V1"</p>
            <h1>"Start a pilot"</h1>
            <p class="lede">
                "Let's launch a scrappy V1. We'll learn more in 30 days of doing than in 30 more slides."
            </p>
            <div class="callout">
                <p>
                    <strong>"The pilot wizard is not built yet. "</strong>
                    "It will walk you through six steps — Partner, Timing, Fastest joint win, "
                    "Foundation, Next three steps and Launch — and save every answer as you type."
                </p>
                <p>"Until then, load the example portfolio to see how running pilots look."</p>
            </div>
            <Link to=Route::Portfolio class="button">"Back to the portfolio"</Link>
        </section>
    }
}
