//! Timing: what their leadership cares about this quarter, how the partnership fits it, and
//! two ratings. Answering any of it confirms the timing, today.

use super::PlanForm;
use crate::domain::wizard::Field;
use crate::domain::{Rating, Timing};
use crate::ui::components::field::{RatingField, TextField};
use leptos::prelude::*;

#[component]
pub fn TimingForm(form: PlanForm) -> impl IntoView {
    // Answering the timing questions is confirming the timing, today.
    fn answer<T: Send + Sync + 'static>(form: PlanForm, write: fn(&mut Timing, T)) -> Callback<T> {
        Callback::new(move |value: T| {
            form.edit(|p| {
                write(&mut p.timing, value);
                p.timing.confirmed_on = Some(form.today.get_untracked());
            })
        })
    }
    let rating = move |read: fn(&Timing) -> Option<Rating>| {
        Signal::derive(move || form.read(None, |p| read(&p.timing).map(Rating::get)))
    };
    let in_rebuild = answer(form, |t, on: bool| t.in_rebuild = on);
    view! {
        <TextField
            id=form.id("their-priority")
            label="What's top-of-mind for their leadership this quarter?"
            value=form.text(|p| &p.timing.their_priority)
            on_change=answer(form, |t, v| t.their_priority = v)
            problem=form.problem(Field::TheirPriority)
            multiline=true
            autofocus=form.is_guided()
        />
        <TextField
            id=form.id("how-we-fit")
            label="How does this partnership fit into that picture?"
            value=form.text(|p| &p.timing.how_we_fit)
            on_change=answer(form, |t, v| t.how_we_fit = v)
            problem=form.problem(Field::HowWeFit)
            multiline=true
        />
        <RatingField
            name=form.id("fit")
            legend="Fit: how well does this serve both sides?"
            low="poor"
            high="excellent"
            value=rating(|t| t.fit)
            on_change=answer(form, |t, n| t.fit = Rating::new(n))
            problem=form.problem(Field::Fit)
        />
        <RatingField
            name=form.id("readiness")
            legend="Readiness: is this the right time for both of us?"
            low="not now"
            high="right now"
            value=rating(|t| t.readiness)
            on_change=answer(form, |t, n| t.readiness = Rating::new(n))
            problem=form.problem(Field::Readiness)
        />
        <div class="field field-check">
            <label>
                <input
                    type="checkbox"
                    prop:checked=move || form.read(false, |p| p.timing.in_rebuild)
                    on:change=move |ev| in_rebuild.run(event_target_checked(&ev))
                />
                " They are in a rebuild phase (reorganisation, migration, new leadership)"
            </label>
        </div>
    }
}
