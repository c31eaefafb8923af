//! Importing a Pilotdeck file: the "Import plans" file input, or a file dropped on the
//! portfolio. The whole file is read and checked first; a file that cannot be used says every
//! problem at once, in words, and changes nothing. A usable file opens a preview: which plans
//! are new, already here or different — with what differs, field by field and item by item —
//! and "Keep mine", "Take theirs", "Keep both" or "Combine" for each, starting on the side
//! changed later. "Confirm import" applies it all at once and can be undone; "Cancel" changes
//! nothing.
//!
//! The code that reads and checks a file comes with the import's answer, in a module loaded on
//! demand (src/ui/screens.rs), not in the one every visit downloads: a file chosen before that
//! module is here says "Reading…" until it has arrived, and that it could not be read yet, with
//! "Try again" (the file kept for it) and "Close", when the module cannot be fetched.

use crate::domain::import::{Choice, Preview, Status};
use crate::domain::import::{Comparison, Taken};
use crate::domain::{Plan, PlanId};
use crate::exchange::{ExchangeError, MAX_FILE_BYTES};
use crate::ui::browser::read_file_text;
use crate::ui::format;
use crate::ui::screens::{self, on_demand, Place, Unavailable};
use crate::ui::state::AppState;
use crate::ui::timing;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The most problems listed; the rest are counted.
const SHOWN_PROBLEMS: usize = 50;

#[derive(Debug, Clone, PartialEq)]
enum Step {
    Idle,
    Reading(String),
    /// The file was read, but the code that checks it could not be fetched.
    Unavailable {
        file: String,
        text: Arc<str>,
    },
    Failed {
        file: String,
        error: ExchangeError,
    },
    Previewing {
        file: String,
        preview: Preview,
    },
}

/// The import in progress, shared by the file input, the drop zone and the dialog.
#[derive(Clone, Copy)]
pub struct Importer {
    state: AppState,
    step: RwSignal<Step>,
    /// The choice for each plan that differs, by id; "Keep mine" until changed.
    choices: RwSignal<Vec<(PlanId, Choice)>>,
}

impl Importer {
    pub fn new(state: AppState) -> Self {
        Self {
            state,
            step: RwSignal::new(Step::Idle),
            choices: RwSignal::new(Vec::new()),
        }
    }

    /// Reads and checks `file`, then shows its preview or what is wrong with it.
    pub fn take_file(&self, file: web_sys::File) {
        let name = file.name();
        let bytes = file.size();
        if bytes > MAX_FILE_BYTES as f64 {
            self.step.set(Step::Failed {
                file: name,
                error: ExchangeError::TooLarge {
                    bytes: bytes as usize,
                    max: MAX_FILE_BYTES,
                },
            });
            return;
        }
        self.step.set(Step::Reading(name.clone()));
        let importer = *self;
        spawn_local(async move {
            match read_file_text(&file).await {
                Err(reason) => importer.show(Step::Failed {
                    file: name,
                    error: ExchangeError::NotJson(reason.to_string()),
                }),
                Ok(text) => importer.check(name, text.into()).await,
            }
        });
    }

    /// Checks the text of `file` with the code that reads files, in a module of its own fetched
    /// first if it is not here yet (src/ui/screens.rs): then shows the file's preview or what is
    /// wrong with it, or, when the module cannot be fetched, "Try again".
    async fn check(self, file: String, text: Arc<str>) {
        let next = match screens::check_import().await {
            Err(Unavailable) => Step::Unavailable { file, text },
            Ok(check) => timing::measure(timing::IMPORT, || {
                match self.state.portfolio.with_untracked(|p| check(&text, p)) {
                    Err(error) => Step::Failed { file, error },
                    Ok(preview) => Step::Previewing { file, preview },
                }
            }),
        };
        self.show(next);
    }

    /// Shows `next`, a preview with each difference on the side changed later. Nothing, when the
    /// portfolio has been left meanwhile.
    fn show(&self, next: Step) {
        let suggested = match &next {
            Step::Previewing { preview, .. } => preview
                .incoming
                .iter()
                .filter(|i| i.status == Status::Differs)
                .map(|i| (i.plan.id.clone(), i.suggested()))
                .collect(),
            _ => Vec::new(),
        };
        self.choices.try_set(suggested);
        self.step.try_set(next);
    }

    fn close(&self) {
        self.step.set(Step::Idle);
        self.choices.set(Vec::new());
    }

    fn choice(&self, id: &PlanId) -> Choice {
        self.choices.with(|c| {
            c.iter()
                .find(|(i, _)| i == id)
                .map_or(Choice::KeepMine, |(_, c)| *c)
        })
    }

    fn choose(&self, id: PlanId, choice: Choice) {
        self.choices.update(|c| {
            c.retain(|(i, _)| *i != id);
            c.push((id, choice));
        });
    }

    fn confirm(&self) {
        let Step::Previewing { file, preview } = self.step.get_untracked() else {
            return;
        };
        let choices = self.choices.get_untracked();
        let import = preview.resolve(
            |id| {
                choices
                    .iter()
                    .find(|(i, _)| i == id)
                    .map_or(Choice::KeepMine, |(_, c)| *c)
            },
            PlanId::random,
        );
        self.close();
        if import.is_empty() {
            self.state.notify(format!(
                "Nothing changed: every plan in {file} is already here, or you kept yours."
            ));
            return;
        }
        let done = match self.state.import(import) {
            Ok(done) => done,
            Err(reason) => {
                self.state.notify(format!(
                    "Not imported: {reason}. Nothing stored was changed. Make room (delete plans you have exported, or empty the trash in Settings) and import {file} again."
                ));
                return;
            }
        };
        let mut parts = Vec::new();
        if !done.added.is_empty() {
            parts.push(format!("{} added", done.added.len()));
        }
        if !done.replaced.is_empty() {
            parts.push(format!("{} replaced", done.replaced.len()));
        }
        self.state
            .notify_import(format!("Imported {file}: {}.", parts.join(", ")));
    }
}

/// The file from a change or drop event, if one was given.
fn first_file(files: Option<web_sys::FileList>) -> Option<web_sys::File> {
    files.and_then(|list| list.get(0))
}

/// The "Import plans" file input.
#[component]
pub fn ImportButton(importer: Importer) -> impl IntoView {
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = first_file(input.files()) {
            importer.take_file(file);
        }
        // The same file can be chosen again after a fix.
        input.set_value("");
    };
    view! {
        <label class="button file-button">
            "Import plans"
            <input
                type="file"
                accept=".json,application/json"
                class="visually-hidden"
                on:change=on_change
            />
        </label>
    }
}

/// Handlers that let a whole screen take a dropped file.
pub fn drop_file(importer: Importer, event: web_sys::DragEvent) {
    event.prevent_default();
    if let Some(file) = first_file(event.data_transfer().and_then(|d| d.files())) {
        importer.take_file(file);
    }
}

/// What the importer has to say: reading, what is wrong with the file, or the preview.
#[component]
pub fn ImportDialog(importer: Importer) -> impl IntoView {
    move || match importer.step.get() {
        Step::Idle => ().into_any(),
        Step::Reading(file) => view! {
            <p class="callout" role="status">
                {format!("Reading {file}…")}
            </p>
        }
        .into_any(),
        Step::Unavailable { file, text } => {
            let headline = format!("{file} could not be read yet");
            let retry = move |_| {
                importer.step.set(Step::Reading(file.clone()));
                spawn_local(importer.check(file.clone(), Arc::clone(&text)));
            };
            view! {
                <ImportProblem test_id="import-unavailable" headline=headline>
                    <p>
                        "The part of Pilotdeck that reads files is not on this device yet, and the server did not answer. Nothing in your plans was changed; try again once you are online."
                    </p>
                    <div class="banner-actions">
                        <button type="button" class="button small" on:click=retry>
                            "Try again"
                        </button>
                        <button
                            type="button"
                            class="button small"
                            on:click=move |_| importer.close()
                        >
                            "Close"
                        </button>
                    </div>
                </ImportProblem>
            }
                .into_any()
        }
        // Loaded on demand: most visits never import (src/ui/screens.rs).
        Step::Failed { file, error } => {
            on_demand(Place::Part, screens::import_failed, move |build| {
                build(importer, file.clone(), error.clone())
            })
        }
        Step::Previewing { file, preview } => {
            on_demand(Place::Part, screens::import_preview, move |build| {
                build(importer, file.clone(), preview.clone())
            })
        }
    }
}

#[component]
pub fn ImportFailed(importer: Importer, file: String, error: ExchangeError) -> impl IntoView {
    let (headline, problems) = match error {
        ExchangeError::Problems(problems) => (
            format!(
                "{} could not be imported: {} {} fixing.",
                file,
                plural(problems.len(), "problem"),
                if problems.len() == 1 { "needs" } else { "need" }
            ),
            problems,
        ),
        other => (format!("{file} could not be imported. {other}"), Vec::new()),
    };
    let more = problems.len().saturating_sub(SHOWN_PROBLEMS);
    view! {
        <ImportProblem test_id="import-error" headline=headline>
            {(!problems.is_empty())
                .then(|| {
                    view! {
                        <ul class="problem-list">
                            {problems
                                .into_iter()
                                .take(SHOWN_PROBLEMS)
                                .map(|p| {
                                    view! {
                                        <li>
                                            <code>{p.path}</code>
                                            ": "
                                            {p.message}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
            {(more > 0).then(|| view! { <p>{format!("…and {} more.", more)}</p> })}
            <p>"Nothing in your plans was changed."</p>
            <button type="button" class="button small" on:click=move |_| importer.close()>
                "Close"
            </button>
        </ImportProblem>
    }
}

/// A file the importer could not use: an alert named by its headline, `children` below it.
#[component]
fn ImportProblem(test_id: &'static str, headline: String, children: Children) -> impl IntoView {
    view! {
        <section
            class="banner banner-error import-error"
            role="alert"
            data-testid=test_id
            aria-labelledby="import-error-heading"
        >
            <h2 id="import-error-heading">{headline}</h2>
            {children()}
        </section>
    }
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn status_text(status: Status) -> &'static str {
    match status {
        Status::New => "New",
        Status::Identical => "Already here, the same",
        Status::Differs => "Already here, different",
    }
}

#[component]
pub fn ImportPreview(importer: Importer, file: String, preview: Preview) -> impl IntoView {
    let heading = NodeRef::<leptos::html::H2>::new();
    // The dialog takes the focus, so keyboard and screen-reader users land in it.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let summary = format!(
        "{} new · {} the same · {} different",
        preview.count(Status::New),
        preview.count(Status::Identical),
        preview.count(Status::Differs)
    );
    let mine = move |id: &PlanId| importer.state.plan(id);
    let rows = preview
        .incoming
        .into_iter()
        .map(|incoming| {
            let plan = incoming.plan;
            let status = incoming.status;
            let comparison = incoming.comparison;
            let choices = (status == Status::Differs).then(|| {
                let id = plan.id.clone();
                let ours = mine(&id);
                view! { <ConflictChoice importer=importer theirs=plan.clone() ours=ours comparison=comparison /> }
            });
            view! {
                <li class="import-row" data-status=status_text(status)>
                    <div class="import-row-head">
                        <strong>{plan.name.clone()}</strong>
                        <span class="import-status">{status_text(status)}</span>
                    </div>
                    {choices}
                </li>
            }
        })
        .collect_view();
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            importer.close();
        }
    };
    view! {
        <div class="dialog-backdrop">
            <section
                class="dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby="import-heading"
                on:keydown=on_key
            >
                <h2 id="import-heading" tabindex="-1" node_ref=heading>
                    {format!("Import {file}")}
                </h2>
                <p class="muted">{summary}</p>
                <ul class="import-list">{rows}</ul>
                <div class="actions">
                    <button
                        type="button"
                        class="button primary"
                        on:click=move |_| importer.confirm()
                    >
                        "Confirm import"
                    </button>
                    <button type="button" class="button" on:click=move |_| importer.close()>
                        "Cancel"
                    </button>
                </div>
            </section>
        </div>
    }
}

/// What differs, and keep mine, take theirs, keep both or combine, for one plan that differs.
#[component]
fn ConflictChoice(
    importer: Importer,
    theirs: Plan,
    ours: Option<Plan>,
    comparison: Option<Comparison>,
) -> impl IntoView {
    let id = theirs.id.clone();
    let group = format!("import-choice-{id}");
    let updated = |plan: &Plan| format::date(plan.updated_at.date_naive());
    let later = comparison.as_ref().is_some_and(|c| c.theirs_later);
    let detail = match &ours {
        Some(ours) => format!(
            "Yours: “{}”, changed {} · Theirs: “{}”, changed {}{}",
            ours.name,
            updated(ours),
            theirs.name,
            updated(&theirs),
            if later { " (later)" } else { "" }
        ),
        None => String::new(),
    };
    let can_combine = comparison.as_ref().is_some_and(|c| c.combined.is_some());
    let differences = comparison.map(|c| c.differences).unwrap_or_default();
    let count = differences.len();
    view! {
        <fieldset class="import-choice">
            <legend>{format!("What to do with “{}”", theirs.name)}</legend>
            <p class="muted">{detail}</p>
            <details class="import-differences" open=count <= 6>
                <summary>
                    {if count == 1 {
                        "1 difference".to_string()
                    } else {
                        format!("{count} differences")
                    }}
                </summary>
                <table data-testid="differences">
                    <thead>
                        <tr>
                            <th scope="col">"Where"</th>
                            <th scope="col">"Yours"</th>
                            <th scope="col">"Theirs"</th>
                            <th scope="col">"Combine takes"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {differences
                            .into_iter()
                            .map(|d| {
                                view! {
                                    <tr>
                                        <th scope="row">{d.place}</th>
                                        <td>{d.mine.unwrap_or_else(|| "—".into())}</td>
                                        <td>{d.theirs.unwrap_or_else(|| "—".into())}</td>
                                        <td>
                                            {match d.taken {
                                                Taken::Mine => "yours",
                                                Taken::Theirs => "theirs",
                                                Taken::Kept => "both kept",
                                            }}
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </details>
            {Choice::ALL
                .into_iter()
                .filter(|choice| *choice != Choice::Combine || can_combine)
                .map(|choice| {
                    let id = id.clone();
                    let checked_id = id.clone();
                    view! {
                        <label class="decision-option">
                            <input
                                type="radio"
                                name=group.clone()
                                prop:checked=move || importer.choice(&checked_id) == choice
                                on:change=move |_| importer.choose(id.clone(), choice)
                            />
                            {choice.label()}
                            <span class="muted">
                                {match choice {
                                    Choice::KeepMine => " — their changes are left out",
                                    Choice::TakeTheirs => " — yours are replaced",
                                    Choice::KeepBoth => " — theirs added as “… (imported)”",
                                    Choice::Combine => {
                                        " — lists united, each differing field from the side changed later"
                                    }
                                }}
                            </span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
