//! Prompts that come due while a pilot runs: re-confirming the timing when a new quarter starts,
//! and the 30-day review — keep, change, stop, then scale, iterate or stop.

use super::field::{no_problem, TextField};
use crate::domain::calendar::Quarter;
use crate::domain::run::{
    complete_review, cycle_under_review, review_draft, review_state, ReviewAnswers, ReviewState,
};
use crate::domain::scoring::momentum::timing_confirmed;
use crate::domain::{Cycle, Decision};
use crate::ui::editor::Editor;
use crate::ui::format;
use leptos::prelude::*;

/// Asks for this quarter's answers to the two timing questions when the last confirmation is
/// from an earlier quarter (or was never given).
#[component]
pub fn TimingBanner(e: Editor) -> impl IntoView {
    let today = e.state.today;
    let stale = move || {
        e.read(false, |p| {
            p.stage.is_running() && !timing_confirmed(p, today.get())
        })
    };
    // The form starts from the answers given last time.
    let priority =
        RwSignal::new(e.read_untracked(String::new(), |p| p.timing.their_priority.clone()));
    let fit = RwSignal::new(e.read_untracked(String::new(), |p| p.timing.how_we_fit.clone()));
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let on = today.get_untracked();
        e.edit(|p| p.confirm_timing(priority.get_untracked(), fit.get_untracked(), on));
        e.state
            .notify(format!("Timing confirmed for {}.", Quarter::of(on).label()));
    };
    view! {
        <Show when=stale>
            <section class="panel wide banner-panel" aria-labelledby="timing-check-heading">
                <h2 id="timing-check-heading">
                    {move || format!("A new quarter: {}", Quarter::of(today.get()).label())}
                </h2>
                <p>
                    "Priorities move with the quarter. Ask the partner again, and update the answers before they go stale."
                </p>
                <form class="edit-form" on:submit=confirm>
                    <TextField
                        id="reconfirm-priority"
                        label="What's top-of-mind for their leadership this quarter?"
                        value=Signal::derive(move || priority.get())
                        on_change=Callback::new(move |v| priority.set(v))
                        problem=no_problem()
                        multiline=true
                    />
                    <TextField
                        id="reconfirm-fit"
                        label="How does this partnership fit into that picture?"
                        value=Signal::derive(move || fit.get())
                        on_change=Callback::new(move |v| fit.set(v))
                        problem=no_problem()
                        multiline=true
                    />
                    <button type="submit" class="button primary">
                        "Confirm for this quarter"
                    </button>
                </form>
            </section>
        </Show>
    }
}

const DECISIONS: [(Decision, &str); 3] = [
    (Decision::Scale, "Scale: it worked; widen it."),
    (
        Decision::Iterate,
        "Iterate: keep going for another 30 days with the changes.",
    ),
    (
        Decision::Stop,
        "Stop: the stop condition was met, or it is not worth it.",
    ),
];

/// The 30-day review, shown when the current cycle reaches its review date.
#[component]
pub fn ReviewPanel(e: Editor) -> impl IntoView {
    let today = e.state.today;
    let due = move || match e.read(ReviewState::None, |p| review_state(p, today.get())) {
        ReviewState::Due(on) => Some(on),
        _ => None,
    };
    // The answers live in the cycle under review, saved as typed like every other field.
    let answer = move |read: fn(&ReviewAnswers) -> &String| {
        Signal::derive(move || e.read(String::new(), |p| read(&review_draft(p)).clone()))
    };
    let write = move |write: fn(&mut Cycle, String)| {
        Callback::new(move |text: String| {
            let on = today.get_untracked();
            e.edit(|p| write(cycle_under_review(p, on), text));
        })
    };
    let decision = RwSignal::new(None::<Decision>);
    let reason = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(chosen) = decision.get_untracked() else {
            problem.set(Some("Choose scale, iterate or stop.".into()));
            return;
        };
        let mut outcome = Ok(());
        let on = today.get_untracked();
        e.edit(|p| {
            let answers = review_draft(p);
            outcome = complete_review(p, answers, chosen, &reason.get_untracked(), on)
        });
        match outcome {
            Ok(()) => {
                problem.set(None);
                e.state.notify(match chosen {
                    Decision::Scale => "Review recorded: scaling, with a new 30-day cycle.",
                    Decision::Iterate => "Review recorded: a new 30-day cycle has started.",
                    Decision::Stop => "Review recorded: the pilot is stopped.",
                });
            }
            Err(error) => problem.set(Some(error.to_string())),
        }
    };
    view! {
        {move || {
            due()
                .map(|on| {
                    view! {
                        <section
                            class="panel wide banner-panel"
                            id="review"
                            aria-labelledby="review-heading"
                        >
                            <h2 id="review-heading">"The 30-day review is due"</h2>
                            <p>
                                {format!(
                                    "This cycle reached its review date on {}. What do you keep, change and stop — and what happens next?",
                                    format::date(on),
                                )}
                            </p>
                            <form class="edit-form" on:submit=submit novalidate>
                                <TextField
                                    id="review-keep"
                                    label="What to keep"
                                    hint="What worked and continues."
                                    value=answer(|a| &a.keep)
                                    on_change=write(|c, v| c.keep = v)
                                    problem=no_problem()
                                    multiline=true
                                />
                                <TextField
                                    id="review-change"
                                    label="What to change"
                                    hint="What the next cycle does differently."
                                    value=answer(|a| &a.change)
                                    on_change=write(|c, v| c.change = v)
                                    problem=no_problem()
                                    multiline=true
                                />
                                <TextField
                                    id="review-stop"
                                    label="What to stop"
                                    hint="What you stop doing."
                                    value=answer(|a| &a.stop)
                                    on_change=write(|c, v| c.stop = v)
                                    problem=no_problem()
                                    multiline=true
                                />
                                <fieldset class="field decision">
                                    <legend>"Decision"</legend>
                                    {DECISIONS
                                        .into_iter()
                                        .map(|(d, text)| {
                                            view! {
                                                <label class="decision-option">
                                                    <input
                                                        type="radio"
                                                        name="review-decision"
                                                        prop:checked=move || decision.get() == Some(d)
                                                        on:change=move |_| {
                                                            decision.set(Some(d));
                                                            problem.set(None);
                                                        }
                                                    />
                                                    <strong>{d.label()}</strong>
                                                    <span class="muted">
                                                        {format!(
                                                            " — {}",
                                                            text.split_once(": ").map_or(text, |(_, rest)| rest),
                                                        )}
                                                    </span>
                                                </label>
                                            }
                                        })
                                        .collect_view()}
                                </fieldset>
                                <Show when=move || decision.get() == Some(Decision::Stop)>
                                    <TextField
                                        id="review-reason"
                                        label="Why stop?"
                                        value=Signal::derive(move || reason.get())
                                        on_change=Callback::new(move |v| reason.set(v))
                                        problem=no_problem()
                                    />
                                </Show>
                                <p class="field-problem" role="alert">
                                    {move || problem.get()}
                                </p>
                                <button type="submit" class="button primary">
                                    "Record the review"
                                </button>
                            </form>
                        </section>
                    }
                })
        }}
    }
}
