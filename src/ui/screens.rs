//! The screens a first visit does not need, loaded when they are first opened, and the import's
//! answer (a file's problems or its preview), which the portfolio needs only once a file is chosen.
//!
//! The portfolio, the shell and the state are in the module every visit downloads. Each screen
//! here is a split point: in a split build (`--cfg pilotdeck_split`, made by `scripts/build`;
//! `scripts/split.mjs` cuts the module after cargo links it), its code goes into a module of its
//! own, fetched the first time the screen is shown, or earlier, in the first idle moment after
//! the first render ([`preload`]), so that a later navigation finds it ready. Code several screens
//! share goes into shared modules, fetched with the first screen that needs them.
//!
//! What a split point returns is the screen's constructor, a plain function: loading is apart
//! from rendering, so a screen is rendered the same way whether its module came now or long ago.
//! Without the cfg (`trunk serve` in development, the browser tests), every screen is in the one
//! module and each loader is ready at once.

use crate::domain::import::Preview;
use crate::domain::scoring::Section;
use crate::domain::PlanId;
use crate::exchange::ExchangeError;
use crate::ui::components::importer::{ImportFailed, ImportPreview, Importer};
use crate::ui::pages::{
    join::JoinPage, plan::PlanPage, presenter::PresenterPage, report::ReportPage,
    settings::SettingsPage, share::SharePage, wizard::WizardPage, workshop::WorkshopPage,
};
use crate::ui::router::focus_arrived_screen;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

/// A screen's module could not be fetched: offline before it was ever kept on this device, or a
/// server that no longer has this version's files.
#[derive(Debug, Clone, Copy)]
pub struct Unavailable;

#[cfg(pilotdeck_split)]
impl From<leptos::wasm_split::SplitLoaderError> for Unavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unavailable
    }
}

/// A loader of one screen: `async fn $name() -> Result<fn(args) -> AnyView, Unavailable>`, a split
/// point in a split build (its module named `pilotdeck_$name`), an ordinary function otherwise.
macro_rules! screen {
    ($(#[$doc:meta])* $name:ident, $module:ident, fn($($arg:ident: $ty:ty),*) $body:block) => {
        $(#[$doc])*
        #[cfg(pilotdeck_split)]
        #[leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name() -> Result<fn($($ty),*) -> AnyView, Unavailable> {
            fn build($($arg: $ty),*) -> AnyView $body
            Ok(build)
        }

        $(#[$doc])*
        #[cfg(not(pilotdeck_split))]
        pub async fn $name() -> Result<fn($($ty),*) -> AnyView, Unavailable> {
            fn build($($arg: $ty),*) -> AnyView $body
            Ok(build)
        }
    };
}

screen!(
    /// `/new`: the Scrappy V1 wizard.
    wizard, pilotdeck_wizard, fn(draft: Option<PlanId>, step: Section) {
        view! { <WizardPage draft=draft step=step /> }.into_any()
    }
);

screen!(
    /// `/plans/<id>`: one plan.
    plan, pilotdeck_plan, fn(id: PlanId) {
        view! { <PlanPage id=id /> }.into_any()
    }
);

screen!(
    /// `/plans/<id>/workshop`: the workshop deck.
    workshop, pilotdeck_workshop, fn(id: PlanId, slide: usize) {
        view! { <WorkshopPage id=id slide=slide /> }.into_any()
    }
);

screen!(
    /// `/plans/<id>/workshop/presenter`: the presenter view.
    presenter, pilotdeck_presenter, fn(id: PlanId) {
        view! { <PresenterPage id=id /> }.into_any()
    }
);

screen!(
    /// `/settings`
    settings, pilotdeck_settings, fn() {
        view! { <SettingsPage /> }.into_any()
    }
);

screen!(
    /// `/report`: the printable portfolio report.
    report, pilotdeck_report, fn() {
        view! { <ReportPage /> }.into_any()
    }
);

screen!(
    /// `/share#…`: a plan shared as a link.
    share, pilotdeck_share, fn() {
        view! { <SharePage /> }.into_any()
    }
);

screen!(
    /// `/join#…`: joining a plan shared live.
    join, pilotdeck_join, fn() {
        view! { <JoinPage /> }.into_any()
    }
);

screen!(
    /// The import's answer when a file cannot be used: every problem, in words.
    import_failed, pilotdeck_import_failed, fn(importer: Importer, file: String, error: ExchangeError) {
        view! { <ImportFailed importer=importer file=file error=error /> }.into_any()
    }
);

screen!(
    /// The import's preview: what is new, already here or different, and a choice for each.
    import_preview, pilotdeck_import_preview, fn(importer: Importer, file: String, preview: Preview) {
        view! { <ImportPreview importer=importer file=file preview=preview /> }.into_any()
    }
);

/// Fetches and starts every screen's module, one after the other, the likeliest first, so that
/// a later navigation finds its screen ready. One that cannot be fetched now is fetched again
/// when it is opened.
pub async fn preload() {
    let _ = plan().await;
    // The sync engine: a plan shared or joined later starts at once.
    let _ = crate::ui::live::engines().await;
    let _ = wizard().await;
    let _ = settings().await;
    let _ = workshop().await;
    let _ = presenter().await;
    let _ = report().await;
    let _ = share().await;
    let _ = join().await;
    let _ = import_preview().await;
    let _ = import_failed().await;
}

/// Polls a loader once without waiting: ready when its module is here (or in a build that is
/// not split), pending while it is on its way. The same future is then awaited, not made again.
pub fn poll_now<F: Future>(load: &mut Pin<Box<F>>) -> Poll<F::Output> {
    load.as_mut().poll(&mut Context::from_waker(Waker::noop()))
}

/// Where a screen's module is.
#[derive(Clone, Copy)]
enum Loading<B> {
    Waiting,
    Ready(B),
    Failed,
}

/// What is loaded on demand: a whole screen, or a part of the portfolio (the import's answer).
#[derive(Clone, Copy, PartialEq)]
pub enum Place {
    Screen,
    Part,
}

/// The screen (or part) `show` renders with the constructor `load` gives: at once when its
/// module is here (always, once the idle preload is done), else "Opening…" until it has arrived,
/// or a message with "Try again" when it cannot be fetched.
pub fn on_demand<B, L>(
    load: impl Fn() -> L + Copy + Send + Sync + 'static,
    show: impl Fn(B) -> AnyView + Send + Sync + 'static,
) -> AnyView
where
    B: Copy + Send + Sync + 'static,
    L: Future<Output = Result<B, Unavailable>> + 'static,
{
    on_demand_in(Place::Screen, load, show)
}

/// [`on_demand`] for a screen or a part: a part waits and fails inside the screen it is on, with
/// no heading of its own.
pub fn on_demand_in<B, L>(
    place: Place,
    load: impl Fn() -> L + Copy + Send + Sync + 'static,
    show: impl Fn(B) -> AnyView + Send + Sync + 'static,
) -> AnyView
where
    B: Copy + Send + Sync + 'static,
    L: Future<Output = Result<B, Unavailable>> + 'static,
{
    let mut first = Box::pin(load());
    let loading = match poll_now(&mut first) {
        Poll::Ready(Ok(build)) => return show(build),
        Poll::Ready(Err(Unavailable)) => RwSignal::new(Loading::Failed),
        Poll::Pending => RwSignal::new(Loading::Waiting),
    };
    let fetch = move |future: Pin<Box<L>>| {
        leptos::task::spawn_local(async move {
            let done = match future.await {
                Ok(build) => Loading::Ready(build),
                Err(Unavailable) => Loading::Failed,
            };
            // The screen may have been left meanwhile.
            if loading.try_set(done).is_none()
                && matches!(done, Loading::Ready(_))
                && place == Place::Screen
            {
                focus_arrived_screen();
            }
        })
    };
    if matches!(loading.get_untracked(), Loading::Waiting) {
        fetch(first);
    }
    let retry = move |_| {
        loading.set(Loading::Waiting);
        fetch(Box::pin(load()));
    };
    (move || match (loading.get(), place) {
        (Loading::Ready(build), _) => show(build),
        (Loading::Waiting, Place::Screen) => view! {
            <div class="screen-loading" role="status" data-testid="screen-loading">
                <h1>"Opening…"</h1>
            </div>
        }
        .into_any(),
        (Loading::Waiting, Place::Part) => view! {
            <p class="callout screen-loading" role="status" data-testid="screen-loading">
                "Opening…"
            </p>
        }
        .into_any(),
        (Loading::Failed, place) => {
            let unavailable = view! {
                <div class="banner banner-error" role="alert">
                    <p>
                        {(place == Place::Part).then_some("This could not be loaded. ")}
                        "This device has not kept it yet, and the server did not answer. "
                        "Your plans are safe; try again once you are online."
                    </p>
                    <div class="banner-actions">
                        <button type="button" class="button small" on:click=retry>
                            "Try again"
                        </button>
                    </div>
                </div>
            };
            match place {
                Place::Screen => view! {
                    <section class="page narrow" data-testid="screen-unavailable">
                        <h1>"This screen could not be loaded"</h1>
                        {unavailable}
                    </section>
                }
                .into_any(),
                Place::Part => {
                    view! { <div data-testid="screen-unavailable">{unavailable}</div> }.into_any()
                }
            }
        }
    })
    .into_any()
}
