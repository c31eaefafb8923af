//! A short list of texts with a one-line form to add one and a button to remove each: the
//! parking lot, and what a scrappy V1 leaves out.

use leptos::prelude::*;

#[component]
pub fn TextList(
    /// The input's id.
    id: &'static str,
    /// The input's label; shown only when `show_label` is set.
    label: &'static str,
    #[prop(optional)] show_label: bool,
    placeholder: &'static str,
    /// The add button's text.
    button: &'static str,
    /// What the list says when it is empty.
    empty: &'static str,
    /// What an item is called, for the remove buttons' names ("parking lot item 2").
    item_name: &'static str,
    #[prop(into)] items: Signal<Vec<String>>,
    on_add: Callback<String>,
    on_remove: Callback<usize>,
) -> impl IntoView {
    let draft = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = draft.get_untracked().trim().to_string();
        if !text.is_empty() {
            on_add.run(text);
            draft.set(String::new());
        }
    };
    view! {
        {move || {
            let items = items.get();
            if items.is_empty() {
                view! { <p class="muted">{empty}</p> }.into_any()
            } else {
                view! {
                    <ul class="text-list">
                        {items
                            .into_iter()
                            .enumerate()
                            .map(|(i, item)| {
                                view! {
                                    <li>
                                        <span>{item}</span>
                                        <button
                                            type="button"
                                            class="button small quiet"
                                            on:click=move |_| on_remove.run(i)
                                        >
                                            "Remove"
                                            <span class="visually-hidden">
                                                {format!(" {item_name} {}", i + 1)}
                                            </span>
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }
        }}
        <form class="inline-form" on:submit=add>
            <label for=id class:visually-hidden=!show_label>
                {label}
            </label>
            <input
                id=id
                type="text"
                placeholder=placeholder
                prop:value=move || draft.get()
                on:input=move |ev| draft.set(event_target_value(&ev))
            />
            <button type="submit" class="button small">
                {button}
            </button>
        </form>
    }
}
