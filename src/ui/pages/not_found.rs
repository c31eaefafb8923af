//! What an unknown address shows.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <section class="page narrow">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address. Your plans are on the portfolio."</p>
            <A href="/" attr:class="button primary">"Go to the portfolio"</A>
        </section>
    }
}
