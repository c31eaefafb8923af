//! What an unknown address shows.

use crate::ui::router::{Link, Route};
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <section class="page narrow">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address. Your plans are on the portfolio."</p>
            <Link to=Route::Portfolio class="button primary">
                "Go to the portfolio"
            </Link>
        </section>
    }
}
