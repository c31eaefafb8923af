//! The app itself in headless Chromium: it opens on damaged storage with a banner instead of a
//! blank page, its state keeps every edit in memory when the browser refuses to save, and two
//! workshop windows stay in step through BroadcastChannel; a screen loaded on demand says
//! when it is on its way or could not be fetched, and the app waits for the portfolio's module a
//! while at most before it mounts.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use pilotdeck::exchange::parse_envelope;
use pilotdeck::storage::keys::plan_key;
use pilotdeck::storage::{Opened, Workspace};
use pilotdeck::ui::state::AppState;
use pilotdeck::ui::App;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const EXAMPLE: &str = include_str!("../public/examples/portfolio.json");

fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

fn local_storage() -> web_sys::Storage {
    window()
        .local_storage()
        .expect("localStorage is allowed")
        .expect("localStorage exists")
}

/// Waits for the next animation frame.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Waits until `condition` holds, for at most about five seconds of frames.
async fn until(what: &str, condition: impl Fn() -> bool) {
    for _ in 0..300 {
        if condition() {
            return;
        }
        next_frame().await;
    }
    panic!("timed out waiting until {what}");
}

/// An empty `<div>` at the end of the page's body, to mount a view into.
fn attached_container() -> web_sys::Element {
    let document = window().document().expect("a document");
    let container = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&container)
        .expect("attach");
    container
}

fn text_of(root: &web_sys::Element, selector: &str) -> Vec<String> {
    let found = root.query_selector_all(selector).expect("a valid selector");
    (0..found.length())
        .filter_map(|i| found.item(i))
        .map(|node| node.text_content().unwrap_or_default())
        .collect()
}

/// Stores the example plans the way the app does, then damages one of them.
fn store_example_with_one_damaged() -> (usize, String) {
    let storage = local_storage();
    storage.clear().expect("clear");
    let plans = parse_envelope(EXAMPLE).expect("parses").plans;
    let store = pilotdeck::storage::BrowserStore::open().expect("opens");
    let Opened {
        mut workspace,
        mut portfolio,
        trash,
    } = Workspace::open(Box::new(store));
    workspace.add(&mut portfolio, plans.clone());
    assert_eq!(workspace.flush(&mut portfolio, &trash).error, None);
    let damaged = plan_key(&plans[2].id);
    storage
        .set_item(&damaged, "not json at all")
        .expect("damage");
    (plans.len(), damaged)
}

#[wasm_bindgen_test]
async fn the_app_opens_on_damaged_storage_with_a_banner_and_the_other_plans() {
    let (count, damaged) = store_example_with_one_damaged();
    let history = window().history().expect("history");
    history
        .replace_state_with_url(&JsValue::NULL, "", Some("/"))
        .expect("start at the portfolio");
    let container = attached_container();
    let handle = leptos::mount::mount_to(container.clone().unchecked_into(), App);

    until("the portfolio shows", || {
        text_of(&container, "h1") == vec!["Portfolio".to_string()]
    })
    .await;
    until("every readable plan shows", || {
        text_of(&container, "[data-testid=plan-card]").len() == count - 1
    })
    .await;
    let banner = text_of(&container, "[data-testid=storage-banner]").join(" ");
    assert!(
        banner.contains("One stored value could not be read"),
        "{banner}"
    );
    assert!(
        banner.contains(&damaged),
        "the banner names the key: {banner}"
    );
    assert_eq!(
        local_storage().get_item(&damaged).expect("get"),
        None,
        "the damaged value was moved aside"
    );

    drop(handle);
    container.remove();
}

#[wasm_bindgen_test]
async fn refused_writes_keep_the_edit_in_memory_and_report_it() {
    local_storage().clear().expect("clear");
    let owner = Owner::new();
    let state = owner.with(|| AppState::load(pilotdeck::ui::router::Router::provide()));
    let plans = parse_envelope(EXAMPLE).expect("parses").plans;

    let prototype = js_sys::Reflect::get(
        &js_sys::Reflect::get(&js_sys::global(), &"Storage".into()).expect("Storage"),
        &"prototype".into(),
    )
    .expect("prototype");
    let original = js_sys::Reflect::get(&prototype, &"setItem".into()).expect("setItem");
    let throwing = js_sys::Function::new_no_args(
        "throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');",
    );
    js_sys::Reflect::set(&prototype, &"setItem".into(), throwing.unchecked_ref()).expect("patch");

    owner.with(|| {
        state.add_plans(plans.clone());
        let first = plans[0].id.clone();
        state.edit_plan(&first, |p| p.name = "Renamed while storage is full".into());
        state.save_now();
    });
    js_sys::Reflect::set(&prototype, &"setItem".into(), &original).expect("restore");

    let report = state.storage.get_untracked();
    let message = report
        .save_error
        .expect("the failed save is reported")
        .to_string();
    assert!(message.contains("Browser storage is full"), "{message}");
    let in_memory = state.portfolio.get_untracked();
    assert_eq!(in_memory.len(), plans.len());
    assert_eq!(in_memory.plans()[0].name, "Renamed while storage is full");
    assert_eq!(local_storage().length().expect("length"), 0);

    // The next save, once storage accepts writes again, writes the edit and clears the banner.
    owner.with(|| state.save_now());
    assert_eq!(state.storage.get_untracked().save_error, None);
    let store = pilotdeck::storage::BrowserStore::open().expect("opens");
    let stored = pilotdeck::storage::load(&store).expect("loads");
    assert_eq!(stored.plans[0].name, "Renamed while storage is full");
    assert_eq!(stored.plans.len(), plans.len());
}

#[wasm_bindgen_test]
async fn a_deleted_plan_goes_to_the_trash_and_undo_brings_it_back() {
    local_storage().clear().expect("clear");
    let owner = Owner::new();
    let state = owner.with(|| AppState::load(pilotdeck::ui::router::Router::provide()));
    let plans = parse_envelope(EXAMPLE).expect("parses").plans;
    let victim = plans[1].id.clone();
    owner.with(|| {
        state.add_plans(plans.clone());
        state.save_now();
        state.delete_plan(&victim);
    });
    let trash_key = format!("pilotdeck/v1/trash/{victim}");
    assert!(local_storage().get_item(&trash_key).expect("get").is_some());
    assert_eq!(
        local_storage().get_item(&plan_key(&victim)).expect("get"),
        None
    );
    let notice = state.notice.get_untracked().expect("a notice");
    assert_eq!(
        notice.undo,
        Some(pilotdeck::ui::state::Undo::Delete(victim.clone())),
        "the notice offers Undo"
    );
    assert!(!state.portfolio.get_untracked().contains(&victim));

    owner.with(|| state.restore_plan(&victim));
    assert!(state.portfolio.get_untracked().contains(&victim));
    assert!(state.trash.get_untracked().is_empty());
    assert_eq!(local_storage().get_item(&trash_key).expect("get"), None);
    let store = pilotdeck::storage::BrowserStore::open().expect("opens");
    let stored = pilotdeck::storage::load(&store).expect("loads");
    assert_eq!(stored.plans.len(), plans.len());
    assert!(stored.trash.is_empty());
}

#[wasm_bindgen_test]
fn workshop_addresses_name_the_plan_and_the_slide() {
    use pilotdeck::domain::PlanId;
    use pilotdeck::ui::router::Route;
    let id = PlanId("example-telco-northwind".into());
    let deck = |slide| Route::Workshop {
        id: id.clone(),
        slide,
    };
    assert_eq!(
        Route::parse("plans/example-telco-northwind/workshop", ""),
        deck(0)
    );
    assert_eq!(
        Route::parse("plans/example-telco-northwind/workshop", "?slide=3"),
        deck(2)
    );
    // A slide the deck does not have opens the first one.
    assert_eq!(
        Route::parse("plans/example-telco-northwind/workshop", "?slide=99"),
        deck(0)
    );
    assert_eq!(
        Route::parse("plans/example-telco-northwind/workshop", "?slide=0"),
        deck(0)
    );
    assert_eq!(
        Route::parse("plans/example-telco-northwind/workshop/presenter", ""),
        Route::Presenter(id.clone())
    );
    assert_eq!(Route::parse("plans/bad id/workshop", ""), Route::NotFound);
    for route in [deck(0), deck(5), Route::Presenter(id.clone())] {
        let relative = route.relative();
        let (path, query) = relative.split_once('?').unwrap_or((&relative, ""));
        assert_eq!(Route::parse(path, query), route, "{relative}");
        assert!(route.is_workshop());
    }
    assert!(!Route::Plan(id).is_workshop());
}

#[wasm_bindgen_test]
async fn two_workshop_windows_stay_in_step_both_ways() {
    use pilotdeck::ui::workshop::Workshop;
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let storage = local_storage();
    storage.clear().expect("clear");
    let plans = parse_envelope(EXAMPLE).expect("parses").plans;
    let id = plans[0].id.clone();
    let other = plans[1].id.clone();
    let seed = Owner::new();
    seed.with(|| {
        let state = AppState::load(pilotdeck::ui::router::Router::provide());
        state.add_plans(plans.clone());
        state.save_now();
    });

    // Two windows: each its own state read from storage, each its own end of the channel.
    let open = |slide| {
        let owner = Owner::new();
        let (state, workshop) = owner.with(|| {
            let state = AppState::load(pilotdeck::ui::router::Router::provide());
            (state, Workshop::start(state, id.clone(), slide))
        });
        (owner, state, workshop)
    };
    let (deck_owner, deck_state, deck) = open(2);
    // The presenter view opens second and takes the deck's place in the deck.
    let (presenter_owner, presenter_state, presenter) = open(0);
    until("the presenter view follows the deck", || {
        presenter.session.with_untracked(|s| s.slide) == 2
    })
    .await;

    deck_owner.with(|| deck.next());
    until("a move in the deck moves the presenter view", || {
        presenter.session.with_untracked(|s| s.slide) == 3
    })
    .await;
    presenter_owner.with(|| {
        presenter.previous();
        presenter.previous();
        presenter.toggle_timer();
        presenter.adjust_minutes(4);
    });
    until(
        "a move and the timer in the presenter view reach the deck",
        || {
            deck.session
                .with_untracked(|s| s.slide == 1 && s.timer.is_running() && s.minutes[1] == 14)
        },
    )
    .await;

    // An edit in one window shows in the other; a plan the workshop is not about stays as it is.
    deck_owner.with(|| {
        deck_state.edit_plan(&id, |p| {
            p.parking_lot.push("Second region after the pilot".into())
        });
        deck_state.edit_plan(&other, |p| p.name = "Changed elsewhere".into());
    });
    until("the deck's edit reaches the presenter view", || {
        presenter_state.portfolio.with_untracked(|p| {
            p.get(&id).is_some_and(|plan| {
                plan.parking_lot
                    .iter()
                    .any(|t| t == "Second region after the pilot")
            })
        })
    })
    .await;
    presenter_owner.with(|| {
        presenter_state.edit_plan(&id, |p| {
            p.foundation.objective = "Typed in the presenter view".into()
        })
    });
    until("the presenter view's edit reaches the deck", || {
        deck_state.portfolio.with_untracked(|p| {
            p.get(&id)
                .is_some_and(|plan| plan.foundation.objective == "Typed in the presenter view")
        })
    })
    .await;
    let untouched = presenter_state
        .portfolio
        .with_untracked(|p| p.get(&other).map(|plan| plan.name.clone()));
    assert_eq!(untouched, Some(plans[1].name.clone()));

    // Both windows end up with the same plan, and the last to save writes both edits.
    deck_owner.with(|| deck_state.save_now());
    presenter_owner.with(|| presenter_state.save_now());
    let store = pilotdeck::storage::BrowserStore::open().expect("opens");
    let stored = pilotdeck::storage::load(&store).expect("loads");
    let plan = stored.plans.iter().find(|p| p.id == id).expect("stored");
    assert_eq!(plan.foundation.objective, "Typed in the presenter view");
    assert!(plan
        .parking_lot
        .iter()
        .any(|t| t == "Second region after the pilot"));
    drop(deck_owner);
    drop(presenter_owner);
}

#[wasm_bindgen_test]
async fn discarding_deletes_only_the_values_the_banner_lists() {
    // One value set aside by an earlier load (its banner dismissed then), one by this load.
    let (_, _) = store_example_with_one_damaged();
    let store = pilotdeck::storage::BrowserStore::open().expect("opens");
    let earlier = pilotdeck::storage::load(&store).expect("loads").quarantined;
    assert_eq!(earlier.len(), 1);
    let earlier = earlier[0].kept_at.clone();
    let plans = pilotdeck::storage::load(&store).expect("loads").plans;
    local_storage()
        .set_item(&plan_key(&plans[0].id), "{\"schema_version\":1,\"plan\":")
        .expect("damage a second plan");

    let owner = Owner::new();
    let state = owner.with(|| AppState::load(pilotdeck::ui::router::Router::provide()));
    let report = state.storage.get_untracked();
    assert_eq!(
        report.quarantined.len(),
        1,
        "the banner lists this load's value"
    );
    assert_eq!(report.kept_aside.len(), 2);
    let listed = report.quarantined[0].kept_at.clone();

    owner.with(|| state.discard_unreadable());
    assert_eq!(local_storage().get_item(&listed).expect("get"), None);
    assert!(
        local_storage().get_item(&earlier).expect("get").is_some(),
        "the value the banner did not list is still set aside"
    );
    let report = state.storage.get_untracked();
    assert!(report.quarantined.is_empty());
    assert_eq!(report.kept_aside, vec![earlier]);
}

#[wasm_bindgen_test]
async fn discarding_unreadable_data_deletes_only_what_was_set_aside() {
    let (count, damaged) = store_example_with_one_damaged();
    let owner = Owner::new();
    let state = owner.with(|| AppState::load(pilotdeck::ui::router::Router::provide()));
    let report = state.storage.get_untracked();
    assert_eq!(report.quarantined.len(), 1);
    let aside = report.quarantined[0].kept_at.clone();
    assert_ne!(aside, damaged);
    assert_eq!(
        state.unreadable_values().len(),
        1,
        "offered for download first"
    );

    owner.with(|| state.discard_unreadable());
    assert_eq!(local_storage().get_item(&aside).expect("get"), None);
    let report = state.storage.get_untracked();
    assert!(report.quarantined.is_empty() && report.kept_aside.is_empty());
    let store = pilotdeck::storage::BrowserStore::open().expect("opens");
    assert_eq!(
        pilotdeck::storage::load(&store).expect("loads").plans.len(),
        count - 1,
        "the sound plans are untouched"
    );
}

thread_local! {
    /// What the gated screen's loader waits for, and how the test settles it.
    static GATE: std::cell::RefCell<Option<(js_sys::Promise, js_sys::Function, js_sys::Function)>> =
        const { std::cell::RefCell::new(None) };
}

/// Closes the gate: the next load waits until [`settle`] opens it.
fn close_gate() {
    let mut settle = None;
    let promise = js_sys::Promise::new(&mut |resolve, reject| settle = Some((resolve, reject)));
    let (resolve, reject) = settle.expect("the promise's executor runs at once");
    GATE.with(|gate| *gate.borrow_mut() = Some((promise, resolve, reject)));
}

fn settle(arrives: bool) {
    GATE.with(|gate| {
        let gate = gate.borrow();
        let (_, resolve, reject) = gate.as_ref().expect("a closed gate");
        let open = if arrives { resolve } else { reject };
        open.call0(&JsValue::NULL).expect("settles");
    });
}

fn gated_screen() -> AnyView {
    view! { <h1>"The gated screen"</h1> }.into_any()
}

/// A screen's loader as src/ui/screens.rs makes them, waiting on the gate.
async fn gated() -> Result<fn() -> AnyView, pilotdeck::ui::screens::Unavailable> {
    let promise = GATE.with(|gate| {
        gate.borrow()
            .as_ref()
            .map(|(promise, _, _)| promise.clone())
    });
    let promise = promise.expect("a closed gate");
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(_) => Ok(gated_screen as fn() -> AnyView),
        Err(_) => Err(pilotdeck::ui::screens::Unavailable),
    }
}

#[wasm_bindgen_test]
async fn a_screen_on_its_way_says_so_and_one_that_failed_opens_on_try_again() {
    close_gate();
    let container = attached_container();
    let handle = leptos::mount::mount_to(container.clone().unchecked_into(), || {
        pilotdeck::ui::screens::on_demand(pilotdeck::ui::screens::Place::Screen, gated, |build| {
            build()
        })
    });

    assert_eq!(
        text_of(&container, "[data-testid=screen-loading] h1"),
        vec!["Opening…"]
    );
    settle(false);
    until("the screen says it could not be loaded", || {
        text_of(&container, "[data-testid=screen-unavailable] h1")
            == vec!["This screen could not be loaded".to_string()]
    })
    .await;
    assert!(text_of(&container, "[role=alert]")
        .join(" ")
        .contains("Your plans are safe"));

    // "Try again" asks the loader again: "Opening…" until it answers, then the screen.
    close_gate();
    let again = container
        .query_selector("[data-testid=screen-unavailable] button")
        .expect("a valid selector")
        .expect("a Try again button")
        .unchecked_into::<web_sys::HtmlElement>();
    assert_eq!(again.text_content().as_deref(), Some("Try again"));
    again.click();
    until("it is opening again", || {
        text_of(&container, "[data-testid=screen-loading] h1") == vec!["Opening…".to_string()]
    })
    .await;
    settle(true);
    until("the screen shows", || {
        text_of(&container, "h1") == vec!["The gated screen".to_string()]
    })
    .await;

    drop(handle);
    container.remove();
}

/// Counts the calls of the closures it makes.
fn counter() -> (std::rc::Rc<std::cell::Cell<u32>>, impl FnOnce() + 'static) {
    let count = std::rc::Rc::new(std::cell::Cell::new(0));
    let counted = std::rc::Rc::clone(&count);
    (count, move || counted.set(counted.get() + 1))
}

#[wasm_bindgen_test]
async fn the_app_waits_for_the_plans_module_a_while_at_most_and_mounts_once() {
    use pilotdeck::ui::screens::mount_after;
    use std::time::Duration;

    // Here already (a build that is not split, or a module that has arrived): mounted at once.
    let (mounts, mount) = counter();
    mount_after(async {}, Duration::from_secs(60), mount);
    assert_eq!(mounts.get(), 1, "a module that is here is not waited for");

    // On its way and in time: mounted when it arrives, not before.
    close_gate();
    let (mounts, mount) = counter();
    mount_after(gated(), Duration::from_secs(60), mount);
    next_frame().await;
    next_frame().await;
    assert_eq!(mounts.get(), 0, "mounted before the module arrived");
    settle(true);
    until("mounted on its arrival", || mounts.get() == 1).await;

    // Too late: mounted when the wait ends, and not again when the module arrives or fails.
    close_gate();
    let (mounts, mount) = counter();
    mount_after(gated(), Duration::from_millis(30), mount);
    assert_eq!(mounts.get(), 0);
    until("mounted after the wait", || mounts.get() == 1).await;
    settle(false);
    next_frame().await;
    next_frame().await;
    assert_eq!(mounts.get(), 1, "mounted a second time");
}
