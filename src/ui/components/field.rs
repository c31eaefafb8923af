//! Form fields with a visible label, an optional hint, the problem next to the field, and
//! suggestions that fill the field on click. Every field reports each keystroke.

use crate::domain::limits::MAX_TEXT_CHARS;
use crate::domain::numbers::parse_number;
use crate::ui::format;
use leptos::prelude::*;

/// Ids for a field's hint and problem, for `aria-describedby`.
fn described_by(id: &str, hint: bool) -> String {
    if hint {
        format!("{id}-hint {id}-problem")
    } else {
        format!("{id}-problem")
    }
}

/// For fields that are optional and cannot be wrong.
pub fn no_problem() -> Signal<Option<String>> {
    Signal::derive(|| None)
}

/// The problem line under a field (empty when there is none).
#[component]
pub fn Problem(id: String, #[prop(into)] problem: Signal<Option<String>>) -> impl IntoView {
    view! {
        <p class="field-problem" id=format!("{id}-problem")>
            {move || problem.get()}
        </p>
    }
}

/// Buttons that put a suggestion into a field.
#[component]
pub fn Suggestions(
    items: Vec<&'static str>,
    on_pick: Callback<&'static str>,
    #[prop(optional)] label: Option<&'static str>,
) -> impl IntoView {
    (!items.is_empty()).then(|| {
        view! {
            <div class="suggestions">
                <span class="suggestions-label">{label.unwrap_or("Suggestions")}</span>
                {items
                    .into_iter()
                    .map(|item| {
                        view! {
                            <button type="button" class="chip" on:click=move |_| on_pick.run(item)>
                                <span class="visually-hidden">"Use: "</span>
                                {item}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        }
    })
}

/// A text input (or a textarea) bound to a text field.
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    label: &'static str,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
    #[prop(into)] problem: Signal<Option<String>>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] multiline: bool,
    /// One line of text that wraps instead of running out of sight: a one-row text area that
    /// takes no line breaks (Enter does nothing, pasted ones become spaces).
    #[prop(optional)]
    wraps: bool,
    #[prop(optional)] suggestions: Vec<&'static str>,
    #[prop(optional)] autofocus: bool,
    /// The most characters the field holds (a name's limit, or by default a text's): what
    /// loading a plan would refuse cannot be typed or pasted.
    #[prop(optional)]
    max: Option<usize>,
) -> impl IntoView {
    let invalid = move || problem.get().is_some().then_some("true");
    // The browser counts UTF-16 units, never fewer than characters: within it, within the limit.
    let max = max.unwrap_or(MAX_TEXT_CHARS);
    let input = move |ev| on_change.run(event_target_value(&ev));
    let described = described_by(&id, hint.is_some());
    let control = if multiline || wraps {
        let one_line = move |ev: leptos::ev::Event| {
            let typed = event_target_value(&ev);
            let text = typed.replace(['\n', '\r'], " ");
            if text != typed {
                // The box shows what the field holds, even when the value it follows is unchanged.
                let area = ev.target().and_then(|t| {
                    wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlTextAreaElement>(t).ok()
                });
                if let Some(area) = area {
                    area.set_value(&text);
                }
            }
            on_change.run(text);
        };
        view! {
            <textarea
                id=id.clone()
                class:wraps=wraps
                rows=if wraps { "1" } else { "3" }
                maxlength=max
                prop:value=move || value.get()
                on:input=move |ev| if wraps { one_line(ev) } else { input(ev) }
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if wraps && ev.key() == "Enter" {
                        ev.prevent_default();
                    }
                }
                aria-invalid=invalid
                aria-describedby=described
                autofocus=autofocus
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                type="text"
                maxlength=max
                prop:value=move || value.get()
                on:input=input
                aria-invalid=invalid
                aria-describedby=described
                autofocus=autofocus
            />
        }
        .into_any()
    };
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field" class:field-invalid=move || problem.get().is_some()>
            <label for=id.clone()>{label}</label>
            {hint
                .map(|hint| {
                    view! {
                        <p class="field-hint" id=hint_id>
                            {hint}
                        </p>
                    }
                })}
            {control}
            <Problem id=id problem=problem />
            <Suggestions
                items=suggestions
                on_pick=Callback::new(move |text: &'static str| on_change.run(text.to_string()))
            />
        </div>
    }
}

/// A number input. What is typed stays as typed (a half-typed "12." is not rewritten to "12");
/// the input follows `value` only when it changes from elsewhere, such as the other window of a
/// workshop.
#[component]
pub fn NumberField(
    id: String,
    label: &'static str,
    #[prop(into)] value: Signal<Option<f64>>,
    on_change: Callback<Option<f64>>,
    #[prop(into)] problem: Signal<Option<String>>,
    /// The ids of the fields, among those sharing this list, whose text is not a number: the
    /// field is listed while it says so (and reports nothing), for a form that must not submit
    /// the last number a field held.
    #[prop(optional_no_strip)]
    not_numbers: Option<RwSignal<Vec<String>>>,
) -> impl IntoView {
    let typed_problem = RwSignal::new(None::<String>);
    let own_id = StoredValue::new(id.clone());
    let set_typed_problem = move |problem: Option<String>| {
        let listed = problem.is_some();
        typed_problem.set(problem);
        let Some(list) = not_numbers else { return };
        let changed = own_id.with_value(|own| list.with_untracked(|l| l.contains(own)) != listed);
        if changed {
            let own = own_id.get_value();
            list.update(|l| {
                l.retain(|x| x != &own);
                if listed {
                    l.push(own);
                }
            });
        }
    };
    if let Some(list) = not_numbers {
        let own = id.clone();
        on_cleanup(move || {
            list.try_update(|l| l.retain(|x| x != &own));
        });
    }
    let shown = Signal::derive(move || typed_problem.get().or_else(|| problem.get()));
    let input = NodeRef::<leptos::html::Input>::new();
    // The value this field last showed or reported: a change to anything else came from elsewhere.
    let known = StoredValue::new(value.get_untracked());
    let initial = known.get_value().map(format::number).unwrap_or_default();
    Effect::new(move |_| {
        let now = value.get();
        if known.get_value() != now {
            known.set_value(now);
            set_typed_problem(None);
            if let Some(input) = input.get_untracked() {
                input.set_value(&now.map(format::number).unwrap_or_default());
            }
        }
    });
    let report = move |number: Option<f64>| {
        set_typed_problem(None);
        known.set_value(number);
        on_change.run(number);
    };
    let described = described_by(&id, false);
    view! {
        <div class="field field-number" class:field-invalid=move || shown.get().is_some()>
            <label for=id.clone()>{label}</label>
            <input
                id=id.clone()
                node_ref=input
                type="text"
                inputmode="decimal"
                value=initial
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    match parse_number(&text) {
                        Some(number) => report(Some(number)),
                        None if text.trim().is_empty() => report(None),
                        None => {
                            set_typed_problem(
                                Some("Not a number: type one like 120, 4.5 or 15%.".into()),
                            )
                        }
                    }
                }
                aria-invalid=move || shown.get().is_some().then_some("true")
                aria-describedby=described
            />
            <Problem id=id problem=shown />
        </div>
    }
}

/// A date input (`YYYY-MM-DD`).
#[component]
pub fn DateField(
    id: String,
    label: &'static str,
    #[prop(into)] value: Signal<Option<chrono::NaiveDate>>,
    on_change: Callback<Option<chrono::NaiveDate>>,
    #[prop(into)] problem: Signal<Option<String>>,
    #[prop(optional_no_strip)] hint: Option<&'static str>,
) -> impl IntoView {
    let described = described_by(&id, hint.is_some());
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field field-date" class:field-invalid=move || problem.get().is_some()>
            <label for=id.clone()>{label}</label>
            {hint
                .map(|hint| {
                    view! {
                        <p class="field-hint" id=hint_id>
                            {hint}
                        </p>
                    }
                })}
            <input
                id=id.clone()
                type="date"
                prop:value=move || value.get().map(|d| d.to_string()).unwrap_or_default()
                on:input=move |ev| {
                    on_change.run(crate::domain::dates::parse_date(&event_target_value(&ev)))
                }
                aria-invalid=move || problem.get().is_some().then_some("true")
                aria-describedby=described
            />
            <Problem id=id problem=problem />
        </div>
    }
}

/// A 1–5 rating as a group of radio buttons.
#[component]
pub fn RatingField(
    #[prop(into)] name: String,
    legend: &'static str,
    low: &'static str,
    high: &'static str,
    #[prop(into)] value: Signal<Option<u8>>,
    on_change: Callback<u8>,
    #[prop(into)] problem: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <fieldset class="field rating" class:field-invalid=move || problem.get().is_some()>
            <legend>{legend}</legend>
            <div class="rating-scale">
                <span class="rating-end" aria-hidden="true">
                    {low}
                </span>
                {(1u8..=5)
                    .map(|n| {
                        view! {
                            <label class="rating-option">
                                <input
                                    type="radio"
                                    name=name.clone()
                                    value=n.to_string()
                                    prop:checked=move || value.get() == Some(n)
                                    on:change=move |_| on_change.run(n)
                                />
                                <span>{n.to_string()}</span>
                                <span class="visually-hidden">
                                    {match n {
                                        1 => format!(" ({low})"),
                                        5 => format!(" ({high})"),
                                        _ => String::new(),
                                    }}
                                </span>
                            </label>
                        }
                    })
                    .collect_view()}
                <span class="rating-end" aria-hidden="true">
                    {high}
                </span>
            </div>
            <Problem id=name problem=problem />
        </fieldset>
    }
}

/// The cadence of syncs: weekly, every two weeks or monthly.
#[component]
pub fn CadenceField(
    #[prop(into)] id: String,
    #[prop(into)] value: Signal<crate::domain::Cadence>,
    on_change: Callback<crate::domain::Cadence>,
) -> impl IntoView {
    use crate::domain::Cadence;
    view! {
        <div class="field">
            <label for=id.clone()>"Cadence"</label>
            <select
                id=id
                on:change=move |ev| {
                    let picked = event_target_value(&ev);
                    if let Some(c) = Cadence::ALL.into_iter().find(|c| c.label() == picked) {
                        on_change.run(c);
                    }
                }
            >
                {Cadence::ALL
                    .into_iter()
                    .map(|c| {
                        view! { <option selected=move || value.get() == c>{c.label()}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
