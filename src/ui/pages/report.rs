//! `/report`: the portfolio on one printable page for leadership — every running pilot with its
//! band and the band's reason, trend, days since launch, next step and owner, and open blockers
//! — with the date it was made, "Print" (and so PDF) and the CSV of every plan.

use crate::domain::report::{running_report, stage_counts};
use crate::domain::scoring::MODEL;
use crate::exchange::csv::{csv_file_name, portfolio_csv};
use crate::ui::browser::download;
use crate::ui::components::band_badge::BandBadge;
use crate::ui::format;
use crate::ui::router::{Link, Route};
use crate::ui::state::AppState;
use leptos::prelude::*;

/// Offers every plan as a CSV file; what the page then says.
pub fn export_csv(state: AppState) {
    let today = state.today.get_untracked();
    let text = state
        .portfolio
        .with_untracked(|p| portfolio_csv(p.plans(), today, &MODEL));
    let name = csv_file_name(today);
    match download(&name, "text/csv", &text) {
        Ok(()) => state.notify(format!("Saved {name}.")),
        Err(error) => state.notify(format!("The download did not start: {error}")),
    }
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let rows = Memo::new(move |_| {
        let today = state.today.get();
        state
            .portfolio
            .with(|p| running_report(p.plans(), today, &MODEL))
    });
    let summary = move || {
        state.portfolio.with(|p| {
            stage_counts(p.plans())
                .into_iter()
                .map(|(stage, n)| format!("{n} {}", stage.label().to_lowercase()))
                .collect::<Vec<_>>()
                .join(" · ")
        })
    };
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <article class="page report">
            <nav class="breadcrumb" aria-label="Breadcrumb">
                <Link to=Route::Portfolio>"Portfolio"</Link>
            </nav>
            <header class="page-header">
                <div>
                    <h1>"Portfolio report"</h1>
                    <p class="subtitle" data-testid="report-date">
                        {move || format!("Running pilots on {}", format::date(state.today.get()))}
                        <span class="print-only">" · printed from Pilotdeck"</span>
                    </p>
                    <p class="muted" data-testid="report-stages">
                        {summary}
                    </p>
                </div>
                <div class="actions">
                    <button type="button" class="button primary" on:click=print>
                        "Print or save as PDF"
                    </button>
                    <button type="button" class="button" on:click=move |_| export_csv(state)>
                        "Export CSV"
                    </button>
                </div>
            </header>
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=|| {
                    view! {
                        <p class="callout">
                            "No pilot is running yet: the report lists running pilots."
                        </p>
                    }
                }
            >
                <table class="report-table" data-testid="report">
                    <caption class="visually-hidden">
                        "Running pilots, the most urgent first"
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">"Pilot"</th>
                            <th scope="col">"Momentum"</th>
                            <th scope="col">"Trend"</th>
                            <th scope="col">"Day"</th>
                            <th scope="col">"Next step"</th>
                            <th scope="col">"Open blockers"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            rows.get()
                                .into_iter()
                                .map(|row| {
                                    let trend = row
                                        .trend
                                        .map(|(direction, delta)| {
                                            format!(
                                                "{} {}{delta}",
                                                direction.arrow(),
                                                if delta > 0 { "+" } else { "" },
                                            )
                                        });
                                    let next = row
                                        .next_step
                                        .map(|step| {
                                            let owner = if step.owner.trim().is_empty() {
                                                "no owner".to_string()
                                            } else {
                                                step.owner
                                            };
                                            let due = step
                                                .due_on
                                                .map(|d| format!(", due {}", format::short_date(d)))
                                                .unwrap_or_default();
                                            format!("{} ({owner}{due})", step.title)
                                        });
                                    view! {
                                        <tr
                                            data-testid="report-row"
                                            data-plan-id=row.id.to_string()
                                        >
                                            <th scope="row">
                                                <Link to=Route::Plan(row.id.clone())>{row.name}</Link>
                                                <span class="report-partner">
                                                    {format!("{} · {}", row.partner, row.kind)}
                                                </span>
                                            </th>
                                            <td>
                                                <span class="report-score">
                                                    {row
                                                        .score
                                                        .map_or_else(|| "Unknown".to_string(), |s| s.to_string())}
                                                </span>
                                                " "
                                                {row
                                                    .band
                                                    .map(|band| {
                                                        view! { <BandBadge band=band test_id="report-band" /> }
                                                    })}
                                                {row
                                                    .band_reason
                                                    .map(|reason| {
                                                        view! { <span class="band-reason">{reason}</span> }
                                                    })}
                                            </td>
                                            <td>{trend.unwrap_or_else(|| "–".to_string())}</td>
                                            <td>
                                                {row
                                                    .days_since_launch
                                                    .map(|d| d.to_string())
                                                    .unwrap_or_default()}
                                            </td>
                                            <td>
                                                {next.unwrap_or_else(|| "None planned".to_string())}
                                            </td>
                                            <td>
                                                {if row.blockers.is_empty() {
                                                    view! { <span class="muted">"None"</span> }.into_any()
                                                } else {
                                                    view! {
                                                        <ul class="report-blockers">
                                                            {row
                                                                .blockers
                                                                .into_iter()
                                                                .map(|b| {
                                                                    view! {
                                                                        <li>
                                                                            {b.text}
                                                                            <span class="muted">
                                                                                {format!(
                                                                                    " ({}{} days)",
                                                                                    if b.owner.is_empty() {
                                                                                        String::new()
                                                                                    } else {
                                                                                        format!("{}, ", b.owner)
                                                                                    },
                                                                                    b.days_open,
                                                                                )}
                                                                            </span>
                                                                        </li>
                                                                    }
                                                                })
                                                                .collect_view()}
                                                        </ul>
                                                    }
                                                        .into_any()
                                                }}
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </Show>
        </article>
    }
}
