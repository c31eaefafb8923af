//! A plan's alerts: what needs attention, each named and explained.

use crate::domain::scoring::Alert;
use leptos::prelude::*;

#[component]
pub fn AlertList(alerts: Vec<Alert>) -> impl IntoView {
    view! {
        <ul class="alert-list" data-testid="alerts">
            {alerts
                .into_iter()
                .map(|a| {
                    view! {
                        <li class="alert">
                            <strong>{a.kind.label()} ": "</strong>
                            {a.message()}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
