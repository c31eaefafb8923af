//! Addresses and navigation: the app's routes as a type, read from and written to the browser's
//! history. A few dozen lines instead of a router crate, which cost about 50 KB of gzipped
//! bundle for features (nested routes, forms, actions) Pilotdeck does not use.
//!
//! Links are ordinary `<a href>` elements, relative to the page's `<base href>`, so the app also
//! works from a sub-path; a plain click is handled here, a modified click opens a tab as usual.

use crate::domain::scoring::Section;
use crate::domain::wizard::STEPS;
use crate::domain::workshop::DECK;
use crate::domain::PlanId;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Every screen, by address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `/`
    Portfolio,
    /// `/new`, or `/new?draft=<id>&step=<1–6>` while a draft is being written.
    Wizard {
        draft: Option<PlanId>,
        step: Section,
    },
    /// `/plans/<id>`
    Plan(PlanId),
    /// `/plans/<id>/workshop`, or `/plans/<id>/workshop?slide=<n>` (1-based) past the first slide.
    Workshop { id: PlanId, slide: usize },
    /// `/plans/<id>/workshop/presenter`: the presenter view, in a second window.
    Presenter(PlanId),
    /// `/settings`
    Settings,
    /// `/report`: the running pilots on one printable page, for leadership.
    Report,
    /// `/share#<data>`: a plan shared as a link, shown read-only until saved.
    Share,
    /// `/join#<server>/<room>`: a plan shared live, joined from its link.
    Join,
    /// Anything else.
    NotFound,
}

impl Route {
    /// A new pilot, at the wizard's first step.
    pub fn new_pilot() -> Route {
        Route::Wizard {
            draft: None,
            step: Section::Partner,
        }
    }

    /// The route for a path relative to the app's base (`""`, `"new"`, `"plans/abc"`) and the
    /// query string (`"?draft=abc&step=3"`).
    pub fn parse(relative: &str, query: &str) -> Route {
        let path = relative.trim_matches('/');
        let segments: Vec<&str> = path.split('/').collect();
        let param = |name: &str| {
            query
                .trim_start_matches('?')
                .split('&')
                .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
        };
        match segments.as_slice() {
            [""] => Route::Portfolio,
            ["new"] => {
                let draft = param("draft")
                    .filter(|id| is_plan_id(id))
                    .map(|id| PlanId(id.to_string()));
                let step = param("step")
                    .and_then(|n| n.parse::<usize>().ok())
                    .and_then(|n| STEPS.get(n.wrapping_sub(1)).copied())
                    .filter(|_| draft.is_some())
                    .unwrap_or(Section::Partner);
                Route::Wizard { draft, step }
            }
            ["plans", id] if is_plan_id(id) => Route::Plan(PlanId((*id).to_string())),
            ["plans", id, "workshop"] if is_plan_id(id) => Route::Workshop {
                id: PlanId((*id).to_string()),
                slide: param("slide")
                    .and_then(|n| n.parse::<usize>().ok())
                    .and_then(|n| n.checked_sub(1))
                    .filter(|n| *n < DECK.len())
                    .unwrap_or(0),
            },
            ["plans", id, "workshop", "presenter"] if is_plan_id(id) => {
                Route::Presenter(PlanId((*id).to_string()))
            }
            ["settings"] => Route::Settings,
            ["report"] => Route::Report,
            ["share"] => Route::Share,
            ["join"] => Route::Join,
            _ => Route::NotFound,
        }
    }

    /// The path relative to the app's base, for links and history.
    pub fn relative(&self) -> String {
        match self {
            Route::Portfolio | Route::NotFound => String::new(),
            Route::Wizard { draft: None, .. } => "new".into(),
            Route::Wizard {
                draft: Some(id),
                step,
            } => {
                let number = STEPS.iter().position(|s| s == step).unwrap_or(0) + 1;
                format!("new?draft={id}&step={number}")
            }
            Route::Plan(id) => format!("plans/{id}"),
            Route::Workshop { id, slide: 0 } => format!("plans/{id}/workshop"),
            Route::Workshop { id, slide } => format!("plans/{id}/workshop?slide={}", slide + 1),
            Route::Presenter(id) => format!("plans/{id}/workshop/presenter"),
            Route::Settings => "settings".into(),
            Route::Report => "report".into(),
            Route::Share => "share".into(),
            Route::Join => "join".into(),
        }
    }

    /// Workshop mode's screens, shown full-screen without the app's navigation.
    pub fn is_workshop(&self) -> bool {
        matches!(self, Route::Workshop { .. } | Route::Presenter(_))
    }

    /// The href for a link: relative to `<base href>`, `./` for the portfolio.
    pub fn href(&self) -> String {
        let relative = self.relative();
        if relative.is_empty() {
            "./".into()
        } else {
            relative
        }
    }
}

fn is_plan_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= crate::domain::limits::MAX_ID_CHARS
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The path the app is served from ("/" or "/pilotdeck/"), from the page's base URL.
fn base_path() -> String {
    document()
        .base_uri()
        .ok()
        .flatten()
        .and_then(|base| web_sys::Url::new(&base).ok())
        .map(|url| url.pathname())
        .unwrap_or_else(|| "/".into())
}

/// The route the browser is at now.
fn current_route(base: &str) -> Route {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let query = location.search().unwrap_or_default();
    let relative = path.strip_prefix(base).unwrap_or(&path);
    Route::parse(relative, &query)
}

/// The current route and the way to change it, provided as context.
#[derive(Clone, Copy)]
pub struct Router {
    route: RwSignal<Route>,
}

impl Router {
    /// Reads the address, follows the back and forward buttons, and provides the router.
    pub fn provide() -> Self {
        let base = base_path();
        let route = RwSignal::new(current_route(&base));
        // A fragment link (#foundation) also fires popstate: re-render only when the route changes.
        let on_pop = window_event_listener_untyped("popstate", move |_| {
            let now = current_route(&base);
            if route.get_untracked() != now {
                route.set(now);
            }
        });
        on_cleanup(move || on_pop.remove());
        let router = Self { route };
        provide_context(router);
        router
    }

    pub fn route(&self) -> Route {
        self.route.get()
    }

    pub fn current_untracked(&self) -> Route {
        self.route.get_untracked()
    }

    /// Puts `route` in the address bar without changing the screen: for a draft that just got its
    /// id while the user is typing, so a reload comes back to it.
    pub fn replace_address(&self, route: &Route) {
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&route.href()));
        }
    }

    /// Goes to `route`, adding it to the history.
    pub fn go(&self, route: Route) {
        if let Ok(history) = window().history() {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&route.href()));
        }
        self.route.set(route);
        // Like a page load: start at the top, and let screen readers start at the content, or
        // at the field the new screen asks for first (an `autofocus` only works on a load).
        focus_main(false);
        window().scroll_to_with_x_and_y(0.0, 0.0);
        request_animation_frame(focus_autofocus);
    }
}

/// Focuses the field of the screen that asks to be first (`autofocus`), if there is one.
fn focus_autofocus() {
    let field = document()
        .query_selector("main [autofocus]")
        .ok()
        .flatten()
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
    if let Some(field) = field {
        let _ = field.focus();
    }
}

/// A screen that arrived after its navigation (its module was still loading: src/ui/screens.rs)
/// gets the focus its navigation would have given it, unless the user has moved on meanwhile.
pub fn focus_arrived_screen() {
    let waiting = document().active_element().is_none_or(|active| {
        active.id() == "main" || active.tag_name().eq_ignore_ascii_case("body")
    });
    if waiting {
        request_animation_frame(focus_autofocus);
    }
}

/// Focuses the page's `<main id="main">`, scrolling it into view if `scroll`.
fn focus_main(scroll: bool) {
    if let Some(main) = document().get_element_by_id("main") {
        if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(!scroll);
            let _ = main.focus_with_options(&options);
        }
    }
}

pub fn use_router() -> Router {
    expect_context::<Router>()
}

/// A link to a route: a real `<a href>`, navigated in place on a plain click.
#[component]
pub fn Link(
    to: Route,
    #[prop(optional)] class: &'static str,
    /// Marks the link `aria-current="page"` when its route is the current one.
    #[prop(optional)]
    nav: bool,
    children: Children,
) -> impl IntoView {
    let router = use_router();
    let href = to.href();
    let target = to.clone();
    let current = move || (nav && router.route.get() == to).then_some("page");
    view! {
        <a
            href=href
            class=class
            aria-current=current
            on:click=move |event: web_sys::MouseEvent| {
                let modified = event.ctrl_key() || event.meta_key() || event.shift_key()
                    || event.alt_key() || event.button() != 0;
                if !modified {
                    event.prevent_default();
                    router.go(target.clone());
                }
            }
        >
            {children()}
        </a>
    }
}

/// "Skip to content", the first stop for the keyboard. A bare `#main` resolves against
/// `<base href>` like every link, so from any screen but the portfolio the browser would load the
/// portfolio: the click (or Enter) moves focus to the content in place instead.
#[component]
pub fn SkipLink() -> impl IntoView {
    view! {
        <a
            class="skip-link"
            href="#main"
            on:click=|event: web_sys::MouseEvent| {
                event.prevent_default();
                focus_main(true);
            }
        >
            "Skip to content"
        </a>
    }
}
