//! The partner: who they are, the kind of partnership, and the two people who carry it.

use super::PlanForm;
use crate::domain::limits::MAX_NAME_CHARS;
use crate::domain::templates::template;
use crate::domain::wizard::Field;
use crate::domain::PartnerKind;
use crate::ui::components::field::TextField;
use leptos::prelude::*;

#[component]
pub fn PartnerForm(form: PlanForm) -> impl IntoView {
    let guided = form.is_guided();
    let kind_id = form.id("partner-kind");
    let hint_id = format!("{kind_id}-hint");
    let pick_kind = move |ev| {
        let value = event_target_value(&ev);
        if let Some(kind) = PartnerKind::ALL.into_iter().find(|k| k.label() == value) {
            form.edit(|p| {
                p.partner.kind = kind;
                // A draft takes the kind's usual rhythm; a plan under way keeps the one agreed.
                if guided {
                    p.foundation.rhythm.cadence_days = template(kind).cadence;
                }
            });
        }
    };
    view! {
        <TextField
            id=form.id("partner-name")
            max=MAX_NAME_CHARS
            label="Partner name"
            value=form.text(|p| &p.partner.name)
            on_change=form.setter(|p, v| p.partner.name = v)
            problem=form.problem(Field::PartnerName)
            autofocus=guided
        />
        <div class="field">
            <label for=kind_id.clone()>"Kind of partnership"</label>
            {guided
                .then(|| {
                    view! {
                        <p class="field-hint" id=hint_id.clone()>
                            "The kind loads suggestions for the next steps."
                        </p>
                    }
                })}
            <select id=kind_id aria-describedby=guided.then_some(hint_id) on:change=pick_kind>
                {PartnerKind::ALL
                    .into_iter()
                    .map(|k| {
                        view! { <option selected=move || form.kind() == k>{k.label()}</option> }
                    })
                    .collect_view()}
            </select>
            {guided
                .then(|| {
                    view! {
                        <p class="template-summary">{move || template(form.kind()).summary}</p>
                        <details class="risks">
                            <summary>
                                {move || format!("Typical risks in {}", form.kind().a_pilot())}
                            </summary>
                            <ul>
                                {move || {
                                    template(form.kind())
                                        .risks
                                        .iter()
                                        .map(|risk| view! { <li>{*risk}</li> })
                                        .collect_view()
                                }}
                            </ul>
                        </details>
                    }
                })}
        </div>
        <TextField
            id=form.id("our-owner")
            max=MAX_NAME_CHARS
            label="Our owner"
            hint="Who on our side owns the partnership day to day."
            value=form.text(|p| &p.partner.our_owner)
            on_change=form.setter(|p, v| p.partner.our_owner = v)
            problem=form.problem(Field::OurOwner)
        />
        <TextField
            id=form.id("their-champion")
            max=MAX_NAME_CHARS
            label="Their champion"
            hint="The person on their side who wants this to work."
            value=form.text(|p| &p.partner.their_champion)
            on_change=form.setter(|p, v| p.partner.their_champion = v)
            problem=form.problem(Field::TheirChampion)
        />
    }
}
