//! The screens a first visit does not need, loaded when they are first opened: the portfolio's
//! plans (a first visit has none), a plan's screens, and the others, with the import's answer (a
//! file's problems or its preview) and the reading of an imported file or the example portfolio,
//! which the portfolio needs only once a file is chosen or the examples are asked for.
//!
//! The shell, the state and the empty portfolio are in the module every visit downloads. Each
//! group of screens here is a split point: in a split build (`--cfg pilotdeck_split`, made by
//! `scripts/build`; `scripts/split.mjs` cuts the module after cargo links it), its code goes into
//! a module of its own, fetched the first time one of its screens is shown, or earlier: in the
//! first idle moment after the first screen ([`preload`]), so that a later navigation finds it
//! ready, and for the portfolio's plans before the app starts, on a device that has plans
//! ([`mount_with_plans`]). Code several groups share goes into shared chunks, fetched with the
//! first group that needs them.
//!
//! What a split point returns is its screens' constructors (and the module's other work),
//! plain functions: loading is apart from rendering, so a screen is rendered the same way whether
//! its module came now or long ago.
//! Without the cfg (`trunk serve` in development, the browser tests), every screen is in the one
//! module and each loader is ready at once.

use crate::domain::import::Preview;
use crate::domain::scoring::Section;
use crate::domain::{Plan, PlanId, Portfolio};
use crate::exchange::{self, merge, parse_envelope, ExchangeError};
use crate::storage::browser::BrowserStore;
use crate::storage::keys::INDEX_KEY;
use crate::ui::components::importer::{ImportFailed, ImportPreview, Importer};
use crate::ui::pages::{
    join::JoinPage, plan::PlanPage, portfolio::PortfolioPlans, presenter::PresenterPage,
    report::ReportPage, settings::SettingsPage, share::SharePage, wizard::WizardPage,
    workshop::WorkshopPage,
};
use crate::ui::router::focus_arrived_screen;
use chrono::NaiveDate;
use leptos::prelude::*;
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

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

/// One module's screens: a struct `$screens` of their constructors, the module's loader
/// `$loader` (a split point in a split build, its module named `$module`; an ordinary function
/// otherwise), and for each screen an `async fn $name() -> Result<fn(args) -> AnyView,
/// Unavailable>` that waits for the module. An entry with a return type of its own (`fn(args)
/// -> T`) is work done with the module's code rather than a screen: reading a file, say.
///
/// Screens used together share a module: fewer modules repeat less of what each module imports
/// and compress better, and a screen's module brings the others of its kind with it.
macro_rules! module {
    (@returns) => { AnyView };
    (@returns $returns:ty) => { $returns };
    (
        $(#[$doc:meta])* $loader:ident, $module:ident, $screens:ident {
            $(
                $(#[$screen_doc:meta])*
                $name:ident: fn($($arg:ident: $ty:ty),*) $(-> $returns:ty)? $body:block
            )*
        }
    ) => {
        $(#[$doc])*
        #[derive(Clone, Copy)]
        pub struct $screens {
            $(pub $name: fn($($ty),*) -> module!(@returns $($returns)?),)*
        }

        $(#[$doc])*
        #[cfg(pilotdeck_split)]
        #[leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $loader() -> Result<$screens, Unavailable> {
            $(fn $name($($arg: $ty),*) -> module!(@returns $($returns)?) $body)*
            Ok($screens { $($name),* })
        }

        $(#[$doc])*
        #[cfg(not(pilotdeck_split))]
        pub async fn $loader() -> Result<$screens, Unavailable> {
            $(fn $name($($arg: $ty),*) -> module!(@returns $($returns)?) $body)*
            Ok($screens { $($name),* })
        }

        $(
            $(#[$screen_doc])*
            pub async fn $name() -> Result<fn($($ty),*) -> module!(@returns $($returns)?), Unavailable> {
                Ok($loader().await?.$name)
            }
        )*
    };
}

module!(
    /// The portfolio with plans: what a returning visit shows first, so a module on its own.
    portfolio_module, pilotdeck_portfolio, PortfolioScreens {
        /// `/` with plans: the overview, the filters, the cards and the exports.
        portfolio_plans: fn(importer: Importer) {
            view! { <PortfolioPlans importer=importer /> }.into_any()
        }
    }
);

module!(
    /// A plan's screens, which share the plan's forms, its slides and its figures.
    plan_module, pilotdeck_plan, PlanScreens {
        /// `/new`: the Scrappy V1 wizard.
        wizard: fn(draft: Option<PlanId>, step: Section) {
            view! { <WizardPage draft=draft step=step /> }.into_any()
        }
        /// `/plans/<id>`: one plan.
        plan: fn(id: PlanId) {
            view! { <PlanPage id=id /> }.into_any()
        }
        /// `/plans/<id>/workshop`: the workshop deck.
        workshop: fn(id: PlanId, slide: usize) {
            view! { <WorkshopPage id=id slide=slide /> }.into_any()
        }
        /// `/plans/<id>/workshop/presenter`: the presenter view.
        presenter: fn(id: PlanId) {
            view! { <PresenterPage id=id /> }.into_any()
        }
    }
);

module!(
    /// The screens opened now and then: Settings, the report, links, and an import's answer,
    /// with the reading of the files it answers for (an import's, the example portfolio's).
    other_module, pilotdeck_other, OtherScreens {
        /// `/settings`
        settings: fn() {
            view! { <SettingsPage /> }.into_any()
        }
        /// `/report`: the printable portfolio report.
        report: fn() {
            view! { <ReportPage /> }.into_any()
        }
        /// `/share#…`: a plan shared as a link.
        share: fn() {
            view! { <SharePage /> }.into_any()
        }
        /// `/join#…`: joining a plan shared live.
        join: fn() {
            view! { <JoinPage /> }.into_any()
        }
        /// The import's answer when a file cannot be used: every problem, in words.
        import_failed: fn(importer: Importer, file: String, error: ExchangeError) {
            view! { <ImportFailed importer=importer file=file error=error /> }.into_any()
        }
        /// The import's preview: what is new, already here or different, and a choice for each.
        import_preview: fn(importer: Importer, file: String, preview: Preview) {
            view! { <ImportPreview importer=importer file=file preview=preview /> }.into_any()
        }
        /// Reads and checks an imported file whole, and compares its plans with the portfolio's.
        check_import: fn(text: &str, portfolio: &Portfolio) -> Result<Preview, ExchangeError> {
            Ok(merge::preview(portfolio, parse_envelope(text)?.plans))
        }
        /// The example portfolio's plans, from its file, with their dates moved to `today`; or
        /// why the file cannot be read, in words.
        example_plans: fn(text: &str, today: NaiveDate) -> Result<Vec<Plan>, String> {
            exchange::example_plans(text, today).map_err(|error| error.to_string())
        }
    }
);

/// Fetches and starts every screen's module, one after the other, the likeliest first, so that
/// a later navigation finds its screen ready. One that cannot be fetched now is fetched again
/// when it is opened.
pub async fn preload() {
    let _ = portfolio_module().await;
    let _ = plan_module().await;
    // The sync engine: a plan shared or joined later starts at once.
    let _ = crate::ui::live::engines().await;
    let _ = other_module().await;
}

/// How long a visit with plans waits for their module before the app is shown without it (its
/// plans then say "Opening…" until the module arrives).
const PLANS_WAIT: Duration = Duration::from_secs(1);

/// Runs `mount` (the app's first render) once the portfolio's plans can be drawn with it. A
/// device without plans (a first visit: its portfolio is empty) mounts at once. A device with
/// plans stored, or one this app has been kept on (a service worker answers for the page), opens
/// on them: their module, compiled since the page began (`scripts/split.mjs`), is awaited first,
/// for a second at most, or until it could not be fetched. The stored plans are then read and
/// drawn in one task. Mounted first, the app read them in one long task that held back the
/// module's own download, and drew them only after it had arrived.
pub fn mount_with_plans(mount: impl FnOnce() + 'static) {
    let stored = || BrowserStore::open().is_ok_and(|store| store.holds(INDEX_KEY));
    if crate::ui::offline::returning() || stored() {
        mount_after(portfolio_module(), PLANS_WAIT, mount);
    } else {
        mount();
    }
}

/// Runs `mount` once: when `load` is done (at once if it already is: a module that is here, or
/// any loader in a build that is not split), or when `wait` has passed, whichever comes first.
/// `load` goes on after the wait.
pub fn mount_after<F: Future + 'static>(load: F, wait: Duration, mount: impl FnOnce() + 'static) {
    let mut load = Box::pin(load);
    if poll_now(&mut load).is_ready() {
        mount();
        return;
    }
    let mount = Rc::new(Cell::new(Some(mount)));
    let mount_once = move || {
        if let Some(mount) = mount.take() {
            mount();
        }
    };
    let on_arrival = mount_once.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let _ = load.await;
        on_arrival();
    });
    set_timeout(mount_once, wait);
}

/// Starts fetching the portfolio's plans, if they are not here or on their way, without waiting
/// for them: when plans are about to be added to an empty portfolio.
pub fn fetch_portfolio() {
    start_loading(portfolio_module());
}

/// Starts `load` (a loader), without waiting for it: its module is fetched if it is not here or
/// on its way, and a later call of the same loader finds it here, or waits for the same fetch.
pub fn start_loading<F: Future + 'static>(load: F) {
    let mut load = Box::pin(load);
    if poll_now(&mut load).is_pending() {
        leptos::task::spawn_local(async move {
            let _ = load.await;
        });
    }
}

/// Polls a loader once without waiting: ready when its module is here (or in a build that is
/// not split), pending while it is on its way. The same future is then awaited, not made again.
pub fn poll_now<F: Future + ?Sized>(load: &mut Pin<Box<F>>) -> Poll<F::Output> {
    load.as_mut().poll(&mut Context::from_waker(Waker::noop()))
}

/// Where a screen's module is.
#[derive(Clone)]
enum Loading {
    Waiting,
    Ready(Shown),
    Failed,
}

/// A screen (or part) whose module is here, with its arguments: renders it.
type Shown = Arc<dyn Fn() -> AnyView + Send + Sync>;
/// A screen's loader with its arguments: the constructor it gives, as a [`Shown`].
type Load =
    Arc<dyn Fn() -> Pin<Box<dyn Future<Output = Result<Shown, Unavailable>>>> + Send + Sync>;

/// What is loaded on demand: a whole screen, or a part of the portfolio (the import's answer).
#[derive(Clone, Copy, PartialEq)]
pub enum Place {
    Screen,
    Part,
}

/// The screen (or part) `show` renders with the constructor `load` gives: at once when its
/// module is here (always, once the idle preload is done), else "Opening…" until it has arrived,
/// or a message with "Try again" when it cannot be fetched. A part waits and fails inside the
/// screen it is on, with no heading of its own. Only the joining of `load` and `show` is made for
/// each screen; the waiting, the failure and the retry are one function for all (`waiting_for`).
pub fn on_demand<B, L>(
    place: Place,
    load: impl Fn() -> L + Copy + Send + Sync + 'static,
    show: impl Fn(B) -> AnyView + Send + Sync + 'static,
) -> AnyView
where
    B: Copy + Send + Sync + 'static,
    L: Future<Output = Result<B, Unavailable>> + 'static,
{
    let show = Arc::new(show);
    let load: Load = Arc::new(move || {
        let show = Arc::clone(&show);
        Box::pin(async move {
            let build = load().await?;
            Ok(Arc::new(move || show(build)) as Shown)
        })
    });
    waiting_for(place, load)
}

/// The screen `load` gives, or what stands in for it until its module is here.
fn waiting_for(place: Place, load: Load) -> AnyView {
    let mut first = load();
    let loading = match poll_now(&mut first) {
        Poll::Ready(Ok(shown)) => return shown(),
        Poll::Ready(Err(Unavailable)) => RwSignal::new(Loading::Failed),
        Poll::Pending => RwSignal::new(Loading::Waiting),
    };
    if matches!(loading.get_untracked(), Loading::Waiting) {
        fetch(loading, place, first);
    }
    (move || match (loading.get(), place) {
        (Loading::Ready(shown), _) => shown(),
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
            let load = Arc::clone(&load);
            unavailable(place, move || {
                loading.set(Loading::Waiting);
                fetch(loading, place, load());
            })
        }
    })
    .into_any()
}

/// What stands in for a screen (or part) whose module could not be fetched, with "Try again",
/// which runs `retry`.
fn unavailable(place: Place, retry: impl Fn() + Send + Sync + 'static) -> AnyView {
    let banner = view! {
        <div class="banner banner-error" role="alert">
            <p>
                {(place == Place::Part).then_some("This could not be loaded. ")}
                "This device has not kept it yet, and the server did not answer. "
                "Your plans are safe; try again once you are online."
            </p>
            <div class="banner-actions">
                <button type="button" class="button small" on:click=move |_| retry()>
                    "Try again"
                </button>
            </div>
        </div>
    };
    match place {
        Place::Screen => view! {
            <section class="page narrow" data-testid="screen-unavailable">
                <h1>"This screen could not be loaded"</h1>
                {banner}
            </section>
        }
        .into_any(),
        Place::Part => view! { <div data-testid="screen-unavailable">{banner}</div> }.into_any(),
    }
}

/// Waits for a module on its way, then shows its screen, or the failure.
fn fetch(
    loading: RwSignal<Loading>,
    place: Place,
    future: Pin<Box<dyn Future<Output = Result<Shown, Unavailable>>>>,
) {
    leptos::task::spawn_local(async move {
        let done = match future.await {
            Ok(shown) => Loading::Ready(shown),
            Err(Unavailable) => {
                // A first screen that cannot be fetched is complete as it is: what waited for
                // it (the service worker among them) goes on.
                crate::ui::timing::first_screen_shown();
                Loading::Failed
            }
        };
        let arrived = matches!(done, Loading::Ready(_));
        // The screen may have been left meanwhile.
        if loading.try_set(done).is_none() && arrived && place == Place::Screen {
            focus_arrived_screen();
        }
    });
}
